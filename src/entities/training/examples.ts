/**
 * Gold documents → perceptron training examples, one per sentence: the same
 * feature extraction as at run time (extractFeatures), gold spans as BILOU labels.
 */
import { extractFeatures, tokenInfo } from '../features.js';
import { encodeSpans } from '../labels.js';
import type { Lexicon } from '../lexicon.js';
import { projectSpans, type GoldDoc } from './corpus.js';
import type { TrainingSentence } from './perceptron.js';

/** @example toTraining(goldDoc([{ words: ['Putin', 'spoke', '.'], tags: ['B-PER', 'O', 'O'] }]), lexicon).length // 1 */
export function toTraining(gd: GoldDoc, lex: Lexicon): TrainingSentence[] {
  const { doc } = gd;
  const labels = encodeSpans(doc.tokens.length, projectSpans(doc, gd.spans));
  const f = extractFeatures(doc, lex, tokenInfo(doc));
  return doc.sentences.map((s) => {
    const base = f.offsets[s.tokenStart]!;
    const offsets = new Int32Array(s.tokenEnd - s.tokenStart + 1);
    for (let i = s.tokenStart; i <= s.tokenEnd; i++) offsets[i - s.tokenStart] = f.offsets[i]! - base;
    return { ids: f.ids.subarray(base, f.offsets[s.tokenEnd]!), offsets, gold: labels.slice(s.tokenStart, s.tokenEnd) };
  });
}
