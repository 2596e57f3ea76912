/**
 * One uploaded object or file → the text and metadata the pipeline needs.
 * Every failure is an InputError with a message for the user.
 */
import { decodeBytes } from './decode.js';
import { InputError } from './errors.js';
import { detectFormat, parseArticle, type InputFormat } from './formats.js';
import { mergeMetadata, statedDateOrder, type ArticleMetadata, type SourceInfo } from './metadata.js';

export { InputError } from './errors.js';
export type { InputErrorCode } from './errors.js';
export { normalizeDate, parseDateOrder, readDate, DATE_ORDERS, type DateOrder } from './dates.js';
export type { Dateline } from './dateline.js';
export { mergeMetadata, publishedFlagProblem, sourceUri } from './metadata.js';
export type { ArticleMetadata, SourceInfo } from './metadata.js';

export const DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** The error for an input over the size limit (S3 objects are refused before they are downloaded). */
export function tooLarge(bytes: number, maxBytes: number): InputError {
  return new InputError('TOO_LARGE', `The file is ${bytes} bytes, over the ${maxBytes}-byte limit for one article (set MAX_INPUT_BYTES / --max-bytes to change it).`);
}

export interface ArticleInput {
  text: string;
  metadata: ArticleMetadata;
}

/**
 * @example
 * const { text, metadata } = readArticle(new TextEncoder().encode('Putin met Pezeshkian.'), { kind: 'file', identity: 'a.txt', name: 'a.txt' });
 * extract(text, metadata);
 */
export function readArticle(bytes: Uint8Array, source: SourceInfo): ArticleInput {
  const maxBytes = source.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  const { text: decoded, encoding } = decodeBytes(bytes);
  const format: InputFormat = detectFormat(source.name, decoded, source.contentType);
  const dateOrder = statedDateOrder(source);
  const parsed = parseArticle(decoded, format, { dateOrder });
  if (parsed.text.trim().length === 0) {
    throw new InputError('NO_TEXT', format === 'txt' ? 'The file contains only whitespace.' : `No article text found in this ${format.toUpperCase()} input.`);
  }
  return { text: parsed.text, metadata: mergeMetadata(parsed, { ...source, dateOrder }, { format, encoding, bytes: bytes.length }) };
}
