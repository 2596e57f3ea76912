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
  return { caps, gaz, gazPrefixes, gazMaxLen, firstNames };
}
