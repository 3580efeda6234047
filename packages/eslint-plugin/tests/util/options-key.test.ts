import { describe, expect, it } from "vitest";
import { optionsKey } from "../../src/util/options-key.js";

describe("optionsKey", () => {
  it("is equal for equal data and differs for different data", () => {
    expect(optionsKey({ a: ["x"], b: { c: 1, d: true, e: null } })).toBe(optionsKey({ a: ["x"], b: { c: 1, d: true, e: null } }));
    expect(optionsKey({ a: ["x"] })).not.toBe(optionsKey({ a: ["y"] }));
    expect(optionsKey({ a: 1 })).not.toBe(optionsKey({ a: "1" }));
  });

  it("is undefined for values JSON would lose", () => {
    for (const value of [{ a: () => 1 }, { a: /x/ }, { a: undefined }, { a: Number.NaN }, { a: new Date(0) }, [Symbol("s")]]) {
      expect(optionsKey(value)).toBeUndefined();
    }
  });
});
