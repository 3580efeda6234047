// @ts-check
/**
 * `node bench/editor-relint.mjs`: what a keystroke costs in the editor.
 *
 * The ESLint language server keeps one ESLint instance per project and calls `lintText(buffer, { filePath })`
 * on every change. This does the same, warm: a project in the temp folder whose eslint.config.js uses
 * `vibeguard.configs.recommended` (the built plugin, linked) with the TypeScript parser, one ~2,000-line
 * TypeScript file (fixtures/demo-app's sources, agent-style application code, concatenated), warm-up lints,
 * then `--runs` edits of one line, each followed by a re-lint.
 *
 * Two passes over the same edits, so the instrumentation does not inflate the headline:
 *   1. wall time of each re-lint, `stats` off (what the editor runs): median, p90, min;
 *   2. with ESLint's `stats: true`: per-rule listener time, parse time, and vibeguard's share of the total.
 * Target (issue #12): vibeguard's rules together under 50 ms of a re-lint.
 *
 * Options:
 *   --runs N      timed edits per pass (default 40)
 *   --eslint9     use ESLint 9 (the workspace's `eslint9`) instead of 10
 *   --check       exit 1 when vibeguard's median rule time is over the 50 ms target
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TARGET_MS = 50;
const WARM_UP = 10;
const TARGET_LINES = 2_000;

function parseArgs(argv) {
  const args = { runs: 40, eslintPackage: "eslint", check: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") args.runs = Number(argv[++i]);
    else if (argv[i] === "--eslint9") args.eslintPackage = "eslint9";
    else if (argv[i] === "--check") args.check = true;
    else throw new Error(`unknown argument ${argv[i]}; options: --runs N, --eslint9, --check`);
  }
  if (!Number.isInteger(args.runs) || args.runs < 5) throw new Error("--runs needs an integer of at least 5");
  return args;
}

/** demo-app's TypeScript sources in path order, repeated whole until the text reaches TARGET_LINES lines. */
function buildLargeFile() {
  const srcDir = join(REPO_ROOT, "fixtures/demo-app/src");
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (name.isDirectory()) walk(join(dir, name.name));
      else if (name.name.endsWith(".ts")) files.push(join(dir, name.name));
    }
  };
  walk(srcDir);
  const parts = [];
  let lines = 0;
  for (let i = 0; lines < TARGET_LINES; i++) {
    const file = files[i % files.length];
    const text = `// ---- ${relative(srcDir, file)} (copy ${Math.floor(i / files.length) + 1})\n${readFileSync(file, "utf8")}`;
    const part = text.endsWith("\n") ? text : `${text}\n`;
    parts.push(part);
    lines += part.split("\n").length - 1;
  }
  return parts.join("");
}

/** A temp project as a user has it after `npm install -D eslint eslint-plugin-vibeguard`. */
async function createProject() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "vg-editor-bench-")));
  const link = (name, target) => {
    mkdirSync(dirname(join(dir, "node_modules", name)), { recursive: true });
    symlinkSync(realpathSync(target), join(dir, "node_modules", name), "dir");
  };
  link("eslint-plugin-vibeguard", join(REPO_ROOT, "packages/eslint-plugin"));
  link("@typescript-eslint/parser", join(REPO_ROOT, "node_modules/@typescript-eslint/parser"));
  writeFileSync(join(dir, "package.json"), '{ "name": "editor-bench", "private": true, "type": "module" }\n');
  writeFileSync(
    join(dir, "eslint.config.js"),
    [
      'import tsParser from "@typescript-eslint/parser";',
      'import vibeguard from "eslint-plugin-vibeguard";',
      "",
      "export default [",
      '  { files: ["**/*.ts"], languageOptions: { parser: tsParser } },',
      // A preset that is an array of configs is spread into the plain array (ESLint rejects nested arrays).
      `  ${(await presetIsArray()) ? "..." : ""}vibeguard.configs.recommended,`,
      "];",
      "",
    ].join("\n"),
  );
  mkdirSync(join(dir, "src"));
  return dir;
}

async function presetIsArray() {
  const { default: plugin } = await import(pathToFileURL(join(REPO_ROOT, "packages/eslint-plugin/dist/index.js")).href);
  return Array.isArray(plugin.configs.recommended);
}

/** The n-th one-line edit: a different trailing comment on one line in the middle of the file. */
function edit(lines, n) {
  const at = Math.floor(lines.length / 2);
  const copy = lines.slice();
  copy[at] = `${copy[at]} // edit ${n}`;
  return copy.join("\n");
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const ms = (value) => `${value.toFixed(1)} ms`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const require = createRequire(join(REPO_ROOT, "package.json"));
  const { ESLint } = require(args.eslintPackage);
  const dir = await createProject();
  try {
    const text = buildLargeFile();
    const lines = text.split("\n"); // the last element is the empty string after the final newline
    const filePath = join(dir, "src/app.ts");
    writeFileSync(filePath, text);

    // Pass 1: what the editor runs (no stats). The first lint is cold: config, parser and plugin load, any index build.
    const eslint = new ESLint({ cwd: dir });
    const coldStart = performance.now();
    await eslint.lintText(edit(lines, -100), { filePath });
    const cold = performance.now() - coldStart;
    for (let i = 0; i < WARM_UP; i++) await eslint.lintText(edit(lines, -i - 1), { filePath });
    const wall = [];
    let reports = 0;
    for (let i = 0; i < args.runs; i++) {
      const buffer = edit(lines, i);
      const start = performance.now();
      const [result] = await eslint.lintText(buffer, { filePath });
      wall.push(performance.now() - start);
      reports = result.messages.length;
      if (result.messages.some((m) => m.fatal)) throw new Error(`parse error in the benchmark file: ${result.messages[0].message}`);
    }

    // Pass 2: per-rule times from ESLint's stats.
    const statsEslint = new ESLint({ cwd: dir, stats: true });
    for (let i = 0; i < WARM_UP; i++) await statsEslint.lintText(edit(lines, -i - 1), { filePath });
    /** @type {Record<string, number[]>} */
    const perRule = {};
    const vibeguardTotals = [];
    const parseTimes = [];
    const statTotals = [];
    for (let i = 0; i < args.runs; i++) {
      const [result] = await statsEslint.lintText(edit(lines, i), { filePath });
      const passes = result.stats.times.passes;
      let vibeguard = 0;
      for (const pass of passes) {
        for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) {
          (perRule[ruleId] ??= []).push(total);
          if (ruleId.startsWith("vibeguard/")) vibeguard += total;
        }
      }
      vibeguardTotals.push(vibeguard);
      parseTimes.push(passes.reduce((sum, pass) => sum + (pass.parse?.total ?? 0), 0));
      statTotals.push(passes.reduce((sum, pass) => sum + (pass.total ?? 0), 0));
    }

    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
    const vibeguardMedian = median(vibeguardTotals);
    const out = [
      `editor re-lint benchmark: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit}`,
      `ESLint ${ESLint.version}, node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? "?"}, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`,
      `file: ${lines.length - 1} lines of TypeScript (${reports} reports), one-line edit then lintText, ${WARM_UP} warm-up + ${args.runs} edits per pass`,
      "",
      `first lint (cold): ${ms(cold)}`,
      `re-lint wall time (stats off): median ${ms(median(wall))}, p90 ${ms(quantile(wall, 0.9))}, min ${ms(Math.min(...wall))}`,
      `with stats: lint total median ${ms(median(statTotals))}, parse ${ms(median(parseTimes))}`,
      `vibeguard rules together: median ${ms(vibeguardMedian)}, p90 ${ms(quantile(vibeguardTotals, 0.9))}, min ${ms(Math.min(...vibeguardTotals))} ` +
        `(${((100 * vibeguardMedian) / median(statTotals)).toFixed(1)}% of the lint; target < ${TARGET_MS} ms: ${vibeguardMedian < TARGET_MS ? "met" : "MISSED"})`,
      "",
      "| rule | median | p90 | min |",
      "|---|---:|---:|---:|",
      ...Object.entries(perRule)
        .sort(([, a], [, b]) => median(b) - median(a))
        .map(([ruleId, times]) => `| \`${ruleId}\` | ${ms(median(times))} | ${ms(quantile(times, 0.9))} | ${ms(Math.min(...times))} |`),
    ];
    console.log(out.join("\n"));
    if (args.check && vibeguardMedian >= TARGET_MS) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
