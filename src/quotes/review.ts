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
import { ATTITUDE_FORMS, COGNITION_FORMS, SPEECH_FORMS } from './lexicon.js';
import { mix } from '../entities/hash.js';
import { isNegatedCue } from './negation.js';
import { endsWith } from './suffix.js';
import { subjectOf, toSpeaker, type Candidate, type SpeakerHistory } from './speaker.js';
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
  const skip = new Uint8Array(ctx.lower.length);
  const busy: number[] = [];
  for (const d of out) {
    busy.push(d.start, d.end);
    skip.fill(1, tokenAt(ctx, d.start), tokenAt(ctx, d.end - 1) + 1);
    if (d.cue) {
      busy.push(starts[d.cue.tokenStart]!, ends[d.cue.tokenEnd - 1]!);
      skip.fill(1, d.cue.tokenStart, d.cue.tokenEnd);
    }
  }
  const scores = detectCues(model, ctx, skip);
  const overlaps = (s: number, e: number) => {
    for (let i = 0; i < busy.length; i += 2) if (s < busy[i + 1]! && e > busy[i]!) return true;
    return false;
  };
  for (const c of scores.cues) {
    if (c.score < p.add) continue;
    const cs = c.tokenStart;
    const ce = c.tokenEnd;
    let inQuote = false;
    for (let k = cs; k < ce; k++) if (ctx.quoteOf[k]! >= 0) inQuote = true;
    if (inQuote || overlaps(starts[cs]!, ends[ce - 1]!) || isNegatedCue(ctx, c)) continue;
    // The speaker as the rules read it: the cue's subject. Without one there is no addition (and no content to tag).
    const S = doc.sentences[doc.tokens[cs]!.sentence]!;
    reviewStats.tried++;
    const cand = subjectOf(ctx, cs, Math.max(S.tokenStart, cs - 40));
    if (!cand) continue;
    const piece = contentOf(model, ctx, ce);
    if (!piece) continue;
    let a = piece.tokenStart;
    let b = piece.tokenEnd - 1;
    while (a <= b && !ctx.word[a]) a++;
    while (b >= a && !ctx.word[b]) b--;
    if (a > b) continue;
    let quoted = false;
    for (let k = a; k <= b; k++) if (ctx.quoteOf[k]! >= 0) quoted = true;
    if (quoted || (p.clause ? !looksLikeClause(ctx, a, b + 1) : !twoWords(ctx, a, b + 1))) continue;
    // The complementiser is not part of what was said ("is convinced [that] voters will …").
    const start = starts[ctx.lower[a] === 'that' && a < b ? a + 1 : a]!;
    const end = ends[b]!;
    if (overlaps(start, end)) continue;
    acceptFeatures(ctx, model, c.score, cs, ce, a, b, cand, FEATS);
    if (acceptHook.collect) acceptHook.collect(FEATS, start, end);
    if (model.accept.score(FEATS) < p.accept) continue;
    const cue = cueOf(ctx, model, cs, ce);
    const speaker = toSpeaker(ctx, cand, history, S.tokenStart, cs);
    if (speaker.entity) history.set(doc.tokens[cs]!.sentence, speaker.entity);
    busy.push(Math.min(starts[cs]!, start), Math.max(ends[ce - 1]!, end));
    out.push({ start, end, kind: 'indirect', speaker, cue, addressee: null, groupWith: -1, confidence: null, added: true });
  }
  return out;
}

/** The detected cue as the rules write cues: its anchor word's lemma, "according to" as its own form. */
function cueOf(ctx: QuoteContext, model: CueModel, cs: number, ce: number): Cue {
  let anchor = cs;
  while (anchor < ce - 1 && model.kindAt(ctx, anchor) !== 1) anchor++;
  const w = ctx.lower[anchor]!;
  if (w === 'according') return { form: 'according', lemma: 'according to', tokenStart: cs, tokenEnd: ce };
  return { form: 'verb', lemma: SPEECH_FORMS.get(w) ?? COGNITION_FORMS.get(w) ?? w, tokenStart: cs, tokenEnd: ce };
}

/** Counts for tuning the cost: detected cues tried for an addition (subject, content, acceptance). */
export const reviewStats = { tried: 0 };

/** Training: sees the features of every candidate addition (with its content's UTF-16 range) before the acceptance decision. */
export const acceptHook: { collect: ((feats: Uint32Array, start: number, end: number) => void) | null } = { collect: null };

export const ACCEPT_FEATURES = 22;
const FEATS = new Uint32Array(ACCEPT_FEATURES);
const SPEAKER_CODE: Record<string, number> = { entity: 1, pronoun: 2, description: 3, proper: 4, np: 5 };

/**
 * Features of a candidate addition for the acceptance model: the cue (its
 * anchor word, score, neighbours, which verb list holds it), the content (its
 * first word, length, a finite verb in it, commas) and the speaker the rules
 * found for the cue (its kind and distance).
 */
export function acceptFeatures(ctx: QuoteContext, model: CueModel, score: number, cs: number, ce: number, a: number, b: number, cand: Candidate, out: Uint32Array): void {
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
  const kind = cand.kind === 'entity' ? 10 + ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'].indexOf(cand.entity!.type) : SPEAKER_CODE[cand.kind]!;
  const speakerGap = distBucket(cand.tokenEnd <= cs ? cs - cand.tokenEnd : cand.tokenStart - ce);
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
}

function twoWords(ctx: QuoteContext, from: number, to: number): boolean {
  let words = 0;
  for (let k = from; k < to && words < 2; k++) if (ctx.word[k]) words++;
  return words >= 2;
}

const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'to', '’s', "'s", '’re', "'re", '’ll', "'ll", '’d', "'d", "n't", 'n’t', 'wo', 'ca']);

/**
 * Added reported speech must read as a clause or an infinitive: three words or
 * more with a finite auxiliary, "to", or a lowercase past form after its first
 * word among them ("said the word twice" is not speech reported; "said the
 * plan would fail", "said the talks collapsed" are).
 */
function looksLikeClause(ctx: QuoteContext, from: number, to: number): boolean {
  let words = 0;
  let verb = false;
  for (let k = from; k < to; k++) {
    if (ctx.word[k]) words++;
    const w = ctx.lower[k]!;
    if (FINITE.has(w) || (k > from && !ctx.cap[k] && w.length > 4 && endsWith(w, 'ed'))) verb = true;
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
