/**
 * Pairs quotation marks into quoted spans, paragraph by paragraph, in one pass.
 *
 * Handles “…” ‘…’ "…" '…' «…» ‹…› „…“ ‚…‘ and the wires' ``…'' (and ''…''), nested quotes (inner pairs stay
 * inside the outer span), apostrophes (we’ve, Russia’s, ’90s are not marks), and
 * multi-paragraph quotations (a paragraph reopens with a mark without closing the
 * previous one). A mark that never closes is dropped, unless it opens its
 * paragraph or follows a colon or comma (then the quotation runs to the
 * paragraph's end): a stray mark can never swallow more than one paragraph.
 */
import type { Doc, QuotedSpan, Stage } from '../text/doc.js';
import { tokenAtOffset, tokenIndex } from '../text/token-index.js';
import { isSpaceCode } from '../text/chars.js';

export type MarkFamily = QuotedSpan['family'];

/** A quoted span before its token range is known. */
type Paired = Omit<QuotedSpan, 'tokenStart' | 'tokenEnd'>;

interface Open {
  family: MarkFamily;
  pos: number;
  /** Length of the mark: 2 for a doubled apostrophe ('' as typeset by some wires). */
  len: number;
  /** Index in `opens` of the enclosing open mark, or -1. */
  parent: number;
}

const isLetterOrDigit = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || isSpaceCode(c.charCodeAt(0));

const MARK_CHARS = /["“”„‘’'‚«»‹›`]/g;
/** Characters after which a mark opens: start, space, opening punctuation, dashes. */
const OPEN_CONTEXT = new Set(['(', '[', '{', '—', '–', '-', '/', '“', '‘', '"', "'", '«', '‹', '„', '‚', ':']);
const CLOSE_CONTEXT = new Set([')', ']', '}', '.', ',', ';', ':', '!', '?', '…', '—', '–', '-', '”', '’', '"', "'", '»', '›']);

/** How a character can act: open, close, both (straight marks decide by context), or not a mark. */
function roleOf(text: string, i: number): { family: MarkFamily; open: boolean; close: boolean; len?: number } | null {
  const c = text[i]!;
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + 1];
  const leftOpen = isSpace(prev) || OPEN_CONTEXT.has(prev!);
  const rightClose = isSpace(next) || CLOSE_CONTEXT.has(next!);
  if (c === '`') {
    // ``…'' (AP/NYT wire typesetting): a doubled backtick opens a double quotation.
    return next === '`' ? { family: 'double', open: true, close: false, len: 2 } : null;
  }
  if (c === "'" && next === "'") {
    // '' stands for a double quotation mark (NYT archive style).
    const after = text[i + 2];
    const rc = isSpace(after) || CLOSE_CONTEXT.has(after!);
    return { family: 'double', open: leftOpen || !rc, close: rc || !leftOpen, len: 2 };
  }
  switch (c) {
    case '“':
      return { family: 'double', open: true, close: !leftOpen }; // closes „…“
    case '”':
      return { family: 'double', open: leftOpen && !isSpace(next), close: true };
    case '„':
      return { family: 'double', open: true, close: false };
    case '"':
      return { family: 'double', open: leftOpen || !rightClose, close: rightClose || !leftOpen };
    case '«':
      return { family: 'angle', open: true, close: false };
    case '»':
      return { family: 'angle', open: false, close: true };
    case '‹':
      return { family: 'angle1', open: true, close: false };
    case '›':
      return { family: 'angle1', open: false, close: true };
    case '‚':
      return { family: 'single', open: true, close: false };
    case '‘':
      if (isLetterOrDigit(prev) && isLetterOrDigit(next)) return null; // mis-typed apostrophe
      return { family: 'single', open: true, close: !leftOpen };
    case '’':
    case "'": {
      if (isLetterOrDigit(prev) && isLetterOrDigit(next)) return null; // we’ve, Russia’s
      // Elision at a word start: ’90s, 'em, ’til.
      if (leftOpen && next !== undefined && /\d/.test(next)) return null;
      if (leftOpen && /^(?:em|til|tis|twas|cause|n)\b/i.test(text.slice(i + 1, i + 6))) return null;
      return { family: 'single', open: c === "'" ? leftOpen && !isSpace(next) : false, close: !leftOpen };
    }
    default:
      return null;
  }
}

const MAX_DEPTH = 8;

/**
 * Finds the outermost quoted spans of every paragraph, in text order.
 *
 * @example
 * const doc = createDoc({ text: '“We are ready,” he said, “to talk.”' });
 * findQuotedSpans(doc).map((q) => doc.text.slice(q.start, q.end)); // ['We are ready,', 'to talk.']
 */
export function findQuotedSpans(doc: Doc): QuotedSpan[] {
  const { text } = doc;
  const out: Paired[] = [];
  let carry: MarkFamily | null = null; // an unclosed quotation from the previous paragraph
  // Every quotation mark of the text, found in one pass; each paragraph takes its slice of them.
  // (A global regex's `test` scans natively and allocates no match object; each match is one character.)
  const marks: number[] = [];
  MARK_CHARS.lastIndex = 0;
  while (MARK_CHARS.test(text)) marks.push(MARK_CHARS.lastIndex - 1);
  let from = 0;
  for (let p = 0; p < doc.paragraphs.length; p++) {
    const para = doc.paragraphs[p]!;
    while (from < marks.length && marks[from]! < para.start) from++;
    let to = from;
    while (to < marks.length && marks[to]! < para.end) to++;
    // Most paragraphs hold no mark: no pairing (its sets and arrays) for them.
    const spans = from === to ? NO_SPANS : pairParagraph(text, para.start, para.end, p, marks.slice(from, to), reopenedBy(text, doc.paragraphs[p + 1]?.start));
    from = to;
    // Multi-paragraph: this paragraph reopens the quotation left open by the previous one.
    const first = spans[0];
    const reopened = first !== undefined && carry !== null && first.family === carry && first.open === firstNonSpace(text, para.start);
    if (reopened) {
      first.continuation = true;
      const prev = out[out.length - 1];
      if (prev) prev.continues = true;
    } else if (carry !== null) {
      // The previous paragraph's open quotation was not continued: it ends with its paragraph.
    }
    const last = spans[spans.length - 1];
    carry = last && !last.closed ? last.family : null;
    for (const sp of spans) out.push(sp);
  }
  // The token range covers the marks: every token from the opening mark to the closing one.
  const ix = tokenIndex(doc);
  return out.map((q): QuotedSpan => {
    const tokenStart = tokenAtOffset(ix, q.open);
    let tokenEnd = tokenStart;
    while (tokenEnd < ix.starts.length && ix.starts[tokenEnd]! < q.closeEnd) tokenEnd++;
    // Field by field: an object spread per span was ~1% of the pipeline.
    return {
      start: q.start,
      end: q.end,
      tokenStart,
      tokenEnd,
      open: q.open,
      close: q.close,
      closeEnd: q.closeEnd,
      paragraph: q.paragraph,
      closed: q.closed,
      continues: q.continues,
      continuation: q.continuation,
      family: q.family,
    };
  });
}

/** The quotation-mark stage: pairs quotation marks once, for the quote stage and the event stage. */
export const marksStage: Stage = { name: 'marks', requires: ['text'], assigns: ['quotedSpans'], run: (doc) => void (doc.quotedSpans = findQuotedSpans(doc)) };

/** The family of the opening mark that begins the paragraph at `start`, if one does ("the next paragraph reopens"). */
function reopenedBy(text: string, start: number | undefined): MarkFamily | null {
  if (start === undefined) return null;
  const i = firstNonSpace(text, start);
  if (i >= text.length) return null;
  const role = roleOf(text, i);
  return role && role.open ? role.family : null;
}

function firstNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** What pairParagraph gives a paragraph without marks. */
const NO_SPANS: readonly Paired[] = [];

/** Pairs the quotation marks at `marks` (text offsets, ascending) of the paragraph [start, end). */
function pairParagraph(text: string, start: number, end: number, paragraph: number, marks: number[], nextOpens: MarkFamily | null): Paired[] {
  const opens: Open[] = [];
  const stack: number[] = []; // indices into opens
  const dropped = new Set<number>(); // opens that never closed and were discarded
  const pairs: { open: number; close: number; closeLen: number; openIndex: number }[] = [];
  // The last mark in the paragraph that can close a single quotation: a plural
  // possessive before it ("the voters’ choice") is an apostrophe, not the close.
  let lastSingleClose = -1;
  const roles = marks.map((i) => roleOf(text, i));
  for (let j = 0; j < marks.length; j++) {
    const r = roles[j];
    if (r && r.family === 'single' && r.close) lastSingleClose = marks[j]!;
  }
  let skipUntil = -1; // the second apostrophe of a doubled '' mark is part of it
  for (let j = 0; j < marks.length; j++) {
    const i = marks[j]!;
    if (i < skipUntil) continue;
    const role = roles[j];
    if (!role) continue;
    const len = role.len ?? 1;
    if (len > 1) skipUntil = i + len;
    if (role.family === 'single' && !role.open && i < lastSingleClose && /[sS]$/.test(text[i - 1]!) && /^ \p{Ll}/u.test(text.slice(i + 1, i + 3))) continue;
    let closedHere = false;
    if (role.close) {
      // Find the nearest open mark of the same family; inner unmatched marks are dropped.
      for (let k = stack.length - 1; k >= 0; k--) {
        const o = opens[stack[k]!]!;
        if (o.family !== role.family) continue;
        // A straight mark that could open, facing an unrelated open below, opens instead.
        if (k < stack.length - 1 && role.open && o.family !== opens[stack[stack.length - 1]!]!.family) break;
        for (let j = stack.length - 1; j > k; j--) dropped.add(stack[j]!);
        pairs.push({ open: o.pos, close: i, closeLen: len, openIndex: stack[k]! });
        stack.length = k;
        closedHere = true;
        break;
      }
    }
    if (!closedHere && role.open && role.family === 'double') {
      // Double quotations do not nest (inner ones use single marks): a new opening
      // double mark while one is open ends the open one — the common missing close
      // in '"… 26 weeks. "We are going …' when a speaker's quotation continues.
      for (let k = stack.length - 1; k >= 0; k--) {
        const o = opens[stack[k]!]!;
        if (o.family !== 'double') continue;
        for (let j = stack.length - 1; j > k; j--) dropped.add(stack[j]!);
        pairs.push({ open: o.pos, close: i, closeLen: 0, openIndex: stack[k]! });
        stack.length = k;
        break;
      }
    }
    if (!closedHere && role.open) {
      if (stack.length >= MAX_DEPTH) dropped.add(stack.shift()!);
      opens.push({ family: role.family, pos: i, len, parent: stack.length ? stack[stack.length - 1]! : -1 });
      stack.push(opens.length - 1);
    }
  }
  // Unclosed opens: the outermost one runs to the paragraph end when it plausibly
  // starts a quotation (paragraph start, or after a colon/comma, or opening a sentence
  // when the next paragraph reopens with the same mark: the multi-paragraph
  // quotation '… he said. "We will. ¶ "And …'); others are dropped.
  let runaway: Paired | null = null;
  if (stack.length) {
    const o = opens[stack[0]!]!;
    if (startsQuotation(text, start, o.pos) || (nextOpens === o.family && opensSentenceAt(text, start, o.pos, o.pos + o.len))) {
      runaway = {
        open: o.pos, close: end, closeEnd: end, start: o.pos + o.len, end, paragraph, closed: false,
        continues: false, continuation: false, family: o.family,
      };
      for (let j = 1; j < stack.length; j++) dropped.add(stack[j]!);
    } else for (const k of stack) dropped.add(k);
  }
  const isOuter = (openIndex: number): boolean => {
    let parent = opens[openIndex]!.parent;
    for (let guard = 0; parent >= 0 && guard < MAX_DEPTH + 2; guard++) {
      if (!dropped.has(parent)) return false;
      parent = opens[parent]!.parent;
    }
    return true;
  };
  const out: Paired[] = [];
  for (const pr of pairs) {
    if (runaway && pr.open > runaway.open) continue;
    if (!isOuter(pr.openIndex)) continue;
    out.push({
      open: pr.open, close: pr.close, closeEnd: pr.close + pr.closeLen, start: pr.open + opens[pr.openIndex]!.len, end: pr.close, paragraph, closed: true,
      continues: false, continuation: false, family: opens[pr.openIndex]!.family,
    });
  }
  if (runaway) out.push(runaway);
  out.sort((a, b) => a.open - b.open);
  // A pair nested in an earlier kept pair (possible after promotion) is not outermost.
  const kept: Paired[] = [];
  for (const q of out) {
    const last = kept[kept.length - 1];
    if (last && q.open < last.close) continue;
    kept.push(q);
  }
  return kept;
}

/**
 * The mark at `pos` (ending at `after`) opens a sentence: a capital or digit follows it, and before it (spaces
 * aside) stands a sentence end, alone or closing a quotation ('… he said. "We', '… anyway." "We').
 */
function opensSentenceAt(text: string, paraStart: number, pos: number, after: number): boolean {
  if (!/^[\p{Lu}\p{N}]/u.test(text.slice(after, after + 2))) return false;
  let i = pos - 1;
  while (i >= paraStart && /\s/.test(text[i]!)) i--;
  if (i < paraStart) return false;
  if (/["”’']/.test(text[i]!)) i--;
  return i >= paraStart && /[.!?…]/.test(text[i]!);
}

function startsQuotation(text: string, paraStart: number, pos: number): boolean {
  let i = pos - 1;
  while (i >= paraStart && /\s/.test(text[i]!)) i--;
  if (i < paraStart) return true;
  return text[i] === ':' || text[i] === ',';
}
