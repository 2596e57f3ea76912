/**
 * 32-bit hashing for features and gazetteer keys. Features are never built as
 * strings at run time: each token's parts (lowercase form, shape, affixes) are
 * hashed once and feature ids are integer mixes of a template id with them.
 */

/** FNV-1a over UTF-16 code units. @example hashString('Putin') !== hashString('putin') // true */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two 32-bit values (order matters); never returns 0, the empty-slot key. */
export function mix(a: number, b: number): number {
  return mixS(a, b) >>> 0;
}

/**
 * `mix` as a signed 32-bit integer (the same 32 bits; never 0): stored into a Uint32Array, or given to `mix` again,
 * it is the same id. A call V8 does not inline returns it as a small integer, where `mix`'s unsigned result above
 * 2³¹ is a heap number allocated per call. Compare it with an unsigned id only after `>>> 0`.
 */
export function mixS(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) + b) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}
