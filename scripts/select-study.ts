/**
 * Compares rules for choosing the learned review's thresholds on grids dumped by `train-cues.ts --dump FILE`: for each
 * dump (one per perturbation of the rules or models), the setting each rule chooses.
 *
 *   npx tsx scripts/select-study.ts DUMP.json [DUMP.json …]
 */
import { readFileSync } from 'node:fs';
import { selectMostPreciseNearBest, selectOneSE, stricterReview, type GridCell, type ReviewThresholds } from '../src/quotes/learned/select-grid.js';

type Dump = { gold: number[]; cells: GridCell<ReviewThresholds>[] };
const show = (p: ReviewThresholds) => `clause ${p.clause} speaker ${p.minSpeaker} keep ${p.keep < -1e30 ? 'off' : p.keep} detect ${p.detect} add ${p.add} accept ${p.accept.toFixed(2)}`;
for (const file of process.argv.slice(2)) {
  const d = JSON.parse(readFileSync(file, 'utf8')) as Dump;
  const f = (i: number) => {
    const c = d.cells[i]!;
    let g = 0, p = 0, pm = 0, gm = 0;
    d.gold.forEach((x, k) => { g += x; p += c.pred[k]!; pm += c.predMatched[k]!; gm += c.goldMatched[k]!; });
    const P = pm / p, R = gm / g;
    return `F ${(200 * P * R / (P + R)).toFixed(2)} P ${(100 * P).toFixed(1)} R ${(100 * R).toFixed(1)}`;
  };
  console.log(`${file}: ${d.cells.length} qualifying settings`);
  const old = selectMostPreciseNearBest(d.cells, d.gold);
  console.log(`  old (most precise within 0.25): ${show(d.cells[old]!.params)}  ${f(old)}`);
  for (const band of ['paired', 'best'] as const) {
    const s = selectOneSE(d.cells, d.gold, { stricter: stricterReview, band });
    console.log(`  one-SE ${band}: ${s.withinReach.length} within reach; best ${show(d.cells[s.best]!.params)} ${f(s.best)}; chosen ${show(d.cells[s.chosen]!.params)}  ${f(s.chosen)}`);
    if (band !== 'best') continue;
    // A variant seen after the others (a suggestion, not chosen blind): the one-SE band picks only the family of
    // structural settings (clause, minSpeaker, keep, detect); within it the best bootstrap mean.
    const fam = (p: ReviewThresholds) => `${p.clause} ${p.minSpeaker} ${p.keep} ${p.detect}`;
    const want = fam(d.cells[s.chosen]!.params);
    let k = -1;
    d.cells.forEach((c, i) => { if (fam(c.params) === want && (k < 0 || s.mean[i]! > s.mean[k]! + 1e-12)) k = i; });
    console.log(`  family by one-SE best, then best mean: ${show(d.cells[k]!.params)}  ${f(k)}`);
  }
}
