import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eslintWithRules } from "../eslint-node-api.js";
import { checkDependencies } from "@vibeguard/deps";
import plugin from "eslint-plugin-vibeguard";
import { startFixtureRegistry, type FixtureRegistry } from "../../../deps/tests/support/fixture-registry.js";

let registry: FixtureRegistry;
let root: string;

const files: Record<string, string> = {
  "package.json": JSON.stringify({ name: "app", private: true, dependencies: { openai: "^4.0.0", uuid: "^9.0.0", "acme-utils": "^1.2.0" } }),
  "package-lock.json": JSON.stringify({
    lockfileVersion: 3,
    packages: { "": { name: "app" }, "node_modules/openai": { version: "4.28.0" }, "node_modules/uuid": { version: "9.0.0" }, "node_modules/acme-utils": { version: "1.2.0" } },
  }),
  "src/ai.ts": 'import { OpenAIApi } from "openai";\nimport { format } from "acme-utils";\n',
};

// The editor rules read what `vibeguard deps` cached: fill the project's cache once, from the fixture registry.
beforeAll(async () => {
  registry = await startFixtureRegistry();
  root = mkdtempSync(path.join(tmpdir(), "vg-eslint-deps-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  mkdirSync(path.join(root, "node_modules"));
  await checkDependencies({ root, files: ["src/ai.ts"], registry: registry.url });
});
afterAll(() => registry.close());

function lint(code: string, file = "src/editing.ts") {
  const eslint = eslintWithRules(root, { "vibeguard/no-version-mismatched-api": "error", "vibeguard/no-unknown-package": "error" });
  return eslint.lintText(code, { filePath: path.join(root, file) });
}

describe("no-version-mismatched-api and no-unknown-package in the editor", () => {
  it("report the checker's findings on unsaved text from the cached surfaces, with no registry request", async () => {
    const before = registry.requests.length;
    const [result] = await lint('import { OpenAIApi } from "openai";\nimport { fmt } from "acme-utils";\nimport left from "left-pad";\n');
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity}`)).toEqual([
      "1:10 vibeguard/no-version-mismatched-api 2",
      "2:10 vibeguard/no-version-mismatched-api 2",
      "3:1 vibeguard/no-unknown-package 2",
    ]);
    expect(result!.messages[0]!.message).toBe("`OpenAIApi` is not exported by openai@4.28.0 (pinned in package-lock.json); it exists up to openai@3.3.0: this call was written for v3.");
    expect(result!.messages[2]!.message).toContain("`left-pad` is imported but not declared");
    expect(registry.requests.length).toBe(before);
  });

  it("stay silent on correct code, and on versions the cache does not hold (offline: nothing to judge)", async () => {
    const [clean] = await lint('import OpenAI from "openai";\nimport { format, slugify } from "acme-utils";\nconst openai = { OpenAIApi: 1 };\nopenai.OpenAIApi;\n');
    const [unknown] = await lint('import { v4 } from "uuid";\nimport { whatever } from "uuid";\n');
    expect([...clean!.messages, ...unknown!.messages]).toEqual([]);
  });

  it("are not part of the presets (the CLI runs them as the deps engine)", () => {
    const presets = (plugin as unknown as { configs: Record<string, Array<{ rules?: Record<string, unknown> }>> }).configs;
    const recommended = presets.recommended!.flatMap((config) => Object.keys(config.rules ?? {}));
    expect(recommended).toContain("vibeguard/no-string-built-sql");
    expect(recommended).not.toContain("vibeguard/no-version-mismatched-api");
    expect(recommended).not.toContain("vibeguard/no-unknown-package");
  });
});
