/**
 * Feature extraction for the recogniser, shared by training and inference so
 * the two can never disagree. Each token gets a list of 32-bit feature ids
 * (template id mixed with hashed token parts); the model maps ids to weights.
 *
 * Features: word identity and lowercase form, shape (long and collapsed),
 * prefixes and suffixes, neighbouring words ±2 and bigrams, shapes in context,
 * sentence-initial position and all-caps lines (headlines), corpus
 * capitalisation rate, document-level capitalisation (is the same word written
 * lowercase or capitalised mid-sentence elsewhere in the article), gazetteer
 * matches (longest match, with B/I/L/U position) and given names.
 */
import type { Doc } from '../text/doc.js';
import { hashString, mix } from './hash.js';
import { SEQ_SEED, seqHash, type Lexicon } from './lexicon.js';

export interface TokenFeatures {
  /** Feature ids of token i are ids[offsets[i] .. offsets[i+1]). */
  ids: Uint32Array;
  offsets: Int32Array;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');

// Template ids (any distinct constants).
const enum T {
  Bias = 1, Word, Lower, Shape, Short, Pre1, Pre2, Pre3, Pre4, Suf1, Suf2, Suf3, Suf4,
  Prev, Next, Prev2, Next2, PrevCur, CurNext, ShapePrevCur, ShapeCurNext, ShortTri,
  InitialShort, CapsShort, CapsLex, CapsLexInitial, DocLower, DocCapMid, Gaz, GazWord,
  First, PrevFirst, HyphenFirst, HyphenLast, PrevShort, NextShort, InitialWord, PrevLowerCapsLex,
  NextCapsLex, Len, PrevPrevCur, InQuote,
}

function shapeOf(w: string, collapse: boolean): string {
  let out = '';
  let last = '';
  const n = Math.min(w.length, 16);
  for (let i = 0; i < n; i++) {
    const c = w[i]!;
    let s: string;
    if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (c.toLowerCase() !== c) s = 'X';
    else if (c.toUpperCase() !== c) s = 'x';
    else s = c;
    if (collapse && s === last) continue;
    out += s;
    last = s;
  }
  return out;
}

const isUpperStart = (w: string) => {
  const c = w[0]!;
  return c.toUpperCase() === c && c.toLowerCase() !== c;
};
const isLowerStart = (w: string) => {
  const c = w[0]!;
  return c.toLowerCase() === c && c.toUpperCase() !== c;
};
const hasLower = (w: string) => w.toUpperCase() !== w;
const OPENING = new Set(['"', '“', '‘', "'", '(', '[', '-', '—', '–', '«', '•', '*', ':']);

/** Per-token facts computed once per document. */
export interface TokenInfo {
  lower: string[];
  /** Sentence-initial: first word of its sentence (after opening punctuation). */
  initial: Uint8Array;
  /** Token lies in an all-caps sentence (headline, sports table). */
  capsLine: Uint8Array;
}

export function tokenInfo(doc: Doc): TokenInfo {
  const toks = doc.tokens;
  const n = toks.length;
  const lower = new Array<string>(n);
  const initial = new Uint8Array(n);
  const capsLine = new Uint8Array(n);
  for (let i = 0; i < n; i++) lower[i] = toks[i]!.text.toLowerCase();
  for (const s of doc.sentences) {
    let first = true;
    let words = 0;
    let caps = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const w = toks[i]!.text;
      if (first && !OPENING.has(w)) {
        initial[i] = 1;
        first = false;
      }
      if (w.length > 1 && w.toLowerCase() !== w) {
        words++;
        if (!hasLower(w)) caps++;
      } else if (w.length > 1 && w.toUpperCase() !== w) words++;
    }
    if (words >= 2 && caps / words > 0.6) for (let i = s.tokenStart; i < s.tokenEnd; i++) capsLine[i] = 1;
  }
  return { lower, initial, capsLine };
}

/**
 * Computes feature ids for every token of the doc.
 * @example
 * const f = extractFeatures(createDoc({ text: 'Putin met Pezeshkian.' }), lexicon);
 * f.offsets.length; // tokens + 1
 */
export function extractFeatures(doc: Doc, lex: Lexicon, info: TokenInfo = tokenInfo(doc)): TokenFeatures {
  const toks = doc.tokens;
  const n = toks.length;
  const { lower, initial, capsLine } = info;

  // Document-level capitalisation: written lowercase / capitalised mid-sentence elsewhere.
  const docLower = new Set<string>();
  const docCap = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const w = toks[i]!.text;
    if (initial[i] || capsLine[i]) continue;
    if (isLowerStart(w)) docLower.add(lower[i]!);
    else if (isUpperStart(w) && hasLower(w)) {
      if (!docCap.has(lower[i]!)) docCap.set(lower[i]!, w);
    }
  }

  // Word forms: in all-caps lines use the article's mixed-case spelling when known.
  const form = new Array<string>(n);
  const hLower = new Uint32Array(n);
  const hShort = new Uint32Array(n);
  const hShape = new Uint32Array(n);
  const capsB = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const w = toks[i]!.text;
    form[i] = capsLine[i] && !hasLower(w) ? (docCap.get(lower[i]!) ?? w) : w;
    hLower[i] = hashString(lower[i]!);
    hShort[i] = hashString(shapeOf(form[i]!, true));
    hShape[i] = hashString(shapeOf(form[i]!, false));
    capsB[i] = lex.caps.get(hLower[i]!) ?? 0;
  }

  // Gazetteer: longest match starting at each capitalised token.
  const gaz = new Uint32Array(n); // per token: type mask << 2 | position code, up to one match
  const gazHit = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const w = toks[i]!.text;
    if (!isUpperStart(w) && !/^\d/.test(w)) continue;
    let h = SEQ_SEED;
    let best = 0;
    let bestMask = 0;
    const maxJ = Math.min(n, i + lex.gazMaxLen);
    for (let j = i; j < maxJ; j++) {
      if (toks[j]!.sentence !== toks[i]!.sentence) break;
      h = seqHash(h, lower[j]!);
      const m = lex.gaz.get(h);
      if (m !== undefined && isUpperStartOrDigit(toks[j]!.text)) {
        best = j - i + 1;
        bestMask = m;
      }
      if (!lex.gazPrefixes.has(h)) break;
    }
    if (best === 0) continue;
    for (let k = 0; k < best; k++) {
      if (gazHit[i + k]) continue;
      const pos = best === 1 ? 3 : k === 0 ? 0 : k === best - 1 ? 2 : 1; // B I L U
      gaz[i + k] = (bestMask << 2) | pos;
      gazHit[i + k] = 1;
    }
    i += best - 1;
  }

  const ids: number[] = [];
  const offsets = new Int32Array(n + 1);
  const L = (j: number) => (j < 0 ? BOS : j >= n ? EOS : toks[j]!.sentence === toks[i0]!.sentence ? hLower[j]! : j < i0 ? BOS : EOS);
  const S = (j: number) => (j < 0 || j >= n || toks[j]!.sentence !== toks[i0]!.sentence ? (j < i0 ? BOS : EOS) : hShort[j]!);
  let i0 = 0;
  for (let i = 0; i < n; i++) {
    i0 = i;
    offsets[i] = ids.length;
    const w = form[i]!;
    const lw = lower[i]!;
    const ini = initial[i]!;
    const cl = capsLine[i]!;
    const ctx = ini * 2 + cl; // position context: initial × caps line
    ids.push(T.Bias, mix(T.Word, hashString(w)), mix(T.Lower, hLower[i]!), mix(T.Shape, hShape[i]!), mix(T.Short, hShort[i]!));
    const len = lw.length;
    for (let k = 1; k <= 4 && k < len; k++) {
      ids.push(mix(T.Pre1 + k - 1, hashString(lw.slice(0, k))), mix(T.Suf1 + k - 1, hashString(lw.slice(len - k))));
    }
    const p = L(i - 1);
    const nx = L(i + 1);
    ids.push(
      mix(T.Prev, p),
      mix(T.Next, nx),
      mix(T.Prev2, L(i - 2)),
      mix(T.Next2, L(i + 2)),
      mix(mix(T.PrevCur, p), hLower[i]!),
      mix(mix(T.CurNext, hLower[i]!), nx),
      mix(mix(T.PrevPrevCur, L(i - 2)), mix(p, hLower[i]!)),
      mix(mix(T.ShapePrevCur, S(i - 1)), hShort[i]!),
      mix(mix(T.ShapeCurNext, hShort[i]!), S(i + 1)),
      mix(mix(T.ShortTri, S(i - 1)), mix(hShort[i]!, S(i + 1))),
      mix(mix(T.InitialShort, ctx), hShort[i]!),
      mix(T.PrevShort, S(i - 1)),
      mix(T.NextShort, S(i + 1)),
      mix(T.Len, Math.min(len, 12) * 4 + ctx),
    );
    if (ini) ids.push(mix(T.InitialWord, hLower[i]!));
    if (cl) ids.push(mix(T.CapsShort, hShort[i]!));
    if (isUpperStart(toks[i]!.text)) {
      ids.push(mix(T.CapsLex, capsB[i]!), mix(T.CapsLexInitial, capsB[i]! * 4 + ctx));
      ids.push(mix(T.DocLower, (docLower.has(lw) ? 2 : 0) + (docCap.has(lw) ? 1 : 0) + 4 * ctx));
      if (i > 0 && toks[i - 1]!.sentence === toks[i]!.sentence) ids.push(mix(T.PrevLowerCapsLex, capsB[i - 1]! * 2 + (isUpperStart(toks[i - 1]!.text) ? 1 : 0)));
      if (i + 1 < n && toks[i + 1]!.sentence === toks[i]!.sentence) ids.push(mix(T.NextCapsLex, capsB[i + 1]! * 2 + (isUpperStart(toks[i + 1]!.text) ? 1 : 0)));
    }
    if (gazHit[i]) {
      const g = gaz[i]!;
      ids.push(mix(T.Gaz, g));
      ids.push(mix(mix(T.GazWord, g), ctx));
    }
    if (lex.firstNames.has(hLower[i]!)) ids.push(mix(T.First, isUpperStart(toks[i]!.text) ? 1 : 0));
    if (i > 0 && lex.firstNames.has(hLower[i - 1]!) && isUpperStart(toks[i - 1]!.text)) ids.push(mix(T.PrevFirst, hShort[i]!));
    const hy = lw.indexOf('-');
    if (hy > 0 && hy < lw.length - 1) {
      ids.push(mix(T.HyphenFirst, hashString(lw.slice(0, hy))), mix(T.HyphenLast, hashString(lw.slice(lw.lastIndexOf('-') + 1))));
    }
  }
  offsets[n] = ids.length;
  return { ids: Uint32Array.from(ids), offsets };
}

function isUpperStartOrDigit(w: string): boolean {
  return isUpperStart(w) || /^\d/.test(w);
}
