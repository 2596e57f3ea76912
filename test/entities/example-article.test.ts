import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examples = join(process.env.ARTICLE_EXPORT_DATA_DIR ? join(process.env.ARTICLE_EXPORT_DATA_DIR, '..') : join(repo, '..', 'shared'), 'examples');
const file = join(examples, 'ashgabat-meeting.txt');
const present = existsSync(file);
if (!present) console.warn(`skipping example-article tests: ${file} not found (set ARTICLE_EXPORT_DATA_DIR)`);

describe.skipIf(!present)('example article (judged by its gold file)', () => {
  const text = present ? readFileSync(file, 'utf8') : '';
  const gold = present ? (JSON.parse(readFileSync(file.replace(/\.txt$/, '.gold.json'), 'utf8')) as { entities: { name: string; type: string; optional?: boolean; aliases: string[] }[] }) : { entities: [] };
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'entities' });
  const out = documentLayers(doc);

  it('finds most required entities by name (any type)', () => {
    const names = new Set(out.entities.flatMap((e) => [e.name, ...e.aliases]));
    const required = gold.entities.filter((e) => !e.optional);
    const found = required.filter((e) => names.has(e.name) || e.aliases.some((a) => names.has(a)));
    expect(found.length / required.length).toBeGreaterThan(0.85);
  });

  it('has no sentence-initial common words as entities', () => {
    const sentenceStarts = new Set(doc.sentences.map((s) => s.start));
    for (const e of out.entities) {
      for (const m of e.mentions) {
        if (m.text.includes(' ') || !sentenceStarts.has(m.start)) continue;
        const lower = m.text.toLowerCase();
        // A word the article also writes in lowercase is a common word, not a name.
        expect(new RegExp(`(^|[^\\p{L}])${lower}([^\\p{L}]|$)`, 'u').test(text), m.text).toBe(false);
      }
    }
  });

  it('has no scare-quoted phrases as entities', () => {
    for (const q of text.matchAll(/‘([^’]+)’/g)) {
      const inside = q[1]!;
      expect(out.entities.some((e) => e.mentions.some((m) => m.text === inside || inside.includes(m.text) && m.text.length > 3 && /^\p{Ll}/u.test(inside)))).toBe(false);
    }
  });

  it('clusters short forms and records stated roles', () => {
    const people = out.entities.filter((e) => e.type === 'PERSON');
    // Every one-word person mention that is the surname of a full name in the article belongs to that full name.
    for (const p of people) {
      if (p.name.includes(' ')) continue;
      expect(people.some((q) => q.name.split(' ').slice(1).includes(p.name)), p.name).toBe(false);
    }
    const withRoles = people.filter((p) => p.roles.length > 0);
    expect(withRoles.length).toBeGreaterThanOrEqual(5);
  });
});
