/**
 * A small in-process stand-in for the SQS → Lambda event source mapping, enough
 * to exercise at-least-once delivery: batches of up to `batchSize` messages to
 * `concurrency` execution environments (one handler instance each, as Lambda
 * never runs two invocations in one environment); messages reported in
 * batchItemFailures come back after a visibility timeout; after
 * `maxReceiveCount` receives a message moves to the DLQ; messages are picked in
 * random order, and a share of successful ones is delivered again (duplicates).
 */
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { prng } from './fault-proxy.js';
import { sqsEvent } from '../../src/cli/local-s3.js';

export type BatchHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

interface Message {
  messageId: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
  duplicate: boolean;
}

export interface QueueOptions {
  batchSize?: number;
  concurrency?: number;
  maxReceiveCount?: number;
  /** Share of successfully processed messages that SQS delivers once more. */
  duplicateRate?: number;
  visibilityTimeoutMs?: number;
  seed?: number;
}

export interface QueueStats {
  invocations: number;
  deliveries: number;
  failedDeliveries: number;
  duplicates: number;
  movedToDlq: number;
  redriven: number;
}

export class SqsEmulator {
  private queue: Message[] = [];
  readonly dlq: Message[] = [];
  readonly stats: QueueStats = { invocations: 0, deliveries: 0, failedDeliveries: 0, duplicates: 0, movedToDlq: 0, redriven: 0 };
  private readonly random: () => number;
  private readonly o: Required<QueueOptions>;

  /** `environment(i)` builds the handler of execution environment i. */
  constructor(
    private readonly environment: (i: number) => BatchHandler,
    options: QueueOptions = {},
  ) {
    this.o = { batchSize: 10, concurrency: 4, maxReceiveCount: 5, duplicateRate: 0.1, visibilityTimeoutMs: 150, seed: 7, ...options };
    this.random = prng(this.o.seed);
  }

  send(body: string): void {
    this.queue.push({ messageId: randomUUID(), body, receiveCount: 0, visibleAt: 0, duplicate: false });
  }

  /** Moves every DLQ message back to the queue as a new message, as StartMessageMoveTask does. */
  redrive(): number {
    const n = this.dlq.length;
    for (const m of this.dlq.splice(0)) this.queue.push({ ...m, messageId: randomUUID(), receiveCount: 0, visibleAt: 0 });
    this.stats.redriven += n;
    return n;
  }

  /** Delivers until the queue is empty (every message succeeded or went to the DLQ). */
  async drain(): Promise<void> {
    let inFlight = 0;
    const worker = async (handler: BatchHandler) => {
      for (;;) {
        const now = Date.now();
        const visible = this.queue.filter((m) => m.visibleAt <= now);
        if (visible.length === 0) {
          if (this.queue.length === 0 && inFlight === 0) return;
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        // SQS gives no order guarantee: take a random selection.
        const batch: Message[] = [];
        while (batch.length < this.o.batchSize && visible.length > 0) {
          const m = visible.splice(Math.floor(this.random() * visible.length), 1)[0]!;
          this.queue.splice(this.queue.indexOf(m), 1);
          m.receiveCount++;
          batch.push(m);
        }
        inFlight++;
        try {
          await this.invoke(handler, batch);
        } finally {
          inFlight--;
        }
      }
    };
    await Promise.all(Array.from({ length: this.o.concurrency }, (_, i) => worker(this.environment(i))));
  }

  private async invoke(handler: BatchHandler, batch: Message[]): Promise<void> {
    this.stats.invocations++;
    this.stats.deliveries += batch.length;
    let failed: Set<string>;
    try {
      const res = await handler({ Records: batch.map((m) => record(m)) });
      failed = new Set(res.batchItemFailures.map((f) => f.itemIdentifier));
    } catch {
      failed = new Set(batch.map((m) => m.messageId)); // the whole invocation failed
    }
    for (const m of batch) {
      if (failed.has(m.messageId)) {
        this.stats.failedDeliveries++;
        if (m.receiveCount >= this.o.maxReceiveCount) {
          this.dlq.push(m);
          this.stats.movedToDlq++;
        } else {
          m.visibleAt = Date.now() + this.o.visibilityTimeoutMs;
          this.queue.push(m);
        }
      } else if (!m.duplicate && this.random() < this.o.duplicateRate) {
        this.stats.duplicates++;
        this.queue.push({ ...m, messageId: randomUUID(), receiveCount: 0, visibleAt: 0, duplicate: true });
      }
    }
  }
}

function record(m: Message): SQSRecord {
  return sqsEvent(m.body, { messageId: m.messageId, receiveCount: m.receiveCount }).Records[0]!;
}
