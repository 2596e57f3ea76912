/**
 * Clause structure and modality from tokens alone: clause segments inside a
 * sentence (split at complementisers and strong punctuation), speech inside
 * quotation marks (from the Doc's quoted-span and quote layers), and the cues
 * that make an event negated or irrealis.
 */
import type { Doc } from '../text/doc.js';
import { tokenIndex } from '../text/token-index.js';
import { wordFilter } from '../text/word-filter.js';
import { isSpaceCode } from '../text/chars.js';
import {
  ARTICLES, INTENTION_WORDS, IRREALIS_CLAUSE_WORDS, IRREALIS_NOUN_MODIFIERS, MODALS as MODAL_WORDS, NEGATORS as NEGATOR_WORDS, SCHEDULING_WORDS,
} from '../lang/en/index.js';
import { IRREGULAR_PAST } from '../lang/en/verbs.js';

/** Words that open a subordinate or complement clause. "as" is left out: "as far back as" is no clause. */
export const CLAUSE_OPENERS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'because', 'although', 'though', 'while', 'whereas', 'if', 'unless',
  'whether', 'where', 'when', 'since', 'but', 'despite',
]);
const CLAUSE_PUNCT = new Set([';', ':', '—', '–', '“', '”', '"']);
const MAY_OPEN_CLAUSE = wordFilter([...CLAUSE_OPENERS, ...CLAUSE_PUNCT, 'as']);

/**
 * Clause index of every token (clauses numbered across the document), so that
 * two tokens share a clause when they get the same number.
 *
 * @example
 * clauseIds(createDoc({ text: 'He said that they met.' })) // [0, 0, 1, 1, 1, 1]
 */
export function clauseIds(doc: Doc, /** Where to write them (one per token), when the caller has an array for them. */ out?: Int32Array): Int32Array {
  const { tokens, sentences } = doc;
  const ids = out ?? new Int32Array(tokens.length);
  const { lower, sig } = tokenIndex(doc);
  let id = 0;
  // Sentence by sentence (the sentences cover the tokens in order): no token object is read, the few tokens the
  // filter passes are decided from their lowercased texts (punctuation lowercases to itself), most tokens from the
  // typed signature alone. Each sentence after the first opens a clause.
  for (let s = 0; s < sentences.length; s++) {
    const { tokenStart, tokenEnd } = sentences[s]!;
    if (tokenStart >= tokenEnd) continue;
    if (tokenStart > 0) id++;
    ids[tokenStart] = id;
    for (let i = tokenStart + 1; i < tokenEnd; i++) {
      if (MAY_OPEN_CLAUSE.mayHaveSig(sig[i]!)) {
        const w = lower[i]!;
        // ", as …" opens a reason or comparison clause; a bare "as" does not ("as far back as").
        if (CLAUSE_OPENERS.has(w) || CLAUSE_PUNCT.has(w) || (w === 'as' && lower[i - 1] === ',')) id++;
      }
      ids[i] = id;
    }
  }
  return ids;
}

/** Relative pronouns: a clause they open may interrupt its main clause up to a comma. */
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whom', 'whose']);
const MAY_BE_RELATIVE = wordFilter(RELATIVE_PRONOUNS);
/** Words that, right after a comma, take up a clause a relative clause interrupted: "…, has died", "…, said". */
const RESUMING_WORDS = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'does', 'did',
  'said', 'says', 'told', 'died', 'dies',
]);

/** Past participles that are not -ed forms, opening a reduced relative ("X, born in 1950, has died"). */
const IRREGULAR_PARTICIPLES = new Set([
  'born', 'known', 'held', 'built', 'made', 'set', 'taken', 'written', 'given', 'seen', 'founded', 'run', 'led', 'sold', 'shown', 'won',
  'bought', 'brought', 'chosen', 'drawn', 'driven', 'kept', 'left', 'lost', 'paid', 'put', 'sent', 'spent', 'told', 'thought', 'begun',
]);
/** Dashes that open or close an aside when written with spaces around them (" - … - ", " – … – "). */
const DASHES = new Set(['-', '–', '—']);
/** Forms of be and have: a clause between dashes ("- it is the third -"). */
const CLAUSE_VERBS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'been']);
/** The longest aside between dashes or brackets, in tokens: a longer span is no aside. */
const ASIDE_REACH = 30;

/**
 * Relative clauses that interrupt their main clause between commas ("Lord Scarman, who conducted the inquiry into
 * the 1981 riots, has died"): every token from the relative pronoun to the comma after which the main clause's verb
 * takes up gets the region's number (from 1), every other token 0. `clauseIds` runs such a relative on into the
 * main clause. The participants and places of a verb outside it are not taken inside it (arguments.ts).
 *
 * @example
 * relativeRegions(doc) // "Scarman, who led the 1981 inquiry, has died." → [0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0]
 */
export function relativeRegions(doc: Doc, /** Zeros, one per token, to write them into. */ out: Int32Array = new Int32Array(doc.tokens.length)): Int32Array {
  commaRegions(doc, false, out);
  return out;
}

/**
 * Numbers into `out` (from 1) the relative clauses between commas, and with `participles` reduced relatives too ("The
 * bill, proposed in 1993, has …"); returns how many.
 */
function commaRegions(doc: Doc, participles: boolean, out: Int32Array): number {
  const { tokens, sentences } = doc;
  const { lower, sig } = tokenIndex(doc);
  let region = 0;
  for (let i = 1; i < tokens.length; i++) {
    // Most tokens are neither a relative pronoun nor a word after a comma: decided from the typed signature and the
    // token before, with no string hashed (this runs over every token of the article, twice).
    if (!MAY_BE_RELATIVE.mayHaveSig(sig[i]!) && !(participles && lower[i - 1] === ',')) continue;
    const w = lower[i]!;
    // (The word's own tests first: the token objects, cold in memory, are read only for the few participles.)
    const participle = participles && lower[i - 1] === ',' && (IRREGULAR_PARTICIPLES.has(w) || (w.length > 4 && w.endsWith('ed'))) && tokens[i]!.text === w;
    if (!RELATIVE_PRONOUNS.has(w) && !participle) continue;
    const end = sentences[tokens[i]!.sentence]!.tokenEnd;
    for (let k = i + 1; k + 1 < end; k++) {
      const x = lower[k]!;
      if (x === ';' || x === ':' || RELATIVE_PRONOUNS.has(x)) break;
      if (x !== ',' || !RESUMING_WORDS.has(lower[k + 1]!) || tokens[k + 1]!.text !== lower[k + 1]) continue;
      region++;
      for (let j = i; j <= k; j++) out[j] = region;
      i = k;
      break;
    }
  }
  return region;
}

/** Whether token i is a dash with a space on either side (" - "), not a hyphen. */
const spacedDash = (tokens: Doc['tokens'], i: number) => DASHES.has(tokens[i]!.text) && tokens[i]!.spaceBefore && tokens[i + 1]?.spaceBefore === true;

/**
 * Asides that interrupt their main clause — a time inside one dates nothing outside it, and one outside it
 * nothing inside:
 * - relative clauses between commas ("Lord Scarman, who conducted the inquiry into the 1981 riots, has died") and
 *   reduced relatives, a participle after a comma ("The bill, proposed in 1993, has been approved"), from the
 *   opening word to the comma after which the main clause's verb takes up (`clauseIds` runs such a relative on
 *   into the main clause);
 * - what stands between two spaced dashes or inside brackets in one sentence ("The demand - filed in 1999 - was
 *   rejected", "the film Ray (2004) won").
 * Every token of an aside gets the aside's number (from 1; an aside inside another gets its own), every other token 0.
 *
 * @example
 * asideRegions(doc) // "Scarman, who led the 1981 inquiry, has died." → [0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0]
 */
export function asideRegions(doc: Doc, /** Zeros, one per token, to write them into. */ out: Int32Array = new Int32Array(doc.tokens.length)): Int32Array {
  const { tokens, sentences } = doc;
  const { lower } = tokenIndex(doc);
  let region = commaRegions(doc, true, out);
  for (let i = 0; i < tokens.length; i++) {
    // Only "(" and the DASHES open one: tested on the lowercased text's one character (these tokens lowercase to
    // themselves), with no token object read and no string hashed per token.
    const l = lower[i]!;
    const c = l.length === 1 ? l.charCodeAt(0) : 0;
    if (c !== 0x28 && c !== 0x2d && c !== 0x2013 && c !== 0x2014) continue;
    const t = tokens[i]!.text;
    if (t !== '(' && !spacedDash(tokens, i)) continue;
    const end = Math.min(sentences[tokens[i]!.sentence]!.tokenEnd, i + ASIDE_REACH);
    for (let k = i + 1; k < end; k++) {
      const x = tokens[k]!.text;
      if (t === '(' ? x === '(' : x === '(' || x === ')') break;
      if (t === '(' ? x !== ')' : !spacedDash(tokens, k)) continue;
      // Between dashes, only a clause is an aside: "- filed in 1999 -", "- who took on the Bank of England in the
      // 1990s -"; a phrase with no verb says when or how much of the main clause ("sales fell - between 2002 and 2003 -").
      if (t !== '(' && !hasVerb(lower, i + 1, k)) break;
      region++;
      for (let j = i; j <= k; j++) out[j] = region;
      i = k;
      break;
    }
  }
  return out;
}

/** Whether tokens [from, to) hold a word that is surely a verb: a past form, a form of be or have, or a relative pronoun opening a clause. */
function hasVerb(lower: readonly string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = lower[k]!;
    if (CLAUSE_VERBS.has(w) || RELATIVE_PRONOUNS.has(w) || IRREGULAR_PARTICIPLES.has(w) || IRREGULAR_PAST.has(w) || (w.length > 4 && w.endsWith('ed'))) return true;
  }
  return false;
}

/** `text.slice(from, to).split(/\s+/).length >= 4`, without building the pieces: three runs of white space. */
function atLeastFourPieces(text: string, from: number, to: number): boolean {
  let runs = 0;
  for (let i = from; i < to; i++) {
    if (!isSpaceCode(text.charCodeAt(i))) continue;
    if (++runs === 3) return true;
    while (i + 1 < to && isSpaceCode(text.charCodeAt(i + 1))) i++;
  }
  return false;
}

/** Longer quoted spans are not speech: a runaway mark, not a quotation. */
const MAX_SPEECH = 3000;

/**
 * Character ranges of quoted speech, from the Doc's layers: quoted spans (marks
 * included) that run to four words or more — shorter quoted phrases are scare
 * quotes, e.g. a ‘working meeting’ — and are closed or go on in the next
 * paragraph, plus the direct and partial quotes of the quote stage.
 */
export function speechRanges(doc: Doc): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const q of doc.quotedSpans) {
    if ((q.closed || q.continues) && q.closeEnd - q.open <= MAX_SPEECH + 1 && atLeastFourPieces(doc.text, q.open, q.closeEnd)) out.push([q.open, q.closeEnd]);
  }
  for (const q of doc.quotes) if (q.kind !== 'indirect') out.push([q.start, q.end]);
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * A test for "inside one of these ranges" (ranges sorted by start, as `speechRanges` returns
 * them; they may overlap or nest). Exact: a position is covered when the largest end among the
 * ranges starting at or before it lies beyond it — one binary search per question.
 *
 * @example
 * const inside = rangeTest([[0, 10], [2, 4], [3, 5]]);
 * inside(7); // true (the first range)
 * inside(10); // false
 */
export function rangeTest(ranges: ReadonlyArray<readonly [number, number]>): (pos: number) => boolean {
  const maxEnd = new Float64Array(ranges.length);
  let m = -Infinity;
  ranges.forEach(([, end], i) => (maxEnd[i] = m = Math.max(m, end)));
  return (pos: number) => {
    let lo = 0;
    let hi = ranges.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]![0] <= pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best >= 0 && maxEnd[best]! > pos;
  };
}

const NEGATORS = new Set<string>(NEGATOR_WORDS);
const MODALS = new Set<string>(MODAL_WORDS);
const IRREALIS_NOUN_MODS = new Set<string>(IRREALIS_NOUN_MODIFIERS);
const IRREALIS_CLAUSE = new Set<string>(IRREALIS_CLAUSE_WORDS);
const INTENTION = new Set<string>(INTENTION_WORDS);
/** "be to", "scheduled to", "due to": infinitives that report a scheduled event rather than an intention. */
const SCHEDULING = new Set<string>(SCHEDULING_WORDS);

/** Verbs whose object did not happen: "avoided bankruptcy", "averted a strike", "prevented a takeover". */
const AVERTING = new Set(['avoid', 'avoids', 'avoided', 'avoiding', 'avert', 'averts', 'averted', 'averting', 'prevent', 'prevents', 'prevented', 'preventing']);
/**
 * Verbs that call off or turn down what they govern: a deal "rejected", a tour "cancelled", a merger "blocked" did not
 * go ahead. (The learned factuality's cue list has these too, but a lexicon trigger the detector did not take is
 * never asked of it.)
 */
const CALLING_OFF = new Set([
  'reject', 'rejects', 'rejected', 'rejecting', 'cancel', 'cancels', 'cancelled', 'canceled', 'cancelling', 'scrap', 'scraps', 'scrapped',
  'scrapping', 'abandon', 'abandons', 'abandoned', 'abandoning', 'block', 'blocks', 'blocked', 'blocking', 'veto', 'vetoes', 'vetoed',
  'vetoing', 'shelve', 'shelves', 'shelved', 'shelving', 'postpone', 'postpones', 'postponed', 'postponing', 'call', 'calls', 'called',
  'calling', 'turn', 'turns', 'turned', 'turning', 'throw', 'throws', 'threw', 'thrown', 'throwing',
]);
/** Particles that make "call", "turn" and "throw" calling off: "called off the strike", "turned down the bid". */
const CALLING_OFF_PARTICLE: Record<string, string> = { call: 'off', calls: 'off', called: 'off', calling: 'off', turn: 'down', turns: 'down', turned: 'down', turning: 'down', throw: 'out', throws: 'out', threw: 'out', thrown: 'out', throwing: 'out' };
/** What may stand between a calling-off verb and the event noun it governs: "rejected a $8bn takeover bid". */
const NOUN_PHRASE_START = /^(?:the|a|an|its|his|her|their|our|this|that|any|proposed|planned|\$?[\d.,]+(?:bn|m)?|['’]s|\p{Lu}[\p{L}.&-]*)$/u;

const STAVE = new Set(['stave', 'staves', 'staved', 'staving', 'fend', 'fends', 'fended', 'fending', 'ward', 'warded', 'warding']);

/** Adverbs between "was" and the participle: "was also cancelled", "has since been scrapped". */
export const PASSIVE_ADVERBS = new Set(['also', 'later', 'eventually', 'subsequently', 'finally', 'then', 'since', 'now', 'already', 'quickly', 'hastily', 'been']);
const PASSIVE_BE = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);
/** Words that end the noun's phrase before its verb: punctuation, clause openers, another verb. */
const PHRASE_STOPS = new Set([',', ';', ':', '.', '(', ')', '"', 'that', 'which', 'who', 'said', 'says', 'after', 'before', 'because', 'when', 'while', 'but', 'as']);

/** Whether the noun at i is the subject of a passive that calls it off, within eight words ("… was also cancelled"). */
function calledOffAfter(toks: Doc['tokens'], clause: Int32Array, i: number, lower: readonly string[]): boolean {
  const c = clause[i]!;
  for (let k = i + 1; k < toks.length && k <= i + 8 && clause[k] === c; k++) {
    const w = lower[k]!;
    if (PHRASE_STOPS.has(w)) return false;
    if (!PASSIVE_BE.has(w)) continue;
    let m = k + 1;
    while (m < toks.length && m <= k + 3 && (PASSIVE_ADVERBS.has(lower[m]!) || lower[m]!.endsWith('ly'))) m++;
    const v = lower[m] ?? '';
    return (v === 'called' && lower[m + 1] === 'off') || CALLED_OFF.test(v);
  }
  return false;
}
/** Participles that call an event off: cancelled, scrapped, postponed, abandoned, shelved, aborted, called off. */
const CALLED_OFF = /^(?:cancel(?:l)?ed|scrapped|postponed|abandoned|shelved|aborted|axed|dropped)$/;

export type Modality = { ok: true } | { ok: false; why: string };

/** Verbs whose infinitive happened: beginning, going on, managing ("started to pay", "went on to play", "managed to win"). */
export const IMPLICATIVE = new Set(['started', 'starts', 'starting', 'began', 'begun', 'begins', 'beginning', 'continued', 'continues', 'continuing', 'managed', 'manages']);
export const GO_FORMS = new Set(['went', 'go', 'goes', 'going', 'gone']);
/** Changes by a factor, which "almost" measures rather than denies: "almost doubled". */
const MULTIPLIED = new Set(['doubled', 'tripled', 'trebled', 'quadrupled', 'halved', 'doubles', 'triples', 'halves']);
const ARTICLE_WORDS = new Set<string>(ARTICLES);

/**
 * Whether the trigger at token i reports an actual (or scheduled) event: not
 * negated, not under a modal or condition, not an intention ("plan to attack"),
 * not a noun with an irrealis determiner ("any strike").
 */
/** How far clause walks look from a token, each way: clauses of hostile inputs can be millions of tokens long. */
export const CLAUSE_REACH = 40;

export function modality(doc: Doc, clause: Int32Array, i: number, pos: 'verb' | 'noun', lowerText: readonly string[] = tokenIndex(doc).lower): Modality {
  const toks = doc.tokens;
  const c = clause[i]!;
  const lower = (k: number) => lowerText[k] ?? '';
  // Clause-level cues.
  // Bounded look-back: clauses of hostile inputs can be millions of tokens long.
  for (let k = i - 1; k >= 0 && k >= i - CLAUSE_REACH && clause[k] === c; k--) {
    const w = lower(k);
    if (IRREALIS_CLAUSE.has(w)) return { ok: false, why: `irrealis clause "${toks[k]!.text}"` };
    if (i - k <= 6 && MODALS.has(w)) return { ok: false, why: `modal "${toks[k]!.text}"` };
    if (i - k <= 3 && NEGATORS.has(w)) return { ok: false, why: `negated by "${toks[k]!.text}"` };
  }
  for (let k = i + 1; k < toks.length && clause[k] === c && k <= i + 4; k++) {
    if (IRREALIS_CLAUSE.has(lower(k))) return { ok: false, why: `irrealis "${toks[k]!.text}"` };
  }
  if (pos === 'verb') {
    const prev = lower(i - 1);
    // "almost collapsed", "nearly died": it did not happen ("almost doubled" is a change that mostly did).
    if ((prev === 'almost' || prev === 'nearly') && !MULTIPLIED.has(lower(i))) return { ok: false, why: `negated: "${toks[i - 1]!.text}" (it did not happen)` };
    // Infinitives are intentions, except scheduled ("are to meet") and perfect ("to have approved") ones.
    if (prev === 'to') {
      // "went on to play", "started to pay dividends", "managed to win": the infinitive happened.
      const implicative = IMPLICATIVE.has(lower(i - 2)) || (lower(i - 2) === 'on' && GO_FORMS.has(lower(i - 3)));
      if (!SCHEDULING.has(lower(i - 2)) && !implicative) return { ok: false, why: 'infinitive (intention, not occurrence)' };
    }
    if ((prev === 'have' || prev === 'has') && lower(i - 2) === 'to' && !SCHEDULING.has(lower(i - 3)) && lower(i - 3) !== 'known' && lower(i - 3) !== 'said' && lower(i - 3) !== 'reported' && lower(i - 3) !== 'believed') {
      // "plans to have signed" stays irrealis; "is known to have approved" is reported fact.
      return { ok: false, why: 'perfect infinitive of intention' };
    }
  } else {
    // A noun that is the subject of a modal ("a bankruptcy would lead to…") is hypothetical.
    for (let k = i + 1; k <= i + 2 && k < toks.length && clause[k] === c; k++) {
      if (MODALS.has(lower(k))) return { ok: false, why: `subject of modal "${toks[k]!.text}"` };
    }
    for (let k = i - 1; k >= 0 && k >= i - 3 && clause[k] === c; k--) {
      const w = lower(k);
      if (IRREALIS_NOUN_MODS.has(w)) return { ok: false, why: `irrealis determiner "${toks[k]!.text}"` };
      if (w === 'planning' || w === 'plan' || w === 'plans' || w === 'threat' || w === 'threatened' || w === 'risk') return { ok: false, why: `intention "${toks[k]!.text}"` };
    }
    // "avoided bankruptcy", "struggling to avert a strike", "staved off collapse": it did not happen.
    for (let k = i - 1; k >= 0 && k >= i - 3 && clause[k] === c; k--) {
      const w = lower(k);
      if (AVERTING.has(w) || (w === 'off' && STAVE.has(lower(k - 1)))) return { ok: false, why: `negated: "${toks[k]!.text}" (averted)` };
    }
    // "MCI had rejected a deal", "called off the strike", "turned down the takeover": the object of a verb that calls it
    // off, with at most a few determiners, amounts or names between.
    for (let k = i - 1; k >= 0 && k >= i - 4 && clause[k] === c; k--) {
      let w = lower(k);
      let verb = k;
      if (w === 'off' || w === 'down' || w === 'out') verb = k - 1;
      w = lower(verb);
      // Not an infinitive: "a motion to throw out the bankruptcy filing" has not thrown it out.
      if (CALLING_OFF.has(w) && (CALLING_OFF_PARTICLE[w] ?? '') === (verb === k ? '' : lower(k)) && lower(verb - 1) !== 'to') return { ok: false, why: `cancelled: object of "${toks[verb]!.text}"` };
      if (!NOUN_PHRASE_START.test(toks[k]!.text)) break;
    }
    // "a debate between Mr Blair and John Major was also cancelled", "the match has been postponed": the noun is the
    // subject of a passive that calls it off.
    if (calledOffAfter(toks, clause, i, lowerText)) return { ok: false, why: 'cancelled: subject of a passive that calls it off' };
    // The object of an intention or directive ("prioritised the resumption of negotiations", "called for talks") has not happened yet.
    for (let k = i - 1; k >= 0 && k >= i - 5 && clause[k] === c; k--) {
      if (INTENTION.has(lower(k))) return { ok: false, why: `object of intention "${toks[k]!.text}"` };
    }
    // "of the event" after a noun such as "the risk", "a plan", "threat"
    const p1 = lower(i - 1);
    const p2 = lower(i - 2);
    const p3 = lower(i - 3);
    // "close to bankruptcy", "on the brink of collapse", "the verge of a strike": it has not happened.
    if ((p1 === 'to' && p2 === 'close') || ((p1 === 'of' || (p2 === 'of' && ARTICLE_WORDS.has(p1))) && /^(?:brink|verge|edge)$/.test(p1 === 'of' ? p2 : p3))) {
      return { ok: false, why: 'possibility: on the brink, not occurrence' };
    }
    if ((p1 === 'of' || p2 === 'of' || p3 === 'of') && /^(?:risk|threat|possibility|prospect|danger|plan|plans|idea|fear|fears|threats)$/.test(p1 === 'of' ? p2 : p2 === 'of' ? p3 : lower(i - 4))) {
      return { ok: false, why: 'possibility, not occurrence' };
    }
  }
  return { ok: true };
}
