/**
 * Scores the event stage.
 *
 *   npx tsx scripts/eval-events.ts [--gold-entities] [--errors] [--meantime-errors] [--loss-table] [--corpus apple|gm] [--meantime-folds] [--seed N] [--drop-margin M]
 *
 * 1. MEANTIME (Wikinews, CAT XML) corpora apple and gm: the text is rebuilt from
 *    the tokens, publishedAt = the document creation time, and the pipeline that
 *    ships runs (runPipeline: entities, times, quotes, events). With
 *    --gold-entities (or when the entity model is unavailable) entities come from
 *    the gold named mentions instead, and the other stages run as they ship.
 *    - recall of time-anchored events: gold event mentions with a TLINK
 *      (INCLUDES, IS_INCLUDED, SIMULTANEOUS, BEGINS, ENDS…) to a DATE timex in
 *      the text, found when a system trigger overlaps them; also reported with
 *      the creation time counted as an anchor;
 *    - date accuracy: on those found, the system date equals the gold timex
 *      (same value or same calendar range);
 *    - participant precision/recall: on found gold events that have
 *      HAS_PARTICIPANT annotations, system participants whose mentions overlap
 *      a participant of the event; recall over the named (NAM) participants;
 *    - trigger precision: system triggers overlapping any gold event mention; MEANTIME annotates events in the
 *      first six sentences of each article only, so it is also given over the triggers of those sentences
 *      (`trigger_precision_annotated_sentences`);
 *    - recall over all gold events (`recall_all_events`): every gold event mention, time-anchored or not, found
 *      when a system trigger overlaps it (undated events reach the events table, not the timeline).
 *    With --loss-table, each missed time-anchored event is counted (counts only, no
 *    text) under the first link of the chain that loses it: the lexicon trigger
 *    dropped (and why), a lexicon word that is no trigger there, the learned
 *    detector, or the OTHER route (and why); see `lossCategory`.
 *    The same three figures are printed for the TimeBank held-out fifth (`timebank_held_out_stage`: the
 *    selection set, never trained on; TimeML annotates every sentence, so trigger precision there counts
 *    every system trigger against all events; `recall_all_events` there too): the set on which changes to the
 *    stage are chosen.
 * 2. The example article(s) in ../shared/examples: every non-optional gold event
 *    found with the right type, date, location and participants; gold dates.
 * 3. The learned event models: unless --shipped-models, they are first trained
 *    without MEANTIME (same code and options as `npm run train:events
 *    --no-meantime`) and the pipeline runs with them, so the MEANTIME figures are
 *    cross-corpus; their TimeBank held-out figures (event-span F1, factuality
 *    accuracy, anchoring) are printed as `learned_models`. With --meantime-folds,
 *    each MEANTIME corpus is scored with models trained on TimeBank + AQUAINT and
 *    the other MEANTIME corpus: two-fold cross-validation of the shipped setting,
 *    which trains on MEANTIME too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../src/document/schema.js';
import { entityId } from '../src/document/ids.js';
import { loadRecognizer } from '../src/entities/index.js';
import { findEvents, triggerSpans } from '../src/events/index.js';
import { buildTriggerIndex } from '../src/events/lexicon.js';
import { learnEvents } from '../src/events/learned/layer.js';
import { classNameOf } from '../src/events/learned/mentions.js';
import { useEventModels, type EventModels } from '../src/events/learned/models.js';
import { buildEventModels, defaultBuildOptions, readEventCorpora } from '../src/events/training/build.js';
import type { AnnotatedText } from '../src/events/training/corpus.js';
import { runPipeline } from '../src/pipeline.js';
import { createDoc } from '../src/text/create-doc.js';
import type { Doc, DocEntity } from '../src/text/doc.js';
import { spanOfChars } from '../src/text/layers.js';
import { documentLayers } from '../src/document/build.js';
import { periodDates, type Period } from '../src/times/calendar.js';
import { oracleEntities } from '../test/events/oracle-entities.js';
import { parseMeantime, type MeantimeDoc, type Span } from '../src/events/training/meantime-links.js';
import { defaultLinkOptions, readLinkDocs, setCoreModels, trainLinkModels } from '../src/events/training/links.js';
import { PARTICIPANT_MARGINS } from '../src/events/participants.js';

export { parseMeantime };

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
const examplesDir = process.env.ARTICLE_EXPORT_EXAMPLES_DIR ?? join(repo, '..', 'shared', 'examples');

const args = process.argv.slice(2);
const forceGoldEntities = args.includes('--gold-entities');
/** --errors prints the TimeBank held-out fifth's individual errors, the selection set's, which may be read; MEANTIME's
 * are scored but their lines are printed only on the explicit --meantime-errors (tuning on them would make its
 * cross-corpus figures meaningless). */
const showErrors = args.includes('--errors');
const showMeantimeErrors = args.includes('--meantime-errors');
const lossTable = args.includes('--loss-table');
const corpusArg = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : null;
/** The training seed of the models the script trains (13, as `npm run train:events` ships): the stage's figures move by
 * an event or two between seeds of the same code, so a change is compared with that spread before it is kept. */
const seedArg = args.includes('--seed') ? Number(args[args.indexOf('--seed') + 1]) : 13;
/** --link-seed N, --link-min-count P,C: the link models' training seed (13, as shipped) and rare-feature cut
 * of the participant and coreference models (LinkTrainOptions.minCount), to measure their spread on the held-out figures (docs/events.md, events40). */
const linkOptions = () => {
  const at = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1]!.split(',').map(Number) : null);
  const base = defaultLinkOptions(at('--link-seed')?.[0] ?? 13);
  const counts = at('--link-min-count');
  return { ...base, minCount: counts ? { participants: counts[0]!, coreference: counts[1] ?? counts[0]! } : base.minCount };
};
/** --drop-margin M[,M2…]: the participant model's drop margin (PARTICIPANT_MARGINS.drop) to measure on the held-out
 * figures; with several, the core models are trained once and the link models and MEANTIME / TimeBank figures are
 * computed for each (the coreference model trains on the events' participants, so it is retrained per margin; the
 * examples are then not scored). */
const dropMargins = args.includes('--drop-margin') ? args[args.indexOf('--drop-margin') + 1]!.split(',').map(Number) : [PARTICIPANT_MARGINS.drop];

/** Calendar range of a TIMEX3 value (day, month, year, week, quarter), or null. */
function valueRange(value: string): { start: string; end: string } | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) return { start: m[0], end: m[0] };
  let p: Period | null = null;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) p = { gran: 'week', y: +m[1]!, n: +m[2]! };
  else if ((m = /^(\d{4})-Q(\d)$/.exec(value))) p = { gran: 'quarter', y: +m[1]!, n: +m[2]! };
  else if ((m = /^(\d{4})-(\d{2})$/.exec(value))) p = { gran: 'month', y: +m[1]!, n: +m[2]! };
  else if ((m = /^(\d{4})$/.exec(value))) p = { gran: 'year', y: +m[1]! };
  return p ? periodDates(p) : null;
}

let entityStageOk = !forceGoldEntities;
if (entityStageOk) {
  try {
    loadRecognizer();
  } catch (err) {
    console.error(`entity stage unavailable (${(err as Error).message.split('\n')[0]}); using gold entities`);
    entityStageOk = false;
  }
}

/**
 * The pipeline that ships, on one evaluation document; with `entities` (gold),
 * every stage but the entity stage.
 */
export function runStages(doc: Doc, entities: DocEntity[] | null = null): Doc {
  if (!entities) return runPipeline(doc);
  doc.entities = entities;
  return runPipeline(doc, { disable: ['entities'], given: ['entities'] });
}

function goldEntities(g: MeantimeDoc, doc: Doc): DocEntity[] {
  const byInstance = new Map<string, DocEntity>();
  for (const m of g.entityMentions.values()) {
    if (!m.type || !m.instance) continue;
    let e = byInstance.get(m.instance);
    if (!e) {
      e = { id: entityId(m.type, m.name), type: m.type, subtype: null, name: m.name, aliases: [], roles: [], geo: null, mentions: [] };
      byInstance.set(m.instance, e);
    }
    e.mentions.push(spanOfChars(doc, m.start, m.end));
  }
  for (const e of byInstance.values()) e.mentions.sort((a, b) => a.start - b.start);
  return [...byInstance.values()];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** A system event covers a gold mention when its trigger, or one merged into it, overlaps it. */
const covers = (e: { spans: Span[] }, g: Span) => e.spans.some((t) => overlaps(t, g));

const LEXICON = buildTriggerIndex();
const LEXICON_FIRST = new Set([...LEXICON.keys()].map((k) => k.split('_')[0]!));
/** Counts of missed time-anchored events by the link of the chain that loses them (--loss-table). */
const losses = new Map<string, number>();
/** The same misses by where their gold date is: in the event's sentence or not, found by the time stage with a calendar range or not. */
const lossAnchors = new Map<string, number>();
const tbLosses = new Map<string, number>();
/** Found time-anchored events with a wrong date, by what dated them (--loss-table). */
const dateErrors = new Map<string, number>();
const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

function anchorPlace(doc: Doc, ev: Span, tx: Span & { value: string }): string {
  const sentenceOf = (at: number) => doc.tokens.find((t) => t.end > at)?.sentence ?? -1;
  const same = sentenceOf(ev.start) === sentenceOf(tx.start);
  const times = doc.times.filter((t) => t.start < tx.end && tx.start < t.end);
  const found = times.some((t) => (t.type === 'DATE' || t.type === 'TIME') && !!t.from);
  // The gold value's shape (2008-01-15 → YYYY-MM-DD, PRESENT_REF stays) and, when not dated, what the time stage has there.
  const shape = tx.value.replace(/\d/g, 'D');
  const seen = found ? '' : times.length ? ` (time stage: ${times.map((t) => `${t.type} ${t.value.replace(/\d/g, 'D')}`).join(', ')})` : ' (no time expression)';
  return `${same ? 'same sentence' : 'other sentence'}, gold ${shape}, ${found ? 'dated by the time stage' : 'not dated by the time stage'}${seen}`;
}

/**
 * Where in the chain a missed gold event (chars [start, end)) is lost, first link first: a lexicon trigger
 * dropped (the stage's reason), a lexicon word that is no trigger there (cue, sense rule, capital, name), not
 * detected by the learned layer (with the gold part of speech), or a learned mention that is no OTHER event
 * (the stage's reason; "sentence not analysed" when the stage did not read its sentence).
 */
type SystemEvent = NonNullable<ReturnType<typeof documentLayers>['events']>[number];
type Layers = ReturnType<typeof documentLayers>;

/** The time expression that dates a system event, if any. */
const systemTime = (sys: SystemEvent, layers: Layers) => (sys.date?.time_id ? (layers.times.find((t) => t.time_id === sys.date!.time_id) ?? null) : null);

/**
 * Whether a system event's date is the gold anchor's value: the same expression value or the same
 * calendar range. A vague gold anchor ("recently", PAST_REF) has no range: an undated event is right.
 */
function dateIsRight(sys: SystemEvent, layers: Layers, goldValue: string): boolean {
  const sysTime = systemTime(sys, layers);
  const gr = valueRange(goldValue);
  return gr
    ? !!sys.date && ((!!sysTime && sysTime.value === goldValue) || (gr.start === sys.date.start && gr.end === sys.date.end))
    : !sys.date?.start || sysTime?.value === goldValue;
}

/** The learned detector's highest margin over the tokens of a span (all sentences analysed). */
function detectorMargin(doc: Doc, span: Span): number {
  const full = learnEvents(doc);
  let best = -Infinity;
  doc.tokens.forEach((t, i) => {
    if (t.start < span.end && span.start < t.end) best = Math.max(best, full.marginAt(i));
  });
  return best;
}

function lossCategory(doc: Doc, span: Span, pos: string, pred: string): string {
  const toks = doc.tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.start < span.end && span.start < t.end).map(({ i }) => i);
  const why: string[] = [];
  findEvents(doc, (_t, at, reason) => at >= span.start && at < span.end && why.push(reason));
  const lexReason = why.find((w) => !w.startsWith('other:'));
  if (lexReason) return `lexicon trigger dropped: ${lexReason}`;
  // A lexicon word whose cue, sense rule, capital or name made it no trigger may still be an OTHER event.
  const lexical = toks.some((i) => LEXICON_FIRST.has(doc.tokens[i]!.text.toLowerCase())) ? 'lexicon word, no trigger here (cue, sense rule, capital or name); ' : '';
  const full = learnEvents(doc);
  const k = toks.map((i) => full.mentionAt(i)).find((x) => x >= 0);
  const shape = pred === 'be' || pred === 'have' ? `${pos.toLowerCase()} "${pred}"` : pos.toLowerCase();
  if (k === undefined) return `${lexical}not detected by the learned layer: ${shape}`;
  const cls = classNameOf(full.mentions[k]!.cls);
  const other = why.find((w) => w.startsWith('other:'));
  if (other) return `${lexical}${other} (${cls})`;
  return `${lexical}other: sentence not analysed (${cls})`;
}

function evalMeantime() {
  const base = join(dataDir, 'meantime-en', 'intra-doc_annotation');
  if (!existsSync(base)) {
    console.log(`MEANTIME not found at ${base}: skipped`);
    return null;
  }
  const corpora = corpusArg ? [corpusArg] : ['apple', 'gm'];
  const c = { anchored: 0, found: 0, dateRight: 0, anchoredDct: 0, foundDct: 0, all: 0, allFound: 0, sys: 0, sysTrue: 0, sysScope: 0, sysScopeTrue: 0, partSys: 0, partRight: 0, partGold: 0, partGoldFound: 0, docs: 0, chars: 0, ms: 0 };
  for (const corpus of corpora) {
    linksFor?.(corpus);
    const dir = join(base, `corpus_${corpus}`);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.xml')).sort()) {
      const xml = readFileSync(join(dir, f), 'utf8');
      const g = Object.assign(parseMeantime(xml, f), { xml });
      const doc = createDoc({ text: g.text, publishedAt: g.dct });
      const t0 = performance.now();
      runStages(doc, entityStageOk ? null : goldEntities(g, doc));
      c.ms += performance.now() - t0;
      const layers = documentLayers(doc);
      // Every trigger merged into an event counts (UTF-16 offsets; MEANTIME texts have no surrogate pairs).
      const events = layers.events.map((e, i) => Object.assign(e, { spans: triggerSpans(doc.events[i]!) }));
      c.chars += g.text.length;
      c.docs++;
      const goldEvents = [...g.events.entries()];
      c.sys += events.length;
      // MEANTIME annotates events in the first six sentences only (0 to 5; the rebuilt text separates sentences by a
      // blank line): triggers after them count against trigger precision whatever they are.
      let scopeEnd = 0;
      for (let k = 0; k < 6 && scopeEnd >= 0; k++) scopeEnd = g.text.indexOf('\n\n', scopeEnd + (k ? 2 : 0));
      if (scopeEnd < 0) scopeEnd = g.text.length;
      for (const e of events) {
        const hit = goldEvents.some(([, ge]) => covers(e, ge));
        if (hit) c.sysTrue++;
        if (e.trigger.start < scopeEnd) {
          c.sysScope++;
          if (hit) c.sysScopeTrue++;
        }
        else if (showMeantimeErrors) console.log(`FP-TRIGGER ${f} ${e.type} "${e.trigger.text}" | ${e.sentence.text.slice(0, 120)}`);
      }
      for (const [id, ge] of goldEvents) {
        const sys = events.find((e) => covers(e, ge));
        c.all++;
        if (sys) c.allFound++;
        const anchor = g.anchors.get(id);
        if (anchor || g.dctAnchored.has(id)) {
          c.anchoredDct++;
          if (sys) c.foundDct++;
        }
        if (anchor) {
          c.anchored++;
          const tx = g.timexes.get(anchor)!;
          if (sys) {
            c.found++;
            const sysTime = systemTime(sys, layers);
            const right = dateIsRight(sys, layers, tx.value);
            if (right) c.dateRight++;
            else if (lossTable) {
              // Counts only, as for the misses: what dated the event (the learned anchor or the clause rule) and how.
              const evidence = doc.events[events.indexOf(sys)]?.evidence.date ?? '';
              const how = !sys.date ? 'undated' : evidence.startsWith('learned anchor') ? 'learned anchor' : 'clause rule';
              const where = sysTime && g.text.slice(sysTime.start, sysTime.end) === g.text.slice(tx.start, tx.end) ? ', the gold expression read otherwise' : sys.date ? ', another expression' : '';
              count(dateErrors, `${how}${where}; gold ${valueRange(tx.value) ? 'calendar' : 'vague'}`);
            }
            if (!right && showMeantimeErrors) console.log(`DATE ${f} "${ge.text}" gold ${tx.value} ("${g.text.slice(tx.start, tx.end)}") sys ${sys.date ? `${sys.date.start}..${sys.date.end}` : 'null'}`);
          } else if (lossTable) {
            // Counts only: MEANTIME is an evaluation corpus, its sentences are not read to tune on.
            const attrs = new RegExp(`<EVENT_MENTION [^>]*m_id="${id}"[^>]*>`).exec(g.xml)?.[0] ?? '';
            const cause = lossCategory(doc, ge, /pos="([^"]*)"/.exec(attrs)?.[1] || 'no pos', /pred="([^"]*)"/.exec(attrs)?.[1] ?? '');
            count(losses, cause);
            count(lossAnchors, anchorPlace(doc, ge, tx));
            if (showErrors) count(lossAnchors, `${cause} | ${anchorPlace(doc, ge, tx)}`);
          } else if (showMeantimeErrors) {
            const why: string[] = [];
            findEvents(doc, (t, at, reason) => at >= ge.start && at < ge.end && why.push(reason));
            console.log(`MISS ${f} "${ge.text}" anchored to "${g.text.slice(tx.start, tx.end)}" ${why.length ? `(rejected: ${why.join(', ')})` : '(no trigger)'}`);
          }
        }
        if (sys) {
          const goldParts = (g.participants.get(id) ?? []).map((m) => g.entityMentions.get(m)).filter((m): m is NonNullable<typeof m> => !!m);
          const named = goldParts.filter((m) => m.type);
          c.partGold += named.length;
          // Participants are annotated on some mentions of an event only: score those.
          if (goldParts.length === 0) continue;
          for (const p of sys.participants) {
            c.partSys++;
            const ent = layers.entities.find((e) => e.entity_id === p.entity_id);
            const ok = !!ent && ent.mentions.some((em) => goldParts.some((gp) => overlaps(gp, em) && em.start >= gp.start - 40));
            if (ok) c.partRight++;
            else if (showMeantimeErrors) console.log(`PART ${f} "${ge.text}" sys ${p.role}:${p.name} gold [${goldParts.map((x) => g.text.slice(x.start, x.end)).join(' | ')}]`);
          }
          for (const gp of named) {
            if (sys.participants.some((p) => layers.entities.find((e) => e.entity_id === p.entity_id)?.mentions.some((em) => overlaps(gp, em)))) c.partGoldFound++;
          }
        }
      }
    }
  }
  const r = (a: number, b: number) => (b ? +(a / b).toFixed(3) : 0);
  return {
    corpora,
    documents: c.docs,
    entities: entityStageOk ? 'entity stage' : 'gold named mentions',
    anchored_events: c.anchored,
    recall_time_anchored: r(c.found, c.anchored),
    date_accuracy: r(c.dateRight, c.found),
    recall_anchored_incl_creation_time: r(c.foundDct, c.anchoredDct),
    trigger_precision: r(c.sysTrue, c.sys),
    gold_events: c.all,
    recall_all_events: r(c.allFound, c.all),
    system_events: c.sys,
    trigger_precision_annotated_sentences: r(c.sysScopeTrue, c.sysScope),
    system_events_annotated_sentences: c.sysScope,
    participant_precision: r(c.partRight, c.partSys),
    participant_recall_named: r(c.partGoldFound, c.partGold),
    participant_counts: `right ${c.partRight} of ${c.partSys}; named found ${c.partGoldFound} of ${c.partGold}`,
    speed_chars_per_ms_all_stages: +(c.chars / c.ms).toFixed(1),
    participants_and_coreference: linksUsed,
    ...(lossTable
      ? {
          missed_time_anchored_by_cause: Object.fromEntries([...losses].sort((a, b) => b[1] - a[1])),
          missed_time_anchored_by_gold_date: Object.fromEntries([...lossAnchors].sort((a, b) => b[1] - a[1])),
          wrong_dates_by_cause: Object.fromEntries([...dateErrors].sort((a, b) => b[1] - a[1])),
        }
      : {}),
  };
}

/**
 * The stage on the TimeBank held-out fifth, as it ships: recall of events anchored (INCLUDES, IS_INCLUDED…) to a
 * DATE expression of the text, date accuracy on those found, trigger precision over all gold events.
 */
function evalTimebankStage(texts: AnnotatedText[]) {
  const c = { anchored: 0, found: 0, dateRight: 0, all: 0, allFound: 0, sys: 0, sysTrue: 0, other: 0, otherTrue: 0 };
  for (const a of texts) {
    const doc = createDoc({ text: a.text, publishedAt: a.dct });
    runStages(doc);
    const layers = documentLayers(doc);
    const events = layers.events.map((e, i) => Object.assign(e, { spans: triggerSpans(doc.events[i]!) }));
    for (const e of events) {
      const hit = a.events.some((g) => covers(e, g));
      if (showErrors) console.log(`TB-EVENT ${a.id} ${e.type} "${e.trigger.text}" ${e.date ? `${e.date.start}..${e.date.end}` : 'undated'} ${hit ? 'gold' : 'not-gold'} mentions ${e.mentions.map((m) => m.text).join(',')}`);
      c.sys++;
      if (hit) c.sysTrue++;
      if (e.type === 'OTHER') {
        c.other++;
        if (hit) c.otherTrue++;
      }
    }
    const times = new Map(a.times.map((t) => [t.id, t]));
    for (const g of a.events) {
      c.all++;
      if (events.some((e) => covers(e, g))) c.allFound++;
      const tx = times.get(a.anchors.get(g.id) ?? '');
      if (!tx || tx.type !== 'DATE') continue;
      c.anchored++;
      const sys = events.find((e) => covers(e, g));
      if (!sys) {
        const cause = lossTable || showErrors ? lossCategory(doc, g, 'pos not annotated', '') : '';
        if (lossTable) count(tbLosses, cause);
        // The selection set: its misses may be read (--errors), unlike MEANTIME's.
        if (showErrors) console.log(`TB-MISS ${a.id} "${a.text.slice(g.start, g.end)}" [${cause}; margin ${detectorMargin(doc, g).toFixed(1)}] anchored to "${a.text.slice(tx.start, tx.end)}" (${tx.value}) | ${a.text.slice(Math.max(0, g.start - 100), g.end + 60).replace(/\s+/g, ' ')}`);
        continue;
      }
      c.found++;
      if (dateIsRight(sys, layers, tx.value)) c.dateRight++;
      else if (showErrors) console.log(`TB-DATE ${a.id} "${a.text.slice(g.start, g.end)}" dated ${sys.date ? `${sys.date.start}..${sys.date.end}` : 'none'} [${sys.evidence.date}], anchored to "${a.text.slice(tx.start, tx.end)}" (${tx.value}) | ${a.text.slice(Math.max(0, g.start - 100), g.end + 60).replace(/\s+/g, ' ')}`);
    }
  }
  const r = (a: number, b: number) => (b ? +(a / b).toFixed(3) : 0);
  return {
    documents: texts.length,
    anchored_events: c.anchored,
    recall_time_anchored: r(c.found, c.anchored),
    date_accuracy: r(c.dateRight, c.found),
    trigger_precision: r(c.sysTrue, c.sys),
    system_events: c.sys,
    gold_events: c.all,
    recall_all_events: r(c.allFound, c.all),
    other_events: c.other,
    other_precision: r(c.otherTrue, c.other),
    ...(lossTable ? { missed_time_anchored_by_cause: Object.fromEntries([...tbLosses].sort((a, b) => b[1] - a[1])) } : {}),
  };
}

interface GoldEvent {
  type: string;
  participants: string[];
  location: string | null;
  date: { start: string; end: string } | null;
  optional?: boolean;
  evidence: string;
}

function evalExamples() {
  if (!existsSync(examplesDir)) return null;
  const results: unknown[] = [];
  for (const f of readdirSync(examplesDir).filter((x) => x.endsWith('.gold.json'))) {
    const gold = JSON.parse(readFileSync(join(examplesDir, f), 'utf8'));
    const text = readFileSync(join(examplesDir, gold.article.file), 'utf8');
    const doc = createDoc({ text, publishedAt: gold.article.published });
    // Without the entity model, entities come from the gold names (string search), as in test/events.
    runStages(doc, entityStageOk ? null : oracleEntities(doc, gold.entities.filter((e: { optional?: boolean }) => !e.optional)));
    const out = documentLayers(doc);
    const nameOf = (id: string) => out.entities.find((e) => e.entity_id === id);
    const goldNames = (n: string) => {
      const ge = gold.entities.find((e: { name: string }) => e.name === n);
      return new Set([n, ...(ge?.aliases ?? [])].map((x: string) => x.toLowerCase()));
    };
    const matchesName = (entity: { name: string; aliases: string[] } | undefined, n: string) =>
      !!entity && [entity.name, ...entity.aliases].some((x) => goldNames(n).has(x.toLowerCase()));
    const rows = (gold.events as GoldEvent[]).map((ge) => {
      const cands = out.events.filter((e) => e.type === ge.type || (ge.type === 'COMMUNICATION' && e.type === 'CALL'));
      const score = (e: (typeof out.events)[number]) => {
        const dateOk = ge.date ? e.date?.start === ge.date.start && e.date?.end === ge.date.end : !e.date?.start;
        const locOk = ge.location ? matchesName(e.location ? nameOf(e.location.entity_id) : undefined, ge.location) : !e.location;
        const partOk =
          ge.participants.every((n) => e.participants.some((p) => matchesName(nameOf(p.entity_id), n))) &&
          e.participants.every((p) => ge.participants.some((n) => matchesName(nameOf(p.entity_id), n)));
        return { e, dateOk, locOk, partOk, n: +dateOk + +locOk + +partOk };
      };
      const best = cands.map(score).sort((a, b) => b.n - a.n)[0];
      return {
        gold: `${ge.type}${ge.optional ? ' (optional)' : ''}: ${ge.evidence.slice(0, 60)}`,
        found: best ? `${best.e.event_id} "${best.e.trigger.text}"` : null,
        type: !!best,
        date: best?.dateOk ?? false,
        location: best?.locOk ?? false,
        participants: best?.partOk ?? false,
        optional: !!ge.optional,
      };
    });
    const required = rows.filter((r) => !r.optional);
    const allRight = (r: (typeof rows)[number]) => r.type && r.date && r.location && r.participants;
    const datesRight = (gold.dates as Array<{ text: string; start: string; end: string }>).filter((gd) =>
      out.times.some((t) => t.text.toLowerCase().includes(gd.text.toLowerCase().replace(/^(?:on|in) /, '')) && t.date_start === gd.start && t.date_end === gd.end),
    ).length;
    results.push({
      file: gold.article.file,
      entities: entityStageOk ? 'entity stage' : 'gold entity names (string search)',
      required_events_fully_right: `${required.filter(allRight).length}/${required.length}`,
      required_events_found_with_type: `${required.filter((r) => r.type).length}/${required.length}`,
      gold_dates_right: `${datesRight}/${gold.dates.length}`,
      system_events: out.events.length,
      events: out.events.map((e) => `${e.event_id} ${e.type} "${e.trigger.text}" ${e.date?.start ?? '-'}..${e.date?.end ?? '-'} @${e.location?.name ?? '-'} [${e.participants.map((p) => `${p.role}:${p.name}`).join(', ')}]`),
      rows,
    });
  }
  return results;
}

let examplesModels: EventModels | null = null;
/** Sets the participant and coreference models for a MEANTIME corpus before it is scored (see the main block). */
let linksFor: ((corpus: string) => void) | null = null;
let linksUsed = 'shipped models (models/event-participants.bin, event-coref.bin: trained on apple and gm, not cross-corpus)';

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let learned: Record<string, unknown> | string = 'shipped models (models/event-*.bin, trained with MEANTIME: not cross-corpus)';
  let timebankStage: (() => ReturnType<typeof evalTimebankStage>) | null = null;
  let linkSetup: (() => void) | null = null;
  if (!args.includes('--shipped-models')) {
    const corpora = readEventCorpora(dataDir);
    timebankStage = () => evalTimebankStage(corpora.timebankHeldOut.map((a) => a.source));
    const built = buildEventModels(corpora, defaultBuildOptions(false, seedArg));
    const core = { mentions: built.mentions, factuality: built.factuality, anchors: built.anchors };
    // --meantime-folds: as shipped, MEANTIME is training data too, so each MEANTIME corpus is scored with core models
    // trained on TimeBank + AQUAINT + the other corpus (two folds): the estimate for the shipped configuration.
    const coreFor: Record<string, typeof core> | null = args.includes('--meantime-folds')
      ? Object.fromEntries(
          ['apple', 'gm'].map((c) => {
            const b = buildEventModels({ ...corpora, meantime: corpora.meantime.filter((d) => !d.source.id.startsWith(`${c}/`)) }, defaultBuildOptions(true, seedArg));
            return [c, { mentions: b.mentions, factuality: b.factuality, anchors: b.anchors }];
          }),
        )
      : null;
    setCoreModels(core);
    learned = built.report;
    linkSetup = () => {
      // Participants and coreference are learned from MEANTIME only: each corpus is scored with models trained on the
      // other (cross-corpus); --link-rules scores the rules they replace instead.
      const rulesOnly = args.includes('--link-rules');
      const docs = { apple: readLinkDocs(dataDir, 'apple'), gm: readLinkDocs(dataDir, 'gm') };
      const trained = rulesOnly ? null : { apple: trainLinkModels(docs.gm, linkOptions()), gm: trainLinkModels(docs.apple, linkOptions()) };
      linksFor = (corpus) => {
        const m = trained?.[corpus as 'apple' | 'gm'];
        const participants = args.includes('--participant-rules') ? null : (m?.participants ?? null);
        const coreference = args.includes('--coref-rules') ? null : (m?.coreference ?? null);
        useEventModels({ ...(coreFor?.[corpus] ?? core), participants, coreference });
      };
      linksUsed = rulesOnly ? 'rules (--link-rules)' : 'learned, cross-corpus (apple scored with models trained on gm and the reverse)';
      useEventModels({ ...core, participants: null, coreference: null });
      if (!rulesOnly) {
        const all = trainLinkModels([...docs.apple, ...docs.gm], linkOptions());
        examplesModels = {
          ...core,
          participants: args.includes('--participant-rules') ? null : all.participants,
          coreference: args.includes('--coref-rules') ? null : all.coreference,
        };
      }
    };
  }
  if (dropMargins.length > 1) {
    const by_drop_margin: Record<string, unknown> = {};
    for (const drop of dropMargins) {
      PARTICIPANT_MARGINS.drop = drop;
      linkSetup?.();
      const meantime = evalMeantime();
      if (examplesModels) useEventModels(examplesModels);
      by_drop_margin[String(drop)] = { meantime, timebank_held_out_stage: timebankStage?.() ?? null };
    }
    console.log(JSON.stringify({ seed: seedArg, learned_models: learned, by_drop_margin }, null, 2));
    process.exit(0);
  }
  PARTICIPANT_MARGINS.drop = dropMargins[0]!;
  linkSetup?.();
  const meantime = args.includes('--examples-only') ? null : evalMeantime();
  // The TimeBank held-out fifth with the models trained without it (and without MEANTIME); links as on the examples.
  if (examplesModels) useEventModels(examplesModels);
  const timebank_held_out_stage = args.includes('--examples-only') ? null : (timebankStage?.() ?? null);
  // The examples: link models trained on both MEANTIME corpora (as shipped), with the cross-corpus core models.
  if (examplesModels) useEventModels(examplesModels);
  const examples = evalExamples();
  console.log(JSON.stringify({ learned_models: learned, meantime, timebank_held_out_stage, examples }, null, 2));
}
