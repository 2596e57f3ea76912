/**
 * Learned date anchoring: for each event, the time expression of its sentence
 * that governs it, or none. A ranking perceptron trained on the event–time
 * links (TLINKs) of TimeBank, AQUAINT and MEANTIME scores each candidate and
 * "none"; its features see direction and distance, the preposition before the
 * time, and what lies between (a reporting verb, "that", other events), so a date
 * inside reported content does not date the reporting verb.
 */
import { anchorFeatures, wordInfo, type EventSpan, type WordInfo } from './features.js';
import type { LinearModel } from './linear-model.js';
import type { TimeSpan, TokenView } from './tokens.js';

/** Candidate anchors: date and time expressions (durations and sets never date an event). */
export const isAnchorCandidate = (t: TimeSpan) => t.type === 'DATE' || t.type === 'TIME';

/**
 * For each event (sorted by start), the index into `times` of its anchor, or −1.
 * `times` are the article's time expressions, sorted by start.
 */
export function anchorEvents(model: LinearModel, view: TokenView, events: readonly EventSpan[], times: readonly TimeSpan[], info: WordInfo = wordInfo(view)): number[] {
  const feats: number[] = [];
  return events.map((e, k) => {
    const s = view.sentence[e.start];
    const cands: number[] = [];
    for (let t = 0; t < times.length; t++) if (view.sentence[times[t]!.start] === s && isAnchorCandidate(times[t]!)) cands.push(t);
    if (cands.length === 0) return -1;
    const inSentence = cands.map((t) => times[t]!);
    feats.length = 0;
    anchorFeatures(view, info, events, k, null, inSentence, feats);
    let best = -1;
    let bestScore = model.scores(feats)[0]!;
    for (const t of cands) {
      feats.length = 0;
      anchorFeatures(view, info, events, k, times[t]!, inSentence, feats);
      const sc = model.scores(feats)[0]!;
      if (sc > bestScore) {
        bestScore = sc;
        best = t;
      }
    }
    return best;
  });
}
