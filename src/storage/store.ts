/** Where outputs go: an S3 bucket or a local folder, behind the same small interface. */
export interface ObjectStore {
  /** Human-readable location for messages, e.g. s3://bucket/ or ./out/. */
  readonly location: string;
  put(key: string, body: string, contentType: string): Promise<void>;
  /** The object's text, or null if there is none. */
  get(key: string): Promise<string | null>;
  delete(keys: readonly string[]): Promise<void>;
  /** Keys under a prefix, in lexicographic order. */
  list(prefix: string): AsyncIterable<string>;
}
