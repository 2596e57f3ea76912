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
import type { QuoteContext } from './context.js';
import type { Cue } from './cues.js';
import { COGNITION_FORMS, SPEECH_FORMS } from './lexicon.js';
import { isNegatedCue } from './negation.js';
import { phraseAfter, subjectOf, toSpeaker, type SpeakerHistory } from './speaker.js';
import { bestScore, contentOf, detectCues, type CueModel } from './learned/reported.js';

/**
 * Drafts after the review: the rules' drafts that stay (group links
 * renumbered) followed by the added reported speech.
 */
export function reviewReported(ctx: QuoteContext, drafts: Draft[], history: SpeakerHistory, model: CueModel): Draft[] {
  const p = model.params;
  const scores = detectCues(model, ctx);
  const { doc } = ctx;
  const { starts, ends } = ctx.index;
  const index = new Int32Array(drafts.length).fill(-1);
  const out: Draft[] = [];
  drafts.forEach((d, i) => {
    if (d.kind === 'indirect' && d.cue && d.cue.form !== 'colon') {
      const s = bestScore(scores, d.cue.tokenStart, d.cue.tokenEnd);
      if (s === -Infinity ? !p.keepUnseen : s < p.keep) return;
    }
    index[i] = out.length;
    out.push(d.groupWith >= 0 ? { ...d, groupWith: index[d.groupWith]! } : d);
  });
  if (!scores.cues.length || p.add === Infinity) return out;

  // What is found already (contents and cues), as UTF-16 ranges.
  const busy: number[] = [];
  for (const d of out) {
    busy.push(d.start, d.end);
    if (d.cue) busy.push(starts[d.cue.tokenStart]!, ends[d.cue.tokenEnd - 1]!);
  }
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
    const content = contentOf(model, ctx, cs, ce);
    const piece = content.right ?? content.left;
    if (!piece) continue;
    let a = piece.tokenStart;
    let b = piece.tokenEnd - 1;
    while (a <= b && !ctx.word[a]) a++;
    while (b >= a && !ctx.word[b]) b--;
    if (a > b) continue;
    let quoted = false;
    for (let k = a; k <= b; k++) if (ctx.quoteOf[k]! >= 0) quoted = true;
    if (quoted || !looksLikeClause(ctx, a, b + 1)) continue;
    const start = starts[a]!;
    const end = ends[b]!;
    if (overlaps(start, end)) continue;
    const S = doc.sentences[doc.tokens[cs]!.sentence]!;
    const cue = cueOf(ctx, model, cs, ce);
    // The speaker as the rules read it: the cue's subject, or the phrase right after it ("…, said the minister").
    const right = a >= ce;
    const cand = subjectOf(ctx, cs, right ? Math.max(S.tokenStart, cs - 40) : b + 1) ?? (right ? null : phraseAfter(ctx, ce, S.tokenEnd));
    const speaker = cand ? toSpeaker(ctx, cand, history, right ? S.tokenStart : b + 1, right ? cs : S.tokenEnd) : null;
    if (speaker?.entity) history.set(doc.tokens[cs]!.sentence, speaker.entity);
    busy.push(Math.min(starts[cs]!, start), Math.max(ends[ce - 1]!, end));
    out.push({ start, end, kind: 'indirect', speaker, cue, addressee: null, groupWith: -1, confidence: null });
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

const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'to', '’s', "'s", '’re', "'re", '’ll', "'ll", '’d', "'d", "n't", 'n’t', 'wo', 'ca']);

/**
 * Added reported speech must read as a clause or an infinitive: three words or
 * more with a finite auxiliary or "to" among them ("said the word twice" is
 * not speech reported; "said the plan would fail" is).
 */
function looksLikeClause(ctx: QuoteContext, from: number, to: number): boolean {
  let words = 0;
  let verb = false;
  for (let k = from; k < to; k++) {
    if (ctx.word[k]) words++;
    if (FINITE.has(ctx.lower[k]!)) verb = true;
  }
  return words >= 3 && verb;
}
