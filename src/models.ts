/**
 * Where trained models live. In the repository they are in `models/`; in the
 * Lambda bundle they are copied next to the handler (`/var/task/models`). Set
 * ARTICLE_EXPORT_MODELS_DIR to point elsewhere.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function resolveModelPath(file: string): string {
  const fromEnv = process.env.ARTICLE_EXPORT_MODELS_DIR;
  if (fromEnv) return join(fromEnv, file);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'models', file);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Model file "${file}" not found: looked in models/ above ${fileURLToPath(import.meta.url)}; set ARTICLE_EXPORT_MODELS_DIR`);
}
