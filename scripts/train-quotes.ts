/**
 * Trains the quotation models (cue detector, reported-speech content tagger,
 * speaker ranker) on PolNeAR train minus a held-out slice (~15% of articles by
 * id hash), tunes the cue threshold and content bias and fits the confidence
 * calibration on that slice, and writes models/quotes.bin. Deterministic:
 * the same data, options and seed give the same bytes.
 *
 *   npx tsx scripts/train-quotes.ts [--epochs N] [--seed S] [--out FILE] [--limit N] [--dev] [--select]
 *
 * --select  prints held-out figures for several epoch counts (model selection), writes nothing.
 * --dev     also scores the written models on PolNeAR dev (once per milestone).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitPlatt } from '../src/quotes/learned/linear.js';
import { QuoteModels, type Params } from '../src/quotes/learned/model.js';
import { isHeldOut, readSplit, type Range } from '../src/quotes/learned/polnear.js';
import { emptyScores, formatScores, scoreArticle, sum, summary, type Prediction, type Scores } from '../src/quotes/learned/scoring.js';
import { attribute } from '../src/quotes/learned/standalone.js';
import { prepareArticle, trainModels, type TrainArticle } from '../src/quotes/learned/training.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');

function parseArgs(argv: string[]) {
  const o = { epochs: 2, seed: 13, out: join(repo, 'models', 'quotes.bin'), limit: Infinity, dev: false, select: false, errors: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--epochs') o.epochs = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--out') o.out = resolve(argv[++i]!);
    else if (a === '--limit') o.limit = Number(argv[++i]);
    else if (a === '--dev') o.dev = true;
    else if (a === '--select') o.select = true;
    else if (a === '--errors') o.errors = resolve(argv[++i]!);
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

function prepare(dir: string, limit: number, keep: (id: string) => boolean): TrainArticle[] {
  const t0 = performance.now();
  const out = readSplit(dir, limit)
    .filter((a) => keep(a.id))
    .map((a) => prepareArticle(a.id, a.text, a.gold));
  console.error(`prepared ${out.length} articles of ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

/** Predictions of the standalone learned attribution, as offsets. */
function predict(models: QuoteModels, a: TrainArticle): Prediction[] {
  return attribute(models, a.view).map((x) => ({
    content: x.content.map((c) => [a.starts[c.tokenStart]!, a.ends[c.tokenEnd - 1]!] as Range),
    quoted: x.content.some((c) => a.view.inQuote[c.tokenStart] === 1 && a.view.inQuote[c.tokenEnd - 1] === 1),
    speaker: x.speaker ? [a.starts[x.speaker.tokenStart]!, a.ends[x.speaker.tokenEnd - 1]!] : null,
    speakerConfidence: x.speakerProbability,
    quoteConfidence: x.cueProbability,
    speakerScore: x.speakerMargin,
    quoteScore: x.cueScore,
  }));
}

function score(models: QuoteModels, articles: TrainArticle[]): Scores {
  const s = emptyScores();
  for (const a of articles) scoreArticle(s, a.id, a.text, a.attributions.map((g) => g.raw), predict(models, a));
  return s;
}

/** Tunes the cue threshold and content bias on the held-out slice for end-to-end F1 over all attributions. */
function tune(models: QuoteModels, held: TrainArticle[]): Params {
  let best = { f: -1, params: models.params };
  for (const cueThreshold of [-2, -1, 0, 1, 2]) {
    for (const contentBias of [-1, -0.5, 0, 0.5, 1]) {
      const params = { ...models.params, cueThreshold, contentBias };
      const m = new QuoteModels(models.cueVocab, models.cue, models.content, models.speaker, params);
      const s = score(m, held);
      const q = summary(s.quoted);
      const r = summary(s.reported);
      const all = summary(sum(s.quoted, s.reported));
      console.error(`  threshold ${cueThreshold} bias ${contentBias}: quoted F ${q.F.toFixed(3)} reported P ${r.P.toFixed(3)} R ${r.R.toFixed(3)} F ${r.F.toFixed(3)} e2e F ${all.eF.toFixed(3)}`);
      if (all.eF > best.f) best = { f: all.eF, params };
    }
  }
  return best.params;
}

/** Fits the two Platt calibrations on the held-out slice's predictions. */
function calibrate(models: QuoteModels, held: TrainArticle[]): Params {
  const s = score(models, held);
  const speakerPlatt = fitPlatt(s.calibration.map((r) => r.score!), s.calibration.map((r) => r.right));
  const cuePlatt = fitPlatt(s.quoteCalibration.map((r) => r.score!), s.quoteCalibration.map((r) => r.right));
  return { ...models.params, speakerPlatt, cuePlatt };
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const trainDir = join(dataDir, 'polnear', 'data', 'train');
  const all = prepare(trainDir, o.limit, () => true);
  const fit = all.filter((a) => !isHeldOut(a.id));
  const held = all.filter((a) => isHeldOut(a.id));
  console.error(`train ${fit.length} articles, held-out ${held.length}`);
  const base: Params = { cueThreshold: 0, cuePlatt: { a: 1, b: 0 }, speakerPlatt: { a: 1, b: 0 }, contentBias: 0 };
  if (o.select) {
    for (const epochs of [2, 4, 6, 8, 12]) {
      const m = trainModels(fit, epochs, o.seed, base, console.error);
      console.log(`\n== epochs ${epochs} (held-out, threshold 0, bias 0)\n${formatScores(score(m, held)).split('\n').slice(0, 5).join('\n')}`);
    }
    return;
  }
  const t0 = performance.now();
  let models = trainModels(fit, o.epochs, o.seed, base, console.error);
  console.error(`trained in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  models = new QuoteModels(models.cueVocab, models.cue, models.content, models.speaker, tune(models, held));
  models = new QuoteModels(models.cueVocab, models.cue, models.content, models.speaker, calibrate(models, held));
  const bytes = models.toBytes();
  writeFileSync(o.out, bytes);
  console.log(`wrote ${o.out}: ${bytes.length} bytes (vocab ${models.cueVocab.length}, features cue ${models.cue.size}, content ${models.content.size}, speaker ${models.speaker.size})`);
  console.log(`params ${JSON.stringify(models.params)}`);
  const heldScores = score(models, held);
  console.log(`\nHeld-out slice of PolNeAR train (${held.length} articles; tuned and calibrated here):\n${formatScores(heldScores)}`);
  if (o.errors) writeFileSync(o.errors, heldScores.log.join('\n') + '\n');
  if (o.dev) {
    const dev = prepare(join(dataDir, 'polnear', 'data', 'dev'), Infinity, () => true);
    console.log(`\nPolNeAR dev (${dev.length} articles; not used for training or tuning):\n${formatScores(score(models, dev))}`);
  }
}

main();
