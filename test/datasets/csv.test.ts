import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { columns, TABLE_NAMES, toCsv, toDatasetFiles, toRows } from '../../src/datasets/index.js';
import { renderSchemas } from '../../src/document/render-schemas.js';
import { extract } from '../../src/pipeline.js';
import { ROOT } from '../helpers/fixtures.js';
import { assertValid, validateRow } from '../helpers/schema.js';

const parseCsv = (csv: string) => parse(csv, { columns: true, cast: false, relax_column_count: false }) as Record<string, string>[];

// OWASP CSV injection payloads.
const PAYLOADS = ['=1+2', '=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(1+1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'];

describe('CSV tables', () => {
  const doc = extract('Angela Merkel met Emmanuel Macron in Paris on 3 May 2021. "We agree," Merkel said.', {
    sourceIdentity: 'csv-test.txt',
    publishedAt: '2021-05-04',
  });

  it('parses back with a real CSV parser to the same values, every row valid against its schema', () => {
    const files = toDatasetFiles(doc);
    const rows = toRows(doc);
    for (const t of TABLE_NAMES) {
      const csv = files.csv[t];
      expect(csv.split('\r\n')[0]).toBe(columns(t).join(','));
      const parsed = parseCsv(csv);
      expect(parsed).toHaveLength(rows[t].length);
      parsed.forEach((p, i) => {
        const original = rows[t][i] as Record<string, unknown>;
        for (const c of columns(t)) expect(p[c]).toBe(original[c] === null ? '' : String(original[c]));
        assertValid(validateRow(t), original);
      });
    }
    expect(rows.entities.length).toBeGreaterThan(1);
    expect(rows.mentions.every((m) => m.article_id === doc.article.article_id)).toBe(true);
  });

  it('neutralises formula injection in text cells but leaves numbers alone', () => {
    const rows = PAYLOADS.map((text, i) => ({ article_id: 'a', entity_id: 'e', start: i, end: -i, text, sentence: 0 }));
    const parsed = parseCsv(toCsv('mentions', rows as never));
    parsed.forEach((p, i) => {
      expect(p.text).toBe(`'${PAYLOADS[i]}`);
      expect(/^[=+\-@\t\r]/.test(p.text!)).toBe(false);
      expect(p.end).toBe(String(-i));
    });
  });

  it('keeps quotes, commas, newlines and non-Latin text intact (RFC 4180)', () => {
    const text = 'He said, "no"\nthen left — Zoë 😀 مرحبا';
    const [row] = parseCsv(toCsv('mentions', [{ article_id: 'a', entity_id: 'e', start: 0, end: 1, text, sentence: 0 }]));
    expect(row!.text).toBe(text);
  });

  it('has JSON Schemas in schemas/ generated from the types (run `npm run schemas` after changing them)', () => {
    for (const [file, content] of Object.entries(renderSchemas())) {
      expect(readFileSync(join(ROOT, 'schemas', file), 'utf8'), file).toBe(content);
    }
  });
});
