/**
 * Sentence and paragraph boundaries over tokens.
 *
 * Paragraphs end at blank lines; in texts written one paragraph per line (most
 * web and wire copy) every line break ends one, while in hard-wrapped texts a
 * single line break only ends a paragraph after sentence-final punctuation.
 * Sentences end at . ! ? … (plus any closing quotes or brackets glued to them)
 * when the next token can start a sentence, and always at paragraph ends.
 */
import type { RawToken } from './tokenize.js';

export interface Segments {
  /** For each token: its sentence index. */
  sentenceOf: number[];
  sentences: { tokenStart: number; tokenEnd: number; paragraph: number }[];
  paragraphs: { sentenceStart: number; sentenceEnd: number }[];
}

const TERMINAL = /^(?:[.!?…]+|\.\.\.)$/u;
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»', '›']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '‹', '„', '—', '-', '–', '•', '*']);

export function segment(text: string, tokens: RawToken[]): Segments {
  const lineBreakEndsParagraph = !isHardWrapped(text);
  const sentenceOf = new Array<number>(tokens.length);
  const sentences: Segments['sentences'] = [];
  const paragraphs: Segments['paragraphs'] = [];
  let sentStart = 0;
  let paraSentStart = 0;

  const closeSentence = (end: number) => {
    if (end <= sentStart) return;
    for (let k = sentStart; k < end; k++) sentenceOf[k] = sentences.length;
    sentences.push({ tokenStart: sentStart, tokenEnd: end, paragraph: paragraphs.length });
    sentStart = end;
  };
  const closeParagraph = () => {
    if (sentences.length > paraSentStart) {
      paragraphs.push({ sentenceStart: paraSentStart, sentenceEnd: sentences.length });
      paraSentStart = sentences.length;
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    const newlines = countNewlines(text, tok.end, next.start);
    if (newlines >= 2 || (newlines === 1 && (lineBreakEndsParagraph || endsSentenceAt(tokens, i)))) {
      closeSentence(i + 1);
      closeParagraph();
      continue;
    }
    const last = tok.text.charCodeAt(tok.text.length - 1);
    // Cheap first check: only tokens ending in . ! ? … can end a sentence.
    if (last !== 46 && last !== 33 && last !== 63 && last !== 0x2026) continue;
    if (TERMINAL.test(tok.text) || (last === 46 && tok.text.length > 1 && /^(?:\p{L}\.)+$/u.test(tok.text) && startsSentenceStrongly(next.text))) {
      // Absorb closing quotes/brackets glued to the punctuation: ...high.” [
      let j = i;
      while (j + 1 < tokens.length && CLOSERS.has(tokens[j + 1]!.text) && !tokens[j + 1]!.spaceBefore) j++;
      const after = tokens[j + 1];
      if (!after) break;
      const gap2 = countNewlines(text, tokens[j]!.end, after.start);
      if (canStartSentence(after.text) || gap2 > 0) {
        i = j;
        closeSentence(j + 1);
        if (gap2 >= 2 || (gap2 === 1 && lineBreakEndsParagraph)) closeParagraph();
      }
    }
  }
  closeSentence(tokens.length);
  closeParagraph();
  return { sentenceOf, sentences, paragraphs };
}

function endsSentenceAt(tokens: RawToken[], i: number): boolean {
  let j = i;
  while (j > 0 && CLOSERS.has(tokens[j]!.text)) j--;
  return TERMINAL.test(tokens[j]!.text) || tokens[j]!.text === ':';
}

function canStartSentence(word: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(word) || OPENERS.has(word);
}

const STRONG_STARTERS = new Set(['The', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'But', 'And', 'In', 'A', 'An', 'His', 'Her', 'Their', 'There']);
function startsSentenceStrongly(word: string): boolean {
  return STRONG_STARTERS.has(word);
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (s.charCodeAt(k) === 10) n++;
  return n;
}

/** Hard-wrapped text: many lines, all short, so line breaks are mostly mid-sentence. */
function isHardWrapped(text: string): boolean {
  let lines = 0;
  let long = 0;
  let start = 0;
  for (let k = 0; k <= text.length; k++) {
    if (k === text.length || text.charCodeAt(k) === 10) {
      const len = k - start;
      if (len > 0) {
        lines++;
        if (len > 100) long++;
      }
      start = k + 1;
    }
  }
  return lines >= 5 && long === 0 && text.length / lines > 40;
}
