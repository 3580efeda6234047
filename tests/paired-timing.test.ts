import { describe, expect, it } from "vitest";
import { measureInterleaved, median, roundRatios, sum } from "../bench/paired-timing.mjs";

/**
 * A simulated clock: `work(ms)` advances it. The timing logic is tested on exact costs, so the test
 * does not depend on how loaded the machine is (a real spin under preemption can read anything).
 */
function simulatedClock(): { now: () => number; work: (ms: number) => void } {
  let time = 0;
  return { now: () => time, work: (ms) => { time += ms; } };
}

describe("measureInterleaved", () => {
  it("runs every item under every subject, once per round plus one warm-up round", async () => {
    const calls: string[] = [];
    const timings = await measureInterleaved({
      subjects: ["a", "b", "c"],
      items: [0, 1, 2, 3, 4, 5],
      rounds: 2,
      run: async (subject: string, item: number) => {
        calls.push(`${subject}${item}`);
      },
    });
    expect(calls).toHaveLength(3 * 6 * 3);
    expect(timings.map((t: { subject: string }) => t.subject)).toEqual(["a", "b", "c"]);
    // Warm-up excluded: one total per timed round.
    for (const t of timings) expect(t.roundTotalsMs).toHaveLength(2);
  });

  it("rotates the order so each subject goes first equally often", async () => {
    const firsts = new Map<string, number>();
    let position = 0;
    await measureInterleaved({
      subjects: ["a", "b", "c"],
      items: Array.from({ length: 9 }, (_, i) => i),
      rounds: 1,
      run: async (subject: string) => {
        if (position++ % 3 === 0) firsts.set(subject, (firsts.get(subject) ?? 0) + 1);
      },
    });
    // 9 items x 2 rounds (warm-up included) = 18 item slots, 6 each.
    expect(Object.fromEntries(firsts)).toEqual({ a: 6, b: 6, c: 6 });
  });

  it("keeps the fastest sample per item, so a one-off stall does not count", async () => {
    let currentRound = 0;
    const clock = simulatedClock();
    const timings = await measureInterleaved({
      now: clock.now,
      subjects: ["cheap", "dear"],
      items: [0, 1, 2, 3],
      rounds: 5,
      run: async (subject: string, item: number) => {
        clock.work(subject === "dear" ? 8 : 4);
        // One 80 ms stall, in timed round 2, on one item of the cheap subject.
        if (subject === "cheap" && item === 2 && currentRound === 2) clock.work(80);
      },
      beforeRound: (round: number) => {
        currentRound = round;
      },
    });
    const [cheap, dear] = timings;
    // The stall is left out of the minima: each item's fastest sample is its true cost.
    expect([...cheap.itemMinimaMs]).toEqual([4, 4, 4, 4]);
    expect([...dear.itemMinimaMs]).toEqual([8, 8, 8, 8]);
    expect(sum(dear.itemMinimaMs) / sum(cheap.itemMinimaMs)).toBe(2);
    // The stalled round's total shows the stall; the round ratios expose it.
    const ratios = roundRatios(dear, cheap);
    // Round 2: dear 32 ms against cheap 16 + 80 ms; the other rounds 32 against 16.
    expect(Math.min(...ratios)).toBeCloseTo(32 / 96);
    expect(Math.max(...ratios)).toBe(2);
  });
});

describe("median and sum", () => {
  it("computes the middle value and the total", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(sum(new Float64Array([1, 2, 3.5]))).toBe(6.5);
  });
});
