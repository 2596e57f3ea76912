/**
 * Backfill for an existing archive: a Step Functions Distributed Map lists every
 * object under a prefix of the input bucket (S3 ListObjectsV2 item reader) and
 * re-enqueues them, ten per SQS SendMessageBatch, as S3-notification-shaped
 * messages. The extract function then processes them exactly like fresh
 * uploads — same retries, same DLQ, same concurrency bound — and because
 * outputs are keyed by the article id, reprocessing is idempotent.
 *
 * Start it with `{"prefix": "<prefix>"}` (default: the stack's input prefix).
 */
import { ArnFormat, Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface BackfillProps {
  readonly inputBucket: s3.IBucket;
  readonly queue: sqs.IQueue;
  /** Where each run's results (which batches succeeded or failed) are written, under BACKFILL_RESULTS_PREFIX. */
  readonly resultsBucket: s3.IBucket;
  readonly encryptionKey?: kms.IKey;
  /** The stack's input prefix: the default prefix, and the only one the state machine may list. */
  readonly inputPrefix: string;
  /** Concurrent child workflows (each sends one batch of ≤ 10 messages). */
  readonly maxConcurrency: number;
  readonly logRetention: logs.RetentionDays;
}

/** Prefix of the results bucket where Distributed Map runs write their results. */
export const BACKFILL_RESULTS_PREFIX = 'backfill-runs/';

/** Objects per child workflow: SQS SendMessageBatch takes at most 10 entries. */
const ITEMS_PER_BATCH = 10;

export class BackfillStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: BackfillProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // Derived from the stack (unique per account and region), so the role can name the
    // state machine's own executions without a circular reference.
    const stateMachineName = `${stack.stackName}-backfill`;
    // Step Functions allows 80 characters; stack names allow 128. Fail the synth, not the deploy.
    if (stateMachineName.length > 80) {
      throw new Error(`The stack name is too long for the backfill state machine's name "${stateMachineName}" (${stateMachineName.length} characters; Step Functions allows 80): use a stack name of at most 71 characters`);
    }

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: 'article-export backfill: list the input prefix and enqueue objects for extraction',
    });
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ListInputPrefix',
        actions: ['s3:ListBucket'],
        resources: [props.inputBucket.bucketArn],
        ...(props.inputPrefix ? { conditions: { StringLike: { 's3:prefix': [`${props.inputPrefix}*`] } } } : {}),
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'EnqueueObjects',
        actions: ['sqs:SendMessage'],
        resources: [props.queue.queueArn],
      }),
    );
    // Without a ResultWriter the children's results would be returned in the state output,
    // which is capped at 256 KiB: a large archive would fail at the very end.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteRunResults',
        actions: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
        resources: [props.resultsBucket.arnForObjects(`${BACKFILL_RESULTS_PREFIX}*`)],
      }),
    );
    if (props.encryptionKey) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'EncryptRunResults',
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [props.encryptionKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` } },
        }),
      );
    }
    // A Distributed Map runs its children as executions of this same state machine.
    const stateMachineArn = stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const executionsArn = `arn:${Aws.PARTITION}:states:${Aws.REGION}:${Aws.ACCOUNT_ID}:execution:${stateMachineName}/*`;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'StartChildWorkflows', actions: ['states:StartExecution'], resources: [stateMachineArn] }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ManageChildWorkflows',
        actions: ['states:DescribeExecution', 'states:StopExecution'],
        resources: [executionsArn],
      }),
    );

    // Under /aws/vendedlogs/: Step Functions delivers logs through CloudWatch Logs vended
    // delivery, which otherwise adds this group to the account's logs resource policy, a
    // policy limited to 5120 characters that busy accounts fill (then the deploy fails).
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${stateMachineName}`,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName,
      role,
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(backfillDefinition(props), null, 2)),
      definitionSubstitutions: {
        InputBucketName: props.inputBucket.bucketName,
        InputBucketArn: props.inputBucket.bucketArn,
        ResultsBucketName: props.resultsBucket.bucketName,
        QueueUrl: props.queue.queueUrl,
        Region: Aws.REGION,
      },
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      timeout: Duration.days(7),
    });

    const policy = role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      const acks: Array<[string, string]> = [
        [
          `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${stateMachineName}/*]`,
          'Distributed Map child workflows are executions of this state machine whose names are generated at run time; the wildcard is limited to this state machine.',
        ],
        [
          `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(props.resultsBucket.node.defaultChild as never)}.Arn>/${BACKFILL_RESULTS_PREFIX}*]`,
          'The Distributed Map ResultWriter writes run results under one prefix of the output bucket with generated names; the wildcard is limited to that prefix.',
        ],
        [
          'AwsSolutions-IAM5[Resource::*]',
          'CloudWatch Logs vended log delivery (logs:CreateLogDelivery etc.) and X-Ray PutTraceSegments do not support resource-level permissions; added by CDK for SF1/SF2 logging and tracing.',
        ],
      ];
      for (const [id, reason] of acks) Validations.of(policy).acknowledge({ id, reason });
    }
  }
}

/**
 * The ASL definition (JSONata). Each child gets `{BatchInput, Items}`, where Items are
 * ListObjectsV2 entries `{Key, Size, ETag, …}`. Keys are URL-encoded like real S3 event
 * notifications (the handler decodes them), and folder markers (keys ending in `/`) skipped.
 */
export function backfillDefinition(props: Pick<BackfillProps, 'inputPrefix' | 'maxConcurrency'>): Record<string, unknown> {
  const record =
    '{"eventVersion": "2.1", "eventSource": "aws:s3", "eventName": "ObjectCreated:Backfill", ' +
    '"awsRegion": $states.input.BatchInput.region, ' +
    '"s3": {"bucket": {"name": $states.input.BatchInput.bucket, "arn": $states.input.BatchInput.bucketArn}, ' +
    '"object": {"key": $encodeUrlComponent($o.Key), "size": $o.Size, "eTag": $o.ETag}}}';
  return {
    Comment: 'Re-enqueue every object under a prefix of the input bucket for extraction',
    QueryLanguage: 'JSONata',
    StartAt: 'EnqueueObjects',
    States: {
      EnqueueObjects: {
        Type: 'Map',
        Label: 'Backfill',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:listObjectsV2',
          Arguments: {
            Bucket: '${InputBucketName}',
            Prefix: `{% $exists($states.input.prefix) ? $states.input.prefix : ${JSON.stringify(props.inputPrefix)} %}`,
          },
        },
        ItemBatcher: {
          MaxItemsPerBatch: ITEMS_PER_BATCH,
          BatchInput: { bucket: '${InputBucketName}', bucketArn: '${InputBucketArn}', region: '${Region}' },
        },
        MaxConcurrency: props.maxConcurrency,
        ToleratedFailurePercentage: 0,
        ResultWriter: {
          Resource: 'arn:aws:states:::s3:putObject',
          Arguments: { Bucket: '${ResultsBucketName}', Prefix: BACKFILL_RESULTS_PREFIX },
        },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'BuildMessages',
          States: {
            BuildMessages: {
              Type: 'Pass',
              // The array constructor keeps a one-element result a list (JSONata collapses singletons).
              Output: `{% {"entries": [$map($states.input.Items[$substring(Key, -1) != "/"], function($o, $i) {{"Id": $string($i), "MessageBody": $string({"Records": [${record}]})}})]} %}`,
              Next: 'AnythingToSend',
            },
            AnythingToSend: {
              Type: 'Choice',
              Choices: [{ Condition: '{% $count($states.input.entries) > 0 %}', Next: 'SendBatch' }],
              Default: 'Done',
            },
            SendBatch: {
              Type: 'Task',
              Resource: 'arn:aws:states:::aws-sdk:sqs:sendMessageBatch',
              Arguments: { QueueUrl: '${QueueUrl}', Entries: '{% $states.input.entries %}' },
              Output: '{% {"failed": $count($states.result.Failed)} %}',
              Retry: [
                {
                  ErrorEquals: ['States.ALL'],
                  IntervalSeconds: 2,
                  BackoffRate: 2,
                  MaxAttempts: 6,
                  JitterStrategy: 'FULL',
                },
              ],
              Next: 'AllSent',
            },
            AllSent: {
              Type: 'Choice',
              Choices: [{ Condition: '{% $states.input.failed > 0 %}', Next: 'SomeNotSent' }],
              Default: 'Done',
            },
            SomeNotSent: {
              Type: 'Fail',
              Error: 'Backfill.SendMessageBatchPartialFailure',
              Cause: 'SQS rejected some entries of the batch; rerun the backfill (reprocessing is idempotent).',
            },
            Done: { Type: 'Succeed' },
          },
        },
        End: true,
      },
    },
  };
}
