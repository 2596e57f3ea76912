/**
 * Learned date anchoring: for each event, the time expression of its sentence
 * that governs it, or none. A ranking perceptron trained on the event–time
 * links (TLINKs) of TimeBank, AQUAINT and MEANTIME scores each candidate and
 * "none"; its features see direction and distance, the preposition before the
 * time, and what lies between (a reporting verb, "that", other events), so a date
 * inside reported content does not date the reporting verb.
 */
import { anchorFeatures, eventContext, wordInfo, type EventContext, type EventSpan, type WordInfo } from './features.js';
import type { LinearModel } from './linear-model.js';
import type { TimeSpan, TokenView } from './tokens.js';

/** Candidate anchors: date and time expressions (durations and sets never date an event). */
export const isAnchorCandidate = (t: TimeSpan) => t.type === 'DATE' || t.type === 'TIME';

/** At most this many candidates are scored per event, the nearest (a sentence listing dozens of dates stays linear). */
export const MAX_CANDIDATES = 8;

/**
 * For each event (sorted by start), the index into `times` of its anchor, or −1.
 * `times` are the article's time expressions, sorted by start.
 */
export function anchorEvents(
  model: LinearModel,
  view: TokenView,
  events: readonly EventSpan[],
  times: readonly TimeSpan[],
  info: WordInfo = wordInfo(view),
  ctx: EventContext = eventContext(view, info, events),
): number[] {
  const feats: number[] = [];
  const score = new Float32Array(1);
  const out = new Array<number>(events.length).fill(-1);
  let t0 = 0;
  let cands: number[] = [];
  let candSentence = -1;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    const s = view.sentence[e.start]!;
    if (s !== candSentence) {
      // The date and time expressions of this sentence (times and events both in text order).
      while (t0 < times.length && view.sentence[times[t0]!.start]! < s) t0++;
      cands = [];
      for (let t = t0; t < times.length && view.sentence[times[t]!.start] === s; t++) if (isAnchorCandidate(times[t]!)) cands.push(t);
      candSentence = s;
    }
    if (cands.length === 0) continue;
    let scored = cands;
    if (cands.length > MAX_CANDIDATES) {
      const dist = (t: number) => (times[t]!.start >= e.end ? times[t]!.start - e.end : e.start - times[t]!.end);
      scored = [...cands].sort((a, b) => dist(a) - dist(b) || a - b).slice(0, MAX_CANDIDATES).sort((a, b) => a - b);
    }
    let best = -1;
    let bestScore = scoreOf(model, ctx, k, null, cands.length, feats, score);
    for (const t of scored) {
      const sc = scoreOf(model, ctx, k, times[t]!, cands.length, feats, score);
      if (sc > bestScore) {
        bestScore = sc;
        best = t;
      }
    }
    out[k] = best;
  }
  return out;
}

function scoreOf(model: LinearModel, ctx: EventContext, k: number, time: TimeSpan | null, inSentence: number, feats: number[], score: Float32Array): number {
  feats.length = 0;
  anchorFeatures(ctx, k, time, inSentence, feats);
  score[0] = 0;
  model.addScores(feats, 0, feats.length, score);
  return score[0]!;
}
