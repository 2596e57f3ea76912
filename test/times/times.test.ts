import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';
import { isoWeek, periodDates, shiftPeriod } from '../../src/times/calendar.js';
import { utc } from '../../src/times/calendar.js';

const MONDAY = '2024-10-14';

function times(text: string, publishedAt: string | null = MONDAY) {
  const doc = createDoc({ text, publishedAt });
  runPipeline(doc, { until: 'times', disable: ['entities'] });
  return documentLayers(doc).times;
}
function one(text: string, publishedAt: string | null = MONDAY) {
  const ts = times(text, publishedAt);
  expect(ts, `expressions in "${text}"`).toHaveLength(1);
  return ts[0]!;
}

describe('absolute dates', () => {
  it('day and month, year from the publication date', () => {
    const t = one('Putin approved the draft as far back as 18 September.');
    expect(t).toMatchObject({ text: '18 September', type: 'DATE', value: '2024-09-18', date_start: '2024-09-18', date_end: '2024-09-18' });
  });
  it('a day range is one expression', () => {
    const t = one('The BRICS Summit on 22-24 October will be held in Kazan.');
    expect(t).toMatchObject({ text: '22-24 October', type: 'DATE', date_start: '2024-10-22', date_end: '2024-10-24' });
  });
  it('month and year, bare year, decade', () => {
    expect(one('Sales fell in October 2024.')).toMatchObject({ text: 'October 2024', value: '2024-10', date_start: '2024-10-01', date_end: '2024-10-31' });
    expect(one('his decision in 2003 to stop')).toMatchObject({ text: '2003', value: '2003', date_start: '2003-01-01', date_end: '2003-12-31' });
    expect(one('It was common in the 1990s.')).toMatchObject({ text: 'the 1990s', value: '199', date_start: '1990-01-01', date_end: '1999-12-31' });
  });
  it('month names that are also words need a cue', () => {
    expect(times('Prices may rise.')).toHaveLength(0);
    expect(one('The vote was held in May.').value).toBe('2024-05');
  });
  it('absolute dates resolve without a publication date too', () => {
    expect(one('in 2003', null)).toMatchObject({ value: '2003', date_start: '2003-01-01' });
  });
});

describe('relative dates against a Monday publication', () => {
  it('a weekday in a past clause is the one before', () => {
    expect(one('The leaders met at Ashgabat on Friday.')).toMatchObject({ text: 'Friday', value: '2024-10-11', date_start: '2024-10-11' });
  });
  it('a weekday in a future clause is the one after', () => {
    expect(one('The leaders will meet on Friday.')).toMatchObject({ value: '2024-10-18' });
  });
  it('last week is the ISO week with its Monday–Sunday range', () => {
    expect(one('Last week, the paper quoted an analyst.')).toMatchObject({ text: 'Last week', value: '2024-W41', date_start: '2024-10-07', date_end: '2024-10-13' });
  });
  it('the weekend is the one just past', () => {
    expect(one('in a post on X in the weekend, he wrote')).toMatchObject({ text: 'the weekend', value: '2024-W41-WE', date_start: '2024-10-12', date_end: '2024-10-13' });
  });
  it('earlier in the week, read on a Monday, is the week just past', () => {
    expect(one('the remarks earlier in the week by the director')).toMatchObject({ value: '2024-W41', date_start: '2024-10-07', date_end: '2024-10-13' });
  });
  it('ago, next month, yesterday, today', () => {
    expect(one('They left two days ago.')).toMatchObject({ text: 'two days ago', value: '2024-10-12' });
    expect(one('Talks resume next month.')).toMatchObject({ value: '2024-11', date_start: '2024-11-01', date_end: '2024-11-30' });
    expect(one('He spoke yesterday.')).toMatchObject({ value: '2024-10-13' });
    expect(one('He speaks today.')).toMatchObject({ value: '2024-10-14' });
  });
  it('a participle after an auxiliary does not mark the past: the auxiliary does', () => {
    expect(one('The match will be televised live on Saturday.')).toMatchObject({ value: '2024-10-19' });
    expect(one('The match was televised live on Saturday.')).toMatchObject({ value: '2024-10-12' });
    // A reporting clause after a comma does not lend the expression its tense.
    expect(one('The match will be televised live on Saturday, the BBC said.')).toMatchObject({ value: '2024-10-19' });
    expect(one('The minister met him on Friday, and will return.')).toMatchObject({ value: '2024-10-11' });
    // Irregular participles too ("shown", "given"), whose simple past would be another word.
    expect(one('The film will be shown on Saturday.')).toMatchObject({ value: '2024-10-19' });
    expect(one('The film was shown on Saturday.')).toMatchObject({ value: '2024-10-12' });
  });
  it('a weekday in a name ("the Sunday Times") is no day', () => {
    expect(times('He told the Sunday Times that he would quit.')).toHaveLength(0);
    expect(times('The Sunday Telegraph reported the deal.')).toHaveLength(0);
    expect(one('The vote is on the Sunday after the poll.')).toMatchObject({ text: 'Sunday', value: '2024-10-20' });
  });
  it('a present tense before a weekday speaks of the coming one (today included)', () => {
    expect(one('The band is playing a free concert in the park on Saturday.')).toMatchObject({ value: '2024-10-19' });
    expect(one('The ministers are meeting in Rome on Thursday.')).toMatchObject({ value: '2024-10-17' });
    expect(one('She plays her first match on Tuesday.')).toMatchObject({ value: '2024-10-15' });
    expect(one('The hosts hope to win when they face the visitors on Monday.')).toMatchObject({ value: '2024-10-14' });
    // After the weekday, "is" is mostly the verb of a longer subject, and a reporting passive takes its infinitive's tense.
    expect(one('The shop sold to a rival on Sunday is the talk of the town.')).toMatchObject({ value: '2024-10-13' });
    expect(one('The deal is thought to have been signed on Thursday.')).toMatchObject({ value: '2024-10-10' });
    expect(one('There has been no sign of him since Friday.')).toMatchObject({ value: '2024-10-11' });
  });
  it('the clause of a weekday ends at a subordinator and goes on past a fronted adverbial\'s comma', () => {
    expect(one('The firm sent a letter on Thursday saying that it plans to leave.')).toMatchObject({ value: '2024-10-10' });
    expect(one('The shares closed higher on Friday after it said it would sell the unit.')).toMatchObject({ value: '2024-10-11' });
    expect(one('On Saturday, the team will play its last match.')).toMatchObject({ value: '2024-10-19' });
    expect(one('The striker is out of the squad after an injury in the defeat on Saturday.')).toMatchObject({ value: '2024-10-12' });
    // "due to" gives a cause unless after "is"; "as planned" is no future.
    expect(one('A plant was closed due to technical problems, while on Tuesday another was shut down.')).toMatchObject({ value: '2024-10-08' });
    expect(one('The envoy is due to arrive on Wednesday.')).toMatchObject({ value: '2024-10-16' });
    expect(one('The law was not passed as planned at a meeting on Monday.')).toMatchObject({ value: '2024-10-14' });
  });
  it('durations with fractions, in the next smaller unit as TimeML writes them', () => {
    expect(one('The talks lasted 5 1/2 hours.')).toMatchObject({ text: '5 1/2 hours', value: 'PT5H30M' });
    expect(one('The project took two and a half years.')).toMatchObject({ text: 'two and a half years', value: 'P2Y6M' });
    expect(one('It took a minute and a half.')).toMatchObject({ text: 'a minute and a half', value: 'PT1M30S' });
    expect(one('They waited half an hour.')).toMatchObject({ value: 'PT30M' });
  });
  it('a 24-hour clock time without a colon, with a time zone', () => {
    expect(one('Kick-off is at 1945 GMT.')).toMatchObject({ text: '1945 GMT', value: '2024-10-14T19:45' });
    expect(one('The castle was built in 1500.')).toMatchObject({ value: '1500' });
    expect(one('The show will be televised from 1700 local time.')).toMatchObject({ text: '1700 local time', value: '2024-10-14T17:00' });
  });
  it('a yearless date in a clause without tense marker takes the nearest year', () => {
    expect(one('The new law comes into force on 1 January.', '2004-12-15')).toMatchObject({ value: '2005-01-01' });
    expect(one('The new law came into force on 1 January.', '2004-12-15')).toMatchObject({ value: '2004-01-01' });
  });
  it('a yearless month in a future clause, more than three months past, is next year\'s', () => {
    expect(one('The three countries will join in April.', '1998-12-05')).toMatchObject({ value: '1999-04' });
    expect(one('The three countries joined in April.', '1998-12-05')).toMatchObject({ value: '1998-04' });
  });
  it('a month with last, this or next year', () => {
    expect(one('Talks broke down in June last year.')).toMatchObject({ text: 'June last year', value: '2023-06' });
    expect(one('He resigned in January of this year.')).toMatchObject({ text: 'January of this year', value: '2024-01' });
  });
  it('the previous quarter is the one before the quarter under discussion', () => {
    const ts = times('Profits rose in the three months to December, but fell compared with the previous quarter.', '2005-01-12');
    expect(ts.map((t) => t.value)).toEqual(['P3M', '2004-12', '2004-Q3']);
    // With no quarter named, it is the one before publication's.
    expect(one('Sales were up on the previous quarter.', '2005-01-12')).toMatchObject({ value: '2004-Q4' });
  });
  it('quarters look back when the clause does', () => {
    expect(one('The company reported a loss in the third quarter.')).toMatchObject({ value: '2024-Q3', date_start: '2024-07-01', date_end: '2024-09-30' });
  });
});

describe('holidays and fiscal periods', () => {
  it('holidays resolve to their date in the right year', () => {
    expect(one('They met on Thanksgiving Day.', '1999-12-01')).toMatchObject({ value: '1999-11-25' });
    expect(one('Shops closed at Easter 2024.')).toMatchObject({ value: '2024-03-31' });
    expect(one('He visited last Christmas.')).toMatchObject({ value: '2023-12-25' });
  });
  it('a holiday days ahead is the coming one even in the past tense; months ahead, last year\'s', () => {
    expect(one('The archbishop used his Christmas message to attack the war.', '2004-12-22')).toMatchObject({ value: '2004-12-25' });
    expect(one('The archbishop used his Christmas message to attack the war.', '2004-06-22')).toMatchObject({ value: '2003-12-25' });
  });
  it('"the year ended …" is a one-year span, its end date a separate expression', () => {
    const ts = times('Revenue rose for the year ended Sept. 30.', '1989-11-02');
    expect(ts.map((t) => [t.text, t.type, t.value])).toEqual([
      ['the year', 'DURATION', 'P1Y'],
      ['Sept. 30', 'DATE', '1989-09-30'],
    ]);
  });
});

describe('durations, sets, times of day', () => {
  it('durations have no calendar range', () => {
    expect(one('They are to meet within days.')).toMatchObject({ type: 'DURATION', value: 'PXD', date_start: null });
    expect(one('He served for three years.')).toMatchObject({ text: 'three years', type: 'DURATION', value: 'P3Y' });
  });
  it('sets', () => {
    expect(one('They meet every Monday.')).toMatchObject({ text: 'every Monday', type: 'SET', value: 'XXXX-WXX-1' });
  });
  it('clock times attach to their day', () => {
    expect(one('The vote closed at 5 p.m. Friday.')).toMatchObject({ type: 'TIME', value: '2024-10-11T17:00', date_start: '2024-10-11' });
  });
});

describe('without a publication date', () => {
  it('relative expressions stay unresolved, never today', () => {
    const ts = times('They met on Friday. Last week he wrote. Yesterday she left. Next month they vote. It was in the weekend.', null);
    expect(ts.map((t) => t.value)).toEqual(['XXXX-WXX-5', 'XXXX-WXX', 'PAST_REF', 'XXXX-XX', 'XXXX-WXX-WE']);
    for (const t of ts) {
      expect(t.date_start).toBeNull();
      expect(t.date_end).toBeNull();
    }
    const thisYear = String(new Date().getUTCFullYear());
    expect(ts.some((t) => t.value.includes(thisYear))).toBe(false);
  });
  it('a month and day without a year keeps an X year', () => {
    expect(one('On 18 September he signed.', null)).toMatchObject({ value: 'XXXX-09-18', date_start: null });
  });
});

describe('offsets and ids', () => {
  it('spans slice the text exactly and ids follow text order', () => {
    const text = 'Putin met Pezeshkian on Friday; they meet again on 22-24 October, two days ago, every Monday — “Last week” in 2003.';
    const doc = createDoc({ text, publishedAt: MONDAY });
    runPipeline(doc, { until: 'times', disable: ['entities'] });
    const out = documentLayers(doc);
    expect(out.times.length).toBeGreaterThanOrEqual(5);
    out.times.forEach((t, i) => {
      expect(t.time_id).toBe(`t${i + 1}`);
      expect(text.slice(t.start, t.end)).toBe(t.text);
      if (i > 0) expect(t.start).toBeGreaterThanOrEqual(out.times[i - 1]!.end);
    });
  });
  it('handles UTF-16 text before the expressions', () => {
    const text = '😀 Émigrés met on Friday.';
    const t = one(text);
    // The output counts code points: the emoji is one.
    expect([...text].slice(t.start, t.end).join('')).toBe('Friday');
    expect(t.text).toBe('Friday');
  });
  it('a long single line of text is processed', () => {
    const text = 'On Friday the leaders met in Kazan and signed a deal, ' .repeat(1500);
    const ts = times(text);
    expect(ts).toHaveLength(1500);
  });
});

describe('calendar', () => {
  it('ISO weeks at year edges', () => {
    expect(isoWeek(utc(2021, 1, 3))).toEqual({ y: 2020, w: 53 });
    expect(isoWeek(utc(2024, 10, 14))).toEqual({ y: 2024, w: 42 });
    expect(periodDates(shiftPeriod({ gran: 'week', y: 2020, n: 53 }, 1))).toEqual({ start: '2021-01-04', end: '2021-01-10' });
  });
});
