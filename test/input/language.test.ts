/** Language detection: what the models do not cover is refused with a clear record, unless the language is stated. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDocument, ErrorRecord } from '../../src/document/schema.js';
import { decideLanguage, detectLanguage, parseLanguage } from '../../src/input/language.js';
import { processArticle } from '../../src/process/process-article.js';
import { EXAMPLES, ROOT } from '../helpers/fixtures.js';

// Written for this test (not from any corpus or example).
const FRENCH =
  "Le gouvernement a annoncé vendredi une nouvelle réforme des retraites, qui sera présentée au Parlement la semaine prochaine. " +
  "Selon le ministre du Travail, le texte prévoit de relever progressivement l'âge légal de départ. Les syndicats ont appelé à une " +
  'journée de grève nationale pour protester contre ce projet, jugé injuste par une majorité de Français interrogés.';
const GERMAN =
  'Die Bundesregierung hat am Freitag angekündigt, dass die Zukunft der Energieversorgung bis zum Ende des Jahrzehnts gesichert ' +
  'werden soll. Der Wirtschaftsminister sagte in Berlin, man wolle den Ausbau der Windkraft beschleunigen und die Netze ' +
  'modernisieren. Kritiker aus der Opposition bezweifeln jedoch, dass die geplanten Mittel dafür ausreichen werden.';
const ENGLISH =
  'The city council approved the new tram line on Thursday after a debate that lasted more than four hours. The mayor said the ' +
  'project would be finished by 2028 and that it was the largest investment in public transport the region had seen in a generation.';

const bytes = (s: string) => new TextEncoder().encode(s);
const run = (text: string, extra: Record<string, unknown> = {}) =>
  processArticle({ bytes: bytes(text), size: bytes(text).length }, { kind: 'file', identity: 'a.txt', name: 'a.txt', ...extra });

describe('detectLanguage', () => {
  it('tells French, German and English news apart', () => {
    expect(detectLanguage(FRENCH)).toBe('fr');
    expect(detectLanguage(GERMAN)).toBe('de');
    expect(detectLanguage(ENGLISH)).toBe('en');
  });

  it('does not judge a text too short to tell (null: taken as English)', () => {
    expect(detectLanguage('Putin met Pezeshkian in Moscow on Friday.')).toBeNull();
    expect(decideLanguage('Die Zukunft.', null)).toEqual({ language: 'en', how: 'assumed' });
  });

  it('finds every example article English', () => {
    // The shared example articles when ../shared is beside the clone (as in CI), the repository's own always.
    const shared = [join(ROOT, '..', 'shared', 'examples'), join(ROOT, '..', 'shared', 'examples-dev')].filter(existsSync);
    const files = [...shared, EXAMPLES].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));
    expect(files.length).toBeGreaterThan(shared.length > 0 ? 5 : 0);
    for (const f of files) expect([f, detectLanguage(readFileSync(f, 'utf8')) ?? 'en']).toEqual([f, 'en']);
  });
});

describe('an article in a language the models do not cover', () => {
  it('ends in an UNSUPPORTED_LANGUAGE error record naming the detected language, and no document', () => {
    const outcome = run(FRENCH);
    expect(outcome.status).toBe('error');
    const record = (outcome as { record: ErrorRecord }).record;
    expect(record.error.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(record.error.message).toContain('"fr"');
    expect(record.error.message).toContain('--language en');
  });

  it('is processed when the caller states English (--language, S3 metadata, front matter), which article.language reports', () => {
    for (const forced of [
      run(GERMAN, { language: 'en' }),
      run(GERMAN, { kind: 's3', metadata: { language: 'en-GB' } }),
      processArticle({ bytes: bytes(`---\nlanguage: en\n---\n${FRENCH}`), size: 0 }, { kind: 'file', identity: 'a.md', name: 'a.md' }),
    ]) {
      expect(forced.status).toBe('ok');
      expect((forced as { doc: ArticleDocument }).doc.article.language).toBe('en');
    }
  });

  it('is refused when the language it states is one the models do not cover, and S3 metadata wins over --language', () => {
    const meta = run(ENGLISH, { kind: 's3', metadata: { language: 'de-DE' }, language: 'en' });
    expect((meta as { record: ErrorRecord }).record.error.code).toBe('UNSUPPORTED_LANGUAGE');
    expect((meta as { record: ErrorRecord }).record.error.message).toContain('states language "de"');
    const front = processArticle({ bytes: bytes(`---\nlanguage: fr\n---\n${FRENCH}`), size: 0 }, { kind: 'file', identity: 'a.md', name: 'a.md' });
    expect((front as { record: ErrorRecord }).record.error.code).toBe('UNSUPPORTED_LANGUAGE');
  });

  it('an English article says en; a malformed stated tag is an input error', () => {
    expect((run(ENGLISH) as { doc: ArticleDocument }).doc.article.language).toBe('en');
    expect(() => parseLanguage('english!', 'The --language')).toThrow(/not a language tag/);
    const bad = run(ENGLISH, { kind: 's3', metadata: { language: '12' } });
    expect((bad as { record: ErrorRecord }).record.error.code).toBe('INVALID_LANGUAGE');
  });
});

describe('article-export extract --language', () => {
  const BIN = join(ROOT, 'bin', 'article-export.js');
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });

  it('refuses a German file with a record, and processes it when told --language en', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ae-lang-'));
    writeFileSync(join(dir, 'de.txt'), GERMAN);
    const out1 = mkdtempSync(join(tmpdir(), 'ae-lang-out-'));
    const r1 = cli('extract', dir, '--out', out1, '--format', 'json', '--jobs', '1');
    expect(r1.status).toBe(1);
    expect(r1.stderr).toContain('"de"');
    const record = JSON.parse(readFileSync(join(out1, 'errors', 'de.json'), 'utf8')) as ErrorRecord;
    expect(record.error.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(existsSync(join(out1, 'de.json'))).toBe(false);
    const out2 = mkdtempSync(join(tmpdir(), 'ae-lang-out-'));
    const r2 = cli('extract', dir, '--out', out2, '--format', 'json', '--jobs', '1', '--language', 'en');
    expect(r2.status).toBe(0);
    expect((JSON.parse(readFileSync(join(out2, 'de.json'), 'utf8')) as ArticleDocument).article.language).toBe('en');
    expect(cli('extract', dir, '--language', 'not a tag').status).toBe(2);
  });
});
