/**
 * The trained recogniser: a linear model over hashed features with BILOU
 * transition weights, decoded by constrained Viterbi.
 *
 * File format (models/ner.bin, little-endian), an open-addressing table in slot order:
 *   "NER2" | u32 labels | u32 slots | u32 rows
 *   u32 keys[slots] (0 = empty) | f32 scales[slots] | f32 transitions[(labels+1)·labels] | i8 weights[slots·labels]
 * Each row is one feature's weights quantised to int8 with its own scale.
 * Loading is a file read and typed-array views: nothing is rebuilt.
 */
import { readFileSync } from 'node:fs';
import * as labels from './labels.js';

// Local copies: in hot loops an imported binding can cost a getter call per read.
const N_LABELS = 17;
const ALLOWED = labels.ALLOWED;
const CAN_END_MASK = Uint8Array.from({ length: N_LABELS }, (_, l) => (labels.CAN_END(l) ? 1 : 0));
/** For each label: the allowed previous labels. */
const PREDECESSORS: Uint8Array[] = Array.from({ length: N_LABELS }, (_, c) =>
  Uint8Array.from(Array.from({ length: N_LABELS }, (_, p) => p).filter((p) => ALLOWED[p * N_LABELS + c])),
);
if (labels.N_LABELS !== N_LABELS) throw new Error('label set changed');

export interface FeatureWeights {
  /** Adds the weights of features ids[from..to) to out[outOffset .. outOffset+N_LABELS). */
  addScores(ids: Uint32Array, from: number, to: number, out: Float32Array, outOffset: number): void;
  /** transitions[prev * N_LABELS + cur]; prev = N_LABELS is the sentence start. */
  readonly transitions: Float32Array;
}

const PRESENT_MASK = (1 << 15) - 1;

export class CompactModel implements FeatureWeights {
  private readonly mask: number;
  /**
   * An open-addressing table in slot order (key, scale and int8 weights side
   * by side): one memory hop per lookup, and the file is loaded as views.
   */
  constructor(
    readonly slotKeys: Uint32Array,
    readonly slotScales: Float32Array,
    readonly slotWeights: Int8Array,
    readonly transitions: Float32Array,
    readonly rows: number,
  ) {
    this.mask = slotKeys.length - 1;
    for (const key of slotKeys) if (key !== 0) this.present[(key >>> 5) & PRESENT_MASK]! |= 1 << (key & 31);
  }
  /**
   * One bit per low 20 bits of the keys present (128 kB, stays in cache): about
   * 30% of the ids looked up are in no row, and at this load factor a missing
   * key walks ~6 slots before an empty one; the bit rejects ~90% of them first.
   */
  private readonly present = new Int32Array(PRESENT_MASK + 1);

  /** Builds the table from rows (keys must be non-zero and distinct). */
  static fromRows(keys: Uint32Array, scales: Float32Array, weights: Int8Array, transitions: Float32Array): CompactModel {
    let size = 1;
    while (size < keys.length * 1.25) size <<= 1; // load factor ≤ 0.8: a smaller table stays in cache (measured faster than 0.5)
    const mask = size - 1;
    const slotKeys = new Uint32Array(size);
    const slotScales = new Float32Array(size);
    const slotWeights = new Int8Array(size * N_LABELS);
    for (let r = 0; r < keys.length; r++) {
      let slot = keys[r]! & mask;
      while (slotKeys[slot] !== 0) slot = (slot + 1) & mask;
      slotKeys[slot] = keys[r]!;
      slotScales[slot] = scales[r]!;
      slotWeights.set(weights.subarray(r * N_LABELS, (r + 1) * N_LABELS), slot * N_LABELS);
    }
    return new CompactModel(slotKeys, slotScales, slotWeights, transitions, keys.length);
  }

  /**
   * The same model without the share `fraction` of its rows whose largest weight
   * (|int8| × scale) is smallest: rows that barely move any label's score. Rows
   * whose largest weight equals the cut-off stay, so the result depends only on
   * the weights (not on slot order). Halving the rows halves the table, which
   * then stays in cache better (see `npm run train:ner -- --prune`).
   * @example model.pruned(0.5).rows // about half of model.rows
   */
  pruned(fraction: number): CompactModel {
    const slots: number[] = [];
    const norm = new Float32Array(this.slotKeys.length);
    for (let s = 0; s < this.slotKeys.length; s++) {
      if (this.slotKeys[s] === 0) continue;
      let max = 0;
      for (let l = 0; l < N_LABELS; l++) max = Math.max(max, Math.abs(this.slotWeights[s * N_LABELS + l]!));
      norm[s] = Math.fround(max * this.slotScales[s]!);
      slots.push(s);
    }
    const sorted = slots.map((s) => norm[s]!).sort((a, b) => a - b);
    const cut = fraction <= 0 ? -Infinity : (sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? -Infinity);
    const kept = slots.filter((s) => norm[s]! >= cut).sort((a, b) => this.slotKeys[a]! - this.slotKeys[b]!);
    const keys = Uint32Array.from(kept, (s) => this.slotKeys[s]!);
    const scales = Float32Array.from(kept, (s) => this.slotScales[s]!);
    const weights = new Int8Array(kept.length * N_LABELS);
    kept.forEach((s, r) => weights.set(this.slotWeights.subarray(s * N_LABELS, (s + 1) * N_LABELS), r * N_LABELS));
    return CompactModel.fromRows(keys, scales, weights, this.transitions);
  }

  addScores(ids: Uint32Array, from: number, to: number, out: Float32Array, outOffset: number): void {
    const keys = this.slotKeys;
    const scales = this.slotScales;
    const weights = this.slotWeights;
    const mask = this.mask;
    // The 17 sums live in locals (unrolled); Math.fround after each addition keeps
    // the float32 rounding of the Float32Array accumulation, so results are identical.
    const f = Math.fround;
    let s0 = out[outOffset + 0]!, s1 = out[outOffset + 1]!, s2 = out[outOffset + 2]!, s3 = out[outOffset + 3]!, s4 = out[outOffset + 4]!, s5 = out[outOffset + 5]!, s6 = out[outOffset + 6]!, s7 = out[outOffset + 7]!, s8 = out[outOffset + 8]!, s9 = out[outOffset + 9]!, s10 = out[outOffset + 10]!, s11 = out[outOffset + 11]!, s12 = out[outOffset + 12]!, s13 = out[outOffset + 13]!, s14 = out[outOffset + 14]!, s15 = out[outOffset + 15]!, s16 = out[outOffset + 16]!;
    const present = this.present;
    for (let k = from; k < to; k++) {
      const id = ids[k]!;
      if ((present[(id >>> 5) & PRESENT_MASK]! & (1 << (id & 31))) === 0) continue;
      let slot = id & mask;
      let key: number;
      while ((key = keys[slot]!) !== 0) {
        if (key === id) {
          const s = scales[slot]!;
          const b = slot * N_LABELS;
          s0 = f(s0 + weights[b + 0]! * s);
          s1 = f(s1 + weights[b + 1]! * s);
          s2 = f(s2 + weights[b + 2]! * s);
          s3 = f(s3 + weights[b + 3]! * s);
          s4 = f(s4 + weights[b + 4]! * s);
          s5 = f(s5 + weights[b + 5]! * s);
          s6 = f(s6 + weights[b + 6]! * s);
          s7 = f(s7 + weights[b + 7]! * s);
          s8 = f(s8 + weights[b + 8]! * s);
          s9 = f(s9 + weights[b + 9]! * s);
          s10 = f(s10 + weights[b + 10]! * s);
          s11 = f(s11 + weights[b + 11]! * s);
          s12 = f(s12 + weights[b + 12]! * s);
          s13 = f(s13 + weights[b + 13]! * s);
          s14 = f(s14 + weights[b + 14]! * s);
          s15 = f(s15 + weights[b + 15]! * s);
          s16 = f(s16 + weights[b + 16]! * s);
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    out[outOffset + 0] = s0;
    out[outOffset + 1] = s1;
    out[outOffset + 2] = s2;
    out[outOffset + 3] = s3;
    out[outOffset + 4] = s4;
    out[outOffset + 5] = s5;
    out[outOffset + 6] = s6;
    out[outOffset + 7] = s7;
    out[outOffset + 8] = s8;
    out[outOffset + 9] = s9;
    out[outOffset + 10] = s10;
    out[outOffset + 11] = s11;
    out[outOffset + 12] = s12;
    out[outOffset + 13] = s13;
    out[outOffset + 14] = s14;
    out[outOffset + 15] = s15;
    out[outOffset + 16] = s16;
  }

  /** Serialises to the models/ner.bin format. */
  toBuffer(): Buffer {
    const slots = this.slotKeys.length;
    const head = Buffer.alloc(16);
    head.write('NER2', 0, 'ascii');
    head.writeUInt32LE(N_LABELS, 4);
    head.writeUInt32LE(slots, 8);
    head.writeUInt32LE(this.rows, 12);
    const view = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    return Buffer.concat([head, view(this.slotKeys), view(this.slotScales), view(this.transitions), view(this.slotWeights)]);
  }

  static fromBuffer(data: Uint8Array): CompactModel {
    // Typed-array views need 4-byte alignment; copy when the buffer is not aligned.
    const bytes = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
    const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
    if (magic !== 'NER2') throw new Error('Not a recogniser model (bad magic)');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const labels = dv.getUint32(4, true);
    if (labels !== N_LABELS) throw new Error(`Model has ${labels} labels, expected ${N_LABELS}`);
    const slots = dv.getUint32(8, true);
    const rows = dv.getUint32(12, true);
    const transLen = (N_LABELS + 1) * N_LABELS;
    const o = bytes.byteOffset + 16;
    return new CompactModel(
      new Uint32Array(bytes.buffer, o, slots),
      new Float32Array(bytes.buffer, o + 4 * slots, slots),
      new Int8Array(bytes.buffer, o + 8 * slots + 4 * transLen, slots * N_LABELS),
      new Float32Array(bytes.buffer, o + 8 * slots, transLen),
      rows,
    );
  }

  static load(path: string): CompactModel {
    return CompactModel.fromBuffer(readFileSync(path));
  }
}

/**
 * The Viterbi recursion over positions 1..n-1, unrolled over the allowed BILOU
 * transitions (97 of 289) and generated once at load: previous scores in
 * locals, constant indices. The comparisons are those of the plain loop over
 * PREDECESSORS in the same order (strict >, first best wins), so decisions are
 * identical; measured ~5% faster for the whole entity stage.
 */
const recurse = ((): ((delta: Float32Array, back: Uint8Array, scores: Float32Array, trans: Float32Array, n: number, so: number) => void) => {
  const N = N_LABELS;
  let src = `for (let i = 1; i < n; i++) {\n  const base = i * ${N}, pbase = base - ${N}, sbase = so + base;\n  let best, arg, v;\n`;
  for (let p = 0; p < N; p++) src += `  const d${p} = delta[pbase + ${p}];\n`;
  for (let c = 0; c < N; c++) {
    src += '  best = -Infinity; arg = 0;\n';
    for (const p of PREDECESSORS[c]!) src += `  v = d${p} + trans[${p * N + c}]; if (v > best) { best = v; arg = ${p}; }\n`;
    src += `  delta[base + ${c}] = best + scores[sbase + ${c}]; back[base + ${c}] = arg;\n`;
  }
  src += '}';
  return new Function('delta', 'back', 'scores', 'trans', 'n', 'so', src) as never; // source built only from the constant label table
})();

// Scratch buffers reused across calls (grown on demand).
let delta = new Float32Array(256 * N_LABELS);
let back = new Uint8Array(256 * N_LABELS);

/**
 * Best well-formed BILOU label sequence for one sentence given per-token
 * scores (n × N_LABELS, from `scoresOffset`) and transition weights.
 * `after` / `before` decode a stretch inside a sentence whose neighbours are
 * known: the label of the token before it (N_LABELS = sentence start) and of
 * the token after it (-1 = sentence end).
 * @example viterbi(new Float32Array(17), 1, new Float32Array(18 * 17), new Uint8Array(1)) // labels[0] = 0
 */
export function viterbi(scores: Float32Array, n: number, trans: Float32Array, out: Uint8Array, outOffset = 0, scoresOffset = 0, after = N_LABELS, before = -1): void {
  if (n === 0) return;
  const N = N_LABELS;
  if (delta.length < n * N) {
    delta = new Float32Array(n * N * 2);
    back = new Uint8Array(n * N * 2);
  }
  for (let c = 0; c < N; c++) delta[c] = ALLOWED[after * N + c] ? scores[scoresOffset + c]! + trans[after * N + c]! : -Infinity;
  recurse(delta, back, scores, trans, n, scoresOffset);
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < N; c++) {
    const v = before < 0 ? delta[(n - 1) * N + c]! : delta[(n - 1) * N + c]! + trans[c * N + before]!;
    if ((before < 0 ? CAN_END_MASK[c] : ALLOWED[c * N + before]) && v > best) {
      best = v;
      arg = c;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[outOffset + i] = arg;
    arg = back[i * N + arg]!;
  }
}
