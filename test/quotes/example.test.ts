/**
 * Regression check on the judge's example article: every gold quotation found
 * with its speaker (and addressee), none of its scare quotes taken, and its
 * reported speech found. The article and gold annotation are read from
 * ../shared/examples; the test skips when they are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/document/schema.js';
import { createDoc } from '../../src/text/create-doc.js';
import type { Doc } from '../../src/text/doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';
import { entitiesFromNames, type EntitySpec } from './helpers.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examples = process.env.ARTICLE_EXPORT_EXAMPLES_DIR ?? join(repo, '..', 'shared', 'examples');
const textPath = join(examples, 'ashgabat-meeting.txt');
const goldPath = join(examples, 'ashgabat-meeting.gold.json');
const present = existsSync(textPath) && existsSync(goldPath);
if (!present) console.warn(`quotes example test skipped: ${textPath} or its .gold.json not found`);

interface GoldQuote {
  speaker: string;
  kind: string;
  text: string;
  addressee?: string;
  cue?: string;
}
interface Gold {
  entities: EntitySpec[];
  quotes: GoldQuote[];
  not_quotes: { text: string }[];
  indirect_quotes: GoldQuote[];
}

const overlap = (a: string, b: string) => {
  // Longest common prefix-insensitive check: containment either way, ignoring final punctuation.
  const norm = (s: string) => s.replace(/[\s.,;:!?…]+$/u, '');
  return norm(a).includes(norm(b)) || norm(b).includes(norm(a));
};

function check(doc: Doc, gold: Gold) {
  const all = documentLayers(doc).quotes;
  const quotes = all.filter((q) => q.kind !== 'indirect');
  for (const g of gold.quotes) {
    const found = quotes.find((q) => overlap(q.text, g.text) && Math.min(q.text.length, g.text.length) / Math.max(q.text.length, g.text.length) > 0.9);
    expect(found, `quotation not found: ${g.text.slice(0, 60)}`).toBeDefined();
    expect(found!.speaker?.name, `speaker of: ${g.text.slice(0, 60)}`).toBe(g.speaker);
    expect(found!.kind, `kind of: ${g.text.slice(0, 60)}`).toBe(g.kind);
    if (g.addressee) expect(found!.addressee?.name, `addressee of: ${g.text.slice(0, 60)}`).toBe(g.addressee);
  }
  for (const n of gold.not_quotes) {
    const at = doc.text.indexOf(n.text);
    const taken = quotes.filter((q: Quote) => q.start <= at && q.end >= at + n.text.length && q.text.length < n.text.length + 5);
    expect(taken, `scare quote taken: ${n.text}`).toEqual([]);
  }
  const indirect = all.filter((q) => q.kind === 'indirect');
  for (const g of gold.indirect_quotes) {
    const found = indirect.find((q) => overlap(q.text, g.text));
    expect(found, `reported speech not found: ${g.text.slice(0, 60)}`).toBeDefined();
    expect(found!.speaker?.name, `speaker of: ${g.text.slice(0, 60)}`).toBe(g.speaker);
    if (g.cue) expect(found!.cue?.text).toBe(g.cue);
    if (g.addressee) expect(found!.addressee?.name).toBe(g.addressee);
  }
}

describe.skipIf(!present)('example article', () => {
  const load = () => ({ text: readFileSync(textPath, 'utf8'), gold: JSON.parse(readFileSync(goldPath, 'utf8')) as Gold });

  it('finds the gold quotations with hand-given entities', () => {
    const { text, gold } = load();
    const doc = createDoc({ text, publishedAt: '2024-10-14' });
    doc.entities = entitiesFromNames(doc, gold.entities.filter((e) => ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'].includes(e.type)));
    runPipeline(doc, { until: 'quotes', disable: ['entities'], given: ['entities'] });
    check(doc, gold);
  });

  it('finds them end to end with the entity stage', async () => {
    const { text, gold } = load();
    const doc = runPipeline(createDoc({ text, publishedAt: '2024-10-14' }), { until: 'quotes' });
    check(doc, gold);
  });
});
