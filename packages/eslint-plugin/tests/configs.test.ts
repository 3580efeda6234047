import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ESLint as ESLintClass } from "eslint";
import vibeguard from "eslint-plugin-vibeguard";

const require = createRequire(import.meta.url);
const versions = [
  ["ESLint 10", require("eslint") as { ESLint: typeof ESLintClass }],
  ["ESLint 9", require("eslint9") as { ESLint: typeof ESLintClass }],
] as const;

// One file per extension, each with an empty catch (no-swallowed-error) in that language's syntax. no-swallowed-error
// is in `strict` (issue 10), so these tests use that preset; its first three configs are the same base as recommended.
const SOURCES: Record<string, string> = {
  "src/plain.js": "try { run(); } catch (err) {}\n",
  "src/view.jsx": "export const View = () => { try { run(); } catch (err) {} return <div className=\"x\" />; };\n",
  "src/module.mjs": "export async function f() { try { await run(); } catch (err) {} }\n",
  "src/script.cjs": "module.exports = function f() { try { run(); } catch (err) {} };\n",
  "src/typed.ts": "export function f(id: string): void { try { run(id as unknown as number); } catch (err: unknown) {} }\n",
  "src/view.tsx": "export const View = (p: { id: string }) => { try { run(); } catch (err) {} return <div id={p.id as string} />; };\n",
  "src/module.mts": "export enum Mode { A } export function f(m: Mode): void { try { run(m); } catch (err) {} }\n",
  "src/script.cts": "import fs = require(\"node:fs\"); export function f(): void { try { fs.statSync(\"x\"); } catch (err) {} }\n",
};

const created: string[] = [];
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "vg-configs-"));
  created.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}
afterAll(() => {
  for (const root of created) rmSync(root, { recursive: true, force: true });
});

/** Lints the whole project the way `eslint .` does, with the given flat config as eslint.config.js. */
async function lintProject(ESLint: typeof ESLintClass, root: string, config: unknown[]) {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config as never });
  const results = await eslint.lintFiles(["."]);
  return new Map(
    results.map((result) => [
      path.relative(root, result.filePath).split(path.sep).join("/"),
      {
        fatal: result.messages.filter((m) => m.fatal).map((m) => m.message),
        ruleIds: result.messages.map((m) => m.ruleId),
      },
    ]),
  );
}

describe("preset shape", () => {
  it("is an array: base (plugin, files, TypeScript parser, JSX) then the rules", () => {
    const names = vibeguard.configs.recommended.map((config) => config.name);
    expect(names).toEqual(["vibeguard/base", "vibeguard/base/typescript", "vibeguard/base/jsx", "vibeguard/recommended"]);
    for (const preset of [vibeguard.configs.recommended, vibeguard.configs.strict, vibeguard.configs.all]) {
      expect(preset.slice(0, 3)).toEqual(vibeguard.configs.base);
    }
  });

  it("scopes the TypeScript parser to TypeScript files only", () => {
    const typescript = vibeguard.configs.base.find((config) => config.name === "vibeguard/base/typescript");
    expect(typescript?.files).toEqual(["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"]);
    expect(typescript?.languageOptions?.parser).toBe(require("@typescript-eslint/parser"));
  });
});

describe.each(versions)("%s", (label, { ESLint }) => {
  it("lints every JS and TS extension with the preset alone", async () => {
    expect(ESLint.version).toMatch(label === "ESLint 9" ? /^9\./ : /^10\./);
    const root = project(SOURCES);
    const results = await lintProject(ESLint, root, [...vibeguard.configs.strict]);
    expect([...results.keys()].sort()).toEqual(Object.keys(SOURCES).sort());
    for (const [file, result] of results) {
      expect(result.fatal, file).toEqual([]);
      expect(result.ruleIds, file).toContain("vibeguard/no-swallowed-error");
    }
  });

  it("leaves JavaScript files to ESLint's own parser", async () => {
    const root = project({ "src/annotated.js": "let count: number = 1;\n" });
    const results = await lintProject(ESLint, root, [...vibeguard.configs.strict]);
    expect(results.get("src/annotated.js")?.fatal.join()).toMatch(/Unexpected token/);
  });

  it("composes with typescript-eslint's presets placed before it", async () => {
    const tseslint = require("typescript-eslint");
    const root = project({ "src/a.ts": "export function f(x: any) { try { run(x); } catch (err) {} }\n", "src/b.js": SOURCES["src/plain.js"]! });
    const results = await lintProject(ESLint, root, [...tseslint.configs.recommended, ...vibeguard.configs.strict]);
    expect(results.get("src/a.ts")).toEqual({
      fatal: [],
      ruleIds: expect.arrayContaining(["@typescript-eslint/no-explicit-any", "vibeguard/no-swallowed-error"]),
    });
    expect(results.get("src/b.js")?.ruleIds).toContain("vibeguard/no-swallowed-error");
  });

  it("composes with typescript-eslint's presets placed after it", async () => {
    const tseslint = require("typescript-eslint");
    const root = project({ "src/a.ts": "export function f(x: any) { try { run(x); } catch (err) {} }\n", "src/b.js": SOURCES["src/plain.js"]! });
    const results = await lintProject(ESLint, root, [...vibeguard.configs.strict, ...tseslint.configs.recommended]);
    expect(results.get("src/a.ts")).toEqual({
      fatal: [],
      ruleIds: expect.arrayContaining(["@typescript-eslint/no-explicit-any", "vibeguard/no-swallowed-error"]),
    });
    // typescript-eslint's base config (no `files`) parses JavaScript too; both parse it without errors.
    expect(results.get("src/b.js")).toEqual({ fatal: [], ruleIds: expect.arrayContaining(["vibeguard/no-swallowed-error"]) });
  });
});

describe("the type-information examples of docs/getting-started.md, on a mixed JS/TS project", () => {
  const files = {
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", jsx: "react-jsx" }, include: ["src"] }),
    "src/db.ts": "export function q(db: { query(s: string): void }) { try { db.query('x'); } catch (err) {} }\n",
    // Types tell no-swallowed-error that this catch() is not a promise handler; without them it is reported.
    "src/matcher.ts": "class Matcher { catch(handler: () => void): Matcher { handler(); return this; } }\nnew Matcher().catch(() => {});\n",
    "src/view.tsx": SOURCES["src/view.tsx"]!,
    "src/plain.js": SOURCES["src/plain.js"]!,
    "src/script.cjs": SOURCES["src/script.cjs"]!,
  };

  it("without types, the builder's catch() is reported (so its silence below comes from the types)", async () => {
    const results = await lintProject(require("eslint").ESLint, project(files), [...vibeguard.configs.strict]);
    expect(results.get("src/matcher.ts")?.ruleIds).toContain("vibeguard/no-swallowed-error");
  });

  it("projectService on every file, as the docs once showed, fails on JavaScript files", async () => {
    const root = project(files);
    const results = await lintProject(require("eslint").ESLint, root, [
      ...vibeguard.configs.strict,
      { languageOptions: { parser: require("@typescript-eslint/parser"), parserOptions: { projectService: true, tsconfigRootDir: root } } },
    ]);
    expect(results.get("src/script.cjs")?.fatal.join()).toMatch(/project service|projectService|not found by the project/i);
  });

  it.each(versions)("%s: projectService on TypeScript files only", async (_label, { ESLint }) => {
    const root = project(files);
    const results = await lintProject(ESLint, root, [
      ...vibeguard.configs.strict,
      {
        files: ["**/*.{ts,tsx,mts,cts}"],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
      },
    ]);
    for (const [file, result] of results) expect(result.fatal, file).toEqual([]);
    expect(results.get("src/matcher.ts")?.ruleIds, "the TypeScript files had type information").toEqual([]);
    expect(results.get("src/db.ts")?.ruleIds).toContain("vibeguard/no-swallowed-error");
    expect(results.get("src/plain.js")?.ruleIds).toContain("vibeguard/no-swallowed-error");
  });

  it("with typescript-eslint's type-checked presets and disableTypeChecked for JavaScript", async () => {
    const tseslint = require("typescript-eslint");
    const { defineConfig } = require("eslint/config");
    const root = project(files);
    const results = await lintProject(require("eslint").ESLint, root, defineConfig(
      tseslint.configs.recommendedTypeChecked,
      { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } } },
      { files: ["**/*.{js,jsx,mjs,cjs}"], extends: [tseslint.configs.disableTypeChecked] },
      vibeguard.configs.strict,
    ));
    for (const [file, result] of results) expect(result.fatal, file).toEqual([]);
    expect(results.get("src/matcher.ts")?.ruleIds, "the TypeScript files had type information").toEqual([]);
    expect(results.get("src/db.ts")?.ruleIds).toContain("vibeguard/no-swallowed-error");
    expect(results.get("src/plain.js")?.ruleIds).toContain("vibeguard/no-swallowed-error");
  });
});
