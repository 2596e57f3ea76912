/**
 * Where the learned models meet the quotation stage's rules. The rules pair
 * quotation marks and find a cue near each quotation (simply right, and
 * measured so); the learned models then decide what the rules got wrong most:
 *
 * - a negated or refused cue ("did not say", "would not confirm") drops the quote;
 * - reported speech whose cue the cue detector scores as no reporting cue at
 *   all is dropped, and reported speech the detector finds where the rules saw
 *   none is added, with its content from the learned tagger;
 * - the speaker of every cued quote is the speaker ranker's choice among the
 *   sentence's candidates, with its calibrated probability as
 *   `speaker_confidence`.
 */
import type { QuoteContext } from './context.js';
import type { Cue } from './cues.js';
import { viewOfDoc, type TokenSpan, type TokenView, type TypedSpan } from './learned/input.js';
import { loadQuoteModels } from './learned/load.js';
import { applyPlatt } from './learned/linear.js';
import { contentOf, detectCues, isNegated, rankSpeakers, type QuoteModels } from './learned/model.js';
import { toSpeaker, type Candidate, type FoundSpeaker, type SpeakerHistory } from './speaker.js';

/**
 * Decision thresholds, tuned on the held-out slice of PolNeAR train
 * (`npm run eval:quotes -- --heldout`), never on dev.
 */
export const REVIEW = {
  /** Rule-found reported speech is kept when its cue's calibrated probability reaches this. */
  keepReported: 0.5,
  /** Learned reported speech is added when its cue's calibrated probability reaches this. */
  addReported: 0.5,
};

/** Overrides for tuning experiments (AE_QUOTES_REVIEW='{"keepReported":0.5}'); never set in production. */
const overrides = process.env.AE_QUOTES_REVIEW ? (JSON.parse(process.env.AE_QUOTES_REVIEW) as Partial<typeof REVIEW>) : {};
const settings = { ...REVIEW, learnedSpeakers: true, ...overrides };

export interface LearnedSpeaker {
  speaker: FoundSpeaker | null;
  confidence: number | null;
}

export interface AddedReported {
  start: number;
  end: number;
  cue: Cue;
  speaker: FoundSpeaker | null;
  confidence: number | null;
}

export class Reviewer {
  readonly models: QuoteModels;
  readonly view: TokenView;
  private readonly buf: number[] = [];

  constructor(private readonly ctx: QuoteContext) {
    this.models = loadQuoteModels();
    this.view = viewOfDoc(ctx.doc);
  }

  negated(cue: TokenSpan): boolean {
    return isNegated(this.view, cue);
  }

  /** Calibrated probability that the cue's words are a reporting cue (null for marks-only cues: a colon, a dash). */
  cueProbability(cue: Cue): number | null {
    if (cue.form === 'colon') return null;
    let best = -Infinity;
    for (let k = cue.tokenStart; k < cue.tokenEnd; k++) best = Math.max(best, this.models.cueScore(this.view, k, this.buf));
    return best === -Infinity ? 0 : applyPlatt(this.models.params.cuePlatt, best);
  }

  keepReported(cue: Cue): boolean {
    const p = this.cueProbability(cue);
    return p === null || p >= settings.keepReported;
  }

  /**
   * The speaker of a cued quote and its calibrated confidence. The ranker's
   * choice wins, except that a rule-found speaker whose words contain the
   * choice is kept (it is the wider phrase: "A spokesperson for the
   * department"), and for cues whose speaker stands after them by rule (a
   * transcript colon, "X quoted Y:", "to quote X") the rule's speaker stays.
   * A kept rule speaker the ranker disagrees with gets 1 − p: the ranker gives
   * its own choice p. Null confidence: the ranker had no candidate to score.
   */
  speakerFor(cue: Cue, history: SpeakerHistory, rule: FoundSpeaker | null): LearnedSpeaker {
    if (!settings.learnedSpeakers) return { speaker: rule, confidence: null };
    const choice = rankSpeakers(this.models, this.view, cue);
    if (choice.best < 0) return { speaker: rule, confidence: null };
    const c = choice.candidates[choice.best]!;
    const { doc } = this.ctx;
    const cStart = doc.tokens[c.tokenStart]!.start;
    const cEnd = doc.tokens[c.tokenEnd - 1]!.end;
    const agrees = rule !== null && rule.start < cEnd && rule.end > cStart;
    const p = choice.probability;
    if (agrees) return { speaker: rule, confidence: p };
    if (rule && (cue.form === 'colon' || cue.form === 'quoted' || cue.form === 'toQuote')) return { speaker: rule, confidence: 1 - p };
    // "Director John Smith, who said …": the relative pronoun stands for the phrase before it.
    if (c.type === 'PRONOUN' && this.view.lower[c.tokenStart] === 'who') {
      let k = c.tokenStart - 1;
      if (this.view.lower[k] === ',') k--;
      const ante = choice.candidates.find((x) => x.tokenEnd === k + 1 && x.type !== 'PRONOUN');
      if (!ante) return { speaker: rule, confidence: rule ? 1 - p : null };
      return { speaker: this.found(ante, cue, history), confidence: p };
    }
    return { speaker: this.found(c, cue, history), confidence: p };
  }

  private found(c: TypedSpan, cue: Cue, history: SpeakerHistory): FoundSpeaker {
    const { ctx } = this;
    const s = ctx.doc.sentences[ctx.doc.tokens[cue.tokenStart]!.sentence]!;
    let cand: Candidate;
    const mi = ctx.mentionOf[c.tokenStart]!;
    if (c.type === 'PRONOUN') cand = { kind: 'pronoun', tokenStart: c.tokenStart, tokenEnd: c.tokenEnd, entity: null };
    else if (c.type === 'DESCRIPTION' || c.type === 'NOUN') cand = { kind: 'description', tokenStart: c.tokenStart, tokenEnd: c.tokenEnd, entity: null };
    else if (mi >= 0) {
      const m = ctx.mentions[mi]!;
      cand = { kind: 'entity', tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, entity: m.entity };
    } else cand = { kind: 'proper', tokenStart: c.tokenStart, tokenEnd: c.tokenEnd, entity: null };
    const before = c.tokenEnd <= cue.tokenStart;
    return toSpeaker(ctx, cand, history, before ? s.tokenStart : cue.tokenEnd, before ? cue.tokenStart : s.tokenEnd);
  }

  /**
   * Reported speech the cue detector finds outside quotation marks and outside
   * everything already found (`taken`, UTF-16 ranges), with learned content and speaker.
   */
  addedReported(taken: readonly { start: number; end: number }[], history: SpeakerHistory): AddedReported[] {
    const { doc } = this.ctx;
    const out: AddedReported[] = [];
    const busy = taken.map((t) => [t.start, t.end] as [number, number]);
    const overlaps = (s: number, e: number) => busy.some(([a, b]) => s < b && e > a);
    for (const c of detectCues(this.models, this.view)) {
      if (c.negated || c.probability < settings.addReported || this.view.inQuote[c.tokenStart]) continue;
      const cs = doc.tokens[c.tokenStart]!.start;
      const ce = doc.tokens[c.tokenEnd - 1]!.end;
      if (overlaps(cs, ce)) continue;
      const content = contentOf(this.models, this.view, c);
      const piece = content.right ?? content.left;
      if (!piece) continue;
      // Speech inside quotation marks belongs to the quotation.
      let quoted = false;
      for (let k = piece.tokenStart; k < piece.tokenEnd; k++) if (this.view.inQuote[k]) quoted = true;
      if (quoted) continue;
      const start = doc.tokens[piece.tokenStart]!.start;
      const end = doc.tokens[trimEnd(this.view, piece)]!.end;
      if (end <= start || overlaps(start, end)) continue;
      if (!looksLikeClause(this.view, piece)) continue;
      const cue: Cue = { form: 'verb', lemma: this.view.lower[c.tokenStart]!, tokenStart: c.tokenStart, tokenEnd: c.tokenEnd };
      const sp = this.speakerFor(cue, history, null);
      busy.push([Math.min(cs, start), Math.max(ce, end)]);
      out.push({ start, end, cue, speaker: sp.speaker, confidence: sp.confidence });
    }
    return out;
  }
}

const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'to', '’s', "'s", '’re', "'re", '’ll', "'ll", '’d', "'d", "n't", 'n’t', 'wo', 'ca']);

/**
 * Added reported speech must read as a clause or an infinitive: three words or
 * more with a finite auxiliary or "to" among them ("said the word twice" is
 * not speech reported; "said the plan would fail" is).
 */
function looksLikeClause(view: TokenView, piece: TokenSpan): boolean {
  let words = 0;
  let verb = false;
  for (let k = piece.tokenStart; k < piece.tokenEnd; k++) {
    const w = view.lower[k]!;
    if (/[\p{L}\p{N}]/u.test(w)) words++;
    if (FINITE.has(w)) verb = true;
  }
  return words >= 3 && verb;
}

/** Last token of a content piece without trailing punctuation. */
function trimEnd(view: TokenView, piece: TokenSpan): number {
  let k = piece.tokenEnd - 1;
  while (k > piece.tokenStart && /^[.,;:!?…]$/.test(view.texts[k]!)) k--;
  return k;
}

