/**
 * Subtypes for organisations and miscellaneous names, from what the name is
 * called in the text or ends with: "Nezavisimaya Gazeta newspaper", "Tass, the
 * state news agency" → media; "BRICS Summit", "World Cup" → event.
 * (Places get theirs from the geo table, nationalities from demonyms.)
 */
import type { Doc } from '../text/doc.js';

const MEDIA_NOUNS = new Set(['newspaper', 'daily', 'weekly', 'agency', 'broadcaster', 'channel', 'magazine', 'radio', 'television', 'tv', 'website', 'outlet', 'network', 'tabloid', 'paper', 'journal', 'newswire', 'wire']);
const MEDIA_NAME = /(?:news|\bTimes|\bPost|\bGazett?[ae]|\bJournal|\bHerald|\bTribune|\bTelegraph|\bGuardian|\bPress|\bTV|\bRadio|\bMedia|\bAgency|\bDaily)$/iu;
const EVENT_NAME = /\b(?:Summit|Conference|Games|Olympics|Cup|Championships?|Festival|War|Forum|Congress|Election|Elections|Open|Grand Prix|Expo|Assembly|Talks)$/u;
const PRODUCT_NAME = /^\p{Lu}[\p{L}]*-\d+\p{L}?$/u; // model designations: "S-300", "Bavar-373", "F-16"

/**
 * @example orgOrMiscSubtype(doc, 'ORGANIZATION', 'Nezavisimaya Gazeta', spans) // 'media' when followed by "newspaper"
 */
export function orgOrMiscSubtype(doc: Doc, type: string, name: string, spans: { tokenStart: number; tokenEnd: number }[]): string | null {
  if (EVENT_NAME.test(name)) return 'event';
  if (type === 'MISC' && PRODUCT_NAME.test(name)) return 'product';
  if (type !== 'ORGANIZATION') return null;
  // The name's last 10 characters decide (the longest ending is 9, plus the \b before it): an
  // unanchored regex over the whole name tried every position.
  if (MEDIA_NAME.test(name.length > 10 ? name.slice(-10) : name)) return 'media';
  const toks = doc.tokens;
  for (const s of spans) {
    // "X newspaper", "X news agency"; "X, the state news agency"; "the X daily"
    const sentence = toks[s.tokenStart]!.sentence;
    for (let i = s.tokenEnd, seen = 0; i < toks.length && seen < 5 && toks[i]!.sentence === sentence; i++, seen++) {
      const w = toks[i]!.text.toLowerCase();
      if (MEDIA_NOUNS.has(w)) return 'media';
      if (seen > 0 && !/^(?:the|a|an|state|news|national|official|daily|weekly|,|[\p{L}]+-(?:run|owned|based))$/u.test(w)) break;
      if (seen === 0 && w !== ',' && !/^(?:news|daily|weekly|state)$/u.test(w) && !MEDIA_NOUNS.has(w)) break;
    }
  }
  return null;
}
