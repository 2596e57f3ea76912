/**
 * Entity recognition scores, conlleval style (exact boundaries and type).
 *
 *   npm run eval:ner                 side by side: CoNLL held-out train slice, CoNLL dev,
 *                                    WikiANN dev, GMB, MEANTIME, GUM (scripts/eval-ner-sets.ts)
 *   npx tsx scripts/eval-ner.ts <conll-file> [--limit N] [--no-baseline]
 *                                    one CoNLL file, the stage against compromise
 *
 * Each CoNLL document is detokenised into natural text (one paragraph per
 * sentence, "Russia 's" → "Russia's"), run through createDoc and the
 * pipeline up to its entity stage (runPipeline until 'entities'), and the stage's mentions are
 * compared with the gold entities as character spans. compromise's people,
 * places and organisations are scored on the same texts (it has no MISC type;
 * its spans are trimmed of trailing punctuation and possessives in its favour).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../src/text/create-doc.js';
import { loadRecognizer } from '../src/entities/index.js';
import { runPipeline } from '../src/pipeline.js';
import { ENTITY_TYPE, TYPES } from '../src/entities/labels.js';
import { detokenize, readConll } from '../src/entities/training/corpus.js';
import { addDocument, formatScoreboard, newScoreboard, prf, type Scoreboard } from '../src/entities/training/score.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
const positional = process.argv.slice(2).filter((a, k, all) => !a.startsWith('--') && all[k - 1] !== '--limit');
const limitArg = process.argv.indexOf('--limit');
const limit = limitArg >= 0 ? Number(process.argv[limitArg + 1]) : Infinity;
const baseline = !process.argv.includes('--no-baseline');

if (positional.length === 0) await import('./eval-ner-sets.js');
else singleFile(positional[0]!);

/** One CoNLL file: the stage and compromise, per type. */
function singleFile(file: string): void {
  const TYPE_INDEX: Record<string, number> = Object.fromEntries(TYPES.map((t, i) => [ENTITY_TYPE[t], i]));

  const docs = readConll(file).slice(0, limit).map((sentences) => detokenize(sentences));
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  console.log(`${file}: ${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB of detokenised text`);

  // Ours: the real stage.
  loadRecognizer();
  const ours = newScoreboard();
  let t = performance.now();
  for (const d of docs) {
    const doc = createDoc({ text: d.text });
    runPipeline(doc, { until: 'entities' });
    addDocument(ours, doc.mentions.map((m) => ({ start: m.start, end: m.end, type: TYPE_INDEX[m.type]! })), d.spans);
  }
  const oursMs = performance.now() - t;
  console.log(formatScoreboard(ours, `\narticle-export entity stage (createDoc + runPipeline until entities), ${oursMs.toFixed(0)} ms`));

  if (baseline) {
    const require = createRequire(import.meta.url);
    type Term = { text: string; offset: { start: number; length: number } };
    type View = { json(o: { offset: true }): Term[] };
    const nlp = require('compromise') as (text: string) => { people(): View; places(): View; organizations(): View };
    const theirs = newScoreboard();
    t = performance.now();
    for (const d of docs) {
      const v = nlp(d.text);
      const pred: { start: number; end: number; type: number }[] = [];
      const add = (terms: Term[], type: number) => {
        for (const term of terms) {
          let start = term.offset.start;
          let end = start + term.offset.length;
          let s = d.text.slice(start, end);
          const trimmed = s.replace(/(?:['’]s?)?[\s\p{P}]*$/u, '');
          end -= s.length - trimmed.length;
          s = trimmed;
          const lead = s.length - s.replace(/^[\s\p{P}]+/u, '').length;
          start += lead;
          if (end > start) pred.push({ start, end, type });
        }
      };
      add(v.people().json({ offset: true }), 0);
      add(v.organizations().json({ offset: true }), 1);
      add(v.places().json({ offset: true }), 2);
      addDocument(theirs, pred, d.spans);
    }
    const theirMs = performance.now() - t;
    console.log(formatScoreboard(theirs, `\ncompromise people/organizations/places, ${theirMs.toFixed(0)} ms`));
    console.log(`\nWithout MISC (compromise has no such type): ours F1 ${f1NoMisc(ours)}, compromise F1 ${f1NoMisc(theirs)}`);
  }
}

function f1NoMisc(board: Scoreboard): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const t of TYPES) {
    if (t === 'MISC') continue;
    const c = board.get(t)!;
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return (100 * prf({ tp, fp, fn }).f).toFixed(2);
}
