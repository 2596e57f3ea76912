/**
 * Trains the learned event components and writes models/event-mentions.bin,
 * models/event-factuality.bin and models/event-anchors.bin.
 *
 *   npx tsx scripts/train-events.ts [--no-meantime] [--out DIR] [--seed 13] [--epochs 12]
 *
 * Data (read from $ARTICLE_EXPORT_DATA_DIR or ../shared/data, never copied):
 * TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT) and MEANTIME apple + gm. A fixed
 * fifth of TimeBank (by document-id hash) is held out: epochs and the mention
 * threshold are selected on it and the figures printed are measured on it.
 * Deterministic: the same data and seed give the same files byte for byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dataDir, numberArg, outDir, timedLog } from './script-args.js';
import { join } from 'node:path';
import { ANCHOR_MODEL, FACTUALITY_MODEL, MENTION_MODEL } from '../src/events/learned/models.js';
import { buildEventModels, defaultBuildOptions, readEventCorpora } from '../src/events/training/build.js';

const seed = numberArg('seed', 13);
const epochs = numberArg('epochs', 12);
const log = timedLog();

const corpora = readEventCorpora(dataDir);
log(`read ${corpora.timemlTrain.length} TimeML training documents, ${corpora.timebankHeldOut.length} held out, ${corpora.meantime.length} MEANTIME`);
const built = buildEventModels(corpora, defaultBuildOptions(!process.argv.includes('--no-meantime'), seed, epochs, log));
mkdirSync(outDir, { recursive: true });
for (const [spec, model] of [[MENTION_MODEL, built.mentions], [FACTUALITY_MODEL, built.factuality], [ANCHOR_MODEL, built.anchors]] as const) {
  const buf = model.toBuffer();
  writeFileSync(join(outDir, spec.file), buf);
  log(`wrote ${spec.file}: ${model.rows} feature rows, ${(buf.length / 1024).toFixed(0)} KB`);
}
console.log(JSON.stringify(built.report, null, 2));
