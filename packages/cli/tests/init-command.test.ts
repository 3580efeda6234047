import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { initCommand } from "../src/commands/init.js";
import { copyProject, recordingIo, snapshotFiles } from "./init-fixture.js";
import { runCli } from "./run-cli.js";

const BIN = path.resolve(__dirname, "../bin/vibeguard.js");

/** Runs the built binary on a real pseudo-terminal (util-linux `script`), typing `input`. */
function runOnTerminal(args: string[], cwd: string, input: string) {
  const command = [process.execPath, BIN, ...args].map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(" ");
  const run = spawnSync("script", ["-qec", command, "/dev/null"], { cwd, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
  return { code: run.status, output: run.stdout };
}

const write = (dir: string, files: Record<string, string>) => {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
};

describe("vibeguard init: never writes without consent", () => {
  it("--dry-run prints the diff of every change and writes nothing", async () => {
    const dir = copyProject("js-esm");
    const before = snapshotFiles(dir);
    const io = recordingIo({ interactive: true, answer: true });
    expect(await initCommand(dir, { dryRun: true, ci: true }, io)).toBe(0);
    expect(snapshotFiles(dir)).toEqual(before);
    expect(io.questions).toEqual([]);
    expect(io.output).toContain('--- a/eslint.config.js\n+++ b/eslint.config.js\n');
    expect(io.output).toContain('+import vibeguard from "eslint-plugin-vibeguard";\n');
    expect(io.output).toMatch(/\n\+  (\.\.\.)?vibeguard\.configs\.recommended,\n/);
    expect(io.output).toContain('-    "lint": "eslint ."\n+    "lint": "eslint .",\n+    "vibeguard": "vibeguard scan"\n');
    expect(io.output).toContain("--- /dev/null\n+++ b/.github/workflows/vibeguard.yml\n");
    expect(io.output).toContain("npm install --save-dev eslint-plugin-vibeguard vibeguard");
  });

  it("asks on a terminal before changing existing files; no writes nothing and exits 1", async () => {
    const dir = copyProject("mjs");
    const before = snapshotFiles(dir);
    const io = recordingIo({ interactive: true, answer: false });
    expect(await initCommand(dir, {}, io)).toBe(1);
    expect(io.questions).toEqual(["Change eslint.config.mjs, package.json?"]);
    expect(io.output).toContain("Nothing written.");
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it("yes at the prompt writes the planned changes", async () => {
    const dir = copyProject("mjs");
    const io = recordingIo({ interactive: true, answer: true });
    expect(await initCommand(dir, {}, io)).toBe(0);
    expect(io.questions).toHaveLength(1);
    expect(readFileSync(path.join(dir, "eslint.config.mjs"), "utf8")).toContain("vibeguard.configs.recommended");
  });

  it("on a real terminal, asks and takes the typed answer (the built binary on a pseudo-terminal)", () => {
    const dir = copyProject("mjs");
    const before = snapshotFiles(dir);
    const no = runOnTerminal(["init"], dir, "n\n");
    expect(no.output).toContain("Change eslint.config.mjs, package.json? [y/N]");
    expect(no.output).toContain("Nothing written.");
    expect(no.code).toBe(1);
    expect(snapshotFiles(dir)).toEqual(before);

    const yes = runOnTerminal(["init"], dir, "y\n");
    expect(yes.code, yes.output).toBe(0);
    expect(readFileSync(path.join(dir, "eslint.config.mjs"), "utf8")).toContain("vibeguard.configs.recommended");
  });

  it("without a terminal refuses to change existing files unless --yes (the real binary, stdin not a TTY)", () => {
    const dir = copyProject("cjs");
    const before = snapshotFiles(dir);
    const run = runCli(["init"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("not changing eslint.config.cjs, package.json without consent (no terminal to ask in)");
    expect(run.stderr).toContain("re-run with --yes to apply, or with --dry-run to see the diff");
    expect(snapshotFiles(dir)).toEqual(before);

    const yes = runCli(["init", "--yes"], dir);
    expect(yes.stderr).toBe("");
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain("update eslint.config.cjs: add vibeguard.configs.recommended");
    expect(yes.stdout).toContain("yarn add -D eslint eslint-plugin-vibeguard vibeguard");
  });

  it("creates new files without asking: nothing of the user's is overwritten", async () => {
    const dir = copyProject("js-esm");
    await initCommand(dir, { yes: true }, recordingIo({ interactive: false }));
    const io = recordingIo({ interactive: false });
    expect(await initCommand(dir, { ci: true }, io)).toBe(0);
    expect(io.output).toContain("create .github/workflows/vibeguard.yml");

    // A workflow of the user's with that name is an existing file: it needs consent like any other.
    writeFileSync(path.join(dir, ".github/workflows/vibeguard.yml"), "name: mine\n");
    await expect(initCommand(dir, { ci: true }, recordingIo({ interactive: false }))).rejects.toThrow(/not changing \.github\/workflows\/vibeguard\.yml without consent/);
    expect(readFileSync(path.join(dir, ".github/workflows/vibeguard.yml"), "utf8")).toBe("name: mine\n");
  });

  it("keeps a different `vibeguard` script of the user's and says so", async () => {
    const dir = write(copyProject(undefined), {
      "package.json": JSON.stringify({ name: "p", scripts: { vibeguard: "vibeguard scan src --fail-on warning" } }),
      "eslint.config.js": 'import vibeguard from "eslint-plugin-vibeguard";\nexport default [vibeguard.configs.recommended];\n',
    });
    const io = recordingIo({ interactive: false });
    expect(await initCommand(dir, {}, io)).toBe(0);
    expect(io.output).toContain('package.json already has a "vibeguard" script ("vibeguard scan src --fail-on warning"): left as it is');
    expect(io.output).toContain("eslint.config.js already loads eslint-plugin-vibeguard: left as it is");
    expect(io.output).toContain("nothing to change");
  });
});

describe("vibeguard init: projects it cannot set up are refused with a clear message", () => {
  it("an eslintrc project: migrate first", async () => {
    const dir = write(copyProject(undefined), { "package.json": "{}", ".eslintrc.json": "{}" });
    await expect(initCommand(dir, { yes: true }, recordingIo({ interactive: false }))).rejects.toThrow(
      expect.objectContaining({
        message: ".eslintrc.json is an eslintrc config; eslint-plugin-vibeguard needs a flat config (eslint.config.js)",
        hint: "migrate first with `npx @eslint/migrate-config .eslintrc.json`, then run `vibeguard init` again",
      }),
    );
  });

  it("no package.json", async () => {
    const dir = copyProject(undefined);
    await expect(initCommand(dir, {}, recordingIo({ interactive: false }))).rejects.toThrow(`no package.json in ${dir}`);
  });

  it("a package.json that is not JSON, by name (the real binary: exit 2)", () => {
    const dir = write(copyProject(undefined), { "package.json": "{ name: p }" });
    const run = runCli(["init", "--dry-run"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/package\.json is not valid JSON: /);
  });
});

describe("vibeguard init: package manager of the install command", () => {
  const cases: { files: Record<string, string>; packageManager?: string; install: string; run: string }[] = [
    { files: { "pnpm-lock.yaml": "" }, install: "pnpm add -D eslint eslint-plugin-vibeguard vibeguard", run: "pnpm vibeguard" },
    { files: { "pnpm-lock.yaml": "", "pnpm-workspace.yaml": "packages: []\n" }, install: "pnpm add -D -w eslint eslint-plugin-vibeguard vibeguard", run: "pnpm vibeguard" },
    { files: { "yarn.lock": "" }, install: "yarn add -D eslint eslint-plugin-vibeguard vibeguard", run: "yarn vibeguard" },
    { files: { "package-lock.json": "{}" }, install: "npm install --save-dev eslint eslint-plugin-vibeguard vibeguard", run: "npm run vibeguard" },
    { files: {}, install: "npm install --save-dev eslint eslint-plugin-vibeguard vibeguard", run: "npm run vibeguard" },
    { files: {}, packageManager: "yarn@4.5.0", install: "yarn add -D eslint eslint-plugin-vibeguard vibeguard", run: "yarn vibeguard" },
  ];
  it.each(cases)("$files $packageManager -> $install", async ({ files, packageManager, install, run }) => {
    const dir = write(copyProject(undefined), { ...files, "package.json": JSON.stringify({ name: "p", packageManager }) });
    const io = recordingIo({ interactive: false });
    await initCommand(dir, { dryRun: true }, io);
    expect(io.output).toContain(`After applying, run:\n  ${install}\n  ${run}\n`);
  });

  it("a package in a monorepo uses the root's lockfile; its workflow goes to the repository root", async () => {
    const root = write(copyProject(undefined), {
      "yarn.lock": "",
      ".yarnrc.yml": "nodeLinker: node-modules\n",
      "package.json": '{ "name": "root", "private": true, "packageManager": "yarn@4.5.0" }',
      "packages/api/package.json": '{ "name": "api" }',
    });
    const io = recordingIo({ interactive: false });
    expect(await initCommand(path.join(root, "packages/api"), { ci: true, yes: true }, io)).toBe(0);
    expect(io.output).toContain("yarn add -D eslint eslint-plugin-vibeguard vibeguard");
    expect(io.output).toContain("create ../../.github/workflows/vibeguard.yml");

    const workflow = parseYaml(readFileSync(path.join(root, ".github/workflows/vibeguard.yml"), "utf8")) as {
      jobs: { vibeguard: { steps: { run?: string; uses?: string; with?: Record<string, string>; "working-directory"?: string }[] } };
    };
    const steps = workflow.jobs.vibeguard.steps;
    expect(steps.filter((step) => step.run && step.run !== "corepack enable")).toEqual([
      { run: "yarn install --immutable" },
      { run: "yarn vibeguard --format sarif --output vibeguard.sarif", "working-directory": "packages/api" },
    ]);
    expect(steps.find((step) => step.uses?.startsWith("actions/setup-node@"))?.with).toEqual({ "node-version": 20, cache: "yarn" });
    expect(steps.at(-1)?.with?.sarif_file).toBe("packages/api/vibeguard.sarif");
  });

  it("a package covered by the monorepo's root eslint.config.js: that config is edited, and the plugin installed at the root", async () => {
    const rootConfig = 'export default [\n  { rules: { "no-console": "warn" } },\n];\n';
    const root = write(copyProject(undefined), {
      "pnpm-lock.yaml": "",
      "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
      "package.json": '{ "name": "root", "private": true, "devDependencies": { "eslint": "^10.0.0" } }',
      "eslint.config.js": rootConfig,
      "packages/api/package.json": '{ "name": "api" }',
    });
    const io = recordingIo({ interactive: false });
    expect(await initCommand(path.join(root, "packages/api"), { yes: true }, io)).toBe(0);
    expect(io.output).toContain("update ../../eslint.config.js: add vibeguard.configs.recommended (the repository's config, which ESLint uses for this package)");
    expect(io.output).toContain("  cd ../.. && pnpm add -D -w eslint-plugin-vibeguard vibeguard\n");
    expect(readFileSync(path.join(root, "eslint.config.js"), "utf8")).toMatch(/\n  (\.\.\.)?vibeguard\.configs\.recommended,\n\];\n$/);
    expect(snapshotFiles(path.join(root, "packages/api"))).toEqual({ "package.json": expect.stringContaining('"vibeguard": "vibeguard scan"') });
  });

  it("pins pnpm's version for pnpm/action-setup when no packageManager field does", async () => {
    const pinned = write(copyProject(undefined), { "pnpm-lock.yaml": "", "package.json": '{ "name": "p", "packageManager": "pnpm@10.34.8" }' });
    const unpinned = write(copyProject(undefined), { "pnpm-lock.yaml": "", "package.json": '{ "name": "p" }' });
    const setupStep = async (dir: string) => {
      await initCommand(dir, { ci: true, yes: true }, recordingIo({ interactive: false }));
      const workflow = parseYaml(readFileSync(path.join(dir, ".github/workflows/vibeguard.yml"), "utf8")) as { jobs: { vibeguard: { steps: { uses?: string }[] } } };
      return workflow.jobs.vibeguard.steps.find((step) => step.uses?.startsWith("pnpm/action-setup@"));
    };
    expect(await setupStep(pinned)).toEqual({ uses: "pnpm/action-setup@v4" });
    expect(await setupStep(unpinned)).toEqual({ uses: "pnpm/action-setup@v4", with: { version: 10 } });
  });
});
