import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeProject, runCli } from "./run-cli.js";

// Two swallowed errors in two functions; both are found by the recommended rules.
const LOAD = `export async function loadSettings(read) {\n  try {\n    return await read();\n  } catch (err) {}\n}\n`;
const SAVE = `export async function saveSettings(write, value) {\n  try {\n    await write(value);\n  } catch (err) {\n    return null;\n  }\n}\n`;
const PARSE = `export function parseBody(text) {\n  try {\n    return JSON.parse(text);\n  } catch (e) {}\n}\n`;

interface JsonOut {
  findings: Array<{ ruleId: string; fingerprint: string; baselineState?: string; location: { path: string; startLine: number } }>;
  baseline?: { counts: Record<string, number>; fixed: Array<{ path: string; startLine: number }> };
}

function scanJson(root: string): { code: number | null; out: JsonOut } {
  const run = runCli(["scan", "--baseline", ".vibeguard/baseline.json", "--format", "json"], root);
  return { code: run.code, out: JSON.parse(run.stdout) as JsonOut };
}

function projectWithBaseline(): string {
  const root = makeProject({ "src/settings.js": `${LOAD}\n${SAVE}` });
  const run = runCli(["baseline", "update"], root);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain("baseline of 2 finding(s)");
  return root;
}

describe("baseline and ratchet", () => {
  it("writes fingerprints (rule, path, code), never counts, and passes an unchanged project", () => {
    const root = projectWithBaseline();
    const baseline = JSON.parse(readFileSync(path.join(root, ".vibeguard/baseline.json"), "utf8"));
    expect(baseline.fingerprintVersion).toBe("vibeguard/v1");
    expect(baseline.findings).toHaveLength(2);
    expect(baseline.findings[0]).toMatchObject({ ruleId: "no-swallowed-error", path: "src/settings.js" });
    expect(baseline.findings[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(baseline)).not.toMatch(/"count"/);

    const { code, out } = scanJson(root);
    expect(code).toBe(0);
    expect(out.findings.map((f) => f.baselineState)).toEqual(["unchanged", "unchanged"]);
    expect(out.baseline!.counts).toEqual({ new: 0, unchanged: 2, moved: 0, fixed: 0 });
  });

  it("reports findings as moved, not new, after lines are inserted above them", () => {
    const root = projectWithBaseline();
    writeFileSync(path.join(root, "src/settings.js"), `// settings helpers\nconst VERSION = 2;\nexport { VERSION };\n\n${LOAD}\n${SAVE}`);
    const { code, out } = scanJson(root);
    expect(code).toBe(0);
    expect(out.findings.map((f) => f.baselineState)).toEqual(["moved", "moved"]);
    expect(out.findings[0]!.location.startLine).toBe(8);
  });

  it("reports findings as moved when a function moves within the file", () => {
    const root = projectWithBaseline();
    writeFileSync(path.join(root, "src/settings.js"), `${SAVE}\n${LOAD}`);
    const { code, out } = scanJson(root);
    expect(code).toBe(0);
    expect(out.baseline!.counts).toEqual({ new: 0, unchanged: 0, moved: 2, fixed: 0 });
  });

  it("fails only on a new finding, and marks it new in text, JSON and SARIF", () => {
    const root = projectWithBaseline();
    writeFileSync(path.join(root, "src/settings.js"), `${LOAD}\n${SAVE}\n${PARSE}`);
    const { code, out } = scanJson(root);
    expect(code).toBe(1);
    expect(out.baseline!.counts).toEqual({ new: 1, unchanged: 2, moved: 0, fixed: 0 });
    expect(out.findings.find((f) => f.baselineState === "new")!.location.startLine).toBe(18);

    const text = runCli(["scan", "--baseline", ".vibeguard/baseline.json"], root);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/18:\d+ .*no-swallowed-error {2}\[new\]/);
    expect(text.stdout).toContain("baseline: 1 new, 2 unchanged, 0 moved, 0 fixed");

    const sarif = JSON.parse(runCli(["scan", "--baseline", ".vibeguard/baseline.json", "--format", "sarif"], root).stdout);
    expect(sarif.runs[0].results.map((r: { baselineState: string }) => r.baselineState).sort()).toEqual(["new", "unchanged", "unchanged"]);
  });

  it("lists a fixed finding (SARIF absent) and passes", () => {
    const root = projectWithBaseline();
    writeFileSync(path.join(root, "src/settings.js"), `${LOAD}\nexport const ok = 1;\n`);
    const { code, out } = scanJson(root);
    expect(code).toBe(0);
    expect(out.baseline!.counts).toEqual({ new: 0, unchanged: 1, moved: 0, fixed: 1 });
    expect(out.baseline!.fixed).toEqual([expect.objectContaining({ path: "src/settings.js", startLine: 10 })]);
    const sarif = JSON.parse(runCli(["scan", "--baseline", ".vibeguard/baseline.json", "--format", "sarif"], root).stdout);
    const absent = sarif.runs[0].results.filter((r: { baselineState: string }) => r.baselineState === "absent");
    expect(absent).toHaveLength(1);
    expect(absent[0].locations[0].physicalLocation.region.startLine).toBe(10);
  });

  it("does not let a fix and a new violation cancel out", () => {
    const root = projectWithBaseline();
    writeFileSync(path.join(root, "src/settings.js"), `${LOAD}\n${PARSE}`);
    const { code, out } = scanJson(root);
    expect(code).toBe(1);
    expect(out.baseline!.counts).toEqual({ new: 1, unchanged: 1, moved: 0, fixed: 1 });
  });

  it("does not call findings of files outside a --changed run fixed", () => {
    const root = makeProject({ "src/settings.js": LOAD, "src/body.js": PARSE });
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
    git("init", "-q", "-b", "main");
    runCli(["baseline", "update"], root);
    git("add", ".");
    git("commit", "-qm", "initial");
    writeFileSync(path.join(root, "src/body.js"), `${PARSE}export const touched = true;\n`);
    const run = runCli(["scan", "--changed", "--baseline", ".vibeguard/baseline.json", "--format", "json"], root);
    expect((JSON.parse(run.stdout) as JsonOut).baseline!.counts).toEqual({ new: 0, unchanged: 1, moved: 0, fixed: 0 });
  });

  it("exits 2 naming a missing or foreign baseline file", () => {
    const root = makeProject({ "src/settings.js": LOAD, "other.json": '{"hello": 1}' });
    const missing = runCli(["scan", "--baseline", "nope.json"], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("baseline file nope.json cannot be read");
    const foreign = runCli(["scan", "--baseline", "other.json"], root);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain("other.json is not a vibeguard baseline");
  });
});
