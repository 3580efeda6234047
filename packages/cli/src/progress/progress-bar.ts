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
    { stream: process.stderr, format: "{engine} [{bar}] {value}/{total} files", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(engine, done, total) {
      if (!started) {
        bar.start(total, done, { engine });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { engine });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
