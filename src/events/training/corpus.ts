/**
 * Readers for the event corpora: TimeML (TempEval-3 TBAQ-cleaned: TimeBank and
 * AQUAINT) and MEANTIME (NewsReader CAT XML). Both become the same plain
 * record: text, character spans of events and time expressions, the
 * event–time links, and a factuality label per event derived from the
 * annotation (see `factualityOf`). `alignToTokens` then re-tokenises the text
 * with the project's own tokenizer, so training sees the tokens the stage sees.
 */
import { createDoc } from '../../text/create-doc.js';
import type { EventClass, Factuality, TimeSpan, TokenSpan, TokenView } from '../learned/tokens.js';

export interface CharSpan {
  start: number;
  end: number;
}

export interface GoldEventMention extends CharSpan {
  id: string;
  cls: EventClass;
  factuality: Factuality;
  /** False when the label rests on annotation known to be broken (see polarityReliable). */
  factualityKnown: boolean;
}

export interface GoldTime extends CharSpan {
  id: string;
  type: TimeSpan['type'];
  value: string;
}

export interface AnnotatedText {
  id: string;
  corpus: 'timebank' | 'aquaint' | 'meantime';
  text: string;
  dct: string | null;
  events: GoldEventMention[];
  times: GoldTime[];
  /** Event id → id of the time expression that anchors it (INCLUDES, IS_INCLUDED, SIMULTANEOUS…). */
  anchors: Map<string, string>;
  /** Events with a link to some time that is not an anchor (BEFORE, AFTER…) or to the creation time. */
  linkedElsewhere: Set<string>;
  /** Character ranges that were annotated for events (MEANTIME annotates a few sentences per article). */
  annotated: CharSpan[];
}

/** TLINK relations that place an event inside, at or over a time: the time dates the event. */
export const ANCHOR_RELS = new Set(['INCLUDES', 'IS_INCLUDED', 'SIMULTANEOUS', 'DURING', 'DURING_INV', 'BEGINS', 'ENDS', 'BEGUN_BY', 'ENDED_BY', 'IDENTITY']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const attr = (s: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(s)?.[1] ?? '';
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
const TIME_TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);
const CLASSES = new Set(['OCCURRENCE', 'REPORTING', 'STATE', 'I_ACTION', 'I_STATE', 'ASPECTUAL', 'PERCEPTION']);

interface EventFacts {
  cls: string;
  polarityNeg: boolean;
  modality: string;
  /** SLINK relation types under which the event is subordinated, with the class of the subordinating event. */
  slinks: Array<{ rel: string; fromClass: string }>;
}

/**
 * What the annotation says about an event's factuality, in order of precedence:
 * cancelled (the complement of a counter-factive: "prevented", "called off",
 * "failed to"), negated (polarity NEG, or under "denied"), possible (a modal
 * such as would/could/may, or the complement of a modal or conditional
 * predicate: "plans to", "wants to", "if"), reported (the content of a
 * reporting event: "said that …"), else asserted. "will" is not a modal in
 * TimeML (future tense): scheduled events are asserted.
 */
export function factualityOf(f: EventFacts): Factuality {
  if (f.slinks.some((s) => s.rel === 'COUNTER_FACTIVE')) return 'cancelled';
  if (f.polarityNeg || f.slinks.some((s) => s.rel === 'NEG_EVIDENTIAL')) return 'negated';
  const modal = f.modality && !/^(?:none|will|shall|'ll)$/i.test(f.modality);
  if (modal || f.slinks.some((s) => s.rel === 'MODAL' || s.rel === 'CONDITIONAL')) return 'possible';
  if (f.slinks.some((s) => s.rel === 'EVIDENTIAL' && s.fromClass === 'REPORTING')) return 'reported';
  return 'asserted';
}

/** Reads a TempEval-3 TimeML file. */
export function readTimeML(xml: string, id: string, corpus: 'timebank' | 'aquaint'): AnnotatedText {
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0];
  const dctValue = dctTag ? attr(dctTag, 'value') : '';
  const dct = /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;
  const dctId = dctTag ? attr(dctTag, 'tid') : '';
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  const body = open >= 0 && close > open ? xml.slice(open + 6, close) : '';
  let text = '';
  const rawEvents: Array<CharSpan & { eid: string; cls: string }> = [];
  const times: GoldTime[] = [];
  const stack: Array<{ tag: string; start: number; attrs: string }> = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(\w+);|[^<&]+|[<&]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[2]) {
      const tag = m[2];
      if (tag !== 'EVENT' && tag !== 'TIMEX3') continue;
      if (m[1] === '/') {
        const o = stack.pop();
        if (!o) continue;
        if (o.tag === 'EVENT') rawEvents.push({ start: o.start, end: text.length, eid: attr(o.attrs, 'eid'), cls: attr(o.attrs, 'class') });
        else {
          const type = attr(o.attrs, 'type');
          if (TIME_TYPES.has(type)) times.push({ id: attr(o.attrs, 'tid'), start: o.start, end: text.length, type: type as GoldTime['type'], value: attr(o.attrs, 'value') });
        }
      } else if (!m[3]!.endsWith('/')) stack.push({ tag, start: text.length, attrs: m[3]! });
    } else if (m[4]) text += ENTITIES[m[4]] ?? m[0];
    else text += m[0];
  }
  // Instances: eiid → eid, with polarity and modality.
  const eventOfInstance = new Map<string, string>();
  const facts = new Map<string, EventFacts>();
  for (const e of rawEvents) facts.set(e.eid, { cls: e.cls, polarityNeg: false, modality: '', slinks: [] });
  let neg = 0;
  let inst = 0;
  for (const mi of xml.matchAll(/<MAKEINSTANCE\b[^>]*>/g)) {
    const eid = attr(mi[0], 'eventID');
    eventOfInstance.set(attr(mi[0], 'eiid'), eid);
    const f = facts.get(eid);
    if (!f) continue;
    inst++;
    if (attr(mi[0], 'polarity') === 'NEG') {
      f.polarityNeg = true;
      neg++;
    }
    f.modality ||= attr(mi[0], 'modality');
  }
  // Some AQUAINT files in TBAQ-cleaned mark nearly every event NEG: their polarity is not used.
  const polarityReliable = inst < 10 || neg / inst < 0.5;
  for (const sl of xml.matchAll(/<SLINK\b[^>]*>/g)) {
    const from = eventOfInstance.get(attr(sl[0], 'eventInstanceID'));
    const to = eventOfInstance.get(attr(sl[0], 'subordinatedEventInstance'));
    const f = to ? facts.get(to) : undefined;
    if (f && from) f.slinks.push({ rel: attr(sl[0], 'relType'), fromClass: facts.get(from)?.cls ?? '' });
  }
  const events: GoldEventMention[] = rawEvents.map((e) => {
    const f = facts.get(e.eid)!;
    if (!polarityReliable) f.polarityNeg = false;
    return {
      id: e.eid,
      start: e.start,
      end: e.end,
      cls: (CLASSES.has(e.cls) ? e.cls : 'OCCURRENCE') as EventClass,
      factuality: factualityOf(f),
      factualityKnown: polarityReliable,
    };
  });
  const anchors = new Map<string, string>();
  const linkedElsewhere = new Set<string>();
  const timeIds = new Set(times.map((t) => t.id));
  for (const tl of xml.matchAll(/<TLINK\b[^>]*>/g)) {
    const t = tl[0];
    const rel = attr(t, 'relType');
    let ev = eventOfInstance.get(attr(t, 'eventInstanceID'));
    let time = attr(t, 'relatedToTime');
    if (!ev || !time) {
      ev = eventOfInstance.get(attr(t, 'relatedToEventInstance'));
      time = attr(t, 'timeID');
    }
    if (!ev || !time) continue;
    if (ANCHOR_RELS.has(rel) && timeIds.has(time) && time !== dctId) anchors.set(ev, time);
    else linkedElsewhere.add(ev);
  }
  return { id, corpus, text, dct, events, times, anchors, linkedElsewhere, annotated: [{ start: 0, end: text.length }] };
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?)\]}%]|['’]s|['’]|n['’]t|['’](?:re|ve|ll|d|m))$/i;

/**
 * Reads a MEANTIME CAT XML file. The text is rebuilt from its tokens (sentences
 * separated by blank lines). MEANTIME has no event classes: `cls` is left
 * OCCURRENCE and set from TimeML's majority class per word by the trainer.
 * Factuality: polarity NEG → negated, certainty POSSIBLE/PROBABLE → possible.
 */
export function readMeantime(xml: string, id: string): AnnotatedText {
  const tokenPos = new Map<string, CharSpan & { sentence: number }>();
  let text = '';
  let prevSentence = -1;
  let prevOpen = false;
  const sentenceSpan = new Map<number, CharSpan>();
  for (const m of xml.matchAll(/<token [^>]*>[^<]*<\/token>/g)) {
    const tag = m[0];
    const sentence = +attr(tag, 'sentence');
    const word = unescape(/>([^<]*)</.exec(tag)![1]!);
    if (prevSentence >= 0 && sentence !== prevSentence) text += '\n\n';
    else if (prevSentence >= 0 && !NO_SPACE_BEFORE.test(word) && !prevOpen) text += ' ';
    const span = { start: text.length, end: text.length + word.length, sentence };
    tokenPos.set(attr(tag, 't_id'), span);
    const s = sentenceSpan.get(sentence);
    if (s) s.end = span.end;
    else sentenceSpan.set(sentence, { start: span.start, end: span.end });
    text += word;
    prevSentence = sentence;
    prevOpen = /^[([{$]$/.test(word);
  }
  const spanOf = (inner: string): (CharSpan & { sentence: number }) | null => {
    const toks = [...inner.matchAll(/t_id="(\d+)"/g)].map((x) => tokenPos.get(x[1]!)).filter((x) => !!x);
    if (toks.length === 0) return null;
    return { start: Math.min(...toks.map((x) => x.start)), end: Math.max(...toks.map((x) => x.end)), sentence: toks[0]!.sentence };
  };
  const events: GoldEventMention[] = [];
  const annotatedSentences = new Set<number>();
  for (const m of xml.matchAll(/<EVENT_MENTION ([^>]*)>([\s\S]*?)<\/EVENT_MENTION>/g)) {
    const s = spanOf(m[2]!);
    if (!s) continue;
    annotatedSentences.add(s.sentence);
    const a = m[1]!;
    const factuality: Factuality =
      attr(a, 'polarity') === 'NEG' ? 'negated' : /POSSIBLE|PROBABLE/.test(attr(a, 'certainty')) ? 'possible' : 'asserted';
    events.push({ id: attr(a, 'm_id'), start: s.start, end: s.end, cls: 'OCCURRENCE', factuality, factualityKnown: false });
  }
  const times: GoldTime[] = [];
  let dct: string | null = null;
  let dctId = '';
  for (const m of xml.matchAll(/<TIMEX3 ([^>]*)>([\s\S]*?)<\/TIMEX3>/g)) {
    const a = m[1]!;
    const value = attr(a, 'value');
    if (attr(a, 'functionInDocument') === 'CREATION_TIME') {
      if (/^\d{4}-\d{2}-\d{2}/.test(value)) dct = value.slice(0, 10);
      dctId = attr(a, 'm_id');
      continue;
    }
    const s = spanOf(m[2]!);
    const type = attr(a, 'type');
    if (s && TIME_TYPES.has(type)) times.push({ id: attr(a, 'm_id'), start: s.start, end: s.end, type: type as GoldTime['type'], value });
  }
  const eventIds = new Set(events.map((e) => e.id));
  const timeIds = new Set(times.map((t) => t.id));
  const anchors = new Map<string, string>();
  const linkedElsewhere = new Set<string>();
  for (const m of xml.matchAll(/<TLINK [^>]*reltype="([^"]*)"[^>]*>\s*<source m_id="(\d+)"\/>\s*<target m_id="(\d+)"\/>/g)) {
    const [, rel, a, b] = m;
    const [ev, time] = eventIds.has(a!) ? [a!, b!] : [b!, a!];
    if (!eventIds.has(ev)) continue;
    if (ANCHOR_RELS.has(rel!) && timeIds.has(time)) anchors.set(ev, time);
    else if (timeIds.has(time) || time === dctId) linkedElsewhere.add(ev);
  }
  const annotated = [...annotatedSentences].sort((x, y) => x - y).map((s) => sentenceSpan.get(s)!);
  return { id, corpus: 'meantime', text, dct, events, times, anchors, linkedElsewhere, annotated };
}

/** An annotated text on the project's tokens: what training and evaluation read. */
export interface AlignedText {
  source: AnnotatedText;
  view: TokenView;
  /** Character offsets of each token. */
  starts: number[];
  ends: number[];
  events: Array<TokenSpan & { gold: GoldEventMention }>;
  times: Array<TimeSpan & { gold: GoldTime }>;
  /** Whether token i lies in an annotated region. */
  annotated: Uint8Array;
}

/** Token range covering a character span (every token that overlaps it), or null. */
export function tokenRange(starts: number[], ends: number[], span: CharSpan): TokenSpan | null {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < starts.length && starts[end]! < span.end) end++;
  return end > lo ? { start: lo, end } : null;
}

/** Tokenises with the project's tokenizer and segmenter and maps the gold spans onto the tokens. */
export function alignToTokens(a: AnnotatedText): AlignedText {
  const doc = createDoc({ text: a.text });
  const starts = doc.tokens.map((t) => t.start);
  const ends = doc.tokens.map((t) => t.end);
  const view: TokenView = { texts: doc.tokens.map((t) => t.text), sentence: Int32Array.from(doc.tokens, (t) => t.sentence) };
  const events: AlignedText['events'] = [];
  for (const e of a.events) {
    const r = tokenRange(starts, ends, e);
    if (r && !events.some((x) => x.start < r.end && r.start < x.end)) events.push({ ...r, gold: e });
  }
  events.sort((x, y) => x.start - y.start);
  const times: AlignedText['times'] = [];
  for (const t of a.times) {
    const r = tokenRange(starts, ends, t);
    if (r) times.push({ ...r, type: t.type, gold: t });
  }
  times.sort((x, y) => x.start - y.start);
  const annotated = new Uint8Array(starts.length);
  for (const span of a.annotated) {
    const r = tokenRange(starts, ends, span);
    if (r) annotated.fill(1, r.start, r.end);
  }
  return { source: a, view, starts, ends, events, times, annotated };
}
