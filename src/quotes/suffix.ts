/**
 * Word-ending tests without a regex, for the loops that run them on many tokens. Each equals
 * the regex it replaces, including for `undefined` (RegExp#test reads it as "undefined").
 */

/**
 * `/(?:a|b|c)$/.test(w)` for plain suffixes (one to three).
 *
 * @example
 * endsWith('quickly', 'ly'); // true
 */
export function endsWith(w: string | undefined, a: string, b?: string, c?: string): boolean {
  const s = String(w);
  return s.endsWith(a) || (b !== undefined && s.endsWith(b)) || (c !== undefined && s.endsWith(c));
}

/**
 * `/[^e]ed$/.test(w)`: "-ed" after a letter other than "e" ("asked", not "agreed").
 *
 * @example
 * edAfterNonE('asked'); // true
 * edAfterNonE('agreed'); // false
 */
export function edAfterNonE(w: string | undefined): boolean {
  const s = String(w);
  return s.length >= 3 && s.endsWith('ed') && s.charCodeAt(s.length - 3) !== 0x65;
}

/**
 * Rules the quote models are trained without (branch quotes16): the training scripts (`train:quotes`, `train:cues`)
 * turn them off, so the models' training data — the rules' drafts — and the cue grid's choice stay as they were, and
 * the stage applies them at run time, as the rules applied after the models do (`withoutNonSpeech`). A retrain with
 * them on moved the cue grid's near-tie and the ranker's weights, which read worse over BBC (docs/quotes.md); so did
 * quotes18's (`--run-time-rules on`, with a bootstrap choice of the cue grid's setting).
 */
export const runTimeRules = { on: true };

/** Words in -s that are no verb in the present ("Smith always", "Jones perhaps", "the Times news"). */
const NOT_PRESENT = new Set(['always', 'perhaps', 'sometimes', 'news', 'towards', 'afterwards', 'besides', 'whereas', 'nevertheless', 'politics', 'economics', 'series', 'species', 'yes', 'hers', 'its', 'his', 'this', 'thus', 'plus', 'various', 'previous', 'famous', 'serious', 'nervous', 'obvious', 'anxious', 'numerous', 'across', 'unless', 'less', 'overseas', 'as', 'us', 'was', 'has', 'is', 'does', 'goes']);

/**
 * The lowercase word at `j` ends in -s and follows a name that opens the clause at `from` (every word from `from` to
 * `j` capitalised): a verb in the present, the name its subject ("said Jones deserves credit", "says Microsoft plans
 * to …"). A possessive ("Jones's plan") or a lowercase word between ("said Jones family members") is no such pair, nor a
 * word ending its sentence (a headline's "Henman & Murray claim LTA awards").
 */
export function presentAfterName(ctx: { lower: readonly string[]; cap: ArrayLike<number>; word: ArrayLike<number>; doc: { tokens: readonly { sentence: number }[] } }, from: number, j: number): boolean {
  const w = ctx.lower[j]!;
  const t = ctx.doc.tokens;
  if (!runTimeRules.on || !ctx.word[j + 1] || t[j + 1]!.sentence !== t[j]!.sentence || j <= from || j - from > 4 || ctx.cap[j] || !ctx.word[j] || w.length < 4 || !w.endsWith('s') || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith("'s") || w.endsWith('’s') || NOT_PRESENT.has(w)) return false;
  for (let k = from; k < j; k++) if (!ctx.cap[k] || !ctx.word[k]) return false;
  return true;
}
