import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import plugin from "eslint-plugin-vibeguard";

/**
 * Real ESLint through its Node API, configured as a user's flat config would be: vibeguard's plugin, the
 * given rules, `@typescript-eslint/parser` (no type information) for TypeScript files and espree for
 * JavaScript with the given module system. For the tests of rules that need files on disk (the project
 * indexes of no-duplicate-utility and require-auth-middleware, the dependency rules' caches).
 */
export function eslintWithRules(cwd: string, rules: Linter.RulesRecord, javascript: { sourceType: "module" | "commonjs" } = { sourceType: "module" }): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ["**/*.{js,cjs,mjs,jsx}"], languageOptions: { sourceType: javascript.sourceType, ecmaVersion: "latest" } },
      { files: ["**/*.{ts,cts,mts,tsx}"], languageOptions: { parser: tsParser as Linter.Parser } },
      { files: ["**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}"], plugins: { vibeguard: plugin as unknown as ESLint.Plugin }, rules },
    ],
  });
}
