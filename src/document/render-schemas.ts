/** The JSON Schema files of every output, rendered from the TypeBox definitions. */
import { TABLES } from '../datasets/tables.js';
import { ArticleDocument, ErrorRecord } from './schema.js';

const BASE = 'https://article-export.dev/schemas/';

/** File name under schemas/ → its content. */
export function renderSchemas(): Record<string, string> {
  const out: Record<string, string> = {
    'article-document.schema.json': render(ArticleDocument),
    'error-record.schema.json': render(ErrorRecord),
  };
  for (const [name, schema] of Object.entries(TABLES)) {
    out[`csv/${name}.schema.json`] = render({ ...schema, $id: `${BASE}csv/${name}.schema.json` });
  }
  return out;
}

function render(schema: object): string {
  // JSON.stringify drops TypeBox's symbol-keyed metadata, leaving plain JSON Schema.
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, null, 2)}\n`;
}
