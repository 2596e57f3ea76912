/**
 * Look-up tables over a Doc that the quotation stage needs many times: which
 * entity mention covers a token, which tokens sit inside quotation marks, and
 * token ↔ offset conversion. Built once per document in linear time.
 */
import type { Entity } from '../document/schema.js';
import type { Doc } from '../text/doc.js';
import type { QuotedSpan } from './marks.js';

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
  /** Lowercased token texts. */
  lower: string[];
}

/** Index of the token containing or starting after `offset`. */
export function tokenAt(doc: Doc, offset: number): number {
  const toks = doc.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildContext(doc: Doc, spans: QuotedSpan[]): QuoteContext {
  const n = doc.tokens.length;
  const mentionOf = new Int32Array(n).fill(-1);
  const mentions: MentionRef[] = [];
  for (const entity of doc.entities) {
    for (const m of entity.mentions) {
      const ts = tokenAt(doc, m.start);
      let te = ts;
      while (te < n && doc.tokens[te]!.start < m.end) te++;
      if (te === ts) continue;
      const idx = mentions.length;
      mentions.push({ entity, start: m.start, end: m.end, tokenStart: ts, tokenEnd: te });
      for (let t = ts; t < te; t++) if (mentionOf[t] === -1) mentionOf[t] = idx;
    }
  }
  const quoteOf = new Int32Array(n).fill(-1);
  spans.forEach((q, i) => {
    const closeEnd = q.closeEnd;
    for (let t = tokenAt(doc, q.open); t < n && doc.tokens[t]!.start < closeEnd; t++) quoteOf[t] = i;
  });
  const lower = doc.tokens.map((t) => t.text.toLowerCase());
  return { doc, mentionOf, mentions, quoteOf, spans, lower };
}
