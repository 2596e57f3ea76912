import type { Doc, Paragraph, Sentence, Token } from './doc.js';
import { segment } from './segment.js';
import { tokenize } from './tokenize.js';

export interface DocInput {
  text: string;
  title?: string | null;
  /** ISO date (YYYY-MM-DD) relative dates resolve against. */
  publishedAt?: string | null;
}

/**
 * Builds the text layer of a Doc: tokens, sentences and paragraphs with UTF-16 offsets.
 *
 * @example
 * const doc = createDoc({ text: 'Putin met Pezeshkian. They talked.' });
 * doc.sentences.length; // 2
 */
export function createDoc(input: DocInput): Doc {
  const { text } = input;
  const raw = tokenize(text);
  const seg = segment(text, raw);
  // The tokenizer's objects become the Doc's tokens (one allocation per token, not two).
  for (let i = 0; i < raw.length; i++) raw[i]!.sentence = seg.sentenceOf[i]!;
  const tokens: Token[] = raw;
  const sentences: Sentence[] = seg.sentences.map((s) => ({
    start: raw[s.tokenStart]!.start,
    end: raw[s.tokenEnd - 1]!.end,
    tokenStart: s.tokenStart,
    tokenEnd: s.tokenEnd,
    paragraph: s.paragraph,
  }));
  const paragraphs: Paragraph[] = seg.paragraphs.map((p) => ({
    start: sentences[p.sentenceStart]!.start,
    end: sentences[p.sentenceEnd - 1]!.end,
    sentenceStart: p.sentenceStart,
    sentenceEnd: p.sentenceEnd,
  }));
  return {
    text,
    title: input.title ?? null,
    publishedAt: input.publishedAt ?? null,
    tokens,
    sentences,
    paragraphs,
    mentions: [],
    entities: [],
    times: [],
    quotedSpans: [],
    quotes: [],
    events: [],
  };
}
