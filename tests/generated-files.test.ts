import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(__dirname, "..");

describe("generated files", () => {
  it("are up to date with rules/*.yaml and the rule files (run `pnpm gen` when this fails)", () => {
    const run = spawnSync(process.execPath, ["scripts/generate.mjs", "--check"], { cwd: repo, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
