// @ts-check
/**
 * How many bytes a piece of work allocates, garbage included, from V8's sampling heap profiler.
 *
 * The timing estimate of `pnpm bench` (per-file minima) leaves GC pauses out, because a pause lands
 * on whichever configuration happens to be running. A rule's share of GC work follows what it
 * allocates, so the bench reports allocations next to the times: a rule that allocated heavily
 * would show here even where the minima hide its GC cost.
 */
import { Session } from "node:inspector/promises";

/** Sampling interval: about one sample per 32 KiB allocated, which on ~2 GB gives ~60k samples. */
const SAMPLING_INTERVAL_BYTES = 32 * 1024;

/**
 * @param {() => Promise<unknown>} work
 * @returns {Promise<number>} bytes allocated while `work` ran (sampled estimate, collected objects included)
 */
export async function measureAllocatedBytes(work) {
  const session = new Session();
  session.connect();
  try {
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: SAMPLING_INTERVAL_BYTES,
      // Without these, V8 keeps only samples of objects still alive at the end: the garbage, which
      // is what costs GC time, would be missing.
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    await work();
    const { profile } = await session.post("HeapProfiler.stopSampling");
    let total = 0;
    for (const sample of profile.samples) total += sample.size;
    return total;
  } finally {
    session.disconnect();
  }
}
