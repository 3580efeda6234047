import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverFiles, PathNotFoundError } from "@vibeguard/core";

function tree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), "vg-paths-")));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}
const gitInit = (dir: string) => execFileSync("git", ["init", "-q"], { cwd: dir });
const CODE = "export const a = 1;\n";

describe("discovery: what is scanned", () => {
  it("scans dot-folders and dotfiles, but not .git and caches", async () => {
    const root = tree({
      ".eslintrc.js": CODE,
      ".storybook/main.ts": CODE,
      ".github/scripts/release.js": CODE,
      ".git/hooks/pre-commit.js": CODE,
      ".cache/x.js": CODE,
      ".yarn/releases/yarn.cjs": CODE,
      "src/a.js": CODE,
    });
    const { files } = await discoverFiles({ root });
    expect(files).toEqual([".eslintrc.js", ".github/scripts/release.js", ".storybook/main.ts", "src/a.js"]);
  });

  it("opens only regular files: a folder named like a source file is walked, not linted", async () => {
    const root = tree({ "bignumber.js/package.json": "{}", "bignumber.js/bignumber.mjs": CODE, "x.js/logo.png": "png" });
    const { files, problems } = await discoverFiles({ root });
    expect(files).toEqual(["bignumber.js/bignumber.mjs"]);
    expect(problems).toEqual([]);
  });

  it("names a FIFO as skipped instead of opening it (which would hang)", async () => {
    const root = tree({ "src/a.js": CODE });
    execFileSync("mkfifo", [path.join(root, "src/pipe.js")]);
    const { files, problems } = await discoverFiles({ root });
    expect(files).toEqual(["src/a.js"]);
    expect(problems).toEqual([expect.objectContaining({ kind: "unreadable", path: "src/pipe.js", message: "src/pipe.js: a FIFO, not a regular file; skipped" })]);
    // Named on the command line, too.
    const named = await discoverFiles({ root, paths: ["src/pipe.js"] });
    expect(named.files).toEqual([]);
    expect(named.problems[0]!.message).toMatch(/src\/pipe\.js: a FIFO/);
  });

  it("says 'symlink loop' for a named path that loops", async () => {
    const root = tree({ "src/a.js": CODE });
    symlinkSync(path.join(root, "loop"), path.join(root, "loop"));
    const error = await discoverFiles({ root, paths: ["loop"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PathNotFoundError);
    expect((error as Error).message).toBe("symlink loop: loop");
  });

  it("does not follow a symlinked folder while walking (no loops, no escapes)", async () => {
    const root = tree({ "src/a.js": CODE });
    symlinkSync(root, path.join(root, "src/up"));
    expect((await discoverFiles({ root })).files).toEqual(["src/a.js"]);
  });
});

describe("discovery: paths and root", () => {
  it("scans a folder outside the working directory, relative to its git root, with every .gitignore above it", async () => {
    const outer = tree({
      "repo/.gitignore": "generated/\n*.tmp.js\n",
      "repo/packages/app/.gitignore": "!keep.tmp.js\n",
      "repo/packages/app/src/a.js": CODE,
      "repo/packages/app/src/generated/g.js": CODE,
      "repo/packages/app/src/scratch.tmp.js": CODE,
      "repo/packages/app/src/keep.tmp.js": CODE,
      "elsewhere/.gitignore": "*.js\n",
    });
    gitInit(path.join(outer, "repo"));
    const result = await discoverFiles({ cwd: path.join(outer, "elsewhere"), paths: ["../repo/packages/app"] });
    expect(result.root).toBe(path.join(outer, "repo"));
    expect(result.files).toEqual(["packages/app/src/a.js", "packages/app/src/keep.tmp.js"]);
    // The same from inside the package: the root's .gitignore still applies, and paths do not change.
    const fromInside = await discoverFiles({ cwd: path.join(outer, "repo/packages/app") });
    expect(fromInside).toEqual(result);
  });

  it("uses the scanned folder as the root outside git, and the common folder for several", async () => {
    const outer = tree({ "a/x.js": CODE, "b/y.ts": CODE, "b/z.js": CODE });
    expect(await discoverFiles({ cwd: outer, paths: ["a"] })).toMatchObject({ root: path.join(outer, "a"), files: ["x.js"] });
    expect(await discoverFiles({ cwd: path.join(outer, "a"), paths: [".", "../b/y.ts"] })).toMatchObject({ root: outer, files: ["a/x.js", "b/y.ts"] });
  });

  it("reports an ignore pattern too large to compile by file and line, and applies the other lines", async () => {
    const root = tree({ ".gitignore": `tmp/\n${"a".repeat(40_000)}*\nlogs/\n`, "src/a.js": CODE, "tmp/t.js": CODE, "logs/l.js": CODE });
    const { files, problems } = await discoverFiles({ root });
    expect(files).toEqual(["src/a.js"]);
    expect(problems).toEqual([expect.objectContaining({ kind: "config", path: ".gitignore", line: 2 })]);
    expect(problems[0]!.message).toMatch(/^\.gitignore:2: ignore pattern skipped, it cannot be compiled \(Regular expression too large\)/);
  });

  it("skips binary files whatever their name", async () => {
    const root = tree({ "src/a.js": CODE, "src/blob.js": "\u0000\u0001\u0002binary" });
    const { files, skipped } = await discoverFiles({ root });
    expect(files).toEqual(["src/a.js"]);
    expect(skipped.map((d) => d.message)).toEqual(["src/blob.js: skipped, binary file (contains NUL bytes)"]);
  });
});
