/**
 * What the training scripts share: where the repository and the corpora are, numeric
 * `--name value` options, the `--out` folder (models/ by default) and a timed log on stderr.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The annotated corpora: $ARTICLE_EXPORT_DATA_DIR or ../shared/data (never copied into the repository). */
export const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');

/** `--name N` as a number, or `def`. */
export function numberArg(name: string, def: number): number {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : def;
}

/** `--out DIR`, or the repository's models/ folder. */
export const outDir = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : join(repo, 'models');

/** A logger that prefixes each line with the seconds since the script started. */
export function timedLog(): (msg: string) => void {
  const t0 = Date.now();
  return (msg) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
}
