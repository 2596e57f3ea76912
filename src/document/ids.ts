/**
 * Stable identifiers. The same source always gets the same article_id, and the
 * same canonical name and type always get the same entity_id, in any article,
 * so every table joins across the whole dataset.
 */
import { createHash } from 'node:crypto';

const hex16 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 16);

/**
 * @example articleId('s3://in-bucket/2024/putin.txt') // 'a_…' (16 hex digits)
 */
export function articleId(sourceIdentity: string): string {
  return `a_${hex16(sourceIdentity)}`;
}

/** Folds the differences that do not make another name: case, spacing, apostrophe style, Unicode forms. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * @example entityId('PERSON', 'Vladimir Putin') === entityId('PERSON', 'vladimir  putin') // true
 */
export function entityId(type: string, canonicalName: string): string {
  return `e_${hex16(`${type}\u0000${normalizeName(canonicalName)}`)}`;
}
