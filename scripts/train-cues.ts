/**
 * Trains the cue detector and reported-speech content tagger (models/cues.bin)
 * on PolNeAR train minus its held-out slice (~15% of articles by id hash,
 * `isHeldOut`), then chooses the decision thresholds (keep rule-found reported
 * speech, add learned reported speech, content bias) on that held-out slice by
 * running the whole quotation stage there. Deterministic: the same data and
 * options give the same bytes.
 *
 *   npx tsx scripts/train-cues.ts [--epochs N] [--seed S] [--out FILE] [--limit N] [--grid]
 *
 * --grid  prints the held-out figures of every setting tried.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quotesStage } from '../src/quotes/index.js';
import { reviewStats } from '../src/quotes/review.js';
import { isHeldOut, readSplit } from '../src/quotes/learned/polnear.js';
import { CueModel, useCueModel, type CueParams } from '../src/quotes/learned/reported.js';
import { emptyScores, formatScores, quotePredictions, scoreArticle, sum, summary, type Scores } from '../src/quotes/learned/scoring.js';
import { acceptExamples, COLLECT, CUE_TRAIN_DEFAULTS, prepareArticle, trainCueModel, type CueArticle } from '../src/quotes/learned/train-cues.js';
import { runTimeRules } from '../src/quotes/suffix.js';
import { selectIncumbent, selectMostPreciseNearBest, selectOneSE, stricterReview, type GridCell } from '../src/quotes/learned/select-grid.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');

function parseArgs(argv: string[]) {
  const o = { ...CUE_TRAIN_DEFAULTS, out: join(repo, 'models', 'cues.bin'), limit: Infinity, grid: false, maxTried: 3.5, runTimeRules: false, dump: '', select: 'incumbent' as 'incumbent' | 'old' | 'one-se' | 'one-se-best', incumbent: join(repo, 'models', 'cues-setting.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--epochs') o.epochs = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--max-cue') o.maxCue = Number(argv[++i]);
    else if (a === '--max-content') o.maxContent = Number(argv[++i]);
    else if (a === '--min-share') o.minShare = Number(argv[++i]);
    else if (a === '--out') o.out = resolve(argv[++i]!);
    else if (a === '--limit') o.limit = Number(argv[++i]);
    else if (a === '--grid') o.grid = true;
    else if (a === '--dump') o.dump = resolve(argv[++i]!);
    else if (a === '--select') o.select = argv[++i] as typeof o.select;
    else if (a === '--incumbent') { const v = argv[++i]!; o.incumbent = v === 'none' ? '' : resolve(v); }
    else if (a === '--run-time-rules') o.runTimeRules = argv[++i] !== 'off';
    else if (a === '--max-tried') o.maxTried = Number(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** The whole quotation stage over the held-out articles with the model's parameters. */
let tagged = 0;
/** Per held-out article, the reported-speech counts of the last `score` (for the bootstrap of `selectOneSE`). */
let perArticle = { gold: new Int32Array(0), pred: new Int32Array(0), predMatched: new Int32Array(0), goldMatched: new Int32Array(0) };
function score(model: CueModel, held: readonly CueArticle[]): Scores {
  useCueModel(model);
  reviewStats.tried = 0;
  const s = emptyScores();
  const n = held.length;
  perArticle = { gold: new Int32Array(n), pred: new Int32Array(n), predMatched: new Int32Array(n), goldMatched: new Int32Array(n) };
  held.forEach((a, i) => {
    const r = s.reported;
    const before = [r.gold, r.pred, r.predMatched, r.goldMatched];
    quotesStage.run(a.doc);
    scoreArticle(s, a.id, a.text, a.gold, quotePredictions(a.doc.quotes));
    perArticle.gold[i] = r.gold - before[0]!;
    perArticle.pred[i] = r.pred - before[1]!;
    perArticle.predMatched[i] = r.predMatched - before[2]!;
    perArticle.goldMatched[i] = r.goldMatched - before[3]!;
  });
  useCueModel(null);
  tagged = reviewStats.tried;
  return s;
}

const f1 = (x: number) => (100 * x).toFixed(1);

/** A grid point by its coordinates: the acceptance threshold as its quantile of the held-out candidates' scores. */
interface GridSetting { keep: number; detect: number; addOver: number; acceptQuantile: number; clause: number; minSpeaker: number }
const sameSetting = (a: GridSetting, b: GridSetting) =>
  a.keep === b.keep && a.detect === b.detect && a.addOver === b.addOver && a.acceptQuantile === b.acceptQuantile && a.clause === b.clause && a.minSpeaker === b.minSpeaker;

function main() {
  const o = parseArgs(process.argv.slice(2));
  // Trained and selected without the run-time rules (src/quotes/suffix.ts, `runTimeRules`) unless `--run-time-rules on`:
  // quotes18 retrained both models with them on, and the BBC output read worse (docs/quotes.md).
  runTimeRules.on = o.runTimeRules;
  const t0 = performance.now();
  const articles = readSplit(join(dataDir, 'polnear', 'data', 'train'), o.limit).map((a) => prepareArticle(a.id, a.text, a.gold));
  const fit = articles.filter((a) => !isHeldOut(a.id));
  const held = articles.filter((a) => isHeldOut(a.id));
  console.error(`prepared ${articles.length} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${fit.length} training, ${held.length} held-out`);
  const t1 = performance.now();
  const trained = trainCueModel(fit, o);
  console.error(`trained in ${((performance.now() - t1) / 1000).toFixed(1)} s: vocabulary ${trained.vocabulary.length}, features cue ${trained.cue.size}, content ${trained.content.size}`);

  // Decision thresholds on the held-out slice. The rules alone first (nothing kept out, nothing added).
  const base = score(trained.withParams({ keep: -3e38, add: 3e38 }), held);
  const baseQ = summary(base.quoted);
  const baseR = summary(base.reported);
  console.log(`held-out, rules only: quoted F ${f1(baseQ.F)}, reported P/R/F ${f1(baseR.P)}/${f1(baseR.R)}/${f1(baseR.F)} speaker ${f1(baseR.speaker)}, all speaker ${f1(summary(sum(base.quoted, base.reported)).speaker)}`);
  // Candidates: reported precision at least MIN_P, quoted F1 and speaker accuracy (all, reported) not below the rules';
  // of those within 0.25 of the best reported F1, the most precise wins (`selectMostPreciseNearBest`). (The best F1 alone
  // flipped between settings 0.1–0.2 points apart from one retrain to the next — keeping or dropping ~100 weak-cue BBC
  // records such as "they thought" —; within such a margin the held-out slice cannot tell them apart, and fewer false
  // quotes are what a user of the table would choose.) `--select one-se` / `one-se-best`: the one-standard-error rule
  // on a paired bootstrap by article (`selectOneSE`, src/quotes/learned/select-grid.ts), studied in quotes18 and not
  // made the default: it flipped as much as this rule between the perturbations tried (docs/quotes.md).
  const MIN_P = 0.8;
  // Cost: at most this many detected cues per 1,000 tokens may be tried for an addition (subject, content, acceptance:
  // the learned review's dearest steps).
  const MAX_TAGGED = o.maxTried;
  const tokens = held.reduce((n, a) => n + a.doc.tokens.length, 0);
  const baseAll = summary(sum(base.quoted, base.reported));
  // Speaker accuracy within a tenth of a point of the rules' counts as not below it: one speaker in ~1,400, which the
  // slice cannot tell apart (a rule that made the rules-only figure 90.26 instead of 90.25 flipped the grid's choice).
  const SPEAKER_TOLERANCE = 0.001;
  const ok: { f: number; p: number; params: CueParams; setting: GridSetting; cell: GridCell<CueParams> }[] = [];
  // The incumbent rule (default since quotes27; docs/quotes.md, *Twelfth session, quotes27*): the setting chosen last
  // (models/cues-setting.json: grid coordinates, the acceptance threshold as its quantile) stays while it qualifies and
  // lies within TOLERANCE reported F1 of the best qualifying setting; else the old rule chooses. TOLERANCE was fixed
  // before any grid was read: documented flips were 0.1–0.3 F1 apart, the slice's own bootstrap deviation of reported
  // F1 is about 1.3, and 0.5 is twice the old near-tie band, so a rerun keeps what the old rule chose. The incumbent's
  // floors against the rules' own figures (quoted F1, speaker accuracy all and reported) get the same half point
  // (INCUMBENT_FLOOR_TOLERANCE): quotes27 found ent22's flip was no F1 near-tie but the incumbent falling a hair under
  // those floors; this was added after that was seen (see the docs). Precision ≥ 80 and the cost cap stay strict.
  const TOLERANCE = 0.005;
  const INCUMBENT_FLOOR_TOLERANCE = 0.005;
  const previous: GridSetting | null = o.select === 'incumbent' && o.incumbent && existsSync(o.incumbent) ? (JSON.parse(readFileSync(o.incumbent, 'utf8')) as GridSetting) : null;
  let incumbent: (typeof ok)[number] | null = null;
  // Acceptance thresholds: quantiles of the acceptance scores of the held-out candidates.
  const cands = acceptExamples(held, trained.withParams(COLLECT));
  const acc = cands.feats.map((f) => trained.accept.score(f)).sort((a, b) => a - b);
  const QUANTILES = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
  const accepts = QUANTILES.map((q) => (q === 0 ? -3e38 : acc[Math.floor(q * (acc.length - 1))]!));
  console.log(`held-out candidate additions: ${acc.length}, ${cands.labels.reduce((n, x) => n + x, 0)} right; acceptance thresholds ${accepts.map((x) => x.toFixed(2)).join(' ')}`);
  for (const keepUnseen of [1]) {
    for (const keep of [-3e38, -6]) {
      for (const detect of [0, -2]) {
        for (const addOver of [0, 1, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 8]) for (const [qi, accept] of accepts.entries()) {
          // Added content must read as a clause: bare objects ("cast a shadow over …", "opened his account",
          // "footage of …") gain PolNeAR recall (held-out 43.5 → 45.2) but are mostly not speech in news text.
          for (const clause of [1, 2]) {
            for (const minSpeaker of [0.6, 0.7]) {
              const params: CueParams = { ...trained.params, detect, keep, add: detect + addOver, contentBias: 0, keepUnseen, minSpeaker, accept, clause };
              const s = score(trained.withParams(params), held);
              const q = summary(s.quoted);
              const r = summary(s.reported);
              const all = summary(sum(s.quoted, s.reported));
              const qualifies = r.P >= MIN_P && q.F >= baseQ.F && all.speaker >= baseAll.speaker - SPEAKER_TOLERANCE && r.speaker >= baseR.speaker - SPEAKER_TOLERANCE && (1000 * tagged) / tokens <= MAX_TAGGED;
              if (o.grid) console.log(`keep ${keep} unseen ${keepUnseen} detect ${detect} add ${detect + addOver} accept ${accept.toFixed(2)} clause ${clause} speaker ${minSpeaker}: quoted F ${f1(q.F)}, reported P/R/F ${f1(r.P)}/${f1(r.R)}/${f1(r.F)} speaker ${f1(r.speaker)} all ${f1(all.speaker)} tried ${tagged}${qualifies ? '' : ' (out)'}`);
              const setting: GridSetting = { keep, detect, addOver, acceptQuantile: QUANTILES[qi]!, clause, minSpeaker };
              const entry = { f: r.F, p: r.P, params, setting, cell: { params, pred: perArticle.pred, predMatched: perArticle.predMatched, goldMatched: perArticle.goldMatched } };
              if (qualifies) ok.push(entry);
              if (previous && sameSetting(setting, previous)) {
                const tol = INCUMBENT_FLOOR_TOLERANCE;
                const incumbentQualifies = r.P >= MIN_P && q.F >= baseQ.F - tol && all.speaker >= baseAll.speaker - tol && r.speaker >= baseR.speaker - tol && (1000 * tagged) / tokens <= MAX_TAGGED;
                const f2 = (x: number) => (100 * x).toFixed(2);
                console.log(`incumbent: quoted F ${f2(q.F)} (rules ${f2(baseQ.F)}), reported P/R/F ${f2(r.P)}/${f2(r.R)}/${f2(r.F)} speaker ${f2(r.speaker)} (rules ${f2(baseR.speaker)}) all ${f2(all.speaker)} (rules ${f2(baseAll.speaker)}) tried ${((1000 * tagged) / tokens).toFixed(2)}/1000 tokens; ${qualifies ? 'qualifies' : incumbentQualifies ? 'qualifies within its tolerance' : 'does not qualify'}`);
                if (incumbentQualifies) incumbent = entry;
              }
            }
          }
        }
      }
    }
  }
  const gold = perArticle.gold;
  // --dump FILE: the qualifying settings' per-article counts, to study selection rules offline (scripts/select-study.ts).
  if (o.dump) writeFileSync(o.dump, JSON.stringify({ gold: Array.from(gold), cells: ok.map((c) => ({ params: c.params, pred: Array.from(c.cell.pred), predMatched: Array.from(c.cell.predMatched), goldMatched: Array.from(c.cell.goldMatched) })) }));
  const sel = selectOneSE(ok.map((c) => c.cell), gold, { resamples: 200, seed: 1, stricter: stricterReview, band: o.select === 'one-se-best' ? 'best' : 'paired' });
  const old = selectMostPreciseNearBest(ok.map((c) => c.cell), gold);
  const inc = selectIncumbent(ok.map((c) => c.cell), gold, incumbent?.cell ?? null, TOLERANCE);
  const candidates = incumbent ? [...ok, incumbent] : ok;
  const pick = o.select === 'old' ? old : o.select === 'incumbent' ? (inc.kept ? ok.length : inc.chosen) : sel.chosen;
  const show = (i: number) => {
    const c = candidates[i]!;
    const p = c.params;
    return `keep ${p.keep} detect ${p.detect} add ${p.add} accept ${p.accept.toFixed(2)} clause ${p.clause} speaker ${p.minSpeaker}: reported F ${f1(c.f)} P ${f1(c.p)} (bootstrap mean F ${f1(sel.mean[i]!)})`;
  };
  if (pick >= 0 && ok.length) {
    console.log(`most precise within 0.25 F1 of the best: ${show(old)}`);
    console.log(`one-standard-error rule (${sel.withinReach.length} of ${ok.length} within reach of ${show(sel.best)}): ${show(sel.chosen)}`);
    console.log(`incumbent ${previous ? JSON.stringify(previous) : '(none)'}: ${!incumbent ? 'does not qualify' : `${inc.kept ? 'kept' : 'beaten'} (its reported F ${f1(inc.incumbentF)}, best qualifying ${f1(inc.bestF)}, tolerance ${f1(TOLERANCE)})`}`);
    console.log(`chosen (--select ${o.select}): ${show(pick)}`);
  }
  const best = pick >= 0 ? candidates[pick]! : null;
  const params = best?.params ?? { ...trained.params, keep: -3e38, add: 3e38 };
  const finite = (x: number) => (x === Infinity ? 3e38 : x === -Infinity ? -3e38 : x);
  const model = CueModel.fromBytes(trained.withParams({ ...params, keep: finite(params.keep), add: finite(params.add) }).toBytes());
  const bytes = model.toBytes();
  writeFileSync(o.out, bytes);
  const settingOut = o.out.replace(/\.bin$/, '') + '-setting.json';
  if (best) writeFileSync(settingOut, JSON.stringify(best.setting, null, 2) + '\n');
  console.log(`wrote ${o.out}: ${bytes.length} bytes (vocabulary ${model.vocabulary.length}, features cue ${model.cue.size}, content ${model.content.size}); params ${JSON.stringify(model.params)}`);
  console.log(`\nHeld-out slice of PolNeAR train (${held.length} articles; thresholds chosen here):\n${formatScores(score(model, held))}`);
}

main();
