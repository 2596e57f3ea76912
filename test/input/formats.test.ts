import { describe, expect, it } from 'vitest';
import { code, read } from './read.js';
import { normalizeDate } from '../../src/input/dates.js';


describe('readArticle', () => {
  it('reads YAML front matter from .txt and keeps the body as given', () => {
    const { text, metadata } = read('a.txt', '---\ntitle: "Talks resume"\npublished: 2024-10-14\nurl: https://x.org/a\nid: 42\n---\nTalks resumed on Friday.\n');
    expect(text).toBe('Talks resumed on Friday.\n');
    expect(metadata).toMatchObject({ title: 'Talks resume', publishedAt: '2024-10-14', publishedAtSource: 'front_matter', externalId: '42' });
    expect(metadata.source).toMatchObject({ format: 'txt', url: 'https://x.org/a' });
  });
  it('takes a standalone first line as the headline and leaves relative dates unresolved without a date', () => {
    const { metadata } = read('b.txt', 'Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant rose.');
    expect(metadata.title).toBe('Ad sales boost Time Warner profit');
    expect(metadata.publishedAt).toBeNull();
    expect(metadata.publishedAtSource).toBe('none');
  });
  it('uses S3 metadata over the content, and --published only when nothing else gives a date', () => {
    const s3 = read('c.txt', '---\npublished: 2020-01-01\n---\nText.', { metadata: { title: 'From S3', published: '2024-10-14' } });
    expect(s3.metadata).toMatchObject({ title: 'From S3', publishedAt: '2024-10-14', publishedAtSource: 's3_metadata' });
    const cli = read('d.txt', 'Text.', { defaultPublishedAt: '2024-02-29' });
    expect(cli.metadata).toMatchObject({ publishedAt: '2024-02-29', publishedAtSource: 'cli' });
  });
  it('turns Markdown into plain text', () => {
    const { text, metadata } = read('e.md', '# Big news\n\nThe **Port of Rotterdam** said [on Monday](https://x) that *ships* wait.\n\n- one\n- two\n');
    expect(text).toContain('The Port of Rotterdam said on Monday that ships wait.');
    expect(text).not.toMatch(/[*#[\]]|https/);
    expect(metadata.title).toBe('Big news');
  });
  it('extracts the main text of HTML without navigation, scripts or markup', () => {
    const para = (s: string) => `<p>${s} ${'The minister spoke at length about the budget and its effect on schools. '.repeat(3)}</p>`;
    const html = `<html><head><title>T | Site</title><meta property="article:published_time" content="2025-09-18T08:30:00+03:00"></head>
      <body><nav><a href="/">Home</a> Subscribe</nav><article><h1>Budget day</h1>${para('First &amp; foremost.')}${para('Second.')}</article>
      <script>var secret = "never in text";</script><footer>Copyright</footer></body></html>`;
    const { text, metadata } = read('f.html', html);
    expect(text).toContain('First & foremost.');
    expect(text).toContain('Second.');
    expect(text).not.toMatch(/secret|Subscribe|Copyright|<|>/);
    expect(metadata).toMatchObject({ publishedAt: '2025-09-18', publishedAtSource: 'html_meta' });
  });
  it('reads the JSON format and explains what is wrong with a bad one', () => {
    const { text, metadata } = read('g.json', JSON.stringify({ id: 'x1', title: 'T', text: 'Body.', published_at: '2024-10-14T10:00:00Z', url: 'https://u' }));
    expect(text).toBe('Body.');
    expect(metadata).toMatchObject({ externalId: 'x1', title: 'T', publishedAt: '2024-10-14', publishedAtSource: 'json' });
    expect(code(() => read('h.json', '{"title": "no text"}'))).toBe('NO_TEXT');
    expect(code(() => read('i.json', '{not json'))).toBe('INVALID_JSON');
  });
  it('rejects whitespace-only, oversized and empty-markup inputs with clear codes', () => {
    expect(code(() => read('j.txt', '  \n\t \n'))).toBe('NO_TEXT');
    expect(code(() => read('k.txt', 'x'.repeat(101), { maxBytes: 100 }))).toBe('TOO_LARGE');
    expect(code(() => read('l.html', '<html><body><script>x()</script></body></html>'))).toBe('NO_TEXT');
  });
});

describe('normalizeDate', () => {
  it('keeps the stated calendar date of timestamps and rejects impossible dates', () => {
    expect(normalizeDate('2024-10-14T23:30:00-05:00')).toBe('2024-10-14');
    expect(normalizeDate('14 October 2024')).toBe('2024-10-14');
    expect(normalizeDate('Mon, 14 Oct 2024 09:30:00 GMT')).toBe('2024-10-14');
    expect(normalizeDate('2023-02-29')).toBeNull();
    expect(normalizeDate('soon')).toBeNull();
  });
});
