import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { clearCandidateTSConfigRootDirs } from "@typescript-eslint/typescript-estree";
import { beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { initCommand } from "../src/commands/init.js";
import { copyProject, recordingIo, snapshotFiles } from "./init-fixture.js";

const require = createRequire(import.meta.url);

// One fixture per config style (fixtures/init/README.md): init on a copy, then the result linted by real ESLint.
const STYLES = [
  { style: "none", config: "eslint.config.mjs", source: "src/app.js", ownRules: [], install: "npm install --save-dev eslint eslint-plugin-vibeguard vibeguard" },
  { style: "js-esm", config: "eslint.config.js", source: "src/app.js", ownRules: ["no-console"], install: "npm install --save-dev eslint-plugin-vibeguard vibeguard" },
  { style: "mjs", config: "eslint.config.mjs", source: "src/app.mjs", ownRules: ["no-console"], install: "pnpm add -D eslint eslint-plugin-vibeguard vibeguard" },
  { style: "cjs", config: "eslint.config.cjs", source: "src/app.js", ownRules: ["no-console"], install: "yarn add -D eslint eslint-plugin-vibeguard vibeguard" },
  { style: "ts", config: "eslint.config.ts", source: "src/app.ts", ownRules: ["no-console"], install: "pnpm add -D eslint-plugin-vibeguard vibeguard jiti" },
];

const ESLINT_MAJORS = [
  { label: "ESLint 10", eslintPackage: "eslint" },
  { label: "ESLint 9", eslintPackage: "eslint9" },
] as const;

interface LintMessage {
  ruleId: string | null;
  fatal?: boolean;
  message: string;
}

describe.each(ESLINT_MAJORS)("vibeguard init, linted with $label", ({ eslintPackage }) => {
  // typescript-eslint's config() registers its folder as a tsconfig root for the whole process; each fixture is
  // a separate project, as it would be in its own ESLint process.
  beforeEach(() => clearCandidateTSConfigRootDirs());

  it.each(STYLES)("$style: adds the preset to $config, and ESLint then reports vibeguard's and the project's own rules", async ({ style, config, source, ownRules, install }) => {
    const dir = copyProject(style, { eslint: eslintPackage, "eslint-plugin-vibeguard": "eslint-plugin-vibeguard", "typescript-eslint": "typescript-eslint" });
    const io = recordingIo({ interactive: false });
    expect(await initCommand(dir, { ci: true, yes: true }, io)).toBe(0);

    expect(readFileSync(path.join(dir, config), "utf8")).toContain("vibeguard.configs.recommended");
    expect(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).scripts.vibeguard).toBe("vibeguard scan");
    expect(existsSync(path.join(dir, ".github/workflows/vibeguard.yml"))).toBe(true);
    expect(io.output).toContain(install);

    const { ESLint } = require(eslintPackage) as typeof import("eslint");
    const eslint = new ESLint({ cwd: dir });
    const [result] = await eslint.lintFiles([source]);
    const messages = result!.messages as LintMessage[];
    expect(messages.filter((m) => m.fatal), JSON.stringify(messages)).toEqual([]);
    expect([...new Set(messages.map((m) => m.ruleId))].sort()).toEqual(["vibeguard/no-string-built-sql", ...ownRules].sort());

    // A second run finds everything in place and writes nothing.
    const before = snapshotFiles(dir);
    const again = recordingIo({ interactive: false });
    expect(await initCommand(dir, { ci: true }, again)).toBe(0);
    expect(again.output).toContain("nothing to change");
    expect(snapshotFiles(dir)).toEqual(before);
  });
});

describe("vibeguard init: the GitHub Actions workflow", () => {
  it.each([
    { style: "js-esm", install: "npm ci", scan: "npm run vibeguard -- --format sarif --output vibeguard.sarif" },
    { style: "mjs", install: "pnpm install --frozen-lockfile", scan: "pnpm vibeguard --format sarif --output vibeguard.sarif" },
    { style: "cjs", install: "yarn install --frozen-lockfile", scan: "yarn vibeguard --format sarif --output vibeguard.sarif" },
  ])("$style: installs with `$install`, scans to SARIF and uploads it", async ({ style, install, scan }) => {
    const dir = copyProject(style);
    await initCommand(dir, { ci: true, yes: true }, recordingIo({ interactive: false }));
    const workflow = parseYaml(readFileSync(path.join(dir, ".github/workflows/vibeguard.yml"), "utf8")) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: { vibeguard: { steps: { run?: string; uses?: string; with?: Record<string, string> }[] } };
    };
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push"]);
    expect(workflow.permissions["security-events"]).toBe("write");
    const steps = workflow.jobs.vibeguard.steps;
    expect(steps.filter((s) => s.run).map((s) => s.run)).toEqual([install, scan]);
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.with?.sarif_file).toBe("vibeguard.sarif");
    expect(steps.indexOf(upload!)).toBe(steps.length - 1);
  });

  it("is only written with --ci", async () => {
    const dir = copyProject("js-esm");
    await initCommand(dir, { yes: true }, recordingIo({ interactive: false }));
    expect(existsSync(path.join(dir, ".github"))).toBe(false);
  });
});
