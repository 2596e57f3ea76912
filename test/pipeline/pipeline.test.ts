import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline.js';
import { PIPELINE_VERSION } from '../../src/version.js';
import { entityId } from '../../src/document/ids.js';
import type { ArticleDocument } from '../../src/document/schema.js';
import { assertValid, validateDocument } from '../helpers/schema.js';
import { ROOT } from '../helpers/fixtures.js';

const TEXT = `Russian President Vladimir Putin met Iranian President Masoud Pezeshkian in Ashgabat on Friday 😀.
“We are ready to sign the treaty,” Putin said. Pezeshkian said that Iran wanted closer ties 🇮🇷 with Russia.
Putin is expected to travel to Kazan next week for the BRICS summit.`;

/** Every span in the document, with the text it claims to cover. */
function spans(doc: ArticleDocument): { start: number; end: number; text: string }[] {
  return [
    ...doc.entities.flatMap((e) => e.mentions),
    ...doc.quotes.flatMap((q) => [q, ...(q.cue ? [q.cue] : []), ...(q.speaker?.mention ? [q.speaker.mention] : [])]),
    ...doc.times,
    ...doc.events.flatMap((e) => [e.trigger, e.sentence]),
  ];
}

describe('extract', () => {
  const doc = extract(TEXT, { sourceIdentity: 'test/article.txt', publishedAt: '2024-10-14', publishedAtSource: 'front_matter' });

  it('produces a document valid against the published JSON Schema', () => {
    assertValid(validateDocument, doc);
    expect(doc.article.pipeline_version).toBe(PIPELINE_VERSION);
  });

  it('finds entities, quotes and times end to end', () => {
    const names = doc.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Vladimir Putin', 'Masoud Pezeshkian', 'Ashgabat']));
    expect(doc.quotes.some((q) => q.text.includes('We are ready'))).toBe(true);
    expect(doc.times.length).toBeGreaterThan(0);
  });

  it('indexes article.text in code points: every span slices back to its text, emoji included', () => {
    const cps = [...doc.article.text];
    expect(doc.article.char_count).toBe(cps.length);
    const all = spans(doc);
    expect(all.length).toBeGreaterThan(5);
    for (const s of all) expect(cps.slice(s.start, s.end).join('')).toBe(s.text);
    // Spans after the emoji would be off by one in UTF-16 units.
    const kazan = doc.entities.find((e) => e.name === 'Kazan')?.mentions[0];
    if (kazan) expect(kazan.start).toBe(cps.join('').indexOf('Kazan') - 3);
  });

  it('is deterministic and keys ids on the source identity and canonical name', () => {
    const again = extract(TEXT, { sourceIdentity: 'test/article.txt', publishedAt: '2024-10-14', publishedAtSource: 'front_matter' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
    const other = extract(TEXT, { sourceIdentity: 'test/other.txt' });
    expect(other.article.article_id).not.toBe(doc.article.article_id);
    const putin = doc.entities.find((e) => e.name === 'Vladimir Putin')!;
    expect(putin.entity_id).toBe(entityId('PERSON', 'Vladimir Putin'));
    expect(other.entities.find((e) => e.name === 'Vladimir Putin')?.entity_id).toBe(putin.entity_id);
  });

  it('never resolves relative dates to today without a publication date', () => {
    const undated = extract('The talks ended yesterday and resume next week.');
    expect(undated.article.published_at).toBeNull();
    expect(undated.article.published_at_source).toBe('none');
    for (const t of undated.times) expect(t.date_start).toBeNull();
  });

  it('keeps the pipeline version equal to package.json', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version).toBe(PIPELINE_VERSION);
  });
});
