import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureRegistry, type FixtureRegistry } from "../../deps/tests/support/fixture-registry.js";
import { execFile } from "node:child_process";
import { makeProject, type CliRun } from "./run-cli.js";

const BIN = path.resolve(__dirname, "../bin/vibeguard.js");

/** Like runCli, but asynchronous: the fixture registry lives in this process and must keep answering. */
function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
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

/** The kinds of the deps findings in a JSON report. */
const ids = (out: string) => (JSON.parse(out) as { findings: Array<{ data: { kind?: string } }> }).findings.map((f) => f.data.kind);

describe("vibeguard scan takes the deps flags", async () => {
  const unreachable = "http://127.0.0.1:9/";

  it("--registry and --cache-dir reach the registry, and win over the environment", async () => {
    const root = project();
    const cache = cacheDir();
    const run = await runCli(["scan", "--only", "deps", "--format", "json", "--registry", registry.url, "--cache-dir", cache], root, { VIBEGUARD_REGISTRY: unreachable, VIBEGUARD_OFFLINE: "" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(ids(run.stdout)).toEqual(["removed", "bad-path", "deprecated"]);
    expect(existsSync(path.join(cache, "packuments", "openai.json"))).toBe(true);
  });

  it("a relative --cache-dir is relative to the current directory, and a warm cache answers --offline with no request", async () => {
    const root = project();
    const cold = await runCli(["scan", "src", "--only", "deps", "--format", "json", "--registry", registry.url, "--cache-dir", "my-cache"], root);
    expect(ids(cold.stdout)).toEqual(["removed", "bad-path", "deprecated"]);
    expect(existsSync(path.join(root, "my-cache", "packuments", "openai.json"))).toBe(true);
    const before = registry.requests.length;
    const warm = await runCli(["scan", "src", "--only", "deps", "--format", "json", "--offline", "--cache-dir", "my-cache"], root, { VIBEGUARD_REGISTRY: registry.url });
    expect(warm.stderr).toBe("");
    expect(ids(warm.stdout)).toEqual(["removed", "bad-path", "deprecated"]);
    expect(registry.requests.length).toBe(before);
  });

  it("--offline with an empty cache makes no request and names what it did not check, though the environment names a registry", async () => {
    const before = registry.requests.length;
    const run = await runCli(["scan", "--only", "deps", "--format", "json", "--offline", "--cache-dir", cacheDir()], project(), { VIBEGUARD_REGISTRY: registry.url });
    expect(run.code).toBe(0);
    expect(ids(run.stdout)).toEqual([]);
    expect(run.stderr).toContain("openai@4.28.0: not in the cache or node_modules; not checked (offline) [offline-unchecked]");
    expect(registry.requests.length).toBe(before);
  });

  it("the environment is still the fallback when no flag is given", async () => {
    const run = await runCli(["scan", "--only", "deps", "--format", "json"], project(), { VIBEGUARD_REGISTRY: registry.url, VIBEGUARD_CACHE_DIR: cacheDir() });
    expect(ids(run.stdout)).toEqual(["removed", "bad-path", "deprecated"]);
  });

  it("a registry that is not an http(s) URL is exit 2, from the flag or from the environment", async () => {
    const flag = await runCli(["scan", "--registry", "ftp://example"], project());
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--registry ftp://example is not an http(s) URL");
    const env = await runCli(["scan"], project(), { VIBEGUARD_REGISTRY: "registry.local" });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain("VIBEGUARD_REGISTRY registry.local is not an http(s) URL");
  });
});

describe("scan, duplicates and deps share their report options", () => {
  it("reject the same bad --format and --fail-on values with the same message and exit 2", async () => {
    const root = project();
    const runs = await Promise.all(["scan", "duplicates", "deps"].map((command) => runCli([command, "--format", "xml"], root)));
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, github, markdown, html.");
    }
    const failOn = await Promise.all(["scan", "duplicates", "deps"].map((command) => runCli([command, "--fail-on", "sometimes"], root)));
    expect(new Set(failOn.map((run) => `${run.code} ${run.stderr}`)).size).toBe(1);
    expect(failOn[0]!.code).toBe(2);
  });

  it("deps takes --max-warnings like scan: a deprecation warning over the limit exits 1", async () => {
    const root = project({ "src/ai.ts": 'import { fmt } from "acme-utils";\n' });
    const args = ["--registry", registry.url, "--cache-dir", cacheDir(), "--format", "json"];
    const within = await runCli(["deps", ...args], root);
    const over = await runCli(["deps", ...args, "--max-warnings", "0"], root);
    expect(ids(within.stdout)).toEqual(["deprecated"]);
    expect([within.code, over.code]).toEqual([0, 1]);
  });
});

describe("--recent-days", async () => {
  let fresh: FixtureRegistry;
  beforeAll(async () => (fresh = await startFixtureRegistry({ recent: ["plain-cjs"] })));
  afterAll(() => fresh.close());
  const app = () =>
    makeProject({
      "package.json": JSON.stringify({ name: "app", private: true, dependencies: { "plain-cjs": "^2.0.0" } }),
      "package-lock.json": JSON.stringify({ lockfileVersion: 3, packages: { "": { name: "app" }, "node_modules/plain-cjs": { version: "2.0.0" } } }),
      "src/a.js": 'const { alpha } = require("plain-cjs");\n',
    });

  it("warns on a locked dependency first published within the threshold; --recent-days 0 turns it off; a bad value is exit 2", async () => {
    const root = app();
    const args = ["--registry", fresh.url, "--cache-dir", cacheDir(), "--format", "json"];
    const warned = await runCli(["scan", "--only", "deps", ...args], root);
    const off = await runCli(["deps", ...args, "--recent-days", "0"], root);
    const bad = await runCli(["deps", "--recent-days", "soon"], root);
    expect(ids(warned.stdout)).toEqual(["suspicious-name"]);
    expect(warned.stdout).toContain('under the 30-day \\"very recent\\" threshold');
    expect(ids(off.stdout)).toEqual([]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--recent-days soon is not a whole number of days");
  });
});

describe("report and baseline update take the scan's dependency-checker flags", () => {
  it("report --registry/--cache-dir reaches the fixture registry and lists the dependency findings; --offline makes no request", async () => {
    const root = project();
    const markdown = await runCli(["report", ".", "--only", "deps", "--format", "markdown", "--registry", registry.url, "--cache-dir", cacheDir()], root);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain("OpenAIApi");
    const before = registry.requests.length;
    const offline = await runCli(["report", ".", "--only", "deps", "--format", "markdown", "--offline", "--cache-dir", cacheDir()], root, { VIBEGUARD_REGISTRY: registry.url });
    expect(offline.code).toBe(0);
    expect(offline.stdout).not.toContain("OpenAIApi");
    expect(registry.requests.length).toBe(before);
  });

  it("baseline update --registry records the dependency findings; a bad --registry is a usage error", async () => {
    const root = project();
    const run = await runCli(["baseline", "update", ".", "--only", "deps", "--registry", registry.url, "--cache-dir", cacheDir()], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/baseline of 3 finding\(s\)/);
    const bad = await runCli(["baseline", "update", ".", "--registry", "not a url"], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--registry not a url is not an http(s) URL");
  });
});
