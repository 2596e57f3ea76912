import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline.js';
import { FolderStore } from '../../src/storage/folder-store.js';
import { readManifest, removeArticle, writeArticle, writeError } from '../../src/storage/write-outputs.js';

const list = async (store: FolderStore) => {
  const keys: string[] = [];
  for await (const k of store.list('')) keys.push(k);
  return keys;
};

describe('writing one article', () => {
  it('writes one single-line document then the manifest; reprocessing and error records overwrite the same key', async () => {
    const store = new FolderStore(mkdtempSync(join(tmpdir(), 'ae-out-')));
    const rich = extract('Vladimir Putin met Masoud Pezeshkian in Ashgabat.\n\n“We agree,” Putin said.', { sourceIdentity: 'same' });
    const id = rich.article.article_id;
    const m1 = await writeArticle(store, rich);
    expect(m1.files).toEqual([`documents/${id}.json`]);
    expect(await list(store)).toEqual([`documents/${id}.json`, `manifests/${id}.json`]);
    const line = (await store.get(`documents/${id}.json`))!;
    expect(line.split('\n')).toEqual([expect.any(String), '']); // one line, whatever newlines the text holds
    expect(JSON.parse(line)).toEqual(rich);
    expect(m1.rows.mentions).toBeGreaterThan(2);

    const poor = extract('nothing much here.', { sourceIdentity: 'same' });
    const m2 = await writeArticle(store, poor);
    expect(m2.rows.mentions).toBe(0);
    expect(await list(store)).toEqual([`documents/${id}.json`, `manifests/${id}.json`]);

    await writeError(store, {
      article_id: id,
      source: { uri: 'same', bucket: null, key: null, bytes: 0 },
      error: { code: 'EMPTY_INPUT', message: 'empty', retryable: false },
      pipeline_version: '0',
    });
    expect(await list(store)).toEqual([`documents/${id}.json`, `manifests/${id}.json`]);
    expect((await readManifest(store, id))?.status).toBe('error');
    expect(JSON.parse((await store.get(`documents/${id}.json`))!).error.code).toBe('EMPTY_INPUT');
  });

  it('removes the files of the layout before issue 15 that an old manifest listed, on reprocessing', async () => {
    const store = new FolderStore(mkdtempSync(join(tmpdir(), 'ae-out-')));
    const doc = extract('Angela Merkel spoke in Berlin.', { sourceIdentity: 'legacy' });
    const id = doc.article.article_id;
    const old = [`json/${id}.json`, `csv/entities/${id}.csv`, `csv/mentions/${id}.csv`];
    for (const k of old) await store.put(k, 'old', 'text/plain');
    await store.put(`manifests/${id}.json`, JSON.stringify({ article_id: id, status: 'ok', files: old }), 'application/json');
    await writeArticle(store, doc);
    expect(await list(store)).toEqual([`documents/${id}.json`, `manifests/${id}.json`]);
  });

  it('removes an article through its manifest', async () => {
    const store = new FolderStore(mkdtempSync(join(tmpdir(), 'ae-out-')));
    const a = extract('Angela Merkel spoke in Berlin.', { sourceIdentity: 'a' });
    const b = extract('Olaf Scholz spoke in Bonn.', { sourceIdentity: 'b' });
    await writeArticle(store, a);
    await writeArticle(store, b);
    const removed = await removeArticle(store, a.article.article_id);
    expect(removed?.status).toBe('ok');
    expect(await list(store)).toEqual([`documents/${b.article.article_id}.json`, `manifests/${b.article.article_id}.json`]);
    expect(await removeArticle(store, a.article.article_id)).toBeNull(); // a repeated delete is harmless
  });

  it('never writes outside its folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ae-out-'));
    const store = new FolderStore(join(root, 'inner'));
    await expect(store.put('../escape.json', '{}', 'application/json')).rejects.toThrow(/outside/);
    expect(readdirSync(root)).toEqual([]);
  });
});
