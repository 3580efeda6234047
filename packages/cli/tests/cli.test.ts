import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readResults } from "@vibeguard/core";
import { makeProject, runCli } from "./run-cli.js";

// A swallowed error and string-built SQL: both found by the recommended rules.
const SWALLOWED = `export async function loadSettings(read) {\n  try {\n    return await read();\n  } catch (err) {}\n}\n`;
const CLEAN = `export function add(a, b) {\n  return a + b;\n}\n`;

const json = (stdout: string) => readResults(stdout, "stdout");

describe("vibeguard scan: exit codes", () => {
  it("exits 0 on a clean project", () => {
    const root = makeProject({ "src/math.js": CLEAN });
    const run = runCli(["scan"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/no problems in 1 file/);
  });

  it("exits 1 when a finding reaches --fail-on, 0 with --fail-on never", () => {
    const root = makeProject({ "src/settings.js": SWALLOWED, "src/math.js": CLEAN });
    const run = runCli(["scan"], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("src/settings.js");
    expect(run.stdout).toContain("no-swallowed-error");
    expect(runCli(["scan", "--fail-on", "never"], root).code).toBe(0);
  });

  it("exits 2 naming a path that does not exist", () => {
    const run = runCli(["scan", "src/nope"], makeProject({ "src/a.js": CLEAN }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("path does not exist: src/nope");
  });

  it("exits 2 naming the bad key of a config file, with a did-you-mean", () => {
    const root = makeProject({ "src/a.js": CLEAN, "vibeguard.config.json": '{ "failon": "warning" }' });
    const run = runCli(["scan"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/vibeguard\.config\.json: unknown key "failon"/);
    expect(run.stderr).toContain('did you mean "failOn"?');
  });

  it("exits 2 on a config file with broken syntax, naming it", () => {
    const root = makeProject({ "src/a.js": CLEAN, "vibeguard.config.json": '{ "failOn": ' });
    const run = runCli(["scan"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot parse .*vibeguard\.config\.json/);
  });

  it("exits 2 on an unknown rule in a TypeScript config", () => {
    const root = makeProject({
      "src/a.js": CLEAN,
      "vibeguard.config.ts": 'const config: { rules: Record<string, string> } = { rules: { "no-swallowed-errors": "off" } };\nexport default config;\n',
    });
    const run = runCli(["scan"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown rule "no-swallowed-errors"');
    expect(run.stderr).toContain('did you mean "no-swallowed-error"?');
  });

  it("exits 2 on a rule level that is not a severity or off", () => {
    const root = makeProject({ "src/a.js": CLEAN, "vibeguard.config.json": '{ "rules": { "no-swallowed-error": "warn" } }' });
    const run = runCli(["scan"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"rules.no-swallowed-error" is "warn"');
  });

  it("reads package.json#vibeguard and applies rule overrides", () => {
    const root = makeProject({
      "src/settings.js": SWALLOWED,
      "package.json": JSON.stringify({ name: "app", vibeguard: { rules: { "no-swallowed-error": "off" } } }),
    });
    expect(runCli(["scan"], root).code).toBe(0);
  });

  it("exits 2 on usage errors", () => {
    const root = makeProject({ "src/a.js": CLEAN });
    expect(runCli(["scan", "--format", "xml"], root).code).toBe(2);
    const baseWithoutChanged = runCli(["scan", "--base", "main"], root);
    expect(baseWithoutChanged.code).toBe(2);
    expect(baseWithoutChanged.stderr).toContain("--base only makes sense with --changed");
    expect(runCli(["frobnicate"], root).code).toBe(2);
  });
});

describe("vibeguard scan: bad input", () => {
  it("reports an unparsable file by name and still scans the others", () => {
    const root = makeProject({ "src/broken.ts": "export const = ;\n", "src/settings.js": SWALLOWED });
    const run = runCli(["scan", "--format", "json"], root);
    expect(run.code).toBe(1);
    const results = json(run.stdout);
    expect(results.findings.map((f) => f.location.path)).toContain("src/settings.js");
    expect(results.diagnostics).toEqual([
      expect.objectContaining({ kind: "parse-error", path: "src/broken.ts", message: expect.stringContaining("src/broken.ts:1") }),
    ]);
    expect(run.stderr).toContain("src/broken.ts");
  });
});

describe("vibeguard scan --changed", () => {
  const git = (root: string, ...args: string[]) =>
    execFileSync("git", args, { cwd: root, stdio: "pipe", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });

  it("scans only files changed since the base ref, plus untracked ones", () => {
    const root = makeProject({ "src/old.js": SWALLOWED, "src/edited.js": CLEAN, ".gitignore": "ignored/\n" });
    git(root, "init", "-q", "-b", "main");
    git(root, "add", ".");
    git(root, "commit", "-qm", "initial");
    writeFileSync(path.join(root, "src/edited.js"), SWALLOWED);
    writeFileSync(path.join(root, "src/new.js"), SWALLOWED);

    const files = (args: string[]) => {
      const run = runCli(["scan", "--format", "json", ...args], root);
      return [...new Set(json(run.stdout).findings.map((f) => f.location.path))].sort();
    };
    expect(files([])).toEqual(["src/edited.js", "src/new.js", "src/old.js"]);
    expect(files(["--changed"])).toEqual(["src/edited.js", "src/new.js"]);

    git(root, "add", ".");
    git(root, "commit", "-qm", "second");
    expect(files(["--changed"])).toEqual([]);
    expect(files(["--changed", "--base", "HEAD~1"])).toEqual(["src/edited.js", "src/new.js"]);
  });

  it("exits 2 with a hint for an unknown base or outside git", () => {
    const root = makeProject({ "src/a.js": CLEAN });
    const outside = runCli(["scan", "--changed"], root);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("--changed needs a git repository");
    git(root, "init", "-q");
    const badBase = runCli(["scan", "--changed", "--base", "origin/nope"], root);
    expect(badBase.code).toBe(2);
    expect(badBase.stderr).toContain("--base origin/nope is not a commit");
  });
});

describe("vibeguard scan: output", () => {
  it("writes the report to -o and a summary on stderr", () => {
    const root = makeProject({ "src/settings.js": SWALLOWED });
    const run = runCli(["scan", "--format", "sarif", "-o", "out/vibeguard.sarif", "--fail-on", "never"], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/sarif report written to out\/vibeguard\.sarif/);
    const read = readResults(readFileSync(path.join(root, "out/vibeguard.sarif"), "utf8"), "vibeguard.sarif");
    expect(read.findings[0]).toMatchObject({ ruleId: "no-swallowed-error", location: { path: "src/settings.js", startLine: 4 } });
  });

  it("prints GitHub annotations", () => {
    const root = makeProject({ "src/settings.js": SWALLOWED });
    const run = runCli(["scan", "--format", "github"], root);
    expect(run.stdout).toMatch(/^::error file=src\/settings\.js,line=4,col=\d+.*title=vibeguard\/no-swallowed-error::/m);
  });
});
