import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, type Rule } from '../../src/times/grammar.js';
import { ruleStarts, scanRules } from '../../src/times/scan.js';
import { DATA_DIR, hasData } from '../helpers/fixtures.js';

/** Phrases at the edges of the triggers: the most words before a trigger, glued modifiers, apostrophes. */
const FIXTURES = [
  'Putin approved the draft on Monday, the 22nd of October, and on Monday, October 22, 2024 at 10.30am.',
  'From the beginning of October, of 2024 until the middle ofJanuary and midOctober, lastMay; end-March.',
  'In the beginning of 2024, mid2024, fiscal2023 and the year2022 — not $2024 or 2024%.',
  'During the winter of two thousand and the year nineteen ninety-nine, twenty twenty-one.',
  "Last New Year's Eve, next Good Friday, Valentine’s Day 2020 and this Thanksgiving Day.",
  'For the fiscal year ended Sept. 30 and the full year, the entire year.',
  "In the early 1990s, the mid-'90s, '80s, the 1970's and the early twenty-first century, the mid-21st century.",
  "Last year's 2024 fiscal first quarter, the year-earlier 2023 calendar 4th quarter of fiscal the previous year, the second half.",
  'Early the day before yesterday, late tomorrow evening, tonight, this morning, Friday afternoon, morning of Tuesday.',
  'At 10 a.m. Friday, 14:30 GMT, noon on Monday, midnight, 9pm EST and 5 p.m. yesterday.',
  'By the remainder of the last week, the end of the coming quarter, earlier in the month, the weekend, every other week.',
  'Early the summer, midsummer, mid-winter, late autumn of 2003, in spring.',
  'More than a couple of days ago, about 4.5 years earlier, twenty-four hours from now, the more than a couple of days.',
  'The past a number of months, a seventeen hundred year-old tree, in recent years, for hours, each Monday, every 3 weeks.',
  'Paid annually, weekly meetings, now, currently, the near future, the short term, these days, at present.',
  'The year-earlier 2023 fiscal quarter, the most recent period, the same quarter a year ago; a year earlier, year-ago.',
  '2024-10-14, 10/14/2024, 3/4/99, 22-24 October, October 22 – November 3, 2024, 22nd to 24th of October.',
  'Émigrés met on Friday; 😀 on Friday; _Friday; ‘90s; x1990s; 1990s; the early ’90s.',
  // Glued forms alone, so that no nearby trigger lists them by chance.
  'It began in June last year, and January of this year.',
  'It peaked midsummer.',
  'Sales fell midOctober.',
  'Talks end lastMay.',
  'By the end ofJanuary.',
  'Growth was strong mid2024.',
  'Music of the 80s and of \'80s.',
];

function timebankTexts(): string[] {
  const dir = join(DATA_DIR, 'tempeval3', 'TBAQ-cleaned', 'TimeBank');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => {
      const xml = readFileSync(join(dir, f), 'utf8');
      return xml.slice(xml.indexOf('<TEXT>') + 6, xml.lastIndexOf('</TEXT>')).replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    });
}

/** The reference: every match of the rule's regex over the whole text. */
function fullScan(text: string, rule: Rule): Array<[number, string]> {
  const re = new RegExp(rule.re.source, rule.re.flags);
  const out: Array<[number, string]> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push([m.index, m[0]]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Rules whose regex matches at some position that the rule's trigger does not list (empty when the prefilter is sound). */
function rejectedMatches(text: string): string[] {
  const starts = ruleStarts(text, RULES);
  const bad: string[] = [];
  RULES.forEach((rule, r) => {
    if (!starts[r]) return; // dense triggers: the scanner runs the regex over the whole text
    const listed = new Set(starts[r]);
    const sticky = new RegExp(rule.re.source, 'uy');
    // Every position, not only those a global scan stops at: a sound prefilter lists them all.
    for (let i = 0; i < text.length; i++) {
      sticky.lastIndex = i;
      const m = sticky.exec(text);
      if (m && !listed.has(i)) bad.push(`${rule.name} at ${i}: ${JSON.stringify(m[0])}`);
    }
  });
  return bad;
}

function scanned(text: string): Array<[string, number, string]> {
  const out: Array<[string, number, string]> = [];
  scanRules(text, RULES, (rule, m) => out.push([rule.name, m.index, m[0]]));
  return out;
}

describe('rule prefilter (scan.ts)', () => {
  it('lists every position where a rule matches, in the fixtures', () => {
    for (const text of FIXTURES) expect(ruleStarts(text, RULES)).not.toContain(null);
    expect(FIXTURES.flatMap(rejectedMatches)).toEqual([]);
  });
  it('the fixtures exercise every rule', () => {
    const fired = new Set(FIXTURES.flatMap(scanned).map(([name]) => name));
    expect(RULES.map((r) => r.name).filter((n) => !fired.has(n))).toEqual([]);
  });
  it('finds exactly the matches of a whole-text scan, rule by rule in text order', () => {
    for (const text of FIXTURES) expect(scanned(text)).toEqual(RULES.flatMap((rule) => fullScan(text, rule).map(([i, s]) => [rule.name, i, s])));
  });
  it('scans rules with dense triggers whole, with the same matches', () => {
    const text = `${'On 14 October 2024, 3 of 4 rose 12% to 2025 at 10 pm; '.repeat(200)}the 1990s`;
    const starts = ruleStarts(text, RULES);
    expect(RULES.filter((_, r) => starts[r] === null).map((r) => r.name)).toContain('year');
    expect(RULES.filter((_, r) => starts[r] !== null).map((r) => r.name)).toContain('weekday');
    expect(scanned(text)).toEqual(RULES.flatMap((rule) => fullScan(text, rule).map(([i, s]) => [rule.name, i, s])));
  });
  it('stays linear on a long single line', () => {
    const text = 'the the the more than a couple of years ago, on Friday 2024 '.repeat(20_000);
    const t0 = performance.now();
    const n = scanned(text).length;
    expect(n).toBeGreaterThan(20_000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
  it.skipIf(!hasData)('lists every position where a rule matches, and the same matches, over TimeBank', () => {
    const texts = timebankTexts();
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.flatMap(rejectedMatches)).toEqual([]);
    for (const text of texts) expect(scanned(text)).toEqual(RULES.flatMap((rule) => fullScan(text, rule).map(([i, s]) => [rule.name, i, s])));
  }, 120_000);
});
if (!hasData) console.warn(`skipping the TimeBank prefilter test: ${DATA_DIR} not found (set ARTICLE_EXPORT_DATA_DIR)`);
