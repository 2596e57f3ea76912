/**
 * The Lambda handler against a real S3-compatible server: real uploads with the
 * AWS SDK, SQS-shaped S3 events, outputs read back and parsed with a real CSV
 * parser and validated against the JSON Schemas.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../../functions/extract/handler.js';
import { sqsEvent } from '../../src/cli/local-s3.js';
import { columns, TABLE_NAMES, toDatasetFiles } from '../../src/datasets/index.js';
import type { ArticleDocument, ErrorRecord } from '../../src/document/schema.js';
import { s3ArticleId } from '../../src/process/process-object.js';
import { S3Store } from '../../src/storage/s3.js';
import { BucketDatasets } from '../../src/storage/bucket-datasets.js';
import { DATA_DIR, EXAMPLES, hasData } from '../helpers/fixtures.js';
import { s3NotificationBody, startTestS3, type TestS3 } from '../helpers/local-s3.js';
import { assertValid, validateDocument, validateErrorRecord, validateRow } from '../helpers/schema.js';

const IN = 'in-bucket';
const OUT = 'out-bucket';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';

let s3: TestS3;
let output: S3Store;
let handler: ReturnType<typeof createHandler>;

const keysOf = async () => {
  const keys: string[] = [];
  for await (const k of output.list('')) keys.push(k);
  return keys.sort();
};
const deliver = (...keys: string[]) => handler({ Records: keys.map((k) => sqsEvent(s3NotificationBody(IN, k)).Records[0]!) });

beforeAll(async () => {
  s3 = await startTestS3([IN, OUT]);
  output = new S3Store(s3.client, OUT);
  handler = createHandler({
    client: s3.client,
    output: new BucketDatasets(output),
    maxBytes: 200_000,
    logger: new Logger({ logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'test' }),
  });
}, 30_000);
afterAll(async () => s3?.stop());

describe('extraction handler on s3rver', () => {
  it('exports real article files: JSON valid against the schema, CSV parsed back per table', async () => {
    const files = readdirSync(EXAMPLES);
    for (const f of files) await s3.put(IN, `incoming/${f}`, readFileSync(join(EXAMPLES, f)));
    const res = await deliver(...files.map((f) => `incoming/${f}`));
    expect(res.batchItemFailures).toEqual([]);
    for (const f of files) {
      const id = s3ArticleId({ bucket: IN, key: `incoming/${f}` });
      const line = (await output.get(`documents/${id}.json`))!;
      // One line per article: what a JSON SerDe (Athena) reads as one row.
      expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
      const doc = JSON.parse(line) as ArticleDocument;
      assertValid(validateDocument, doc);
      expect(doc.article.source).toMatchObject({ kind: 's3', bucket: IN, key: `incoming/${f}` });
      expect(doc.entities.length).toBeGreaterThan(2);
      const manifest = JSON.parse((await output.get(`manifests/${id}.json`))!);
      expect(manifest.status).toBe('ok');
      expect(manifest.files).toEqual([`documents/${id}.json`]);
      // Every table's rows are derived from the document, parsed back from CSV with a real parser.
      const csv = toDatasetFiles(doc).csv;
      for (const table of TABLE_NAMES) {
        expect(csv[table].split('\r\n')[0]).toBe(columns(table).join(','));
        const rows = parse(csv[table], { columns: true }) as Record<string, string>[];
        expect(rows.length).toBe(manifest.rows[table]);
        for (const r of rows) expect(r.article_id).toBe(id);
      }
      const mentions = parse(csv.mentions, { columns: true }) as Record<string, string>[];
      expect(mentions.length).toBeGreaterThan(2);
      const cps = [...doc.article.text];
      for (const m of mentions) expect(cps.slice(+m.start!, +m.end!).join('')).toBe(m.text);
    }
  });

  it('uses S3 object metadata for title and publication date', async () => {
    await s3.put(IN, 'meta.txt', 'Officials met on Friday in Vienna to discuss the plan.', { Metadata: { title: 'Vienna talks', published: '2024-10-14' } });
    await deliver('meta.txt');
    const doc = JSON.parse((await output.get(`documents/${s3ArticleId({ bucket: IN, key: 'meta.txt' })}.json`))!) as ArticleDocument;
    expect(doc.article).toMatchObject({ title: 'Vienna talks', published_at: '2024-10-14', published_at_source: 's3_metadata' });
  });

  it('decodes URL-encoded keys: spaces, plus signs, percent signs, unicode, dots', async () => {
    const keys = ['with space/a b.txt', 'plus+sign.txt', 'per%cent.txt', 'ünïcödé/日本.txt', 'dots/../up.txt'];
    for (const k of keys) await s3.put(IN, k, 'Angela Merkel visited Paris.');
    const res = await deliver(...keys);
    expect(res.batchItemFailures).toEqual([]);
    for (const k of keys) {
      const doc = JSON.parse((await output.get(`documents/${s3ArticleId({ bucket: IN, key: k })}.json`))!) as ArticleDocument;
      expect(doc.article.source.key).toBe(k);
    }
  });

  it('gives each bad input a readable error record instead of datasets, without retrying it', async () => {
    const bad: Record<string, [Uint8Array | string, string]> = {
      'bad/empty.txt': ['', 'EMPTY_INPUT'],
      'bad/whitespace.txt': [' \n\t\n  ', 'NO_TEXT'],
      'bad/binary.bin': [new Uint8Array(3000).map((_, i) => (i * 131 + 7) % 256), 'BINARY_INPUT'],
      'bad/nul.txt': [`Some text\u0000\u0000${'\u0000'.repeat(50)}more`, 'BINARY_INPUT'],
      'bad/pdf.txt': ['%PDF-1.4 binary', 'BINARY_INPUT'],
      'bad/oversized.txt': ['Word. '.repeat(40_000), 'TOO_LARGE'],
      'bad/script-only.html': ['<html><body><script>alert(1)</script></body></html>', 'NO_TEXT'],
      'bad/broken.json': ['{"text": ', 'INVALID_JSON'],
    };
    for (const [k, [body]] of Object.entries(bad)) await s3.put(IN, k, body);
    const res = await deliver(...Object.keys(bad));
    expect(res.batchItemFailures).toEqual([]);
    for (const [k, [, code]] of Object.entries(bad)) {
      const id = s3ArticleId({ bucket: IN, key: k });
      const record = JSON.parse((await output.get(`documents/${id}.json`)) ?? 'null') as ErrorRecord;
      expect(record, k).not.toBeNull();
      assertValid(validateErrorRecord, record);
      expect(record.error.code, k).toBe(code);
      expect(record.error.message.length).toBeGreaterThan(10);
      expect(JSON.parse((await output.get(`manifests/${id}.json`))!).status).toBe('error');
    }
  });

  it('turns invalid UTF-8 and HTML into sane documents', async () => {
    await s3.put(IN, 'latin1.txt', new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, ...new TextEncoder().encode(' owner Zo'), 0xeb, ...new TextEncoder().encode(' Martin spoke in Lyon.')]));
    await s3.put(IN, 'page.html', '<html><body><nav>Menu</nav><article><p>President Emmanuel Macron spoke in Lyon on Tuesday about the economy and the budget for the coming year, promising reforms.</p></article></body></html>');
    await deliver('latin1.txt', 'page.html');
    const latin = JSON.parse((await output.get(`documents/${s3ArticleId({ bucket: IN, key: 'latin1.txt' })}.json`))!) as ArticleDocument;
    expect(latin.article.text).toBe('Café owner Zoë Martin spoke in Lyon.');
    expect(latin.article.source.encoding).toBe('windows-1252');
    const page = JSON.parse((await output.get(`documents/${s3ArticleId({ bucket: IN, key: 'page.html' })}.json`))!) as ArticleDocument;
    expect(page.article.text).toContain('Emmanuel Macron spoke in Lyon');
    expect(page.article.source.format).toBe('html');
  });

  it('gives identical outputs for duplicate and reordered deliveries, and ignores S3 test events', async () => {
    await s3.put(IN, 'dup-a.txt', 'Vladimir Putin met Recep Tayyip Erdogan in Sochi.');
    await s3.put(IN, 'dup-b.txt', 'Joe Biden spoke to reporters in Washington.');
    await deliver('dup-a.txt', 'dup-b.txt');
    const snapshot = async () => Promise.all((await keysOf()).map(async (k) => [k, await output.get(k)] as const));
    const before = await snapshot();
    await deliver('dup-b.txt', 'dup-a.txt', 'dup-a.txt');
    await handler(sqsEvent(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: IN })));
    expect(await snapshot()).toEqual(before);
  });

  it('reports only the failing message when the output store fails, so only it is retried', async () => {
    await s3.put(IN, 'ok.txt', 'Angela Merkel visited Rome.');
    const broken = createHandler({
      client: s3.client,
      output: new BucketDatasets(new S3Store(s3.client, 'no-such-bucket')),
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'test' }),
    });
    const event = sqsEvent(s3NotificationBody(IN, 'ok.txt'));
    const notS3 = sqsEvent('this is not an S3 event');
    const res = await broken({ Records: [...event.Records, ...notS3.Records] });
    expect(res.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual([event.Records[0]!.messageId, notS3.Records[0]!.messageId].sort());
  });

  it.skipIf(!hasData)('handles a real BBC article with stray Latin-1 bytes', async () => {
    const dir = join(DATA_DIR, 'bbc-news', 'business');
    const strict = new TextDecoder('utf-8', { fatal: true });
    const isLatin1 = (f: string) => {
      try {
        strict.decode(readFileSync(join(dir, f)));
        return false;
      } catch {
        return true;
      }
    };
    const file = readdirSync(dir).sort().find(isLatin1) ?? readdirSync(dir).sort()[0]!;
    await s3.put(IN, `bbc/${file}`, readFileSync(join(dir, file)));
    const res = await deliver(`bbc/${file}`);
    expect(res.batchItemFailures).toEqual([]);
    const doc = JSON.parse((await output.get(`documents/${s3ArticleId({ bucket: IN, key: `bbc/${file}` })}.json`))!) as ArticleDocument;
    expect(doc.article.title).toBeTruthy();
    expect(doc.article.text).not.toContain('\uFFFD');
  });
});
