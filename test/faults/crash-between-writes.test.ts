/**
 * A crash between writes leaves no torn dataset.
 *
 * A store wrapper lets exactly k writes through and then "crashes" (every later
 * call fails, as if the Lambda died), for every k from 0 to all of them,
 * across transitions that add, remove and change files and switch between
 * datasets and an error record. After each crash a reader that trusts
 * manifests (read-outputs, and so download) must see the old version whole,
 * the new version whole, or "incomplete" — never a mix; and the retry must
 * leave exactly the new version, with no orphan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorRecord } from '../../src/document/schema.js';
import { extract } from '../../src/pipeline.js';
import { downloadDatasets } from '../../src/storage/download.js';
import { FolderStore } from '../../src/storage/folder-store.js';
import { articleIdOfKey, documentKey, manifestKey, type Manifest } from '../../src/storage/layout.js';
import { readArticleOutputs, type ArticleOutputs } from '../../src/storage/read-outputs.js';
import { S3Store } from '../../src/storage/s3.js';
import type { ObjectStore } from '../../src/storage/store.js';
import { writeArticle, writeError } from '../../src/storage/write-outputs.js';
import { startTestS3, type TestS3 } from '../helpers/local-s3.js';
import { listAll } from './verify.js';

class Crash extends Error {}

/** Lets `puts` writes (PUTs and deletes) through, then fails every call: a process that died mid-commit. */
class CrashingStore implements ObjectStore {
  private writes = 0;
  crashed = false;
  constructor(
    private readonly inner: ObjectStore,
    private readonly puts: number,
  ) {}
  get location() {
    return this.inner.location;
  }
  private check() {
    if (this.crashed) throw new Crash('crashed');
  }
  async put(key: string, body: string, type: string) {
    this.check();
    if (this.writes >= this.puts) {
      this.crashed = true;
      throw new Crash(`crashed before write ${this.writes + 1} (${key})`);
    }
    this.writes++;
    await this.inner.put(key, body, type);
  }
  async get(key: string) {
    this.check();
    return this.inner.get(key);
  }
  async delete(keys: readonly string[]) {
    this.check();
    if (this.writes >= this.puts) {
      this.crashed = true;
      throw new Crash(`crashed before write ${this.writes + 1} (deleting ${keys.join(', ')})`);
    }
    this.writes++;
    await this.inner.delete(keys);
  }
  async *list(prefix: string) {
    this.check();
    yield* this.inner.list(prefix);
  }
}

const SOURCE = 's3://in/crash.txt';
type Version = { name: string; write: (store: ObjectStore) => Promise<Manifest> };
const article = (name: string, text: string): Version => {
  const doc = extract(text, { sourceIdentity: SOURCE, publishedAt: '2024-10-14' });
  return { name, write: (store) => writeArticle(store, doc) };
};
const ID = extract('x', { sourceIdentity: SOURCE }).article.article_id;
const failed: Version = {
  name: 'error record',
  write: (store) =>
    writeError(store, {
      article_id: ID,
      source: { uri: SOURCE, bucket: 'in', key: 'crash.txt', bytes: 0 },
      error: { code: 'EMPTY_INPUT', message: 'The object is empty.', retryable: false },
      pipeline_version: '0',
    } satisfies ErrorRecord),
};
const rich = article(
  'rich',
  'Vladimir Putin met Masoud Pezeshkian in Ashgabat on Friday. "We agree on gas," Putin said. Gazprom signed a deal with the Iranian oil ministry last week.',
);
const richer = article(
  'rich, changed',
  'Vladimir Putin met Masoud Pezeshkian in Ashgabat on Thursday. "We disagree on gas," Pezeshkian said. Gazprom cancelled a deal with the Iranian oil ministry in May.',
);
const poor = article('poor', 'nothing much happened here.');
/** An article as the layout before issue 15 left it: a JSON document and per-table CSVs, listed by its manifest. */
const legacy: Version = {
  name: 'legacy layout',
  write: async (store) => {
    const files = [`json/${ID}.json`, `csv/entities/${ID}.csv`, `csv/mentions/${ID}.csv`];
    for (const k of files) await store.put(k, `old ${k}`, 'text/plain');
    const manifest = { article_id: ID, status: 'ok', source: { uri: SOURCE, version_id: null, sha256: null }, pipeline_version: '0.1.0', files, rows: {} } satisfies Manifest;
    await store.put(manifestKey(ID), JSON.stringify(manifest), 'application/json');
    return manifest;
  },
};

/** What each version looks like when written completely: key → body (manifest included). */
async function snapshotOf(version: Version): Promise<Map<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'ae-crash-snap-'));
  try {
    const store = new FolderStore(dir);
    await version.write(store);
    return new Map(await Promise.all((await listAll(store)).map(async (k) => [k, (await store.get(k))!] as const)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a manifest-trusting reader returned, as key → body (manifest included), or its status. */
function seen(read: ArticleOutputs, manifestText: string | null): Map<string, string> | 'incomplete' | 'absent' {
  if (read.status !== 'complete') return read.status;
  return new Map([...read.files, [manifestKey(ID), manifestText!]]);
}

async function reset(store: ObjectStore) {
  await store.delete([documentKey(ID), manifestKey(ID), `json/${ID}.json`, `csv/entities/${ID}.csv`, `csv/mentions/${ID}.csv`]);
}

const TRANSITIONS: [Version | null, Version][] = [
  [null, rich],
  [rich, poor], // files disappear
  [poor, rich], // files appear
  [rich, richer], // same files, new content
  [rich, failed], // datasets → error record
  [failed, poor], // error record → datasets
  [legacy, rich], // the layout before issue 15 → documents/ (its files deleted)
];

async function crashAtEveryWrite(store: ObjectStore, transitions: [Version | null, Version][]) {
  const cases: string[] = [];
  for (const [before, after] of transitions) {
    const old = before ? await snapshotOf(before) : null;
    const next = await snapshotOf(after);
    // Every crash point: after k of the writes (deletes of stale files, the document, the manifest).
    const writes = [...next.keys()].length + (before === legacy ? 1 : 0);
    for (let k = 0; k <= writes; k++) {
      await reset(store);
      if (before) await before.write(store);
      const crashing = new CrashingStore(store, k);
      if (k < writes) await expect(after.write(crashing)).rejects.toBeInstanceOf(Crash);
      else await after.write(crashing);

      const read = await readArticleOutputs(store, ID, { attempts: 1 });
      const view = seen(read, await store.get(manifestKey(ID)));
      const label = `${before?.name ?? 'nothing'} → ${after.name}, crash after ${k}/${writes} writes`;
      if (view instanceof Map) {
        // Whole: exactly one of the two versions, byte for byte.
        const matches = [old, next].filter((v) => v && sameEntries(v, view));
        expect(matches.length, `${label}: the reader saw a mix`).toBe(1);
      } else if (view === 'absent') {
        expect(old, `${label}: the old version vanished`).toBeNull();
      }
      if (k === 0) expect(view instanceof Map ? sameEntries(view, old!) : old === null, `${label}: nothing written yet`).toBe(true);
      if (k === writes) expect(view instanceof Map && sameEntries(view, next), `${label}: manifest written`).toBe(true);
      // download trusts the same check: it never merges a torn article.
      if (view === 'incomplete') {
        const dir = mkdtempSync(join(tmpdir(), 'ae-crash-dl-'));
        const summary = await downloadDatasets(store, dir, { attempts: 1 });
        rmSync(dir, { recursive: true, force: true });
        expect(summary.incomplete.map((i) => i.article_id)).toEqual([ID]);
        expect(summary.articles + summary.errors).toBe(0);
      }
      cases.push(`${label}: ${view instanceof Map ? (sameEntries(view, next) ? 'new' : 'old') : view}`);

      // The queue retries: the complete new version, and nothing else of this article.
      await after.write(store);
      const keys = (await listAll(store)).filter((key) => articleIdOfKey(key) === ID);
      expect(keys, `${label}: after the retry`).toEqual([...next.keys()].sort());
      for (const [key, body] of next) expect(await store.get(key)).toBe(body);
    }
  }
  return cases;
}

function sameEntries(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3(['crash-out']);
});
afterAll(async () => s3?.stop());

describe('a crash between writes', () => {
  it('never shows a reader a mix of two versions, and the retry cleans up (every k, six transitions, local folder)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ae-crash-'));
    try {
      const cases = await crashAtEveryWrite(new FolderStore(dir), TRANSITIONS);
      expect(cases.length).toBe(TRANSITIONS.length * 3 + 1);
      // Some crashes must actually leave a torn article on disk, or the test proves nothing.
      expect(cases.some((c) => c.endsWith('incomplete'))).toBe(true);
      expect(cases.some((c) => c.endsWith('old'))).toBe(true);
      expect(cases.some((c) => c.endsWith('new'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('behaves the same on S3 (s3rver, real SDK)', async () => {
    const cases = await crashAtEveryWrite(new S3Store(s3.client, 'crash-out'), [[rich, poor]]);
    expect(cases.some((c) => c.endsWith('incomplete'))).toBe(true);
  });

  it('a reader holding the previous manifest while the files are rewritten re-reads, instead of returning a mix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ae-crash-'));
    try {
      const store = new FolderStore(dir);
      await rich.write(store);
      const next = await snapshotOf(richer);
      let rewritten = false;
      // The writer runs to completion right after the reader has fetched the (old) manifest.
      const racing: ObjectStore = {
        location: store.location,
        put: (k, b, t) => store.put(k, b, t),
        delete: (k) => store.delete(k),
        list: (p) => store.list(p),
        get: async (key) => {
          const body = await store.get(key);
          if (key === manifestKey(ID) && !rewritten) {
            rewritten = true;
            await richer.write(store);
          }
          return body;
        },
      };
      const once = await readArticleOutputs(racing, ID, { attempts: 1 });
      expect(once.status).toBe('incomplete'); // the old manifest's hashes caught the new files
      rewritten = false;
      await rich.write(store);
      const retried = await readArticleOutputs(racing, ID, { attempts: 3, retryDelayMs: 1 });
      expect(retried.status).toBe('complete');
      expect(sameEntries(seen(retried, await store.get(manifestKey(ID))) as Map<string, string>, next)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
