/**
 * Clause tense around a position, for the expressions whose date depends on it
 * ("on Friday" in "met on Friday" is the Friday before publication, in "will
 * meet on Friday" the one after). The nearest tense marker in the sentence wins;
 * news reports mostly narrate the past, so that is the default.
 */

export type Tense = 'past' | 'future';

const FUTURE_WORDS = new Set([
  'will', "'ll", '’ll', 'shall', 'upcoming', 'scheduled', 'due', 'expected', 'plans', 'planned', 'plan', 'would',
  'forthcoming', 'tomorrow', 'next', 'intends', 'hopes', 'aims',
]);
const PAST_WORDS = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'met', 'made', 'took', 'went', 'came', 'gave', 'held', 'began', 'saw',
  'knew', 'thought', 'found', 'left', 'brought', 'sent', 'won', 'lost', 'fell', 'rose', 'hit', 'struck', 'paid', 'sold',
  'bought', 'spoke', 'wrote', 'led', 'ran', 'got', 'became', 'ago', 'last', 'yesterday', 'earlier', 'fought', 'shot',
  'flew', 'drove', 'stood', 'sat', 'kept', 'meant', 'felt', 'put', 'set', 'cut', 'quit', 'let', 'read', 'heard',
  'taken', 'given', 'done', 'seen', 'been', 'gone', 'spoken', 'written', 'known', 'shown', 'begun', 'hung',
]);
// Words ending in -ed that are not past-tense verbs.
const NOT_PAST = new Set(['need', 'speed', 'indeed', 'red', 'bed', 'hundred', 'united', 'based', 'seed', 'feed', 'breed', 'deed', 'greed', 'proceed', 'exceed', 'succeed', 'shed', 'wed', 'naked', 'sacred', 'wicked', 'kindred', 'ted', 'fred', 'ed', 'bled', 'med', 'creed', 'weed', 'heed']);

/** Auxiliaries after which an -ed word is a participle, not a past tense: "will be televised", "has been delayed". */
const PARTICIPLE_AUX = new Set(['be', 'been', 'being', 'is', 'are', 'am', "'s", '’s', 'get', 'gets', 'getting', 'have', 'has', 'having']);

function markerTense(word: string, next: string | undefined, prev?: string): Tense | null {
  const w = word.toLowerCase();
  if (FUTURE_WORDS.has(w)) return 'future';
  if ((w === 'is' || w === 'are' || w === 'am') && next === 'to') return 'future';
  if ((w === 'going' || w === 'set' || w === 'poised' || w === 'slated') && next === 'to') return 'future';
  // The auxiliary before a participle marks the tense, not the participle: "will be televised on
  // Saturday", "will be shown on Saturday" are future.
  const participle = prev !== undefined && PARTICIPLE_AUX.has(prev);
  if (PAST_WORDS.has(w)) return participle ? null : 'past';
  if (w.length > 3 && w.endsWith('ed') && !NOT_PAST.has(w) && !participle) return 'past';
  return null;
}

/** Punctuation that closes the clause an expression sits in. */
const CLAUSE_BREAKS = new Set([',', ';', ':', '"', '“', '”', '(', ')', '—', '–']);

/** Minimal token view: the words of one sentence with their offsets. */
export interface TenseToken {
  start: number;
  end: number;
  text: string;
}

/**
 * Tense of the clause around [start, end): the marker word nearest to the span
 * (by token distance, ties to the left) decides; 'past' when there is none.
 *
 * @example
 * tenseAround([{start:0,end:4,text:'They'},{start:5,end:9,text:'will'},{start:10,end:14,text:'meet'},{start:15,end:21,text:'Friday'}], 15, 21) // 'future'
 */
export function tenseAround(tokens: readonly TenseToken[], start: number, end: number): Tense {
  return markedTense(tokens, start, end) ?? 'past';
}

/** Tense of the clause around [start, end) as its nearest marker word gives it; null when the clause has none (a present tense: "comes into force on 1 January"). */
export function markedTense(tokens: readonly TenseToken[], start: number, end: number): Tense | null {
  let best: Tense | null = null;
  let bestDist = Infinity;
  const window = 12;
  let first = tokens.findIndex((t) => t.end > start);
  if (first < 0) first = tokens.length;
  for (let i = Math.max(0, first - window); i < Math.min(tokens.length, first + window); i++) {
    const t = tokens[i]!;
    if (t.start < end && t.end > start) continue; // inside the expression itself
    // To the right, a clause boundary ends the search: "will be televised on Saturday, the BBC said"
    // (the reporting clause's tense is not the event's).
    if (t.start >= end && CLAUSE_BREAKS.has(t.text)) break;
    const tense = markerTense(t.text, tokens[i + 1]?.text.toLowerCase(), auxBefore(tokens, i));
    if (!tense) continue;
    // Prefer markers to the left at equal distance: the verb usually precedes its adjunct.
    const dist = t.end <= start ? first - i : i - first + 0.5;
    if (dist < bestDist) {
      bestDist = dist;
      best = tense;
    }
  }
  return best;
}

/** The word before token i, skipping adverbs in -ly ("will be widely televised"), lowercased. */
function auxBefore(tokens: readonly TenseToken[], i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && j > i - 3 && /ly$/i.test(tokens[j]!.text)) j--;
  return j >= 0 ? tokens[j]!.text.toLowerCase() : undefined;
}

/** Whether any word of the sentence marks the future. */
export function hasFutureMarker(tokens: readonly TenseToken[]): boolean {
  return tokens.some((t, i) => markerTense(t.text, tokens[i + 1]?.text.toLowerCase()) === 'future');
}
