/**
 * Test helper: entities built by string search from a list of names, so the
 * event stage can be tested without the statistical entity recogniser.
 */
import type { Entity } from '../../src/document/schema.js';
import { handEntities, type NamedThing } from '../helpers/hand-entities.js';

export type { NamedThing };

/** Mentions carry sentence 0: the event stage locates them by offset. */
export function oracleEntities(text: string, things: NamedThing[]): Entity[] {
  return handEntities(text, things);
}
