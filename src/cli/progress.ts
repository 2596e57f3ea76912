/**
 * The progress bar of a multi-file run, on a terminal only: done/total,
 * articles per second since the start, and the time left.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** One more input done (`file` is shown beside the bar). */
  tick(file: string): void;
  /** Prints a line above the bar (an error) without breaking it. */
  log(line: string): void;
  stop(): void;
}

export function progressBar(stream: NodeJS.WriteStream, total: number, label = 'extract'): Progress | null {
  if (total <= 1 || !stream.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} | {rate} articles/s | ETA {eta_formatted} | {file}`,
      hideCursor: true,
      etaBuffer: 200, // the ETA follows the last 200 inputs, not the last 10 (which jump with every long article)
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = performance.now();
  let done = 0;
  bar.start(total, 0, { file: '', rate: '0' });
  return {
    tick(file) {
      done++;
      const rate = done / Math.max(1e-3, (performance.now() - t0) / 1000);
      bar.increment({ file, rate: rate >= 100 ? rate.toFixed(0) : rate.toFixed(1) });
    },
    log(line) {
      stream.write(`\r\x1b[K${line}\n`);
    },
    stop: () => bar.stop(),
  };
}
