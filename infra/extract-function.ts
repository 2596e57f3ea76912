/**
 * The extraction Lambda: functions/extract bundled with esbuild (models copied
 * next to it), its log group, and a role that reads the input prefix and
 * writes only the output prefixes of src/storage/layout.ts, consuming the
 * ingest queue in batches with partial batch failure reporting.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { OUTPUT_PREFIXES } from '../src/storage/layout.js';

export interface ExtractFunctionProps {
  /** Repository root (package.json, functions/, models/). */
  readonly repoRoot: string;
  readonly inputBucket: s3.IBucket;
  readonly outputBucket: s3.IBucket;
  readonly queue: sqs.IQueue;
  readonly encryptionKey?: kms.IKey;
  readonly inputPrefix: string;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
  readonly reservedConcurrency?: number;
  readonly maxConcurrency: number;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly maxInputBytes: number;
  readonly logLevel: string;
  readonly logRetention: logs.RetentionDays;
}

export class ExtractFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ExtractFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'ExtractFunctionLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // An explicit role instead of the default one, so the function gets no managed
    // policy (AWSLambdaBasicExecutionRole allows writing to every log group).
    this.role = new iam.Role(this, 'ExtractFunctionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'article-export extract function: read input articles, write datasets',
    });
    this.logGroup.grantWrite(this.role);

    const root = props.repoRoot;
    this.function = new NodejsFunction(this, 'ExtractFunction', {
      description: 'Extracts entities, quotes, times and events from articles into JSON and CSV datasets',
      entry: join(root, 'functions/extract/index.ts'),
      handler: 'handler',
      projectRoot: root,
      depsLockFilePath: join(root, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: Duration.seconds(props.timeoutSeconds),
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        OUTPUT_BUCKET: props.outputBucket.bucketName,
        INPUT_PREFIX: props.inputPrefix,
        MAX_INPUT_BYTES: String(props.maxInputBytes),
        POWERTOOLS_SERVICE_NAME: 'article-export',
        POWERTOOLS_METRICS_NAMESPACE: 'ArticleExport',
        LOG_LEVEL: props.logLevel,
        // The bundle is minified: map stack traces back to the TypeScript sources.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Keep /\p{Lu}/u regex literals as literals: esbuild otherwise rebuilds each one with
        // `new RegExp` on every evaluation (see NODE_SUPPORTED in scripts/build-cli.ts).
        esbuildArgs: { '--supported:regexp-unicode-property-escapes': 'true' },
        // Bundle the AWS SDK too: the versions in package-lock.json are the ones we test,
        // not whatever the runtime ships that week.
        externalModules: [],
        forceDockerBundling: false,
        // CommonJS dependencies inside an ESM bundle need a real `require` for Node built-ins.
        banner:
          "import { createRequire as __aeCreateRequire } from 'node:module'; const require = __aeCreateRequire(import.meta.url);",
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            // The source map keeps our sources only (stack frames in src/ and functions/ map to their
            // TypeScript lines; the AWS SDK's frames show the bundle's position): 2.2 MB → ~0.5 MB.
            `node "${join(inputDir, 'scripts', 'trim-source-map.mjs')}" "${join(outputDir, 'index.mjs.map')}"`,
            // src/models.ts looks for models/<file> next to the handler (/var/task/models).
            ...(existsSync(join(root, 'models')) ? [`cp -R "${join(inputDir, 'models')}" "${join(outputDir, 'models')}"`] : []),
          ],
        },
      },
    });

    this.function.addEventSource(
      new SqsEventSource(props.queue, {
        batchSize: props.batchSize,
        maxBatchingWindow: Duration.seconds(props.maxBatchingWindowSeconds),
        reportBatchItemFailures: true,
        maxConcurrency: props.maxConcurrency,
      }),
    );

    this.grantDataAccess(props);
  }

  /** Least privilege: read the input prefix, read/write/delete only the dataset prefixes. */
  private grantDataAccess(props: ExtractFunctionProps): void {
    const { inputBucket, outputBucket, inputPrefix } = props;
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadInputArticles',
        actions: ['s3:GetObject'],
        resources: [inputBucket.arnForObjects(`${inputPrefix}*`)],
      }),
    );
    // Without list permission S3 answers 403 instead of 404 for an object deleted before it
    // was processed; 404 lets the handler record "not found" instead of retrying to the DLQ.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ListInputPrefix',
        actions: ['s3:ListBucket'],
        resources: [inputBucket.bucketArn],
        ...(inputPrefix ? { conditions: { StringLike: { 's3:prefix': [`${inputPrefix}*`] } } } : {}),
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteDatasets',
        // Delete: a deleted input removes its outputs; reprocessing an article of the 0.2.0 layout removes its old files.
        // Get (and the List below): the write path reads the previous manifest, and a missing key
        // must read as 404 (not 403).
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: OUTPUT_PREFIXES.map((p) => outputBucket.arnForObjects(`${p}*`)),
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ListDatasetPrefixes',
        actions: ['s3:ListBucket'],
        resources: [outputBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': OUTPUT_PREFIXES.map((p) => `${p}*`) } },
      }),
    );
    if (props.encryptionKey) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'UseBucketKeyThroughS3',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [props.encryptionKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` } },
        }),
      );
    }
    const policy = this.role.node.tryFindChild('DefaultPolicy');
    if (!policy) return;
    // cdk-nag IAM5 findings for object ARNs ending in `/*`: S3 object permissions are granted
    // per key prefix, so a trailing wildcard is the narrowest form (the bucket is fixed).
    const stack = Stack.of(this);
    const ref = (b: s3.IBucket) => `<${stack.getLogicalId(b.node.defaultChild as s3.CfnBucket)}.Arn>`;
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${ref(inputBucket)}/${inputPrefix}*]`,
      reason: 'Read access to the objects under the configured input prefix of the input bucket only; S3 object permissions are expressed as a key-prefix wildcard.',
    });
    for (const p of OUTPUT_PREFIXES) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${ref(outputBucket)}/${p}*]`,
        reason: `Write access limited to the ${p} dataset prefix of the output bucket; S3 object permissions are expressed as a key-prefix wildcard.`,
      });
    }
  }
}
