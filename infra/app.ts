#!/usr/bin/env node
/**
 * CDK entry point (`cdk.json`: `npx tsx infra/app.ts`). Configure with context:
 * `npx cdk deploy -c inputSuffix=.txt -c useCustomerKey=true` (see docs/deploy.md).
 */
import { App } from 'aws-cdk-lib';
import { buildApp } from './build-app.js';

const app = new App();
buildApp(app);
app.synth();
