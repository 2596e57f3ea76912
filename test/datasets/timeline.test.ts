import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, toDatasetFiles } from '../../src/datasets/index.js';
import { CsvMerger } from '../../src/datasets/merge.js';
import { extract } from '../../src/pipeline.js';

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
});
