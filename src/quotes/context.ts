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
}

/** Index of the token containing or starting after `offset`. */
export function tokenAt(ctx: QuoteContext, offset: number): number {
  return tokenAtOffset(ctx.index, offset);
}

export function buildContext(doc: Doc): QuoteContext {
  const index = tokenIndex(doc);
  const { mentions, at } = mentionAt(doc);
  // The two per-token arrays the stage fills later, views of one buffer (a typed array of its own costs an allocation
  // of its backing store each): the learned cue models' word hashes and the cue-word kinds.
  const n = index.lower.length;
  const perToken = new ArrayBuffer(5 * n);
  const hashes = new Uint32Array(perToken, 0, n);
  const cueKinds = new Uint8Array(perToken, 4 * n, n);
  return { doc, mentionOf: at, mentions, quoteOf: quotedAt(doc), spans: doc.quotedSpans, lower: index.lower, word: index.word, cap: index.cap, index, hashes, cueKinds };
}
