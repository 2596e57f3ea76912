/**
 * Test helper: an entity layer built by string search from a list of names, so
 * later stages (quotes, events) can be tested without the statistical recogniser.
 */
import type { EntityType } from '../../src/document/schema.js';
import { entityId } from '../../src/document/ids.js';
import type { Doc, DocEntity } from '../../src/text/doc.js';
import { spanOfChars } from '../../src/text/layers.js';

export interface NamedThing {
  name: string;
  type: EntityType;
  aliases?: string[];
  subtype?: string | null;
}

/**
 * Entities whose mentions are the whole-word occurrences of their name or
 * aliases; longer forms claim their span first ("Vladimir Putin" before
 * "Putin"), and spans never overlap. Linear per form, for big test texts.
 *
 * @example
 * handEntities(createDoc({ text: 'Putin met Xi. Putin left.' }), [{ name: 'Vladimir Putin', type: 'PERSON', aliases: ['Putin'] }])[0].mentions.length // 2
 */
export function handEntities(doc: Doc, things: NamedThing[]): DocEntity[] {
  const { text } = doc;
  const forms = things
    .flatMap((t) => [t.name, ...(t.aliases ?? [])].map((f) => ({ f, t })))
    .sort((a, b) => b.f.length - a.f.length);
  // Covered characters. Spans are claimed longest first, so a free start and end mean a free span.
  const taken = new Uint8Array(text.length);
  const byThing = new Map<NamedThing, Array<{ text: string; start: number; end: number }>>();
  for (const { f, t } of forms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken[s] || taken[e - 1]) continue;
      taken.fill(1, s, e);
      const list = byThing.get(t) ?? [];
      list.push({ text: m[0], start: s, end: e });
      byThing.set(t, list);
    }
  }
  const out: DocEntity[] = [];
  for (const [t, ms] of byThing) {
    ms.sort((a, b) => a.start - b.start);
    out.push({
      id: entityId(t.type, t.name),
      type: t.type,
      subtype: t.subtype ?? null,
      name: t.name,
      aliases: t.aliases ?? [],
      roles: [],
      geo: null,
      mentions: ms.map((m) => spanOfChars(doc, m.start, m.end)),
    });
  }
  return out;
}
