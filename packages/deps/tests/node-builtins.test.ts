import path from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureRegistry, type FixtureRegistry } from "./support/fixture-registry.js";
import { checkApp, summary } from "./support/run.js";

// The fixture registry serves @types/node 16.18.0, 18.19.0, 20.11.0 and 22.10.0 (latest), laid out like the
// real package (`declare module "fs"` plus a `node:` twin, `export =` for events and process).
let registry: FixtureRegistry;
beforeAll(async () => (registry = await startFixtureRegistry()));
afterAll(() => registry.close());

const newer = {
  "src/cli.ts": [
    'import { parseArgs } from "node:util";', // 18
    'import test from "node:test";', // a module only from 18
    'import * as fs from "node:fs";',
    'fs.globSync("**/*.ts");', // 22
    'import { glob } from "fs/promises";', // 22, bare specifier
    'import events from "events";',
    "events.addAbortListener(signal, () => {});", // 20, a static of the `export =` class
    'import process from "node:process";',
    "process.loadEnvFile();", // 22, a property of the `export =` value
    'const { DatabaseSync } = require("node:sqlite");', // 22
  ].join("\n"),
};

describe("Node builtins newer than engines.node, from @types/node", () => {
  it("reports modules and members the lowest allowed Node lacks, naming the first major that has them", async () => {
    const result = await checkApp(registry.url, { dependencies: {}, manifest: { engines: { node: ">=16.0.0" } }, files: newer });
    expect(summary(result)).toEqual([
      "src/cli.ts:1 builtin-too-new node:util",
      "src/cli.ts:2 builtin-too-new node:test",
      "src/cli.ts:4 builtin-too-new node:fs",
      "src/cli.ts:5 builtin-too-new node:fs/promises",
      "src/cli.ts:7 builtin-too-new node:events",
      "src/cli.ts:9 builtin-too-new node:process",
      "src/cli.ts:10 builtin-too-new node:sqlite",
    ]);
    expect(result.findings.map((f) => f.data.since)).toEqual(["18", "18", "22", "22", "20", "22", "22"]);
    expect(result.findings[0]!.message).toBe(
      '`parseArgs` from `node:util` is not in Node.js 16 (@types/node@16.18.0 lacks it); it is there from Node.js 18 (@types/node@18.19.0), but engines.node ">=16.0.0" allows Node.js 16.0.0: raise engines.node or avoid it.',
    );
    expect(result.findings[0]).toMatchObject({ ruleId: "no-version-mismatched-api", severity: "warning", package: "node:util", pinned: "16.0.0" });
    expect(result.diagnostics).toEqual([]);
  });

  it("judges a major DefinitelyTyped has no release for by the next one (never stricter)", async () => {
    const result = await checkApp(registry.url, { dependencies: {}, manifest: { engines: { node: "^17.0.0 || >=18" } }, files: newer });
    expect(summary(result).map((line) => line.split(" ").pop())).toEqual(["node:fs", "node:fs/promises", "node:events", "node:process", "node:sqlite"]);
  });

  it("stays silent on builtins the engines version has, type-only imports, untyped internals, and a local object named fs", async () => {
    const result = await checkApp(registry.url, {
      dependencies: {},
      manifest: { engines: { node: ">=16.0.0" } },
      files: {
        "src/ok.ts": [
          'import { readFileSync, cpSync } from "node:fs";',
          'import * as util from "util";',
          "util.promisify(readFileSync);",
          'import type { ParseArgsConfig } from "node:util";',
          'import EventEmitter from "node:events";',
          "EventEmitter.once(emitter, 'x');",
          'require("_http_agent");',
          "cpSync('a', 'b');",
          'import strict from "node:assert/strict";', // members typed through Omit<> in @types/node 16: not listable, not judged
          "strict.deepEqual({}, {});",
        ].join("\n"),
        "src/local.ts": 'const fs = { globSync: (p: string) => [p] };\nfs.globSync("*");\nconst process = { loadEnvFile() {} };\nprocess.loadEnvFile();\n',
      },
    });
    expect(summary(result)).toEqual([]);
  });

  it("stays silent, and asks the registry nothing, when engines.node is recent enough or absent", async () => {
    const recent = await checkApp(registry.url, { dependencies: {}, manifest: { engines: { node: ">=22" } }, files: newer });
    const before = registry.requests.length;
    const none = await checkApp(registry.url, { dependencies: {}, files: newer });
    expect([...summary(recent), ...summary(none)]).toEqual([]);
    expect(registry.requests.slice(before)).toEqual([]);
  });

  it("caches what it read: a second run makes no request, and --offline then gives the same findings", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "vg-node-cache-"));
    const spec = { dependencies: {}, manifest: { engines: { node: ">=18" } }, files: newer };
    const cold = await checkApp(registry.url, spec, { cacheDir });
    const before = registry.requests.length;
    const warm = await checkApp(registry.url, spec, { cacheDir });
    const offline = await checkApp("http://127.0.0.1:9", spec, { cacheDir, offline: true });
    expect(registry.requests.length).toBe(before);
    expect(summary(cold)).toEqual(["src/cli.ts:4 builtin-too-new node:fs", "src/cli.ts:5 builtin-too-new node:fs/promises", "src/cli.ts:7 builtin-too-new node:events", "src/cli.ts:9 builtin-too-new node:process", "src/cli.ts:10 builtin-too-new node:sqlite"]);
    expect(summary(warm)).toEqual(summary(cold));
    expect(summary(offline)).toEqual(summary(cold));
  });

  it("offline with nothing cached: no finding, no request, and a diagnostic that says the builtins were not checked", async () => {
    const before = registry.requests.length;
    const result = await checkApp(registry.url, { dependencies: {}, manifest: { engines: { node: ">=16.0.0" } }, files: newer }, { offline: true });
    expect(summary(result)).toEqual([]);
    expect(registry.requests.length).toBe(before);
    expect(result.diagnostics).toEqual([
      { code: "offline-unchecked", path: "src/cli.ts", line: 1, message: '@types/node: not in the cache; Node builtins were not checked against engines.node ">=16.0.0" (offline)' },
    ]);
  });

  it("a registry error is a named diagnostic, and the rest of the check completes", async () => {
    const result = await checkApp("http://127.0.0.1:9", { dependencies: {}, manifest: { engines: { node: ">=16.0.0" } }, files: newer }, { retries: 0, timeoutMs: 1_000 });
    expect(summary(result)).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["registry-error"]);
    expect(result.diagnostics[0]!.message).toContain('Node builtins were not checked against engines.node ">=16.0.0"');
  });
});
