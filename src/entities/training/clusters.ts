/**
 * Word clusters learned from unlabelled news text: words that occur between
 * the same neighbours get the same cluster ("shares of ___", "___ Inc said"),
 * so the recogniser can generalise from names it was trained on to names it
 * never saw (Ratinov & Roth 2009 used Brown clusters to the same end).
 *
 * Cheap distributional clustering rather than Brown's exchange algorithm: each
 * frequent word is a vector of positive PMI with its left and right
 * neighbours (the most frequent words), and spherical k-means with a seeded
 * k-means++ start groups them. Deterministic for a given seed; a few seconds
 * per million tokens.
 *
 * Used only by scripts/train-ner.ts; the pipeline reads the result from the lexicon.
 */
import { prng } from './perceptron.js';

export interface ClusterOptions {
  /** Number of clusters (≤ 255: a cluster id is stored in one byte, 0 = none). */
  k: number;
  /** Words clustered: the most frequent ones (seen at least `minCount` times). */
  vocabulary: number;
  minCount: number;
  /** Context words: the most frequent ones, left and right. */
  contexts: number;
  iterations: number;
  seed: number;
}

const isWord = (w: string) => /^\p{L}/u.test(w);

/**
 * @param sentences lowercase tokens, one array per sentence
 * @returns clusters[c] = the words of cluster c, each list sorted
 * @example wordClusters([['shares', 'of', 'acme', 'rose']], { k: 2, vocabulary: 10, minCount: 1, contexts: 10, iterations: 2, seed: 1 }).flat().length // 4
 */
export function wordClusters(sentences: readonly (readonly string[])[], o: ClusterOptions): string[][] {
  const count = new Map<string, number>();
  for (const s of sentences) for (const w of s) count.set(w, (count.get(w) ?? 0) + 1);
  const byFreq = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const vocab = byFreq.filter(([w, n]) => n >= o.minCount && isWord(w)).slice(0, o.vocabulary).map(([w]) => w);
  const ctxIndex = new Map(byFreq.slice(0, o.contexts).map(([w], i) => [w, i]));
  const C = o.contexts + 1; // + sentence boundary
  const D = 2 * C; // left contexts, then right contexts
  const wordIndex = new Map(vocab.map((w, i) => [w, i]));
  const n = vocab.length;

  // Co-occurrence counts, one sparse map per word.
  const co: Map<number, number>[] = vocab.map(() => new Map());
  const ctxTotal = new Float64Array(D);
  let total = 0;
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const wi = wordIndex.get(s[i]!);
      if (wi === undefined) continue;
      const l = i > 0 ? ctxIndex.get(s[i - 1]!) : o.contexts;
      const r = i + 1 < s.length ? ctxIndex.get(s[i + 1]!) : o.contexts;
      for (const d of [l === undefined ? -1 : l, r === undefined ? -1 : C + r]) {
        if (d < 0) continue;
        co[wi]!.set(d, (co[wi]!.get(d) ?? 0) + 1);
        ctxTotal[d] = ctxTotal[d]! + 1;
        total++;
      }
    }
  }

  // Positive PMI, L2-normalised, as sorted sparse vectors.
  const idx: Int32Array[] = [];
  const val: Float64Array[] = [];
  for (let w = 0; w < n; w++) {
    const entries = [...co[w]!].sort((a, b) => a[0] - b[0]);
    let wTotal = 0;
    for (const [, c] of entries) wTotal += c;
    const keep = entries.map(([d, c]) => [d, Math.max(0, Math.log((c * total) / (wTotal * ctxTotal[d]!)))] as const).filter(([, v]) => v > 0);
    let norm = 0;
    for (const [, v] of keep) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    idx.push(Int32Array.from(keep.map(([d]) => d)));
    val.push(Float64Array.from(keep.map(([, v]) => v / norm)));
  }
  const dot = (w: number, centroid: Float64Array, base: number) => {
    const ix = idx[w]!;
    const vx = val[w]!;
    let s = 0;
    for (let k = 0; k < ix.length; k++) s += vx[k]! * centroid[base + ix[k]!]!;
    return s;
  };

  // k-means++ start (cosine distance), seeded.
  const K = Math.min(o.k, n);
  const centroids = new Float64Array(K * D);
  const rand = prng(o.seed);
  const best = new Float64Array(n).fill(-Infinity); // best similarity to any chosen centroid
  let pick = Math.floor(rand() * n);
  for (let c = 0; c < K; c++) {
    const ix = idx[pick]!;
    const vx = val[pick]!;
    for (let k = 0; k < ix.length; k++) centroids[c * D + ix[k]!] = vx[k]!;
    let sum = 0;
    for (let w = 0; w < n; w++) {
      const s = dot(w, centroids, c * D);
      if (s > best[w]!) best[w] = s;
      sum += 1 - best[w]!;
    }
    let r = rand() * sum;
    pick = n - 1;
    for (let w = 0; w < n; w++) {
      r -= 1 - best[w]!;
      if (r <= 0) {
        pick = w;
        break;
      }
    }
  }

  const assign = new Int32Array(n);
  for (let it = 0; it < o.iterations; it++) {
    for (let w = 0; w < n; w++) {
      let bestC = 0;
      let bestS = -Infinity;
      for (let c = 0; c < K; c++) {
        const s = dot(w, centroids, c * D);
        if (s > bestS) {
          bestS = s;
          bestC = c;
        }
      }
      assign[w] = bestC;
    }
    centroids.fill(0);
    for (let w = 0; w < n; w++) {
      const ix = idx[w]!;
      const vx = val[w]!;
      const base = assign[w]! * D;
      for (let k = 0; k < ix.length; k++) centroids[base + ix[k]!] = centroids[base + ix[k]!]! + vx[k]!;
    }
    for (let c = 0; c < K; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += centroids[c * D + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) centroids[c * D + d] = centroids[c * D + d]! / norm;
    }
  }
  const out: string[][] = Array.from({ length: K }, () => []);
  for (let w = 0; w < n; w++) out[assign[w]!]!.push(vocab[w]!);
  return out.map((ws) => ws.sort());
}
