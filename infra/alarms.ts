/**
 * The alarms an operator needs: messages in the DLQ, a failing function, a
 * backlog that is not draining; optionally sent to an e-mail address.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubs from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  readonly queue: sqs.IQueue;
  readonly deadLetterQueue: sqs.IQueue;
  readonly extractFunction: lambda.IFunction;
  /** Send alarm notifications to this address (an SNS topic is created). */
  readonly alarmEmail?: string;
}

export class Alarms extends Construct {
  readonly alarms: cloudwatch.Alarm[];
  readonly topic?: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.alarms = [
      new cloudwatch.Alarm(this, 'DeadLetterQueueNotEmpty', {
        alarmDescription: 'Articles failed maxReceiveCount times and wait in the DLQ (inspect, then `article-export redrive`)',
        metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      // Per-article failures are reported as partial batch failures (retried, then DLQ);
      // a failed invocation means a crash, timeout or out-of-memory for the whole batch.
      new cloudwatch.Alarm(this, 'ExtractFunctionErrorRate', {
        alarmDescription: 'Over 1% of extract function invocations failed in 5 minutes (crash, timeout or out of memory)',
        metric: new cloudwatch.MathExpression({
          label: 'Error rate (%)',
          expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
          usingMetrics: {
            errors: props.extractFunction.metricErrors({ statistic: cloudwatch.Stats.SUM }),
            invocations: props.extractFunction.metricInvocations({ statistic: cloudwatch.Stats.SUM }),
          },
          period: Duration.minutes(5),
        }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, 'IngestBacklogAge', {
        alarmDescription: 'The oldest waiting article is over an hour old: the function is not keeping up or is stuck',
        metric: props.queue.metricApproximateAgeOfOldestMessage({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        threshold: 3600,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
    if (props.alarmEmail) {
      this.topic = new sns.Topic(this, 'AlarmTopic', { enforceSSL: true, displayName: 'article-export alarms' });
      this.topic.addSubscription(new snsSubs.EmailSubscription(props.alarmEmail));
      const action = new cwActions.SnsAction(this.topic);
      for (const alarm of this.alarms) alarm.addAlarmAction(action);
    }
  }
}
