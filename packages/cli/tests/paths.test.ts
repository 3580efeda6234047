import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENGINES as ENGINE_NAMES, readResults } from "@vibeguard/core";
import { ENGINES } from "../src/engines/index.js";
import { runCli } from "./run-cli.js";

const SWALLOWED = `export async function load(read) {\n  try {\n    return await read();\n  } catch (err) {}\n}\n`;

/** A folder holding a git repository `repo` (with a nested package) and a sibling working directory `work`. */
function workspace(workGitignore: boolean): { outer: string; repo: string; work: string } {
  const outer = realpathSync(mkdtempSync(path.join(tmpdir(), "vg-paths-")));
  const files: Record<string, string> = {
    "repo/.gitignore": "generated/\n",
    "repo/packages/app/src/load.js": SWALLOWED,
    "repo/packages/app/src/generated/client.js": SWALLOWED,
    "repo/packages/app/lib/util.js": SWALLOWED,
    "work/src/local.js": SWALLOWED,
  };
  if (workGitignore) files["work/.gitignore"] = "node_modules/\n";
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(outer, name)), { recursive: true });
    writeFileSync(path.join(outer, name), text);
  }
  execFileSync("git", ["init", "-q"], { cwd: path.join(outer, "repo") });
  return { outer, repo: path.join(outer, "repo"), work: path.join(outer, "work") };
}

const foundPaths = (args: string[], cwd: string) => {
  const run = runCli(["scan", "--format", "json", "--fail-on", "never", ...args], cwd);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return [...new Set(readResults(run.stdout, "stdout").findings.map((f) => f.location.path))].sort();
};

describe("vibeguard scan: paths outside the working directory", () => {
  for (const withGitignore of [true, false]) {
    it(`scans them, relative to their git root, from a directory ${withGitignore ? "with" : "without"} a .gitignore`, () => {
      const { repo, work } = workspace(withGitignore);
      const expected = ["packages/app/lib/util.js", "packages/app/src/load.js"];
      expect(foundPaths(["../repo/packages/app"], work)).toEqual(expected);
      expect(foundPaths([path.join(repo, "packages/app")], work)).toEqual(expected);
      expect(foundPaths(["../repo/packages/app/src/load.js"], work)).toEqual(["packages/app/src/load.js"]);
    });
  }

  it("gives the same paths whatever the working directory: the repo, a subfolder, `..` or a symlink to it", () => {
    const { outer, repo } = workspace(true);
    const expected = ["packages/app/lib/util.js", "packages/app/src/load.js"];
    expect(foundPaths([], path.join(repo, "packages/app"))).toEqual(expected);
    expect(foundPaths(["packages/app"], repo)).toEqual(expected);
    expect(foundPaths([".."], path.join(repo, "packages/app/src"))).toEqual(expected);
    symlinkSync(path.join(repo, "packages/app"), path.join(outer, "app-link"));
    expect(foundPaths(["."], path.join(outer, "app-link"))).toEqual(expected);
    expect(foundPaths(["../app-link/src"], path.join(outer, "work"))).toEqual(["packages/app/src/load.js"]);
  });

  it("scans a mix of inside and outside paths, relative to their common folder", () => {
    const { work } = workspace(true);
    expect(foundPaths(["src", "../repo/packages/app/lib"], work)).toEqual(["repo/packages/app/lib/util.js", "work/src/local.js"]);
  });

  it("names the root in text output when it is not the working directory", () => {
    const { repo, work } = workspace(true);
    const run = runCli(["scan", "../repo/packages/app/src"], work);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("packages/app/src/load.js");
    expect(run.stderr).toBe(`vibeguard: paths are relative to ${repo}\n`);
  });
});

describe("vibeguard scan: nothing to scan", () => {
  it("exits 2 when the paths hold no source file, and 0 with --allow-empty", () => {
    const { outer } = workspace(false);
    mkdirSync(path.join(outer, "docs"));
    writeFileSync(path.join(outer, "docs/README.md"), "# docs\n");
    const run = runCli(["scan", "docs"], outer);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no JavaScript or TypeScript file to scan in docs");
    expect(run.stderr).toContain("--allow-empty");
    const allowed = runCli(["scan", "docs", "--allow-empty"], outer);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain("no problems in 0 file(s)");
    const namedFile = runCli(["scan", "docs/README.md"], outer);
    expect(namedFile.code).toBe(2);
    expect(namedFile.stderr).toContain("(README.md: skipped, not a JavaScript or TypeScript file)");
  });

  it("exits 2 when --only names an engine that this build does not have", () => {
    const missing = ENGINE_NAMES.filter((name) => !ENGINES.has(name));
    if (!missing.length) return; // every engine has landed; nothing to be unavailable
    const { work } = workspace(false);
    const run = runCli(["scan", "--only", missing[0]!], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--only ${missing[0]}: the ${missing[0]} engine is not available in this version of vibeguard`);
  });

  it("exits 2 when no engine is left to run", () => {
    const { work } = workspace(false);
    const run = runCli(["scan", "--skip", [...ENGINES.keys()].join(",")], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no engine left to run");
  });
});
