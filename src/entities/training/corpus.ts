/**
 * Annotated corpora as the recogniser sees users' articles: each document is
 * detokenised into natural text, run through the project's own text layer
 * (createDoc), and the gold entities are projected onto our tokens by
 * character offsets. Training and evaluation both go through here, so the
 * model learns on exactly the token sequences it meets in production.
 *
 * Used only by scripts (training, evaluation); the pipeline never imports it.
 */
import { readFileSync } from 'node:fs';
import { createDoc } from '../../text/create-doc.js';
import type { Doc } from '../../text/doc.js';
import { TYPES } from '../labels.js';

export interface GoldSpan {
  start: number;
  end: number;
  /** Index into TYPES. */
  type: number;
}

export interface GoldDoc {
  doc: Doc;
  /** Gold entities as UTF-16 character spans of doc.text. */
  spans: GoldSpan[];
}

/** One source sentence: tokens with IOB/BIO tags already mapped to TYPES names (or 'O'). */
export interface TaggedSentence {
  words: string[];
  tags: string[];
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'RE", "'VE", "'LL", "'D", "'M", '...']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '``']);

/**
 * Joins tokenised sentences into natural text (one paragraph per sentence) and
 * returns the character span of every token.
 * @example detokenize([{ words: ['Russia', "'s", 'move', '.'], tags: ['B-LOC', 'O', 'O', 'O'] }]).text // "Russia's move."
 */
export function detokenize(sentences: TaggedSentence[]): { text: string; spans: GoldSpan[] } {
  let text = '';
  const spans: GoldSpan[] = [];
  for (const s of sentences) {
    if (text.length > 0) text += '\n\n';
    let quoteOpen = false;
    let glueNext = true;
    let open: GoldSpan | null = null;
    for (let k = 0; k < s.words.length; k++) {
      let w = s.words[k]!;
      if (w === '``' || w === "''") w = '"';
      let space = !glueNext;
      let glue = false;
      if (w === '"') {
        if (quoteOpen) space = false;
        else glue = true;
        quoteOpen = !quoteOpen;
      } else if (NO_SPACE_BEFORE.has(w)) space = false;
      if (NO_SPACE_AFTER.has(w)) glue = true;
      if (space) text += ' ';
      const start = text.length;
      text += w;
      glueNext = glue;
      const tag = s.tags[k]!;
      const type = tag === 'O' ? -1 : TYPES.indexOf(tag.slice(2) as (typeof TYPES)[number]);
      const begins = tag.startsWith('B-') || (type >= 0 && (open === null || open.type !== type));
      if (open && (type < 0 || begins)) {
        spans.push(open);
        open = null;
      }
      if (type >= 0) {
        if (!open) open = { start, end: text.length, type };
        else open.end = text.length;
      }
    }
    if (open) spans.push(open);
  }
  return { text, spans };
}

/** Builds a GoldDoc from detokenised sentences. */
export function goldDoc(sentences: TaggedSentence[]): GoldDoc {
  const { text, spans } = detokenize(sentences);
  return { doc: createDoc({ text }), spans };
}

/** Token-level projection of gold character spans onto doc tokens: [tokenStart, tokenEnd, type]. */
export function projectSpans(doc: Doc, spans: GoldSpan[]): { start: number; end: number; type: number }[] {
  const out: { start: number; end: number; type: number }[] = [];
  const toks = doc.tokens;
  let t = 0;
  for (const s of spans) {
    while (t < toks.length && toks[t]!.end <= s.start) t++;
    let e = t;
    while (e < toks.length && toks[e]!.start < s.end) e++;
    if (e > t) out.push({ start: t, end: e, type: s.type });
  }
  // Overlapping projections (a token shared by two gold spans) keep the first.
  return out.filter((s, k) => k === 0 || s.start >= out[k - 1]!.end);
}

/** CoNLL-2003 (word POS chunk tag, IOB1 or IOB2), split into documents at -DOCSTART-. */
export function readConll(path: string): TaggedSentence[][] {
  const docs: TaggedSentence[][] = [];
  let doc: TaggedSentence[] = [];
  let sent: TaggedSentence = { words: [], tags: [] };
  const flushSent = () => {
    if (sent.words.length) doc.push(sent);
    sent = { words: [], tags: [] };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === '-DOCSTART-') {
      flushSent();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    if (parts.length < 2 || parts[0] === '') {
      flushSent();
      continue;
    }
    sent.words.push(parts[0]!);
    sent.tags.push(parts[parts.length - 1]!);
  }
  flushSent();
  if (doc.length) docs.push(doc);
  return docs;
}

/** WikiANN (`en:word TAG`), one sentence per document. */
export function readWikiann(path: string): TaggedSentence[][] {
  const docs: TaggedSentence[][] = [];
  let sent: TaggedSentence = { words: [], tags: [] };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^en:(\S+)\s+(\S+)$/.exec(line.trim());
    if (!m) {
      if (sent.words.length) docs.push([sent]);
      sent = { words: [], tags: [] };
      continue;
    }
    sent.words.push(m[1]!);
    sent.tags.push(m[2]!);
  }
  if (sent.words.length) docs.push([sent]);
  return docs;
}

/** Entity strings of a tagged corpus, by type. */
export function entityStrings(docs: TaggedSentence[][]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const doc of docs) {
    const { text, spans } = detokenize(doc);
    for (const s of spans) {
      const type = TYPES[s.type]!;
      if (!out.has(type)) out.set(type, []);
      out.get(type)!.push(text.slice(s.start, s.end));
    }
  }
  return out;
}
