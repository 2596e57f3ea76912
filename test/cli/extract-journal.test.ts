import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractJournal, JOURNAL_PATH } from '../../src/cli/extract-journal.js';

const sha = (c: string) => c.repeat(64);

describe('ExtractJournal', () => {
  it('keeps the last entry per input across a resume, ignores a torn line, and starts empty without --resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ae-journal-'));
    const first = await ExtractJournal.open(dir, { resume: false });
    await first.record({ name: 'a', input_sha256: sha('1'), status: 'ok', options: '{}' });
    await first.record({ name: 'b', input_sha256: sha('2'), status: 'error', options: '{}' });
    await first.record({ name: 'a', input_sha256: sha('3'), status: 'ok', options: '{}' });
    await first.close();
    appendFileSync(join(dir, JOURNAL_PATH), '{"name":"c","input_sha2'); // a crash in mid-line

    const resumed = await ExtractJournal.open(dir, { resume: true });
    expect(resumed.prior('a')).toEqual({ name: 'a', input_sha256: sha('3'), status: 'ok', options: '{}' });
    expect(resumed.prior('b')?.status).toBe('error');
    expect(resumed.prior('c')).toBeUndefined();
    await resumed.record({ name: 'c', input_sha256: sha('4'), status: 'ok', options: '{}' });
    await resumed.close();
    // Rewritten on close: one line per input, sorted by name.
    expect(readFileSync(join(dir, JOURNAL_PATH), 'utf8').trim().split('\n').map((l) => JSON.parse(l).name)).toEqual(['a', 'b', 'c']);

    const fresh = await ExtractJournal.open(dir, { resume: false });
    expect(fresh.prior('a')).toBeUndefined();
    await fresh.close();
    expect(readFileSync(join(dir, JOURNAL_PATH), 'utf8')).toBe('');
  });
});
