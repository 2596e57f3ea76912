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

/** One article for `extractMany`: its text and what is known about it. */
export interface ArticleInput {
  text: string;
  metadata?: ArticleMetadata;
}

/** One article's result from `extractMany`: its document, or what its extraction threw. */
export type ExtractOutcome = { ok: true; document: ArticleDocument } | { ok: false; error: unknown };

/**
 * Most articles `extractMany` runs through the stages together. Batching pays because each stage's
 * code and tables stay hot in the CPU's caches across the batch instead of being evicted by the other
 * stages between articles: over BBC News, 32 articles a batch took 0.70-0.92 of the CPU of one by one
 * (docs/events.md, speed31), and 64 or 128 no less than 32; a larger batch only holds more Docs at once.
 */
export const BATCH_ARTICLES = 32;
/**
 * Most text (UTF-16 code units) a batch holds, so that a run of long articles does not hold 32 of them:
 * a finished Doc keeps ~45 bytes of heap per character (BBC News), so 256 K characters hold ~12 MB
 * (a BBC batch of 32 is ~64 K). An article longer than this runs alone.
 */
export const BATCH_CHARS = 256 * 1024;

/**
 * Runs the whole extraction on one article.
 *
 * @example
 * const doc = extract('Putin met Pezeshkian in Ashgabat on Friday.', { publishedAt: '2024-10-14' });
 * doc.entities.map((e) => e.name); // ['Putin', 'Pezeshkian', 'Ashgabat']
 */
export function extract(text: string, metadata: ArticleMetadata = {}): ArticleDocument {
  const [outcome] = extractBatch([{ text, metadata }]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.document;
}

/**
 * Runs the whole extraction on many articles, in batches run stage by stage (see BATCH_ARTICLES):
 * the same documents as `extract` on each article alone, for less CPU. An article whose extraction
 * throws gets its error as its outcome; the others are unaffected. Outcomes are in input order.
 *
 * @example
 * const [a, b] = extractMany([{ text: 'Putin met Pezeshkian.' }, { text: 'Macron spoke.', metadata: { publishedAt: '2024-10-14' } }]);
 * if (a.ok) a.document.entities.length; // 2
 */
export function extractMany(items: readonly ArticleInput[]): ExtractOutcome[] {
  const outcomes: ExtractOutcome[] = [];
  for (const batch of batches(items)) outcomes.push(...extractBatch(batch));
  return outcomes;
}

/** Consecutive runs of items within BATCH_ARTICLES and BATCH_CHARS (an item over BATCH_CHARS alone). */
function* batches(items: readonly ArticleInput[]): Generator<ArticleInput[]> {
  let batch: ArticleInput[] = [];
  let chars = 0;
  for (const item of items) {
    if (batch.length > 0 && (batch.length === BATCH_ARTICLES || chars + item.text.length > BATCH_CHARS)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(item);
    chars += item.text.length;
  }
  if (batch.length > 0) yield batch;
}

/** One batch: a Doc each, the stages over all of them (PIPELINE.runMany), then a document each. */
function extractBatch(items: readonly ArticleInput[]): ExtractOutcome[] {
  const outcomes: (ExtractOutcome | null)[] = items.map(() => null);
  const docs: Doc[] = [];
  const docIndex: number[] = []; // the item of each Doc
  items.forEach((item, i) => {
    try {
      docs.push(createDoc({ text: item.text, title: item.metadata?.title ?? null, publishedAt: item.metadata?.publishedAt ?? null }));
      docIndex.push(i);
    } catch (error) {
      outcomes[i] = { ok: false, error };
    }
  });
  PIPELINE.runMany(docs).forEach((failure, d) => {
    const i = docIndex[d]!;
    try {
      outcomes[i] = failure ? { ok: false, error: failure.error } : { ok: true, document: articleDocument(items[i]!, docs[d]!) };
    } catch (error) {
      outcomes[i] = { ok: false, error };
    }
  });
  return outcomes as ExtractOutcome[];
}

/** The ArticleDocument of an article whose Doc has been through the pipeline. */
function articleDocument({ text, metadata = {} }: ArticleInput, doc: Doc): ArticleDocument {
  const sha256 = sha256Hex(text);
  const publishedAt = metadata.publishedAt ?? null;
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
