/**
 * Clause tense around a position, for the expressions whose date depends on it
 * ("on Friday" in "met on Friday" is the Friday before publication, in "will
 * meet on Friday" the one after). The nearest tense marker in the sentence wins;
 * news reports mostly narrate the past, so that is the default.
 */

export type Tense = 'past' | 'future';
/** A clause's tense as a weekday's direction reads it: a present ("is visiting constituencies on Monday", "plays
 * France's Dechy on Tuesday") speaks of the coming day in news, as a future does. */
export type WeekdayTense = Tense | 'present';

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

/** Present forms of "be": "is visiting", "are likely to line up", "is released on Thursday". */
const PRESENT_BE = new Set(['is', 'are', 'am']);
/** Subjects after which a lowercase word in -s is a present verb: "he plays", "who launches". */
const PRESENT_SUBJECTS = new Set(['he', 'she', 'it', 'who', 'which']);
/** Subjects after which a plain lowercase word is a present verb: "when we play Wales", "they face Chelsea". */
const PLURAL_SUBJECTS = new Set(['we', 'they', 'i', 'you']);
const NOT_PRESENT_VERB = new Set([
  'was', 'were', 'has', 'had', 'have', 'is', 'does', 'did', 'do', 'as', 'its', 'this', 'us', 'always', 'also', 'thus', 'perhaps', 'unless',
  'less', 'news', 'series', 'means', 'all', 'both', 'still', 'now', 'never', 'then', 'just', 'only', 'even', 'each',
  'may', 'might', 'can', 'could', 'should', 'must', 'would', 'not', 'too', 'again', 'already', 'often',
]);
/** Forms of "be" after which "due to" schedules ("is due to arrive on Wednesday"); elsewhere it gives a cause. */
const DUE_BE = new Set(['is', 'are', 'am', "'s", '’s', 'be', 'was', 'were']);

function markerTense(tokens: readonly TenseToken[], i: number, present = false): WeekdayTense | null {
  const word = tokens[i]!.text;
  const w = word.toLowerCase();
  const next = tokens[i + 1]?.text.toLowerCase();
  const prev = auxBefore(tokens, i);
  // "due to" schedules after "is" ("is due to arrive"); elsewhere it gives a cause ("closed due to mechanical
  // problems") or a plan given up ("had been due to open"; "was due to" is still ahead when written).
  if (w === 'due' && next === 'to' && (prev === undefined || !DUE_BE.has(prev))) return null;
  // "as planned", "as expected": what was foreseen, not a future.
  if (prev === 'as' && (w === 'planned' || w === 'expected' || w === 'scheduled')) return null;
  if (FUTURE_WORDS.has(w)) return 'future';
  if ((w === 'is' || w === 'are' || w === 'am') && next === 'to') return 'future';
  if ((w === 'going' || w === 'set' || w === 'poised' || w === 'slated') && next === 'to') return 'future';
  // The auxiliary before a participle marks the tense, not the participle: "will be televised on
  // Saturday", "will be shown on Saturday" are future.
  const participle = prev !== undefined && PARTICIPLE_AUX.has(prev);
  if (PAST_WORDS.has(w)) return participle ? null : 'past';
  if (w.length > 3 && w.endsWith('ed') && !NOT_PAST.has(w) && !participle) return 'past';
  if (!present) return null;
  if (PRESENT_BE.has(w)) {
    // "is thought to have been hammered out on Thursday", "is understood to have": the infinitive's tense counts.
    const n2 = tokens[i + 2]?.text.toLowerCase();
    const n3 = tokens[i + 3]?.text.toLowerCase();
    if (next !== undefined && (PAST_WORDS.has(next) || next.endsWith('ed')) && ((n2 === 'to' && n3 === 'have') || n2 === 'that')) return null;
    return 'present';
  }
  if (prev !== undefined && PRESENT_SUBJECTS.has(prev) && /^[a-z]{3,}[^s']s$/.test(word) && !NOT_PRESENT_VERB.has(w)) return 'present';
  if (prev !== undefined && PLURAL_SUBJECTS.has(prev) && /^[a-z]{3,}$/.test(word) && !/(?:ed|ly|ing)$/.test(word) && !NOT_PRESENT_VERB.has(w)) return 'present';
  return null;
}

/** Words that end the clause of an expression: a subordinate or content clause to its right has its own tense
 * ("sent a letter on Thursday saying that it plans to", "closed up 9% on Tuesday after it said it would"), and the
 * main clause to its left is not its own ("will have surgery on Monday after fracturing his thumb on Saturday"). */
const SUBORDINATORS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'because', 'if', 'whether', 'when', 'while', 'whilst', 'although', 'though',
  'unless', 'where', 'after', 'before', 'until', 'since', 'saying', 'adding', 'amid', 'despite', 'following',
]);
/** Subordinators that open the clause of an expression after them: the main clause before is not its own ("will
 * have surgery on Monday after fracturing his thumb on Saturday" — but "after training on Friday", a gerund, takes
 * the main clause's tense, and "that", "before", "until", "while" are too often a pronoun, a preposition or a
 * coordinator to cut there). */
const LEFT_SUBORDINATORS = new Set([
  'which', 'who', 'whom', 'whose', 'because', 'when', 'although', 'though', 'unless', 'where', 'after', 'despite', 'amid',
]);
/** Words that may open a sentence before a fronted time adverbial: "On Monday, …", "But late on Thursday, …". */
const FRONTING = new Set([
  'on', 'late', 'early', 'earlier', 'later', 'and', 'but', 'so', 'also', 'then', 'however', 'by', 'from', 'since',
  'until', 'in', 'at', 'during', 'meanwhile', 'separately', 'the', 'of', 'as', 'yet', ',',
]);

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
  return nearestMarker(tokens, start, end, false) as Tense | null;
}

/**
 * The direction of a weekday in its clause: as `markedTense`, with a present-tense verb also a marker
 * ("is visiting constituencies on Monday", "when trading resumes on Tuesday"); 'past' when there is none.
 */
export function weekdayTense(tokens: readonly TenseToken[], start: number, end: number): WeekdayTense {
  return nearestMarker(tokens, start, end, true) ?? 'past';
}

function nearestMarker(tokens: readonly TenseToken[], start: number, end: number, present: boolean): WeekdayTense | null {
  let best: WeekdayTense | null = null;
  let bestDist = Infinity;
  // The verb usually comes first and its adjuncts may run long ("attended the British premiere of new film, Beyond
  // the Sea, in London's Leicester Square on Thursday"): the window reaches further left than right.
  const left = 20;
  const right = 12;
  let first = tokens.findIndex((t) => t.end > start);
  if (first < 0) first = tokens.length;
  let last = first;
  while (last < tokens.length && tokens[last]!.start < end) last++;
  // A fronted adverbial ("On Monday, MPs voted", "But late on Thursday, it announced"): its comma does not end the
  // clause, whose verb follows it.
  // "since Monday", "since 1 December": a time already past.
  if (first > 0 && tokens[first - 1]!.text.toLowerCase() === 'since') return 'past';
  // To the left, a subordinator opens the expression's clause: what comes before it is another clause.
  let from = Math.max(0, first - left);
  for (let i = first - 1; i >= from; i--) {
    const w = tokens[i]!.text.toLowerCase();
    if (!LEFT_SUBORDINATORS.has(w)) continue;
    // "after midnight on Tuesday", "after training on Friday": a time or a gerund after it takes the main clause's
    // tense ("after Saturday's game" does not: the game is over).
    if (w === 'after' && ((i === first - 1 && !/^['’]s$/.test(tokens[last]?.text ?? '')) || /ing$/i.test(tokens[i + 1]!.text))) continue;
    from = i + 1;
    break;
  }
  // An expression that opens its clause ("On Monday, MPs voted", "And on Thursday Mr Blair is saying", "where
  // Saturday's game is being played"): the clause's verb follows it, past its comma.
  let fronted = true;
  for (let i = from; i < first && fronted; i++) if (!FRONTING.has(tokens[i]!.text.toLowerCase())) fronted = false;
  for (let i = from; i < Math.min(tokens.length, first + right); i++) {
    const t = tokens[i]!;
    if (t.start < end && t.end > start) continue; // inside the expression itself
    // To the right, a clause boundary ends the search: "will be televised on Saturday, the BBC said"
    // (the reporting clause's tense is not the event's).
    if (t.start >= end && (CLAUSE_BREAKS.has(t.text) || SUBORDINATORS.has(t.text.toLowerCase()))) {
      if (fronted && i === last && t.text === ',') continue;
      break;
    }
    // A present marks a weekday's clause only before it, as its verb, or after it when it opens the clause: else
    // "is" after it is mostly the verb of a longer subject ("the oil firm sold to a buyer on Sunday is the subject of").
    const tense = markerTense(tokens, i, present && (t.end <= start || fronted));
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
  return tokens.some((_, i) => markerTense(tokens, i) === 'future');
}
