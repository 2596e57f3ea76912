/**
 * Learned factuality: for each event mention, whether the article asserts it,
 * negates it, presents it as possible (modal, conditional, planned), as
 * cancelled or failed, or as the claim of a source ("officials said …").
 * Trained on TimeML polarity, modality and subordination links (SLINKs), plus a
 * cue list of counter-factive verbs where the corpus is silent.
 */
import { eventContext, factualityFeatures, isCancelCue, wordInfo, type EventContext, type EventSpan, type Form, type WordInfo } from './features.js';
import type { LinearModel } from './linear-model.js';
import { FACTUALITY, type Factuality, type TokenView } from './tokens.js';

/** A lowercase word that is probably a noun modifier ("takeover" in "the takeover bid"), not a verb or a clause word. */
const NOUNISH = /^[a-z][a-z-]*[a-df-z]$|^[a-z]+e$/;
const CLAUSE_WORDS = new Set(['that', 'and', 'but', 'or', 'which', 'who', 'when', 'while', 'because', 'if', 'as', 'to', 'by', 'with', 'in', 'on', 'at', 'from', 'after', 'before', 'not', 'was', 'were', 'is', 'are', 'be', 'been', 'has', 'have', 'had', 'will', 'would']);
const MODIFIER = /^(?:the|a|an|its|his|her|their|our|this|that|these|those|any|further|new|\$?[\d.,]+|['’]s|\p{Lu}[\p{L}.-]*)$/u;
/** Words that make the event they govern only possible: "a warrant for his arrest", "plans for a merger", "the threat of a strike". */
const POSSIBLE_BEFORE = /^(?:warrants?|plans?|calls?|bids?|proposals?|threats?|risk|possibility|prospect|hopes?|demands?|offers?|talk|fears?)$/;
const POSSIBLE_LINK = new Set(['for', 'of']);
const IRREALIS = new Set(['possible', 'potential', 'proposed', 'planned', 'future', 'prospective', 'would-be', 'threatened', 'mooted']);

const C_CANCEL = 1;
const C_IRREALIS = 2;
const C_LINK = 4;
/** A determiner, number, name or noun modifier: the cue search walks back over it. */
const C_SKIPPABLE = 8;
const C_TRAILING = 16;

/** The cue-list tests of one word form, made once per form (regexes are the costly part). */
function cueBits(f: Form): number {
  const lw = f.lower;
  f.cues =
    (isCancelCue(lw) ? C_CANCEL : 0) |
    (IRREALIS.has(lw) ? C_IRREALIS : 0) |
    (POSSIBLE_LINK.has(lw) ? C_LINK : 0) |
    (MODIFIER.test(f.text) || (NOUNISH.test(lw) && !CLAUSE_WORDS.has(lw)) ? C_SKIPPABLE : 0) |
    (TRAILING.test(f.text) ? C_TRAILING : 0);
  return f.cues;
}

/**
 * The cue lists, where the corpus is silent (few TimeML links mark them):
 * an event governed by a counter-factive verb is cancelled ("cancelled its UK
 * tour", "called off talks", "rejected the takeover bid", "failed to reach");
 * an event that is the object of a plan, warrant or threat, or has an irrealis
 * modifier, is possible ("a warrant for his arrest", "a proposed merger").
 * Determiners, numbers, names and other event words may stand between.
 */
export function cueFactuality(ctx: EventContext, k: number): Factuality | null {
  const { view, events } = ctx;
  const F = ctx.w.form;
  const e = events[k]!;
  const s = view.sentence[e.start];
  if (postposedAttribution(ctx, k)) return 'reported';
  let j = e.start - 1;
  let skipped = 0;
  let possible = false; // "cancelled its planned attack": the cancellation wins
  while (j >= 0 && view.sentence[j] === s && skipped < 4) {
    const f = F(j);
    const cues = f.cues >= 0 ? f.cues : cueBits(f);
    if (cues & C_CANCEL) return 'cancelled';
    if (f.lower === 'off' && j > 0 && F(j - 1).lower.startsWith('call')) return 'cancelled';
    if (cues & C_IRREALIS) possible = true;
    if (cues & C_LINK && j > 0 && POSSIBLE_BEFORE.test(F(j - 1).lower)) return 'possible';
    if (f.lower === 'to' && j === e.start - 1) {
      j--;
      continue; // "failed to reach"
    }
    if (!(cues & C_SKIPPABLE) && !ctx.covered[j]) break;
    j--;
    skipped++;
  }
  return possible ? 'possible' : null;
}

/**
 * Factuality of each event (events sorted by start), in the same order: the
 * model's choice, except where a cue says cancelled, or possible for an event
 * the model would assert.
 */
export function classifyFactuality(model: LinearModel, view: TokenView, events: readonly EventSpan[], info: WordInfo = wordInfo(view), ctx: EventContext = eventContext(view, info, events)): Factuality[] {
  return events.map((_, k) => factualityOf(model, ctx, k));
}

const feats: number[] = [];
let labelScores = new Float32Array(FACTUALITY.length);

/** The factuality of event k of the context. */
export function factualityOf(model: LinearModel, ctx: EventContext, k: number): Factuality {
  feats.length = 0;
  factualityFeatures(ctx, k, feats);
  if (labelScores.length !== model.labels) labelScores = new Float32Array(model.labels);
  const s = labelScores;
  s.fill(0);
  model.addScores(feats, 0, feats.length, s);
  let best = 0;
  for (let l = 1; l < s.length; l++) if (s[l]! > s[best]!) best = l;
  return withCue(FACTUALITY[best]!, cueFactuality(ctx, k));
}

const TRAILING = /^(?:[.!?"”’'),;]|on|in|at|last|this|yesterday|today|\p{Lu}\p{L}*|\d+)$/u;

/**
 * "The army bombed the port, officials said.": the sentence ends with a short
 * source and a reporting verb after a comma, so what comes before the comma is
 * the source's claim. (TimeML links these inconsistently: a cue, not learned.)
 */
function postposedAttribution(ctx: EventContext, k: number): boolean {
  const { view, events } = ctx;
  const e = events[k]!;
  const s = view.sentence[e.start];
  const r = ctx.repAfter[k]!;
  if (r < 0) return false;
  const rep = events[r]!;
  // At most a few words after the verb ("on Monday") before the sentence ends.
  let after = 0;
  const F = ctx.w.form;
  for (let j = rep.end; j < view.texts.length && view.sentence[j] === s; j++) {
    const f = F(j);
    if (!((f.cues >= 0 ? f.cues : cueBits(f)) & C_TRAILING) || ++after > 4) return false;
  }
  // A comma (or closing quote) at most five words before the verb, with no event between it and the verb.
  for (let j = rep.start - 1, d = 1; j >= e.end && d <= 6; j--, d++) {
    const t = view.texts[j]!;
    if (t === ',' || t === '”' || t === '"') return !(events[r - 1]!.start > j); // no event starts between the comma and the verb
  }
  return false;
}

/** How a cue combines with a label: cancelled always wins; possible replaces asserted. */
export function withCue(label: Factuality, cue: Factuality | null): Factuality {
  if (cue === 'cancelled') return 'cancelled';
  if ((cue === 'possible' || cue === 'reported') && label === 'asserted') return cue;
  return label;
}
