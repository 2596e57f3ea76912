/**
 * Trains and scores the event stage's two MEANTIME-learned decisions:
 * participant roles (HAS_PARTICIPANT, src/events/participants.ts) and event
 * coreference within an article (REFERS_TO event instances,
 * src/events/coreference.ts). Examples come from the pipeline's own layers on
 * the MEANTIME texts (its entity mentions, clauses, events), labelled by overlap
 * with the gold annotation, so training sees what the stage sees.
 */
import { hashString } from '../../entities/hash.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../pipeline.js';
import { createDoc } from '../../text/create-doc.js';
import type { Doc, DocEvent } from '../../text/doc.js';
import { mentionAt, spanOfChars, timeAt } from '../../text/layers.js';
import { tokenIndex } from '../../text/token-index.js';
import { findDate, type ArgContext } from '../arguments.js';
import { clauseIds } from '../clauses.js';
import { COREF_BIAS_FEATURE, corefCandidate, corefFeatures, corefKey, COREF_WINDOW, type CorefKey } from '../coreference.js';
import { eventArguments, findEvents } from '../index.js';
import type { LinearModel } from '../learned/linear-model.js';
import { COREF_MODEL, PARTICIPANT_MODEL, loadCoreEventModels, loadEventModels, useEventModels } from '../learned/models.js';
import { buildTriggerIndex, type TriggerInfo } from '../lexicon.js';
import { candidateMentions, participantFeatures, PARTICIPANT_LABELS, triggerKey, type ParticipantLabel, type ParticipantMargins } from '../participants.js';
import { parseMeantime, type MeantimeDoc } from './meantime-links.js';
import { LinearTrainer, meanWeights, prng, type AveragedWeights } from './perceptron.js';
import { toModel } from './train.js';

export interface LinkDoc {
  corpus: string;
  gold: MeantimeDoc;
  /** The pipeline's layers up to the event stage (entities, times, quotes). */
  doc: Doc;
  ctx: ArgContext;
}

/** MEANTIME corpus `corpus` (apple, gm) through the shipping pipeline up to the event stage. */
export function readLinkDocs(dataDir: string, corpus: string, limit = Infinity): LinkDoc[] {
  const dir = join(dataDir, 'meantime-en', 'intra-doc_annotation', `corpus_${corpus}`);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .slice(0, limit)
    .map((f) => {
      const gold = parseMeantime(readFileSync(join(dir, f), 'utf8'), `${corpus}/${f}`);
      const doc = createDoc({ text: gold.text, publishedAt: gold.dct });
      runPipeline(doc, { disable: ['events'] });
      const { mentions, at } = mentionAt(doc);
      return { corpus, gold, doc, ctx: { doc, lower: tokenIndex(doc).lower, clause: clauseIds(doc), mentions, byToken: at } };
    });
}

const TRIGGERS = buildTriggerIndex();
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
/**
 * Whether a name is the participant a gold mention stands for: its head is in the name ("Apple CEO Steve Jobs",
 * head "Jobs": Jobs, not Apple; "Russia's defence export agency", head "agency": not Russia). No head: any overlap.
 */
const isHead = (name: string, head: string) => {
  const h = head.trim().split(/\s+/).pop() ?? '';
  return !h || name.includes(h) || head.includes(name);
};
const ROLE_LABEL = (role: string): ParticipantLabel => (role === 'Arg0' ? 'agent' : role === 'Arg1' ? 'patient' : role === 'Argm-LOC' ? 'location' : 'other');
const LABEL_ORDER: ParticipantLabel[] = ['agent', 'patient', 'location', 'other'];

// ---------- participants ----------

interface ParticipantCase {
  d: LinkDoc;
  ts: number;
  te: number;
  info: TriggerInfo | null;
  key: string;
  /** Gold label of each candidate entity (by entity id): its best role among the candidate mentions. */
  gold: Map<string, ParticipantLabel>;
  ids: number[];
  offsets: number[];
  labels: number[];
}

/** Gold event mentions that have participant links, with their candidate mentions' features and gold labels. */
function participantCases(docs: LinkDoc[]): ParticipantCase[] {
  const out: ParticipantCase[] = [];
  for (const d of docs) {
    const g = d.gold;
    for (const [id, ev] of g.events) {
      const links = g.roles.get(id);
      if (!links?.length) continue; // participants are annotated on some mentions only: score those
      const span = spanOfChars(d.doc, ev.start, ev.end);
      const ts = span.tokenStart;
      const te = Math.max(span.tokenEnd, ts + 1);
      const key = d.ctx.lower[ts] ?? '';
      const info = TRIGGERS.get(key)?.[0] ?? null;
      const pos = info?.pos ?? (/^(?:the|a|an|its|his|her|their|this|'s|’s)$/.test(d.ctx.lower[ts - 1] ?? '') ? 'noun' : 'verb');
      const t = triggerKey(d.ctx, ts, te, info?.cls.type ?? 'OTHER', pos);
      const cands = candidateMentions(d.ctx, ts, te);
      const c: ParticipantCase = { d, ts, te, info, key, gold: new Map(), ids: [], offsets: [0], labels: [] };
      let before = cands.filter((m) => m.tokenEnd <= ts).length;
      let afterRank = 0;
      for (const m of cands) {
        const rank = m.tokenEnd <= ts ? --before : afterRank++;
        let label: ParticipantLabel = 'none';
        for (const l of links) {
          const target = g.entityMentions.get(l.target);
          if (!target || !overlaps(target, m) || !isHead(d.doc.text.slice(m.start, m.end), target.head)) continue;
          const lab = ROLE_LABEL(l.role);
          if (label === 'none' || LABEL_ORDER.indexOf(lab) < LABEL_ORDER.indexOf(label)) label = lab;
        }
        participantFeatures(d.ctx, t, m, rank, c.ids);
        c.offsets.push(c.ids.length);
        c.labels.push(PARTICIPANT_LABELS.indexOf(label));
        const prev = c.gold.get(m.entity.id);
        if (!prev || prev === 'none') c.gold.set(m.entity.id, label);
      }
      out.push(c);
    }
  }
  return out;
}

export interface LinkTrainOptions {
  epochs: number;
  seed: number;
  maxRows: number;
  /**
   * Members of the bag each model is the mean of: member k trains on the documents but every `members`-th (those
   * with index ≡ k), in its own seeded order. One perceptron's path through a few thousand examples moves far when
   * a document or the order changes (one MEANTIME document left out changed about 200 BBC participant lists and 300
   * merged pairs); the mean of the members does not follow any one path. 1: a single perceptron on all documents.
   */
  members: number;
  /**
   * Per model, features seen in fewer training examples than this are left out (1: all kept). A hashed conjunction
   * seen in one or two examples (a type with a word stem, a governing word with a trigger type) is learned from one
   * document: leaving that document out, or reordering, moves its weight and the BBC decisions it tips.
   */
  minCount: { participants: number; coreference: number };
}

export const defaultLinkOptions = (seed = 13): LinkTrainOptions => ({ epochs: 10, seed, maxRows: 20000, members: BAG_MEMBERS, minCount: { ...MIN_COUNT } });

/** See LinkTrainOptions.minCount (docs/events.md, events40). */
const MIN_COUNT = { participants: 1, coreference: 1 };

const BAG_MEMBERS = 30;

type Example = { ids: Uint32Array; label: number };

/**
 * The mean weights of `opts.members` averaged perceptrons (see LinkTrainOptions.members) over the examples of each
 * document (`perDoc`, in document order), each member in its own seeded order.
 */
function baggedWeights(docs: readonly LinkDoc[], perDoc: readonly Example[][], labels: number, opts: LinkTrainOptions, minCount: number): AveragedWeights {
  const k = Math.max(1, opts.members);
  perDoc = pruneRare(perDoc, minCount);
  // A document's member is fixed by its name, not its index: leaving one document out changes only the members it was in.
  const left = docs.map((d) => hashString(d.gold.name) % k);
  const members: AveragedWeights[] = [];
  for (let m = 0; m < k; m++) {
    const examples = perDoc.flatMap((ex, i) => (k > 1 && left[i] === m ? [] : ex));
    const tr = new LinearTrainer(labels);
    const rand = prng(opts.seed + m);
    const order = examples.map((_, i) => i);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      shuffle(order, rand);
      for (const i of order) tr.learnOne(examples[i]!.ids, 0, examples[i]!.ids.length, examples[i]!.label);
    }
    members.push(tr.averaged());
  }
  return members.length === 1 ? members[0]! : meanWeights(members);
}

/** Averaged perceptrons over every candidate of every case, `epochs` passes in seeded orders (no selection: the last epoch), bagged (see LinkTrainOptions.members). */
export function trainParticipants(docs: LinkDoc[], opts: LinkTrainOptions): LinearModel {
  const perDoc = docs.map((d) => {
    const examples: Example[] = [];
    for (const c of participantCases([d])) for (let k = 0; k < c.labels.length; k++) examples.push({ ids: Uint32Array.from(c.ids.slice(c.offsets[k]!, c.offsets[k + 1]!)), label: c.labels[k]! });
    return examples;
  });
  return toModel(baggedWeights(docs, perDoc, PARTICIPANT_LABELS.length, opts, opts.minCount.participants), PARTICIPANT_MODEL.magic, PARTICIPANT_LABELS.length, opts.maxRows);
}

/** The examples without the features seen in fewer than `minCount` of them (counted over all documents given). */
export function pruneRare(perDoc: readonly Example[][], minCount: number): Example[][] {
  if (minCount <= 1) return perDoc as Example[][];
  const seen = new Map<number, number>();
  for (const ex of perDoc) for (const x of ex) for (const id of new Set(x.ids)) seen.set(id, (seen.get(id) ?? 0) + 1);
  return perDoc.map((ex) => ex.map((x) => ({ ids: x.ids.filter((id) => seen.get(id)! >= minCount), label: x.label })));
}

function shuffle(order: number[], rand: () => number) {
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
}

export interface PRF {
  gold: number;
  system: number;
  right: number;
  precision: number;
  recall: number;
  f1: number;
}
const prf = (gold: number, system: number, right: number): PRF => {
  const p = system ? right / system : 0;
  const r = gold ? right / gold : 0;
  const r3 = (x: number) => +x.toFixed(3);
  return { gold, system, right, precision: r3(p), recall: r3(r), f1: r3(p + r ? (2 * p * r) / (p + r) : 0) };
};

/** Whether a system role is the gold one: agent, patient and location exactly; "participant" and "recipient" any other argument. */
const roleMatches = (sys: string, gold: ParticipantLabel) =>
  sys === gold || ((sys === 'participant' || sys === 'recipient') && (gold === 'other' || gold === 'patient'));

/**
 * Participant P/R/F1 over (gold event mention, named entity within the window) pairs, of the stage's argument
 * finder (`eventArguments`) with `model` (null: the rules alone). Untyped: the entity is an argument (a place
 * counts); typed: with the right role (see roleMatches).
 */
export function scoreParticipants(docs: LinkDoc[], model: LinearModel | null, margins?: ParticipantMargins): { untyped: PRF; typed: PRF; by_role: Record<string, PRF> } {
  let gold = 0;
  let sys = 0;
  let right = 0;
  let typed = 0;
  const role: Record<string, { gold: number; system: number; right: number }> = {};
  const bump = (l: string, f: 'gold' | 'system' | 'right') => ((role[l] ??= { gold: 0, system: 0, right: 0 })[f] += 1);
  for (const c of participantCases(docs)) {
    const { participants, location } = eventArguments(c.d.ctx, c.ts, c.te, c.info, c.key, model, margins);
    const out = new Map<string, string>();
    for (const p of participants) if (c.gold.has(p.entity.id)) out.set(p.entity.id, p.role);
    if (location && c.gold.has(location.value.id)) out.set(location.value.id, 'location');
    for (const [id, l] of c.gold) {
      if (l !== 'none') {
        gold++;
        bump(l, 'gold');
      }
      const s = out.get(id);
      if (s) {
        sys++;
        bump(s === 'participant' || s === 'recipient' ? 'other' : s, 'system');
      }
      if (s && l !== 'none') {
        right++;
        if (roleMatches(s, l)) {
          typed++;
          bump(l, 'right');
        }
      }
    }
  }
  const by_role: Record<string, PRF> = {};
  for (const [l, v] of Object.entries(role)) by_role[l] = prf(v.gold, v.system, v.right);
  return { untyped: prf(gold, sys, right), typed: prf(gold, sys, typed), by_role };
}

// ---------- coreference ----------

/** The stage's events of a document before cross-clause merging, with the gold instance of each (null: no gold mention). */
function eventsWithInstances(d: LinkDoc, mode: 'learned' | 'rules' | 'none'): { events: DocEvent[]; instanceOf: (e: DocEvent) => string | null } {
  const events = findEvents(d.doc, undefined, mode);
  const g = d.gold;
  const instanceOf = (e: DocEvent) => {
    for (const s of e.mentions) for (const [id, ev] of g.events) if (overlaps(s, ev) && g.eventInstance.has(id)) return g.eventInstance.get(id)!;
    return null;
  };
  return { events, instanceOf };
}

/**
 * Every gold event mention that refers to an instance, as the stage would describe it: type from the lexicon
 * (its first entry; OTHER for other words), date by the clause rule, participants and place by the stage's argument
 * finder with the participant model in use. The stage's own events are too few to learn from (about 40 pairs per
 * corpus); these give every annotated mention.
 */
function goldMentionEvents(d: LinkDoc): { events: DocEvent[]; instanceOf: (e: DocEvent) => string | null } {
  const inst = new Map<DocEvent, string>();
  const timeTokens = timeAt(d.doc);
  const model = loadEventModels().participants;
  const events: DocEvent[] = [];
  const gold = [...d.gold.events.entries()].filter(([id]) => d.gold.eventInstance.has(id)).sort((a, b) => a[1].start - b[1].start);
  for (const [id, ev] of gold) {
    const span = spanOfChars(d.doc, ev.start, ev.end);
    const ts = span.tokenStart;
    const te = Math.max(span.tokenEnd, ts + 1);
    const key = d.ctx.lower[ts] ?? '';
    const info = TRIGGERS.get(key)?.[0] ?? null;
    const { participants, location } = eventArguments(d.ctx, ts, te, info, key, model);
    const date = findDate(d.ctx, d.doc.times, timeTokens, ts, te, 40);
    const trigger = { start: span.start, end: span.end, tokenStart: ts, tokenEnd: te };
    const e: DocEvent = {
      id: '',
      type: info?.cls.type ?? 'OTHER',
      cameo: null,
      factuality: 'asserted',
      trigger,
      mentions: [trigger],
      sentence: d.doc.tokens[ts]!.sentence,
      date: date?.value ?? null,
      location: location?.value ?? null,
      participants: participants.map((p) => ({ entity: p.entity, role: p.role })),
      evidence: {},
    };
    inst.set(e, d.gold.eventInstance.get(id)!);
    events.push(e);
  }
  return { events, instanceOf: (e) => inst.get(e) ?? null };
}

/**
 * Pairwise examples as the learned merge meets them: events with a gold instance, in text order, each compared
 * with the clusters built so far (merged by the gold answer) of the same type within the window.
 */
/** Where coreference examples come from: the stage's events, every gold mention described as the stage would, or both. */
export type CorefSource = 'stage' | 'gold' | 'both';

function corefExamples(docs: LinkDoc[], source: CorefSource): Array<{ ids: Uint32Array; label: number }> {
  const out: Array<{ ids: Uint32Array; label: number }> = [];
  const ids: number[] = [];
  const runs: Array<{ d: LinkDoc } & ReturnType<typeof goldMentionEvents>> = [];
  for (const d of docs) {
    if (source !== 'gold') runs.push({ d, ...eventsWithInstances(d, 'none') });
    if (source !== 'stage') runs.push({ d, ...goldMentionEvents(d) });
  }
  for (const { d, events, instanceOf } of runs) {
    const clusters: Array<{ e: DocEvent; k: CorefKey; inst: string; last: number; sentence: number }> = [];
    events.forEach((e, i) => {
      const inst = instanceOf(e);
      if (!inst) return;
      const k = corefKey(d.doc, d.ctx.lower, e);
      let joined = -1;
      for (let j = clusters.length - 1; j >= 0 && j >= clusters.length - COREF_WINDOW; j--) {
        const c = clusters[j]!;
        if (!corefCandidate(c.e, e)) continue;
        ids.length = 0;
        corefFeatures(c.e, c.k, e, k, i - c.last - 1, e.sentence - c.sentence, ids);
        const same = c.inst === inst;
        out.push({ ids: Uint32Array.from(ids), label: same ? 1 : 0 });
        if (same && joined < 0) joined = j;
      }
      if (joined >= 0) {
        const c = clusters[joined]!;
        // As mergeInto does: the cluster takes what it lacked.
        if (c.e.participants.length === 0) c.e.participants.push(...e.participants);
        c.e.date ??= e.date;
        c.e.location ??= e.location;
        c.last = i;
        c.sentence = e.sentence;
      } else clusters.push({ e, k, inst, last: i, sentence: e.sentence });
    });
  }
  return out;
}

/** Trains the pairwise coreference model; the participant model in use shapes the events' features, so set it first. */
export function trainCoreference(
  docs: LinkDoc[],
  opts: LinkTrainOptions,
  source: CorefSource = 'both',
  /** Folded into the bias weight: the model then merges at margin > 0 when the trained one's margin exceeds this. */
  threshold = 0,
): { model: LinearModel; pairs: number; positive: number } {
  const perDoc = docs.map((d) => corefExamples([d], source));
  const weights = baggedWeights(docs, perDoc, 2, opts, opts.minCount.coreference);
  const ex = perDoc.flat();
  const bias = weights.rows.get(COREF_BIAS_FEATURE) ?? new Float32Array(2);
  bias[1] = bias[1]! - threshold;
  weights.rows.set(COREF_BIAS_FEATURE, bias);
  return { model: toModel(weights, COREF_MODEL.magic, 2, opts.maxRows), pairs: ex.length, positive: ex.filter((x) => x.label).length };
}

/**
 * Coreference scores of the stage's merging (`mode`) over the gold event mentions its triggers find: MUC, B³ and
 * pairwise P/R/F1 (clusters restricted to those mentions, so detection does not count, only merging).
 */
export function scoreCoreference(docs: LinkDoc[], mode: 'learned' | 'rules' | 'none', threshold?: number) {
  const muc = { rn: 0, rd: 0, pn: 0, pd: 0 };
  const b3 = { p: 0, r: 0, n: 0 };
  const pw = { gold: 0, sys: 0, right: 0 };
  for (const d of docs) {
    const events = findEvents(d.doc, undefined, mode, threshold);
    const g = d.gold;
    // Each found gold mention: its gold instance and its system event.
    const items: Array<{ gold: string; sys: number }> = [];
    for (const [id, ev] of g.events) {
      const inst = g.eventInstance.get(id);
      if (!inst) continue;
      const sys = events.findIndex((e) => e.mentions.some((s) => overlaps(s, ev)));
      if (sys >= 0) items.push({ gold: inst, sys });
    }
    const goldSets = groupBy(items, (x) => x.gold);
    const sysSets = groupBy(items, (x) => String(x.sys));
    for (const x of items) {
      const gs = goldSets.get(x.gold)!;
      const ss = sysSets.get(String(x.sys))!;
      const both = gs.filter((y) => y.sys === x.sys).length;
      b3.p += both / ss.length;
      b3.r += both / gs.length;
      b3.n++;
    }
    const mucPart = (keys: Map<string, typeof items>, other: (x: (typeof items)[number]) => string) => {
      let num = 0;
      let den = 0;
      for (const set of keys.values()) {
        num += set.length - new Set(set.map(other)).size;
        den += set.length - 1;
      }
      return { num, den };
    };
    const r = mucPart(goldSets, (x) => String(x.sys));
    const p = mucPart(sysSets, (x) => x.gold);
    muc.rn += r.num;
    muc.rd += r.den;
    muc.pn += p.num;
    muc.pd += p.den;
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const gSame = items[i]!.gold === items[j]!.gold;
        const sSame = items[i]!.sys === items[j]!.sys;
        if (gSame) pw.gold++;
        if (sSame) pw.sys++;
        if (gSame && sSame) pw.right++;
      }
  }
  const f = (p: number, r: number) => +(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3);
  const r3 = (x: number) => +x.toFixed(3);
  const mp = muc.pd ? muc.pn / muc.pd : 1;
  const mr = muc.rd ? muc.rn / muc.rd : 1;
  const bp = b3.n ? b3.p / b3.n : 0;
  const br = b3.n ? b3.r / b3.n : 0;
  return {
    mentions: b3.n,
    muc: { precision: r3(mp), recall: r3(mr), f1: f(mp, mr) },
    b3: { precision: r3(bp), recall: r3(br), f1: f(bp, br) },
    pairwise: prf(pw.gold, pw.sys, pw.right),
    mucCounts: muc,
  };
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Runs `fn` with the participant and coreference models replaced (the other event models as loaded). */
export function withLinkModels<T>(participants: LinearModel | null, coreference: LinearModel | null, fn: () => T, core = coreModels()): T {
  useEventModels({ ...core, participants, coreference });
  try {
    return fn();
  } finally {
    useEventModels(null);
  }
}

let cachedCore: ReturnType<typeof loadCoreEventModels> | null = null;
/** The TimeML-trained models this process uses (eval:events sets its own with `setCoreModels`). */
const coreModels = () => (cachedCore ??= loadCoreEventModels());
export function setCoreModels(core: ReturnType<typeof loadCoreEventModels>) {
  cachedCore = core;
}

const MARGINS = [0, 1, 2, 4, 8, Infinity];

/**
 * The participant model's margins (see ParticipantMargins) chosen on held-out halves of the training documents (two
 * folds by document order, each scored by a model trained on the other): the pair with the best typed F1 over both
 * halves (ties: the more conservative pair, closer to the rules).
 */
export function selectParticipantMargins(train: LinkDoc[], opts: LinkTrainOptions): ParticipantMargins & { typed_f1: number } {
  const halves = [train.filter((_, i) => i % 2 === 0), train.filter((_, i) => i % 2 === 1)];
  const models = halves.map((_, h) => withLinkModels(null, null, () => trainParticipants(halves[1 - h]!, opts)));
  let best = { drop: Infinity, add: Infinity, typed_f1: -1 };
  for (const drop of MARGINS)
    for (const add of MARGINS) {
      let gold = 0;
      let sys = 0;
      let right = 0;
      for (let h = 0; h < 2; h++) {
        const t = scoreParticipants(halves[h]!, models[h]!, { drop, add }).typed;
        gold += t.gold;
        sys += t.system;
        right += t.right;
      }
      const f = gold + sys ? (2 * right) / (gold + sys) : 0;
      const conservative = drop + add >= best.drop + best.add;
      if (f > best.typed_f1 + 1e-9 || (Math.abs(f - best.typed_f1) <= 1e-9 && conservative)) best = { drop, add, typed_f1: +f.toFixed(3) };
    }
  return best;
}

const THRESHOLDS = Array.from({ length: 33 }, (_, k) => -8 + k * 0.5);

/**
 * The coreference margin chosen on held-out halves of the training documents (two folds by document order: each
 * half scored by a model trained on the other, with the participant model trained on all of them): the threshold
 * with pairwise F1 over both halves' pooled counts (MUC rewards merging everything) within one standard error of the
 * best that is nearest the model's own boundary (0; see bestThreshold).
 */
export function selectCorefThreshold(train: LinkDoc[], participants: LinearModel, opts: LinkTrainOptions, source: CorefSource): { threshold: number; pairwise_f1: number } {
  const halves = [train.filter((_, i) => i % 2 === 0), train.filter((_, i) => i % 2 === 1)];
  const pooled = THRESHOLDS.map(() => ({ gold: 0, system: 0, right: 0 }));
  for (let h = 0; h < 2; h++) {
    const model = withLinkModels(participants, null, () => trainCoreference(halves[1 - h]!, opts, source)).model;
    withLinkModels(participants, model, () =>
      THRESHOLDS.forEach((th, k) => {
        const m = scoreCoreference(halves[h]!, 'learned', th).pairwise;
        pooled[k]!.gold += m.gold;
        pooled[k]!.system += m.system;
        pooled[k]!.right += m.right;
      }),
    );
  }
  const f1 = pooled.map((c) => (c.system + c.gold ? (2 * c.right) / (c.system + c.gold) : 0));
  const k = bestThreshold(f1, pooled[0]!.gold, THRESHOLDS.indexOf(0));
  return { threshold: THRESHOLDS[k]!, pairwise_f1: +f1[k]!.toFixed(3) };
}

/**
 * The one-standard-error rule toward the model's own boundary: among the thresholds whose pairwise F1 is within one
 * standard error of the best (√(F(1−F)/gold pairs), about 0.06 for ~50 gold pairs), the one nearest grid index
 * `boundary` (the threshold 0). The held-out halves hold a few dozen coreferent pairs, so thresholds a pair or two
 * apart are not told apart: taking the best alone moved the shipped threshold between 0, 1 and 3.5 as a handful of
 * training pairs changed. The rule once took the lowest threshold of the band (toward merging); but the pooled F1
 * is nearly flat over the whole grid (0.15–0.17 from −8 to 8), so that was always the grid's edge, −8, where BBC
 * margins are dense: a few changed training participants then changed which events merged (docs/events.md,
 * "Fourteenth session: links31"). With no evidence for moving, the model's own boundary stays; it scores as well
 * or better cross-corpus.
 */
export function bestThreshold(scores: readonly number[], goldPairs: number, boundary = 0): number {
  const top = Math.max(...scores);
  const se = Math.sqrt((top * (1 - top)) / Math.max(1, goldPairs));
  let pick = -1;
  scores.forEach((f, k) => {
    if (f >= top - se && (pick < 0 || Math.abs(k - boundary) < Math.abs(pick - boundary))) pick = k;
  });
  return pick;
}

/**
 * Both models trained on `train`, and the figures on `test` against the rules (cross-corpus when the two are
 * different MEANTIME corpora).
 */
export function trainAndScoreLinks(train: LinkDoc[], test: LinkDoc[], opts: LinkTrainOptions) {
  const built = trainLinkModels(train, opts);
  const { participants, coreference } = built;
  const rulesParticipants = withLinkModels(null, null, () => scoreParticipants(test, null));
  const learnedParticipants = withLinkModels(participants, null, () => scoreParticipants(test, participants, built.report.participant_margins));
  const learnedAtZero = withLinkModels(participants, null, () => scoreParticipants(test, participants, { drop: 0, add: 0 }));
  const { mucCounts: _n, ...none } = withLinkModels(participants, null, () => scoreCoreference(test, 'none'));
  const { mucCounts: _r, ...rules } = withLinkModels(participants, null, () => scoreCoreference(test, 'rules'));
  const { mucCounts: _l, ...learned } = withLinkModels(participants, coreference, () => scoreCoreference(test, 'learned'));
  return {
    participants: { margins: built.report.participant_margins, rules: rulesParticipants, learned: learnedParticipants, learned_at_margins_0: learnedAtZero },
    coreference: { ...built.report, no_cross_clause_merge: none, rules, learned },
    models: { participants, coreference },
  };
}

/**
 * The two models from `train`: participants first (the coreference features read the events' participants), then
 * the coreference threshold on held-out halves, then the coreference model on all of `train` with it folded in.
 */
export function trainLinkModels(train: LinkDoc[], opts: LinkTrainOptions) {
  const participants = withLinkModels(null, null, () => trainParticipants(train, opts));
  const margins = selectParticipantMargins(train, opts);
  const threshold = selectCorefThreshold(train, participants, opts, 'both');
  const coref = withLinkModels(participants, null, () => trainCoreference(train, opts, 'both', threshold.threshold));
  return { participants, coreference: coref.model, report: { participant_margins: margins, threshold, training_pairs: coref.pairs, training_positive: coref.positive } };
}
