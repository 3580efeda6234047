import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureRegistry, type FixtureRegistry } from "../../deps/tests/support/fixture-registry.js";
import { execFile } from "node:child_process";
import { makeProject, type CliRun } from "./run-cli.js";

const BIN = path.resolve(__dirname, "../bin/vibeguard.js");

/** Like runCli, but asynchronous: the fixture registry lives in this process and must keep answering. */
function runCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const repo = path.resolve(__dirname, "../../..");
let registry: FixtureRegistry;
beforeAll(async () => (registry = await startFixtureRegistry()));
afterAll(() => registry.close());

/** A project with a lockfile and no node_modules, as CI checks it out. */
function project(files: Record<string, string> = {}): string {
  return makeProject({
    "package.json": JSON.stringify({ name: "app", private: true, dependencies: { openai: "^4.0.0", uuid: "^9.0.0", "acme-utils": "^1.2.0" } }),
    "package-lock.json": JSON.stringify({
      lockfileVersion: 3,
      packages: { "": { name: "app" }, "node_modules/openai": { version: "4.28.0" }, "node_modules/uuid": { version: "9.0.0" }, "node_modules/acme-utils": { version: "1.2.0" } },
    }),
    "src/ai.ts": 'import { OpenAIApi } from "openai";\nimport v4 from "uuid/v4";\nimport { fmt } from "acme-utils";\n',
    ...files,
  });
}
const cacheDir = () => path.join(tmpdir(), `vg-cli-cache-${Math.random().toString(36).slice(2)}`);

describe("vibeguard deps", async () => {
  it("checks a folder with a lockfile and no node_modules; exit 1 on errors; JSON carries package and pinned", async () => {
    const root = project();
    const run = await runCli(["deps", ".", "--registry", registry.url, "--cache-dir", cacheDir(), "--format", "json"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; severity: string; location: { path: string; startLine: number }; data: Record<string, unknown> }> }).findings;
    expect(findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId} ${f.severity} ${String(f.data.kind)}`)).toEqual([
      "src/ai.ts:1 no-version-mismatched-api error removed",
      "src/ai.ts:2 no-version-mismatched-api error bad-path",
      "src/ai.ts:3 no-version-mismatched-api warning deprecated",
    ]);
    expect(findings[0]!.data).toMatchObject({ package: "openai", pinned: "4.28.0", existsUpTo: "3.3.0" });
  });

  it("SARIF results carry properties.package and properties.pinned", async () => {
    const run = await runCli(["deps", ".", "--registry", registry.url, "--cache-dir", cacheDir(), "--format", "sarif"], project());
    const results = (JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; properties: Record<string, unknown> }> }> }).runs[0]!.results;
    expect(results.map((r) => [r.ruleId, r.properties.package, r.properties.pinned])).toEqual([
      ["no-version-mismatched-api", "openai", "4.28.0"],
      ["no-version-mismatched-api", "uuid", "9.0.0"],
      ["no-version-mismatched-api", "acme-utils", "1.2.0"],
    ]);
  });

  it("text output with the evidence; --fail-on never exits 0; a clean project exits 0", async () => {
    const run = await runCli(["deps", "--registry", registry.url, "--cache-dir", cacheDir(), "--fail-on", "never"], project());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("`OpenAIApi` is not exported by openai@4.28.0 (pinned in package-lock.json); it exists up to openai@3.3.0: this call was written for v3.");
    const clean = await runCli(["deps", "--registry", registry.url, "--cache-dir", cacheDir()], project({ "src/ai.ts": 'import OpenAI from "openai";\nimport { v4 } from "uuid";\n' }));
    expect(clean.code).toBe(0);
  });

  it("--offline with an empty cache says what it could not check and makes no request", async () => {
    const before = registry.requests.length;
    const run = await runCli(["deps", "--offline", "--cache-dir", cacheDir(), "--format", "json"], project());
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("openai@4.28.0: not in the cache or node_modules; not checked (offline) [offline-unchecked]");
    expect(registry.requests.length).toBe(before);
  });

  it("a bad --registry value is a usage error (exit 2)", async () => {
    const run = await runCli(["deps", "--registry", "not a url"], project());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--registry not a url is not an http(s) URL");
  });
});

describe("vibeguard scan runs the deps engine", async () => {
  it("with the registry from VIBEGUARD_REGISTRY, and not with --skip deps", async () => {
    const root = project();
    process.env.VIBEGUARD_REGISTRY = registry.url;
    process.env.VIBEGUARD_CACHE_DIR = cacheDir();
    try {
      const scan = await runCli(["scan", "--format", "json"], root);
      const skipped = await runCli(["scan", "--format", "json", "--skip", "deps"], root);
      const ids = (out: string) => (JSON.parse(out) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
      expect(ids(scan.stdout)).toEqual(["no-version-mismatched-api", "no-version-mismatched-api", "no-version-mismatched-api"]);
      expect(ids(skipped.stdout)).toEqual([]);
    } finally {
      delete process.env.VIBEGUARD_REGISTRY;
      delete process.env.VIBEGUARD_CACHE_DIR;
    }
  });

  it("finds the demo app's planted dependency problems with no network (committed cache, unreachable registry)", async () => {
    const expected = (JSON.parse(readFileSync(path.join(repo, "fixtures/demo-app/expected-findings.json"), "utf8")) as Array<{ ruleId: string; file: string; line: number }>).filter(
      (e) => e.ruleId === "no-version-mismatched-api" || e.ruleId === "no-unknown-package",
    );
    process.env.VIBEGUARD_REGISTRY = "http://127.0.0.1:9/";
    try {
      const run = await runCli(["scan", "fixtures/demo-app", "--only", "deps", "--format", "json"], repo);
      expect(run.stderr).toBe("");
      const found = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; location: { path: string; startLine: number } }> }).findings;
      expect(found.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}`).sort()).toEqual(expected.map((e) => `fixtures/demo-app/${e.file}:${e.line} ${e.ruleId}`).sort());
    } finally {
      delete process.env.VIBEGUARD_REGISTRY;
    }
  });
});
