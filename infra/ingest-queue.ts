/**
 * The ingest queue: the input bucket's ObjectCreated and ObjectRemoved notifications (optionally
 * filtered by prefix/suffix) on an SQS queue, with a dead-letter queue for
 * messages that failed maxReceiveCount times.
 */
import { Duration } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { EventType } from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface IngestQueueProps {
  readonly inputBucket: s3.IBucket;
  readonly inputPrefix: string;
  readonly inputSuffix?: string;
  /** The consumer's timeout and batching window: the visibility timeout is derived from them. */
  readonly consumerTimeoutSeconds: number;
  readonly maxBatchingWindowSeconds: number;
  readonly maxReceiveCount: number;
}

export class IngestQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: IngestQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    // Six times the function timeout (plus the batching window), as Lambda recommends for
    // SQS sources, so a message is never visible again while a retried batch still runs.
    this.queue = new sqs.Queue(this, 'IngestQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(6 * props.consumerTimeoutSeconds + props.maxBatchingWindowSeconds),
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });

    const filter: s3.NotificationKeyFilter = {
      ...(props.inputPrefix ? { prefix: props.inputPrefix } : {}),
      ...(props.inputSuffix ? { suffix: props.inputSuffix } : {}),
    };
    // Created and removed objects alike: the function makes a key's outputs match its object, so a
    // delete removes that article's outputs (and a late delete of a key uploaded again removes nothing).
    for (const event of [EventType.OBJECT_CREATED, EventType.OBJECT_REMOVED]) {
      props.inputBucket.addEventNotification(event, new s3n.SqsDestination(this.queue), ...(Object.keys(filter).length ? [filter] : []));
    }
  }
}
