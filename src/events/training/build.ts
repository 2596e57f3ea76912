/**
 * Reads the event corpora and trains the three event models: what
 * `npm run train:events` runs and what `npm run eval:events` runs to get models
 * that never saw MEANTIME (cross-corpus figures).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinearModel } from '../learned/linear-model.js';
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
  const report: Record<string, unknown> = {
    training: { meantime: opts.withMeantime, timeml_documents: c.timemlTrain.length, meantime_documents: opts.withMeantime ? c.meantime.length : 0 },
    timebank_held_out: {
      documents: c.timebankHeldOut.length,
      mentions: { gold: held.gold, system: held.system, strict_f1: r3(f1(held, true)), relaxed_f1: r3(f1(held, false)), epoch: m.epoch },
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
