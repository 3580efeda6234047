import { describe, expect, it } from "vitest";
import { parseRegexOption } from "../../src/util/regex-option.js";

describe("parseRegexOption", () => {
  it("reads /source/flags with JavaScript's flags, dropping the stateful g and y", () => {
    expect(parseRegexOption("/^\\/public\\//")?.source).toBe("^\\/public\\/");
    const caseless = parseRegexOption("/^api_?key$/giy");
    expect(caseless?.flags).toBe("i");
    expect(caseless?.test("API_KEY")).toBe(true);
    expect(caseless?.test("API_KEY")).toBe(true);
  });

  it("leaves paths whose last segment is not a set of flags, and patterns that do not compile, as plain values", () => {
    expect(parseRegexOption("/orders/export")).toBeUndefined();
    expect(parseRegexOption("/api/v1/users")).toBeUndefined();
    expect(parseRegexOption("/health")).toBeUndefined();
    expect(parseRegexOption("changeme")).toBeUndefined();
    expect(parseRegexOption("/(unclosed/")).toBeUndefined();
  });
});
