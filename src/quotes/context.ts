/**
 * What the quotation stage's modules share while they work on one Doc: the
 * Doc's per-token look-ups (text/layers.ts: the entity mention and the quoted
 * span covering each token, built once per Doc) and the token index. Nothing
 * is mapped to tokens here.
 */
import type { Doc, QuotedSpan } from '../text/doc.js';
import { mentionAt, quotedAt, type MentionRef } from '../text/layers.js';
import { tokenAtOffset, tokenIndex, type TokenIndex } from '../text/token-index.js';
import type { CueCache } from './cues.js';

export type { MentionRef };

export interface QuoteContext {
  doc: Doc;
  /** For each token: index into `mentions` of the entity mention covering it, or -1. */
  mentionOf: Int32Array;
  mentions: MentionRef[];
  /** For each token: index into `spans` of the quoted span it lies in (marks included), or -1. */
  quoteOf: Int32Array;
  spans: readonly QuotedSpan[];
  /** Lowercased token texts, and per token whether it holds a letter or digit / starts uppercase (shared with other stages). */
  lower: readonly string[];
  word: Uint8Array;
  cap: Uint8Array;
  index: TokenIndex;
  /** Cue look-up tables, built by `cues.ts` on first use. */
  cues?: CueCache;
  /** Word hashes for the learned cue models (learned/reported.ts), filled lazily per token (0: not yet). */
  hashes?: Uint32Array;
  /** Zeros, one per token, for the cue-word kinds `cues.ts` fills once (its `CueCache.kind`). */
  cueKinds?: Uint8Array;
  /** The learned review's marks (review.ts, which zeroes them before use): one per token and one per UTF-16 unit of the text. */
  reviewSkip?: Uint8Array;
  reviewBusy?: Uint8Array;
  /** The tokens "that", ascending (indirect.ts `thatTokens`, on first use). */
  thatTokens?: readonly number[];
}

/** Index of the token containing or starting after `offset`. */
export function tokenAt(ctx: QuoteContext, offset: number): number {
  return tokenAtOffset(ctx.index, offset);
}

export function buildContext(doc: Doc): QuoteContext {
  const index = tokenIndex(doc);
  const { mentions, at } = mentionAt(doc);
  // The arrays the stage fills later, views of one buffer (an ArrayBuffer of its own costs an allocation of its backing
  // store each: ~0.2% of the pipeline's profile apiece): the learned cue models' word hashes, the cue-word kinds, and
  // the review's token and character marks.
  const n = index.lower.length;
  const chars = doc.text.length;
  const buffer = new ArrayBuffer(6 * n + chars);
  const hashes = new Uint32Array(buffer, 0, n);
  const cueKinds = new Uint8Array(buffer, 4 * n, n);
  const reviewSkip = new Uint8Array(buffer, 5 * n, n);
  const reviewBusy = new Uint8Array(buffer, 6 * n, chars);
  return { doc, mentionOf: at, mentions, quoteOf: quotedAt(doc), spans: doc.quotedSpans, lower: index.lower, word: index.word, cap: index.cap, index, hashes, cueKinds, reviewSkip, reviewBusy };
}
