/**
 * What `extract --out` and `download` write, by --format:
 *
 *   json      the JSON documents
 *   csv       the merged CSV tables (csv/<table>.csv)
 *   parquet   the Parquet tables (parquet/<table>.parquet)
 *   both      JSON documents + CSV tables (the default, as before Parquet existed)
 *   all       JSON documents + CSV tables + Parquet tables
 *
 * Error records are always written.
 */
export const DATASET_FORMATS = ['json', 'csv', 'parquet', 'both', 'all'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export interface FormatParts {
  json: boolean;
  csv: boolean;
  parquet: boolean;
}

/**
 * @example formatParts('all') // { json: true, csv: true, parquet: true }
 */
export function formatParts(format: DatasetFormat): FormatParts {
  return {
    json: format === 'json' || format === 'both' || format === 'all',
    csv: format === 'csv' || format === 'both' || format === 'all',
    parquet: format === 'parquet' || format === 'all',
  };
}

export const isDatasetFormat = (v: string): v is DatasetFormat => (DATASET_FORMATS as readonly string[]).includes(v);
