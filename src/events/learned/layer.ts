/**
 * The learned event components run over a Doc: its tokens become the plain
 * TokenView, its time layer the candidate anchors. One pass per article,
 * before the lexicon stage reads the results per token.
 */
import type { Doc, DocTime } from '../../text/doc.js';
import { anchorOf, candidatesBySentence } from './anchoring.js';
import { factualityOf } from './factuality.js';
import { eventContext, wordInfo } from './features.js';
import { detectEventMentions, type DetectedMention } from './mentions.js';
import { loadEventModels, type EventModels } from './models.js';
import type { Factuality, TokenView } from './tokens.js';

export interface LearnedEvents {
  mentions: DetectedMention[];
  /** For each token: index into `mentions` of the mention covering it, or −1. */
  at: Int32Array;
  /** The factuality of mention k (computed on first ask: most mentions are never asked about). */
  factualityOf(k: number): Factuality;
  /** For each token: the detector's best event score minus its "no event" score (−Infinity for non-words). */
  margin: Float32Array;
  /** The time expression anchoring mention k, or null (computed on first ask). */
  anchorOf(k: number): DocTime | null;
}

/**
 * A lexicon trigger is kept when the detector's margin for it is above this. On the
 * TimeBank held-out fifth (`npm run train:events`, report field `lexicon_gate`) the
 * best margin over lexicon words was +1.5 with F1 0.932 against 0.928 at 0, the
 * detector's own decision: within noise, so the detector decides.
 */
export const LEXICON_GATE = 0;

/**
 * `needed` (one flag per sentence), when given, limits the work to those
 * sentences: the other sentences get no mentions. Every feature reads only the
 * event's own sentence, so what the needed sentences get is the same either way.
 */
export function learnEvents(doc: Doc, models: EventModels = loadEventModels(), needed?: Uint8Array): LearnedEvents {
  const n = doc.tokens.length;
  const texts = new Array<string>(n);
  const sentence = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[i]!;
    texts[i] = t.text;
    sentence[i] = t.sentence;
  }
  const view: TokenView = { texts, sentence };
  const info = wordInfo(view, needed);
  const margin = new Float32Array(n).fill(-Infinity);
  const mentions = detectEventMentions(models.mentions, view, info, margin);
  const ctx = eventContext(view, info, mentions);
  const times = doc.times.map((t) => ({ start: t.tokenStart, end: t.tokenEnd, type: t.type }));
  let bySentence: ReturnType<typeof candidatesBySentence> | null = null;
  const factuality = new Array<Factuality | undefined>(mentions.length);
  const anchor = new Array<DocTime | null | undefined>(mentions.length);
  const at = new Int32Array(n).fill(-1);
  for (let k = 0; k < mentions.length; k++) for (let t = mentions[k]!.start; t < mentions[k]!.end; t++) at[t] = k;
  return {
    mentions,
    at,
    margin,
    factualityOf: (k) => (factuality[k] ??= factualityOf(models.factuality, ctx, k)),
    anchorOf: (k) => {
      let a = anchor[k];
      if (a === undefined) {
        const t = anchorOf(models.anchors, ctx, k, times, (bySentence ??= candidatesBySentence(view, times)));
        anchor[k] = a = t >= 0 ? doc.times[t]! : null;
      }
      return a;
    },
  };
}
