import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { discoverFiles } from "@vibeguard/core";
import { describe, expect, it } from "vitest";
import { git, repo, writeTree } from "./helpers.js";

// The compiled modules: worker threads and the blame helper run built scripts, which exist only next to the
// built code (`pnpm test` builds first). From the TypeScript sources, both stay in the calling thread.
const dist = (file: string) => path.join(repo, "packages/analyzer/dist", file);
const { defaultThreads, extractFiles } = (await import(dist("extract/extract-files.js"))) as typeof import("../src/extract/extract-files.js");
const { analyzeDuplicates } = (await import(dist("index.js"))) as typeof import("../src/index.js");

/** About 350 kB of source: two batches, one for each thread. */
const COPIES = 40;

function fixtureSources() {
  const dir = path.join(repo, "fixtures/analyzer/clones/src");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
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

  it("by default parses on one thread per idle core, less one for V8's compiler and garbage collector", () => {
    expect(defaultThreads(2, 0)).toBe(1);
    expect(defaultThreads(4, 0)).toBe(3);
    expect(defaultThreads(4, 2.6)).toBe(1);
    expect(defaultThreads(8, 2)).toBe(5);
    expect(defaultThreads(2, 14)).toBe(1);
  });

  it("stays on one thread below the size where a thread pays for its start", async () => {
    const sources = fixtureSources().slice(0, 5);
    const result = await extractFiles(sources, { threads: 2 });
    expect(result.threads).toBe(1);
  });
});

describe("git blame in a helper process", () => {
  it("gives the canonical copy by history when many files tie on every other sign", async () => {
    // 20 private copies in 20 files: nothing but history tells them apart; the oldest is the last by path.
    const body = (name: string) => `function ${name}(items: number[]): number {\n  let total = 0;\n  for (const item of items) total += item;\n  if (total < 0) return 0;\n  return total;\n}\n`;
    const root = writeTree({ "src/z-oldest.ts": body("sumOldest") });
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "oldest", "--date", "2019-01-01T00:00:00Z");
    mkdirSync(path.join(root, "src/copies"));
    for (let i = 0; i < 19; i++) writeFileSync(path.join(root, `src/copies/c${String(i).padStart(2, "0")}.ts`), body(`sum${i}`));
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "copies", "--date", "2021-01-01T00:00:00Z");
    const { files } = await discoverFiles({ root });
    const messages: string[] = [];
    const result = await analyzeDuplicates({ root, files, cacheDir: false, threads: 1, debug: (message) => messages.push(message) });
    expect(messages.some((message) => message.includes("git blame of 20 files in a helper process"))).toBe(true);
    expect(result.duplicates).toHaveLength(19);
    expect(new Set(result.duplicates.map((duplicate) => `${duplicate.canonical.file}#${duplicate.canonical.unit.name}`))).toEqual(new Set(["src/z-oldest.ts#sumOldest"]));
  }, 30_000);
});
