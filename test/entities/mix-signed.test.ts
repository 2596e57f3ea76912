import { describe, expect, it } from 'vitest';
import { mix, mixS } from '../../src/entities/hash.js';
import { LinearModel } from '../../src/quotes/learned/linear.js';

// Pseudo-random 32-bit inputs (xorshift), reproducible.
function* pairs(n: number): Generator<[number, number]> {
  let x = 0x12345678;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x >>> 0);
  for (let i = 0; i < n; i++) yield [next(), i % 3 === 0 ? i % 17 : next()];
}

describe('mixS (signed mix)', () => {
  it('has the same 32 bits as mix, never 0', () => {
    for (const [a, b] of pairs(20000)) {
      const s = mixS(a, b);
      expect(s >>> 0).toBe(mix(a, b));
      expect(s | 0).toBe(s);
      expect(s).not.toBe(0);
    }
  });

  it('gives the same id as mix when mixed again or stored in a Uint32Array', () => {
    const buf = new Uint32Array(1);
    for (const [a, b] of pairs(5000)) {
      expect(mix(mixS(a, b), 7)).toBe(mix(mix(a, b), 7));
      expect(mix(3, mixS(a, b))).toBe(mix(3, mix(a, b)));
      buf[0] = mixS(a, b);
      expect(buf[0]).toBe(mix(a, b));
    }
  });

  it('finds the same weight in the quote models by signed or unsigned id', () => {
    const ids = [...pairs(64)].map(([a, b]) => mix(a, b)).filter((id) => id > 0x7fffffff);
    const keys = Uint32Array.from(new Set(ids)).sort();
    const model = LinearModel.fromRows(keys, Int16Array.from(keys, (_, i) => i + 1), 1);
    expect(keys.length).toBeGreaterThan(5);
    for (const k of keys) {
      expect(model.weight(k | 0)).toBe(model.weight(k));
      expect(model.weight(k)).not.toBe(0);
    }
  });
});
