/**
 * Scores the quotation stage against PolNeAR (brat standoff: Source, Cue and
 * Content spans linked by Attribution events), running the real pipeline
 * through its quote stage (createDoc, then runPipeline until 'quotes') on each
 * article's text.
 *
 *   npx tsx scripts/eval-quotes.ts [dir] [--heldout] [--rules] [--no-review] [--model FILE] [--limit N] [--errors FILE]
 *
 * `dir` is a PolNeAR split folder holding text/ and attributions/ (default: the
 * dev split under $ARTICLE_EXPORT_DATA_DIR or ../shared/data). `--heldout`
 * scores the slice of PolNeAR train held out from training (for tuning and
 * selection; dev is for a final check). `--rules` keeps the rules' speakers
 * (the speaker model only gives confidences), to compare; `--model` scores
 * another trained speaker model file; `--no-review` leaves out the learned
 * review of reported speech (the rules' reported speech as it is).
 *
 * Matching: a prediction matches a gold attribution when their content spans
 * overlap by at least 50% of the shorter one (pieces of one predicted quotation,
 * sharing a group, are scored as one multi-span content, as PolNeAR annotates
 * them); matching is one-to-one, greedy by overlap.
 * Categories: a gold attribution is "quoted" when its content lies inside
 * quotation marks (it contains a double quotation mark, or one opens right
 * before it), "reported" otherwise; a prediction is quoted when its kind is
 * direct or partial, reported when indirect. Recall is counted over gold items of
 * a category, precision over predictions of that category (matched to any gold).
 * Speaker: right when the predicted speaker's mention overlaps the gold Source (or is the
 * antecedent right before a relative-pronoun Source: "X, who said"),
 * or the gold Source names the predicted entity (its last name), over matched
 * pairs whose gold has a Source, also split by how the gold names the source
 * (named, pronoun, description). End-to-end: matched and speaker right.
 * Calibration: per `speaker_confidence` band, the share of matched quotes
 * with the right speaker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline } from '../src/pipeline.js';
import { isHeldOut, readSplit } from '../src/quotes/learned/polnear.js';
import { emptyScores, formatScores, matchAttributions, quotePredictions, scoreArticle, speakerRight } from '../src/quotes/learned/scoring.js';
import { sourceHead } from '../src/quotes/learned/train-speakers.js';
import { buildContext } from '../src/quotes/context.js';
import { createDoc } from '../src/text/create-doc.js';
import { loadSpeakerModel, rulesOnly, SpeakerModel, useSpeakerModel } from '../src/quotes/learned/speakers.js';
import { loadCueModel, useCueModel } from '../src/quotes/learned/reported.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');

function parseArgs(argv: string[]) {
  let dir = join(dataDir, 'polnear', 'data', 'dev');
  let limit = Infinity;
  let errors: string | null = null;
  let heldout = false;
  let rules = false;
  let model: string | null = null;
  let review = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rules') rules = true;
    else if (a === '--no-review') review = false;
    else if (a === '--model') model = resolve(argv[++i]!);
    else if (a === '--limit') limit = Number(argv[++i]);
    else if (a === '--errors') errors = argv[++i]!;
    else if (a === '--heldout') heldout = true;
    else dir = resolve(a);
  }
  if (heldout) dir = join(dataDir, 'polnear', 'data', 'train');
  return { dir, limit, errors, heldout, rules, model, review };
}

function main() {
  const { dir, limit, errors, heldout, rules, model, review } = parseArgs(process.argv.slice(2));
  const m = model ? SpeakerModel.fromBytes(readFileSync(model)) : loadSpeakerModel();
  useSpeakerModel(rules ? rulesOnly(m) : m);
  // Without the learned review: the rules' reported speech as it is, nothing added.
  if (!review) useCueModel(loadCueModel().withParams({ keep: -Infinity, add: Infinity }));
  let articles;
  try {
    articles = readSplit(dir).filter((a) => !heldout || isHeldOut(a.id)).slice(0, limit);
  } catch (e) {
    console.error(`${(e as Error).message}. Set ARTICLE_EXPORT_DATA_DIR or pass the split folder.`);
    process.exit(2);
  }
  const scores = emptyScores();
  // Speaker accuracy against the head of the gold source (what the speaker ranker is trained on): PolNeAR's sources
  // are whole phrases, and the scorer above counts a role, place or possessor inside one as right.
  const head = { pairs: 0, right: 0 };
  let chars = 0;
  let ms = 0;
  for (const a of articles) {
    const doc = createDoc({ text: a.text });
    runPipeline(doc, { until: 'quotes', onStage: (name, t) => name === 'quotes' && (ms += t) });
    chars += a.text.length;
    const preds = quotePredictions(doc.quotes);
    scoreArticle(scores, a.id, a.text, a.gold, preds);
    const ctx = buildContext(doc);
    const { pMatch } = matchAttributions(a.gold, preds);
    preds.forEach((p, pi) => {
      const g = a.gold[pMatch[pi]!];
      if (!g || !g.source.length) return;
      head.pairs++;
      const h = g.source.length === 1 ? sourceHead(ctx, g.source[0]!) : null;
      if (!h) {
        if (speakerRight(p, g, a.text)) head.right++;
      } else if (p.speaker && ((p.speaker[0] < h.end && p.speaker[1] > h.start) || (h.entity !== null && p.speakerNames === h.entity.name))) head.right++;
    });
  }
  console.log(`PolNeAR ${heldout ? 'held-out slice of train' : dir}${rules ? ' (rules\' speakers)' : ''}${review ? '' : ' (no learned review)'}: ${articles.length} articles, ${(chars / 1e6).toFixed(2)} M chars, quotes stage ${ms.toFixed(0)} ms`);
  console.log(formatScores(scores));
  console.log(`speaker accuracy against the head of the gold source (a name ending one of its first phrases, else its head noun): ${((100 * head.right) / Math.max(1, head.pairs)).toFixed(1)} (${head.right}/${head.pairs})`);
  if (errors) {
    writeFileSync(errors, scores.log.join('\n') + '\n');
    console.log(`errors written to ${errors}`);
  }
}

main();
