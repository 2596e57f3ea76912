/**
 * Test helpers: hand-built entity layers, so the quotation stage can be tested
 * without the entity recogniser.
 */
import type { Entity, EntityType } from '../../src/document/schema.js';
import { entityId } from '../../src/document/ids.js';
import { createDoc } from '../../src/text/create-doc.js';
import type { Doc } from '../../src/text/doc.js';
import { extractQuotes } from '../../src/quotes/index.js';

export interface EntitySpec {
  name: string;
  type: EntityType;
  aliases?: string[];
}

/** Entities whose mentions are every whole-word occurrence of their name or aliases (longest first, no overlaps). */
export function entitiesFromNames(doc: Doc, specs: EntitySpec[]): Entity[] {
  const forms: { form: string; spec: EntitySpec }[] = [];
  for (const spec of specs) for (const f of [spec.name, ...(spec.aliases ?? [])]) forms.push({ form: f, spec });
  forms.sort((a, b) => b.form.length - a.form.length);
  const taken = new Uint8Array(doc.text.length);
  const mentions = new Map<EntitySpec, { start: number; end: number }[]>();
  for (const { form, spec } of forms) {
    let from = 0;
    for (;;) {
      const i = doc.text.indexOf(form, from);
      if (i < 0) break;
      from = i + 1;
      const before = doc.text[i - 1];
      const after = doc.text[i + form.length];
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
      let free = true;
      for (let k = i; k < i + form.length; k++) if (taken[k]) free = false;
      if (!free) continue;
      taken.fill(1, i, i + form.length);
      const list = mentions.get(spec) ?? [];
      list.push({ start: i, end: i + form.length });
      mentions.set(spec, list);
    }
  }
  const sentenceAt = (off: number) => doc.tokens.find((t) => t.end > off)?.sentence ?? 0;
  const out: Entity[] = [];
  for (const [spec, list] of mentions) {
    list.sort((a, b) => a.start - b.start);
    out.push({
      entity_id: entityId(spec.type, spec.name),
      type: spec.type,
      subtype: null,
      name: spec.name,
      aliases: spec.aliases ?? [],
      roles: [],
      geo: null,
      mention_count: list.length,
      mentions: list.map((m) => ({ text: doc.text.slice(m.start, m.end), start: m.start, end: m.end, sentence: sentenceAt(m.start) })),
    });
  }
  return out;
}

/** Runs the quotation stage on a text with the given entities. */
export function quotesOf(text: string, specs: EntitySpec[] = []) {
  const doc = createDoc({ text });
  doc.entities = entitiesFromNames(doc, specs);
  extractQuotes(doc);
  return doc.quotes;
}
