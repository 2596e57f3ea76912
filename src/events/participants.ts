/**
 * Learned participant roles (issue 12, point 4): for an event trigger and each
 * named entity mention near it in its sentence, an averaged perceptron trained
 * on MEANTIME's HAS_PARTICIPANT links (PropBank roles) says whether the mention
 * is the event's agent (Arg0), patient (Arg1), location (Argm-LOC), another
 * participant (Arg2–4, Argm-OTHER) or none. Features read only tokens around
 * the pair (side, distance, clause, the word governing the mention, commas,
 * names and verb-like words between, the entity type, the trigger's word and
 * lexicon type); every id is an integer mix of precomputed hashes, and only the
 * few candidate mentions of kept triggers are scored.
 */
import { hashString, mix, mixS } from '../entities/hash.js';
import type { DocEntity } from '../text/doc.js';
import { governor, interrupting, LOCATIVE, participantType, type ArgContext, type PlacedMention } from './arguments.js';
import type { LinearModel } from './learned/linear-model.js';
import { relativeRegions } from './clauses.js';

/** The model's labels, in score order. */
export const PARTICIPANT_LABELS = ['none', 'agent', 'patient', 'location', 'other'] as const;
export type ParticipantLabel = (typeof PARTICIPANT_LABELS)[number];

/** Rule findings that are guesses by position, which the model may overrule (arguments.ts `why` texts). */
const POSITIONAL = /^(?:subject|passive subject|object|subject of)\b/;

export interface ParticipantMargins {
  /** A participant or place the rules found is dropped when the model says "none" by more than this. */
  drop: number;
  /** A mention the rules did not take is added when the model's argument label wins by more than this. */
  add: number;
}

/**
 * Chosen by `npm run train:event-links` on held-out halves of the training documents (report field
 * `participant_margins`): the pair with the best typed F1 over both halves.
 */
export const PARTICIPANT_MARGINS: ParticipantMargins = { drop: 8, add: 2 };

/** How far (tokens) from the trigger a mention is a candidate: MEANTIME's named participants lie within it (99%). */
export const PARTICIPANT_WINDOW = 15;

const T = (name: string) => hashString(`participant:${name}`);
const T_BIAS = T('bias');
const T_DIST = T('dir-dist');
const T_CLAUSE = T('dir-clause');
const T_ENT = T('dir-ent');
const T_GOV = T('dir-gov');
const T_GOV_TYPE = T('dir-gov-type');
const T_ENT_TYPE = T('dir-ent-type');
const T_LEMMA = T('dir-lemma');
const T_LEMMA_ENT = T('dir-lemma-ent');
const T_PASSIVE = T('dir-pos-passive');
const T_COMMAS = T('dir-commas');
const T_NAMES = T('dir-names-between');
const T_VERBS = T('dir-verbs-between');
const T_RANK = T('dir-rank');
const T_RANK_PASSIVE = T('dir-rank-passive-pos');
const T_POSSESSIVE = T('dir-possessive-pos');
const T_GOV_ENT = T('gov-ent');
const T_NEXT = T('dir-next');

const ENT_H = {
  PERSON: hashString('PERSON'),
  ORGANIZATION: hashString('ORGANIZATION'),
  country: hashString('LOCATION/country'),
  LOCATION: hashString('LOCATION'),
  MISC: hashString('MISC'),
};
const entityHash = (e: DocEntity) => (e.type === 'LOCATION' ? (e.subtype === 'country' ? ENT_H.country : ENT_H.LOCATION) : ENT_H[e.type as 'PERSON'] ?? ENT_H.MISC);
const BE = /^(?:was|were|been|being|is|are|be)$/;
/** Words that look like a verb (a past form or a common finite verb): a second predicate between trigger and name. */
const VERBISH = /^(?:\w+ed|said|says|is|are|was|were|has|have|had|will|would|can|could|made|took|gave|told|sold|bought|won|lost|led|met|left|became)$/;
/**
 * The hash of a governing or next word: computed each time, as it is cheaper than a look-up in a memo (a Map of
 * strings, whose probe missed the nearer caches: 0.4% of the whole pipeline in a profile over BBC, against a few
 * multiplications per character).
 */
const governorHash = (w: string) => hashString(w);

/**
 * Per-token facts the features read between a trigger and a name, computed on first use per document (a token is
 * read by several triggers): 1 comma, 2 verb-like word, 3 other; 0 not yet known.
 */
const TOKEN_KIND = new WeakMap<readonly string[], Uint8Array>();
/** The document's TOKEN_KIND array, looked up once per caller rather than once per token read. */
function tokenKinds(lower: readonly string[]): Uint8Array {
  let kinds = TOKEN_KIND.get(lower);
  if (!kinds) TOKEN_KIND.set(lower, (kinds = new Uint8Array(lower.length)));
  return kinds;
}
function tokenKind(lower: readonly string[], kinds: Uint8Array, k: number): number {
  let v = kinds[k]!;
  if (v === 0) {
    const w = lower[k]!;
    v = w === ',' ? 1 : VERBISH.test(w) ? 2 : 3;
    kinds[k] = v;
  }
  return v;
}

/** What the features read of a trigger: its first word's lowercase hash, its lexicon type and word class. */
export interface TriggerKey {
  ts: number;
  te: number;
  /** hashString of the lexicon type ("DEATH", "OTHER"…). */
  typeH: number;
  /** hashString of the trigger's first word, lowercased. */
  lemmaH: number;
  noun: boolean;
}

export function triggerKey(ctx: ArgContext, ts: number, te: number, type: string, pos: 'verb' | 'noun'): TriggerKey {
  return { ts, te, typeH: hashString(type), lemmaH: hashString(ctx.lower[ts] ?? ''), noun: pos === 'noun' };
}

/** Named candidate mentions of a trigger: participant-type mentions of its sentence within PARTICIPANT_WINDOW tokens, nearest first on each side. */
export function candidateMentions(ctx: ArgContext, ts: number, te: number): PlacedMention[] {
  const toks = ctx.doc.tokens;
  const s = toks[ts]!.sentence;
  const out: PlacedMention[] = [];
  // A name inside a relative clause between commas is no argument of a verb outside it ("Smith, who played for Leeds,
  // was charged": not Leeds).
  const relative = (ctx.relative ??= relativeRegions(ctx.doc, ctx.arena?.int32(ctx.doc.tokens.length)));
  const outside = relative[ts] === 0;
  for (let k = Math.max(0, ts - PARTICIPANT_WINDOW); k < Math.min(toks.length, te + PARTICIPANT_WINDOW); k++) {
    if (k >= ts && k < te) continue;
    const mi = ctx.byToken[k]!;
    if (mi < 0 || toks[k]!.sentence !== s || (outside && relative[k]! > 0 && interrupting(ctx, relative, k))) continue;
    const m = ctx.mentions[mi]!;
    if ((m.tokenStart < te && m.tokenEnd > ts) || !participantType(m.entity) || out.includes(m)) continue;
    out.push(m);
  }
  return out;
}

/**
 * The verbs of saying (and "according to"): their subject only reports. Not "announced, confirmed, reported,
 * revealed, admitted, denied": "Acme announced the closure of its plant" — Acme closes it. Not "states, claims", nouns
 * as often after a name ("EU states", "insurance claims").
 */
const SAYING = new Set(['said', 'says', 'say', 'told', 'tells', 'tell', 'added', 'adds', 'claimed', 'insisted', 'insists', 'argued', 'argues', 'warned', 'warns', 'stated', 'believes', 'believed', 'thinks', 'thought', 'alleged', 'alleges', 'stressed']);
/** Words between a subject and its verb of saying ("police have also said"). */
const SAY_AUX = new Set(['has', 'have', 'had', 'also', 'later', 'earlier', 'previously', 'again', 'then', 'now', 'repeatedly', 'publicly', 'once', 'will', 'would', 'could', 'may', 'might', 'did', 'does', 'do', 'not', 'yesterday', 'today', 'recently']);
/** Pronouns that take up a person, and those that take up an organisation or a group. */
const PERSON_PRONOUN = new Set(['he', 'she', 'his', 'her', 'i', 'my', 'we', 'our']);
const GROUP_PRONOUN = new Set(['it', 'its', 'they', 'their', 'we', 'our']);

/**
 * Whether mention m is the source of a report whose complement holds the trigger: the subject of a verb of saying
 * before the trigger ("Forsyth says 3000 died"), the source after it (", Smith said" / "said Smith") or "according to
 * X". 'taken up' when an agreeing pronoun among the three words before the trigger takes the source up ("X said he had
 * resigned", "X said his resignation"): then it is a party after all.
 */
function reportSource(ctx: ArgContext, t: TriggerKey, m: PlacedMention): 'no' | 'source' | 'taken up' {
  const { lower } = ctx;
  let kind = 0;
  let from = 0;
  let to = 0;
  if (lower[m.tokenStart - 1] === 'to' && lower[m.tokenStart - 2] === 'according') {
    kind = 3;
    from = m.tokenEnd < t.ts ? m.tokenEnd : t.ts - PARTICIPANT_WINDOW;
    to = t.ts;
  } else if (m.tokenEnd <= t.ts) {
    for (let k = m.tokenEnd; k < t.ts && k < m.tokenEnd + 4; k++) {
      const w = lower[k]!;
      if (SAYING.has(w)) {
        kind = 1;
        from = k + 1;
        to = t.ts;
        break;
      }
      if (!SAY_AUX.has(w)) break;
    }
  } else if (SAYING.has(lower[m.tokenStart - 1] ?? '') || SAYING.has(lower[m.tokenEnd] ?? '') || (SAY_AUX.has(lower[m.tokenEnd] ?? '') && SAYING.has(lower[m.tokenEnd + 1] ?? ''))) {
    // Inverted: the report before its source, set off by a comma or a quotation mark.
    for (let k = t.te; k < m.tokenStart; k++) if (/^[,"”'’:]$/.test(lower[k]!)) kind = 2;
    from = t.ts - PARTICIPANT_WINDOW;
    to = t.ts;
  }
  if (!kind) return 'no';
  const agrees = m.entity.type === 'PERSON' ? PERSON_PRONOUN : GROUP_PRONOUN;
  const toks = ctx.doc.tokens;
  const s = toks[t.ts]!.sentence;
  for (let k = Math.max(0, from, to - 3); k < to; k++) if (toks[k]!.sentence === s && agrees.has(lower[k]!)) return 'taken up';
  return 'source';
}

const bucket = (n: number) => (n <= 3 ? n : n <= 5 ? 4 : n <= 8 ? 5 : n <= 12 ? 6 : 7);

/** Feature ids of the pair (trigger, mention); `rank` is the mention's place among candidates on its side (0 = nearest). */
export function participantFeatures(ctx: ArgContext, t: TriggerKey, m: PlacedMention, rank: number, out: number[]): void {
  const { doc, lower, clause } = ctx;
  const toks = doc.tokens;
  const after = m.tokenStart >= t.te;
  const dir = after ? 2 : 1;
  const from = after ? t.te : m.tokenEnd;
  const to = after ? m.tokenStart : t.ts;
  let commas = 0;
  let names = 0;
  let verbs = 0;
  const kinds = (ctx.kinds ??= ctx.arena ? ctx.arena.uint8(lower.length) : tokenKinds(lower));
  for (let k = from; k < to; k++) {
    const kind = tokenKind(lower, kinds, k);
    if (kind === 1) commas++;
    else if (ctx.byToken[k]! >= 0 && (k === from || ctx.byToken[k - 1] !== ctx.byToken[k])) names++;
    else if (kind === 2) verbs++;
  }
  const gov = governorHash(governor(ctx, m));
  const ent = entityHash(m.entity);
  const passive = BE.test(lower[t.ts - 1] ?? '') || (/ly$/.test(lower[t.ts - 1] ?? '') && BE.test(lower[t.ts - 2] ?? '')) ? 1 : 0;
  const possessive = /^['’]s?$/.test(toks[m.tokenEnd]?.text ?? '') ? 1 : 0;
  const next = governorHash(lower[m.tokenEnd] ?? '</s>');
  const noun = t.noun ? 1 : 0;
  const r = Math.min(rank, 2);
  out.push(
    T_BIAS,
    mix(T_DIST, dir * 8 + bucket(to - from)),
    mix(T_CLAUSE, dir * 2 + (clause[m.tokenStart] === clause[t.ts] ? 1 : 0)),
    mix(T_ENT, mixS(dir, ent)),
    mix(T_GOV, mixS(dir, gov)),
    mix(T_GOV_TYPE, mixS(mixS(dir, gov), t.typeH)),
    mix(T_ENT_TYPE, mixS(mixS(dir, ent), t.typeH)),
    mix(T_LEMMA, mixS(dir, t.lemmaH)),
    mix(T_LEMMA_ENT, mixS(mixS(dir, t.lemmaH), ent)),
    mix(T_PASSIVE, dir * 4 + noun * 2 + passive),
    mix(T_COMMAS, dir * 4 + Math.min(commas, 3)),
    mix(T_NAMES, dir * 4 + Math.min(names, 3)),
    mix(T_VERBS, dir * 4 + Math.min(verbs, 3)),
    mix(T_RANK, dir * 4 + r),
    mix(T_RANK_PASSIVE, ((dir * 4 + r) * 2 + passive) * 2 + noun),
    mix(T_POSSESSIVE, (dir * 2 + possessive) * 2 + noun),
    mix(T_GOV_ENT, mixS(gov, ent)),
    mix(T_NEXT, mixS(dir, next)),
  );
}

export interface ScoredCandidate {
  mention: PlacedMention;
  label: ParticipantLabel;
  /** The label's score minus the best other label's. */
  margin: number;
}

/** Each candidate mention of the trigger with the model's label. */
/** Scratch buffers of scoreCandidates (one call at a time: the stage is synchronous). */
const IDS: number[] = [];
let SCORES = new Float32Array(PARTICIPANT_LABELS.length);

export function scoreCandidates(ctx: ArgContext, t: TriggerKey, model: LinearModel, cands = candidateMentions(ctx, t.ts, t.te)): ScoredCandidate[] {
  const out: ScoredCandidate[] = [];
  const ids = IDS;
  let before = 0;
  for (const m of cands) if (m.tokenEnd <= t.ts) before++;
  let afterRank = 0;
  if (SCORES.length !== model.labels) SCORES = new Float32Array(model.labels);
  const scores = SCORES;
  for (const m of cands) {
    const rank = m.tokenEnd <= t.ts ? --before : afterRank++;
    ids.length = 0;
    participantFeatures(ctx, t, m, rank, ids);
    scores.fill(0);
    model.addScores(ids, 0, ids.length, scores);
    let best = 0;
    for (let l = 1; l < scores.length; l++) if (scores[l]! > scores[best]!) best = l;
    let second = -Infinity;
    for (let l = 0; l < scores.length; l++) if (l !== best && scores[l]! > second) second = scores[l]!;
    out.push({ mention: m, label: PARTICIPANT_LABELS[best]!, margin: scores[best]! - second });
  }
  return out;
}

type Role = 'agent' | 'patient' | 'participant' | 'recipient';

/**
 * How the learned model stands behind a finding, its evidence text formatted only when the event is output
 * (`evidenceText`): most findings belong to triggers dropped later, and the number's text (toFixed) and the name's
 * slice were most of the participant path's allocations.
 */
type LearnedHow = 'kept' | 'added' | 'location' | 'premodifier';
/** What an evidence text is made of: the rules' text, and the learned decision behind it when one is. */
export interface Evidence {
  why: string;
  /** The model's score of the mention: 'kept' appends it to the rules' `why`; the others are texts of their own. */
  learnedBy?: ScoredCandidate;
  learnedHow?: LearnedHow;
  /** 'added': the name the learned mention premodifies, which is the one added. */
  named?: PlacedMention | null;
  /** The mention whose text, in quotation marks, ends the rules' `why` (arguments.ts `RuleFinding`). */
  quoted?: PlacedMention;
}
interface Found extends Evidence {
  entity: DocEntity;
  role: Role;
}
type Place = { value: DocEntity } & Evidence;

/** The rules' text of a finding: its `why`, and the quoted mention's text after it. */
const ruleText = (text: string, e: Evidence) => (e.quoted ? `${e.why} "${text.slice(e.quoted.start, e.quoted.end)}"` : e.why);

/** The evidence text of a participant or place (`text`: the document's text). */
export function evidenceText(text: string, e: Evidence): string {
  const c = e.learnedBy;
  if (!c) return ruleText(text, e);
  const margin = c.margin.toFixed(1);
  const name = text.slice(c.mention.start, c.mention.end);
  switch (e.learnedHow) {
    case 'kept':
      return `${ruleText(text, e)} (learned ${c.label} ${margin})`;
    case 'added':
      return `learned ${c.label} (${margin}): "${name}"${e.named ? ` (the name "${text.slice(e.named.start, e.named.end)}" it premodifies)` : ''}`;
    case 'premodifier':
      return `the place before the subject's noun (${margin}): "${name}"`;
    default:
      return `learned location (${margin}): "${name}"`;
  }
}

/** Prepositions after which a place is only where something happens ("In Wiltshire, police arrested…"): the locative ones and a few more. */
const PLACE_ONLY_BEFORE = new Set([...LOCATIVE, 'nearby', 'across', 'throughout', 'within', 'around']);
/** Prepositions after which a town or region is where someone goes or comes from ("travel to Old Trafford to meet"). */
const DIRECTIONAL = new Set(['to', 'from', 'into', 'towards', 'toward', 'via']);

/**
 * A place a locative preposition governs, or a town or region a directional one governs, is the event's location
 * or nothing: never its agent, patient or other participant. (A country after "to" or "from" can be one: "sold
 * arms to Iran".)
 */
function placeOnly(ctx: ArgContext, m: PlacedMention): boolean {
  if (m.entity.type !== 'LOCATION') return false;
  const g = governor(ctx, m);
  return PLACE_ONLY_BEFORE.has(g) || (DIRECTIONAL.has(g) && m.entity.subtype !== 'country');
}

/** Words that end a place's noun phrase before any name: "the US and India", "US troops in Iraq". */
const PHRASE_BREAKS = new Set([
  'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'than', 'that', 'which', 'who', 'whose',
  'the', 'a', 'an', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might',
  'should', 'must', 'said', 'says', 'told', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'it', 'they', 'he', 'she', 'we',
  'not', 'also', 'after', 'before', 'over', 'under', 'into', 'about', 'against', 'between', 'during', 'since', 'until', 'while',
  // A title starts a new noun phrase ("the deal with Tanzania Mr Brown said"); so does a common verb ("Amadeus beat The
  // Killing Fields"; a past form in -ed is caught by its ending).
  'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'beat', 'beats', 'met', 'meets', 'told', 'tells', 'won', 'wins', 'lost', 'loses',
  'saw', 'sees', 'hit', 'hits', 'took', 'takes', 'made', 'makes', 'gave', 'gives', 'got', 'gets', 'sent', 'sends', 'led', 'leads',
]);

/**
 * The name a place premodifies, or null: a place before a name ("US bank Wells Fargo", "US phone company SBC Communications", "US
 * President George W Bush") is part of that name's noun phrase, not a party of its own.
 */
function modifiedName(ctx: ArgContext, m: PlacedMention): PlacedMention | null {
  if (m.entity.type !== 'LOCATION') return null;
  const sentence = ctx.doc.tokens[m.tokenStart]!.sentence;
  for (let k = m.tokenEnd; k < m.tokenEnd + 3 && k < ctx.lower.length && ctx.doc.tokens[k]!.sentence === sentence; k++) {
    const j = ctx.byToken[k]!;
    if (j >= 0) {
      const other = ctx.mentions[j]!;
      return other.entity.id !== m.entity.id && (other.entity.type === 'ORGANIZATION' || other.entity.type === 'PERSON') ? other : null;
    }
    const w = ctx.lower[k]!;
    if (!/^\p{L}[\p{L}-]*$/u.test(w) || PHRASE_BREAKS.has(w) || (w.endsWith('ed') && w.length > 4)) return null;
  }
  return null;
}

/** Adverbs that may stand between a subject and its verb ("Russia today attacked"). */
const SUBJECT_ADVERBS = new Set(['today', 'yesterday', 'also', 'now', 'then', 'later', 'earlier', 'finally', 'again', 'did', 'does', 'do', 'once', 'still']);
/** Words of a time phrase between a subject and its verb ("The High Court last month ruled"): no noun of the subject. */
const TIME_WORDS = new Set(['last', 'next', 'this', 'that', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'ago', 'decade', 'season', 'summer', 'winter', 'spring', 'autumn']);
const isCommonWord = (w: string) => /^\p{Ll}[\p{Ll}-]*$/u.test(w) && !PHRASE_BREAKS.has(w) && !SUBJECT_ADVERBS.has(w) && !TIME_WORDS.has(w) && !VERBISH.test(w) && !/ly$/.test(w);

/**
 * A place that premodifies the common noun heading the subject of a verb trigger ("A Los Angeles grand jury
 * indicted", "London police arrested"): one to three lowercase nouns or adjectives between the place and the verb (an
 * auxiliary may follow them). The noun is the subject; the place is where, no party.
 */
function placeBeforeSubjectNoun(ctx: ArgContext, t: TriggerKey, m: PlacedMention): boolean {
  if (t.noun || m.entity.type !== 'LOCATION' || m.tokenEnd >= t.ts) return false;
  let k = m.tokenEnd;
  let nouns = 0;
  for (; k < t.ts && nouns < 4; k++) {
    if (ctx.byToken[k]! >= 0 || !isCommonWord(ctx.lower[k]!) || !/^\p{Ll}/u.test(ctx.doc.tokens[k]!.text)) break;
    nouns++;
  }
  if (nouns === 0 || nouns > 3) return false;
  for (; k < t.ts; k++) if (!BE.test(ctx.lower[k]!) && !SUBJECT_ADVERBS.has(ctx.lower[k]!) && !/^(?:has|have|had|will|would)$/.test(ctx.lower[k]!)) return false;
  return true;
}

/** Prepositions that tie a name to the common noun before it ("executives at Fannie Mae", "the head of Acme"). */
const NOUN_PREPOSITIONS = new Set(['at', 'of', 'from', 'for', 'with']);

/**
 * A name in a prepositional phrase of the common noun that heads the subject ("Two executives at Fannie Mae resigned",
 * "the head of Acme has quit"): the noun's people act, the name is a party, not the agent. The name is followed by the
 * verb trigger (auxiliaries and adverbs between) and its preposition follows a lowercase noun that is not a verb.
 */
function nameInSubjectPhrase(ctx: ArgContext, t: TriggerKey, m: PlacedMention): boolean {
  if (t.noun || m.tokenEnd > t.ts) return false;
  for (let k = m.tokenEnd; k < t.ts; k++) if (!BE.test(ctx.lower[k]!) && !SUBJECT_ADVERBS.has(ctx.lower[k]!) && !/^(?:has|have|had|will|would)$/.test(ctx.lower[k]!)) return false;
  const p = m.tokenStart - 1;
  if (!NOUN_PREPOSITIONS.has(ctx.lower[p] ?? '')) return false;
  const noun = ctx.lower[p - 1] ?? '';
  return p - 1 >= 0 && ctx.byToken[p - 1]! < 0 && isCommonWord(noun) && /^\p{Ll}/u.test(ctx.doc.tokens[p - 1]!.text);
}

/** Of two scored mentions of one entity, the one that ranks higher speaks for it: an argument label by its margin, "none" last. */
const candidateRank = (x: ScoredCandidate) => (x.label === 'none' ? -1e9 - x.margin : x.margin);

/** Each entity's best-ranked scored mention, in the order the entities first appear among the candidates (a handful: a list, no Map). */
function bestByEntity(scored: ScoredCandidate[]): ScoredCandidate[] {
  const best: ScoredCandidate[] = [];
  for (const c of scored) {
    const i = indexOfEntity(best, c.mention.entity.id);
    if (i < 0) best.push(c);
    else if (candidateRank(c) > candidateRank(best[i]!)) best[i] = c;
  }
  return best;
}
function indexOfEntity(cands: readonly ScoredCandidate[], id: string): number {
  for (let i = 0; i < cands.length; i++) if (cands[i]!.mention.entity.id === id) return i;
  return -1;
}
function bestOf(cands: readonly ScoredCandidate[], id: string): ScoredCandidate | undefined {
  const i = indexOfEntity(cands, id);
  return i < 0 ? undefined : cands[i];
}
const hasEntity = (found: readonly Found[], id: string) => {
  for (const p of found) if (p.entity.id === id) return true;
  return false;
};

/** The role of a mention the model added (`decideArguments`). */
function learnedRole(ctx: ArgContext, t: TriggerKey, c: ScoredCandidate, symmetric: boolean, subjectIsPatient: boolean): Role {
  if (c.label === 'agent') return subjectIsPatient && c.mention.entity.type === 'PERSON' && c.mention.tokenEnd <= t.ts ? 'patient' : 'agent';
  if (c.label === 'patient') return symmetric ? 'participant' : 'patient';
  return governor(ctx, c.mention) === 'to' ? 'recipient' : 'participant';
}
const isArgument = (c: ScoredCandidate) => c.label === 'agent' || c.label === 'patient' || c.label === 'other';
/** A rule's finding is dropped only when the model is sure enough; a mention the rules missed is added likewise. */
const rejects = (c: ScoredCandidate, margins: ParticipantMargins) => c.label === 'none' && c.margin > margins.drop;
/** A name with 's modifies the noun after it ("against Russia's agency"): an argument only as the trigger's own possessor. */
const possessiveElsewhere = (ctx: ArgContext, t: TriggerKey, m: PlacedMention) => /^['’]s?$/.test(ctx.doc.tokens[m.tokenEnd]?.text ?? '') && m.tokenEnd + 1 !== t.ts;
const adds = (ctx: ArgContext, t: TriggerKey, c: ScoredCandidate, margins: ParticipantMargins) =>
  isArgument(c) && c.margin > margins.add && !possessiveElsewhere(ctx, t, c.mention) && !placeOnly(ctx, c.mention);
/** The participants without the place's entity (a place is no participant as well). */
function withoutPlace(found: Found[], place: Place | null): Found[] {
  if (!place) return found;
  const id = place.value.id;
  return hasEntity(found, id) ? found.filter((p) => p.entity.id !== id) : found;
}

/**
 * The participants and place of a trigger: the learned label decides whether each
 * named mention within the window takes part (keeping or dropping what the rules
 * found there, with the rules' role, and adding what they missed); what the rules
 * found outside it (a pronoun resolved to the last person, the name a relative
 * clause hangs on, an event name's organiser) is kept. The role of an added one:
 * agent; patient (a "participant" for meetings, calls and summits, whose parties
 * are on an equal footing); another argument is a recipient after "to", else a
 * participant. A person before a life-event verb ("X died") is its patient
 * whatever the model says. The rules' place stands unless the model rejects it;
 * else the model's best place that is no participant. Evidence texts of learned
 * decisions are formatted on output (`evidenceText`).
 */
export function decideArguments(
  ctx: ArgContext,
  t: TriggerKey,
  model: LinearModel,
  rules: Found[],
  ruleLocation: Place | null,
  symmetric: boolean,
  subjectIsPatient: boolean,
  margins: ParticipantMargins = PARTICIPANT_MARGINS,
): { participants: Found[]; location: Place | null } {
  const cands = candidateMentions(ctx, t.ts, t.te);
  // Nothing to decide: the rules' findings (a place is no participant as well).
  if (cands.length === 0) return { participants: withoutPlace(rules, ruleLocation), location: ruleLocation };
  const best = bestByEntity(scoreCandidates(ctx, t, model, cands));
  const text = ctx.doc.text;
  const out: Found[] = [];
  let premodifier: ScoredCandidate | null = null;
  for (const p of rules) {
    const c = bestOf(best, p.entity.id);
    let report: ReturnType<typeof reportSource>;
    // The rules' role stands (they read passives, possessors, "between"/"with"…); the model decides whether a guess
    // by position (the nearest name before or after the verb) is one. A name a preposition or possessive ties to the
    // trigger ("between X and Y", "by X", "X's visit") is one: that reading is simply right.
    // "talks with US bank Wells Fargo": the bank, not the country, is the party the rules meant.
    const named = c ? modifiedName(ctx, c.mention) : null;
    if (named) {
      if (!hasEntity(out, named.entity.id)) out.push({ entity: named.entity, role: p.role, why: `${ruleText(text, p)} (the name "${text.slice(named.start, named.end)}" it premodifies)` });
      continue;
    }
    const positional = c !== undefined && POSITIONAL.test(p.why);
    if (positional && placeBeforeSubjectNoun(ctx, t, c.mention)) {
      premodifier ??= c;
      continue;
    }
    if (positional && p.role === 'agent' && nameInSubjectPhrase(ctx, t, c.mention)) out.push({ entity: p.entity, role: 'participant', why: `${ruleText(text, p)} (in the phrase of the subject's noun)` });
    else if (!positional) out.push(p);
    // A "subject" found across a verb of saying ("Forsyth says 3000 died", "Putin said 30 were arrested") is the
    // report's source, no party of what it reports; unless a pronoun right before the trigger takes it up ("Smith said
    // he had resigned", "Acme said its sales rose"). A feature of the learned model for it was tried (docs/events.md,
    // events26): MEANTIME links the pronoun, not the name, so it cannot teach the second case, and its weight did not
    // outweigh the position features of a passive ("Putin said 30 were arrested": learned patient 12).
    else if ((report = reportSource(ctx, t, c.mention)) !== 'no') {
      if (report === 'taken up') out.push({ entity: p.entity, role: p.role, why: `${ruleText(text, p)}, the source of a report a pronoun before the trigger takes up` });
    } else if (!rejects(c, margins)) out.push({ entity: p.entity, role: p.role, why: p.why, quoted: p.quoted, learnedBy: c, learnedHow: 'kept' });
  }
  for (const c of best) {
    if (!adds(ctx, t, c, margins) || hasEntity(out, c.mention.entity.id) || ruleLocation?.value.id === c.mention.entity.id) continue;
    if (placeBeforeSubjectNoun(ctx, t, c.mention)) {
      premodifier ??= c;
      continue;
    }
    // The source of a report is no party of what it reports, unless a pronoun before the trigger takes it up.
    if (reportSource(ctx, t, c.mention) === 'source') continue;
    const named = modifiedName(ctx, c.mention);
    if (named && hasEntity(out, named.entity.id)) continue;
    const m = named ?? c.mention;
    const role = learnedRole(ctx, t, c, symmetric, subjectIsPatient);
    out.push({ entity: m.entity, role: role === 'agent' && !named && nameInSubjectPhrase(ctx, t, m) ? 'participant' : role, why: '', learnedBy: c, learnedHow: 'added', named });
  }
  let place: ScoredCandidate | null = null;
  for (const c of best) if (c.label === 'location' && c.margin > margins.add && c.mention.entity.type === 'LOCATION' && (!place || c.margin > place.margin)) place = c;
  const ruleCand = ruleLocation ? bestOf(best, ruleLocation.value.id) : undefined;
  const ruleKept = ruleLocation && !(ruleCand && rejects(ruleCand, margins)) ? ruleLocation : null;
  if (!place && premodifier && !(premodifier.label === 'none' && premodifier.margin > margins.drop)) place = premodifier;
  const location: Place | null =
    ruleKept ?? (place && !hasEntity(out, place.mention.entity.id) ? { value: place.mention.entity, why: '', learnedBy: place, learnedHow: place === premodifier ? 'premodifier' : 'location' } : null);
  return { participants: withoutPlace(out, location), location };
}
