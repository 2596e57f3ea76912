/**
 * Direct and partial quotations: attributes each quoted span to a cue and a
 * speaker, groups pieces split by their attribution or continued over
 * paragraphs, and rejects scare quotes and titles.
 */
import type { DocEntity as Entity } from '../text/doc.js';
import { isAsciiAlnumCode, isSpaceCode } from '../text/chars.js';
import { tokenAt, type QuoteContext } from './context.js';
import { endsWith } from './suffix.js';
import { CUE_WORD, cueAt, cueWordKinds, type Cue } from './cues.js';
import { ADDRESSEE_LEMMAS, DESCRIPTION_NOUNS, DETERMINERS, PRONOUNS, SPEECH_FORMS, TO_ADDRESSEE_LEMMAS } from './lexicon.js';
import type { QuotedSpan } from '../text/doc.js';
import { candidatesIn, nounPhrase, phraseAfter, quotedAsSaying, remember, subjectOf, toSpeaker, type Candidate, type FoundSpeaker, type SpeakerHistory } from './speaker.js';

export interface Attribution {
  cue: Cue;
  speaker: FoundSpeaker | null;
  addressee: Entity | null;
  /** The cue introduces the quotation directly ("X said: “…”", "“…,” X said"). */
  adjacent: boolean;
  position: 'before' | 'after';
}

export interface DirectQuote {
  span: QuotedSpan;
  start: number;
  end: number;
  kind: 'direct' | 'partial';
  attribution: Attribution | null;
  /** Index (in the result list) of the first piece of the quotation this one continues, or -1. */
  groupWith: number;
}

const WINDOW = 40;
export const NAMING_LEMMAS = new Set(['call', 'describe', 'label', 'dub', 'brand', 'term', 'characterize', 'characterise', 'blast', 'slam', 'denounce', 'condemn', 'decry', 'mock', 'ridicule', 'praise', 'hail', 'laud', 'criticize', 'criticise', 'attack', 'dismiss', 'refer']);
const DASHES = new Set(['—', '―', '–', '-', '--']);

/** Finds a cue before the quotation in its sentence, or in the previous one when that ends with a colon. */
function cueBefore(ctx: QuoteContext, q: QuotedSpan, history: SpeakerHistory): Attribution | null {
  const { doc, lower, quoteOf } = ctx;
  const openTok = tokenAt(ctx, q.open);
  const sent = doc.tokens[openTok]?.sentence ?? 0;
  let floor = Math.max(doc.sentences[sent]!.tokenStart, openTok - WINDOW);
  let limit = openTok;
  let hasWords = false;
  for (let k = floor; k < openTok && !hasWords; k++) if (quoteOf[k]! < 0 && ctx.word[k]) hasWords = true;
  if (!hasWords && sent > 0) {
    // "Ryabkov said:" ending the previous sentence or paragraph.
    const S = doc.sentences[sent - 1]!;
    const last = lower[S.tokenEnd - 1];
    if (last === ':' || last === ',') {
      floor = Math.max(S.tokenStart, S.tokenEnd - WINDOW);
      limit = S.tokenEnd;
    }
  }
  const kinds = cueWordKinds(ctx);
  for (let k = limit - 1; k >= floor; k--) {
    if (quoteOf[k]! >= 0 || !(kinds[k]! & CUE_WORD)) continue; // (no cue can sit on other words)
    // Weak verbs ("called him a “loser”") count when the quotation follows closely.
    let cue = cueAt(ctx, k, false) ?? cueAt(ctx, k, true);
    if (!cue && limit - k <= 14) {
      const c = cueAt(ctx, k, false, true);
      if (c && NAMING_LEMMAS.has(c.lemma)) cue = c;
    }
    if (!cue) continue;
    const sFloor = doc.sentences[doc.tokens[k]!.sentence]!.tokenStart;
    let cand: Candidate | null;
    if (cue.form === 'according' || cue.form === 'toQuote' || cue.form === 'quoted') cand = phraseAfter(ctx, cue.tokenEnd, limit);
    else cand = subjectOf(ctx, cue.tokenStart, Math.max(sFloor, cue.tokenStart - WINDOW));
    // "Said Stone:" / "Stated the spokesman:": the speaker follows a sentence-initial verb.
    if (!cand && cue.tokenStart === sFloor) cand = phraseAfter(ctx, cue.tokenEnd, limit);
    if (cue.form === 'quoted' && !cand) continue;
    const addressee = addresseeAfter(ctx, cue, limit);
    const speaker = cand ? toSpeaker(ctx, cand, history, sFloor, cue.tokenStart) : null;
    return { cue, speaker, addressee, adjacent: isAdjacent(ctx, cue, limit), position: 'before' };
  }
  return null;
}

/** The colon right before the quotation, in its sentence or ending the previous one ("… though: ¶ “…”"), or −1. */
function colonBefore(ctx: QuoteContext, q: QuotedSpan): number {
  const { doc, lower } = ctx;
  const openTok = tokenAt(ctx, q.open);
  if (lower[openTok - 1] === ':') return openTok - 1;
  const sent = doc.tokens[openTok]?.sentence ?? 0;
  const S = doc.sentences[sent]!;
  if (sent === 0 || S.tokenStart !== openTok) return -1;
  const prev = doc.sentences[sent - 1]!;
  return lower[prev.tokenEnd - 1] === ':' ? prev.tokenEnd - 1 : -1;
}

/**
 * "- Blackburn boss Mark Hughes: “…”", "Mr Dean is confident though: “…”": with no verb of saying, a colon
 * introducing the quotation gives it to the subject opening the clause before the colon — a person by
 * name (titles before it allowed), he/she or a role description; nothing else may precede that subject.
 */
function colonSubject(ctx: QuoteContext, colon: number, history: SpeakerHistory): Attribution | null {
  const { doc, lower, quoteOf } = ctx;
  const S = doc.sentences[doc.tokens[colon]!.sentence]!;
  let k = S.tokenStart;
  while (k < colon && !ctx.word[k]) k++; // a dash or bullet
  if (lower[k] === 'but' || lower[k] === 'and') k++;
  if (colon - k > 12) return null;
  for (let j = k; j < colon; j++) if (quoteOf[j]! >= 0) return null;
  const cand = subjectOf(ctx, colon, k);
  if (!cand || !speaksInPerson(ctx, cand)) return null;
  // Only capitalised words (a title, an organisation) or role nouns before the subject.
  for (let j = k; j < cand.tokenStart; j++) if (ctx.word[j] && !ctx.cap[j] && !DESCRIPTION_NOUNS.has(lower[j]!)) return null;
  if (/^['’]s?$/.test(lower[cand.tokenEnd] ?? '')) return null; // "Labour's slogan"
  const cue: Cue = { form: 'colon', lemma: ':', tokenStart: colon, tokenEnd: colon + 1 };
  return { cue, speaker: toSpeaker(ctx, cand, history, S.tokenStart, colon), addressee: null, adjacent: true, position: 'before' };
}

/** A person by name, he/she, or a role description. */
function speaksInPerson(ctx: QuoteContext, c: Candidate): boolean {
  if (c.kind === 'entity') return c.entity!.type === 'PERSON';
  if (c.kind === 'pronoun') return ctx.lower[c.tokenStart] === 'he' || ctx.lower[c.tokenStart] === 'she';
  return c.kind === 'proper' || c.kind === 'description';
}

/** Only an addressee, a short phrase, and a comma, colon or "that" separate the cue from the quotation. */
function isAdjacent(ctx: QuoteContext, cue: Cue, limit: number): boolean {
  if (limit - cue.tokenEnd > 12) return false;
  if (cue.form === 'according' || cue.form === 'toQuote' || cue.form === 'quoted') return true;
  let k = limit - 1;
  while (k >= cue.tokenEnd && ctx.quoteOf[k]! >= 0) k--;
  if (k < cue.tokenEnd) return true;
  const w = ctx.lower[k]!;
  if (w === ',' || w === ':' || w === 'that' || w === '—' || w === '–') return true;
  // "told them “…”", "told Pezeshkian “…”"
  return limit - cue.tokenEnd <= 3 && ADDRESSEE_LEMMAS.has(cue.lemma);
}

/** The addressee of "told X", "assured X", "suggested to X". */
export function addresseeAfter(ctx: QuoteContext, cue: Cue, limit: number): Entity | null {
  if (cue.form !== 'verb') return null;
  let k = cue.tokenEnd;
  while (k < limit && endsWith(ctx.lower[k]!, 'ly')) k++;
  if (TO_ADDRESSEE_LEMMAS.has(cue.lemma) && ctx.lower[k] === 'to') k++;
  else if (!ADDRESSEE_LEMMAS.has(cue.lemma)) return null;
  while (k < limit && DETERMINERS.has(ctx.lower[k]!)) k++;
  const mi = ctx.mentionOf[k];
  if (mi === undefined || mi < 0 || k >= limit) return null;
  const e = ctx.mentions[mi]!.entity;
  return e.type === 'PERSON' || e.type === 'ORGANIZATION' || e.type === 'LOCATION' ? e : null;
}

/** Finds "…," he said / said X / according to X right after the quotation. */
function cueAfter(ctx: QuoteContext, q: QuotedSpan, history: SpeakerHistory): Attribution | null {
  if (!q.closed) return null;
  const { doc, lower, quoteOf } = ctx;
  const kinds = cueWordKinds(ctx);
  const closeTok = tokenAt(ctx, q.closeEnd - 1);
  const sent = doc.tokens[closeTok]?.sentence;
  if (sent === undefined) return null;
  let sEnd = doc.sentences[sent]!.tokenEnd;
  const from = closeTok + 1;
  // "“Why not?” Clinton asked." — the splitter ended the sentence at the question mark.
  const nextS = doc.sentences[sent + 1];
  // Longer when the attribution opens it and goes on: "“Why …?” Lichtman said about McCain's effort to …".
  if (from >= sEnd && nextS && nextS.paragraph === doc.sentences[sent]!.paragraph && (nextS.tokenEnd - nextS.tokenStart <= 12 || opensWithCue(ctx, nextS.tokenStart, nextS.tokenEnd))) sEnd = nextS.tokenEnd;
  const lastChar = doc.text.slice(Math.max(q.start, q.end - 8), q.end).replace(/[\s'’"”]+$/u, '').slice(-1);
  const firstAfter = lower[from];
  // "“…,” he said" / "“…?” asked X" / "“…” — X said": the quotation leads into the attribution.
  const leads =
    /[,?!—–…-]/.test(lastChar) || DASHES.has(firstAfter ?? '') || firstAfter === ',' || firstAfter === '—' || firstAfter === '–' ||
    (firstAfter !== undefined && (PRONOUNS.has(firstAfter) || SPEECH_FORMS.has(firstAfter)) && /^\p{Ll}/u.test(doc.tokens[from]!.text));
  let start = from;
  if (!leads) {
    // "“Many would consider that an embarrassment” if she lost, said David Wasserman, an analyst.": the
    // sentence goes on past the quotation and ends with its attribution after a comma.
    start = trailingAttributionStart(ctx, q, from, sEnd);
    if (start < 0) return null;
  }
  // "“…,” and vowed to …": the sentence goes on, nobody is introduced.
  const afterComma = firstAfter === ',' ? lower[from + 1] : firstAfter;
  if (leads && (afterComma === 'and' || afterComma === 'but' || afterComma === 'or')) return null;
  let limit = Math.min(sEnd, start + 24);
  let words = 0;
  // "“…,” Trump, the 2016 GOP frontrunner …, said": skip an appositive after the speaker's name.
  const lead = candidatesIn(ctx, from, Math.min(sEnd, from + 6))[0];
  if (lead && (lead.kind === 'entity' || lead.kind === 'proper') && lead.tokenStart - from <= 3 && lower[lead.tokenEnd] === ',') {
    // Up to three comma-separated appositive pieces: "Scott Pruitt, the attorney general of Oklahoma, one of the states …, said".
    let k = lead.tokenEnd;
    for (let piece = 0; piece < 3 && lower[k] === ','; piece++) {
      const cue = k + 1 < sEnd ? cueAt(ctx, k + 1, false, true) : null;
      if (cue && cue.form === 'verb') {
        const speaker = toSpeaker(ctx, lead, history, from, sEnd);
        return { cue, speaker, addressee: addresseeAfter(ctx, cue, Math.min(sEnd, cue.tokenEnd + 6)), adjacent: true, position: 'after' };
      }
      k++;
      while (k < sEnd && k - lead.tokenEnd < 40 && lower[k] !== ',' && quoteOf[k]! < 0) k++;
    }
  }
  // "“…” ― Sonya Herridge": a dash and a name closing the paragraph or sentence.
  if (DASHES.has(lower[from] ?? '') && lead && lead.tokenStart === from + 1 && (lead.kind === 'entity' || lead.kind === 'proper')) {
    let k = lead.tokenEnd;
    while (k < sEnd && !ctx.word[k]) k++;
    if (k >= sEnd || doc.tokens[k]!.start >= doc.paragraphs[q.paragraph]!.end) {
      const cue: Cue = { form: 'colon', lemma: 'dash', tokenStart: from, tokenEnd: from + 1 };
      return { cue, speaker: toSpeaker(ctx, lead, history, from, sEnd), addressee: null, adjacent: true, position: 'after' };
    }
  }
  for (let k = start; k < limit; k++) {
    if (quoteOf[k]! >= 0) break;
    const w = lower[k]!;
    if (w === ';') break;
    if (ctx.word[k]) words++;
    if (words > 14) break;
    if (!(kinds[k]! & CUE_WORD)) continue; // (no cue can sit on other words)
    const cue = cueAt(ctx, k, false, true);
    if (!cue || cue.form === 'quoted' || cue.form === 'toQuote') continue;
    if (lower[cue.tokenStart - 1] === 'to') continue; // "that is to say"
    // ", adding that …": a participle continues the main clause, it does not attribute this quotation.
    if (endsWith(lower[cue.tokenStart]!, 'ing') && cue.tokenStart === from + 1) return null;
    let cand: Candidate | null = null;
    if (cue.form === 'according') cand = phraseAfter(ctx, cue.tokenEnd, limit);
    else {
      const before = candidatesIn(ctx, start, cue.tokenStart).filter((c) => c.kind !== 'entity' || c.entity!.type !== 'MISC');
      cand = quotedAsSaying(ctx, cue.tokenStart, start - 1) ?? before[0] ?? phraseAfter(ctx, cue.tokenEnd, Math.min(sEnd, cue.tokenEnd + 8));
      if (!cand) {
        let f = start;
        while (f < cue.tokenStart && !ctx.word[f]) f++;
        cand = f < cue.tokenStart ? nounPhrase(ctx, f, cue.tokenStart) : nounPhrase(ctx, cue.tokenEnd, Math.min(sEnd, cue.tokenEnd + 6, nextPunct(ctx, cue.tokenEnd, sEnd)));
      }
    }
    const addressee = addresseeAfter(ctx, cue, Math.min(sEnd, cue.tokenEnd + 6));
    const speaker = cand ? toSpeaker(ctx, cand, history, from, sEnd) : null;
    return { cue, speaker, addressee, adjacent: true, position: 'after' };
  }
  return leads && start === from ? unlistedVerbAfter(ctx, from, sEnd, history) : null;
}

/** Short words in -s that are no verb of manner ("was", "his", "this", "thus", "plus"). */
const NOT_VERBS_S = new Set(['was', 'has', 'his', 'its', 'this', 'thus', 'plus', 'does', 'is', 'as', 'us', 'yes', 'less', 'unless', 'always', 'perhaps', 'whereas', 'news', 'times', 'years', 'days', 'others', 'afterwards', 'towards']);

/** A lowercase past (-ed) or present (-s) verb form at token `k`. */
function verbLike(ctx: QuoteContext, k: number): boolean {
  const w = ctx.lower[k];
  if (!w || !ctx.word[k] || ctx.cap[k] || ctx.quoteOf[k]! >= 0 || !/^[a-z]+$/.test(w)) return false;
  if (endsWith(w, 'ed')) return w.length >= 5;
  return endsWith(w, 's') && !endsWith(w, 'ss', 'us') && w.length >= 5 && !NOT_VERBS_S.has(w);
}

/**
 * "“…,” scoffed Arianna Gil", "“…,” smiles one broker", "“…,” Conti laughs.": a quotation that leads into its
 * attribution and a verb the lexicon does not list (a verb of manner) right next to a person, he/she or a
 * role description, with nothing else before the sentence goes on: the verb is the cue.
 */
function unlistedVerbAfter(ctx: QuoteContext, from: number, sEnd: number, history: SpeakerHistory): Attribution | null {
  const { lower } = ctx;
  const ends = (k: number) => k >= sEnd || lower[k] === '.' || lower[k] === ',' || lower[k] === '!' || lower[k] === ';';
  let cue: number;
  let cand: Candidate | null;
  if (verbLike(ctx, from)) {
    cue = from;
    cand = phraseAfter(ctx, from + 1, Math.min(sEnd, from + 9));
    if (cand && cand.tokenStart !== from + 1 && !DETERMINERS.has(lower[from + 1]!)) return null;
    // A determiner-led phrase ending the sentence: "“…,” smiles one broker."
    const np = cand ? null : nounPhrase(ctx, from + 1, Math.min(sEnd, from + 7, nextPunct(ctx, from + 1, sEnd)));
    if (np && ends(np.tokenEnd)) return attributionAfter(ctx, from, np, from + 1, sEnd, history);
    if (!cand) return null;
  } else {
    cand = candidatesIn(ctx, from, Math.min(sEnd, from + 6))[0] ?? null;
    if (!cand || cand.tokenStart !== from || !verbLike(ctx, cand.tokenEnd) || !ends(cand.tokenEnd + 1)) return null;
    cue = cand.tokenEnd;
  }
  if (!speaksInPerson(ctx, cand)) return null;
  return attributionAfter(ctx, cue, cand, cue === from ? from + 1 : from, sEnd, history);
}

/** The attribution of an unlisted verb at `cue` to `cand`; the speaker's words are sought from `floor` on (after a verb that comes first). */
function attributionAfter(ctx: QuoteContext, cue: number, cand: Candidate, floor: number, sEnd: number, history: SpeakerHistory): Attribution {
  const c: Cue = { form: 'verb', lemma: ctx.lower[cue]!, tokenStart: cue, tokenEnd: cue + 1 };
  return { cue: c, speaker: toSpeaker(ctx, cand, history, floor, sEnd), addressee: null, adjacent: true, position: 'after' };
}

/**
 * "“…” ¶ - Sanders." (fact checks, collections of quotes): the quotation closes its paragraph and the next
 * paragraph is only a dash and a name — the attribution.
 */
function dashParagraphAfter(ctx: QuoteContext, q: QuotedSpan, history: SpeakerHistory): Attribution | null {
  if (!q.closed) return null;
  const { doc, lower } = ctx;
  const para = doc.paragraphs[q.paragraph]!;
  const next = doc.paragraphs[q.paragraph + 1];
  if (!next || /\S/.test(doc.text.slice(q.closeEnd, para.end))) return null;
  const from = doc.sentences[next.sentenceStart]!.tokenStart;
  const to = doc.sentences[next.sentenceEnd - 1]!.tokenEnd;
  if (!DASHES.has(lower[from] ?? '') || to - from > 8) return null;
  const lead = candidatesIn(ctx, from + 1, to)[0];
  if (!lead || lead.tokenStart !== from + 1 || !(lead.kind === 'entity' || lead.kind === 'proper')) return null;
  for (let k = lead.tokenEnd; k < to; k++) if (ctx.word[k]) return null;
  const cue: Cue = { form: 'colon', lemma: 'dash', tokenStart: from, tokenEnd: from + 1 };
  return { cue, speaker: toSpeaker(ctx, lead, history, from, to), addressee: null, adjacent: true, position: 'after' };
}

/**
 * Where ", said X" / ", X said" ends the sentence that a quotation of four
 * words or more opens and the author's words continue (no other quotation or
 * verb of saying between): the token after that comma, or −1.
 */
function trailingAttributionStart(ctx: QuoteContext, q: QuotedSpan, from: number, sEnd: number): number {
  const { lower, quoteOf } = ctx;
  let words = 0;
  for (let k = tokenAt(ctx, q.start); k < from; k++) if (ctx.word[k]) words++;
  if (words < 4) return -1;
  let comma = -1;
  for (let k = from; k < sEnd && k < from + 30; k++) {
    if (quoteOf[k]! >= 0) return -1;
    if (lower[k] === ',') comma = k;
    else if (SPEECH_FORMS.has(lower[k]!) && !ctx.cap[k] && !DETERMINERS.has(lower[k - 1]!)) break; // ("the state": a noun)
  }
  if (comma < from + 2) return -1;
  // The attribution: a verb of saying within four tokens of the comma, and the sentence ends soon after.
  for (let k = comma + 1; k < Math.min(sEnd, comma + 5); k++) {
    if (SPEECH_FORMS.has(lower[k]!) && !ctx.cap[k]) return sEnd - k <= 24 ? comma + 1 : -1;
    if (!ctx.word[k]) return -1;
  }
  return -1;
}

/** A lowercase verb of saying among the first four tokens of [from, to), after a name or pronoun: "Lichtman said about …", "he added". */
function opensWithCue(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from + 1; k < Math.min(to, from + 4); k++) {
    if (!ctx.word[k]) return false;
    if (SPEECH_FORMS.has(ctx.lower[k]!) && !ctx.cap[k]) return candidatesIn(ctx, from, k).length > 0;
  }
  return false;
}

function nextPunct(ctx: QuoteContext, from: number, to: number): number {
  let k = from;
  while (k < to && ctx.word[k]) k++;
  return k;
}

const SENTENCE_INSIDE = /[.!?…]["”’']?\s+["“‘']?[\p{Lu}\p{N}]/u;

/**
 * The number of matches of /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\/gu in `s`, counted without
 * building them: runs of letters and digits, less the apostrophes and hyphens that join two runs.
 */
function wordCount(s: string): number {
  let count = 0;
  let prevAlnum = false; // the previous code point is a letter or digit
  let joinerAfterAlnum = false; // the previous code point is ' ’ - right after a letter or digit
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const alnum = isAlnumCode(cp, s, i, size);
    if (alnum) {
      if (!prevAlnum && !joinerAfterAlnum) count++;
      joinerAfterAlnum = false;
    } else joinerAfterAlnum = prevAlnum && (cp === 0x27 || cp === 0x2019 || cp === 0x2d);
    prevAlnum = alnum;
    i += size;
  }
  return count;
}

const ALNUM = /^[\p{L}\p{N}]$/u;

function isAlnumCode(cp: number, s: string, i: number, size: number): boolean {
  if (cp < 0x80) return isAsciiAlnumCode(cp);
  return ALNUM.test(s.slice(i, i + size));
}

/** Every word is capitalised but for short function words ("Art of the Deal"). */
function isTitleCase(content: string): boolean {
  return content.split(/\s+/).filter((t) => /^\p{L}/u.test(t)).every((t) => /^\p{Lu}/u.test(t) || /^(?:of|the|a|an|and|in|on|for|to|at|with)$/.test(t));
}

/** The quotation opens its sentence (nothing but punctuation before it). */
function opensSentence(ctx: QuoteContext, q: QuotedSpan): boolean {
  const openTok = tokenAt(ctx, q.open);
  const S = ctx.doc.sentences[ctx.doc.tokens[openTok]?.sentence ?? 0]!;
  if (openTok - S.tokenStart > WINDOW) return false;
  for (let k = S.tokenStart; k < openTok; k++) if (ctx.word[k] && ctx.quoteOf[k]! < 0) return false;
  return true;
}

/** Words before a quotation mark that make it a term held at a distance, not speech. */
const SO_CALLED = new Set(['so-called', 'so‐called', 'dubbed', 'nicknamed', 'termed', 'self-styled', 'self-proclaimed']);

/** What follows the closing mark within the sentence: more words (a scare quote or title usually). */
function followedByWords(ctx: QuoteContext, q: QuotedSpan): boolean {
  if (!q.closed) return false;
  const after = ctx.doc.text.slice(q.closeEnd, q.closeEnd + 3);
  return /^\s*[\p{L}\p{N}]/u.test(after) && !/^\s*(?:he|she|they|it|we|i)\b/iu.test(ctx.doc.text.slice(q.closeEnd, q.closeEnd + 7));
}

/**
 * Attributes every quoted span and keeps those that are quotations.
 *
 * @example
 * // doc.text = 'Ryabkov said: “We call on all parties to exercise restraint.”'
 * // attributeQuotes(ctx, spans, new Map())[0].attribution.speaker.name === 'Sergey Ryabkov'
 */
export function attributeQuotes(ctx: QuoteContext, spans: QuotedSpan[], history: SpeakerHistory): DirectQuote[] {
  const { doc } = ctx;
  const out: DirectQuote[] = [];
  for (let i = 0; i < spans.length; i++) {
    const q = spans[i]!;
    // Trim spaces inside the marks.
    let start = q.start;
    let end = q.end;
    while (start < end && isSpaceCode(doc.text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(doc.text.charCodeAt(end - 1))) end--;
    if (end <= start) continue;
    const content = doc.text.slice(start, end);
    const words = wordCount(content);
    if (words === 0) continue;
    const prev = out[out.length - 1];

    // A paragraph that reopens the previous paragraph's quotation continues it.
    const before = cueBefore(ctx, q, history);
    // The cue after it, sought only when asked: a cue right before the quotation ("X said: “…”") needs none, unless
    // the quotation may continue the previous paragraph's. (cueAfter only reads: asking later in this iteration, before
    // `remember`, gives the same.)
    let after: Attribution | null | undefined;
    const afterOf = () => (after === undefined ? (after = cueAfter(ctx, q, history)) : after);
    // Unless it carries its own attribution ("“…,” she said"), it continues the previous paragraph's quotation.
    if (q.continuation && prev && prev.span.continues && prev.span.paragraph === q.paragraph - 1 && !afterOf()?.speaker && !(prev.attribution === null && before?.adjacent)) {
      out.push({ span: q, start, end, kind: prev.kind === 'partial' ? 'direct' : prev.kind, attribution: prev.attribution, groupWith: prev.groupWith >= 0 ? prev.groupWith : out.length - 1 });
      continue;
    }
    let attribution: Attribution | null = null;
    if (before && before.adjacent) attribution = before;
    else {
      const a = afterOf();
      if (a && (a.speaker || !before)) attribution = a;
      else if (before) attribution = before;
    }
    if (!attribution) {
      const colon = colonBefore(ctx, q);
      if (colon >= 0) attribution = colonSubject(ctx, colon, history);
    }
    attribution ??= dashParagraphAfter(ctx, q, history);

    const atSentenceStart = opensSentence(ctx, q);
    const sentenceLike = SENTENCE_INSIDE.test(content) || (/^[\p{Lu}\p{N}"“‘']/u.test(content) && (atSentenceStart || attribution?.adjacent === true) && words >= 3);

    // Scare quotes and titles: short, or followed by more of the sentence, with no cue introducing them.
    if (words <= 2 && followedByWords(ctx, q) && !attribution) continue;
    // "a so-called “denial of service” attack": the writer distances a term, nobody is quoted.
    if (SO_CALLED.has(ctx.lower[tokenAt(ctx, q.open) - 1] ?? '')) continue;
    if (!attribution || !attribution.adjacent) {
      if (words <= 6 && isTitleCase(content) && !SENTENCE_INSIDE.test(content)) continue;
    }

    let groupWith = -1;
    if (!attribution) {
      // No cue: a full-sentence quotation right after another one continues it
      // ("“…,” she said. “These cases take patience.”"); otherwise only long,
      // sentence-like quotations are kept (the speaker may be named elsewhere).
      const near = prev && (prev.span.paragraph === q.paragraph || prev.span.paragraph === q.paragraph - 1) && prev.attribution && gapIsAttributionOnly(ctx, prev.span, q, prev.attribution);
      if (near && (sentenceLike || words >= 4)) {
        out.push({ span: q, start, end, kind: sentenceLike ? 'direct' : 'partial', attribution: prev.attribution, groupWith: prev.groupWith >= 0 ? prev.groupWith : out.length - 1 });
        continue;
      }
      if (!(sentenceLike && words >= 6 && atSentenceStart)) continue;
    } else {
      // One quoted word is a scare quote ("is not ‘upgrading’ its doctrine") unless a verb of
      // naming governs it ("described Clinton as a “disgrace”", "called him a “loser”").
      const naming = NAMING_LEMMAS.has(attribution.cue.lemma) && tokenAt(ctx, q.open) - attribution.cue.tokenEnd <= 8;
      if (!attribution.adjacent && words <= 1 && !naming) continue;
      // “We are ready,” he said, “to talk.” — both pieces bound to one cue.
      if (prev && prev.attribution && prev.attribution.cue.tokenStart === attribution.cue.tokenStart) groupWith = prev.groupWith >= 0 ? prev.groupWith : out.length - 1;
    }
    if (attribution) remember(history, doc.tokens[attribution.cue.tokenStart]!.sentence, attribution.speaker);
    out.push({ span: q, start, end, kind: sentenceLike ? 'direct' : 'partial', attribution, groupWith });
  }
  return out;
}

/** Between two quotations there is at most an attribution sentence ("she said."). */
function gapIsAttributionOnly(ctx: QuoteContext, a: QuotedSpan, b: QuotedSpan, attribution: Attribution): boolean {
  if (!a.closed) return false;
  const gap = ctx.doc.text.slice(a.closeEnd, b.open);
  // The gap is the previous quotation's own attribution ("…," Mr. Obama said on Saturday at the gala. "…").
  const cueAt = ctx.doc.tokens[attribution.cue.tokenStart]!.start;
  if (attribution.position === 'after' && cueAt > a.close && cueAt < b.open && gap.length <= 400 && /[.!?…:,]\s*$/.test(gap)) return wordCount(gap) <= 45;
  if (gap.length > 160) return false;
  if (!/[.!?…:]\s*$/.test(gap) && !/^[\s.,]*$/.test(gap) && !/[.!?…]["”’]?\s*$/.test(ctx.doc.text.slice(a.start, a.close))) return false;
  return wordCount(gap) <= 12;
}
