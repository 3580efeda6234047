// The repository lints itself: typescript-eslint for the TypeScript sources, eslint-plugin-eslint-plugin
// for the rules, and vibeguard's own recommended preset (from the built plugin) on everything.
import eslintPlugin from "eslint-plugin-eslint-plugin";
import vibeguard from "eslint-plugin-vibeguard";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "fixtures/**",
      "corpus/**",
      "bench/**/*.json",
      "**/*.generated.ts",
      "coverage/**",
    ],
  },
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["packages/eslint-plugin/src/rules/*/index.ts"],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      // createRule() fills meta.docs from the catalog, so these cannot see it statically.
      "eslint-plugin/require-meta-docs-description": "off",
      "eslint-plugin/require-meta-docs-url": "off",
    },
  },
  vibeguard.configs.recommended,
  {
    // Tests hold deliberately bad code as strings and use fake secrets.
    files: ["**/tests/**", "tests/**"],
    rules: { "vibeguard/no-hardcoded-secret": "off" },
  },
);
