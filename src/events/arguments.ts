/**
 * Event arguments from the token neighbourhood of a trigger: participants
 * (entity mentions in grammatical positions around it), the location (a place
 * governed by "in"/"at" in the clause) and the date (a time expression of the
 * clause). Every choice returns the reason it was made, for `evidence`.
 */
import type { Doc, DocEntity as Entity, DocTime as TimeExpression } from '../text/doc.js';
import type { MentionRef } from '../text/layers.js';
import { IRREGULAR_PAST } from '../lang/en/verbs.js';
import type { Arena } from '../text/arena.js';
import { asideRegions, CLAUSE_OPENERS, CLAUSE_REACH, PASSIVE_ADVERBS, relativeRegions } from './clauses.js';
import { ARTICLES, DEMONSTRATIVES, NOUN_PHRASE_TITLE_WORDS, PERSON_PRONOUNS, POSSESSIVE_DETERMINERS, PREPOSITIONS as PREPOSITION_WORDS, QUANTIFIERS } from '../lang/en/index.js';

/** An entity mention with its entity (the Doc's mention look-up, text/layers.ts). */
export type PlacedMention = MentionRef;

export type Role = 'agent' | 'patient' | 'participant' | 'recipient';

export interface ArgumentChoice<T> {
  value: T;
  why: string;
}

const PREPOSITIONS = new Set<string>(PREPOSITION_WORDS);
/** Words inside a noun phrase between its governor and the name: articles, title words, possessives ("with his Iranian counterpart"). */
// "nearby" too: "born in nearby Port Talbot" is governed by "in".
const NOUN_PHRASE_WORDS = new Set<string>([...ARTICLES, ...NOUN_PHRASE_TITLE_WORDS, 'his', 'her', 'their', 'its', 'nearby']);
/** Prepositions after which a place is where the event happens (findLocation). */
export const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside']);
const PRONOUNS = new Set<string>(PERSON_PRONOUNS);
/** Participants are people, organisations and places acting as states; nationality words and other MISC are not. */
export const participantType = (e: Entity) => e.type === 'PERSON' || e.type === 'ORGANIZATION' || (e.type === 'LOCATION' && e.subtype !== 'nationality');
/** A MISC name can still organise an event it names ("BRICS Summit"), unless it is a nationality or a compound ("US-Israeli"). */
const organiserType = (e: Entity) => participantType(e) || (e.type === 'MISC' && e.subtype === null && !/[-‐]/.test(e.name));

export interface ArgContext {
  doc: Doc;
  /** Lowercased token texts (the shared token index). */
  lower: readonly string[];
  clause: Int32Array;
  mentions: PlacedMention[];
  byToken: Int32Array;
  /** Built on first use by nearestPersonBefore. */
  personBefore?: Int32Array;
  /** Built on first use: relative clauses between commas (relativeRegions). */
  relative?: Int32Array;
  /** Built on first use by findDate: asides between commas, dashes or brackets (asideRegions). */
  asides?: Int32Array;
  /** Built on first use by the participant features: each token's kind (participants.ts). */
  kinds?: Uint8Array;
  /** Where the tables above are made, when the caller keeps one for the document (findEvents). */
  arena?: Arena;
}

const lower = (ctx: ArgContext, k: number) => ctx.lower[k] ?? '';
const isPossessive = (doc: Doc, k: number) => /^['’]s?$/.test(doc.tokens[k]?.text ?? '');

/**
 * Whether the possessive time t ("Monday's", "last week's") governs the noun trigger at ts: the trigger is the head
 * its "'s" opens, at most two lowercase modifiers after it ("last month's shooting death"), and nothing that ends the
 * noun phrase between. In TimeBank and AQUAINT (training parts) a gold event right after a possessive time is anchored
 * to it 26 times of 27 that have an anchor (docs/events.md, events35).
 */
function possessiveTimeOf(ctx: ArgContext, t: TimeExpression, ts: number): boolean {
  const head = t.tokenEnd + 1;
  if (ts < head || ts > head + 2) return false;
  // Not across a verb ("Last year's results were hurt by …": what was hurt is no noun of the time).
  for (let k = head; k < ts; k++) {
    const w = ctx.doc.tokens[k]!.text;
    if (!/^[a-z][a-z-]*$/.test(w) || PREPOSITIONS.has(w) || AUXILIARIES.has(w) || SUBJECT_MODALS.has(w)) return false;
  }
  return ctx.doc.tokens[ts]!.sentence === ctx.doc.tokens[t.tokenStart]!.sentence;
}

/** The word before a mention, skipping determiners and adjectives that are part of its noun phrase. */
/** Prepositions that also open a clause ("after Audrey died"). */
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'till']);
/** Auxiliaries between a subject and its verb ("after Putin had resigned"). */
const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'had', 'has', 'have', 'will', 'would', 'could', 'did', 'had', "'d", 'also', 'then', 'finally']);

/** Whether mention m, governed by a word such as "after", is the subject of the verb at ts: only auxiliaries between. */
function subordinateSubject(ctx: ArgContext, m: PlacedMention, ts: number): boolean {
  if (!SUBORDINATORS.has(governor(ctx, m))) return false;
  for (let k = m.tokenEnd; k < ts; k++) if (!AUXILIARIES.has(lower(ctx, k))) return false;
  return true;
}

export function governor(ctx: ArgContext, m: PlacedMention): string {
  let k = m.tokenStart - 1;
  for (let steps = 0; k >= 0 && steps < 3; steps++, k--) {
    const w = lower(ctx, k);
    if (NOUN_PHRASE_WORDS.has(w)) continue;
    // Titles: "Lt. General"; not a sentence's first word that is a preposition ("In Wiltshire, police arrested…").
    if (/^[A-Z]/.test(ctx.doc.tokens[k]!.text) && ctx.byToken[k] === -1 && steps < 2 && !PREPOSITIONS.has(w)) continue;
    // Nationality words are part of the noun phrase too: "his Iranian counterpart".
    if (ctx.byToken[k]! >= 0 && ctx.mentions[ctx.byToken[k]!]!.entity.type === 'MISC') continue;
    break;
  }
  return lower(ctx, k);
}

/**
 * What may follow a reduced passive participle: a preposition of cause or agent, a comma or a full stop
 * (never its object). Not "in", "on" or "at": an active verb takes a time or place there ("GM announced on Wednesday").
 */
const REDUCED_PASSIVE_NEXT = new Set(['for', 'over', 'after', 'by', 'following', 'amid', ',', '.', ';', ':']);
/**
 * Participles of verbs that always take an object (a person jailed, sacked, killed): written without one,
 * they are passive. Verbs that are also intransitive ("resigned", "crashed", "played", "agreed") are not here.
 */
const TRANSITIVE_ONLY = new Set([
  'jailed', 'imprisoned', 'arrested', 'detained', 'charged', 'convicted', 'sentenced', 'indicted', 'fined', 'banned', 'barred',
  'sacked', 'dismissed', 'suspended', 'expelled', 'deported', 'extradited', 'kidnapped', 'abducted', 'killed', 'murdered',
  'injured', 'wounded', 'assassinated', 'executed', 'accused', 'sued', 'acquitted', 'impeached', 'ousted', 'elected',
  're-elected', 'appointed', 'hired',
]);
/** Before a participle these make it an adjective or a perfect ("the jailed singer", "they jailed"), not a reduced passive. */
const ARTICLE_OR_PRONOUN = new Set(['the', 'a', 'an', 'he', 'she', 'they', 'we', 'i', 'you', 'it', 'who', 'which', 'that', 'has', 'have', 'had']);

/** Mentions in the clause of token i, in text order, each once per entity position. */
function clauseMentions(ctx: ArgContext, i: number, window: number): PlacedMention[] {
  const c = ctx.clause[i]!;
  const out: PlacedMention[] = [];
  for (let k = Math.max(0, i - window); k < Math.min(ctx.doc.tokens.length, i + window + 1); k++) {
    if (ctx.clause[k] !== c) continue;
    const mi = ctx.byToken[k]!;
    if (mi >= 0 && !out.includes(ctx.mentions[mi]!)) out.push(ctx.mentions[mi]!); // a handful: no Set needed
  }
  return out;
}

/**
 * Participants of the trigger at tokens [ts, te): subject before a verb, object
 * after it, arguments introduced by prepositions, the possessor of a noun and
 * the name modifying it ("BRICS Summit").
 */
export function findParticipants(
  ctx: ArgContext,
  ts: number,
  te: number,
  pos: 'verb' | 'noun',
  possessorIsPatient: boolean,
  objectRole: Role | null = 'patient',
  subjectIsPatient = false,
): RuleFinding[] {
  const { doc } = ctx;
  const out: RuleFinding[] = [];
  // The participant-type mentions of the clause before and after the trigger, in text order (one loop, no
  // filtered copies: this runs for every kept trigger).
  const before: PlacedMention[] = [];
  const after: PlacedMention[] = [];
  for (const m of clauseMentions(ctx, ts, 14)) {
    if (!participantType(m.entity)) continue;
    if (m.tokenEnd <= ts) before.push(m);
    if (m.tokenStart >= te) after.push(m);
  }
  let passive = false; // a verb trigger in the passive: its "by" phrase is the agent

  if (pos === 'noun') {
    // Possessor: "Soleimani's assassination", "Russia's transfer of…".
    for (let k = ts - 1; k >= ts - 4 && k >= 0; k--) {
      if (isPossessive(doc, k) && ctx.byToken[k - 1]! >= 0) {
        const m = ctx.mentions[ctx.byToken[k - 1]!]!;
        addFinding(out, m.entity, possessorIsPatient ? 'patient' : 'agent', `possessor "${doc.text.slice(m.start, m.end)}'s"`);
        break;
      }
      if (ctx.byToken[k]! >= 0) {
        // Name modifying the noun: "BRICS Summit" (places modifying a noun are locations, handled there).
        const m = ctx.mentions[ctx.byToken[k]!]!;
        if (m.tokenEnd === ts || (m.tokenEnd === k + 1 && k >= ts - 2)) {
          if (m.entity.type !== 'LOCATION') addFinding(out, m.entity, 'participant', `modifier "${doc.text.slice(m.start, m.end)}"`, true);
        }
        break;
      }
      if (/^[,.;:]$/.test(doc.tokens[k]!.text)) break;
    }
    // A capitalised modifier the recogniser missed here but found elsewhere in the text ("BRICS Summit").
    if (ctx.byToken[ts - 1] === -1 && /^[A-Z]/.test(doc.tokens[ts - 1]?.text ?? '')) {
      for (let k = Math.max(0, ts - 3); k < ts; k++) {
        const surface = doc.text.slice(doc.tokens[k]!.start, doc.tokens[ts - 1]!.end);
        const known = namedElsewhere(doc).get(surface);
        if (known) {
          addFinding(out, known, 'participant', `modifier "${surface}" (named elsewhere in the text)`, true);
          break;
        }
      }
    }
    // Possessive pronoun: "his recent interactions" → the person last named.
    for (let k = ts - 1; k >= ts - 3 && k >= 0 && ctx.clause[k] === ctx.clause[ts]; k--) {
      const w = lower(ctx, k);
      if (w === 'his' || w === 'her') {
        const p = nearestPersonBefore(ctx, k);
        if (p) addFinding(out, p.entity, possessorIsPatient ? 'patient' : 'agent', `pronoun "${doc.tokens[k]!.text}" → ${p.entity.name}`);
        break;
      }
    }
    // Subject of a light verb: "Iran filed a lawsuit", "X held talks", "X sent a letter".
    for (let k = ts - 1; k >= ts - 5 && k >= 0 && ctx.clause[k] === ctx.clause[ts]; k--) {
      if (LIGHT_VERB.test(lower(ctx, k))) {
        // "has" before a verb of reaction is its auxiliary: "The UK has welcomed the decision", "Fans have hailed the
        // deal" — the subject reacts to the event, it is no party to it.
        if (auxiliaryOfReaction(ctx, k, ts)) break;
        const subj = lightVerbSubject(ctx, before, k);
        if (subj) addFinding(out, subj.entity, 'agent', `subject of "${doc.tokens[k]!.text}"`);
        break;
      }
    }
  } else {
    // Subject: nearest mention before the verb that no preposition governs and that is not a possessor.
    // Passive: a form of "be" right before the participle, or before an adverb before it ("was wrongly convicted", "was
    // also bought").
    const be = BE_FORM;
    const participle = /(?:ed|born|taken|given)$/.test(lower(ctx, ts)) || IRREGULAR_PARTICIPLES.has(lower(ctx, ts)) || EN_PARTICIPLES.has(lower(ctx, ts));
    // A reduced passive, as headlines and reduced relatives write it ("Singer Sizzla jailed for swearing",
    // "a man charged over the attack", "Firm fined $1m"): the participle of a verb that always takes an object, with none
    // after it, only a preposition of cause or agent, a comma or the sentence's end.
    const next = te < doc.tokens.length && doc.tokens[te]!.sentence === doc.tokens[ts]!.sentence ? lower(ctx, te) : '';
    const reduced = objectRole === 'patient' && TRANSITIVE_ONLY.has(lower(ctx, ts)) && !ARTICLE_OR_PRONOUN.has(lower(ctx, ts - 1)) && (next === '' || REDUCED_PASSIVE_NEXT.has(next) || (lower(ctx, ts) === 'fined' && /^[$£€]/.test(next)));
    passive = participle && (be.test(lower(ctx, ts - 1)) || ((/ly$/.test(lower(ctx, ts - 1)) || PASSIVE_ADVERBS.has(lower(ctx, ts - 1))) && be.test(lower(ctx, ts - 2))) || reduced);
    const subjectRole: Role = passive || subjectIsPatient ? 'patient' : 'agent';
    // A name after a subordinator that is also a preposition, right before the verb, is its subject ("days after
    // Audrey died", "since Putin resigned").
    // A name's noun right before the verb is its subject, the name a party to it ("Apple's shares rose 5% on Friday",
    // "Keating's convictions were thrown out in 1996", "Coleco, whose stock peaked in 1983"): checked first, as a name
    // before that possessed subject is no subject of the verb.
    const owner = possessorOfSubject(ctx, before, ts);
    // A life event happens to its subject alone: "Howard, whose grandmother died", "Smith's son was born" — the
    // possessor is a relative of the one who died or was born, no party to it.
    if (owner && !subjectIsPatient) addFinding(out, owner.entity, 'participant', `possessor of the subject "${doc.text.slice(owner.start, owner.end)}"`);
    // A verb after a relative clause between commas ("Keaveney, who appeared in Brookside, has died", "Smith, who played
    // for Leeds, was charged"): the names inside the relative are none of its subject; the name it hangs on is (below).
    const relative = (ctx.relative ??= relativeRegions(ctx.doc, ctx.arena?.int32(ctx.doc.tokens.length)));
    const first = clauseFirst(ctx, ts);
    // After the relative (outside it, in the clause it runs on into), only the verb that takes up the main clause.
    const afterRelative = relative[ts] === 0 && relative[first]! > 0 && interrupting(ctx, relative, first);
    const resumed = afterRelative && takesUp(ctx, relative, ts);
    let shared: { m: PlacedMention; why: string } | null = null;
    const nearest = owner ? null : nearestSubject(ctx, before, ts, afterRelative, relative);
    // The nearest name is no subject when a common noun heads the subject ("protesters demonstrated", "the Porsche
    // designed radio set will be launched") or when it is the object of a participle ("the drama starring Audrey Tautou,
    // was ruled"): no other name is taken then.
    const subj = nearest && (commonNounSubject(ctx, nearest, ts) || objectOfParticiple(ctx, nearest)) ? null : nearest;
    if (owner) {
      // found above
    } else if (subj) addFinding(out, subj.entity, subjectRole, passive ? 'passive subject' : 'subject', false, subj);
    else if ((shared = sharedSubject(ctx, ts, first))) addFinding(out, shared.m.entity, subjectRole, `shared subject "${doc.text.slice(shared.m.start, shared.m.end)}" (${shared.why})`);
    else if (/^(?:who|which|that)$/.test(lower(ctx, first)) || resumed) {
      // Relative clause: "Jobs, who died yesterday" — the subject is the name the clause hangs on; likewise the subject
      // of the verb that takes up after it ("Jobs, who founded Apple, has died").
      const k = (resumed ? relativeStart(relative, first) : first) - 1;
      const direct = ctx.byToken[k] ?? -1;
      const mi = direct >= 0 ? direct : (ctx.byToken[k - 1] ?? -1); // skip the comma
      if (mi >= 0) {
        const m = ctx.mentions[mi]!;
        addFinding(out, m.entity, subjectRole, 'relative-clause subject', false, m);
      }
    } else {
      // A pronoun subject takes the nearest person before it (same or previous sentence).
      for (let k = ts - 1; k >= 0 && k >= ts - 6 && ctx.clause[k] === ctx.clause[ts] && !(afterRelative && relative[k]! > 0); k--) {
        if (PRONOUNS.has(lower(ctx, k))) {
          // "His mother died": a possessive pronoun before a noun is not the subject; the noun is.
          if (/^(?:his|her|their|its)$/.test(lower(ctx, k)) && k + 1 < ts) break;
          const p = nearestPersonBefore(ctx, k);
          if (p) addFinding(out, p.entity, subjectRole, `pronoun "${doc.tokens[k]!.text}" → ${p.entity.name}`);
          break;
        }
      }
    }
    // Direct object: first mention right after the verb (within 3 tokens, no preposition between).
    const obj = directObject(ctx, after, te);
    if (obj && objectRole) addFinding(out, obj.entity, passive ? 'agent' : objectRole, 'object', false, obj);
  }
  // Prepositional arguments after the trigger, up to an infinitive, whose own arguments follow it
  // ("decided to fly back to Greece": Greece is where they flew, not a party to the decision).
  const infinitive = infinitiveAfter(ctx, te, te + 10);
  for (const m of after) {
    if (m.tokenStart - te > 10 || m.tokenStart > infinitive) break;
    if (isPossessive(doc, m.tokenEnd)) continue; // "against Russia's agency": Russia only modifies the argument
    const g = governor(ctx, m);
    if (g === 'between' || g === 'with' || g === 'and' && afterBetween(out)) addFinding(out, m.entity, 'participant', g, false, m);
    // A town or venue after "to" is where someone goes ("travel to Old Trafford"), not a recipient; a country can be one ("sold arms to Iran").
    else if (g === 'to' && (m.entity.type !== 'LOCATION' || m.entity.subtype === 'country')) addFinding(out, m.entity, 'recipient', 'to', false, m);
    else if (g === 'against' || (g === 'on' && possessorIsPatient)) addFinding(out, m.entity, 'patient', g, false, m);
    else if (g === 'by' && (pos === 'noun' || passive)) addFinding(out, m.entity, 'agent', 'by', false, m);
    else if (g === 'from' && pos === 'noun') addFinding(out, m.entity, 'participant', 'from', false, m);
    else if (g === 'of' && pos === 'noun' && possessorIsPatient) addFinding(out, m.entity, 'patient', 'of', false, m);
  }
  return out;
}

/**
 * A participant the rules found: its entity, role and why. `quoted`: the mention whose text, in quotation marks,
 * ends the why ("subject \"Acme\""), sliced only when the event is output (participants.ts `evidenceText`): most
 * findings belong to triggers dropped later.
 */
export interface RuleFinding {
  entity: Entity;
  role: Role;
  why: string;
  quoted?: PlacedMention;
}

/** Adds a finding unless its entity is no participant type (no organiser type, for `organiser`) or is found already. */
function addFinding(out: RuleFinding[], entity: Entity, role: Role, why: string, organiser = false, quoted?: PlacedMention): void {
  if (!(organiser ? organiserType(entity) : participantType(entity))) return;
  for (const p of out) if (p.entity.id === entity.id) return;
  out.push(quoted ? { entity, role, why, quoted } : { entity, role, why });
}

/** Whether a "between" finding is there already ("between X and Y": Y after "and" is a participant too). */
function afterBetween(out: readonly RuleFinding[]): boolean {
  for (const p of out) if (p.why.startsWith('between')) return true;
  return false;
}

/** The subject of a light verb at k: the nearest mention before it that no preposition governs and that is no possessor. */
function lightVerbSubject(ctx: ArgContext, before: readonly PlacedMention[], k: number): PlacedMention | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (m.tokenEnd <= k && !PREPOSITIONS.has(governor(ctx, m)) && !isPossessive(ctx.doc, m.tokenEnd)) return m;
  }
  return undefined;
}

/** The nearest mention before a verb trigger that may be its subject (findParticipants). */
function nearestSubject(ctx: ArgContext, before: readonly PlacedMention[], ts: number, afterRelative: boolean, relative: Int32Array): PlacedMention | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if ((!PREPOSITIONS.has(governor(ctx, m)) || subordinateSubject(ctx, m, ts)) && !isPossessive(ctx.doc, m.tokenEnd) && !(afterRelative && relative[m.tokenStart]! > 0)) return m;
  }
  return undefined;
}

/** Direct object: the first mention right after the verb (within 3 tokens, no preposition or punctuation between). */
function directObject(ctx: ArgContext, after: readonly PlacedMention[], te: number): PlacedMention | undefined {
  for (const m of after) if (m.tokenStart - te <= 3 && !PREPOSITIONS.has(governor(ctx, m)) && !isPossessive(ctx.doc, m.tokenEnd) && !punctuationBetween(ctx.doc, te, m.tokenStart)) return m;
  return undefined;
}

/** A form of "be" before a participle: the verb is passive (findParticipants). */
const BE_FORM = /^(?:was|were|been|being|is|are|be)$/;
/** Verbs whose subject is the agent of the noun event they take ("Iran filed a lawsuit", "X held talks"). */
const LIGHT_VERB = /^(?:filed|held|hold|holds|had|has|have|signed|sign|launched|staged|conducted|made|gave|issued|took|take|began|opened|attended|attend|hosted|host|reached|announced|carried|completed|posted|reported|sent|published|released|delivered|wrote)$/;
/** Adverbs between an auxiliary "has" and its participle ("have repeatedly called", "have all welcomed"). */
const AUXILIARY_ADVERBS = new Set(['also', 'already', 'all', 'both', 'now', 'just', 'since', 'not', 'never', 'still', 'yet', 'jointly', 'once', 'again', 'even', 'always', 'long']);
/**
 * Participles of verbs of reaction: their subject comments on the event they take, it is no party to it
 * ("The UK has welcomed the decision", "Fans have hailed the conviction", "The Tories have called for an inquiry").
 * Not verbs that act on the event ("has extended the deal", "has widened losses", "had rejected a deal"): their
 * subject is a party; nor verbs of saying, whose source a pronoun may take up as a party ("Sony has said it wanted to
 * launch the PSP"; participants.ts reads reports).
 */
const REACTION_PARTICIPLES = new Set([
  'hailed', 'welcomed', 'praised', 'applauded', 'criticised', 'criticized', 'condemned', 'attacked', 'slammed', 'blasted', 'called',
  'urged', 'demanded', 'questioned', 'blamed', 'backed', 'supported', 'opposed', 'defended', 'dismissed', 'feared', 'lamented',
  'regretted', 'celebrated', 'mocked',
]);

/**
 * Whether the "has/have/had" at k is the auxiliary of a verb of reaction before the noun trigger at ts
 * ("have repeatedly called for the embargo", "has welcomed the decision"): then that verb, not "have", takes the noun,
 * and its subject is no party to the event.
 */
function auxiliaryOfReaction(ctx: ArgContext, k: number, ts: number): boolean {
  if (!/^(?:has|have|had)$/.test(lower(ctx, k))) return false;
  let j = k + 1;
  while (j < ts && (AUXILIARY_ADVERBS.has(lower(ctx, j)) || /ly$/.test(lower(ctx, j)))) j++;
  return j < ts && REACTION_PARTICIPLES.has(lower(ctx, j));
}

/** The first token (the relative pronoun) of the relative region token i is in. */
function relativeStart(relative: Int32Array, i: number): number {
  let k = i;
  while (k > 0 && relative[k - 1] === relative[i]) k--;
  return k;
}

/**
 * Whether the relative region token i is in interrupts its clause between commas ("Inbev, which makes Stella Artois,
 * said"): a comma right before its pronoun. A restrictive relative ("Countries which exceed the threshold are liable
 * …") is part of its noun phrase and reaches no resumed verb.
 */
export function interrupting(ctx: ArgContext, relative: Int32Array, i: number): boolean {
  const p = relativeStart(relative, i);
  return p > 0 && ctx.doc.tokens[p - 1]!.text === ',';
}

/** Auxiliaries and adverbs between a relative clause's closing comma and the verb that takes up after it. */
const TAKING_UP = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'been', 'being', 'be', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'does', 'did', 'do', 'also', 'not', 'now', 'then', 'since', 'already', 'just', 'finally', 'still']);

/**
 * Whether the verb at ts is the one that takes up the main clause right after a relative clause's closing comma
 * ("…, has died", "…, was later arrested"), not a verb further on ("…, said those found guilty would …").
 */
function takesUp(ctx: ArgContext, relative: Int32Array, ts: number): boolean {
  for (let k = ts - 1; k >= 0 && k >= ts - 4; k--) {
    if (relative[k]! > 0) return ctx.doc.tokens[k]!.text === ',';
    const w = ctx.lower[k]!;
    if (!TAKING_UP.has(w) && !/ly$/.test(w)) return false;
  }
  return false;
}

/**
 * The subject a verb with none in its own clause shares with the clause before it: a verb coordinated by "but" ("The
 * Scottish Executive considered options but agreed to a ban") and a verb right after a short ", as …," aside
 * ("Primerica, as expected, also acquired the assets"). Only auxiliaries and adverbs may stand between "but" or the
 * aside's closing comma and the verb; the subject is the name that opens the clause before (after its opener, an
 * adverbial up to a comma, articles and titles), so an object of the first verb is never taken ("The plan pleased
 * Smith but failed": no subject). `first` is the first token of the verb's clause.
 */
/** Adverbs of sequence between "but" and its verb ("but later agreed"). */
const LATER = new Set(['later', 'soon', 'again', 'eventually', 'instead', 'afterwards', 'subsequently']);
/** Clause openers after which a clause is a main clause or a complement, whose subject a "but" clause may share. */
const SHARING_OPENERS = new Set(['that', 'but']);
function sharedSubject(ctx: ArgContext, ts: number, first: number): { m: PlacedMention; why: string } | null {
  const toks = ctx.doc.tokens;
  let k = ts - 1;
  while (k >= first && k >= ts - 4 && (TAKING_UP.has(lower(ctx, k)) || LATER.has(lower(ctx, k)) || /ly$/.test(lower(ctx, k)))) k--;
  if (k < first || k <= 0) return null;
  let end: number; // the previous clause ends before this token
  let why: string;
  if (k === first && (lower(ctx, k) === 'but' || lower(ctx, k) === 'yet')) {
    end = k;
    why = `before "${toks[k]!.text}"`;
  } else if (toks[k]!.text === ',' && lower(ctx, first) === 'as' && toks[first - 1]?.text === ',' && k - first <= 5) {
    for (let j = first + 1; j < k; j++) if (/^[,;:]$/.test(toks[j]!.text)) return null;
    end = first - 1;
    why = 'before the aside ", as …,"';
  } else return null;
  if (end <= 0 || toks[end - 1]!.sentence !== toks[ts]!.sentence) return null;
  const prev = clauseFirst(ctx, end - 1);
  // "but" joins main clauses: a clause before it that a subordinator opens ("when Thatcher was riding high, but was
  // disappointed") is not the one whose subject the verb shares.
  if (CLAUSE_OPENERS.has(lower(ctx, prev)) && !SHARING_OPENERS.has(lower(ctx, prev))) return null;
  const m = openingSubject(ctx, prev, end);
  // In the aside case the name stands right before the aside's opening comma.
  if (!m || (why.startsWith('before the aside') && m.tokenEnd !== end)) return null;
  return { m, why };
}

/**
 * The name that opens the clause starting at token `first` as its subject, before token `end`: after the clause's
 * opener ("that", "but"…), an adverbial up to a comma ("Earlier, …", "On Friday, …"), articles and titles; a named
 * participant, no possessor ("Acme's shares"). Null when anything else comes first ("The plan pleased Smith").
 */
function openingSubject(ctx: ArgContext, first: number, end: number): PlacedMention | null {
  const toks = ctx.doc.tokens;
  const start = CLAUSE_OPENERS.has(lower(ctx, first)) ? first + 1 : first;
  let j = start;
  // An adverbial opening the clause, up to a comma within five tokens.
  if (j < end && ctx.byToken[j]! < 0 && !NOUN_PHRASE_WORDS.has(lower(ctx, j))) {
    let comma = -1;
    for (let x = j + 1; x < Math.min(end, j + 6); x++) if (toks[x]!.text === ',') { comma = x; break; }
    if (comma < 0) return null;
    j = comma + 1;
  }
  for (; j < end; j++) {
    const mi = ctx.byToken[j]!;
    if (mi >= 0) {
      const m = ctx.mentions[mi]!;
      return participantType(m.entity) && !isPossessive(ctx.doc, m.tokenEnd) && m.tokenEnd <= end ? m : null;
    }
    if (!NOUN_PHRASE_WORDS.has(lower(ctx, j))) return null;
  }
  return null;
}

/** Words between a possessed subject noun and its verb: auxiliaries ("were thrown out", "has risen"). */
const SUBJECT_AUX = new Set(['was', 'were', 'is', 'are', 'has', 'have', 'had', 'been', 'be', 'being']);
/** Lowercase words that cannot be part of a possessed subject noun phrase (clause words, pronouns, verbs of saying). */
const NOT_SUBJECT_NOUN = new Set<string>([...PREPOSITIONS, ...SUBJECT_AUX, 'and', 'or', 'but', 'nor', 'that', 'which', 'who', 'whom', 'whose', 'said', 'says', 'say', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'did', 'do', 'does', 'not', 'also', 'it', 'he', 'she', 'they', 'we', 'i', 'you']);

/** Words that end an apposition looked back over (a clause or a list, not a noun phrase). */
const RELATIVE_OR_CLAUSE = new Set<string>([...PREPOSITIONS, 'and', 'or', 'but', 'that', 'which', 'who', 'whose', 'said', 'says', 'is', 'was', 'are', 'were', 'has', 'had', 'have']);
/** First words of an apposition ("Coleco, a toy maker whose …", "Delta, the airline whose …"). */
const ARTICLES_BEFORE_APPOSITION = new Set(['a', 'an', 'the']);
/** Endings of nouns, never of a finite verb: the trigger is then the possessed noun itself ("Sony's entry"). */
const NOUN_ENDING = /(?:ion|ment|ance|ence|ure|ry|ity|ness|ship|sis|al)$/;
const PARTICIPLE = /(?:ed|en|wn|ing)$/;
const IRREGULAR_PARTICIPLES = new Set(['hit', 'held', 'sold', 'shot', 'struck', 'sent', 'made', 'met', 'won', 'lost', 'left', 'kept', 'put', 'set', 'cut', 'built', 'bought', 'brought', 'caught', 'fought', 'found', 'paid', 'led', 'run', 'begun', 'sunk', 'hung', 'spent', 'told', 'split', 'quit', 'shut', 'hurt', 'cast', 'read', 'won', 'bid']);
/**
 * Past participles in -en of verbs that take an object: after a form of "be" the verb is passive ("England were beaten by
 * Ireland": England is the patient). Not "been", nor intransitive "fallen", "risen".
 */
const EN_PARTICIPLES = new Set(['beaten', 'chosen', 'stolen', 'broken', 'driven', 'thrown', 'overthrown', 'shown', 'written', 'rewritten', 'withdrawn', 'overtaken', 'forgiven', 'drawn', 'sworn', 'shaken', 'bitten', 'eaten', 'hidden', 'frozen', 'forbidden', 'spoken', 'woken', 'ridden', 'undertaken', 'mistaken', 'blown', 'known']);
/** Words that only modify a noun: before the trigger, they make it the head of the possessed phrase ("Abba's first reunion"). */
const NOUN_PHRASE_MODIFIERS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'last', 'next', 'latest', 'new', 'recent', 'own', 'former', 'public', 'previous', 'only', 'final', 'biggest', 'largest', 'official', 'annual', 'early', 'late']);

/**
 * The name whose noun is the subject right before the verb at ts: "Apple's shares rose" (the name, 's, one to three
 * lowercase nouns, then auxiliaries or an -ly adverb at most) or a relative "whose" right after the name ("Coleco,
 * whose stock peaked"). Null otherwise.
 */
function possessorOfSubject(ctx: ArgContext, before: PlacedMention[], ts: number): PlacedMention | null {
  const { doc } = ctx;
  // The trigger must be the verb, not the head of the possessed phrase itself ("Sony's third entry", "Abba's first
  // public reunion"): no noun ending, and a participle after an auxiliary ("were thrown out", not "was online").
  const w = lower(ctx, ts);
  if (NOUN_ENDING.test(w)) return null;
  let k = ts - 1;
  while (k >= 0 && k >= ts - 3 && (SUBJECT_AUX.has(lower(ctx, k)) || /^\p{Ll}+ly$/u.test(doc.tokens[k]!.text))) k--;
  if (k < ts - 1 && SUBJECT_AUX.has(lower(ctx, ts - 1)) && !PARTICIPLE.test(w) && !IRREGULAR_PARTICIPLES.has(w)) return null;
  let nouns = 0;
  while (k >= 0 && nouns < 4 && /^\p{Ll}[\p{Ll}-]*$/u.test(doc.tokens[k]!.text) && !NOT_SUBJECT_NOUN.has(lower(ctx, k)) && ctx.clause[k] === ctx.clause[ts]) {
    if (NOUN_PHRASE_MODIFIERS.has(lower(ctx, k)) && k === ts - 1) return null;
    k--;
    nouns++;
  }
  if (nouns === 0 || nouns > 3 || k < 0) return null;
  if (lower(ctx, k) === 'whose') {
    // "Coleco, whose stock peaked": the name the relative hangs on (skipping a comma); or the name an apposition before
    // it stands for ("Coleco, a toy maker whose stock peaked": the apposition is the name).
    let j = k - 1;
    if (j >= 0 && ctx.byToken[j]! < 0 && doc.tokens[j]!.text !== ',') {
      let a = j;
      while (a > k - 10 && a > 0 && /^[\p{Ll}\p{N}][\p{L}\p{N}-]*$/u.test(doc.tokens[a]!.text) && !RELATIVE_OR_CLAUSE.has(lower(ctx, a))) a--;
      if (doc.tokens[a]!.text === ',' && ARTICLES_BEFORE_APPOSITION.has(lower(ctx, a + 1))) j = a;
    }
    if (j >= 0 && doc.tokens[j]!.text === ',') j--;
    const mi = j >= 0 ? ctx.byToken[j]! : -1;
    if (mi < 0) return null;
    const m = ctx.mentions[mi]!;
    return m.tokenEnd === j + 1 && participantType(m.entity) ? m : null;
  }
  if (!isPossessive(doc, k)) return null;
  const m = before[before.length - 1];
  if (!m || m.tokenEnd !== k || PREPOSITIONS.has(governor(ctx, m))) return null;
  return m;
}

/** Words between a subject and its verb, skipped when looking for the subject's head: auxiliaries, modals, negation, adverbs. */
const BEFORE_VERB = new Set<string>([...AUXILIARIES, ...SUBJECT_AUX, 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'cannot', 'shall', 'do', 'does', 'not', "n't", 'never', 'now', 'already', 'still', 'just', 'soon', 'later', 'once', 'again', 'even', 'only', 'first', 'ever', 'often', 'too', 'yet', 'alone', 'both', 'all', 'each', 'himself', 'herself', 'itself', 'themselves', 'yesterday', 'today', 'tomorrow', 'tonight']);
/** Words that open a noun phrase or a new clause: a subject noun after them is not part of a name before them. */
const PHRASE_OPENERS = new Set<string>([...ARTICLES, ...DEMONSTRATIVES, ...POSSESSIVE_DETERMINERS, ...QUANTIFIERS, 'and', 'or', 'but', ',', ';', 'that', 'which', 'who', 'whose', 'every', 'any', 'no']);
/** Lowercase words that are no head of a subject noun phrase. */
const NOT_HEAD = new Set<string>([...NOT_SUBJECT_NOUN, ...PHRASE_OPENERS, 'him', 'them', 'us', 'me']);
const POSSESSIVE_DETERMINER_SET = new Set<string>(POSSESSIVE_DETERMINERS);
/** Time nouns a demonstrative or "last"/"next" makes an adverbial ("Smith this week said"), not a subject. */
const TIME_NOUNS = new Set(['week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'summer', 'winter', 'spring', 'autumn', 'season', 'time']);

/**
 * Whether a common noun after the name m heads the subject of the verb at ts, so that m is not the subject: the word
 * before the verb (auxiliaries and adverbs skipped) is a lowercase noun whose phrase opens after m with a determiner or a
 * clause word ("…, and protesters demonstrated", "said the firm would"), or with a participle right after the name ("the
 * Porsche designed radio set will be launched": the name made the set). A name followed by nouns alone ("Microsoft
 * shares rose") modifies the subject and stays its party; a name coordinated with it ("Smith and his wife divorced") too.
 */
function commonNounSubject(ctx: ArgContext, m: PlacedMention, ts: number): boolean {
  const { doc } = ctx;
  let k = ts - 1;
  while (k >= m.tokenEnd && (BEFORE_VERB.has(lower(ctx, k)) || /^\p{Ll}+ly$/u.test(doc.tokens[k]!.text))) k--;
  // "Smith this week said": a time adverbial, not a subject.
  if (k > m.tokenEnd && TIME_NOUNS.has(lower(ctx, k)) && /^(?:this|last|next|that)$/.test(lower(ctx, k - 1))) return false;
  if (k < m.tokenEnd || !/^\p{Ll}[\p{Ll}-]*$/u.test(doc.tokens[k]!.text) || NOT_HEAD.has(lower(ctx, k))) return false;
  // A word right before a trigger that is no past form may be the trigger's own modifier ("his acting debut", "the
  // terrorist attacks"): the trigger is then a noun, its modifiers no subject.
  if (k === ts - 1 && !/ed$/.test(lower(ctx, ts)) && !IRREGULAR_PAST.has(lower(ctx, ts))) return false;
  // "the favourite having won": a participial clause shares the subject of the main clause, its noun is a predicate.
  if (k === ts - 1 && /^(?:having|being)$/.test(lower(ctx, k))) return false;
  // Back over the subject's noun phrase: lowercase words, numbers and unrecognised capitalised words ("P7131").
  let j = k - 1;
  while (j >= m.tokenEnd && ctx.byToken[j] === -1 && !PHRASE_OPENERS.has(lower(ctx, j)) && /^[\p{L}\p{N}][\p{L}\p{N}-]*$/u.test(doc.tokens[j]!.text)) j--;
  if (j < m.tokenEnd) {
    // The phrase runs back to the name: "Microsoft shares rose" (the name modifies the subject) unless a participle
    // follows the name ("Porsche designed radio set": the name is the participle's agent).
    const w = lower(ctx, m.tokenEnd);
    return m.tokenEnd < k && /^\p{Ll}/u.test(doc.tokens[m.tokenEnd]!.text) && /(?:ed|ing)$/.test(w) && w.length > 4;
  }
  if (!PHRASE_OPENERS.has(lower(ctx, j))) return false;
  // "its index dropped": the pronoun may take the name up (the possessor of the subject is a party, as for "Apple's").
  if (POSSESSIVE_DETERMINER_SET.has(lower(ctx, j))) return false;
  // An apposition: "Bondi, the specialist appointed", "Milburn - the man appointed": the noun is the name.
  if (j === m.tokenEnd + 1 && /^[,(–—-]$/.test(doc.tokens[m.tokenEnd]!.text)) return false;
  // "Smith and his wife divorced", "Smith and colleagues said": the name is one of the subjects.
  const coordinated = (i: number) => (lower(ctx, i) === 'and' || lower(ctx, i) === 'or') && i === m.tokenEnd;
  if (coordinated(j) || (j > m.tokenEnd && coordinated(j - 1) && !/^[,;]$/.test(lower(ctx, j)))) return false;
  return true;
}

/** Nouns in -ing that may govern a name without being a participle ("Tuesday morning Smith said", "the meeting Smith called"). */
const ING_NOUNS = new Set(['morning', 'evening', 'meeting', 'building', 'wedding', 'hearing', 'briefing', 'ruling', 'funding', 'spring', 'king', 'thing', 'ring', 'string', 'opening', 'offering', 'ceiling', 'during', 'something', 'nothing', 'anything', 'everything']);

/**
 * Whether the name m is the object of a participle that modifies a noun before it ("the drama starring Audrey Tautou",
 * "a film featuring Smith"): the participle's object is no subject of a later verb.
 */
function objectOfParticiple(ctx: ArgContext, m: PlacedMention): boolean {
  const k = m.tokenStart - 1;
  const w = lower(ctx, k);
  if (k < 1 || !/^\p{Ll}+ing$/u.test(ctx.doc.tokens[k]!.text) || w.length < 6 || ING_NOUNS.has(w)) return false;
  // The participle modifies a lowercase noun right before it ("drama starring"), not a determiner ("the meeting").
  const noun = ctx.doc.tokens[k - 1]!.text;
  return /^\p{Ll}[\p{Ll}-]*$/u.test(noun) && !NOT_HEAD.has(lower(ctx, k - 1)) && !BEFORE_VERB.has(lower(ctx, k - 1));
}

/** Lowercase words after "to" that start a noun phrase, not a verb ("to one between…", "to them", "to some"). */
const NOT_A_VERB = new Set<string>([...NOUN_PHRASE_WORDS, ...DEMONSTRATIVES, ...POSSESSIVE_DETERMINERS, ...QUANTIFIERS, 'him', 'them', 'us', 'me', 'it', 'each', 'every', 'both', 'any', 'more', 'less', 'about', 'around', 'date', 'power', 'office', 'court', 'prison', 'jail', 'school', 'hospital', 'work', 'market']);

/** The first infinitival "to" ("to fly", "to buy") in tokens [from, to) of the clause, or Infinity. */
function infinitiveAfter(ctx: ArgContext, from: number, to: number): number {
  const toks = ctx.doc.tokens;
  for (let k = from; k < to - 1 && k + 1 < toks.length && ctx.clause[k] === ctx.clause[from - 1]; k++) {
    if (lower(ctx, k) !== 'to') continue;
    const next = toks[k + 1]!.text;
    // A verb after "to" is lowercase and no article, possessive, number or name ("to the Kremlin", "to Iran", "to 2%").
    if (/^\p{Ll}+$/u.test(next) && !NOT_A_VERB.has(next) && ctx.byToken[k + 1] === -1) return k;
  }
  return Infinity;
}

function punctuationBetween(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (/^[,;:()]$/.test(doc.tokens[k]!.text)) return true;
  return false;
}

function clauseFirst(ctx: ArgContext, i: number): number {
  let k = i;
  while (k > 0 && k > i - CLAUSE_REACH && ctx.clause[k - 1] === ctx.clause[i]) k--;
  return k;
}

/** The person mention nearest before token k, in its sentence or the previous one. */
function nearestPersonBefore(ctx: ArgContext, k: number): PlacedMention | null {
  const sentence = ctx.doc.tokens[k]!.sentence;
  // The last person token before k, from a prefix table: a backward scan per pronoun was
  // quadratic in one huge sentence (hostile single-line texts).
  const j = (ctx.personBefore ??= personTokensBefore(ctx))[k]!;
  return j >= 0 && ctx.doc.tokens[j]!.sentence >= sentence - 1 ? ctx.mentions[ctx.byToken[j]!]! : null;
}

/** For each token k, the largest j < k whose mention is a person (-1 if none). */
function personTokensBefore(ctx: ArgContext): Int32Array {
  const n = ctx.doc.tokens.length;
  const out = ctx.arena ? ctx.arena.int32(n + 1) : new Int32Array(n + 1);
  let last = -1;
  for (let k = 0; k <= n; k++) {
    out[k] = last;
    const mi = k < n ? ctx.byToken[k]! : -1;
    if (mi >= 0 && ctx.mentions[mi]!.entity.type === 'PERSON') last = k;
  }
  return out;
}

/** A place governed by "in"/"at"/"near" in the clause, nearest to the trigger; or a place name modifying a noun trigger ("the Ashgabat meeting"). */
export function findLocation(ctx: ArgContext, ts: number, te: number, pos: 'verb' | 'noun', visit: boolean): ArgumentChoice<Entity> | null {
  const { doc } = ctx;
  if (pos === 'noun') {
    const k = ts - 1;
    const mi = ctx.byToken[k] ?? -1;
    if (mi >= 0 && ctx.mentions[mi]!.entity.type === 'LOCATION' && ctx.mentions[mi]!.tokenEnd === ts) {
      const m = ctx.mentions[mi]!;
      return { value: m.entity, why: `place modifying the noun: "${doc.text.slice(m.start, m.end)}"` };
    }
  }
  let best: { m: PlacedMention; dist: number; g: string } | null = null;
  // A place inside a relative clause between commas is where its own verb happened, not the main clause's, and the
  // other way round ("Smith, who grew up in Leeds, has died").
  const relative = (ctx.relative ??= relativeRegions(ctx.doc, ctx.arena?.int32(ctx.doc.tokens.length)));
  for (const m of clauseMentions(ctx, ts, 20)) {
    if (m.entity.type !== 'LOCATION') continue;
    if (relative[m.tokenStart] !== relative[ts] && interrupting(ctx, relative, relative[m.tokenStart] ? m.tokenStart : ts)) continue;
    if (isPossessive(doc, m.tokenEnd)) continue;
    const g = governor(ctx, m);
    const locative = LOCATIVE.has(g) || (visit && (g === 'to' || (pos === 'verb' && m.tokenStart === te)));
    if (!locative) continue;
    const dist = m.tokenStart >= te ? m.tokenStart - te : ts - m.tokenEnd + 0.5;
    if (!best || dist < best.dist) best = { m, dist, g };
  }
  if (!best) return null;
  return { value: best.m.entity, why: `"${best.g} ${doc.text.slice(best.m.start, best.m.end)}" in the same clause` };
}

/** The dated time expression of the clause nearest to the trigger (durations, sets and undated references do not date an event). */
/**
 * Modals right after a time expression that make it their subject ("2005 should be the year", "2005 will see"): a
 * time talked about, not when anything happened. (Not "was": "1983 was when I was elected" dates the election.)
 */
const SUBJECT_MODALS = new Set(['will', 'would', 'should', 'could', 'may', 'might', 'must', 'can', 'shall']);

/**
 * Why time expression t is no time of the event at tokens [ts, te), or null when it may be one. After "than",
 * "compared with/to", or "since" after a superlative or an ordinal, it is a baseline, not when the event happened
 * ("rose to their highest level since August 2002", "won her first Grand Slam title since 2003", "a loss of $761m,
 * lower than 2003's", "up 10% compared to 2003"), unless it modifies the trigger itself ("since the 11 September
 * 2001 attacks" dates the attacks) or the event is in a when-clause after it ("since 2001 when she lost in the
 * final" dates the loss).
 */
export function notEventTime(ctx: ArgContext, t: TimeExpression, ts: number): string | null {
  // A year right after a capitalised name belongs to the name ("WWDC 2010", "Euro 2004", "Transport 2000"), not the
  // clause: for the clause rule and the learned anchor alike. The capital must not open the sentence ("Well 1981 was
  // to be the year", after a colon or a quotation mark).
  const toks = ctx.doc.tokens;
  const prev = toks[t.tokenStart - 1];
  if (prev && /^\d{4}$/.test(ctx.doc.text.slice(t.start, t.end)) && /^\p{Lu}/u.test(prev.text) && !PREPOSITIONS.has(prev.text.toLowerCase()) && toks[t.tokenStart - 2]?.sentence === toks[t.tokenStart]!.sentence && /^[\p{L}\p{N}]/u.test(toks[t.tokenStart - 2]!.text)) {
    return `${quoted(ctx, t)} is part of the name "${prev.text} ${ctx.doc.text.slice(t.start, t.end)}"`;
  }
  // "X, who led the 1981 inquiry, has died", "The demand - filed in 1999 - was rejected": a time inside an aside
  // dates nothing outside it, and one outside it nothing inside.
  const asides = (ctx.asides ??= asideRegions(ctx.doc, ctx.arena?.int32(ctx.doc.tokens.length)));
  if (asides[t.tokenStart] !== asides[ts]) return `${quoted(ctx, t)} is ${asides[ts] ? 'outside' : 'inside'} an aside (a relative clause between commas, dashes or brackets)`;
  if (t.tokenEnd === ts) return null;
  // "said 2005 should be the year": a time that is the subject of a modal is what the clause talks about.
  if (SUBJECT_MODALS.has(ctx.lower[t.tokenEnd] ?? '') && ctx.clause[t.tokenEnd] === ctx.clause[t.tokenStart] && !PREPOSITIONS.has(ctx.lower[t.tokenStart - 1] ?? '') && !PREPOSITIONS.has(ctx.lower[t.tokenStart] ?? '')) {
    return `${quoted(ctx, t)} is the subject of the modal "${ctx.lower[t.tokenEnd]}"`;
  }
  const modified = yearModifies(ctx, t, ts);
  if (modified) return modified;
  const offset = offsetBefore(ctx, ts);
  if (offset >= 0 && t.tokenStart < offset) return `the event is "${ctx.lower[offset - 1]} ${ctx.lower[offset]}" ${quoted(ctx, t)}: an offset, not its date`;
  // "presented on 17 March 2003 - just before a crucial Commons vote": a day dates what the before/after phrase hangs
  // on; the event inside the phrase happened on another day. (A coarser time may hold both: "entered Downing Street in
  // 1976 after the resignation of Harold Wilson".)
  const sequence = offset >= 0 ? offset : t.from !== null && t.from === t.to ? sequenceWordBefore(ctx, ts) : -1;
  if (sequence >= 0 && t.tokenEnd <= sequence) return `the event is in the phrase "${ctx.lower[sequence]} …" after ${quoted(ctx, t)}: another time`;
  const when = ctx.lower[t.tokenEnd] === ',' ? t.tokenEnd + 1 : t.tokenEnd;
  if (ctx.lower[when] === 'when' && ts > when && ctx.clause[ts] === ctx.clause[when]) return null;
  const before = ctx.lower[t.tokenStart - 1] ?? '';
  if (before === 'than') return `"than" ${quoted(ctx, t)} is a baseline`;
  // "rose faster than in 2004", "a quick count, unlike in 2000", "an increase of 64% on 2003": a baseline too.
  if (before === 'unlike' || (before === 'in' && (ctx.lower[t.tokenStart - 2] === 'than' || ctx.lower[t.tokenStart - 2] === 'unlike'))) return `"${ctx.lower[t.tokenStart - 2] === 'than' ? 'than' : 'unlike'}" ${quoted(ctx, t)} is a baseline`;
  if (before === 'on' && /^(?:%|\d[\d.,]*%|cent|percent)$/.test(ctx.lower[t.tokenStart - 2] ?? '')) return `an amount "on" ${quoted(ctx, t)} is a baseline`;
  // "up 27% from the same 2004 period", "rose 5% from 2003": a change measured from that time, which is its baseline.
  let from = t.tokenStart - 1;
  while (from > t.tokenStart - 3 && BASELINE_DETERMINERS.has(ctx.lower[from] ?? '')) from--;
  if (ctx.lower[from] === 'from' && /^(?:%|\d[\d.,]*%|cent|percent)$/.test(ctx.lower[from - 1] ?? '')) return `a change "from" ${quoted(ctx, t)} is measured from a baseline`;
  // "since" after a superlative or an ordinal measures a record against that time ("their highest level since August
  // 2002", "her first Grand Slam title since 2003"); after a verb alone it is the start of what goes on ("has
  // represented the constituency since 1997"), as TimeML anchors it (BEGUN_BY).
  if (before === 'since') {
    for (let k = t.tokenStart - 2; k >= t.tokenStart - 7 && k >= 0 && ctx.clause[k] === ctx.clause[ts]; k--) {
      if (RECORD_WORDS.has(ctx.lower[k]!) || /^[a-z]{3,}est$/.test(ctx.lower[k]!) && !NOT_SUPERLATIVE.has(ctx.lower[k]!)) return `"since" ${quoted(ctx, t)} after "${ctx.lower[k]}" is a baseline`;
    }
    return null;
  }
  // "signed a new contract to stay until May 2008", "delayed until 2006": the end of a span, not the event's date —
  // but "not … until 2006", "unlikely to be held until 2006" date the event itself.
  if (before === 'until' || before === 'till') {
    for (let k = t.tokenStart - 2; k >= t.tokenStart - 10 && k >= 0 && ctx.clause[k] === ctx.clause[t.tokenStart]; k--) {
      if (NOT_UNTIL.has(ctx.lower[k]!)) return null;
    }
    return `"${before}" ${quoted(ctx, t)} ends a span, not the event's date`;
  }
  if ((before === 'with' || before === 'to') && ctx.lower[t.tokenStart - 2] === 'compared') return `"compared ${before}" ${quoted(ctx, t)} is a baseline`;
  // "to 25% from 20% last year", "up from $2.89bn in 2003": the time of the amount a change is measured from.
  let k = t.tokenStart - 1;
  if (ctx.lower[k] === 'in') k--;
  let amount = false;
  for (; k >= t.tokenStart - 10 && k >= 0 && ctx.clause[k] === ctx.clause[t.tokenStart] && AMOUNT_TOKEN.test(ctx.lower[k]!); k--) amount ||= /\d/.test(ctx.lower[k]!);
  if (amount && ctx.lower[k] === 'from' && k > ts) return `"from" an amount ${quoted(ctx, t)} is a baseline`;
  return null;
}
/** Nouns of a title won or held: "the 2000 Olympic champion" says when the title was won, not when the clause happened. */
const TITLE_NOUNS = new Set(['champion', 'champions', 'winner', 'winners', 'runner-up', 'runners-up', 'finalist', 'finalists', 'medallist', 'medallists', 'medalist', 'medalists', 'holder', 'holders', 'titleholder']);
/**
 * Prepositions before a noun phrase a year modifies that make it a purpose, an origin or a baseline, not the time
 * of the clause: "bid for the 2012 Games", "the decision … for the 2005 season", "up 27% from its 2003
 * performance", "recalling sedans from the 2004 model year", "fewer viewers than its 2002 series".
 */
const NOT_AT_NOUN = new Set(['for', 'from', 'than']);
/** Words that end the noun phrase a year opens. */
const PHRASE_END = new Set(['and', 'or', 'but', 'is', 'was', 'were', 'are', 'has', 'have', 'had', 'the', 'a', 'an', 'that', 'which', 'who', 'when']);

/**
 * Why a year that opens a noun phrase after a determiner ("the 2000 Olympic champion", "for the 2005 season") is no
 * time of the event at ts, or null. Kept as a rule, being right in English news: a year in a title names when it
 * was won ("Kenteris, the 2000 Olympic 200m champion, missed the hearing"), and a year in a phrase after
 * "for", "from" or "than" is a purpose, an origin or a baseline. The year still dates an event its own phrase
 * names ("for her 2004 world tour", "the 2003 winner" when "winner" is the trigger).
 */
function yearModifies(ctx: ArgContext, t: TimeExpression, ts: number): string | null {
  const text = ctx.doc.text.slice(t.start, t.end);
  if (!/^\d{4}s?$/.test(text) || !NOUN_DETERMINERS.has(ctx.lower[t.tokenStart - 1] ?? '')) return null;
  const toks = ctx.doc.tokens;
  const sentence = toks[t.tokenStart]!.sentence;
  const governor = ctx.lower[t.tokenStart - 2] ?? '';
  for (let k = t.tokenEnd; k < t.tokenEnd + 4 && toks[k]?.sentence === sentence; k++) {
    const w = ctx.lower[k]!;
    if (k === ts) return null;
    if (!/^[\p{L}\d][\p{L}\d'’-]*$/u.test(w) || PREPOSITIONS.has(w) || PHRASE_END.has(w)) break;
    if (TITLE_NOUNS.has(w)) return `${quoted(ctx, t)} modifies the title "${toks[k]!.text}"`;
  }
  if (NOT_AT_NOUN.has(governor)) return `"${governor} ${ctx.lower[t.tokenStart - 1]} ${text}" is a purpose, origin or baseline, not the event's date`;
  return null;
}

/** Prepositions that make a noun phrase a year modifies the time of the clause: "during the 1994 genocide", "at the 2004 awards". */
const TIME_GOVERNORS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'since', 'until', 'till', 'by', 'throughout', 'following', 'ahead', 'amid', 'through', 'within']);

/**
 * Why a year that premodifies a noun ("the classic 1982 film", "a study of the 1993 floods", "the 2004 rule change")
 * is no time of the event at ts, or null. The year says when the noun's thing was (made, held, set); it dates the
 * clause's verb only when its noun phrase is the object of a time preposition ("during the 1994 genocide", "at the
 * 2004 awards", "after the 2001 election") or the noun is the event itself ("his 2003 return"). Kept as a rule,
 * being right in English news generally.
 */
export function yearPremodifier(ctx: ArgContext, t: TimeExpression, ts: number): string | null {
  const toks = ctx.doc.tokens;
  if (!/^\d{4}s?$/.test(toks[t.tokenEnd - 1]?.text ?? '')) return null;
  const sentence = toks[t.tokenStart]!.sentence;
  const next = toks[t.tokenEnd];
  if (!next || next.sentence !== sentence || !/^\p{L}[\p{L}'’-]*$/u.test(next.text)) return null;
  const w = ctx.lower[t.tokenEnd]!;
  if (PREPOSITIONS.has(w) || PHRASE_END.has(w) || CLAUSE_OPENERS.has(w) || NOT_PREMODIFIED.has(w) || /(?:ing|ly|ed)$/.test(w)) return null;
  // The noun phrase runs from the year to its head within four words; the trigger in it is its own event.
  let end = t.tokenEnd;
  for (; end < t.tokenEnd + 4 && toks[end]?.sentence === sentence; end++) {
    if (end === ts) return null;
    if (!/^[\p{L}\d][\p{L}\d'’-]*$/u.test(ctx.lower[end]!) || PREPOSITIONS.has(ctx.lower[end]!) || PHRASE_END.has(ctx.lower[end]!)) break;
  }
  // "a repeat of the 1976 final, when Saints won": the when-clause is dated by the phrase's year.
  const when = ctx.lower[end] === ',' ? end + 1 : end;
  if (ctx.lower[when] === 'when' && ts > when) return null;
  // Back from the year over determiners, adjectives and a coordinated year ("the 2002 and 2004 finals") to what
  // governs the phrase: a time preposition dates the clause; anything else (a verb, "of", "for", the sentence start) does not.
  let k = t.tokenStart - 1;
  for (; k >= 0 && k >= t.tokenStart - 5 && toks[k]!.sentence === sentence; k--) {
    if (k === ts) break;
    const v = ctx.lower[k]!;
    if (PREPOSITIONS.has(v) || CLAUSE_OPENERS.has(v) || !/^[\p{L}\d'’]/u.test(v)) break;
    if (!(NOUN_DETERMINERS.has(v) || /^\d{4}s?$/.test(v) || v === 'and' || /^\p{Lu}/u.test(toks[k]!.text) || /^[a-z]+$/.test(v) && !VERBISH.test(v))) break;
  }
  // A compound time preposition: "ahead of", "in the wake of", "prior to", "in the run-up to".
  if (k >= 1 && (ctx.lower[k] === 'of' || ctx.lower[k] === 'to') && COMPOUND_TIME.has(ctx.lower[k - 1]!)) return null;
  // The trigger itself governs it ("attended the 2005 awards", "won the 2004 final"): the time of its own object.
  if (k === ts || (k >= 0 && toks[k]!.sentence === sentence && TIME_GOVERNORS.has(ctx.lower[k]!))) return null;
  return `${quoted(ctx, t)} premodifies the noun "${next.text}": the time of that thing, not of the clause`;
}
/**
 * Why a year alone that premodifies a common noun ("Leigh's 1950s drama", "the classic 1982 film", "its 2004 dividend")
 * is no time of the typed event at ts, or null: `yearPremodifier` for the lexicon's events. Narrower than for OTHER
 * events: not a year inside a longer time ("the fourth quarter of 2004"), nor one before a name, which is often the
 * event's own edition ("the 2005 Consumer Electronics Show", "Woodward's 2005 Lions on their tour").
 */
export function yearOfAThing(ctx: ArgContext, t: TimeExpression, ts: number): string | null {
  if (t.tokenEnd !== t.tokenStart + 1) return null;
  const next = ctx.doc.tokens[t.tokenEnd];
  if (!next || /^\p{Lu}\p{Ll}/u.test(next.text)) return null;
  return yearPremodifier(ctx, t, ts);
}
/** Words after a year that are no noun it premodifies. */
const NOT_PREMODIFIED = new Set(['as', 'so', 'too', 'also', 'then', 'onwards', 'alone', 'only', 'still', 'again', 'ago', 'is', 'be', 'been', 'being', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'did', 'do', 'does', 'saw', 'marked']);
/** Words before "of"/"to" that make a time preposition of them: "ahead of", "in the wake of", "prior to", "the run-up to". */
const COMPOUND_TIME = new Set(['ahead', 'wake', 'prior', 'run-up', 'up', 'eve', 'end', 'start', 'beginning', 'middle', 'course', 'time']);
/** Word forms that are verbs more often than adjectives before a year: a walk back stops at them. */
const VERBISH = /(?:ed|es)$/;

/** Words between "from" and a baseline time: "from the same 2004 period", "from its 2003 level". */
const BASELINE_DETERMINERS = new Set(['the', 'same', 'its', 'their', 'a']);

/**
 * Tokens of an amount ("$2.89bn", "20%", "38m euros", "1.5 million", "just over 5%", "an estimated 50,000", "a peak
 * of about 400,000 tonnes a year").
 */
const AMOUNT_TOKEN = /^(?:[$€£¥]?\d[\d.,]*(?:bn|m|k|%)?|[$€£¥%():;]|bn|m|million|billion|per|cent|percent|euros?|dollars?|pounds?|yen|points?|pence|cents?|a|an|share|just|over|under|about|around|almost|nearly|roughly|some|estimated|of|peak|high|low|record|level|tonnes|barrels|year)$/;

/** Words that make "until" the time an event happens: "not expected to start until 2006", "unlikely … until". */
const NOT_UNTIL = new Set(['not', "n't", 'never', 'unlikely', 'no']);

/** Units of a duration that measures how long after or before something an event was ("27 years after his death"). */
const OFFSET_UNITS = new Set(['minutes', 'hours', 'hour', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades']);
/** Words before a unit that make it a date ("last week after …"), not a duration. */
const NOT_DURATION = new Set(['last', 'this', 'next', 'past', 'coming', 'recent', 'the', 'same', 'that', 'previous', 'following', 'earlier', 'later']);

/**
 * The token of "after"/"before" when the event at ts is what a duration is measured from: the phrase or clause
 * that word opens, up to punctuation, holds it ("on Sunday, 27 years after his death", "in 2002, a month before he
 * died", "hours before the rapper was killed in a drive-by shooting"), else -1. A time before that word dates the clause the offset hangs on, not the event;
 * one after it may be the event's own ("weeks after it made its bankruptcy application on 14 December").
 */
/** The token of "after"/"before" that opens the phrase or clause holding the event at ts (up to punctuation), else -1. */
function sequenceWordBefore(ctx: ArgContext, ts: number): number {
  const toks = ctx.doc.tokens;
  const sentence = toks[ts]!.sentence;
  for (let k = ts - 1; k >= 1 && k >= ts - 12 && toks[k]!.sentence === sentence; k--) {
    const w = ctx.lower[k]!;
    if (w === 'after' || w === 'before') return k;
    if (!/^[\p{L}\p{N}'’]/u.test(w)) return -1; // punctuation, a spaced dash included, ends the phrase
  }
  return -1;
}

function offsetBefore(ctx: ArgContext, ts: number): number {
  const toks = ctx.doc.tokens;
  const sentence = toks[ts]!.sentence;
  for (let k = ts - 1; k >= 2 && k >= ts - 12 && toks[k]!.sentence === sentence; k--) {
    const w = ctx.lower[k]!;
    if (w === 'after' || w === 'before') {
      return OFFSET_UNITS.has(ctx.lower[k - 1]!) && !NOT_DURATION.has(ctx.lower[k - 2]!) ? k : -1;
    }
    if (!/^[\p{L}\p{N}'’-]/u.test(w)) return -1;
  }
  return -1;
}

/** Words that make a "since" a record's baseline, besides superlatives in -est. */
const RECORD_WORDS = new Set(['best', 'worst', 'most', 'least', 'first', 'second', 'third', 'fourth', 'fifth', 'only', 'record']);
/** Words in -est that are no superlatives. */
const NOT_SUPERLATIVE = new Set(['interest', 'interests', 'request', 'protest', 'contest', 'harvest', 'forest', 'invest', 'suggest', 'arrest', 'digest', 'honest', 'modest', 'manifest', 'test', 'west', 'rest', 'guest', 'quest', 'nest', 'chest', 'pest', 'crest', 'vest', 'latest']);

/** Words before a year that make it modify the noun after it ("the 2000 Olympics", "his 1943 film"). */
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', "'s", '’s', "'", '’']);

/**
 * Why time expression t is no time of the reporting event at tokens [ts, te) ("said", "warned", "told a news
 * conference"), or null when it may be one. A statement is dated by an adverbial of its own ("said on Sunday",
 * "In January 2004, Shell told …", "The unit in 2003 said …"), not by
 * - a bare year right after the verb, the subject of what was said ("said 2005 should be the year", "said 2004 net
 *   income was affected");
 * - a year that modifies a noun other than the trigger ("the 2003 champion claimed", "who won five medals at the
 *   2000 Olympics, denies", "who starred in Hughes' 1943 film, said");
 * - a time of the clause before a postposed attribution ("… could rise by £130m by 2022, the report warned.",
 *   "… a revenue shortfall during 2005, the chairman told a news conference."), unless all before its comma is the
 *   time phrase ("On Sunday, the spokesman repeated.").
 */
export function notStatementTime(ctx: ArgContext, t: TimeExpression, ts: number, te: number): string | null {
  const toks = ctx.doc.tokens;
  const text = ctx.doc.text.slice(t.start, t.end);
  if (t.tokenStart === te && /^\d{4}$/.test(text)) return `${quoted(ctx, t)} right after the verb is the subject of what was said`;
  const year = /^(?:the\s+)?\d{4}s?$/i.exec(text);
  const next = toks[t.tokenEnd];
  if (year && t.tokenEnd !== ts && next && next.sentence === toks[t.tokenStart]!.sentence && /^\p{L}/u.test(next.text) && (/^the\s/i.test(text) || NOUN_DETERMINERS.has(ctx.lower[t.tokenStart - 1] ?? ''))) {
    return `${quoted(ctx, t)} modifies "${next.text}"`;
  }
  // An inverted attribution after what was said ('2004 was a "stellar year" said Roger Bennett', '…," said the
  // minister'): the verb right after a closing mark or a comma, its subject right after it — what comes before is
  // the content.
  if (t.tokenEnd < ts && INVERSION_BEFORE.has(ctx.lower[ts - 1]!) && te < toks.length && toks[te]!.sentence === toks[ts]!.sentence) {
    const m = ctx.byToken[te]!;
    if ((m >= 0 && ctx.mentions[m]!.tokenStart === te) || ARTICLE_SET.has(ctx.lower[te]!)) return `${quoted(ctx, t)} is in what was said before the inverted attribution`;
  }
  if (t.tokenEnd <= ts) {
    const s = ctx.doc.sentences[toks[ts]!.sentence]!;
    let last = true; // nothing but punctuation after the trigger: "…, the report warned."
    for (let k = te; k < s.tokenEnd && last; k++) last = !/^[\p{L}\p{N}]/u.test(toks[k]!.text);
    if (last) {
      let comma = ts - 1;
      while (comma > s.tokenStart && comma > ts - 16 && ctx.lower[comma] !== ',' && ctx.lower[comma] !== 'that') comma--;
      if (ctx.lower[comma] === ',' && t.tokenEnd <= comma) {
        const lead = t.tokenStart === s.tokenStart || (t.tokenStart === s.tokenStart + 1 && PREPOSITIONS.has(ctx.lower[s.tokenStart]!));
        if (!(lead && t.tokenEnd === comma)) return `${quoted(ctx, t)} is in what was said before the attribution`;
      }
    }
  }
  return null;
}

/** What stands right before an inverted verb of saying: the closing mark or the comma after what was said. */
const INVERSION_BEFORE = new Set(['"', '”', "'", '’', ',']);
const ARTICLE_SET: ReadonlySet<string> = new Set(ARTICLES);

const quoted = (ctx: ArgContext, t: TimeExpression) => `"${ctx.doc.text.slice(t.start, t.end)}"`;

export function findDate(
  ctx: ArgContext,
  times: readonly TimeExpression[],
  timeTokens: Int32Array,
  ts: number,
  te: number,
  /** How far after the trigger a time expression may be (reporting verbs: only "said on Sunday", not dates of what was said). */
  maxAfter = 40,
  /** A reporting event: dated only by an adverbial of its own (notStatementTime). */
  statement = false,
): ArgumentChoice<TimeExpression> | null {
  const c = ctx.clause[ts]!;
  let best: { t: TimeExpression; dist: number } | null = null;
  for (let k = Math.max(0, ts - 40); k < Math.min(ctx.doc.tokens.length, te + maxAfter); k++) {
    if (ctx.clause[k] !== c) continue;
    const ti = timeTokens[k]!;
    if (ti < 0) continue;
    const t = times[ti]!;
    if (!t.from || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
    // A possessive time ("this year's conference") modifies a noun; it does not date the clause — but it does date
    // that noun when the noun is the trigger ("last month's shooting death", "Tomorrow's vote").
    if (isPossessive(ctx.doc, t.tokenEnd) && !possessiveTimeOf(ctx, t, ts)) continue;
    if (notEventTime(ctx, t, ts) || yearOfAThing(ctx, t, ts) || (statement && notStatementTime(ctx, t, ts, te))) continue;
    const dist = k >= te ? k - te : ts - k;
    if (!best || dist < best.dist) best = { t, dist };
  }
  if (!best) {
    // "…in 2008, when the company posted a loss": a when-clause takes the time it hangs on.
    const first = clauseFirst(ctx, ts);
    if (lower(ctx, first) === 'when') {
      let k = first - 1;
      if (ctx.doc.tokens[k]?.text === ',') k--;
      const ti = k >= 0 ? timeTokens[k]! : -1;
      const t = ti >= 0 ? times[ti]! : null;
      if (t?.from && (t.type === 'DATE' || t.type === 'TIME')) return { value: t, why: `${t.id} "${ctx.doc.text.slice(t.start, t.end)}" that the when-clause hangs on` };
    }
    return null;
  }
  return { value: best.t, why: `${best.t.id} "${ctx.doc.text.slice(best.t.start, best.t.end)}" same clause` };
}

const namedCache = new WeakMap<readonly Entity[], Map<string, Entity>>();
/**
 * The article's non-place entities by each of their names and aliases (the first entity in
 * entity order for a name two share), built once per document: a look-up per capitalised
 * modifier instead of a scan of every entity (quadratic on long texts).
 */
function namedElsewhere(doc: Doc): Map<string, Entity> {
  let byName = namedCache.get(doc.entities);
  if (!byName) {
    byName = new Map();
    for (const e of doc.entities) {
      if (e.type === 'LOCATION') continue;
      for (const n of [e.name, ...e.aliases]) if (!byName.has(n)) byName.set(n, e);
    }
    namedCache.set(doc.entities, byName);
  }
  return byName;
}
