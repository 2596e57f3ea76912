/**
 * Subtypes for organisations and miscellaneous names, from what the name is
 * called in the text or ends with: "Nezavisimaya Gazeta newspaper", "Tass, the
 * state news agency" → media; "BRICS Summit", "World Cup" → event; "Human Rights Act" → law.
 * (Places get theirs from the geo table, nationalities from demonyms.)
 */
import type { Doc } from '../text/doc.js';
import { tokenIndex } from '../text/token-index.js';

const MEDIA_NOUNS = new Set(['newspaper', 'daily', 'weekly', 'agency', 'broadcaster', 'channel', 'magazine', 'radio', 'television', 'tv', 'website', 'outlet', 'network', 'tabloid', 'paper', 'journal', 'newswire', 'wire']);
/** Last words of media names ("… Times", "… Gazette"); any word ending in "news" too ("Sky News", "Newsnews"). */
const MEDIA_ENDINGS = ['times', 'post', 'gazeta', 'gazete', 'gazetta', 'gazette', 'journal', 'herald', 'tribune', 'telegraph', 'guardian', 'press', 'tv', 'radio', 'media', 'daily'];
const EVENT_NAME = /\b(?:Summit|Conference|Games|Olympics|Cup|Championships?|Festival|War|Forum|Congress|Election|Elections|Open|Grand Prix|Expo|Assembly|Talks)$|^(?:Six|Five|Tri)[ -]Nations$/u;
/**
 * Names that end like a happening's and never like a body's: "Athens Olympics", "Berlin Film Festival",
 * "European Indoor Championships", "General Election" (MISC, as CoNLL types events). Not Congress, Assembly,
 * Conference or Forum, which also end the names of bodies ("US Congress", "Welsh Assembly"), nor Games
 * ("Rockstar Games"). The rugby championships named for their nations count ("Six Nations", "Tri-Nations").
 */
const HAPPENING_NAME = /\s(?:Olympics|Championships?|Festival|Grand Prix|Expo|Elections?|Cup|Open|Show)$|^(?:Six|Five|Tri)[ -]Nations$/u;
/** Trade and public shows, which are events ("Consumer Electronics Show", "Geneva Motor Show"); a TV show is a work. */
const SHOW_EVENT = /\s(?:Motor|Auto|Electronics|Air|Flower|Boat|Trade|Car)\s+Show$/u;
/** Words naming the kind of a sports meeting before "Games": "Commonwealth Games", "Boston Indoor Games". */
const GAMES_KINDS = new Set(['olympic', 'commonwealth', 'paralympic', 'asian', 'winter', 'summer', 'indoor', 'youth', 'highland', 'mediterranean', 'island', 'goodwill', 'arab', 'african', 'european', 'world', 'pan', 'gay', 'special']);

/** Laws, bills and treaties: "Freedom of Information Act", "Finance Bill", "Kyoto Protocol" (MISC, as CoNLL types them). */
const LAW_NAME = /\s(?:Act|Bill|Treaty|Protocol|Directive|Amendment|Agreement|Accord)$/u;
const PRODUCT_NAME = /^\p{Lu}[\p{L}]*-\d+\p{L}?$/u; // model designations: "S-300", "Bavar-373", "F-16"

/**
 * Whether a name ends like a media outlet's: a MEDIA_ENDINGS word after a word
 * boundary, or "news". (A case-insensitive Unicode regex did this at ~1% of the
 * whole pipeline's time.)
 * @example isMediaName('The Moscow Times') // true; isMediaName('BBC Radio 4') // true; isMediaName('Postman') // false
 */
export function isMediaName(name: string): boolean {
  let lw = name.toLowerCase();
  // "BBC Radio 4", "BBC News 24": a station's number after the outlet's word.
  const last = lw.charCodeAt(lw.length - 1);
  if (last >= 48 && last <= 57) lw = lw.replace(/ \d+$/u, '');
  if (lw.endsWith('news')) return true;
  // "Agency" alone is no outlet ("US Anti-Doping Agency", "Central Intelligence Agency"); a news or press agency is.
  if (lw.endsWith(' news agency') || lw.endsWith(' press agency') || lw === 'press agency') return true;
  for (const e of MEDIA_ENDINGS) {
    if (!lw.endsWith(e)) continue;
    const before = lw.length - e.length - 1;
    if (before < 0 || !isWordCode(lw.charCodeAt(before))) return true;
  }
  return false;
}

/** A character of \w: ASCII letter, digit or underscore. */
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Whether a name of several words ends like a happening's that no body's name ends with ("… Olympics", "… Festival").
 * @example isHappeningName('Athens Olympics') // true; isHappeningName('US Congress') // false
 */
export function isHappeningName(name: string): boolean {
  return HAPPENING_NAME.test(name);
}

/**
 * Whether a name ending in "Games" is a sports meeting: a kind of meeting ("Commonwealth Games", "Olympic Games") or
 * a place (`isPlace`: "the Athens Games", "the 2002 Manchester Games") before it. Game makers are named otherwise
 * ("Rockstar Games", "Argonaut Games").
 * @example isGamesMeeting('Sydney Games', (w) => w === 'Sydney') // true; isGamesMeeting('Rockstar Games', () => false) // false
 */
export function isGamesMeeting(name: string, isPlace: (words: string) => boolean): boolean {
  if (!name.endsWith(' Games')) return false;
  const before = name.slice(0, -' Games'.length);
  return before.split(' ').some((w) => GAMES_KINDS.has(w.toLowerCase())) || isPlace(before);
}

/**
 * Whether a name of several words ends like a law's, bill's or treaty's ("… Act", "… Bill", "… Treaty").
 * @example isLawName('Human Rights Act') // true; isLawName('Act') // false
 */
export function isLawName(name: string): boolean {
  return LAW_NAME.test(name);
}

/**
 * @example orgOrMiscSubtype(doc, 'ORGANIZATION', 'Nezavisimaya Gazeta', spans) // 'media' when followed by "newspaper"
 */
export function orgOrMiscSubtype(doc: Doc, type: string, name: string, spans: { tokenStart: number; tokenEnd: number }[]): string | null {
  if (EVENT_NAME.test(name) || SHOW_EVENT.test(name)) return 'event';
  if (type === 'MISC' && PRODUCT_NAME.test(name)) return 'product';
  if (type === 'MISC' && LAW_NAME.test(name)) return 'law';
  if (type !== 'ORGANIZATION') return null;
  if (isMediaName(name)) return 'media';
  const toks = doc.tokens;
  const lower = tokenIndex(doc).lower;
  for (const s of spans) {
    // "X newspaper", "X news agency"; "X, the state news agency"; "the X daily"
    const sentence = toks[s.tokenStart]!.sentence;
    for (let i = s.tokenEnd, seen = 0; i < toks.length && seen < 5 && toks[i]!.sentence === sentence; i++, seen++) {
      const w = lower[i]!;
      if (MEDIA_NOUNS.has(w)) return 'media';
      if (seen > 0 && !/^(?:the|a|an|state|news|national|official|daily|weekly|,|[\p{L}]+-(?:run|owned|based))$/u.test(w)) break;
      if (seen === 0 && w !== ',' && !/^(?:news|daily|weekly|state)$/u.test(w) && !MEDIA_NOUNS.has(w)) break;
    }
  }
  return null;
}
