import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { catalog, readResults, toJsonResults } from "@vibeguard/core";
import { validateWithMultitool } from "../../core/tests/sarif-multitool.js";
import { runCli } from "./run-cli.js";

const repo = path.resolve(__dirname, "../../..");
const demo = "fixtures/demo-app";

interface ExpectedFinding {
  ruleId: string;
  file: string;
  line: number;
  note: string;
}

const expected: ExpectedFinding[] = JSON.parse(readFileSync(path.join(repo, demo, "expected-findings.json"), "utf8"));
// Findings an engine may add without failing (EXPECTED.md explains each).
const tolerated: ExpectedFinding[] = JSON.parse(readFileSync(path.join(repo, demo, "tolerated-findings.json"), "utf8"));
const eslintRuleIds = new Set(catalog.filter((entry) => entry.engine === "eslint").map((entry) => entry.id));

describe("scanning the demo app", () => {
  let sarifRun: ReturnType<typeof runCli>;
  let jsonRun: ReturnType<typeof runCli>;
  beforeAll(() => {
    sarifRun = runCli(["scan", demo, "--format", "sarif"], repo);
    jsonRun = runCli(["scan", demo, "--format", "json"], repo);
  });

  it("exits 1 because the demo has error-level findings", () => {
    expect(sarifRun.stderr).toBe("");
    expect(sarifRun.code).toBe(1);
  });

  it("writes SARIF that the SARIF Multitool (Gh;Sarif) accepts with no errors", () => {
    const issues = validateWithMultitool(JSON.parse(sarifRun.stdout));
    expect(issues.filter((issue) => issue.level === "error")).toEqual([]);
  }, 120_000);

  it("round-trips JSON through the reader, and agrees with the SARIF", () => {
    const fromJson = readResults(jsonRun.stdout, "demo.json");
    const fromSarif = readResults(sarifRun.stdout, "demo.sarif");
    expect(fromJson.findings.length).toBeGreaterThan(0);
    expect(fromSarif.findings).toEqual(fromJson.findings);
    const rewritten = JSON.stringify(toJsonResults(fromJson.findings, fromJson.diagnostics, { name: "vibeguard", version: "0", informationUri: "x" }));
    expect(readResults(rewritten, "again.json").findings).toEqual(fromJson.findings);
  });

  it("finds every planted problem of the ESLint rules", () => {
    const found = readResults(jsonRun.stdout, "demo.json").findings;
    const planted = expected.filter((e) => eslintRuleIds.has(e.ruleId));
    expect(planted.length).toBeGreaterThan(0);
    const missing = planted.filter(
      (e) => !found.some((f) => f.ruleId === e.ruleId && f.location.path === `${demo}/${e.file}` && f.location.startLine === e.line),
    );
    expect(missing, `planted problems not found:\n${missing.map((m) => `${m.file}:${m.line} ${m.ruleId} (${m.note})`).join("\n")}`).toEqual([]);
  });

  it("reports nothing on the demo's clean code (every finding is a planted one)", () => {
    const found = readResults(jsonRun.stdout, "demo.json").findings;
    const unexpected = found.filter(
      (f) => ![...expected, ...tolerated].some((e) => e.ruleId === f.ruleId && `${demo}/${e.file}` === f.location.path && e.line === f.location.startLine),
    );
    expect(unexpected.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it("never prints a planted secret in any output", () => {
    for (const output of [sarifRun.stdout, jsonRun.stdout]) {
      expect(output).not.toMatch(/sk_live_[A-Za-z0-9]{10,}/);
      expect(output).not.toMatch(/sk-proj-[A-Za-z0-9_-]{10,}/);
    }
  });
});
