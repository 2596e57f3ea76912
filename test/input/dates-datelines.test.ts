import { describe, expect, it } from 'vitest';
import { failure, read } from './read.js';
import { parseDateOrder, readDate } from '../../src/input/dates.js';
import { findDateline } from '../../src/input/dateline.js';


describe('publication dates as people write them', () => {
  it('reads ISO, slashed ISO, compact and month-name dates without a stated convention', () => {
    expect(readDate('2005-03-01')).toEqual({ date: '2005-03-01' });
    expect(readDate('2005/3/1')).toEqual({ date: '2005-03-01' });
    expect(readDate('20050301')).toEqual({ date: '2005-03-01' });
    expect(readDate('1 March 2005')).toEqual({ date: '2005-03-01' });
    expect(readDate('March 1, 2005')).toEqual({ date: '2005-03-01' });
  });
  it('reads all-numeric day/month dates only with a stated order, and says how to fix them otherwise', () => {
    expect(readDate('01/03/2005', 'dmy')).toEqual({ date: '2005-03-01' });
    expect(readDate('01/03/2005', 'mdy')).toEqual({ date: '2005-01-03' });
    expect(readDate('01.03.2005', 'dmy')).toEqual({ date: '2005-03-01' });
    const r = readDate('01/03/2005');
    expect('error' in r && r.error).toMatch(/ambiguous.*2005-03-01 or 2005-01-03.*date_order/);
    expect(readDate('31/02/2005', 'dmy')).toEqual({ error: '"31/02/2005" is not a real calendar date.' });
    expect('error' in readDate('next week')).toBe(true);
  });
  it('parses stated orders in the spellings people use and rejects others', () => {
    expect(parseDateOrder('DD/MM/YYYY')).toBe('dmy');
    expect(parseDateOrder('mdy')).toBe('mdy');
    expect(parseDateOrder(undefined)).toBeNull();
    expect(() => parseDateOrder('ymd')).toThrow(/dmy.*mdy/);
  });
});

describe('stated dates are read or rejected, never dropped', () => {
  it('front matter: an ambiguous date is an INVALID_DATE error naming the fix; a stated order makes it readable', () => {
    const bad = failure(() => read('a.txt', '---\npublished: 01/03/2005\n---\nText.'));
    expect(bad.code).toBe('INVALID_DATE');
    expect(bad.message).toMatch(/front matter.*01\/03\/2005.*ambiguous/);
    expect(read('b.txt', '---\npublished: 01/03/2005\ndate_order: dmy\n---\nText.').metadata).toMatchObject({ publishedAt: '2005-03-01', publishedAtSource: 'front_matter' });
    expect(read('c.md', '---\npublished: 01/03/2005\n---\nText.', { dateOrder: 'mdy' }).metadata.publishedAt).toBe('2005-01-03');
    expect(failure(() => read('d.txt', '---\npublished: someday\n---\nText.')).code).toBe('INVALID_DATE');
  });
  it('JSON and S3 metadata follow the same rule', () => {
    expect(failure(() => read('e.json', JSON.stringify({ text: 'Body.', published_at: '01/03/2005' }))).code).toBe('INVALID_DATE');
    expect(read('f.json', JSON.stringify({ text: 'Body.', published_at: '01/03/2005' }), { metadata: { 'date-order': 'dmy' } }).metadata.publishedAt).toBe('2005-03-01');
    expect(failure(() => read('g.txt', 'Text.', { metadata: { published: '03/01/2005' } })).message).toMatch(/metadata.*ambiguous/);
    expect(read('h.txt', 'Text.', { metadata: { published: '03/01/2005', 'date-order': 'mdy' } }).metadata).toMatchObject({ publishedAt: '2005-03-01', publishedAtSource: 's3_metadata' });
    expect(failure(() => read('i.txt', 'Text.', { metadata: { 'date-order': 'sideways' } })).code).toBe('INVALID_DATE');
  });
});

describe('navigation-only pages', () => {
  it('are NO_TEXT, not an article called "Home | News"', () => {
    expect(failure(() => read('nav.html', '<html><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav></body></html>')).code).toBe('NO_TEXT');
    expect(failure(() => read('links.html', '<html><body><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></body></html>')).code).toBe('NO_TEXT');
  });
  it('while a short page with prose and a menu keeps its prose', () => {
    const { text } = read('short.html', '<html><body><nav><a href="/">Home</a></nav><p>The council approved the new budget on Monday.</p></body></html>');
    expect(text).toBe('The council approved the new budget on Monday.');
  });
});

describe('wire datelines', () => {
  it('are parsed into place and agency', () => {
    expect(findDateline('NAIROBI, Kenya (AP) _\n\nSuspected bombs exploded.')).toEqual({ text: 'NAIROBI, Kenya (AP)', place: 'NAIROBI, Kenya', agency: 'AP' });
    expect(findDateline('WASHINGTON (AP) -- The Senate voted.')).toEqual({ text: 'WASHINGTON (AP)', place: 'WASHINGTON', agency: 'AP' });
    expect(findDateline('BUFFALO, N.Y. (AP) -- A doctor was shot.')).toMatchObject({ place: 'BUFFALO, N.Y.', agency: 'AP' });
    expect(findDateline('LONDON, Oct 14 (Reuters) - Shares fell.')).toMatchObject({ place: 'LONDON', agency: 'Reuters' });
    expect(findDateline('BEIRUT, Lebanon — Protesters gathered.')).toMatchObject({ place: 'BEIRUT, Lebanon', agency: null });
    expect(findDateline('Headline here\n\nMOSCOW (AP) _ Talks began.')).toMatchObject({ place: 'MOSCOW' });
  });
  it('are not found in ordinary openings', () => {
    expect(findDateline('The Senate voted on Monday - a surprise.')).toBeNull();
    expect(findDateline('I — for one — disagree.')).toBeNull();
    expect(findDateline('US stocks (mostly) rose.')).toBeNull();
  });
  it('are kept out of the title and recorded on the article', () => {
    const { text, metadata } = read('apw.txt', 'NAIROBI, Kenya (AP) _\n\nSuspected bombs exploded outside the U.S. embassies.');
    expect(metadata.title).toBeNull();
    expect(metadata.dateline).toEqual({ text: 'NAIROBI, Kenya (AP)', place: 'NAIROBI, Kenya', agency: 'AP' });
    expect(text.startsWith('NAIROBI, Kenya (AP) _')).toBe(true);
    expect(read('bbc.txt', 'Ad sales boost Time Warner profit\n\nQuarterly profits rose.').metadata).toMatchObject({ title: 'Ad sales boost Time Warner profit', dateline: null });
  });
});
