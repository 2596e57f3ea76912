/**
 * The young generation V8 gives the pipeline, wherever it runs.
 *
 * Extraction allocates about 190 bytes per input byte (tokens, spans, maps),
 * nearly all of it dead by the end of the article. With V8's default 16 MB
 * semi-spaces an article run scavenges twice as often as with 64 MB ones, and each
 * scavenge copies the live half-built structures of the article in flight:
 * measured over BBC News, 86 scavenges against 44 and about 10% of the
 * pipeline's CPU time. The young generation cannot be grown from inside a
 * running isolate, so each place that starts one sets it:
 * - the Lambda function: `NODE_OPTIONS` in its environment (infra/extract-function.ts);
 * - the command line's worker threads: `resourceLimits` (src/cli/worker-pool.ts);
 * - the speed scripts (bench, profile, measure:lambda) re-run themselves with the flag,
 *   so what they time is what ships.
 * With `--jobs 1` the command line runs on its main thread, whose heap `node` set up with its defaults.
 */

/** Size of each of the two semi-spaces of the young generation, in MB. */
export const SEMI_SPACE_MB = 64;

/** The node flag that sets it (for NODE_OPTIONS or a node command line). */
export const SEMI_SPACE_FLAG = `--max-semi-space-size=${SEMI_SPACE_MB}`;

/**
 * The same size as a worker thread's `resourceLimits.maxYoungGenerationSizeMb`: V8's
 * young generation is three semi-spaces (two for copying, one for large objects).
 */
export const YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;
