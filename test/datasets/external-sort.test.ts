import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExternalSorter } from '../../src/datasets/external-sort.js';

type R = { k: string; seq: number };
const byKey = (a: R, b: R) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0);
const sortDirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('ae-sort-'));

describe('ExternalSorter', () => {
  it('gives the same order as an in-memory stable sort, however the rows are split into spilled runs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }), fc.integer({ min: 1, max: 50 }), async (keys, limit) => {
        const rows = keys.map((k, seq) => ({ k, seq }));
        const sorter = new ExternalSorter<R>(byKey, limit);
        for (const r of rows) await sorter.add(r);
        expect(sorter.spilledRuns).toBe(Math.floor(rows.length / limit));
        const out: R[] = [];
        for await (const r of sorter.sorted()) out.push(r);
        expect(out).toEqual([...rows].sort(byKey)); // ties keep their insertion order (seq)
      }),
      { numRuns: 60 },
    );
  });

  it('keeps nothing on disk below its limit, and removes its runs once read', async () => {
    const before = new Set(sortDirs());
    const small = new ExternalSorter<R>(byKey, 10);
    for (let i = 0; i < 9; i++) await small.add({ k: String(9 - i), seq: i });
    expect(small.spilledRuns).toBe(0);
    expect(sortDirs().filter((d) => !before.has(d))).toEqual([]);
    const big = new ExternalSorter<R>(byKey, 3);
    for (let i = 0; i < 10; i++) await big.add({ k: String(i % 4), seq: i });
    const created = sortDirs().filter((d) => !before.has(d));
    expect(created).toHaveLength(1);
    const out: string[] = [];
    for await (const r of big.sorted()) out.push(`${r.k}${r.seq}`);
    expect(out).toEqual(['00', '04', '08', '11', '15', '19', '22', '26', '33', '37']);
    expect(existsSync(`${tmpdir()}/${created[0]}`)).toBe(false);
  });
});
