/**
 * Runs the trained model over a Doc: features → per-token label scores →
 * constrained Viterbi per sentence → BILOU labels → typed token spans.
 */
import { readFileSync } from 'node:fs';
import type { Doc } from '../text/doc.js';
import { resolveModelPath } from '../models.js';
import { featurizer, tokenInfo } from './features.js';
import { harmonize } from './consistency.js';
import { decodeSpans } from './labels.js';
import { decodeLexicon, type Lexicon } from './lexicon.js';
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

// Scratch score matrix reused across calls (grown on demand).
let scores = new Float32Array(MAX_WINDOW * N_LABELS);

/**
 * BILOU label per token of the doc.
 * @example tagTokens(createDoc({ text: 'Putin met Pezeshkian.' }), loadRecognizer())
 */
function tagTokens(doc: Doc, rec: Recognizer): Uint8Array {
  const n = doc.tokens.length;
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  // Each word's own (context-free) features are scored once per word form and
  // the sums cached on its WordInfo; only the context features are looked up per token.
  const skip = plainRuns(doc) ?? new Uint8Array(n); // all zero: every token scored
  const features = featurizer(doc, rec.lexicon, tokenInfo(doc), false, skip);
  const weights = rec.weights;
  // Sentences are scored and decoded one at a time (very long ones in windows),
  // so memory stays bounded whatever the text length.
  for (const s of doc.sentences) {
    for (let from = s.tokenStart; from < s.tokenEnd; from += MAX_WINDOW) {
      const to = Math.min(s.tokenEnd, from + MAX_WINDOW);
      const len = to - from;
      const f = features(from, to);
      if (scores.length < len * N_LABELS) scores = new Float32Array(len * N_LABELS);
      const words = f.words!;
      for (let i = 0; i < len; i++) {
        if (skip[from + i]) continue;
        const wi = words[from + i]!;
        let own = wi.scores;
        if (own === null || wi.scoresOf !== weights) {
          // Summed from zero in the same order as before: bit-identical scores.
          own = new Float32Array(N_LABELS);
          weights.addScores(wi.ids, 0, wi.ids.length, own, 0);
          wi.scores = own;
          wi.scoresOf = weights;
        }
        const o = i * N_LABELS;
        for (let l = 0; l < N_LABELS; l++) scores[o + l] = own[l]!; // a loop: TypedArray.set costs more for 17 values
        weights.addScores(f.ids, f.offsets[i]!, f.offsets[i + 1]!, scores, i * N_LABELS);
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
 * Tokens that are outside every name for certain, so the model is not
 * consulted for them: words with no capital letter and no digit, unless one
 * comes right before a capitalised word ("van Gogh") or sits between two
 * within two words ("Bank of the West"). Tokens glued to a capitalised word
 * count with it ("U.S.-led"). About 70% of news text. (It also keeps names
 * from running on into a common noun: "Department of Health posts".)
 * Returns null for a text that has almost no capitals (all lowercase), where
 * the shortcut would hide every name.
 */
export function plainRuns(doc: Doc): Uint8Array | null {
  const toks = doc.tokens;
  const n = toks.length;
  const plain = new Uint8Array(n);
  let notPlain = 0;
  for (let i = 0; i < n; i++) {
    // Tokens glued to a marked one belong with it ("U.S.-led": "-" and "led").
    if (isPlain(toks[i]!.text) && !(i > 0 && !toks[i]!.spaceBefore && !plain[i - 1])) plain[i] = 1;
    else notPlain++;
  }
  if (notPlain < n * 0.02) return null;
  const skip = new Uint8Array(n);
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
  return harmonize(doc, spans);
}
