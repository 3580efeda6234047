// Speed and memory of the duplicated-utility analyzer on the benchmark tree: the timing part of run.mjs,
// also runnable alone on a tree run.mjs already built (to re-measure when the shared machine is quiet):
//   pnpm build && node bench/clones/speed.mjs [--tmp DIR] [--repeat N]
// Alone, it rewrites only the speed section of bench/clones-results.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultCacheDir } from "../../packages/analyzer/dist/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, "..", "..", "packages", "cli", "bin", "vibeguard.js");
export const SPEED_HEADING = "## Speed and memory";
const SPEED_INTRO =
  "Measured by `bench/clones/speed.mjs` (run by run.mjs, or alone on the tree it left). The machine has 2 cores shared with other engineers' sessions; the 1-minute load average is given for every number (2.0 would mean both cores busy). One subsection per way of running it; each is replaced only by a run of the same kind.";

/** The whole speed section: the heading, what it measures, and the subsections given. */
export function speedSectionWith(subsections) {
  return `${SPEED_HEADING}\n\n${SPEED_INTRO}\n\n${subsections.join("")}`;
}

/** The subsections already in a results file's speed section, by title. */
function existingSubsections(results) {
  const at = results.indexOf(SPEED_HEADING);
  if (at < 0) return new Map();
  const parts = results.slice(at).split(/^(?=### )/m).slice(1);
  return new Map(parts.map((part) => [part.split("\n")[0], part]));
}

/** Runs a command under /usr/bin/time: wall and CPU (user + system) seconds, peak resident memory (MiB), and the 1-minute load average just before. */
export function timed(command, commandArgs, options = {}) {
  const timeFile = path.join(mkdtempSync(path.join(os.tmpdir(), "vibeguard-time-")), "time.txt");
  const load = os.loadavg()[0];
  const result = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", "-o", timeFile, command, ...commandArgs], { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024, ...options });
  const [seconds, user, system, kb] = existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number) : [NaN, NaN, NaN, NaN];
  rmSync(path.dirname(timeFile), { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds, cpuSeconds: Math.round((user + system) * 100) / 100, peakMiB: Math.round(kb / 1024), load: Math.round(load * 100) / 100 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

/** Several runs of one kind: the median wall and CPU, the largest peak memory, every wall time with its load average. */
function summary(runs) {
  return {
    runs,
    seconds: Math.round(median(runs.map((run) => run.seconds)) * 100) / 100,
    cpuSeconds: Math.round(median(runs.map((run) => run.cpuSeconds)) * 100) / 100,
    peakMiB: Math.max(...runs.map((run) => run.peakMiB)),
    loads: runs.map((run) => run.load),
  };
}

/**
 * Times, on `tree`: ts-morph parsing every file (the floor), the analyzer cold with 1 and with 2 threads
 * (no cache, interleaved so the machine's load falls on both alike), the `vibeguard duplicates` CLI cold
 * then warm (what a user runs), and fallow and jscpd cold (`bin` finds their executables; skipped when absent).
 */
export function measureSpeed({ tree, tmp, bin, repeat = 3, log = () => {} }) {
  const out = (name) => path.join(tmp, name);
  const check = (label, run) => {
    if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status}): ${run.stderr}`);
    log(`${label}: ${run.seconds} s wall, ${run.cpuSeconds} s CPU, ${run.peakMiB} MiB, load ${run.load}`);
    return run;
  };
  const speed = {};
  speed.floor = summary([check("ts-morph parse floor", timed(process.execPath, [path.join(here, "parse-floor.mjs"), tree, out("floor.json")]))]);

  const oneThread = [];
  const twoThreads = [];
  for (let i = 0; i < repeat; i++) {
    oneThread.push(check("analyzer cold, 1 thread", timed(process.execPath, [path.join(here, "analyze-once.mjs"), tree, "none", "1", out("speed-1-thread.json")])));
    twoThreads.push(check("analyzer cold, 2 threads", timed(process.execPath, [path.join(here, "analyze-once.mjs"), tree, "none", "2", out("speed-2-threads.json")])));
  }
  speed.oneThread = summary(oneThread);
  speed.twoThreads = summary(twoThreads);
  const inProcess = (file) => JSON.parse(readFileSync(out(file), "utf8"));
  speed.oneThread.inProcess = inProcess("speed-1-thread.json").stats.milliseconds;
  speed.twoThreads.inProcess = inProcess("speed-2-threads.json").stats.milliseconds;

  // The CLI keeps its cache where a user's would be (no node_modules in the tree: under the system temporary folder).
  const cacheDir = defaultCacheDir(tree);
  const duplicates = () => timed(process.execPath, [cli, "duplicates", "--format", "json", "-o", out("cli.json"), "--debug"], { cwd: tree });
  // The CLI exits 1 when it reports findings at error level; duplicates are warnings by default, so 0.
  rmSync(cacheDir, { recursive: true, force: true });
  speed.cliCold = summary([check("vibeguard duplicates, cold", duplicates())]);
  speed.cliCold.debug = speed.cliCold.runs[0].stderr.split("\n").filter((line) => line.includes("analyzer:"));
  const cliWarm = [];
  const fallow = [];
  const fallowBin = bin?.("fallow");
  for (let i = 0; i < repeat; i++) {
    cliWarm.push(check("vibeguard duplicates, warm", duplicates()));
    if (fallowBin && existsSync(fallowBin)) fallow.push(check("fallow, no cache", timed(fallowBin, ["dupes", "--mode", "semantic", "--format", "json", "--quiet", "--no-cache", "--root", tree])));
  }
  speed.cliWarm = summary(cliWarm);
  speed.cliWarm.debug = cliWarm.at(-1).stderr.split("\n").filter((line) => line.includes("analyzer:"));
  if (fallow.length) speed.fallow = summary(fallow);
  const jscpdBin = bin?.("jscpd");
  if (jscpdBin && existsSync(jscpdBin)) {
    rmSync(out("speed-jscpd"), { recursive: true, force: true });
    speed.jscpd = summary([check("jscpd", timed(jscpdBin, ["--ignore-identifiers", "--ignore-literals", "--reporters", "json", "--output", out("speed-jscpd"), "--silent", tree]))]);
  }
  return speed;
}

/** How the run was scheduled: the title of its subsection (one per mode is kept in the results). */
export function speedMode(machine) {
  return machine.groupNice < 0 ? "with priority over the other sessions" : "at normal priority";
}

/** One measurement's subsection of the speed section of bench/clones-results.md. */
export function speedSection(speed, machine) {
  const lines = [`### ${speedMode(machine)}`, ""];
  lines.push(
    `Measured ${machine.date} on ${machine.cpus} × ${machine.model}, Node ${machine.node}. Wall and CPU (user + system) seconds from \`/usr/bin/time\`; where a run was repeated, the median, with every run's load.` +
      (machine.groupNice < 0
        ? ` Run with \`setsid bench/clones/with-priority.sh\`: in its own scheduler group at nice ${machine.groupNice}, so the other sessions' work yielded to it (the load average still counts their runnable threads); the nearest this machine came to idle.`
        : " Run at normal priority: every session's threads share the cores, and a session's threads share its slice."),
    "",
    "| run | wall (s) | CPU (s) | peak RSS (MiB) | load average at each run |",
    "|---|---|---|---|---|",
  );
  const row = (name, entry) => entry && lines.push(`| ${name} | ${entry.seconds} | ${entry.cpuSeconds} | ${entry.peakMiB} | ${entry.loads.join(", ")} |`);
  row("ts-morph parse floor (`Project.addSourceFileAtPath` on every file, nothing else)", speed.floor);
  row("analyzer, cold, 1 thread, no cache", speed.oneThread);
  row("analyzer, cold, 2 threads (main + 1 worker), no cache", speed.twoThreads);
  row("`vibeguard duplicates`, cold (empty cache; threads by idle cores)", speed.cliCold);
  row("`vibeguard duplicates`, warm (second and later runs)", speed.cliWarm);
  row("fallow `dupes --mode semantic --no-cache`", speed.fallow);
  row("jscpd `--ignore-identifiers --ignore-literals`", speed.jscpd);
  const ratio = (a, b) => (a / b).toFixed(2);
  lines.push(
    "",
    `- Analyzer cold (1 thread) / parse floor: ${ratio(speed.oneThread.seconds, speed.floor.seconds)}× wall, ${ratio(speed.oneThread.cpuSeconds, speed.floor.cpuSeconds)}× CPU (target ≤ 1.5×).`,
    `- \`vibeguard duplicates\` cold / warm: ${ratio(speed.cliCold.seconds, speed.cliWarm.seconds)}× wall (target ≥ 5×).`,
  );
  if (speed.fallow) lines.push(`- \`vibeguard duplicates\` warm / fallow cold: ${ratio(speed.cliWarm.seconds, speed.fallow.seconds)}× wall, ${ratio(speed.cliWarm.cpuSeconds, speed.fallow.cpuSeconds)}× CPU (target < 1×). Both are whole processes as a user runs them: Node's start, module loading, file discovery and the JSON report are in the vibeguard number.`);
  lines.push(
    `- 2 threads / 1 thread, analyzer cold: ${ratio(speed.twoThreads.seconds, speed.oneThread.seconds)}× wall, ${ratio(speed.twoThreads.cpuSeconds, speed.oneThread.cpuSeconds)}× CPU. Inside the process (own timers, last run): 1 thread parse ${Math.round(speed.oneThread.inProcess.extract)} ms, match ${Math.round(speed.oneThread.inProcess.match)} ms; 2 threads parse ${Math.round(speed.twoThreads.inProcess.extract)} ms, match ${Math.round(speed.twoThreads.inProcess.match)} ms.`,
    "",
    "The analyzer's own account of the CLI runs (`--debug`):",
    "",
    "```",
    ...speed.cliCold.debug,
    ...speed.cliWarm.debug,
    "```",
    "",
  );
  return `${lines.join("\n")}\n`;
}

/** The scheduler priority of this process's group (Linux autogroup): negative when run under with-priority.sh. */
function groupNice() {
  try {
    return Number(/nice (-?\d+)/.exec(readFileSync("/proc/self/autogroup", "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export function machineInfo() {
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", node: process.version, date: new Date().toISOString().replace(/\.\d+Z$/, "Z"), groupNice: groupNice() };
}

// Alone: re-measure on the tree run.mjs left, and replace the speed section of the results.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const tmp = path.resolve(option("--tmp", path.join(os.tmpdir(), "vibeguard-clones-bench")));
  const tree = path.join(tmp, "tree");
  if (!existsSync(tree)) throw new Error(`no benchmark tree at ${tree}: run bench/clones/run.mjs first`);
  const bin = (name) => path.join(tmp, "tools", "node_modules", ".bin", name);
  const speed = measureSpeed({ tree, tmp, bin, repeat: Number(option("--repeat", "3")), log: (message) => process.stderr.write(`[speed] ${message}\n`) });
  const results = path.join(here, "..", "clones-results.md");
  const before = existsSync(results) ? readFileSync(results, "utf8") : "";
  const at = before.indexOf(SPEED_HEADING);
  const machine = machineInfo();
  const subsection = speedSection(speed, machine);
  const subsections = existingSubsections(before);
  subsections.set(`### ${speedMode(machine)}`, subsection);
  writeFileSync(results, `${at >= 0 ? before.slice(0, at) : before}${speedSectionWith([...subsections.values()])}`);
  process.stdout.write(subsection);
}
