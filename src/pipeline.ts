/**
 * The pipeline: text → Doc → declared stages in order → ArticleDocument (built
 * once from the finished Doc by document/build.ts).
 * Imports nothing from AWS; the Lambda handler and the CLI are two doors onto it.
 */
import type { ArticleDocument } from './document/schema.js';
import type { ArticleMetadata } from './input/metadata.js';
import { articleId, sha256Hex } from './document/ids.js';
import { entitiesStage } from './entities/index.js';
import { eventsStage } from './events/index.js';
import { quotesStage } from './quotes/index.js';
import { marksStage } from './quotes/marks.js';
import { createDoc } from './text/create-doc.js';
import type { Doc } from './text/doc.js';
import { assemble, type RunOptions } from './text/stage.js';
import { codePointLength } from './text/offsets.js';
import { countWords, documentLayers } from './document/build.js';
import { timesStage } from './times/index.js';
import { PIPELINE_VERSION } from './version.js';

export type { ArticleMetadata } from './input/metadata.js';

/** The stages, in order, checked on assembly: each reads only layers earlier ones assigned. */
export const PIPELINE = assemble([entitiesStage, timesStage, marksStage, quotesStage, eventsStage]);

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
  const sha256 = sha256Hex(text);
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
      dateline: metadata.dateline ?? null,
    },
    ...documentLayers(doc),
  };
}
