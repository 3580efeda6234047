// Clone-injection benchmark of the duplicated-utility analyzer against jscpd, fallow and jsinspect-plus.
// usage: pnpm build && node bench/clones/run.mjs [--seed N] [--per-type N] [--no-tools] [--detection-only] [--tmp DIR] [--repeat N]
// --detection-only runs the analyzer once (and the tools) and replaces only that seed's detection section of
// the results; a full run also times everything (speed.mjs) and keeps the detection sections of other seeds.
// Everything downloaded (packages, tools) goes to DIR (default: <os tmpdir>/vibeguard-clones-bench).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildCorpus, PACKAGES } from "./corpus.mjs";
import { injectClones } from "./inject.mjs";
import { detectionSection, evaluate, mergeDetection } from "./evaluate.mjs";
import { machineInfo, measureSpeed, speedSection, speedSectionWith } from "./speed.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
// Outside the repository: third-party code is never committed, and never linted or tested with ours.
const tmp = path.resolve(option("--tmp", path.join(os.tmpdir(), "vibeguard-clones-bench")));
const tree = path.join(tmp, "tree");
const seed = Number(option("--seed", "13"));
const perType = Number(option("--per-type", "50"));
const TOOLS = { jscpd: "jscpd@5.4.1", fallow: "fallow@3.3.0", "jsinspect-plus": "jsinspect-plus@3.1.3" };

const log = (message) => process.stderr.write(`[clones] ${message}\n`);
const git = (...gitArgs) => execFileSync("git", ["-c", "user.email=bench@example.invalid", "-c", "user.name=bench", "-c", "commit.gpgsign=false", ...gitArgs], { cwd: tree, stdio: "ignore" });

/** Runs a command under /usr/bin/time: wall seconds and peak resident memory (MiB). */
function timed(command, commandArgs, options = {}) {
  const timeFile = path.join(tmp, "time.txt");
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", timeFile, command, ...commandArgs], { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024, ...options });
  const [seconds, kb] = existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number) : [NaN, NaN];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds, peakMiB: Math.round(kb / 1024) };
}

const loadBefore = os.loadavg();
log(`corpus: ${PACKAGES.join(", ")}`);
const corpus = buildCorpus(tmp, tree);
log(`${corpus.files.length} files, ${corpus.lines} lines`);
git("init", "-q");
git("add", ".");
git("commit", "-q", "-m", "corpus", "--date", "2020-01-01T00:00:00Z");
const truth = injectClones(tree, corpus.files, { seed, perType });
git("add", ".");
git("commit", "-q", "-m", "injected clones");
writeFileSync(path.join(tmp, "truth.json"), JSON.stringify(truth, null, 2));
log(`injected ${truth.length} clones (seed ${seed})`);

const runs = {};
const cacheDir = path.join(tmp, "cache");
rmSync(cacheDir, { recursive: true, force: true });
const analyzerRun = (label, cache, threads) => {
  const out = path.join(tmp, `${label}.json`);
  const run = timed(process.execPath, [path.join(here, "analyze-once.mjs"), tree, cache, String(threads), out]);
  if (run.status !== 0) throw new Error(`analyzer failed: ${run.stderr}`);
  runs[label] = { ...run, result: JSON.parse(readFileSync(out, "utf8")) };
  log(`${label}: ${run.seconds}s, ${run.peakMiB} MiB`);
};
// The detection run (timings are measured apart, below).
const detectionOnly = args.includes("--detection-only");
analyzerRun("analyzer-cold", "none", os.availableParallelism());

const tools = path.join(tmp, "tools");
const bin = (name) => path.join(tools, "node_modules", ".bin", name);
if (!args.includes("--no-tools")) {
  mkdirSync(tools, { recursive: true });
  if (!existsSync(path.join(tools, "package.json"))) writeFileSync(path.join(tools, "package.json"), "{}\n");
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", ...Object.values(TOOLS), "jscpd-linux-x64-gnu"], { cwd: tools, encoding: "utf8" });
  if (install.status !== 0) log(`npm install of the tools failed: ${install.stderr.split("\n")[0]}`);

  const jscpdOut = path.join(tmp, "jscpd");
  rmSync(jscpdOut, { recursive: true, force: true });
  runs.jscpd = timed(bin("jscpd"), ["--ignore-identifiers", "--ignore-literals", "--reporters", "json", "--output", jscpdOut, "--silent", tree]);
  runs.jscpd.reportFile = path.join(jscpdOut, "jscpd-report.json");
  log(`jscpd: status ${runs.jscpd.status}, ${runs.jscpd.seconds}s`);

  runs.fallow = timed(bin("fallow"), ["dupes", "--mode", "semantic", "--near", "--format", "json", "--quiet", "--root", tree]);
  if (runs.fallow.status !== 0 && /unexpected argument '--near'/.test(runs.fallow.stdout + runs.fallow.stderr)) {
    runs.fallow = timed(bin("fallow"), ["dupes", "--mode", "semantic", "--format", "json", "--quiet", "--root", tree]);
    runs.fallow.note = "fallow 3.3.0 has no --near flag; ran `dupes --mode semantic`";
  }
  log(`fallow: status ${runs.fallow.status}, ${runs.fallow.seconds}s`);

  runs["jsinspect-plus"] = timed(bin("jsinspect"), ["-I", "-L", "-r", "json", "--truncate", "1", "."], { cwd: tree });
  log(`jsinspect-plus: status ${runs["jsinspect-plus"].status}, ${runs["jsinspect-plus"].seconds}s`);
}

const command = `node bench/clones/run.mjs ${args.join(" ")}`.trim();
const resultsFile = path.join(here, "..", "clones-results.md");
const existing = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : "";
let report;
if (detectionOnly) report = mergeDetection(existing, detectionSection({ tree, truth, runs, seed, tools: TOOLS, command }), seed);
else {
  // Timing: the floor, the analyzer with 1 and 2 threads, the CLI cold and warm, fallow and jscpd (speed.mjs).
  const speed = measureSpeed({ tree, tmp, bin: args.includes("--no-tools") ? undefined : bin, repeat: Number(option("--repeat", "3")), log: (message) => log(`speed: ${message}`) });
  const machine = { ...machineInfo(), loadBefore: loadBefore.map((n) => n.toFixed(2)).join(" ") };
  report = evaluate({ tree, truth, runs, corpus, seed, perType, tools: TOOLS, machine, command });
  // Detection sections of other seeds stay until those seeds are run again.
  for (const section of existing.split(/^(?=## )/m)) {
    const other = /^## Detection, seed (\d+)\n/.exec(section);
    if (other && Number(other[1]) !== seed) report = mergeDetection(report, [...section.trimEnd().split("\n"), ""], Number(other[1]));
  }
  report += speedSectionWith([speedSection(speed, machine)]);
}
writeFileSync(resultsFile, report);
process.stdout.write(report);
