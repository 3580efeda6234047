import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFolder, repo, writeTree } from "./helpers.js";

const fixtureFile = (file: string) => readFileSync(path.join(repo, "fixtures/analyzer/clones", file), "utf8");

describe("the on-disk cache keyed by content hash", () => {
  it("parses nothing on a warm run, gives the same duplicates, and reparses only a changed file", async () => {
    const root = writeTree({
      "src/lib/strings.ts": fixtureFile("src/lib/strings.ts"),
      "src/routes/posts.ts": fixtureFile("src/routes/posts.ts"),
      "src/jobs/sync.ts": fixtureFile("src/jobs/sync.ts"),
      "src/lib/retry.ts": fixtureFile("src/lib/retry.ts"),
    });
    const cacheDir = mkdtempSync(path.join(tmpdir(), "vibeguard-cache-"));
    const cold = await analyzeFolder(root, { cacheDir });
    expect(cold.stats).toMatchObject({ files: 4, parsed: 4, fromCache: 0 });
    const warm = await analyzeFolder(root, { cacheDir });
    expect(warm.stats).toMatchObject({ files: 4, parsed: 0, fromCache: 4 });
    expect(warm.duplicates).toEqual(cold.duplicates);

    appendFileSync(path.join(root, "src/jobs/sync.ts"), "\nexport const unrelated = 1;\n");
    const edited = await analyzeFolder(root, { cacheDir });
    expect(edited.stats).toMatchObject({ parsed: 1, fromCache: 3 });
    expect(edited.duplicates.map((d) => d.copy.unit.name).sort()).toEqual(["toSlug", "withRetries"]);
  });

  it("ignores a corrupt cache file instead of failing", async () => {
    const root = writeTree({ "src/lib/strings.ts": fixtureFile("src/lib/strings.ts") });
    const cacheDir = mkdtempSync(path.join(tmpdir(), "vibeguard-cache-"));
    appendFileSync(path.join(cacheDir, "analyzer-index.json"), "{ not json");
    const result = await analyzeFolder(root, { cacheDir });
    expect(result.stats.parsed).toBe(1);
    expect(result.diagnostics).toEqual([]);
  });
});
