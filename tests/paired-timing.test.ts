import { describe, expect, it } from "vitest";
import { measureInterleaved, median, roundRatios, sum } from "../bench/paired-timing.mjs";

/** Spins for `ms` milliseconds: a cost the timer can see, unlike a sleep that yields. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy: the point is to take time
  }
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
    const timings = await measureInterleaved({
      subjects: ["cheap", "dear"],
      items: [0, 1, 2, 3],
      // Five rounds and work of several milliseconds, so a loaded machine's scheduling jitter cannot move the minima.
      rounds: 5,
      run: async (subject: string, item: number) => {
        spin(subject === "dear" ? 8 : 4);
        // One 80 ms stall, in timed round 2, on one item of the cheap subject.
        if (subject === "cheap" && item === 2 && currentRound === 2) spin(80);
      },
      beforeRound: (round: number) => {
        currentRound = round;
      },
    });
    const [cheap, dear] = timings;
    expect(Math.max(...cheap.itemMinimaMs)).toBeLessThan(40);
    const ratio = sum(dear.itemMinimaMs) / sum(cheap.itemMinimaMs);
    expect(ratio).toBeGreaterThan(1.4);
    expect(ratio).toBeLessThan(3);
    // The stalled round's total shows the stall; the round ratios expose it.
    const ratios = roundRatios(dear, cheap);
    expect(Math.min(...ratios)).toBeLessThan(1);
    expect(Math.max(...ratios)).toBeGreaterThan(1.4);
  });
});

describe("median and sum", () => {
  it("computes the middle value and the total", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(sum(new Float64Array([1, 2, 3.5]))).toBe(6.5);
  });
});
