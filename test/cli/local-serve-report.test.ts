/**
 * `local --serve` serves the report live at its own address: an article
 * uploaded with a real S3 client appears on the report without a restart.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { localCommand } from '../../src/cli/local-command.js';
import { LOCAL_CREDENTIALS } from '../../src/cli/local-s3.js';
import { createS3Client } from '../../src/storage/s3.js';
import { EXAMPLES, ROOT } from '../helpers/fixtures.js';

describe('local --serve and its report', () => {
  it('prints the report address, and the report shows an article uploaded while serving', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ae-serve-report-'));
    const printed: string[] = [];
    const run = await localCommand(
      { articles: [join(EXAMPLES, 'tram-line-approved.txt')], out: join(work, 'out'), inputBucket: 'rep-in', outputBucket: 'rep-out', serve: true },
      (l) => printed.push(l),
    );
    const client = createS3Client({ endpoint: run.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
    try {
      expect(run.reportUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(run.reportUrl).not.toBe(`${run.endpoint}/`);
      expect(printed.join('\n')).toContain(`Report:    ${run.reportUrl}`);
      const first = await (await fetch(run.reportUrl!)).text();
      expect(first).toContain('Leeds council approves northern tram line');
      expect(first).not.toContain('Dockworkers at Rotterdam');

      await client.send(new PutObjectCommand({ Bucket: 'rep-in', Key: 'port-strike.md', Body: readFileSync(join(EXAMPLES, 'port-strike.md')), ContentType: 'text/markdown' }));
      let index = first;
      for (let i = 0; i < 100 && !index.includes('Dockworkers at Rotterdam'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        index = await (await fetch(run.reportUrl!)).text();
      }
      expect(index).toContain('Dockworkers at Rotterdam');
      const href = /href="(articles\/a_[0-9a-f]{16}\.html)">Dockworkers/.exec(index)?.[1];
      expect(href).toBeTruthy();
      const page = await fetch(new URL(href!, run.reportUrl));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('mark');

      // download --format parquet from the same server (spawned asynchronously: the S3 server runs in this process)
      const dl = join(work, 'dl');
      const r = await new Promise<{ code: number; stderr: string }>((done) =>
        execFile(process.execPath, [join(ROOT, 'bin', 'article-export.js'), 'download', 's3://rep-out', '--out', dl, '--endpoint', run.endpoint, '--format', 'parquet'],
          { env: { ...process.env, AWS_ACCESS_KEY_ID: '' }, timeout: 60_000 }, (e, _out, stderr) => done({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stderr })),
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/parquet\/mentions\.parquet: \d+ rows/);
      expect(readdirSync(join(dl, 'parquet')).sort()).toEqual(['articles', 'entities', 'event_participants', 'events', 'mentions', 'quotes', 'timeline', 'times'].map((t) => `${t}.parquet`));
      expect(existsSync(join(dl, 'json'))).toBe(false);
      expect(existsSync(join(dl, 'csv'))).toBe(false);
    } finally {
      client.destroy();
      await run.close();
    }
    await expect(fetch(run.reportUrl!)).rejects.toThrow(); // closed with the rest
  }, 60_000);
});
