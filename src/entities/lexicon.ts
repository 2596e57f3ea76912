/**
 * Word-level resources the recogniser's features consult, derived by
 * `scripts/train-ner.ts` from corpora and packages (never hand-typed):
 *  - caps: how often a word is capitalised mid-sentence in running news text
 *    (tells "Apple"/"Bush" from "Before"/"Analysts" at a sentence start);
 *  - gazetteer: names by type, from WikiANN and GeoNames-based packages;
 *  - firstNames: given names, from WikiANN person names;
 *  - clusters: distributional word clusters from unlabelled news text;
 *  - nameEnds / nameStarts: the type a word signals when it ends or starts a
 *    name ("Inc", "plc", "Party" → ORG; "River", "Street" → LOC; "Cup" → MISC),
 *    from the names of the training corpora.
 */
import { hashString, mix } from './hash.js';

export const GAZ_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** The lexicon as train-ner derives it (plain word lists); `encodeLexicon` turns it into models/ner-lexicon.bin. */
export interface LexiconFile {
  /** caps[b] lists lowercase words whose mid-sentence capitalisation rate falls in bucket b (0 = always lowercase … 4 = always capitalised). */
  caps: string[][];
  gazetteer: Record<(typeof GAZ_TYPES)[number], string[]>;
  firstNames: string[];
  /** Family names: last words of person names (WikiANN), seen at least twice. */
  lastNames?: string[];
  /** Role words from the training data: nouns seen right before person names, and their modifiers. */
  titles?: { heads: string[]; modifiers: string[] };
  /** clusters[c] lists the lowercase words of word cluster c (at most 255 clusters). */
  clusters?: string[][];
  /** Lowercase words that end names, by the type of name they mostly end (GAZ_TYPES order). */
  nameEnds?: Record<(typeof GAZ_TYPES)[number], string[]>;
  /** Lowercase words that start names, by the type of name they mostly start. */
  nameStarts?: Record<(typeof GAZ_TYPES)[number], string[]>;
}

/** What the features need from a table keyed by 32-bit hashes: a Map/Set while training, a HashTable when loaded. */
export interface U32Lookup {
  get(key: number): number | undefined;
  has(key: number): boolean;
  readonly size: number;
}

export interface Lexicon {
  /** hash(lowercase word) → caps bucket + 1 (0 = unknown). */
  caps: U32Lookup;
  /** sequence hash of lowercase tokens → bit mask of GAZ_TYPES. */
  gaz: U32Lookup;
  /** Sequence hashes of every proper prefix of a gazetteer entry, so matching can stop early. */
  gazPrefixes: U32Lookup;
  gazMaxLen: number;
  firstNames: U32Lookup;
  lastNames: U32Lookup;
  /** hash(lowercase word) → word cluster + 1. */
  clusters: U32Lookup;
  /** hash(lowercase word) → 1 + index into GAZ_TYPES of the names it ends / starts. */
  nameEnds: U32Lookup;
  nameStarts: U32Lookup;
}

/**
 * Open-addressing table of non-zero 32-bit keys → u8 values (> 0), stored as
 * two typed arrays so it loads from a file without rebuilding anything.
 * @example HashTable.from([[7, 1]]).get(7) // 1
 */
export class HashTable implements U32Lookup {
  private readonly mask: number;
  constructor(
    readonly keys: Uint32Array,
    readonly vals: Uint8Array,
    readonly size: number,
  ) {
    this.mask = keys.length - 1;
  }

  static from(entries: Iterable<[number, number]>): HashTable {
    const list = [...entries].filter(([k]) => k !== 0);
    let slots = 8;
    while (slots < list.length * 1.25) slots <<= 1;
    const keys = new Uint32Array(slots);
    const vals = new Uint8Array(slots);
    for (const [k, v] of list) {
      let i = k & (slots - 1);
      while (keys[i] !== 0 && keys[i] !== k) i = (i + 1) & (slots - 1);
      keys[i] = k;
      vals[i] = Math.max(1, Math.min(255, v));
    }
    return new HashTable(keys, vals, list.length);
  }

  get(key: number): number | undefined {
    const keys = this.keys;
    let i = key & this.mask;
    let k: number;
    while ((k = keys[i]!) !== 0) {
      if (k === key) return this.vals[i];
      i = (i + 1) & this.mask;
    }
    return undefined;
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }
}

/** What the recogniser loads: the lexicon plus the role words. */
export interface LoadedLexicon {
  lexicon: Lexicon;
  titles: { heads: string[]; modifiers: string[] };
}

/**
 * Binary form of the lexicon (models/ner-lexicon.bin): hashes only, laid out
 * as ready-made open-addressing tables, so loading is a few typed-array views.
 *   "LEX2" | u32 gazMaxLen | u32 titlesJsonBytes | u32 tables (8)
 *   per table (caps, gaz, gazPrefixes, firstNames, lastNames, clusters, nameEnds, nameStarts): u32 slots | u32 size | u32 keys[slots] | u8 vals[slots] (padded to 4)
 *   titles JSON
 */
export function encodeLexicon(file: LexiconFile): Buffer {
  const lex = buildLexicon(file);
  const tables = [lex.caps, lex.gaz, lex.gazPrefixes, lex.firstNames, lex.lastNames, lex.clusters, lex.nameEnds, lex.nameStarts].map((m) => HashTable.from(m as Map<number, number>));
  const titles = Buffer.from(JSON.stringify(file.titles ?? { heads: [], modifiers: [] }), 'utf8');
  const parts: Buffer[] = [Buffer.from(new Uint32Array([0x3258454c, lex.gazMaxLen, titles.length, tables.length]).buffer)];
  for (const t of tables) {
    parts.push(Buffer.from(new Uint32Array([t.keys.length, t.size]).buffer), Buffer.from(t.keys.buffer));
    const pad = (4 - (t.vals.length % 4)) % 4;
    parts.push(Buffer.from(t.vals), Buffer.alloc(pad));
  }
  parts.push(titles);
  return Buffer.concat(parts);
}

export function decodeLexicon(data: Uint8Array): LoadedLexicon {
  const bytes = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
  const buf = bytes.buffer;
  const base = bytes.byteOffset;
  const head = new Uint32Array(buf, base, 4);
  if (head[0] !== 0x3258454c) throw new Error('Not a recogniser lexicon (bad magic)');
  const [, maxLen, nt, nTables] = head as unknown as number[];
  let o = 16;
  const tables: HashTable[] = [];
  for (let t = 0; t < nTables!; t++) {
    const [slots, size] = new Uint32Array(buf, base + o, 2) as unknown as number[];
    o += 8;
    const keys = new Uint32Array(buf, base + o, slots!);
    o += 4 * slots!;
    const vals = new Uint8Array(buf, base + o, slots!);
    o += slots! + ((4 - (slots! % 4)) % 4);
    tables.push(new HashTable(keys, vals, size!));
  }
  const titles = JSON.parse(Buffer.from(buf, base + o, nt!).toString('utf8')) as LoadedLexicon['titles'];
  const empty = HashTable.from([]);
  const [caps, gaz, gazPrefixes, firstNames, lastNames, clusters = empty, nameEnds = empty, nameStarts = empty] = tables as HashTable[];
  return { lexicon: { caps: caps!, gaz: gaz!, gazPrefixes: gazPrefixes!, gazMaxLen: maxLen!, firstNames: firstNames!, lastNames: lastNames!, clusters, nameEnds, nameStarts }, titles };
}

export const SEQ_SEED = 0x2545f491;

/** Hash of a token sequence, extended one lowercase token at a time. */
export function seqHash(prev: number, lowerToken: string): number {
  return mix(prev, hashString(lowerToken));
}

/** Splits a name into the tokens our tokenizer would produce, closely enough for matching. */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/\s+|(?=['](?:s)\b)|(?<=[(),])|(?=[(),])/u)
    .filter((t) => t.length > 0);
}

/** @example buildLexicon({ caps: [[], [], [], [], ['paris']], gazetteer: { PER: [], ORG: [], LOC: ['Paris'], MISC: [] }, firstNames: [] }).gaz.size // 1 */
export function buildLexicon(file: LexiconFile): Lexicon {
  const caps = new Map<number, number>();
  file.caps.forEach((words, bucket) => {
    for (const w of words) caps.set(hashString(w), bucket + 1);
  });
  const gaz = new Map<number, number>();
  const gazPrefixes = new Set<number>();
  let gazMaxLen = 1;
  GAZ_TYPES.forEach((type, bit) => {
    for (const name of file.gazetteer[type]) {
      const toks = nameTokens(name);
      if (toks.length === 0 || toks.length > 8) continue;
      let h = SEQ_SEED;
      for (let k = 0; k < toks.length; k++) {
        if (k > 0) gazPrefixes.add(h);
        h = seqHash(h, toks[k]!);
      }
      gaz.set(h, (gaz.get(h) ?? 0) | (1 << bit));
      if (toks.length > gazMaxLen) gazMaxLen = toks.length;
    }
  });
  const firstNames = new Set(file.firstNames.map((w) => hashString(w.toLowerCase())));
  const lastNames = new Set((file.lastNames ?? []).map((w) => hashString(w.toLowerCase())));
  const asMap = (set: Set<number>) => new Map([...set].map((k): [number, number] => [k, 1]));
  const clusters = new Map<number, number>();
  (file.clusters ?? []).forEach((words, c) => {
    for (const w of words) clusters.set(hashString(w), c + 1);
  });
  const byType = (lists: LexiconFile['nameEnds']) => {
    const m = new Map<number, number>();
    if (lists) GAZ_TYPES.forEach((t, k) => lists[t].forEach((w) => m.set(hashString(w), k + 1)));
    return m;
  };
  return { caps, gaz, gazPrefixes: asMap(gazPrefixes), gazMaxLen, firstNames: asMap(firstNames), lastNames: asMap(lastNames), clusters, nameEnds: byType(file.nameEnds), nameStarts: byType(file.nameStarts) };
}
