// @ts-check
/**
 * `pnpm bench`: what the vibeguard rules cost on top of ESLint, measured on real code.
 *
 * The same corpus files are linted with the same parsers and ESLint setup (corpus/lint-corpus.mjs)
 * under several configurations: no rules (the baseline), one empty rule (ESLint's own cost of
 * running any rule), the three vibeguard security rules, SonarJS's rules for the same problems,
 * the vibeguard reliability rules and all of them. With --per-rule, each vibeguard rule alone too.
 *
 * Method (bench/paired-timing.mjs): each file is linted under every configuration back to back,
 * in an order that rotates per file, for one warm-up round and --runs timed rounds. The headline
 * figure per configuration is the sum over files of each file's fastest lint, against the same
 * sum for the baseline. A first, untimed pass with ESLint's `stats: true` gives each configuration's
 * reports and a rough per-rule time; the listener budget uses steady-state stats of the recommended
 * rules (one warm-up pass, then --stats-passes passes, per-file per-rule minima).
 *
 * Options:
 *   --runs N     timed rounds (default 7)
 *   --stats-passes N  instrumented passes for the listener budget, after one warm-up pass (default 5)
 *   --rules a,b  with --listeners: only these recommended rules (to measure one rule while working on it)
 *   --listeners  only the listener budget: the recommended rules' stats, each file also linted with no rules in the
 *                same pass (the share's denominator), no timed rounds
 *   --full       the whole corpus instead of the default sample (every 3rd file, >= 100k lines)
 *   --per-rule   also time each vibeguard rule on its own
 *   --no-write   print only, do not rewrite bench/results.md
 *   --check      exit with status 1 when a group of three rules is over the budget, or the
 *                recommended rules' listeners are over 5% of the no-rules time (1.5% for one rule);
 *                with --listeners, 2 when within budget but the 1-minute load exceeded 1.5x the core count
 */
import { existsSync, writeFileSync } from "node:fs";
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
import { CHECKLIST_RULES, RECOMMENDED_RULES, RELIABILITY_RULES, REPO_ROOT, SECURITY_RULES, RULE_IDS, createCorpusLinter, lintFiles, loadDistPlugin } from "../corpus/lint-corpus.mjs";
import { measureInterleaved, median, roundRatios, sum } from "./paired-timing.mjs";
import { measureAllocatedBytes } from "./allocations.mjs";

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const MIN_LINES = 100_000;
/** The issues' budget: each group of three rules adds at most this much to ESLint's no-rules time. */
const BUDGET = 0.1;

// A full GC before each round, so a round does not start with the previous one's garbage.
setFlagsFromString("--expose-gc");
const gc = /** @type {() => void} */ (runInNewContext("gc"));

/** SonarJS's rules for the problems the three security rules cover (names checked at startup). */
const SONAR_SECURITY_RULES = ["sql-queries", "no-hardcoded-passwords", "no-hardcoded-secrets", "hardcoded-secret-signatures", "cors"];

function parseArgs(argv) {
  const args = { runs: 7, full: false, perRule: false, write: true, check: false, listenersOnly: false, statsPasses: 5, rules: /** @type {string[] | undefined} */ (undefined) };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") args.runs = Number(argv[++i]);
    else if (argv[i] === "--stats-passes") args.statsPasses = Number(argv[++i]);
    else if (argv[i] === "--listeners") args.listenersOnly = true;
    else if (argv[i] === "--rules") args.rules = String(argv[++i] ?? "").split(",").filter(Boolean);
    else if (argv[i] === "--full") args.full = true;
    else if (argv[i] === "--per-rule") args.perRule = true;
    else if (argv[i] === "--no-write") args.write = false;
    else if (argv[i] === "--check") args.check = true;
    else throw new Error(`unknown argument ${argv[i]}; options: --runs N, --stats-passes N, --listeners, --rules a,b, --full, --per-rule, --listeners, --no-write, --check`);
  }
  if (!Number.isInteger(args.runs) || args.runs < 2) throw new Error("--runs needs an integer of at least 2");
  if (!Number.isInteger(args.statsPasses) || args.statsPasses < 1) throw new Error("--stats-passes needs a positive integer");
  const unknown = (args.rules ?? []).filter((id) => !RECOMMENDED_RULES.includes(id));
  if (unknown.length > 0) throw new Error(`--rules takes recommended rule ids (${RECOMMENDED_RULES.join(", ")}); not: ${unknown.join(", ")}`);
  if (args.rules && !args.listenersOnly) throw new Error("--rules only goes with --listeners");
  return args;
}

/**
 * The benchmark corpus: a deterministic sample (every 3rd file in path order, so every package is
 * represented) that keeps a bench run within a few minutes on 2 cores; --full for everything.
 * @param {boolean} full
 */
function benchFiles(full) {
  const corpus = resolveCorpus();
  const files = full ? corpus.files : corpus.files.filter((_, i) => i % 3 === 0);
  const lines = files.reduce((total, f) => total + f.lines, 0);
  if (lines < MIN_LINES) throw new Error(`bench corpus has ${lines} lines, fewer than ${MIN_LINES}: use --full or grow the corpus`);
  const packages = new Set(files.map((f) => f.pkg)).size;
  return { files, lines, packages, corpusLines: corpus.lines, corpusFiles: corpus.files.length };
}

/**
 * Warn when the compiled plugin is out of date, so the bench would measure stale rules. Asks
 * TypeScript itself (`tsc -b --dry`): comparing file times is not enough, because a build skips
 * rewriting outputs whose content did not change.
 * @returns {boolean} whether the build is up to date
 */
function checkDistFreshness() {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const report = execFileSync(process.execPath, [tsc, "-b", join(REPO_ROOT, "packages/eslint-plugin"), "--dry"], { cwd: REPO_ROOT, encoding: "utf8" });
  if (/would build/.test(report)) {
    console.warn("warning: packages/eslint-plugin/dist is older than src/; run `pnpm build` to bench the current rules\n");
    return false;
  }
  return true;
}

/** The commit the bench ran on, with a note when the rule sources have local changes; "unknown" outside git. */
function gitDescription() {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "packages/eslint-plugin/src"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
    return dirty ? `${head} + uncommitted changes in packages/eslint-plugin/src` : head;
  } catch {
    return "unknown"; // ignore: not a git checkout; the rest of the setup is still recorded
  }
}

/**
 * @typedef {{ name: string, group?: "security" | "reliability", recommended?: boolean, rules: Record<string, string> }} BenchConfig
 * @param {boolean} perRule
 * @returns {BenchConfig[]}
 */
function benchConfigs(perRule) {
  const vg = (ids) => Object.fromEntries(ids.map((id) => [`vibeguard/${id}`, "error"]));
  return [
    { name: "no rules (baseline)", rules: {} },
    { name: "one empty rule (ESLint's own cost of running rules)", rules: { "traversal/empty-rule": "error" } },
    { name: `vibeguard security (${SECURITY_RULES.length} rules)`, group: "security", rules: vg(SECURITY_RULES) },
    { name: `SonarJS security equivalents (${SONAR_SECURITY_RULES.length} rules)`, rules: Object.fromEntries(SONAR_SECURITY_RULES.map((id) => [`sonarjs/${id}`, "error"])) },
    { name: `vibeguard reliability (${RELIABILITY_RULES.length} rules)`, group: "reliability", rules: vg(RELIABILITY_RULES) },
    { name: `vibeguard checklist (${CHECKLIST_RULES.length} rules)`, group: "checklist", rules: vg(CHECKLIST_RULES) },
    { name: `vibeguard all ${RULE_IDS.length}`, rules: vg(RULE_IDS) },
    { name: `vibeguard recommended (${RECOMMENDED_RULES.length} rules)`, recommended: true, rules: vg(RECOMMENDED_RULES) },
    ...(perRule ? RULE_IDS.map((id) => ({ name: `\`${id}\` alone`, rules: vg([id]) })) : []),
  ];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const vibeguard = await loadDistPlugin();
  const distFresh = checkDistFreshness();
  const missingSonar = SONAR_SECURITY_RULES.filter((id) => !sonarjs.rules?.[id]);
  if (missingSonar.length > 0) throw new Error(`eslint-plugin-sonarjs has no rule(s) ${missingSonar.join(", ")}`);

  const bench = benchFiles(args.full);
  // One rule that does nothing: isolates what ESLint itself spends as soon as any rule is on
  // (a rule context per file, the selector dispatch), which every plugin pays before its first listener runs.
  const traversal = { rules: { "empty-rule": { meta: { type: "problem", schema: [] }, create: () => ({ Program() {} }) } } };
  const plugins = { vibeguard, sonarjs, traversal };
  const allConfigs = benchConfigs(args.perRule);
  // --listeners: only what the listener budget needs, the no-rules minima and the recommended rules' stats.
  const configs = args.listenersOnly ? allConfigs.filter((c, i) => i === 0 || c.recommended) : allConfigs;

  console.log(`bench corpus: ${bench.files.length} files, ${bench.lines} lines, ${bench.packages} packages` +
    `${args.full ? "" : ` (every 3rd file of ${bench.corpusFiles} files / ${bench.corpusLines} lines)`}; ` +
    `${configs.length} configurations, 1 warm-up + ${args.runs} timed rounds\n`);
  const started = performance.now();
  const loadBefore = loadavg();

  // Pass 1, untimed: reports, crashes, ESLint's per-rule listener time and allocations for each configuration.
  const outcomes = new Map();
  for (const config of args.listenersOnly ? [] : configs) {
    const result = await lintFiles(bench.files, { plugins, rules: config.rules, stats: true });
    // A second untimed pass without the stats instrumentation, for what the configuration allocates.
    const allocatedBytes = args.listenersOnly ? 0 : await measureAllocatedBytes(() => lintFiles(bench.files, { plugins, rules: config.rules }));
    outcomes.set(config, { reports: result.reports.length, problems: result.crashes.length + result.parseErrors.length, timing: result.timing, allocatedBytes });
    console.log(`stats    ${config.name.padEnd(52)} ${result.reports.length} reports, ${(allocatedBytes / 2 ** 20).toFixed(0)} MB allocated`);
    for (const c of result.crashes) console.warn(`  crash: ${c.ruleId} on ${c.file}: ${c.error.split("\n")[0]}`);
  }

  // Pass 2: paired, interleaved timing of every file under every configuration (the listener budget alone does not need it).
  if (args.listenersOnly) {
    const rules = args.rules ? Object.fromEntries(args.rules.map((id) => [`vibeguard/${id}`, "error"])) : /** @type {BenchConfig} */ (configs.find((c) => c.recommended)).rules;
    const listeners = await measureListenerTime(bench.files, { plugins, rules }, args.statsPasses);
    const shares = listenerShares(listeners.baselineMs, listeners.rulesMs);
    console.log(`\n${renderListenerTable(shares, listeners.passes)}`);
    console.log(`load average ${loadBefore.map((x) => x.toFixed(2)).join(" / ")} at the start, ${loadavg().map((x) => x.toFixed(2)).join(" / ")} at the end; ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const problems = listenerBudgetProblems(shares);
    const loaded = loadedMachine(loadBefore, loadavg());
    if (loaded) console.warn(`${loaded}: whole-file lints are preempted far more often than microsecond listener calls, so the shares read LOW; judge the budget on a quiet machine`);
    if (args.check && problems.length > 0) {
      console.error(`over budget: ${problems.join(", ")}`);
      process.exitCode = 1;
    } else if (args.check && loaded) {
      console.error("within budget, but measured on a loaded machine: not a verdict (exit 2)");
      process.exitCode = 2;
    }
    return;
  }
  const linters = new Map(configs.map((config) => [config, createCorpusLinter({ plugins, rules: config.rules })]));
  const timings = await measureInterleaved({
    subjects: configs,
    items: bench.files,
    rounds: args.runs,
    run: (config, file) => /** @type {any} */ (linters.get(config)).lint(file),
    beforeRound: () => gc(),
    afterRound: (round, totals) =>
      console.log(`${round === 0 ? "warm-up " : `round ${round}/${args.runs}`}  ${totals.map((ms) => `${(ms / 1000).toFixed(2)}s`).join("  ")}`),
  });

  // Pass 3: the recommended rules' listener time in steady state, for the listener budget.
  const recommendedConfig = /** @type {BenchConfig} */ (configs.find((c) => c.recommended));
  const listeners = await measureListenerTime(bench.files, { plugins, rules: recommendedConfig.rules }, args.statsPasses);
  const totalSeconds = (performance.now() - started) / 1000;

  const shares = listenerShares(listeners.baselineMs, listeners.rulesMs);
  {
    const markdown = renderResults({ args, bench, configs, timings, outcomes, listeners, totalSeconds, loadBefore, distFresh });
    console.log(`\n${markdown}`);
    if (args.write) {
      writeFileSync(join(BENCH_DIR, "results.md"), markdown);
      console.log("written to bench/results.md");
    }
  }
  console.log(`load average ${loadBefore.map((x) => x.toFixed(2)).join(" / ")} at the start, ${loadavg().map((x) => x.toFixed(2)).join(" / ")} at the end; ${totalSeconds.toFixed(0)} s`);
  const overBudget = [...groupsOverBudget(timings), ...listenerBudgetProblems(shares)];
  if (args.check && overBudget.length > 0) {
    console.error(`over budget: ${overBudget.join(", ")}`);
    process.exitCode = 1;
  }
}

/**
 * Listener time per rule in steady state, still ESLint's own `stats: true` numbers. The first pass
 * over the files compiles the rules (JIT) and warms ESLint's caches, so it is untimed; then
 * `passes` instrumented passes, a full GC before each, and per file and rule the fastest of them:
 * preemption and GC pauses only ever add time to a listener, so the minimum is the best estimate of
 * what the listener costs, as in the paired timing.
 * @param {import("../corpus/lint-corpus.mjs").CorpusFile[]} files
 * @param {{ plugins: Record<string, any>, rules: Record<string, string> }} setup
 * @param {number} passes
 * The share's denominator, the no-rules time, is measured in the same passes, file by file, next to the
 * instrumented lint (see below), with the same per-file minima.
 * @returns {Promise<{ rulesMs: Record<string, number>, passes: number, baselineMs: number }>}
 */
async function measureListenerTime(files, setup, passes) {
  const statsLinter = createCorpusLinter({ ...setup, stats: true });
  const baselineLinter = createCorpusLinter({ plugins: setup.plugins, rules: {} });
  /** @type {Map<string, Float64Array>} rule -> per-file minimum */
  const minima = new Map();
  const baselineMinima = new Float64Array(files.length).fill(Number.POSITIVE_INFINITY);
  for (let pass = 0; pass <= passes; pass++) {
    gc();
    const t0 = performance.now();
    for (let i = 0; i < files.length; i++) {
      // The no-rules lint of the same file right before or after (alternating), so that both sides of
      // the share are measured in the same moments: a machine that slows down for a while (other tenants,
      // CPU steal) then slows both alike instead of inflating only the listener minima.
      const baselineFirst = (i + pass) % 2 === 0;
      if (baselineFirst) await timeBaseline(i, pass);
      const { timing } = await statsLinter.lint(files[i]);
      if (!baselineFirst) await timeBaseline(i, pass);
      if (pass === 0 || !timing) continue;
      for (const [ruleId, ms] of Object.entries(timing.rulesMs)) {
        let perFile = minima.get(ruleId);
        if (!perFile) minima.set(ruleId, (perFile = new Float64Array(files.length).fill(Number.POSITIVE_INFINITY)));
        if (ms < perFile[i]) perFile[i] = ms;
      }
    }
    console.log(`${pass === 0 ? "stats warm-up" : `stats pass ${pass}/${passes}`}  ${((performance.now() - t0) / 1000).toFixed(2)}s`);
  }
  // A rule with no listener on a file has no entry there: count it as 0, not as Infinity.
  const rulesMs = Object.fromEntries([...minima].map(([ruleId, perFile]) => [ruleId, sum(perFile.map((ms) => (Number.isFinite(ms) ? ms : 0)))]));
  return { rulesMs, passes, baselineMs: sum(baselineMinima) };

  /** @param {number} i @param {number} pass */
  async function timeBaseline(i, pass) {
    const start = performance.now();
    await baselineLinter.lint(files[i]);
    const elapsed = performance.now() - start;
    if (pass > 0 && elapsed < baselineMinima[i]) baselineMinima[i] = elapsed;
  }
}

/**
 * Issue 10's listener budget: the recommended rules together spend at most 5% of ESLint's no-rule time
 * in their own listeners (ESLint stats), and no single rule more than 1.5%.
 */
const LISTENER_BUDGET = { total: 0.05, perRule: 0.015 };

/**
 * The recommended rules' steady-state listener time, per rule, as a share of the no-rules sum of per-file minima.
 * @param {number} baselineMs
 * @param {Record<string, number>} rulesMs
 */
function listenerShares(baselineMs, rulesMs) {
  const base = baselineMs;
  const perRule = Object.entries(rulesMs)
    .map(([ruleId, ms]) => ({ ruleId, ms, share: ms / base }))
    .sort((a, b) => b.share - a.share);
  return { base, perRule, total: perRule.reduce((a, r) => a + r.share, 0) };
}

/** @param {ReturnType<typeof listenerShares>} shares */
function listenerBudgetProblems({ perRule, total }) {
  return [
    ...(total > LISTENER_BUDGET.total ? [`recommended listeners ${(total * 100).toFixed(1)}% of the no-rules time`] : []),
    ...perRule.filter((r) => r.share > LISTENER_BUDGET.perRule).map((r) => `${r.ruleId} listeners ${(r.share * 100).toFixed(2)}%`),
  ];
}

/** @param {ReturnType<typeof listenerShares>} shares @param {number} passes */
function renderListenerTable(shares, passes) {
  const rows = shares.perRule.map(
    (r) => `| \`${r.ruleId}\` | ${r.ms.toFixed(0)} | ${(r.share * 100).toFixed(2)}% | ${r.share <= LISTENER_BUDGET.perRule ? "within 1.5%" : "**over 1.5%**"} |`,
  );
  const totalMs = shares.perRule.reduce((a, r) => a + r.ms, 0);
  return `| rule | listener time (ms, sum of per-file minima over ${passes} stats passes) | share of no-rules time (${seconds(shares.base)} s) | verdict |
|---|---:|---:|---|
${rows.join("\n")}
| **all recommended** | ${totalMs.toFixed(0)} | **${(shares.total * 100).toFixed(2)}%** | ${shares.total <= LISTENER_BUDGET.total ? "within 5%" : "**over 5%**"} |`;
}

/**
 * A description of the load when the 1-minute load average, at the start or the end, was above one and a half
 * times the number of cores (undefined on a quiet machine): shares measured then are not comparable with the
 * budget. The bench itself keeps about one and a half cores busy (ESLint, V8's compiler and collector threads).
 * @param {number[]} before @param {number[]} after
 */
function loadedMachine(before, after) {
  const cores = cpus().length;
  const peak = Math.max(before[0] ?? 0, after[0] ?? 0);
  return peak > cores * 1.5 ? `load average ${peak.toFixed(1)} on ${cores} cores` : undefined;
}

/** The names of the rule groups whose overhead (sum of per-file minima) exceeds the budget. */
function groupsOverBudget(timings) {
  const base = sum(timings[0].itemMinimaMs);
  return timings.filter((t) => t.subject.group && sum(t.itemMinimaMs) / base - 1 > BUDGET).map((t) => t.subject.name);
}

/** "1.23× (+23.0%)" */
const ratioText = (ratio) => `${ratio.toFixed(3)}× (${ratio >= 1 ? "+" : ""}${((ratio - 1) * 100).toFixed(1)}%)`;
const percent = (ratio) => `${ratio >= 1 ? "+" : ""}${((ratio - 1) * 100).toFixed(1)}%`;
const seconds = (ms) => (ms / 1000).toFixed(2);

function renderResults({ args, bench, configs, timings, outcomes, listeners, totalSeconds, loadBefore, distFresh }) {
  const require = createRequire(import.meta.url);
  const version = (name) => require(`${name}/package.json`).version;
  const [baseline] = timings;
  const baseMinima = sum(baseline.itemMinimaMs);
  const command = `pnpm bench${process.argv.length > 2 ? ` ${process.argv.slice(2).join(" ")}` : ""}`;
  const load = (l) => l.map((x) => x.toFixed(2)).join(" / ");

  const measured = timings.map((t) => {
    const minima = sum(t.itemMinimaMs);
    const ratios = roundRatios(t, baseline);
    return { config: t.subject, minima, ratio: minima / baseMinima, medianTotal: median(t.roundTotalsMs), ratios, outcome: outcomes.get(t.subject) };
  });
  const baseAllocated = measured[0].outcome.allocatedBytes;
  const megabytes = (bytes) => (bytes / 2 ** 20).toFixed(0);
  const rows = measured.map((m) =>
    m.config === baseline.subject
      ? `| ${m.config.name} | ${seconds(m.minima)} | baseline | ${seconds(m.medianTotal)} | – | – | ${megabytes(m.outcome.allocatedBytes)} | baseline | ${m.outcome.reports} |`
      : `| ${m.config.name} | ${seconds(m.minima)} | ${ratioText(m.ratio)} | ${seconds(m.medianTotal)} | ${percent(median(m.ratios))} | ${percent(Math.min(...m.ratios))} … ${percent(Math.max(...m.ratios))} | ${megabytes(m.outcome.allocatedBytes)} | ${percent(m.outcome.allocatedBytes / baseAllocated)} | ${m.outcome.reports} |`,
  );

  const budgetRows = measured
    .filter((m) => m.config.group)
    .map((m) => {
      const listenerMs = sum(Object.values(m.outcome.timing?.rulesMs ?? {}));
      const verdict = m.ratio - 1 <= BUDGET ? "within budget" : "**over budget**";
      return `| ${m.config.name} | ${percent(m.ratio)} | ${verdict} | ${percent(median(m.ratios))} | ${listenerMs.toFixed(0)} ms | ${percent(m.outcome.allocatedBytes / measured[0].outcome.allocatedBytes)} |`;
    });

  const shares = listenerShares(listeners.baselineMs, listeners.rulesMs);

  // Per-rule attribution from ESLint's stats (each rule's total listener time over the pass).
  const ruleRows = [];
  for (const m of measured) {
    const timing = m.outcome.timing;
    for (const [ruleId, ms] of Object.entries(timing?.rulesMs ?? {}).sort((a, b) => Number(b[1]) - Number(a[1]))) {
      ruleRows.push(`| ${m.config.name} | \`${ruleId}\` | ${Number(ms).toFixed(0)} | ${((Number(ms) / timing.parseMs) * 100).toFixed(1)}% |`);
    }
  }
  const parseMs = measured[0].outcome.timing?.parseMs ?? 0;
  const problems = measured.filter((m) => m.outcome.problems > 0).map((m) => `${m.config.name}: ${m.outcome.problems}`);
  const cpuList = cpus();

  return `# Benchmark results

Rule overhead on real code: ESLint ${ESLint.version} linting the same ${bench.files.length} corpus files
(${bench.lines.toLocaleString("en-US")} lines from ${bench.packages} npm packages${args.full ? ", the whole corpus" : `, every 3rd file of the ${bench.corpusLines.toLocaleString("en-US")}-line corpus`})
under each configuration. Same parsers and ESLint setup for every row (espree for JS,
@typescript-eslint/parser for TS, no type information; see corpus/lint-corpus.mjs). Single-threaded,
one \`lintText\` per file, files already in memory.

Method: each file is linted under every configuration back to back, the order rotating from file
to file, in 1 warm-up and ${args.runs} timed rounds (bench/paired-timing.mjs). **Sum of per-file minima** adds up, over
files, the fastest of each file's ${args.runs} lints: noise on a shared machine only ever adds time, so this is
the steadiest estimate of the cost. The per-round columns compare whole-corpus totals of one round
with the baseline's total in the same round; their spread shows what a single run could tell.
**Allocated** is what one pass over the files allocates, garbage included (V8's sampling heap
profiler, bench/allocations.mjs): the minima leave GC pauses out, and a configuration's share of GC
work follows what it allocates, so a rule that allocated heavily would show there.

| configuration | sum of per-file minima (s) | vs. no rules | median round total (s) | median per-round overhead | per-round overhead range | allocated (MB) | vs. no rules | reports |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}
${problems.length > 0 ? `\n**Rule crashes or parse errors during the run:** ${problems.join("; ")}.\n` : ""}
## Overhead against the budget

The issues' budget: each group of three rules adds at most ${BUDGET * 100}% to ESLint's no-rules time.

| group | overhead (sum of per-file minima) | verdict | median per-round overhead | the rules' own listener time (ESLint stats) | allocations vs. no rules |
|---|---:|---|---:|---:|---:|
${budgetRows.join("\n")}

The overhead includes what ESLint spends on any rule at all (the "one empty rule" row), a rule
context per file and the dispatch of each listener, besides the rules' own listener time.

## Recommended rules' listener time against the no-rules time

Issue 10's budget: the \`recommended\` rules (${RECOMMENDED_RULES.length}, from the catalog) spend at most 5% of ESLint's
no-rules time in their own listeners, none over 1.5%. Listener time is ESLint's \`stats: true\` per-rule time with
the recommended configuration, in steady state: one untimed warm-up pass over the files (JIT, caches), then
${listeners.passes} instrumented passes, and per file and rule the fastest of them, summed over files. The no-rules time
is the baseline's sum of per-file minima (${seconds(shares.base)} s).

${renderListenerTable(shares, listeners.passes)}

## Time per rule

From the untimed first pass over the files of each configuration, made with ESLint's \`stats: true\`:
listener time per rule, summed over files. One pass, JIT compilation included, so compare rules with
each other, not with the tables above (the listener budget above uses steady-state minima). Parsing took ${(parseMs / 1000).toFixed(2)} s
in the baseline's pass.

| configuration | rule | time (ms) | vs. parse time |
|---|---|---:|---:|
${ruleRows.length > 0 ? ruleRows.join("\n") : "| – | – | – | – |"}

## Setup

- date: ${new Date().toISOString()}
- command: \`${command}\` (from the repository root; it builds first); the whole run took ${totalSeconds.toFixed(0)} s
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
