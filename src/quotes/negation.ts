/**
 * Speech that was not made: "did not say", "would not confirm", "has never
 * said", "declined to comment", "refused to say". A negator or a verb of
 * refusal in the cue or in the verb group right before it (up to four
 * lowercase words, inside the sentence) means the text reports that nothing
 * was said, so no quote may come of it. A rule, because it is simply right.
 */
import type { QuoteContext } from './context.js';
import type { Cue } from './cues.js';

const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no', 'neither', 'nor']);
const REFUSALS = new Set(['declined', 'declines', 'decline', 'declining', 'refused', 'refuses', 'refuse', 'refusing', 'failed', 'fails', 'fail']);
const denies = (w: string) => NEGATORS.has(w) || REFUSALS.has(w);

/**
 * @example
 * // "It would not confirm that X was among them": the cue "confirm" is negated.
 * isNegatedCue(ctx, { form: 'verb', lemma: 'confirm', tokenStart: 3, tokenEnd: 4 }) // true
 */
export function isNegatedCue(ctx: QuoteContext, cue: Pick<Cue, 'tokenStart' | 'tokenEnd'>): boolean {
  const { doc, lower } = ctx;
  for (let k = cue.tokenStart; k < cue.tokenEnd; k++) if (denies(lower[k]!)) return true;
  const sentenceStart = doc.sentences[doc.tokens[cue.tokenStart]!.sentence]!.tokenStart;
  for (let k = cue.tokenStart - 1, steps = 0; k >= sentenceStart && steps < 4; k--, steps++) {
    const w = lower[k]!;
    if (denies(w)) return true;
    // The verb group is lowercase words ("would", "has", "so far"): a name, a comma or a mark ends it.
    if (!/^\p{Ll}/u.test(doc.tokens[k]!.text) && w !== "n't" && w !== 'n’t') return false;
  }
  return false;
}
