import { describe, expect, it } from 'vitest';
import { documentLayers } from '../../src/document/build.js';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';
import type { Doc, Span } from '../../src/text/doc.js';
import { mentionAt, quotedAt, timeAt } from '../../src/text/layers.js';

const TEXT = 'Russian Foreign Minister Sergey Lavrov met Masoud Pezeshkian in Tehran on Friday. Lavrov said: «We agreed to hold talks in Moscow next week.»';
const run = () => runPipeline(createDoc({ text: TEXT, publishedAt: '2024-10-14' }));

/** A span's token range covers exactly the tokens its characters touch. */
function coherent(doc: Doc, s: Span) {
  expect(s.tokenEnd).toBeGreaterThan(s.tokenStart);
  expect(doc.tokens[s.tokenStart]!.end).toBeGreaterThan(s.start);
  expect(doc.tokens[s.tokenEnd - 1]!.start).toBeLessThan(s.end);
  if (s.tokenStart > 0) expect(doc.tokens[s.tokenStart - 1]!.end).toBeLessThanOrEqual(s.start);
}

describe('the Doc layers are spans over tokens', () => {
  it('every span of every layer has a coherent token range', () => {
    const doc = run();
    for (const e of doc.entities) e.mentions.forEach((m) => coherent(doc, m));
    doc.times.forEach((t) => coherent(doc, t));
    doc.quotes.forEach((q) => {
      coherent(doc, q);
      if (q.cue) coherent(doc, q.cue);
      if (q.speaker) coherent(doc, q.speaker.mention);
    });
    doc.events.forEach((e) => coherent(doc, e.trigger));
    expect(doc.quotedSpans).toHaveLength(1);
  });

  it('per-token look-ups say which mention, time expression and quotation covers a token', () => {
    const doc = run();
    const k = (word: string, from = 0) => doc.tokens.findIndex((t, i) => i >= from && t.text === word);
    const { mentions, at } = mentionAt(doc);
    expect(mentions[at[k('Lavrov')]!]!.entity.name).toBe('Sergey Lavrov');
    expect(mentions[at[k('Tehran')]!]!.entity.type).toBe('LOCATION');
    expect(at[k('met')]).toBe(-1);
    expect(doc.times[timeAt(doc)[k('Friday')]!]!.value).toBe('2024-10-11');
    expect(timeAt(doc)[k('met')]).toBe(-1);
    const q = quotedAt(doc);
    expect(q[k('talks')]).toBe(0);
    expect(q[k('«')]).toBe(0); // the marks belong to the quotation
    expect(q[k('said')]).toBe(-1);
    // Built once per layer: asking again gives the same arrays.
    expect(mentionAt(doc).at).toBe(at);
  });

  it('the output is built once from the finished Doc: ids, names and code point offsets', () => {
    const text = '😀 ' + TEXT;
    const doc = runPipeline(createDoc({ text, publishedAt: '2024-10-14' }));
    const out = documentLayers(doc);
    const cps = [...text];
    for (const e of out.entities) for (const m of e.mentions) expect(cps.slice(m.start, m.end).join('')).toBe(m.text);
    for (const q of out.quotes) expect(cps.slice(q.start, q.end).join('')).toBe(q.text);
    const quote = out.quotes.find((q) => q.kind === 'direct')!;
    expect(quote.speaker?.entity_id).toBe(out.entities.find((e) => e.name === 'Sergey Lavrov')!.entity_id);
    // The talks are Lavrov's words inside «…»: reported, not asserted; the meeting is the article's.
    expect(out.events.filter((e) => e.factuality === 'asserted').map((e) => e.type)).toEqual(['MEETING']);
    for (const e of out.events) expect(cps.slice(e.trigger.start, e.trigger.end).join('')).toBe(e.trigger.text);
    expect(out.events[0]!.date).toMatchObject({ start: '2024-10-11', time_id: 't1' });
  });
});
