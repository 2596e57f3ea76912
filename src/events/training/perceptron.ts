/**
 * Averaged perceptron (Collins 2002) over hashed features for the event stage's
 * linear models: independent multiclass decisions (`learnOne`, the mention
 * detector and the factuality classifier) or rankings of candidates
 * (`learnRanking` on a one-label model, the date anchoring ranker). No
 * transitions: the entity recogniser's structured trainer lives in
 * src/entities/training/perceptron.ts. Deterministic given the example order.
 */

export { prng } from '../../entities/training/perceptron.js';

/** Averaged weights: one row of `labels` floats per feature hash. */
export interface AveragedWeights {
  rows: Map<number, Float32Array>;
}

export class LinearTrainer {
  private rowOf = new Map<number, number>();
  private keys: number[] = [];
  private w = new Float32Array(1 << 20);
  private u = new Float64Array(1 << 20);
  /** Examples seen (the averaging clock). */
  private c = 1;

  constructor(readonly labels: number) {}

  /** Adds the weights of features ids[from..to) to out[outOffset..outOffset+labels). */
  addScores(ids: Uint32Array, from: number, to: number, out: Float32Array, outOffset: number): void {
    const w = this.w;
    const n = this.labels;
    for (let k = from; k < to; k++) {
      const r = this.rowOf.get(ids[k]!);
      if (r === undefined) continue;
      const base = r * n;
      for (let l = 0; l < n; l++) out[outOffset + l] = out[outOffset + l]! + w[base + l]!;
    }
  }

  /** Highest-scoring label of one example (features ids[from..to)); ties go to the lower label. */
  classify(ids: Uint32Array, from: number, to: number): number {
    const scores = new Float32Array(this.labels);
    this.addScores(ids, from, to, scores, 0);
    let best = 0;
    for (let l = 1; l < this.labels; l++) if (scores[l]! > scores[best]!) best = l;
    return best;
  }

  /** One multiclass perceptron step on an independent example; returns whether it was wrong. */
  learnOne(ids: Uint32Array, from: number, to: number, gold: number): boolean {
    const pred = this.classify(ids, from, to);
    if (pred !== gold) {
      for (let k = from; k < to; k++) {
        this.update(ids[k]!, gold, 1);
        this.update(ids[k]!, pred, -1);
      }
    }
    this.c++;
    return pred !== gold;
  }

  /**
   * One ranking step (a one-label model): candidate k's features are
   * ids[offsets[k]..offsets[k+1]); the best-scoring one should be `gold`.
   * Returns the candidate chosen before the update.
   */
  learnRanking(ids: Uint32Array, offsets: Int32Array, count: number, gold: number): number {
    const score = new Float32Array(1);
    let pred = 0;
    let best = -Infinity;
    for (let k = 0; k < count; k++) {
      score[0] = 0;
      this.addScores(ids, offsets[k]!, offsets[k + 1]!, score, 0);
      if (score[0]! > best) {
        best = score[0]!;
        pred = k;
      }
    }
    if (pred !== gold) {
      for (let k = offsets[gold]!; k < offsets[gold + 1]!; k++) this.update(ids[k]!, 0, 1);
      for (let k = offsets[pred]!; k < offsets[pred + 1]!; k++) this.update(ids[k]!, 0, -1);
    }
    this.c++;
    return pred;
  }

  private row(id: number): number {
    let r = this.rowOf.get(id);
    if (r === undefined) {
      r = this.keys.length;
      this.keys.push(id);
      this.rowOf.set(id, r);
      if ((r + 1) * this.labels > this.w.length) {
        const w2 = new Float32Array(this.w.length * 2);
        w2.set(this.w);
        this.w = w2;
        const u2 = new Float64Array(this.u.length * 2);
        u2.set(this.u);
        this.u = u2;
      }
    }
    return r;
  }

  private update(id: number, label: number, delta: number): void {
    if (id === 0) return; // a dropped feature
    const i = this.row(id) * this.labels + label;
    this.w[i] = this.w[i]! + delta;
    this.u[i] = this.u[i]! + this.c * delta;
  }

  /** The averaged weights (Collins' trick: w − u/c). */
  averaged(): AveragedWeights {
    const rows = new Map<number, Float32Array>();
    const n = this.labels;
    for (let r = 0; r < this.keys.length; r++) {
      const v = new Float32Array(n);
      for (let l = 0; l < n; l++) v[l] = this.w[r * n + l]! - this.u[r * n + l]! / this.c;
      rows.set(this.keys[r]!, v);
    }
    return { rows };
  }

  get featureCount(): number {
    return this.keys.length;
  }
}

/** Mean of several models' weights: an ensemble of linear models in the cost of one. */
export function meanWeights(models: AveragedWeights[]): AveragedWeights {
  const rows = new Map<number, Float32Array>();
  for (const m of models) {
    for (const [k, v] of m.rows) {
      let acc = rows.get(k);
      if (!acc) rows.set(k, (acc = new Float32Array(v.length)));
      for (let l = 0; l < v.length; l++) acc[l] = acc[l]! + v[l]! / models.length;
    }
  }
  return { rows };
}
