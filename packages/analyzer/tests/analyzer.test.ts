import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalyzeResult } from "@vibeguard/analyzer";
import { analyzeFolder, repo, writeTree } from "./helpers.js";

const fixture = path.join(repo, "fixtures/analyzer/clones");

describe("duplicated utilities in a fixture repository", () => {
  let result: AnalyzeResult;
  const pairs = () => result.duplicates.map((d) => `${d.copy.file}#${d.copy.unit.name} -> ${d.canonical.file}#${d.canonical.unit.name}`).sort();
  const find = (name: string) => result.duplicates.find((d) => d.copy.unit.name === name);

  beforeAll(async () => {
    result = await analyzeFolder(fixture);
  });

  it("reports exactly the planted copies, each against the utility to keep", () => {
    expect(pairs()).toEqual([
      "src/jobs/sync.ts#withRetries -> src/lib/retry.ts#retry",
      "src/routes/posts.ts#toSlug -> src/lib/strings.ts#slugify",
      "src/services/batching.ts#chunk -> src/lib/collections.ts#chunk",
      "src/ui/badge.ts#badgeText -> src/lib/status.ts#statusLabel",
      "src/ui/badge.ts#pastDue -> src/lib/status.ts#isOverdue",
      "src/ui/badge.ts#totalOf -> src/lib/collections.ts#sumBy",
    ]);
  });

  it("finds a type-1 copy (identical but for layout) as an exact match", () => {
    expect(find("chunk")).toMatchObject({ match: "exact", similarity: 1 });
  });

  it("finds a type-2 copy (renamed, other literals, types dropped) as an exact match", () => {
    const toSlug = find("toSlug")!;
    expect(toSlug).toMatchObject({ match: "exact", similarity: 1 });
    expect(toSlug.message).toBe("`toSlug` in src/routes/posts.ts duplicates `slugify` in src/lib/strings.ts (100% similar); import it instead");
  });

  it("finds a type-3 copy (statement added, renamed) with its similarity", () => {
    const copy = find("withRetries")!;
    expect(copy.match).toBe("near");
    expect(copy.similarity).toBeGreaterThanOrEqual(0.7);
    expect(copy.similarity).toBeLessThan(1);
    expect(copy.message).toMatch(/^`withRetries` in src\/jobs\/sync\.ts duplicates `retry` in src\/lib\/retry\.ts \(\d\d% similar\); import it instead$/);
  });

  it("sees through the common type-4 rewrites: switch vs if-chain, forEach vs for...of, ternary vs if/return, arrow vs declaration", () => {
    for (const name of ["badgeText", "totalOf", "pastDue"]) expect(find(name), name).toBeDefined();
  });

  it("spans the whole function in the copy's and the canonical's locations", () => {
    const toSlug = find("toSlug")!;
    expect([toSlug.copy.unit.startLine, toSlug.copy.unit.endLine]).toEqual([7, 15]);
    expect([toSlug.canonical.unit.startLine, toSlug.canonical.unit.endLine]).toEqual([2, 10]);
  });

  it("stays silent on overload lists, import blocks, types, two-statement helpers and same-shaped but different logic", () => {
    const names = result.duplicates.flatMap((d) => [d.copy.unit.name, d.canonical.unit.name]);
    for (const quiet of ["parseId", "percent", "sumPrices", "maxPrice", "capitalize"]) expect(names, quiet).not.toContain(quiet);
  });

  it("skips test files unless asked", async () => {
    expect(result.duplicates.some((d) => /tests?\/|__tests__/.test(d.copy.file))).toBe(false);
    expect(result.stats.skipped.test).toBe(2);
    const withTests = await analyzeFolder(fixture, { includeTests: true });
    const copies = withTests.duplicates.map((d) => d.copy.file);
    expect(copies).toContain("tests/strings.test.ts");
    expect(copies).toContain("src/lib/__tests__/collections.spec.ts");
  });

  it("reports a file that does not parse by name and analyses the rest", () => {
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ engine: "analyzer", kind: "parse-error", path: "src/broken.ts", line: 1, message: expect.stringMatching(/^src\/broken\.ts:1:\d+: could not parse: /) }),
    ]);
    expect(result.duplicates.length).toBe(6);
  });
});

describe("sloppy-mode scripts", () => {
  it("analyses CommonJS that only strict mode rejects (octal escapes, `with`), with no parse diagnostic", async () => {
    const helper = (name: string) => `module.exports.${name} = function (text) {\n  var clean = text.trim();\n  var parts = clean.split(",");\n  return parts.map(function (p) { return p.trim(); });\n};\n`;
    const root = writeTree({
      "lib/legacy.cjs": `var copyright = "\\251 2020";\n${helper("splitList")}`,
      "src/other.cjs": helper("toList"),
    });
    const result = await analyzeFolder(root);
    expect(result.diagnostics).toEqual([]);
    expect(result.duplicates.map((d) => d.message)).toEqual(["`toList` in src/other.cjs duplicates `splitList` in lib/legacy.cjs (100% similar); import it instead"]);
  });
});
