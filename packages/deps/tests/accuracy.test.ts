import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureRegistry, type FixtureRegistry } from "./support/fixture-registry.js";
import { checkApp, summary } from "./support/run.js";

let registry: FixtureRegistry;
beforeAll(async () => (registry = await startFixtureRegistry()));
afterAll(() => registry.close());

describe("cross-package re-exports (`export * from \"@kv/core\"`, as redis 4 does)", () => {
  it("follows them at the version the re-exporting package's dependencies allow, and reports what no package has", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "kv-store": "^2.0.0" },
      pinned: { "kv-store": "2.0.0" },
      files: { "src/cache.ts": 'import { KvClient } from "kv-store";\nimport { defineScript } from "kv-store";\n' },
    });
    expect(summary(result)).toEqual(["src/cache.ts:1 removed KvClient", "src/cache.ts:2 not-yet defineScript"]);
    expect(result.findings[0]!.message).toBe(
      "`KvClient` is not exported by kv-store@2.0.0 (pinned in package-lock.json), nor by the packages it re-exports (@kv/core@1.0.0, @kv/extras@2.0.0); it exists up to kv-store@1.0.0: this call was written for v1; " +
        "kv-store@2.0.0's CHANGELOG.md says: \"`KvClient` was renamed to `KvConnection`, which now comes from `@kv/core`.\".",
    );
    // kv-store@2.0.0 allows @kv/core ~1.0.0, which lacks defineScript; kv-store@2.1.0 allows ^1.1.0, which has it.
    expect(result.findings[1]!.message).toContain("it first appears in kv-store@2.1.0");
  });

  it("stays silent on names the re-exported packages provide, and on the re-exporting package's own", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "kv-store": "^2.1.0" },
      pinned: { "kv-store": "2.1.0" },
      files: { "src/cache.ts": 'import { createClient, KvConnection, commandOptions, bloomAdd, defineScript } from "kv-store";\nexport { bloomAdd as add } from "kv-store";\n' },
    });
    expect(summary(result)).toEqual([]);
  });

  it("judges nothing when a re-exported package is not pinned by the manifest, or the re-exports form a cycle", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "star-unpinned": "^1.0.0", "loop-a": "^1.0.0" },
      pinned: { "star-unpinned": "1.0.0", "loop-a": "1.0.0" },
      // Both names exist only in version 2: with the surfaces closed, each would be a not-yet finding.
      files: { "src/a.ts": 'import { later } from "star-unpinned";\nimport { onlyInTwo } from "loop-a";\n' },
    });
    expect(summary(result)).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("cross-package re-exports are followed at most three packages deep", () => {
  it("judges a module whose re-exports end within the bound, and nothing beyond it", async () => {
    // deep-2 → deep-3 → deep-4 → deep-5: three packages followed. deep-1 adds a fourth: left unjudged.
    const within = await checkApp(registry.url, { dependencies: { "deep-2": "^1.0.0" }, pinned: { "deep-2": "1.0.0" }, files: { "src/a.ts": 'import { level5, level9 } from "deep-2";\n' } });
    expect(summary(within)).toEqual(["src/a.ts:1 unknown-export level9"]);
    const beyond = await checkApp(registry.url, { dependencies: { "deep-1": "^1.0.0" }, pinned: { "deep-1": "1.0.0" }, files: { "src/a.ts": 'import { onlyInTwo } from "deep-1";\n' } });
    expect(summary(beyond)).toEqual([]);
  });

  it("does not cache a surface left open by the bound: reached directly, the same package is judged", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "vg-deep-cache-"));
    const spec = (name: string) => ({ dependencies: { [name]: "^1.0.0" }, pinned: { [name]: "1.0.0" }, files: { "src/a.ts": `import { level9 } from "${name}";\n` } });
    // deep-1 reaches deep-2 four packages from deep-5; then deep-2 alone, with the same cache.
    expect(summary(await checkApp(registry.url, spec("deep-1"), { cacheDir }))).toEqual([]);
    expect(summary(await checkApp(registry.url, spec("deep-2"), { cacheDir }))).toEqual(["src/a.ts:1 unknown-export level9"]);
  });
});

describe("members of a factory result whose interface extends Node's EventEmitter (mongoose's `model()`)", () => {
  it("reports members the package's own interfaces dropped, with the replacement the declarations name", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "doc-store": "^2.0.0" },
      pinned: { "doc-store": "2.0.0" },
      files: { "src/models.ts": 'import { model } from "doc-store";\nconst User = model<{ email: string }>("User");\nawait User.remove({});\nawait User.count({});\n' },
    });
    expect(summary(result)).toEqual(["src/models.ts:3 removed model.remove", "src/models.ts:4 removed model.count"]);
    // No evidence of a replacement for `remove`: the message says nothing about one.
    expect(result.findings[0]!.message).toBe(
      "`remove` is not a member of what `model()` returns in doc-store@2.0.0 (pinned in package-lock.json); it exists up to doc-store@1.0.0: this call was written for v1.",
    );
    expect(result.findings[1]!.message).toContain('; doc-store@2.0.0 documents `model#countDocuments` as: "Replaces `count`, which counted with a deprecated server command."');
    expect(result.findings[1]!.data.replacement).toBe('doc-store@2.0.0 documents `model#countDocuments` as: "Replaces `count`, which counted with a deprecated server command."');
  });

  it("stays silent on EventEmitter members, inherited package members, unknown bases and local look-alikes", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "doc-store": "^2.0.0" },
      pinned: { "doc-store": "2.0.0" },
      files: {
        "src/models.ts": [
          'import { model, connect } from "doc-store";',
          'const User = model<{ email: string }>("User");',
          'User.on("index", () => {});',
          'User.emit("ready");',
          "User.removeAllListeners();",
          "await User.findOne({});",
          "await User.deleteOne({});",
          "await User.countDocuments({});",
          // Connection extends net.Socket, which is not in the package: its members are not judged.
          'const conn = connect("mongodb://db");',
          "await conn.dropDatabase();",
          "function local() {",
          "  const User = { remove() {}, count() {} };",
          "  User.remove();",
          "  return User.count();",
          "}",
        ].join("\n"),
      },
    });
    expect(summary(result)).toEqual([]);
  });

  it("stays silent on the version where the members are right", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "doc-store": "^1.0.0" },
      pinned: { "doc-store": "1.0.0" },
      files: { "src/models.ts": 'import { model } from "doc-store";\nconst User = model("User");\nawait User.remove({});\nawait User.count({});\nUser.once("x", () => {});\n' },
    });
    expect(summary(result)).toEqual([]);
  });
});

describe("hand-written @types checked against the package's own JavaScript (node-fetch 2's `Blob`)", () => {
  it("reports a value the types declare and the JS does not export", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { fetchy: "^2.0.0" },
      pinned: { fetchy: "2.0.0" },
      files: { "src/http.ts": 'import { Blob } from "fetchy";\nexport const blob = new Blob();\n' },
    });
    expect(summary(result)).toEqual(["src/http.ts:1 not-yet Blob"]);
    expect(result.findings[0]!.message).toBe(
      "`Blob` is not exported at run time by fetchy@2.0.0 (pinned in package-lock.json): @types/fetchy@2.0.0 declares it, the package's JavaScript does not; it first appears in fetchy@3.0.0: upgrade, or use what 2.0.0 provides.",
    );
  });

  it("leaves a value import that the TypeScript file uses only in types (the compiler drops it), and judges it in JavaScript", async () => {
    const typeOnly = await checkApp(registry.url, {
      dependencies: { fetchy: "^2.0.0" },
      pinned: { fetchy: "2.0.0" },
      files: {
        "src/http.ts": [
          'import { Blob, Headers } from "fetchy";',
          "export function size(body: Blob, list: Array<typeof Blob>): number { return list.length; }",
          "export class Upload implements Blob {}",
          "export const headers = new Headers();",
        ].join("\n"),
      },
    });
    expect(summary(typeOnly)).toEqual([]);
    const asValue = await checkApp(registry.url, {
      dependencies: { fetchy: "^2.0.0" },
      pinned: { fetchy: "2.0.0" },
      files: { "src/http.ts": 'import { Blob } from "fetchy";\nexport function wrap(body: Blob) { return body instanceof Blob; }\n', "src/legacy.js": 'import { Blob } from "fetchy";\nexport let keep;\n' },
    });
    expect(summary(asValue)).toEqual(["src/http.ts:1 not-yet Blob", "src/legacy.js:1 not-yet Blob"]);
    const subclass = await checkApp(registry.url, {
      dependencies: { fetchy: "^2.0.0" },
      pinned: { fetchy: "2.0.0" },
      files: { "src/upload.ts": 'import { Blob } from "fetchy";\nexport class Upload extends Blob {}\n' },
    });
    expect(summary(subclass)).toEqual(["src/upload.ts:1 not-yet Blob"]);
  });

  it("reads an ES module's export list the same way", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "esm-typed": "^1.0.0" },
      pinned: { "esm-typed": "1.0.0" },
      files: { "src/a.ts": 'import parse, { format } from "esm-typed";\nimport { version } from "esm-typed";\nimport type { ParseOptions } from "esm-typed";\nexport const all = [parse, format, version];\nexport type O = ParseOptions;\n' },
    });
    expect(summary(result)).toEqual(["src/a.ts:1 not-yet format"]);
    expect(result.findings[0]!.message).toContain("@types/esm-typed@1.0.0 declares it, the package's JavaScript does not; it first appears in esm-typed@2.0.0");
  });

  it("stays silent on type-only imports, exports the JS has (fetchy.isRedirect = ...), types, and unreadable JS", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { fetchy: "^2.0.0", "assign-lib": "^1.0.0" },
      pinned: { fetchy: "2.0.0", "assign-lib": "1.0.0" },
      files: {
        "src/http.ts": [
          'import fetchy, { Headers, FetchError, isRedirect } from "fetchy";',
          'import type { Blob, RequestInit } from "fetchy";',
          'import { type Blob as B2 } from "fetchy";',
          // assign-lib's JS adds Blob with Object.assign: its export list cannot be trusted, so nothing is judged.
          'import { Blob as AssignBlob, Headers as H2, version } from "assign-lib";',
          "export const all = [fetchy, Headers, FetchError, isRedirect, AssignBlob, H2, version];",
          "export type T = [Blob, RequestInit, B2];",
        ].join("\n"),
      },
    });
    expect(summary(result)).toEqual([]);
  });
});

describe("what replaced it: the pinned version's changelog", () => {
  it("quotes the line that names the removed API or subpath as replaced", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "kv-store": "^2.0.0" },
      pinned: { "kv-store": "2.0.0" },
      files: { "src/a.ts": 'import { legacy } from "kv-store/legacy";\n' },
    });
    expect(summary(result)).toEqual(["src/a.ts:1 bad-path ./legacy"]);
    expect(result.findings[0]!.message).toBe(
      '`kv-store/legacy` is not provided by kv-store@2.0.0 (pinned in package-lock.json); the subpath exists up to kv-store@1.0.0: this import was written for v1; kv-store@2.0.0\'s CHANGELOG.md says: "The `kv-store/legacy` entry point is gone: import from `kv-store` instead.".',
    );
    expect(result.findings[0]!.data.replacement).toBe(
      'kv-store@2.0.0\'s CHANGELOG.md says: "The `kv-store/legacy` entry point is gone: import from `kv-store` instead."',
    );
  });
  // A line naming the API only as the replacement ("`purge()` was renamed → `remove()`", for `remove`) is
  // not evidence: see the exact `remove` message in the doc-store test above.
});

describe("what replaced it: the @deprecated text of the last version that had it", () => {
  it("quotes it in the removed message, and says nothing when there is none", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { "acme-utils": "^2.0.0", openai: "^4.28.0" },
      pinned: { "acme-utils": "2.0.0", openai: "4.28.0" },
      files: { "src/a.ts": 'import { fmt } from "acme-utils";\nimport { OpenAIApi } from "openai";\n' },
    });
    expect(summary(result)).toEqual(["src/a.ts:1 removed fmt", "src/a.ts:2 removed OpenAIApi"]);
    expect(result.findings[0]!.message).toBe(
      '`fmt` is not exported by acme-utils@2.0.0 (pinned in package-lock.json); it exists up to acme-utils@1.2.0: this call was written for v1; acme-utils@1.2.0 marks it deprecated: "Use `format` instead.".',
    );
    expect(result.findings[0]!.data.replacement).toBe('acme-utils@1.2.0 marks it deprecated: "Use `format` instead."');
    expect(result.findings[1]!.message).toBe("`OpenAIApi` is not exported by openai@4.28.0 (pinned in package-lock.json); it exists up to openai@3.3.0: this call was written for v3.");
    expect(result.findings[1]!.data.replacement).toBeUndefined();
  });
});
