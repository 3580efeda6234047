import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repo } from "./helpers.js";

// The compiled module: worker threads run the built worker script, which exists only next to the built code
// (`pnpm test` builds first). From the TypeScript sources, extraction always stays on one thread.
const { extractFiles } = (await import(path.join(repo, "packages/analyzer/dist/extract/extract-files.js"))) as typeof import("../src/extract/extract-files.js");

/** About 350 kB of source: two batches, one for each thread. */
const COPIES = 40;

function fixtureSources() {
  const dir = path.join(repo, "fixtures/analyzer/clones/src");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  // Enough copies (under other names) for several batches per thread.
  return Array.from({ length: COPIES }, (_, copy) => files.map((file) => ({ file: `copy${copy}/${file}`, text: readFileSync(path.join(dir, file), "utf8") }))).flat();
}

describe("parsing on worker threads", () => {
  it("gives the same indexes, in the same order, on two threads as on one", async () => {
    const sources = fixtureSources();
    const one = await extractFiles(sources, { threads: 1 });
    let progress = 0;
    const two = await extractFiles(sources, { threads: 2, minParallelBytes: 0, onProgress: (done) => (progress = done) });
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    expect(progress).toBe(sources.length);
    expect(two.indexes).toEqual(one.indexes);
    expect(one.indexes.filter((index) => index.parseError)).toHaveLength(COPIES); // broken.ts, reported by every copy
    expect(one.indexes.some((index) => index.units.length > 0)).toBe(true);
  }, 60_000);

  it("stays on one thread below the size where a thread pays for its start", async () => {
    const sources = fixtureSources().slice(0, 5);
    const result = await extractFiles(sources, { threads: 2 });
    expect(result.threads).toBe(1);
  });
});
