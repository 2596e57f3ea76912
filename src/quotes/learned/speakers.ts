/**
 * The learned speaker check: for each quote the rules attributed to a cue, a
 * small linear ranker scores the rules' speaker and the other speaker-like
 * phrases around the cue (entity mentions, pronouns, role descriptions,
 * unrecognised names) in the cue's sentence; the rules' speaker is replaced
 * only when the ranker prefers another candidate by a margin chosen on the
 * held-out slice of PolNeAR train, and every speaker gets a calibrated
 * probability of being right (`speaker_confidence`).
 *
 * Cost: it runs once per cue over a handful of candidates (about 35 hashed
 * features each), never per token.
 *
 * File format (models/speakers.bin, little-endian):
 *   "AES1" | ranker LinearModel (see linear.ts) | u32 CALIBRATION_FEATURES |
 *   f32 calibration weights | f32 params[PARAM_COUNT] (see `SpeakerParams`)
 */
import { readFileSync } from 'node:fs';
import { hashString, mix } from '../../entities/hash.js';
import { resolveModelPath } from '../../models.js';
import type { QuoteKind } from '../../document/schema.js';
import type { QuoteContext } from '../context.js';
import type { Cue } from '../cues.js';
import type { Draft } from '../index.js';
import { PREPOSITIONS, SKIPPABLE_BEFORE_VERB } from '../lexicon.js';
import { candidatesIn, toSpeaker, type Candidate, type FoundSpeaker, type SpeakerHistory, type SpeakerKind } from '../speaker.js';
import { LinearModel, sigmoid } from './linear.js';

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
  feats: number[];
}

/** What the ranker sees of one quote: its cue, the rules' speaker, and the candidates around the cue. */
export interface SpeakerQuery {
  cue: Cue;
  kind: QuoteKind;
  rule: FoundSpeaker | null;
  candidates: SpeakerCandidate[];
  /** Index of the rules' speaker among the candidates, or -1 when the rules found none. */
  ruleIndex: number;
}

/** Tokens on each side of the cue searched for candidates (within its sentence). */
const REACH = 40;

const f1 = (t: number, a: number) => mix(t, a);
const f2 = (t: number, a: number, b: number) => mix(mix(t, a), b);
const f3 = (t: number, a: number, b: number, c: number) => mix(mix(mix(t, a), b), c);
const distBucket = (d: number) => (d <= 3 ? d : d <= 5 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7);
const small = (n: number) => (n > 3 ? 3 : n);

/** Word hashes, memoised: the same few words (cue lemmas, neighbours) recur. */
const wordHashes = new Map<string, number>();
function wh(w: string | undefined): number {
  if (w === undefined) return 1;
  let h = wordHashes.get(w);
  if (h === undefined) {
    h = hashString(w);
    if (wordHashes.size < 50000) wordHashes.set(w, h);
  }
  return h;
}

/** A candidate's type as the features see it: entity type, pronoun word, or phrase kind. */
function typeOf(ctx: QuoteContext, kind: SpeakerKind, cand: Candidate | null, tokenStart: number): string {
  if (cand === null) return `R:${kind}`;
  switch (kind) {
    case 'entity': {
      const e = cand.entity!;
      return e.type === 'MISC' && e.subtype === 'media' ? 'E:media' : `E:${e.type}`;
    }
    case 'pronoun':
      return `P:${ctx.lower[tokenStart]}`;
    default:
      return kind;
  }
}

const CUE_POSITION = { before: 1, after: 2, inside: 3 } as const;

/**
 * The candidates of a quote's cue with their features. `start`/`end` is the
 * quote's (UTF-16), for where the cue stands relative to it.
 */
export function speakerQuery(ctx: QuoteContext, cue: Cue, kind: QuoteKind, start: number, end: number, rule: FoundSpeaker | null): SpeakerQuery {
  const { doc, lower } = ctx;
  const cs = cue.tokenStart;
  const ce = cue.tokenEnd;
  const S = doc.sentences[doc.tokens[cs]!.sentence]!;
  const from = Math.max(S.tokenStart, cs - REACH);
  const to = Math.min(S.tokenEnd, ce + REACH);
  const raw = [...candidatesIn(ctx, from, cs), ...candidatesIn(ctx, ce, to)];
  const candidates: SpeakerCandidate[] = raw.map((c) => ({ cand: c, kind: c.kind, start: doc.tokens[c.tokenStart]!.start, end: doc.tokens[c.tokenEnd - 1]!.end, isRule: false, inRule: false, feats: [] }));
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
    if (ruleIndex < 0) {
      // Not a candidate (a loose noun phrase, or a speaker from another sentence): scored as itself.
      candidates.push({ cand: null, kind: rule.kind, start: rule.start, end: rule.end, isRule: true, inRule: true, feats: [] });
      ruleIndex = candidates.length - 1;
    } else candidates[ruleIndex]!.isRule = true;
    for (const c of candidates) if (c.start >= rule.start && c.end <= rule.end) c.inRule = true;
  }
  const cuePos = doc.tokens[ce - 1]!.end <= start ? CUE_POSITION.before : doc.tokens[cs]!.start >= end ? CUE_POSITION.after : CUE_POSITION.inside;
  const lemma = wh(cue.lemma);
  const form = wh(cue.form);
  const kindH = wh(kind);
  const ruleType = rule ? wh(rule.kind) : 0;
  const n = candidates.length;
  // Token ranges of the candidates (the rules' own speaker from its character range).
  const ts = new Int32Array(n);
  const te = new Int32Array(n);
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
    const th = wh(typeOf(ctx, c.kind, c.cand, a));
    const before = b <= cs;
    const dir = before ? 1 : b <= ce || a < ce ? 3 : 2;
    const gapFrom = before ? b : ce;
    const gapTo = before ? cs : a;
    const d = Math.max(0, gapTo - gapFrom);
    let commas = 0;
    let quote = 0;
    let onlySkippable = 1;
    let verbish = 0;
    for (let k = gapFrom; k < gapTo && k < gapFrom + 60; k++) {
      const w = lower[k]!;
      if (w === ',') commas++;
      if (ctx.quoteOf[k]! >= 0) quote = 1;
      if (!SKIPPABLE_BEFORE_VERB.has(w) && !w.endsWith('ly')) onlySkippable = 0;
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
    const adjacent = d === 0 ? 1 : onlySkippable ? 2 : 0;
    const prevW = lower[a - 1];
    const nextW = lower[b];
    const prep = prevW !== undefined && PREPOSITIONS.has(prevW) ? 1 : 0;
    const possessive = nextW === '’s' || nextW === "'s" ? 1 : 0;
    const nm = ctx.mentionOf[b] ?? -1;
    const nextPerson = nm >= 0 && ctx.mentions[nm]!.entity.type === 'PERSON' ? 1 : 0;
    const sentStart = a === S.tokenStart || (a > 0 && /^[“"‘'(\[—–-]$/.test(doc.tokens[a - 1]!.text)) ? 1 : 0;
    // "CIA Director William Burns, who said": the antecedent of a relative pronoun before the cue.
    const relative = lower[b] === 'who' || (lower[b] === ',' && lower[b + 1] === 'who') ? 1 : 0;
    let whoBetween = 0;
    for (let k = gapFrom; k < gapTo && k < gapFrom + 60; k++) if (lower[k] === 'who' || lower[k] === 'which') whoBetween = 1;
    const other = a < S.tokenStart || a >= S.tokenEnd ? 1 : 0;
    const isRule = c.isRule ? 1 : c.inRule ? 2 : 0;
    const db = distBucket(d);
    const r3 = small(rank);
    const f = c.feats;
    f.push(
      f1(1, th),
      f1(2, isRule),
      f2(3, isRule, th),
      f2(4, isRule, form),
      f3(5, isRule, cuePos, kindH),
      f2(6, isRule, ruleType),
      f2(10, th, dir),
      f3(11, th, dir, db),
      f2(12, dir, adjacent),
      f3(13, th, dir, adjacent),
      f3(14, th, dir, r3),
      f2(15, dir, r3),
      f3(16, th, dir, small(commas)),
      f2(17, dir, quote),
      f2(18, th, wh(prevW)),
      f2(19, th, wh(nextW)),
      f3(20, th, dir, prep),
      f2(21, th, nextPerson),
      f2(22, th, possessive),
      f2(23, th, sentStart),
      f2(24, lemma, dir),
      f3(25, lemma, th, dir),
      f2(26, cuePos, dir),
      f3(27, cuePos, th, dir),
      f2(30, other, isRule),
      f2(31, small(n), isRule),
      f3(32, dir, verbish, th),
      f3(33, ruleType, th, isRule),
      f3(34, isRule, adjacent, dir),
      f3(35, th, small(between), dir),
      f3(36, kindH, th, dir),
      f2(37, form, dir),
      f3(38, th, relative, dir),
      f3(39, dir, whoBetween, relative),
    );
    if (c.kind === 'description' || c.kind === 'proper' || c.kind === 'np') f.push(f2(28, th, wh(lower[b - 1])));
    // "Smith, the party's chairman, said": an appositive between the name and the cue.
    if (before && d >= 3 && lower[gapFrom] === ',' && lower[gapTo - 1] === ',') f.push(f2(29, th, r3));
  }
  return { cue, kind, rule, candidates, ruleIndex };
}

function tokenOf(ctx: QuoteContext, offset: number): number {
  const { tokens } = ctx.doc;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of calibration features (`calibrationFeatures`). */
export const CALIBRATION_FEATURES = 24;

const TYPE_SLOT: Record<string, number> = { 'E:PERSON': 0, 'E:ORGANIZATION': 1, 'E:LOCATION': 2, pronoun: 4, description: 5, proper: 6, np: 7 };

/** Softmax of the scores (in place into `out`). */
export function softmax(scores: ArrayLike<number>, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  let z = 0;
  for (let i = 0; i < scores.length; i++) z += out[i] = Math.exp(scores[i]! - max);
  for (let i = 0; i < scores.length; i++) out[i]! /= z;
  return out;
}

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
export function decide(q: SpeakerQuery, scores: ArrayLike<number>, params: Pick<SpeakerParams, 'margin' | 'adopt'>): SpeakerDecision {
  const n = q.candidates.length;
  const z = new Float64Array(CALIBRATION_FEATURES);
  if (n === 0) return { chosen: -1, z };
  const p = softmax(scores, new Float64Array(n));
  let best = 0;
  for (let i = 1; i < n; i++) if (scores[i]! > scores[best]!) best = i;
  let chosen = q.ruleIndex;
  if (chosen < 0) {
    if (p[best]! >= params.adopt) chosen = best;
  } else if (best !== chosen && !q.candidates[best]!.inRule && !RULE_FORMS.has(q.cue.form) && scores[best]! - scores[chosen]! > params.margin) chosen = best;
  if (chosen < 0) return { chosen, z };
  let second = -Infinity;
  for (let i = 0; i < n; i++) if (i !== chosen && scores[i]! > second) second = scores[i]!;
  const c = q.candidates[chosen]!;
  const pc = Math.min(1 - 1e-6, Math.max(1e-6, p[chosen]!));
  z[0] = 1;
  z[1] = Math.log(pc / (1 - pc));
  z[2] = second === -Infinity ? 5 : Math.max(-5, Math.min(5, scores[chosen]! - second));
  z[3] = c.isRule ? 1 : 0;
  z[4] = q.ruleIndex >= 0 ? 1 : 0;
  z[5] = q.ruleIndex >= 0 && !c.isRule ? 1 : 0;
  const type = c.kind === 'entity' ? `E:${c.cand?.entity?.type ?? ''}` : c.kind;
  const slot = TYPE_SLOT[type] ?? 3;
  z[6 + slot] = 1;
  z[14 + (q.kind === 'direct' ? 0 : q.kind === 'partial' ? 1 : 2)] = 1;
  z[17 + (q.cue.form === 'verb' ? 0 : q.cue.form === 'according' ? 1 : 2)] = 1;
  z[20] = n >= 3 ? 1 : 0;
  z[21] = c.cand ? (c.cand.tokenEnd <= q.cue.tokenStart ? 1 : 0) : 0;
  z[22] = n === 1 ? 1 : 0;
  z[23] = c.cand === null ? 1 : 0;
  return { chosen, z };
}

/** Ranker scores of the query's candidates. */
export function scoreQuery(ranker: { score(ids: ArrayLike<number>): number }, q: SpeakerQuery): Float64Array {
  const s = new Float64Array(q.candidates.length);
  q.candidates.forEach((c, i) => (s[i] = ranker.score(c.feats)));
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
      const q = speakerQuery(ctx, src.cue!, src.kind, src.start, src.end, src.speaker);
      const dec = decide(q, scoreQuery(model.ranker, q), model.params);
      const speaker = speakerOf(ctx, q, dec.chosen, history);
      r = { speaker, confidence: speaker ? model.confidence(dec.z) : null };
      done.set(head, r);
    }
    d.speaker = r.speaker;
    d.confidence = r.confidence;
  }
}
