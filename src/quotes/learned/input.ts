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

/** A candidate's kind: a recognised entity's type, or a pronoun, a role description, an unrecognised capitalised name. */
export type CandidateType = EntityType | 'PRONOUN' | 'DESCRIPTION' | 'PROPER';

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
  /** The entity recogniser's mentions, in text order. */
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
 * The token view of a Doc after the entity stage. `quoted` are the quoted
 * regions as UTF-16 offset ranges [open, closeEnd) (marks included).
 */
export function viewOfDoc(doc: Doc, quoted: readonly { open: number; closeEnd: number }[] = []): TokenView {
  const ix = tokenIndex(doc);
  const n = doc.tokens.length;
  const sentence = new Int32Array(n);
  const paragraph = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const s = doc.tokens[k]!.sentence;
    sentence[k] = s;
    paragraph[k] = doc.sentences[s]!.paragraph;
  }
  const inQuote = new Uint8Array(n);
  let t = 0;
  for (const q of quoted) {
    while (t < n && ix.ends[t]! <= q.open) t++;
    for (let k = t; k < n && ix.starts[k]! < q.closeEnd; k++) inQuote[k] = 1;
  }
  return {
    texts: doc.tokens.map((x) => x.text),
    lower: ix.lower,
    sentence,
    paragraph,
    inQuote,
    sentenceStart: Int32Array.from(doc.sentences, (s) => s.tokenStart),
    sentenceEnd: Int32Array.from(doc.sentences, (s) => s.tokenEnd),
    mentions: doc.mentions.map((m) => ({ tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, type: m.type })),
  };
}
