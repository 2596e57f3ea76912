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

function markerTense(view: TenseView, i: number, present = false): WeekdayTense | null {
  const { tokens, lower, to } = view;
  const word = tokens[i]!.text;
  const w = lower[i]!;
  const next = i + 1 < to ? lower[i + 1] : undefined;
  const prev = auxBefore(view, i);
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
    const n2 = i + 2 < to ? lower[i + 2] : undefined;
    const n3 = i + 3 < to ? lower[i + 3] : undefined;
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

/** Minimal token: a word with its offsets. */
export interface TenseToken {
  start: number;
  end: number;
  text: string;
}

/**
 * The words of one sentence: tokens [from, to) of `tokens`, with `lower[k]` the lowercased text of token k (the Doc's
 * token index). A window into the Doc's arrays, not a copy: the time stage asks for the tense of every expression it
 * normalises, and slicing the sentence and lowercasing its words again at every ask was most of the stage's time
 * after the scan.
 */
export interface TenseView {
  tokens: readonly TenseToken[];
  lower: readonly string[];
  from: number;
  to: number;
}

/** A view of a whole token list (lowercased here): for callers holding one sentence's tokens. */
export function tenseView(tokens: readonly TenseToken[]): TenseView {
  return { tokens, lower: tokens.map((t) => t.text.toLowerCase()), from: 0, to: tokens.length };
}

/**
 * Tense of the clause around [start, end): the marker word nearest to the span
 * (by token distance, ties to the left) decides; 'past' when there is none.
 *
 * @example
 * tenseAround(tenseView([{start:0,end:4,text:'They'},{start:5,end:9,text:'will'},{start:10,end:14,text:'meet'},{start:15,end:21,text:'Friday'}]), 15, 21) // 'future'
 */
export function tenseAround(view: TenseView, start: number, end: number): Tense {
  return markedTense(view, start, end) ?? 'past';
}

/** Tense of the clause around [start, end) as its nearest marker word gives it; null when the clause has none (a present tense: "comes into force on 1 January"). */
export function markedTense(view: TenseView, start: number, end: number): Tense | null {
  return nearestMarker(view, start, end, false) as Tense | null;
}

/**
 * The direction of a weekday in its clause: as `markedTense`, with a present-tense verb also a marker
 * ("is visiting constituencies on Monday", "when trading resumes on Tuesday"); 'past' when there is none.
 */
export function weekdayTense(view: TenseView, start: number, end: number): WeekdayTense {
  return nearestMarker(view, start, end, true) ?? 'past';
}

function nearestMarker(view: TenseView, start: number, end: number, present: boolean): WeekdayTense | null {
  const { tokens, lower, from: lo, to } = view;
  let best: WeekdayTense | null = null;
  let bestDist = Infinity;
  // The verb usually comes first and its adjuncts may run long ("attended the British premiere of new film, Beyond
  // the Sea, in London's Leicester Square on Thursday"): the window reaches further left than right.
  const left = 20;
  const right = 12;
  let first = lo;
  while (first < to && tokens[first]!.end <= start) first++;
  let last = first;
  while (last < to && tokens[last]!.start < end) last++;
  // A fronted adverbial ("On Monday, MPs voted", "But late on Thursday, it announced"): its comma does not end the
  // clause, whose verb follows it.
  // "since Monday", "since 1 December": a time already past.
  if (first > lo && lower[first - 1] === 'since') return 'past';
  // To the left, a subordinator opens the expression's clause: what comes before it is another clause.
  let from = Math.max(lo, first - left);
  for (let i = first - 1; i >= from; i--) {
    const w = lower[i]!;
    if (!LEFT_SUBORDINATORS.has(w)) continue;
    // "after midnight on Tuesday", "after training on Friday": a time or a gerund after it takes the main clause's
    // tense ("after Saturday's game" does not: the game is over).
    if (w === 'after' && ((i === first - 1 && !/^['’]s$/.test(last < to ? tokens[last]!.text : '')) || lower[i + 1]!.endsWith('ing'))) continue;
    from = i + 1;
    break;
  }
  // An expression that opens its clause ("On Monday, MPs voted", "And on Thursday Mr Blair is saying", "where
  // Saturday's game is being played"): the clause's verb follows it, past its comma.
  let fronted = true;
  for (let i = from; i < first && fronted; i++) if (!FRONTING.has(lower[i]!)) fronted = false;
  for (let i = from; i < Math.min(to, first + right); i++) {
    const t = tokens[i]!;
    if (t.start < end && t.end > start) continue; // inside the expression itself
    // To the right, a clause boundary ends the search: "will be televised on Saturday, the BBC said"
    // (the reporting clause's tense is not the event's).
    if (t.start >= end && (CLAUSE_BREAKS.has(t.text) || SUBORDINATORS.has(lower[i]!))) {
      if (fronted && i === last && t.text === ',') continue;
      break;
    }
    // A present marks a weekday's clause only before it, as its verb, or after it when it opens the clause: else
    // "is" after it is mostly the verb of a longer subject ("the oil firm sold to a buyer on Sunday is the subject of").
    const tense = markerTense(view, i, present && (t.end <= start || fronted));
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
function auxBefore(view: TenseView, i: number): string | undefined {
  const { lower, from } = view;
  let j = i - 1;
  // (A word ends in "ly" in any case exactly when its lowercased text ends in "ly".)
  while (j >= from && j > i - 3 && lower[j]!.endsWith('ly')) j--;
  return j >= from ? lower[j] : undefined;
}

/** Whether any word of the sentence marks the future. */
export function hasFutureMarker(view: TenseView): boolean {
  for (let i = view.from; i < view.to; i++) if (markerTense(view, i) === 'future') return true;
  return false;
}
