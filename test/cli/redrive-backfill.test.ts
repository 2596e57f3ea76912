/**
 * `article-export redrive` and `article-export backfill`: argument handling,
 * the requests they send and their errors. There is no AWS here, so the real
 * SDK clients talk to a small fake on 127.0.0.1 that speaks just enough of the
 * SQS and Step Functions JSON protocols and the CloudFormation query protocol
 * to record each request and answer it. No SDK mocks.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backfillCommand, parseS3Uri } from '../../src/cli/backfill-command.js';
import { UsageError } from '../../src/cli/files.js';
import { redriveCommand } from '../../src/cli/redrive-command.js';
import { ROOT } from '../helpers/fixtures.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const CREDENTIALS = { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake-secret' };
const STATE_MACHINE = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:ArticleExport-backfill`;

interface Recorded {
  service: 'sqs' | 'sfn' | 'cloudformation';
  action: string;
  body: Record<string, unknown>;
}

/** The fake AWS endpoint: records every request, answers from a small state. */
class FakeAws {
  server!: http.Server;
  endpoint = '';
  requests: Recorded[] = [];
  /** Queue URL path → ARN and visible messages. */
  queues = new Map<string, { arn: string; messages: number }>();
  stacks = new Map<string, Record<string, string>>();
  /** How the move task / execution ends, after one RUNNING poll. */
  moveOutcome: 'COMPLETED' | 'FAILED' = 'COMPLETED';
  executionOutcome: 'SUCCEEDED' | 'FAILED' = 'SUCCEEDED';
  private polls = 0;

  async start() {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => this.answer(req, raw, res));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset() {
    this.requests = [];
    this.polls = 0;
    this.moveOutcome = 'COMPLETED';
    this.executionOutcome = 'SUCCEEDED';
    this.queues = new Map([
      [`/${ACCOUNT}/ArticleExport-dlq`, { arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:ArticleExport-dlq`, messages: 3 }],
      [`/${ACCOUNT}/ArticleExport-queue`, { arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:ArticleExport-queue`, messages: 0 }],
    ]);
    this.stacks = new Map([
      [
        'ArticleExport',
        {
          QueueUrl: `${this.endpoint}/${ACCOUNT}/ArticleExport-queue`,
          DeadLetterQueueUrl: `${this.endpoint}/${ACCOUNT}/ArticleExport-dlq`,
          BackfillStateMachineArn: STATE_MACHINE,
          InputBucketName: 'articleexport-input-abc123',
        },
      ],
    ]);
  }

  url(name: string) {
    return `${this.endpoint}/${ACCOUNT}/${name}`;
  }

  private answer(req: http.IncomingMessage, raw: string, res: http.ServerResponse) {
    const target = String(req.headers['x-amz-target'] ?? '');
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', ...headers });
      res.end(JSON.stringify(body));
    };
    if (target.startsWith('AmazonSQS.')) {
      const body = JSON.parse(raw || '{}');
      const action = target.slice('AmazonSQS.'.length);
      this.requests.push({ service: 'sqs', action, body });
      return this.sqs(action, body, json);
    }
    if (target.startsWith('AWSStepFunctions.')) {
      const body = JSON.parse(raw || '{}');
      const action = target.slice('AWSStepFunctions.'.length);
      this.requests.push({ service: 'sfn', action, body });
      return this.sfn(action, body, json);
    }
    const form = Object.fromEntries(new URLSearchParams(raw));
    this.requests.push({ service: 'cloudformation', action: form.Action ?? '', body: form });
    const outputs = this.stacks.get(form.StackName ?? '');
    res.setHeader('content-type', 'text/xml');
    if (form.Action !== 'DescribeStacks' || !outputs) {
      res.statusCode = 400;
      return res.end(
        `<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${form.StackName} does not exist</Message></Error><RequestId>r1</RequestId></ErrorResponse>`,
      );
    }
    const members = Object.entries(outputs)
      .map(([k, v]) => `<member><OutputKey>${k}</OutputKey><OutputValue>${v}</OutputValue></member>`)
      .join('');
    res.end(
      `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member><StackName>${form.StackName}</StackName><StackId>arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${form.StackName}/1</StackId><CreationTime>2026-11-01T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><Outputs>${members}</Outputs></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></DescribeStacksResponse>`,
    );
  }

  private sqs(action: string, body: Record<string, unknown>, json: (s: number, b: unknown, h?: Record<string, string>) => void) {
    if (action === 'GetQueueAttributes') {
      const q = this.queues.get(new URL(String(body.QueueUrl)).pathname);
      if (!q) {
        return json(400, { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' }, { 'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender' });
      }
      return json(200, { Attributes: { QueueArn: q.arn, ApproximateNumberOfMessages: String(q.messages), ApproximateNumberOfMessagesNotVisible: '0' } });
    }
    if (action === 'StartMessageMoveTask') return json(200, { TaskHandle: 'task-handle-1' });
    if (action === 'ListMessageMoveTasks') {
      const running = this.polls++ === 0;
      const base = { SourceArn: body.SourceArn, DestinationArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:ArticleExport-queue`, ApproximateNumberOfMessagesToMove: 3, StartedTimestamp: 1_700_000_000_000 };
      if (running) return json(200, { Results: [{ ...base, TaskHandle: 'task-handle-1', Status: 'RUNNING', ApproximateNumberOfMessagesMoved: 1 }] });
      return json(200, {
        Results: [{ ...base, Status: this.moveOutcome, ApproximateNumberOfMessagesMoved: this.moveOutcome === 'COMPLETED' ? 3 : 1, ...(this.moveOutcome === 'FAILED' ? { FailureReason: 'AccessDenied' } : {}) }],
      });
    }
    return json(400, { __type: 'com.amazonaws.sqs#InvalidAction', message: action });
  }

  private sfn(action: string, body: Record<string, unknown>, json: (s: number, b: unknown) => void) {
    const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:ArticleExport-backfill:${body.name ?? 'generated-1'}`;
    const mapRunArn = `arn:aws:states:${REGION}:${ACCOUNT}:mapRun:ArticleExport-backfill/EnqueueObjects:run-1`;
    switch (action) {
      case 'DescribeStateMachine':
        if (body.stateMachineArn !== STATE_MACHINE) return json(400, { __type: 'com.amazonaws.states#StateMachineDoesNotExist', message: 'State Machine Does Not Exist' });
        return json(200, {
          stateMachineArn: STATE_MACHINE,
          name: 'ArticleExport-backfill',
          type: 'STANDARD',
          roleArn: `arn:aws:iam::${ACCOUNT}:role/r`,
          creationDate: 1_700_000_000,
          definition: JSON.stringify({ States: { EnqueueObjects: { Type: 'Map', ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: 'articleexport-input-abc123', Prefix: '{% $states.input.prefix %}' } } } } }),
        });
      case 'StartExecution':
        return json(200, { executionArn, startDate: 1_700_000_000 });
      case 'DescribeExecution': {
        const running = this.polls++ === 0;
        const status = running ? 'RUNNING' : this.executionOutcome;
        return json(200, {
          executionArn: body.executionArn,
          stateMachineArn: STATE_MACHINE,
          status,
          startDate: 1_700_000_000,
          ...(status === 'FAILED' ? { error: 'Backfill.SendMessageBatchPartialFailure', cause: 'SQS rejected some entries' } : {}),
        });
      }
      case 'ListMapRuns':
        return json(200, { mapRuns: [{ executionArn: body.executionArn, mapRunArn, stateMachineArn: STATE_MACHINE, startDate: 1_700_000_000 }] });
      case 'DescribeMapRun':
        return json(200, {
          mapRunArn,
          executionArn,
          status: 'RUNNING',
          startDate: 1_700_000_000,
          maxConcurrency: 10,
          toleratedFailurePercentage: 0,
          toleratedFailureCount: 0,
          itemCounts: { pending: 0, running: 5, succeeded: 20, failed: 0, timedOut: 0, aborted: 0, total: 25, resultsWritten: 20 },
          executionCounts: { pending: 0, running: 1, succeeded: 2, failed: 0, timedOut: 0, aborted: 0, total: 3, resultsWritten: 2 },
        });
      default:
        return json(400, { __type: 'com.amazonaws.states#InvalidAction', message: action });
    }
  }

  actions() {
    return this.requests.map((r) => `${r.service}:${r.action}`);
  }
}

const fake = new FakeAws();
const config = () => ({ region: REGION, endpoint: fake.endpoint, credentials: CREDENTIALS });
const clients = () => ({ sqs: new SQSClient(config()), sfn: new SFNClient(config()), cfn: new CloudFormationClient(config()) });
const quiet = () => {};

beforeAll(async () => fake.start());
afterAll(async () => new Promise<void>((r) => fake.server.close(() => r())));
beforeEach(() => fake.reset());

describe('article-export redrive', () => {
  it('resolves the queues from the stack and moves the DLQ into the ingest queue, waiting until done', async () => {
    const log: string[] = [];
    const r = await redriveCommand({ stack: 'ArticleExport', maxPerSecond: 50, wait: true, pollSeconds: 0.01, ...config() }, clients(), (l) => log.push(l));
    expect(fake.actions()).toEqual([
      'cloudformation:DescribeStacks',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueAttributes',
      'sqs:StartMessageMoveTask',
      'sqs:ListMessageMoveTasks',
      'sqs:ListMessageMoveTasks',
    ]);
    expect(fake.requests[0]!.body).toMatchObject({ Action: 'DescribeStacks', StackName: 'ArticleExport' });
    expect(fake.requests[1]!.body).toMatchObject({ QueueUrl: fake.url('ArticleExport-dlq') });
    expect(fake.requests[2]!.body).toMatchObject({ QueueUrl: fake.url('ArticleExport-queue') });
    // Source = the DLQ's ARN, destination = the ingest queue's ARN (not left to "the original sources").
    expect(fake.requests[3]!.body).toEqual({
      SourceArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:ArticleExport-dlq`,
      DestinationArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:ArticleExport-queue`,
      MaxNumberOfMessagesPerSecond: 50,
    });
    expect(fake.requests[4]!.body).toMatchObject({ SourceArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:ArticleExport-dlq` });
    expect(r).toMatchObject({ taskHandle: 'task-handle-1', messages: 3, status: 'COMPLETED', moved: 3 });
    expect(log.join('\n')).toMatch(/running: 1 of 3 moved[\s\S]*completed: 3 messages moved/);
  });

  it('takes explicit queue URLs, and does nothing when the DLQ is empty', async () => {
    fake.queues.get(`/${ACCOUNT}/ArticleExport-dlq`)!.messages = 0;
    const log: string[] = [];
    const r = await redriveCommand({ dlqUrl: fake.url('ArticleExport-dlq'), queueUrl: fake.url('ArticleExport-queue'), ...config() }, clients(), (l) => log.push(l));
    expect(r.taskHandle).toBeNull();
    expect(fake.actions()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueAttributes']);
    expect(log.join()).toMatch(/empty/);
  });

  it('reports a failed move task', async () => {
    fake.moveOutcome = 'FAILED';
    const r = await redriveCommand({ stack: 'ArticleExport', wait: true, pollSeconds: 0.01, ...config() }, clients(), quiet);
    expect(r).toMatchObject({ status: 'FAILED', failureReason: 'AccessDenied' });
  });

  it('refuses unusable arguments with a clear message, before or instead of calling AWS', async () => {
    const run = (o: Parameters<typeof redriveCommand>[0]) => redriveCommand({ ...config(), ...o }, clients(), quiet);
    await expect(run({})).rejects.toThrow(UsageError);
    await expect(run({})).rejects.toThrow(/--stack NAME, or both --dlq-url and --queue-url/);
    await expect(run({ dlqUrl: fake.url('ArticleExport-dlq') })).rejects.toThrow(/both --dlq-url and --queue-url/);
    await expect(run({ dlqUrl: 'ArticleExport-dlq', queueUrl: fake.url('ArticleExport-queue') })).rejects.toThrow(/--dlq-url should be a queue URL/);
    await expect(run({ dlqUrl: fake.url('same'), queueUrl: fake.url('same') })).rejects.toThrow(/same queue/);
    await expect(run({ stack: 'ArticleExport', maxPerSecond: 501 })).rejects.toThrow(/1 to 500/);
    expect(fake.requests).toEqual([]);
    await expect(run({ stack: 'NoSuchStack' })).rejects.toThrow(/Stack "NoSuchStack" was not found in eu-west-1/);
    await expect(run({ dlqUrl: fake.url('gone'), queueUrl: fake.url('ArticleExport-queue') })).rejects.toThrow(/No such queue: .*gone/);
    expect(fake.actions()).not.toContain('sqs:StartMessageMoveTask');
  });
});

describe('article-export backfill', () => {
  it('starts the state machine of the stack with the prefix as a folder, and follows it to the end', async () => {
    const log: string[] = [];
    const r = await backfillCommand('s3://articleexport-input-abc123/incoming/2023', { stack: 'ArticleExport', wait: true, pollSeconds: 0.01, ...config() }, clients(), (l) => log.push(l));
    expect(fake.actions()).toEqual([
      'cloudformation:DescribeStacks',
      'sfn:StartExecution',
      'sfn:DescribeExecution',
      'sfn:ListMapRuns',
      'sfn:DescribeMapRun',
      'sfn:DescribeExecution',
      'sfn:DescribeMapRun',
    ]);
    const start = fake.requests.find((q) => q.action === 'StartExecution')!.body;
    expect(start).toEqual({ stateMachineArn: STATE_MACHINE, input: JSON.stringify({ prefix: 'incoming/2023/' }) });
    expect(r).toMatchObject({ status: 'SUCCEEDED', input: { prefix: 'incoming/2023/' }, items: { total: 25, succeeded: 20, failed: 0 } });
    expect(r.executionArn).toMatch(/^arn:aws:states:eu-west-1:123456789012:execution:ArticleExport-backfill:/);
    expect(log.join('\n')).toMatch(/20 of 25 listed objects enqueued/);
  });

  it("without a prefix uses the state machine's default (the stack's input prefix); --name names the execution", async () => {
    const r = await backfillCommand('s3://articleexport-input-abc123', { stateMachineArn: STATE_MACHINE, name: 'rerun-2026-11', ...config() }, clients(), quiet);
    // Without --stack, the bucket is checked against the state machine's own definition.
    expect(fake.actions()).toEqual(['sfn:DescribeStateMachine', 'sfn:StartExecution']);
    expect(fake.requests[1]!.body).toEqual({ stateMachineArn: STATE_MACHINE, input: '{}', name: 'rerun-2026-11' });
    expect(r.executionArn).toMatch(/:rerun-2026-11$/);
    expect(r.status).toBeUndefined(); // no --wait
  });

  it('reports a failed execution with its error and cause', async () => {
    fake.executionOutcome = 'FAILED';
    const r = await backfillCommand('s3://articleexport-input-abc123/x/', { stack: 'ArticleExport', wait: true, pollSeconds: 0.01, ...config() }, clients(), quiet);
    expect(r).toMatchObject({ status: 'FAILED', error: 'Backfill.SendMessageBatchPartialFailure: SQS rejected some entries' });
  });

  it('refuses a bad URI, a bucket the state machine does not read, a missing stack or state machine', async () => {
    const run = (uri: string, o: Parameters<typeof backfillCommand>[1]) => backfillCommand(uri, { ...config(), ...o }, clients(), quiet);
    for (const bad of ['articleexport-input-abc123/x', 's3://', 's3://Bad_Bucket/x', 'https://articleexport-input-abc123.s3.amazonaws.com/x', 's3://ab']) {
      await expect(run(bad, { stack: 'ArticleExport' }), bad).rejects.toThrow(/Expected s3:\/\/bucket\[\/prefix\]/);
    }
    await expect(run('s3://articleexport-input-abc123/x', {})).rejects.toThrow(/--stack NAME or --state-machine-arn/);
    await expect(run('s3://articleexport-input-abc123/x', { stateMachineArn: 'ArticleExport-backfill' })).rejects.toThrow(/Not a state machine ARN/);
    await expect(run('s3://articleexport-input-abc123/x', { stateMachineArn: STATE_MACHINE, name: 'has space' })).rejects.toThrow(/--name/);
    expect(fake.requests).toEqual([]);
    await expect(run('s3://some-other-bucket/x', { stack: 'ArticleExport' })).rejects.toThrow(/reads s3:\/\/articleexport-input-abc123\/ only/);
    await expect(run('s3://some-other-bucket/x', { stateMachineArn: STATE_MACHINE })).rejects.toThrow(/reads s3:\/\/articleexport-input-abc123\/ only/);
    await expect(run('s3://articleexport-input-abc123/x', { stack: 'Nope' })).rejects.toThrow(/Stack "Nope" was not found/);
    await expect(run('s3://articleexport-input-abc123/x', { stateMachineArn: STATE_MACHINE.replace('ArticleExport-backfill', 'other') })).rejects.toThrow(/No such state machine/);
    expect(fake.actions()).not.toContain('sfn:StartExecution');
  });

  it('parses s3:// URIs the way download does (the path is a folder)', () => {
    expect(parseS3Uri('s3://archive')).toEqual({ bucket: 'archive', prefix: '' });
    expect(parseS3Uri('s3://archive/')).toEqual({ bucket: 'archive', prefix: '' });
    expect(parseS3Uri('s3://archive/2023')).toEqual({ bucket: 'archive', prefix: '2023/' });
    expect(parseS3Uri('s3://my.archive-1/a b/ü+%/')).toEqual({ bucket: 'my.archive-1', prefix: 'a b/ü+%/' });
  });
});

describe('the article-export binary', () => {
  const BIN = join(ROOT, 'bin', 'article-export.js');
  // Asynchronous, so the fake endpoint in this process can answer the child.
  const run = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [BIN, ...args],
        {
          cwd: ROOT,
          timeout: 60_000,
          env: { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDFAKE', AWS_SECRET_ACCESS_KEY: 'fake-secret', AWS_REGION: REGION, AWS_EC2_METADATA_DISABLED: 'true', AWS_PROFILE: '' },
        },
        (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('backfill prints the execution ARN; redrive with a missing stack or no arguments exits 2 with a message', async () => {
    const [ok, missing, none] = await Promise.all([
      run('backfill', 's3://articleexport-input-abc123/incoming/', '--stack', 'ArticleExport', '--endpoint', fake.endpoint),
      run('redrive', '--stack', 'Missing', '--endpoint', fake.endpoint),
      run('redrive'),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toMatch(/^arn:aws:states:eu-west-1:123456789012:execution:ArticleExport-backfill:/);
    expect(fake.requests.find((q) => q.action === 'StartExecution')!.body).toMatchObject({ input: '{"prefix":"incoming/"}' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Stack "Missing" was not found in eu-west-1/);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--stack NAME, or both --dlq-url and --queue-url/);
  });
});
