/**
 * The learned cue detector's review of the rules' reported speech
 * (learned/reported.ts): reported speech whose cue the detector does not take
 * for a reporting cue is dropped, and reported speech is added where it finds
 * a cue the rules left alone, with the content tagger's content and the
 * speaker the rules' subject finder reads for that cue (the speaker model then
 * checks it like every other speaker). Quotations in quotation marks are not
 * touched.
 */
import type { Draft } from './index.js';
import { tokenAt, type QuoteContext } from './context.js';
import type { Cue } from './cues.js';
import { ATTITUDE_FORMS, COGNITION_FORMS, DETERMINERS, PREPOSITIONS, SPEECH_FORMS } from './lexicon.js';
import { mix } from '../entities/hash.js';
import { isNegatedCue } from './negation.js';
import { endsWith, presentAfterName } from './suffix.js';
import { ARTICLES, BE_FORMS, DEMONSTRATIVES, IRREGULAR_PAST, POSSESSIVE_DETERMINERS } from '../lang/en/index.js';
import { remember, subjectOf, toSpeaker, type Candidate, type SpeakerHistory } from './speaker.js';
import { contentOf, cueScore, countBucket, detectCues, distBucket, hashesOf, suffixHash, tokenClass, wordHash, type CueModel } from './learned/reported.js';

/**
 * Drafts after the review: the rules' drafts that stay (group links
 * renumbered) followed by the added reported speech.
 */
export function reviewReported(ctx: QuoteContext, drafts: Draft[], history: SpeakerHistory, model: CueModel): Draft[] {
  const p = model.params;
  const { doc } = ctx;
  const { starts, ends } = ctx.index;
  const index = new Int32Array(drafts.length).fill(-1);
  const out: Draft[] = [];
  const keeping = p.keep > -1e38;
  drafts.forEach((d, i) => {
    if (keeping && d.kind === 'indirect' && d.cue && d.cue.form !== 'colon') {
      const s = cueScore(model, ctx, d.cue.tokenStart, d.cue.tokenEnd);
      if (s === -Infinity ? !p.keepUnseen : s < p.keep) return;
    }
    index[i] = out.length;
    out.push(d.groupWith >= 0 ? { ...d, groupWith: index[d.groupWith]! } : d);
  });
  if (p.add >= 1e38) return out;

  // What is found already (contents and cues): tokens the detector skips, and UTF-16 ranges.
  // (The UTF-16 units taken are marked: a range overlaps what is found when one of its units is marked. A list of the
  // ranges scanned per question made the review quadratic in the length of a document.)
  const { skip, busy } = reviewMarks(ctx);
  for (const d of out) {
    busy.fill(1, d.start, d.end);
    skip.fill(1, tokenAt(ctx, d.start), tokenAt(ctx, d.end - 1) + 1);
    if (d.cue) {
      busy.fill(1, starts[d.cue.tokenStart]!, ends[d.cue.tokenEnd - 1]!);
      skip.fill(1, d.cue.tokenStart, d.cue.tokenEnd);
    }
  }
  const scores = detectCues(model, ctx, skip);
  const overlaps = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (busy[i] === 1) return true;
    return false;
  };
  const trace = reviewTrace.fn;
  for (const c of scores.cues) {
    const cs = c.tokenStart;
    const ce = c.tokenEnd;
    if (c.score < p.add) {
      if (trace) trace(cs, ce, c.score, 'below-add', -1, -1);
      continue;
    }
    let inQuote = false;
    for (let k = cs; k < ce; k++) if (ctx.quoteOf[k]! >= 0) inQuote = true;
    if (inQuote || overlaps(starts[cs]!, ends[ce - 1]!) || isNegatedCue(ctx, c)) {
      if (trace) trace(cs, ce, c.score, inQuote ? 'in-quote' : overlaps(starts[cs]!, ends[ce - 1]!) ? 'cue-busy' : 'negated', -1, -1);
      continue;
    }
    if (nounPosition(ctx, cs)) {
      if (trace) trace(cs, ce, c.score, 'noun', -1, -1);
      continue;
    }
    const S = doc.sentences[doc.tokens[cs]!.sentence]!;
    reviewStats.tried++;
    const piece = contentOf(model, ctx, ce);
    if (!piece) {
      if (trace) trace(cs, ce, c.score, 'no-content', -1, -1);
      continue;
    }
    let a = piece.tokenStart;
    let b = piece.tokenEnd - 1;
    while (a <= b && !ctx.word[a]) a++;
    while (b >= a && !ctx.word[b]) b--;
    if (a > b) {
      if (trace) trace(cs, ce, c.score, 'no-content', -1, -1);
      continue;
    }
    let quoted = false;
    for (let k = a; k <= b; k++) if (ctx.quoteOf[k]! >= 0) quoted = true;
    const clause = looksLikeClause(ctx, a, b + 1);
    if (quoted || (p.clause === 1 ? !clause : p.clause === 2 ? !clause && !bareObject(ctx, model, cs, ce, a, b) : !twoWords(ctx, a, b + 1))) {
      if (trace) trace(cs, ce, c.score, quoted ? 'content-quoted' : 'not-clause', starts[a]!, ends[b]!);
      continue;
    }
    // The complementiser is not part of what was said ("is convinced [that] voters will …").
    const start = starts[ctx.lower[a] === 'that' && a < b ? a + 1 : a]!;
    const end = ends[b]!;
    if (overlaps(start, end)) {
      if (trace) trace(cs, ce, c.score, 'content-busy', start, end);
      continue;
    }
    // The speaker as the rules read it (the cue's subject), when they find one; otherwise the speaker
    // model chooses among the candidates around the cue, and the addition goes if it finds none it trusts.
    // Sought only for a content that passed the checks above (most tried cues do not).
    const cand = subjectOf(ctx, cs, Math.max(S.tokenStart, cs - 40));
    acceptFeatures(ctx, model, c.score, cs, ce, a, b, cand, clause, FEATS);
    if (acceptHook.collect) acceptHook.collect(FEATS, start, end);
    if (model.accept.score(FEATS) < p.accept) {
      if (trace) trace(cs, ce, c.score, 'rejected', start, end);
      continue;
    }
    if (trace) trace(cs, ce, c.score, 'added', start, end);
    const cue = cueOf(ctx, model, cs, ce);
    const speaker = cand ? toSpeaker(ctx, cand, history, S.tokenStart, cs) : null;
    remember(history, doc.tokens[cs]!.sentence, speaker);
    busy.fill(1, Math.min(starts[cs]!, start), Math.max(ends[ce - 1]!, end));
    out.push({ start, end, kind: 'indirect', speaker, cue, addressee: null, groupWith: -1, confidence: null, added: true });
  }
  return out;
}

/**
 * The review's marks, all zero: a mark per token (`skip`) and per UTF-16 unit of the text (`busy`). The context's own
 * (views of its one buffer, zeroed here: a review may run twice on one context), else new ones for a context built
 * without them.
 */
function reviewMarks(ctx: QuoteContext): { skip: Uint8Array; busy: Uint8Array } {
  const n = ctx.lower.length;
  const chars = ctx.doc.text.length;
  if (ctx.reviewSkip?.length === n && ctx.reviewBusy?.length === chars) return { skip: ctx.reviewSkip.fill(0), busy: ctx.reviewBusy.fill(0) };
  // (Both views of one buffer: a typed array of its own costs an allocation of its backing store each.)
  const marks = new ArrayBuffer(n + chars);
  return { skip: new Uint8Array(marks, 0, n), busy: new Uint8Array(marks, n, chars) };
}

/** The detected cue as the rules write cues: its anchor word's lemma, "according to" as its own form. */
function cueOf(ctx: QuoteContext, model: CueModel, cs: number, ce: number): Cue {
  let anchor = cs;
  while (anchor < ce - 1 && model.kindAt(ctx, anchor) !== 1) anchor++;
  const w = ctx.lower[anchor]!;
  if (w === 'according') return { form: 'according', lemma: 'according to', tokenStart: cs, tokenEnd: ce };
  return { form: 'verb', lemma: SPEECH_FORMS.get(w) ?? COGNITION_FORMS.get(w) ?? w, tokenStart: cs, tokenEnd: ce };
}

/** Analysis (scripts/analyse-reported.ts): what became of each detected cue, with the content tried (UTF-16, −1 when none). */
export const reviewTrace: { fn: ((cs: number, ce: number, score: number, outcome: string, start: number, end: number) => void) | null } = { fn: null };

/** Counts for tuning the cost: detected cues tried for an addition (subject, content, acceptance). */
export const reviewStats = { tried: 0 };

/** Training: sees the features of every candidate addition (with its content's UTF-16 range) before the acceptance decision. */
export const acceptHook: { collect: ((feats: Uint32Array, start: number, end: number) => void) | null } = { collect: null };

export const ACCEPT_FEATURES = 23;
const FEATS = new Uint32Array(ACCEPT_FEATURES);
const SPEAKER_CODE: Record<string, number> = { entity: 1, pronoun: 2, description: 3, proper: 4, np: 5 };

/**
 * Features of a candidate addition for the acceptance model: the cue (its
 * anchor word, score, neighbours, which verb list holds it), the content (its
 * first word, length, a finite verb in it, commas, whether it reads as a
 * clause, with the cue word) and the speaker the rules found for the cue (its
 * kind and distance; none).
 */
export function acceptFeatures(ctx: QuoteContext, model: CueModel, score: number, cs: number, ce: number, a: number, b: number, cand: Candidate | null, clause: boolean, out: Uint32Array): void {
  const hs = hashesOf(ctx);
  let anchor = cs;
  while (anchor < ce - 1 && model.kindAt(ctx, anchor) !== 1) anchor++;
  const aw = ctx.lower[anchor]!;
  const ah = wordHash(ctx, hs, anchor);
  const lex = SPEECH_FORMS.has(aw) ? 1 : COGNITION_FORMS.has(aw) ? 2 : ATTITUDE_FORMS.has(aw) ? 3 : 0;
  let finite = 0;
  let commas = 0;
  for (let k = a; k <= b; k++) {
    if (k < a + 8 && FINITE.has(ctx.lower[k]!)) finite = 1;
    if (ctx.lower[k] === ',') commas++;
  }
  const S = ctx.doc.sentences[ctx.doc.tokens[cs]!.sentence]!;
  // Kind 0: no subject found by the rules.
  const kind = !cand ? 0 : cand.kind === 'entity' ? 10 + ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'].indexOf(cand.entity!.type) : SPEAKER_CODE[cand.kind]!;
  const speakerGap = !cand ? 8 : distBucket(cand.tokenEnd <= cs ? cs - cand.tokenEnd : cand.tokenStart - ce);
  const scoreCode = Math.max(-10, Math.min(10, Math.floor(score))) + 20;
  const cls = tokenClass(ctx, ce);
  let i = 0;
  out[i++] = mix(200, 1);
  out[i++] = mix(201, ah);
  out[i++] = mix(mix(202, wordHash(ctx, hs, cs)), wordHash(ctx, hs, ce - 1));
  out[i++] = mix(203, scoreCode);
  out[i++] = mix(204, wordHash(ctx, hs, ce));
  out[i++] = mix(mix(205, cls), ah);
  out[i++] = mix(206, wordHash(ctx, hs, cs - 1));
  out[i++] = mix(mix(207, ah), wordHash(ctx, hs, cs - 1));
  out[i++] = mix(208, wordHash(ctx, hs, a));
  out[i++] = mix(mix(209, ah), wordHash(ctx, hs, a));
  out[i++] = mix(210, Math.min(Math.abs(a - ce), 5) + (a < cs ? 8 : 0));
  out[i++] = mix(211, distBucket(b - a + 1));
  out[i++] = mix(212, finite);
  out[i++] = mix(213, kind);
  out[i++] = mix(mix(214, kind), ah);
  out[i++] = mix(215, lex);
  out[i++] = mix(mix(216, lex), cls);
  out[i++] = mix(217, b + 2 >= S.tokenEnd ? 1 : 0);
  out[i++] = mix(218, countBucket(commas));
  out[i++] = mix(mix(219, speakerGap), kind);
  out[i++] = mix(220, ctx.cap[anchor]! * 2 + (anchor === S.tokenStart ? 1 : 0));
  out[i++] = mix(221, suffixHash(aw));
  // Whether the cue takes a bare object as its content ("criticized Clinton") or only a clause ("said the word twice").
  out[i++] = mix(mix(222, ah), clause ? 1 : 0);
}

/**
 * Verbs of saying and attitude whose object is what was said or thought ("criticized Clinton's plan",
 * "praised the ruling", "cited a poll"): with `clause` 2 their additions may be a bare object. Verbs
 * whose object is mostly no speech ("said the word twice", "called a meeting", "read the book",
 * "posted a video", "want a car") keep the clause test.
 */
const OBJECT_NOT_SPEECH = new Set(['say', 'continue', 'post', 'begin', 'sing', 'read', 'call', 'add', 'order', 'point', 'put', 'state', 'answer', 'counter', 'charge', 'attack', 'signal', 'voice', 'broadcast', 'estimate', 'offer', 'plan', 'want', 'view', 'consider', 'regard', 'seek', 'intend', 'love', 'hate', 'dislike', 'favor', 'favour', 'refuse', 'highlight', 'write', 'speak', 'tell', 'ask', 'thank', 'dub', 'label', 'brand', 'term', 'describe', 'quote', 'echo', 'request']);
const BE = new Set<string>(BE_FORMS);

/**
 * A bare object (content that does not read as a clause) is what was said only after a verb of saying
 * or attitude used actively with an object: not after a comma (an inverted "…, say web analysts" names
 * the speaker), a form of "be" (a passive: "is expected on Wednesday"), a preposition or determiner (an
 * adjective: "with noted musicians"), and not when the "object" opens with a preposition or "to"
 * (a circumstance: "said at the motor show", "said about coming top", "forecast to grow").
 */
function bareObject(ctx: QuoteContext, model: CueModel, cs: number, ce: number, a: number, b: number): boolean {
  let anchor = cs;
  while (anchor < ce - 1 && model.kindAt(ctx, anchor) !== 1) anchor++;
  const w = ctx.lower[anchor]!;
  const lemma = SPEECH_FORMS.get(w) ?? ATTITUDE_FORMS.get(w);
  if (lemma === undefined || OBJECT_NOT_SPEECH.has(lemma)) return false;
  const before = ctx.lower[cs - 1] ?? '';
  const first = ctx.lower[a]!;
  if (before === ',' || BE.has(before) || PREPOSITIONS.has(before) || DETERMINERS.has(before)) return false;
  if (first === 'to' || PREPOSITIONS.has(first)) return false;
  return twoWords(ctx, a, b + 1);
}

function twoWords(ctx: QuoteContext, from: number, to: number): boolean {
  let words = 0;
  for (let k = from; k < to && words < 2; k++) if (ctx.word[k]) words++;
  return words >= 2;
}

/** A word in -s right after a subject pronoun is a verb in the present: "he believes", "that remains". */
function presentAfterPronoun(ctx: QuoteContext, k: number): boolean {
  const w = ctx.lower[k]!;
  return w.length > 3 && endsWith(w, 's') && !endsWith(w, 'ss') && SUBJECT_3SG.has(ctx.lower[k - 1] ?? '');
}
const SUBJECT_3SG = new Set(['he', 'she', 'it', 'that', 'this', 'who', 'which']);

const S_VERB_AFTER = new Set(['he', 'she', 'it', 'that', 'there', 'what', 'who', 'here', 'this', 'where']);
const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'to', '’s', "'s", '’re', "'re", '’ll', "'ll", '’d', "'d", "n't", 'n’t', 'wo', 'ca']);

/**
 * Added reported speech must read as a clause or an infinitive: three words or
 * more with a finite auxiliary, "to", or a lowercase past form (-ed, or an
 * irregular past: "rose", "grew", "made") after its first word among them
 * ("said the word twice" is not speech reported; "said the plan would fail",
 * "said the talks collapsed", "said prices rose" are).
 */
export function looksLikeClause(ctx: QuoteContext, from: number, to: number): boolean {
  let words = 0;
  let verb = false;
  for (let k = from; k < to; k++) {
    if (ctx.word[k]) words++;
    const w = ctx.lower[k]!;
    // "’s" is a verb after a pronoun ("he's leaving"), a possessive after a name or noun ("Florida's newspaper").
    if ((w === '’s' || w === "'s") && !S_VERB_AFTER.has(ctx.lower[k - 1] ?? '')) continue;
    if (FINITE.has(w) || (k > from && !ctx.cap[k] && ((w.length > 4 && endsWith(w, 'ed')) || IRREGULAR_PAST.has(w) || presentAfterPronoun(ctx, k) || presentAfterName(ctx, from, k)))) verb = true;
  }
  return words >= 3 && verb;
}

/**
 * After the speaker model's check: added reported speech whose speaker it
 * doubts (confidence below `minSpeaker`, or no speaker) goes. Added drafts
 * come after the rules' ones, so the rules' group links stay valid.
 */
export function withConfidentAdded(drafts: Draft[], model: CueModel): Draft[] {
  const min = model.params.minSpeaker;
  if (min <= 0) return drafts;
  return drafts.filter((d) => !d.added || (d.speaker !== null && (d.confidence ?? 0) >= min));
}

/** Words after which a word is a noun, not a verb: determiners, possessives, prepositions ("in talks", "a statement", "his comments"). */
const NOUN_BEFORE = new Set<string>([...ARTICLES, ...DEMONSTRATIVES, ...POSSESSIVE_DETERMINERS, '’s', "'s", 'of', 'no', 'every', 'such', 'in', 'after', 'about', 'with', 'for', 'on', 'over', 'amid', 'despite', 'following']);

/**
 * The detector's word stands where only a noun can: after a determiner, a possessive or a preposition ("make a
 * statement", "in talks", "after talks with"), or after "there are (also)" ("There are also concerns about …").
 * No reported speech is added there: the rules' own cue test says the same of their words (cues.ts).
 */
function nounPosition(ctx: QuoteContext, cs: number): boolean {
  const { lower } = ctx;
  if (NOUN_BEFORE.has(lower[cs - 1] ?? '')) return true;
  let k = cs - 1;
  if (lower[k] === 'also') k--;
  return (lower[k] === 'are' || lower[k] === 'is' || lower[k] === 'were' || lower[k] === 'was') && lower[k - 1] === 'there';
}
