/**
 * The Doc: one annotated article passed through the pipeline's stages in order,
 * as in spaCy. The text layer (tokens, sentences, paragraphs) is built once by
 * `createDoc`; each stage reads what earlier stages assigned and fills its own
 * layer.
 *
 * Inside the pipeline every offset is a UTF-16 index into `doc.text` (what
 * `String.prototype.slice` uses). The pipeline converts them to Unicode code
 * points once, when it builds the ArticleDocument.
 */
import type { Entity, EntityType, Event, Quote, TimeExpression } from '../document/schema.js';

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

/** A named-entity span as the recogniser found it, before clustering. */
export interface NamedMention {
  start: number;
  end: number;
  type: EntityType;
  subtype: string | null;
  /** Index of the first token and one past the last. */
  tokenStart: number;
  tokenEnd: number;
}

export interface Doc {
  readonly text: string;
  readonly title: string | null;
  /** ISO date (YYYY-MM-DD) that relative dates resolve against, or null. */
  readonly publishedAt: string | null;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly paragraphs: readonly Paragraph[];
  /** Entity stage: raw recogniser output, in text order. */
  mentions: NamedMention[];
  /** Entity stage: mentions clustered into entities (UTF-16 offsets). */
  entities: Entity[];
  /** Time stage (UTF-16 offsets). */
  times: TimeExpression[];
  /** Quote stage (UTF-16 offsets). */
  quotes: Quote[];
  /** Event stage (UTF-16 offsets). */
  events: Event[];
}

export type { Layer, Stage } from './stage.js';
