/**
 * extractMany (the stages run over a batch of articles, stage by stage) gives
 * what extract gives each article alone, and one article that fails does not
 * affect its neighbours.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BATCH_ARTICLES, BATCH_CHARS, extract, extractMany, PIPELINE, type ArticleInput } from '../../src/pipeline.js';
import { processArticle, processArticles } from '../../src/process/process-article.js';
import { eventsStage } from '../../src/events/index.js';
import { quotesStage } from '../../src/quotes/index.js';
import { createDoc } from '../../src/text/create-doc.js';
import type { SourceInfo } from '../../src/input/index.js';

const ARTICLES: ArticleInput[] = [
  { text: 'Maria Okonkwo, the chief executive of Tallow Freight, said on Tuesday: "We will close the Dunmore depot in March."\n\nThe union called the plan a betrayal.', metadata: { publishedAt: '2025-02-11' } },
  { text: 'Floods hit the town of Ashcombe last week. "The river rose in an hour," said resident Tom Aldous. Rescuers evacuated 40 homes.' },
  { text: 'Greta Lindqvist won the Harlow marathon on Sunday, two years after she broke her ankle in Oslo.', metadata: { publishedAt: '2024-04-21', title: 'Lindqvist wins in Harlow' } },
  { text: 'The minister, Paul Reyes, resigned yesterday. Mr Reyes said he had been "proud to serve". Opposition leaders welcomed the move.', metadata: { publishedAt: '2023-09-30' } },
  { text: '' },
  { text: 'Nothing happened.' },
];

const json = (v: unknown) => JSON.stringify(v);

afterEach(() => vi.restoreAllMocks());

describe('extractMany: articles through the stages in batches', () => {
  it('gives byte for byte the document extract gives each article alone, in input order', () => {
    const many = extractMany(ARTICLES);
    expect(many).toHaveLength(ARTICLES.length);
    many.forEach((outcome, i) => {
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(json(outcome.document)).toBe(json(extract(ARTICLES[i]!.text, ARTICLES[i]!.metadata)));
    });
    // The articles' content is really there (not an empty run compared with another).
    const first = many[0]!;
    expect(first.ok && first.document.quotes.length).toBeGreaterThan(0);
    expect(first.ok && first.document.entities.some((e) => e.name === 'Maria Okonkwo')).toBe(true);
  });

  it('gives the same documents across more articles than one batch holds, and for an article longer than a batch may hold', () => {
    const many: ArticleInput[] = [];
    for (let i = 0; i < BATCH_ARTICLES + 5; i++) many.push(ARTICLES[i % ARTICLES.length]!);
    const long = ARTICLES[1]!.text.repeat(Math.ceil(BATCH_CHARS / ARTICLES[1]!.text.length) + 1).slice(0, BATCH_CHARS + 10);
    many.splice(3, 0, { text: long });
    const outcomes = extractMany(many);
    expect(outcomes.map((o, i) => (o.ok ? json(o.document) : 'error') === json(extract(many[i]!.text, many[i]!.metadata)))).toEqual(many.map(() => true));
  });

  it('gives an article whose stage throws its own error; its neighbours are unaffected', () => {
    const boom = new Error('quotes broke');
    const run = quotesStage.run;
    vi.spyOn(quotesStage, 'run').mockImplementation((doc) => {
      if (doc.text.includes('Ashcombe')) throw boom;
      run(doc);
    });
    const outcomes = extractMany(ARTICLES);
    expect(outcomes[1]).toEqual({ ok: false, error: boom });
    vi.restoreAllMocks();
    outcomes.forEach((outcome, i) => {
      if (i === 1) return;
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(json(outcome.document)).toBe(json(extract(ARTICLES[i]!.text, ARTICLES[i]!.metadata)));
    });
  });

  it('extract still throws what the pipeline threw for its one article', () => {
    const boom = new Error('quotes broke');
    vi.spyOn(quotesStage, 'run').mockImplementation(() => {
      throw boom;
    });
    expect(() => extract('Tom Aldous said: "Fine."')).toThrow(boom);
  });
});

describe('Pipeline.runMany', () => {
  it('runs no later stage on a Doc whose stage threw, and names the stage', () => {
    const seen: string[] = [];
    const run = quotesStage.run;
    vi.spyOn(quotesStage, 'run').mockImplementation((doc) => {
      if (doc.text.startsWith('B')) throw new Error('no');
      run(doc);
    });
    const eventsRun = vi.spyOn(eventsStage, 'run');
    const docs = ['A said "yes".', 'B said "no".', 'C said "maybe".'].map((text) => createDoc({ text }));
    const failures = PIPELINE.runMany(docs, { onStage: (name) => seen.push(name) });
    expect(failures.map((f) => f?.stage ?? null)).toEqual([null, 'quotes', null]);
    expect(eventsRun.mock.calls.map(([doc]) => doc.text[0])).toEqual(['A', 'C']); // not on the Doc whose quotes threw
    expect(seen).toEqual(['entities', 'times', 'marks', 'quotes', 'events']); // each stage heard once, over the whole batch
  });
});

describe('processArticles: many inputs, one outcome each', () => {
  const source = (identity: string): SourceInfo => ({ kind: 'file', identity, name: identity });
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('gives each input what processArticle gives it alone, an input error and an extraction error included', () => {
    const run = quotesStage.run;
    vi.spyOn(quotesStage, 'run').mockImplementation((doc) => {
      if (doc.text.includes('Harlow')) throw new Error('quotes broke');
      run(doc);
    });
    const inputs = [
      { content: { bytes: bytes(ARTICLES[0]!.text), size: 10 }, source: source('a.txt') },
      { content: { bytes: null, size: 99_000_000 }, source: source('huge.txt') }, // over the size limit: an input error
      { content: { bytes: bytes(ARTICLES[2]!.text), size: 10 }, source: source('b.txt') }, // the stage throws
      { content: { bytes: bytes(ARTICLES[3]!.text), size: 10 }, source: source('c.txt') },
    ];
    const outcomes = processArticles(inputs);
    expect(outcomes.map((o) => (o.status === 'ok' ? 'ok' : o.record.error.code))).toEqual(['ok', 'TOO_LARGE', 'EXTRACTION_FAILED', 'ok']);
    const alone = inputs.map((input) => processArticle(input.content, input.source));
    expect(outcomes.map((o) => json(o.status === 'ok' ? o.doc : o.record))).toEqual(alone.map((o) => json(o.status === 'ok' ? o.doc : o.record)));
  });
});
