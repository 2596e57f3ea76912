/** Paths shared by tests: the repository, its example articles, and the corpora beside it. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLES = join(ROOT, 'examples', 'articles');
export const DATA_DIR = process.env.ARTICLE_EXPORT_DATA_DIR ?? resolve(ROOT, '..', 'shared', 'data');
export const SHARED_EXAMPLES = resolve(ROOT, '..', 'shared', 'examples');
export const hasData = existsSync(DATA_DIR);
export const hasSharedExamples = existsSync(SHARED_EXAMPLES);
