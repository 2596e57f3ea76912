/** The input files named on the command line: files as given, directories read recursively. */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.json']);

export interface InputFile {
  /** Path to read. */
  path: string;
  /** Path relative to the folder named on the command line (the basename for a file named directly), '/'-separated. */
  relative: string;
}

export async function collectInputs(args: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const arg of args) {
    let st;
    try {
      st = await stat(arg);
    } catch {
      throw new UsageError(`No such file or directory: ${arg}`);
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      await walk(arg, found);
      found.sort();
      for (const p of found) out.push({ path: p, relative: relative(arg, p).split(sep).join('/') });
    } else {
      out.push({ path: arg, relative: basename(arg) });
    }
  }
  return out;
}

async function walk(dir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, found);
    else if (e.isFile() && ARTICLE_EXTENSIONS.has(extension(e.name))) found.push(p);
  }
}

export function extension(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(i).toLowerCase() : '';
}

/** A command-line mistake: reported as a message and exit code 2, without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
