/**
 * Look-up tables over a Doc that the quotation stage needs many times: which
 * entity mention covers a token, which tokens sit inside quotation marks, and
 * token ↔ offset conversion. Built once per document in linear time.
 */
import type { Entity } from '../document/schema.js';
import type { Doc } from '../text/doc.js';
import { tokenAtOffset, tokenIndex, type TokenIndex } from '../text/token-index.js';
import type { QuotedSpan } from './marks.js';
import type { CueCache } from './cues.js';

export interface MentionRef {
  entity: Entity;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

export interface QuoteContext {
  doc: Doc;
  /** For each token: index into `mentions` of the entity mention covering it, or -1. */
  mentionOf: Int32Array;
  mentions: MentionRef[];
  /** For each token: index into `spans` of the quoted span it lies in (marks included), or -1. */
  quoteOf: Int32Array;
  spans: QuotedSpan[];
  /** Lowercased token texts, and per token whether it holds a letter or digit / starts uppercase (shared with other stages). */
  lower: readonly string[];
  word: Uint8Array;
  cap: Uint8Array;
  index: TokenIndex;
  /** Cue look-up tables, built by `cues.ts` on first use. */
  cues?: CueCache;
}

/** Index of the token containing or starting after `offset`. */
export function tokenAt(ctx: QuoteContext, offset: number): number {
  return tokenAtOffset(ctx.index, offset);
}

export function buildContext(doc: Doc, spans: QuotedSpan[]): QuoteContext {
  const n = doc.tokens.length;
  const index = tokenIndex(doc);
  const both = new Int32Array(2 * n).fill(-1); // one allocation for mentionOf and quoteOf
  const mentionOf = both.subarray(0, n);
  const mentions: MentionRef[] = [];
  for (const entity of doc.entities) {
    for (const m of entity.mentions) {
      const ts = tokenAtOffset(index, m.start);
      let te = ts;
      while (te < n && index.starts[te]! < m.end) te++;
      if (te === ts) continue;
      const idx = mentions.length;
      mentions.push({ entity, start: m.start, end: m.end, tokenStart: ts, tokenEnd: te });
      for (let t = ts; t < te; t++) if (mentionOf[t] === -1) mentionOf[t] = idx;
    }
  }
  const quoteOf = both.subarray(n);
  spans.forEach((q, i) => {
    const closeEnd = q.closeEnd;
    for (let t = tokenAtOffset(index, q.open); t < n && index.starts[t]! < closeEnd; t++) quoteOf[t] = i;
  });
  return { doc, mentionOf, mentions, quoteOf, spans, lower: index.lower, word: index.word, cap: index.cap, index };
}
