/**
 * The Doc: one annotated article passed through the pipeline's stages in order,
 * as in spaCy. The text layer (tokens, sentences, paragraphs) is built once by
 * `createDoc`; each stage reads what earlier stages assigned and fills its own
 * layer.
 *
 * Every layer is a list of spans over tokens (`Span`: token range and UTF-16
 * offsets into `doc.text`, what `String.prototype.slice` uses); per-token
 * look-ups over the layers (which entity mention, time expression or quotation
 * covers token k) are built once, in `text/layers.ts`. Stages read and write
 * these layers only; `document/build.ts` turns the finished Doc into the
 * ArticleDocument (snake_case, Unicode code point offsets) once, at the end.
 */
import type { EntityType, Geo, QuoteKind, TimeType } from '../document/schema.js';

export interface Token {
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset one past the last character. */
  end: number;
  text: string;
  /** Index into doc.sentences. */
  sentence: number;
  /** Whether whitespace separates this token from the previous one. */
  spaceBefore: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token. */
  tokenStart: number;
  /** Index one past the last token. */
  tokenEnd: number;
  paragraph: number;
}

export interface Paragraph {
  start: number;
  end: number;
  /** Index of the first sentence. */
  sentenceStart: number;
  sentenceEnd: number;
}

/**
 * A stretch of the text that is also a run of whole tokens: `tokenStart` is
 * the first token, `tokenEnd` one past the last (end exclusive), `start`/`end`
 * the UTF-16 offsets of the characters (usually the tokens' own boundaries;
 * a time expression or quotation may begin or end inside a token, and the
 * token range then covers every token it touches).
 */
export interface Span {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

/** Recogniser layer (`mentions`): a named-entity span as the recogniser found it, before clustering. */
export interface NamedMention extends Span {
  type: EntityType;
  subtype: string | null;
}

/** Entity layer (`entities`): one entity of the article with every span that mentions it, in text order. */
export interface DocEntity {
  /** The entity_id: a hash of type and name key, the same in every article (`document/ids.ts`). */
  id: string;
  type: EntityType;
  subtype: string | null;
  /** Canonical name: the fullest form. */
  name: string;
  /** The other surface forms. */
  aliases: string[];
  /** Titles the text states for a person ("Russian Deputy Foreign Minister"). */
  roles: string[];
  geo: Geo | null;
  mentions: Span[];
}

/** Time layer (`times`): a time expression normalised to TIMEX3, in text order. */
export interface DocTime extends Span {
  /** "t1", "t2"… in text order. */
  id: string;
  type: TimeType;
  /** TIMEX3 value ("2024-10-11", "P3D", "PRESENT_REF"). */
  value: string;
  /** Calendar range (ISO dates) when the value is a resolved date or period. */
  from: string | null;
  to: string | null;
}

/** Quotation-mark layer (`quotedSpans`): text between paired quotation marks, outermost only. */
export interface QuotedSpan extends Span {
  /** Offset of the opening mark (`start` is the content start, just after it). */
  open: number;
  /** Offset of the closing mark, or the paragraph end when it never closed (`end` is the content end). */
  close: number;
  /** Offset just after the closing mark (equals `close` when it never closed). The token range covers the marks too. */
  closeEnd: number;
  paragraph: number;
  /** The closing mark was found (false: ran to the paragraph's end). */
  closed: boolean;
  /** The quotation goes on in the next paragraph, which reopens with a mark. */
  continues: boolean;
  /** The quotation continues one from the previous paragraph. */
  continuation: boolean;
  /** Which kind of marks: double (“…” "…" „…“), single (‘…’ '…' ‚…‘), angle («…»), angle1 (‹…›). */
  family: 'double' | 'single' | 'angle' | 'angle1';
}

/** How a quote's speaker is named. */
export interface DocSpeaker {
  /** The entity the speaker is (a name, a pronoun or a description resolved to it), or null. */
  entity: DocEntity | null;
  /** The speaker's name as written when it is no entity. */
  name: string | null;
  /** How the text names the speaker when not by name ("the spokesman", "He"). */
  description: string | null;
  /** The words naming the speaker in the attribution. */
  mention: Span;
}

/** Quote layer (`quotes`): a quotation or reported statement, in text order; the span is its content. */
export interface DocQuote extends Span {
  /** "q1", "q2"… in text order. */
  id: string;
  kind: QuoteKind;
  speaker: DocSpeaker | null;
  /** Calibrated probability that the speaker is right (the learned speaker ranker's), or null. */
  speakerConfidence: number | null;
  /** Speech cue: the reporting words ("said", "according to"). */
  cue: Span | null;
  addressee: DocEntity | null;
  /** The id of the group's first piece when a quotation is split by its attribution, else null. */
  group: string | null;
}

/** A participant of an event. */
export interface DocParticipant {
  entity: DocEntity;
  /** agent, patient, participant, recipient. */
  role: string;
}

/** Event layer (`events`): a typed event the article mentions, with its factuality, in text order of its first trigger. */
export interface DocEvent {
  /** "ev1", "ev2"…. */
  id: string;
  /** MEETING, STATEMENT, ATTACK… (docs/events.md). */
  type: string;
  cameo: string | null;
  /** The trigger word(s). */
  trigger: Span;
  /** Every trigger of the event, in text order: its own and those of the mentions merged into it (same clause or coreferent). */
  mentions: Span[];
  /** Index into doc.sentences of the trigger's sentence. */
  sentence: number;
  /** What the article commits to: asserted (happened), negated, possible (modal, conditional, planned or scheduled: scheduled ones have evidence "scheduled: …" and are charted), cancelled, reported (a source's claim). */
  factuality: 'asserted' | 'negated' | 'possible' | 'cancelled' | 'reported';
  /** The time expression that dates the event. */
  date: DocTime | null;
  location: DocEntity | null;
  participants: DocParticipant[];
  /** Why each field was chosen. */
  evidence: Record<string, string>;
}

export interface Doc {
  readonly text: string;
  readonly title: string | null;
  /** ISO date (YYYY-MM-DD) that relative dates resolve against, or null. */
  readonly publishedAt: string | null;
  /** Text layer (`text`), built by createDoc. */
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly paragraphs: readonly Paragraph[];
  /** Recogniser output, in text order (entity stage). */
  mentions: NamedMention[];
  /** Entities with their mentions (entity stage). Look up the mention at a token with `mentionAt` (text/layers.ts). */
  entities: DocEntity[];
  /** Time expressions (time stage). Token look-up: `timeAt`. */
  times: DocTime[];
  /** Quoted spans (quotation-mark stage). Token look-up: `quotedAt`. */
  quotedSpans: QuotedSpan[];
  /** Quotations and reported speech (quote stage). */
  quotes: DocQuote[];
  /** Events (event stage). */
  events: DocEvent[];
}

export type { Layer, Stage } from './stage.js';
