/**
 * The Glue Data Catalog of the datasets: the `documents` table over documents/ (one JSON line per input
 * object, read by the OpenX JSON SerDe) and one Athena view per README table that UNNESTs it
 * (src/datasets/athena.ts, the same source as docs/athena.sql), plus an Athena workgroup whose query
 * results stay encrypted in the output bucket. Columns come from the TypeBox schemas that write the
 * documents, so the catalog cannot drift from the data.
 */
import { Aws, Stack, Token } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ATHENA_VIEWS, documentColumns, DOCUMENTS_SERDE, hiveType, type AthenaView } from '../src/datasets/athena.js';
import { DOCUMENTS_PREFIX } from '../src/storage/layout.js';

export interface DatasetsCatalogProps {
  readonly outputBucket: s3.IBucket;
  readonly encryptionKey?: kms.IKey;
  /** Glue database name. Default: derived from the stack name (e.g. `articleexport`). */
  readonly databaseName?: string;
}

/** Where Athena writes query results (inside the output bucket, outside the dataset prefixes). */
export const ATHENA_RESULTS_PREFIX = 'athena-results/';

/** Trino type → the Hive type Glue records for a view column. */
const HIVE_OF: Record<string, string> = { varchar: 'string', integer: 'int', double: 'double', 'array(varchar)': 'array<string>' };

/**
 * How Athena stores a view in Glue: a VIRTUAL_VIEW whose original text is the base64 of a JSON
 * "Presto view" (the SQL, the catalog and schema it resolves names in, and its typed columns) — what
 * `CREATE VIEW` in Athena writes itself.
 *
 * @example prestoViewText(view, 'articleexport').startsWith('/* Presto View: ') // true
 */
export function prestoViewText(view: AthenaView, database: string): string {
  const json = JSON.stringify({ originalSql: view.sql, catalog: 'awsdatacatalog', schema: database, columns: view.columns });
  return `/* Presto View: ${Buffer.from(json, 'utf8').toString('base64')} */`;
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
        description: `article-export datasets: the documents table over ${DOCUMENTS_PREFIX} of the output bucket and one view per table`,
      },
    });

    if (Token.isUnresolved(this.databaseName)) throw new Error('The Glue database name must be known at synth time (the views embed it)');
    const documents = new glue.CfnTable(this, 'Table-documents', {
      catalogId: Aws.ACCOUNT_ID,
      databaseName: this.databaseName,
      tableInput: {
        name: 'documents',
        description: 'One row per input object: its ArticleDocument (article set) or its error record (error set)',
        tableType: 'EXTERNAL_TABLE',
        // No has_encrypted_data: that flag means client-side encryption; SSE-S3/SSE-KMS read transparently.
        parameters: { classification: 'json' },
        storageDescriptor: {
          columns: documentColumns().map((c) => ({ name: c.name, type: hiveType(c.schema), comment: c.comment })),
          location: `s3://${props.outputBucket.bucketName}/${DOCUMENTS_PREFIX}`,
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          // One line per document: the SerDe reads each as one row, line breaks in the text included (JSON escapes them).
          serdeInfo: { serializationLibrary: DOCUMENTS_SERDE, parameters: { 'ignore.malformed.json': 'false' } },
        },
      },
    });
    documents.node.addDependency(database);

    for (const view of ATHENA_VIEWS) {
      const v = new glue.CfnTable(this, `View-${view.name}`, {
        catalogId: Aws.ACCOUNT_ID,
        databaseName: this.databaseName,
        tableInput: {
          name: view.name,
          description: view.description,
          tableType: 'VIRTUAL_VIEW',
          parameters: { presto_view: 'true', comment: 'Presto View' },
          viewOriginalText: prestoViewText(view, this.databaseName),
          viewExpandedText: '/* Presto View */',
          storageDescriptor: {
            columns: view.columns.map((c) => ({ name: c.name, type: HIVE_OF[c.type] ?? 'string' })),
            serdeInfo: {},
          },
        },
      });
      v.node.addDependency(documents);
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
