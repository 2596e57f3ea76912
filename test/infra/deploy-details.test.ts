/**
 * Details a real deployment trips over: names that collide between two stacks
 * in one account, the state machine's log group outside /aws/vendedlogs/, a
 * definition Step Functions would reject, retention values the parser and the
 * stack disagree on. Synthesised with bundling skipped (stack.test.ts bundles).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ArticleExportStack, LOG_RETENTION_DAYS, REPO_ROOT } from '../../infra/article-export-stack.js';
import { backfillDefinition } from '../../infra/backfill.js';
import { buildApp } from '../../infra/build-app.js';
import { readConfig } from '../../infra/config.js';

type Json = Record<string, any>;
/** asl-validator (CommonJS, untyped): the definition → { isValid, errors }. */
const validateAsl = createRequire(import.meta.url)('asl-validator') as (definition: unknown) => { isValid: boolean; errors: unknown[] };

const cdkContext = (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Json }).context;
const newApp = (context: Json = {}) => new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [], ...context } });
const templateOf = (stack: ArticleExportStack) => Template.fromStack(stack).toJSON() as Json;

/** A property value as text: literals kept, references to pseudo parameters and resources shown as <id>. */
function render(v: unknown): string {
  if (typeof v === 'string') return v;
  const o = v as Json;
  if (o.Ref) return `<${o.Ref}>`;
  if (o['Fn::GetAtt']) return `<${o['Fn::GetAtt'][0]}.${o['Fn::GetAtt'][1]}>`;
  if (o['Fn::Join']) return (o['Fn::Join'][1] as unknown[]).map(render).join(o['Fn::Join'][0]);
  return JSON.stringify(o);
}

/**
 * Every name a resource states for itself: top-level properties named *Name (and the Glue
 * database's DatabaseInput.Name), except names that only refer to another resource of the
 * same template (a Ref/GetAtt), labels that need not be unique, and inline policy names
 * (AWS::IAM::Policy PolicyName is unique per role only, and the roles' names are generated).
 */
function statedNames(template: Json): string[] {
  const names: string[] = [];
  for (const [id, r] of Object.entries(template.Resources as Record<string, Json>)) {
    const props = (r.Properties ?? {}) as Json;
    const entries: [string, unknown][] = Object.entries(props).filter(
      ([k]) => /Name$/.test(k) && !['DisplayName', 'MetricName'].includes(k) && !(r.Type === 'AWS::IAM::Policy' && k === 'PolicyName'),
    );
    if (props.DatabaseInput?.Name) entries.push(['DatabaseInput.Name', props.DatabaseInput.Name]);
    for (const [key, value] of entries) {
      if (typeof value === 'object' && value && ('Ref' in value || 'Fn::GetAtt' in value)) continue;
      names.push(`${r.Type} ${key}=${render(value)}   (${id})`);
    }
  }
  return names;
}

describe('two stacks in one account', () => {
  it('derive every fixed name from the stack name, so none collides', () => {
    const app = newApp();
    const stacks = [new ArticleExportStack(app, 'NewsDesk'), new ArticleExportStack(app, 'NewsDeskStaging')];
    const [a, b] = stacks.map(templateOf) as [Json, Json];
    const nameOnly = (n: string) => n.replace(/\s+\(.*\)$/, '');
    const namesA = statedNames(a);
    const namesB = new Set(statedNames(b).map(nameOnly));
    // The check looks at something: the fixed names this stack has today.
    expect(namesA.map(nameOnly)).toEqual(
      expect.arrayContaining([
        'AWS::StepFunctions::StateMachine StateMachineName=NewsDesk-backfill',
        'AWS::Logs::LogGroup LogGroupName=/aws/vendedlogs/states/NewsDesk-backfill',
        'AWS::Glue::Database DatabaseInput.Name=newsdesk',
        'AWS::Athena::WorkGroup Name=NewsDesk-datasets',
      ]),
    );
    const collisions = namesA.filter((n) => namesB.has(nameOnly(n)));
    expect(collisions).toEqual([]);
  });

  it('refuses at synth a stack name too long for the names derived from it', () => {
    expect(() => new ArticleExportStack(newApp(), 'A'.repeat(71))).not.toThrow();
    expect(() => new ArticleExportStack(newApp(), 'A'.repeat(72))).toThrow(/at most 71 characters/);
  });

  it('derives the Glue database name from the stack name: lower case, anything Glue does not allow as "_"', () => {
    const app = newApp();
    const db = (stack: ArticleExportStack) => stack.catalog.databaseName;
    expect(db(new ArticleExportStack(app, 'Article-Export'))).toBe('article_export');
    expect(db(new ArticleExportStack(app, 'ArticleExport'))).toBe('articleexport');
  });
});

describe('backfill state machine', () => {
  const app = newApp();
  const stack = new ArticleExportStack(app, 'Backfilled', { inputPrefix: 'incoming/' });
  const template = templateOf(stack);
  const [machine] = Object.values(template.Resources as Record<string, Json>).filter((r) => r.Type === 'AWS::StepFunctions::StateMachine');

  it('logs to a group under /aws/vendedlogs/states/', () => {
    const destination = machine!.Properties.LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn;
    const [groupId] = destination['Fn::GetAtt'] as [string];
    expect(template.Resources[groupId].Properties.LogGroupName).toBe('/aws/vendedlogs/states/Backfilled-backfill');
  });

  it('has a definition that asl-validator accepts, as synthesised and with the substitutions made', () => {
    const definition = machine!.Properties.DefinitionString as string;
    const substitutions: Record<string, string> = {
      InputBucketName: 'my-input',
      InputBucketArn: 'arn:aws:s3:::my-input',
      ResultsBucketName: 'my-output',
      QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/ingest',
      Region: 'eu-west-1',
    };
    expect(Object.keys(machine!.Properties.DefinitionSubstitutions).sort()).toEqual(Object.keys(substitutions).sort());
    const resolved = JSON.parse(definition.replace(/\$\{(\w+)\}/g, (_, k: string) => substitutions[k] ?? `\${${k}}`));
    const result = validateAsl(resolved);
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('is checked by a validator that rejects broken definitions', () => {
    const broken = structuredClone(backfillDefinition({ inputPrefix: '', maxConcurrency: 10 })) as Json;
    broken.States.EnqueueObjects.ItemProcessor.States.BuildMessages.Next = 'NoSuchState';
    expect(validateAsl(broken).isValid).toBe(false);
    const noEnd = structuredClone(backfillDefinition({ inputPrefix: '', maxConcurrency: 10 })) as Json;
    delete noEnd.States.EnqueueObjects.End;
    expect(validateAsl(noEnd).isValid).toBe(false);
  });
});

describe('log retention', () => {
  it('accepts the same values in the context parser and the stack, and names only those in its message', () => {
    expect(LOG_RETENTION_DAYS).not.toContain(9999);
    expect(Math.max(...LOG_RETENTION_DAYS)).toBe(3653);
    for (const days of [1, 30, 3653]) {
      const config = readConfig(newApp({ logRetentionDays: String(days) }).node);
      expect(() => new ArticleExportStack(newApp(), 'Retained', config.props)).not.toThrow();
    }
    expect(() => readConfig(newApp({ logRetentionDays: '9999' }).node)).toThrow(/between 1 and 3653/);
    const config = readConfig(newApp({ logRetentionDays: '2' }).node);
    let message = '';
    try {
      new ArticleExportStack(newApp(), 'Retained', config.props);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^logRetentionDays must be one of 1, 3, 5, .*, 3653; got 2$/);
    expect(message).not.toContain('9999');
  });
});

describe('cdk-nag acknowledgements', () => {
  it('are each needed: without any one of them, some configuration fails the synth', () => {
    const configs: Json[] = [
      {},
      { inputPrefix: 'incoming/', inputSuffix: '.txt', useCustomerKey: 'true', alarmEmail: 'ops@example.org' },
      { kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-0000-4000-8000-000000000000', outputVersioning: 'true' },
    ];
    // Acknowledge calls go through the prototype of what Validations.of returns: record every
    // id per configuration, and leave out the one under test.
    const proto = Object.getPrototypeOf(Validations.of(new App())) as { acknowledge: (...args: any[]) => unknown };
    const acknowledge = proto.acknowledge;
    let leaveOut: string | null = null;
    let seen = new Set<string>();
    proto.acknowledge = function (this: unknown, ...args: any[]) {
      const ids = (Array.isArray(args[0]) ? args[0] : [args[0]]).map((a: { id: string }) => a.id);
      for (const id of ids) seen.add(id);
      if (leaveOut !== null && ids.includes(leaveOut)) return undefined;
      return acknowledge.apply(this, args);
    };
    const synthFails = (context: Json): boolean => {
      const app = newApp(context);
      buildApp(app);
      try {
        app.synth();
        return false;
      } catch {
        return true;
      }
    };
    try {
      const idsIn = configs.map((c) => {
        seen = new Set();
        expect(synthFails(c)).toBe(false);
        return seen;
      });
      const all = new Set(idsIn.flatMap((s) => [...s]));
      expect(all.size).toBeGreaterThan(5);
      const unneeded = [...all].filter((id) => {
        leaveOut = id;
        return !configs.some((c, i) => idsIn[i]!.has(id) && synthFails(c));
      });
      expect(unneeded).toEqual([]);
    } finally {
      proto.acknowledge = acknowledge;
    }
  }, 180_000);
});
