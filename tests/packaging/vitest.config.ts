import { defineConfig } from "vitest/config";

// The packaging test (`pnpm test:packaging`, run by .ci/run after `pnpm test`): it packs the workspace, installs
// the tarballs with npm in a temporary project and runs them there, so it needs the network and a few
// minutes, and no source aliases: everything comes from the tarballs.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/packaging/**/*.e2e.ts"],
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
