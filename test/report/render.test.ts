/**
 * The report's HTML without a browser: spans wrap exactly their text (nested,
 * crossing, emoji), everything from an article is escaped, evidence links
 * resolve, and the loader reads both folder layouts. The browser test
 * (browser.test.ts) checks the same pages rendered by Chromium.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../src/document/schema.js';
import { extract } from '../../src/pipeline.js';
import { annotate } from '../../src/report/annotate.js';
import { escapeHtml, html } from '../../src/report/escape.js';
import { articleHref, loadDatasets, renderArticlePage, renderIndexPage } from '../../src/report/index.js';
import { writeReport } from '../../src/report/index.js';

const dom = (markup: string) => parseHTML(markup).document;

const TEXT =
  'Leeds City Council on Wednesday approved the line. "We have listened to every objection," Margaret Osei told reporters. ' +
  'Tracy Brabin, the West Yorkshire Mayor, said on Thursday that it was good 🚀 news.';
const doc = () => extract(TEXT, { sourceIdentity: 'leeds.txt', publishedAt: '2025-03-14', title: 'Leeds approves tram' });

export const HOSTILE_TITLE = '<script>window.__xss = "title"</script><img src=x onerror="window.__xss = \'img\'">';

describe('annotate', () => {
  it('wraps nested and crossing spans so each piece of text is inside exactly its spans', () => {
    const out = annotate('ab🚀cdef', [
      { start: 0, end: 4, tag: 'span', className: 'quote', id: 'q', layer: 0, label: 'Q' },
      { start: 1, end: 2, tag: 'mark', className: 'ent', id: 'e', layer: 4 },
      { start: 3, end: 6, tag: 'span', className: 'time', id: 't', layer: 1, label: 'T' },
    ]);
    const d = dom(`<div id="x">${out}</div>`);
    expect(d.getElementById('x')!.textContent).toBe('ab🚀cdef');
    expect(d.getElementById('e')!.textContent).toBe('b');
    expect(d.getElementById('q')!.textContent).toBe('ab🚀c');
    // the time span crosses the quote's end: its first fragment carries the id, the rest continues outside
    expect(d.getElementById('t')!.textContent).toBe('c');
    expect([...d.querySelectorAll('.time')].map((e) => e.textContent).join('')).toBe('cde');
    expect(d.querySelectorAll('[id="t"]').length).toBe(1);
    expect([...d.querySelectorAll('.label')].map((e) => e.getAttribute('data-label'))).toEqual(['Q', 'T']);
  });

  it('drops spans outside the text instead of breaking the page', () => {
    expect(annotate('abc', [{ start: 2, end: 9, tag: 'span', className: 'x', layer: 0 }, { start: 2, end: 2, tag: 'span', className: 'y', layer: 0 }])).toBe('abc');
  });
});

describe('escaping', () => {
  it('escapes the five HTML-significant characters and everything interpolated into html``', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(html`<p title="${'"><script>'}">${'<b>'}</p>`.toString()).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;</p>');
  });

  it('renders a hostile title, text, entity name, speaker and event as text: no element comes from the article', () => {
    const text = `${HOSTILE_TITLE} Angela Merkel met Emmanuel Macron in Paris on Friday. "<img src=x onerror=alert(1)>," Merkel said.`;
    const d0 = extract(text, { sourceIdentity: 'hostile.txt', publishedAt: '2025-01-10', title: HOSTILE_TITLE });
    d0.entities[0]!.name = '<svg onload=alert(1)>';
    const page = renderArticlePage(d0);
    const d = dom(page);
    expect(d.querySelectorAll('script, img, svg, iframe, object').length).toBe(0);
    expect(d.querySelector('h1')!.textContent).toBe(HOSTILE_TITLE);
    expect(d.querySelector('title')!.textContent).toBe(HOSTILE_TITLE);
    expect(d.getElementById('text')!.textContent).toBe(text);
    expect(page).toContain('&lt;svg onload=alert(1)&gt;');
    const index = dom(renderIndexPage([d0], { errors: 0, skipped: 0 }));
    expect(index.querySelectorAll('script, img').length).toBe(0);
    expect(index.querySelector('#articles a')!.textContent).toBe(HOSTILE_TITLE);
    // the only <svg> elements on the index are its charts
    expect([...index.querySelectorAll('svg')].every((s) => s.id.startsWith('chart-'))).toBe(true);
  });

  it('keeps a hostile article id from naming a file outside articles/', () => {
    expect(articleHref('a_0123456789abcdef')).toBe('articles/a_0123456789abcdef.html');
    expect(articleHref('../../etc/passwd')).toMatch(/^articles\/x_[0-9a-f]+\.html$/);
  });
});

describe('article page', () => {
  it('highlights entities by type, marks quotations with their speaker and times with their dates, and every link resolves', () => {
    const d = doc();
    const page = dom(renderArticlePage(d));
    const text = page.getElementById('text')!;
    expect(text.textContent).toBe(TEXT);
    const ents = [...page.querySelectorAll('mark.ent')].map((m) => `${m.getAttribute('data-type')}:${m.textContent}`);
    expect(ents).toContain('PERSON:Margaret Osei');
    expect(ents).toContain('ORGANIZATION:Leeds City Council');
    const q = page.querySelector('.quote[data-speaker="Margaret Osei"]');
    expect(q?.textContent).toContain('We have listened to every objection');
    const wednesday = [...page.querySelectorAll('.time')].find((t) => t.textContent === 'Wednesday');
    expect(wednesday?.getAttribute('data-date')).toBe('2025-03-12');
    // each internal link (events → trigger, date, place, participants; quotes → speaker, cue) points at an element
    const links = [...page.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
    expect(links.length).toBeGreaterThan(10);
    for (const id of links) expect(page.getElementById(id), `#${id}`).toBeTruthy();
    expect(d.events.length).toBeGreaterThan(0);
    for (const e of d.events) expect(page.getElementById(`event-${e.event_id}`)!.textContent).toBe(e.trigger.text);
  });

  it('shows the wire dateline when the article has one, and nothing when it has none', () => {
    const d = doc();
    expect(dom(renderArticlePage(d)).querySelector('[data-field="dateline"]')).toBeNull();
    d.article.dateline = { text: 'LEEDS (Reuters)', place: 'LEEDS', agency: 'Reuters' }; // as the input reader sets it for a wire story
    expect(dom(renderArticlePage(d)).querySelector('[data-field="dateline"]')!.textContent).toBe('dateline LEEDS (Reuters)');
  });

  it('shows the speaker confidence when a quotation carries one, and nothing when it does not', () => {
    const d = doc();
    // The pipeline gives learned speakers a confidence: take it away to see the page without one.
    for (const q of d.quotes) delete (q as { speaker_confidence?: number | null }).speaker_confidence;
    const without = dom(renderArticlePage(d));
    expect(without.querySelector('.quote[data-confidence]')).toBeNull();
    expect([...without.querySelectorAll('td[data-field="confidence"]')].every((td) => td.textContent === '')).toBe(true);
    (d.quotes[0] as unknown as { speaker_confidence: number }).speaker_confidence = 0.873;
    const withConf = dom(renderArticlePage(d));
    expect(withConf.querySelector(`#quote-${d.quotes[0]!.quote_id}`)!.getAttribute('data-confidence')).toBe('0.87');
    expect(withConf.querySelector('td[data-field="confidence"]')!.textContent).toBe('0.87');
  });
});

describe('report folder', () => {
  it('reads both the extract --out layout and the download layout, passing over error records and tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ae-report-'));
    const a = doc();
    const b = extract('Olaf Scholz spoke in Berlin on 3 May 2021.', { sourceIdentity: 'b.txt', publishedAt: '2021-05-04' });
    mkdirSync(join(dir, 'nested'));
    mkdirSync(join(dir, 'json'));
    mkdirSync(join(dir, 'errors'));
    mkdirSync(join(dir, 'csv'));
    writeFileSync(join(dir, 'nested', 'leeds.json'), JSON.stringify(a));
    writeFileSync(join(dir, 'json', `${b.article.article_id}.json`), JSON.stringify(b));
    writeFileSync(join(dir, 'errors', 'x.json'), JSON.stringify({ article_id: 'a_1', error: { code: 'EMPTY_INPUT' } }));
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    writeFileSync(join(dir, 'csv', 'articles.csv'), 'article_id\r\n');
    const loaded = await loadDatasets(dir);
    expect(loaded.documents.map((d) => d.article.article_id)).toEqual([b.article.article_id, a.article.article_id]); // date order
    expect(loaded.skipped.map((s) => s.file)).toEqual(['bad.json']);

    const out = join(dir, 'report');
    const s = await writeReport(dir, out);
    expect(s.articles).toBe(2);
    const index = dom(readFileSync(join(out, 'index.html'), 'utf8'));
    const hrefs = [...index.querySelectorAll('#articles a')].map((x) => x.getAttribute('href')!);
    expect(hrefs).toEqual([articleHref(b.article.article_id), articleHref(a.article.article_id)]);
    for (const h of hrefs) expect(readFileSync(join(out, h), 'utf8')).toContain('<div class="text"');
    expect(index.querySelector('#chart-entities rect')).toBeTruthy();
  });

  it('draws entities and speakers over publication months, and events by type', () => {
    const docs: ArticleDocument[] = [
      extract('Angela Merkel met Emmanuel Macron in Paris on 3 May 2021. "We agree," Merkel said.', { sourceIdentity: 'm.txt', publishedAt: '2021-05-04' }),
      extract('Angela Merkel visited Washington on 2 July 2021. "It went well," Merkel said.', { sourceIdentity: 'n.txt', publishedAt: '2021-07-03' }),
    ];
    const index = dom(renderIndexPage(docs, { errors: 0, skipped: 0 }));
    const grid = index.getElementById('chart-entities')!;
    const columns = [...grid.querySelectorAll('text')].map((t) => t.textContent);
    expect(columns).toEqual(expect.arrayContaining(['2021-05', '2021-06', '2021-07']));
    const merkel = [...grid.querySelectorAll('rect')].filter((r) => r.querySelector('title')!.textContent!.startsWith('Angela Merkel'));
    expect(merkel.map((r) => Number(r.getAttribute('data-count')))).toEqual([2, 0, 2]);
    const speakers = [...index.getElementById('chart-speakers')!.querySelectorAll('rect')].map((r) => r.querySelector('title')!.textContent);
    expect(speakers).toContain('Angela Merkel · 2021-05: 1 quotations');
    expect(index.getElementById('chart-events')?.querySelector('rect[data-series]')).toBeTruthy();
  });
});
