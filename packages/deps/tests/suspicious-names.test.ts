import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suspicionOf } from "../src/check/suspicious-name.js";
import type { Packument } from "../src/registry/registry-client.js";
import { startFixtureRegistry, type FixtureRegistry } from "./support/fixture-registry.js";
import { checkApp, summary } from "./support/run.js";

// "Very recent" here: expresss (also a typo of express), plain-cjs (a fine name) and @types/uuid (a known org's scope).
let registry: FixtureRegistry;
beforeAll(async () => (registry = await startFixtureRegistry({ recent: ["expresss", "plain-cjs", "@types/uuid"] })));
afterAll(() => registry.close());

describe("slopsquatting warnings on declared dependencies, locked or not", () => {
  it("warns on a locked dependency whose name is one letter from a popular package, once per importing file", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { expresss: "^1.0.0" },
      pinned: { expresss: "1.0.0" },
      files: { "src/a.js": 'const express = require("expresss");\nconst again = require("expresss");\n', "src/b.js": 'import e from "expresss";\n' },
    });
    expect(summary(result)).toEqual(["src/a.js:1 suspicious-name expresss", "src/b.js:1 suspicious-name expresss"]);
    expect(result.findings[0]).toMatchObject({ ruleId: "no-unknown-package", severity: "warning" });
    expect(result.findings[0]!.message).toBe("`expresss` exists on the registry but its name is one letter away from the popular `express`: check that it is the package you meant before installing it.");
  });

  it("warns on a locked dependency first published within the threshold, and names the threshold", async () => {
    const result = await checkApp(registry.url, { dependencies: { "plain-cjs": "^2.0.0" }, pinned: { "plain-cjs": "2.0.0" }, files: { "src/a.js": 'const { alpha } = require("plain-cjs");\n' } });
    expect(summary(result)).toEqual(["src/a.js:1 suspicious-name plain-cjs"]);
    expect(result.findings[0]!.message).toContain('it was first published 1 day(s) ago (under the 30-day "very recent" threshold)');
  });

  it("reads the first publication from the versions' times when the registry sends no time.created", async () => {
    const abbreviated = await startFixtureRegistry({ recent: ["plain-cjs"], versionTimesOnly: ["plain-cjs"] });
    try {
      const result = await checkApp(abbreviated.url, { dependencies: { "plain-cjs": "^2.0.0" }, pinned: { "plain-cjs": "2.0.0" }, files: { "src/a.js": 'const { alpha } = require("plain-cjs");\n' } });
      expect(summary(result)).toEqual(["src/a.js:1 suspicious-name plain-cjs"]);
    } finally {
      await abbreviated.close();
    }
  });

  it("warns on a declared dependency the lockfile does not pin", async () => {
    const result = await checkApp(registry.url, { dependencies: { "plain-cjs": "^2.0.0" }, files: { "src/a.js": 'const { alpha } = require("plain-cjs");\n' } });
    expect(summary(result)).toEqual(["src/a.js:1 suspicious-name plain-cjs"]);
  });

  it("recentDays: 0 turns the recency warning off (typos are still reported)", async () => {
    const spec = { dependencies: { "plain-cjs": "^2.0.0", expresss: "^1.0.0" }, pinned: { "plain-cjs": "2.0.0", expresss: "1.0.0" }, files: { "src/a.js": 'require("plain-cjs");\nrequire("expresss");\n' } };
    const result = await checkApp(registry.url, spec, { recentDays: 0 });
    expect(summary(result)).toEqual(["src/a.js:2 suspicious-name expresss"]);
  });

  it("stays silent on old packages with ordinary names, and on a new package under a known organisation's scope", async () => {
    const result = await checkApp(registry.url, {
      dependencies: { openai: "^4.0.0", "acme-utils": "^1.2.0", uuid: "^9.0.0" },
      manifest: { devDependencies: { "@types/uuid": "^9.0.0" } },
      pinned: { openai: "4.28.0", "acme-utils": "1.2.0", uuid: "9.0.0", "@types/uuid": "9.0.0" },
      files: { "src/a.ts": 'import OpenAI from "openai";\nimport { parse } from "acme-utils";\nimport { v4 } from "uuid";\nimport type { V4Options } from "@types/uuid";\n' },
    });
    expect(summary(result).filter((line) => line.includes("suspicious-name"))).toEqual([]);
  });

  it("asks the registry nothing more than the version check does", async () => {
    const spec = { dependencies: { expresss: "^1.0.0" }, pinned: { expresss: "1.0.0" }, files: { "src/a.js": 'require("expresss");\n' } };
    const before = registry.requests.length;
    await checkApp(registry.url, spec);
    // expresss's packument once, and the @types lookup the version check makes for an untyped package.
    expect(registry.requests.slice(before).filter((p) => !p.includes("/-/"))).toEqual(["/expresss", "/@types/expresss"]);
  });
});

describe("suspicionOf: the thresholds", () => {
  const now = Date.parse("2026-06-01T00:00:00Z");
  const packument = (name: string, versions: number, created?: string): Packument => ({
    name,
    versions: Object.fromEntries(Array.from({ length: versions }, (_, i) => [`1.0.${i}`, {}])),
    distTags: {},
    ...(created ? { created } : {}),
  });

  it("a look-alike name is suspicious until it is established (a year old and 10 versions)", () => {
    expect(suspicionOf("expresss", packument("expresss", 1, "2020-01-01T00:00:00Z"), 30, now)).toContain("one letter away from the popular `express`");
    expect(suspicionOf("reacts", packument("reacts", 40, "2026-05-01T00:00:00Z"), 30, now)).toContain("one letter away from the popular `react`");
    expect(suspicionOf("preact", packument("preact", 400, "2015-09-01T00:00:00Z"), 30, now)).toBeUndefined();
  });

  it("very recent means first published fewer than recentDays days ago, when the registry says when", () => {
    expect(suspicionOf("left-padder", packument("left-padder", 1, "2026-05-20T00:00:00Z"), 30, now)).toContain("first published 12 day(s) ago");
    expect(suspicionOf("left-padder", packument("left-padder", 1, "2026-05-20T00:00:00Z"), 7, now)).toBeUndefined();
    expect(suspicionOf("left-padder", packument("left-padder", 1, "2026-04-01T00:00:00Z"), 30, now)).toBeUndefined();
    expect(suspicionOf("left-padder", packument("left-padder", 1), 30, now)).toBeUndefined();
  });

  it("new packages under a known organisation's scope are routine; under any other scope they are not", () => {
    expect(suspicionOf("@aws-sdk/client-new", packument("@aws-sdk/client-new", 1, "2026-05-30T00:00:00Z"), 30, now)).toBeUndefined();
    expect(suspicionOf("@awz-sdk/client-s3", packument("@awz-sdk/client-s3", 1, "2026-05-30T00:00:00Z"), 30, now)).toContain("first published 2 day(s) ago");
  });
});
