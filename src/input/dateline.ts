/**
 * Wire datelines: the place (and agency) that open a news-agency story,
 * "NAIROBI, Kenya (AP) _", "WASHINGTON (AP) --", "LONDON, Oct 14 (Reuters) -",
 * "BEIRUT, Lebanon —". The text keeps them (offsets point into it); the article
 * records them apart, and they are never taken for the title.
 */
export interface Dateline {
  /** The dateline as written, without the dash that ends it. */
  text: string;
  /** The place as written ("NAIROBI, Kenya"), or null. */
  place: string | null;
  /** The agency in brackets ("AP", "Reuters"), or null. */
  agency: string | null;
}

// A place in capitals, optionally ", Region" (capitals or title case, abbreviations like "N.Y."),
// an optional date ("Oct 14", "March 3"), an optional (Agency), then a dash or underscore.
const PLACE = String.raw`(\p{Lu}[\p{Lu}.'’ -]*\p{Lu}\.?(?:,\s+\p{Lu}[\p{L}.'’ -]{0,30}?)?)`;
const DATE = String.raw`(?:,\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})?`;
const AGENCY = String.raw`\(([\p{L}&.'’ -]{1,40})\)`;
const DASH = String.raw`(?:--|—|–|-|_)`;
const WITH_AGENCY = new RegExp(String.raw`^[ \t]*${PLACE}${DATE}\s*${AGENCY}\s*${DASH}`, 'u');
const PLACE_ONLY = new RegExp(String.raw`^[ \t]*${PLACE}${DATE}\s+(?:--|—|–)(?=\s)`, 'u');

/**
 * The dateline opening the text (or its first paragraph after a headline line), or null.
 *
 * @example
 * findDateline('NAIROBI, Kenya (AP) _\n\nSuspected bombs exploded…') // { text: 'NAIROBI, Kenya (AP)', place: 'NAIROBI, Kenya', agency: 'AP' }
 */
export function findDateline(text: string): Dateline | null {
  const head = text.slice(0, 400);
  const starts = [0];
  // A headline line first ("Explosions rock U.S. embassies\n\nNAIROBI, Kenya (AP) _ …").
  const blank = /\n[ \t]*\n/.exec(head);
  if (blank) starts.push(blank.index + blank[0].length);
  for (const at of starts) {
    const piece = head.slice(at);
    const m = WITH_AGENCY.exec(piece) ?? PLACE_ONLY.exec(piece);
    if (!m) continue;
    const place = m[1]!.trim();
    // A single short capitalised word ("I", "A") before a dash is prose, not a place.
    if (place.replace(/[^\p{Lu}]/gu, '').length < 2) continue;
    const written = m[0].replace(/\s*(?:--|—|–|-|_)$/u, '').trim();
    return { text: written, place, agency: m[2]?.trim() ?? null };
  }
  return null;
}
