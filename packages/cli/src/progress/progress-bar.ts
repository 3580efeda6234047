import cliProgress from "cli-progress";

/** Reports engine progress: `update(engine, done, total)`, then `stop()`. */
export interface Progress {
  update(engine: string, done: number, total: number): void;
  stop(): void;
}

const silent: Progress = { update() {}, stop() {} };

/**
 * A progress bar on stderr, only when stderr is an interactive terminal (never in CI logs or pipes,
 * where it would only add noise), so stdout stays clean for machine formats.
 */
export function createProgress(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY || process.env.CI) return silent;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "{engine} [{bar}] {value}/{total} files | {rate} files/s | ETA {eta_formatted}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let startedAt = 0;
  const rate = (done: number) => (done / Math.max((performance.now() - startedAt) / 1000, 0.001)).toFixed(0);
  return {
    update(engine, done, total) {
      if (!started) {
        startedAt = performance.now();
        bar.start(total, done, { engine, rate: "–" });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { engine, rate: rate(done) });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
