import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ObjectStore } from './store.js';

/**
 * An ObjectStore on a local folder. Keys never escape the folder ("../" is
 * refused), and each file is written to a temporary name and renamed, so a
 * reader never sees half a file.
 */
export class FolderStore implements ObjectStore {
  readonly root: string;
  /** Folders this store has created or found: one mkdir per folder, not one per file. */
  private readonly folders = new Set<string>();
  constructor(root: string) {
    this.root = resolve(root);
  }
  get location(): string {
    return this.root + sep;
  }
  private path(key: string): string {
    const p = resolve(this.root, key);
    if (p !== this.root && !p.startsWith(this.root + sep)) throw new Error(`Refusing to write outside ${this.root}: ${key}`);
    return p;
  }
  async put(key: string, body: string, _contentType?: string): Promise<void> {
    const p = this.path(key);
    const dir = dirname(p);
    if (!this.folders.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.folders.add(dir);
    }
    const tmp = `${p}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, body, 'utf8');
    await rename(tmp, p);
  }
  async get(key: string): Promise<string | null> {
    try {
      return await readFile(this.path(key), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }
  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((k) => rm(this.path(k), { force: true })));
  }
  async *list(prefix: string): AsyncIterable<string> {
    const all: string[] = [];
    const walk = async (dir: string) => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (!e.name.endsWith('.tmp')) all.push(relative(this.root, p).split(sep).join('/'));
      }
    };
    await walk(this.root);
    yield* all.filter((k) => k.startsWith(prefix)).sort();
  }
}
