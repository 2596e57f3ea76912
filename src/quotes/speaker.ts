/**
 * Finding who speaks: the subject of a reporting verb, the noun phrase after
 * "according to" or an inverted "said X", and what a pronoun refers to.
 *
 * No parser: a clause's subject is found by splitting the words before the verb
 * at commas and clause words, skipping pieces that cannot hold a subject
 * (prepositional phrases, relative clauses, adverbs), and taking the first
 * speaker-like phrase of the nearest remaining piece — an entity mention, a
 * pronoun, or a role description ("the spokesman"), where a description or an
 * organisation directly before a person's name is read as that person's title.
 */
import type { DocEntity as Entity } from '../text/doc.js';
import { tokenAt, type QuoteContext } from './context.js';
import { wordFilter } from '../text/word-filter.js';
import { edAfterNonE, endsWith, runTimeRules } from './suffix.js';
import { DESCRIPTION_NOUNS, DETERMINERS, PREPOSITIONS, PRONOUNS, RELATIVES, SKIPPABLE_BEFORE_VERB, SPEECH_FORMS, COGNITION_FORMS } from './lexicon.js';
import { HOLIDAYS, MONTHS, WEEKDAYS } from '../lang/en/calendar.js';
import { HONORIFICS, TITLE_HEADS } from '../lang/en/titles.js';
import { BE_FORMS as BE_FORM_WORDS } from '../lang/en/function-words.js';
import { EVIDENCE_NOUNS, MORE_EVIDENCE } from './cues.js';

const ROLE_ADJECTIVES = new Set(['former', 'senior', 'top', 'chief', 'deputy', 'local', 'foreign', 'then', 'late', 'new', 'longtime', 'veteran', 'republican', 'democratic', 'conservative', 'liberal', 'presidential', 'federal', 'state', 'white', 'house', 'campaign', 'party', 'press', 'communications', 'national', 'security', 'political', 'independent', 'unnamed', 'anonymous', 'retired', 'incumbent', 'acting', 'assistant', 'associate', 'executive', 'general', 'vice', 'lead', 'spokes']);

export type SpeakerKind = 'entity' | 'pronoun' | 'description' | 'proper' | 'np';

export interface Candidate {
  kind: SpeakerKind;
  tokenStart: number;
  tokenEnd: number;
  entity: Entity | null;
  /** A subject phrase's candidate ends at its head ("Other proponents"); its words run on to here ("… of the bill"). */
  phraseEnd?: number;
}

/** A speaker as found in the text, with what it resolves to. */
export interface FoundSpeaker {
  entity: Entity | null;
  name: string | null;
  description: string | null;
  /** The words that name the speaker in the attribution (UTF-16). */
  start: number;
  end: number;
  kind: SpeakerKind;
}

/** Signature filter of the pronouns and role nouns `candidatesIn` looks for. */
const MAY_BE_LISTED = wordFilter([...PRONOUNS, ...DESCRIPTION_NOUNS]);

const SEGMENT_BREAK = new Set([',', ';', ':', '—', '–', '(', ')', 'that', 'because', 'but', 'and', 'while', 'whereas', 'if', 'when', 'so']);

/**
 * Whether token `k` ends a piece of the clause (a comma or a clause word) — not where it lies inside a name the entity
 * stage found: "The Securities and Exchange Commission said", "A Department for Culture, Media and Sport spokeswoman
 * said" are one subject, whose piece would otherwise start at "Exchange" or "Sport".
 */
function breaksSegment(ctx: QuoteContext, k: number): boolean {
  if (!SEGMENT_BREAK.has(ctx.lower[k]!)) return false;
  const mi = ctx.mentionOf[k]!;
  if (mi < 0) return true;
  const m = ctx.mentions[mi]!;
  return k === m.tokenStart || k === m.tokenEnd - 1;
}
const NON_NAME_CAPS = new Set([
  ...'the a an in on at for with after before during but and or so however meanwhile still yet then this that these those it its he she they we i you his her their our my your there here when while if as by from to of not no yes also mr mrs ms dr sen rep gov president monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
  // One-word holidays: "used a Christmas message to denounce …" names no speaker.
  ...HOLIDAYS.filter((h) => !h.includes(' ')).map((h) => h.toLowerCase()),
]);


/** "Canada-based", "Ballymena-born", "Nokia-sponsored": a name joined to a participle is a modifier, no name. */
const HYPHEN_MODIFIER = /^\p{Lu}[\p{L}.]*-(?:\p{Ll}+ed|born|run|made|built|owned|grown)$/u;

/** Speaker-like phrases in tokens [from, to), in text order, quoted tokens skipped. */
export function candidatesIn(ctx: QuoteContext, from: number, to: number): Candidate[] {
  const { doc, lower, mentionOf, mentions, quoteOf } = ctx;
  const { sig } = ctx.index;
  const raw: Candidate[] = [];
  for (let i = Math.max(0, from); i < to; ) {
    if (quoteOf[i]! >= 0) {
      i++;
      continue;
    }
    const mi = mentionOf[i]!;
    if (mi >= 0 && lower[i - 1] === '(') {
      // "(D-Mo.)", "(R-Wis.)": a parenthetical label, not a speaker.
      i = Math.max(mentions[mi]!.tokenEnd, i + 1);
      continue;
    }
    if (mi >= 0) {
      const m = mentions[mi]!;
      raw.push({ kind: 'entity', tokenStart: Math.max(m.tokenStart, from), tokenEnd: Math.min(m.tokenEnd, to), entity: m.entity });
      i = Math.max(m.tokenEnd, i + 1);
      continue;
    }
    const w = lower[i]!;
    // Most tokens are neither: the signature filter rejects them without hashing the string.
    const listed = MAY_BE_LISTED.mayHaveSig(sig[i]!);
    if (listed && PRONOUNS.has(w) && (w !== 'i' || doc.tokens[i]!.text === 'I') && !((w === 'it' || w === 'you') && i > from && ctx.word[i - 1])) raw.push({ kind: 'pronoun', tokenStart: i, tokenEnd: i + 1, entity: null });
    else if (listed && DESCRIPTION_NOUNS.has(w)) raw.push({ kind: 'description', tokenStart: i, tokenEnd: i + 1, entity: null });
    else if (ctx.cap[i] && ctx.word[i] && lower[i - 1] !== '(' && !NON_NAME_CAPS.has(w) && !SPEECH_FORMS.has(w) && !(runTimeRules.on && HYPHEN_MODIFIER.test(doc.tokens[i]!.text)) && (!sentenceInitial(ctx, i) || nameBeforeVerb(ctx, i, to))) {
      let j = i + 1;
      while (j < to && mentionOf[j]! < 0 && quoteOf[j]! < 0 && ctx.cap[j] && ctx.word[j] && !DESCRIPTION_NOUNS.has(lower[j]!)) j++;
      raw.push({ kind: 'proper', tokenStart: i, tokenEnd: j, entity: null });
      i = j;
      continue;
    }
    i++;
  }
  // (Most calls find one candidate or none: then nothing modifies anything, and no second array is needed.)
  if (raw.length <= 1) return raw;
  // A title or organisation directly before a name (or before a role) modifies it:
  // "CIA Director William Burns", "foreign ministry spokesman", "US officials".
  const out: Candidate[] = [];
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k]!;
    const next = raw[k + 1];
    // (An honorific may stand between a role and the name: "CEA boss Mr Shapiro".)
    const adjacent = next !== undefined && (next.tokenStart === c.tokenEnd || (next.tokenStart === c.tokenEnd + 1 && (possessiveAt(ctx, c.tokenEnd) || HONORIFIC_WORDS.has(lower[c.tokenEnd]!))));
    // "Jones' lawyer Richard Nicholls said", "Putin's spokesman Dmitry Peskov said": a possessor, a role and a
    // name — the name speaks, whoever the possessor is.
    // (The role may be a listed description, "lawyer", or other lowercase words ending in a title's head.)
    const named = next?.kind === 'description' && next.tokenStart === c.tokenEnd + 1 && raw[k + 2]?.tokenStart === next.tokenEnd ? raw[k + 2] : next;
    if (named !== undefined && c.kind !== 'pronoun' && possessiveAt(ctx, c.tokenEnd) && (named !== next || roleBetween(ctx, c.tokenEnd + 1, next.tokenStart)) && (named.kind === 'proper' || (named.kind === 'entity' && named.entity!.type === 'PERSON'))) continue;
    if (adjacent && c.kind !== 'pronoun' && !(c.kind === 'entity' && c.entity!.type === 'PERSON')) {
      if (next.kind === 'description' || (next.kind === 'entity' && next.entity!.type === 'PERSON') || next.kind === 'proper') continue;
      // "Civil rights group Liberty said", "the statistical office INSEE said": a role noun right before an
      // organisation's name is in apposition to it, and the name speaks (run-time rule, branch quotes38; not across a
      // possessive: "the group's Paris office").
      if (runTimeRules.on && c.kind === 'description' && next.tokenStart === c.tokenEnd && next.kind === 'entity' && isOrganisationName(next.entity!)) continue;
    }
    // A place or organisation a few common words before a role or a person modifies them too: "London race
    // director David Bedford", "the Gloucester prop", "the Sydney Olympic gold medallist".
    if (next !== undefined && c.kind === 'entity' && c.entity!.type !== 'PERSON' && (next.kind === 'description' || (next.kind === 'entity' && next.entity!.type === 'PERSON')) && modifierGap(ctx, c.tokenEnd, next.tokenStart)) continue;
    out.push(c);
  }
  return out;
}

/** An organisation or a news outlet (MISC of subtype media: "the newspaper Le Monde"). */
function isOrganisationName(e: Entity): boolean {
  return e.type === 'ORGANIZATION' || (e.type === 'MISC' && e.subtype === 'media');
}

/** One to three words of a noun phrase between a modifier and its head: lowercase words or capitalised modifiers, no punctuation or function word. */
function modifierGap(ctx: QuoteContext, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const w = ctx.lower[k]!;
    if (!ctx.word[k] || NON_NAME_CAPS.has(w) || SPEECH_FORMS.has(w) || ctx.quoteOf[k]! >= 0 || w.endsWith('ly')) return false;
  }
  return true;
}

/** "Pence said …": a capitalised run at the sentence start directly followed by a reporting verb. */
function nameBeforeVerb(ctx: QuoteContext, i: number, to: number): boolean {
  let j = i + 1;
  while (j < to && j < i + 4 && ctx.cap[j] && ctx.word[j]) j++;
  const w = ctx.lower[j];
  return w !== undefined && (SPEECH_FORMS.has(w) || COGNITION_FORMS.has(w)) && !(j < to && nounBeforeVerb(ctx, j, to));
}

/** Forms of "show", the verb of a source of evidence ("figures show"). */
const SHOW_VERBS = new Set(['show', 'shows', 'showed', 'shown']);

/**
 * A verb form in -s that ends a subject phrase right before the phrase's verb at `to` (only adverbs and auxiliaries
 * between) is a plural noun, not a verb: "Official figures showed", "the figures show", "Initial reports suggested",
 * "Press reports have claimed" — two verbs do not follow each other in English. (The lexicon lists "figures",
 * "reports", "claims", "estimates" as verbs of saying or thinking.)
 */
function nounBeforeVerb(ctx: QuoteContext, k: number, to: number): boolean {
  const { lower } = ctx;
  const w = lower[k]!;
  if (!runTimeRules.on || (ctx.cap[k] && !sentenceInitial(ctx, k)) || w.length < 4 || !endsWith(w, 's') || endsWith(w, 'ss', 'us', 'is') || trimBeforeVerb(lower, k + 1, to) !== k + 1) return false;
  const v = lower[to];
  return v !== undefined && (SPEECH_FORMS.has(v) || COGNITION_FORMS.has(v) || SHOW_VERBS.has(v));
}

/** The word at k of a subject phrase ending before `to` reads as a verb of saying or thinking. */
function verbInPhrase(ctx: QuoteContext, k: number, to: number): boolean {
  const w = ctx.lower[k]!;
  return (SPEECH_FORMS.has(w) || COGNITION_FORMS.has(w)) && !nounBeforeVerb(ctx, k, to);
}

function sentenceInitial(ctx: QuoteContext, i: number): boolean {
  const tok = ctx.doc.tokens[i]!;
  if (ctx.doc.sentences[tok.sentence]!.tokenStart === i) return true;
  const prev = ctx.doc.tokens[i - 1];
  return prev !== undefined && /^[“"‘'(\[—–-]$/.test(prev.text);
}

/** Words that open a clause whose subject follows ("where he says"). */
const SUBORDINATORS = new Set(['when', 'where', 'while', 'if', 'because', 'although', 'though', 'whereas', 'unless', 'once']);

/** Prepositions that also open clauses: "after Trump told …". */
const CLAUSE_PREPOSITIONS = new Set(['after', 'before', 'since', 'until', 'as', 'because']);

const CARDINALS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'dozen']);
const NP_OPENERS = new Set(['the', 'a', 'an', 'one', 'my', 'his', 'her', 'their', 'its', 'our', 'your', 'several', 'some', 'many', 'two', 'three', 'both', 'other', 'another']);

/** End of [from, to) without the adverbs that may stand right before the verb ("the announcer *then* said"). */
function trimBeforeVerb(lower: readonly string[], from: number, to: number): number {
  let end = to;
  while (end > from && (SKIPPABLE_BEFORE_VERB.has(lower[end - 1]!) || endsWith(lower[end - 1]!, 'ly'))) end--;
  return end;
}

const ROLE_HEADS = new Set<string>(TITLE_HEADS);

/** Whether tokens [from, to) are one to three lowercase words ending in a role's head noun ("lawyer", "chief executive"). */
function roleBetween(ctx: QuoteContext, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3 || !ROLE_HEADS.has(ctx.lower[to - 1]!)) return false;
  for (let k = from; k < to; k++) if (ctx.cap[k] || !ctx.word[k]) return false;
  return true;
}

/** A possessive at token k: "'s", or a lone apostrophe glued to a word ending in s ("Jones' lawyer"). */
function possessiveAt(ctx: QuoteContext, k: number): boolean {
  const w = ctx.lower[k];
  if (w === "'s" || w === '’s') return true;
  return (w === "'" || w === '’') && k > 0 && !ctx.doc.tokens[k]!.spaceBefore && ctx.lower[k - 1]!.endsWith('s');
}

/**
 * A short determiner-led noun phrase filling tokens [from, to) ("the announcer",
 * "one questioner", "the ad’s narrator"), when no listed role noun is there.
 */
export function nounPhrase(ctx: QuoteContext, from: number, to: number): Candidate | null {
  const { lower } = ctx;
  const end = trimBeforeVerb(lower, from, to);
  if (end - from < 2 || end - from > 6 || !NP_OPENERS.has(lower[from]!)) return null;
  for (let k = from + 1; k < end; k++) {
    const w = lower[k]!;
    // "The three firms claim": a number after the article counts the phrase's head.
    if (runTimeRules.on && k === from + 1 && lower[from] === 'the' && CARDINALS.has(w)) continue;
    if (DETERMINERS.has(w)) return null;
    if (!ctx.cap[k] && (edAfterNonE(w) || endsWith(w, 'ied'))) return null; // "the city embodied
    if (!ctx.word[k] && !possessiveAt(ctx, k) && w !== '-') return null;
    if (PREPOSITIONS.has(w) || RELATIVES.has(w) || verbInPhrase(ctx, k, to) || ctx.quoteOf[k]! >= 0) return null;
  }
  return { kind: 'np', tokenStart: from, tokenEnd: end, entity: null };
}

/** Words that end a subject phrase read leftwards from its verb: clause words, conjunctions and punctuation. */
const SUBJECT_PHRASE_STOP = new Set([...SEGMENT_BREAK, 'or', 'nor', 'though', 'although', 'whereas', 'after', 'before', 'since', 'until', 'as', 'than', 'who', 'which', 'whose', 'where', 'what', 'how', 'why', 'whether', 'there', 'it', 'this', 'these', 'those']);

/** Words that may open a plain noun phrase besides the determiners: quantifiers ("Most analysts", "nearly a quarter"). */
const PHRASE_OPENERS = new Set([...NP_OPENERS, 'most', 'many', 'all', 'few', 'more', 'fewer', 'half', 'nearly', 'almost', 'about', 'around', 'some', 'these', 'those', 'such', 'no', 'each', 'every', 'any']);

/** A plain noun phrase that is a cue's subject: its candidate (ending at its head) and where its own words start after a modifying name. */
export interface SubjectPhrase {
  cand: Candidate;
  body: number;
  /** The walk went past a name in the object of a preposition ("A leading expert on the Cuban economy"). */
  complement: boolean;
}

/**
 * The plain noun phrase that is the subject of the verb at `cue` when no name or pronoun heads it ("Shareholders said",
 * "Most analysts said", "nearly a quarter said", "Other proponents of the bill said", "MCI's directors have argued", "the
 * NBC network claimed"): the lowercase words right before the verb (adverbs and a time phrase trimmed), back to a
 * clause word or punctuation, at most eight, with a name that modifies or owns them and the determiner before it. The
 * candidate ends at its head — the word before its first preposition, else its last word — so the speaker ranker reads
 * the head noun (which nouns can be a source is its learned preference, through the head-word feature). The phrase
 * opens with a determiner or quantifier, a possessor, or is a bare plural ("Shareholders"). Null when the words hold a
 * verb, a quotation or an unlisted capitalised word, follow a relative pronoun ("which owns brands") or a conjunction
 * (a coordinated subject: left to the names and roles in it).
 */
export function subjectPhrase(ctx: QuoteContext, cue: number, floor: number): SubjectPhrase | null {
  const { lower } = ctx;
  let end = trimBeforeVerb(lower, floor, cue);
  // "Other reports this week said": a time phrase before the verb is no part of the subject.
  if (end - 2 > floor && TIME_MODIFIERS.has(lower[end - 2]!) && TIME_NOUNS.has(lower[end - 1]!)) end -= 2;
  const edge = phraseEdge(ctx, cue, end, end, floor);
  if (runTimeRules.on && edge !== 'name') {
    // "A leading expert on the Cuban economy says", "unions at Fiat have said": a name after a preposition belongs to
    // the preposition's object, not to the subject; the subject's head is the noun before the preposition. The walk
    // goes on past it; when no head stands there ("In Washington officials said"), the phrase stays as it was.
    // ("Unions for Kestrel staff in Leeds said": a complement may hold a name and a complement of its own.)
    let stop = edge === null ? nameStop(ctx, end, floor) : edge.named ? edge.start : -1;
    while (stop > floor + 1 && COMPLEMENT_PREPOSITIONS.has(lower[stop - 1]!)) {
      const outer = phraseEdge(ctx, cue, stop - 1, end, floor);
      if (outer === 'name') return null;
      if (outer === null || outer.start >= stop - 1) break;
      if (outer.named && outer.start > floor + 1 && COMPLEMENT_PREPOSITIONS.has(lower[outer.start - 1]!)) {
        stop = outer.start;
        continue;
      }
      const phrase = phraseFrom(ctx, outer, end, true);
      if (phrase && !(EVIDENCE_NOUNS.has(lower[phrase.cand.tokenEnd - 1]!) || MORE_EVIDENCE.has(lower[phrase.cand.tokenEnd - 1]!) || DOCUMENT_HEADS.has(lower[phrase.cand.tokenEnd - 1]!))) return phrase;
      break;
    }
  }
  return edge === null || edge === 'name' ? null : phraseFrom(ctx, edge, end, false);
}

/** Prepositions that tie a complement to a subject's head noun ("an expert on", "unions at", "voices in"); not "by" (an agent: "a report by Oxfam" speaks for Oxfam). */
const COMPLEMENT_PREPOSITIONS = new Set(['of', 'on', 'at', 'in', 'for', 'from', 'with', 'about', 'within', 'among', 'across', 'inside', 'near', 'behind']);
/** Heads whose words are their author's: "A statement from the Home Office said" speaks for the Home Office. */
const DOCUMENT_HEADS = new Set(['statement', 'statements', 'letter', 'message', 'memo', 'note', 'spokesman', 'spokeswoman', 'spokesperson']);

/** Where the subject phrase's walk leftwards from `end` meets a name right before `end` (the start of the name and its determiner), or -1. */
function nameStop(ctx: QuoteContext, end: number, floor: number): number {
  const mi = end > floor ? ctx.mentionOf[end - 1]! : -1;
  if (mi < 0) return -1;
  let start = ctx.mentions[mi]!.tokenStart;
  if (start > floor && DETERMINERS.has(ctx.lower[start - 1]!)) start--;
  return start;
}

/** The left edge of a subject phrase: its first word, where its own words start after a modifying name, and whether a name stopped the walk. */
interface PhraseEdge {
  start: number;
  body: number;
  named: boolean;
}

/**
 * The words of a subject phrase ending at `end`, read leftwards from `from` (see `subjectPhrase`). 'name' when a
 * person's name heads the subject with words after it that it does not modify (the name is the speaker); null when the
 * words are no plain noun phrase (a verb, a quotation, an unlisted capital, a name right before `from`).
 */
function phraseEdge(ctx: QuoteContext, cue: number, from: number, end: number, floor: number): PhraseEdge | 'name' | null {
  const { lower, mentionOf, mentions } = ctx;
  let start = from;
  let body = from;
  while (start > floor && end - start < 8) {
    const k = start - 1;
    const w = lower[k]!;
    const mi = mentionOf[k]!;
    if (mi >= 0) {
      // "MCI's directors", "the NBC network": a name owning or modifying the phrase, with its determiner.
      if (start === from) return null;
      // "Dr Mike Watts head of exploration said", "Ed Davey meanwhile said", "Supt Deats went on to warn": the words
      // after a person's name are no noun phrase it modifies (as in "the Trump campaign", "Some Clinton backers") but an
      // apposition, an adverb or a verb — the name is the subject, a candidate of its own already. A run-time constraint
      // (the ranker is trained as before: a retrain with it in training read 4 speakers worse on the held-out slice).
      if (runTimeRules.on && !possessiveAt(ctx, start) && mentions[mi]!.entity.type === 'PERSON' && notModifiedByName(ctx, start, end)) return 'name';
      body = start;
      start = mentions[mi]!.tokenStart;
      if (start > floor && DETERMINERS.has(lower[start - 1]!)) start--;
      return { start, body, named: true };
    }
    if (SUBJECT_PHRASE_STOP.has(w) || ctx.quoteOf[k]! >= 0 || PRONOUNS.has(w)) break;
    // "Chelsea's win at Fulham - confirming …": a spaced dash closes an aside, no hyphen inside a word (run time).
    if (runTimeRules.on && w === '-' && ctx.doc.tokens[k]!.spaceBefore) break;
    if (!ctx.word[k] && !possessiveAt(ctx, k) && w !== '-') return null;
    if (ctx.cap[k] && !sentenceInitial(ctx, k)) return null;
    if (FINITE_VERBS.has(w) || w === 'cannot' || verbInPhrase(ctx, k, cue) || (!ctx.cap[k] && (edAfterNonE(w) || (endsWith(w, 'ing') && !attributiveIng(ctx, k, from, floor)) || endsWith(w, 'ied')))) return null;
    // A determiner only opens the phrase ("In a filing to US regulators the airline warned").
    if (k < end - 1 && DETERMINERS.has(lower[k + 1]!) && !possessiveAt(ctx, k + 1) && !PHRASE_OPENERS.has(w) && !PREPOSITIONS.has(w)) return null;
    start = k;
    body = k;
  }
  if (start >= from || (start > floor && end - start >= 8 && body === start)) return null;
  return { start, body, named: false };
}

/**
 * "A leading expert", "the ruling party": an -ing word between an opening determiner and a noun of the phrase is an
 * adjective, not a verb (a run-time reading, for the walk past a complement).
 */
function attributiveIng(ctx: QuoteContext, k: number, from: number, floor: number): boolean {
  if (!runTimeRules.on || k - 1 < floor || k + 1 >= from) return false;
  const prev = ctx.lower[k - 1]!;
  return (prev === 'a' || prev === 'an' || prev === 'the') && !!ctx.word[k + 1] && !ctx.cap[k + 1] && !PREPOSITIONS.has(ctx.lower[k + 1]!);
}

/** The subject phrase of words [edge.start, end) as a candidate ending at its head (see `subjectPhrase`), or null. */
function phraseFrom(ctx: QuoteContext, edge: PhraseEdge, end: number, complement: boolean): SubjectPhrase | null {
  const { lower } = ctx;
  const { start, body } = edge;
  const before = lower[start - 1];
  if (before !== undefined && RELATIVES.has(before)) return null;
  let head = end - 1;
  for (let k = body + 1; k < end; k++) {
    if (PREPOSITIONS.has(lower[k]!)) {
      head = k - 1;
      break;
    }
  }
  const h = lower[head]!;
  if (!ctx.word[head] || DETERMINERS.has(h) || APPROXIMATELY.has(h) || PREPOSITIONS.has(h) || /^\p{N}/u.test(h) || h.length < 3) return null;
  // "Kestrel Mills figures showed", "The ODPM data showed": a name's figures or data speak for the name (a run-time
  // constraint, like the content's bar: the ranker is trained with these phrases as candidates).
  if (runTimeRules.on && body > start && (EVIDENCE_NOUNS.has(h) || MORE_EVIDENCE.has(h))) return null;
  const opened = body > start || PHRASE_OPENERS.has(lower[start]!) || DETERMINERS.has(lower[start]!) || possessiveAt(ctx, start + 1);
  // A bare plural opens the phrase at its last word ("Shareholders said") or before its complement ("unions at Fiat").
  const plural = (head === end - 1 || complement) && endsWith(h, 's') && !endsWith(h, 'ss', 'us', 'is');
  if (!opened && !plural) return null;
  return { cand: { kind: 'np', tokenStart: start, tokenEnd: head + 1, entity: null, phraseEnd: end }, body, complement };
}

/** Adverbs that may follow a subject's name ("Ed Davey meanwhile said"), besides those in -ly and -wards. */
const ADVERBS_AFTER_NAME = new Set(['meanwhile', 'instead', 'later', 'himself', 'herself', 'themselves', 'too', 'alone', 'aside']);
/** Verbs in -s that stand between a subject and a cue ("Corbett goes on to criticise", "Clinton seems to have found"). */
const VERBS_IN_S = new Set(['goes', 'makes', 'seems', 'appears', 'continues', 'tries', 'takes', 'gets']);

/**
 * Whether the words [from, to) after a person's name, before the cue, are not a noun phrase the name modifies: they
 * open with a preposition, an adverb or a time phrase ("Oliver Letwin with a blackboard", "Henry afterwards", "Charlie
 * Whelan last week"), hold a verb ("Kennedy went on to suggest", "Elena Dementieva swept aside"), or are a role with
 * its complement, an apposition without its commas ("Dr Mike Watts head of exploration").
 */
function notModifiedByName(ctx: QuoteContext, from: number, to: number): boolean {
  const { lower } = ctx;
  const first = lower[from]!;
  if (PREPOSITIONS.has(first) || SKIPPABLE_BEFORE_VERB.has(first) || ADVERBS_AFTER_NAME.has(first) || TIME_MODIFIERS.has(first) || endsWith(first, 'ly', 'wards')) return true;
  for (let k = from; k < to; k++) {
    const w = lower[k]!;
    if (FINITE_VERBS.has(w) || IRREGULAR_PASTS.has(w) || VERBS_IN_S.has(w) || edAfterNonE(w) || endsWith(w, 'ied')) return true;
    if (PREPOSITIONS.has(w)) return k > from && ROLE_HEADS.has(lower[k - 1]!);
  }
  return false;
}

/**
 * Whatever short phrase stands right before the verb when nothing better was
 * found ("Adelson said", "41 percent said"): up to six words with no verb-like
 * or clause word among them.
 */
const APPROXIMATELY = new Set(['about', 'nearly', 'almost', 'over', 'around', 'roughly', 'some', 'just', 'only', 'fewer', 'more']);
function loosePhrase(ctx: QuoteContext, from: number, to: number): Candidate | null {
  const { lower } = ctx;
  const end = trimBeforeVerb(lower, from, to);
  if (end <= from || end - from > 6 || lower[from - 1] === '(' || /^(?:or|and|but|so|yet|nor|then|also)$/.test(lower[from]!)) return null;
  // A number opens a subject only as a share of people: "41 percent said", "about 85% of Democrats say".
  let first = from;
  if (APPROXIMATELY.has(lower[first]!) && /^\p{N}/u.test(lower[first + 1] ?? '')) first++;
  let share = false;
  for (let k = first + 1; k < end && !share; k++) share = lower[k] === '%' || lower[k] === 'percent' || lower[k] === 'of';
  const numeric = /^\p{N}/u.test(lower[first]!) && share;
  for (let k = numeric ? first : from; k < end; k++) {
    const w = lower[k]!;
    if (ctx.quoteOf[k]! >= 0) return null;
    if (!ctx.word[k] && w !== '%' && !possessiveAt(ctx, k) && w !== '-' && w !== '.') return null;
    if ((k === from && !numeric && (PREPOSITIONS.has(w) || /^\p{N}/u.test(w) || w === 'what' || w === 'now')) || RELATIVES.has(w) || verbInPhrase(ctx, k, to)) return null;
    if (k > from && DETERMINERS.has(w)) return null;
    if (!ctx.cap[k] && endsWith(w, 'ed', 'ing')) return null;
  }
  return { kind: 'np', tokenStart: from, tokenEnd: end, entity: null };
}

/** Whether a coordination or a comma stands between two phrases ("Labour and Smith", "Marsh, Smith"). */
function joins(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = ctx.lower[k]!;
    if (w === 'and' || w === 'or' || w === ',' || w === '&' || w === 'with') return true;
  }
  return false;
}

/** The candidate sits inside a prepositional phrase ("to Putin", "for the Office"). */
function inPrepositionalPhrase(ctx: QuoteContext, c: Candidate, floor: number): boolean {
  if (c.kind === 'pronoun') return false; // he/she/they/we/I are subject forms
  for (let k = c.tokenStart - 1, steps = 0; k >= floor && steps < 4; k--, steps++) {
    const w = ctx.lower[k]!;
    if (SUBORDINATORS.has(w)) return false;
    if (PREPOSITIONS.has(w)) return true;
    if (DETERMINERS.has(w) || ctx.cap[k] || possessiveAt(ctx, k)) continue;
    return false;
  }
  return false;
}

function usable(c: Candidate): boolean {
  if (c.kind !== 'entity') return true;
  return c.entity!.type === 'PERSON' || c.entity!.type === 'ORGANIZATION' || c.entity!.type === 'LOCATION' || (c.entity!.type === 'MISC' && c.entity!.subtype === 'media');
}

/**
 * The subject of the verb at token `cue`, searched back to token `floor`.
 * Returns the candidate and, for relative clauses ("Burns, who said"), the antecedent.
 */
export function subjectOf(ctx: QuoteContext, cue: number, floor: number): Candidate | null {
  const { lower, doc } = ctx;
  const quotedObject = quotedAsSaying(ctx, cue, floor);
  if (quotedObject) return quotedObject;
  if (endsWith(lower[cue]!, 'ing') && (lower[cue - 1] === ',' || lower[cue - 2] === ',' || (runTimeRules.on && lower[cue - 1] === 'by' && !ctx.cap[cue] && !inRelativeClause(ctx, cue - 1, floor)))) return mainSubject(ctx, cue, floor);
  if (runTimeRules.on) {
    // "The chairman attacked the plan and said …": a second verb of the same subject.
    const and = coordinatedCue(ctx, cue, floor);
    if (and >= 0) {
      const c = mainSubject(ctx, and, floor, true);
      if (c) return c;
    }
  }
  if (runTimeRules.on) {
    const antecedent = antecedentOfWho(ctx, cue, floor);
    if (antecedent) return antecedent;
  }
  let end = cue;
  let relative = false;
  if (runTimeRules.on) {
    // "The foundation, which acts for Smith and Jones, said": the clause is the antecedent's, whatever "and" splits.
    const comma = relativeBeforeCue(ctx, cue, floor);
    if (comma >= 0) {
      end = comma;
      relative = true;
    }
  }
  for (let guard = 0; guard < 8 && end > floor; guard++) {
    // The piece of the clause before `end`, back to a comma or clause word.
    let start = end;
    while (start > floor && !breaksSegment(ctx, start - 1)) start--;
    // Skip leading adverbs and auxiliaries: is anything left?
    let first = start;
    while (first < end && (SKIPPABLE_BEFORE_VERB.has(lower[first]!) || endsWith(lower[first]!, 'ly') || !ctx.word[first])) first++;
    // "Last month it said", "This week a judge claimed": a time phrase opening the clause is no part of its subject.
    if (runTimeRules.on) {
      const t = timeOpener(ctx, start, end);
      if (t > first) {
        start = first = t;
        while (first < end && (SKIPPABLE_BEFORE_VERB.has(lower[first]!) || endsWith(lower[first]!, 'ly') || !ctx.word[first])) first++;
      }
    }
    const w = lower[first];
    if (first >= end) {
      // Empty piece ("Pezeshkian, nonetheless, assured"): look further left.
    } else if (!relative && w !== undefined && endsWith(w, 'ing') && !ctx.cap[first] && first === start) {
      // A participial phrase (", declaring it …"): its subject is the main clause's.
    } else if (relative || !(w !== undefined && (RELATIVES.has(w) && w !== 'that'))) {
      const cands = candidatesIn(ctx, start, end).filter(usable);
      if (!relative) {
        const described = personBeforeAppositive(ctx, cands, start, end, cue, floor);
        if (described) return described;
      }
      const startsWithPrep = w !== undefined && PREPOSITIONS.has(w) && !SUBORDINATORS.has(w);
      if (relative) {
        // Antecedent of "who/which": the nearest speaker-like phrase.
        const last = cands[cands.length - 1] ?? (runTimeRules.on && lower[end] === ',' ? nounPhrase(ctx, first, end) : null);
        if (last) return last;
      } else if (startsWithPrep) {
        // "In an interview on Fox News Trump said": take a name right before the verb.
        // A name right before the verb is the subject of a clause ("after Trump told …").
        const last = cands[cands.length - 1];
        if (last && !(last.kind === 'entity' && last.entity!.type === 'LOCATION') && trailingOnlySkippable(ctx, last.tokenEnd, end)) return last;
      } else {
        // "… three days after Trump told …": a name right before the verb, after a word that
        // also opens clauses (after, before, since, until, as), is that clause's subject.
        const lastC = cands[cands.length - 1];
        if (lastC && lastC.kind !== 'pronoun' && CLAUSE_PREPOSITIONS.has(lower[lastC.tokenStart - 1]!) && trailingOnlySkippable(ctx, lastC.tokenEnd, end)) return lastC;
        // Places speak only when nothing else can ("Russia said"; not the dateline "WASHINGTON (AP) — …").
        const open = cands.filter((x) => !inPrepositionalPhrase(ctx, x, start));
        const coordinated = lower[start - 1] === 'and' || lower[start - 1] === 'or';
        let c = open.find((x) => !(x.kind === 'entity' && x.entity!.type === 'LOCATION')) ?? open[0] ?? nounPhrase(ctx, first, end) ?? (coordinated ? null : loosePhrase(ctx, first, end));
        // "Marsh chief executive Michael Cherkasky said", "Republican Party donor Sheldon Adelson said":
        // the phrase's head is the person at its end; the organisation before the title only modifies it.
        const head = open[open.length - 1];
        if (c && c.kind === 'entity' && c.entity!.type !== 'PERSON' && head && head !== c && head.kind === 'entity' && head.entity!.type === 'PERSON' && trailingOnlySkippable(ctx, head.tokenEnd, end) && !joins(ctx, c.tokenEnd, head.tokenStart)) c = head;
        // A place modifying the head of an appositive between commas describes the phrase before it
        // ("A spokesman for Unison, Britain's biggest union, said"; "Wal-Mart, the largest US retailer,
        // has said"): the speaker is that phrase. A bare place there is the speaker ("…, China, said").
        const placeInAppositive =
          c && c.kind === 'entity' && c.entity!.type === 'LOCATION' && (c.tokenStart > first || c.tokenEnd < end);
        if (placeInAppositive && lower[start - 1] === ',' && lower[end] === ',' && !hasFiniteVerb(ctx, start, end)) {
          end = start - 1;
          continue;
        }
        // A place with more of its noun phrase between it and the verb modifies that phrase's head or owns it ("The
        // US firm agreed", "The UK's biggest coal producer blamed", "China and India said"): the phrase speaks,
        // not the place (a country that is the subject itself, "Britain has said", keeps it).
        if (c && c.kind === 'entity' && c.entity!.type === 'LOCATION' && c.tokenEnd < trimBeforeVerb(lower, c.tokenEnd, end)) {
          c = nounPhrase(ctx, first, end) ?? (coordinated ? null : loosePhrase(ctx, first, end));
        }
        // "LSE shareholders fear", "Liverpool fans claimed": an organisation directly before the plural noun that heads the
        // subject modifies it — the people speak, not the organisation (its figures or data still speak for it: "CML
        // figures showed").
        if (runTimeRules.on && c && c.kind === 'entity' && (c.entity!.type === 'ORGANIZATION' || c.entity!.type === 'MISC')) {
          const h = trimBeforeVerb(lower, c.tokenEnd, end) - 1;
          const w = lower[h]!;
          if (h === c.tokenEnd && !ctx.cap[h] && !SPEECH_FORMS.has(w) && !COGNITION_FORMS.has(w) && !EVIDENCE_NOUNS.has(w) && !MORE_EVIDENCE.has(w) && nounBeforeVerb(ctx, h, end)) c = nounPhrase(ctx, first, end) ?? (coordinated ? null : loosePhrase(ctx, first, end)) ?? c;
        }
        // "Official figures showed", "Police reports say": a role word or a capitalised word before the plural noun
        // that heads the subject modifies it; the whole phrase speaks.
        if (runTimeRules.on && c && (c.kind === 'description' || c.kind === 'proper')) {
          const head = trimBeforeVerb(lower, first, end) - 1;
          if (head >= c.tokenEnd && nounBeforeVerb(ctx, head, end)) c = nounPhrase(ctx, first, end) ?? (coordinated ? null : loosePhrase(ctx, first, end)) ?? c;
        }
        if (c && c.kind === 'description' && lower[start - 1] === ',') {
          // "John Smith, the ministry spokesman, said": the name stands before the comma.
          let s2 = start - 1;
          while (s2 > floor && !breaksSegment(ctx, s2 - 1)) s2--;
          const prevCands = candidatesIn(ctx, s2, start - 1);
          const name = prevCands[prevCands.length - 1];
          if (name && name.kind === 'entity' && name.entity!.type === 'PERSON' && name.tokenEnd === start - 1) return name;
        }
        if (c) return c;
        // A piece with words but no subject (a verb phrase): the subject is not here.
        if (lower[start - 1] === 'and' || lower[start - 1] === 'but') {
          end = start - 1;
          continue;
        }
        // An appositive with no verb ("Megan Hester, senior associate at …, said") or a
        // parenthetical label ("McCaskill (D-Mo.) said"): look before it.
        if ((lower[start - 1] === ',' || lower[start - 1] === '(') && !hasFiniteVerb(ctx, start, end)) {
          end = start - 1;
          continue;
        }
        return null;
      }
    } else {
      // "James Tambone, who it says headed …", "Natalie, who he says asked …": a pronoun or name between the relative
      // word and the cue is the cue's own subject; the antecedent is what it speaks about (run-time rule, branch quotes38).
      if (runTimeRules.on && OBJECT_RELATIVES.has(w!)) {
        const inner = candidatesIn(ctx, first + 1, end);
        const own = inner[inner.length - 1];
        if (own && (own.kind === 'pronoun' || own.kind === 'entity') && trailingOnlySkippable(ctx, own.tokenEnd, cue)) return own;
      }
      relative = true; // "…, who said": the subject is the phrase before the comma
    }
    if (start <= floor) break;
    end = start - 1;
    // Clause words ("that", "because") end the search unless we are inside a parenthetical.
    if (!relative && !(lower[end] === ',' || lower[end] === '(' || lower[end] === ')' || lower[end] === '—' || lower[end] === '–')) {
      if (lower[end] === 'and' || lower[end] === 'but') continue;
      break;
    }
  }
  return null;
}

const QUOTING_FORMS = new Set(['quoted', 'quotes', 'quoting', 'quote', 'cited', 'cites', 'citing']);

/**
 * "Reuters quoted one trader as saying", "the paper quotes Smith as saying": the speaker is whom the source quotes,
 * between the verb and "as saying" (a passive, "X was quoted as saying", has none there: null).
 */
export function quotedAsSaying(ctx: QuoteContext, cue: number, floor: number): Candidate | null {
  const { lower } = ctx;
  if (lower[cue] !== 'saying' || lower[cue - 1] !== 'as') return null;
  for (let k = cue - 2; k > floor && k >= cue - 10; k--) {
    if (!QUOTING_FORMS.has(lower[k]!)) continue;
    // "X was quoted by the paper as saying": X said it.
    if (BE_FORMS.has(lower[k - 1]!)) return null;
    return candidatesIn(ctx, k + 1, cue - 1).filter(usable).at(-1) ?? null;
  }
  return null;
}

/**
 * "Tom Heap, BBC rural affairs correspondent, said", "Robert Benmosche, Metlife's chairman and chief executive,
 * said", "John Smith, of Acme Corp, said": a verbless piece between commas, right before the cue, that names no
 * person and follows a person's name is an appositive describing that person, who is the subject; an organisation
 * or place inside it only modifies its head. Returns the person's candidate, or null.
 */
function personBeforeAppositive(ctx: QuoteContext, cands: readonly Candidate[], start: number, end: number, cue: number, floor: number): Candidate | null {
  const { lower } = ctx;
  // Not a passive ("X, Y, are said to be considering"): that names no speaker.
  // Without the closing comma ("Colin Asplin, Blackpool Hotel Association said"), only after a sentence that opens with the name.
  const closed = lower[end] === ',';
  if (!(closed || end === cue) || !trailingOnlySkippable(ctx, closed ? end + 1 : end, cue) || BE_FORMS.has(lower[cue - 1]!)) return null;
  // "its chairman and chief executive": the appositive may hold coordinated pieces (not a relative clause).
  for (let guard = 0; guard < 3 && lower[start - 1] === 'and' && start - 1 > floor; guard++) {
    start--;
    while (start > floor && !breaksSegment(ctx, start - 1)) start--;
    cands = candidatesIn(ctx, start, end).filter(usable);
  }
  if (lower[start - 1] !== ',' || RELATIVES.has(lower[start]!) || hasFiniteVerb(ctx, start, end)) return null;
  if (cands.some((c) => c.kind === 'pronoun' || (c.kind === 'entity' && c.entity!.type === 'PERSON'))) return null;
  let s2 = start - 1;
  while (s2 > floor && !breaksSegment(ctx, s2 - 1)) s2--;
  // The name heads the phrase before the comma ("Tom Heap,"), not one inside a prepositional phrase ("A spokesman for Unison,").
  const name = candidatesIn(ctx, s2, start - 1).at(-1);
  if (!name || name.kind !== 'entity' || name.entity!.type !== 'PERSON' || name.tokenEnd !== start - 1 || inPrepositionalPhrase(ctx, name, s2)) return null;
  // Unclosed, the piece could be the subject after an opening phrase ("Speaking to Tony Blair, the minister said"):
  // the name must be all there is before the comma.
  if (!closed && !(s2 === ctx.doc.sentences[ctx.doc.tokens[cue]!.sentence]!.tokenStart && trailingOnlySkippable(ctx, s2, name.tokenStart))) return null;
  return name;
}

/**
 * The subject of the main clause, for a participle (", adding that …"): the
 * first speaker-like phrase outside prepositional and participial openers.
 */
function mainSubject(ctx: QuoteContext, cue: number, floor: number, coordinated = false): Candidate | null {
  const { lower, doc } = ctx;
  if (runTimeRules.on) {
    const found = coordinated && lower[cue - 1] !== ',' ? undefined : attachedClauseSubject(ctx, cue, floor);
    if (found !== undefined) return found;
    // The clause the participle hangs on is the last one before it: "He was challenged …, but he talked …, saying".
    // Only a clause that runs on to the participle's comma ("…, while India rejected aid, saying"; not "…, while most
    // rivals called for …, Trump hewed …, noting", where the clause after "while" is subordinate to the next).
    let comma = cue - 1;
    if (lower[comma] !== ',') comma--;
    if (coordinated) {
      // The clause the "and" closes opens at the last clause word before it, commas or not ("…, while Huckabee, the
      // former governor, proposed … and said"; "… such a presence that Sanders thanked … and called").
      for (let k = cue - 1; k > floor; k--) {
        if (ctx.quoteOf[k]! >= 0) continue;
        const w = lower[k]!;
        if (w === ';' || CLAUSE_OPENERS.has(w) || ((LAST_CLAUSE.has(w) || w === 'and') && lower[k - 1] === ',')) {
          floor = k + 1;
          break;
        }
      }
      comma = floor; // (the search below finds nothing more)
    }
    for (let k = comma - 1; k > floor; k--) {
      if (ctx.quoteOf[k]! >= 0) continue;
      if (lower[k] === ';' || (LAST_CLAUSE.has(lower[k]!) && lower[k - 1] === ',')) {
        floor = k + 1;
        break;
      }
      if (lower[k] === ',') break;
    }
  }
  let start = floor;
  while (start < cue) {
    let end = start;
    while (end < cue && !(lower[end] === ',' && ctx.quoteOf[end]! < 0)) end++;
    let first = start;
    while (first < end && !ctx.word[first]) first++;
    const w = lower[first] ?? '';
    const opener = PREPOSITIONS.has(w) || (endsWith(w, 'ing') && !ctx.cap[first]) || SKIPPABLE_BEFORE_VERB.has(w) || endsWith(w, 'ly');
    if (!opener) {
      let cands = candidatesIn(ctx, start, end).filter(usable);
      // A dateline ("WASHINGTON — Sen. Smith defended …"): the place before the dash names no speaker.
      if (runTimeRules.on && start === doc.sentences[doc.tokens[start]!.sentence]!.tokenStart && cands[0]?.kind === 'entity' && cands[0].entity!.type === 'LOCATION' && (lower[cands[0].tokenEnd] === '—' || lower[cands[0].tokenEnd] === '–' || lower[cands[0].tokenEnd] === '--')) cands = cands.slice(1);
      // A possessor names no subject ("China's Baoshan Steel said …", "Amanda's uncle, Lewis Champion, told …").
      let c = cands.find((x) => !inPrepositionalPhrase(ctx, x, start));
      if (runTimeRules.on && c && c.kind !== 'pronoun' && (lower[c.tokenEnd] === "'s" || lower[c.tokenEnd] === '’s')) {
        // A possessor names no subject: what it owns does ("China's Baoshan Steel said …", "Amanda's uncle, Lewis
        // Champion, told …"; "Rubio's father and mother", with no phrase found for what it owns, keeps the possessor).
        const owner = c;
        c = cands.find((x) => x.tokenStart > owner.tokenEnd && x.tokenStart <= owner.tokenEnd + 3 && !(lower[x.tokenEnd] === "'s" || lower[x.tokenEnd] === '’s')) ?? owner;
      }
      if (coordinated) {
        // Before "and said", the first verb of the clause ends its subject: a phrase after it is an object ("The Tory
        // co-chairman attacked Labour's pledges and said" → the co-chairman, not Labour).
        const v = firstVerb(ctx, first, end);
        if (v >= 0 && (!c || c.tokenStart >= v)) c = nounPhrase(ctx, first, v) ?? undefined;
        else if (v < 0 && c && c.tokenStart !== first && !(DETERMINERS.has(lower[first]!) && c.tokenStart <= first + 3)) c = undefined;
      }
      if (runTimeRules.on && c && c.kind !== 'entity' && c.kind !== 'pronoun' && lower[end] === ',') {
        // "the other candidate on the stage, former Secretary of State Hillary Clinton, drew a contrast, saying": a
        // verbless appositive that ends in a person's name names the subject.
        let e2 = end + 1;
        while (e2 < cue && !(lower[e2] === ',' && ctx.quoteOf[e2]! < 0)) e2++;
        const name = candidatesIn(ctx, end + 1, e2).filter(usable).at(-1);
        if (e2 < cue && name && name.kind === 'entity' && name.entity!.type === 'PERSON' && name.tokenEnd === e2 && !hasFiniteVerb(ctx, end + 1, e2)) return name;
      }
      return c ?? null;
    }
    start = end + 1;
  }
  return null;
}

const RELATIVE_OPENERS = new Set(['who', 'which', 'whose']);
/** The preposition governing the phrase at `start` (its determiner skipped: "at the Italian carmaker"), or -1. */
export function prepositionBefore(ctx: QuoteContext, start: number): number {
  let k = start - 1;
  if (DETERMINERS.has(ctx.lower[k]!)) k--;
  return PREPOSITIONS.has(ctx.lower[k]!) ? k : -1;
}

/** Relative words that may be the object of the clause's verb ("which it says …", "who he says …"). */
const OBJECT_RELATIVES = new Set(['who', 'whom', 'which']);

/**
 * "a challenge from Tory leader Michael Howard who said …", "angering a sheriff who says he was tricked": a cue right
 * after "who" (adverbs aside) with no comma before it is said by the phrase "who" follows — a name, pronoun or role
 * ending there, else a short determiner-led noun phrase — not by the subject of the clause around it. Null when
 * neither ends right before "who" (the general search then runs).
 */
function antecedentOfWho(ctx: QuoteContext, cue: number, floor: number): Candidate | null {
  const { lower } = ctx;
  let k = cue;
  while (k > floor && (SKIPPABLE_BEFORE_VERB.has(lower[k - 1]!) || endsWith(lower[k - 1]!, 'ly'))) k--;
  const who = k - 1;
  if (who <= floor || lower[who] !== 'who' || !ctx.word[who - 1] || ctx.quoteOf[who - 1]! >= 0) return null;
  const from = Math.max(floor, who - 8);
  const cands = candidatesIn(ctx, from, who);
  const last = cands[cands.length - 1];
  if (last && last.tokenEnd === who) {
    // "a professor of history at American University who has …": a place or organisation governed by a preposition
    // (not the agent's "by") is no antecedent of "who"; the phrase before it is, left to the general search.
    const p = prepositionBefore(ctx, last.tokenStart);
    const governed = last.kind === 'entity' && last.entity!.type !== 'PERSON' && p >= 0 && lower[p] !== 'by';
    return governed ? null : last;
  }
  const after = last ? last.tokenEnd : from;
  for (let j = who - 1; j >= after && j >= who - 5; j--) {
    if (!ctx.word[j] || PREPOSITIONS.has(lower[j]!)) break;
    if (NP_OPENERS.has(lower[j]!)) return nounPhrase(ctx, j, who);
  }
  return null;
}

/**
 * "The firm, which is owned by Smith and Jones, said", "The actor, whose films include A, B and C, said": a relative
 * clause between commas closed right before the cue (its own commas only between verbless list items). Returns the
 * index of the comma that opens it, or -1.
 */
export function relativeBeforeCue(ctx: QuoteContext, cue: number, floor: number): number {
  const { lower } = ctx;
  let k = cue;
  while (k > floor && (SKIPPABLE_BEFORE_VERB.has(lower[k - 1]!) || endsWith(lower[k - 1]!, 'ly'))) k--;
  if (lower[k - 1] !== ',' || ctx.quoteOf[k - 1]! >= 0) return -1;
  let pieceEnd = k - 1;
  for (let j = k - 2, pieces = 0; j > floor; j--) {
    if (ctx.quoteOf[j]! >= 0) continue;
    const w = lower[j]!;
    if (w === ';' || w === '.' || w === '—' || w === '–' || w === '(' || w === ')') return -1;
    if (w !== ',') continue;
    if (RELATIVE_OPENERS.has(lower[j + 1]!)) return j;
    if (++pieces > 3 || hasFiniteVerb(ctx, j + 1, pieceEnd)) return -1;
    pieceEnd = j;
  }
  return -1;
}

/**
 * "The firm posted a loss and warned …", "Smith denied the charge and later said …", "The bank gave no details, but said
 * …": a cue after "and" or "but" (adverbs may stand between) with no subject of its own is a second verb of the clause
 * before it, whose subject it shares. Returns the index of the conjunction, or -1.
 */
function coordinatedCue(ctx: QuoteContext, cue: number, floor: number): number {
  const { lower } = ctx;
  let k = cue - 1;
  while (k > floor && (SKIPPABLE_BEFORE_VERB.has(lower[k]!) || endsWith(lower[k]!, 'ly'))) k--;
  return k > floor && (lower[k] === 'and' || lower[k] === 'but') && ctx.quoteOf[k]! < 0 ? k : -1;
}

/** The first word of [from, to) that can only be a finite verb here: an auxiliary, a past in -ed, or a verb of saying or thinking. */
function firstVerb(ctx: QuoteContext, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const w = ctx.lower[k]!;
    if (ctx.cap[k] || ctx.quoteOf[k]! >= 0 || !ctx.word[k]) continue;
    if (FINITE_VERBS.has(w) || (runTimeRules.on && IRREGULAR_PASTS.has(w)) || edAfterNonE(w) || endsWith(w, 'ied') || ((SPEECH_FORMS.has(w) || COGNITION_FORMS.has(w)) && !DETERMINERS.has(ctx.lower[k - 1]!) && !POSSESSIVE_BEFORE.has(ctx.lower[k - 1]!))) return k;
  }
  return -1;
}

/** Irregular past tenses that are no nouns: "The bank gave no details …, but said" (the verb ends the subject). */
const IRREGULAR_PASTS = new Set(['gave', 'made', 'took', 'went', 'came', 'saw', 'got', 'found', 'told', 'kept', 'held', 'sent', 'paid', 'won', 'led', 'met', 'ran', 'began', 'became', 'brought', 'bought', 'thought', 'knew', 'wrote', 'spoke', 'chose', 'rose', 'fell', 'grew', 'drew', 'sold', 'struck', 'stood', 'meant', 'felt']);

/** Words that open a subordinate clause with a subject of its own. */
const CLAUSE_OPENERS = new Set(['that', 'when', 'because', 'if', 'while', 'whereas', 'although', 'though', 'unless']);

const TIME_MODIFIERS = new Set(['last', 'this', 'next', 'earlier', 'late', 'early']);
const TIME_NOUNS = new Set([
  ...'week weekend month year decade season summer winter spring autumn morning afternoon evening night'.split(' '),
  ...Object.keys(WEEKDAYS),
  ...Object.keys(MONTHS).filter((m) => m.length > 4 || m === 'may' || m === 'june' || m === 'july'), // full names, not "jan", "sept"
]);

/** "Last month", "This week", "Earlier this year", "Late on Friday"… opening [from, to) with no comma after it: the index after it, else `from`. */
function timeOpener(ctx: QuoteContext, from: number, to: number): number {
  const { lower } = ctx;
  let k = from;
  if (lower[k] === 'earlier' || lower[k] === 'later') k++;
  if (!TIME_MODIFIERS.has(lower[k]!)) return from;
  k++;
  if (!TIME_NOUNS.has(lower[k]!)) return from;
  k++;
  // Something must be left for a subject ("This month's figures showed": the time phrase owns the subject).
  return k < to && ctx.word[k] && !possessiveAt(ctx, k) ? k : from;
}

/**
 * "…,” Spicer said, adding, “…”", "the board said, reasoning that …": a participle right after a reporting clause
 * ("X said, adding") shares that clause's subject, not the subject of the words before it (which are X's content).
 * Returns the reporting clause's subject, null when it has none, undefined when no reporting clause stands there.
 */
function attachedClauseSubject(ctx: QuoteContext, cue: number, floor: number): Candidate | null | undefined {
  const { lower } = ctx;
  let p = cue - 1;
  if (lower[p] !== ',') p--;
  if (lower[p] !== ',') return undefined;
  // The piece before the comma, back to the previous comma or quotation: "…,” Spicer said", "he told the federal court".
  let a = p;
  while (a > floor && !((lower[a - 1] === ',' && ctx.quoteOf[a - 1]! < 0) || ctx.quoteOf[a - 1]! >= 0)) a--;
  if (a > floor && !(lower[a - 1] === ',' || ctx.quoteOf[a - 1]! >= 0)) return undefined;
  // Its verb of saying, within a few words of its start (the subject and the verb open the clause).
  for (let v = a; v < p && v <= a + 6; v++) {
    // Not a noun ("The comments come after …", "his remarks").
    if (ctx.cap[v] || ctx.quoteOf[v]! >= 0 || !SPEECH_FORMS.has(lower[v]!) || DETERMINERS.has(lower[v - 1]!) || POSSESSIVE_BEFORE.has(lower[v - 1]!)) continue;
    // Its subject, within the piece or before it ("Amanda's uncle, Lewis Champion, told …, saying").
    return subjectOf(ctx, v, floor) ?? undefined;
  }
  return undefined;
}

const POSSESSIVE_BEFORE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your', "'s", '’s']);

/** Words after a comma that open the clause a following participle hangs on: "…, but he talked …, saying", "…, while India rejected aid, saying". */
const LAST_CLAUSE = new Set(['but', 'while', 'whereas', 'although', 'though']);

/** A relative clause (", who …", ", which …") opens between `floor` and `k`, with no comma after it: "Ryan, who surprised Trump by declaring". */
function inRelativeClause(ctx: QuoteContext, k: number, floor: number): boolean {
  for (let j = k - 1; j > floor; j--) {
    if (ctx.quoteOf[j]! >= 0) continue;
    const w = ctx.lower[j]!;
    if (w === ',' || w === ';') return false;
    if ((w === 'who' || w === 'which') && ctx.lower[j - 1] === ',') return true;
  }
  return false;
}

const HONORIFIC_WORDS = new Set<string>([...HONORIFICS, 'sir', 'dame', 'lord', 'lady']);
const BE_FORMS = new Set<string>(BE_FORM_WORDS);
const FINITE_VERBS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'did', 'does', 'do']);

function hasFiniteVerb(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = ctx.lower[k]!;
    if (FINITE_VERBS.has(w) || (!ctx.cap[k] && edAfterNonE(w))) return true;
  }
  return false;
}

function trailingOnlySkippable(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = ctx.lower[k]!;
    if (!SKIPPABLE_BEFORE_VERB.has(w) && !endsWith(w, 'ly')) return false;
  }
  return true;
}

/** The speaker-like phrase starting within a few tokens after `from` ("said the spokesman", "according to X"). */
export function phraseAfter(ctx: QuoteContext, from: number, limit: number): Candidate | null {
  const to = Math.min(limit, from + 8);
  const cands = candidatesIn(ctx, from, to).filter(usable);
  let c = cands[0];
  if (!c) return null;
  // A place, organisation or party modifying the role or person after it, through a possessive or more
  // capitalised words: "said one Florida Republican strategist", "said Ernst and Young's Sanjay Mehta".
  // A person modifies what follows only through a possessive ("Ernst and Young's Sanjay Mehta").
  for (let i = 1; i < cands.length; i++) {
    const d = cands[i]!;
    if (d.tokenStart < c.tokenEnd || !(d.kind === 'description' || (d.kind === 'entity' && d.entity!.type === 'PERSON'))) continue;
    const modifier = c.kind === 'proper' || (c.kind === 'entity' && c.entity!.type !== 'PERSON');
    let k = c.tokenEnd;
    let possessive = false;
    // A title's other words before a name: "Sun's chief operating officer Jonathan Schwartz".
    const title = c.kind === 'description' && d.kind === 'entity' && d.tokenStart - c.tokenEnd <= 3;
    const titleWord = (w: string, j: number) => title && ctx.word[j] && !PREPOSITIONS.has(w) && !SPEECH_FORMS.has(w) && !DETERMINERS.has(w);
    while (k < d.tokenStart && (ctx.cap[k] || ROLE_ADJECTIVES.has(ctx.lower[k]!) || /^['’]s$/.test(ctx.lower[k]!) || ctx.lower[k] === 'and' || titleWord(ctx.lower[k]!, k))) {
      if (/^['’]s$/.test(ctx.lower[k]!)) possessive = true;
      k++;
    }
    if (k !== d.tokenStart || !(modifier || possessive || title)) break;
    c = d;
  }
  // Only determiners, titles and role words may stand before it ("said economy minister Heizo Takenaka"),
  // and adjectives in -ed after a determiner opening the phrase ("said one unaligned Florida strategist").
  const determined = DETERMINERS.has(ctx.lower[from]!);
  let roleAhead = false;
  for (let k = c.tokenStart - 1; k >= from; k--) {
    const w = ctx.lower[k]!;
    if (DESCRIPTION_NOUNS.has(w)) roleAhead = true;
    if (DETERMINERS.has(w) || ROLE_ADJECTIVES.has(w) || DESCRIPTION_NOUNS.has(w) || ctx.cap[k]) continue;
    if (determined && k > from && ctx.word[k] && endsWith(w, 'ed')) continue;
    if (roleAhead && ctx.word[k] && !PREPOSITIONS.has(w) && !SPEECH_FORMS.has(w) && !COGNITION_FORMS.has(w)) continue;
    if (/^['’]s$/.test(w) || w === 'and') continue; // (in a possessive before the head, checked above)
    return null;
  }
  return c;
}

/** Whether token `k` lies inside a name that began before it ("… Culture, Media and Sport", "Heritage and Wildlife Trust"). */
function continuesName(ctx: QuoteContext, k: number): boolean {
  const mi = ctx.mentionOf[k]!;
  return mi >= 0 && ctx.mentions[mi]!.tokenStart < k;
}

/** Text of a description candidate, widened to its noun phrase ("a spokesperson for the Office of … (ODNI)"). */
export function descriptionText(ctx: QuoteContext, c: Candidate, floor: number, ceiling: number): { start: number; end: number } {
  const { lower, doc } = ctx;
  let s = c.tokenStart;
  for (let steps = 0; s - 1 >= floor && steps < 5; steps++) {
    const w = lower[s - 1]!;
    // A name of several words right before: all of it, whatever "and" or "of" it holds ("A Department for Work and
    // Pensions spokeswoman", "A Top of the Pops spokesperson").
    const mi = ctx.mentionOf[s - 1]!;
    if (mi >= 0 && ctx.mentions[mi]!.tokenStart < s - 1 && ctx.mentions[mi]!.tokenStart >= floor) {
      s = ctx.mentions[mi]!.tokenStart;
      continue;
    }
    if (PREPOSITIONS.has(w) || SEGMENT_BREAK.has(w) || !ctx.word[s - 1] || SKIPPABLE_BEFORE_VERB.has(w) || SPEECH_FORMS.has(w) || RELATIVES.has(w)) break;
    // A verb, most likely — but "A leading expert": an -ing word after an article is an adjective (run time).
    if (endsWith(w, 'ed', 'ing') && !DETERMINERS.has(w) && !(runTimeRules.on && endsWith(w, 'ing') && /^(?:a|an|the)$/.test(lower[s - 2] ?? ''))) break;
    s--;
    // An article opens the phrase: "This week a judge" → "a judge".
    if (runTimeRules.on && (w === 'a' || w === 'an' || w === 'the')) break;
  }
  let e = c.tokenEnd;
  // "for the Office of the Director of National Intelligence (ODNI) in Washington"
  while (e < ceiling && (lower[e] === 'for' || lower[e] === 'of' || lower[e] === 'at' || lower[e] === 'in' || lower[e] === 'from' || lower[e] === 'with')) {
    let k = e + 1;
    while (k < ceiling && (DETERMINERS.has(lower[k]!) || ctx.cap[k] || lower[k] === '(' || lower[k] === ')' || possessiveAt(ctx, k) || lower[k] === '&' || (lower[k] === 'of' && k + 1 < ceiling && ctx.cap[k + 1]) || continuesName(ctx, k))) k++;
    // "for the department": a determiner takes the common noun after it, unless that is the verb.
    if (DETERMINERS.has(lower[k - 1]!) && k < ceiling && ctx.word[k] && !SPEECH_FORMS.has(lower[k]!) && !endsWith(lower[k]!, 'ed', 's')) k++;
    while (k > e + 1 && DETERMINERS.has(lower[k - 1]!)) k--;
    if (k === e + 1) break;
    e = k;
  }
  return { start: doc.tokens[s]!.start, end: doc.tokens[e - 1]!.end };
}

/**
 * Earlier attributions, for pronoun resolution. Per sentence, the speaker its attribution named: an entity, or null for one person no entity stands for ("a
 * spokeswoman for Human Rights Watch"): a he/she in the sentences after it is that person, not someone named elsewhere.
 */
export type SpeakerHistory = Map<number, Entity | null>;

/** Roles of organisations and documents, not of one person: no "he" or "she" refers back to them. */
const NOT_ONE_PERSON = new Set(['government', 'administration', 'agency', 'statement', 'report', 'study', 'survey', 'poll', 'polls', 'newspaper', 'outlet', 'broadcaster', 'ministry', 'police', 'panel', 'committee', 'commission', 'council', 'court', 'department', 'office', 'team', 'group', 'party', 'delegation', 'campaign', 'people', 'officialdom']);

/** Records a sentence's speaker for the pronouns after it (see SpeakerHistory). */
export function remember(history: SpeakerHistory, sentence: number, speaker: FoundSpeaker | null | undefined): void {
  if (!speaker) return;
  if (speaker.entity) history.set(sentence, speaker.entity);
  // Only an indefinite one ("a spokeswoman", "a Juventus official") introduces someone unnamed: "the prime minister"
  // not linked to its person is still most often the person named nearby, and a bare role ("BIFA founder and
  // director") a title the ranker later joins to the name after it.
  else if ((speaker.kind === 'description' || speaker.kind === 'np') && speaker.description && /^an?\s/i.test(speaker.description) && !history.has(sentence)) {
    const head = roleHead(speaker.description);
    // One person: a singular role noun ("spokesman", "midfielder"), not "officials" or "the report".
    if (DESCRIPTION_NOUNS.has(head) && !NOT_ONE_PERSON.has(head) && !head.endsWith('s')) history.set(sentence, null);
  }
}

/**
 * The entity a pronoun refers to: for he/she, the person the current sentence
 * (before the pronoun) or the nearest previous sentences are about — the
 * speaker of an attribution there, else its first person mentioned outside
 * quotation marks; for it/they, an organisation likewise. In the current sentence only tokens from `from` on count
 * (a trailing attribution's content names no antecedent of its pronoun).
 */
export function resolvePronoun(ctx: QuoteContext, tok: number, history: SpeakerHistory, as?: 'he' | 'she' | 'person', from = 0): Entity | null {
  const w = as ?? ctx.lower[tok]!;
  const want: Entity['type'] | null = w === 'he' || w === 'she' || w === 'person' ? 'PERSON' : w === 'it' || w === 'they' ? 'ORGANIZATION' : null;
  if (!want) return null;
  const { doc } = ctx;
  const sent = doc.tokens[tok]!.sentence;
  // "he" is no woman's pronoun nor "she" a man's, where the article says which the person is (see `genderOf`).
  const other = w === 'he' ? 'f' : w === 'she' ? 'm' : null;
  const fits = (e: Entity): boolean => e.type === want && (other === null || genderOf(ctx, e) !== other);
  // "…, which it says …", "…, who they claim …": the relative's antecedent is what the clause is about, not who speaks in
  // it (run-time rule, branch quotes39): "The US has sued the WTO, which it says …" is no WTO statement.
  const antecedent = runTimeRules.on && want === 'ORGANIZATION' ? relativeAntecedentEnd(ctx, tok) : -1;
  const firstOfType = (from: number, to: number): Entity | null => {
    for (const c of candidatesIn(ctx, from, to)) if (c.kind === 'entity' && fits(c.entity!) && c.tokenEnd !== antecedent) return c.entity;
    return null;
  };
  // A sentence that opens with "he"/"she" is about whom that pronoun stands for, not the first person named after it
  // (run-time rule, branch quotes36): 'He hoped Jay Rowe would "…", he added.', 'He had a cameo in the film, in which
  // his part was played by Steve Cole. "…," he said.' The pronoun, like the one it repeats, looks further back.
  const opensWithPronoun = (s: number): boolean => runTimeRules.on && want === 'PERSON' && sentenceOpensWith(ctx, s, w);
  if (antecedent >= 0) {
    const subject = openingSubject(ctx, sent, tok);
    // "The US has asked the WTO to …, which it says …": the main clause's subject speaks — a country as a government;
    // "The government is cracking down on …, which it says …": a description, which no name stands for.
    if (subject) return subject.kind === 'entity' && (fits(subject.entity!) || subject.entity!.subtype === 'country') ? subject.entity : null;
  }
  const here = opensWithPronoun(sent) && sentenceOpener(ctx, sent) < tok ? null : firstOfType(Math.max(doc.sentences[sent]!.tokenStart, tok - 60, from), tok);
  if (here) return here;
  for (let s = sent - 1; s >= 0 && s >= sent - 5; s--) {
    const h = history.get(s);
    if (h === null && want === 'PERSON') return null; // "A spokeswoman said … She added": that person, unnamed
    if (h && fits(h)) return h;
    if (opensWithPronoun(s)) continue;
    const S = doc.sentences[s]!;
    const e = firstOfType(Math.max(S.tokenStart, S.tokenEnd - 200), S.tokenEnd);
    if (e) return e;
    if (want === 'ORGANIZATION') break; // "it/they" reach back one sentence only
  }
  return null;
}

/** The candidate opening sentence `sent` as its subject (after "But", "The"), unless a pronoun: "The US has …" → the US. */
function openingSubject(ctx: QuoteContext, sent: number, tok: number): Candidate | null {
  const k = sentenceOpener(ctx, sent);
  if (k >= tok || PRONOUNS.has(ctx.lower[k]!)) return null;
  const c = candidatesIn(ctx, k, tok)[0];
  if (!c || c.kind === 'pronoun') return null;
  const lead = DETERMINERS.has(ctx.lower[k]!) ? k + 1 : k;
  return c.tokenStart <= lead ? c : null;
}

/** Where the antecedent of the relative word right before `tok` ends (", which it says" → the comma), or -1. */
function relativeAntecedentEnd(ctx: QuoteContext, tok: number): number {
  const rel = ctx.lower[tok - 1];
  if (rel !== 'which' && rel !== 'who' && rel !== 'that') return -1;
  return ctx.lower[tok - 2] === ',' ? tok - 2 : tok - 1;
}

/** Words that may open a sentence before its subject: "But he …", "And she …". */
const SUBJECT_OPENERS = new Set(['but', 'and', 'so', 'yet', 'however', 'meanwhile', 'still', 'now', 'then', 'also', 'later', 'instead']);

/** The first word of sentence `s` that is no opener (conjunction, adverb, punctuation, quotation mark), or its end. */
function sentenceOpener(ctx: QuoteContext, s: number): number {
  const S = ctx.doc.sentences[s]!;
  let k = S.tokenStart;
  while (k < S.tokenEnd && (!ctx.word[k] || SUBJECT_OPENERS.has(ctx.lower[k]!) || ctx.lower[k] === ',')) k++;
  return k;
}

/** Sentence `s` opens with the subject pronoun `w` (for 'person', "he" or "she"), outside quotation marks. */
function sentenceOpensWith(ctx: QuoteContext, s: number, w: string): boolean {
  const k = sentenceOpener(ctx, s);
  if (k >= ctx.doc.sentences[s]!.tokenEnd || ctx.quoteOf[k]! >= 0) return false;
  const first = ctx.lower[k]!;
  return w === 'person' ? first === 'he' || first === 'she' : first === w;
}

/** Titles before a name that say a person is a man or a woman ("Mr Smith", "Lady Thatcher"). */
const MALE_TITLES = new Set(['mr', 'mr.', 'sir', 'lord', 'herr']);
const FEMALE_TITLES = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'lady', 'dame', 'mme', 'mme.', 'frau']);
/** Roles only a man or only a woman holds ("chairman" and "spokesman" are said of women too). */
const MALE_ROLES = new Set(['husband', 'father', 'son', 'brother', 'uncle', 'nephew', 'grandfather', 'boyfriend', 'widower', 'king', 'prince', 'duke']);
const FEMALE_ROLES = new Set(['wife', 'mother', 'daughter', 'sister', 'aunt', 'niece', 'grandmother', 'girlfriend', 'widow', 'actress', 'queen', 'princess', 'duchess', 'baroness', 'spokeswoman', 'chairwoman', 'businesswoman', 'congresswoman', 'policewoman', 'sportswoman']);
const genders = new WeakMap<QuoteContext, Map<Entity, 'm' | 'f' | null>>();

/**
 * Whether the article makes a person a man ('m') or a woman ('f'): a title before one of the person's mentions ("Mr
 * Smith", "Ms Jones", "Lady Thatcher") or a role of the person from the entity stage ("spokeswoman", "actress",
 * "wife"); null when it says neither, or both. Per article, on first use.
 */
function genderOf(ctx: QuoteContext, e: Entity): 'm' | 'f' | null {
  let table = genders.get(ctx);
  if (!table) {
    table = new Map();
    const seen = new Map<Entity, number>(); // bit 1: male, bit 2: female
    const mark = (x: Entity, word: string | undefined, male: ReadonlySet<string>, female: ReadonlySet<string>): void => {
      if (word === undefined) return;
      const bit = male.has(word) ? 1 : female.has(word) ? 2 : 0;
      if (bit) seen.set(x, (seen.get(x) ?? 0) | bit);
    };
    for (const m of ctx.mentions) {
      if (m.entity.type !== 'PERSON') continue;
      mark(m.entity, ctx.lower[m.tokenStart - 1], MALE_TITLES, FEMALE_TITLES);
      mark(m.entity, ctx.lower[m.tokenStart], MALE_TITLES, FEMALE_TITLES);
    }
    for (const x of ctx.doc.entities) if (x.type === 'PERSON') for (const r of x.roles) mark(x, roleHead(r), MALE_ROLES, FEMALE_ROLES);
    for (const [x, bits] of seen) table.set(x, bits === 1 ? 'm' : bits === 2 ? 'f' : null);
    genders.set(ctx, table);
  }
  return table.get(e) ?? null;
}

/** The head noun of a role or description: its last word before "of", "for", "at"… ("the spokesman for Acme" → spokesman). */
export function roleHead(text: string): string {
  // Memoised by text: the same roles come back in every article ("spokesman", "chief executive"), each read by two
  // regex splits. Bounded as `nameKey`'s memo is.
  let head = roleHeads.get(text);
  if (head === undefined) {
    if (roleHeads.size >= 50_000) roleHeads.clear();
    head = text.split(/\s+(?:for|of|at|in|from|with)\s/i)[0]!.split(/\s+/).pop()!.toLowerCase();
    roleHeads.set(text, head);
  }
  return head;
}
const roleHeads = new Map<string, string>();

/** Per article: role noun → persons introduced with it, in text order; role head → persons whose roles end in it. */
/** Words that make a role another one: the deputy prime minister is not the prime minister, nor the shadow chancellor the chancellor. */
const ROLE_QUALIFIERS = new Set(['deputy', 'shadow', 'vice', 'assistant', 'former', 'junior', 'acting', 'ex']);

function qualifierOf(text: string): string | null {
  for (const w of text.toLowerCase().split(/[\s-]+/)) if (ROLE_QUALIFIERS.has(w)) return w;
  return null;
}

interface RoleIndex {
  introduced: Map<string, { pos: number; entity: Entity; qualifier: string | null }[]>;
  byHead: Map<string, { entity: Entity; qualifier: string | null }[]>;
}
const roleIndexes = new WeakMap<QuoteContext, RoleIndex>();

function roleIndex(ctx: QuoteContext): RoleIndex {
  let index = roleIndexes.get(ctx);
  if (index) return index;
  index = { introduced: new Map(), byHead: new Map() };
  for (const m of ctx.mentions) {
    if (m.entity.type !== 'PERSON' || m.tokenStart === 0) continue;
    const w = ctx.lower[m.tokenStart - 1]!;
    if (!DESCRIPTION_NOUNS.has(w)) continue;
    const list = index.introduced.get(w) ?? [];
    // "Deputy Prime Minister John Prescott", "shadow chancellor Oliver Letwin": the qualifier of the role, if any.
    let qualifier: string | null = null;
    for (let k = m.tokenStart - 2; k >= 0 && k >= m.tokenStart - 4 && ctx.word[k]; k--) {
      if (ROLE_QUALIFIERS.has(ctx.lower[k]!)) qualifier = ctx.lower[k]!;
    }
    list.push({ pos: m.start, entity: m.entity, qualifier });
    index.introduced.set(w, list);
  }
  for (const list of index.introduced.values()) list.sort((a, b) => a.pos - b.pos);
  for (const e of ctx.doc.entities) {
    if (e.type !== 'PERSON') continue;
    const seen = new Set<string>();
    for (const r of e.roles) {
      const h = roleHead(r);
      const qualifier = qualifierOf(r);
      if (seen.has(`${h} ${qualifier}`)) continue;
      seen.add(`${h} ${qualifier}`);
      const list = index.byHead.get(h) ?? [];
      list.push({ entity: e, qualifier });
      index.byHead.set(h, list);
    }
  }
  roleIndexes.set(ctx, index);
  return index;
}

/**
 * The person a definite description ("the spokesman", "the Scotland coach", "the cardinal") names: the person
 * last introduced before it with that role noun ("spokesman Esmaeil Baghaei"), else the one person of the
 * article, named before it, whose stated role has that head ("Cardinal Cormac Murphy-O'Connor"); else null.
 * Found while attributing, the person also resolves the pronouns that follow ("The French president told
 * reporters … He said").
 */
export function describedPerson(ctx: QuoteContext, description: string, at: number): Entity | null {
  if (!/^(?:the|this|that)\s/i.test(description)) return null;
  const head = roleHead(description);
  const index = roleIndex(ctx);
  // "the prime minister" is not the one introduced as "Deputy Prime Minister John Prescott" (run-time rule).
  const q = runTimeRules.on ? qualifierOf(description) : null;
  // ("The former France manager" may be the one the article calls France manager: a former role keeps the old match.)
  const fits = (x: { qualifier: string | null }) => !runTimeRules.on || x.qualifier === q || q === 'former' || q === 'ex';
  let best: Entity | null = null;
  for (const r of index.introduced.get(head) ?? []) if (r.pos < at && fits(r)) best = r.entity;
  if (best) return best;
  const list = [...new Set((index.byHead.get(head) ?? []).filter(fits).map((x) => x.entity))];
  return list.length === 1 && list[0]!.mentions[0]!.start < at ? list[0]! : null;
}

/**
 * "A leading expert on the Cuban economy says": a description heading the subject phrase before the cue at `ceiling`
 * takes the phrase's words, its complement with them (a run-time reading; `descriptionText` stops at "leading" and
 * widens only over names).
 */
function withComplement(ctx: QuoteContext, c: Candidate, span: { start: number; end: number }, floor: number, ceiling: number): { start: number; end: number } {
  if (!runTimeRules.on || c.tokenEnd >= ceiling || !COMPLEMENT_PREPOSITIONS.has(ctx.lower[c.tokenEnd]!)) return span;
  const p = subjectPhrase(ctx, ceiling, floor);
  if (!p || p.cand.tokenEnd !== c.tokenEnd || p.cand.phraseEnd === undefined) return span;
  const { tokens } = ctx.doc;
  return { start: Math.min(span.start, tokens[p.cand.tokenStart]!.start), end: Math.max(span.end, tokens[p.cand.phraseEnd - 1]!.end) };
}

/** Turns a candidate into a speaker, resolving pronouns, widening descriptions and linking them to their person. */
export function toSpeaker(ctx: QuoteContext, c: Candidate, history: SpeakerHistory, floor: number, ceiling: number): FoundSpeaker {
  const { doc } = ctx;
  const start = doc.tokens[c.tokenStart]!.start;
  const end = doc.tokens[c.tokenEnd - 1]!.end;
  const text = doc.text.slice(start, end);
  switch (c.kind) {
    case 'entity':
      return { entity: c.entity, name: c.entity!.name, description: null, start, end, kind: c.kind };
    case 'pronoun': {
      const e = resolvePronoun(ctx, c.tokenStart, history);
      return { entity: e, name: e?.name ?? null, description: text, start, end, kind: c.kind };
    }
    case 'description': {
      const span = withComplement(ctx, c, descriptionText(ctx, c, floor, ceiling), floor, ceiling);
      const description = doc.text.slice(span.start, span.end);
      const entity = describedPerson(ctx, description, span.start);
      return { entity, name: entity?.name ?? null, description, start: span.start, end: span.end, kind: c.kind };
    }
    case 'proper':
      return { entity: null, name: text, description: null, start, end, kind: c.kind };
    case 'np': {
      // "Other proponents of the bill", "A leading expert on the Cuban economy": a subject phrase is its whole words.
      const whole = c.phraseEnd !== undefined && c.phraseEnd > c.tokenEnd ? doc.text.slice(start, doc.tokens[c.phraseEnd - 1]!.end) : text;
      const entity = describedPerson(ctx, whole, start);
      return { entity, name: entity?.name ?? null, description: whole, start, end: start + whole.length, kind: c.kind };
    }
  }
}

/** Words that may stand before a coordinated subject ("Meanwhile GM and Ford said", "but GM and Ford said"). */
const BEFORE_COORDINATION = new Set(['the', 'both', 'but', 'while', 'when', 'after', 'as', 'that', 'because', 'if', 'so', 'though', 'although', 'meanwhile', 'now', 'then']);

/**
 * "GM and Ford blamed …", "Sony, Microsoft and Nintendo are expected …", "Princes William and Harry said": a speaker
 * named last in a coordination of names that is the subject of the cue at `cue` speaks with the others, as PolNeAR's
 * sources cover the whole coordination. The schema holds one speaker, so the speaker becomes the coordination's words
 * (its mention and description) with no entity — linking the quote to the last name alone says someone else did not
 * say it. Null when the speaker is not such a last conjunct: a name right before the cue (only adverbs and auxiliaries
 * between), after "and" with a name before it (more names before that joined by commas), the whole opening the clause
 * (the sentence's start, punctuation, a clause word or a role noun: "technology firms Earthlink and Webroot") — not
 * the object of a preposition or a verb ("training in Holland and Ferguson said" is two clauses).
 */
export function coordinatedSubject(ctx: QuoteContext, speaker: FoundSpeaker, cue: number): FoundSpeaker | null {
  const named = speaker.kind === 'entity' || speaker.kind === 'proper';
  if (!named && speaker.kind !== 'np') return null;
  const { doc, lower, mentionOf, mentions } = ctx;
  const sentence = doc.sentences[doc.tokens[cue]!.sentence]!;
  const last = tokenAt(ctx, speaker.end - 1);
  const first = tokenAt(ctx, speaker.start);
  if (last >= cue || first <= sentence.tokenStart + 1 || trimBeforeVerb(lower, last + 1, cue) !== last + 1) return null;
  // The names before "and" ("France and the US"): each a whole mention, joined by commas ("Sony, Microsoft and").
  let k = named && lower[first - 1] === 'the' ? first - 2 : first - 1;
  if (lower[k] !== 'and') return null;
  if (!named) {
    // "Analysts and investors have welcomed": a plain noun phrase before "and", ending in its head as the speaker's does.
    const left = subjectPhrase(ctx, k, sentence.tokenStart);
    if (!left || left.cand.tokenEnd !== k || left.body !== left.cand.tokenStart || PREPOSITIONS.has(lower[left.cand.tokenStart]!)) return null;
    return coordination(ctx, left.cand.tokenStart, last, sentence.tokenStart);
  }
  let joined = 0;
  while (k > sentence.tokenStart) {
    const mi = mentionOf[k - 1]!;
    if (mi < 0 || mentions[mi]!.tokenEnd !== k || ctx.quoteOf[k - 1]! >= 0) break;
    k = mentions[mi]!.tokenStart;
    joined++;
    // "Germany, Austria, the Netherlands and Sweden": a listed name may keep its article.
    if (lower[k - 1] === 'the' && lower[k - 2] === ',') k--;
    if (lower[k - 1] !== ',' || mentionOf[k - 2] === undefined || mentionOf[k - 2]! < 0) break;
    k--;
  }
  return joined === 0 ? null : coordination(ctx, k, last, sentence.tokenStart);
}

/** The coordination of tokens [first, last] as a speaker with no entity, when it opens its clause (see `coordinatedSubject`). */
function coordination(ctx: QuoteContext, first: number, last: number, sentenceStart: number): FoundSpeaker | null {
  const { lower } = ctx;
  const before = first > sentenceStart ? lower[first - 1]! : null;
  if (before !== null && ctx.word[first - 1] && !BEFORE_COORDINATION.has(before) && !DESCRIPTION_NOUNS.has(before)) return null;
  if (before !== null && !ctx.word[first - 1] && !/^[,;:(“"‘'—–-]$/.test(before)) return null;
  const start = ctx.index.starts[first]!;
  const end = ctx.index.ends[last]!;
  return { entity: null, name: null, description: ctx.doc.text.slice(start, end), start, end, kind: 'np' };
}
