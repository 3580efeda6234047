import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, not dist/, so no build is needed between edits.
    alias: [
      { find: /^@vibeguard\/core\/catalog$/, replacement: src("./packages/core/src/catalog/index.ts") },
      { find: /^@vibeguard\/core$/, replacement: src("./packages/core/src/index.ts") },
      { find: /^@vibeguard\/analyzer$/, replacement: src("./packages/analyzer/src/index.ts") },
      { find: /^@vibeguard\/deps\/defaults$/, replacement: src("./packages/deps/src/defaults.ts") },
      { find: /^@vibeguard\/deps$/, replacement: src("./packages/deps/src/index.ts") },
      { find: /^eslint-plugin-vibeguard$/, replacement: src("./packages/eslint-plugin/src/index.ts") },
    ],
  },
  test: {
    include: ["packages/*/tests/**/*.test.ts", "tests/**/*.test.ts"],
    setupFiles: [src("./packages/eslint-plugin/tests/setup-rule-tester.ts")],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
