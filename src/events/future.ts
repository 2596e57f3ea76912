/**
 * The English future: an event the article itself puts after "will" ("Holmes will start 2005 with a series of
 * races", "will hold talks on Thursday", "the conference will be …") has not happened, so it is not asserted
 * (docs/events.md, "Thirteenth session: events30"). TimeML files "will" as a tense, not a modality, and its few
 * evidential links leave most "said it will …" events unmarked, so a model trained to call FUTURE possible also
 * took the source's claims from `reported`; the auxiliary is read here instead, after the learned factuality.
 */

/** Future auxiliaries ("won't" is a negation, handled with the negators). */
const FUTURE_AUX = new Set(['will', 'shall', "'ll", '’ll']);
/** How far back a verb trigger looks for its auxiliary: "will also be sold", "will not only hold talks". */
const AUX_REACH = 4;

/**
 * Whether the trigger at token ts (lowercase words, clause ids per token) is put in the future by "will": the
 * auxiliary within a few words before it in its clause (a verb, or the object of the verb: "will hold talks"), or,
 * for a noun, right after it as the noun's verb ("the conference will be").
 */
export function futureAux(lower: readonly string[], clause: Int32Array, ts: number, te: number, pos: 'verb' | 'noun'): boolean {
  const c = clause[ts]!;
  for (let k = ts - 1; k >= 0 && k >= ts - AUX_REACH && clause[k] === c; k--) {
    // "the will of the people": a determiner before it makes "will" a noun.
    if (FUTURE_AUX.has(lower[k]!) && !/^(?:the|a|his|her|their|its|own)$/.test(lower[k - 1] ?? '')) return true;
  }
  return pos === 'noun' && te < lower.length && clause[te] === c && FUTURE_AUX.has(lower[te]!);
}
