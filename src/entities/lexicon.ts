/**
 * Word-level resources the recogniser's features consult, derived by
 * `scripts/train-ner.ts` from corpora and packages (never hand-typed):
 *  - caps: how often a word is capitalised mid-sentence in running news text
 *    (tells "Apple"/"Bush" from "Before"/"Analysts" at a sentence start);
 *  - gazetteer: names by type, from WikiANN and GeoNames-based packages;
 *  - firstNames: given names, from WikiANN person names.
 */
import { hashString, mix } from './hash.js';

export const GAZ_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** The JSON written to models/ner-lexicon.json. */
export interface LexiconFile {
  /** caps[b] lists lowercase words whose mid-sentence capitalisation rate falls in bucket b (0 = always lowercase … 4 = always capitalised). */
  caps: string[][];
  gazetteer: Record<(typeof GAZ_TYPES)[number], string[]>;
  firstNames: string[];
  /** Family names: last words of person names (WikiANN), seen at least twice. */
  lastNames?: string[];
  /** Role words from the training data: nouns seen right before person names, and their modifiers. */
  titles?: { heads: string[]; modifiers: string[] };
}

export interface Lexicon {
  /** hash(lowercase word) → caps bucket + 1 (0 = unknown). */
  caps: Map<number, number>;
  /** sequence hash of lowercase tokens → bit mask of GAZ_TYPES. */
  gaz: Map<number, number>;
  /** Sequence hashes of every proper prefix of a gazetteer entry, so matching can stop early. */
  gazPrefixes: Set<number>;
  gazMaxLen: number;
  firstNames: Set<number>;
  lastNames: Set<number>;
}

/** What the recogniser loads: the lexicon plus the role words. */
export interface LoadedLexicon {
  lexicon: Lexicon;
  titles: { heads: string[]; modifiers: string[] };
}

/**
 * Compact binary form of the lexicon (models/ner-lexicon.bin): hashes only, so
 * loading is a few typed-array reads instead of re-tokenising 40k names.
 *   "LEX1" | u32 caps | u32 gaz | u32 prefixes | u32 first | u32 gazMaxLen | u32 titlesJsonBytes | u32 last
 *   u32 capsKeys[] | u32 gazKeys[] | u32 prefixes[] | u32 first[] | u32 last[] | u8 capsVals[] | u8 gazMasks[] | titles JSON
 */
export function encodeLexicon(file: LexiconFile): Buffer {
  const lex = buildLexicon(file);
  const caps = [...lex.caps].sort((a, b) => a[0] - b[0]);
  const gaz = [...lex.gaz].sort((a, b) => a[0] - b[0]);
  const prefixes = [...lex.gazPrefixes].sort((a, b) => a - b);
  const first = [...lex.firstNames].sort((a, b) => a - b);
  const last = [...lex.lastNames].sort((a, b) => a - b);
  const titles = Buffer.from(JSON.stringify(file.titles ?? { heads: [], modifiers: [] }), 'utf8');
  const u32 = new Uint32Array(8 + caps.length + gaz.length + prefixes.length + first.length + last.length);
  u32.set([0x3158454c, caps.length, gaz.length, prefixes.length, first.length, lex.gazMaxLen, titles.length, last.length]);
  let o = 8;
  for (const [k] of caps) u32[o++] = k;
  for (const [k] of gaz) u32[o++] = k;
  for (const k of prefixes) u32[o++] = k;
  for (const k of first) u32[o++] = k;
  for (const k of last) u32[o++] = k;
  const u8 = Uint8Array.from([...caps.map((c) => c[1]), ...gaz.map((g) => g[1])]);
  return Buffer.concat([Buffer.from(u32.buffer), Buffer.from(u8), titles]);
}

export function decodeLexicon(data: Uint8Array): LoadedLexicon {
  const bytes = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
  const head = new Uint32Array(bytes.buffer, bytes.byteOffset, 8);
  if (head[0] !== 0x3158454c) throw new Error('Not a recogniser lexicon (bad magic)');
  const [, nc, ng, np, nf, maxLen, nt, nl] = head as unknown as number[];
  const keys = new Uint32Array(bytes.buffer, bytes.byteOffset + 32, nc! + ng! + np! + nf! + nl!);
  const vals = bytes.subarray(32 + 4 * keys.length, 32 + 4 * keys.length + nc! + ng!);
  const caps = new Map<number, number>();
  const gaz = new Map<number, number>();
  for (let k = 0; k < nc!; k++) caps.set(keys[k]!, vals[k]!);
  for (let k = 0; k < ng!; k++) gaz.set(keys[nc! + k]!, vals[nc! + k]!);
  const gazPrefixes = new Set(keys.subarray(nc! + ng!, nc! + ng! + np!));
  const firstNames = new Set(keys.subarray(nc! + ng! + np!, nc! + ng! + np! + nf!));
  const lastNames = new Set(keys.subarray(nc! + ng! + np! + nf!));
  const tStart = 32 + 4 * keys.length + nc! + ng!;
  const titles = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + tStart, nt!).toString('utf8')) as LoadedLexicon['titles'];
  return { lexicon: { caps, gaz, gazPrefixes, gazMaxLen: maxLen!, firstNames, lastNames }, titles };
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
  return { caps, gaz, gazPrefixes, gazMaxLen, firstNames, lastNames };
}
