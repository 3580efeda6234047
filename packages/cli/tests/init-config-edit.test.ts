import { describe, expect, it } from "vitest";
import { addPluginToConfig } from "../src/init/add-plugin-to-config.js";
import { addVibeguardScript } from "../src/init/package-json.js";

const IMPORT = 'import vibeguard from "eslint-plugin-vibeguard";';

// Each case: a config as people write them, and the exact text after init. Only insertions: the rest stays byte for byte.
const CASES: { name: string; file: string; before: string; after: string }[] = [
  {
    name: "array, one config per line, trailing comma",
    file: "eslint.config.js",
    before: 'import js from "@eslint/js";\n\nexport default [\n  js.configs.recommended,\n  { rules: { semi: "error" } },\n];\n',
    after: `import js from "@eslint/js";\n${IMPORT}\n\nexport default [\n  js.configs.recommended,\n  { rules: { semi: "error" } },\n  vibeguard.configs.recommended,\n];\n`,
  },
  {
    name: "array without a trailing comma keeps that style",
    file: "eslint.config.mjs",
    before: "import js from '@eslint/js'\n\nexport default [\n    js.configs.recommended\n]\n",
    after: "import js from '@eslint/js'\nimport vibeguard from 'eslint-plugin-vibeguard'\n\nexport default [\n    js.configs.recommended,\n    vibeguard.configs.recommended\n]\n",
  },
  {
    name: "array on one line",
    file: "eslint.config.js",
    before: 'import js from "@eslint/js";\nexport default [js.configs.recommended, { rules: {} }];\n',
    after: `import js from "@eslint/js";\n${IMPORT}\nexport default [js.configs.recommended, { rules: {} }, vibeguard.configs.recommended];\n`,
  },
  {
    name: "empty array, no imports",
    file: "eslint.config.js",
    before: "// @ts-check\nexport default [];\n",
    after: `// @ts-check\n${IMPORT}\n\nexport default [vibeguard.configs.recommended];\n`,
  },
  {
    name: "a const exported by name, with satisfies (TypeScript)",
    file: "eslint.config.ts",
    before: 'import type { Linter } from "eslint";\n\nconst config = [\n  { rules: { eqeqeq: "error" } },\n] satisfies Linter.Config[];\n\nexport default config;\n',
    after: `import type { Linter } from "eslint";\n${IMPORT}\n\nconst config = [\n  { rules: { eqeqeq: "error" } },\n  vibeguard.configs.recommended,\n] satisfies Linter.Config[];\n\nexport default config;\n`,
  },
  {
    name: "defineConfig([...]) from eslint/config",
    file: "eslint.config.js",
    before: 'import { defineConfig } from "eslint/config";\n\nexport default defineConfig([\n  { files: ["**/*.js"] },\n]);\n',
    after: `import { defineConfig } from "eslint/config";\n${IMPORT}\n\nexport default defineConfig([\n  { files: ["**/*.js"] },\n  vibeguard.configs.recommended,\n]);\n`,
  },
  {
    name: "tseslint.config(...) with one argument per line",
    file: "eslint.config.mjs",
    before: 'import tseslint from "typescript-eslint";\n\nexport default tseslint.config(\n  tseslint.configs.recommended,\n  { rules: {} },\n);\n',
    after: `import tseslint from "typescript-eslint";\n${IMPORT}\n\nexport default tseslint.config(\n  tseslint.configs.recommended,\n  { rules: {} },\n  vibeguard.configs.recommended,\n);\n`,
  },
  {
    name: "a spread last",
    file: "eslint.config.js",
    before: 'import tseslint from "typescript-eslint";\nexport default [\n  ...tseslint.configs.recommended\n];\n',
    after: `import tseslint from "typescript-eslint";\n${IMPORT}\nexport default [\n  ...tseslint.configs.recommended,\n  vibeguard.configs.recommended\n];\n`,
  },
  {
    name: "a single config object becomes an array",
    file: "eslint.config.js",
    before: 'export default { rules: { "no-console": "warn" } };\n',
    after: `${IMPORT}\n\nexport default [\n  { rules: { "no-console": "warn" } },\n  vibeguard.configs.recommended,\n];\n`,
  },
  {
    name: "CommonJS: require after the last require, below \"use strict\"",
    file: "eslint.config.cjs",
    before: '"use strict";\nconst js = require("@eslint/js");\n\nmodule.exports = [\n  js.configs.recommended,\n];\n',
    after: '"use strict";\nconst js = require("@eslint/js");\nconst vibeguard = require("eslint-plugin-vibeguard");\n\nmodule.exports = [\n  js.configs.recommended,\n  vibeguard.configs.recommended,\n];\n',
  },
  {
    name: "CommonJS in a .js file (a package without \"type\": \"module\"), no require yet",
    file: "eslint.config.js",
    before: "/** @type {import('eslint').Linter.Config[]} */\nmodule.exports = [\n  { rules: { eqeqeq: 'error' } },\n];\n",
    after: "/** @type {import('eslint').Linter.Config[]} */\nconst vibeguard = require('eslint-plugin-vibeguard');\n\nmodule.exports = [\n  { rules: { eqeqeq: 'error' } },\n  vibeguard.configs.recommended,\n];\n",
  },
  {
    name: "a name `vibeguard` already in use is not shadowed",
    file: "eslint.config.js",
    before: 'import vibeguard from "./vibeguard-rules.js";\nexport default [vibeguard];\n',
    after: 'import vibeguard from "./vibeguard-rules.js";\nimport vibeguardPlugin from "eslint-plugin-vibeguard";\nexport default [vibeguard, vibeguardPlugin.configs.recommended];\n',
  },
  {
    name: "comments after the last config stay above the new line",
    file: "eslint.config.js",
    before: 'export default [\n  { rules: {} }, // base\n  // { rules: { "no-alert": "off" } },\n];\n',
    after: `${IMPORT}\n\nexport default [\n  { rules: {} }, // base\n  // { rules: { "no-alert": "off" } },\n  vibeguard.configs.recommended,\n];\n`,
  },
];

const ELEMENT = { spreadPreset: false };
const SPREAD = { spreadPreset: true };

describe("addPluginToConfig", () => {
  it.each(CASES)("$name", ({ file, before, after }) => {
    expect(addPluginToConfig(before, file, ELEMENT)).toEqual({ status: "added", text: after });
  });

  // A preset that is an array of configs is spread: ESLint rejects a nested array in an exported config array.
  it.each(CASES)("$name (preset as an array: spread)", ({ file, before, after }) => {
    const spread = after.replace(/\b(vibeguard|vibeguardPlugin)\.configs\.recommended/g, "...$1.configs.recommended");
    expect(addPluginToConfig(before, file, SPREAD)).toEqual({ status: "added", text: spread });
  });

  it("keeps CRLF line breaks", () => {
    const before = 'import js from "@eslint/js";\r\n\r\nexport default [\r\n  js.configs.recommended,\r\n];\r\n';
    expect(addPluginToConfig(before, "eslint.config.js", ELEMENT)).toEqual({
      status: "added",
      text: `import js from "@eslint/js";\r\n${IMPORT}\r\n\r\nexport default [\r\n  js.configs.recommended,\r\n  vibeguard.configs.recommended,\r\n];\r\n`,
    });
  });

  it.each([
    ['import vibeguard from "eslint-plugin-vibeguard";\nexport default [vibeguard.configs.strict];\n', "eslint.config.js"],
    ['const vibeguard = require("eslint-plugin-vibeguard");\nmodule.exports = [vibeguard.configs.all];\n', "eslint.config.cjs"],
    ["export default [(await import('eslint-plugin-vibeguard')).configs.recommended];\n", "eslint.config.mjs"],
  ])("leaves a config that already loads the plugin alone: %j", (source, file) => {
    expect(addPluginToConfig(source, file, SPREAD)).toEqual({ status: "already-configured" });
  });

  it("refuses a config it cannot follow, naming the file and what to add by hand", () => {
    expect(() => addPluginToConfig("export default async () => [{ rules: {} }];\n", "eslint.config.mjs", ELEMENT)).toThrow(
      expect.objectContaining({
        message: "eslint.config.mjs: cannot tell where its config array is (it exports a ArrowFunctionExpression)",
        hint: 'add `import vibeguard from "eslint-plugin-vibeguard";` and `vibeguard.configs.recommended` to the exported config array by hand',
      }),
    );
    expect(() => addPluginToConfig("const x = 1;\n", "eslint.config.js", ELEMENT)).toThrow(/eslint.config.js: cannot tell where its config array is \(no export default or module.exports found\)/);
  });

  it("names the file when it does not parse", () => {
    expect(() => addPluginToConfig("export default [\n", "eslint.config.js", ELEMENT)).toThrow(/^eslint.config.js does not parse: /);
  });
});

describe("addVibeguardScript", () => {
  it("adds the script in the file's indentation and line breaks", () => {
    const before = '{\r\n\t"name": "p",\r\n\t"scripts": {\r\n\t\t"test": "vitest"\r\n\t}\r\n}\r\n';
    expect(addVibeguardScript(before, "package.json")).toEqual({
      status: "added",
      text: '{\r\n\t"name": "p",\r\n\t"scripts": {\r\n\t\t"test": "vitest",\r\n\t\t"vibeguard": "vibeguard scan"\r\n\t}\r\n}\r\n',
    });
  });

  it("leaves the same script alone and reports a different one", () => {
    expect(addVibeguardScript('{ "scripts": { "vibeguard": "vibeguard scan" } }', "package.json")).toEqual({ status: "already-present" });
    expect(addVibeguardScript('{ "scripts": { "vibeguard": "vibeguard scan src" } }', "package.json")).toEqual({ status: "taken", existing: "vibeguard scan src" });
  });
});
