/**
 * The extraction Lambda: SQS batch of S3 notifications (ObjectCreated and ObjectRemoved) → processObject
 * for each key, which makes its outputs match the object as it is now; partial batch failures are
 * reported so only failed messages are retried.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { processObjects, type ObjectRef, type ProcessResult } from '../../src/process/process-object.js';
import type { ObjectDatasets } from '../../src/storage/sink.js';
import { objectsInMessage } from './s3-events.js';

export interface HandlerDeps {
  client: S3Client;
  /** Where datasets go: BucketDatasets on the output bucket. */
  output: ObjectDatasets;
  maxBytes?: number;
  /** Only keys under this prefix are processed (the notification filter should already ensure it). */
  inputPrefix?: string;
  logger?: Logger;
  metrics?: Metrics;
  /** Called after each object, e.g. for local mode's console lines. */
  onResult?: (ref: ObjectRef, result: ProcessResult) => void;
}

export function createHandler(deps: HandlerDeps) {
  const logger = deps.logger ?? new Logger({ serviceName: 'article-export' });
  const metrics = deps.metrics ?? new Metrics({ namespace: 'ArticleExport', serviceName: 'article-export' });
  const processor = new BatchProcessor(EventType.SQS);

  const report = (ref: ObjectRef, result: ProcessResult) => {
    deps.onResult?.(ref, result);
    metrics.addMetric('ArticleDuration', MetricUnit.Milliseconds, result.ms);
    if (result.status === 'ok') {
      metrics.addMetric('Articles', MetricUnit.Count, 1);
      metrics.addMetric('Entities', MetricUnit.Count, result.entities);
      metrics.addMetric('Quotes', MetricUnit.Count, result.quotes);
      metrics.addMetric('Events', MetricUnit.Count, result.events);
      logger.info('article exported', { bucket: ref.bucket, key: ref.key, ...result });
    } else if (result.status === 'error') {
      metrics.addMetric('InputErrors', MetricUnit.Count, 1);
      logger.warn('input rejected; error record written', { bucket: ref.bucket, key: ref.key, ...result });
    } else {
      if (result.removed) metrics.addMetric('ArticlesRemoved', MetricUnit.Count, 1);
      logger.info(result.removed ? 'object deleted; its outputs removed' : 'object does not exist; no outputs', { bucket: ref.bucket, key: ref.key });
    }
  };

  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    if (context) logger.addContext(context);
    try {
      const processed = await processMessages(event, deps);
      // Each message then succeeds or fails on its own objects' results: partial batch failures as before.
      const recordHandler = async (record: SQSRecord): Promise<void> => {
        const done = processed.get(record.messageId)!;
        if ('error' in done) throw done.error;
        for (const { ref, result } of done.objects) {
          if (result.status === 'rejected') throw result.reason;
          report(ref, result.value);
        }
      };
      return await processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false });
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

type MessageObjects = { error: unknown } | { objects: { ref: ObjectRef; result: PromiseSettledResult<ProcessResult> }[] };

/**
 * Every object the batch's messages announce, processed together (processObjects: their articles go
 * through the pipeline at once, less CPU than one by one), and the results given back per message.
 */
async function processMessages(event: SQSEvent, deps: HandlerDeps): Promise<Map<string, MessageObjects>> {
  const perMessage = event.Records.map((record) => {
    try {
      return { record, refs: objectsInMessage(record).filter((ref) => !deps.inputPrefix || ref.key.startsWith(deps.inputPrefix)) };
    } catch (error) {
      return { record, error };
    }
  });
  const refs = perMessage.flatMap((m) => m.refs ?? []);
  const results = await processObjects(refs, { client: deps.client, output: deps.output, maxBytes: deps.maxBytes });
  const processed = new Map<string, MessageObjects>();
  let next = 0;
  for (const m of perMessage) {
    if (!m.refs) processed.set(m.record.messageId, { error: m.error });
    else processed.set(m.record.messageId, { objects: m.refs.map((ref) => ({ ref, result: results[next++]! })) });
  }
  return processed;
}
