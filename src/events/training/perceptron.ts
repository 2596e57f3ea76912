/**
 * Averaged perceptron (Collins 2002) over hashed features for the event stage's
 * linear models: independent multiclass decisions (`learnOne`, the mention
 * detector and the factuality classifier) or rankings of candidates
 * (`learnRanking` on a one-label model, the date anchoring ranker). No
 * transitions: the entity recogniser's structured trainer lives in
 * src/entities/training/perceptron.ts. Deterministic given the example order.
 */

import { AveragedRows, meanRows } from '../../learning/averaged-rows.js';

export { prng } from '../../entities/training/perceptron.js';

/** Averaged weights: one row of `labels` floats per feature hash. */
export interface AveragedWeights {
  rows: Map<number, Float32Array>;
}

export class LinearTrainer {
  private readonly rows: AveragedRows;
  /** Examples seen (the averaging clock). */
  private c = 1;

  constructor(readonly labels: number) {
    this.rows = new AveragedRows(labels);
  }

  /** Adds the weights of features ids[from..to) to out[outOffset..outOffset+labels). */
  addScores(ids: Uint32Array, from: number, to: number, out: Float32Array, outOffset: number): void {
    this.rows.addScores(ids, from, to, out, outOffset);
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

  private update(id: number, label: number, delta: number): void {
    this.rows.update(id, label, delta, this.c);
  }

  /** The averaged weights (Collins' trick: w − u/c). */
  averaged(): AveragedWeights {
    return { rows: this.rows.averaged(this.c) };
  }

  get featureCount(): number {
    return this.rows.size;
  }
}

/** Mean of several models' weights: an ensemble of linear models in the cost of one. */
export function meanWeights(models: AveragedWeights[]): AveragedWeights {
  return { rows: meanRows(models.map((m) => m.rows)) };
}
