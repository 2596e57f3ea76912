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

/**
 * The factuality evidence of an event the article schedules ("will meet on Monday", "is to visit", "is due to take
 * place", "plans to open"): flagged `possible` — it has not happened — but, unlike a modal or conditional one, charted
 * on the timeline with the asserted past ones (src/datasets/tables.ts). The prefix is what marks it in the output.
 */
export const SCHEDULED_EVIDENCE = 'scheduled: ';

/** Whether an output event is one the article schedules: `possible`, with scheduled evidence. */
export function scheduledEvent(ev: { factuality: string; evidence: Record<string, string> }): boolean {
  return ev.factuality === 'possible' && (ev.evidence.factuality ?? '').startsWith(SCHEDULED_EVIDENCE);
}

/** Forms of "be" before a scheduling word or infinitive: "is to visit", "are due to meet". */
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', "'s", '’s']);
/** Words between "be" and "to" that put an event on a schedule: "is due to", "is scheduled to", "is set to". */
const SCHEDULE_WORDS = new Set(['due', 'scheduled', 'set', 'slated', 'poised']);
/** Verbs of a plan that dates what it governs: "plans to open a plant in May". */
const PLAN_FORMS = new Set(['plan', 'plans', 'planned', 'planning']);
/**
 * Nouns that take "is to" as a purpose or a wish, not a schedule: "the aim is to buy", "his hope is to meet". The event
 * is still possible, but no date the article gives it is a schedule.
 */
const PURPOSE_NOUNS = new Set(['aim', 'goal', 'plan', 'idea', 'intention', 'hope', 'task', 'job', 'purpose', 'ambition', 'dream', 'wish', 'priority', 'challenge', 'objective', 'target', 'mission', 'strategy', 'solution', 'answer', 'way']);

/**
 * What schedules the verb at ts, or null: the infinitive after "be" ("is to visit", "was to have opened"), after "be"
 * and a scheduling word ("is due to meet", "are scheduled to sign") or after a plan ("plans to open"). Not after "be" of
 * a purpose noun ("the aim is to buy": still possible, but no schedule) nor in a clause of "if" (`modality` reads
 * that first: "if X were to visit" is a condition).
 */
export function scheduledInfinitive(lower: readonly string[], ts: number): string | null {
  let k = ts - 1;
  if (lower[k] === 'be' || lower[k] === 'have') k--; // "is to be sold", "was to have opened"
  if (lower[k] !== 'to') return null;
  const w = lower[k - 1] ?? '';
  if (PLAN_FORMS.has(w)) return `"${w} to"`;
  if (SCHEDULE_WORDS.has(w) && BE_FORMS.has(lower[k - 2] ?? '')) return `"${lower[k - 2]} ${w} to"`;
  if (BE_FORMS.has(w) && !PURPOSE_NOUNS.has(lower[k - 2] ?? '')) return `"${w} to"`;
  return null;
}

/**
 * The purpose noun whose "is to" governs the verb at ts ("the aim is to buy", "his hope was to meet"), or null: what
 * it governs is wished, not done nor scheduled (`modality` lets "be to" through as a schedule).
 */
export function purposeInfinitive(lower: readonly string[], ts: number): string | null {
  let k = ts - 1;
  if (lower[k] === 'be' || lower[k] === 'have') k--;
  if (lower[k] !== 'to' || !BE_FORMS.has(lower[k - 1] ?? '')) return null;
  return PURPOSE_NOUNS.has(lower[k - 2] ?? '') ? `"${lower[k - 2]} ${lower[k - 1]} to"` : null;
}

/** Verbs an event noun schedules itself with: "the meeting is due to take place", "the sale is to go ahead". */
const HAPPEN_VERBS = new Set(['take', 'be', 'begin', 'start', 'go', 'open', 'happen', 'resume', 'end', 'finish', 'close', 'conclude']);
/** How far after an event noun its scheduling verb may stand: "the meeting between Putin and Netanyahu is due to". */
const NOUN_REACH = 8;

/**
 * What schedules the event noun ending at te (exclusive), or null: a "be … to" after it in its clause, before any other
 * verb form — "The summit in Kazan is due to take place on Friday", "the sale is to go ahead in May".
 */
export function scheduledNoun(lower: readonly string[], clause: Int32Array, ts: number, te: number): string | null {
  const c = clause[ts]!;
  for (let k = te; k < te + NOUN_REACH && k < lower.length && clause[k] === c; k++) {
    if (!BE_FORMS.has(lower[k]!)) continue;
    const s = SCHEDULE_WORDS.has(lower[k + 1] ?? '') ? k + 2 : k + 1;
    if (lower[s] === 'to' && HAPPEN_VERBS.has(lower[s + 1] ?? '')) return `"${lower.slice(k, s + 1).join(' ')}"`;
    return null; // the noun's own verb is another "be": no schedule
  }
  return null;
}
