/**
 * Where trained models live. In the repository they are in `models/`; in the
 * Lambda bundle they are copied next to the handler (`/var/task/models`). Set
 * ARTICLE_EXPORT_MODELS_DIR to point elsewhere.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAbove } from './package-files.js';

export function resolveModelPath(file: string): string {
  const fromEnv = process.env.ARTICLE_EXPORT_MODELS_DIR;
  if (fromEnv) return join(fromEnv, file);
  const found = findAbove(join('models', file));
  if (found) return found;
  throw new Error(`Model file "${file}" not found: looked in models/ above ${fileURLToPath(import.meta.url)}; set ARTICLE_EXPORT_MODELS_DIR`);
}
