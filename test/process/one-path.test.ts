/**
 * `extract` on files and Lambda/`local` on S3 objects are one path: the same
 * bytes give the same document (apart from where they came from) and the same
 * error record shape, whichever door they enter by.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCommand } from '../../src/cli/extract-command.js';
import type { ArticleDocument, ErrorRecord } from '../../src/document/schema.js';
import { processArticle } from '../../src/process/process-article.js';
import { processObject, s3ArticleId } from '../../src/process/process-object.js';
import { BucketDatasets } from '../../src/storage/bucket-datasets.js';
import { FolderStore } from '../../src/storage/folder-store.js';
import { EXAMPLES } from '../helpers/fixtures.js';
import { startTestS3, type TestS3 } from '../helpers/local-s3.js';
import { assertValid, validateErrorRecord } from '../helpers/schema.js';

const IN = 'one-path-in';
let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3([IN]);
}, 30_000);
afterAll(async () => s3?.stop());

const quiet = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false } } as never;
/** A document without what depends on where it was read from. */
const placeless = (doc: ArticleDocument) => {
  const { article_id: _id, source, ...article } = doc.article;
  const { kind: _k, uri: _u, bucket: _b, key: _key, version_id: _v, ...rest } = source;
  const strip = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll(doc.article.article_id, 'ID'));
  return strip({ ...doc, article: { ...article, source: rest } });
};

describe('one I/O path for extract, Lambda and local', () => {
  it('gives the same document for the same bytes from a folder (extract) and from S3 (processObject)', async () => {
    const input = mkdtempSync(join(tmpdir(), 'ae-onepath-in-'));
    const files = readdirSync(EXAMPLES);
    for (const f of files) writeFileSync(join(input, f), readFileSync(join(EXAMPLES, f)));
    const out = mkdtempSync(join(tmpdir(), 'ae-onepath-out-'));
    const summary = await extractCommand([input], { out, format: 'json' }, quiet);
    expect(summary.ok).toBe(files.length);

    const bucket = new FolderStore(mkdtempSync(join(tmpdir(), 'ae-onepath-bucket-')));
    for (const f of files) {
      await s3.put(IN, f, readFileSync(join(EXAMPLES, f)));
      const r = await processObject({ bucket: IN, key: f }, { client: s3.client, output: new BucketDatasets(bucket) });
      expect(r.status).toBe('ok');
      const fromS3 = JSON.parse((await bucket.get(`documents/${s3ArticleId({ bucket: IN, key: f })}.json`))!) as ArticleDocument;
      const fromFile = JSON.parse(readFileSync(join(out, `${f.replace(/\.[^.]+$/, '')}.json`), 'utf8')) as ArticleDocument;
      expect(fromS3.article.source.kind).toBe('s3');
      expect(fromFile.article.source.kind).toBe('file');
      expect(placeless(fromS3)).toEqual(placeless(fromFile));
    }
  });

  it('writes one error-record shape, with the same code, message and size, from either door', async () => {
    const input = mkdtempSync(join(tmpdir(), 'ae-onepath-bad-'));
    const bad: Record<string, Uint8Array> = {
      'empty.txt': new Uint8Array(),
      'binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 4]),
      'broken.json': new TextEncoder().encode('{"title": "no end'),
      'big.txt': new TextEncoder().encode('Paris. '.repeat(200)),
    };
    for (const [name, body] of Object.entries(bad)) writeFileSync(join(input, name), body);
    const out = mkdtempSync(join(tmpdir(), 'ae-onepath-out-'));
    const summary = await extractCommand([input], { out, format: 'both', maxBytes: 1000 }, quiet);
    expect(summary.failed).toBe(4);

    const bucket = new FolderStore(mkdtempSync(join(tmpdir(), 'ae-onepath-bucket-')));
    for (const [name, body] of Object.entries(bad)) {
      await s3.put(IN, `bad/${name}`, body);
      const r = await processObject({ bucket: IN, key: `bad/${name}` }, { client: s3.client, output: new BucketDatasets(bucket), maxBytes: 1000 });
      expect(r.status).toBe('error');
      const fromS3 = JSON.parse((await bucket.get(`documents/${s3ArticleId({ bucket: IN, key: `bad/${name}` })}.json`))!) as ErrorRecord;
      const fromFile = JSON.parse(readFileSync(join(out, 'errors', `${name.replace(/\.[^.]+$/, '')}.json`), 'utf8')) as ErrorRecord;
      assertValid(validateErrorRecord, fromS3);
      assertValid(validateErrorRecord, fromFile);
      expect(Object.keys(fromFile.source)).toEqual(Object.keys(fromS3.source));
      expect(fromFile.error).toEqual(fromS3.error);
      expect(fromFile.source.bytes).toBe(body.length);
      expect(fromS3.source.bytes).toBe(body.length);
      expect(fromFile.source).toMatchObject({ uri: name, bucket: null, key: null });
      expect(fromS3.source).toMatchObject({ uri: `s3://${IN}/bad/${name}`, bucket: IN, key: `bad/${name}` });
    }
  });

  it('refuses an input over the limit before reading it, with the size it was told', () => {
    const outcome = processArticle({ bytes: null, size: 9_000_000 }, { kind: 's3', identity: 's3://b/k.txt', name: 'k.txt', bucket: 'b', key: 'k.txt' });
    expect(outcome.status).toBe('error');
    if (outcome.status !== 'error') return;
    expect(outcome.record.error.code).toBe('TOO_LARGE');
    expect(outcome.record.source.bytes).toBe(9_000_000);
    expect(outcome.record.error.message).toContain('9000000 bytes');
  });
});
