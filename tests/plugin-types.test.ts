import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// The plugin's published types (dist/*.d.ts) must fit ESLint's own types on both supported majors:
// tests/plugin-types/ holds eslint.config.ts-style files that tsc --strict checks like a user's project.
const run = promisify(execFile);
const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsc = require.resolve("typescript/bin/tsc");
const projects = [
  ["ESLint 10", "tests/plugin-types/tsconfig.json"],
  ["ESLint 9", "tests/plugin-types/tsconfig.eslint9.json"],
] as const;

describe("the plugin's types", () => {
  it.concurrent.each(projects)("fit defineConfig() and Linter.Config[] of %s under tsc --strict", async (_label, tsconfig) => {
    expect(existsSync(path.join(repo, "packages/eslint-plugin/dist/index.d.ts")), "run `pnpm build` first").toBe(true);
    const result = await run(process.execPath, [tsc, "-p", tsconfig], { cwd: repo }).then(
      () => "",
      (error: { stdout?: string; message: string }) => error.stdout || error.message,
    );
    expect(result).toBe("");
  }, 120_000);
});
