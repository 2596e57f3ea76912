/**
 * Event stage: typed events (docs/events.md) with trigger, sentence, factuality,
 * participants, location, date and the evidence behind each field. A learned
 * detector (src/events/learned) decides whether a word is an event mention at
 * all, how factual the article makes it and which time expression dates it; a
 * documented trigger lexicon gives the type; arguments are read off the tokens
 * around the trigger.
 */
import type { Doc, DocEntity, DocParticipant, DocQuote, Stage } from '../text/doc.js';
import { mentionAt, quotedAt, timeAt } from '../text/layers.js';
import { nameKey } from '../text/names.js';
import { ARTICLES, BE_FORMS, DEMONSTRATIVES, IRREGULAR_PAST, POSSESSIVE_DETERMINERS, PREPOSITIONS, RELATIVE_PRONOUNS, SUBORDINATORS } from '../lang/en/index.js';
import { findDate, findLocation, findParticipants, notEventTime, notStatementTime, yearOfAThing, yearPremodifier, type ArgContext } from './arguments.js';
import { CLAUSE_REACH, GO_FORMS, IMPLICATIVE, clauseIds, modality, rangeTest, speechRanges } from './clauses.js';
import { tokenIndex } from '../text/token-index.js';
import { Arena } from '../text/arena.js';
import { wordFilter, wordSignature } from '../text/word-filter.js';
import { LEXICON_GATE, learnEvents } from './learned/layer.js';
import { EVENT_CLASSES, type EventClass, type Factuality } from './learned/tokens.js';
import { CAMEO_OVERRIDE, LEGAL_STAGES, LEGAL_VERB_CUE, NEEDS_DATE, buildTriggerIndex, type TriggerInfo } from './lexicon.js';
import { loadEventModels } from './learned/models.js';
import type { LinearModel } from './learned/linear-model.js';
import { COREF_THRESHOLD, addSpans, appendCapped, learnedCorefMerge, otherStages, ruleCorefMerge, type Event } from './coreference.js';
import { SCHEDULED_EVIDENCE, futureAux, purposeInfinitive, scheduledInfinitive, scheduledNoun } from './future.js';
import { decideArguments, evidenceText, triggerKey, type ParticipantMargins } from './participants.js';
import { ISSUED_ONLY, accidentSense, adjectivalReported, describesNoun, inFiction, isHonour, isSuccession, issuedObject, issuedPassive, notAcquisition, notAgreement, notCharge, notClosure, notCourtSense, notDecision, notDeparture, notElection, notFinancialReport, notFinancialVerb, notLawsuit, notMeeting, notPersonnel, notProductLaunch, notProtest, notSummit, notTrial, notViolence, notVisit, notVitalEvent, surgeryPlace } from './senses.js';

export { TRIGGERS } from './lexicon.js';

const TRIGGER_INDEX = buildTriggerIndex();
/**
 * The lexicon's per-key tables as Maps: an object's property read by a key built from a token (not an interned string)
 * costs V8 a look-up in its table of interned strings, a Map only the string's hash (CAMEO_OVERRIDE's read was 0.1% of
 * the whole pipeline in a profile over BBC for the few thousand kept events, LEGAL_VERB_CUE's 0.35% for every trigger).
 */
const CAMEO_OF = new Map(Object.entries(CAMEO_OVERRIDE));
const LEGAL_CUE_OF = new Map(Object.entries(LEGAL_VERB_CUE));
/** The bankruptcy class, for a company's collapse (accidentSense). */
const BANKRUPTCY = TRIGGER_INDEX.get('bankruptcy')![0]!.cls;
/** The award class (an honour named or nominated for: triggerAt). */
const AWARD = TRIGGER_INDEX.get('scooped')![0]!.cls;
const MAX_TRIGGERS_PER_CLAUSE = 24;
/** Financial-result nouns that satisfy their own cue and have other senses (a defeat, a bereavement, a match's results). */
const SELF_CUED = new Set(['loss', 'losses', 'results']);
/** Words of a company's accounts that make such a noun financial besides the cue: a sum, a currency, a period, a reporting verb. */
const ACCOUNTS = /\d\s*(?:bn|m|tn)\b|\b(?:yen|euros?|dollars?|pounds?|rupees?|yuan|net|pre-tax|operating|quarter|quarterly|full-year|half-year|interim|annual|fiscal|financial|report|reports|reported|posted|posts|widen|widened|widens|narrowed|narrows)\b/i;
const SUMMIT_HEADS = /^(?:Summit|Summits|Conference|Forum|Convention|Expo)$/;
/** The same heads in any case, for the last word of an event-name mention ("BRICS summit"). */
const SUMMIT_HEADS_ANY_CASE = new RegExp(SUMMIT_HEADS.source, 'i');
const MULTIWORD_FIRST = new Set([...TRIGGER_INDEX.keys()].filter((k) => k.includes('_')).map((k) => k.split('_')[0]!));
/**
 * Per number of words (2, 3): the lexicon's multi-word triggers as "first word" → its second words. `triggerAt` builds
 * and looks up a key of n words only when the word after the first is one of these: most tokens that can start a
 * multi-word trigger ("set", "took", "called") start none, and joining their words into a key costs a string each.
 */
const MULTIWORD_SECOND = [2, 3].map((n) => {
  const m = new Map<string, Set<string>>();
  for (const k of TRIGGER_INDEX.keys()) {
    const w = k.split('_');
    if (w.length !== n) continue;
    let seconds = m.get(w[0]!);
    if (!seconds) m.set(w[0]!, (seconds = new Set()));
    seconds.add(w[1]!);
  }
  return m;
});
/** Tokens that can start a trigger (the test `triggerAt` opens with); all others are skipped at once. */
const TRIGGER_FIRST = new Set([...TRIGGER_INDEX.keys(), ...MULTIWORD_FIRST]);
const MAY_START_TRIGGER = wordFilter(TRIGGER_FIRST);
/**
 * Per signature (`wordSignature`) of a word of TRIGGER_FIRST, the lengths such words have (bit n: n characters, bit 31:
 * 31 or more; every bit for a word that is not plain ASCII). The scan asks it, from the token's offsets, before the
 * Set look-up: a token that passes the signature filter with another length ("in", the commonest, collides with a
 * trigger word's signature) is rejected without reading its string, whose first read is a cache miss. A token whose
 * lowercase form is plain ASCII has as many UTF-16 units as its text (no character lowercases into ASCII with another
 * length), so the offsets give the lowercase form's length.
 */
const TRIGGER_FIRST_LENGTHS = new Map<number, number>();
for (const w of TRIGGER_FIRST) {
  const sig = wordSignature(w);
  const bits = /^[\x00-\x7f]*$/.test(w) ? 1 << Math.min(w.length, 31) : -1;
  TRIGGER_FIRST_LENGTHS.set(sig, (TRIGGER_FIRST_LENGTHS.get(sig) ?? 0) | bits);
}
/** Types whose object takes part on an equal footing ("Putin met Pezeshkian"). */
const SYMMETRIC = new Set(['MEETING', 'CALL', 'SUMMIT']);
const OBJECT_TAKING_REPORT_VERBS = new Set(['told', 'tells', 'urged', 'warned', 'warns', 'quoted']);
/** Words after which a verb-or-noun trigger is a noun ("the attack", "his visit", "its first-ever summit"). */
const DETERMINERS = new Set<string>([...ARTICLES, ...DEMONSTRATIVES, ...POSSESSIVE_DETERMINERS, 'first', 'last', 'latest', 'recent', 'new', 'annual', 'first-ever', 'whose', "'", '’', "'s", '’s']);
/**
 * Whether token k is one of the DETERMINERS, in any case: read from the lowercased texts (a Set look-up, where a
 * case-insensitive regex over the token's text ran for every lexicon word; the words are plain ASCII, so lowercasing
 * and the regex's case folding agree).
 */
const isDeterminer = (lower: readonly string[], k: number) => k >= 0 && DETERMINERS.has(lower[k]!);

interface Candidate {
  info: TriggerInfo;
  ts: number;
  te: number;
  key: string;
  /** Its participants and place, once found (see `argumentsOf`). */
  args?: TriggerArguments;
  /** Dropped whatever the learned layer says: no participant, place or date (see findEvents). */
  vague?: boolean;
  /** A statement noun that someone issues, sends or publishes ("issued a statement"): an act of its own, dated or not. */
  issued?: boolean;
}

/** Whether a trigger is kept only when dated: a reporting verb or a statement noun nobody issues (a quote's attribution). */
const needsDate = (cand: Candidate) => NEEDS_DATE.has(cand.info.cls.type) && !cand.issued;

interface TriggerArguments {
  participants: ReturnType<typeof findParticipants>;
  location: ReturnType<typeof findLocation>;
}

/** Whether the lexicon word at tokens [i, i + n), of the type picked, is used here in a sense that is no such event. */
function otherSense(doc: Doc, lower: readonly string[], i: number, n: number, key: string, pick: TriggerInfo): boolean {
  return (
    (pick.cls.type === 'ATTACK' && notViolence(doc, lower, i, i + n, key)) ||
    ((pick.cls.type === 'ATTACK' || pick.cls.type === 'DEATH') && inFiction(doc, lower, i, i + n)) ||
    (pick.cls.type === 'ACQUISITION' && notAcquisition(doc, lower, i, i + n, key)) ||
    (pick.cls.type === 'PRODUCT_LAUNCH' && notProductLaunch(doc, lower, i, i + n, key)) ||
    (pick.cls.type === 'VISIT' && notVisit(doc, lower, i + n, key)) ||
    (pick.cls.type === 'AGREEMENT' && notAgreement(doc, lower, i, i + n, key)) ||
    (pick.cls.type === 'MEETING' && notMeeting(doc, lower, i, i + n, key)) ||
    (pick.cls.type === 'SUMMIT' && notSummit(doc, lower, i)) ||
    (pick.cls.type === 'PROTEST' && notProtest(lower, i + n, key)) ||
    (pick.cls.type === 'ELECTION' && notElection(lower, i + n, key)) ||
    (pick.cls.type === 'RESTRUCTURING' && notClosure(lower, i + n, key, i)) ||
    (pick.cls.type === 'HEALTH' && surgeryPlace(lower, i, key)) ||
    ((pick.cls.type === 'BIRTH' || pick.cls.type === 'DEATH') && notVitalEvent(lower, i + n, key, pick.pos)) ||
    (pick.cls.type === 'DECISION' && notDecision(doc, lower, i, i + n, key)) ||
    (pick.cls.type === 'LEGAL' && (notTrial(doc, lower, i, i + n, key) || notLawsuit(doc, lower, i, i + n, key) || notCharge(doc, lower, i, i + n, key) || notCourtSense(doc, lower, i, i + n, key))) ||
    (pick.cls.type === 'PERSONNEL' && (notDeparture(lower, i + n, key) || notPersonnel(lower, i, i + n, key)))
  );
}

/**
 * Verb types whose verbs act on an event noun as their object without being that event's type: one launches,
 * strikes, wins or loses a deal, a lawsuit, an attack, an election ("struck a $1bn deal with its pilots" is an
 * agreement, no strike; "lawsuits launched against downloaders" are lawsuits, no product). Not the verbs of saying,
 * agreeing, deciding, meeting, suing or protesting, whose event nouns are what they report, approve, decide, negotiate or
 * investigate: both are happenings ("approved the merger", "negotiate a settlement").
 */
const SUPPORTING_TYPES = new Set(['PRODUCT_LAUNCH', 'ATTACK', 'AWARD', 'SPORT_RESULT', 'ORDER', 'RESTRUCTURING']);
/** Of the protest verbs only striking supports another event ("struck a deal"); one protests or boycotts the event itself. */
const STRIKE_FORMS = new Set(['struck', 'striking', 'strike', 'strikes']);
/** Tokens that end a verb's object phrase (a following phrase is no object: "launched a phone with a deal"). */
const OBJECT_ENDS = new Set<string>([
  ...PREPOSITIONS, ...RELATIVE_PRONOUNS, ...SUBORDINATORS, ...BE_FORMS, 'and', 'or', 'but', ',', '.', ';', ':', '(', ')', '"', '“', '”',
  // An auxiliary or a modal starts the next clause's verb ("attack Iran would require talks").
  'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'to', 'not',
]);

/**
 * Whether the word at k is a lexicon event noun of a type other than `type` that needs no cue: an event whatever the
 * clause ("deal", "lawsuit", "election"), not one of many senses ("nomination" for a post or a prize, "order", "sales").
 */
function eventNounOfOtherType(lower: readonly string[], k: number, type: string): boolean {
  const infos = TRIGGER_INDEX.get(lower[k] ?? '');
  if (!infos) return false;
  let noun = false;
  for (const inf of infos) {
    if (inf.cls.type === type || (inf.pos === 'noun' && inf.cls.cue)) return false;
    if (inf.pos === 'noun') noun = true;
  }
  return noun;
}

/**
 * Whether the verb trigger at [ts, te) only supports an event noun of another type, which is then the event: the
 * head of its object phrase (its last word, at most six words on, before a preposition, conjunction or punctuation)
 * is one ("struck a $1bn cost-cutting deal with its pilots", "launched a fresh lawsuit"), or, as a participle, one stands right before it ("lawsuits launched
 * against downloaders", "the deal was struck"). The lexicon's own nouns decide, not a list of objects per verb.
 */
function supportVerb(doc: Doc, lower: readonly string[], ts: number, te: number, pick: TriggerInfo): boolean {
  const type = pick.cls.type;
  if (pick.pos !== 'verb' || !(SUPPORTING_TYPES.has(type) || (type === 'PROTEST' && STRIKE_FORMS.has(lower[ts]!)))) return false;
  const toks = doc.tokens;
  const sentence = toks[ts]!.sentence;
  let head = -1;
  for (let k = te; k < te + 6 && k < toks.length && toks[k]!.sentence === sentence && !OBJECT_ENDS.has(lower[k]!); k++) head = k;
  if (head >= 0 && eventNounOfOtherType(lower, head, type)) return true;
  if (!pastForm(lower[te - 1]!)) return false;
  const before = BE_SET.has(lower[ts - 1] ?? '') ? ts - 2 : ts - 1;
  return before >= 0 && toks[before]!.sentence === sentence && eventNounOfOtherType(lower, before, type);
}

/** Words before a plural noun that no verb follows: numbers and quantifiers ("two wins", "successive wins"). */
const COUNTING = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'successive', 'consecutive', 'straight', 'many', 'several', 'few', 'more', 'recent', 'opening', 'previous', 'back-to-back']);
/** Subjects and adverbs a verb "wins" may follow in lowercase ("which finally wins her the award"). */
const BEFORE_VERB = new Set(['it', 'he', 'she', 'who', 'which', 'that', 'finally', 'also', 'often', 'usually', 'always', 'never', 'still', 'now', 'then', 'only', 'just', 'whoever']);

/**
 * Whether "wins" at token i is the plural noun, wins counted or described, no match won on a day: after a determiner,
 * a number or a quantifier ("my wins abroad", "just two wins in 2005", "successive wins over Canada"), or after a
 * lowercase modifier with no object after it ("after Futures tournament wins in Wrexham"). A verb takes an object
 * ("Russian film wins BBC world prize", "which finally wins her the award").
 */
function pluralWins(doc: Doc, lower: readonly string[], i: number, nounish: boolean): boolean {
  const prev = lower[i - 1] ?? '';
  if (nounish && !/^\p{Lu}/u.test(doc.tokens[i - 1]?.text ?? '')) return true;
  if (COUNTING.has(prev)) return true;
  const next = lower[i + 1] ?? '.';
  return /^\p{Ll}/u.test(doc.tokens[i - 1]?.text ?? '') && !BEFORE_VERB.has(prev) && (PREPOSITION_SET.has(next) || /^[.,;:]$/.test(next));
}

/**
 * The trigger starting at token i, longest first (three-, two-, one-word), with its class chosen by cues; or null. A
 * word the lexicon types but whose sense here is no event of that type ("mortgages were approved", "the case was
 * settled on the test of …") is marked in `rejected`: no OTHER event either.
 */
function triggerAt(doc: Doc, lower: readonly string[], i: number, clauseTextOf: (i: number, withoutTrigger?: boolean) => string, rejected: Uint8Array): Candidate | null {
  const toks = doc.tokens;
  const first = lower[i]!; // in TRIGGER_FIRST: findEvents tests that before calling
  for (let n = MULTIWORD_FIRST.has(first) ? 3 : 1; n >= 1; n--) {
    if (i + n > toks.length) continue;
    if (n > 1 && (toks[i + n - 1]!.sentence !== toks[i]!.sentence || !MULTIWORD_SECOND[n - 2]!.get(first)?.has(lower[i + 1]!))) continue;
    const key = n === 1 ? first : n === 2 ? `${first}_${lower[i + 1]}` : `${first}_${lower[i + 1]}_${lower[i + 2]}`;
    // "took over at Villa Park", "took over as chief executive": a succession in a post, not an acquisition.
    const infos = key === 'took_over' && isSuccession(lower, i + n) ? TRIGGER_INDEX.get('replaced') : TRIGGER_INDEX.get(key);
    if (!infos) continue;
    if (isHonour(key, lower, i + n)) {
      // "nominated for an Oscar", "named best director", "named Player of the Year": an award, not a post ("named
      // after" is a name).
      if (lower[i + n] !== 'after') return { info: { cls: AWARD, pos: 'verb' }, ts: i, te: i + n, key };
      continue;
    }
    if (adjectivalReported(lower, i, key)) continue;
    let ctxText: string | undefined; // built on the first cue to test: most senses have none
    // (A loop, not a filter with a closure: this runs for every token that starts a lexicon word.)
    const usable: TriggerInfo[] = [];
    for (const inf of infos) {
      // "the Financial Times reported.", "is reported to": a report, not a company's results (the statement sense stays).
      if (inf.cls.type === 'FINANCIAL_RESULT' && (notFinancialReport(doc, lower, i, i + n, key) || notFinancialVerb(doc, lower, i, i + n, key))) continue;
      const cue = (inf.cls.type === 'LEGAL' && LEGAL_CUE_OF.get(key)) || inf.cls.cue;
      // A word that is its own cue ("loss", "results") needs another: "an away loss to Ireland", "the loss of his
      // partner", "Scotland's recent results" are no financial results.
      if (cue && inf.cls.type === 'FINANCIAL_RESULT' && SELF_CUED.has(key)) {
        const rest = clauseTextOf(i, true);
        if (cue.test(rest) || ACCOUNTS.test(rest)) usable.push(inf);
      } else if (!cue || cue.test((ctxText ??= clauseTextOf(i)))) usable.push(inf);
    }
    if (usable.length === 0) continue;
    // Cued classes are more specific than uncued ones ("reported a profit" is a result, not a statement).
    if (usable.length > 1) usable.sort((a, b) => Number(!!b.cls.cue) - Number(!!a.cls.cue));
    // A word both verb and noun ("attack", "visit") is a noun after a determiner or possessive.
    const prev = toks[i - 1]?.text ?? '';
    const nounish = isDeterminer(lower, i - 1) || /^(?:[A-Z]\S*|\$?\d.*)$/.test(prev) && i > 0 && toks[i - 1]!.sentence === toks[i]!.sentence && !/^[A-Z][a-z]+$/.test(toks[i]!.text);
    const pos = nounish ? 'noun' : 'verb';
    let pick = usable[0]!;
    for (const u of usable) if (u.pos === pos) {
      pick = u;
      break;
    }
    // "a 5% fall in rents", "a rise in": a bare form the lexicon lists only as a verb is a noun there, and no trigger.
    // ("lost" is a past, missing from IRREGULAR_PAST: "Arsenal lost 2-0".)
    if ((nounish || prev === '%') && pick.moreVerb && !key.endsWith('ed') && !IRREGULAR_PAST.has(key) && key !== 'lost') continue;
    // Neither is a happening of any type: no OTHER event either (`rejected`).
    // "The film also deals with …", "it calls for …": an -s noun after a subject pronoun or an adverb of the verb's
    // place is a verb in another sense (the lexicon lists the word as a noun only).
    const verbSense = pick.pos === 'noun' && n === 1 && key.endsWith('s') && BEFORE_VERB.has(lower[i - 1] ?? '') && prev !== 'that';
    if (verbSense || (key === 'wins' && pluralWins(doc, lower, i, nounish))) {
      rejected.fill(1, i, i + n);
      continue;
    }
    if (otherSense(doc, lower, i, n, key, pick) || supportVerb(doc, lower, i, i + n, pick)) {
      rejected.fill(1, i, i + n);
      continue;
    }
    if (describesNoun(doc, lower, i + n, pick.pos)) continue;
    if (pick.cls.type === 'ACCIDENT') {
      const { mentions, at } = mentionAt(doc);
      const sense = accidentSense(doc, lower, i, i + n, key, (k) => at[k]! >= 0 && mentions[at[k]!]!.entity.type === 'ORGANIZATION');
      if (!sense) {
        rejected.fill(1, i, i + n);
        continue;
      }
      if (sense === 'bankruptcy') return { info: { cls: BANKRUPTCY, pos: pick.pos }, ts: i, te: i + n, key };
    }
    const issued = pick.cls.type === 'STATEMENT' && pick.pos === 'noun' && issuedObject(doc, lower, i);
    if (ISSUED_ONLY.has(key) && !issued) continue;
    return issued ? { info: pick, ts: i, te: i + n, key, issued } : { info: pick, ts: i, te: i + n, key };
  }
  return null;
}

/**
 * The participants and place of a lexicon trigger at tokens [ts, te) (`info` null: a learned mention the lexicon
 * has no type for): the rules of arguments.ts, decided by the learned participant model when one is given
 * (src/events/participants.ts), then restricted by type (fitsRole).
 */
export function eventArguments(
  ctx: ArgContext,
  ts: number,
  te: number,
  info: TriggerInfo | null,
  key: string,
  model: LinearModel | null,
  margins?: ParticipantMargins,
): { participants: ReturnType<typeof findParticipants>; location: ReturnType<typeof findLocation> } {
  const type = info?.cls.type ?? 'OTHER';
  const pos = info?.pos ?? (isDeterminer(ctx.lower, ts - 1) ? 'noun' : 'verb');
  const statement = type === 'STATEMENT';
  // What follows a reporting verb is the content of the statement, not its addressee, except after "told", "quoted"…
  const objectRole = statement
    ? OBJECT_TAKING_REPORT_VERBS.has(key) ? (key === 'quoted' ? 'patient' : 'recipient') : null
    : SYMMETRIC.has(type) ? 'participant' : 'patient';
  let participants = findParticipants(ctx, ts, te, pos, !!info?.cls.possessorIsPatient, objectRole, !!info?.cls.subjectIsPatient);
  let location = findLocation(ctx, ts, te, pos, type === 'VISIT');
  if (model) {
    ({ participants, location } = decideArguments(ctx, triggerKey(ctx, ts, te, type, pos), model, participants, location, SYMMETRIC.has(type), !!info?.cls.subjectIsPatient, margins));
    // A reporting verb's object is the content of what was said: only its speaker takes part (unless "told", "quoted"…).
    if (statement && !objectRole) participants = participants.filter((p) => p.role === 'agent');
  }
  // The one person a death or a birth happens to: "the death of … Mike Doyle in a car crash" is Doyle's, whatever role
  // the learned decision gave him (fitsRole keeps only patients of these types).
  if (type === 'DEATH' || type === 'BIRTH') participants = participants.map((p) => (p.role === 'agent' && p.entity.type === 'PERSON' ? { entity: p.entity, role: 'patient' as const, why: `${evidenceText(ctx.doc.text, p)} (the person of a ${type === 'DEATH' ? 'death' : 'birth'})` } : p));
  return { participants: participants.filter((p) => fitsRole(type, p.role, p.entity)), location };
}

/**
 * Finds the events of a Doc whose entities and times are already assigned.
 *
 * @example
 * const doc = createDoc({ text: 'Putin met Pezeshkian in Kazan on Friday.', publishedAt: '2024-10-14' });
 * runPipeline(doc);
 * doc.events[0].type; // 'MEETING'
 */
function extractEvents(doc: Doc): void {
  doc.events = findEvents(doc);
}

/** The event stage: reads the quotes (a trigger inside quoted speech is the speaker's claim, not the article's). */
export const eventsStage: Stage = { name: 'events', requires: ['text', 'entities', 'times', 'quotedSpans', 'quotes'], assigns: ['events'], run: extractEvents };

/**
 * The events of a Doc; `onReject` hears about every trigger that was dropped and why
 * (for debugging the lexicon and filters).
 */
export function findEvents(
  doc: Doc,
  onReject?: (trigger: string, at: number, why: string) => void,
  /** How mentions of one happening across clauses merge: the learned decision (shipped), the rule before it, or not at all (training, evaluation). */
  coreference: 'learned' | 'rules' | 'none' = 'learned',
  /** The learned merge's margin (training selects it; the shipped value otherwise). */
  corefThreshold = COREF_THRESHOLD,
): Event[] {
  const models = loadEventModels();
  const reject = (trigger: string, at: number, why: string) => onReject?.(trigger, at, why);
  const toks = doc.tokens;
  // The per-token and per-sentence tables of this document, views of one buffer (a typed array of its own costs an
  // allocation of its backing store each): clause ids, the two token flags and two sentence flags below, and the
  // argument rules' tables (relative clauses, asides, the person before each token, the token kinds).
  const arena = new Arena(19 * toks.length + 2 * doc.sentences.length + 32);
  const clause = clauseIds(doc, arena.int32(toks.length));
  // Quoted speech, asked only of kept asserted triggers (many documents have none): its ranges are found on first ask.
  let inSpeechTest: ((pos: number) => boolean) | null = null;
  const inSpeech = (pos: number) => (inSpeechTest ??= rangeTest(speechRanges(doc)))(pos);
  const { mentions, at: byToken } = mentionAt(doc);
  const timeTokens = timeAt(doc);
  const { lower, cap, sig, starts, ends } = tokenIndex(doc);
  const ctx: ArgContext = { doc, lower, clause, mentions, byToken, arena };
  /** Tokens of lexicon triggers (kept or rejected). */
  const typed = arena.uint8(toks.length);
  const senseRejected = arena.uint8(toks.length); // lexicon words in a sense that is no event: no OTHER event either
  const quoted = quotedAt(doc);
  // What each reporting verb introduces: the content of the quotation whose cue it is ("Police arrested two men
  // on Tuesday, officials said": "Tuesday" dates the arrest, not the saying).
  // (Built on the first reporting verb that is dated: most triggers are no such verb.)
  let contentOfCue: Map<number, DocQuote> | null = null;
  const quoteOfCue = (k: number): DocQuote | undefined => {
    if (contentOfCue === null) {
      contentOfCue = new Map();
      for (const q of doc.quotes) if (q.cue) for (let t = q.cue.tokenStart; t < q.cue.tokenEnd; t++) contentOfCue.set(t, q);
    }
    return contentOfCue.get(k);
  };

  // Clause text, for cue words, computed lazily: the clause, at most CLAUSE_REACH tokens either side
  // (bounded for huge clauses). Clause ids only grow along the text, so a clause is a contiguous run.
  const clauseTextOf = (i: number, withoutTrigger = false) => {
    let a = i;
    while (a > i - CLAUSE_REACH && a > 0 && clause[a - 1] === clause[i]) a--;
    let b = i + 1;
    while (b < i + CLAUSE_REACH + 1 && b < toks.length && clause[b] === clause[i]) b++;
    if (!withoutTrigger) return doc.text.slice(toks[a]!.start, toks[b - 1]!.end);
    return `${doc.text.slice(toks[a]!.start, toks[i]!.start)} ${doc.text.slice(toks[i]!.end, toks[b - 1]!.end)}`;
  };

  // The entities of each name key (canonical name and aliases), in the order of doc.entities: built on the first event
  // name, instead of keying every entity's names at every event name (quadratic on a long document).
  let entitiesByKey: Map<string, DocEntity[]> | null = null;
  const entitiesNamed = (key: string): readonly DocEntity[] => {
    if (entitiesByKey === null) {
      entitiesByKey = new Map();
      for (const e of doc.entities) {
        for (const n of [e.name, ...e.aliases]) {
          const k = nameKey(n);
          const list = entitiesByKey.get(k);
          if (list === undefined) entitiesByKey.set(k, [e]);
          else if (list[list.length - 1] !== e) list.push(e);
        }
      }
    }
    return entitiesByKey.get(key) ?? [];
  };

  /** The participants and place of a trigger (found once: the learned layer's sentence selection may ask first). */
  const argumentsOf = (cand: Candidate): TriggerArguments => {
    if (cand.args) return cand.args;
    const { info, ts, te, key } = cand;
    const participants = eventArguments(ctx, ts, te, info, key, models.participants);
    const { location } = participants;
    const eventName = byToken[ts]! >= 0 ? mentions[byToken[ts]!]! : null;
    if (eventName) {
      // An event name ("BRICS Summit") names its organiser: match the words before the trigger to a known entity.
      const head = nameKey(doc.text.slice(eventName.start, toks[ts]!.start));
      const org = entitiesNamed(head).find((e) => e !== eventName.entity && e.type !== 'LOCATION' && e.subtype !== 'nationality');
      if (org && !participants.participants.some((p) => p.entity.id === org.id)) participants.participants.push({ entity: org, role: 'participant', why: `named in "${eventName.entity.name}"` });
    }
    return (cand.args = { participants: participants.participants, location });
  };

  // First the lexicon's triggers (what needs no learned layer); then the learned layer, only over the sentences it
  // is read in: those with a trigger, and those with a dated time expression (OTHER events need a learned anchor with
  // a calendar range in their sentence).
  const needed = arena.uint8(doc.sentences.length);
  const cands: Candidate[] = [];
  let clauseOfCount = -1;
  let triggersInClause = 0;
  for (let i = 0; i < toks.length; i++) {
    // Most tokens start no trigger (the test triggerAt ends with): skip them before anything else.
    if (!MAY_START_TRIGGER.mayHaveSig(sig[i]!) || !((TRIGGER_FIRST_LENGTHS.get(sig[i]!) ?? 0) & (1 << Math.min(ends[i]! - starts[i]!, 31))) || !TRIGGER_FIRST.has(lower[i]!)) continue;
    // Inside a person, organisation or place name a word is no trigger; inside an event name ("BRICS Summit") it is.
    // (A recogniser may also type "BRICS Summit" as an organisation: its final word still triggers.)
    if (byToken[i]! >= 0 && mentions[byToken[i]!]!.entity.type !== 'MISC' && !(mentions[byToken[i]!]!.tokenEnd === i + 1 && SUMMIT_HEADS_ANY_CASE.test(toks[i]!.text))) continue;
    // Triggers are common words: a capitalised one inside a sentence is a name ("March", "United States"),
    // except the head of a named meeting ("BRICS Summit").
    // (Whether it opens its sentence is asked only of a capitalised word: most are lowercase.)
    if (cap[i] && !(i === 0 || toks[i - 1]!.sentence !== toks[i]!.sentence || /^[“"‘'(]$/.test(toks[i - 1]!.text)) && !SUMMIT_HEADS.test(toks[i]!.text)) continue;
    if (timeTokens[i]! >= 0) continue; // "March 06, 2008" is a date, not a march
    // (clauseTextOf is passed as it is, made once outside the loop: a closure made here per token would cost an
    // allocation per lexicon word, and one reading the loop's `i` a context for `i` at every token.)
    const cand = triggerAt(doc, lower, i, clauseTextOf, senseRejected);
    if (!cand) continue;
    // A clause with dozens of triggers is a list or garbage, not prose: analysing each would only cost time.
    if (clause[i] === clauseOfCount) {
      if (++triggersInClause > MAX_TRIGGERS_PER_CLAUSE) continue;
    } else {
      clauseOfCount = clause[i]!;
      triggersInClause = 1;
    }
    // The lexicon has seen it: never an OTHER event, even when rejected (2: a verb that is no reporting verb, whose
    // object is no OTHER event: objectOfLexiconTrigger).
    for (let t = cand.ts; t < cand.te; t++) typed[t] = cand.info.pos === 'verb' && cand.info.cls.type !== 'STATEMENT' ? 2 : 1;
    // A reporting verb is kept only when dated by a time expression of its sentence, which marks the sentence below:
    // alone it needs no learned layer (undated, it is dropped whatever the detector says). Inside an event name it
    // may be dated by the clause rule instead, so there it does.
    if (!needsDate(cand) || byToken[i]! >= 0) needed[toks[i]!.sentence] = 1;
    cands.push(cand);
  }
  /** Sentences with a time expression that can date an event (a date or time with a calendar range). */
  const dated = arena.uint8(doc.sentences.length);
  for (const t of doc.times) if ((t.type === 'DATE' || t.type === 'TIME') && t.from) needed[toks[t.tokenStart]!.sentence] = dated[toks[t.tokenStart]!.sentence] = 1;
  // A trigger in a sentence with no such time expression is dated at most by the clause rule (findDate), whatever the
  // learned layer says: with no participant, no place and no such date it is dropped, and needs no learned layer.
  for (const cand of cands) {
    const s = toks[cand.ts]!.sentence;
    if (needed[s] || needsDate(cand)) continue;
    const a = argumentsOf(cand);
    if (a.participants.length > 0 || a.location || findDate(ctx, doc.times, timeTokens, cand.ts, cand.te, 40)) needed[s] = 1;
    else cand.vague = true;
  }
  const learned = learnEvents(doc, undefined, needed);

  const events: Event[] = [];
  /** Per clause, the first token of a kept event's noun trigger (what a later OTHER predicate may have as subject). */
  const nounEventBefore = new Map<number, number>();
  let clauseOfLast = -1;
  let lastInClause: Event | null = null;
  for (const cand of cands) {
    const { info, ts, te, key } = cand;
    if (cand.vague) {
      onReject?.(doc.text.slice(toks[ts]!.start, toks[te - 1]!.end), toks[ts]!.start, 'no participant, place or date');
      continue;
    }
    // A reporting verb in a sentence the learned layer did not analyse has no dated time expression there: dropped.
    if (needsDate(cand) && !needed[toks[ts]!.sentence]) {
      onReject?.(doc.text.slice(toks[ts]!.start, toks[te - 1]!.end), toks[ts]!.start, 'undated reporting verb');
      continue;
    }
    const trigger = { text: doc.text.slice(toks[ts]!.start, toks[te - 1]!.end), start: toks[ts]!.start, end: toks[te - 1]!.end, tokenStart: ts, tokenEnd: te };
    // The learned detector decides whether the word is an event mention here ("a robot named", "the dust settled"…),
    // with a margin below its own threshold for lexicon words (LEXICON_GATE); the head of a named meeting ("BRICS
    // Summit") is one by the name; a type TimeML has no happenings of is not gated (UNGATED_TYPES).
    let lm = -1;
    for (let k = ts; k < te && lm < 0; k++) lm = learned.mentionAt(k);
    // An issued statement noun ("sent a letter", "issued a report") is an event as its issuing verb is: TimeML marks
    // the verb, so the detector's margin there counts too, and its mention dates the noun (the verb is at most five
    // tokens before the noun).
    // In the passive ("the report was published") the verb is at most three tokens after the noun.
    const sent = doc.sentences[toks[ts]!.sentence]!;
    const from = cand.issued ? Math.max(ts - 5, sent.tokenStart) : ts;
    const to = cand.issued && issuedPassive(doc, lower, te - 1) ? Math.min(te + 3, sent.tokenEnd) : te;
    for (let k = ts - 1; k >= from && lm < 0; k--) lm = learned.mentionAt(k);
    for (let k = te; k < to && lm < 0; k++) lm = learned.mentionAt(k);
    let gateMargin = -Infinity;
    for (let k = from; k < to; k++) gateMargin = Math.max(gateMargin, learned.marginAt(k));
    const ungated = UNGATED_TYPES.has(info.cls.type) && (info.pos === 'verb' || !modifiesNext(doc, lower, timeTokens, te));
    if (lm < 0 && byToken[ts]! < 0 && !(gateMargin > LEXICON_GATE) && !ungated) {
      reject(trigger.text, trigger.start, 'not an event mention (learned detector)');
      continue;
    }
    const statement = info.cls.type === 'STATEMENT';
    // The date: the time expression the learned anchoring model chooses in the sentence, when it has a calendar
    // range; never one inside other quoted speech, and for a reporting verb only a time before it or right after
    // it ("said on Tuesday"), never one inside what was said. When the model chooses none, a reporting verb stays
    // undated, other events take the clause rule (TimeML links few events to their times, so "none" is weakly learned).
    // When the model's choice is a time no event has (a year of a name: "Transport 2000 said on Friday"; a year of
    // what was said), the model did see a time of the event: a reporting verb then takes its own adverbial, as the
    // clause rule finds it. One it chose far after the verb (the saying's own, past its object) gives no such fallback:
    // the nearer times the clause rule would take are then of the object ("announce their squad for the 12 March game
    // on Saturday", "told Radio 4's Today programme on Saturday"). A statement noun gets none either: the clause rule
    // reaches 40 tokens after it, into the rest of the sentence ("Chrysler's restructuring announcement in Canada, …
    // compared to 2008, an increase from the previous month").
    let anchor = lm >= 0 ? learned.anchorOf(lm) : null;
    let chosen = false;
    if (anchor && quoted[anchor.tokenStart] !== quoted[ts]) anchor = null;
    if (anchor && statement && info.pos === 'verb' && anchor.tokenStart > te + 4) anchor = null;
    if (anchor && (notEventTime(ctx, anchor, ts) || yearOfAThing(ctx, anchor, ts) || (statement && notStatementTime(ctx, anchor, ts, te)))) {
      chosen = info.pos === 'verb';
      anchor = null;
    }
    let date = anchor
      ? anchor.from
        ? { value: anchor, why: `learned anchor: "${doc.text.slice(anchor.start, anchor.end)}"` }
        : null
      : statement && lm >= 0 && !chosen
        ? null
        : findDate(ctx, doc.times, timeTokens, ts, te, statement && info.pos === 'verb' ? 4 : 40, statement);
    // A time inside what the reporting verb introduces dates the content, not the saying; one right after the
    // verb is its own ("said on Sunday it had …", "said earlier this month it would …"), wherever the content
    // boundary fell.
    const said = statement && date ? quoteOfCue(ts) : undefined;
    const rightAfter = date !== null && date.value.tokenStart >= te && date.value.tokenStart <= te + 1;
    if (date && said && date.value.tokenStart >= said.tokenStart && date.value.tokenStart < said.tokenEnd && !rightAfter) date = null;
    if (needsDate(cand) && !date) {
      reject(trigger.text, trigger.start, 'undated reporting verb');
      continue;
    }
    const { participants, location } = argumentsOf(cand);
    // Mentions with no participant, place or date are too vague to chart ("their first meeting").
    const bare = participants.length === 0 && !location && !date;
    const pastMain = bare && !(gateMargin > BARE_TYPED_MARGIN) && gateMargin > BARE_PAST_MARGIN && pastMainClause(doc, lower, clause, cand);
    if (bare && !(gateMargin > BARE_TYPED_MARGIN) && !pastMain) {
      reject(trigger.text, trigger.start, 'no participant, place or date');
      continue;
    }
    // Factuality, asked last (only kept triggers pay for the classifier): the learned classifier, completed by the
    // stage's rules (quoted speech, negators, modals, intentions).
    let factuality: Factuality = lm >= 0 ? learned.factualityOf(lm) : 'asserted';
    let factualityWhy = lm >= 0 ? `learned: ${factuality}` : byToken[ts]! >= 0 ? 'asserted: event name' : 'asserted: lexicon trigger just below the detector\'s own threshold';
    let schedule: string | null = null;
    let purpose: string | null = null;
    if (factuality === 'asserted') {
      const mod = modality(doc, clause, ts, info.pos, lower);
      if (inSpeech(trigger.start)) {
        factuality = 'reported';
        factualityWhy = 'inside quoted speech: the speaker\'s claim';
      } else if (!mod.ok && !(schedulable(mod) && (schedule = scheduleOf(lower, clause, cand)))) {
        // (An infinitive is no intention when a plan schedules it: "plans to open", below.)
        factuality = /negat/.test(mod.why) ? 'negated' : /cancel/.test(mod.why) ? 'cancelled' : 'possible';
        factualityWhy = `rule: ${mod.why}`;
      } else if (info.cls.type === 'FINANCIAL_RESULT' && forecast(doc, clause, ts, te, lower)) {
        // "the market will grow to 836m euros by 2009", "sales are set to rise 5%": a forecast, not a result (nor a
        // schedule: asked before it).
        factuality = 'possible';
        factualityWhy = 'rule: a forecast ("will")';
      } else if (schedule || (schedule = scheduleOf(lower, clause, cand))) {
        // "is to visit", "is due to take place", "plans to open": not yet a fact, but charted as scheduled.
        factuality = 'possible';
        factualityWhy = `${SCHEDULED_EVIDENCE}${schedule}`;
      } else if (info.pos === 'verb' && (purpose = purposeInfinitive(lower, ts))) {
        // "the aim is to buy": a wish, not a schedule.
        factuality = 'possible';
        factualityWhy = `rule: a purpose (${purpose})`;
      } else if (futureAux(doc, lower, clause, ts, info.pos)) {
        // "will hold talks on Thursday", "will be released in late January": not yet a fact (src/events/future.ts),
        // scheduled — unless someone predicts it ("bookmakers predict she will be named best actress").
        factuality = 'possible';
        factualityWhy = forecastVerbBefore(doc, lower, ts) ? 'rule: a forecast ("will")' : FUTURE_WHY;
      }
    } else if (factuality === 'possible' && !inSpeech(trigger.start) && (schedule = scheduleOf(lower, clause, cand)) && schedulable(modality(doc, clause, ts, info.pos, lower))) {
      // The learned factuality already says possible ("is scheduled to meet"): the rule tells that it is scheduled.
      factualityWhy = `${SCHEDULED_EVIDENCE}${schedule}`;
    }
    // Kept bare only when asserted: a possible, negated or reported happening with no actor, place or date is mostly
    // a hypothetical or a speaker's generality ("could be jailed", "if Labour is elected").
    // A scheduled one ("will acquire the shares", "is to acquire the shares") is as concrete as a past one: kept,
    // flagged possible. (Not one kept as a past verb of the main clause: "will be decided" is no past.)
    if (bare && factuality !== 'asserted' && (!factualityWhy.startsWith(SCHEDULED_EVIDENCE) || pastMain)) {
      reject(trigger.text, trigger.start, 'no participant, place or date');
      continue;
    }
    const span = { start: trigger.start, end: trigger.end, tokenStart: ts, tokenEnd: te };
    const ev: Event = {
      id: '',
      type: info.cls.type,
      cameo: (info.cls.cameo && CAMEO_OF.get(key)) || info.cls.cameo,
      factuality,
      trigger: span,
      mentions: [span],
      sentence: toks[ts]!.sentence,
      date: date ? date.value : null,
      location: location ? location.value : null,
      participants: participants.map((p): DocParticipant => ({ entity: p.entity, role: p.role })),
      evidence: {
        type: `lexicon:${info.cls.type.toLowerCase()} ${info.pos} "${key.replace(/_/g, ' ')}"`,
        factuality: factualityWhy,
        participants: participants.length
          ? participants.map((p) => `${p.role}: ${evidenceText(doc.text, p)}`).join('; ')
          : bare
            ? pastMain
              ? `none found (kept with no participant, place or date: a past verb of its sentence's main clause, the learned detector's margin ${gateMargin.toFixed(1)} above ${BARE_PAST_MARGIN})`
              : `none found (kept with no participant, place or date: the learned detector's margin ${gateMargin.toFixed(1)} is above ${BARE_TYPED_MARGIN})`
            : 'none found',
        location: location ? evidenceText(doc.text, location) : 'no place governed by in/at in the clause',
        date: date?.why ?? 'no dated time expression in the clause',
      },
    };
    const legalStage = info.cls.type === 'LEGAL' ? LEGAL_STAGES.get(key.replace(/_/g, ' ')) : undefined;
    if (legalStage) ev.legalStage = legalStage;
    // Two triggers of one event in a clause ("approved the draft agreement", "meet … at the summit"): merge.
    const c = clause[ts]!;
    if (clauseOfLast === c && lastInClause && sameEventInClause(lower, lastInClause, ev)) {
      absorb(doc, lastInClause, ev);
      continue;
    }
    clauseOfLast = c;
    lastInClause = ev;
    events.push(ev);
    if (info.pos === 'noun' && !nounEventBefore.has(c)) nounEventBefore.set(c, ts);
  }
  // Learned mentions the lexicon has no type for extend it as OTHER events when they are dated happenings with an argument.
  // At most one OTHER event per clause. A clause with a typed event gets one only when the mention is an occurrence of
  // its own ("Commodore filed for bankruptcy in 1994 and was sold to Tulip"): not an aspectual or intensional action,
  // which takes the typed event as its object (TimeML's ASPECTUAL and I_ACTION classes: "began talks", "tried to
  // buy"), not a verb whose object is the lexicon's event noun ("won the election"), and not a predicate whose subject
  // is a typed event noun before it ("the meeting between X and Y at Ashgabat was short", "the deal was completed").
  // Light verbs ("went on strike", "held talks") are never OTHER events (otherEvent).
  const typedClauses = new Set(events.map((e) => clause[e.trigger.tokenStart]!));
  const otherClauses = new Set<number>();
  const undatedOtherClauses = new Set<number>();
  /** Why learned mention m may give no OTHER event in its clause c, or null when it may. */
  const clauseBlocks = (m: { start: number; end: number; cls: number }, c: number): string | null => {
    if (otherClauses.has(c) && !(m.cls === OCCURRENCE && coordinatedVerb(lower, clause, m.start))) return 'other: clause has an OTHER event';
    if (typedClauses.has(c) && m.cls !== OCCURRENCE) return 'other: clause has a typed event and the mention is no occurrence';
    if (typedClauses.has(c) && objectIsLexiconTrigger(lower, typed, clause, m.end)) return 'other: its object is a lexicon trigger';
    if ((nounEventBefore.get(c) ?? Infinity) < m.start) return 'other: a typed event noun before it is its subject';
    return null;
  };
  learned.mentions.forEach((m, k) => {
    const c = clause[m.start]!;
    const ev = clauseBlocks(m, c) ?? otherEvent(doc, ctx, learned, k, m, typed, senseRejected, byToken, cap, quoted, models.participants, timeTokens, dated[toks[m.start]!.sentence] === 1);
    if (typeof ev === 'string') {
      onReject?.(doc.text.slice(toks[m.start]!.start, toks[m.end - 1]!.end), toks[m.start]!.start, ev);
      // A clause the article puts in the future gives no OTHER event through another of its words either ("will play
      // his first full match", "will make its debut in Toronto in March 2006, after it was found …").
      if (ev === FUTURE_OTHER) otherClauses.add(c);
      return;
    }
    // An undated OTHER event does not keep a dated one out of its clause ("X was replaced as member by Y, after being
    // deselected in December 1996"), only another undated one.
    if (!ev.date) {
      if (undatedOtherClauses.has(c)) return onReject?.(doc.text.slice(toks[m.start]!.start, toks[m.end - 1]!.end), toks[m.start]!.start, 'other: clause has an OTHER event');
      undatedOtherClauses.add(c);
    } else otherClauses.add(c);
    events.push(ev);
  });
  events.sort((a, b) => a.trigger.start - b.trigger.start);
  const merged =
    coreference === 'none' ? events : coreference === 'rules' || !models.coreference ? ruleCorefMerge(doc, events) : learnedCorefMerge(doc, lower, events, models.coreference, corefThreshold);
  return merged.map((e, i) => {
    e.mentions.sort((a, b) => a.start - b.start);
    return { ...e, id: `ev${i + 1}` };
  });
}

/**
 * All trigger spans of an event found by `findEvents`/`extractEvents` in this process:
 * its own and those of mentions merged into it (UTF-16 offsets into doc.text).
 *
 * @example
 * triggerSpans(doc.events[0]); // [{ start: 61, end: 69 }, { start: 6, end: 14 }]
 */
export function triggerSpans(e: Event): Array<{ start: number; end: number }> {
  return e.mentions;
}

/**
 * Whether the word at token ts is a second verb joined by "and" to a predicate before it in its clause ("issued shares
 * to X, and repurchased 1.1 million", "was arrested and charged"): "and" right before it in the clause, a regular past
 * form (-ed: no part-of-speech layer, so the ending tells a verb from a noun of a list, "sales and growth"), and no
 * determiner before "and" ("the bank's acquired and merged units" is no predicate).
 */
function coordinatedVerb(lower: readonly string[], clause: ArrayLike<number>, ts: number): boolean {
  return ts > 1 && lower[ts - 1] === 'and' && clause[ts - 1] === clause[ts] && /^[a-z]+ed$/.test(lower[ts]!) && !PRENOMINAL_DETERMINERS.has(lower[ts - 2]!);
}

/** Words that end the phrase next to a verb: past one, a noun is no longer its object or subject. */
const PHRASE_BREAKS = new Set<string>([...PREPOSITIONS, 'and', 'or', 'but', 'nor']);
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u;

/**
 * Whether a lexicon trigger (kept or not) sits in the phrase right after a verb ending at token te, in its clause, at
 * most three words on with no preposition, conjunction or punctuation between: the verb's object ("won the
 * election", "completed its takeover").
 */
function objectIsLexiconTrigger(lower: readonly string[], typed: Uint8Array, clause: ArrayLike<number>, te: number): boolean {
  for (let j = te, n = 0; n < 4 && j < lower.length && clause[j] === clause[te - 1]; j++, n++) {
    if (typed[j]) return true;
    if (!WORD.test(lower[j]!) || PHRASE_BREAKS.has(lower[j]!)) break;
  }
  return false;
}

/**
 * Whether the word at token ts is the object of a lexicon verb (no reporting verb) at most four words before it in
 * its clause: right after it ("pressed charges") or after a determiner right after it ("quashed the convictions",
 * "overturned their bans").
 */
function objectOfLexiconTrigger(lower: readonly string[], typed: Uint8Array, clause: ArrayLike<number>, ts: number): boolean {
  for (let j = ts - 1, n = 0; n < 4 && j >= 0 && clause[j] === clause[ts]; j--, n++) {
    if (typed[j]) return typed[j] === 2 && !typed[j + 1] && (j + 1 === ts || (PRENOMINAL_DETERMINERS.has(lower[j + 1]!) && lower[j + 1] !== "'s" && lower[j + 1] !== '’s'));
    if (!WORD.test(lower[j]!) || PHRASE_BREAKS.has(lower[j]!)) break;
  }
  return false;
}

/** Words of a death that its cause follows with "of" or "from" ("died of a heart attack", "death from a stroke"). */
const DEATH_WORDS = new Set(['died', 'dies', 'die', 'dying', 'death', 'deaths', 'dead']);
/**
 * Whether the word at ts is what someone died of ("died of a heart attack", "died from a stroke", "the death from an
 * overdose"): the cause is told with the death, no happening of its own. At most three words between "of"/"from" and it.
 */
function causeOfDeath(lower: readonly string[], clause: ArrayLike<number>, ts: number): boolean {
  for (let j = ts - 1, n = 0; n <= 3 && j > 0 && clause[j] === clause[ts]; j--, n++) {
    if (lower[j] === 'of' || lower[j] === 'from') return DEATH_WORDS.has(lower[j - 1]!);
    if (!WORD.test(lower[j]!) || PHRASE_BREAKS.has(lower[j]!)) return false;
  }
  return false;
}

/** Learned classes that are happenings: OCCURRENCE, I_ACTION ("ordered", "tried"), ASPECTUAL ("opened", "began"). */
const HAPPENING_CLASSES = new Set(['OCCURRENCE', 'I_ACTION', 'ASPECTUAL'].map((c) => EVENT_CLASSES.indexOf(c as EventClass)));
const OCCURRENCE = EVENT_CLASSES.indexOf('OCCURRENCE');
/**
 * Lexicon types the learned detector does not gate. Its training text (TimeBank and AQUAINT newswire) has almost no
 * medical happening (a few *hospitalized*, one *undergone*) and no transplant or surgery as an event: its *transplant*s
 * are modifiers and generic mentions ("transplant organs", "patients who need an organ transplant"), so the detector's
 * margin on "had a liver transplant in 2004" (−9 to −17) says what TimeML covers, not whether the word is an event
 * here. The lexicon already asks for a medical word in the clause (`HEALTH` cue), and a noun describing the noun after
 * it ("transplant patients") is still no event.
 */
const UNGATED_TYPES = new Set(['HEALTH']);

/** Verbs of forecasting: what they govern is predicted ("forecasts growth of 5%", "is expected to rise"). */
const FORECAST_VERBS = new Set([
  'forecast', 'forecasts', 'forecasting', 'forecasted', 'predict', 'predicts', 'predicted', 'predicting', 'projecting', 'projects',
  'projected', 'expect', 'expects', 'expected', 'expecting', 'anticipates', 'anticipated', 'anticipating',
]);
/**
 * Verbs of intending: a time after one dates what is intended, not the intention ("is planning HDTV services in 2006",
 * "is aiming to be the first winner since 1976", "is looking for him to stay beyond 2008"). TimeML's I_ACTION/I_STATE
 * intentions; kept as a rule, being right in English news.
 */
const INTENTION_VERBS = new Set([
  'plan', 'plans', 'planned', 'planning', 'aim', 'aims', 'aimed', 'aiming', 'intend', 'intends', 'intended', 'intending',
  'hope', 'hopes', 'hoped', 'hoping', 'seek', 'seeks', 'sought', 'seeking', 'looking',
]);
/** Forms of "be", as a set. */
const BE_SET = new Set<string>(BE_FORMS);
const PREPOSITION_SET = new Set<string>(PREPOSITIONS);
/** Auxiliaries of the future. */
const FUTURE = new Set(['will', 'shall', "'ll", '’ll']);

/**
 * Whether a change or result at tokens [ts, te) is put in the future: "will" before the verb in its clause ("will
 * grow", "will be lower", "will also rise"), or after the noun it is subject of ("sales will rise", "the profits of Apple will fall"),
 * or a verb of forecasting before it ("forecasts a fall of 8%").
 */
function forecast(doc: Doc, clause: Int32Array, ts: number, te: number, lower: readonly string[]): boolean {
  const c = clause[ts]!;
  for (let k = ts - 1; k >= 0 && k >= ts - 3 && clause[k] === c; k--) if (FUTURE.has(lower[k]!)) return true;
  if (forecastVerbBefore(doc, lower, ts)) return true;
  for (let k = te; k < doc.tokens.length && k <= te + 3 && clause[k] === c && /^[\p{L}'’]/u.test(lower[k]!); k++) if (FUTURE.has(lower[k]!)) return true;
  return false;
}

/** Whether the subject ending before te is forecast: "spending is expected to rise", "sales are forecast to fall". */
function forecastAfter(doc: Doc, lower: readonly string[], te: number): boolean {
  const sentence = doc.tokens[te - 1]!.sentence;
  return te + 1 < lower.length && doc.tokens[te + 1]!.sentence === sentence && BE_SET.has(lower[te]!) && FORECAST_VERBS.has(lower[te + 1]!);
}

/**
 * Whether a verb of forecasting comes shortly before token ts, within its sentence and not across a comma: "Nestle
 * forecasts earnings growth of 5% in 2005", "spending is expected to rise in 2005", "the IMF predicts that the cost of
 * running …". What is forecast has not happened.
 */
function forecastVerbBefore(doc: Doc, lower: readonly string[], ts: number): boolean {
  const sentence = doc.tokens[ts]!.sentence;
  for (let k = ts - 1; k >= 0 && k >= ts - 6 && doc.tokens[k]!.sentence === sentence; k--) {
    if (FORECAST_VERBS.has(lower[k]!)) return true;
    if (lower[k] === ',' || lower[k] === ';' || lower[k] === ':') return false;
  }
  return false;
}

/**
 * Verbs of beginning, going on and continuing: "started to grow", "went on to play" happened; "to start producing" is
 * planned. The implicative verbs `modality` reads ("started to pay", "went on to play"), their base forms, and a few more.
 */
const ASPECTUAL = new Set([...IMPLICATIVE, ...GO_FORMS, 'start', 'begin', 'continue', 'on', 'came', 'come', 'comes', 'helped', 'used']);

/**
 * Whether the word at ts is an infinitive ("the first to be released in 2006", "is to start producing films in 2005",
 * "hopes to sell"): a plan or a purpose, not yet done. Not after a verb of beginning or going on ("the economy started
 * to grow in 2004", "went on to break the record on 12 June"): that happened. Stricter than `modality`, which lets a
 * scheduled infinitive through ("is to meet", shown on the timeline as scheduled): an OTHER event is asserted only.
 */
function infinitive(lower: readonly string[], ts: number): boolean {
  let k = ts - 1;
  if (lower[k] === 'be' || lower[k] === 'have') k--;
  else if (ASPECTUAL.has(lower[k] ?? '') && lower[k - 1] === 'to') k--;
  return lower[k] === 'to' && !ASPECTUAL.has(lower[k - 1] ?? '');
}

/** Words that may follow a noun that heads its phrase ("a transplant in 2004", "surgery and", "the operation, which"). */
const AFTER_HEAD = new Set<string>([...PREPOSITIONS, ...BE_FORMS, ...SUBORDINATORS, ...RELATIVE_PRONOUNS, 'and', 'or', 'but', 'has', 'had', 'have', 'will', 'would', 'went', 'earlier', 'last', 'this']);

/**
 * Whether the noun ending before token te modifies a lowercase word after it ("transplant patients", "the surgery
 * department") instead of heading its phrase: that is no happening, whatever the lexicon type.
 */
function modifiesNext(doc: Doc, lower: readonly string[], timeTokens: Int32Array, te: number): boolean {
  if (te >= lower.length || doc.tokens[te]!.sentence !== doc.tokens[te - 1]!.sentence || timeTokens[te]! >= 0) return false;
  return /^\p{Ll}/u.test(doc.tokens[te]!.text) && !AFTER_HEAD.has(lower[te]!);
}

/**
 * Whether the word at [ts, te) stands between a determiner (an article, a demonstrative, a possessive) and the word
 * it modifies: "the harassed night manager", "a bruising 40-3 defeat", "her coveted Nobel Prize", "his acting career".
 * In that place a participle or a noun describes the noun after it; it heads no predicate and names no happening. The
 * head is a lowercase word that no phrase ends at (not a preposition, a verb form, a conjunction, a relative; not a
 * participle starting a reduced relative: "the offer made last week"; not a particle: "the break up of"), a capitalised
 * word or a number.
 */
/** Particles of phrasal nouns and verbs ("the break-up", "the sell off", "a walk out"): the word before heads the phrase. */
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'over', 'away', 'back', 'in', 'on']);
const PRENOMINAL_DETERMINERS = new Set<string>([...ARTICLES, ...DEMONSTRATIVES.filter((w) => w !== 'that'), ...POSSESSIVE_DETERMINERS, "'s", '’s']);
function prenominal(doc: Doc, lower: readonly string[], timeTokens: Int32Array, ts: number, te: number): boolean {
  const toks = doc.tokens;
  if (ts === 0 || te >= toks.length || toks[ts - 1]!.sentence !== toks[ts]!.sentence || toks[te]!.sentence !== toks[ts]!.sentence) return false;
  const det = lower[ts - 1]!;
  if (!PRENOMINAL_DETERMINERS.has(det)) return false;
  if (timeTokens[te]! >= 0) return false;
  const next = toks[te]!.text;
  if (/^\p{Lu}/u.test(next) || /^\d/.test(next)) return true;
  return /^\p{Ll}[\p{L}-]*$/u.test(next) && !AFTER_HEAD.has(lower[te]!) && !PARTICLES.has(lower[te]!) && !/(?:ed|ing|en)$/.test(lower[te]!);
}

/**
 * The detector's margin above which a learned mention with a dated anchor but no participant or place is an OTHER
 * event. Chosen on the TimeBank held-out fifth as the lowest margin at which the OTHER events' precision stays 1.0
 * (stage recall of time-anchored events 0.424 at 18, 0.437 at 15, 0.443 at 12 and 9; OTHER precision 1.0 down to 12,
 * 0.971 at 9, 0.914 at 6). MEANTIME cross-check on the sentences it annotates (its first six per article): trigger
 * precision 0.987 over 154 events at 18, 15 and 12 alike; its trigger precision over all sentences (0.561 → 0.555),
 * which events20 used to choose 18, counts every event after the sixth sentence as wrong. See docs/events.md, events20
 * and events31.
 */
const BARE_OTHER_MARGIN = 12;
/**
 * The detector's margin above which an asserted lexicon trigger with no participant, place or date is kept (an
 * undated event of the events table: "a court has ruled", "several protesters were arrested"; its actor is a common
 * noun the entity layer does not hold). Chosen on the TimeBank held-out fifth (trigger precision 0.924 at main, 0.930
 * at 18, 0.928 at 25 and 30; recall of all gold events 0.119, 0.133, 0.128, 0.124) at the lowest value that keeps
 * MEANTIME's participant precision (cross-check: 0.811 at main and 30, 0.789 at 25 and 18) and its trigger precision
 * within noise; on BBC about 70% of the added events read right at 30, under 60% at 18. See docs/events.md, events22.
 */
const BARE_TYPED_MARGIN = 30;

/**
 * The detector's margin above which a lexicon verb with no participant, place or date is kept when it is a past form of
 * its sentence's main clause, asserted ("Revenue rose 27%", "Greek prosecutors have brought charges"): what the article
 * tells happened, its actor a common noun. Chosen on BBC read as a journalist (29 of 40 right between 15 and 30, a third
 * below 15: adjectives, "met everything head on"); TimeBank held-out fifth and MEANTIME in docs/events.md, events41.
 */
const BARE_PAST_MARGIN = 15;
/**
 * The detector's margin above which an OCCURRENCE with a participant but no date (none in its sentence, or one with no
 * calendar range: "last month" with no publication date) is an undated OTHER event, when it is a past form of its
 * sentence's main clause outside quoted speech. BBC read as a journalist: 42% right above 20, 65% above 30, 79% with
 * STANCE_VERBS left out (docs/events.md, events41).
 */
const UNDATED_OTHER_MARGIN = 30;
/**
 * Verbs of reacting and positioning: a stance toward news ("welcomed the decision", "dismissed the talk of splits"), not
 * a happening to chart on its own; kept out of undated OTHER events, which no date ties to a news moment.
 */
const STANCE_VERBS = new Set([
  'welcomed', 'dismissed', 'brushed', 'expressed', 'praised', 'criticised', 'criticized', 'condemned', 'hailed', 'defended',
  'denied', 'branded', 'hinted', 'outlined', 'characterised', 'characterized', 'played', 'issued', 'insisted', 'stressed',
  'refused', 'declined', 'enjoyed',
]);

/** A finite past form: a regular -ed form or an irregular past ("fell", "won"). */
function pastForm(w: string): boolean {
  return (w.length > 4 && w.endsWith('ed')) || IRREGULAR_PAST.has(w);
}

/**
 * Whether a lexicon verb is a past form in its sentence's first clause (no clause opener, quotation mark or colon
 * between the sentence start and it): what the article itself tells happened ("Revenue rose 27%", "several protesters
 * were arrested"), not what a subordinate clause assumes. (Quoted speech is `reported`, which a bare event may not be.)
 */
function pastMainClause(doc: Doc, lower: readonly string[], clause: Int32Array, cand: Candidate): boolean {
  if (cand.info.pos !== 'verb' || !pastForm(lower[cand.ts]!)) return false;
  const first = doc.sentences[doc.tokens[cand.ts]!.sentence]!.tokenStart;
  return clause[cand.ts] === clause[first];
}

/** Verbs whose event is their object ("went on strike", "took part", "held talks"): never an event of their own. */
const LIGHT_VERBS = new Set(['go', 'goes', 'went', 'gone', 'going', 'take', 'takes', 'took', 'taken', 'taking', 'make', 'makes', 'made', 'making', 'have', 'has', 'had', 'having', 'get', 'gets', 'got', 'give', 'gives', 'gave', 'given', 'come', 'came', 'comes', 'do', 'did', 'does', 'done', 'hold', 'held', 'holds', 'put', 'set', 'become', 'became']);

/** Nouns of an ending after "came to a/an": "came to an end", "came to a halt", "came to a close". */
const ENDINGS = new Set(['end', 'halt', 'close', 'standstill', 'stop']);

/**
 * Whether the light verb at ts comes to an end ("the war came to an end in 2003", "talks came to a halt"): the phrase
 * is a happening of its own, whose event is no object of the verb.
 */
function comesToAnEnd(lower: readonly string[], ts: number): boolean {
  const w = lower[ts]!;
  return (w === 'came' || w === 'come' || w === 'comes' || w === 'coming') && lower[ts + 1] === 'to'
    && (lower[ts + 2] === 'an' || lower[ts + 2] === 'a') && ENDINGS.has(lower[ts + 3] ?? '');
}

/**
 * An event of type OTHER from learned mention k: a happening (an occurrence,
 * action or beginning; not a report or state; no light verb) outside names and
 * time expressions, dated by the learned anchor with a calendar range, with a
 * participant or a place, asserted. The lexicon has no type for it. Otherwise the reason it is none (for `findEvents`' onReject).
 */
function otherEvent(
  doc: Doc,
  ctx: ArgContext,
  learned: ReturnType<typeof learnEvents>,
  k: number,
  m: { start: number; end: number; cls: number; margin: number },
  typed: Uint8Array,
  senseRejected: Uint8Array,
  byToken: Int32Array,
  cap: ArrayLike<number | boolean>,
  quoted: Int32Array,
  participantModel: LinearModel | null,
  timeTokens: Int32Array,
  /** Whether its sentence has a time expression with a calendar range (else it is at most an undated event). */
  sentenceDated: boolean,
): Event | string {
  const { start: ts, end: te } = m;
  // With no date, only a sure past happening of the main clause may be an (undated) event: asked first, being cheap.
  if (!sentenceDated && !undatedCandidate(doc, ctx, quoted, m)) return 'other: no dated time expression in the sentence';
  if (!HAPPENING_CLASSES.has(m.cls)) return 'other: not a happening class';
  if (LIGHT_VERBS.has(ctx.lower[ts]!) && !comesToAnEnd(ctx.lower, ts)) return 'other: light verb';
  if (describesNoun(doc, ctx.lower, te, 'noun')) return 'other: describes the noun after it'; // "the 2001 election campaign"
  if (prenominal(doc, ctx.lower, timeTokens, ts, te)) return 'other: a modifier between a determiner and its noun';
  for (let i = ts; i < te; i++) if (typed[i] || senseRejected[i] || byToken[i]! >= 0) return typed[i] || senseRejected[i] ? 'other: a lexicon word' : 'other: inside a name';
  // "the Appeal Court quashed the convictions on Tuesday": what a typed verb acts on is no happening of that date.
  if (objectOfLexiconTrigger(ctx.lower, typed, ctx.clause, ts)) return 'other: the object of a lexicon trigger';
  if (causeOfDeath(ctx.lower, ctx.clause, ts)) return 'other: the cause of a death';
  const toks = doc.tokens;
  const first = ts === 0 || toks[ts - 1]!.sentence !== toks[ts]!.sentence;
  if (cap[ts] && !first) return 'other: capitalised';
  const learnedAnchor = sentenceDated ? learned.anchorOf(k) : null;
  const anchor = learnedAnchor?.from && quoted[learnedAnchor.tokenStart] === quoted[ts] ? learnedAnchor : null;
  // With no anchor that has a calendar range the happening may still be an undated event (below), when sure.
  const undatedWhy = anchor ? null : !sentenceDated ? 'other: no dated time expression in the sentence' : learnedAnchor ? 'other: anchor without calendar range' : 'other: no learned anchor';
  if (undatedWhy && !undatedCandidate(doc, ctx, quoted, m)) return undatedWhy;
  if (anchor) {
    const baseline = notEventTime(ctx, anchor, ts) ?? yearPremodifier(ctx, anchor, ts);
    if (baseline) return `other: anchor ${baseline}`;
    const relative = /^\d{3,4}$/.test(anchor.value) ? relativeBetween(doc, ctx.lower, te, anchor.tokenStart) : -1;
    if (relative >= 0) return `other: anchor in the relative clause "${ctx.lower[relative]} …" after the trigger`;
  }
  // (asked last: factuality is computed on demand.) What a source reports ("X said it will redeem the shares on 31
  // October") is an event with the flag `reported`, as a typed event is, when its anchor is in its own clause: a time
  // of the reporting clause ("On Sunday, X said that …") never dates it.
  const learnedFactuality = learned.factualityOf(k);
  const reportedHere = anchor !== null && learnedFactuality === 'reported' && ctx.clause[anchor.tokenStart] === ctx.clause[ts];
  const pos = isDeterminer(ctx.lower, ts - 1) ? 'noun' : 'verb';
  // A happening the article schedules for a date ("plans to redeem the notes on Nov. 16", "is due to expire on
  // Friday") is charted as a typed one is: possible, with scheduled evidence (scheduledOther).
  const schedule = quoted[ts]! < 0 ? scheduledOther(doc, ctx, learned, ts, te, pos, anchor, learnedFactuality) : null;
  if (learnedFactuality !== 'asserted' && !reportedHere && !schedule) return 'other: not asserted';
  // The rules that make a typed event negated or possible (a negator, a modal, a condition, an intention) keep an
  // untyped one out, as OTHER events are only the asserted ones ("could lose", "did not win", "plans to open").
  const mod = modality(doc, ctx.clause, ts, pos, ctx.lower);
  if (!mod.ok && !schedule) return `other: not asserted (rule: ${mod.why})`;
  // "Holmes will start 2005 with a series of races": the article's own future is no fact yet (a source's "said it
  // will …" stays, flagged reported).
  if (!reportedHere && futureAux(doc, ctx.lower, ctx.clause, ts, pos)) return FUTURE_OTHER;
  if (forecastVerbBefore(doc, ctx.lower, ts) || forecastAfter(doc, ctx.lower, te)) return 'other: forecast';
  if (!schedule && infinitive(ctx.lower, ts)) return 'other: an infinitive';
  // "Barclays forecast an 8% fall in 2005": a time after a verb of forecasting dates what is forecast, not the forecast.
  if (FORECAST_VERBS.has(ctx.lower[ts]!) && (!anchor || anchor.tokenStart > te + 1)) return 'other: a forecast dated by what it forecasts';
  // "BSkyB is planning HDTV services in 2006", "is looking for Wenger to stay beyond 2008": likewise an intention.
  if (INTENTION_VERBS.has(ctx.lower[ts]!) && (!anchor || anchor.tokenStart > te)) return 'other: an intention dated by what it intends';
  const { participants, location } = eventArguments(ctx, ts, te, null, ctx.lower[ts]!, participantModel);
  // With no participant and no place, only a mention the detector is sure of, not put in the future and not an -ing
  // form, is a dated happening of its own ("such groups grew rapidly last year", "sales hit $600 million in 1985", "a
  // strike that began last spring"); a forecast with no actor ("the economy will slow in 2005") is none, nor an
  // ongoing activity with no actor ("has been raising rates since June 2004", "have been working on the chip since 2001").
  // Undated, it needs a participant: a happening with no date and no actor is nothing to chart.
  if (undatedWhy && participants.length === 0) return undatedWhy;
  if (participants.length === 0 && !location && !(m.margin > BARE_OTHER_MARGIN && !forecast(doc, ctx.clause, ts, te, ctx.lower) && !/ing$/.test(ctx.lower[te - 1]!))) return 'other: no participant or place';
  const factuality = quoted[ts]! >= 0 || reportedHere ? 'reported' : schedule ? 'possible' : 'asserted';
  return {
    id: '',
    type: 'OTHER',
    cameo: null,
    factuality,
    trigger: { start: toks[ts]!.start, end: toks[te - 1]!.end, tokenStart: ts, tokenEnd: te },
    mentions: [{ start: toks[ts]!.start, end: toks[te - 1]!.end, tokenStart: ts, tokenEnd: te }],
    sentence: toks[ts]!.sentence,
    date: anchor,
    location: location ? location.value : null,
    participants: participants.map((p): DocParticipant => ({ entity: p.entity, role: p.role })),
    evidence: {
      type: `learned mention "${doc.text.slice(toks[ts]!.start, toks[te - 1]!.end)}" (occurrence) with no type in the lexicon`,
      factuality: factuality === 'possible' ? `${SCHEDULED_EVIDENCE}${schedule}` : `learned: ${factuality}`,
      participants: participants.length ? participants.map((p) => `${p.role}: ${evidenceText(doc.text, p)}`).join('; ') : 'none found',
      location: location ? evidenceText(doc.text, location) : 'no place governed by in/at in the clause',
      date: anchor ? `learned anchor: "${doc.text.slice(anchor.start, anchor.end)}"` : `none (${undatedWhy!.slice(7)}; kept undated: a past happening of the main clause, the learned detector's margin ${m.margin.toFixed(1)} above ${UNDATED_OTHER_MARGIN})`,
    },
  };
}

/**
 * What schedules an untyped verb for its date, or null: an infinitive after "be", "be due/set/scheduled to" or a plan
 * ("is to open", "was due to expire", "plans to redeem"; scheduledInfinitive), dated by a calendar anchor after the
 * verb in its clause (the date the schedule names: "plans to redeem on Nov. 16"), outside quoted speech, that the
 * learned factuality calls asserted or possible (not negated: "is not due to expire") and that no negation, modal or
 * condition governs ("if the offer were to expire"; `modality`, as for typed events: schedulable). A schedule with no
 * date of its own stays out: only dated happenings of the article are charted.
 */
function scheduledOther(doc: Doc, ctx: ArgContext, learned: ReturnType<typeof learnEvents>, ts: number, te: number, pos: 'verb' | 'noun', anchor: { tokenStart: number } | null, learnedFactuality: Factuality): string | null {
  if (pos !== 'verb' || !anchor || anchor.tokenStart <= ts || ctx.clause[anchor.tokenStart] !== ctx.clause[ts]) return null;
  if (learnedFactuality !== 'asserted' && learnedFactuality !== 'possible') return null;
  const schedule = scheduledInfinitive(ctx.lower, ts);
  // "is set to" / "is poised to" before an untyped verb is as often a forecast as a schedule ("the industry is set to
  // explode in 2005", "is set to smash more records in 2005"), and no type tells which (a typed change of figures is
  // a forecast: scheduleOf): left out.
  if (!schedule || /\b(?:set|poised) to"$/.test(schedule)) return null;
  // A verb between the trigger and the date is what the date belongs to ("planned to stay at the label he founded in
  // 1987", "set to be scaled back as a first step towards reducing the deficit by 2009"); an -ing form right after it
  // is its own complement ("is to start producing films in 2005").
  for (let k = te; k < anchor.tokenStart; k++) {
    const w = ctx.lower[k]!;
    if (learned.mentionAt(k) >= 0 && (pastForm(w) || (w.endsWith('ing') && k > te))) return null;
  }
  return schedulable(modality(doc, ctx.clause, ts, pos, ctx.lower)) ? schedule : null;
}

/**
 * Whether learned mention m may be an OTHER event with no date: an OCCURRENCE the detector is sure of (margin above
 * UNDATED_OTHER_MARGIN), one word, a finite past form (-ed or irregular) of its sentence's first clause, no stance
 * verb, outside quoted speech. (Asserted, with a participant: asked later in otherEvent.)
 */
function undatedCandidate(doc: Doc, ctx: ArgContext, quoted: Int32Array, m: { start: number; end: number; cls: number; margin: number }): boolean {
  if (!(m.margin > UNDATED_OTHER_MARGIN) || m.cls !== OCCURRENCE || m.end - m.start !== 1) return false;
  const w = ctx.lower[m.start]!;
  if (!pastForm(w) || STANCE_VERBS.has(w) || quoted[m.start]! >= 0) return false;
  const first = doc.sentences[doc.tokens[m.start]!.sentence]!.tokenStart;
  return ctx.clause[m.start] === ctx.clause[first];
}

/** The factuality evidence of a typed event put in the future by "will". */
const FUTURE_WHY = `${SCHEDULED_EVIDENCE}future ("will")`;

/**
 * Whether a trigger's modality leaves room for a schedule: none at all, or only the infinitive of a plan ("plans to
 * open": `modality` calls every infinitive an intention). Not a negation, a modal or a condition ("if X were to visit").
 */
function schedulable(mod: { ok: boolean; why?: string }): boolean {
  return mod.ok || (mod.why ?? '').startsWith('infinitive');
}

/** What schedules a typed trigger ("is to visit", "is due to take place", "plans to open"), or null (src/events/future.ts). */
function scheduleOf(lower: readonly string[], clause: Int32Array, cand: Candidate): string | null {
  // A change of figures is forecast, never scheduled: "GDP is set to grow by 6%", "plans to grow sales".
  if (cand.info.cls.type === 'FINANCIAL_RESULT' && cand.info.pos === 'verb') return null;
  return cand.info.pos === 'verb' ? scheduledInfinitive(lower, cand.ts) : scheduledNoun(lower, clause, cand.ts, cand.te);
}

/** otherEvent's reason for a happening put in the future by "will". */
const FUTURE_OTHER = 'other: not asserted (future "will")';

/** Relative pronouns: what follows them is a clause of its own about the noun before. */
const RELATIVES = new Set(['who', 'whom', 'whose', 'which']);

/**
 * The token of a relative pronoun between the end of a trigger (te) and a later time expression (at), in one
 * sentence, else -1: the time is in a relative clause that says something of a noun after the trigger, and dates that
 * clause's verb, not the trigger ("was found among the papers of X, who died in 2001"; "left the firm which he
 * founded in 1987"). Kept as a rule: in English a relative clause is a clause of its own. Asked (in otherEvent) only
 * for a year or a decade, the history of the noun; a day or a season there is often the news day the main clause
 * shares ("hurt the index, which fell 1.4% on Friday": TimeBank dates both by Friday).
 */
function relativeBetween(doc: Doc, lower: readonly string[], te: number, at: number): number {
  const toks = doc.tokens;
  for (let k = te; k < at; k++) {
    if (toks[k]!.sentence !== toks[te - 1]!.sentence) return -1;
    if (RELATIVES.has(lower[k]!)) return k;
  }
  return -1;
}

/** Types whose patient is a person: a place is never killed, born, arrested or operated on. */
const PERSON_PATIENT = new Set(['DEATH', 'BIRTH', 'HEALTH', 'ARREST']);

/**
 * Participants restricted by type: a patient of a life event or an arrest is a
 * person; a town or region is never the patient of an attack ("killed a
 * Buffalo, N.Y., doctor"), though a country can be ("attacked Iran").
 */
function fitsRole(type: string, role: string, entity: { type: string; subtype: string | null }): boolean {
  // A death or a birth is told to no addressee and happens in a place, not to it ("figures on the deaths to the
  // Commons", "born in Beirut": no party to it).
  if ((type === 'DEATH' || type === 'BIRTH') && (role === 'recipient' || entity.type === 'LOCATION')) return false;
  if (role !== 'patient') return true;
  if (PERSON_PATIENT.has(type)) return entity.type === 'PERSON';
  if (type === 'ATTACK' && entity.type === 'LOCATION') return entity.subtype === 'country';
  return true;
}

/**
 * Triggers in one clause describe one event when their types match, or a meeting is held at a summit; not when each
 * has a patient and they differ ("He passed away … days after his wife Audrey died": two deaths), nor when they are two
 * steps of a legal case (otherStages).
 */
/** A trial or hearing after "at" or "in" (a few words before: "at a Rugby Football Union disciplinary hearing"). */
function venueOf(lower: readonly string[], e: Event): boolean {
  const w = lower[e.trigger.tokenStart];
  if (w !== 'trial' && w !== 'hearing') return false;
  for (let k = e.trigger.tokenStart - 1; k >= e.trigger.tokenStart - 6 && k >= 0; k--) {
    if (lower[k] === 'at' || lower[k] === 'in') return true;
    if (!/^[\p{L}\p{N}'’-]+$/u.test(lower[k]!)) return false;
  }
  return false;
}

function sameEventInClause(lower: readonly string[], a: Event, b: Event): boolean {
  const patients = (e: Event) => e.participants.filter((p) => p.role === 'patient').map((p) => p.entity.id);
  const pa = patients(a);
  const pb = patients(b);
  if (pa.length > 0 && pb.length > 0 && !pa.some((id) => pb.includes(id))) return false;
  // "the inquiry was launched after … alleged X charged clients": two steps; but a trial or hearing that is where the
  // other step happened ("found guilty at a disciplinary hearing", "in a 1990s trial") is its place, not another step.
  if (otherStages(a, b) && !venueOf(lower, a) && !venueOf(lower, b)) return false;
  if (a.type === b.type) return true;
  const pair = new Set([a.type, b.type]);
  return pair.has('SUMMIT') && pair.has('MEETING');
}

function absorb(doc: Doc, into: Event, other: Event) {
  if (other.type === 'SUMMIT' && into.type === 'MEETING') {
    into.type = 'SUMMIT';
    into.evidence.type = `${other.evidence.type} (meeting held at the summit)`;
  }
  const before = into.participants.length;
  for (const p of other.participants) if (!into.participants.some((q) => q.entity.id === p.entity.id)) into.participants.push(p);
  if (into.participants.length > before) {
    into.evidence.participants = `${before ? `${into.evidence.participants}; ` : ''}from "${textOf(doc, other.trigger)}": ${other.evidence.participants}`;
  }
  if (!into.date && other.date) {
    into.date = other.date;
    into.evidence.date = other.evidence.date!;
  }
  if (!into.location && other.location) {
    into.location = other.location;
    into.evidence.location = other.evidence.location!;
  }
  appendCapped(into.evidence, 'merged', `"${textOf(doc, other.trigger)}" in the same clause`);
  addSpans(into, other);
}

const textOf = (doc: Doc, s: { start: number; end: number }) => doc.text.slice(s.start, s.end);
