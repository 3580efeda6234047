import { describe, expect, it } from "vitest";
import { measureAllocatedBytes } from "../bench/allocations.mjs";

describe("measureAllocatedBytes", () => {
  it("counts garbage as well as what survives, within sampling error", async () => {
    // 200k arrays of 16 numbers, each dropped at once: ~200k x (16 x 8 + headers) ≈ 30 MB of garbage.
    const garbage = await measureAllocatedBytes(async () => {
      let checksum = 0;
      for (let i = 0; i < 200_000; i++) checksum += new Array(16).fill(i)[15];
      return checksum;
    });
    expect(garbage).toBeGreaterThan(20 * 2 ** 20);
    expect(garbage).toBeLessThan(60 * 2 ** 20);
  });

  it("tells more allocation from less", async () => {
    const allocate = (count: number) => async () => {
      const kept: number[][] = [];
      for (let i = 0; i < count; i++) kept.push([i, i, i, i]);
      return kept.length;
    };
    const small = await measureAllocatedBytes(allocate(50_000));
    const large = await measureAllocatedBytes(allocate(400_000));
    expect(large / small).toBeGreaterThan(5);
    expect(large / small).toBeLessThan(12);
  });
});
