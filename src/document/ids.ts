/**
 * Stable identifiers. The same source always gets the same article_id, and the
 * same canonical name and type always get the same entity_id, in any article,
 * so every table joins across the whole dataset.
 */
import * as crypto from 'node:crypto';
import { entityKey, NO_ALIASES, type NameAliases } from '../text/names.js';

/**
 * SHA-256 of a string's UTF-8 bytes, as hex. `crypto.hash` (Node ≥ 20.12) is the
 * one-shot form: no Hash object per call (about 3× faster for short strings).
 */
export const sha256Hex: (s: string) => string =
  typeof crypto.hash === 'function'
    ? (s) => crypto.hash('sha256', s, 'hex')
    : (s) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

const hex16 = (s: string) => sha256Hex(s).slice(0, 16);

/**
 * @example articleId('s3://in-bucket/2024/putin.txt') // 'a_…' (16 hex digits)
 */
export function articleId(sourceIdentity: string): string {
  return `a_${hex16(sourceIdentity)}`;
}

/**
 * The id of an entity: a hash of its type and name key (`src/text/names.ts`), so
 * spellings of one name get one id in every article; with an alias table
 * (the entity stage passes its country table), other names of the same thing too.
 *
 * @example
 * entityId('PERSON', 'Vladimir Putin') === entityId('PERSON', 'vladimir  putin') // true
 * entityId('LOCATION', 'U.S.') === entityId('LOCATION', 'US') // true
 *
 * `sense` tells namesakes apart when the article shows which one is meant: a place its
 * context moved off the name's usual reading ("Georgia" the US state) hashes its gazetteer entry too.
 */
export function entityId(type: string, canonicalName: string, aliases: NameAliases = NO_ALIASES, sense?: string): string {
  const key = entityKey(type, canonicalName, aliases);
  return `e_${hex16(sense === undefined ? key : `${key}\u0000${sense}`)}`;
}
