/**
 * Reads the event corpora and trains the three event models: what
 * `npm run train:events` runs and what `npm run eval:events` runs to get models
 * that never saw MEANTIME (cross-corpus figures).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinearModel } from '../learned/linear-model.js';
import { wordInfo } from '../learned/features.js';
import { detectEventMentions, MENTION_GATE } from '../learned/mentions.js';
import { alignToTokens, readMeantime, readTimeML, type AlignedText } from './corpus.js';
import {
  anchorAccuracy,
  anchorData,
  factualityAccuracy,
  factualityData,
  f1,
  isHeldOut,
  scoreMentions,
  trainAnchors,
  trainFactuality,
  trainMentions,
  wordClasses,
  type TrainOptions,
} from './train.js';

export interface EventCorpora {
  /** TimeBank minus the held-out fifth, and AQUAINT. */
  timemlTrain: AlignedText[];
  /** The held-out fifth of TimeBank (selection and the reported figures). */
  timebankHeldOut: AlignedText[];
  /** MEANTIME apple and gm (annotated sentences only count). */
  meantime: AlignedText[];
}

const sortedFiles = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort() : []);

export function readEventCorpora(dataDir: string): EventCorpora {
  const tbaq = join(dataDir, 'tempeval3', 'TBAQ-cleaned');
  const timebank = sortedFiles(join(tbaq, 'TimeBank'), '.tml').map((f) => readTimeML(readFileSync(join(tbaq, 'TimeBank', f), 'utf8'), f.replace(/\.tml$/, ''), 'timebank'));
  const aquaint = sortedFiles(join(tbaq, 'AQUAINT'), '.tml').map((f) => readTimeML(readFileSync(join(tbaq, 'AQUAINT', f), 'utf8'), f.replace(/\.tml$/, ''), 'aquaint'));
  if (timebank.length === 0) throw new Error(`TimeBank not found under ${tbaq}`);
  const meantime: AlignedText[] = [];
  for (const corpus of ['apple', 'gm']) {
    const dir = join(dataDir, 'meantime-en', 'intra-doc_annotation', `corpus_${corpus}`);
    for (const f of sortedFiles(dir, '.xml')) meantime.push(alignToTokens(readMeantime(readFileSync(join(dir, f), 'utf8'), `${corpus}/${f}`)));
  }
  return {
    timemlTrain: [...timebank.filter((d) => !isHeldOut(d.id)), ...aquaint].map(alignToTokens),
    timebankHeldOut: timebank.filter((d) => isHeldOut(d.id)).map(alignToTokens),
    meantime,
  };
}

export interface EventModelsBuilt {
  mentions: LinearModel;
  factuality: LinearModel;
  anchors: LinearModel;
  report: Record<string, unknown>;
}

export interface BuildOptions {
  /** Whether MEANTIME is training data (false for cross-corpus evaluation on it). */
  withMeantime: boolean;
  mentions: TrainOptions;
  factuality: TrainOptions;
  anchors: TrainOptions;
}

const r3 = (x: number) => +x.toFixed(3);

export function buildEventModels(c: EventCorpora, opts: BuildOptions): EventModelsBuilt {
  const train = opts.withMeantime ? [...c.timemlTrain, ...c.meantime] : c.timemlTrain;
  const classes = wordClasses(c.timemlTrain);
  const m = trainMentions(train, c.timebankHeldOut, opts.mentions);
  const fTrain = factualityData(c.timemlTrain, classes);
  const fDev = factualityData(c.timebankHeldOut, classes);
  const f = trainFactuality(fTrain, fDev, opts.factuality);
  const aDev = anchorData(c.timebankHeldOut, classes);
  const a = trainAnchors(anchorData(train, classes), aDev, opts.anchors);
  const held = scoreMentions(m.model, c.timebankHeldOut);
  const fAcc = factualityAccuracy(f.model, fDev);
  const aAcc = anchorAccuracy(a.model, aDev);
  const gate = lexiconGate(m.model, c.timebankHeldOut);
  const ungated = scoreMentions(m.model, c.timebankHeldOut, -Infinity);
  const report: Record<string, unknown> = {
    lexicon_gate: gate,
    training: { meantime: opts.withMeantime, timeml_documents: c.timemlTrain.length, meantime_documents: opts.withMeantime ? c.meantime.length : 0 },
    timebank_held_out: {
      documents: c.timebankHeldOut.length,
      mentions: {
        gold: held.gold, system: held.system, strict_f1: r3(f1(held, true)), relaxed_f1: r3(f1(held, false)), epoch: m.epoch,
        // What MENTION_GATE (words whose own evidence rules out an event are not scored) costs: nothing, when the two agree.
        mention_gate: { gate: MENTION_GATE, strict_f1_without_gate: r3(f1(ungated, true)), recall: r3(held.relaxed / held.gold), recall_without_gate: r3(ungated.relaxed / ungated.gold) },
      },
      factuality: { events: fAcc.n, accuracy: r3(fAcc.accuracy), epoch: f.epoch, confusion_gold_by_system: fAcc.confusion },
      anchoring: { events: aAcc.n, accuracy: r3(aAcc.accuracy), nearest_date_baseline: r3(aAcc.nearestBaseline), epoch: a.epoch },
    },
  };
  if (!opts.withMeantime && c.meantime.length) {
    const mt = scoreMentions(m.model, c.meantime);
    const ma = anchorAccuracy(a.model, anchorData(c.meantime, classes));
    report.meantime_cross_corpus = {
      documents: c.meantime.length,
      mentions: { gold: mt.gold, system: mt.system, strict_f1: r3(f1(mt, true)), relaxed_f1: r3(f1(mt, false)), relaxed_recall: r3(mt.relaxed / mt.gold) },
      anchoring: { events: ma.n, accuracy: r3(ma.accuracy), nearest_date_baseline: r3(ma.nearestBaseline) },
    };
  }
  return { mentions: m.model, factuality: f.model, anchors: a.model, report };
}

/** The options `npm run train:events` ships with (eval:events trains the same way, without MEANTIME). */
export function defaultBuildOptions(withMeantime: boolean, seed = 13, epochs = 12, log?: (msg: string) => void): BuildOptions {
  return {
    withMeantime,
    mentions: { epochs, seed, maxRows: 20000, ensemble: 3, log },
    factuality: { epochs, seed, maxRows: 20000, log },
    anchors: { epochs, seed, maxRows: 5000, log },
  };
}

/**
 * The margin above which a lexicon word counts as an event mention, chosen on the
 * given texts (the TimeBank held-out fifth): the lowest margin whose event F1 over
 * the lexicon words is within one standard error of the best (the one-standard-error
 * rule, leaning to recall: the lexicon and its cues already type only plausible
 * events, and the detector should reject only what is clearly no event; corpora
 * other than TimeML annotate nominal events much more often). `best` is the margin
 * of the highest F1, `detectorF1` the F1 of the detector's own decision (margin 0).
 */
export function lexiconGate(model: LinearModel, texts: AlignedText[]): { margin: number; f1: number; best: number; bestF1: number; se: number; detectorF1: number } {
  const pairs: Array<{ margin: number; gold: boolean }> = [];
  for (const t of texts) {
    const info = wordInfo(t.view);
    const margins = new Float32Array(t.view.texts.length).fill(-Infinity);
    detectEventMentions(model, t.view, info, margins);
    const gold = new Uint8Array(t.view.texts.length);
    for (const e of t.events) gold.fill(1, e.start, e.end);
    for (let i = 0; i < margins.length; i++) if (info.form(i).inLexicon) pairs.push({ margin: margins[i]!, gold: gold[i] === 1 });
  }
  const nGold = pairs.filter((p) => p.gold).length;
  const f1At = (th: number) => {
    let tp = 0;
    let sys = 0;
    for (const p of pairs) if (p.margin > th) {
      sys++;
      if (p.gold) tp++;
    }
    return sys + nGold ? (2 * tp) / (sys + nGold) : 0;
  };
  const grid: number[] = [];
  for (let th = -20; th <= 10; th += 0.5) grid.push(th);
  let best = { margin: 0, f1: f1At(0) };
  for (const th of grid) {
    const f = f1At(th);
    if (f > best.f1 + 1e-9) best = { margin: th, f1: f };
  }
  // Standard error of a proportion near the best F1, over the gold lexicon events.
  const se = Math.sqrt((best.f1 * (1 - best.f1)) / Math.max(1, nGold));
  const margin = grid.find((th) => f1At(th) >= best.f1 - se) ?? best.margin;
  const r = (x: number) => +x.toFixed(3);
  return { margin, f1: r(f1At(margin)), best: best.margin, bestF1: r(best.f1), se: r(se), detectorF1: r(f1At(0)) };
}
