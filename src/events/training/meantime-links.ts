/**
 * MEANTIME (NewsReader CAT XML) as the evaluation and the participant and
 * coreference training read it: the text rebuilt from the tokens, event, time
 * and entity mentions as character spans, HAS_PARTICIPANT links with their
 * PropBank roles, the event instance each event mention refers to (REFERS_TO:
 * intra-document coreference) and the event–date links.
 */
import type { EntityType } from '../../document/schema.js';

export interface Span {
  start: number;
  end: number;
}
export interface MeantimeDoc {
  name: string;
  text: string;
  dct: string | null;
  events: Map<string, Span & { text: string }>;
  timexes: Map<string, Span & { type: string; value: string; dct: boolean }>;
  entityMentions: Map<string, Span & { type: EntityType | null; name: string; instance: string | null; head: string }>;
  participants: Map<string, string[]>;
  /** Event mention id → its participants with their PropBank role (Arg0, Arg1, Argm-LOC…). */
  roles: Map<string, Array<{ target: string; role: string }>>;
  /** Event mention id → the id of the event instance it refers to (mentions of one instance corefer). */
  eventInstance: Map<string, string>;
  anchors: Map<string, string>;
  dctAnchored: Set<string>;
}

const attr = (s: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(s)?.[1] ?? '';
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
const NO_SPACE_BEFORE = /^(?:[.,;:!?)\]}%]|['’]s|['’]|n['’]t|['’](?:re|ve|ll|d|m))$/i;
export const ANCHOR_RELS = new Set(['INCLUDES', 'IS_INCLUDED', 'SIMULTANEOUS', 'BEGINS', 'ENDS', 'BEGUN_BY', 'ENDED_BY', 'DURING', 'IDENTITY']);
const ENT_TYPE: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'LOCATION', PRO: 'MISC', FIN: 'MISC', MIX: 'MISC' };

export function parseMeantime(xml: string, name: string): MeantimeDoc {
  const tokenPos = new Map<string, Span>();
  let text = '';
  let prevSentence = -1;
  let prevOpen = false;
  for (const m of xml.matchAll(/<token [^>]*>[^<]*<\/token>/g)) {
    const tag = m[0];
    const id = attr(tag, 't_id');
    const sentence = +attr(tag, 'sentence');
    const word = unescape(/>([^<]*)</.exec(tag)![1]!);
    if (prevSentence >= 0 && sentence !== prevSentence) text += '\n\n';
    else if (prevSentence >= 0 && !NO_SPACE_BEFORE.test(word) && !prevOpen) text += ' ';
    tokenPos.set(id, { start: text.length, end: text.length + word.length });
    text += word;
    prevSentence = sentence;
    prevOpen = /^[([{$]$/.test(word);
  }
  const spanOf = (body: string): Span | null => {
    const ids = [...body.matchAll(/t_id="(\d+)"/g)].map((x) => tokenPos.get(x[1]!)).filter((x): x is Span => !!x);
    if (ids.length === 0) return null;
    return { start: Math.min(...ids.map((x) => x.start)), end: Math.max(...ids.map((x) => x.end)) };
  };
  const events = new Map<string, Span & { text: string }>();
  for (const m of xml.matchAll(/<EVENT_MENTION ([^>]*)>([\s\S]*?)<\/EVENT_MENTION>/g)) {
    const s = spanOf(m[2]!);
    if (s) events.set(attr(m[1]!, 'm_id'), { ...s, text: text.slice(s.start, s.end) });
  }
  const timexes = new Map<string, Span & { type: string; value: string; dct: boolean }>();
  let dct: string | null = null;
  for (const m of xml.matchAll(/<TIMEX3 ([^>]*)>([\s\S]*?)<\/TIMEX3>/g)) {
    const isDct = attr(m[1]!, 'functionInDocument') === 'CREATION_TIME';
    const value = attr(m[1]!, 'value');
    if (isDct && /^\d{4}-\d{2}-\d{2}/.test(value)) dct = value.slice(0, 10);
    const s = spanOf(m[2]!) ?? { start: -1, end: -1 };
    timexes.set(attr(m[1]!, 'm_id'), { ...s, type: attr(m[1]!, 'type'), value, dct: isDct });
  }
  const instances = new Map<string, { type: string; name: string }>();
  for (const m of xml.matchAll(/<ENTITY ([^>]*)\/>/g)) instances.set(attr(m[1]!, 'm_id'), { type: attr(m[1]!, 'ent_type'), name: attr(m[1]!, 'TAG_DESCRIPTOR') });
  const refersTo = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO [^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(m[1]!)?.[1];
    for (const src of m[1]!.matchAll(/<source m_id="(\d+)"/g)) if (target) refersTo.set(src[1]!, target);
  }
  const entityMentions = new Map<string, Span & { type: EntityType | null; name: string; instance: string | null; head: string }>();
  for (const m of xml.matchAll(/<ENTITY_MENTION ([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    const s = spanOf(m[2]!);
    if (!s) continue;
    const id = attr(m[1]!, 'm_id');
    const inst = refersTo.get(id) ?? null;
    const info = inst ? instances.get(inst) : undefined;
    const named = attr(m[1]!, 'syntactic_type') === 'NAM';
    entityMentions.set(id, { ...s, type: named && info ? ENT_TYPE[info.type] ?? null : null, name: info?.name ?? text.slice(s.start, s.end), instance: inst, head: unescape(attr(m[1]!, 'head')) });
  }
  const participants = new Map<string, string[]>();
  const roles = new Map<string, Array<{ target: string; role: string }>>();
  for (const m of xml.matchAll(/<HAS_PARTICIPANT ([^>]*)>\s*<source m_id="(\d+)"\/>\s*<target m_id="(\d+)"\/>/g)) {
    const list = participants.get(m[2]!) ?? [];
    list.push(m[3]!);
    participants.set(m[2]!, list);
    const r = roles.get(m[2]!) ?? [];
    r.push({ target: m[3]!, role: attr(m[1]!, 'sem_role') });
    roles.set(m[2]!, r);
  }
  const eventInstance = new Map<string, string>();
  for (const id of events.keys()) {
    const inst = refersTo.get(id);
    if (inst) eventInstance.set(id, inst);
  }
  const anchors = new Map<string, string>();
  const dctAnchored = new Set<string>();
  for (const m of xml.matchAll(/<TLINK [^>]*reltype="([^"]*)"[^>]*>\s*<source m_id="(\d+)"\/>\s*<target m_id="(\d+)"\/>/g)) {
    const [, rel, s, t] = m;
    for (const [e, ti] of [[s!, t!], [t!, s!]] as const) {
      const tx = timexes.get(ti);
      if (!events.has(e) || !tx || tx.type !== 'DATE' || !ANCHOR_RELS.has(rel!)) continue;
      if (tx.dct) dctAnchored.add(e);
      else if (tx.start >= 0) anchors.set(e, ti);
    }
  }
  return { name, text, dct, events, timexes, entityMentions, participants, roles, eventInstance, anchors, dctAnchored };
}

