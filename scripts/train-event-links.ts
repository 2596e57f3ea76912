/**
 * Trains the event stage's MEANTIME-learned decisions and writes
 * models/event-participants.bin (participant roles) and models/event-coref.bin
 * (event coreference within an article).
 *
 *   npx tsx scripts/train-event-links.ts [--out DIR] [--seed 13] [--epochs 10] [--min-count P,C] [--no-write]
 *
 * Data: MEANTIME apple and gm (../shared/data or $ARTICLE_EXPORT_DATA_DIR), run
 * through the shipping pipeline up to the event stage (so retrain after entity,
 * time or event-model changes). First the honest figures, cross-corpus: trained
 * on apple and scored on gm, then the reverse, each against the rules on the same
 * documents; then the shipped models, trained on both. Deterministic: the same
 * data, upstream models and seed give the same files byte for byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dataDir, numberArg, outDir, timedLog } from './script-args.js';
import { join } from 'node:path';
import { COREF_MODEL, PARTICIPANT_MODEL } from '../src/events/learned/models.js';
import { defaultLinkOptions, readLinkDocs, trainAndScoreLinks, trainLinkModels } from '../src/events/training/links.js';

const defaults = defaultLinkOptions(numberArg('seed', 13));
const counts = process.argv.includes('--min-count') ? process.argv[process.argv.indexOf('--min-count') + 1]!.split(',').map(Number) : null;
// --min-count P,C: the rare-feature cut of the participant and coreference models (LinkTrainOptions.minCount).
const minCount = counts ? { participants: counts[0]!, coreference: counts[1] ?? counts[0]! } : defaults.minCount;
const opts = { ...defaults, epochs: numberArg('epochs', 10), minCount };
const log = timedLog();

const apple = readLinkDocs(dataDir, 'apple');
const gm = readLinkDocs(dataDir, 'gm');
if (!apple.length || !gm.length) throw new Error(`MEANTIME apple/gm not found under ${dataDir}/meantime-en`);
log(`read ${apple.length} apple and ${gm.length} gm documents`);
const { models: _a, ...appleToGm } = trainAndScoreLinks(apple, gm, opts);
log('apple → gm scored');
const { models: _g, ...gmToApple } = trainAndScoreLinks(gm, apple, opts);
log('gm → apple scored');
const both = [...apple, ...gm];
const { participants, coreference, report } = trainLinkModels(both, opts);
if (!process.argv.includes('--no-write')) {
  mkdirSync(outDir, { recursive: true });
  for (const [spec, model] of [[PARTICIPANT_MODEL, participants], [COREF_MODEL, coreference]] as const) {
    const buf = model.toBuffer();
    writeFileSync(join(outDir, spec.file), buf);
    log(`wrote ${spec.file}: ${model.rows} feature rows, ${(buf.length / 1024).toFixed(1)} KB`);
  }
}
console.log(JSON.stringify({ options: opts, shipped: report, cross_corpus: { apple_to_gm: appleToGm, gm_to_apple: gmToApple } }, null, 2));
