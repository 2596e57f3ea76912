/**
 * Runs the trained model over a Doc: features → per-token label scores →
 * constrained Viterbi per sentence → BILOU labels → typed token spans.
 */
import { readFileSync } from 'node:fs';
import type { Doc } from '../text/doc.js';
import { resolveModelPath } from '../models.js';
import { EDGE_AFTER, EDGE_BEFORE, featurizer, type FeatureScratch, neighbourIds, OPENING, Side, tokenInfo, wordContextIds, type WordInfo } from './features.js';
import { harmonize } from './consistency.js';
import { decodeSpans } from './labels.js';
import { decodeLexicon, type Lexicon } from './lexicon.js';
import { hashString } from './hash.js';
import { tokenIndex } from '../text/token-index.js';
import { CompactModel, viterbi, type FeatureWeights } from './model.js';
import { roleLexicon, type RoleLexicon } from './roles.js';

const N_LABELS = 17; // local copy: hot loops must not read an imported binding
const OUTSIDE = 0; // the O label
/** Longest token run decoded at once (a 5 MB single-line text is one "sentence"). */
const MAX_WINDOW = 1000;

export const MODEL_FILE = 'ner.bin';
export const LEXICON_FILE = 'ner-lexicon.bin';

export interface Recognizer {
  weights: FeatureWeights;
  lexicon: Lexicon;
  roles: RoleLexicon;
}

let cached: Recognizer | null = null;

/** Loads (once) the recogniser shipped in models/. @example loadRecognizer().lexicon.gaz.size > 0 */
export function loadRecognizer(): Recognizer {
  if (!cached) {
    const { lexicon, titles } = decodeLexicon(readFileSync(resolveModelPath(LEXICON_FILE)));
    cached = {
      weights: CompactModel.load(resolveModelPath(MODEL_FILE)),
      lexicon,
      roles: roleLexicon(titles.heads, titles.modifiers),
    };
  }
  return cached;
}

// Scratch score matrix and feature buffers reused across calls (grown on demand).
let scores = new Float32Array(MAX_WINDOW * N_LABELS);
const featureScratch: FeatureScratch = { ids: new Uint32Array(4096), offsets: new Int32Array(256) };

/** Documents with more tokens than this get their byte flags in a buffer of their own. */
const MAX_KEPT_FLAGS = 1 << 20;
let keptFlags = new Uint8Array(4096);

/**
 * `bytes` zeros for one document's byte flags (labels, plainRuns', tokenInfo's), in a buffer reused from document to
 * document (zeroed again): three fresh backing stores a document cost more than the memset. Valid until the next call.
 */
function documentFlags(bytes: number): Uint8Array {
  if (bytes > MAX_KEPT_FLAGS) return new Uint8Array(bytes);
  if (keptFlags.length < bytes) keptFlags = new Uint8Array(Math.min(MAX_KEPT_FLAGS, Math.max(bytes, 2 * keptFlags.length)));
  else keptFlags.fill(0, 0, bytes);
  return keptFlags.subarray(0, bytes);
}

/**
 * BILOU label per token of the doc.
 * @example tagTokens(createDoc({ text: 'Putin met Pezeshkian.' }), loadRecognizer())
 */
function tagTokens(doc: Doc, rec: Recognizer): Uint8Array {
  const n = doc.tokens.length;
  if (n === 0) return new Uint8Array(0);
  const flags = documentFlags(5 * n);
  const labels = flags.subarray(0, n);
  // Features that look at one word only (its own, its position context, or a
  // neighbour's) are scored once per word form and cached on its WordInfo
  // (wordRow); only features that combine words are looked up per token.
  const skip = plainRuns(doc, rec.lexicon, flags.subarray(n, 3 * n)) ?? new Uint8Array(n); // all zero: every token scored
  const info = tokenInfo(doc, flags.subarray(3 * n, 5 * n));
  const features = featurizer(doc, rec.lexicon, info, false, skip, featureScratch);
  const weights = rec.weights;
  const { initial, capsLine } = info;
  resetPoolIfNeeded(weights);
  // Sentences are scored and decoded one at a time (very long ones in windows),
  // so memory stays bounded whatever the text length.
  for (const s of doc.sentences) {
    const lo = s.tokenStart;
    const hi = s.tokenEnd;
    for (let from = s.tokenStart; from < s.tokenEnd; from += MAX_WINDOW) {
      const to = Math.min(s.tokenEnd, from + MAX_WINDOW);
      const len = to - from;
      const f = features(from, to);
      if (scores.length < len * N_LABELS) scores = new Float32Array(len * N_LABELS);
      const words = f.words!;
      for (let i = 0; i < len; i++) {
        const t = from + i;
        if (skip[t]) continue;
        const ctx = initial[t]! * 2 + capsLine[t]!;
        const own = wordRow(words[t]!, weights, ctx);
        const prev = wordRow(t - 1 >= lo ? words[t - 1]! : EDGE_BEFORE, weights, 4 + Side.Prev);
        const next = wordRow(t + 1 < hi ? words[t + 1]! : EDGE_AFTER, weights, 4 + Side.Next);
        const prev2 = wordRow(t - 2 >= lo ? words[t - 2]! : EDGE_BEFORE, weights, 4 + Side.Prev2);
        const next2 = wordRow(t + 2 < hi ? words[t + 2]! : EDGE_AFTER, weights, 4 + Side.Next2);
        const o = i * N_LABELS;
        const d = pool.data; // read after the lookups above: they may grow it
        for (let l = 0; l < N_LABELS; l++) scores[o + l] = d[own + l]! + d[prev + l]! + d[next + l]! + d[prev2 + l]! + d[next2 + l]!;
        weights.addScores(f.ids, f.offsets[i]!, f.offsets[i + 1]!, scores, o);
      }
      // Skipped tokens are O (labels start at 0 = O), so each run of scored
      // tokens between them is decoded on its own, knowing an O comes before
      // and/or after it: the same best path as decoding the whole window.
      let a = 0;
      while (a < len) {
        if (skip[from + a]) {
          a++;
          continue;
        }
        let b = a + 1;
        while (b < len && !skip[from + b]) b++;
        viterbi(scores, b - a, weights.transitions, labels, from + a, a * N_LABELS, a > 0 ? OUTSIDE : N_LABELS, b < len ? OUTSIDE : -1);
        a = b;
      }
    }
  }
  return labels;
}

/**
 * The scores of word forms' single-word features, one row block per form
 * (WORD_ROWS rows of N_LABELS: own ids + `wordContextIds(ctx)` for ctx 0–3,
 * then `neighbourIds(side)` for each `Side`), in one growing array: reading
 * them costs no pointer chase. Emptied between documents when it grows past
 * POOL_WORDS forms or the weights change (a new generation invalidates every
 * form's offset).
 */
const WORD_ROWS = 8;
const BLOCK = WORD_ROWS * N_LABELS;
const POOL_WORDS = 60000;
const pool = { data: new Float32Array(4096 * BLOCK), used: 0, generation: {} as object, weights: null as FeatureWeights | null };

function resetPoolIfNeeded(weights: FeatureWeights): void {
  if (pool.weights === weights && pool.used < POOL_WORDS * BLOCK) return;
  pool.used = 0;
  pool.generation = {};
  pool.weights = weights;
}

/**
 * Offset in `pool.data` of row `row` of a form's score block (0–3: own ids +
 * `wordContextIds(row)`; 4 + side: `neighbourIds(side)`). Each row is computed
 * the first time it is read: most forms are only ever seen in one position
 * context and from some sides, and a fresh process (a CLI run, a worker, a
 * Lambda cold start) pays for every form it meets.
 */
function wordRow(wi: WordInfo, weights: FeatureWeights, row: number): number {
  if (wi.scoresOf !== pool.generation) {
    if (pool.used + BLOCK > pool.data.length) {
      const grown = new Float32Array(pool.data.length * 2);
      grown.set(pool.data.subarray(0, pool.used));
      pool.data = grown;
    }
    wi.scores = pool.used;
    wi.rows = 0;
    wi.scoresOf = pool.generation;
    pool.used += BLOCK;
  }
  const at = wi.scores + row * N_LABELS;
  if ((wi.rows & (1 << row)) === 0) {
    pool.data.fill(0, at, at + N_LABELS);
    // Summed from zero in the same order as when all rows were computed at once: identical scores.
    const ids = Uint32Array.from(row < 4 ? [...wi.ids, ...wordContextIds(wi, row)] : neighbourIds(wi, (row - 4) as Side));
    weights.addScores(ids, 0, ids.length, pool.data, at);
    wi.rows |= 1 << row;
  }
  return at;
}

/**
 * Tokens that are outside every name for certain, so the model is not
 * consulted for them: words with no capital letter and no digit, and numbers
 * not right after a name ("7,000", "2024"; but "FTSE 100"), unless one
 * comes right before a capitalised word ("van Gogh") or sits between two
 * within two words ("Bank of the West"). Tokens glued to a capitalised word
 * count with it ("U.S.-led"). About 70% of news text. (It also keeps names
 * from running on into a common noun: "Department of Health posts".)
 * With the lexicon, a sentence's first word that is capitalised only by its
 * position ("The", "But", "He": words news text writes lowercase mid-sentence)
 * and followed by a plain word is plain too (about a tenth of the scored tokens;
 * CoNLL held-out slice, GMB, MEANTIME and WikiANN F1 unchanged).
 * Returns null for a text that has almost no capitals (all lowercase), where
 * the shortcut would hide every name. `flags`: 2 × tokens zeros its two arrays are made of.
 */
export function plainRuns(doc: Doc, lex?: Lexicon, flags: Uint8Array = new Uint8Array(2 * doc.tokens.length)): Uint8Array | null {
  const toks = doc.tokens;
  const n = toks.length;
  const plain = flags.subarray(0, n);
  let notPlain = 0;
  for (let i = 0; i < n; i++) {
    // Tokens glued to a marked one belong with it ("U.S.-led": "-" and "led").
    // A number is plain too, unless it follows a name ("FTSE 100", "Euro 2004").
    const numberAfterName = i > 0 && !plain[i - 1] && toks[i - 1]!.sentence === toks[i]!.sentence;
    if ((isPlain(toks[i]!.text) || (isNumber(toks[i]!.text) && !numberAfterName)) && !(i > 0 && !toks[i]!.spaceBefore && !plain[i - 1])) plain[i] = 1;
    else notPlain++;
  }
  if (notPlain < n * 0.02) return null;
  if (lex) {
    // A sentence's first word capitalised only by its position ("The", "But", "He"): a word
    // news text writes lowercase mid-sentence, followed by a plain word, is plain too.
    const lower = tokenIndex(doc).lower;
    for (const s of doc.sentences) {
      let i = s.tokenStart;
      while (i < s.tokenEnd && OPENING.has(toks[i]!.text)) i++;
      if (i + 1 >= s.tokenEnd || plain[i] || !plain[i + 1] || !toks[i + 1]!.spaceBefore) continue;
      const w = toks[i]!.text;
      if (w.length < 2 || lower[i]!.slice(1) !== w.slice(1)) continue; // Titlecase only ("The", not "THE" or "McX")
      if (lex.caps.get(hashString(lower[i]!)) === 1) plain[i] = 1;
    }
  }
  const skip = flags.subarray(n, 2 * n);
  for (const s of doc.sentences) {
    const marked = (k: number) => k >= s.tokenStart && k < s.tokenEnd && !plain[k];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (!plain[i]) continue;
      // A lowercase word is part of a name only before a capitalised word ("van Gogh")
      // or between two of them ("Bank of the West").
      const before = marked(i + 1);
      const between = (marked(i - 1) || marked(i - 2)) && (marked(i + 1) || marked(i + 2));
      if (!before && !between) skip[i] = 1;
    }
  }
  return skip;
}

/** Digits with decimal or thousands separators ("2024", "1.5", "7,000"). */
const isNumber = (w: string) => {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || (k > 0 && (c === 46 || c === 44)))) return false;
  }
  return w.length > 0;
};

/** No uppercase letter and no digit (ASCII from char codes; other scripts by case mapping). */
function isPlain(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return false;
    if (c >= 128 && (w[k]!.toLowerCase() !== w[k] || /\p{N}/u.test(w[k]!))) return false;
  }
  return true;
}

/** Typed token spans [start, end) found in the doc (type = index into TYPES). */
export function recognizeSpans(doc: Doc, rec: Recognizer = loadRecognizer()): { start: number; end: number; type: number }[] {
  const spans = decodeSpans(tagTokens(doc, rec));
  return harmonize(doc, spans, rec.lexicon);
}
