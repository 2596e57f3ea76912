/** Test helpers for the input reader: a string read as a named file, and what it throws. */
import { readArticle } from '../../src/input/index.js';

/** Reads `s` as the file `name`, with any other source fields. */
export const read = (name: string, s: string, extra: Partial<Parameters<typeof readArticle>[1]> = {}) =>
  readArticle(new TextEncoder().encode(s), { kind: 'file', identity: name, name, ...extra });

/** The code and message of what `f` throws, or code 'no error'. */
export const failure = (f: () => unknown): { code: string; message: string } => {
  try {
    f();
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  return { code: 'no error', message: '' };
};

/** The code of what `f` throws, or 'no error'. */
export const code = (f: () => unknown): string => failure(f).code;
