/**
 * Who could be the source of an attribution: the recogniser's mentions,
 * subject pronouns, role descriptions ("a senior official", "the spokesman")
 * and capitalised names the recogniser missed, within the cue's sentence. The
 * ranker (`speaker.ts`) chooses among them.
 */
import { DESCRIPTION_NOUNS } from '../lexicon.js';
import { BETWEEN_SUBJECT_VERB } from './features.js';
import { cacheOf, type TokenView, type TypedSpan } from './input.js';

/** Subject and relative pronouns that can stand for a source. */
export const SOURCE_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'who', 'his', 'her', 'their', 'my', 'our', 'its', 'him', 'them', 'me', 'us']);

/** Heads of quantified or collective sources: "41 percent said", "many believe", "others argued". */
const GROUP_HEADS = new Set(['percent', '%', 'many', 'most', 'some', 'others', 'majority', 'half', 'everyone', 'nobody', 'few']);

/** Words that, when capitalised, are not names on their own. */
const NOT_NAMES = new Set(['the', 'a', 'an', 'but', 'and', 'or', 'in', 'on', 'at', 'for', 'to', 'of', 'as', 'if', 'when', 'while', 'this', 'that', 'these', 'those', 'there', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'its', 'after', 'before', 'since', 'with', 'by', 'from', 'so', 'yet', 'still', 'also', 'then', 'now', 'mr.', 'mrs.', 'ms.', 'dr.',
  // Dates are never sources.
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday', 'tomorrow']);

export const MAX_REACH = 50;

/**
 * Candidates in the sentence of `cueStart`, at most MAX_REACH tokens from the
 * cue, in text order; a description is its head noun (the ranker's unit).
 */
export function speakerCandidates(view: TokenView, cueStart: number, cueEnd: number): TypedSpan[] {
  const s = view.sentence[cueStart]!;
  const from = Math.max(view.sentenceStart[s]!, cueStart - MAX_REACH);
  const to = Math.min(view.sentenceEnd[s]!, cueEnd + MAX_REACH);
  const { mentionOf } = cacheOf(view);
  const out: TypedSpan[] = [];
  for (let k = from; k < to; k++) {
    if (k >= cueStart && k < cueEnd) continue;
    const mi = mentionOf[k]!;
    if (mi >= 0) {
      const m = view.mentions[mi]!;
      if (m.tokenStart === k || k === from) {
        out.push({ tokenStart: k, tokenEnd: Math.min(m.tokenEnd, to), type: m.type });
      }
      continue;
    }
    const w = view.lower[k]!;
    if (SOURCE_PRONOUNS.has(w)) out.push({ tokenStart: k, tokenEnd: k + 1, type: 'PRONOUN' });
    else if (DESCRIPTION_NOUNS.has(w) || GROUP_HEADS.has(w)) out.push({ tokenStart: k, tokenEnd: k + 1, type: 'DESCRIPTION' });
    else if (isCapitalisedName(view, k) && k > view.sentenceStart[s]!) {
      let e = k + 1;
      while (e < to && mentionOf[e] === -1 && isCapitalisedName(view, e) && !(e >= cueStart && e < cueEnd)) e++;
      out.push({ tokenStart: k, tokenEnd: e, type: 'PROPER' });
      k = e - 1;
    }
  }
  addNouns(view, cueStart, cueEnd, from, to, out);
  return out;
}

/** Words that are never the head of a source phrase. */
const NOT_NOUNS = new Set([...NOT_NAMES, 'to', 'that', 'which', 'what', 'not', 'never', 'also', 'has', 'have', 'had', 'is', 'was', 'are', 'were', 'be', 'been', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'does', 'do', 'said', 'says', 'say', 'told', 'just', 'even', 'only', 'very', 'all', 'both', 'each', 'every', 'than', 'about', 'into', 'over', 'up', 'out', 'who', 'whom', 'whose', 'how', 'why', 'where', 'more', 'most', 'no', 'yes', 'some', 'any']);

/**
 * The noun right before the cue ("records show", "the report said") and the
 * first noun after it ("said the report", "according to the analysis"), when no
 * other candidate stands there.
 */
function addNouns(view: TokenView, cueStart: number, cueEnd: number, from: number, to: number, out: TypedSpan[]): void {
  const covered = (k: number) => out.some((c) => k >= c.tokenStart && k < c.tokenEnd);
  let k = cueStart - 1;
  while (k >= from && (BETWEEN_SUBJECT_VERB.has(view.lower[k]!) || view.lower[k]!.endsWith('ly'))) k--;
  if (k >= from && isNoun(view, k) && !covered(k)) insert(out, { tokenStart: k, tokenEnd: k + 1, type: 'NOUN' });
  k = cueEnd;
  if (view.lower[k] === 'to') k++;
  for (let steps = 0; k < to && steps < 4; k++, steps++) {
    if (covered(k)) break;
    const w = view.lower[k]!;
    if (w === 'the' || w === 'a' || w === 'an' || w === 'this' || w === 'its' || w === 'their' || w === 'his' || w === 'her' || w === 'new' || w === 'latest' || w === 'recent') continue;
    if (isNoun(view, k)) insert(out, { tokenStart: k, tokenEnd: k + 1, type: 'NOUN' });
    break;
  }
}

function isNoun(view: TokenView, k: number): boolean {
  const w = view.lower[k]!;
  return /^\p{Ll}[\p{Ll}-]+$/u.test(view.texts[k]!) && !NOT_NOUNS.has(w) && !w.endsWith('ly') && !w.endsWith('ing') && !(w.endsWith('ed') && w.length > 4);
}

function insert(out: TypedSpan[], c: TypedSpan): void {
  let i = out.length;
  while (i > 0 && out[i - 1]!.tokenStart > c.tokenStart) i--;
  out.splice(i, 0, c);
}

function isCapitalisedName(view: TokenView, k: number): boolean {
  const t = view.texts[k]!;
  const c = t.charCodeAt(0);
  return c >= 0x41 && c <= 0x5a && t.length > 1 && !NOT_NAMES.has(view.lower[k]!);
}
