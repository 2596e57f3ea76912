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

/**
 * "The plan was branded “a disaster”", "has been described as": the cue is a participle after a form of "be" (or
 * "get"), adverbs between: a passive, whose subject is the one named or described, never the speaker.
 */
export function isPassiveCue(ctx: QuoteContext, cue: Pick<Cue, 'tokenStart' | 'tokenEnd'>): boolean {
  const { doc, lower } = ctx;
  const w = lower[cue.tokenEnd - 1]!;
  if (!(w.endsWith('ed') || IRREGULAR_PARTICIPLES.has(w))) return false;
  const sentence = doc.tokens[cue.tokenStart]!.sentence;
  let k = cue.tokenStart - 1;
  while (k >= 0 && doc.tokens[k]!.sentence === sentence && (lower[k]!.endsWith('ly') || lower[k] === 'also' || lower[k] === 'still' || lower[k] === 'now' || lower[k] === 'often')) k--;
  return k >= 0 && doc.tokens[k]!.sentence === sentence && (BE.has(lower[k]!) || lower[k] === 'get' || lower[k] === 'got' || lower[k] === 'gets');
}

/** Participles of verbs that take their object before a preposition: "accused X of", "criticised X for", "regarded X as". */
const OBJECT_FIRST_PARTICIPLES = new Set(
  ('accused blamed praised criticised criticized condemned thanked applauded faulted regarded viewed seen described ' +
    'dubbed labelled labeled branded termed characterised characterized dismissed hailed lauded known remembered billed ' +
    'cited slammed blasted attacked mocked ridiculed denounced questioned charged credited congratulated lambasted ' +
    'chastised rebuked reprimanded castigated censured commended').split(' '),
);
const OBJECT_PREPOSITIONS = new Set(['of', 'for', 'as', 'with', 'over', 'about']);
const SUBJECT_WORDS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it', 'who']);

/**
 * "The driver accused of speeding told police …", "Bernie Ebbers, accused of overseeing a fraud, …", "the firm
 * was criticised for its handling of …", "Labour is seen as the party of …": a verb that takes its object before the
 * preposition ("accused X of", "criticised X for", "regarded X as") with the preposition right after it is a
 * passive participle, so its subject is the one accused or described, never the speaker. 'relative' when no form of
 * "be" comes before it (a reduced relative or an appositive: "the man accused of …"; the phrase after it is no
 * reported speech of the sentence), 'passive' after one ("was criticised for …": PolNeAR annotates such a passive as
 * an attribution with no source), else null. A rule, because it is simply right in English ("the man they accused of
 * lying", with a subject pronoun before the verb, is active and excepted).
 */
export function objectlessParticiple(ctx: QuoteContext, cue: Pick<Cue, 'tokenStart' | 'tokenEnd'>): 'relative' | 'passive' | null {
  const { doc, lower } = ctx;
  const last = cue.tokenEnd - 1;
  if (!OBJECT_FIRST_PARTICIPLES.has(lower[last]!)) return null;
  const sentence = doc.tokens[last]!.sentence;
  let k = cue.tokenEnd;
  while (k < lower.length && doc.tokens[k]!.sentence === sentence && lower[k]!.endsWith('ly') && lower[k] !== 'only') k++;
  if (!(k < lower.length && doc.tokens[k]!.sentence === sentence && OBJECT_PREPOSITIONS.has(lower[k]!))) return null;
  let b = last - 1;
  while (b >= 0 && doc.tokens[b]!.sentence === sentence && (lower[b]!.endsWith('ly') || lower[b] === 'also' || lower[b] === 'still' || lower[b] === 'now' || lower[b] === 'often')) b--;
  if (b >= 0 && doc.tokens[b]!.sentence === sentence && SUBJECT_WORDS.has(lower[b]!)) return null;
  return b >= 0 && doc.tokens[b]!.sentence === sentence && (BE.has(lower[b]!) || lower[b] === 'get' || lower[b] === 'got') ? 'passive' : 'relative';
}
