/**
 * Builds the article-export app on a given CDK App: the stack configured from
 * context, plus cdk-nag AwsSolutions checks that run on every synth (a finding
 * that is not acknowledged with a reason fails the synth).
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ArticleExportStack } from './article-export-stack.js';
import { readConfig } from './config.js';

/**
 * @example
 * const app = new App({ context: { inputSuffix: '.txt' } });
 * const stack = buildApp(app);
 * app.synth();
 */
export function buildApp(app: App): ArticleExportStack {
  const { stackName, props } = readConfig(app.node);
  const stack = new ArticleExportStack(app, stackName, {
    ...props,
    description: 'article-export: S3 → SQS → Lambda pipeline turning news articles into JSON and CSV datasets',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
