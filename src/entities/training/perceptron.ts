/**
 * Averaged structured perceptron (Collins 2002) over hashed features with
 * first-order BILOU transitions, decoded by the same constrained Viterbi as at
 * run time. Deterministic: sentence order comes from a seeded PRNG.
 */
import { N_LABELS } from '../labels.js';
import { CompactModel, viterbi, type FeatureWeights } from '../model.js';
import { quantiseRows } from '../../learning/quantise.js';
import { AveragedRows, meanRows } from '../../learning/averaged-rows.js';

export interface TrainingSentence {
  ids: Uint32Array;
  /** offsets[i]..offsets[i+1] are token i's features (length = tokens + 1). */
  offsets: Int32Array;
  gold: Uint8Array;
}

const N = N_LABELS;
const TRANS = (N + 1) * N;

export class PerceptronTrainer implements FeatureWeights {
  private rows = new AveragedRows(N);
  readonly transitions = new Float32Array(TRANS);
  private tu = new Float64Array(TRANS);
  /** Examples seen (the averaging clock). */
  private c = 1;

  addScores(ids: Uint32Array, from: number, to: number, out: Float32Array, outOffset: number): void {
    this.rows.addScores(ids, from, to, out, outOffset);
  }

  private update(id: number, label: number, delta: number): void {
    this.rows.update(id, label, delta, this.c);
  }

  private updateTrans(prev: number, cur: number, delta: number): void {
    const i = prev * N + cur;
    this.transitions[i] = this.transitions[i]! + delta;
    this.tu[i] = this.tu[i]! + this.c * delta;
  }

  /** Decodes one sentence with the current weights. */
  predict(s: TrainingSentence, out: Uint8Array): void {
    const n = s.gold.length;
    const scores = new Float32Array(n * N);
    for (let i = 0; i < n; i++) this.addScores(s.ids, s.offsets[i]!, s.offsets[i + 1]!, scores, i * N);
    viterbi(scores, n, this.transitions, out);
  }

  /**
   * One perceptron step; returns the number of wrongly labelled tokens.
   * With `drop`, each token loses its word-identity features (its form and
   * lowercase form, the 2nd and 3rd of its own ids) with that probability, so
   * the model also learns to label names from their shape, clusters, context
   * and lexicons: what it has for names it never saw.
   */
  learn(s: TrainingSentence, drop?: { rate: number; rand: () => number }): number {
    if (drop && drop.rate > 0) {
      const ids = Uint32Array.from(s.ids);
      for (let i = 0; i < s.gold.length; i++) {
        if (drop.rand() >= drop.rate || s.offsets[i + 1]! - s.offsets[i]! < 3) continue;
        ids[s.offsets[i]! + 1] = 0;
        ids[s.offsets[i]! + 2] = 0;
      }
      s = { ...s, ids };
    }
    const n = s.gold.length;
    const pred = new Uint8Array(n);
    this.predict(s, pred);
    let errors = 0;
    for (let i = 0; i < n; i++) {
      const g = s.gold[i]!;
      const p = pred[i]!;
      const gPrev = i === 0 ? N : s.gold[i - 1]!;
      const pPrev = i === 0 ? N : pred[i - 1]!;
      if (g !== p) {
        errors++;
        for (let k = s.offsets[i]!; k < s.offsets[i + 1]!; k++) {
          this.update(s.ids[k]!, g, 1);
          this.update(s.ids[k]!, p, -1);
        }
      }
      if (g !== p || gPrev !== pPrev) {
        this.updateTrans(gPrev, g, 1);
        this.updateTrans(pPrev, p, -1);
      }
    }
    this.c++;
    return errors;
  }

  /** The averaged weights (Collins' trick: w − u/c). */
  averaged(): AveragedWeights {
    const trans = new Float32Array(TRANS);
    for (let i = 0; i < TRANS; i++) trans[i] = this.transitions[i]! - this.tu[i]! / this.c;
    return { rows: this.rows.averaged(this.c), trans };
  }

  /** Averaged weights, pruned to the `maxRows` strongest features and quantised to int8 per row. */
  compact(maxRows: number): CompactModel {
    return quantise(this.averaged(), maxRows);
  }

  get featureCount(): number {
    return this.rows.size;
  }
}

export interface AveragedWeights {
  rows: Map<number, Float32Array>;
  trans: Float32Array;
}

/** Mean of several models' weights: an ensemble of linear models in the cost of one. */
export function meanWeights(models: AveragedWeights[]): AveragedWeights {
  const trans = new Float32Array(TRANS);
  for (const m of models) for (let i = 0; i < TRANS; i++) trans[i] = trans[i]! + m.trans[i]! / models.length;
  return { rows: meanRows(models.map((m) => m.rows)), trans };
}

/** Keeps the `maxRows` features with the largest weights and quantises each row to int8 with its own scale. */
export function quantise(model: AveragedWeights, maxRows: number): CompactModel {
  const { keys, scales, weights } = quantiseRows(model.rows, maxRows, N);
  return CompactModel.fromRows(keys, scales, weights, Float32Array.from(model.trans));
}

/** Mulberry32: a small seeded PRNG for reproducible shuffles. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
