/**
 * Speech that was not made: "did not say", "would not confirm", "has never
 * said", "declined to comment", "refused to say". A negator or a verb of
 * refusal in the cue or in the verb group right before it (up to four
 * lowercase words, inside the sentence) means the text reports that nothing
 * was said, so no quote may come of it. A rule, because it is simply right.
 */
import type { QuoteContext } from './context.js';
import type { Cue } from './cues.js';
import { BE_FORMS } from '../lang/en/function-words.js';

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

const BE = new Set<string>(BE_FORMS);
const IRREGULAR_PARTICIPLES = new Set(['said', 'thought', 'known', 'held', 'told', 'seen', 'understood', 'shown', 'written', 'given', 'felt']);

/**
 * "China is expected to face renewed pressure", "the summit is also expected to agree", "it is understood that
 * …": a passive verb of saying or thinking whose subject does not hold the words names no speaker, unless an agent
 * follows ("is expected by analysts to …"). A rule, because it is simply right: attributing such words to the
 * subject would misquote it.
 */
export function isAgentlessPassive(ctx: QuoteContext, cue: Pick<Cue, 'tokenStart' | 'tokenEnd'>): boolean {
  const { doc, lower } = ctx;
  const w = lower[cue.tokenStart]!;
  if (!(w.endsWith('ed') || IRREGULAR_PARTICIPLES.has(w))) return false;
  const sentence = doc.tokens[cue.tokenStart]!.sentence;
  let k = cue.tokenStart - 1;
  while (k >= 0 && doc.tokens[k]!.sentence === sentence && (lower[k]!.endsWith('ly') || lower[k] === 'also' || lower[k] === 'still' || lower[k] === 'now')) k--;
  if (k < 0 || !BE.has(lower[k]!)) return false;
  for (let j = cue.tokenEnd; j < cue.tokenEnd + 3 && j < lower.length && doc.tokens[j]!.sentence === sentence; j++) if (lower[j] === 'by') return false;
  // Only where the subject is no holder of the words: raised out of an infinitive ("is expected to face", "is said
  // to be"), an empty "it" ("it is understood that"), or the one told ("was told that"). "Park is convinced that"
  // is Park's own conviction.
  return lower[cue.tokenEnd] === 'to' || lower[k - 1] === 'it' || w === 'told';
}
