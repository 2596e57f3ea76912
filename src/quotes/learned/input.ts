/**
 * What the learned quotation models read: plain token data, so they run on any
 * document representation that can give token texts, sentence and paragraph
 * indices, quoted regions and the entity recogniser's mentions as token ranges.
 * `viewOfDoc` builds it from a pipeline Doc.
 */
import type { EntityType } from '../../document/schema.js';
import type { Doc } from '../../text/doc.js';
import { hashString } from '../../entities/hash.js';
import { tokenIndex } from '../../text/token-index.js';
import { mentionAt, quotedAt } from '../../text/layers.js';

/**
 * A candidate's kind: a recognised entity's type, or a pronoun, a role
 * description ("the spokesman"), an unrecognised capitalised name, or another
 * noun standing right before or after the cue ("the report", "records show").
 */
export type CandidateType = EntityType | 'PRONOUN' | 'DESCRIPTION' | 'PROPER' | 'NOUN';

/** A token range [tokenStart, tokenEnd). */
export interface TokenSpan {
  tokenStart: number;
  tokenEnd: number;
}

export interface TypedSpan extends TokenSpan {
  type: CandidateType;
}

export interface TokenView {
  /** Token texts, and lowercased. */
  texts: readonly string[];
  lower: readonly string[];
  /** Per token: sentence index, paragraph index, and 1 when inside quotation marks (marks included). */
  sentence: ArrayLike<number>;
  paragraph: ArrayLike<number>;
  inQuote: ArrayLike<number>;
  /** Per sentence: first token and one past the last. */
  sentenceStart: ArrayLike<number>;
  sentenceEnd: ArrayLike<number>;
  /** The entity stage's mentions (of clustered entities), in text order. */
  mentions: readonly TypedSpan[];
}

/** Per-view caches: word hashes and which mention covers each token. */
export interface ViewCache {
  hash: Uint32Array;
  /** Index into view.mentions covering each token, or -1. */
  mentionOf: Int32Array;
}

const caches = new WeakMap<TokenView, ViewCache>();

export function cacheOf(view: TokenView): ViewCache {
  let c = caches.get(view);
  if (!c) {
    const n = view.lower.length;
    const hash = new Uint32Array(n);
    for (let k = 0; k < n; k++) hash[k] = hashString(view.lower[k]!);
    const mentionOf = new Int32Array(n).fill(-1);
    view.mentions.forEach((m, i) => {
      for (let t = m.tokenStart; t < m.tokenEnd; t++) if (mentionOf[t] === -1) mentionOf[t] = i;
    });
    c = { hash, mentionOf };
    caches.set(view, c);
  }
  return c;
}

/**
 * The token view of a Doc after the entity and quotation-mark stages (their
 * layers' per-token look-ups: `mentionAt`, `quotedAt`).
 */
export function viewOfDoc(doc: Doc): TokenView {
  const ix = tokenIndex(doc);
  const n = doc.tokens.length;
  const sentence = new Int32Array(n);
  const paragraph = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const s = doc.tokens[k]!.sentence;
    sentence[k] = s;
    paragraph[k] = doc.sentences[s]!.paragraph;
  }
  const quoted = quotedAt(doc);
  const inQuote = new Uint8Array(n);
  for (let k = 0; k < n; k++) if (quoted[k]! >= 0) inQuote[k] = 1;
  return {
    texts: doc.tokens.map((x) => x.text),
    lower: ix.lower,
    sentence,
    paragraph,
    inQuote,
    sentenceStart: Int32Array.from(doc.sentences, (s) => s.tokenStart),
    sentenceEnd: Int32Array.from(doc.sentences, (s) => s.tokenEnd),
    // The entity stage's mentions (of clustered entities, as the rules see them), in text order.
    mentions: mentionAt(doc).mentions.map((m) => ({ tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, type: m.entity.type })),
  };
}
