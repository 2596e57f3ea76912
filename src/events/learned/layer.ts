/**
 * The learned event components run over a Doc: the tokens of the sentences the
 * stage will read become a compact TokenView (other sentences are never looked
 * at), its time layer the candidate anchors. One pass per article, before the
 * lexicon stage reads the results per token.
 */
import type { Doc, DocTime } from '../../text/doc.js';
import { tokenIndex } from '../../text/token-index.js';
import { anchorOf, candidatesBySentence } from './anchoring.js';
import { factualityOf } from './factuality.js';
import { eventContext, wordInfo, type EventContext } from './features.js';
import { detectEventMentions, type DetectedMention } from './mentions.js';
import { loadEventModels, type EventModels } from './models.js';
import type { Factuality, TimeSpan, TokenView } from './tokens.js';

export interface LearnedEvents {
  /** Detected mentions, in text order, as doc token ranges. */
  mentions: DetectedMention[];
  /** Index into `mentions` of the mention covering doc token i, or −1. */
  mentionAt(i: number): number;
  /** The detector's best event score minus its "no event" score at doc token i (−Infinity for tokens not scored). */
  marginAt(i: number): number;
  /** The factuality of mention k (computed on first ask: most mentions are never asked about). */
  factualityOf(k: number): Factuality;
  /** The time expression anchoring mention k, or null (computed on first ask). */
  anchorOf(k: number): DocTime | null;
}

/**
 * A lexicon trigger is kept when the detector's margin for it is above this. Chosen
 * by `npm run train:events` on the TimeBank held-out fifth (report field
 * `lexicon_gate`) with the one-standard-error rule toward recall: the lowest margin
 * whose event F1 over lexicon words is within a standard error of the best (shipped
 * models: best F1 0.932 at +2.5, standard error 0.013; −3 gives 0.922; the models
 * trained without MEANTIME, which eval:events runs, would choose −4: F1 0.919 against 0.931). The lexicon and its cues already admit
 * only plausible events, so the detector rejects what is clearly no event.
 */
export const LEXICON_GATE = -3;

/**
 * `needed` (one flag per sentence), when given, limits the work to those
 * sentences: the other sentences get no mentions. Every feature reads only the
 * event's own sentence, so what the needed sentences get is the same either way:
 * the components run on a view of the needed sentences' tokens only (positions
 * in it are "compact" indices; `tok` maps them back to the doc's).
 */
export function learnEvents(doc: Doc, models: EventModels = loadEventModels(), needed?: Uint8Array): LearnedEvents {
  const toks = doc.tokens;
  const sentences = doc.sentences;
  let m = 0;
  for (let s = 0; s < sentences.length; s++) if (!needed || needed[s]) m += sentences[s]!.tokenEnd - sentences[s]!.tokenStart;
  // One backing buffer for the six per-token arrays (tok, sentence, margin, at, the two form hashes) and the word
  // facts' six (wordInfo, 15 bytes a token after them): typed-array allocations are costly one by one.
  const buf = new ArrayBuffer(39 * m);
  const tok = new Int32Array(buf, 0, m);
  const texts = new Array<string>(m);
  const sentence = new Int32Array(buf, 4 * m, m);
  // The tokens' form hashes, copied from the token index (which hashed each token's text once per document).
  const index = tokenIndex(doc);
  const formH0 = new Int32Array(buf, 16 * m, m);
  const formH1 = new Int32Array(buf, 20 * m, m);
  let c = 0;
  for (let s = 0; s < sentences.length; s++) {
    if (needed && !needed[s]) continue;
    for (let i = sentences[s]!.tokenStart, e = sentences[s]!.tokenEnd; i < e; i++, c++) {
      tok[c] = i;
      texts[c] = toks[i]!.text;
      sentence[c] = s;
      formH0[c] = index.formH0[i]!;
      formH1[c] = index.formH1[i]!;
    }
  }
  const view: TokenView = { texts, sentence, formH0, formH1 };
  const info = wordInfo(view, buf, 24 * m);
  const margin = new Float32Array(buf, 8 * m, m).fill(-Infinity);
  const local = detectEventMentions(models.mentions, view, info, margin);
  const at = new Int32Array(buf, 12 * m, m).fill(-1);
  for (let k = 0; k < local.length; k++) for (let t = local[k]!.start; t < local[k]!.end; t++) at[t] = k;
  const mentions = local.map((x) => ({ start: tok[x.start]!, end: tok[x.end - 1]! + 1, cls: x.cls, margin: x.margin }));
  let ctx: EventContext | null = null;
  // Time expressions of the needed sentences, in compact positions (a time lies within one sentence's tokens).
  let times: TimeSpan[] | null = null;
  let timeIndex: number[] = [];
  let bySentence: ReturnType<typeof candidatesBySentence> | null = null;
  const factuality = new Array<Factuality | undefined>(mentions.length);
  const anchor = new Array<DocTime | null | undefined>(mentions.length);
  /** Compact index of doc token i, or −1 when its sentence was not analysed. */
  const compact = (i: number) => {
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tok[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    return lo < m && tok[lo] === i ? lo : -1;
  };
  return {
    mentions,
    mentionAt: (i) => {
      const j = compact(i);
      return j < 0 ? -1 : at[j]!;
    },
    marginAt: (i) => {
      const j = compact(i);
      return j < 0 ? -Infinity : margin[j]!;
    },
    factualityOf: (k) => (factuality[k] ??= factualityOf(models.factuality, (ctx ??= eventContext(view, info, local)), k)),
    anchorOf: (k) => {
      let a = anchor[k];
      if (a === undefined) {
        if (!times) {
          times = [];
          for (let t = 0; t < doc.times.length; t++) {
            const x = doc.times[t]!;
            const j = compact(x.tokenStart);
            if (j < 0) continue;
            times.push({ start: j, end: j + (x.tokenEnd - x.tokenStart), type: x.type });
            timeIndex.push(t);
          }
          bySentence = candidatesBySentence(view, times);
        }
        const t = anchorOf(models.anchors, (ctx ??= eventContext(view, info, local)), k, times, bySentence!);
        anchor[k] = a = t >= 0 ? doc.times[timeIndex[t]!]! : null;
      }
      return a;
    },
  };
}
