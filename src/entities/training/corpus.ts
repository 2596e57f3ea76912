/**
 * Annotated corpora as the recogniser sees users' articles: each document is
 * detokenised into natural text, run through the project's own text layer
 * (createDoc), and the gold entities are projected onto our tokens by
 * character offsets. Training and evaluation both go through here, so the
 * model learns on exactly the token sequences it meets in production.
 *
 * Used only by scripts (training, evaluation); the pipeline never imports it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createDoc } from '../../text/create-doc.js';
import type { Doc } from '../../text/doc.js';
import { TYPES } from '../labels.js';

export interface GoldSpan {
  start: number;
  end: number;
  /** Index into TYPES, or IGNORED_TYPE for a name evaluation does not score. */
  type: number;
}

/** Gold tag type (`B-IGNORE`) of a name evaluation does not score (see `readGmb`, `readMeantime`). */
export const IGNORE = 'IGNORE';
/** GoldSpan.type of an IGNORE name. */
export const IGNORED_TYPE = TYPES.length;

export interface GoldDoc {
  doc: Doc;
  /** Gold entities as UTF-16 character spans of doc.text. */
  spans: GoldSpan[];
}

/** One source sentence: tokens with IOB/BIO tags already mapped to TYPES names (or 'O'). */
export interface TaggedSentence {
  words: string[];
  tags: string[];
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'RE", "'VE", "'LL", "'D", "'M", '...']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '``']);

/**
 * Joins tokenised sentences into natural text (one paragraph per sentence) and
 * returns the character span of every token.
 * @example detokenize([{ words: ['Russia', "'s", 'move', '.'], tags: ['B-LOC', 'O', 'O', 'O'] }]).text // "Russia's move."
 */
export function detokenize(sentences: TaggedSentence[]): { text: string; spans: GoldSpan[]; words: { start: number; end: number }[][] } {
  let text = '';
  const spans: GoldSpan[] = [];
  const words: { start: number; end: number }[][] = [];
  for (const s of sentences) {
    if (text.length > 0) text += '\n\n';
    let quoteOpen = false;
    let glueNext = true;
    let open: GoldSpan | null = null;
    const offsets: { start: number; end: number }[] = [];
    words.push(offsets);
    for (let k = 0; k < s.words.length; k++) {
      let w = s.words[k]!;
      if (w === '``' || w === "''") w = '"';
      let space = !glueNext;
      let glue = false;
      if (w === '"') {
        if (quoteOpen) space = false;
        else glue = true;
        quoteOpen = !quoteOpen;
      } else if (NO_SPACE_BEFORE.has(w)) space = false;
      if (NO_SPACE_AFTER.has(w)) glue = true;
      if (space) text += ' ';
      const start = text.length;
      text += w;
      offsets.push({ start, end: text.length });
      glueNext = glue;
      const tag = s.tags[k]!;
      const type = tag === 'O' ? -1 : tag.slice(2) === IGNORE ? IGNORED_TYPE : TYPES.indexOf(tag.slice(2) as (typeof TYPES)[number]);
      const begins = tag.startsWith('B-') || (type >= 0 && (open === null || open.type !== type));
      if (open && (type < 0 || begins)) {
        spans.push(open);
        open = null;
      }
      if (type >= 0) {
        if (!open) open = { start, end: text.length, type };
        else open.end = text.length;
      }
    }
    if (open) spans.push(open);
  }
  return { text, spans, words };
}

/** Builds a GoldDoc from detokenised sentences. */
export function goldDoc(sentences: TaggedSentence[]): GoldDoc {
  const { text, spans } = detokenize(sentences);
  return { doc: createDoc({ text }), spans };
}

/** Token-level projection of gold character spans onto doc tokens: [tokenStart, tokenEnd, type]. */
export function projectSpans(doc: Doc, spans: GoldSpan[]): { start: number; end: number; type: number }[] {
  const out: { start: number; end: number; type: number }[] = [];
  const toks = doc.tokens;
  let t = 0;
  for (const s of spans) {
    while (t < toks.length && toks[t]!.end <= s.start) t++;
    let e = t;
    while (e < toks.length && toks[e]!.start < s.end) e++;
    if (e > t) out.push({ start: t, end: e, type: s.type });
  }
  // Overlapping projections (a token shared by two gold spans) keep the first.
  return out.filter((s, k) => k === 0 || s.start >= out[k - 1]!.end);
}

/** CoNLL-2003 (word POS chunk tag, IOB1 or IOB2), split into documents at -DOCSTART-. */
export function readConll(path: string): TaggedSentence[][] {
  const docs: TaggedSentence[][] = [];
  let doc: TaggedSentence[] = [];
  let sent: TaggedSentence = { words: [], tags: [] };
  const flushSent = () => {
    if (sent.words.length) doc.push(sent);
    sent = { words: [], tags: [] };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === '-DOCSTART-') {
      flushSent();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    if (parts.length < 2 || parts[0] === '') {
      flushSent();
      continue;
    }
    sent.words.push(parts[0]!);
    sent.tags.push(parts[parts.length - 1]!);
  }
  flushSent();
  if (doc.length) docs.push(doc);
  return docs;
}

/** WikiANN (`en:word TAG`), one sentence per document. */
export function readWikiann(path: string): TaggedSentence[][] {
  const docs: TaggedSentence[][] = [];
  let sent: TaggedSentence = { words: [], tags: [] };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^en:(\S+)\s+(\S+)$/.exec(line.trim());
    if (!m) {
      if (sent.words.length) docs.push([sent]);
      sent = { words: [], tags: [] };
      continue;
    }
    sent.words.push(m[1]!);
    sent.tags.push(m[2]!);
  }
  if (sent.words.length) docs.push([sent]);
  return docs;
}

/** Entity strings of a tagged corpus, by type. */
export function entityStrings(docs: TaggedSentence[][]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const doc of docs) {
    const { text, spans } = detokenize(doc);
    for (const s of spans) {
      const type = TYPES[s.type];
      if (!type) continue;
      if (!out.has(type)) out.set(type, []);
      out.get(type)!.push(text.slice(s.start, s.end));
    }
  }
  return out;
}

/**
 * GMB (Voice of America, `ner_dataset.csv.zip`) sentences with their tags
 * mapped: per→PER, org→ORG, geo→LOC, art/eve/nat→MISC, tim→O. gpe mixes
 * countries (CoNLL LOC) and demonyms (CoNLL MISC); `gpe` says how to map it
 * (training used LOC; evaluation marks it IGNORE so neither reading is scored).
 */
export function readGmb(zipPath: string, gpe: 'LOC' | 'IGNORE' = 'LOC'): TaggedSentence[] {
  const csv = execFileSync('unzip', ['-p', zipPath], { maxBuffer: 64 << 20 }).toString('latin1');
  const map: Record<string, string> = { per: 'PER', org: 'ORG', geo: 'LOC', gpe, art: 'MISC', eve: 'MISC', nat: 'MISC' };
  const out: TaggedSentence[] = [];
  for (const line of csv.split('\n').slice(1)) {
    const m = /^(Sentence: \d+)?,("(?:[^"]|"")*"|[^,]*),(?:"[^"]*"|[^,]*),(\S+)/.exec(line.trim());
    if (!m) continue;
    if (m[1] || out.length === 0) out.push({ words: [], tags: [] });
    const word = m[2]!.startsWith('"') ? m[2]!.slice(1, -1).replace(/""/g, '"') : m[2]!;
    const [bio, type] = m[3]!.split('-');
    const t = type ? map[type] : undefined;
    out[out.length - 1]!.words.push(word);
    out[out.length - 1]!.tags.push(t ? `${bio}-${t}` : 'O');
  }
  return out;
}

const xmlAttr = (s: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(s)?.[1] ?? '';
const xmlText = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

/** A MEANTIME article: its text and its named mentions, with the entity each refers to. */
export interface MeantimeArticle {
  text: string;
  /** Named mentions (syntactic type NAM or PRE.NAM: "General Motors", "U.S." in "U.S. automaker"), as annotated: whole noun phrases, nested ones included. */
  mentions: { start: number; end: number; type: string; instance: string }[];
  /** MEANTIME annotates only the first sentences of each article (title, date line and four more): text from here on is not annotated. */
  annotatedEnd: number;
}

/** Reads a MEANTIME (NewsReader CAT XML) article; its text is detokenised as CoNLL documents are. */
export function readMeantime(path: string): MeantimeArticle {
  const xml = readFileSync(path, 'utf8');
  const tokens: { id: string; sentence: number; word: string }[] = [];
  for (const m of xml.matchAll(/<token ([^>]*)>([^<]*)<\/token>/g)) tokens.push({ id: xmlAttr(m[1]!, 't_id'), sentence: Number(xmlAttr(m[1]!, 'sentence')), word: xmlText(m[2]!) });
  const sentences: TaggedSentence[] = [];
  const where = new Map<string, [number, number]>();
  let last = -1;
  for (const t of tokens) {
    if (t.sentence !== last) sentences.push({ words: [], tags: [] });
    last = t.sentence;
    const s = sentences[sentences.length - 1]!;
    where.set(t.id, [sentences.length - 1, s.words.length]);
    s.words.push(t.word);
    s.tags.push('O');
  }
  const { text, words } = detokenize(sentences);
  const offsetOf = (id: string) => {
    const [s, k] = where.get(id)!;
    return words[s]![k]!;
  };
  let lastAnnotated = -1;
  for (const m of xml.matchAll(/<(ENTITY_MENTION|EVENT_MENTION|TIMEX3)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    for (const x of m[2]!.matchAll(/t_id="(\d+)"/g)) lastAnnotated = Math.max(lastAnnotated, where.get(x[1]!)?.[0] ?? -1);
  }
  const types = new Map<string, string>();
  for (const m of xml.matchAll(/<ENTITY ([^>]*)\/>/g)) types.set(xmlAttr(m[1]!, 'm_id'), xmlAttr(m[1]!, 'ent_type'));
  const refersTo = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO [^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(m[1]!)?.[1];
    if (target) for (const src of m[1]!.matchAll(/<source m_id="(\d+)"/g)) refersTo.set(src[1]!, target);
  }
  const mentions: MeantimeArticle['mentions'] = [];
  for (const m of xml.matchAll(/<ENTITY_MENTION ([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    const syn = xmlAttr(m[1]!, 'syntactic_type');
    const instance = refersTo.get(xmlAttr(m[1]!, 'm_id'));
    const ids = [...m[2]!.matchAll(/t_id="(\d+)"/g)].map((x) => x[1]!).filter((id) => where.has(id));
    if ((syn !== 'NAM' && syn !== 'PRE.NAM') || !instance || ids.length === 0) continue;
    const spans = ids.map(offsetOf);
    mentions.push({ start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)), type: types.get(instance) ?? '', instance });
  }
  const annotatedEnd = lastAnnotated + 1 < words.length ? words[lastAnnotated + 1]![0]!.start : text.length;
  return { text, mentions, annotatedEnd };
}

/** A GUM document (CoNLL-U with entity annotation): its text and its entity mentions. */
export interface GumArticle {
  text: string;
  /**
   * Every annotated mention (whole noun phrases, nested ones included): GUM's entity type (person,
   * organization, place, event, object, …), its entity (coreference group) and the entity's Wikipedia
   * identity, empty for entities that are not named; `proper`: the mention holds a singular proper noun
   * (NNP) of its own, not one inside a smaller mention ("Canada", "team member Rodaba Noori", "the Saudi
   * Gazette"; not "Muslims" or "U.S. officials", whose "U.S." is a mention of its own).
   */
  mentions: { start: number; end: number; type: string; instance: string; identity: string; proper: boolean }[];
}

/**
 * Reads a GUM CoNLL-U document (GUM's `Entity=` annotation, fields
 * GRP-etype-infstat-salience-centering-minspan-link-identity): the text is
 * rebuilt from the tokens and their SpaceAfter flags, sentences joined by a
 * space and paragraphs (`# newpar`) by a blank line.
 */
export function readGum(path: string): GumArticle {
  let text = '';
  const spans: { start: number; end: number; type: string; instance: string; identity: string; first: number; last: number }[] = [];
  const open: { id: string; type: string; identity: string; start: number; first: number }[] = [];
  const properNoun: boolean[] = []; // per token of the document
  let pendingSpace = '';
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# newpar')) {
      if (text.length > 0) pendingSpace = '\n\n';
      continue;
    }
    if (line.startsWith('#') || line.trim() === '') continue;
    const cols = line.split('\t');
    if (!/^\d+$/.test(cols[0]!)) continue; // multiword-token ranges ("35-36 Trump's") and empty nodes
    const misc = cols[9] ?? '_';
    text += pendingSpace;
    const start = text.length;
    text += cols[1]!;
    const end = text.length;
    pendingSpace = /(?:^|\|)SpaceAfter=No(?:\||$)/.test(misc) ? '' : ' ';
    const k = properNoun.length;
    properNoun.push(cols[4] === 'NNP');
    const entity = /(?:^|\|)Entity=([^|]*)/.exec(misc)?.[1] ?? '';
    // "(3-organization-…-identity" opens a mention, "3)" closes it, "(7-time-…)" is a one-token mention.
    for (const m of entity.matchAll(/\((\d+)-([^()]*)(\))?|(\d+)\)/g)) {
      if (m[1] !== undefined) {
        const parts = m[2]!.split('-');
        const mention = { id: m[1], type: parts[0]!, identity: decodeURIComponent(parts.slice(6).join('-')), start, first: k };
        if (m[3]) spans.push({ start, end, type: mention.type, instance: mention.id, identity: mention.identity, first: k, last: k });
        else open.push(mention);
      } else {
        const at = open.map((o) => o.id).lastIndexOf(m[4]!);
        if (at < 0) continue;
        const o = open.splice(at, 1)[0]!;
        spans.push({ start: o.start, end, type: o.type, instance: o.id, identity: o.identity, first: o.first, last: k });
      }
    }
  }
  const mentions = spans.map(({ first, last, ...m }) => {
    const inner = spans.filter((n) => n.first >= first && n.last <= last && (n.first !== first || n.last !== last));
    let proper = false;
    for (let k = first; k <= last && !proper; k++) proper = properNoun[k]! && !inner.some((n) => n.first <= k && k <= n.last);
    return { ...m, proper };
  });
  return { text: text.trimEnd(), mentions };
}
