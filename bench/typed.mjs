#!/usr/bin/env node
// @ts-check
/**
 * Typed run (issue 10): what the recommended vibeguard rules cost when ESLint lints with type
 * information (typescript-eslint `projectService`), against a typed no-rules floor. The floor is the
 * same ESLint setup with the parser building TypeScript programs and no rule on, so program creation
 * and type checking are in both and the difference is the rules'.
 *
 *   pnpm build && node bench/typed.mjs [--rounds N] [--no-write]
 *
 * Files: this repository's own TypeScript sources (packages/<pkg>/src/**\/*.ts, each package's
 * tsconfig.json), real typed code with real projects. Each round lints the files with a fresh ESLint
 * instance per configuration, alternating which goes first, after one untimed warm-up run of each (the
 * project service's programs are cached for the process); the fastest round per configuration is the
 * estimate (noise on a shared machine only adds time). Then --stats-passes passes with `stats: true`
 * (default 3) attribute the recommended configuration's listener time per rule: per file and rule the
 * fastest pass, summed over files. Writes bench/typed-results.md.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { loadavg, cpus } from "node:os";
import { join } from "node:path";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { RECOMMENDED_RULES, REPO_ROOT, loadDistPlugin } from "../corpus/lint-corpus.mjs";

const args = { rounds: 5, statsPasses: 3, write: true };
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === "--rounds") args.rounds = Number(process.argv[++i]);
  else if (process.argv[i] === "--stats-passes") args.statsPasses = Number(process.argv[++i]);
  else if (process.argv[i] === "--no-write") args.write = false;
  else throw new Error(`unknown argument ${process.argv[i]}; options: --rounds N, --stats-passes N, --no-write`);
}
if (!Number.isInteger(args.rounds) || args.rounds < 1) throw new Error("--rounds needs a positive integer");
if (!Number.isInteger(args.statsPasses) || args.statsPasses < 1) throw new Error("--stats-passes needs a positive integer");

const vibeguard = await loadDistPlugin();
const files = readdirSync(join(REPO_ROOT, "packages"))
  .flatMap((pkg) => {
    try {
      return readdirSync(join(REPO_ROOT, "packages", pkg, "src"), { recursive: true, encoding: "utf8" }).map((name) => join("packages", pkg, "src", name));
    } catch {
      return []; // a package without src/ has nothing to lint
    }
  })
  .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts") && !name.endsWith(".generated.ts"))
  .sort();
const rules = Object.fromEntries(RECOMMENDED_RULES.map((id) => [`vibeguard/${id}`, "error"]));

/** @param {Record<string, string>} ruleSet @param {boolean} stats */
function createESLint(ruleSet, stats) {
  return new ESLint({
    cwd: REPO_ROOT,
    overrideConfigFile: true,
    stats,
    overrideConfig: [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: REPO_ROOT } },
        plugins: { vibeguard },
        rules: ruleSet,
      },
    ],
  });
}

/** @param {Record<string, string>} ruleSet */
async function timedRun(ruleSet) {
  const eslint = createESLint(ruleSet, false);
  const start = performance.now();
  const results = await eslint.lintFiles(files);
  const ms = performance.now() - start;
  const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}: ${m.message}`));
  if (fatal.length > 0) throw new Error(`files failed to parse with type information:\n${fatal.join("\n")}`);
  return { ms, reports: results.reduce((total, r) => total + r.messages.length, 0) };
}

const loadBefore = loadavg();
// Warm-up, untimed: typescript-eslint's project service and TypeScript's caches live for the process, so the
// first run of either configuration would pay for building the programs alone.
await timedRun({});
await timedRun(rules);
const floor = [];
const recommended = [];
for (let round = 0; round < args.rounds; round++) {
  const order = round % 2 === 0 ? ["floor", "recommended"] : ["recommended", "floor"];
  for (const which of order) {
    const run = await timedRun(which === "floor" ? {} : rules);
    (which === "floor" ? floor : recommended).push(run);
    console.log(`round ${round + 1} ${which.padEnd(11)} ${(run.ms / 1000).toFixed(2)} s, ${run.reports} reports`);
  }
}

// Listener time per rule in steady state (the timed rounds above warmed the rules up): several instrumented
// passes, and per file and rule the fastest of them, summed over files, as bench/run.mjs does.
/** @type {Map<string, Map<string, number>>} rule -> file -> fastest listener time */
const minima = new Map();
for (let pass = 0; pass < args.statsPasses; pass++) {
  for (const result of await createESLint(rules, true).lintFiles(files)) {
    for (const timePass of result.stats?.times?.passes ?? []) {
      for (const [ruleId, { total }] of Object.entries(timePass.rules ?? {})) {
        let perFile = minima.get(ruleId);
        if (!perFile) minima.set(ruleId, (perFile = new Map()));
        const best = perFile.get(result.filePath);
        if (best === undefined || total < best) perFile.set(result.filePath, total);
      }
    }
  }
}
/** @type {Record<string, number>} */
const rulesMs = Object.fromEntries([...minima].map(([ruleId, perFile]) => [ruleId, [...perFile.values()].reduce((a, b) => a + b, 0)]));

const best = (runs) => Math.min(...runs.map((r) => r.ms));
const floorMs = best(floor);
const recommendedMs = best(recommended);
const listenerTotal = Object.values(rulesMs).reduce((a, b) => a + b, 0);
const rows = Object.entries(rulesMs)
  .sort((a, b) => b[1] - a[1])
  .map(([ruleId, ms]) => `| \`${ruleId}\` | ${ms.toFixed(0)} | ${((ms / floorMs) * 100).toFixed(2)}% | ${ms / floorMs <= 0.015 ? "within 1.5%" : "**over 1.5%**"} |`);
const command = `node bench/typed.mjs${process.argv.length > 2 ? ` ${process.argv.slice(2).join(" ")}` : ""}`;
const report = `# Typed run: recommended rules with type information

ESLint ${ESLint.version} with typescript-eslint's \`projectService\` over this repository's own TypeScript
sources (${files.length} files in packages/*/src, each package's tsconfig.json). The floor is the same setup
with no rule on: the parser still builds the TypeScript programs, so the difference is the rules'. Each
configuration ran ${args.rounds} times with a fresh ESLint instance, alternating which went first, after one
untimed warm-up run of each (typescript-eslint's project service keeps the TypeScript programs for the
process, so the first run would pay for building them alone); the fastest run is the estimate.

| configuration | fastest run (s) | all runs (s) | vs. typed floor | reports |
|---|---:|---|---:|---:|
| typed floor (no rules) | ${(floorMs / 1000).toFixed(2)} | ${floor.map((r) => (r.ms / 1000).toFixed(2)).join(", ")} | baseline | ${floor[0]?.reports ?? 0} |
| recommended (${RECOMMENDED_RULES.length} rules) | ${(recommendedMs / 1000).toFixed(2)} | ${recommended.map((r) => (r.ms / 1000).toFixed(2)).join(", ")} | ${(((recommendedMs / floorMs) - 1) * 100).toFixed(1)}% | ${recommended[0]?.reports ?? 0} |

## Listener time (ESLint stats) against the typed floor

ESLint's \`stats: true\` per-rule time in steady state: ${args.statsPasses} instrumented passes after the timed rounds, and per
file and rule the fastest of them, summed over files.

| rule | listener time (ms) | share of the typed floor | verdict |
|---|---:|---:|---|
${rows.join("\n")}
| **all recommended** | ${listenerTotal.toFixed(0)} | **${((listenerTotal / floorMs) * 100).toFixed(2)}%** | ${listenerTotal / floorMs <= 0.05 ? "within 5%" : "**over 5%**"} |

Whole-run differences on a shared machine carry several percent of noise either way; the listener
shares are the steadier measure.

## Setup

- date: ${new Date().toISOString()}
- command: \`${command}\` (from the repository root, after \`pnpm build\`)
- machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores; load average (1 / 5 / 15 min) ${loadBefore.map((x) => x.toFixed(2)).join(" / ")} at the start, ${loadavg().map((x) => x.toFixed(2)).join(" / ")} at the end (the machine is shared with other engineers' jobs)
- node ${process.version}
`;
console.log(report);
if (args.write) writeFileSync(join(REPO_ROOT, "bench/typed-results.md"), report);
