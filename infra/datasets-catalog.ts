/**
 * Glue Data Catalog tables over the CSV datasets, so Athena queries them as one
 * table per prefix (`csv/<table>/*.csv`), plus an Athena workgroup whose query
 * results stay encrypted in the output bucket. Columns come from the same
 * TypeBox row schemas that write the CSV files (src/datasets/tables.ts), so the
 * catalog cannot drift from the data.
 */
import { Aws, Stack } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_NAMES, TABLES } from '../src/datasets/tables.js';
import { CSV_PREFIX, csvTablePrefix } from '../src/storage/layout.js';

export interface DatasetsCatalogProps {
  readonly outputBucket: s3.IBucket;
  readonly encryptionKey?: kms.IKey;
  /** Glue database name. Default: derived from the stack name (e.g. `articleexport`). */
  readonly databaseName?: string;
}

/** Where Athena writes query results (inside the output bucket, outside the dataset prefixes). */
export const ATHENA_RESULTS_PREFIX = 'athena-results/';

export interface GlueColumn {
  name: string;
  type: string;
  comment?: string;
}

/**
 * Hive column types for a table's CSV columns. Nullable numbers stay `string`:
 * they are written as empty cells, which OpenCSVSerDe cannot parse as numbers
 * (query them with `TRY_CAST(col AS double)`).
 *
 * @example
 * glueColumns('mentions').find((c) => c.name === 'start')?.type; // 'bigint'
 */
export function glueColumns(table: keyof typeof TABLES): GlueColumn[] {
  const props = TABLES[table].properties as Record<string, { type?: string; anyOf?: unknown[] }>;
  return Object.entries(props).map(([name, schema]) => {
    const type = schema.type === 'integer' ? 'bigint' : schema.type === 'number' ? 'double' : 'string';
    return schema.anyOf ? { name, type: 'string', comment: 'nullable: empty cell = null' } : { name, type };
  });
}

export class DatasetsCatalog extends Construct {
  readonly databaseName: string;
  readonly workGroupName: string;

  constructor(scope: Construct, id: string, props: DatasetsCatalogProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.databaseName = props.databaseName ?? stack.stackName.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    this.workGroupName = `${stack.stackName}-datasets`;

    const database = new glue.CfnDatabase(this, 'Database', {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: {
        name: this.databaseName,
        description: `article-export datasets: one table per CSV prefix ${CSV_PREFIX}<table>/ of the output bucket`,
      },
    });

    for (const table of TABLE_NAMES) {
      const t = new glue.CfnTable(this, `Table-${table}`, {
        catalogId: Aws.ACCOUNT_ID,
        databaseName: this.databaseName,
        tableInput: {
          name: table,
          description: TABLES[table].description,
          tableType: 'EXTERNAL_TABLE',
          // No has_encrypted_data: that flag means client-side encryption; SSE-S3/SSE-KMS read transparently.
          parameters: { classification: 'csv', 'skip.header.line.count': '1' },
          storageDescriptor: {
            columns: glueColumns(table),
            location: `s3://${props.outputBucket.bucketName}/${csvTablePrefix(table)}`,
            inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
            outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
            serdeInfo: {
              // OpenCSVSerDe understands RFC 4180 quoting ("" inside quoted cells).
              serializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
              parameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
            },
          },
        },
      });
      t.node.addDependency(database);
    }

    new athena.CfnWorkGroup(this, 'WorkGroup', {
      name: this.workGroupName,
      description: 'Query the article-export datasets; results are encrypted in the output bucket',
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        resultConfiguration: {
          outputLocation: `s3://${props.outputBucket.bucketName}/${ATHENA_RESULTS_PREFIX}`,
          encryptionConfiguration: props.encryptionKey
            ? { encryptionOption: 'SSE_KMS', kmsKey: props.encryptionKey.keyArn }
            : { encryptionOption: 'SSE_S3' },
        },
      },
    });
  }
}
