import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packWorkspace } from "../../scripts/pack.mjs";

// A new user's path, with the real tarballs: pack every publishable workspace package, install the
// tarballs with npm into a fresh project outside the repository, then run the CLI, and ESLint 10 and 9
// with each eslint.config.mjs that README.md and docs/getting-started.md show, on JS and TS files.

interface Packed {
  name: string;
  version: string;
  dir: string;
  tarball: string;
  files: string[];
}

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE_FILES = ["plain.js", "view.jsx", "module.mjs", "script.cjs", "typed.ts", "view.tsx", "module.mts", "script.cts"].map(
  (name) => `src/${name}`,
);

// Each file has an empty catch (no-swallowed-error, in `strict`) and a fetch with no timeout (require-timeout, in
// `recommended`) in its own syntax; typed.ts also builds SQL from a string.
const FETCH = '\nvoid fetch("https://api.example.com/health");\n';
const PROJECT_FILES: Record<string, string> = {
  "src/plain.js": "try { run(); } catch (err) {}\n" + FETCH,
  "src/view.jsx": "export const View = () => { try { run(); } catch (err) {} return <div className=\"x\" />; };\n" + FETCH,
  "src/module.mjs": "export async function f() { try { await run(); } catch (err) {} }\n" + FETCH,
  "src/script.cjs": "module.exports = function f() { try { run(); } catch (err) {} };\n" + FETCH,
  "src/typed.ts": [
    'import { Pool } from "pg";',
    "const pool = new Pool();",
    "export async function findUser(id: string): Promise<unknown> {",
    "  try {",
    "    return await pool.query(`SELECT * FROM users WHERE id = ${id}`);",
    "  } catch (err: unknown) {}",
    "}",
    "",
  ].join("\n") + FETCH,
  "src/view.tsx": "export const View = (p: { id: string }) => { try { run(); } catch (err) {} return <div id={p.id as string} />; };\n" + FETCH,
  "src/module.mts": "export enum Mode { A } export function f(m: Mode): void { try { run(m); } catch (err) {} }\n" + FETCH,
  "src/script.cts": 'import fs = require("node:fs"); export function f(): void { try { fs.statSync("x"); } catch (err) {} }\n' + FETCH,
  // With types, no-swallowed-error knows this catch() is not a promise handler; without them it reports it.
  "src/matcher.ts": "class Matcher { catch(handler: () => void): Matcher { handler(); return this; } }\nnew Matcher().catch(() => {});\n",
  "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", jsx: "react-jsx", noEmit: true }, include: ["src"] }),
};

/** The eslint.config.mjs blocks a user copies from the docs, with where they come from. */
function documentedConfigs(): { source: string; text: string }[] {
  const sections: [string, string, string][] = [
    ["README.md", "## The ESLint plugin", "\n## "],
    ["docs/getting-started.md", "## Plugin", "\n## CLI"],
    ["packages/eslint-plugin/README.md", "# eslint-plugin-vibeguard", "\nLicense"],
  ];
  return sections.flatMap(([file, from, to]) => {
    const text = readFileSync(path.join(repo, file), "utf8");
    const start = text.indexOf(from);
    const section = text.slice(start, text.indexOf(to, start + from.length));
    return [...section.matchAll(/```js\n(\/\/ eslint\.config\.mjs\n[\s\S]*?)```/g)].map((match, index) => ({
      source: `${file} #${index + 1}`,
      text: match[1]!,
    }));
  });
}

/** Runs a command in the project with a clean environment: nothing from the pnpm that started the test. */
function run(project: string, command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|PNPM_|VITEST|NODE_OPTIONS)/i.test(key)));
  return new Promise((resolve) => {
    execFile(command, args, { cwd: project, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 127) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function runOk(project: string, command: string, args: string[]): Promise<string> {
  const result = await run(project, command, args);
  if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

interface FileResult {
  fatal: string[];
  vibeguard: string[];
}

/** `npx eslint . -f json`, as rule ids per project-relative file. */
async function eslintProject(project: string): Promise<Map<string, FileResult>> {
  const result = await run(project, "npx", ["eslint", ".", "-f", "json"]);
  if (result.code > 1) throw new Error(`eslint exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  const reports = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; fatal?: boolean; message: string }[] }[];
  return new Map(
    reports.map((report) => [
      path.relative(project, report.filePath).split(path.sep).join("/"),
      {
        fatal: report.messages.filter((m) => m.fatal).map((m) => m.message),
        vibeguard: report.messages.flatMap((m) => (m.ruleId?.startsWith("vibeguard/") ? [m.ruleId] : [])),
      },
    ]),
  );
}

let tarballDir: string;
let project: string;
let packed: Packed[];

beforeAll(async () => {
  tarballDir = mkdtempSync(path.join(tmpdir(), "vibeguard-tarballs-"));
  packed = packWorkspace({ root: repo, outDir: tarballDir }) as Packed[];
  project = realpathSync(mkdtempSync(path.join(tmpdir(), "vibeguard-new-project-")));
  for (const [rel, text] of Object.entries(PROJECT_FILES)) {
    mkdirSync(path.dirname(path.join(project, rel)), { recursive: true });
    writeFileSync(path.join(project, rel), text);
  }
  await runOk(project, "npm", ["init", "-y"]);
  // README's install from a clone: eslint and the tarballs (typescript-eslint for the docs' typed example).
  await runOk(project, "npm", ["install", "--save-dev", "--no-audit", "--no-fund", "eslint@10", "typescript-eslint", ...packed.map((p) => p.tarball)]);
});

afterAll(() => {
  for (const dir of [tarballDir, project]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the tarballs", () => {
  it("cover every publishable workspace package", () => {
    const manifests = packed.map((p) => JSON.parse(readFileSync(path.join(p.dir, "package.json"), "utf8")) as { private?: boolean });
    expect(manifests.every((manifest) => !manifest.private)).toBe(true);
    expect(packed.map((p) => p.name)).toEqual(
      expect.arrayContaining(["@vibeguard/core", "eslint-plugin-vibeguard", "@vibeguard/analyzer", "@vibeguard/deps", "vibeguard"]),
    );
  });

  it("are publish-ready: metadata, README, LICENSE, real dependency versions", async () => {
    const license = readFileSync(path.join(repo, "LICENSE"), "utf8");
    for (const pkg of packed) {
      expect(pkg.files, pkg.name).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE"]));
      expect(pkg.files.some((file) => file.startsWith("dist/") && file.endsWith(".js")), `${pkg.name} ships dist/`).toBe(true);
      const installed = path.join(project, "node_modules", pkg.name);
      expect(readFileSync(path.join(installed, "LICENSE"), "utf8"), `${pkg.name} LICENSE`).toBe(license);
      const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
      expect(manifest, pkg.name).toMatchObject({
        license: "MIT",
        description: expect.stringMatching(/\w{3,}/),
        keywords: expect.arrayContaining(["vibeguard"]),
        repository: { type: "git", directory: expect.stringMatching(/^packages\//) },
        engines: { node: expect.any(String) },
        exports: expect.any(Object),
        files: expect.arrayContaining(["dist"]),
      });
      const specs = Object.values({ ...manifest.dependencies, ...manifest.peerDependencies }) as string[];
      expect(specs.filter((spec) => spec.startsWith("workspace:")), pkg.name).toEqual([]);
    }
  });

  it("install outside the workspace: every package resolves inside the new project", () => {
    expect(project.startsWith(realpathSync(repo))).toBe(false);
    const require = createRequire(path.join(project, "package.json"));
    for (const name of ["eslint-plugin-vibeguard", "@vibeguard/core", "vibeguard", "@typescript-eslint/parser", "eslint"]) {
      expect(realpathSync(require.resolve(name)), name).toContain(path.join(project, "node_modules"));
    }
    // The plugin's own dependencies resolve from where the plugin is installed, not from the monorepo.
    const fromPlugin = createRequire(require.resolve("eslint-plugin-vibeguard"));
    expect(realpathSync(fromPlugin.resolve("@vibeguard/core"))).toContain(project);
  });
});

describe("the CLI from the tarball", () => {
  it("npx vibeguard scan reports the findings in JS and TS files and exits 1", async () => {
    const result = await run(project, "npx", ["vibeguard", "scan", "--format", "json"]);
    expect(result.code, result.stderr).toBe(1);
    const { findings } = JSON.parse(result.stdout) as { findings: { ruleId: string; location: { path: string } }[] };
    for (const file of SOURCE_FILES) {
      expect(findings.filter((f) => f.location.path === file).map((f) => f.ruleId), file).toContain("no-swallowed-error");
    }
    expect(findings.filter((f) => f.location.path === "src/typed.ts").map((f) => f.ruleId)).toContain("no-string-built-sql");
  });
});

const configs = documentedConfigs();

describe.each([
  ["ESLint 10", "10"],
  ["ESLint 9", "9"],
])("%s with the documented eslint.config.mjs", (_label, major) => {
  beforeAll(async () => {
    if (major !== "10") await runOk(project, "npm", ["install", "--save-dev", "--no-audit", "--no-fund", `eslint@${major}`]);
    const version = await runOk(project, "npx", ["eslint", "--version"]);
    expect(version.trim()).toMatch(new RegExp(`^v${major}\\.`));
  });

  it("the docs show the configs this test runs", () => {
    expect(configs.map((c) => c.source)).toEqual(expect.arrayContaining(["README.md #1", "README.md #2", "docs/getting-started.md #3"]));
  });

  it.each(configs.map((c) => [c.source, c.text]))("%s lints every JS and TS file", async (_source, text) => {
    writeFileSync(path.join(project, "eslint.config.mjs"), text);
    const results = await eslintProject(project);
    for (const file of SOURCE_FILES) {
      expect(results.get(file)?.fatal, file).toEqual([]);
      expect(results.get(file)?.vibeguard, file).toContain("vibeguard/require-timeout");
    }
    expect(results.get("src/typed.ts")?.vibeguard).toContain("vibeguard/no-string-built-sql");
    // The documented presets are `recommended`, which leaves no-swallowed-error (strict) off; whether typed
    // examples really give rules types is checked with the strict preset in packages/eslint-plugin/tests/configs.test.ts.
    expect(results.get("src/matcher.ts")?.vibeguard).toEqual([]);
  });

  it("the plugin's types fit eslint.config.ts files under tsc --strict, library checks on", async () => {
    for (const name of ["define-config.ts", "config-array.ts"]) {
      copyFileSync(path.join(repo, "tests/plugin-types", name), path.join(project, name));
    }
    writeFileSync(
      path.join(project, "tsconfig.types.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: false, types: [] },
        files: ["define-config.ts", "config-array.ts"],
      }),
    );
    const result = await run(project, "npx", ["tsc", "-p", "tsconfig.types.json"]);
    // Out of the way of the next `eslint .`, whose typed configs only know src/.
    for (const name of ["define-config.ts", "config-array.ts", "tsconfig.types.json"]) rmSync(path.join(project, name));
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
