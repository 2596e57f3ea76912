/**
 * `local --serve` serves the report live at its own address: an article
 * uploaded with a real S3 client appears on the report without a restart.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { localCommand } from '../../src/cli/local-command.js';
import { LOCAL_CREDENTIALS } from '../../src/cli/local-s3.js';
import { createS3Client } from '../../src/storage/s3.js';
import { EXAMPLES } from '../helpers/fixtures.js';

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
    } finally {
      client.destroy();
      await run.close();
    }
    await expect(fetch(run.reportUrl!)).rejects.toThrow(); // closed with the rest
  }, 60_000);
});
