/**
 * Local mode end to end, and the real AWS CLI (Debian's awscli) as the client:
 * upload an article to the embedded server, let the handler process it,
 * download the datasets both with `aws s3` and with `article-export download`,
 * then delete the input with `aws s3 rm` and see its outputs go.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { localCommand } from '../../src/cli/local-command.js';
import { TABLE_NAMES } from '../../src/datasets/index.js';
import type { ArticleDocument } from '../../src/document/schema.js';
import { EXAMPLES, ROOT } from '../helpers/fixtures.js';
import { assertValid, validateDocument } from '../helpers/schema.js';

// Debian's awscli is at /usr/bin/aws; an older pip shim may come first on PATH.
const AWS = ['/usr/bin/aws', 'aws'].find((p) => spawnSync(p, ['--version']).status === 0);
const execFileAsync = promisify(execFile);
async function exec(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeout: number }) {
  try {
    const { stdout, stderr } = await execFileAsync(cmd, args, { ...opts, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? String(e) };
  }
}
const awsEnv = { ...process.env, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' };

describe('article-export local', () => {
  it('processes the bundled examples through the Lambda handler and leaves merged datasets in the out folder', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ae-local-')), 'out');
    const lines: string[] = [];
    await localCommand({ articles: [EXAMPLES], out, inputBucket: 'in', outputBucket: 'out' }, (l) => lines.push(l));
    const docs = readdirSync(join(out, 'json')).map((f) => JSON.parse(readFileSync(join(out, 'json', f), 'utf8')) as ArticleDocument);
    expect(docs).toHaveLength(readdirSync(EXAMPLES).length);
    for (const d of docs) assertValid(validateDocument, d);
    for (const t of TABLE_NAMES) expect(existsSync(join(out, 'csv', `${t}.csv`)), t).toBe(true);
    const articles = parse(readFileSync(join(out, 'csv', 'articles.csv'), 'utf8'), { columns: true });
    expect(articles).toHaveLength(docs.length);
    const text = lines.join('\n');
    expect(text).toMatch(/Rows per table/);
    expect(text).toMatch(/Top entities/);
    expect(text).toMatch(/Quotes by speaker/);
    expect(text).toMatch(/Events by date/);
  });
});

describe.skipIf(!AWS)('the AWS CLI against the local server', () => {
  it('uploads with `aws s3 cp`, the datasets come back with `aws s3` and `article-export download`, and `aws s3 rm` removes them', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ae-awscli-'));
    const printed: string[] = [];
    const run = await localCommand({ articles: [], out: join(work, 'out'), inputBucket: 'cli-in', outputBucket: 'cli-out', serve: true }, (l) => printed.push(l));
    try {
      // Asynchronous on purpose: the S3 server runs in this process, so a synchronous spawn would deadlock it.
      const aws = (...args: string[]) => exec(AWS!, ['--endpoint-url', run.endpoint, ...args], { env: awsEnv, timeout: 60_000 });
      // --serve prints the exact commands to use with this server.
      expect(printed.join('\n')).toContain(`aws --endpoint-url ${run.endpoint} s3 cp my-article.txt s3://cli-in/`);
      expect(printed.join('\n')).toContain(`article-export download s3://cli-out --out ${join(work, 'out')} --endpoint ${run.endpoint}`);
      const up = await aws('s3', 'cp', join(EXAMPLES, 'tram-line-approved.txt'), 's3://cli-in/uploads/tram line.txt', '--metadata', 'published=2025-03-14');
      expect(up.code, up.stderr).toBe(0);
      let listed = '';
      for (let i = 0; i < 100 && !listed.includes('manifests/'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        listed = (await aws('s3', 'ls', '--recursive', 's3://cli-out/')).stdout;
      }
      expect(listed).toMatch(/manifests\/a_[0-9a-f]{16}\.json/);
      const raw = join(work, 'raw');
      const sync = await aws('s3', 'sync', 's3://cli-out', raw);
      expect(sync.code, sync.stderr).toBe(0);
      expect(readdirSync(join(raw, 'documents'))).toHaveLength(1);
      const merged = join(work, 'merged');
      const dl = await exec(process.execPath, [join(ROOT, 'bin', 'article-export.js'), 'download', 's3://cli-out', '--out', merged, '--endpoint', run.endpoint], {
        env: { ...process.env, AWS_ACCESS_KEY_ID: '' },
        timeout: 60_000,
      });
      expect(dl.code, dl.stderr).toBe(0);
      const [doc] = readdirSync(join(merged, 'json')).map((f) => JSON.parse(readFileSync(join(merged, 'json', f), 'utf8')) as ArticleDocument);
      assertValid(validateDocument, doc);
      expect(doc!.article.source.key).toBe('uploads/tram line.txt');
      const mentions = parse(readFileSync(join(merged, 'csv', 'mentions.csv'), 'utf8'), { columns: true }) as unknown[];
      expect(mentions.length).toBe(doc!.entities.reduce((n, e) => n + e.mentions.length, 0));

      // `aws s3 rm` of the input: its ObjectRemoved event removes the article's outputs, and ./out follows.
      expect(readdirSync(join(work, 'out', 'json'))).toHaveLength(1);
      const rm = await aws('s3', 'rm', 's3://cli-in/uploads/tram line.txt');
      expect(rm.code, rm.stderr).toBe(0);
      let left = listed;
      for (let i = 0; i < 100 && left.includes('manifests/'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        left = (await aws('s3', 'ls', '--recursive', 's3://cli-out/')).stdout;
      }
      expect(left.trim()).toBe('');
      expect(printed.join('\n')).toMatch(/deleted +s3:\/\/cli-in\/uploads\/tram line\.txt → a_[0-9a-f]{16}: its outputs removed/);
      // ./out is refreshed after each delivery (debounced): no document left, and the tables have no rows.
      const outState = () => {
        const json = existsSync(join(work, 'out', 'json')) ? readdirSync(join(work, 'out', 'json')).length : 0;
        const csv = join(work, 'out', 'csv', 'articles.csv');
        return { json, articles: existsSync(csv) ? (parse(readFileSync(csv, 'utf8'), { columns: true }) as unknown[]).length : -1 };
      };
      for (let i = 0; i < 50 && JSON.stringify(outState()) !== '{"json":0,"articles":0}'; i++) await new Promise((r) => setTimeout(r, 100));
      expect(outState()).toEqual({ json: 0, articles: 0 });
    } finally {
      await run.close();
    }
  });
});
