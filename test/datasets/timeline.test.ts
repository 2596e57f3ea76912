import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, toDatasetFiles } from '../../src/datasets/index.js';
import { CsvMerger } from '../../src/datasets/merge.js';
import { extract } from '../../src/pipeline.js';
import { EXAMPLES } from '../helpers/fixtures.js';

describe('timeline table', () => {
  it("lists each entity's dated events in date order across articles", async () => {
    const later = extract('Angela Merkel met Emmanuel Macron in Paris on 3 May 2021.', { sourceIdentity: 'later.txt', publishedAt: '2021-05-04' });
    const earlier = extract('Angela Merkel met Joe Biden in Berlin on 1 March 2021.', { sourceIdentity: 'earlier.txt', publishedAt: '2021-03-02' });
    const dir = mkdtempSync(join(tmpdir(), 'ae-timeline-'));
    const merger = new CsvMerger(dir);
    for (const doc of [later, earlier]) {
      const files = toDatasetFiles(doc);
      for (const t of TABLE_NAMES) await merger.append(t, files.csv[t]);
    }
    await merger.close();
    const rows = parse(readFileSync(join(dir, 'timeline.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const merkel = rows.filter((r) => r.name === 'Angela Merkel');
    expect(merkel.map((r) => [r.date_start, r.event_type])).toEqual([
      ['2021-03-01', 'MEETING'],
      ['2021-05-03', 'MEETING'],
    ]);
    expect(merkel.map((r) => r.article_id)).toEqual([earlier.article.article_id, later.article.article_id]);
    // Grouped by entity: one entity's rows are contiguous.
    const ids = rows.map((r) => r.entity_id);
    expect(ids).toEqual([...ids].sort());
  });

  it('writes the same bytes when the timeline is sorted through spilled runs as when it fits in memory', async () => {
    const docs = readdirSync(EXAMPLES)
      .sort()
      .map((f) => extract(readFileSync(join(EXAMPLES, f), 'utf8'), { sourceIdentity: f, publishedAt: '2025-03-14' }));
    const merged = async (timelineRowsInMemory?: number) => {
      const dir = mkdtempSync(join(tmpdir(), 'ae-timeline-'));
      const merger = new CsvMerger(dir, { timelineRowsInMemory });
      for (const doc of docs) {
        const files = toDatasetFiles(doc);
        for (const t of TABLE_NAMES) await merger.append(t, files.csv[t]);
      }
      await merger.close();
      return { csv: readFileSync(join(dir, 'timeline.csv'), 'utf8'), rows: merger.rows.timeline };
    };
    const inMemory = await merged();
    const spilled = await merged(1); // every row a run of its own: the merge does all the ordering
    expect(inMemory.rows).toBeGreaterThan(3);
    expect(spilled.csv).toBe(inMemory.csv);
    expect(parse(spilled.csv, { columns: true })).toHaveLength(inMemory.rows);
  });
});
