/**
 * Int8 quantisation of a linear model's weight rows, shared by the trainers of
 * the entity recogniser and the event detector (both store their models as
 * open-addressing tables of int8 rows with one scale each).
 */

/**
 * Keeps the `maxRows` feature rows with the largest weights (ties by key) and
 * quantises each to int8 with its own scale; rows come out sorted by key.
 */
export function quantiseRows(rows: ReadonlyMap<number, Float32Array>, maxRows: number, labels: number): { keys: Uint32Array; scales: Float32Array; weights: Int8Array } {
  const N = labels;
  const entries = [...rows].map(([key, v]) => {
    let m = 0;
    for (let l = 0; l < N; l++) if (Math.abs(v[l]!) > m) m = Math.abs(v[l]!);
    return { key, v, m };
  });
  const kept = entries
    .filter((e) => e.m > 0)
    .sort((a, b) => b.m - a.m || a.key - b.key)
    .slice(0, maxRows)
    .sort((a, b) => a.key - b.key);
  const keys = new Uint32Array(kept.length);
  const scales = new Float32Array(kept.length);
  const weights = new Int8Array(kept.length * N);
  kept.forEach((e, k) => {
    keys[k] = e.key;
    const s = e.m / 127;
    scales[k] = s;
    for (let l = 0; l < N; l++) weights[k * N + l] = Math.round(e.v[l]! / s);
  });
  return { keys, scales, weights };
}
