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
import { tokenIndex } from '../text/token-index.js';
import { formHashesInto } from '../text/form-hash.js';
import * as hash from './hash.js';
import * as lexicon from './lexicon.js';
import type { Lexicon } from './lexicon.js';

// Local bindings: hot loops must not go through module-namespace getters.
const hashString = hash.hashString;
const mix = hash.mix;

/** `mix` as a signed integer (see hash.ts): the ids written to the id buffer, unboxed when a call is not inlined. */
const mixS = hash.mixS;
const SEQ_SEED = lexicon.SEQ_SEED;

export interface TokenFeatures {
  /** Feature ids of token i are ids[offsets[i] .. offsets[i+1]). */
  ids: Uint32Array;
  /** Entries 0 … to−from are set (the buffer may be longer; it is reused by the next call). */
  offsets: Int32Array;
  /** Per token of the doc (doc-indexed): its word form's context-free facts. */
  words?: readonly WordInfo[];
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');

// Template ids (any distinct constants).
const enum T {
  Bias = 1, Word, Lower, Shape, Short, Pre1, Pre2, Pre3, Pre4, Suf1, Suf2, Suf3, Suf4,
  Prev, Next, Prev2, Next2, PrevCur, CurNext, ShapePrevCur, ShapeCurNext, ShortTri,
  InitialShort, CapsShort, CapsLex, CapsLexInitial, DocLower, DocCapMid, Gaz, GazWord,
  First, PrevFirst, HyphenFirst, HyphenLast, PrevShort, NextShort, InitialWord, PrevLowerCapsLex,
  NextCapsLex, Len, PrevPrevCur, InQuote, DocPrev, DocNext, Last, NextLast,
  Cluster, ClusterCase, PrevCluster, NextCluster, RunEnd, RunStart, RunPrev, RunNext, RunPrevCluster, RunInfo, PrevHyphenLast,
}

/** Scratch for a word form's two table hashes. */
const formHash = new Uint32Array(2);
/** `WordTable.hashes`' scratch. */
const FORM_H0 = new Int32Array(1);
const FORM_H1 = new Int32Array(1);

/** Scratch bitmap over token signatures (one byte each), all zero between calls. */
const CAP_SIG = new Uint8Array(1 << 16);

/** Lowercase words that may join capitalised words into one run ("Bank of England", "Marks and Spencer"). */
const CONNECTORS = new Set(['of', 'and', '&', 'for', 'the', 'de', 'du', 'la', 'del', 'von', 'van', 'der', 'on']);

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

// Case tests run several times per token: ASCII and General Punctuation (curly
// quotes, dashes: no letters) are answered from char codes, anything else by the
// case-mapping definition (which allocates strings).
const isUncasedPunctuation = (code: number) => code >= 0x2000 && code <= 0x206f;
const isUpperStart = (w: string) => {
  const code = w.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  if (isUncasedPunctuation(code)) return false;
  const c = w[0]!;
  return c.toUpperCase() === c && c.toLowerCase() !== c;
};
const isLowerStart = (w: string) => {
  const code = w.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  if (isUncasedPunctuation(code)) return false;
  const c = w[0]!;
  return c.toLowerCase() === c && c.toUpperCase() !== c;
};
/** Whether uppercasing changes w (it has a lowercase letter). */
const hasLower = (w: string) => {
  for (let k = 0; k < w.length; k++) {
    const code = w.charCodeAt(k);
    if (code >= 128) return w.toUpperCase() !== w;
    if (code >= 97 && code <= 122) return true;
  }
  return false;
};
const startsWithDigit = (w: string) => {
  const code = w.charCodeAt(0);
  return code >= 48 && code <= 57; // /^\d/ without the u flag: ASCII digits
};
/** Punctuation that may open a sentence before its first word. */
export const OPENING = new Set(['"', '“', '‘', "'", '(', '[', '-', '—', '–', '«', '•', '*', ':']);

/** Per-token facts computed once per document. */
export interface TokenInfo {
  lower: readonly string[];
  /** Sentence-initial: first word of its sentence (after opening punctuation). */
  initial: Uint8Array;
  /** Token lies in an all-caps sentence (headline, sports table). */
  capsLine: Uint8Array;
}

/** `flags`: 2 × tokens zeros the two per-token arrays are made of (a caller may pass a range of a buffer it reuses). */
export function tokenInfo(doc: Doc, flags: Uint8Array = new Uint8Array(2 * doc.tokens.length)): TokenInfo {
  const toks = doc.tokens;
  const n = toks.length;
  const lower = tokenIndex(doc).lower; // shared with the later stages: each token is lowercased once per document
  const initial = flags.subarray(0, n);
  const capsLine = flags.subarray(n, 2 * n);
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
      if (w.length > 1 && lower[i] !== w) {
        words++;
        if (!hasLower(w)) caps++;
      } else if (w.length > 1 && hasLower(w)) words++;
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
  return featurizer(doc, lex, info)(0, doc.tokens.length);
}

/**
 * Prepares the document-level facts once and returns a function that computes
 * feature ids for any token range, so long texts can be scored chunk by chunk
 * in bounded memory. The returned ids and offsets are reused by the next call.
 */
export function featurizer(
  doc: Doc,
  lex: Lexicon,
  info: TokenInfo = tokenInfo(doc),
  /**
   * false: leave out the ids that depend on a single word (its own ids, `wordContextIds`
   * and `neighbourIds`), for callers that score those once per word form (`wordRow` in recognizer.ts).
   */
  wordLevel = true,
  /** Tokens (doc-indexed) whose features are not needed: they get no ids. */
  skip: Uint8Array | null = null,
  /**
   * Buffers for the ids and offsets, kept (and grown) across documents by a caller that
   * consumes each range before the next call on any featurizer sharing them (the recogniser):
   * sizable typed arrays are costly to allocate per document. The per-token tables are kept
   * there too: the returned function may be called only until the next featurizer is made with the same scratch.
   */
  scratch: FeatureScratch | null = null,
): (from: number, to: number) => TokenFeatures {
  const toks = doc.tokens;
  const n = toks.length;
  const { lower, initial, capsLine } = info;

  // Document-level capitalisation: written lowercase / capitalised mid-sentence elsewhere.
  // docLower is only asked about capitalised words, so only their forms are collected.
  // A bit per 16-bit signature of the capitalised forms (`tokenIndex.sig`) answers
  // "not capitalised anywhere" for nearly every lowercase token without a string look-up.
  const { sig, formH0, formH1 } = tokenIndex(doc);
  // One backing buffer for the per-token arrays of this function (and of documentContexts): typed arrays are costly
  // to allocate one by one. 32-bit arrays first (5 here, 6 for documentContexts, at 4-byte aligned offsets), then bytes.
  const buf = tokenTables(scratch, BYTES_PER_TOKEN * n + 4);
  const u8 = WORDS_PER_TOKEN * 4 * n + 4;
  // Per token: 1 = isUpperStart, 2 = starts with a digit (asked by several loops below; decided once).
  const startCase = new Uint8Array(buf, u8 + 3 * n, n);
  const capitalised = new Set<string>();
  const setSigs: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = toks[i]!.text;
    if (!isUpperStart(w)) {
      if (startsWithDigit(w)) startCase[i] = 2;
      continue;
    }
    startCase[i] = 1;
    capitalised.add(lower[i]!);
    if (CAP_SIG[sig[i]!] === 0) {
      CAP_SIG[sig[i]!] = 1;
      setSigs.push(sig[i]!);
    }
  }
  const docLower = new Set<string>();
  const docCap = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    if (initial[i] || capsLine[i]) continue;
    if (startCase[i] === 1) {
      const w = toks[i]!.text;
      if (hasLower(w) && !docCap.has(lower[i]!)) docCap.set(lower[i]!, w);
    } else if (CAP_SIG[sig[i]!] === 1 && isLowerStart(toks[i]!.text)) {
      // The signature first: about one lowercase token in seven passes it, and the others' text is not read.
      // A word found already ("the" after a sentence's "The") is asked one Set, not two: most tokens that pass the
      // signature are function words written both ways, each a dozen times an article.
      const lw = lower[i]!;
      if (!docLower.has(lw) && capitalised.has(lw)) docLower.add(lw);
    }
  }
  for (const g of setSigs) CAP_SIG[g] = 0; // shared scratch: left all zero for the next document

  // Word forms: in all-caps lines use the article's mixed-case spelling when known.
  const cache = wordCache(lex);
  const words = new Array<WordInfo>(n);
  const hLower = new Uint32Array(buf, 0, n);
  const hShort = new Uint32Array(buf, 4 * n, n);
  const upper = new Uint8Array(buf, u8, n); // = words[i].upper, without reading the WordInfo
  // Only tokens that get features, and their neighbours up to two away, need their word form's facts.
  let unneededFrom = -1;
  for (let i = 0; i < n; i++) {
    if (skip !== null && skip[i] && (i + 1 >= n || skip[i + 1]) && (i + 2 >= n || skip[i + 2])) {
      if (unneededFrom < 0) unneededFrom = i;
      if (i - unneededFrom >= 2) {
        words[i] = NOT_LOOKED_UP;
        continue;
      }
    } else unneededFrom = -1;
    // The form is the token's own text but in an all-caps line (read only there, or when the table lacks the form).
    let f: string | null = null;
    if (capsLine[i]) {
      const w = toks[i]!.text;
      const v = hasLower(w) ? w : (docCap.get(lower[i]!) ?? w);
      if (v !== w) f = v;
    }
    // The token's own text was hashed by the token index; only an all-caps line's substituted spelling is hashed here.
    if (f === null) {
      formHash[0] = formH0[i]!;
      formHash[1] = formH1[i]!;
    } else WordTable.hashes(f, formHash);
    let slot = cache.find(formHash);
    if (slot < 0) slot = cache.add(formHash, wordInfo(f ?? toks[i]!.text, lex));
    // The hashes come from the table's slot (the cache line just read), not from the WordInfo object.
    words[i] = cache.vals[slot]!;
    hLower[i] = cache.keys[4 * slot + 2]!;
    hShort[i] = cache.keys[4 * slot + 3]!;
    upper[i] = (f === null ? startCase[i] === 1 : isUpperStart(f)) ? 1 : 0;
  }

  // Other occurrences of each capitalised word: their neighbours are evidence too
  // ("Pirelli shares" in one sentence helps "Pirelli said" in another).
  const { occurrences, occurrenceStart, occurrenceList, docPrev, docNext } = documentContexts(doc, n, upper, hLower, buf);

  // Gazetteer: longest match starting at each capitalised token.
  const gaz = new Uint32Array(buf, 8 * n, n); // per token: type mask << 2 | position code, up to one match
  const gazHit = new Uint8Array(buf, u8 + n, n);
  for (let i = 0; i < n; i++) {
    if (startCase[i] === 0) continue; // not capitalised, no digit
    let h = SEQ_SEED;
    let best = 0;
    let bestMask = 0;
    const maxJ = Math.min(n, i + lex.gazMaxLen);
    let j = i;
    const wi = words[i]!;
    if (wi !== NOT_LOOKED_UP && j < maxJ) {
      // The first step, as the loop below would take it, from the form's cached look-ups.
      h = wi.gazSeq;
      if (wi.gazMask >= 0) {
        best = 1;
        bestMask = wi.gazMask;
      }
      j = wi.gazPrefix ? i + 1 : maxJ;
    }
    for (; j < maxJ; j++) {
      if (toks[j]!.sentence !== toks[i]!.sentence) break;
      h = mix(h, words[j] === NOT_LOOKED_UP ? hashString(lower[j]!) : hLower[j]!); // = seqHash(h, lower[j])
      const m = lex.gaz.get(h);
      if (m !== undefined && startCase[j] !== 0) {
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

  // Capitalised runs ("Marsh & McLennan Cos", "Bank of England"): every token of
  // a run sees the word that ends it and the one that starts it (what kind of
  // name such words end or start), and the words around the whole run.
  const runA = new Int32Array(buf, 12 * n, n).fill(-1);
  const runB = new Int32Array(buf, 16 * n, n);
  const runInfo = new Uint8Array(buf, u8 + 2 * n, n); // length (≤ 4) | has "&" << 3 | has "of" << 4 | has "and" << 5
  for (const s of doc.sentences) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      if (capsLine[i] || startCase[i] === 0) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < s.tokenEnd) {
        if (startCase[j] !== 0) j++;
        else if (CONNECTORS.has(lower[j]!) && j + 1 < s.tokenEnd && startCase[j + 1] !== 0) j += 2;
        else break;
      }
      let info = Math.min(j - i, 4);
      for (let k = i; k < j; k++) {
        const w = lower[k]!;
        if (w === '&') info |= 8;
        else if (w === 'of') info |= 16;
        else if (w === 'and') info |= 32;
      }
      for (let k = i; k < j; k++) {
        runA[k] = i;
        runB[k] = j;
        runInfo[k] = info;
      }
      i = j;
    }
  }

  let ids = scratch?.ids ?? new Uint32Array(64);
  let offsets = scratch?.offsets ?? new Int32Array(64);
  return (from: number, to: number): TokenFeatures => {
  if (ids.length < (to - from) * 40 + 64) ids = new Uint32Array(Math.max((to - from) * 40 + 64, scratch ? 2 * ids.length : 0));
  let len0 = 0;
  if (offsets.length < to - from + 1) offsets = new Int32Array(Math.max(2 * (to - from) + 1, scratch ? 2 * offsets.length : 0));
  for (let i = from; i < to; i++) {
    if (len0 + 96 > ids.length) {
      const grown = new Uint32Array(ids.length * 2);
      grown.set(ids);
      ids = grown;
    }
    offsets[i - from] = len0;
    if (skip !== null && skip[i]) continue;
    const sent = doc.sentences[toks[i]!.sentence]!;
    const lo = sent.tokenStart;
    const hi = sent.tokenEnd;
    const hasPrev = i - 1 >= lo;
    const hasNext = i + 1 < hi;
    const p = hasPrev ? hLower[i - 1]! : BOS;
    const p2 = i - 2 >= lo ? hLower[i - 2]! : BOS;
    const nx = hasNext ? hLower[i + 1]! : EOS;
    const sp = hasPrev ? hShort[i - 1]! : BOS;
    const sn = hasNext ? hShort[i + 1]! : EOS;
    const cur = hLower[i]!;
    const sh = hShort[i]!;
    const wi = words[i]!;
    const ini = initial[i]!;
    const cl = capsLine[i]!;
    const ctx = ini * 2 + cl; // position context: initial × caps line
    if (wordLevel) {
      // Ids that depend on one word only (and the position context): the
      // recogniser scores these once per word form instead (see wordRow in recognizer.ts).
      const own = wi.ids;
      for (let k = 0; k < own.length; k++) ids[len0++] = own[k]!;
      for (const id of wordContextIds(wi, ctx)) ids[len0++] = id;
      for (const id of neighbourIds(hasPrev ? words[i - 1]! : EDGE_BEFORE, Side.Prev)) ids[len0++] = id;
      for (const id of neighbourIds(hasNext ? words[i + 1]! : EDGE_AFTER, Side.Next)) ids[len0++] = id;
      for (const id of neighbourIds(i - 2 >= lo ? words[i - 2]! : EDGE_BEFORE, Side.Prev2)) ids[len0++] = id;
      for (const id of neighbourIds(i + 2 < hi ? words[i + 2]! : EDGE_AFTER, Side.Next2)) ids[len0++] = id;
    }
    // = mix(mix(T.PrevCur, p), cur) etc.: the inner mixes come with the word forms.
    const wp = hasPrev ? words[i - 1]! : EDGE_BEFORE;
    ids[len0++] = mixS(wp.prevCur, cur);
    ids[len0++] = mixS(wi.curNext, nx);
    ids[len0++] = mixS((i - 2 >= lo ? words[i - 2]! : EDGE_BEFORE).prevPrevCur, mixS(p, cur));
    ids[len0++] = mixS(wp.shapePrevCur, sh);
    ids[len0++] = mixS(wi.shapeCurNext, sn);
    ids[len0++] = mixS(wp.shortTri, mixS(sh, sn));
    const ra = runA[i]!;
    if (ra >= 0) {
      const rb = runB[i]!;
      const pos = rb - ra === 1 ? 3 : i === ra ? 0 : i === rb - 1 ? 2 : 1; // B I L U within the run
      if (rb - ra > 1) ids[len0++] = mixS(T.RunInfo, runInfo[i]! * 4 + pos);
      const end = lex.nameEnds.get(hLower[rb - 1]!);
      if (end !== undefined) ids[len0++] = mixS(T.RunEnd, end * 4 + pos);
      const start = lex.nameStarts.get(hLower[ra]!);
      if (start !== undefined) ids[len0++] = mixS(T.RunStart, start * 4 + pos);
      if (i > ra) {
        ids[len0++] = mixS(T.RunPrev, ra - 1 >= lo ? hLower[ra - 1]! : BOS);
        ids[len0++] = mixS(T.RunPrevCluster, ra - 1 >= lo ? words[ra - 1]!.cluster : 256);
      }
      if (i < rb - 1) ids[len0++] = mixS(T.RunNext, rb < hi ? hLower[rb]! : EOS);
    }
    if (wi.upper) {
      const lw = lower[i]!;
      ids[len0++] = mixS(T.DocLower, (docLower.has(lw) ? 2 : 0) + (docCap.has(lw) ? 1 : 0) + 4 * ctx);
      if (hasPrev) ids[len0++] = mixS(T.PrevLowerCapsLex, words[i - 1]!.capsB * 2 + upper[i - 1]!);
      if (hasNext) ids[len0++] = mixS(T.NextCapsLex, words[i + 1]!.capsB * 2 + upper[i + 1]!);
      const g = occurrenceList[i]!;
      const occFrom = occurrenceStart[g]!;
      const occTo = occurrenceStart[g + 1]!;
      if (occTo - occFrom > 1) {
        // The other occurrences' neighbour ids in list order, each once (ids made once per document, see documentContexts).
        const ctxStart = len0;
        for (let q = occFrom; q < occTo; q++) {
          const j = occurrences[q]!;
          if (j === i) continue;
          const a = docPrev[j]!;
          const b = docNext[j]!;
          let dupA = a === 0;
          let dupB = b === 0;
          for (let k = ctxStart; k < len0; k++) {
            const id = ids[k]!;
            if (id === a) dupA = true;
            if (id === b) dupB = true;
          }
          if (!dupA) ids[len0++] = a;
          if (!dupB) ids[len0++] = b;
        }
      }
    }
    if (gazHit[i]) {
      const g = gaz[i]!;
      ids[len0++] = mixS(T.Gaz, g);
      ids[len0++] = mixS(mixS(T.GazWord, g), ctx);
    }
    if (hasPrev && words[i - 1]!.first && words[i - 1]!.upper) ids[len0++] = mixS(T.PrevFirst, sh);
    if (hasNext && words[i + 1]!.last && words[i + 1]!.upper) ids[len0++] = mixS(T.NextLast, sh);
  }
  offsets[to - from] = len0;
  if (scratch) {
    scratch.ids = ids;
    scratch.offsets = offsets;
  }
  return { ids: ids.subarray(0, len0), offsets, words };
  };
}

/** At most this many occurrences of a capitalised word lend their neighbours to the others. */
const MAX_OCCURRENCES = 12;

/** 32-bit arrays per token in the featurizer's buffer: 5 of its own, 6 of documentContexts'; then 4 byte arrays. */
const WORDS_PER_TOKEN = 11;
const BYTES_PER_TOKEN = 4 * WORDS_PER_TOKEN + 4;

/**
 * The other-occurrence evidence of a document, prepared once: the first MAX_OCCURRENCES occurrences of each
 * capitalised word (by lowercase hash), the list each capitalised token reads (`occurrenceList[i]`: list g is
 * `occurrences[occurrenceStart[g] .. occurrenceStart[g + 1]]`, in token order), and for every token in a list of two
 * or more the ids its neighbours lend the others (`docPrev[j]` = mix(T.DocPrev, lower hash of the word before j),
 * `docNext[j]` likewise after; 0 at a sentence edge). A name seen twelve times in an article is read by each of its
 * occurrences: computing these per token mixed each neighbour up to eleven times and looked up the word's list and
 * each occurrence's sentence again.
 * The lists are flat typed arrays in the featurizer's buffer (`buf`, zero-filled, words 5–10 per token): an array
 * per capitalised word (a JS array's first push allocates 17 slots) was the largest allocation of this function.
 */
function documentContexts(doc: Doc, n: number, upper: Uint8Array, hLower: Uint32Array, buf: ArrayBuffer) {
  const toks = doc.tokens;
  const byWord = new Map<number, number>();
  const occurrenceList = new Int32Array(buf, 20 * n, n);
  const docPrev = new Uint32Array(buf, 24 * n, n);
  const docNext = new Uint32Array(buf, 28 * n, n);
  const occurrences = new Int32Array(buf, 32 * n, n);
  const filled = new Int32Array(buf, 36 * n, n); // per list: occurrences placed so far
  const occurrenceStart = new Int32Array(buf, 40 * n, n + 1); // first counts (at g + 1), then the lists' starts
  let lists = 0;
  for (let i = 0; i < n; i++) {
    if (!upper[i]) continue;
    const key = hLower[i]! | 0; // signed: a small integer key, where an unsigned one above 2³¹ is boxed per look-up
    let g = byWord.get(key);
    if (g === undefined) {
      g = lists++;
      byWord.set(key, g);
    }
    occurrenceList[i] = g;
    if (occurrenceStart[g + 1]! < MAX_OCCURRENCES) occurrenceStart[g + 1]!++;
  }
  for (let g = 0; g < lists; g++) occurrenceStart[g + 1]! += occurrenceStart[g]!;
  for (let i = 0; i < n; i++) {
    if (!upper[i]) continue;
    const g = occurrenceList[i]!;
    const at = occurrenceStart[g]! + filled[g]!;
    if (at < occurrenceStart[g + 1]!) {
      occurrences[at] = i;
      filled[g]!++;
    }
  }
  for (let g = 0; g < lists; g++) {
    if (occurrenceStart[g + 1]! - occurrenceStart[g]! < 2) continue;
    for (let q = occurrenceStart[g]!; q < occurrenceStart[g + 1]!; q++) {
      const j = occurrences[q]!;
      const sj = doc.sentences[toks[j]!.sentence]!;
      docPrev[j] = j - 1 >= sj.tokenStart ? mix(T.DocPrev, hLower[j - 1]!) : 0;
      docNext[j] = j + 1 < sj.tokenEnd ? mix(T.DocNext, hLower[j + 1]!) : 0;
    }
  }
  return { occurrences, occurrenceStart, occurrenceList, docPrev, docNext };
}

/** Reusable id and offset buffers for `featurizer` (see its `scratch` parameter). */
export interface FeatureScratch {
  ids: Uint32Array;
  offsets: Int32Array;
  /** The per-token tables' buffer of the last document (see `tokenTables`). */
  tables?: ArrayBuffer;
}

/** Documents whose per-token tables take more bytes than this (about 87,000 tokens) get a buffer of their own. */
const MAX_KEPT_TABLES = 4 << 20;

/**
 * `bytes` zeros for the featurizer's per-token tables: with a scratch, the buffer of the previous document, zeroed
 * again (a fresh ArrayBuffer of this size cost ~10 µs per document in a profile over BBC News, more than the memset:
 * its backing store is allocated, zeroed and later released outside the JS heap), so it is as a new one would be.
 */
function tokenTables(scratch: FeatureScratch | null, bytes: number): ArrayBuffer {
  if (scratch === null || bytes > MAX_KEPT_TABLES) return new ArrayBuffer(bytes);
  const kept = scratch.tables;
  if (kept === undefined || kept.byteLength < bytes) return (scratch.tables = new ArrayBuffer(Math.min(MAX_KEPT_TABLES, Math.max(bytes, 2 * (kept?.byteLength ?? 0)))));
  new Uint8Array(kept, 0, bytes).fill(0);
  return kept;
}

/** What a word form contributes on its own, computed once per distinct form. */
export interface WordInfo {
  /** The word form itself. */
  form: string;
  /** Context-free feature ids: word, lowercase, shapes, affixes, hyphen parts, given name. */
  ids: Uint32Array;
  /** Hashes below are kept signed (`| 0`): see makeWordInfo. */
  hLower: number;
  hShort: number;
  capsB: number;
  len: number;
  upper: boolean;
  first: boolean;
  last: boolean;
  /** Word cluster + 1 (0: none). */
  cluster: number;
  /** Hash of the part after the last hyphen of a hyphenated word ("based" in "Ohio-based"), else 0. */
  hyLast: number;
  /** Where the recogniser keeps this form's single-word scores (an offset into its score pool), valid while `scoresOf` is the pool's current generation. */
  scores: number;
  /** Which rows of that block are computed (bit per row). */
  rows: number;
  scoresOf: unknown;
  /**
   * The inner mixes of the pair and triple features this form takes part in
   * (template with its own hash), computed once per form instead of per token:
   * as the word before (`prevCur` = mix(T.PrevCur, hLower), `shapePrevCur`, `shortTri`),
   * two before (`prevPrevCur`) and as the current word (`curNext`, `shapeCurNext`).
   */
  prevCur: number;
  prevPrevCur: number;
  curNext: number;
  shapePrevCur: number;
  shapeCurNext: number;
  shortTri: number;
  /** The first step of a gazetteer match starting at this form: its sequence hash, the entry's type mask (-1: none), whether longer entries start with it. */
  gazSeq: number;
  gazMask: number;
  gazPrefix: boolean;
}

/** A WordInfo with its derived fields (one object shape for every WordInfo). */
function makeWordInfo(
  form: string, ids: Uint32Array, hLower: number, hShort: number, capsB: number, len: number, upper: boolean, first: boolean, last: boolean, cluster: number, hyLast: number,
  lex: Lexicon | null,
): WordInfo {
  const gazSeq = mix(SEQ_SEED, hLower); // = seqHash(SEQ_SEED, lower)
  // The hashes are kept as signed 32-bit integers (`| 0`, `mixS`): an unsigned one above 2³¹ is no small integer, so
  // V8 would store every such field as a boxed heap number (one more load, often a cache miss, per read in the
  // featurizer's token loops). They are only mixed again or stored into Uint32Arrays, where the same 32 bits give
  // the same id (see `mixS`).
  return {
    form, ids, hLower: hLower | 0, hShort: hShort | 0, capsB, len, upper, first, last, cluster, hyLast: hyLast | 0, scores: -1, rows: 0, scoresOf: null,
    prevCur: mixS(T.PrevCur, hLower),
    prevPrevCur: mixS(T.PrevPrevCur, hLower),
    curNext: mixS(T.CurNext, hLower),
    shapePrevCur: mixS(T.ShapePrevCur, hShort),
    shapeCurNext: mixS(T.ShapeCurNext, hShort),
    shortTri: mixS(T.ShortTri, hShort),
    gazSeq: gazSeq | 0,
    gazMask: lex === null ? -1 : (lex.gaz.get(gazSeq) ?? -1),
    gazPrefix: lex !== null && lex.gazPrefixes.has(gazSeq),
  };
}

/** Where a neighbour sits relative to the token being scored. */
export const enum Side {
  Prev = 0,
  Next = 1,
  Prev2 = 2,
  Next2 = 3,
}

/** Ids of the features that look only at the word one or two tokens before or after (or the sentence edge). */
export function neighbourIds(w: WordInfo, side: Side): number[] {
  switch (side) {
    case Side.Prev: {
      const out = [mix(T.Prev, w.hLower), mix(T.PrevShort, w.hShort), mix(T.PrevCluster, w.cluster)];
      // "Ohio-based KeyCorp", "state-owned Petofi": what the glued word before says.
      if (w.hyLast !== 0) out.push(mix(T.PrevHyphenLast, w.hyLast));
      return out;
    }
    case Side.Next:
      return [mix(T.Next, w.hLower), mix(T.NextShort, w.hShort), mix(T.NextCluster, w.cluster)];
    case Side.Prev2:
      return [mix(T.Prev2, w.hLower)];
    case Side.Next2:
      return [mix(T.Next2, w.hLower)];
  }
}

/** Ids of the features that look only at the word itself and its position context (ctx = initial × 2 + caps line). */
export function wordContextIds(w: WordInfo, ctx: number): number[] {
  const out = [mix(mix(T.InitialShort, ctx), w.hShort), mix(T.Len, w.len * 4 + ctx)];
  if (ctx & 2) out.push(mix(T.InitialWord, w.hLower));
  if (ctx & 1) out.push(mix(T.CapsShort, w.hShort));
  if (w.upper) out.push(mix(T.CapsLex, w.capsB), mix(T.CapsLexInitial, w.capsB * 4 + ctx));
  return out;
}

/** What lies beyond a sentence edge, as a neighbour (cluster 256: none). */
export const EDGE_BEFORE: WordInfo = makeWordInfo('', new Uint32Array(0), BOS, BOS, 0, 0, false, false, false, 256, 0, null);
export const EDGE_AFTER: WordInfo = makeWordInfo('', new Uint32Array(0), EOS, EOS, 0, 0, false, false, false, 256, 0, null);

/** Stands in for the facts of a word no feature looks at (far inside a skipped lowercase run). */
const NOT_LOOKED_UP: WordInfo = makeWordInfo('', new Uint32Array(0), 0, 0, 0, 0, false, false, false, 0, 0, null);

/**
 * Word forms → their WordInfo, in an open-addressing table keyed by two
 * independent 32-bit hashes of the form, stored side by side with the form's
 * lowercase and shape hashes: a hit is decided on the 64 bits alone and the
 * featurizer's per-token loop reads the hashes from the same 16 bytes, so it
 * neither compares the stored form's string (measured: those loads were 40% of
 * the table's cost) nor touches the WordInfo object. With at most
 * MAX_FORMS forms, a false match has a probability of about 10⁻⁹ per table.
 * Emptied when it holds MAX_FORMS forms, so memory stays bounded.
 */
class WordTable {
  private static readonly SLOTS = 1 << 18;
  private static readonly MAX_FORMS = 150000;
  /** keys[4s] = first hash (0: empty slot), keys[4s + 1] = second hash, keys[4s + 2] = WordInfo.hLower, keys[4s + 3] = WordInfo.hShort. */
  readonly keys = new Uint32Array(4 * WordTable.SLOTS);
  readonly vals = new Array<WordInfo | undefined>(WordTable.SLOTS);
  private size = 0;

  /** The two hashes of a form (the first never 0), written to `out`: `formHashesInto`'s, which the token index keeps per token. */
  static hashes(form: string, out: Uint32Array): void {
    formHashesInto(form, FORM_H0, FORM_H1, 0);
    out[0] = FORM_H0[0]!;
    out[1] = FORM_H1[0]!;
  }

  /** The slot of the form with hashes h, or -1. */
  find(h: Uint32Array): number {
    const mask = WordTable.SLOTS - 1;
    const h0 = h[0]!;
    const h1 = h[1]!;
    for (let s = h0 & mask; ; s = (s + 1) & mask) {
      const k = this.keys[4 * s]!;
      if (k === 0) return -1;
      if (k === h0 && this.keys[4 * s + 1] === h1) return s;
    }
  }

  /** Adds a form that `find` did not find; returns its slot (valid until the next `add`). */
  add(h: Uint32Array, wi: WordInfo): number {
    if (this.size >= WordTable.MAX_FORMS) {
      this.keys.fill(0);
      this.vals.fill(undefined);
      this.size = 0;
    }
    const mask = WordTable.SLOTS - 1;
    let s = h[0]! & mask;
    while (this.keys[4 * s] !== 0) s = (s + 1) & mask;
    this.keys[4 * s] = h[0]!;
    this.keys[4 * s + 1] = h[1]!;
    this.keys[4 * s + 2] = wi.hLower;
    this.keys[4 * s + 3] = wi.hShort;
    this.vals[s] = wi;
    this.size++;
    return s;
  }
}

const caches = new WeakMap<Lexicon, WordTable>();
function wordCache(lex: Lexicon): WordTable {
  let c = caches.get(lex);
  if (!c) caches.set(lex, (c = new WordTable()));
  return c;
}

function wordInfo(form: string, lex: Lexicon): WordInfo {
  const lw = form.toLowerCase();
  const hLower = hashString(lw);
  const hShort = hashString(shapeOf(form, true));
  const out: number[] = [T.Bias, mix(T.Word, hashString(form)), mix(T.Lower, hLower), mix(T.Shape, hashString(shapeOf(form, false))), mix(T.Short, hShort)];
  const len = lw.length;
  // Affix hashes built incrementally (FNV over the first / last k characters).
  let hp = 0x811c9dc5;
  let hs = 0x811c9dc5;
  for (let k = 1; k <= 4 && k < len; k++) {
    hp = Math.imul(hp ^ lw.charCodeAt(k - 1), 0x01000193) >>> 0;
    hs = Math.imul(hs ^ lw.charCodeAt(len - k), 0x01000193) >>> 0;
    out.push(mix(T.Pre1 + k - 1, hp), mix(T.Suf1 + k - 1, hs));
  }
  const upper = isUpperStart(form);
  const first = lex.firstNames.has(hLower);
  if (first) out.push(mix(T.First, upper ? 1 : 0));
  const last = lex.lastNames.has(hLower);
  if (last) out.push(mix(T.Last, upper ? 1 : 0));
  const hy = lw.indexOf('-');
  let hyLast = 0;
  if (hy > 0 && hy < lw.length - 1) {
    hyLast = hashString(lw.slice(lw.lastIndexOf('-') + 1));
    out.push(mix(T.HyphenFirst, hashString(lw.slice(0, hy))), mix(T.HyphenLast, hyLast));
  }
  const cluster = lex.clusters.get(hLower) ?? 0;
  if (cluster) out.push(mix(T.Cluster, cluster), mix(T.ClusterCase, cluster * 2 + (upper ? 1 : 0)));
  return makeWordInfo(form, Uint32Array.from(out), hLower, hShort, lex.caps.get(hLower) ?? 0, Math.min(len, 12), upper, first, last, cluster, hyLast, lex);
}

