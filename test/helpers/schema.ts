/** Validates outputs against the committed JSON Schema files with a real validator (Ajv), not the TypeBox source. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { ROOT } from './fixtures.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const load = (file: string) => ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')));

export const validateDocument = load('article-document.schema.json');
export const validateErrorRecord = load('error-record.schema.json');
const rowValidators = new Map<string, ReturnType<typeof load>>();
export const validateRow = (table: string) => {
  if (!rowValidators.has(table)) rowValidators.set(table, load(`csv/${table}.schema.json`));
  return rowValidators.get(table)!;
};

export function assertValid(validate: ReturnType<typeof load>, value: unknown): void {
  if (!validate(value)) throw new Error(`schema validation failed: ${ajv.errorsText(validate.errors)}`);
}
