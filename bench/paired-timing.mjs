// @ts-check
/**
 * Paired, interleaved timing: the measurement method behind `pnpm bench`.
 *
 * Comparing whole runs (all files with configuration A, then all files with B) on a shared 2-core
 * machine mixes the cost being measured with whatever else the machine did during each run: on
 * this project's CI-sized machine identical runs differ by ±20%. Instead, every item (a file) is
 * measured under every subject (a configuration) back to back, in an order that rotates from one
 * item to the next, so that slow drifts in machine speed hit all subjects alike. Repeating this for
 * several rounds gives each (subject, item) pair several samples; noise (preemption, a GC pause
 * that another subject's garbage triggered) only ever adds time, so the fastest sample of each pair
 * is the best estimate of its cost, and summing those minima over items gives a total per subject
 * that is stable to about a percent between bench runs.
 */

/**
 * @template S, I
 * @typedef {{
 *   subject: S,
 *   roundTotalsMs: number[],
 *   itemMinimaMs: Float64Array,
 * }} SubjectTiming
 */

/**
 * @template S, I
 * @param {{
 *   subjects: S[],
 *   items: I[],
 *   rounds: number,
 *   run: (subject: S, item: I) => Promise<unknown>,
 *   beforeRound?: (round: number) => void,
 *   afterRound?: (round: number, totalsMs: number[]) => void,
 *   now?: () => number,
 * }} options  `rounds` timed rounds follow one untimed warm-up round (round 0). `now` is the clock
 *   (performance.now by default; tests pass a simulated one so that they do not depend on the machine's load).
 * @returns {Promise<SubjectTiming<S, I>[]>} one entry per subject, in the order given
 */
export async function measureInterleaved({ subjects, items, rounds, run, beforeRound, afterRound, now = () => performance.now() }) {
  const timings = subjects.map((subject) => ({
    subject,
    roundTotalsMs: /** @type {number[]} */ ([]),
    itemMinimaMs: new Float64Array(items.length).fill(Number.POSITIVE_INFINITY),
  }));
  for (let round = 0; round <= rounds; round++) {
    beforeRound?.(round);
    const totals = subjects.map(() => 0);
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      const item = items[itemIndex];
      // Rotate the order per item: each subject runs first, second, ... equally often, and right
      // after each other subject equally often, so no subject always inherits another's garbage.
      for (let k = 0; k < subjects.length; k++) {
        const s = (k + itemIndex + round) % subjects.length;
        const t0 = now();
        await run(subjects[s], item);
        const elapsed = now() - t0;
        totals[s] += elapsed;
        if (round > 0 && elapsed < timings[s].itemMinimaMs[itemIndex]) timings[s].itemMinimaMs[itemIndex] = elapsed;
      }
    }
    if (round > 0) totals.forEach((total, s) => timings[s].roundTotalsMs.push(total));
    afterRound?.(round, totals);
  }
  return timings;
}

/** @param {ArrayLike<number>} values */
export function sum(values) {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Per round, this subject's total against the baseline's total of the same round: the spread of
 * these ratios shows how much a single whole-corpus comparison could be trusted on this machine.
 * @param {{ roundTotalsMs: number[] }} subject
 * @param {{ roundTotalsMs: number[] }} baseline
 */
export function roundRatios(subject, baseline) {
  return subject.roundTotalsMs.map((total, round) => total / baseline.roundTotalsMs[round]);
}
