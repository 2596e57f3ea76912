/**
 * The journal of an `extract --out DIR` run, DIR/.article-export/journal.jsonl: one
 * line per input whose outputs are written, with the SHA-256 of the input's bytes.
 * A line is appended only after that input's files are on disk, so after an
 * interruption the journal lists exactly what can be trusted, and
 * `extract --resume` skips those inputs whose bytes still have the same checksum.
 *
 * A fresh run (no --resume) starts an empty journal; --resume keeps the last line
 * per input, and a torn last line from a crash is ignored. Closing rewrites it
 * sorted by name, so the same run gives the same file whatever order the writes
 * finished in.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join } from 'node:path';

export const JOURNAL_PATH = join('.article-export', 'journal.jsonl');

export interface JournalEntry {
  /** The input's output name (its path below the folder given, without extension). */
  name: string;
  /** SHA-256 of the input file's bytes when its outputs were written. */
  input_sha256: string;
  /** The options that shape the outputs (--published, --date-order, --max-bytes), as a string to compare. */
  options: string;
  status: 'ok' | 'error';
}

export class ExtractJournal {
  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, JournalEntry>,
    private readonly out: WriteStream,
  ) {}

  /** Opens DIR's journal: emptied for a fresh run, read (and compacted) for --resume. */
  static async open(dir: string, { resume }: { resume: boolean }): Promise<ExtractJournal> {
    const file = join(dir, JOURNAL_PATH);
    await mkdir(dirname(file), { recursive: true });
    const entries = new Map<string, JournalEntry>();
    if (resume) {
      let text = '';
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      for (const line of text.split('\n')) {
        const entry = parseLine(line);
        if (entry) entries.set(entry.name, entry);
      }
    }
    await rewrite(file, entries);
    return new ExtractJournal(file, entries, createWriteStream(file, { flags: 'a' }));
  }

  /** What an earlier run recorded for this input, if anything. */
  prior(name: string): JournalEntry | undefined {
    return this.entries.get(name);
  }

  /** Records an input whose outputs are now written (call after the writes, never before). */
  async record(entry: JournalEntry): Promise<void> {
    this.entries.set(entry.name, entry);
    if (!this.out.write(`${JSON.stringify(entry)}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
    await rewrite(this.file, this.entries);
  }
}

/** The journal as one line per input, sorted by name, replaced atomically. */
async function rewrite(file: string, entries: Map<string, JournalEntry>): Promise<void> {
  const sorted = [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  await writeFile(`${file}.tmp`, sorted.map((e) => `${JSON.stringify(e)}\n`).join(''));
  await rename(`${file}.tmp`, file);
}

function parseLine(line: string): JournalEntry | null {
  if (!line) return null;
  try {
    const e = JSON.parse(line) as Partial<JournalEntry>;
    if (typeof e.name === 'string' && typeof e.input_sha256 === 'string' && typeof e.options === 'string' && (e.status === 'ok' || e.status === 'error')) {
      return { name: e.name, input_sha256: e.input_sha256, options: e.options, status: e.status };
    }
  } catch {
    // a line torn by a crash
  }
  return null;
}
