/**
 * The pipeline: text → Doc → stages in order → ArticleDocument.
 * Imports nothing from AWS; the Lambda handler and the CLI are two doors onto it.
 */
import { createHash } from 'node:crypto';
import type { ArticleDocument, ArticleSource, PublishedAtSource } from './document/schema.js';
import { articleId } from './document/ids.js';
import { entitiesStage } from './entities/index.js';
import { eventsStage } from './events/index.js';
import { quotesStage } from './quotes/index.js';
import { createDoc } from './text/create-doc.js';
import { tokenIndex } from './text/token-index.js';
import type { Doc } from './text/doc.js';
import { assemble, type RunOptions } from './text/stage.js';
import { codePointLength, codePointMapper, hasSurrogates } from './text/offsets.js';
import { timesStage } from './times/index.js';
import { PIPELINE_VERSION } from './version.js';

export interface ArticleMetadata {
  /** What identifies the source (s3://bucket/key, a file path): article_id derives from it. Defaults to the text's hash. */
  sourceIdentity?: string;
  title?: string | null;
  /** ISO date; relative dates resolve against it. Without it they stay unresolved. */
  publishedAt?: string | null;
  publishedAtSource?: PublishedAtSource;
  externalId?: string | null;
  language?: string;
  source?: Partial<ArticleSource>;
}

/** The stages, in order, checked on assembly: each reads only layers earlier ones assigned. */
export const PIPELINE = assemble([entitiesStage, timesStage, quotesStage, eventsStage]);

/**
 * Runs the pipeline that ships on a Doc, whole or in part: the one path for
 * `extract`, the evaluation scripts, the benchmark and the tests.
 *
 * @example
 * const doc = runPipeline(createDoc({ text: 'Putin met Pezeshkian on Friday.', publishedAt: '2024-10-14' }));
 * runPipeline(createDoc({ text }), { until: 'entities' }); // the entity layer only
 * runPipeline(doc, { disable: ['entities'], given: ['entities'] }); // with hand-made entities
 */
export function runPipeline(doc: Doc, options?: RunOptions): Doc {
  return PIPELINE.run(doc, options);
}

/**
 * Runs the whole extraction on one article.
 *
 * @example
 * const doc = extract('Putin met Pezeshkian in Ashgabat on Friday.', { publishedAt: '2024-10-14' });
 * doc.entities.map((e) => e.name); // ['Putin', 'Pezeshkian', 'Ashgabat']
 */
export function extract(text: string, metadata: ArticleMetadata = {}): ArticleDocument {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const publishedAt = metadata.publishedAt ?? null;
  const doc = createDoc({ text, title: metadata.title ?? null, publishedAt });
  runPipeline(doc);
  const src = metadata.source ?? {};
  return {
    article: {
      article_id: articleId(metadata.sourceIdentity ?? `sha256:${sha256}`),
      external_id: metadata.externalId ?? null,
      title: metadata.title ?? null,
      published_at: publishedAt,
      published_at_source: publishedAt ? (metadata.publishedAtSource ?? 'cli') : 'none',
      text,
      language: metadata.language ?? 'en',
      char_count: codePointLength(text),
      word_count: countWords(doc),
      sha256,
      pipeline_version: PIPELINE_VERSION,
      source: {
        kind: src.kind ?? 'inline',
        uri: src.uri ?? metadata.sourceIdentity ?? 'inline',
        bucket: src.bucket ?? null,
        key: src.key ?? null,
        version_id: src.version_id ?? null,
        format: src.format ?? 'txt',
        encoding: src.encoding ?? 'utf-8',
        bytes: src.bytes ?? Buffer.byteLength(text, 'utf8'),
        url: src.url ?? null,
      },
    },
    ...toCodePoints(doc),
  };
}

/** Tokens holding a letter or a digit. */
function countWords(doc: Doc): number {
  let n = 0;
  for (const w of tokenIndex(doc).word) n += w;
  return n;
}

/**
 * Converts every span of the stage layers from UTF-16 to code point offsets, in
 * place (the Doc is this call's own), and re-reads each span's text from the
 * article so that offsets and text can never disagree. Without surrogate pairs
 * the offsets are code points already and only the text is re-read.
 */
function toCodePoints(doc: Doc): Pick<ArticleDocument, 'entities' | 'quotes' | 'times' | 'events'> {
  const cp = hasSurrogates(doc.text) ? codePointMapper(doc.text) : null;
  const converted = new Set<object>(); // a span object reached twice is converted once
  const span = (s: { start: number; end: number; text: string }) => {
    if (converted.has(s)) return;
    s.text = doc.text.slice(s.start, s.end);
    if (cp === null) return;
    converted.add(s);
    s.start = cp(s.start);
    s.end = cp(s.end);
  };
  for (const e of doc.entities) e.mentions.forEach(span);
  for (const q of doc.quotes) {
    span(q);
    if (q.cue) span(q.cue);
    if (q.speaker?.mention) span(q.speaker.mention);
  }
  doc.times.forEach(span);
  for (const e of doc.events) {
    span(e.trigger);
    span(e.sentence);
  }
  return { entities: doc.entities, quotes: doc.quotes, times: doc.times, events: doc.events };
}
