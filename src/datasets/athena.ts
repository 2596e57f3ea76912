/**
 * The Athena catalog of the bucket layout (src/storage/layout.ts): one table, `documents`, over
 * documents/ — a JSON SerDe reads each one-line document as one row, whatever line breaks its text
 * holds — and one view per table of the README that UNNESTs it, with the CSV tables' column names.
 *
 * One source for three readers: the CDK stack creates the table and the views in Glue from it
 * (infra/datasets-catalog.ts), `npm run schemas` renders it as docs/athena.sql for manual set-up, and a
 * test runs the views and the README's queries with DuckDB over documents the real pipeline wrote.
 * The document columns come from the TypeBox schemas of the ArticleDocument and the error record,
 * so the catalog cannot drift from the data.
 *
 * Dialect: the views are Trino SQL (Athena engine 3). `CROSS JOIN UNNEST(d.entities) AS e` expands
 * an array of rows into one column per field (`e.name`, `e.geo`…), as Trino does.
 */
import { ArticleDocument, ErrorRecord } from '../document/schema.js';
import { columns, TABLES, TABLE_NAMES, type TableName } from './tables.js';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  patternProperties?: Record<string, JsonSchema>;
}

/** The non-null part of a schema; a union of string literals is a string. */
function nonNull(s: JsonSchema): JsonSchema {
  if (!s.anyOf) return s;
  const members = s.anyOf.filter((m) => m.type !== 'null');
  if (members.every((m) => m.type === 'string')) return { type: 'string' };
  if (members.length === 1) return nonNull(members[0]!);
  throw new Error(`No single column type for a union of ${members.map((m) => m.type).join(', ')}`);
}

/**
 * Athena's reserved DDL keywords (its documentation's list), quoted with backticks where a column or a
 * struct field is named after one (start, end, date, group, trigger…). Glue's type strings, which no DDL
 * parser reads, stay unquoted.
 */
const RESERVED = new Set(
  ('all alter and array as authorization between bigint binary boolean both by case cashe cast char column conf constraint commit ' +
    'create cross cube current current_date current_timestamp cursor database date dayofweek decimal delete describe distinct div ' +
    'double drop else end exchange exists extended external extract false fetch float floor following for foreign from full function ' +
    'grant group grouping having if import in inner insert int integer intersect interval into is join lateral left less like local ' +
    'macro map more none not null numeric of on only or order out outer over partialscan partition percent preceding precision ' +
    'preserve primary procedure range reads reduce regexp references revoke right rlike rollback rollup row rows select set smallint ' +
    'start table tablesample then time timestamp to transform trigger true truncate unbounded union uniquejoin update user using ' +
    'utc_timestamp values varchar views when where window with').split(' '),
);

/**
 * The Hive type of a JSON Schema, as Glue and Athena DDL write it.
 *
 * @example hiveType({ type: 'array', items: { type: 'integer' } }) // 'array<int>'
 */
export function hiveType(schema: JsonSchema, quote = false): string {
  const s = nonNull(schema);
  const name = (k: string) => (quote && RESERVED.has(k) ? `\`${k}\`` : k);
  switch (s.type) {
    case 'object':
      if (s.patternProperties) return `map<string,${hiveType(Object.values(s.patternProperties)[0]!, quote)}>`;
      return `struct<${Object.entries(s.properties ?? {}).map(([k, v]) => `${name(k)}:${hiveType(v, quote)}`).join(',')}>`;
    case 'array':
      return `array<${hiveType(s.items!, quote)}>`;
    case 'integer':
      return 'int';
    case 'number':
      return 'double';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

/** The DuckDB type of a JSON Schema (for read_json's `columns`), the same shape as hiveType. */
export function duckdbType(schema: JsonSchema): string {
  const s = nonNull(schema);
  switch (s.type) {
    case 'object':
      if (s.patternProperties) return `MAP(VARCHAR, ${duckdbType(Object.values(s.patternProperties)[0]!)})`;
      return `STRUCT(${Object.entries(s.properties ?? {}).map(([k, v]) => `"${k}" ${duckdbType(v)}`).join(', ')})`;
    case 'array':
      return `${duckdbType(s.items!)}[]`;
    case 'integer':
      return 'INTEGER';
    case 'number':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

export interface DocumentColumn {
  name: string;
  schema: JsonSchema;
  comment: string;
}

/**
 * The `documents` table's columns: an ArticleDocument's fields (set on articles), then an error
 * record's (set on inputs that failed; `article` is then null). The two share no name.
 */
export function documentColumns(): DocumentColumn[] {
  const doc = ArticleDocument.properties as unknown as Record<string, JsonSchema>;
  const err = ErrorRecord.properties as unknown as Record<string, JsonSchema>;
  return [
    ...Object.entries(doc).map(([name, schema]) => ({ name, schema, comment: `ArticleDocument.${name}` })),
    ...Object.entries(err).map(([name, schema]) => ({ name, schema, comment: `error record: ${name} (null for articles)` })),
  ];
}

export interface AthenaView {
  name: string;
  description: string;
  /** The SELECT (Trino), over `documents` and earlier views, unqualified so it runs in any database. */
  sql: string;
  /** Output columns with their Trino types, in order (Glue stores them with the view). */
  columns: { name: string; type: string }[];
}

/** Columns that are " | "-joined in the CSV tables and arrays in the views (as in Parquet). */
const LIST_COLUMNS = new Set(['aliases', 'roles']);

/** The Trino types of a CSV table's columns, read off its TypeBox row schema. */
function viewColumns(table: TableName): AthenaView['columns'] {
  const props = TABLES[table].properties as unknown as Record<string, JsonSchema>;
  return columns(table).map((name) => {
    const t = nonNull(props[name]!).type;
    const type = LIST_COLUMNS.has(name) ? 'array(varchar)' : t === 'integer' ? 'integer' : t === 'number' ? 'double' : 'varchar';
    return { name, type };
  });
}

const SQL: Record<TableName, string> = {
  articles: `SELECT d.article.article_id AS article_id, d.article.external_id AS external_id, d.article.title AS title,
  d.article.published_at AS published_at, d.article.published_at_source AS published_at_source, d.article.language AS language,
  d.article.char_count AS char_count, d.article.word_count AS word_count, d.article.sha256 AS sha256,
  d.article.source.uri AS source_uri, d.article.source.format AS source_format, d.article.source.encoding AS source_encoding,
  d.article.source.url AS url, d.article.dateline.place AS dateline_place, d.article.dateline.agency AS dateline_agency,
  CAST(cardinality(d.entities) AS integer) AS entity_count, CAST(cardinality(d.quotes) AS integer) AS quote_count,
  CAST(cardinality(d.times) AS integer) AS time_count, CAST(cardinality(d.events) AS integer) AS event_count,
  d.article.pipeline_version AS pipeline_version
FROM documents d
WHERE d.article IS NOT NULL`,
  entities: `SELECT d.article.article_id AS article_id, e.entity_id AS entity_id, e.type AS type, e.subtype AS subtype, e.name AS name,
  e.aliases AS aliases, e.roles AS roles, e.mention_count AS mention_count,
  e.geo.country_code AS country_code, e.geo.latitude AS latitude, e.geo.longitude AS longitude
FROM documents d
CROSS JOIN UNNEST(d.entities) AS e`,
  mentions: `SELECT d.article.article_id AS article_id, e.entity_id AS entity_id, m.start AS start, m."end" AS "end", m.text AS text,
  m.sentence AS sentence
FROM documents d
CROSS JOIN UNNEST(d.entities) AS e
CROSS JOIN UNNEST(e.mentions) AS m`,
  quotes: `SELECT d.article.article_id AS article_id, q.quote_id AS quote_id, q.kind AS kind, q.text AS text, q.start AS start, q."end" AS "end",
  q.speaker.entity_id AS speaker_entity_id, q.speaker.name AS speaker_name, q.speaker.description AS speaker_description,
  q.speaker_confidence AS speaker_confidence, q.cue.text AS cue, q.cue.start AS cue_start, q.cue."end" AS cue_end,
  q.addressee.entity_id AS addressee_entity_id, q.addressee.name AS addressee_name, q."group" AS quote_group
FROM documents d
CROSS JOIN UNNEST(d.quotes) AS q`,
  times: `SELECT d.article.article_id AS article_id, t.time_id AS time_id, t.text AS text, t.start AS start, t."end" AS "end",
  t.type AS type, t.value AS value, t.date_start AS date_start, t.date_end AS date_end
FROM documents d
CROSS JOIN UNNEST(d.times) AS t`,
  events: `SELECT d.article.article_id AS article_id, v.event_id AS event_id, v.type AS type, v.cameo AS cameo, v.factuality AS factuality,
  v.trigger.text AS trigger, v.trigger.start AS trigger_start, v.trigger."end" AS trigger_end,
  CAST(cardinality(v.mentions) AS integer) AS mention_count, v."date".start AS date_start, v."date"."end" AS date_end, v."date".time_id AS time_id,
  v.location.entity_id AS location_entity_id, v.location.name AS location_name, v.sentence.text AS sentence
FROM documents d
CROSS JOIN UNNEST(d.events) AS v`,
  event_participants: `SELECT d.article.article_id AS article_id, v.event_id AS event_id, p.entity_id AS entity_id, p.name AS name, p.role AS role
FROM documents d
CROSS JOIN UNNEST(d.events) AS v
CROSS JOIN UNNEST(v.participants) AS p`,
  // Each entity's dated events that happened (asserted) or are scheduled (possible, with evidence "scheduled: …": the
  // events view has no evidence, so read from the documents); the entity's canonical name from its article (as
  // timeline.csv). Every event has a factuality evidence, so the map subscript (which fails on a missing key in Trino)
  // is safe. Unordered: ORDER BY entity_id, date_start.
  timeline: `SELECT p.entity_id AS entity_id, coalesce(e.name, p.name) AS name, v."date".start AS date_start,
  coalesce(v."date"."end", v."date".start) AS date_end, v.type AS event_type, v.trigger.text AS trigger, d.article.article_id AS article_id, v.event_id AS event_id
FROM documents d
CROSS JOIN UNNEST(d.events) AS v
CROSS JOIN UNNEST(v.participants) AS p
LEFT JOIN entities e ON e.article_id = d.article.article_id AND e.entity_id = p.entity_id
WHERE v."date".start IS NOT NULL AND (v.factuality = 'asserted' OR (v.factuality = 'possible' AND v.evidence['factuality'] LIKE 'scheduled: %'))`,
};

/** The views: the README's eight tables, then `errors` (inputs that got an error record). */
export const ATHENA_VIEWS: AthenaView[] = [
  ...TABLE_NAMES.map((name) => ({ name, description: TABLES[name].description!, sql: SQL[name], columns: viewColumns(name) })),
  {
    name: 'errors',
    description: 'One row per input that got an error record instead of datasets',
    sql: `SELECT d.article_id AS article_id, d.source.uri AS source_uri, d.error.code AS code, d.error.message AS message,
  d.pipeline_version AS pipeline_version
FROM documents d
WHERE d.error IS NOT NULL`,
    columns: ['article_id', 'source_uri', 'code', 'message', 'pipeline_version'].map((name) => ({ name, type: 'varchar' })),
  },
];

/** Table properties of the documents table: the OpenX JSON SerDe, which Athena documents for nested JSON. */
export const DOCUMENTS_SERDE = 'org.openx.data.jsonserde.JsonSerDe';

/**
 * The whole catalog as Athena DDL: what docs/athena.sql holds (with placeholders), for setting it up by
 * hand; the stack creates the same objects through Glue.
 */
export function renderAthenaSql(database = 'articleexport', location = 's3://OUTPUT_BUCKET/documents/'): string {
  const cols = documentColumns()
    .map((c) => `  \`${c.name}\` ${hiveType(c.schema, true)} COMMENT '${c.comment}'`)
    .join(',\n');
  const views = ATHENA_VIEWS.map((v) => `-- ${v.name}: ${v.description}\nCREATE OR REPLACE VIEW ${database}.${v.name} AS\n${v.sql};\n`).join('\n');
  return `-- article-export: the Athena catalog of the output bucket (generated by \`npm run schemas\` from
-- src/datasets/athena.ts; the CDK stack creates the same table and views in Glue).
-- Replace OUTPUT_BUCKET with the stack's OutputBucketName and run each statement in the Athena console.
-- One row of \`documents\` per input object: its ArticleDocument (\`article\` set) or its error record (\`error\` set).

CREATE DATABASE IF NOT EXISTS ${database};

CREATE EXTERNAL TABLE IF NOT EXISTS ${database}.documents (
${cols}
)
ROW FORMAT SERDE '${DOCUMENTS_SERDE}'
LOCATION '${location}';

${views}`;
}
