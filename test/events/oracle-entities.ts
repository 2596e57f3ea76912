/**
 * Test helper: entities built by string search from a list of names, so the
 * event stage can be tested without the statistical entity recogniser.
 */
import type { Doc, DocEntity } from '../../src/text/doc.js';
import { handEntities, type NamedThing } from '../helpers/hand-entities.js';

export type { NamedThing };

/** The entity layer of a Doc from a list of names (string search). */
export function oracleEntities(doc: Doc, things: NamedThing[]): DocEntity[] {
  return handEntities(doc, things);
}
