/**
 * Scores the quotation stage against PolNeAR (brat standoff: Source, Cue and
 * Content spans linked by Attribution events), running the real pipeline
 * through its quote stage (createDoc, then runPipeline until 'quotes') on each
 * article's text.
 *
 *   npx tsx scripts/eval-quotes.ts [dir] [--heldout] [--rules] [--model FILE] [--limit N] [--errors FILE]
 *
 * `dir` is a PolNeAR split folder holding text/ and attributions/ (default: the
 * dev split under $ARTICLE_EXPORT_DATA_DIR or ../shared/data). `--heldout`
 * scores the slice of PolNeAR train held out from training (for tuning and
 * selection; dev is for a final check). `--rules` keeps the rules' speakers
 * (the speaker model only gives confidences), to compare; `--model` scores
 * another trained speaker model file.
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
 * Speaker: right when the predicted speaker's mention overlaps the gold Source,
 * or the gold Source names the predicted entity (its last name), over matched
 * pairs whose gold has a Source, also split by how the gold names the source
 * (named, pronoun, description). End-to-end: matched and speaker right.
 * Calibration: per `speaker_confidence` band, the share of matched quotes
 * with the right speaker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocQuote } from '../src/text/doc.js';
import { runPipeline } from '../src/pipeline.js';
import { isHeldOut, readSplit, type Range } from '../src/quotes/learned/polnear.js';
import { emptyScores, formatScores, scoreArticle, type Prediction } from '../src/quotes/learned/scoring.js';
import { createDoc } from '../src/text/create-doc.js';
import { loadSpeakerModel, rulesOnly, SpeakerModel, useSpeakerModel } from '../src/quotes/learned/speakers.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');

function parseArgs(argv: string[]) {
  let dir = join(dataDir, 'polnear', 'data', 'dev');
  let limit = Infinity;
  let errors: string | null = null;
  let heldout = false;
  let rules = false;
  let model: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rules') rules = true;
    else if (a === '--model') model = resolve(argv[++i]!);
    else if (a === '--limit') limit = Number(argv[++i]);
    else if (a === '--errors') errors = argv[++i]!;
    else if (a === '--heldout') heldout = true;
    else dir = resolve(a);
  }
  if (heldout) dir = join(dataDir, 'polnear', 'data', 'train');
  return { dir, limit, errors, heldout, rules, model };
}

/** Pieces of one predicted quotation (sharing a group) are scored as one multi-span content. */
function predictions(quotes: DocQuote[]): Prediction[] {
  const byGroup = new Map<string, Prediction>();
  const out: Prediction[] = [];
  for (const q of quotes) {
    const key = q.group ?? q.id;
    const cur = byGroup.get(key);
    if (cur) cur.content.push([q.start, q.end]);
    else {
      const p: Prediction = {
        content: [[q.start, q.end] as Range],
        quoted: q.kind !== 'indirect',
        speaker: q.speaker?.mention ? [q.speaker.mention.start, q.speaker.mention.end] : null,
        speakerNames: q.speaker?.entity?.name ?? q.speaker?.name ?? null,
        speakerConfidence: q.speakerConfidence,
      };
      byGroup.set(key, p);
      out.push(p);
    }
  }
  return out;
}

function main() {
  const { dir, limit, errors, heldout, rules, model } = parseArgs(process.argv.slice(2));
  const m = model ? SpeakerModel.fromBytes(readFileSync(model)) : loadSpeakerModel();
  useSpeakerModel(rules ? rulesOnly(m) : m);
  let articles;
  try {
    articles = readSplit(dir).filter((a) => !heldout || isHeldOut(a.id)).slice(0, limit);
  } catch (e) {
    console.error(`${(e as Error).message}. Set ARTICLE_EXPORT_DATA_DIR or pass the split folder.`);
    process.exit(2);
  }
  const scores = emptyScores();
  let chars = 0;
  let ms = 0;
  for (const a of articles) {
    const doc = createDoc({ text: a.text });
    runPipeline(doc, { until: 'quotes', onStage: (name, t) => name === 'quotes' && (ms += t) });
    chars += a.text.length;
    scoreArticle(scores, a.id, a.text, a.gold, predictions(doc.quotes));
  }
  console.log(`PolNeAR ${heldout ? 'held-out slice of train' : dir}${rules ? ' (rules\' speakers)' : ''}: ${articles.length} articles, ${(chars / 1e6).toFixed(2)} M chars, quotes stage ${ms.toFixed(0)} ms`);
  console.log(formatScores(scores));
  if (errors) {
    writeFileSync(errors, scores.log.join('\n') + '\n');
    console.log(`errors written to ${errors}`);
  }
}

main();
