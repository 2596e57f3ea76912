/**
 * Choosing the learned review's thresholds on the held-out slice (scripts/train-cues.ts), robustly to near-ties
 * (branch quotes18).
 *
 * Each grid setting has, per held-out article, its reported-speech counts (predictions, matched predictions, matched
 * gold; the gold count is the same for every setting). The old rule took the most precise setting within 0.25 F1 of
 * the best: several settings lie that close, and their order by precision flipped at every small change of the rules
 * or entities. The rule here is the one-standard-error rule (Breiman et al.) on a paired bootstrap by article:
 *
 * 1. resample the held-out articles with replacement, `resamples` times from a fixed seed, the same resamples for
 *    every setting; each setting's score is its mean reported F1 over them;
 * 2. the best is the setting with the highest mean (ties: grid order); a setting is *within reach* of it when its
 *    mean lies no further below the best's than one standard deviation of their paired per-resample difference — the
 *    slice cannot tell the two apart;
 * 3. of the settings within reach, the most conservative wins, by a fixed order of the parameters given by the caller
 *    (`stricter`), not by a measured figure: which of two near-tied settings is more precise is the very thing the
 *    slice cannot tell, whereas which one changes less is known before any data is seen.
 */
import { prng } from '../../entities/training/perceptron.js';

export interface GridCell<P> {
  params: P;
  /** Per held-out article: reported predictions, of which matched; gold attributions matched. */
  pred: ArrayLike<number>;
  predMatched: ArrayLike<number>;
  goldMatched: ArrayLike<number>;
}

/** `resamples` bootstrap resamples of `n` articles: for each, how many times each article is drawn. */
export function bootstrapWeights(n: number, resamples: number, seed: number): Int32Array[] {
  const rnd = prng(seed); // mulberry32: the same seed gives the same resamples on every machine
  const out: Int32Array[] = [];
  for (let b = 0; b < resamples; b++) {
    const w = new Int32Array(n);
    for (let i = 0; i < n; i++) w[Math.floor(rnd() * n)]!++;
    out.push(w);
  }
  return out;
}

function f1(w: ArrayLike<number> | null, gold: ArrayLike<number>, c: GridCell<unknown>): number {
  let g = 0, p = 0, pm = 0, gm = 0;
  for (let i = 0; i < gold.length; i++) {
    const k = w ? w[i]! : 1;
    if (!k) continue;
    g += k * gold[i]!;
    p += k * c.pred[i]!;
    pm += k * c.predMatched[i]!;
    gm += k * c.goldMatched[i]!;
  }
  const P = p ? pm / p : 0;
  const R = g ? gm / g : 0;
  return P + R ? (2 * P * R) / (P + R) : 0;
}

export interface SelectOptions<P> {
  resamples?: number;
  seed?: number;
  /** Negative when `a` is the more conservative setting (changes less), positive when `b` is, 0 when neither. */
  stricter: (a: P, b: P) => number;
  /**
   * 'paired' (default): within reach when the mean lies within one standard deviation of the paired per-resample
   * difference from the best; 'best': within one standard deviation of the best's own bootstrap F1 (Breiman's rule as
   * stated, the standard error of the best's estimate).
   */
  band?: 'paired' | 'best';
}

export interface Selection {
  /** Index of the chosen cell, -1 when there is none. */
  chosen: number;
  /** Index of the cell with the best mean bootstrap F1. */
  best: number;
  /** Mean bootstrap reported F1 per cell. */
  mean: number[];
  /** Indexes of the cells within one standard error of the best. */
  withinReach: number[];
}

/** The one-standard-error rule on a paired bootstrap by article (see the file's comment). */
export function selectOneSE<P>(cells: readonly GridCell<P>[], gold: ArrayLike<number>, o: SelectOptions<P>): Selection {
  if (!cells.length) return { chosen: -1, best: -1, mean: [], withinReach: [] };
  const weights = bootstrapWeights(gold.length, o.resamples ?? 200, o.seed ?? 1);
  const scores = cells.map((c) => weights.map((w) => f1(w, gold, c)));
  const mean = scores.map((s) => s.reduce((a, b) => a + b, 0) / s.length);
  let best = 0;
  for (let i = 1; i < cells.length; i++) if (mean[i]! > mean[best]! + 1e-12) best = i;
  const withinReach: number[] = [];
  const sdOf = (d: number[]) => {
    const m = d.reduce((a, b) => a + b, 0) / d.length;
    return { m, sd: Math.sqrt(d.reduce((a, x) => a + (x - m) * (x - m), 0) / Math.max(1, d.length - 1)) };
  };
  if (o.band === 'best') {
    const { sd } = sdOf(scores[best]!);
    for (let i = 0; i < cells.length; i++) if (mean[best]! - mean[i]! <= sd + 1e-12) withinReach.push(i);
  } else for (let i = 0; i < cells.length; i++) {
    const d = scores[best]!.map((x, b) => x - scores[i]![b]!);
    const m = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, x) => a + (x - m) * (x - m), 0) / Math.max(1, d.length - 1));
    if (m <= sd + 1e-12) withinReach.push(i);
  }
  let chosen = withinReach[0]!;
  for (const i of withinReach) if (o.stricter(cells[i]!.params, cells[chosen]!.params) < 0) chosen = i; // ties: grid order
  return { chosen, best, mean, withinReach };
}

/** The old rule (until quotes18): the most precise setting within `nearTie` of the best reported F1; ties: grid order. */
export function selectMostPreciseNearBest<P>(cells: readonly GridCell<P>[], gold: ArrayLike<number>, nearTie = 0.0025): number {
  const pr = cells.map((c) => {
    let p = 0, pm = 0;
    for (let i = 0; i < gold.length; i++) { p += c.pred[i]!; pm += c.predMatched[i]!; }
    return { f: f1(null, gold, c), p: p ? pm / p : 0 };
  });
  if (!pr.length) return -1;
  const bestF = Math.max(...pr.map((x) => x.f));
  let chosen = -1;
  for (let i = 0; i < pr.length; i++) if (pr[i]!.f >= bestF - nearTie - 1e-9 && (chosen < 0 || pr[i]!.p > pr[chosen]!.p + 1e-9)) chosen = i;
  return chosen;
}

/** The review's thresholds, the parts that order settings by how much they change the rules' output. */
export interface ReviewThresholds { clause: number; minSpeaker: number; keep: number; detect: number; add: number; accept: number }

/**
 * The fixed order of conservatism of the learned review's settings, most telling first: content that must read as a
 * clause (`clause` 1) before bare objects too (2); a higher speaker confidence for additions; keeping every rule-found
 * record (a lower `keep`); a higher detection and addition threshold; a higher acceptance threshold.
 */
export function stricterReview(a: ReviewThresholds, b: ReviewThresholds): number {
  return a.clause - b.clause || b.minSpeaker - a.minSpeaker || a.keep - b.keep || b.detect - a.detect || b.add - a.add || b.accept - a.accept;
}

/**
 * The incumbent rule (branch quotes27): the setting shipped last stays while it passes the qualifying test (with the
 * caller's tolerance on its floors, see scripts/train-cues.ts) and its held-out reported F1 lies within `tolerance` of
 * the best qualifying setting's; otherwise `fallback` chooses among the qualifying settings (the old rule). Near-ties
 * then cannot flip the choice from one retrain to the next — a challenger must beat the incumbent by more than the
 * slice can tell apart —, and a setting the old rule chose (within 0.25 of the best) is kept by a rerun, so the
 * training stays a fixed point and reproduces byte for byte. `incumbent` is the incumbent's cell when it passes the
 * qualifying test, else null.
 */
export function selectIncumbent<P>(cells: readonly GridCell<P>[], gold: ArrayLike<number>, incumbent: GridCell<P> | null, tolerance = 0.005, fallback = selectMostPreciseNearBest): { chosen: number; kept: boolean; bestF: number; incumbentF: number } {
  const fs = cells.map((c) => f1(null, gold, c));
  const bestF = fs.length ? Math.max(...fs) : 0;
  const incumbentF = incumbent ? f1(null, gold, incumbent) : 0;
  if (incumbent && incumbentF >= bestF - tolerance - 1e-9) return { chosen: -2, kept: true, bestF, incumbentF };
  return { chosen: cells.length ? fallback(cells, gold) : -1, kept: false, bestF, incumbentF };
}
