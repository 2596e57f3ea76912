/**
 * Reads the stack configuration from CDK context (`cdk.json` or
 * `npx cdk deploy -c key=value`). Values given with `-c` arrive as strings, so
 * every number and boolean is parsed here, with a clear error for bad input.
 */
import type { Node } from 'constructs';
import type { ArticleExportStackProps } from './article-export-stack.js';

/** Context keys the app understands (documented in docs/deploy.md). */
export const CONTEXT_KEYS = [
  'stackName',
  'inputBucketName',
  'outputBucketName',
  'inputPrefix',
  'inputSuffix',
  'kmsKeyArn',
  'useCustomerKey',
  'outputVersioning',
  'memorySize',
  'timeoutSeconds',
  'reservedConcurrency',
  'maxConcurrency',
  'batchSize',
  'maxBatchingWindowSeconds',
  'maxReceiveCount',
  'maxInputBytes',
  'logLevel',
  'logRetentionDays',
  'accessLogExpirationDays',
  'alarmEmail',
  'backfillMaxConcurrency',
  'glueDatabaseName',
] as const;

export type ContextKey = (typeof CONTEXT_KEYS)[number];

export interface AppConfig {
  readonly stackName: string;
  readonly props: ArticleExportStackProps;
}

/**
 * Builds the stack name and props from the construct tree's context.
 *
 * @example
 * const app = new App({ context: { memorySize: '2048' } });
 * readConfig(app.node).props.memorySize; // 2048
 */
export function readConfig(node: Node): AppConfig {
  const str = (key: ContextKey): string | undefined => {
    const v: unknown = node.tryGetContext(key);
    if (v === undefined || v === null || v === '') return undefined;
    return String(v);
  };
  const int = (key: ContextKey, min: number, max: number): number | undefined => {
    const s = str(key);
    if (s === undefined) return undefined;
    const n = Number(s);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new Error(`Context "${key}" must be an integer between ${min} and ${max}, got "${s}"`);
    }
    return n;
  };
  const bool = (key: ContextKey): boolean | undefined => {
    const s = str(key);
    if (s === undefined) return undefined;
    if (/^(true|1|yes)$/i.test(s)) return true;
    if (/^(false|0|no)$/i.test(s)) return false;
    throw new Error(`Context "${key}" must be true or false, got "${s}"`);
  };

  const logLevel = str('logLevel');
  if (logLevel !== undefined && !/^(DEBUG|INFO|WARN|ERROR)$/.test(logLevel)) {
    throw new Error(`Context "logLevel" must be DEBUG, INFO, WARN or ERROR, got "${logLevel}"`);
  }

  return {
    stackName: str('stackName') ?? 'ArticleExport',
    props: {
      inputBucketName: str('inputBucketName'),
      outputBucketName: str('outputBucketName'),
      inputPrefix: str('inputPrefix'),
      inputSuffix: str('inputSuffix'),
      kmsKeyArn: str('kmsKeyArn'),
      useCustomerKey: bool('useCustomerKey'),
      outputVersioning: bool('outputVersioning'),
      memorySize: int('memorySize', 128, 10240),
      timeoutSeconds: int('timeoutSeconds', 1, 900),
      reservedConcurrency: int('reservedConcurrency', 1, 10000),
      maxConcurrency: int('maxConcurrency', 2, 1000),
      batchSize: int('batchSize', 1, 10000),
      maxBatchingWindowSeconds: int('maxBatchingWindowSeconds', 0, 300),
      maxReceiveCount: int('maxReceiveCount', 1, 1000),
      maxInputBytes: int('maxInputBytes', 1, 1024 * 1024 * 1024),
      logLevel: logLevel as ArticleExportStackProps['logLevel'],
      logRetentionDays: int('logRetentionDays', 1, 3653),
      accessLogExpirationDays: int('accessLogExpirationDays', 1, 3653),
      alarmEmail: str('alarmEmail'),
      backfillMaxConcurrency: int('backfillMaxConcurrency', 1, 10000),
      glueDatabaseName: str('glueDatabaseName'),
    },
  };
}
