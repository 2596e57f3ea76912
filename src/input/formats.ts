/**
 * Text → article fields, per format: .txt and .md with optional YAML front
 * matter, .html (main text by Mozilla Readability), .json
 * ({"id","title","text","published_at","url"}).
 */
import { Readability } from '@mozilla/readability';
import { convert as htmlToText } from 'html-to-text';
import { decodeHTML } from 'entities';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { InputError } from './errors.js';
import { normalizeDate, parseDateOrder, readDate, type DateOrder } from './dates.js';
import { findDateline, type Dateline } from './dateline.js';
import { normalizeLineEndings } from './decode.js';

export type InputFormat = 'txt' | 'md' | 'html' | 'json';

export interface ParsedArticle {
  text: string;
  title: string | null;
  publishedAt: string | null;
  /** Where publishedAt came from inside the content. */
  publishedAtSource: 'front_matter' | 'json' | 'html_meta' | null;
  url: string | null;
  /** An id the input declares for itself (front matter or JSON "id"). */
  externalId: string | null;
  /** A wire dateline opening the text ("NAIROBI, Kenya (AP) _"), never taken as the title. */
  dateline: Dateline | null;
  /** The language the content states (front matter or JSON `language` / `lang`), as written. */
  language?: string | null;
}

/** Picks the format from the file name, falling back to a look at the content. */
export function detectFormat(name: string, text: string, contentType?: string | null): InputFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'json') return 'json';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (contentType?.includes('html')) return 'html';
  if (contentType?.includes('json')) return 'json';
  if (contentType?.includes('markdown')) return 'md';
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(?:head|body|article|div|p)[\s>]/.test(head)) return 'html';
  if (head.startsWith('{') && text.trimEnd().endsWith('}')) return 'json';
  return 'txt';
}

/**
 * @example
 * parseArticle('---\ntitle: Hello\npublished: 2024-10-14\n---\nBody text.', 'txt')
 * // { text: 'Body text.', title: 'Hello', publishedAt: '2024-10-14', … }
 */
export function parseArticle(text: string, format: InputFormat, options: ParseOptions = {}): ParsedArticle {
  const parsed = parseFormat(text, format, options);
  parsed.dateline = findDateline(parsed.text);
  if (parsed.dateline && parsed.title?.startsWith(parsed.dateline.text)) parsed.title = null;
  return parsed;
}

export interface ParseOptions {
  /** How all-numeric dates order day and month, when the input's context states it (S3 metadata, CLI). */
  dateOrder?: DateOrder | null;
}

function parseFormat(text: string, format: InputFormat, options: ParseOptions): ParsedArticle {
  switch (format) {
    case 'json':
      return parseJson(text, options);
    case 'html':
      return parseHtml(text);
    case 'md':
      return parseMarkdown(text, options);
    case 'txt':
      return parseTxt(text, options);
  }
}

const empty = (text: string): ParsedArticle => ({
  text,
  title: null,
  publishedAt: null,
  publishedAtSource: null,
  url: null,
  externalId: null,
  dateline: null,
});

interface FrontMatter {
  body: string;
  data: Record<string, unknown>;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function splitFrontMatter(text: string): FrontMatter {
  if (!text.startsWith('---')) return { body: text, data: {} };
  const m = FRONT_MATTER.exec(text.slice(0, 65536));
  if (!m) return { body: text, data: {} };
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch {
    return { body: text, data: {} }; // not YAML after all: keep the text as given
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { body: text, data: {} };
  return { body: text.slice(m[0].length), data: data as Record<string, unknown> };
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString() : null;

/**
 * A publication date the input states: read it, or reject the input with the reason.
 * A date the user wrote is never dropped silently.
 */
function statedDate(value: string | null, where: string, order: DateOrder | null | undefined): string | null {
  if (value === null) return null;
  const r = readDate(value, order);
  if ('error' in r) throw new InputError('INVALID_DATE', `The ${where} publication date cannot be read: ${r.error}`);
  return r.date;
}

function fromFrontMatter(fm: FrontMatter, text: string, options: ParseOptions): ParsedArticle {
  const d = fm.data;
  let order = options.dateOrder;
  const stated = str(d.date_order) ?? str(d['date-order']);
  if (stated !== null) {
    try {
      order = parseDateOrder(stated);
    } catch (e) {
      throw new InputError('INVALID_DATE', `The front matter's date_order cannot be read: ${(e as Error).message}.`);
    }
  }
  const published = statedDate(str(d.published) ?? str(d.published_at) ?? str(d.date), 'front matter', order);
  return {
    text,
    title: str(d.title),
    publishedAt: published,
    publishedAtSource: published ? 'front_matter' : null,
    url: str(d.url),
    externalId: str(d.id),
    dateline: null,
    language: str(d.language) ?? str(d.lang),
  };
}

function parseTxt(raw: string, options: ParseOptions): ParsedArticle {
  const fm = splitFrontMatter(raw);
  const parsed = fromFrontMatter(fm, fm.body, options);
  if (!parsed.title) parsed.title = headline(fm.body);
  return parsed;
}

/** A first line that stands alone, is short and has no final period reads as the headline (as in the BBC corpus). */
function headline(text: string): string | null {
  const m = /^[ \t]*([^\n]{3,200})\n[ \t]*\n/.exec(text);
  if (!m) return null;
  const line = m[1]!.trim();
  return /[.,;:]$/.test(line) ? null : line;
}

function parseMarkdown(raw: string, options: ParseOptions): ParsedArticle {
  const fm = splitFrontMatter(raw);
  const html = marked.parse(fm.body, { async: false, gfm: true });
  const text = htmlToPlainText(html);
  const parsed = fromFrontMatter(fm, text, options);
  if (!parsed.title) parsed.title = /^\s*#\s+(.+)$/m.exec(fm.body)?.[1]?.trim() ?? null;
  return parsed;
}

function parseJson(raw: string, options: ParseOptions): ParsedArticle {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new InputError('INVALID_JSON', `The file is not valid JSON: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError('INVALID_JSON', 'The JSON must be an object like {"id","title","text","published_at","url"}.');
  }
  const d = data as Record<string, unknown>;
  if (typeof d.text !== 'string') {
    throw new InputError('NO_TEXT', 'The JSON object has no "text" string; expected {"id","title","text","published_at","url"}.');
  }
  const published = statedDate(str(d.published_at) ?? str(d.published) ?? str(d.date), 'JSON', options.dateOrder);
  return {
    text: normalizeLineEndings(d.text), // JSON escapes can still hold CRs
    title: str(d.title),
    publishedAt: published,
    publishedAtSource: published ? 'json' : null,
    url: str(d.url),
    externalId: str(d.id),
    dateline: null,
    language: str(d.language) ?? str(d.lang),
  };
}

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

/** Deeper than this, DOM libraries recurse past the stack or go quadratic: hostile or broken markup. */
const MAX_HTML_DEPTH = 256;
/** Readability gives up (throws) past this many elements; the plain fallback takes over. */
const MAX_READABILITY_ELEMENTS = 30_000;

function parseHtml(raw: string): ParsedArticle {
  if (htmlDepth(raw) > MAX_HTML_DEPTH) return empty(stripTags(raw));
  const { document } = parseHTML(raw);
  const attr = (sel: string, name: string) => str(document.querySelector(sel)?.getAttribute(name));
  let published: string | null = null;
  for (const sel of PUBLISHED_META) {
    published = normalizeDate(attr(sel, 'content'));
    if (published) break;
  }
  published ??= normalizeDate(attr('time[datetime]', 'datetime'));
  const url = attr('link[rel="canonical"]', 'href') ?? attr('meta[property="og:url"]', 'content');
  const metaTitle = attr('meta[property="og:title"]', 'content') ?? str(document.querySelector('title')?.textContent);

  let contentHtml: string | null = null;
  let title: string | null = null;
  try {
    // Readability mutates the DOM it reads, so it gets its own parse; menus go before it looks.
    const page = parseHTML(raw).document;
    dropNavigation(page.body);
    const article = new Readability(page as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
    }).parse();
    if (article?.content && (article.textContent ?? '').trim().length > 0) {
      contentHtml = article.content;
      title = str(article.title);
    }
  } catch {
    contentHtml = null; // fall back to the whole body below
  }
  // Depth was checked on the whole page above; what Readability returns is part of it.
  let text: string;
  if (contentHtml !== null) text = proseOrNothing(parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`).document.body);
  else if (document.body) {
    dropNavigation(document.body);
    text = proseOrNothing(document.body);
  } else text = convertHtml(raw);
  return {
    text,
    title: title ?? metaTitle,
    publishedAt: published,
    publishedAtSource: published ? 'html_meta' : null,
    url,
    externalId: null,
    dateline: null,
  };
}

/** Page furniture that is never article text, wherever it stands. */
const NAVIGATION = 'nav, menu, [role="navigation"], [role="menu"], [role="search"]';
/** Page furniture when it belongs to the page, not to an article or main element (an article's own header holds its headline). */
const PAGE_FURNITURE = 'header, footer, aside, form, [role="banner"], [role="contentinfo"]';

type HtmlElement = ReturnType<typeof parseHTML>['document']['body'];

function dropNavigation(body: HtmlElement | null): void {
  if (!body) return;
  for (const el of [...body.querySelectorAll(NAVIGATION)]) el.remove();
  for (const el of [...body.querySelectorAll(PAGE_FURNITURE)]) if (!el.closest('article, main')) el.remove();
}

/**
 * The text of an element, or nothing when all it holds is link text ("Home |
 * News"): that is a menu, not an article, and the input then gets NO_TEXT.
 */
function proseOrNothing(el: HtmlElement): string {
  const withoutLinks = el.cloneNode(true) as HtmlElement;
  for (const a of [...withoutLinks.querySelectorAll('a, script, style, noscript, template')]) a.remove();
  const words = (withoutLinks.textContent ?? '').match(/\p{L}{2,}/gu)?.length ?? 0;
  return words < 3 ? '' : convertHtml(el.innerHTML);
}

/** Maximum element nesting, by a linear scan of tags (void elements and self-closing tags ignored). */
export function htmlDepth(html: string): number {
  const VOID = /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)$/i;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (VOID.test(m[2]!) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

const BLOCK = /^(?:p|div|br|h[1-6]|li|tr|section|article|header|footer|blockquote|pre|table|ul|ol|dd|dt|figcaption)$/i;

/** A linear, non-recursive HTML → text for markup no DOM library should be trusted with. */
export function stripTags(html: string): string {
  const out = html
    .replace(/<(script|style|noscript|template|iframe|svg)\b[^>]*>[^]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[^]*?-->/g, ' ')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/g, (_, name: string) => (BLOCK.test(name) ? '\n\n' : ' '));
  return decodeHTML(out)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*\n */g, '\n\n')
    .trim();
}

/** Block-aware HTML → text: paragraphs separated by blank lines, no link targets or images. */
export function htmlToPlainText(html: string): string {
  return htmlDepth(html) > MAX_HTML_DEPTH ? stripTags(html) : convertHtml(html);
}

function convertHtml(html: string): string {
  return htmlToText(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'ul', options: { itemPrefix: '• ' } },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'noscript', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'h5', options: { uppercase: false } },
      { selector: 'h6', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  }).trim();
}

