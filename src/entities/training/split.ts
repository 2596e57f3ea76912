/**
 * The slice of CoNLL-2003 train held out for model selection: about one
 * document in ten, chosen by a hash of its -DOCSTART- index so the slice is
 * fixed whatever the seed or the code around it. Training (sentences,
 * capitalisation lexicon, role words, gazetteer) never sees these documents;
 * epochs and settings are chosen on them, and the dev set is run once per
 * milestone to report.
 */
import { hashString } from '../hash.js';

/** @example heldOut(0) // false or true, the same on every run */
export function heldOut(docIndex: number): boolean {
  return hashString(`conll2003-train:${docIndex}`) % 10 === 0;
}
