/**
 * Trains the speaker model (models/speakers.bin) on PolNeAR train minus a
 * held-out slice (~15% of articles by id hash, `isHeldOut`):
 *
 * 1. the ranker (conditional logit over each rule-found quote's speaker candidates) on the training part;
 * 2. the calibration model (logistic regression over a few facts of each choice) on
 *    out-of-fold rankings of the training part (5 folds by article);
 * 3. on the held-out slice: the override margin (where the ranker's best candidate
 *    replaces the rules' speaker) chosen for speaker accuracy, and a Platt scaling of
 *    the calibration fitted.
 *
 * Deterministic: the same data and options give the same bytes.
 *
 *   npx tsx scripts/train-quotes.ts [--epochs N] [--seed S] [--l2 X] [--out FILE] [--limit N] [--select]
 *
 * --select  prints held-out figures for several epoch counts and penalties (model selection), writes nothing.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitPlatt, sigmoid, type LinearModel } from '../src/quotes/learned/linear.js';
import { isHeldOut, readSplit } from '../src/quotes/learned/polnear.js';
import { calibrationTable } from '../src/quotes/learned/scoring.js';
import { decide, dot, scoreQuery, SpeakerModel, type SpeakerParams } from '../src/quotes/learned/speakers.js';
import { fitLogistic, foldOf, labelArticle, RANKER_DEFAULTS, trainRanker, type LabelledQuery, type RankerOptions } from '../src/quotes/learned/train-speakers.js';
import { runTimeRules } from '../src/quotes/suffix.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');

function parseArgs(argv: string[]) {
  const o = { ...RANKER_DEFAULTS, out: join(repo, 'models', 'speakers.bin'), limit: Infinity, select: false, runTimeRules: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--epochs') o.epochs = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--l2') o.l2 = Number(argv[++i]);
    else if (a === '--lr') o.lr = Number(argv[++i]);
    else if (a === '--max-features') o.maxFeatures = Number(argv[++i]);
    else if (a === '--out') o.out = resolve(argv[++i]!);
    else if (a === '--limit') o.limit = Number(argv[++i]);
    else if (a === '--select') o.select = true;
    else if (a === '--run-time-rules') o.runTimeRules = argv[++i] !== 'off';
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const pct = (x: number) => (100 * x).toFixed(1);
const FOLDS = 5;
/** Accuracy differences below this (0.3 points: 4 of the slice's ~1,300 quotes) do not buy more overrides. */
const TOLERANCE = 0.003;
const MARGINS = [0, 0.5, 1, 1.5, 2, 3, 4, 6, Infinity];
const ADOPTS = [0.5, 0.7, 0.9, Infinity];

/** Accuracy of the decisions over the queries (right = the chosen candidate is right). */
function accuracy(ranker: LinearModel, data: readonly LabelledQuery[], params: Pick<SpeakerParams, 'margin' | 'adopt'>) {
  let right = 0;
  let overridden = 0;
  for (const x of data) {
    const dec = decide(x.query, scoreQuery(ranker, x.query), params);
    if (dec.chosen >= 0 && x.right[dec.chosen]) right++;
    if (dec.chosen !== x.query.ruleIndex) overridden++;
  }
  return { acc: right / data.length, right, overridden };
}

function report(name: string, ranker: LinearModel, data: readonly LabelledQuery[]) {
  const rules = data.filter((x) => x.ruleRight).length;
  const top = accuracy(ranker, data, { margin: -Infinity, adopt: 0 });
  console.log(`${name}: ${data.length} quotes; rules ${pct(rules / data.length)}%, ranker's best ${pct(top.acc)}%`);
  for (const margin of MARGINS) {
    const a = accuracy(ranker, data, { margin, adopt: Infinity });
    console.log(`  margin ${margin}: ${pct(a.acc)}% (${a.overridden} overridden)`);
  }
}

/** Calibration rows (features of the choice, right or not) of the decisions over the queries. */
function calibrationRows(ranker: LinearModel, data: readonly LabelledQuery[], params: Pick<SpeakerParams, 'margin' | 'adopt'>) {
  const xs: Float64Array[] = [];
  const ys: boolean[] = [];
  for (const x of data) {
    const dec = decide(x.query, scoreQuery(ranker, x.query), params);
    if (dec.chosen < 0) continue;
    xs.push(dec.z);
    ys.push(x.right[dec.chosen] === 1);
  }
  return { xs, ys };
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  // Trained and selected without the run-time rules (src/quotes/suffix.ts, `runTimeRules`) unless `--run-time-rules on`:
  // quotes18 retrained both models with them on, and the BBC output read worse (docs/quotes.md).
  runTimeRules.on = o.runTimeRules;
  const t0 = performance.now();
  const articles = readSplit(join(dataDir, 'polnear', 'data', 'train'), o.limit);
  const fit: LabelledQuery[] = [];
  const held: LabelledQuery[] = [];
  for (const a of articles) (isHeldOut(a.id) ? held : fit).push(...labelArticle(a.id, a.text, a.gold));
  console.error(`labelled ${articles.length} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${fit.length} training quotes, ${held.length} held-out`);
  const opts: RankerOptions = { ...RANKER_DEFAULTS, epochs: o.epochs, seed: o.seed, l2: o.l2, lr: o.lr, maxFeatures: o.maxFeatures };

  if (o.select) {
    for (const epochs of [2, 4, 6, 10]) {
      for (const l2 of [0, 1e-4, 1e-3]) {
        const ranker = trainRanker(fit, { ...opts, epochs, l2 });
        report(`epochs ${epochs} l2 ${l2} (held-out)`, ranker, held);
      }
    }
    return;
  }

  const ranker = trainRanker(fit, opts);
  report('held-out slice', ranker, held);
  // The override margin and the adoption threshold: the most cautious setting (largest margin, then highest
  // threshold) whose held-out accuracy is within TOLERANCE of the best: smaller differences are noise.
  const grid: { acc: number; margin: number; adopt: number }[] = [];
  for (const adopt of ADOPTS) for (const margin of MARGINS) grid.push({ acc: accuracy(ranker, held, { margin, adopt }).acc, margin, adopt });
  const top = Math.max(...grid.map((g) => g.acc));
  const best = grid.filter((g) => g.acc >= top - TOLERANCE).sort((a, b) => b.margin - a.margin || b.adopt - a.adopt)[0]!;
  console.log(`held-out accuracy by adopt × margin:\n${ADOPTS.map((adopt) => `  adopt ${adopt}: ${grid.filter((g) => g.adopt === adopt).map((g) => `${g.margin}→${pct(g.acc)}`).join(' ')}`).join('\n')}`);
  const decision = { margin: best.margin, adopt: best.adopt };
  console.log(`chosen on the held-out slice: margin ${decision.margin}, adopt ${decision.adopt} → ${pct(best.acc)}%`);

  // Calibration model on out-of-fold decisions of the training part.
  const xs: Float64Array[] = [];
  const ys: boolean[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const inFold = (x: LabelledQuery) => foldOf(x.article, FOLDS) === f;
    const r = trainRanker(fit.filter((x) => !inFold(x)), opts);
    const rows = calibrationRows(r, fit.filter(inFold), decision);
    xs.push(...rows.xs);
    ys.push(...rows.ys);
  }
  const calibration = fitLogistic(xs, ys, 1);
  console.log(`calibration model: ${xs.length} out-of-fold choices, weights ${[...calibration].map((w) => w.toFixed(2)).join(' ')}`);

  // Platt scaling of the calibration logit on the held-out slice.
  const hold = calibrationRows(ranker, held, decision);
  const platt = fitPlatt(hold.xs.map((z) => dot(calibration, z)), hold.ys);
  const finite = (x: number) => (Number.isFinite(x) ? x : 1e9);
  const params: SpeakerParams = { margin: finite(decision.margin), adopt: finite(decision.adopt), plattA: platt.a, plattB: platt.b };
  const model = SpeakerModel.fromBytes(new SpeakerModel(ranker, calibration, params).toBytes());
  const bytes = model.toBytes();
  writeFileSync(o.out, bytes);
  console.log(`wrote ${o.out}: ${bytes.length} bytes (${model.ranker.size} ranker features); params ${JSON.stringify(model.params)}`);
  const before = held.map((x) => ({ confidence: 0, right: x.ruleRight }));
  const rows = calibrationRows(model.ranker, held, model.params);
  const unscaled = rows.xs.map((z, i) => ({ confidence: sigmoid(dot(model.calibration, z)), right: rows.ys[i]! }));
  const scaled = rows.xs.map((z, i) => ({ confidence: model.confidence(z), right: rows.ys[i]! }));
  console.log(`held-out speaker accuracy: rules ${pct(before.filter((r) => r.right).length / held.length)}%, with the model ${pct(accuracy(model.ranker, held, model.params).acc)}%`);
  console.log(calibrationTable('held-out, calibration model alone (out-of-fold fit)', unscaled, 'right speaker'));
  console.log(calibrationTable('held-out, after Platt scaling on this slice', scaled, 'right speaker'));
}

main();
