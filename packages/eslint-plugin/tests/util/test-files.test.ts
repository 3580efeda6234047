import { describe, expect, it } from "vitest";
import { isTestFile } from "../../src/util/test-files.js";

describe("isTestFile", () => {
  it.each([
    ["/repo/src/user.test.ts", true],
    ["/repo/src/user.spec.mjs", true],
    ["/repo/e2e/login.ts", true],
    ["/repo/src/__tests__/user.ts", true],
    ["/repo/test/helpers.js", true],
    ["C:\\repo\\tests\\helpers.js", true],
    ["/repo/src/user.ts", false],
    ["/repo/src/test.utils/user.ts", false],
    ["/repo/src/user.test.data.json", false],
    ["/repo/src/latest/user.ts", false],
    ["/repo/contest/user.ts", false],
  ])("%s → %s", (filename, expected) => expect(isTestFile(filename)).toBe(expected));

  it("answers each file on its own when files alternate (the last answer is kept)", () => {
    for (let round = 0; round < 2; round++) {
      expect(isTestFile("/repo/src/a.test.ts")).toBe(true);
      expect(isTestFile("/repo/src/a.test.ts")).toBe(true);
      expect(isTestFile("/repo/src/a.ts")).toBe(false);
      expect(isTestFile("/repo/src/a.ts")).toBe(false);
    }
  });
});
