/**
 * Files shipped with the package (models/, examples/), found by walking up from
 * this module: the same lookup works from src/ (TypeScript through tsx), from
 * dist/ and dist/chunks/ (the built command line) and from a Lambda bundle
 * (models/ copied next to the handler).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path of `relative` in the nearest folder above this module that has it, or null. */
export function findAbove(relative: string): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}
