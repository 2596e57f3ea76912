/**
 * Learned event-mention detection: every token is classified as no event, as
 * the first token of an event of a TimeML class, or as the continuation of the
 * event before it ("take over"), by an averaged perceptron trained on TimeBank,
 * AQUAINT and MEANTIME. Adjacent events stay apart ("reported killed").
 * This decides whether a word is an event mention at all; the lexicon says of
 * which type.
 */
import { EVENT_CLASSES } from './tokens.js';
import type { TokenView } from './tokens.js';
import { mentionFeatures, wordInfo, type EventSpan, type WordInfo } from './features.js';
import type { LinearModel } from './linear-model.js';

/** Labels: 0 no event, 1 + class index for an event's first token, INSIDE for its other tokens. */
export const INSIDE = EVENT_CLASSES.length + 1;
export const MENTION_LABELS = EVENT_CLASSES.length + 2;

export interface DetectedMention extends EventSpan {
  /** Score margin of the event class over "no event" (> 0 for every detected mention). */
  margin: number;
}

/**
 * Event mentions of an article, in text order. `margins`, when given (one per
 * token, filled with −Infinity by the caller), receives each word's best event
 * score minus its "no event" score.
 *
 * @example
 * detectEventMentions(model, { texts: ['Putin', 'met', 'Erdogan', '.'], sentence: [0, 0, 0, 0] });
 * // [{ start: 1, end: 2, cls: 0, margin: 3.2 }]  (cls 0 = OCCURRENCE)
 */
export function detectEventMentions(model: LinearModel, view: TokenView, info: WordInfo = wordInfo(view), margins?: Float32Array): DetectedMention[] {
  const out: DetectedMention[] = [];
  const feats: number[] = [];
  const scores = new Float32Array(model.labels);
  for (let i = 0; i < view.texts.length; i++) {
    if (!info.alpha[i]) continue; // events are words
    feats.length = 0;
    mentionFeatures(view, info, i, feats);
    scores.fill(0);
    model.addScores(feats, 0, feats.length, scores);
    let best = 0;
    let bestEvent = 1;
    for (let l = 1; l < scores.length; l++) {
      if (scores[l]! > scores[best]!) best = l;
      if (scores[l]! > scores[bestEvent]!) bestEvent = l;
    }
    if (margins) margins[i] = scores[bestEvent]! - scores[0]!;
    if (best === 0) continue;
    const margin = scores[best]! - scores[0]!;
    const last = out[out.length - 1];
    if (best === INSIDE && last && last.end === i && view.sentence[i] === view.sentence[last.start]) {
      last.end = i + 1;
      last.margin = Math.min(last.margin, margin);
    } else out.push({ start: i, end: i + 1, cls: best === INSIDE ? 0 : best - 1, margin });
  }
  return out;
}

export const classNameOf = (cls: number) => EVENT_CLASSES[cls]!;
