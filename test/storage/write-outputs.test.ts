import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline.js';
import { FolderStore } from '../../src/storage/folder-store.js';
import { readManifest, writeArticle, writeError } from '../../src/storage/write-outputs.js';

const list = async (store: FolderStore) => {
  const keys: string[] = [];
  for await (const k of store.list('')) keys.push(k);
  return keys;
};

describe('writing one article', () => {
  it('writes data then the manifest, and reprocessing removes what the new run no longer produces', async () => {
    const store = new FolderStore(mkdtempSync(join(tmpdir(), 'ae-out-')));
    const rich = extract('Vladimir Putin met Masoud Pezeshkian in Ashgabat. “We agree,” Putin said.', { sourceIdentity: 'same' });
    const m1 = await writeArticle(store, rich);
    expect(m1.files).toEqual(expect.arrayContaining([`json/${rich.article.article_id}.json`, `csv/mentions/${rich.article.article_id}.csv`]));
    expect((await list(store)).sort()).toEqual([...m1.files, `manifests/${rich.article.article_id}.json`].sort());

    const poor = extract('nothing much here.', { sourceIdentity: 'same' });
    const m2 = await writeArticle(store, poor);
    expect(m2.files.some((f) => f.startsWith('csv/mentions/'))).toBe(false);
    expect((await list(store)).sort()).toEqual([...m2.files, `manifests/${poor.article.article_id}.json`].sort());

    await writeError(store, {
      article_id: poor.article.article_id,
      source: { uri: 'same', bucket: null, key: null, bytes: 0 },
      error: { code: 'EMPTY_INPUT', message: 'empty', retryable: false },
      pipeline_version: '0',
    });
    expect((await list(store)).sort()).toEqual([`errors/${poor.article.article_id}.json`, `manifests/${poor.article.article_id}.json`]);
    expect((await readManifest(store, poor.article.article_id))?.status).toBe('error');
  });

  it('cleans up after a crash that left data files without a manifest', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ae-out-'));
    const store = new FolderStore(root);
    const doc = extract('Angela Merkel spoke in Berlin.', { sourceIdentity: 'crash' });
    await store.put(`csv/quotes/${doc.article.article_id}.csv`, 'stale', 'text/csv'); // left by an earlier, interrupted run
    await writeArticle(store, doc);
    expect(await store.get(`csv/quotes/${doc.article.article_id}.csv`)).toBeNull();
  });

  it('never writes outside its folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ae-out-'));
    const store = new FolderStore(join(root, 'inner'));
    await expect(store.put('../escape.json', '{}', 'application/json')).rejects.toThrow(/outside/);
    expect(readdirSync(root)).toEqual([]);
  });
});
