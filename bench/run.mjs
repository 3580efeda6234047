// @ts-check
/**
 * `pnpm bench`: what the vibeguard rules cost on top of ESLint, measured on real code.
 *
 * One run lints the same corpus files, with the same parsers and the same ESLint setup
 * (corpus/lint-corpus.mjs), under five configurations:
 *   - no rules (the baseline: reading config, parsing, scope analysis, traversal),
 *   - the three vibeguard security rules, and SonarJS's rules for the same problems,
 *   - the three vibeguard reliability rules,
 *   - all six vibeguard rules.
 * Each configuration gets one warm-up run (JIT, module loading), then --runs timed runs. Runs are
 * interleaved round-robin, so load from other processes on a shared machine hits every
 * configuration alike; the table reports medians of wall time and of this process's CPU time
 * (on a loaded machine wall time mostly measures the neighbours, CPU time much less so).
 * The warm-up runs use ESLint's `stats: true` to attribute time to each rule; the
 * instrumentation has a cost, which is why they are not the timed runs.
 *
 * Options:
 *   --runs N   timed runs per configuration (default 5)
 *   --full     the whole corpus instead of the default sample (every 3rd file, >= 100k lines)
 *   --no-write print only, do not rewrite bench/results.md
 */
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, platform, release } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ESLint } from "eslint";
import sonarjs from "eslint-plugin-sonarjs";
import { resolveCorpus } from "../corpus/corpus.config.mjs";
import { DIST_PLUGIN, RELIABILITY_RULES, REPO_ROOT, SECURITY_RULES, RULE_IDS, lintFiles, loadDistPlugin } from "../corpus/lint-corpus.mjs";

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const MIN_LINES = 100_000;

// A full GC before each timed run, so one configuration does not pay for the previous one's garbage.
setFlagsFromString("--expose-gc");
const gc = /** @type {() => void} */ (runInNewContext("gc"));

/** SonarJS's rules for the problems the three security rules cover (names checked at startup). */
const SONAR_SECURITY_RULES = ["sql-queries", "no-hardcoded-passwords", "no-hardcoded-secrets", "hardcoded-secret-signatures", "cors"];

function parseArgs(argv) {
  const args = { runs: 5, full: false, write: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") args.runs = Number(argv[++i]);
    else if (argv[i] === "--full") args.full = true;
    else if (argv[i] === "--no-write") args.write = false;
    else throw new Error(`unknown argument ${argv[i]}; options: --runs N, --full, --no-write`);
  }
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error("--runs needs a positive integer");
  return args;
}

/**
 * The benchmark corpus: a deterministic sample (every 3rd file in path order, so every package is
 * represented) that keeps a full bench run within a few minutes on 2 cores; --full for everything.
 * @param {boolean} full
 */
function benchFiles(full) {
  const corpus = resolveCorpus();
  const files = full ? corpus.files : corpus.files.filter((_, i) => i % 3 === 0);
  const lines = files.reduce((sum, f) => sum + f.lines, 0);
  if (lines < MIN_LINES) throw new Error(`bench corpus has ${lines} lines, fewer than ${MIN_LINES}: use --full or grow the corpus`);
  const packages = new Set(files.map((f) => f.pkg)).size;
  return { files, lines, packages, corpusLines: corpus.lines, corpusFiles: corpus.files.length };
}

/**
 * Warn when dist/ is older than the plugin sources: the bench would measure stale rules.
 * @returns {boolean} whether dist/ is at least as new as every source file
 */
function checkDistFreshness() {
  const rulesDir = join(REPO_ROOT, "packages/eslint-plugin/src");
  const newestSource = Math.max(
    ...readdirSync(rulesDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts"))
      .map((e) => statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs),
  );
  if (statSync(DIST_PLUGIN).mtimeMs < newestSource) {
    console.warn("warning: packages/eslint-plugin/dist is older than src/; run `pnpm build` to bench the current rules\n");
    return false;
  }
  return true;
}

/** The commit the bench ran on, with "+ local changes" when the tree is dirty; "unknown" outside git. */
function gitDescription() {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "packages/eslint-plugin/src"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
    return dirty ? `${head} + uncommitted changes in packages/eslint-plugin/src` : head;
  } catch {
    return "unknown"; // ignore: not a git checkout; the rest of the setup is still recorded
  }
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const vibeguard = await loadDistPlugin();
  const distFresh = checkDistFreshness();
  const missingSonar = SONAR_SECURITY_RULES.filter((id) => !sonarjs.rules?.[id]);
  if (missingSonar.length > 0) throw new Error(`eslint-plugin-sonarjs has no rule(s) ${missingSonar.join(", ")}`);

  const bench = benchFiles(args.full);
  const vg = (ids) => Object.fromEntries(ids.map((id) => [`vibeguard/${id}`, "error"]));
  // One rule that does nothing: isolates what ESLint itself spends as soon as any rule is on
  // (the rule-running traversal), which every plugin pays before its first listener runs.
  const traversal = { rules: { "empty-rule": { meta: { type: "problem", schema: [] }, create: () => ({ Program() {} }) } } };
  const plugins = { vibeguard, sonarjs, traversal };
  const configs = [
    { name: "no rules (baseline)", rules: {} },
    { name: "one empty rule (ESLint's own cost of running rules)", rules: { "traversal/empty-rule": "error" } },
    { name: "vibeguard security (3 rules)", rules: vg(SECURITY_RULES) },
    { name: `SonarJS security equivalents (${SONAR_SECURITY_RULES.length} rules)`, rules: Object.fromEntries(SONAR_SECURITY_RULES.map((id) => [`sonarjs/${id}`, "error"])) },
    { name: "vibeguard reliability (3 rules)", rules: vg(RELIABILITY_RULES) },
    { name: "vibeguard all six", rules: vg(RULE_IDS) },
  ].map((c) => ({ ...c, wallMs: /** @type {number[]} */ ([]), cpuMs: /** @type {number[]} */ ([]), reports: 0, problems: 0, timing: /** @type {any} */ (null) }));

  console.log(`bench corpus: ${bench.files.length} files, ${bench.lines} lines, ${bench.packages} packages` +
    `${args.full ? "" : ` (every 3rd file of ${bench.corpusFiles} files / ${bench.corpusLines} lines)`}; ${args.runs} timed runs per configuration\n`);

  const started = performance.now();
  const runOnce = async (config, stats = false) => {
    gc();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await lintFiles(bench.files, { plugins, rules: config.rules, stats });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { wall, cpu: (cpu.user + cpu.system) / 1000, result };
  };

  // Warm-up, with per-rule timing; its reports also say whether each configuration ran cleanly.
  const loadBefore = loadavg();
  for (const config of configs) {
    const { wall, result } = await runOnce(config, true);
    config.reports = result.reports.length;
    config.problems = result.crashes.length + result.parseErrors.length;
    config.timing = result.timing;
    console.log(`warm-up  ${config.name.padEnd(44)} ${(wall / 1000).toFixed(2)}s  ${result.reports.length} reports`);
    for (const c of result.crashes) console.warn(`  crash: ${c.ruleId} on ${c.file}: ${c.error.split("\n")[0]}`);
  }
  for (let round = 0; round < args.runs; round++) {
    // Rotate the order each round so no configuration always runs first (or right after GC-heavy ones).
    const order = configs.map((_, i) => configs[(i + round) % configs.length]);
    for (const config of order) {
      const { wall, cpu } = await runOnce(config);
      config.wallMs.push(wall);
      config.cpuMs.push(cpu);
    }
    console.log(`round ${round + 1}/${args.runs}: ${order.map((c) => `${(c.wallMs.at(-1) / 1000).toFixed(2)}s`).join("  ")}`);
  }
  const totalSeconds = (performance.now() - started) / 1000;

  const markdown = renderResults({ args, bench, configs, totalSeconds, loadBefore, distFresh });
  console.log(`\n${markdown}`);
  if (args.write) {
    writeFileSync(join(BENCH_DIR, "results.md"), markdown);
    console.log("written to bench/results.md");
  }
}

function renderResults({ args, bench, configs, totalSeconds, loadBefore, distFresh }) {
  const require = createRequire(import.meta.url);
  const version = (name) => require(`${name}/package.json`).version;
  const baseline = configs[0];
  const baseWall = median(baseline.wallMs);
  const baseCpu = median(baseline.cpuMs);
  const s = (ms) => (ms / 1000).toFixed(2);
  const cpuList = cpus();
  const command = `pnpm bench${process.argv.length > 2 ? ` ${process.argv.slice(2).join(" ")}` : ""}`;
  const load = (l) => l.map((x) => x.toFixed(2)).join(" / ");

  /** "1.23× (+23.0%)" against the baseline's median */
  const ratio = (value, base) => `${(value / base).toFixed(2)}× (${value >= base ? "+" : ""}${(((value - base) / base) * 100).toFixed(1)}%)`;
  // The fastest run is the least disturbed by other processes: noise only ever adds time.
  const baseBest = Math.min(...baseline.wallMs);
  const rows = configs.map((c) => {
    const wall = median(c.wallMs);
    const cpu = median(c.cpuMs);
    const best = Math.min(...c.wallMs);
    if (c === baseline) {
      return `| ${c.name} | ${s(best)} | baseline | ${s(wall)} | ${s(best)}–${s(Math.max(...c.wallMs))} | baseline | ${s(cpu)} | baseline | – | ${c.reports} |`;
    }
    const extraCpuPerKloc = (((cpu - baseCpu) / bench.lines) * 1000).toFixed(2);
    return `| ${c.name} | ${s(best)} | ${ratio(best, baseBest)} | ${s(wall)} | ${s(best)}–${s(Math.max(...c.wallMs))} | ${ratio(wall, baseWall)} | ${s(cpu)} | ${ratio(cpu, baseCpu)} | ${extraCpuPerKloc} | ${c.reports} |`;
  });

  // A second, load-independent estimate: the rules' own listener time (ESLint stats) against the
  // baseline's whole lint time. The budget is 10% per group of three rules.
  const listenerShare = (c) => {
    const total = Object.values(c.timing?.rulesMs ?? {}).reduce((sum, ms) => sum + ms, 0);
    return `${total.toFixed(0)} ms = ${((total / baseBest) * 100).toFixed(1)}%`;
  };
  const emptyRule = configs[1];
  const emptyBest = Math.min(...emptyRule.wallMs);
  const budgetRows = configs
    .filter((c) => c !== baseline && c.name.startsWith("vibeguard"))
    .map((c) => `| ${c.name} | ${ratio(Math.min(...c.wallMs), baseBest)} | ${ratio(Math.min(...c.wallMs), emptyBest)} | ${listenerShare(c)} |`);

  // Per-rule attribution from ESLint's stats (each rule's total listener time over the run).
  const ruleRows = [];
  for (const c of configs) {
    for (const [ruleId, ms] of Object.entries(c.timing?.rulesMs ?? {}).sort((a, b) => b[1] - a[1])) {
      ruleRows.push(`| ${c.name} | \`${ruleId}\` | ${ms.toFixed(0)} | ${((ms / c.timing.parseMs) * 100).toFixed(1)}% |`);
    }
  }
  const parseMs = baseline.timing?.parseMs ?? 0;
  const problems = configs.filter((c) => c.problems > 0).map((c) => `${c.name}: ${c.problems}`);

  return `# Benchmark results

Rule overhead on real code: ESLint ${ESLint.version} linting the same ${bench.files.length} corpus files
(${bench.lines.toLocaleString("en-US")} lines from ${bench.packages} npm packages${args.full ? ", the whole corpus" : `, every 3rd file of the ${bench.corpusLines.toLocaleString("en-US")}-line corpus`})
with each rule set. Same parsers and ESLint setup for every row (espree for JS, @typescript-eslint/parser
for TS; see corpus/lint-corpus.mjs). Single-threaded, one \`lintText\` per file, files already in memory.
${args.runs} timed runs per configuration after one warm-up, interleaved round-robin; medians.

| configuration | best wall (s) | best vs. no rules | median wall (s) | wall range (s) | median vs. no rules | median CPU (s) | CPU vs. no rules | extra CPU ms per 1k lines | reports |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

"best" is the fastest of the timed runs (the least disturbed by other processes); "median vs. no rules"
compares medians with the baseline row; "extra CPU ms per 1k lines" is the CPU time
above the baseline's, spread over the corpus lines. CPU time is this process's user + system time.
When the load average (below) is above the core count, wall times mostly measure the other
processes on the machine: read the CPU columns, and treat differences of a few percent as noise.
${problems.length > 0 ? `\n**Rule crashes or parse errors during the run:** ${problems.join("; ")}.\n` : ""}
## Overhead against the budget

The issue's budget: each group of three rules adds at most 10% to ESLint's no-rules time.

ESLint itself spends ${ratio(emptyBest, baseBest)} over "no rules" as soon as one rule that does nothing is on,
so the middle column shows what the rules add beyond ESLint's own cost of running any rule.

| configuration | best wall vs. no rules | best wall vs. one empty rule | rules' own listener time vs. the baseline's best wall |
|---|---:|---:|---:|
${budgetRows.join("\n")}

## Time per rule

From the warm-up run of each configuration, made with ESLint's \`stats: true\`: listener time per rule,
summed over files. The instrumentation adds overhead and the warm-up includes JIT compilation, so
compare rules with each other, not with the table above. Parsing took ${(parseMs / 1000).toFixed(2)} s
in the baseline's warm-up run.

| configuration | rule | time (ms) | vs. parse time |
|---|---|---:|---:|
${ruleRows.length > 0 ? ruleRows.join("\n") : "| – | – | – | – |"}

## Setup

- date: ${new Date().toISOString()}
- command: \`${command}\` (from the repository root, after \`pnpm build\`); the whole run took ${totalSeconds.toFixed(0)} s
- machine: ${cpuList[0]?.model ?? "unknown CPU"}, ${cpuList.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}
- load average (1 / 5 / 15 min): ${load(loadBefore)} at the start, ${load(loadavg())} at the end
- node ${process.version}, eslint ${ESLint.version}, @typescript-eslint/parser ${version("@typescript-eslint/parser")}, eslint-plugin-sonarjs ${version("eslint-plugin-sonarjs")}, eslint-plugin-vibeguard ${pluginVersion()}
- code: commit ${gitDescription()}; plugin build ${distFresh ? "up to date with its sources" : "**older than its sources** (run \`pnpm build\` and re-run)"}
- SonarJS rules: ${SONAR_SECURITY_RULES.map((id) => `\`sonarjs/${id}\``).join(", ")}
`;
}

function pluginVersion() {
  const manifest = join(REPO_ROOT, "packages/eslint-plugin/package.json");
  return existsSync(manifest) ? createRequire(import.meta.url)(manifest).version : "?";
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
