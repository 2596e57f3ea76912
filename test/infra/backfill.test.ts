/**
 * The backfill state machine's JSONata expressions, evaluated with the jsonata
 * library (Step Functions' query language) on ListObjectsV2-shaped batches.
 * The messages they build must parse back, through the extract handler's own
 * S3-event parser, to exactly the listed keys.
 */
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { objectsInMessage } from '../../functions/extract/s3-events.js';
import { backfillDefinition } from '../../infra/backfill.js';

type Json = Record<string, any>;

const def = backfillDefinition({ inputPrefix: 'incoming/', maxConcurrency: 10 }) as Json;
const map = def.States.EnqueueObjects as Json;
const states = map.ItemProcessor.States as Json;

/** Evaluates a `{% … %}` field the way Step Functions does, with `$states` bound. */
async function evaluate(field: string, bindings: Json): Promise<any> {
  const m = /^\{%([\s\S]*)%\}$/.exec(field);
  if (!m) throw new Error(`not a JSONata field: ${field}`);
  return jsonata(m[1]!).evaluate({}, { states: bindings });
}

const batchInput = { bucket: 'my-input', bucketArn: 'arn:aws:s3:::my-input', region: 'eu-west-1' };
const item = (Key: string) => ({ Key, Size: 42, ETag: '"0123abcd"', LastModified: '2024-10-14T00:00:00Z', StorageClass: 'STANDARD' });

async function messagesFor(keys: string[]): Promise<Json[]> {
  const out = await evaluate(states.BuildMessages.Output, { input: { BatchInput: batchInput, Items: keys.map(item) } });
  return out.entries as Json[];
}

describe('backfill state machine expressions', () => {
  it('lists the requested prefix, defaulting to the stack input prefix', async () => {
    const prefix = map.ItemReader.Arguments.Prefix as string;
    expect(await evaluate(prefix, { input: { prefix: 'incoming/2024/' } })).toBe('incoming/2024/');
    expect(await evaluate(prefix, { input: {} })).toBe('incoming/');
  });

  it('builds S3-event messages whose keys decode back to the listed keys', async () => {
    const keys = [
      'incoming/plain.txt',
      'incoming/my article.txt',
      'incoming/a+b%20c.txt',
      'incoming/ünïcödé/статья 1.txt',
      'incoming/emoji 😀.md',
      `incoming/quote'"s & (x).html`,
      'incoming/../up.txt',
      'incoming/100%.json',
    ];
    const entries = await messagesFor(keys);
    expect(entries.map((e) => e.Id)).toEqual(keys.map((_, i) => String(i)));
    const decoded = entries.flatMap((e, i) => objectsInMessage({ body: e.MessageBody as string, messageId: String(i) }));
    expect(decoded).toEqual(keys.map((key) => ({ bucket: 'my-input', key })));
    const record = JSON.parse(entries[0]!.MessageBody as string).Records[0];
    expect(record.eventName).toMatch(/^ObjectCreated:/);
    expect(record.s3.object.size).toBe(42);
  });

  it('keeps a one-object batch a list and skips folder markers', async () => {
    const one = await messagesFor(['incoming/only.txt']);
    expect(Array.isArray(one)).toBe(true);
    expect(one).toHaveLength(1);
    const mixed = await messagesFor(['incoming/', 'incoming/sub/', 'incoming/sub/a.txt']);
    expect(mixed).toHaveLength(1);
    expect(objectsInMessage({ body: mixed[0]!.MessageBody, messageId: 'm' })[0]!.key).toBe('incoming/sub/a.txt');
    const none = await messagesFor(['incoming/']);
    expect(none).toEqual([]);
    const choice = states.AnythingToSend.Choices[0].Condition as string;
    expect(await evaluate(choice, { input: { entries: none } })).toBe(false);
    expect(await evaluate(choice, { input: { entries: one } })).toBe(true);
  });

  it('fails the child workflow only when SQS rejected entries', async () => {
    const output = states.SendBatch.Output as string;
    const ok = await evaluate(output, { input: {}, result: { Successful: [{ Id: '0' }], Failed: [] } });
    const okNoField = await evaluate(output, { input: {}, result: { Successful: [{ Id: '0' }] } });
    const bad = await evaluate(output, { input: {}, result: { Successful: [], Failed: [{ Id: '0', Code: 'x' }] } });
    const cond = states.AllSent.Choices[0].Condition as string;
    expect(await evaluate(cond, { input: ok })).toBe(false);
    expect(await evaluate(cond, { input: okNoField })).toBe(false);
    expect(await evaluate(cond, { input: bad })).toBe(true);
    expect(states[states.AllSent.Choices[0].Next as string].Type).toBe('Fail');
  });

  it('batches within the SendMessageBatch limit of 10 entries', async () => {
    expect(map.ItemBatcher.MaxItemsPerBatch).toBeLessThanOrEqual(10);
    const keys = Array.from({ length: map.ItemBatcher.MaxItemsPerBatch as number }, (_, i) => `incoming/${i}.txt`);
    expect(await messagesFor(keys)).toHaveLength(keys.length);
  });
});
