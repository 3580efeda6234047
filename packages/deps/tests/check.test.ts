import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureRegistry, type FixtureRegistry } from "./support/fixture-registry.js";
import { checkApp, summary } from "./support/run.js";

let registry: FixtureRegistry;
beforeAll(async () => (registry = await startFixtureRegistry({ recent: ["expresss"] })));
afterAll(() => registry.close());

describe("removed: an API the pinned version no longer has", () => {
  const file = 'import { OpenAIApi, Configuration } from "openai";\nconst api = new OpenAIApi(new Configuration({ apiKey: "x" }));\n';

  it("names the last version that had it, with the evidence in the message", async () => {
    const result = await checkApp(registry.url, { dependencies: { openai: "^4.0.0" }, pinned: { openai: "4.28.0" }, files: { "src/ai.ts": file } });
    expect(summary(result)).toEqual(["src/ai.ts:1 removed OpenAIApi", "src/ai.ts:1 removed Configuration"]);
    expect(result.findings[0]!.message).toBe(
      "`OpenAIApi` is not exported by openai@4.28.0 (pinned in package-lock.json); it exists up to openai@3.3.0: this call was written for v3.",
    );
    expect(result.findings[0]).toMatchObject({ ruleId: "no-version-mismatched-api", package: "openai", pinned: "4.28.0", severity: "error" });
  });

  it("stays silent on the version where it is right", async () => {
    const result = await checkApp(registry.url, { dependencies: { openai: "^3.3.0" }, pinned: { openai: "3.3.0" }, files: { "src/ai.ts": file } });
    expect(summary(result)).toEqual([]);
  });

  it("counts a re-export, and reads JS packages without types (cjs-module-lexer)", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "acme-utils": "^2.0.0", "plain-cjs": "^2.0.0" },
      pinned: { "acme-utils": "2.0.0", "plain-cjs": "2.0.0" },
      files: { "src/index.ts": 'export { fmt } from "acme-utils";\nconst { alpha, beta } = require("plain-cjs");\n' },
    });
    expect(summary(result)).toEqual(["src/index.ts:1 removed fmt", "src/index.ts:2 removed beta"]);
    expect(result.findings[1]!.message).toContain("it exists up to plain-cjs@1.0.0");
  });

  it("follows the pinned package's own re-exports (export *, export { } from, export type)", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "acme-utils": "^2.0.0" },
      pinned: { "acme-utils": "2.0.0" },
      files: { "src/index.ts": 'import { format, slugify, parse } from "acme-utils";\nimport type { Options } from "acme-utils";\nexport { format as fmt2 } from "acme-utils";\n' },
    });
    expect(summary(result)).toEqual([]);
  });
});

describe("not-yet: an API only newer versions have", () => {
  it("names the first version with it", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { openai: "~4.0.0", "plain-cjs": "^1.0.0" },
      pinned: { openai: "4.0.0", "plain-cjs": "1.0.0" },
      files: { "src/upload.ts": 'import { toFile } from "openai";\nimport { gamma } from "plain-cjs";\n' },
    });
    expect(summary(result)).toEqual(["src/upload.ts:1 not-yet toFile", "src/upload.ts:2 not-yet gamma"]);
    expect(result.findings[0]!.message).toContain("it first appears in openai@4.28.0");
  });

  it("stays silent once pinned at that version", async () => {
    const result = await checkApp(registry.url, { dependencies: { openai: "^4.28.0" }, pinned: { openai: "4.28.0" }, files: { "src/upload.ts": 'import { toFile } from "openai";\n' } });
    expect(summary(result)).toEqual([]);
  });
});

describe("deprecated: @deprecated in the pinned declarations, or the version deprecated on the registry", () => {
  it("reports exports and instance members with the deprecation text", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { openai: "^4.28.0", "acme-utils": "^1.2.0", "old-request": "^2.88.0" },
      pinned: { openai: "4.28.0", "acme-utils": "1.2.0", "old-request": "2.88.2" },
      files: {
        "src/jobs.ts": 'import OpenAI from "openai";\nimport { fmt } from "acme-utils";\nimport { get } from "old-request";\nconst client = new OpenAI();\nclient.fineTunes.create({});\n',
      },
    });
    expect(summary(result)).toEqual(["src/jobs.ts:2 deprecated fmt", "src/jobs.ts:3 deprecated old-request", "src/jobs.ts:5 deprecated default.fineTunes"]);
    expect(result.findings[0]!.message).toBe("`fmt` is deprecated in acme-utils@1.2.0 (pinned in package-lock.json): Use `format` instead.");
    expect(result.findings[1]!.message).toContain('is deprecated on the registry: "old-request has been deprecated, use fetch"');
    expect(result.findings.every((f) => f.severity === "warning")).toBe(true);
  });

  it("stays silent where the pinned version does not deprecate it, and on a local object of the same name", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { openai: "~4.0.0", "acme-utils": "~1.0.0" },
      pinned: { openai: "4.0.0", "acme-utils": "1.0.0" },
      files: {
        "src/jobs.ts": [
          'import OpenAI from "openai";',
          'import { fmt } from "acme-utils";',
          "const client = new OpenAI();",
          "client.fineTunes.create({});",
          "function other() {",
          "  const client = { fineTunes: { create() {} } };",
          "  client.fineTunes.create();",
          "}",
        ].join("\n"),
      },
    });
    expect(summary(result)).toEqual([]);
  });
});

describe("bad-path: a subpath the pinned version does not provide", () => {
  it("reports a deep import the exports map no longer lists", async () => {
    const result = await checkApp(registry.url, { dependencies: { uuid: "^9.0.0" }, pinned: { uuid: "9.0.0" }, files: { "src/id.js": 'const v4 = require("uuid/v4");\nmodule.exports = () => v4();\n' } });
    expect(summary(result)).toEqual(["src/id.js:1 bad-path ./v4"]);
    expect(result.findings[0]!.message).toBe(
      "`uuid/v4` is not provided by uuid@9.0.0 (pinned in package-lock.json): its exports map lists ., ./package.json; the subpath exists up to uuid@7.0.3: this import was written for v7.",
    );
  });

  it("stays silent where the subpath exists (exports map or file layout) and for listed subpaths", async () => {
    for (const version of ["7.0.3", "3.4.0"]) {
      const result = await checkApp(registry.url, { dependencies: { uuid: `^${version}` }, pinned: { uuid: version }, files: { "src/id.js": 'const v4 = require("uuid/v4");\n' } });
      expect(summary(result), version).toEqual([]);
    }
    const listed = await checkApp(registry.url, { dependencies: { uuid: "^9.0.0", openai: "^4.28.0" }, pinned: { uuid: "9.0.0", openai: "4.28.0" }, files: { "src/a.ts": 'import pkg from "uuid/package.json";\nimport { Chat } from "openai/resources/chat";\n' } });
    expect(summary(listed)).toEqual([]);
  });

  it("reads named imports of an untyped package through the matching-major @types", async () => {
    const result = await checkApp(registry.url, { dependencies: { uuid: "^9.0.0" }, pinned: { uuid: "9.0.0" }, files: { "src/id.ts": 'import { v4, validate, v7 } from "uuid";\n' } });
    expect(summary(result)).toEqual(["src/id.ts:1 unknown-export v7"]);
  });
});

describe("unknown-export: a name no version has", () => {
  it("reports a hallucinated export of a typed package", async () => {
    const result = await checkApp(registry.url, { dependencies: { "acme-utils": "^2.0.0" }, pinned: { "acme-utils": "2.0.0" }, files: { "src/a.ts": 'import { formatDistance } from "acme-utils";\n' } });
    expect(summary(result)).toEqual(["src/a.ts:1 unknown-export formatDistance"]);
  });

  it("does not guess for an untyped package whose exports cannot be enumerated", async () => {
    const result = await checkApp(registry.url, { dependencies: { uuid: "^3.4.0" }, pinned: { uuid: "3.4.0" }, files: { "src/a.js": 'const { v9 } = require("expresss");\nconst { whatever } = require("plain-cjs/other");\n' } });
    expect(result.findings.filter((f) => f.kind === "unknown-export")).toEqual([]);
  });
});

describe("below-range-minimum: a library using an API newer than its range's lowest version", () => {
  const files = { "src/index.ts": 'import { slugify, parse } from "acme-utils";\n' };

  it("reports it for a publishable package", async () => {
    const result = await checkApp(registry.url, { manifest: { name: "my-lib", private: false }, dependencies: { "acme-utils": "^1.0.0" }, pinned: { "acme-utils": "1.2.0" }, files });
    expect(summary(result)).toEqual(["src/index.ts:1 below-range-minimum slugify"]);
    expect(result.findings[0]!.message).toContain("allows acme-utils@1.0.0, which lacks it: raise the range to ^1.2.0");
  });

  it("stays silent for an application (private), and when the range starts high enough", async () => {
    const app = await checkApp(registry.url, { dependencies: { "acme-utils": "^1.0.0" }, pinned: { "acme-utils": "1.2.0" }, files });
    const lib = await checkApp(registry.url, { manifest: { name: "my-lib", private: false }, dependencies: { "acme-utils": "^1.2.0" }, pinned: { "acme-utils": "1.2.0" }, files });
    expect([...summary(app), ...summary(lib)]).toEqual([]);
  });
});

describe("undeclared, nonexistent and suspicious package names", () => {
  it("reports an import that no package.json declares, and a package that is not on the registry", async () => {
    const result = await checkApp(registry.url, {
      dependencies: {},
      pinned: { "acme-utils": "1.2.0" },
      files: { "src/a.ts": 'import { parse } from "acme-utils";\nimport { magic } from "hallucinated-sdk";\n' },
    });
    expect(summary(result)).toEqual(["src/a.ts:1 undeclared acme-utils", "src/a.ts:2 nonexistent hallucinated-sdk"]);
    expect(result.findings.every((f) => f.ruleId === "no-unknown-package")).toBe(true);
    expect(result.findings[0]!.message).toContain("only installed as another package's dependency");
  });

  it("reports a declared dependency that is not on the registry", async () => {
    const result = await checkApp(registry.url, { dependencies: { "ghost-lib": "^1.0.0" }, files: { "src/a.ts": 'import { x } from "ghost-lib";\n' } });
    expect(summary(result)).toContain("src/a.ts:1 nonexistent ghost-lib");
  });

  it("warns on a name one letter from a popular package", async () => {
    const result = await checkApp(registry.url, { dependencies: {}, files: { "src/a.js": 'const express = require("expresss");\n' } });
    expect(summary(result)).toEqual(["src/a.js:1 suspicious-name expresss", "src/a.js:1 undeclared expresss"]);
    expect(result.findings[0]!.message).toContain("one letter away from the popular `express`");
  });

  it("stays silent for declared packages, dev dependencies, type-only imports covered by @types, builtins, relative and aliased paths", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "acme-utils": "^1.2.0" },
      manifest: { devDependencies: { "@types/uuid": "^9.0.0", "plain-cjs": "^2.0.0" } },
      pinned: { "acme-utils": "1.2.0", "plain-cjs": "2.0.0", "@types/uuid": "9.0.0" },
      files: {
        "src/a.ts": [
          'import { parse } from "acme-utils";',
          'import { alpha } from "plain-cjs";',
          'import type { V4Options } from "uuid";',
          'import { readFile } from "node:fs/promises";',
          'import { helper } from "./helper";',
          'import { Button } from "@/components/button";',
          'import { thing } from "components/thing";',
        ].join("\n"),
        "src/helper.ts": "export const helper = 1;\n",
      },
      extra: { "tsconfig.json": '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }', "src/components/thing.ts": "export const thing = 1;\n" },
    });
    expect(summary(result)).toEqual([]);
  });
});

describe("lockfiles", () => {
  it("without a lockfile: a named diagnostic, and the highest version the range allows, said in the message", async () => {
    const result = await checkApp(registry.url, { dependencies: { openai: "^4.0.0" }, files: { "src/ai.ts": 'import { OpenAIApi } from "openai";\n' } });
    expect(summary(result)).toEqual(["src/ai.ts:1 removed OpenAIApi"]);
    expect(result.findings[0]!.message).toContain("openai@4.28.0 (no version in the lockfile: assumed the highest version matching ^4.0.0)");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["lockfile-missing"]);
  });

  it("with a broken lockfile: lockfile-broken, then the same fallback", async () => {
    const result = await checkApp(registry.url, { dependencies: { openai: "^4.0.0" }, files: { "src/ai.ts": 'import { OpenAIApi } from "openai";\n' }, extra: { "package-lock.json": "{ not json" } });
    expect(summary(result)).toEqual(["src/ai.ts:1 removed OpenAIApi"]);
    expect(result.diagnostics[0]).toMatchObject({ code: "lockfile-broken" });
    expect(result.diagnostics[0]!.message).toContain("package-lock.json is not valid JSON");
  });

  it("pnpm workspaces: each package is checked against its own pinned version", async () => {
    const lock = [
      "lockfileVersion: '9.0'",
      "importers:",
      "  .: {}",
      "  apps/old:",
      "    dependencies:",
      "      openai: { specifier: ^3.3.0, version: 3.3.0 }",
      "  apps/new:",
      "    dependencies:",
      "      openai: { specifier: ^4.28.0, version: 4.28.0 }",
      "",
    ].join("\n");
    const code = 'import { OpenAIApi } from "openai";\n';
    const result = await checkApp(registry.url, {
      dependencies: {},
      files: { "apps/old/src/a.ts": code, "apps/new/src/a.ts": code },
      extra: {
        "pnpm-lock.yaml": lock,
        "pnpm-workspace.yaml": "packages: ['apps/*']\n",
        "apps/old/package.json": { name: "old", private: true, dependencies: { openai: "^3.3.0" } },
        "apps/new/package.json": { name: "new", private: true, dependencies: { openai: "^4.28.0" } },
      },
    });
    expect(summary(result)).toEqual(["apps/new/src/a.ts:1 removed OpenAIApi"]);
    expect(result.findings[0]!.message).toContain("(pinned in pnpm-lock.yaml)");
  });

  it("yarn v1 and berry lockfiles", async () => {
    const code = { "src/id.js": 'require("uuid/v4");\n' };
    const v1 = await checkApp(registry.url, { dependencies: { uuid: "^9.0.0" }, files: code, extra: { "yarn.lock": '# yarn lockfile v1\n\n\nuuid@^9.0.0:\n  version "9.0.0"\n' } });
    const berry = await checkApp(registry.url, {
      dependencies: { uuid: "^7.0.0" },
      files: code,
      extra: { "yarn.lock": '__metadata:\n  version: 8\n\n"uuid@npm:^7.0.0":\n  version: 7.0.3\n  resolution: "uuid@npm:7.0.3"\n' },
    });
    expect(summary(v1)).toEqual(["src/id.js:1 bad-path ./v4"]);
    expect(v1.findings[0]!.message).toContain("(pinned in yarn.lock)");
    expect(summary(berry)).toEqual([]);
  });
});
