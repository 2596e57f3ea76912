/**
 * What the operator commands share: AWS client settings from the command line,
 * and the deployed stack's outputs (queue URLs, state machine ARN, bucket
 * names) read with CloudFormation DescribeStacks, so `--stack NAME` is enough.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { UsageError } from './files.js';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsClientOptions {
  region?: string;
  /** Endpoint override for every service (LocalStack, tests). */
  endpoint?: string;
  credentials?: AwsCredentials;
}

/** Constructor options for any AWS SDK v3 client: only what was given, so the SDK's own defaults (env, profile) apply. */
export function clientConfig(o: AwsClientOptions): { region?: string; endpoint?: string; credentials?: AwsCredentials } {
  return {
    ...(o.region ? { region: o.region } : {}),
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    ...(o.credentials ? { credentials: o.credentials } : {}),
  };
}

/**
 * The outputs of a deployed stack, by OutputKey.
 *
 * @example const { QueueUrl } = await stackOutputs(new CloudFormationClient({}), 'ArticleExport');
 */
export async function stackOutputs(cfn: CloudFormationClient, stackName: string): Promise<Record<string, string>> {
  let res;
  try {
    res = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err.name === 'ValidationError' && /does not exist/i.test(err.message ?? '')) {
      const region = await cfn.config.region().catch(() => 'this region');
      throw new UsageError(`Stack "${stackName}" was not found in ${region}. Check --stack and --region (or AWS_REGION).`);
    }
    throw e;
  }
  const stack = res.Stacks?.[0];
  if (!stack) throw new UsageError(`Stack "${stackName}" was not found.`);
  return Object.fromEntries((stack.Outputs ?? []).flatMap((o) => (o.OutputKey && o.OutputValue !== undefined ? [[o.OutputKey, o.OutputValue]] : [])));
}

export function requireOutput(outputs: Record<string, string>, key: string, stackName: string): string {
  const value = outputs[key];
  if (!value) throw new UsageError(`Stack "${stackName}" has no output ${key}; is it an article-export stack, deployed with this version?`);
  return value;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
