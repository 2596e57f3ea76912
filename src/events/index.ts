/**
 * Event stage: typed events (docs/events.md) with trigger, sentence, participants,
 * location, date and the evidence behind each field. Rule-based and explainable:
 * a documented trigger lexicon, clause-level modality filters, and argument
 * positions read off the tokens around the trigger.
 */
import type { Doc, DocEvent as Event, DocParticipant, Stage } from '../text/doc.js';
import { mentionAt, timeAt } from '../text/layers.js';
import { nameKey } from '../text/names.js';
import { ARTICLES, DEMONSTRATIVES, POSSESSIVE_DETERMINERS } from '../lang/en/index.js';
import { findDate, findLocation, findParticipants, type ArgContext } from './arguments.js';
import { CLAUSE_REACH, clauseIds, modality, rangeTest, speechRanges } from './clauses.js';
import { tokenIndex } from '../text/token-index.js';
import { wordFilter } from '../text/word-filter.js';
import { CAMEO_OVERRIDE, LEGAL_VERB_CUE, NEEDS_DATE, buildTriggerIndex, type TriggerInfo } from './lexicon.js';

export { TRIGGERS } from './lexicon.js';

const TRIGGER_INDEX = buildTriggerIndex();
const MAX_TRIGGERS_PER_CLAUSE = 24;
const COREF_WINDOW = 200;
const SUMMIT_HEADS = /^(?:Summit|Summits|Conference|Forum|Convention|Expo)$/;
/** The same heads in any case, for the last word of an event-name mention ("BRICS summit"). */
const SUMMIT_HEADS_ANY_CASE = new RegExp(SUMMIT_HEADS.source, 'i');
const MULTIWORD_FIRST = new Set([...TRIGGER_INDEX.keys()].filter((k) => k.includes('_')).map((k) => k.split('_')[0]!));
/** Tokens that can start a trigger (the test `triggerAt` opens with); all others are skipped at once. */
const TRIGGER_FIRST = new Set([...TRIGGER_INDEX.keys(), ...MULTIWORD_FIRST]);
const MAY_START_TRIGGER = wordFilter(TRIGGER_FIRST);
/** Types whose object takes part on an equal footing ("Putin met Pezeshkian"). */
const SYMMETRIC = new Set(['MEETING', 'CALL', 'SUMMIT']);
const OBJECT_TAKING_REPORT_VERBS = new Set(['told', 'tells', 'urged', 'warned', 'warns', 'quoted']);
/** Words after which a verb-or-noun trigger is a noun ("the attack", "his visit", "its first-ever summit"). */
const DETERMINERS = new RegExp(`^(?:${[...ARTICLES, ...DEMONSTRATIVES, ...POSSESSIVE_DETERMINERS, 'first', 'last', 'latest', 'recent', 'new', 'annual', 'first-ever', 'whose'].join('|')}|['’]s?)$`, 'i');

interface Candidate {
  info: TriggerInfo;
  ts: number;
  te: number;
  key: string;
}

/** The trigger starting at token i, longest first (three-, two-, one-word), with its class chosen by cues. */
function triggerAt(doc: Doc, lower: readonly string[], i: number, clauseText: () => string): Candidate | null {
  const toks = doc.tokens;
  const first = lower[i]!; // in TRIGGER_FIRST: findEvents tests that before calling
  for (let n = MULTIWORD_FIRST.has(first) ? 3 : 1; n >= 1; n--) {
    if (i + n > toks.length) continue;
    if (n > 1 && toks[i + n - 1]!.sentence !== toks[i]!.sentence) continue;
    const key = n === 1 ? first : lower.slice(i, i + n).join('_');
    const infos = TRIGGER_INDEX.get(key);
    if (!infos) continue;
    const ctxText = clauseText();
    const usable = infos.filter((inf) => {
      const cue = LEGAL_VERB_CUE[key] && inf.cls.type === 'LEGAL' ? LEGAL_VERB_CUE[key] : inf.cls.cue;
      return !cue || cue.test(ctxText);
    });
    if (usable.length === 0) continue;
    // Cued classes are more specific than uncued ones ("reported a profit" is a result, not a statement).
    usable.sort((a, b) => Number(!!b.cls.cue) - Number(!!a.cls.cue));
    // A word both verb and noun ("attack", "visit") is a noun after a determiner or possessive.
    const prev = toks[i - 1]?.text ?? '';
    const nounish = DETERMINERS.test(prev) || /^(?:[A-Z]\S*|\$?\d.*)$/.test(prev) && i > 0 && toks[i - 1]!.sentence === toks[i]!.sentence && !/^[A-Z][a-z]+$/.test(toks[i]!.text);
    const pick = usable.find((u) => u.pos === (nounish ? 'noun' : 'verb')) ?? usable[0]!;
    return { info: pick, ts: i, te: i + n, key };
  }
  return null;
}

/**
 * Finds the events of a Doc whose entities and times are already assigned.
 *
 * @example
 * const doc = createDoc({ text: 'Putin met Pezeshkian in Kazan on Friday.', publishedAt: '2024-10-14' });
 * runPipeline(doc);
 * doc.events[0].type; // 'MEETING'
 */
function extractEvents(doc: Doc): void {
  doc.events = findEvents(doc);
}

/** The event stage: reads the quotes (a trigger inside quoted speech is the speaker's claim, not the article's). */
export const eventsStage: Stage = { name: 'events', requires: ['text', 'entities', 'times', 'quotedSpans', 'quotes'], assigns: ['events'], run: extractEvents };

/**
 * The events of a Doc; `onReject` hears about every trigger that was dropped and why
 * (for debugging the lexicon and filters).
 */
export function findEvents(doc: Doc, onReject?: (trigger: string, at: number, why: string) => void): Event[] {
  const reject = (trigger: string, at: number, why: string) => onReject?.(trigger, at, why);
  const toks = doc.tokens;
  const clause = clauseIds(doc);
  const inSpeech = rangeTest(speechRanges(doc));
  const { mentions, at: byToken } = mentionAt(doc);
  const timeTokens = timeAt(doc);
  const { lower, cap, sig } = tokenIndex(doc);
  const ctx: ArgContext = { doc, lower, clause, mentions, byToken };

  // Clause text, for cue words, computed lazily: the clause, at most CLAUSE_REACH tokens either side
  // (bounded for huge clauses). Clause ids only grow along the text, so a clause is a contiguous run.
  const clauseTextOf = (i: number) => {
    let a = i;
    while (a > i - CLAUSE_REACH && a > 0 && clause[a - 1] === clause[i]) a--;
    let b = i + 1;
    while (b < i + CLAUSE_REACH + 1 && b < toks.length && clause[b] === clause[i]) b++;
    return doc.text.slice(toks[a]!.start, toks[b - 1]!.end);
  };

  const events: Event[] = [];
  let clauseOfLast = -1;
  let clauseOfCount = -1;
  let triggersInClause = 0;
  let lastInClause: Event | null = null;
  for (let i = 0; i < toks.length; i++) {
    // Most tokens start no trigger (the test triggerAt ends with): skip them before anything else.
    if (!MAY_START_TRIGGER.mayHaveSig(sig[i]!) || !TRIGGER_FIRST.has(lower[i]!)) continue;
    // Inside a person, organisation or place name a word is no trigger; inside an event name ("BRICS Summit") it is.
    // (A recogniser may also type "BRICS Summit" as an organisation: its final word still triggers.)
    if (byToken[i]! >= 0 && mentions[byToken[i]!]!.entity.type !== 'MISC' && !(mentions[byToken[i]!]!.tokenEnd === i + 1 && SUMMIT_HEADS_ANY_CASE.test(toks[i]!.text))) continue;
    // Triggers are common words: a capitalised one inside a sentence is a name ("March", "United States"),
    // except the head of a named meeting ("BRICS Summit").
    const w = toks[i]!.text;
    const sentenceFirst = i === 0 || toks[i - 1]!.sentence !== toks[i]!.sentence || /^[“"‘'(]$/.test(toks[i - 1]!.text);
    if (cap[i] && !sentenceFirst && !SUMMIT_HEADS.test(w)) continue;
    if (timeTokens[i]! >= 0) continue; // "March 06, 2008" is a date, not a march
    const cand = triggerAt(doc, lower, i, () => clauseTextOf(i));
    if (!cand) continue;
    // A clause with dozens of triggers is a list or garbage, not prose: analysing each would only cost time.
    if (clause[i] === clauseOfCount) {
      if (++triggersInClause > MAX_TRIGGERS_PER_CLAUSE) continue;
    } else {
      clauseOfCount = clause[i]!;
      triggersInClause = 1;
    }
    const { info, ts, te, key } = cand;
    const trigger = { text: doc.text.slice(toks[ts]!.start, toks[te - 1]!.end), start: toks[ts]!.start, end: toks[te - 1]!.end, tokenStart: ts, tokenEnd: te };
    if (inSpeech(trigger.start)) {
      reject(trigger.text, trigger.start, 'inside quoted speech'); // the speaker's claim, not the article's
      continue;
    }
    const mod = modality(doc, clause, ts, info.pos, lower);
    if (!mod.ok) {
      reject(trigger.text, trigger.start, mod.why);
      continue;
    }
    const statement = info.cls.type === 'STATEMENT';
    // What follows a reporting verb is the content of the statement, not its addressee, except after "told", "quoted"…
    const objectRole = statement
      ? OBJECT_TAKING_REPORT_VERBS.has(key) ? (key === 'quoted' ? 'patient' : 'recipient') : null
      : SYMMETRIC.has(info.cls.type) ? 'participant' : 'patient';
    const participants = findParticipants(ctx, ts, te, info.pos, !!info.cls.possessorIsPatient, objectRole, !!info.cls.subjectIsPatient);
    const eventName = byToken[ts]! >= 0 ? mentions[byToken[ts]!]! : null;
    if (eventName) {
      // An event name ("BRICS Summit") names its organiser: match the words before the trigger to a known entity.
      const head = nameKey(doc.text.slice(eventName.start, toks[ts]!.start));
      const org = doc.entities.find(
        (e) => e !== eventName.entity && e.type !== 'LOCATION' && e.subtype !== 'nationality' && [e.name, ...e.aliases].some((n) => nameKey(n) === head),
      );
      if (org && !participants.some((p) => p.entity.id === org.id)) participants.push({ entity: org, role: 'participant', why: `named in "${eventName.entity.name}"` });
    }
    const location = findLocation(ctx, ts, te, info.pos, info.cls.type === 'VISIT');
    // A reporting verb is dated only by a time right after it ("said on Tuesday", "told reporters Monday"), never by a date inside what was said.
    const date = findDate(ctx, doc.times, timeTokens, ts, te, statement && info.pos === 'verb' ? 4 : 40);
    if (NEEDS_DATE.has(info.cls.type) && !date) {
      reject(trigger.text, trigger.start, 'undated reporting verb');
      continue;
    }
    // Mentions with no participant, place or date are too vague to chart ("their first meeting").
    if (participants.length === 0 && !location && !date) {
      reject(trigger.text, trigger.start, 'no participant, place or date');
      continue;
    }
    const ev: Event = {
      id: '',
      type: info.cls.type,
      cameo: CAMEO_OVERRIDE[key] && info.cls.cameo ? CAMEO_OVERRIDE[key]! : info.cls.cameo,
      trigger: { start: trigger.start, end: trigger.end, tokenStart: ts, tokenEnd: te },
      sentence: toks[ts]!.sentence,
      date: date ? date.value : null,
      location: location ? location.value : null,
      participants: participants.map((p): DocParticipant => ({ entity: p.entity, role: p.role })),
      evidence: {
        type: `lexicon:${info.cls.type.toLowerCase()} ${info.pos} "${key.replace(/_/g, ' ')}"`,
        modality: 'asserted: not negated, not modal, not inside quoted speech',
        participants: participants.length ? participants.map((p) => `${p.role}: ${p.why}`).join('; ') : 'none found',
        location: location?.why ?? 'no place governed by in/at in the clause',
        date: date?.why ?? 'no dated time expression in the clause',
      },
    };
    // Two triggers of one event in a clause ("approved the draft agreement", "meet … at the summit"): merge.
    const c = clause[ts]!;
    if (clauseOfLast === c && lastInClause && sameEventInClause(lastInClause, ev)) {
      absorb(doc, lastInClause, ev);
      continue;
    }
    clauseOfLast = c;
    lastInClause = ev;
    events.push(ev);
  }
  return corefMerge(doc, events).map((e, i) => {
    const out = { ...e, id: `ev${i + 1}` };
    TRIGGER_SPANS.set(out, spansOf(e));
    return out;
  });
}

/** Every trigger span merged into an event (UTF-16 offsets into doc.text), for evaluation and debugging. */
const TRIGGER_SPANS = new WeakMap<Event, Array<{ start: number; end: number }>>();
const MAX_SPANS = 200;
const spansOf = (e: Event) => TRIGGER_SPANS.get(e) ?? [{ start: e.trigger.start, end: e.trigger.end }];
function addSpans(into: Event, other: Event) {
  const list = spansOf(into);
  if (list.length < MAX_SPANS) list.push(...spansOf(other));
  TRIGGER_SPANS.set(into, list);
}

/**
 * All trigger spans of an event found by `findEvents`/`extractEvents` in this process:
 * its own and those of mentions merged into it (UTF-16 offsets into doc.text).
 *
 * @example
 * triggerSpans(doc.events[0]); // [{ start: 61, end: 69 }, { start: 6, end: 14 }]
 */
export function triggerSpans(e: Event): Array<{ start: number; end: number }> {
  return spansOf(e);
}

/** Triggers in one clause describe one event when their types match, or a meeting is held at a summit. */
function sameEventInClause(a: Event, b: Event): boolean {
  if (a.type === b.type) return true;
  const pair = new Set([a.type, b.type]);
  return pair.has('SUMMIT') && pair.has('MEETING');
}

function absorb(doc: Doc, into: Event, other: Event) {
  if (other.type === 'SUMMIT' && into.type === 'MEETING') {
    into.type = 'SUMMIT';
    into.evidence.type = `${other.evidence.type} (meeting held at the summit)`;
  }
  const before = into.participants.length;
  for (const p of other.participants) if (!into.participants.some((q) => q.entity.id === p.entity.id)) into.participants.push(p);
  if (into.participants.length > before) {
    into.evidence.participants = `${before ? `${into.evidence.participants}; ` : ''}from "${textOf(doc, other.trigger)}": ${other.evidence.participants}`;
  }
  if (!into.date && other.date) {
    into.date = other.date;
    into.evidence.date = other.evidence.date!;
  }
  if (!into.location && other.location) {
    into.location = other.location;
    into.evidence.location = other.evidence.location!;
  }
  appendCapped(into.evidence, 'merged', `"${textOf(doc, other.trigger)}" in the same clause`);
  addSpans(into, other);
}

/** Appends to an evidence list, keeping it short: an event mentioned thousands of times must not grow without bound. */
function appendCapped(evidence: Record<string, string>, key: string, item: string) {
  const cur = evidence[key];
  if (!cur) evidence[key] = item;
  else if (cur.length < 1500) evidence[key] = `${cur}; ${item}`;
  else if (!cur.endsWith('…')) evidence[key] = `${cur}; …`;
}

const textOf = (doc: Doc, s: { start: number; end: number }) => doc.text.slice(s.start, s.end);
const sameDate = (a: Event, b: Event) => !!a.date && !!b.date && a.date.from === b.date.from && a.date.to === b.date.to;
const conflicts = (a: Event, b: Event) =>
  (!!a.date && !!b.date && !sameDate(a, b)) || (!!a.location && !!b.location && a.location.id !== b.location.id);
const sameParticipants = (a: Event, b: Event) =>
  a.participants.length > 0 &&
  a.participants.length === b.participants.length &&
  a.participants.every((p) => b.participants.some((q) => q.entity.id === p.entity.id));

/**
 * Later mentions of an event already reported ("At the Ashgabat meeting…") merge into
 * the first: same type, nothing in conflict, and the same place, date or participants.
 * Statements are never merged: each one is its own act.
 */
function corefMerge(doc: Doc, events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    let prior: Event | undefined;
    // Look back over the last events only: coreference is local, and the scan stays linear on huge inputs.
    for (let j = out.length - 1; e.type !== 'STATEMENT' && j >= 0 && j >= out.length - COREF_WINDOW; j--) {
      const o = out[j]!;
      if (
        o.type === e.type &&
        !conflicts(o, e) &&
        ((!!o.location && !!e.location && o.location.id === e.location.id) || sameDate(o, e) || sameParticipants(o, e))
      ) {
        prior = o;
        break;
      }
    }
    if (prior) {
      for (const p of e.participants) if (!prior.participants.some((q) => q.entity.id === p.entity.id) && prior.participants.length === 0) prior.participants.push(p);
      prior.date ??= e.date;
      prior.location ??= e.location;
      const sentence = textOf(doc, doc.sentences[e.sentence]!);
      appendCapped(prior.evidence, 'coreference', `also "${textOf(doc, e.trigger)}" in “${sentence.slice(0, 60)}${sentence.length > 60 ? '…' : ''}”`);
      addSpans(prior, e);
      continue;
    }
    out.push(e);
  }
  return out;
}
