/**
 * Reporting cues: which tokens are speech verbs used as verbs, and the
 * multi-word cues ("according to", "to quote", "in the words of", "pointed out").
 */
import { wordFilter } from '../text/word-filter.js';
import { runTimeRules } from './suffix.js';
import { MONTHS, WEEKDAYS } from '../lang/en/calendar.js';
import type { QuoteContext } from './context.js';
import { ATTITUDE_FORMS, COGNITION_FORMS, DETERMINERS, SPEECH_FORMS, STANCE_ADJECTIVES, WEAK_LEMMAS } from './lexicon.js';

export type CueForm = 'verb' | 'according' | 'toQuote' | 'quoted' | 'colon';

export interface Cue {
  form: CueForm;
  lemma: string;
  /** Token range of the cue words. */
  tokenStart: number;
  tokenEnd: number;
}

const POSSESSIVE_BEFORE = new Set([...DETERMINERS, 'his', 'her', 'their', 'its', 'our', 'my', 'your', '’s', "'s", 'of', 'no', 'every', 'such']);
const STRONG_AFTER = new Set(['that', ':', ',', '“', '"', '‘', "'", '«', '„']);

/**
 * The cue ending at or containing token `i`, if any. `cognition` admits
 * verbs of belief and intention (for reported speech).
 *
 * @example
 * // tokens of 'He said that …': cueAt(ctx, 1, false) → { form: 'verb', lemma: 'say', … }
 */
export function cueAt(ctx: QuoteContext, i: number, cognition: boolean, afterQuote = false): Cue | null {
  const cache = cacheOf(ctx);
  if (!(cache.kind[i]! & CUE_WORD)) return null;
  const key = i * 3 + (afterQuote ? 2 : cognition ? 1 : 0);
  let v = cache.memo.get(key);
  if (v === undefined) {
    v = computeCue(ctx, i, cognition, afterQuote);
    cache.memo.set(key, v);
  }
  return v;
}

/** Flags in `cueWordKinds`: the token may be (part of) a reporting cue / is an attitude verb form. */
export const CUE_WORD = 1;
const ATTITUDE_WORD = 2;

/**
 * Per token, whether it can anchor a cue at all (CUE_WORD) or an attitude cue
 * (ATTITUDE_WORD). Most tokens are neither, so callers scanning every token skip
 * them with one array read instead of several lexicon look-ups.
 */
export function cueWordKinds(ctx: QuoteContext): Uint8Array {
  return cacheOf(ctx).kind;
}

/** "show" reports what a source of evidence says: "a new poll shows …", "records showed …". */
const SHOW_FORMS = ['show', 'shows', 'showed', 'shown'];
export const EVIDENCE_NOUNS = new Set([
  'poll', 'polls', 'polling', 'survey', 'surveys', 'data', 'study', 'studies', 'research', 'figures', 'numbers', 'records', 'documents',
  'analysis', 'results', 'statistics', 'evidence', 'estimates', 'projections', 'tests', 'findings', 'filings', 'returns', 'emails', 'count',
]);

/** More sources of evidence, at run time only (branch quotes24): documents whose findings a report attributes to them. */
export const MORE_EVIDENCE = new Set(['report', 'reports', 'review', 'reviews', 'audit', 'audits', 'census', 'tally', 'tallies', 'investigation', 'inquiry']);
/** Verbs that pass their subject on to an infinitive ("polls continue to show", "a review seems to show"). */
const RAISING = new Set(['continue', 'continues', 'continued', 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'tend', 'tends', 'also']);
const HAVE = new Set(['has', 'have', 'had']);

/**
 * A source of evidence is the subject of "show" at `i`: the noun right before it (after "has"/"have"), or — with the
 * run-time rules — before a raising verb or adverbs ("polls continue to show", "figures also show", "a review seems to
 * show", "polls have consistently shown"), or the head of a noun phrase with a "by"/"of" phrase of names before the
 * verb ("a review by The Times shows", "an analysis of the 2004 results showed").
 */
function evidenceBefore(ctx: QuoteContext, i: number): boolean {
  const { lower, cap } = ctx;
  let s = i - 1;
  if (HAVE.has(lower[s] ?? '')) s--;
  if (EVIDENCE_NOUNS.has(lower[s] ?? '')) return true;
  if (!runTimeRules.on) return false;
  const isEvidence = (w: string | undefined) => w !== undefined && (EVIDENCE_NOUNS.has(w) || MORE_EVIDENCE.has(w));
  const adverbs = (k: number) => {
    while (k >= 0 && !cap[k] && ctx.word[k] && ((lower[k]!.length > 4 && lower[k]!.endsWith('ly')) || lower[k] === 'also' || lower[k] === 'now' || lower[k] === 'still')) k--;
    return k;
  };
  s = adverbs(i - 1);
  if (lower[s] === 'to' && RAISING.has(lower[s - 1] ?? '')) s = adverbs(s - 2);
  if (HAVE.has(lower[s] ?? '')) s = adverbs(s - 1);
  if (isEvidence(lower[s])) return true;
  for (let j = s; j >= 1 && j > s - 8; j--) {
    const x = lower[j]!;
    if ((x === 'by' || x === 'of') && j < s) return isEvidence(lower[j - 1]);
    if (!(cap[j] || DETERMINERS.has(x) || x === "'s" || x === '’s' || /^\d/.test(x))) return false;
  }
  return false;
}

/** Word → kind flags. `computeCue` returns a cue only for CUE_WORD words (at the cue's anchor token). */
const WORD_KINDS = new Map<string, number>();
for (const w of ['according', 'words', 'quote', 'paraphrase', ...SPEECH_FORMS.keys(), ...COGNITION_FORMS.keys(), ...SHOW_FORMS, ...STANCE_ADJECTIVES]) WORD_KINDS.set(w, CUE_WORD);
for (const w of ATTITUDE_FORMS.keys()) WORD_KINDS.set(w, (WORD_KINDS.get(w) ?? 0) | ATTITUDE_WORD);
const MAY_BE_KIND = wordFilter(WORD_KINDS.keys());

export interface CueCache {
  kind: Uint8Array;
  /** Memoised cues by token × 3 + variant (without cognition verbs, with them, after a quotation); sparse: only cue words get here. */
  memo: Map<number, Cue | null>;
}

function cacheOf(ctx: QuoteContext): CueCache {
  // Kept on the context itself: cueAt runs for most tokens near every quotation.
  let cache = ctx.cues;
  if (!cache) {
    const n = ctx.lower.length;
    const kind = ctx.cueKinds?.length === n ? ctx.cueKinds : new Uint8Array(n);
    const sig = ctx.index.sig;
    for (let k = 0; k < n; k++) if (MAY_BE_KIND.mayHaveSig(sig[k]!)) kind[k] = WORD_KINDS.get(ctx.lower[k]!) ?? 0;
    cache = { kind, memo: new Map() };
    ctx.cues = cache;
  }
  return cache;
}

function computeCue(ctx: QuoteContext, i: number, cognition: boolean, afterQuote: boolean): Cue | null {
  const { lower, doc } = ctx;
  const w = lower[i]!;
  if (w === 'according' && lower[i + 1] === 'to') return { form: 'according', lemma: 'according to', tokenStart: i, tokenEnd: i + 2 };
  if (w === 'words' && lower[i + 1] === 'of' && lower[i - 1] === 'the' && lower[i - 2] === 'in') return { form: 'according', lemma: 'in the words of', tokenStart: i - 2, tokenEnd: i + 2 };
  if ((w === 'quote' || w === 'paraphrase') && lower[i - 1] === 'to') return { form: 'toQuote', lemma: 'to quote', tokenStart: i - 1, tokenEnd: i + 1 };
  // "the poll shows", "polls have shown": evidence speaking (a show on television, "showed up" are not).
  if (SHOW_FORMS.includes(w)) {
    return evidenceBefore(ctx, i) && lower[i + 1] !== 'up' ? { form: 'verb', lemma: 'show', tokenStart: i, tokenEnd: i + 1 } : null;
  }
  // "Fans are concerned that …", "he was not entirely sure that …": a stance adjective after a form of "be", before a
  // that-clause, reports its subject's belief (not "it is sure that …": no holder).
  if (cognition && STANCE_ADJECTIVES.has(w)) {
    const stance = stanceCue(ctx, i, w);
    if (stance) return stance;
  }
  const lemma = SPEECH_FORMS.get(w) ?? (cognition ? COGNITION_FORMS.get(w) : undefined);
  if (!lemma) return null;
  const prev = lower[i - 1];
  // "the said", "his claims", "a report": nouns, not verbs.
  if (prev !== undefined && POSSESSIVE_BEFORE.has(prev)) return null;
  const tok = doc.tokens[i]!;
  if (ctx.cap[i] && doc.sentences[tok.sentence]!.tokenStart !== i && !/^[“"‘'(\[—–-]$/.test(doc.tokens[i - 1]?.text ?? '')) return null;
  if (lemma === 'quote' && (lower[i + 1] === 'as' || lower[i - 1] === 'was' || lower[i - 1] === 'were' || lower[i - 1] === 'is')) {
    return { form: 'verb', lemma: 'quote', tokenStart: i, tokenEnd: lower[i + 1] === 'as' ? Math.min(i + 3, doc.tokens.length) : i + 1 };
  }
  if (lemma === 'quote' || lemma === 'cite') return { form: 'quoted', lemma, tokenStart: i, tokenEnd: i + 1 };
  if (lemma === 'point' && lower[i + 1] === 'out') return { form: 'verb', lemma: 'point out', tokenStart: i, tokenEnd: i + 2 };
  // "as X put it, …"
  if (lemma === 'put' && lower[i + 1] === 'it') return { form: 'verb', lemma: 'put it', tokenStart: i, tokenEnd: i + 2 };
  // Weak verbs count right after a quotation ("…," he continued) but not on their own.
  // With the run-time rules a time phrase may stand between the weak verb and its "that" ("stated earlier this week
  // that", "reported on Monday that"), as it may after any verb of saying.
  if (WEAK_LEMMAS.has(lemma) && !STRONG_AFTER.has(lower[i + 1] ?? '') && !afterQuote && !(runTimeRules.on && lower[timePhraseEnd(lower, i + 1)] === 'that')) return null;
  return { form: 'verb', lemma, tokenStart: i, tokenEnd: i + 1 };
}

/**
 * The words `WEEKDAYS[w]` and `MONTHS[w]` read a value for: their own keys and Object.prototype's names (the tables are
 * plain objects). A Set look-up answers the same without a keyed object look-up of a fresh string, which V8 pays with a
 * probe of its process-wide string table.
 */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const WEEKDAY_KEYS = new Set([...Object.keys(WEEKDAYS), ...PROTOTYPE_NAMES]);
const MONTH_KEYS = new Set([...Object.keys(MONTHS), ...PROTOTYPE_NAMES]);
const PART_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night']);
const TIME_NOUNS = new Set(['week', 'weekend', 'month', 'year', 'spring', 'summer', 'autumn', 'winter', ...PART_OF_DAY, ...Object.keys(WEEKDAYS)]);

/**
 * The token after a time phrase starting at `k` ("earlier this week", "last month", "on Monday", "on Tuesday night",
 * "in March", "yesterday", "recently"), or `k` when none starts there.
 */
function timePhraseEnd(lower: readonly string[], k: number): number {
  let j = k;
  if (lower[j] === 'earlier' || lower[j] === 'later') j++;
  const w = lower[j] ?? '';
  if (w === 'today' || w === 'yesterday' || w === 'tonight' || w === 'recently') return j + 1;
  if ((w === 'last' || w === 'this' || w === 'next') && TIME_NOUNS.has(lower[j + 1] ?? '')) return j + 2;
  if (w === 'on' && WEEKDAY_KEYS.has(lower[j + 1] ?? '')) return PART_OF_DAY.has(lower[j + 2] ?? '') ? j + 3 : j + 2;
  if (w === 'in' && MONTH_KEYS.has(lower[j + 1] ?? '') && (lower[j + 1]!.length > 3 || lower[j + 1] === 'may')) return j + 2;
  if (WEEKDAY_KEYS.has(w)) return PART_OF_DAY.has(lower[j + 1] ?? '') ? j + 2 : j + 1;
  return j > k && lower[j - 1] === 'earlier' ? j : k;
}

const BE_BEFORE_STANCE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', '’m', "'m", '’re', "'re", '’s', "'s"]);

/** The stance adjective at `i` as a cue ("are concerned that"), or null. */
function stanceCue(ctx: QuoteContext, i: number, w: string): Cue | null {
  const { lower } = ctx;
  if (lower[i + 1] !== 'that' || ctx.cap[i]) return null;
  let k = i - 1;
  while (k >= 0 && k > i - 4 && (lower[k]!.endsWith('ly') || lower[k] === 'so' || lower[k] === 'very' || lower[k] === 'also' || lower[k] === 'still' || lower[k] === 'now' || lower[k] === 'quite')) k--;
  if (k < 0 || !BE_BEFORE_STANCE.has(lower[k]!) || lower[k - 1] === 'it' || lower[k - 1] === 'there') return null;
  return { form: 'verb', lemma: w, tokenStart: i, tokenEnd: i + 1 };
}
