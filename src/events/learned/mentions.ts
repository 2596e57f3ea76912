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
import { scoreMentionTokens, wordInfo, type EventSpan, type WordInfo } from './features.js';
import type { LinearModel } from './linear-model.js';

/** Labels: 0 no event, 1 + class index for an event's first token, INSIDE for its other tokens. */
export const INSIDE = EVENT_CLASSES.length + 1;
export const MENTION_LABELS = EVENT_CLASSES.length + 2;

/**
 * Words whose own evidence (the word alone, without its neighbours, cached per word form) puts "no event"
 * this far ahead of every event label are not scored further: about a third of the words that are left
 * after the closed-class ones. Chosen on the TimeBank held-out fifth as the strictest gate that keeps its
 * event-span F1 and recall unchanged (−15 already loses 0.2 points of recall); `npm run train:events`
 * reports both with and without it (`mention_gate`).
 */
export const MENTION_GATE = -20;

let allScores = new Float32Array(4096 * MENTION_LABELS);
let scoredScratch = new Uint8Array(4096);

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
export function detectEventMentions(model: LinearModel, view: TokenView, info: WordInfo = wordInfo(view), margins?: Float32Array, gate = MENTION_GATE): DetectedMention[] {
  const out: DetectedMention[] = [];
  const n = view.texts.length;
  const L = model.labels;
  // Scratch reused across articles: only scored tokens' scores are written and read.
  if (allScores.length < n * L) allScores = new Float32Array(Math.max(n * L, 2 * allScores.length));
  if (scoredScratch.length < n) scoredScratch = new Uint8Array(Math.max(n, 2 * scoredScratch.length));
  const all = allScores;
  const scored = scoredScratch;
  scored.fill(0, 0, n);
  scoreMentionTokens(model, view, info, all, scored, gate);
  for (let i = 0; i < n; i++) {
    if (!scored[i]) continue; // events are words, not closed-class ones
    const b = i * L;
    let best = 0;
    let bestEvent = 1;
    for (let l = 1; l < L; l++) {
      if (all[b + l]! > all[b + best]!) best = l;
      if (all[b + l]! > all[b + bestEvent]!) bestEvent = l;
    }
    if (margins) margins[i] = all[b + bestEvent]! - all[b]!;
    if (best === 0) continue;
    const margin = all[b + best]! - all[b]!;
    const last = out[out.length - 1];
    if (best === INSIDE && last && last.end === i && view.sentence[i] === view.sentence[last.start]) {
      last.end = i + 1;
      last.margin = Math.min(last.margin, margin);
    } else out.push({ start: i, end: i + 1, cls: best === INSIDE ? 0 : best - 1, margin });
  }
  return out;
}

export const classNameOf = (cls: number) => EVENT_CLASSES[cls]!;
