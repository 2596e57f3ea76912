/**
 * One article's bytes, identity and metadata → its ArticleDocument or its error
 * record. Every door goes through here: the Lambda handler and `local` (via
 * processObject) and the CLI's `extract`, so an input fails the same way, with
 * the same error record, wherever it is processed.
 *
 * It does no I/O and its inputs and outputs are plain data, so it can run in a
 * worker thread (a pool for `extract` over many files) while the caller writes
 * the outcomes, in input order, through a DatasetSink.
 */
import { articleId } from '../document/ids.js';
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
import { DEFAULT_MAX_INPUT_BYTES, InputError, readArticle, sourceUri, tooLarge, type SourceInfo } from '../input/index.js';
import { decideLanguage } from '../input/language.js';
import { extractMany, type ArticleInput } from '../pipeline.js';
import type { DatasetSink } from '../storage/sink.js';
import { PIPELINE_VERSION } from '../version.js';

export type ArticleOutcome =
  | { status: 'ok'; doc: ArticleDocument }
  /** `cause` is the exception behind the record, for debugging output; it is not written anywhere. */
  | { status: 'error'; record: ErrorRecord; cause: unknown };

/**
 * The bytes of one input. `bytes` is null when they were not read because `size` is over
 * the limit (S3 objects are refused before they are downloaded).
 */
export interface ArticleBytes {
  bytes: Uint8Array | null;
  size: number;
}

/**
 * @example
 * const outcome = processArticle({ bytes, size: bytes.length }, { kind: 'file', identity: 'a.txt', name: 'a.txt' });
 * if (outcome.status === 'ok') console.log(outcome.doc.entities.length);
 */
export function processArticle(content: ArticleBytes, source: SourceInfo): ArticleOutcome {
  return processArticles([{ content, source }])[0]!;
}

/** One input of `processArticles`. */
export interface ArticleInputBytes {
  content: ArticleBytes;
  source: SourceInfo;
}

/**
 * Many inputs → their outcomes in input order, each what `processArticle` gives it alone; the
 * articles go through the pipeline together (`extractMany`, less CPU). One input that fails
 * gets its own error record and does not affect the others.
 */
export function processArticles(inputs: readonly ArticleInputBytes[]): ArticleOutcome[] {
  const outcomes: (ArticleOutcome | null)[] = inputs.map(() => null);
  const ready: { index: number; article: ArticleInput }[] = [];
  inputs.forEach(({ content, source }, index) => {
    try {
      ready.push({ index, article: readInput(content, source) });
    } catch (e) {
      outcomes[index] = failed(source, e, content.size);
    }
  });
  extractMany(ready.map((r) => r.article)).forEach((outcome, j) => {
    const { index } = ready[j]!;
    const { content, source } = inputs[index]!;
    outcomes[index] = outcome.ok ? { status: 'ok', doc: outcome.document } : failed(source, outcome.error, content.size);
  });
  return outcomes as ArticleOutcome[];
}

/** The bytes → the article's text and metadata, or the InputError that refuses them. */
function readInput(content: ArticleBytes, source: SourceInfo): ArticleInput {
  const maxBytes = source.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (content.bytes === null) throw tooLarge(content.size, maxBytes);
  const input = readArticle(content.bytes, { ...source, maxBytes });
  // Stated (metadata) or detected; an unsupported language ends here as an error record.
  const { language } = decideLanguage(input.text, input.metadata.language ?? null);
  return { text: input.text, metadata: { ...input.metadata, language } };
}

/**
 * The error outcome for an input that could not become an article: input problems keep their
 * code and message; anything else is an extraction bug, EXTRACTION_FAILED. Neither is retryable:
 * the same bytes would fail the same way.
 */
export function failed(source: SourceInfo, e: unknown, size: number | null): ArticleOutcome {
  const isInput = e instanceof InputError;
  const record: ErrorRecord = {
    article_id: articleId(source.identity),
    source: { uri: sourceUri(source), bucket: source.bucket ?? null, key: source.key ?? null, bytes: size },
    error: {
      code: isInput ? e.code : 'EXTRACTION_FAILED',
      message: isInput ? e.message : `Extraction failed: ${(e as Error)?.message ?? String(e)}`,
      retryable: false,
    },
    pipeline_version: PIPELINE_VERSION,
  };
  return { status: 'error', record, cause: e };
}

/**
 * Writes an outcome through a sink. `name` places it in layouts named by input (the CLI
 * folder); layouts keyed by article id ignore it. Returns where the main file went.
 */
export function writeOutcome(sink: DatasetSink, outcome: ArticleOutcome, name: string): Promise<string> {
  return outcome.status === 'ok' ? sink.writeArticle(outcome.doc, name) : sink.writeError(outcome.record, name);
}
