/**
 * Assertions on the synthesised CloudFormation template of the real app
 * (infra/build-app.ts with cdk.json's context), plus cdk-nag AwsSolutions.
 *
 * The default configuration is synthesised once with real esbuild bundling (to
 * check the Lambda bundle); a second configuration (input prefix/suffix,
 * customer KMS key, alarm e-mail) is synthesised with bundling skipped.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceMap } from 'node:module';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArticleExportStack, REPO_ROOT } from '../../infra/article-export-stack.js';
import { documentKey, LEGACY_PREFIXES, manifestKey, OUTPUT_PREFIXES } from '../../src/storage/layout.js';
import { buildApp } from '../../infra/build-app.js';
import { readConfig } from '../../infra/config.js';
import { encodeS3EventKey, LOCAL_CREDENTIALS, sqsEvent, startLocalS3 } from '../../src/cli/local-s3.js';
import { columns, TABLE_NAMES } from '../../src/datasets/tables.js';

type Json = Record<string, any>;

const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { app: string; context: Json };
const outdirs: string[] = [];

function synth(context: Json): { app: App; stack: ArticleExportStack; template: Template; json: Json } {
  const outdir = mkdtempSync(join(tmpdir(), 'article-export-cdk-'));
  outdirs.push(outdir);
  const app = new App({
    outdir,
    context: { ...cdkJson.context, 'aws:cdk:enable-asset-metadata': true, ...context },
  });
  const stack = buildApp(app);
  app.synth(); // runs the cdk-nag plugin: throws on any unacknowledged finding
  const template = Template.fromStack(stack);
  return { app, stack, template, json: template.toJSON() as Json };
}

function resourcesOfType(json: Json, type: string): Array<[string, Json]> {
  return Object.entries(json.Resources as Record<string, Json>).filter(([, r]) => r.Type === type);
}

function logicalId(stack: ArticleExportStack, c: IConstruct): string {
  return stack.getLogicalId(c.node.defaultChild as never);
}

/** Every `{ Fn::GetAtt: [X, 'Arn'] }` / `{ Ref: X }` logical id mentioned anywhere in a value. */
function referencedIds(value: unknown): string[] {
  const ids: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      if (typeof o.Ref === 'string') ids.push(o.Ref);
      if (Array.isArray(o['Fn::GetAtt'])) ids.push(o['Fn::GetAtt'][0]);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return ids;
}

/** Renders an IAM resource (string or Fn::Join of Ref/GetAtt) as text like `<Bucket.Arn>/json/*`. */
function renderResource(r: unknown): string {
  if (typeof r === 'string') return r;
  const o = r as Json;
  if (o.Ref) return `<${o.Ref}>`;
  if (o['Fn::GetAtt']) return `<${o['Fn::GetAtt'][0]}.${o['Fn::GetAtt'][1]}>`;
  if (o['Fn::Join']) return (o['Fn::Join'][1] as unknown[]).map(renderResource).join(o['Fn::Join'][0]);
  return JSON.stringify(o);
}

function statementsOf(json: Json): Json[] {
  return resourcesOfType(json, 'AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
}

const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

function dirSize(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? dirSize(p) : st.size;
  }
  return total;
}

afterAll(() => {
  for (const d of outdirs) rmSync(d, { recursive: true, force: true });
});

describe('default configuration (bundled)', () => {
  let s: ReturnType<typeof synth>;
  beforeAll(() => {
    s = synth({});
  }, 180_000);

  it('encrypts every bucket and blocks all public access', () => {
    const buckets = resourcesOfType(s.json, 'AWS::S3::Bucket');
    expect(buckets.length).toBe(3);
    for (const [, b] of buckets) {
      const rule = b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
      expect(['AES256', 'aws:kms']).toContain(rule.ServerSideEncryptionByDefault.SSEAlgorithm);
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
  });

  it('denies non-TLS access to every bucket', () => {
    const policies = resourcesOfType(s.json, 'AWS::S3::BucketPolicy');
    for (const [id] of resourcesOfType(s.json, 'AWS::S3::Bucket')) {
      const policy = policies.find(([, p]) => referencedIds(p.Properties.Bucket).includes(id));
      expect(policy, `bucket policy for ${id}`).toBeDefined();
      const statements = policy![1].Properties.PolicyDocument.Statement as Json[];
      expect(
        statements.some((st) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false'),
      ).toBe(true);
    }
  });

  it('versions the input bucket and logs access to both data buckets', () => {
    const input = s.json.Resources[logicalId(s.stack, s.stack.inputBucket)];
    expect(input.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    const logsId = logicalId(s.stack, s.stack.accessLogsBucket);
    for (const b of [s.stack.inputBucket, s.stack.outputBucket]) {
      const props = s.json.Resources[logicalId(s.stack, b)].Properties;
      expect(referencedIds(props.LoggingConfiguration.DestinationBucketName)).toEqual([logsId]);
    }
  });

  it('wires the queue to an encrypted DLQ with redrive and a long enough visibility timeout', () => {
    const dlqId = logicalId(s.stack, s.stack.deadLetterQueue);
    const queue = s.json.Resources[logicalId(s.stack, s.stack.queue)].Properties;
    expect(queue.RedrivePolicy.maxReceiveCount).toBe(5);
    expect(referencedIds(queue.RedrivePolicy.deadLetterTargetArn)).toEqual([dlqId]);
    const fn = s.json.Resources[logicalId(s.stack, s.stack.extractFunction)].Properties;
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Timeout);
    const dlq = s.json.Resources[dlqId].Properties;
    expect(dlq.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    for (const q of [queue, dlq]) expect(q.SqsManagedSseEnabled === true || q.KmsMasterKeyId !== undefined).toBe(true);
    // enforceSSL on both queues
    const queuePolicies = resourcesOfType(s.json, 'AWS::SQS::QueuePolicy');
    for (const id of [logicalId(s.stack, s.stack.queue), dlqId]) {
      const p = queuePolicies.find(([, qp]) => referencedIds(qp.Properties.Queues).includes(id));
      expect(p, `queue policy for ${id}`).toBeDefined();
      const sts = p![1].Properties.PolicyDocument.Statement as Json[];
      expect(sts.some((st) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBe(true);
    }
  });

  it('sends ObjectCreated and ObjectRemoved notifications of the input bucket to the queue', () => {
    const queueId = logicalId(s.stack, s.stack.queue);
    const [[, notifications]] = resourcesOfType(s.json, 'Custom::S3BucketNotifications') as [[string, Json]];
    expect(referencedIds(notifications.Properties.BucketName)).toEqual([logicalId(s.stack, s.stack.inputBucket)]);
    const configs = notifications.Properties.NotificationConfiguration.QueueConfigurations as Json[];
    expect(configs.map((c) => c.Events).sort()).toEqual([['s3:ObjectCreated:*'], ['s3:ObjectRemoved:*']]);
    for (const config of configs) expect(referencedIds(config.QueueArn)).toEqual([queueId]);
    // and S3 may send to the queue, from this bucket only
    const queuePolicy = resourcesOfType(s.json, 'AWS::SQS::QueuePolicy').find(([, qp]) =>
      referencedIds(qp.Properties.Queues).includes(queueId),
    )!;
    const allowS3 = (queuePolicy[1].Properties.PolicyDocument.Statement as Json[]).find(
      (st) => st.Effect === 'Allow' && st.Principal?.Service === 's3.amazonaws.com',
    );
    expect(allowS3).toBeDefined();
    expect(referencedIds(allowS3!.Condition.ArnLike['aws:SourceArn'])).toEqual([logicalId(s.stack, s.stack.inputBucket)]);
  });

  it('runs the function on Node 22+ arm64 with its environment and a log group with retention', () => {
    const fn = s.json.Resources[logicalId(s.stack, s.stack.extractFunction)].Properties;
    const version = /^nodejs(\d+)\.x$/.exec(fn.Runtime)?.[1];
    expect(Number(version)).toBeGreaterThanOrEqual(22);
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.Handler).toBe('index.handler');
    expect(fn.MemorySize).toBe(1769);
    expect(fn.Timeout).toBe(180);
    const env = fn.Environment.Variables as Json;
    expect(referencedIds(env.OUTPUT_BUCKET)).toEqual([logicalId(s.stack, s.stack.outputBucket)]);
    expect(env.MAX_INPUT_BYTES).toBe('5242880');
    for (const k of ['POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_METRICS_NAMESPACE', 'LOG_LEVEL']) expect(env[k]).toBeTruthy();
    expect(env.INPUT_PREFIX).toBe('');
    const [logGroupId] = referencedIds(fn.LoggingConfig.LogGroup);
    expect(s.json.Resources[logGroupId!].Properties.RetentionInDays).toBe(30);
    for (const [, lg] of resourcesOfType(s.json, 'AWS::Logs::LogGroup')) expect(lg.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('consumes the queue in batches with partial batch failure reporting', () => {
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 5,
      EventSourceArn: { 'Fn::GetAtt': [logicalId(s.stack, s.stack.queue), 'Arn'] },
      FunctionName: { Ref: logicalId(s.stack, s.stack.extractFunction) },
    });
  });

  it('scopes every S3 permission to a bucket, and the function to its prefixes', () => {
    const bucketIds = [s.stack.inputBucket, s.stack.outputBucket, s.stack.accessLogsBucket].map((b) =>
      logicalId(s.stack, b),
    );
    for (const st of statementsOf(s.json)) {
      const actions = asArray(st.Action as string | string[]);
      if (!actions.some((a) => a.startsWith('s3:'))) continue;
      expect(actions).not.toContain('s3:*');
      for (const r of asArray(st.Resource)) {
        expect(r).not.toBe('*');
        expect(referencedIds(r).some((id) => bucketIds.includes(id))).toBe(true);
      }
    }
    const roleId = logicalId(s.stack, s.stack.extractFunction.role!);
    const fnStatements = resourcesOfType(s.json, 'AWS::IAM::Policy')
      .filter(([, p]) => referencedIds(p.Properties.Roles).includes(roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
    const out = `<${logicalId(s.stack, s.stack.outputBucket)}.Arn>`;
    const writes = fnStatements.filter((st) => asArray(st.Action).includes('s3:PutObject'));
    expect(writes.flatMap((st) => asArray(st.Resource).map(renderResource)).sort()).toEqual(
      OUTPUT_PREFIXES.map((p) => `${out}/${p}*`).sort(),
    );
    const reads = fnStatements.filter((st) => asArray(st.Action).includes('s3:GetObject'));
    const readResources = reads.flatMap((st) => asArray(st.Resource).map(renderResource));
    expect(readResources).toContain(`<${logicalId(s.stack, s.stack.inputBucket)}.Arn>/*`);
    expect(readResources.filter((r) => !r.startsWith(out) && !r.startsWith(`<${logicalId(s.stack, s.stack.inputBucket)}`))).toEqual([]);
    // No AWS managed policies on the function's role.
    expect(s.json.Resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('grants the function every prefix the storage layout writes under, and nothing else', () => {
    // Writes go to documents/ and manifests/; the legacy prefixes only see deletes (reprocessing an
    // article written by the layout before issue 15 removes what its old manifest listed there).
    const keys = [documentKey('a1b2'), manifestKey('a1b2')];
    for (const k of keys) expect(OUTPUT_PREFIXES.some((p) => k.startsWith(p)), k).toBe(true);
    for (const p of OUTPUT_PREFIXES) expect(keys.some((k) => k.startsWith(p)) || (LEGACY_PREFIXES as readonly string[]).includes(p), p).toBe(true);
  });

  it('keeps the logical ids the queues, function, role, log group and alarms had before the stack was split into constructs', () => {
    // Ids of the release before the split: a changed id would make CloudFormation replace the
    // resource on update (new queues, messages of the old ones lost).
    const before = [
      ['IngestQueue2280FF4E', 'AWS::SQS::Queue'],
      ['IngestQueuePolicy853373B8', 'AWS::SQS::QueuePolicy'],
      ['DeadLetterQueue9F481546', 'AWS::SQS::Queue'],
      ['ExtractFunctionABD5F5B5', 'AWS::Lambda::Function'],
      ['ExtractFunctionLogs9F9C3D00', 'AWS::Logs::LogGroup'],
      ['ExtractFunctionRole9C21EEAB', 'AWS::IAM::Role'],
      ['ExtractFunctionRoleDefaultPolicy5BEEDA31', 'AWS::IAM::Policy'],
      ['DeadLetterQueueNotEmpty7CE402F1', 'AWS::CloudWatch::Alarm'],
      ['ExtractFunctionErrorRate378866E6', 'AWS::CloudWatch::Alarm'],
      ['IngestBacklogAgeF85158E8', 'AWS::CloudWatch::Alarm'],
    ];
    for (const [id, type] of before) expect(s.json.Resources[id!]?.Type, id).toBe(type);
    expect(logicalId(s.stack, s.stack.queue)).toBe('IngestQueue2280FF4E');
  });

  it('alarms on DLQ depth and function errors', () => {
    const alarms = resourcesOfType(s.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties as Json);
    const dlqAlarm = alarms.find((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(dlqAlarm).toBeDefined();
    expect(referencedIds(dlqAlarm!.Dimensions)).toEqual([logicalId(s.stack, s.stack.deadLetterQueue)]);
    expect(dlqAlarm!.Threshold).toBe(0);
    expect(dlqAlarm!.ComparisonOperator).toBe('GreaterThanThreshold');
    // error rate: Errors / Invocations of the extract function
    const rateAlarm = alarms.find((a) =>
      (a.Metrics as Json[] | undefined)?.some((m) => m.MetricStat?.Metric?.MetricName === 'Errors'),
    );
    expect(rateAlarm).toBeDefined();
    const metrics = rateAlarm!.Metrics as Json[];
    expect(metrics.find((m) => m.ReturnData !== false)?.Expression).toMatch(/errors \/ invocations/);
    for (const name of ['Errors', 'Invocations']) {
      const m = metrics.find((x) => x.MetricStat?.Metric?.MetricName === name);
      expect(m?.MetricStat.Metric.Namespace).toBe('AWS/Lambda');
      expect(referencedIds(m?.MetricStat.Metric.Dimensions)).toEqual([logicalId(s.stack, s.stack.extractFunction)]);
    }
  });

  it('has a Distributed Map backfill over the input bucket with bounded concurrency', () => {
    const [[, sm]] = resourcesOfType(s.json, 'AWS::StepFunctions::StateMachine') as [[string, Json]];
    const def = JSON.parse(sm.Properties.DefinitionString as string) as Json;
    const map = def.States[def.StartAt as string] as Json;
    expect(map.Type).toBe('Map');
    expect(map.ItemProcessor.ProcessorConfig.Mode).toBe('DISTRIBUTED');
    expect(map.ItemReader.Resource).toBe('arn:aws:states:::s3:listObjectsV2');
    expect(map.MaxConcurrency).toBe(10);
    expect(map.ItemBatcher.MaxItemsPerBatch).toBeLessThanOrEqual(10); // SendMessageBatch limit
    expect(referencedIds(sm.Properties.DefinitionSubstitutions.InputBucketName)).toEqual([
      logicalId(s.stack, s.stack.inputBucket),
    ]);
    expect(referencedIds(sm.Properties.DefinitionSubstitutions.QueueUrl)).toEqual([logicalId(s.stack, s.stack.queue)]);
    // results go to S3, not into the 256 KiB state output
    expect(map.ResultWriter.Resource).toBe('arn:aws:states:::s3:putObject');
    expect(map.ResultWriter.Arguments).toEqual({ Bucket: '${ResultsBucketName}', Prefix: 'backfill-runs/' });
    expect(referencedIds(sm.Properties.DefinitionSubstitutions.ResultsBucketName)).toEqual([
      logicalId(s.stack, s.stack.outputBucket),
    ]);
    expect(sm.Properties.LoggingConfiguration.Level).toBe('ALL');
    expect(sm.Properties.TracingConfiguration.Enabled).toBe(true);
  });

  it('catalogs the documents (JSON SerDe over documents/) and a view per table with the CSV columns, for Athena', () => {
    const tables = resourcesOfType(s.json, 'AWS::Glue::Table').map(([, t]) => t.Properties.TableInput as Json);
    expect(tables.map((t) => t.Name).sort()).toEqual(['documents', 'errors', ...TABLE_NAMES].sort());
    const out = `<${logicalId(s.stack, s.stack.outputBucket)}>`;
    const documents = tables.find((t) => t.Name === 'documents')!;
    expect(documents.TableType).toBe('EXTERNAL_TABLE');
    expect(renderResource(documents.StorageDescriptor.Location)).toBe(`s3://${out}/documents/`);
    expect(documents.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.openx.data.jsonserde.JsonSerDe');
    const docColumns = Object.fromEntries((documents.StorageDescriptor.Columns as Json[]).map((c) => [c.Name, c.Type]));
    expect(Object.keys(docColumns)).toEqual(['article', 'entities', 'quotes', 'times', 'events', 'article_id', 'source', 'error', 'pipeline_version']);
    expect(docColumns.quotes).toMatch(/^array<struct<quote_id:string,text:string,start:int,end:int,kind:string,speaker:struct</);
    expect(docColumns.events).toContain('evidence:map<string,string>');
    const database = (resourcesOfType(s.json, 'AWS::Glue::Database')[0]![1].Properties.DatabaseInput as Json).Name;
    for (const t of tables.filter((x) => x.TableType === 'VIRTUAL_VIEW')) {
      // What Athena's CREATE VIEW stores: base64 JSON with the SQL and the typed columns.
      const m = /^\/\* Presto View: ([A-Za-z0-9+/=]+) \*\/$/.exec(t.ViewOriginalText as string);
      expect(m, t.Name).not.toBeNull();
      const view = JSON.parse(Buffer.from(m![1]!, 'base64').toString('utf8')) as Json;
      expect(view.schema).toBe(database);
      expect(view.originalSql).toMatch(/\bFROM (documents|events)\b/);
      expect(t.Parameters.presto_view).toBe('true');
      const names = (t.StorageDescriptor.Columns as Json[]).map((c) => c.Name);
      expect((view.columns as Json[]).map((c) => c.name)).toEqual(names);
      if (t.Name !== 'errors') expect(names).toEqual(columns(t.Name));
    }
    s.template.hasResourceProperties('AWS::Athena::WorkGroup', {
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        ResultConfiguration: { EncryptionConfiguration: { EncryptionOption: 'SSE_S3' } },
      },
    });
  });

  it('outputs bucket names, queue URLs and an upload command', () => {
    const outputs = s.json.Outputs as Json;
    for (const k of ['InputBucketName', 'OutputBucketName', 'QueueUrl', 'DeadLetterQueueUrl', 'UploadCommand']) {
      expect(outputs[k], k).toBeDefined();
    }
    expect(renderResource(outputs.UploadCommand.Value)).toBe(
      `aws s3 cp article.txt s3://<${logicalId(s.stack, s.stack.inputBucket)}>/`,
    );
  });

  it('bundles the handler as ESM with the models, under 10 MB', () => {
    const fnId = logicalId(s.stack, s.stack.extractFunction);
    const assetPath = s.json.Resources[fnId].Metadata['aws:asset:path'] as string;
    const dir = join(s.app.outdir, assetPath);
    expect(existsSync(join(dir, 'index.mjs'))).toBe(true);
    if (existsSync(join(REPO_ROOT, 'models'))) {
      for (const f of readdirSync(join(REPO_ROOT, 'models'))) expect(existsSync(join(dir, 'models', f)), f).toBe(true);
    }
    expect(dirSize(dir)).toBeLessThanOrEqual(10 * 1024 * 1024);
    // Regex literals with \p{…} stay literals (esbuild would otherwise build them again at every evaluation).
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(code).toMatch(/\/\^\\p\{Lu\}/);
    expect(code).not.toMatch(/new RegExp\("[^"]*\\\\p\{/);
  });

  it("keeps only our sources in the bundle's source map: our code maps to its TypeScript line, the SDK's to nothing", () => {
    const fnId = logicalId(s.stack, s.stack.extractFunction);
    const dir = join(s.app.outdir, s.json.Resources[fnId].Metadata['aws:asset:path'] as string);
    const raw = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
    expect(raw.sources.filter((f) => f.includes('node_modules/'))).toEqual([]);
    expect(raw.sources.some((f) => f.endsWith('src/pipeline.ts'))).toBe(true);
    expect(statSync(join(dir, 'index.mjs.map')).size).toBeLessThan(1e6);
    const map = new SourceMap(raw as ConstructorParameters<typeof SourceMap>[0]);
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8').split('\n');
    const at = (needle: string) => {
      const line = code.findIndex((l) => l.includes(needle));
      expect(line, needle).toBeGreaterThanOrEqual(0);
      return map.findEntry(line, code[line]!.indexOf(needle));
    };
    // A string thrown by our code: the frame maps to the TypeScript file and line it is written on.
    const ours = at('Not a recogniser model (bad magic)') as { originalSource?: string; originalLine?: number };
    expect(ours.originalSource).toMatch(/src\/entities\/model\.ts$/);
    const tsLine = readFileSync(join(REPO_ROOT, 'src/entities/model.ts'), 'utf8').split('\n').findIndex((l) => l.includes('Not a recogniser model'));
    expect(ours.originalLine).toBe(tsLine);
    // Inside the AWS SDK: no source (the stack shows index.mjs's own line and column).
    expect((at('x-amz-content-sha256') as { originalSource?: string }).originalSource).toBeUndefined();
  });

  it('the bundled handler (index.mjs + models/) processes an article from S3 in a plain Node process', async () => {
    const fnId = logicalId(s.stack, s.stack.extractFunction);
    const bundle = join(s.app.outdir, s.json.Resources[fnId].Metadata['aws:asset:path'] as string, 'index.mjs');
    const dataDir = mkdtempSync(join(tmpdir(), 'article-export-s3-'));
    outdirs.push(dataDir);
    const local = await startLocalS3({ directory: dataDir, buckets: ['in', 'out'] });
    try {
      const client = new S3Client({ endpoint: local.endpoint, forcePathStyle: true, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
      const key = 'news/tram line approved.txt';
      await client.send(
        new PutObjectCommand({ Bucket: 'in', Key: key, Body: readFileSync(join(REPO_ROOT, 'examples/articles/tram-line-approved.txt')) }),
      );
      const event = sqsEvent(JSON.stringify({ Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'in' }, object: { key: encodeS3EventKey(key) } } }] }));
      // Only what Lambda would provide: the stack's environment, no repo paths.
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        ...(s.json.Resources[fnId].Properties.Environment.Variables as Record<string, string>),
        OUTPUT_BUCKET: 'out',
        AWS_ENDPOINT_URL_S3: local.endpoint,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        AWS_REGION: 'us-east-1',
      };
      const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
        const r = await handler(JSON.parse(process.env.TEST_EVENT), {});
        process.stdout.write('RESULT ' + JSON.stringify(r) + '\\n');`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...env, TEST_EVENT: JSON.stringify(event) },
        cwd: tmpdir(),
        maxBuffer: 64 * 1024 * 1024,
      });
      const result = JSON.parse(/^RESULT (.*)$/m.exec(stdout)![1]!) as { batchItemFailures: unknown[] };
      expect(result.batchItemFailures).toEqual([]);
      const listed = await client.send(new ListObjectsV2Command({ Bucket: 'out' }));
      const keys = (listed.Contents ?? []).map((o) => o.Key!);
      const manifestKey = keys.find((k) => k.startsWith('manifests/'));
      expect(manifestKey, keys.join(', ')).toBeDefined();
      const manifest = JSON.parse(
        await (await client.send(new GetObjectCommand({ Bucket: 'out', Key: manifestKey! }))).Body!.transformToString(),
      ) as { status: string; files: string[] };
      expect(manifest.status).toBe('ok');
      expect(manifest.files).toHaveLength(1);
      expect(manifest.files[0]).toMatch(/^documents\/a_[0-9a-f]{16}\.json$/);
      for (const f of manifest.files) expect(keys).toContain(f);
    } finally {
      await local.close();
    }
  }, 120_000);

  it('passes cdk-nag AwsSolutions, every acknowledgement with a reason', () => {
    const report = new AwsSolutionsChecks().validateScope(s.app);
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath)}`)).toEqual([]);
    const acks = s.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(acks.length).toBeGreaterThan(0);
    for (const [id, reason] of acks) expect(reason.length, id).toBeGreaterThan(40);
  });
});

describe('configured: prefix, suffix, customer key, alarm e-mail (bundling skipped)', () => {
  let s: ReturnType<typeof synth>;
  beforeAll(() => {
    s = synth({
      'aws:cdk:bundling-stacks': [],
      stackName: 'ArticleExportConfigured',
      inputPrefix: 'incoming/',
      inputSuffix: '.txt',
      useCustomerKey: 'true',
      alarmEmail: 'ops@example.org',
      memorySize: '2048',
      timeoutSeconds: '120',
      backfillMaxConcurrency: '25',
    });
  }, 120_000);

  it('filters notifications by prefix and suffix', () => {
    const [[, n]] = resourcesOfType(s.json, 'Custom::S3BucketNotifications') as [[string, Json]];
    const configs = n.Properties.NotificationConfiguration.QueueConfigurations as Json[];
    expect(configs).toHaveLength(2); // created and removed, both filtered
    for (const c of configs) {
      expect(c.Filter.Key.FilterRules as Json[]).toEqual(
        expect.arrayContaining([
          { Name: 'prefix', Value: 'incoming/' },
          { Name: 'suffix', Value: '.txt' },
        ]),
      );
    }
  });

  it('encrypts the data buckets with the customer key and grants only that key', () => {
    const keyId = logicalId(s.stack, s.stack.encryptionKey as never);
    s.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    for (const b of [s.stack.inputBucket, s.stack.outputBucket]) {
      const rule = s.json.Resources[logicalId(s.stack, b)].Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
      expect(rule.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
      expect(referencedIds(rule.ServerSideEncryptionByDefault.KMSMasterKeyID)).toEqual([keyId]);
    }
    const kmsStatements = statementsOf(s.json).filter((st) => asArray(st.Action).some((a: string) => a.startsWith('kms:')));
    expect(kmsStatements.length).toBeGreaterThan(0);
    for (const st of kmsStatements) {
      expect(asArray(st.Action).some((a: string) => a.includes('*'))).toBe(false);
      expect(asArray(st.Resource).every((r) => referencedIds(r).includes(keyId))).toBe(true);
    }
  });

  it('limits the function to the input prefix and applies sizing from context', () => {
    const inRef = `<${logicalId(s.stack, s.stack.inputBucket)}.Arn>`;
    const resources = statementsOf(s.json)
      .filter((st) => asArray(st.Action).includes('s3:GetObject'))
      .flatMap((st) => asArray(st.Resource).map(renderResource))
      .filter((r) => r.startsWith(inRef));
    expect(resources).toEqual([`${inRef}/incoming/*`]);
    s.template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 2048,
      Timeout: 120,
      Environment: { Variables: { INPUT_PREFIX: 'incoming/' } },
    });
    const queue = s.json.Resources[logicalId(s.stack, s.stack.queue)].Properties;
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * 120);
    const [[, sm]] = resourcesOfType(s.json, 'AWS::StepFunctions::StateMachine') as [[string, Json]];
    expect(JSON.parse(sm.Properties.DefinitionString).States.EnqueueObjects.MaxConcurrency).toBe(25);
  });

  it('sends alarms to an SSL-only SNS topic', () => {
    const [[topicId]] = resourcesOfType(s.json, 'AWS::SNS::Topic') as [[string, Json]];
    s.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    for (const [, a] of resourcesOfType(s.json, 'AWS::CloudWatch::Alarm')) {
      expect(referencedIds(a.Properties.AlarmActions)).toEqual([topicId]);
    }
  });

  it('passes cdk-nag AwsSolutions', () => {
    expect(new AwsSolutionsChecks().validateScope(s.app).violations).toEqual([]);
  });
});

describe('context parsing', () => {
  it('parses numbers and booleans given as strings and rejects bad values', () => {
    const ok = readConfig(new App({ context: { memorySize: '1536', useCustomerKey: 'false' } }).node);
    expect(ok.props.memorySize).toBe(1536);
    expect(ok.props.useCustomerKey).toBe(false);
    expect(ok.stackName).toBe('ArticleExport');
    expect(() => readConfig(new App({ context: { memorySize: 'lots' } }).node)).toThrow(/memorySize/);
    expect(() => readConfig(new App({ context: { useCustomerKey: 'maybe' } }).node)).toThrow(/useCustomerKey/);
    expect(() => readConfig(new App({ context: { logLevel: 'LOUD' } }).node)).toThrow(/logLevel/);
  });
});
