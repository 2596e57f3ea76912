/**
 * Hostile input: whatever the bytes, the pipeline either returns a clear
 * InputError or a document whose every offset is valid and whose CSV parses
 * back to the same values. Property tests (fast-check) plus hand-made nasty cases.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columns, TABLE_NAMES, toDatasetFiles, toRows } from '../../src/datasets/index.js';
import type { ArticleDocument } from '../../src/document/schema.js';
import { InputError, readArticle } from '../../src/input/index.js';
import { extract } from '../../src/pipeline.js';
import { assertValid, validateDocument } from '../helpers/schema.js';

function run(bytes: Uint8Array, name = 'x.txt'): ArticleDocument | InputError {
  try {
    const input = readArticle(bytes, { kind: 'file', identity: name, name });
    return extract(input.text, input.metadata);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
}

function checkDocument(doc: ArticleDocument): void {
  assertValid(validateDocument, doc);
  const cps = [...doc.article.text];
  const spans = [
    ...doc.entities.flatMap((e) => e.mentions),
    ...doc.quotes.flatMap((q) => [q, ...(q.cue ? [q.cue] : [])]),
    ...doc.times,
    ...doc.events.flatMap((e) => [e.trigger, e.sentence]),
  ];
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(cps.length);
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(cps.slice(s.start, s.end).join('')).toBe(s.text);
  }
  const files = toDatasetFiles(doc);
  const rows = toRows(doc);
  for (const t of TABLE_NAMES) {
    const parsed = parse(files.csv[t], { columns: true, relax_quotes: false }) as Record<string, string>[];
    expect(parsed).toHaveLength(rows[t].length);
    parsed.forEach((p, i) => {
      for (const c of columns(t)) {
        const v = (rows[t][i] as Record<string, unknown>)[c];
        const expected = v === null ? '' : String(v);
        // Formula-looking text gets one leading apostrophe, nothing else changes.
        const unescaped = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) && p[c]!.startsWith("'") ? p[c]!.slice(1) : p[c];
        expect(unescaped).toBe(expected);
      }
    });
  }
}

const words = ['Putin', 'said', '“', '”', '"', "'", '‘', '’', 'Iran', 'on', 'Friday', '.', ',', ':', 'U.S.', 'Dr.', '—', '(', ')', '[', ']', '\n', '\n\n', ' ', 'last', 'week', '2024', '😀', 'שלום', 'مرحبا', '\u202e', '\u0007', '\t', 'the', 'Ministry', 'of', 'Defence', 'told', 'that', 'met', 'in', 'Kazan', 'X'];

describe('hostile input', () => {
  it('random bytes: an InputError or a sane document, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const r = run(bytes);
        if (!(r instanceof InputError)) checkDocument(r);
      }),
      { numRuns: 150 },
    );
  });

  it('random Unicode text (astral, RTL, controls): offsets valid, CSV round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 800 }), (s) => {
        const r = run(new TextEncoder().encode(s));
        if (!(r instanceof InputError)) checkDocument(r);
      }),
      { numRuns: 150 },
    );
  });

  it('random news-like token soup with quotes, dates and names', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 300 }), (ws) => {
        const r = run(new TextEncoder().encode(ws.join(' ')), 'soup.txt');
        if (!(r instanceof InputError)) checkDocument(r);
      }),
      { numRuns: 200 },
    );
  });

  it('deeply nested and script-laden HTML', () => {
    const nested = `<html><body>${'<div>'.repeat(5000)}<p>Angela Merkel met Emmanuel Macron in Paris.</p>${'</div>'.repeat(5000)}<script>alert("x")</script></body></html>`;
    const r = run(new TextEncoder().encode(nested), 'deep.html');
    if (r instanceof InputError) expect(r.message.length).toBeGreaterThan(10);
    else {
      checkDocument(r);
      expect(r.article.text).not.toContain('alert');
    }
    const scripts = `<html><body>${'<script>var a = "<p>not text</p>";</script>'.repeat(2000)}<article><p>${'Officials in Berlin said on Monday that the talks would continue. '.repeat(10)}</p></article><iframe src="javascript:alert(1)"></iframe><img src=x onerror=alert(1)></body></html>`;
    const s = run(new TextEncoder().encode(scripts), 'scripts.html');
    expect(s).not.toBeInstanceOf(InputError);
    expect((s as ArticleDocument).article.text).not.toMatch(/script|alert|not text/);
  });

  it('a 50 MB upload is refused by size before anything is decoded', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const t0 = performance.now();
    const r = run(big);
    expect(r).toBeInstanceOf(InputError);
    expect((r as InputError).code).toBe('TOO_LARGE');
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('a single 5 MB line of text finishes and stays valid', () => {
    // Plain prose with a name and a quotation now and then: one 5 MB line, no line breaks at all.
    const chunk = 'the committee said that the plan would be discussed again, and members agreed to wait for the report before voting; '.repeat(20);
    const line = `${chunk}Officials in Vienna said “talks would resume” on Friday. `.repeat(Math.ceil(5_000_000 / (chunk.length + 60))).slice(0, 5_000_000);
    const r = run(new TextEncoder().encode(line), 'long.txt');
    expect(r).not.toBeInstanceOf(InputError);
    const doc = r as ArticleDocument;
    expect(doc.article.char_count).toBe(line.length);
    const cps = [...doc.article.text];
    for (const e of doc.entities.slice(0, 50)) for (const m of e.mentions.slice(0, 50)) expect(cps.slice(m.start, m.end).join('')).toBe(m.text);
  });
});
