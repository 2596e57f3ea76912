/**
 * The choice of the learned review's thresholds on the held-out slice (branch quotes18): among settings the slice cannot
 * tell apart, the most conservative wins by a fixed order of the parameters, whatever their order by precision; a
 * setting clearly worse is never chosen, however conservative; and the choice does not depend on the grid's order.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapWeights, selectIncumbent, selectMostPreciseNearBest, selectOneSE, stricterReview, type GridCell, type ReviewThresholds } from '../../src/quotes/learned/select-grid.js';

const N = 80;
const gold = new Int32Array(N).fill(10);
const base = { keep: -6, detect: 0, accept: 0 };

function cell(params: ReviewThresholds, pred: (i: number) => number, matched: (i: number) => number): GridCell<ReviewThresholds> {
  const p = Int32Array.from({ length: N }, (_, i) => pred(i));
  const m = Int32Array.from({ length: N }, (_, i) => matched(i));
  return { params, pred: p, predMatched: m, goldMatched: m };
}

const strictMatched = (i: number) => (i % 5 === 0 ? 3 : 5);
// Content as a clause, speaker confidence 0.7: reported F1 about 0.575.
const strict = cell({ ...base, clause: 1, minSpeaker: 0.7, add: 5 }, () => 6, strictMatched);
// Bare objects too, speaker confidence 0.6: two articles differ, one better by two, one worse by one — a hair more
// precise and a hair better F1, which the slice cannot tell from noise.
const loose = cell({ ...base, clause: 2, minSpeaker: 0.6, add: 5 }, () => 6, (i) => strictMatched(i) + (i === 1 ? 1 : i === 2 ? -1 : i === 3 ? 1 : 0));
// Stricter still (add 8), but clearly worse: recall 0.3.
const timid = cell({ ...base, clause: 1, minSpeaker: 0.7, add: 8 }, () => 3, () => 3);

describe('grid selection by the one-standard-error rule', () => {
  it('the old rule takes the hair more precise setting', () => {
    expect(selectMostPreciseNearBest([loose, strict, timid], gold)).toBe(0);
  });

  it('the new rule takes the conservative one of a near-tie, and never a clearly worse one', () => {
    const sel = selectOneSE([loose, strict, timid], gold, { stricter: stricterReview });
    expect(sel.best).toBe(0);
    expect(sel.withinReach).toEqual([0, 1]);
    expect(sel.chosen).toBe(1);
  });

  it('does not depend on the grid order, and gives the same choice every run', () => {
    expect(selectOneSE([timid, strict, loose], gold, { stricter: stricterReview }).chosen).toBe(1);
    expect(selectOneSE([strict, loose, timid], gold, { stricter: stricterReview }).chosen).toBe(0);
    expect(Array.from(bootstrapWeights(N, 3, 1)[2]!)).toEqual(Array.from(bootstrapWeights(N, 3, 1)[2]!));
  });

  it('orders the review settings by conservatism', () => {
    expect(stricterReview(strict.params, loose.params)).toBeLessThan(0);
    expect(stricterReview(timid.params, strict.params)).toBeLessThan(0);
    expect(stricterReview({ ...strict.params, keep: -3e38 }, strict.params)).toBeLessThan(0);
  });
});

describe('grid selection by the incumbent rule (quotes27)', () => {
  it('keeps the incumbent of a near-tie, even when the challenger is a hair better', () => {
    // strict is the incumbent; loose is a hair better and more precise: the old rule would flip to it.
    const sel = selectIncumbent([loose, strict, timid], gold, strict);
    expect(sel.kept).toBe(true);
    expect(sel.chosen).toBe(-2);
  });

  it("drops an incumbent clearly beaten, for the old rule's choice", () => {
    const sel = selectIncumbent([loose, strict, timid], gold, timid);
    expect(sel.kept).toBe(false);
    expect(sel.chosen).toBe(0);
  });

  it('without an incumbent (or one that no longer qualifies) chooses as the old rule, and a rerun keeps that choice', () => {
    const cells = [loose, strict, timid];
    const first = selectIncumbent(cells, gold, null);
    expect(first.chosen).toBe(selectMostPreciseNearBest(cells, gold));
    expect(selectIncumbent(cells, gold, cells[first.chosen]!).kept).toBe(true);
  });
});
