/**
 * `article-export redrive`: moves every message of the dead-letter queue back
 * to the ingest queue with SQS StartMessageMoveTask, so the objects whose
 * processing failed 5 times are processed again (outputs are idempotent, so
 * replaying is safe). Queue URLs come from the options or the stack outputs.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { GetQueueAttributesCommand, ListMessageMoveTasksCommand, SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { clientConfig, requireOutput, sleep, stackOutputs, type AwsClientOptions } from './aws-stack.js';
import { UsageError } from './files.js';

export interface RedriveOptions extends AwsClientOptions {
  stack?: string;
  dlqUrl?: string;
  queueUrl?: string;
  /** SQS MaxNumberOfMessagesPerSecond (1-500); default: as fast as SQS allows. */
  maxPerSecond?: number;
  /** Poll until the move task ends. */
  wait?: boolean;
  pollSeconds?: number;
}

export interface RedriveResult {
  sourceArn: string;
  destinationArn: string;
  /** Messages visible in the DLQ when the task started. */
  messages: number;
  /** Null when there was nothing to move. */
  taskHandle: string | null;
  /** With --wait: COMPLETED, FAILED or CANCELLED. */
  status?: string;
  moved?: number;
  failureReason?: string;
}

/**
 * @example
 * await redriveCommand({ stack: 'ArticleExport', wait: true });
 */
export async function redriveCommand(
  o: RedriveOptions,
  clients: { sqs?: SQSClient; cfn?: CloudFormationClient } = {},
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<RedriveResult> {
  if (o.maxPerSecond !== undefined && !(Number.isInteger(o.maxPerSecond) && o.maxPerSecond >= 1 && o.maxPerSecond <= 500)) {
    throw new UsageError('--max-per-second must be a whole number from 1 to 500');
  }
  let { dlqUrl, queueUrl } = o;
  if (o.stack && (!dlqUrl || !queueUrl)) {
    const outputs = await stackOutputs(clients.cfn ?? new CloudFormationClient(clientConfig(o)), o.stack);
    dlqUrl ??= requireOutput(outputs, 'DeadLetterQueueUrl', o.stack);
    queueUrl ??= requireOutput(outputs, 'QueueUrl', o.stack);
  }
  if (!dlqUrl || !queueUrl) throw new UsageError('Give --stack NAME, or both --dlq-url and --queue-url');
  for (const [flag, url] of [['--dlq-url', dlqUrl], ['--queue-url', queueUrl]] as const) {
    if (!/^https?:\/\/[^/]+\/.+/.test(url)) throw new UsageError(`${flag} should be a queue URL like https://sqs.eu-west-1.amazonaws.com/123456789012/name, got "${url}"`);
  }
  if (dlqUrl === queueUrl) throw new UsageError('The dead-letter queue and the ingest queue are the same queue');

  const sqs = clients.sqs ?? new SQSClient(clientConfig(o));
  const attributes = async (url: string, names: ('QueueArn' | 'ApproximateNumberOfMessages' | 'ApproximateNumberOfMessagesNotVisible')[]) => {
    try {
      return (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: names }))).Attributes ?? {};
    } catch (e) {
      const name = (e as { name?: string }).name ?? '';
      if (/QueueDoesNotExist|NonExistentQueue/.test(name)) throw new UsageError(`No such queue: ${url}`);
      throw e;
    }
  };
  const dlq = await attributes(dlqUrl, ['QueueArn', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible']);
  const target = await attributes(queueUrl, ['QueueArn']);
  const sourceArn = dlq.QueueArn;
  const destinationArn = target.QueueArn;
  if (!sourceArn || !destinationArn) throw new Error('SQS did not return the queue ARNs');
  const messages = Number(dlq.ApproximateNumberOfMessages ?? 0);
  const inFlight = Number(dlq.ApproximateNumberOfMessagesNotVisible ?? 0);
  if (messages === 0) {
    log(inFlight > 0 ? `The dead-letter queue has ${inFlight} messages in flight (being read elsewhere) and none waiting; try again later.` : 'The dead-letter queue is empty: nothing to redrive.');
    return { sourceArn, destinationArn, messages, taskHandle: null };
  }

  const started = await sqs.send(
    new StartMessageMoveTaskCommand({
      SourceArn: sourceArn,
      DestinationArn: destinationArn,
      ...(o.maxPerSecond ? { MaxNumberOfMessagesPerSecond: o.maxPerSecond } : {}),
    }),
  );
  const taskHandle = started.TaskHandle ?? null;
  log(`Moving about ${messages} messages from ${dlqUrl} to ${queueUrl} (task ${taskHandle ?? 'started'}).`);
  const result: RedriveResult = { sourceArn, destinationArn, messages, taskHandle };
  if (!o.wait) return result;

  const pollMs = (o.pollSeconds ?? 5) * 1000;
  for (let unseen = 0; ; ) {
    await sleep(pollMs);
    const { Results = [] } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: sourceArn, MaxResults: 10 }));
    // The most recent task comes first; only a running task has a handle to match on.
    const task = Results.find((t) => taskHandle && t.TaskHandle === taskHandle) ?? Results[0];
    if (!task) {
      if (++unseen >= 10) throw new Error(`SQS lists no move task for ${dlqUrl}; check it in the SQS console (task ${taskHandle})`);
      continue;
    }
    result.moved = Number(task.ApproximateNumberOfMessagesMoved ?? 0);
    if (task.Status === 'RUNNING' || task.Status === 'CANCELLING') {
      log(`  ${task.Status.toLowerCase()}: ${result.moved} of ${task.ApproximateNumberOfMessagesToMove ?? messages} moved`);
      continue;
    }
    result.status = task.Status;
    if (task.FailureReason) result.failureReason = task.FailureReason;
    log(`Redrive ${String(task.Status).toLowerCase()}: ${result.moved} messages moved${task.FailureReason ? ` (${task.FailureReason})` : ''}.`);
    return result;
  }
}
