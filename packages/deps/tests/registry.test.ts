import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDependencies } from "@vibeguard/deps";
import { FIXTURE_PACKAGES, startFixtureRegistry, type FixtureRegistry } from "./support/fixture-registry.js";
import { makeProject, packageLock } from "./support/project.js";
import { checkApp, summary } from "./support/run.js";

let registry: FixtureRegistry;
beforeAll(async () => (registry = await startFixtureRegistry({ slowMs: 3_000 })));
afterAll(() => registry.close());

const ok = { "acme-utils": "1.2.0" };
const okFile = 'import { fmt } from "acme-utils";\n';

describe("a misbehaving registry gives a named diagnostic while the rest of the run completes", () => {
  it.each([
    ["broken-500", "registry-error", /broken-500: registry request failed \(HTTP 500\)/],
    ["slow-meta", "registry-timeout", /slow-meta: the registry did not answer in time/],
    ["malformed-meta", "packument-malformed", /malformed-meta: the registry sent malformed JSON/],
    ["no-versions", "packument-malformed", /no-versions: the registry's metadata has no "versions" object/],
    ["corrupt-tarball", "tarball-corrupt", /corrupt-tarball@1\.0\.0: corrupt tarball/],
  ])("%s → %s", async (name, code, message) => {
    const result = await checkApp(
      registry.url,
      { dependencies: { [name]: "^1.0.0", "acme-utils": "^1.2.0" }, pinned: { [name]: "1.0.0", ...ok }, files: { "src/a.ts": `import { x } from "${name}";\n${okFile}` } },
      { timeoutMs: 500 },
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual([code]);
    expect(result.diagnostics[0]!.message).toMatch(message);
    expect(result.diagnostics[0]).toMatchObject({ path: "src/a.ts", line: 1 });
    expect(summary(result)).toEqual(["src/a.ts:2 deprecated fmt"]);
  });

  it("retries a 5xx with backoff before giving up", async () => {
    const before = registry.requests.filter((r) => r === "/broken-500").length;
    await checkApp(registry.url, { dependencies: { "broken-500": "^1.0.0" }, pinned: { "broken-500": "1.0.0" }, files: { "src/a.ts": 'import "broken-500";\n' } }, { retries: 2 });
    expect(registry.requests.filter((r) => r === "/broken-500").length - before).toBe(3);
  });

  it("a registry that refuses connections is a diagnostic, not a crash", async () => {
    const result = await checkApp("http://127.0.0.1:9", { dependencies: { "acme-utils": "^1.2.0" }, pinned: ok, files: { "src/a.ts": okFile } });
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["registry-error"]);
  });
});

describe("disk cache and --offline", () => {
  const spec = { dependencies: { openai: "^4.0.0", uuid: "^9.0.0" }, pinned: { openai: "4.28.0", uuid: "9.0.0" }, files: { "src/a.ts": 'import { OpenAIApi } from "openai";\nimport v4 from "uuid/v4";\n' } };

  it("a warm run makes no request and finds the same; offline with the cache too", async () => {
    const cold = await checkApp(registry.url, spec);
    expect(cold.stats.requests).toBeGreaterThan(3);
    const warm = await checkDependencies({ root: cold.root, files: ["src/a.ts"], registry: registry.url, cacheDir: cold.stats.cacheDir });
    expect(warm.stats.requests).toBe(0);
    expect(summary(warm)).toEqual(summary(cold));
    const offline = await checkDependencies({ root: cold.root, files: ["src/a.ts"], offline: true, cacheDir: cold.stats.cacheDir });
    expect(summary(offline)).toEqual(summary(cold));
    expect(offline.stats.requests).toBe(0);
  });

  it("surfaces cached by an older checker are recomputed online, and still used offline", async () => {
    const cold = await checkApp(registry.url, spec);
    const surfacesDir = path.join(cold.stats.cacheDir, "surfaces");
    const files = readdirSync(surfacesDir);
    for (const file of files) {
      const surface = JSON.parse(readFileSync(path.join(surfacesDir, file), "utf8")) as { format?: number };
      writeFileSync(path.join(surfacesDir, file), JSON.stringify({ ...surface, format: 1 }));
    }
    const offline = await checkDependencies({ root: cold.root, files: ["src/a.ts"], offline: true, cacheDir: cold.stats.cacheDir });
    expect(summary(offline)).toEqual(summary(cold));
    expect(offline.diagnostics).toEqual([]);
    const online = await checkDependencies({ root: cold.root, files: ["src/a.ts"], registry: registry.url, cacheDir: cold.stats.cacheDir });
    expect(online.stats.requests).toBeGreaterThan(0);
    expect(summary(online)).toEqual(summary(cold));
    expect(files.map((file) => (JSON.parse(readFileSync(path.join(surfacesDir, file), "utf8")) as { format?: number }).format)).not.toContain(1);
  });

  it("offline with an empty cache says what it could not check, and makes no request", async () => {
    const before = registry.requests.length;
    const result = await checkApp(registry.url, spec, { offline: true });
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["offline-unchecked", "openai@4.28.0: not in the cache or node_modules; not checked (offline)"],
      ["offline-unchecked", "uuid@9.0.0: not in the cache or node_modules; not checked (offline)"],
    ]);
    expect(registry.requests.length).toBe(before);
  });

  it("the cache never stores a registry host (tarball URLs stay in memory)", async () => {
    const cold = await checkApp(registry.url, spec);
    const { readdirSync, readFileSync } = await import("node:fs");
    for (const kind of ["packuments", "surfaces"]) {
      for (const file of readdirSync(path.join(cold.stats.cacheDir, kind))) {
        expect(readFileSync(path.join(cold.stats.cacheDir, kind, file), "utf8")).not.toContain("127.0.0.1");
      }
    }
  });
});

describe(".npmrc and node_modules", () => {
  it("uses the project's .npmrc registry and auth token, and never prints the token", async () => {
    const host = registry.url.replace(/^http:/, "");
    const root = makeProject({
      "package.json": { name: "app", private: true, dependencies: { "broken-500": "^1.0.0", "acme-utils": "^1.2.0" } },
      "package-lock.json": packageLock({ "broken-500": "1.0.0", ...ok }),
      ".npmrc": `registry=${registry.url}/\n${host}/:_authToken=\${VG_TEST_TOKEN}\n`,
      "src/a.ts": `import "broken-500";\n${okFile}`,
    });
    process.env.VG_TEST_TOKEN = "npm_SECRETtoken1234567890";
    const before = registry.authorizations.length;
    const result = await checkDependencies({ root, files: ["src/a.ts"], cacheDir: path.join(root, ".cache"), retries: 0 });
    delete process.env.VG_TEST_TOKEN;
    expect(summary(result)).toEqual(["src/a.ts:2 deprecated fmt"]);
    expect(registry.authorizations.slice(before)).toContain("Bearer npm_SECRETtoken1234567890");
    expect(JSON.stringify(result)).not.toContain("SECRETtoken");
  });

  it("reads the surface from node_modules when the installed version is the pinned one, with no registry at all", async () => {
    const root = makeProject({
      "package.json": { name: "app", private: true, dependencies: { openai: "^4.28.0" } },
      "package-lock.json": packageLock({ openai: "4.28.0" }),
      "src/a.ts": 'import OpenAI, { toFile } from "openai";\nconst client = new OpenAI();\nclient.fineTunes.create({});\n',
    });
    mkdirSync(path.join(root, "node_modules"), { recursive: true });
    cpSync(path.join(FIXTURE_PACKAGES, "openai/4.28.0"), path.join(root, "node_modules/openai"), { recursive: true });
    const result = await checkDependencies({ root, files: ["src/a.ts"], offline: true, cacheDir: path.join(root, ".cache") });
    expect(result.stats.fromNodeModules).toBe(1);
    expect(summary(result)).toEqual(["src/a.ts:3 deprecated default.fineTunes"]);
  });

  it("ignores an installed copy of another version", async () => {
    const root = makeProject({
      "package.json": { name: "app", private: true, dependencies: { openai: "^4.28.0" } },
      "package-lock.json": packageLock({ openai: "4.28.0" }),
      "src/a.ts": 'import { toFile } from "openai";\n',
    });
    cpSync(path.join(FIXTURE_PACKAGES, "openai/4.0.0"), path.join(root, "node_modules/openai"), { recursive: true });
    writeFileSync(path.join(root, ".keep"), "");
    const result = await checkDependencies({ root, files: ["src/a.ts"], registry: registry.url, cacheDir: path.join(root, ".cache") });
    expect(result.stats.fromNodeModules).toBe(0);
    expect(summary(result)).toEqual([]);
  });
});
