/** The live report server: pages rendered on request from the folder, reloaded when told it changed. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline.js';
import { articleHref } from '../../src/report/index.js';
import { serveReport, type ReportServer } from '../../src/report/serve.js';

describe('serveReport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ae-serve-'));
  const a = extract('Angela Merkel met Emmanuel Macron in Paris on 3 May 2021.', { sourceIdentity: 'a.txt', publishedAt: '2021-05-04', title: 'Merkel in Paris' });
  const b = extract('Olaf Scholz spoke in Berlin on Friday.', { sourceIdentity: 'b.txt', publishedAt: '2021-06-04', title: 'Scholz <b>in</b> Berlin' });
  let server: ReportServer;

  beforeAll(async () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
    server = await serveReport(dir);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('listens on 127.0.0.1 and serves the index and article pages with a CSP that forbids scripts', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await index.text()).toContain('Merkel in Paris');
    const page = await fetch(new URL(articleHref(a.article.article_id), server.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-type="PERSON"');
  });

  it('answers 404 for anything else and 405 for writes', async () => {
    expect((await fetch(new URL('articles/a_0000000000000000.html', server.url))).status).toBe(404);
    expect((await fetch(`${server.url}articles/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('shows a new article once told the folder changed', async () => {
    writeFileSync(join(dir, 'b.json'), JSON.stringify(b));
    expect(await (await fetch(server.url)).text()).not.toContain('Scholz');
    server.invalidate();
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('Scholz &lt;b&gt;in&lt;/b&gt; Berlin');
    expect((await fetch(new URL(articleHref(b.article.article_id), server.url))).status).toBe(200);
  });
});
