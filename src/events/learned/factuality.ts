/**
 * Learned factuality: for each event mention, whether the article asserts it,
 * negates it, presents it as possible (modal, conditional, planned), as
 * cancelled or failed, or as the claim of a source ("officials said …").
 * Trained on TimeML polarity, modality and subordination links (SLINKs), plus a
 * cue list of counter-factive verbs where the corpus is silent.
 */
import { factualityFeatures, isCancelCue, wordInfo, type EventSpan, type WordInfo } from './features.js';
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

/**
 * The cue lists, where the corpus is silent (few TimeML links mark them):
 * an event governed by a counter-factive verb is cancelled ("cancelled its UK
 * tour", "called off talks", "rejected the takeover bid", "failed to reach");
 * an event that is the object of a plan, warrant or threat, or has an irrealis
 * modifier, is possible ("a warrant for his arrest", "a proposed merger").
 * Determiners, numbers, names and other event words may stand between.
 */
export function cueFactuality(view: TokenView, info: WordInfo, events: readonly EventSpan[], k: number): Factuality | null {
  const e = events[k]!;
  const s = view.sentence[e.start];
  if (postposedAttribution(view, events, k)) return 'reported';
  const isEvent = (j: number) => events.some((x) => x.start <= j && j < x.end);
  let j = e.start - 1;
  let skipped = 0;
  let possible = false; // "cancelled its planned attack": the cancellation wins
  while (j >= 0 && view.sentence[j] === s && skipped < 4) {
    const lw = info.lower[j]!;
    if (isCancelCue(lw)) return 'cancelled';
    if (lw === 'off' && j > 0 && /^call/.test(info.lower[j - 1]!)) return 'cancelled';
    if (IRREALIS.has(lw)) possible = true;
    if (POSSIBLE_LINK.has(lw) && j > 0 && POSSIBLE_BEFORE.test(info.lower[j - 1]!)) return 'possible';
    if (lw === 'to' && j === e.start - 1) {
      j--;
      continue; // "failed to reach"
    }
    if (!MODIFIER.test(view.texts[j]!) && !isEvent(j) && !(NOUNISH.test(lw) && !CLAUSE_WORDS.has(lw))) break;
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
export function classifyFactuality(model: LinearModel, view: TokenView, events: readonly EventSpan[], info: WordInfo = wordInfo(view)): Factuality[] {
  const feats: number[] = [];
  return events.map((_, k) => {
    feats.length = 0;
    factualityFeatures(view, info, events, k, feats);
    const s = model.scores(feats);
    let best = 0;
    for (let l = 1; l < s.length; l++) if (s[l]! > s[best]!) best = l;
    return withCue(FACTUALITY[best]!, cueFactuality(view, info, events, k));
  });
}

const REPORTING = 1;
const TRAILING = /^(?:[.!?"”’'),;]|on|in|at|last|this|yesterday|today|\p{Lu}\p{L}*|\d+)$/u;

/**
 * "The army bombed the port, officials said.": the sentence ends with a short
 * source and a reporting verb after a comma, so what comes before the comma is
 * the source's claim. (TimeML links these inconsistently: a cue, not learned.)
 */
function postposedAttribution(view: TokenView, events: readonly EventSpan[], k: number): boolean {
  const e = events[k]!;
  const s = view.sentence[e.start];
  let r = k + 1;
  while (r < events.length && view.sentence[events[r]!.start] === s && events[r]!.cls !== REPORTING) r++;
  const rep = events[r];
  if (!rep || view.sentence[rep.start] !== s || rep.cls !== REPORTING) return false;
  // At most a few words after the verb ("on Monday") before the sentence ends.
  let after = 0;
  for (let j = rep.end; j < view.texts.length && view.sentence[j] === s; j++) if (!TRAILING.test(view.texts[j]!) || ++after > 4) return false;
  // A comma (or closing quote) at most five words before the verb, with no event between it and the verb.
  for (let j = rep.start - 1, d = 1; j >= e.end && d <= 6; j--, d++) {
    const t = view.texts[j]!;
    if (t === ',' || t === '”' || t === '"') return !events.some((x) => x.start > j && x.start < rep.start);
  }
  return false;
}

/** How a cue combines with a label: cancelled always wins; possible replaces asserted. */
export function withCue(label: Factuality, cue: Factuality | null): Factuality {
  if (cue === 'cancelled') return 'cancelled';
  if ((cue === 'possible' || cue === 'reported') && label === 'asserted') return cue;
  return label;
}
