/**
 * The English future: an event the article itself puts after "will" ("Holmes will start 2005 with a series of
 * races", "will be released in late January", "will hold talks on Thursday") has not happened, so it is not asserted
 * (docs/events.md, "Thirteenth session: events30"). TimeML files "will" as a tense, not a modality, and its few
 * evidential links leave most "said it will …" events unmarked, so a model trained to call FUTURE possible also
 * took the source's claims from `reported`; the auxiliary is read here instead, after the learned factuality.
 */

import type { Doc } from '../text/doc.js';

/** Future auxiliaries ("won't" is a negation, handled with the negators). */
const FUTURE_AUX = new Set(['will', 'shall', "'ll", '’ll']);
/** How far back a trigger looks for its auxiliary: "will also be sold", "will hold private talks". */
const AUX_REACH = 4;
/**
 * Verbs whose object is the happening itself ("will hold talks", "will make solo visits", "will start negotiations"):
 * a noun after another future verb names something that may already be ("will appeal against the ruling", "will
 * contest the decision").
 */
const STAGING_VERBS = new Set(['hold', 'make', 'start', 'begin', 'have', 'take', 'stage', 'host', 'attend', 'undergo', 'face', 'give']);
/** Words that may stand between the auxiliary and its verb. */
const ADVERBS = new Set(['also', 'now', 'still', 'then', 'soon', 'only', 'again', 'first', 'probably', 'likely', 'later']);

/**
 * Whether token k is a future auxiliary: not the noun ("the will of the people", "his will"), an ellipsis ("as will
 * X"), nor a capitalised word inside a sentence (a title or a name: "We Will Rock You", "Will Young").
 */
function isFutureAux(doc: Doc, lower: readonly string[], k: number): boolean {
  if (!FUTURE_AUX.has(lower[k]!) || /^(?:the|a|his|her|their|its|own|as)$/.test(lower[k - 1] ?? '')) return false;
  const toks = doc.tokens;
  return k === 0 || toks[k - 1]!.sentence !== toks[k]!.sentence || toks[k]!.text[0] !== 'W';
}

/**
 * Whether the trigger at token ts (lowercase words, clause ids per token) is put in the future by "will": the
 * auxiliary within a few words before it in its clause; for a noun, only as the object of a staging verb ("will hold
 * talks"). A noun that is the subject of "will" is left alone: "the deal will cost it $1bn" was struck.
 */
export function futureAux(doc: Doc, lower: readonly string[], clause: Int32Array, ts: number, pos: 'verb' | 'noun'): boolean {
  const c = clause[ts]!;
  for (let k = ts - 1; k >= 0 && k >= ts - AUX_REACH && clause[k] === c; k--) {
    if (!isFutureAux(doc, lower, k)) continue;
    if (pos === 'verb') return true;
    let v = k + 1;
    while (v < ts && ADVERBS.has(lower[v]!)) v++;
    return v < ts && STAGING_VERBS.has(lower[v]!);
  }
  return false;
}
