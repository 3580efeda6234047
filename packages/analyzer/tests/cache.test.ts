import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { analyzerCodeStamp } from "../src/cache.js";
import { analyzeFolder, git, repo, writeTree } from "./helpers.js";

const fixtureFile = (file: string) => readFileSync(path.join(repo, "fixtures/analyzer/clones", file), "utf8");
const CACHE_FILE = "analyzer-index.v8";
const newCacheDir = () => mkdtempSync(path.join(tmpdir(), "vibeguard-cache-"));
const copies = (result: Awaited<ReturnType<typeof analyzeFolder>>) => result.duplicates.map((d) => `${d.copy.file}#${d.copy.unit.name} -> ${d.canonical.file}#${d.canonical.unit.name}`).sort();
/** Files are stamped (reused unread) only once their times are more than 2 s old: a write in the same clock tick could go unseen. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));

function stringsTree() {
  return writeTree({
    "src/lib/strings.ts": fixtureFile("src/lib/strings.ts"),
    "src/routes/posts.ts": fixtureFile("src/routes/posts.ts"),
    "src/jobs/sync.ts": fixtureFile("src/jobs/sync.ts"),
    "src/lib/retry.ts": fixtureFile("src/lib/retry.ts"),
  });
}

describe("the on-disk cache keyed by content hash", () => {
  it("parses nothing on a warm run, gives the same duplicates, and reparses only a changed file", async () => {
    const root = stringsTree();
    const cacheDir = newCacheDir();
    const cold = await analyzeFolder(root, { cacheDir });
    expect(cold.stats).toMatchObject({ files: 4, parsed: 4, fromCache: 0, matchReused: false });
    const warm = await analyzeFolder(root, { cacheDir });
    expect(warm.stats).toMatchObject({ files: 4, parsed: 0, fromCache: 4, matchReused: true });
    expect(warm.duplicates).toEqual(cold.duplicates);

    appendFileSync(path.join(root, "src/jobs/sync.ts"), "\nexport const unrelated = 1;\n");
    const edited = await analyzeFolder(root, { cacheDir });
    expect(edited.stats).toMatchObject({ parsed: 1, fromCache: 3, matchReused: false });
    expect(edited.duplicates.map((d) => d.copy.unit.name).sort()).toEqual(["toSlug", "withRetries"]);
  });

  it("does not read files whose size and times are unchanged, and still sees an edit that keeps size and mtime", async () => {
    const root = stringsTree();
    const cacheDir = newCacheDir();
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const posts = path.join(root, "src/routes/posts.ts");
    utimesSync(posts, hourAgo, hourAgo);
    await settle();
    const cold = await analyzeFolder(root, { cacheDir });
    expect(cold.stats).toMatchObject({ parsed: 4, unread: 0 });
    const warm = await analyzeFolder(root, { cacheDir });
    expect(warm.stats).toMatchObject({ parsed: 0, unread: 4, matchReused: true });
    expect(copies(warm)).toEqual(copies(cold));

    // Same length, mtime put back: only the change time (which no tool can set back) tells.
    const before = statSync(posts);
    const text = readFileSync(posts, "utf8");
    writeFileSync(posts, text.replace("const toSlug", "const toSlg "));
    utimesSync(posts, hourAgo, hourAgo);
    expect(statSync(posts)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
    const edited = await analyzeFolder(root, { cacheDir });
    expect(edited.stats).toMatchObject({ parsed: 1, unread: 3, matchReused: false });
    expect(copies(edited)).toContain("src/routes/posts.ts#toSlg -> src/lib/strings.ts#slugify");
    expect(copies(edited)).not.toContain("src/routes/posts.ts#toSlug -> src/lib/strings.ts#slugify");
  }, 15_000);

  it("drops the findings of a deleted file and finds those of a new file, every other file coming from the cache", async () => {
    const root = stringsTree();
    const cacheDir = newCacheDir();
    const cold = await analyzeFolder(root, { cacheDir });
    expect(copies(cold)).toContain("src/routes/posts.ts#toSlug -> src/lib/strings.ts#slugify");

    rmSync(path.join(root, "src/routes/posts.ts"));
    const deleted = await analyzeFolder(root, { cacheDir });
    expect(deleted.stats).toMatchObject({ files: 3, parsed: 0, matchReused: false });
    expect(copies(deleted).filter((copy) => copy.includes("posts.ts"))).toEqual([]);

    writeFileSync(path.join(root, "src/routes/pages.ts"), fixtureFile("src/routes/posts.ts"));
    const added = await analyzeFolder(root, { cacheDir });
    expect(added.stats).toMatchObject({ files: 4, parsed: 1, fromCache: 3, matchReused: false });
    expect(copies(added)).toContain("src/routes/pages.ts#toSlug -> src/lib/strings.ts#slugify");
  });

  it("matches again when the configuration selects other files (tests included)", async () => {
    const root = writeTree({
      "src/lib/strings.ts": fixtureFile("src/lib/strings.ts"),
      "src/__tests__/slug.ts": fixtureFile("src/routes/posts.ts"),
    });
    const cacheDir = newCacheDir();
    expect(copies(await analyzeFolder(root, { cacheDir }))).toEqual([]);
    const withTests = await analyzeFolder(root, { cacheDir, includeTests: true });
    expect(withTests.stats).toMatchObject({ files: 2, matchReused: false });
    expect(copies(withTests)).toEqual(["src/__tests__/slug.ts#toSlug -> src/lib/strings.ts#slugify"]);
    const without = await analyzeFolder(root, { cacheDir });
    expect(without.stats.matchReused).toBe(false);
    expect(copies(without)).toEqual([]);
  });

  it("ignores a cache written by another analyzer version", async () => {
    const root = stringsTree();
    const cacheDir = newCacheDir();
    const cold = await analyzeFolder(root, { cacheDir });
    const file = path.join(cacheDir, CACHE_FILE);
    const stored = deserialize(readFileSync(file)) as { version: string };
    writeFileSync(file, serialize({ ...stored, version: `0:${stored.version}` }));
    const other = await analyzeFolder(root, { cacheDir });
    expect(other.stats).toMatchObject({ parsed: 4, fromCache: 0, matchReused: false });
    expect(copies(other)).toEqual(copies(cold));
  });

  it("does not reuse a matching whose canonical choice rested on uncommitted lines", async () => {
    // Two private identical copies: nothing but git history tells which one to keep.
    const body = fixtureFile("src/lib/strings.ts").replace(/export function/g, "function");
    const root = writeTree({ "src/a.ts": body, "src/b.ts": body });
    git(root, "init", "-q");
    const cacheDir = newCacheDir();
    const uncommitted = await analyzeFolder(root, { cacheDir });
    expect(copies(uncommitted)).toContain("src/b.ts#slugify -> src/a.ts#slugify");

    git(root, "add", "src/b.ts");
    git(root, "commit", "-q", "-m", "b first", "--date", "2020-01-01T00:00:00Z");
    git(root, "add", "src/a.ts");
    git(root, "commit", "-q", "-m", "a later", "--date", "2021-01-01T00:00:00Z");
    const committed = await analyzeFolder(root, { cacheDir });
    expect(committed.stats).toMatchObject({ parsed: 0, matchReused: false });
    expect(copies(committed)).toContain("src/a.ts#slugify -> src/b.ts#slugify");
    // Now every tie is settled by committed lines: the next run reuses the matching.
    const again = await analyzeFolder(root, { cacheDir });
    expect(again.stats.matchReused).toBe(true);
    expect(copies(again)).toEqual(copies(committed));
  });

  it("keeps the blame times through runs that reuse the matching, so an edit elsewhere asks git nothing again", async () => {
    // Two private identical copies, committed at different times: only history picks the one to keep.
    const body = fixtureFile("src/lib/strings.ts").replace(/export function/g, "function");
    const root = writeTree({ "src/b.ts": body, "src/other.ts": "export const one = 1;\n" });
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "b", "--date", "2020-01-01T00:00:00Z");
    writeFileSync(path.join(root, "src/a.ts"), body);
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "a", "--date", "2021-01-01T00:00:00Z");
    const cacheDir = newCacheDir();
    const cold = await analyzeFolder(root, { cacheDir });
    expect(cold.stats.blamed).toBeGreaterThan(0);
    expect(copies(cold)).toContain("src/a.ts#slugify -> src/b.ts#slugify");
    expect((await analyzeFolder(root, { cacheDir })).stats).toMatchObject({ matchReused: true, blamed: 0 });

    appendFileSync(path.join(root, "src/other.ts"), "export const two = 2;\n");
    const edited = await analyzeFolder(root, { cacheDir });
    expect(edited.stats).toMatchObject({ matchReused: false, blamed: 0 });
    expect(copies(edited)).toEqual(copies(cold));
  });

  it("ignores a corrupt cache file instead of failing", async () => {
    const root = writeTree({ "src/lib/strings.ts": fixtureFile("src/lib/strings.ts") });
    const cacheDir = newCacheDir();
    appendFileSync(path.join(cacheDir, CACHE_FILE), "{ not a v8 value");
    const result = await analyzeFolder(root, { cacheDir });
    expect(result.stats.parsed).toBe(1);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("the stamp of the analyzer's own code in the cache version", () => {
  it("changes when a module's size or modification time changes, and ignores declaration files", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vibeguard-code-"));
    try {
      writeFileSync(path.join(dir, "match.js"), "export const a = 1;\n");
      writeFileSync(path.join(dir, "match.d.ts"), "export declare const a: number;\n");
      const first = analyzerCodeStamp(dir);
      expect(analyzerCodeStamp(dir)).toBe(first);

      writeFileSync(path.join(dir, "match.d.ts"), "export declare const a: 1;\n");
      expect(analyzerCodeStamp(dir), "a .d.ts is not code").toBe(first);

      const { mtime } = statSync(path.join(dir, "match.js"));
      utimesSync(path.join(dir, "match.js"), mtime, new Date(mtime.getTime() + 5000));
      const touched = analyzerCodeStamp(dir);
      expect(touched, "a rebuilt module").not.toBe(first);

      appendFileSync(path.join(dir, "match.js"), "export const b = 2;\n");
      expect(analyzerCodeStamp(dir), "an edited module").not.toBe(touched);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
