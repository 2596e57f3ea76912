/**
 * The learned attribution on its own: detected cues → content (reported
 * speech tagger) → ranked speaker, over a TokenView. Used to tune and measure
 * the models by themselves (scripts/train-quotes.ts); the pipeline's quote
 * stage combines the same decisions with quotation-mark pairing.
 */
import type { TokenSpan, TokenView, TypedSpan } from './input.js';
import { contentOf, detectCues, rankSpeakers, type QuoteModels } from './model.js';

export interface LearnedAttribution {
  cue: TokenSpan;
  cueProbability: number;
  /** Raw scores behind the probabilities (for calibration). */
  cueScore: number;
  speakerMargin: number;
  content: TokenSpan[];
  speaker: TypedSpan | null;
  speakerProbability: number;
}

/**
 * Attributions of the view: each non-negated cue with content; a cue inside
 * the content of a stronger one is nested speech and skipped (PolNeAR keeps the
 * outermost).
 */
export function attribute(models: QuoteModels, view: TokenView): LearnedAttribution[] {
  const cues = detectCues(models, view).filter((c) => !c.negated);
  const order = cues.map((_, i) => i).sort((a, b) => cues[b]!.score - cues[a]!.score || a - b);
  const taken: TokenSpan[] = [];
  const out: LearnedAttribution[] = [];
  for (const i of order) {
    const cue = cues[i]!;
    if (taken.some((t) => cue.tokenStart < t.tokenEnd && cue.tokenEnd > t.tokenStart)) continue;
    const c = contentOf(models, view, cue);
    const content = [c.left, c.right].filter((x): x is TokenSpan => x !== null);
    if (!content.length) continue;
    if (content.some((x) => taken.some((t) => x.tokenStart < t.tokenEnd && x.tokenEnd > t.tokenStart))) continue;
    const sp = rankSpeakers(models, view, cue);
    taken.push(cue, ...content);
    out.push({
      cue,
      cueProbability: cue.probability,
      cueScore: cue.score,
      speakerMargin: sp.margin,
      content,
      speaker: sp.best >= 0 ? sp.candidates[sp.best]! : null,
      speakerProbability: sp.probability,
    });
  }
  return out.sort((a, b) => a.cue.tokenStart - b.cue.tokenStart);
}
