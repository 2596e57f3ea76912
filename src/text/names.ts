/**
 * The one name key: what makes two spellings the same name. Clustering, the
 * gazetteer, entity ids and the speaker and organiser matchers of the quote and
 * event stages all compare names through it, so "U.S.", "U.S" and "US" are one
 * name everywhere (one cluster in an article, one entity_id across articles).
 *
 * An alias table ("United States" = "US", issue: entities) plugs in at
 * `entityKey`: it maps a name key to its canonical key before the id is hashed.
 */

const DOTS_AND_APOSTROPHES = /[.'’‘`´]/g;
const DASHES = /[‐‑‒–—]/g;
const SPACES = /\s+/g;

/**
 * Folds what does not make a different name: Unicode compatibility forms, case,
 * full stops, apostrophe style (and apostrophes themselves), dash style, spacing.
 *
 * @example
 * nameKey('U.S.') === nameKey('US'); // true ('us')
 * nameKey('O’Brien') === nameKey("O'Brien"); // true
 * nameKey('Guinea–Bissau'); // 'guinea-bissau'
 */
export function nameKey(name: string): string {
  // Most names are plain ASCII words separated by single spaces: their key is their lowercase form,
  // cheaper to compute than to look up.
  if (isPlainAsciiName(name)) return name.toLowerCase();
  // Every stage asks for the keys of the same few names many times: computed once per spelling (bounded).
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size >= 50_000) keys.clear();
    key = name.normalize('NFKC').toLowerCase().replace(DOTS_AND_APOSTROPHES, '').replace(DASHES, '-').replace(SPACES, ' ').trim();
    keys.set(name, key);
  }
  return key;
}
const keys = new Map<string, string>();

/** ASCII letters and digits (and "&", "-", …) in words separated by single spaces: nothing for nameKey to fold but case. */
function isPlainAsciiName(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // Not: non-ASCII (NFKC, curly apostrophes, dashes), control characters and white space other than
    // a single space, full stops, apostrophes, backticks.
    if (c >= 127 || c < 32 || c === 46 || c === 39 || c === 96 || (c === 32 && s.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

/**
 * `keyHash(nameKey(text.slice(start, end)))` for one start and ends that only grow, each character hashed once: a scan
 * that tries every end of a name from one start (the well-known organisations' long names) pays for the longest slice,
 * not for every slice again. ASCII slices are folded here as nameKey folds them (case; full stops, apostrophes and
 * backticks dropped; spaces collapsed and trimmed); from the first character of any other kind (non-ASCII, control)
 * `hashTo` returns -1: such a slice's key only nameKey computes.
 *
 * @example const h = new GrowingNameKeyHash('the U.S. Army said', 4); h.hashTo(8) === keyHash('us'); h.hashTo(13) === keyHash('us army') // true, true
 */
export class GrowingNameKeyHash {
  private hash = 0x811c9dc5;
  private at: number;
  private ascii = true;
  private any = false; // a character is hashed (spaces before it are trimmed)
  private space = false; // a space is due before the next character (spaces after the last one are trimmed)
  constructor(private readonly text: string, start: number) {
    this.at = start;
  }

  hashTo(end: number): number {
    const text = this.text;
    for (; this.ascii && this.at < end; this.at++) {
      let c = text.charCodeAt(this.at);
      if (c >= 127 || c < 32) this.ascii = false;
      else if (c === 32) this.space = this.any;
      else if (c !== 46 && c !== 39 && c !== 96) {
        if (this.space) this.hash = Math.imul(this.hash ^ 32, 0x01000193);
        if (c >= 65 && c <= 90) c += 32;
        this.hash = Math.imul(this.hash ^ c, 0x01000193);
        this.any = true;
        this.space = false;
      }
    }
    return this.ascii ? this.hash >>> 0 : -1;
  }
}

/** FNV-1a over a key's UTF-16 code units (see `GrowingNameKeyHash`). @example keyHash('un') === new GrowingNameKeyHash('UN', 0).hashTo(2) // true */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Name keys of one entity type to their canonical key ("united states" → "us"); none by default. */
export interface NameAliases {
  canonical(type: string, key: string): string | undefined;
}

export const NO_ALIASES: NameAliases = { canonical: () => undefined };

/**
 * What an entity's identity hashes: its type and the canonical key of its name.
 *
 * @example
 * entityKey('LOCATION', 'U.S.') === entityKey('LOCATION', 'US'); // true
 */
export function entityKey(type: string, name: string, aliases: NameAliases = NO_ALIASES): string {
  const key = nameKey(name);
  // "The Liberal Democrats", "the Academy Awards": a table's name with an article before it is that name.
  const known = aliases.canonical(type, key) ?? (key.startsWith('the ') ? aliases.canonical(type, key.slice(4)) : undefined);
  return `${type}\u0000${known ?? key}`;
}
