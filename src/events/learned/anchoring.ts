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

/** The date and time expressions (candidate anchors) of each sentence: indices into `times`, by sentence. */
export function candidatesBySentence(view: TokenView, times: readonly TimeSpan[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  times.forEach((t, k) => {
    if (!isAnchorCandidate(t)) return;
    const s = view.sentence[t.start]!;
    let list = out.get(s);
    if (!list) out.set(s, (list = []));
    list.push(k);
  });
  return out;
}

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
  const bySentence = candidatesBySentence(view, times);
  return events.map((_, k) => anchorOf(model, ctx, k, times, bySentence));
}

const feats: number[] = [];
const score = new Float32Array(1);

/** The anchor of event k of the context: an index into `times`, or −1. */
export function anchorOf(model: LinearModel, ctx: EventContext, k: number, times: readonly TimeSpan[], bySentence: Map<number, number[]>): number {
  const e = ctx.events[k]!;
  const cands = bySentence.get(ctx.view.sentence[e.start]!);
  if (!cands) return -1;
  let scored = cands;
  if (cands.length > MAX_CANDIDATES) {
    const dist = (t: number) => (times[t]!.start >= e.end ? times[t]!.start - e.end : e.start - times[t]!.end);
    scored = [...cands].sort((a, b) => dist(a) - dist(b) || a - b).slice(0, MAX_CANDIDATES).sort((a, b) => a - b);
  }
  let best = -1;
  let bestScore = scoreOf(model, ctx, k, null, cands.length);
  for (const t of scored) {
    const sc = scoreOf(model, ctx, k, times[t]!, cands.length);
    if (sc > bestScore) {
      bestScore = sc;
      best = t;
    }
  }
  return best;
}

function scoreOf(model: LinearModel, ctx: EventContext, k: number, time: TimeSpan | null, inSentence: number): number {
  feats.length = 0;
  anchorFeatures(ctx, k, time, inSentence, feats);
  score[0] = 0;
  model.addScores(feats, 0, feats.length, score);
  return score[0]!;
}
