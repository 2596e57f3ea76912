/**
 * Reads the speaker errors of the held-out slice of PolNeAR train (training data: read freely) with what the speaker
 * ranker saw: for every matched quote whose speaker is scored wrong, the gold source and cue, the predicted cue, the
 * cue's sentence, the ranker's candidates with their scores (`*` chosen, `R` the rules' speaker, `r` inside it, `X`
 * barred) and a class: CUEDIFF (the prediction's cue is not the gold's: another attribution matched by its content),
 * SETTLED-WRONG, NOCAND (no candidate is right), OVERRODE-RIGHT (the rules were right, the ranker replaced them),
 * KEPT-WRONG (a right candidate lost to the rules' wrong one), CHOSE-OTHER-WRONG (branch quotes41).
 *
 *   npx tsx scripts/analyse-speakers.ts > .tmp/speakers.txt
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline } from '../src/pipeline.js';
import { isHeldOut, readSplit } from '../src/quotes/learned/polnear.js';
import { matchAttributions, quotePredictions, speakerRight } from '../src/quotes/learned/scoring.js';
import { createDoc } from '../src/text/create-doc.js';
import { loadSpeakerModel, speakerQuery, decide, speakerOf } from '../src/quotes/learned/speakers.js';
import { loadCueModel } from '../src/quotes/learned/reported.js';
import { ruleQuotes } from '../src/quotes/index.js';
import { reviewReported } from '../src/quotes/review.js';

const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
const dir = join(dataDir, 'polnear', 'data', 'train');
const model = loadSpeakerModel();
const arts = readSplit(dir).filter((a) => isHeldOut(a.id));
let n = 0;
const tally = new Map<string, number>();
for (const a of arts) {
  const doc = createDoc({ text: a.text });
  runPipeline(doc, { until: 'quotes' });
  const preds = quotePredictions(doc.quotes);
  const { pMatch } = matchAttributions(a.gold, preds);
  const wrong: { p: (typeof preds)[number]; g: (typeof a.gold)[number] }[] = [];
  preds.forEach((p, pi) => {
    const g = a.gold[pMatch[pi]!];
    if (!g || !g.source.length) return;
    if (!speakerRight(p, g, a.text)) wrong.push({ p, g });
  });
  if (!wrong.length) continue;
  const doc2 = createDoc({ text: a.text });
  runPipeline(doc2, { until: 'marks' });
  const rules = ruleQuotes(doc2);
  const { ctx } = rules;
  const reviewed = reviewReported(ctx, rules.drafts, rules.history, loadCueModel());
  for (const { p, g } of wrong) {
    n++;
    const [ps, pe] = p.content[0]!;
    const dq = doc.quotes.find((q) => q.start === ps && q.end === pe);
    const cueStart = dq?.cue?.start ?? -1;
    const d = reviewed.find((d) => d.cue && ctx.index.starts[d.cue.tokenStart] === cueStart) ?? reviewed.find((d) => d.cue && d.groupWith < 0 && d.start < pe && d.end > ps);
    const src = g.source.map(([s, e]) => a.text.slice(s, e)).join(' | ');
    const got = p.speaker ? a.text.slice(p.speaker[0], p.speaker[1]) : 'null';
    console.log(`#${n} ${p.quoted ? 'Q' : 'R'} ${a.id}  conf=${p.speakerConfidence?.toFixed(2)}`);
    console.log(`  GOLD: ${src}   GOT: ${got} (${p.speakerNames ?? ''})`);
    console.log(`  GOLDCUE: ${g.cue.map(([s, e]) => a.text.slice(s, e)).join(' | ')}   PREDCUE: ${dq?.cue ? a.text.slice(dq.cue.start, dq.cue.end) : '?'}  CONTENT: ${a.text.slice(ps, pe).slice(0, 100)}`);
    if (!d || !d.cue) {
      console.log('  (no draft)');
      tally.set('NODRAFT', (tally.get('NODRAFT') ?? 0) + 1);
      continue;
    }
    const cue = d.cue;
    const S = doc2.sentences[doc2.tokens[cue.tokenStart]!.sentence]!;
    const sent = a.text.slice(ctx.index.starts[S.tokenStart]!, ctx.index.ends[S.tokenEnd - 1]!);
    console.log(`  CUE: [${a.text.slice(ctx.index.starts[cue.tokenStart]!, ctx.index.ends[cue.tokenEnd - 1]!)}] form=${cue.form} kind=${d.kind} rule=${d.speaker ? a.text.slice(d.speaker.start, d.speaker.end) + '/' + d.speaker.kind : 'null'}`);
    console.log(`  SENT: ${sent.replace(/\s+/g, ' ').slice(0, 400)}`);
    const q = speakerQuery(ctx, cue, d.kind, d.start, d.end, d.speaker, model.ranker, true);
    const dec = decide(q, q.scores, model.params);
    console.log(`  settled=${q.settled} chosen=${dec.chosen} ` + q.candidates.map((c, i) => `${i === dec.chosen ? '*' : ''}${a.text.slice(c.start, c.end)}/${c.kind}${c.isRule ? 'R' : ''}${c.inRule ? 'r' : ''}${c.start < q.barred[1] && c.end > q.barred[0] ? 'X' : ''}=${q.scores[i]?.toFixed(1)}`).join('  '));
    const cueOverlap = dq?.cue ? g.cue.some(([s, e]) => s < dq.cue!.end && e > dq.cue!.start) : false;
    const rightIdx = q.candidates.map((_, i) => { const sp = speakerOf(ctx, q, i, rules.history); return sp && speakerRight({ speaker: [sp.start, sp.end], speakerNames: sp.entity?.name ?? sp.name }, g, a.text) ? 1 : 0; });
    const ruleRight = q.ruleIndex >= 0 && rightIdx[q.ruleIndex] === 1;
    const cls = !cueOverlap ? 'CUEDIFF' : q.settled ? (ruleRight ? 'SETTLED-RIGHT?' : 'SETTLED-WRONG') : !rightIdx.some((x) => x) ? 'NOCAND' : ruleRight && dec.chosen !== q.ruleIndex ? 'OVERRODE-RIGHT' : !ruleRight && dec.chosen === q.ruleIndex ? 'KEPT-WRONG' : dec.chosen >= 0 && rightIdx[dec.chosen] ? 'CHOSE-RIGHT?' : 'CHOSE-OTHER-WRONG';
    tally.set(cls, (tally.get(cls) ?? 0) + 1);
    console.log(`  CLASS ${cls} gap=${dec.chosen >= 0 ? (q.scores[rightIdx.indexOf(1)] ?? NaN) - q.scores[dec.chosen]! : NaN}`);
  }
}
console.log(`${n} speaker errors: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
