/**
 * The learned speaker check: for each quote the rules attributed to a cue, a
 * small linear ranker scores the rules' speaker and the other speaker-like
 * phrases around the cue (entity mentions, pronouns, role descriptions,
 * unrecognised names) in the cue's sentence; the rules' speaker is replaced
 * only when the ranker prefers another candidate by a margin chosen on the
 * held-out slice of PolNeAR train, and every speaker gets a calibrated
 * probability of being right (`speaker_confidence`).
 *
 * Cost: it runs once per cue over a handful of candidates (about 20 hashed
 * features each, one `mix` per feature; none when there is a single
 * candidate), never per token.
 *
 * File format (models/speakers.bin, little-endian):
 *   "AES1" | ranker LinearModel (see linear.ts) | u32 CALIBRATION_FEATURES |
 *   f32 calibration weights | f32 params[PARAM_COUNT] (see `SpeakerParams`)
 */
import { readFileSync } from 'node:fs';
import { hashString, mix, mixS } from '../../entities/hash.js';
import { resolveModelPath } from '../../models.js';
import type { QuoteKind } from '../../document/schema.js';
import type { QuoteContext } from '../context.js';
import type { Cue } from '../cues.js';
import type { Draft } from '../index.js';
import { CLAIM_NOUNS, COGNITION_FORMS, JUDGING_LEMMAS, PREPOSITIONS, SKIPPABLE_BEFORE_VERB, SPEECH_FORMS } from '../lexicon.js';
import { isPassiveCue } from '../negation.js';
import { POSSESSIVE_DETERMINERS } from '../../lang/en/index.js';
import { candidatesIn, subjectPhrase, quotedAsSaying, relativeBeforeCue, toSpeaker, type Candidate, type FoundSpeaker, type SpeakerHistory, type SpeakerKind } from '../speaker.js';
import { LinearModel, sigmoid } from './linear.js';
import { hashesOf as cueWordHashes } from './reported.js';
import { wordFilter } from '../../text/word-filter.js';
import { runTimeRules } from '../suffix.js';

/** Decision and calibration settings, chosen and fitted on the held-out slice of PolNeAR train. */
export interface SpeakerParams {
  /** The ranker's best candidate replaces the rules' speaker when it scores this much higher. */
  margin: number;
  /** Where the rules found no speaker, the ranker's best is taken when its softmax probability reaches this (> 1: never). */
  adopt: number;
  /** Platt scaling of the calibration model's logit, fitted on the held-out slice. */
  plattA: number;
  plattB: number;
}

const PARAM_COUNT = 8;
const MAGIC = 0x31534541; // "AES1"
export const SPEAKER_MODEL_FILE = 'speakers.bin';

export class SpeakerModel {
  constructor(
    readonly ranker: LinearModel,
    /** Logistic-regression weights over `calibrationFeatures` (fitted on out-of-fold rankings of the training part). */
    readonly calibration: Float32Array,
    readonly params: SpeakerParams,
  ) {}

  static fromBytes(bytes: Uint8Array): SpeakerModel {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw new Error('not a speaker model file (expected "AES1")');
    const r = LinearModel.read(view, 4);
    let o = r.next;
    const n = view.getUint32(o, true);
    o += 4;
    if (n !== CALIBRATION_FEATURES) throw new Error(`speaker model has ${n} calibration weights, this code reads ${CALIBRATION_FEATURES}: retrain (npm run train:quotes)`);
    const cal = new Float32Array(n);
    for (let i = 0; i < n; i++, o += 4) cal[i] = view.getFloat32(o, true);
    const p: number[] = [];
    for (let i = 0; i < PARAM_COUNT; i++, o += 4) p.push(view.getFloat32(o, true));
    if (o !== bytes.byteLength) throw new Error(`speaker model file has ${bytes.byteLength - o} trailing bytes`);
    return new SpeakerModel(r.model, cal, { margin: p[0]!, adopt: p[1]!, plattA: p[2]!, plattB: p[3]! });
  }

  toBytes(): Uint8Array {
    const size = 4 + this.ranker.byteLength() + 4 + 4 * this.calibration.length + 4 * PARAM_COUNT;
    const bytes = new Uint8Array(size);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, MAGIC, true);
    let o = this.ranker.write(view, 4);
    view.setUint32(o, this.calibration.length, true);
    o += 4;
    for (const w of this.calibration) {
      view.setFloat32(o, w, true);
      o += 4;
    }
    const { params: p } = this;
    for (const x of [p.margin, p.adopt, p.plattA, p.plattB, 0, 0, 0, 0]) {
      view.setFloat32(o, x, true);
      o += 4;
    }
    return bytes;
  }

  /** Calibrated probability that a choice described by calibration features `z` is right. */
  confidence(z: ArrayLike<number>): number {
    return sigmoid(this.params.plattA * dot(this.calibration, z) + this.params.plattB);
  }
}

let cached: SpeakerModel | null = null;

/** The shipped speaker model (models/speakers.bin), loaded once. */
export function loadSpeakerModel(): SpeakerModel {
  return (cached ??= SpeakerModel.fromBytes(readFileSync(resolveModelPath(SPEAKER_MODEL_FILE))));
}

/**
 * Replaces the model the quotation stage uses (evaluation and tests: another
 * trained file, or `rulesOnly` to keep every rule speaker); null restores the shipped one.
 */
export function useSpeakerModel(model: SpeakerModel | null): void {
  cached = model;
}

/** The same model deciding nothing: the rules' speakers stay, with the model's confidence. */
export function rulesOnly(model: SpeakerModel): SpeakerModel {
  return new SpeakerModel(model.ranker, model.calibration, { ...model.params, margin: Infinity, adopt: Infinity });
}

export function dot(w: ArrayLike<number>, z: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < z.length; i++) s += w[i]! * z[i]!;
  return s;
}

/** A speaker candidate of one cue. */
export interface SpeakerCandidate {
  /** The phrase as the rules' candidate finder sees it; null for the rules' own speaker when no candidate covers it. */
  cand: Candidate | null;
  kind: SpeakerKind;
  /** UTF-16 range of the candidate's words. */
  start: number;
  end: number;
  /** It is (or covers) the rules' speaker. */
  isRule: boolean;
  /** It lies inside the rules' speaker's words ("A spokesperson for *the department*"): choosing it keeps the rules' speaker. */
  inRule: boolean;
  /** Hashed feature ids (kept for training only: at run time they are scored as they are made). */
  feats: number[];
}

/** What scores feature ids: the trained ranker. */
export interface Scorer {
  score(ids: ArrayLike<number>, from?: number, to?: number): number;
}

/** What the ranker sees of one quote: its cue, the rules' speaker, and the candidates around the cue. */
export interface SpeakerQuery {
  cue: Cue;
  kind: QuoteKind;
  rule: FoundSpeaker | null;
  candidates: SpeakerCandidate[];
  /** Index of the rules' speaker among the candidates, or -1 when the rules found none. */
  ruleIndex: number;
  /** The quote's UTF-16 range. */
  start: number;
  end: number;
  /** UTF-16 range no chosen candidate may overlap: the quote's own content (its source is outside what it says). */
  barred: readonly [number, number];
  /** The rules' speaker is taken as it is, without ranking (`settledCandidate`). */
  settled: boolean;
  /** Ranker scores of the candidates (zeros where there is no choice). */
  scores: number[];
}

/**
 * Tokens before and after the cue searched for candidates (within its
 * sentence): 97% of right speakers are within 15 tokens, and those after the
 * cue stand right after it ("said the minister").
 */
const REACH_BEFORE = 20;
const REACH_AFTER = 10;

const distBucket = (d: number) => (d <= 3 ? d : d <= 5 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7);
const small = (n: number) => (n > 3 ? 3 : n);
/** A template number (< 256) and up to three small codes (each < 16) in one integer: one `mix` per feature. */
const P = (t: number, a = 0, b = 0, c = 0) => t | (a << 8) | (b << 12) | (c << 16);
/** Gap scans stop here: the distance buckets and counts saturate well before. */
const GAP_SCAN = 10;

/**
 * Word hashes of the Doc's tokens, filled on first use (only tokens next to candidates are ever hashed): the
 * cue models' cache (reported.ts), which holds the same hashString of each lowercased token, so a token hashed
 * by either is hashed once and the context carries one array.
 */
const hashesOf = cueWordHashes;
function tokenHash(ctx: QuoteContext, hs: Uint32Array, k: number): number {
  if (k < 0 || k >= hs.length) return 1;
  return hs[k] || (hs[k] = hashString(ctx.lower[k]!) || 1);
}
const MAY_BE_PREPOSITION = wordFilter(PREPOSITIONS);

const TYPE_HASH = new Map<string, number>(['entity', 'pronoun', 'description', 'proper', 'np'].map((t) => [t, hashString(t)]));
const ENTITY_TYPE_HASH = new Map<string, number>(['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'].map((t) => [t, hashString(`E:${t}`)]));
const MEDIA_HASH = hashString('E:media');
const RULE_TYPE_HASH = new Map<string, number>(['entity', 'pronoun', 'description', 'proper', 'np'].map((t) => [t, hashString(`R:${t}`)]));
const PRONOUN_SEED = hashString('P:');
const KIND_CODE: Record<QuoteKind, number> = { direct: 1, partial: 2, indirect: 3 };
const FORM_CODE: Record<Cue['form'], number> = { verb: 1, according: 2, toQuote: 3, quoted: 4, colon: 5 };
const SPEAKER_KIND_CODE: Record<SpeakerKind, number> = { entity: 1, pronoun: 2, description: 3, proper: 4, np: 5 };
const lemmaHashes = new Map<string, number>();

/** A candidate's type as the features see it: entity type, pronoun word, or phrase kind. */
function typeHash(ctx: QuoteContext, kind: SpeakerKind, cand: Candidate | null, tokenStart: number): number {
  if (cand === null) return RULE_TYPE_HASH.get(kind)!;
  if (kind === 'entity') {
    const e = cand.entity!;
    return e.type === 'MISC' && e.subtype === 'media' ? MEDIA_HASH : (ENTITY_TYPE_HASH.get(e.type) ?? TYPE_HASH.get('entity')!);
  }
  if (kind === 'pronoun') return mix(PRONOUN_SEED, tokenHash(ctx, hashesOf(ctx), tokenStart));
  return TYPE_HASH.get(kind)!;
}

const CUE_POSITION = { before: 1, after: 2, inside: 3 } as const;

/**
 * The candidates of a quote's cue. `start`/`end` is the quote's (UTF-16), for
 * where the cue stands relative to it. Features are computed only where there
 * is a choice (two candidates or more), and scored by `ranker` as they are
 * made; without a ranker (training) they are kept on the candidates.
 */
export function speakerQuery(ctx: QuoteContext, cue: Cue, kind: QuoteKind, start: number, end: number, rule: FoundSpeaker | null, ranker: Scorer | null = null, decoding = false): SpeakerQuery {
  const { doc } = ctx;
  const cs = cue.tokenStart;
  const ce = cue.tokenEnd;
  const S = doc.sentences[doc.tokens[cs]!.sentence]!;
  const participle = decoding && runTimeRules.on && participleAfterClause(ctx, cs);
  // "Reports say Standard Life, which owns …, may seek …": a source is never inside what it is reported to say. A
  // constraint on the decision only, as for "according to" (the ranker is trained on every candidate of the window):
  // the content's candidates stay in the query, so the softmax and the confidence see them as in training, but none
  // can be chosen. Not when the cue stands inside the content ("The museum, he said, celebrated …", "Then, says Mr
  // Lee, the market …"): the attribution is cut out of it after the decision (`splitAroundAttribution`,
  // `splitInvertedAttribution`).
  const { starts, ends } = ctx.index;
  // "The head of the market has criticised the watchdog, the FSA.": after a verb of judging, the words are the one
  // judged, never its source (branch quotes35; a constraint on the decision only, as above). Not in a passive, whose
  // agent follows ("was criticised by unions").
  const judged = decoding && runTimeRules.on && cue.form === 'verb' && JUDGING_LEMMAS.has(cue.lemma) && ends[ce - 1]! <= start && ctx.lower[ce] !== 'by' && !isPassiveCue(ctx, cue);
  const barred = judged
    ? ([ends[ce - 1]!, Math.max(end, ends[S.tokenEnd - 1]!)] as const)
    : decoding && runTimeRules.on && (ends[ce - 1]! <= start || starts[cs]! >= end)
      ? barredRange(ctx, cs, ce, start, end)
      : NOTHING_BARRED;
  if (rule && rule.start < barred[1] && rule.end > barred[0]) rule = null;
  if (rule) {
    const settled = settledCandidate(ctx, rule, cs, ce) ?? (participle ? mainClauseCandidate(ctx, rule, cs) : null);
    if (settled) {
      const c: SpeakerCandidate = { cand: settled, kind: settled.kind, start: rule.start, end: rule.end, isRule: true, inRule: true, feats: NO_FEATURES };
      return { cue, kind, rule, candidates: [c], ruleIndex: 0, start, end, barred: NOTHING_BARRED, settled: true, scores: NO_SCORES };
    }
  }
  const from = Math.max(S.tokenStart, cs - REACH_BEFORE);
  const to = Math.min(S.tokenEnd, ce + REACH_AFTER);
  let raw: Candidate[];
  if (decoding && cue.form === 'according') {
    // "According to the statement, Kelly met …", "… killed 81 percent, according to FactCheck": the source is the
    // phrase after "according to", up to the punctuation that ends it; the words around it are the content, and
    // their subject is never its source. A constraint on the decision only: the ranker is trained on every candidate
    // of the window (the content's words are its negatives), so its training data stay as they were.
    let k = ce;
    while (k < to && ctx.word[k] && ctx.quoteOf[k]! < 0) k++;
    raw = candidatesIn(ctx, ce, k);
  } else {
    raw = candidatesIn(ctx, from, cs);
    // "The actor, whose films include A, B and C, said": the names inside a relative clause closed before the cue are
    // not its subject (a constraint on the decision only, as for participles).
    const relative = decoding && runTimeRules.on ? relativeBeforeCue(ctx, cs, S.tokenStart) : -1;
    if (relative >= 0) raw = raw.filter((c) => c.tokenEnd <= relative);
    if (decoding && runTimeRules.on) dropModifyingNationalities(ctx, raw, cs);
    if (cue.form === 'verb') addSubjectPhrase(ctx, raw, cs, Math.max(from, S.tokenStart));
    if (!participle) for (const c of candidatesIn(ctx, ce, to)) raw.push(c);
  }
  dropOwned(ctx, raw, cs);
  const candidates: SpeakerCandidate[] = raw.map((c) => ({ cand: c, kind: c.kind, start: starts[c.tokenStart]!, end: ends[c.tokenEnd - 1]!, isRule: false, inRule: false, feats: NO_FEATURES }));
  let ruleIndex = -1;
  if (rule) {
    // The candidate the rules chose: one of the same kind overlapping its words, else any overlapping one.
    for (let i = 0; i < candidates.length && ruleIndex < 0; i++) {
      const c = candidates[i]!;
      if (c.start < rule.end && c.end > rule.start && c.kind === rule.kind) ruleIndex = i;
    }
    for (let i = 0; i < candidates.length && ruleIndex < 0; i++) {
      const c = candidates[i]!;
      if (c.start < rule.end && c.end > rule.start) ruleIndex = i;
    }
    if (ruleIndex < 0 && rule.start >= starts[S.tokenStart]! && rule.end <= ends[S.tokenEnd - 1]!) {
      // Beyond the reach but in the sentence: the candidate at the rules' speaker.
      const ts = tokenOf(ctx, rule.start);
      const c = candidatesIn(ctx, ts, tokenOf(ctx, rule.end - 1) + 1).find((x) => x.kind === rule.kind);
      if (c) {
        candidates.push({ cand: c, kind: c.kind, start: starts[c.tokenStart]!, end: ends[c.tokenEnd - 1]!, isRule: true, inRule: false, feats: NO_FEATURES });
        ruleIndex = candidates.length - 1;
      }
    }
    if (ruleIndex < 0) {
      // Not a candidate (a loose noun phrase, or a speaker from another sentence): scored as itself.
      candidates.push({ cand: null, kind: rule.kind, start: rule.start, end: rule.end, isRule: true, inRule: true, feats: NO_FEATURES });
      ruleIndex = candidates.length - 1;
    } else candidates[ruleIndex]!.isRule = true;
    for (const c of candidates) if (c.start >= rule.start && c.end <= rule.end) c.inRule = true;
    markAppositive(ctx, candidates, rule, cs);
  }
  const q: SpeakerQuery = { cue, kind, rule, candidates, ruleIndex, start, end, barred, settled: false, scores: candidates.length > 1 ? new Array<number>(candidates.length).fill(0) : NO_SCORES };
  if (candidates.length > 1) featurize(ctx, q, ranker);
  return q;
}

const NOTHING_BARRED: readonly [number, number] = [0, 0];
/** Words of an inverted attribution's speaker phrase before its comma ("…, said the operators of the site, were …"). */
const INVERTED_SPEAKER_SPAN = 8;

/**
 * The range of a quote whose cue stands outside it where its speaker cannot be: the whole content, except, after an
 * inverted cue following a comma ("Then, says Mr Lee, the market found out"), the speaker's phrase that the content
 * starts with, up to its comma (`splitInvertedAttribution` in index.ts cuts it out of the content after the decision).
 */
function barredRange(ctx: QuoteContext, cs: number, ce: number, start: number, end: number): readonly [number, number] {
  const { lower, word, quoteOf } = ctx;
  const { starts, ends } = ctx.index;
  if (lower[cs - 1] !== ',' || ce >= lower.length || starts[ce] !== start) return [start, end];
  for (let k = ce; k < ce + INVERTED_SPEAKER_SPAN && k + 1 < lower.length && quoteOf[k]! < 0; k++) {
    if (lower[k] === ',') return [Math.min(end, starts[k + 1]!), end];
    if (!word[k]) break;
  }
  return [start, end];
}

/**
 * "The board said, reasoning that he …", "Smith defended the plan, saying it …", "… hit back by accusing him of …": a
 * participle cue after a comma (or after "by") opens a clause with no subject of its own; its subject is the main
 * clause's, before it, and the words after it are its content or object, never its speaker. A constraint on the
 * decision only, as "according to" is (the ranker is trained on every candidate of the window).
 */
function participleAfterClause(ctx: QuoteContext, cs: number): boolean {
  const { lower } = ctx;
  const w = lower[cs]!;
  if (w.length < 5 || !w.endsWith('ing') || ctx.cap[cs]) return false;
  const prev = lower[cs - 1];
  return prev === ',' || prev === 'by' || (lower[cs - 2] === ',' && prev !== undefined && (prev.endsWith('ly') || prev === 'and'));
}

/** The rules' speaker of a participle cue when it stands before the cue (the main clause's subject, `mainSubject`): its candidate. */
function mainClauseCandidate(ctx: QuoteContext, rule: FoundSpeaker, cs: number): Candidate | null {
  const a = tokenOf(ctx, rule.start);
  const b = tokenOf(ctx, rule.end - 1) + 1;
  // A loose phrase ("The", "hours before") and a possessor ("Smith's lawyers questioned …, pointing out") are left to
  // the ranker, which chooses among the candidates before the cue.
  if (b > cs || rule.kind === 'proper' || rule.kind === 'np' || possessive(ctx.lower[b])) return null;
  return { kind: rule.kind, tokenStart: a, tokenEnd: b, entity: rule.entity };
}

const SETTLED_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we']);

/**
 * "Brent Bozell, PTC president and conservative activist said", "David Redvers, 34, from Hartpury, Gloucestershire,
 * said": when the rules' speaker is a person's name followed by a comma, the roles, organisations and places between
 * that comma and the cue describe the person; they count as the rules' speaker's words (choosing one keeps the
 * person). Not when a pronoun or another person stands there (a clause of its own). So do post-nominal letters
 * right after the name ("Frank Field MP said").
 */
const POST_NOMINAL = /^[A-Z]{2,4}$/;

function markAppositive(ctx: QuoteContext, candidates: SpeakerCandidate[], rule: FoundSpeaker, cs: number): void {
  if (rule.kind !== 'entity' || rule.entity?.type !== 'PERSON') return;
  const { starts } = ctx.index;
  const after = tokenOf(ctx, rule.end - 1) + 1;
  if (after >= cs) return;
  // Not a name inside an opening phrase ("Speaking to John Smith, the minister said"): the name heads its clause.
  const prev = ctx.lower[tokenOf(ctx, rule.start) - 1];
  if (prev !== undefined && (PREPOSITIONS.has(prev) || (prev.length > 4 && prev.endsWith('ing')))) return;
  if (ctx.lower[after] !== ',') {
    // "Former welfare minister Frank Field MP said": post-nominal letters right after the name are the person's
    // (a lowercase role there is the head the name modifies: "A Five spokesman said").
    for (const c of candidates) if (c.kind === 'proper' && c.cand!.tokenStart === after && c.cand!.tokenEnd === after + 1 && POST_NOMINAL.test(ctx.doc.tokens[after]!.text)) c.inRule = true;
    return;
  }
  const from = starts[after]!;
  const to = starts[cs]!;
  const inside = candidates.filter((c) => !c.isRule && c.start >= from && c.end <= to);
  if (inside.some((c) => c.kind === 'pronoun' || (c.kind === 'entity' && c.cand?.entity?.type === 'PERSON'))) return;
  for (const c of inside) c.inRule = true;
}

const OWNERS = new Set<string>(POSSESSIVE_DETERMINERS);
/** Nouns for what a person writes or says: in "X's statement said" the speaker is X (also the training labels' head). */
export const DOCUMENT_NOUNS = new Set(['statement', 'statements', 'letter', 'message', 'memo', 'note', 'remarks', 'comments', 'speech', 'testimony', 'website', 'blog', 'column', 'e-mail', 'email', 'book', 'report', 'tweet', 'interview']);
const possessive = (w: string | undefined) => w === "'s" || w === '’s';
/** Prepositions that tie an organisation or place to the person before them: "Steve Ash, from Activcard", "Mike Powell of Dresdner". */
const OF_FROM = new Set(['of', 'from', 'at']);

/** Prepositions whose object is no speaker ("in Gateshead", "of the US"; not "by", which names a passive's agent). */
const PLACE_PREPOSITIONS = new Set(['in', 'of', 'at', 'from', 'for', 'with', 'on', 'into', 'across', 'throughout', 'within', 'near', 'outside', 'inside', 'around', 'over', 'under', 'between', 'among', 'against', 'about', 'to']);

/**
 * A place that is not the subject of a clause names no speaker: the object of a preposition ("who runs a school in
 * Gateshead, … said", "finds in the Rajasthan area, said", "Most areas of the US saw"; not "according to"), a
 * possessor ("Europe's biggest drugmaker says"), or, before the cue, a modifier followed by the lowercase head of its
 * phrase ("The US firm agreed"; not an adverb or auxiliary: "Britain has said", "the US also warned").
 */
function placeNoSubject(ctx: QuoteContext, c: Candidate, cue: number): boolean {
  const { lower } = ctx;
  let k = c.tokenStart - 1;
  if (lower[k] === 'the') k--;
  const prev = lower[k];
  if (prev !== undefined && PLACE_PREPOSITIONS.has(prev) && !(prev === 'to' && lower[k - 1] === 'according')) return true;
  const next = c.tokenEnd;
  if (possessive(lower[next]) || lower[next] === "'" || lower[next] === '’') return true;
  if (next < cue && ctx.word[next] && !ctx.cap[next] && ctx.quoteOf[next]! < 0) {
    const w = lower[next]!;
    if (!SKIPPABLE_BEFORE_VERB.has(w) && !w.endsWith('ly') && !PREPOSITIONS.has(w) && !MODIFIER_STOP.has(w) && !SPEECH_FORMS.has(w) && !COGNITION_FORMS.has(w)) return true;
  }
  return false;
}
/**
 * Removes, in place, the nationalities before the cue that only modify a noun ("unions at the Italian carmaker have
 * said", "the Indonesian rupiah weakened as analysts warned", "A German news organization cited"): like a place, such
 * a word names no speaker (`placeNoSubject`). Done before the plain subject phrase is sought, which the nationality
 * would otherwise stand for ("A German news organization" becomes a candidate). A constraint on the decision only
 * (run-time rule, branch quotes38): the ranker is trained on every candidate of the window.
 */
function dropModifyingNationalities(ctx: QuoteContext, cands: Candidate[], cue: number): void {
  let n = 0;
  for (const c of cands) if (!(c.kind === 'entity' && c.entity!.type === 'MISC' && c.entity!.subtype === 'nationality' && placeNoSubject(ctx, c, cue))) cands[n++] = c;
  cands.length = n;
}
/** Lowercase words after a place that are no head of its phrase: conjunctions, relatives, clause words. */
const MODIFIER_STOP = new Set(['and', 'or', 'but', 'nor', 'who', 'which', 'that', 'whose', 'where', 'when', 'while', 'as', 'if', 'because', 'so', 'than', 'then', 'now', 'itself']);

/**
 * "Shareholders said", "Most analysts said", "Other proponents of the bill said": the plain noun phrase that is the
 * cue's subject, a candidate of its own when no name, pronoun or listed role lies in it (the ranker learns which head
 * nouns can be a source). Kept in text order among the candidates before the cue. Not a run-time rule: the ranker is
 * trained with these candidates (as positives where the gold source is the phrase, negatives elsewhere).
 */
function addSubjectPhrase(ctx: QuoteContext, raw: Candidate[], cs: number, floor: number): void {
  const found = subjectPhrase(ctx, cs, floor);
  // A candidate among the phrase's own words (after a name modifying it) already stands for it.
  // (After a complement's name, only the head's words count: "unions at Fiat" is no candidate for Fiat.)
  const reach = found?.complement ? found.cand.tokenEnd : cs;
  if (!found || raw.some((c) => c.tokenEnd > found.body && c.tokenStart < reach)) return;
  raw.push(found.cand);
  raw.sort((a, b) => a.tokenStart - b.tokenStart);
}

/**
 * Removes, in place, the names that belong to another phrase and so name no speaker: an organisation or place after
 * a possessive determiner ("quit his Fratton Park position and vowed"), any name tied by of/from/at to the person
 * or role right before it ("Steve Ash, from Activcard, told", "analyst Mike Powell of Dresdner Kleinwort Wasserstein
 * says", "the wife of John Smith said"), and a document owned by the candidate before it ("Mr Tanzi's statement
 * said": Tanzi speaks).
 * The rules' own speaker is added back by `speakerQuery` when it is one of these.
 */
function dropOwned(ctx: QuoteContext, cands: Candidate[], cue: number): void {
  const { lower } = ctx;
  let n = 0;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    let owned = false;
    if (c.kind === 'description' && DOCUMENT_NOUNS.has(lower[c.tokenStart]!) && i > 0 && possessive(lower[c.tokenStart - 1]) && cands[i - 1]!.tokenEnd === c.tokenStart - 1) {
      // "Mr Tanzi's statement said": what a document says, its author says.
      owned = true;
    } else if (c.kind === 'entity' || c.kind === 'proper') {
      const a = c.tokenStart;
      const prev = lower[a - 1];
      if (prev !== undefined && OWNERS.has(prev)) owned = c.kind === 'proper' || c.entity!.type !== 'PERSON';
      else if (prev !== undefined && OF_FROM.has(prev) && i > 0) {
        const p = cands[i - 1]!;
        const end = lower[a - 2] === ',' ? a - 2 : a - 1;
        owned = p.tokenEnd === end && (p.kind === 'description' || (p.kind === 'entity' && p.entity!.type === 'PERSON'));
      }
    }
    if (!owned && c.kind === 'entity' && c.entity!.type === 'LOCATION') owned = placeNoSubject(ctx, c, cue);
    if (!owned) cands[n++] = c;
  }
  cands.length = n;
}

/**
 * The rules' speaker is a person's name or a he/she/they/I/we right before the
 * cue ("Smith said", "she told"; only auxiliaries and adverbs between) or right
 * after it ("said Smith"), or the one a source quotes ("Reuters quoted one trader
 * as saying"): it is taken as it is, without looking for other
 * candidates or ranking (the ranker keeps it nearly always), and the
 * confidence comes from the calibration model alone. Returns its candidate, or null.
 */
function settledCandidate(ctx: QuoteContext, rule: FoundSpeaker, cs: number, ce: number): Candidate | null {
  if (ctx.lower[cs] === 'saying' && ctx.lower[cs - 1] === 'as') {
    // "Reuters quoted one trader as saying": the one quoted said the words, whatever candidates lie around.
    const floor = ctx.doc.sentences[ctx.doc.tokens[cs]!.sentence]!.tokenStart;
    const q = quotedAsSaying(ctx, cs, floor);
    if (q && ctx.index.starts[q.tokenStart]! < rule.end && ctx.index.ends[q.tokenEnd - 1]! > rule.start) return q;
  }
  const a = tokenOf(ctx, rule.start);
  const b = tokenOf(ctx, rule.end - 1) + 1;
  // "Tory leader Michael Howard who said …", "angering a sheriff who says …": the phrase right before a "who" that
  // opens the cue's clause (no comma: it names whom the clause is about) says it, whatever its kind (run-time rule,
  // branch quotes38).
  if (runTimeRules.on && b < cs && ctx.lower[b] === 'who' && ctx.lower[b - 1] !== ',' && onlySkippable(ctx, b + 1, cs)) return { kind: rule.kind, tokenStart: a, tokenEnd: b, entity: rule.entity };
  // (A possessive pronoun the rules resolved stands as its entity: "his" is no pronoun the decoder resolves again.)
  if (runTimeRules.on && possessorOfClaim(ctx, a, b, cs)) return { kind: rule.entity ? 'entity' : rule.kind, tokenStart: a, tokenEnd: b, entity: rule.entity };
  if (rule.kind === 'entity' ? rule.entity?.type !== 'PERSON' : rule.kind !== 'pronoun') return null;
  if (rule.kind === 'pronoun' && (b !== a + 1 || !SETTLED_PRONOUNS.has(ctx.lower[a]!))) return null;
  if (b <= cs) {
    // "Tory leader Michael Howard who said …": the relative word right after the name is no other subject (run-time
    // rule, branch quotes38; not after a comma, where the clause may describe someone else's words).
    for (let k = b; k < cs; k++) if (!SKIPPABLE_BEFORE_VERB.has(ctx.lower[k]!)) return null;
  } else if (a !== ce) return null;
  return { kind: rule.kind, tokenStart: a, tokenEnd: b, entity: rule.entity };
}

/**
 * Tokens [a, b) are the possessor of the noun cue at `cs` with its that-clause: "Mr Smith's claim that …", "his
 * recent warning that …" (at most one modifier between). The possessor said it, whatever candidates lie around
 * (run-time rule, branch quotes40; see `possessedClaims`).
 */
function possessorOfClaim(ctx: QuoteContext, a: number, b: number, cs: number): boolean {
  const { lower } = ctx;
  if (!CLAIM_NOUNS.has(lower[cs]!) || lower[cs + 1] !== 'that') return false;
  let k = b;
  if (lower[k] === "'s" || lower[k] === '’s') k++;
  else if (!(b === a + 1 && /^(?:his|her|their|its)$/.test(lower[a]!))) return false;
  return k === cs || (k === cs - 1 && !ctx.cap[k]);
}

/** Tokens [from, to) are adverbs and auxiliaries only. */
function onlySkippable(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!SKIPPABLE_BEFORE_VERB.has(ctx.lower[k]!) && !ctx.lower[k]!.endsWith('ly')) return false;
  return true;
}

/** Scores where there is no choice, and features not kept (never written). */
const NO_SCORES: number[] = Object.freeze([0]) as number[];
const NO_FEATURES: number[] = Object.freeze([]) as unknown as number[];
/** Feature ids of one candidate, reused. */
const BUF = new Uint32Array(64);
/** Token ranges of a query's candidates, reused. */
let TS = new Int32Array(64);
let TE = new Int32Array(64);

/** The candidates' features (about 20 hashed ids each): scored by `ranker`, or kept on the candidates. */
function featurize(ctx: QuoteContext, q: SpeakerQuery, ranker: Scorer | null): void {
  const { doc, lower } = ctx;
  const { cue, candidates, rule } = q;
  const cs = cue.tokenStart;
  const ce = cue.tokenEnd;
  const S = doc.sentences[doc.tokens[cs]!.sentence]!;
  const { starts, ends, sig } = ctx.index;
  const hs = hashesOf(ctx);
  const cuePos = ends[ce - 1]! <= q.start ? CUE_POSITION.before : starts[cs]! >= q.end ? CUE_POSITION.after : CUE_POSITION.inside;
  let lemma = lemmaHashes.get(cue.lemma);
  if (lemma === undefined) lemmaHashes.set(cue.lemma, (lemma = hashString(cue.lemma)));
  const form = FORM_CODE[cue.form];
  const kindC = KIND_CODE[q.kind];
  const ruleType = rule ? SPEAKER_KIND_CODE[rule.kind] : 0;
  const n = candidates.length;
  // Token ranges of the candidates (the rules' own speaker from its character range).
  if (TS.length < n) {
    TS = new Int32Array(2 * n);
    TE = new Int32Array(2 * n);
  }
  const ts = TS;
  const te = TE;
  candidates.forEach((c, i) => {
    if (c.cand) {
      ts[i] = c.cand.tokenStart;
      te[i] = c.cand.tokenEnd;
    } else {
      ts[i] = tokenOf(ctx, c.start);
      te[i] = Math.max(ts[i]! + 1, tokenOf(ctx, c.end - 1) + 1);
    }
  });
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    const a = ts[i]!;
    const b = te[i]!;
    const th = typeHash(ctx, c.kind, c.cand, a);
    const before = b <= cs;
    const dir = before ? 1 : b <= ce || a < ce ? 3 : 2;
    const gapFrom = before ? b : ce;
    const gapTo = before ? cs : a;
    const d = Math.max(0, gapTo - gapFrom);
    let commas = 0;
    let quote = 0;
    let onlySkippable = 1;
    let verbish = 0;
    let whoBetween = 0;
    const scanTo = Math.min(gapTo, gapFrom + GAP_SCAN);
    for (let k = gapFrom; k < scanTo; k++) {
      const w = lower[k]!;
      if (w === ',') commas++;
      else if (w === 'who' || w === 'which') whoBetween = 1;
      if (ctx.quoteOf[k]! >= 0) quote = 1;
      if (onlySkippable && !SKIPPABLE_BEFORE_VERB.has(w) && !w.endsWith('ly')) onlySkippable = 0;
      if (w === 'is' || w === 'was' || w === 'said' || (w.length > 4 && w.endsWith('ed'))) verbish = 1;
    }
    let between = 0;
    let rank = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      if (ts[j]! >= gapFrom && te[j]! <= gapTo) between++;
      if (before && te[j]! <= cs && ts[j]! > a) rank++;
      if (!before && ts[j]! >= ce && ts[j]! < a) rank++;
    }
    const adjacent = d === 0 ? 1 : onlySkippable && d <= GAP_SCAN ? 2 : 0;
    const prevW = lower[a - 1];
    const nextW = lower[b];
    const prep = prevW !== undefined && MAY_BE_PREPOSITION.mayHaveSig(sig[a - 1]!) && PREPOSITIONS.has(prevW) ? 1 : 0;
    const possessive = nextW === '’s' || nextW === "'s" ? 1 : 0;
    const nm = ctx.mentionOf[b] ?? -1;
    const nextPerson = nm >= 0 && ctx.mentions[nm]!.entity.type === 'PERSON' ? 1 : 0;
    let sentStart = a === S.tokenStart ? 1 : 0;
    if (!sentStart && a > 0) {
      const t = doc.tokens[a - 1]!.text;
      sentStart = t.length === 1 && '“"‘\'([—–-'.includes(t) ? 1 : 0;
    }
    // "CIA Director William Burns, who said": the antecedent of a relative pronoun before the cue.
    const relative = nextW === 'who' || (nextW === ',' && lower[b + 1] === 'who') ? 1 : 0;
    const other = a < S.tokenStart || a >= S.tokenEnd ? 1 : 0;
    const isRule = c.isRule ? 1 : c.inRule ? 2 : 0;
    const db = distBucket(d);
    const r3 = small(rank);
    let k = 0;
    BUF[k++] = mixS(P(1), th);
    BUF[k++] = mixS(P(2, isRule, other), 0);
    BUF[k++] = mixS(P(3, isRule), th);
    BUF[k++] = mixS(P(5, isRule, cuePos, kindC), 0);
    BUF[k++] = mixS(P(11, dir, db), th);
    BUF[k++] = mixS(P(13, dir, adjacent, verbish), th);
    BUF[k++] = mixS(P(14, dir, r3), th);
    BUF[k++] = mixS(P(16, dir, small(commas), quote), th);
    BUF[k++] = mixS(mixS(P(18), th), tokenHash(ctx, hs, a - 1));
    BUF[k++] = mixS(mixS(P(19), th), tokenHash(ctx, hs, b));
    BUF[k++] = mixS(P(20, dir, prep), th);
    BUF[k++] = mixS(P(21, nextPerson), th);
    BUF[k++] = mixS(P(22, possessive, sentStart), th);
    BUF[k++] = mixS(mixS(P(25, dir), lemma), th);
    BUF[k++] = mixS(P(27, cuePos, dir), th);
    BUF[k++] = mixS(P(33, ruleType, isRule), th);
    BUF[k++] = mixS(P(35, small(between), dir), th);
    BUF[k++] = mixS(P(38, relative, dir, whoBetween), th);
    if (c.kind === 'description' || c.kind === 'proper' || c.kind === 'np') BUF[k++] = mixS(mixS(P(28), th), tokenHash(ctx, hs, b - 1));
    // "Smith, the party's chairman, said": an appositive between the name and the cue.
    if (before && d >= 3 && lower[gapFrom] === ',' && lower[gapTo - 1] === ',') BUF[k++] = mixS(P(29, r3), th);
    if (ranker) q.scores[i] = ranker.score(BUF, 0, k);
    else c.feats = Array.from(BUF.subarray(0, k));
  }
}

function tokenOf(ctx: QuoteContext, offset: number): number {
  const { ends } = ctx.index;
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of calibration features (`calibrationFeatures`). */
export const CALIBRATION_FEATURES = 25;


/** The ranker's decision for one query: the chosen candidate (−1: none) and the calibration features of that choice. */
export interface SpeakerDecision {
  chosen: number;
  z: Float64Array;
}

/** Cues whose speaker the rules read from a fixed pattern, kept as they are: a transcript colon, "X quoted Y:", "to quote X". */
const RULE_FORMS = new Set<Cue['form']>(['colon', 'quoted', 'toQuote']);

/**
 * Chooses the speaker among the query's candidates given their ranker scores:
 * the rules' speaker unless the best other candidate beats it by `margin`
 * (or, without a rules' speaker, reaches probability `adopt`). A candidate
 * inside the rules' speaker's words is the rules' speaker; cues of a fixed
 * pattern (`RULE_FORMS`) keep theirs.
 */
export function decide(q: SpeakerQuery, scores: ArrayLike<number>, params: Pick<SpeakerParams, 'margin' | 'adopt'>, z = new Float64Array(CALIBRATION_FEATURES)): SpeakerDecision {
  const n = q.candidates.length;
  z.fill(0);
  if (n === 0) return { chosen: -1, z };
  let top = 0;
  for (let i = 1; i < n; i++) if (scores[i]! > scores[top]!) top = i;
  // Softmax probabilities over every candidate, as needed: p_i = exp(s_i − s_top) / Σ exp(s_j − s_top).
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(scores[i]! - scores[top]!);
  // The best candidate that may be chosen (`barred`: not inside the quote).
  let best = -1;
  for (let i = 0; i < n; i++) if (!isBarred(q, i) && (best < 0 || scores[i]! > scores[best]!)) best = i;
  if (best < 0) return { chosen: -1, z };
  let chosen = q.ruleIndex;
  if (q.settled) {
    const c = q.candidates[chosen]!;
    z[0] = 1;
    z[24] = 1;
    z[6 + typeSlot(c)] = 1;
    z[14 + (q.kind === 'direct' ? 0 : q.kind === 'partial' ? 1 : 2)] = 1;
    z[17 + (q.cue.form === 'verb' ? 0 : q.cue.form === 'according' ? 1 : 2)] = 1;
    z[21] = c.cand!.tokenEnd <= q.cue.tokenStart ? 1 : 0;
    return { chosen, z };
  }
  if (chosen < 0) {
    if (Math.exp(scores[best]! - scores[top]!) / sum >= params.adopt) chosen = best;
  } else if (best !== chosen && !q.candidates[best]!.inRule && !RULE_FORMS.has(q.cue.form) && scores[best]! - scores[chosen]! > params.margin) chosen = best;
  if (chosen < 0) return { chosen, z };
  let second = -Infinity;
  for (let i = 0; i < n; i++) if (i !== chosen && scores[i]! > second) second = scores[i]!;
  const c = q.candidates[chosen]!;
  const pc = Math.min(1 - 1e-6, Math.max(1e-6, Math.exp(scores[chosen]! - scores[top]!) / sum));
  z[0] = 1;
  z[1] = Math.log(pc / (1 - pc));
  z[2] = second === -Infinity ? 5 : Math.max(-5, Math.min(5, scores[chosen]! - second));
  z[3] = c.isRule ? 1 : 0;
  z[4] = q.ruleIndex >= 0 ? 1 : 0;
  z[5] = q.ruleIndex >= 0 && !c.isRule ? 1 : 0;
  z[6 + typeSlot(c)] = 1;
  z[14 + (q.kind === 'direct' ? 0 : q.kind === 'partial' ? 1 : 2)] = 1;
  z[17 + (q.cue.form === 'verb' ? 0 : q.cue.form === 'according' ? 1 : 2)] = 1;
  z[20] = n >= 3 ? 1 : 0;
  z[21] = c.cand ? (c.cand.tokenEnd <= q.cue.tokenStart ? 1 : 0) : 0;
  z[22] = n === 1 ? 1 : 0;
  z[23] = c.cand === null ? 1 : 0;
  return { chosen, z };
}

/** Candidate `i` lies inside the quote it would be the source of (`SpeakerQuery.barred`). */
function isBarred(q: SpeakerQuery, i: number): boolean {
  const c = q.candidates[i]!;
  return c.start < q.barred[1] && c.end > q.barred[0];
}

/** Slot of the chosen candidate's type among the calibration features 6–13. */
function typeSlot(c: SpeakerCandidate): number {
  if (c.kind === 'entity') {
    const t = c.cand?.entity?.type;
    return t === 'PERSON' ? 0 : t === 'ORGANIZATION' ? 1 : t === 'LOCATION' ? 2 : 3;
  }
  return c.kind === 'pronoun' ? 4 : c.kind === 'description' ? 5 : c.kind === 'proper' ? 6 : 7;
}

/** Ranker scores of a query whose features were kept (training, selection). */
export function scoreQuery(ranker: Scorer, q: SpeakerQuery): Float64Array {
  const s = new Float64Array(q.candidates.length);
  if (q.candidates.length > 1) q.candidates.forEach((c, i) => (s[i] = ranker.score(c.feats)));
  return s;
}

/** The chosen candidate as a speaker (the rules' own when it is theirs). */
export function speakerOf(ctx: QuoteContext, q: SpeakerQuery, chosen: number, history: SpeakerHistory): FoundSpeaker | null {
  if (chosen < 0) return null;
  const c = q.candidates[chosen]!;
  if (c.isRule || c.inRule || !c.cand) return q.rule;
  const { doc } = ctx;
  const S = doc.sentences[doc.tokens[q.cue.tokenStart]!.sentence]!;
  const before = c.cand.tokenEnd <= q.cue.tokenStart;
  return toSpeaker(ctx, c.cand, history, before ? S.tokenStart : q.cue.tokenEnd, before ? q.cue.tokenStart : S.tokenEnd);
}

const Z = new Float64Array(CALIBRATION_FEATURES);

/**
 * Reviews the rules' speakers of the drafts in place: every draft with a cue
 * (once per group: pieces share their head's decision) gets the model's
 * speaker and its calibrated confidence.
 */
export function decideSpeakers(ctx: QuoteContext, drafts: Draft[], history: SpeakerHistory, model: SpeakerModel): void {
  const done = new Map<number, { speaker: FoundSpeaker | null; confidence: number | null }>();
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (!d.cue) continue;
    const head = d.groupWith >= 0 ? d.groupWith : i;
    let r = done.get(head);
    if (!r) {
      const h = drafts[head]!;
      const src = h.cue ? h : d;
      const q = speakerQuery(ctx, src.cue!, src.kind, src.start, src.end, src.speaker, model.ranker, true);
      const dec = decide(q, q.scores, model.params, Z);
      const speaker = speakerOf(ctx, q, dec.chosen, history);
      r = { speaker, confidence: speaker ? model.confidence(dec.z) : null };
      done.set(head, r);
    }
    d.speaker = r.speaker;
    d.confidence = r.confidence;
  }
}
