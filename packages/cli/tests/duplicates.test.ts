import { readFileSync } from "node:fs";
import path from "node:path";
import type * as Sarif from "sarif";
import { beforeAll, describe, expect, it } from "vitest";
import { validateWithMultitool } from "../../core/tests/sarif-multitool.js";
import { runCli, type CliRun } from "./run-cli.js";

const repo = path.resolve(__dirname, "../../..");
const fixture = "fixtures/analyzer/clones";

describe("vibeguard duplicates", () => {
  let sarifRun: CliRun;
  let sarif: Sarif.Log;
  beforeAll(() => {
    sarifRun = runCli(["duplicates", fixture, "--format", "sarif"], repo);
    sarif = JSON.parse(sarifRun.stdout) as Sarif.Log;
  });

  it("reports each redundant copy as a warning, so the default --fail-on error exits 0", () => {
    expect(sarifRun.code).toBe(0);
    const results = sarif.runs[0]!.results!;
    expect(results).toHaveLength(6);
    expect(new Set(results.map((r) => r.ruleId))).toEqual(new Set(["no-duplicate-utility"]));
    expect(results.every((r) => r.level === "warning")).toBe(true);
  });

  it("puts the copy first, the whole canonical function in relatedLocations marked canonical, and the similarity in properties", () => {
    const toSlug = sarif.runs[0]!.results!.find((r) => r.message.text?.startsWith("`toSlug`"))!;
    expect(toSlug.message.text).toBe("`toSlug` in fixtures/analyzer/clones/src/routes/posts.ts duplicates `slugify` in fixtures/analyzer/clones/src/lib/strings.ts (100% similar); import it instead");
    expect(toSlug.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe("fixtures/analyzer/clones/src/routes/posts.ts");
    expect(toSlug.locations![0]!.physicalLocation!.region).toMatchObject({ startLine: 7, endLine: 15 });
    expect(toSlug.relatedLocations).toEqual([
      expect.objectContaining({
        physicalLocation: expect.objectContaining({
          artifactLocation: expect.objectContaining({ uri: "fixtures/analyzer/clones/src/lib/strings.ts" }),
          region: expect.objectContaining({ startLine: 2, endLine: 10 }),
        }),
        properties: { canonical: true },
      }),
    ]);
    expect(toSlug.properties).toMatchObject({ similarity: 1 });
  });

  it("reports the file that does not parse by name, on stderr and as a SARIF notification", () => {
    expect(sarifRun.stderr).toMatch(/fixtures\/analyzer\/clones\/src\/broken\.ts:1:\d+: could not parse/);
    const notes = sarif.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes.some((n) => n.message.text?.includes("src/broken.ts") && n.descriptor?.id === "parse-error")).toBe(true);
  });

  it("writes SARIF the SARIF Multitool accepts", () => {
    expect(validateWithMultitool(sarif).filter((issue) => issue.level === "error")).toEqual([]);
  }, 120_000);

  it("exits 1 with --fail-on warning, and prints text by default", () => {
    const text = runCli(["duplicates", fixture, "--fail-on", "warning"], repo);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("`withRetries` in fixtures/analyzer/clones/src/jobs/sync.ts duplicates `retry`");
    expect(text.stdout).toContain("↳ fixtures/analyzer/clones/src/lib/retry.ts:");
  });

  it("skips test files unless --include-tests is given, in `duplicates` and in `scan --only analyzer`", () => {
    const copiesOf = (args: string[]) => {
      const run = runCli(args, repo);
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { findings: { location: { path: string } }[] }).findings.map((f) => f.location.path);
    };
    const testCopies = ["fixtures/analyzer/clones/src/lib/__tests__/collections.spec.ts", "fixtures/analyzer/clones/tests/strings.test.ts"];
    const plain = copiesOf(["duplicates", fixture, "--format", "json"]);
    for (const file of testCopies) expect(plain).not.toContain(file);
    const withTests = copiesOf(["duplicates", fixture, "--format", "json", "--include-tests"]);
    for (const file of testCopies) expect(withTests).toContain(file);
    expect(withTests.length).toBeGreaterThanOrEqual(plain.length + 2);
    const scanned = copiesOf(["scan", fixture, "--only", "analyzer", "--format", "json", "--include-tests"]);
    expect(scanned.sort()).toEqual([...withTests].sort());
  });

  it("exits 2 on a path that does not exist", () => {
    const run = runCli(["duplicates", "no/such/folder"], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("path does not exist");
  });

  it("finds the duplicated utilities planted in the demo app, and nothing else there", () => {
    const run = runCli(["duplicates", "fixtures/demo-app", "--format", "json"], repo);
    const found = (JSON.parse(run.stdout) as { findings: { ruleId: string; location: { path: string; startLine: number } }[] }).findings;
    const expected = (JSON.parse(readFileSync(path.join(repo, "fixtures/demo-app/expected-findings.json"), "utf8")) as { ruleId: string; file: string; line: number }[])
      .filter((e) => e.ruleId === "no-duplicate-utility")
      .map((e) => `fixtures/demo-app/${e.file}:${e.line}`);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(found.map((f) => `${f.location.path}:${f.location.startLine}`).sort()).toEqual(expected.sort());
  });
});
