/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The report as a reader sees it: the real CLI extracts the example articles
 * plus a hostile one and writes the report; Debian's Chromium, driven headless
 * by playwright-core, opens the pages from disk (offline, file://), and the test
 * checks the DOM, proves that nothing from the hostile article runs, and saves
 * screenshots under .tmp/ for a person to look at.
 *
 * Skips with a message when no Chromium is installed (`apt-get install chromium`;
 * .ci/run installs it). CHROMIUM_PATH points elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../src/document/schema.js';
import { articleHref, renderArticlePage } from '../../src/report/index.js';
import { EXAMPLES, ROOT } from '../helpers/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser) console.warn(`report browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const BIN = join(ROOT, 'bin', 'article-export.js');
const SHOTS = join(ROOT, '.tmp');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });

// Payloads that would set window.__xss or open a dialog if any of them ran.
const HOSTILE = {
  id: 'hostile-1',
  title: '<script>window.__xss = "title"; alert("title")</script><img src=x onerror="window.__xss = \'title-img\'; alert(1)">',
  published_at: '2025-01-10',
  text:
    'Angela Merkel met Emmanuel Macron in Paris on Friday. "<img src=x onerror=\'window.__xss = 1; alert(2)\'> is not a picture," Merkel said.\n\n' +
    '<script>window.__xss = "text"; alert(3)</script> <svg onload="window.__xss = \'svg\'"></svg> Macron said the talks would go on next week.',
};

describe.skipIf(!hasBrowser)(`report in Chromium${hasBrowser ? '' : ` (skipped: no browser at ${CHROMIUM})`}`, () => {
  let browser: Browser;
  let page: Page;
  let out: string;
  let datasets: string;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const input = mkdtempSync(join(tmpdir(), 'ae-report-in-'));
    for (const f of readdirSync(EXAMPLES)) writeFileSync(join(input, f), readFileSync(join(EXAMPLES, f)));
    writeFileSync(join(input, 'hostile.json'), JSON.stringify(HOSTILE));
    datasets = mkdtempSync(join(tmpdir(), 'ae-report-ds-'));
    const ex = run('extract', input, '--out', datasets, '--format', 'json');
    expect(ex.status, ex.stderr).toBe(0);
    out = join(datasets, 'report');
    const r = run('report', datasets, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/5 articles → .*index\.html/);
    mkdirSync(SHOTS, { recursive: true });

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    // Offline: any request that is not a file of the report is refused and recorded.
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, offline: true });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const doc = (name: string) => JSON.parse(readFileSync(join(datasets, `${name}.json`), 'utf8')) as ArticleDocument;
  const open = async (file: string) => {
    await page.goto(pathToFileURL(file).href);
    await page.waitForLoadState('load');
  };

  it('shows a known article with entities by type, quotations with their speakers, and resolved dates', async () => {
    const d = doc('tram-line-approved');
    await open(join(out, articleHref(d.article.article_id)));
    expect(await page.title()).toBe(d.article.title);
    // the text as displayed is the article text, character for character (labels are drawn by CSS)
    expect(await page.locator('#text').evaluate((e) => e.textContent)).toBe(d.article.text);
    const marks = await page.locator('mark.ent').evaluateAll((ms) => ms.map((m) => `${m.getAttribute('data-type')}:${m.textContent}`));
    expect(marks).toEqual(expect.arrayContaining(['ORGANIZATION:Leeds City Council', 'PERSON:Margaret Osei', 'PERSON:Tracy Brabin', 'LOCATION:Headingley']));
    // the highlight colour differs by type, as the legend says
    const bg = async (t: string) => page.locator(`mark.ent[data-type="${t}"]`).first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(new Set([await bg('PERSON'), await bg('ORGANIZATION'), await bg('LOCATION')]).size).toBe(3);
    const quote = page.locator('.quote[data-speaker="Margaret Osei"]', { hasText: 'We have listened to every objection' });
    await expect.poll(() => quote.count()).toBe(1);
    // the speaker label is drawn after the quotation
    const label = await quote.evaluate((q) => {
      let n = q.nextElementSibling;
      while (n && !n.classList.contains('label')) n = n.nextElementSibling;
      return n ? getComputedStyle(n, '::after').content : null;
    });
    expect(label).toContain('Margaret Osei');
    const wednesday = page.locator('.time', { hasText: 'Wednesday' });
    expect(await wednesday.getAttribute('data-date')).toBe('2025-03-12');
    // an event's evidence link lands on its trigger in the text
    const ev = d.events[0]!;
    await page.locator(`a[href="#event-${ev.event_id}"]`).first().click();
    expect(await page.evaluate(() => location.hash)).toBe(`#event-${ev.event_id}`);
    expect(await page.locator(':target').textContent()).toBe(ev.trigger.text);
    await page.screenshot({ path: join(SHOTS, 'report-article.png'), fullPage: true });
  });

  it('renders a hostile title and text as text: no script runs, no handler fires, no dialog opens', async () => {
    const d = doc('hostile');
    expect(d.article.title).toBe(HOSTILE.title);
    await open(join(out, articleHref(d.article.article_id)));
    await page.waitForTimeout(300); // give an onerror or onload the chance to fire
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE.title);
    expect(await page.title()).toBe(HOSTILE.title);
    expect(await page.locator('#text').evaluate((e) => e.textContent)).toBe(d.article.text);
    expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('main svg').count()).toBe(0);
    // the hostile text is still annotated like any other
    expect(await page.locator('mark.ent[data-type="PERSON"]', { hasText: 'Angela Merkel' }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'report-hostile.png'), fullPage: true });

    await open(join(out, 'index.html'));
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('#articles a', { hasText: '<script>' }).textContent()).toBe(HOSTILE.title);
    expect(await page.locator('script, img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy|xss/i.test(e))).toEqual([]);
  });

  it('draws the corpus charts on the index, and every article link opens its page', async () => {
    await open(join(out, 'index.html'));
    for (const id of ['chart-entities', 'chart-speakers', 'chart-events', 'chart-timelines']) {
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box, id).toBeTruthy();
      expect(box!.width * box!.height).toBeGreaterThan(10_000);
    }
    expect(await page.locator('#chart-entities rect[data-count]:not([data-count="0"])').count()).toBeGreaterThan(5);
    expect(await page.locator('#chart-events rect[data-series]').count()).toBeGreaterThan(2);
    expect(await page.locator('#chart-timelines a.tl-point').count()).toBeGreaterThan(2);
    const hrefs = await page.locator('#articles a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(5);
    for (const h of hrefs) expect(existsSync(new URL(h))).toBe(true);
    // a timeline mark opens the article at the event's trigger
    const first = page.locator('#chart-timelines a.tl-point').first();
    const href = await first.evaluate((a) => a.getAttribute('href'));
    await page.goto(new URL(href!, page.url()).href);
    expect(await page.locator(':target').getAttribute('class')).toContain('trigger');
    await open(join(out, 'index.html'));
    await page.screenshot({ path: join(SHOTS, 'report-index.png'), fullPage: true });
  });

  it('shows a speaker confidence when the document carries one', async () => {
    const d = doc('tram-line-approved');
    // Only the first quotation keeps a confidence (the pipeline's learned ones are taken away), so exactly one shows.
    for (const q of d.quotes) delete (q as { speaker_confidence?: number | null }).speaker_confidence;
    (d.quotes[0] as unknown as { speaker_confidence: number }).speaker_confidence = 0.91;
    const file = join(out, 'articles', 'with-confidence.html');
    writeFileSync(file, renderArticlePage(d));
    await open(file);
    const q = page.locator(`#quote-${d.quotes[0]!.quote_id}`);
    expect(await q.getAttribute('data-confidence')).toBe('0.91');
    expect(await page.locator(`tr[data-quote="${d.quotes[0]!.quote_id}"] td[data-field="confidence"]`).textContent()).toBe('0.91');
    expect(await page.locator('td[data-field="confidence"]', { hasText: /\d/ }).count()).toBe(1);
  });
});
