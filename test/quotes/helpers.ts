/**
 * Test helpers: hand-built entity layers, so the quotation stage can be tested
 * without the entity recogniser.
 */
import { createDoc } from '../../src/text/create-doc.js';
import type { Doc, DocEntity } from '../../src/text/doc.js';
import { documentLayers } from '../../src/document/build.js';
import { runPipeline } from '../../src/pipeline.js';
import { handEntities, type NamedThing } from '../helpers/hand-entities.js';
import type { GoldAttribution, Range } from '../../src/quotes/learned/polnear.js';

export type EntitySpec = Omit<NamedThing, 'subtype'>;

/** Entities whose mentions are every whole-word occurrence of their name or aliases (longest first, no overlaps). */
export function entitiesFromNames(doc: Doc, specs: EntitySpec[]): DocEntity[] {
  // Only name, type and aliases count (callers may pass richer gold records): subtype stays null.
  return handEntities(doc, specs.map(({ name, type, aliases }) => ({ name, type, aliases })));
}

/** Runs the quotation stage on a text with the given entities. */
export function quotesOf(text: string, specs: EntitySpec[] = []) {
  const doc = createDoc({ text });
  doc.entities = entitiesFromNames(doc, specs);
  runPipeline(doc, { until: 'quotes', disable: ['entities'], given: ['entities'] });
  return documentLayers(doc).quotes;
}

/** An attribution given by its words (each must occur once in the text). */
export function gold(text: string, parts: { source?: string; cue: string; content: string }): GoldAttribution {
  const at = (s: string): Range[] => {
    const i = text.indexOf(s);
    if (i < 0) throw new Error(`"${s}" not in "${text}"`);
    return [[i, i + s.length]];
  };
  return { source: parts.source ? at(parts.source) : [], cue: at(parts.cue), content: at(parts.content), quoted: false };
}
