// The report's share of a scan (issue 14: at most 20% on top of the scan), on ~100k lines of real npm
// package sources replayed into a temporary git repository as a few hundred commits, some carrying agent
// trailers, so blame, churn and attribution have real history to read.
//
//   pnpm build && node bench/report-overhead.mjs [--lines 100000] [--commits 300] [--runs 3] [--no-write]
//
// Each round runs `vibeguard report --debug` once: the CLI prints how long the scan took and how long the
// report took after it (git blame per file with findings, churn, excerpts, HTML) in the same process, so
// both numbers come from the same run on the same machine state. The overhead is report ÷ scan, median
// over the rounds. Writes bench/report-results.md.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveCorpus } from "../corpus/corpus.config.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, "../packages/cli/bin/vibeguard.js");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const targetLines = arg("lines", 100_000);
const commitCount = arg("commits", 300);
const runs = arg("runs", 3);
const BUDGET = 0.2;

const TRAILERS = [
  "Co-Authored-By: Claude <noreply@anthropic.com>",
  "Co-authored-by: Cursor Agent <cursoragent@cursor.com>",
  "Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>",
  "Co-authored-by: aider (openai/gpt-4o) <noreply@aider.chat>",
];
const AUTHORS = ["Ann Dev <ann@example.com>", "Bo Chen <bo@example.com>", "Cy Park <cy@example.com>"];

/** Every corpus file in turn from a stride that reaches the target size across all packages. */
function pickFiles() {
  const corpus = resolveCorpus();
  const stride = Math.max(1, Math.floor(corpus.lines / targetLines));
  const picked = [];
  let lines = 0;
  for (let i = 0; i < corpus.files.length && lines < targetLines; i += stride) {
    picked.push(corpus.files[i]);
    lines += corpus.files[i].lines;
  }
  return { picked, lines, packages: new Set(picked.map((f) => f.pkg)).size };
}

function git(root, args, author, input) {
  const [, name, email] = /^(.*) <(.*)>$/.exec(author);
  return execFileSync("git", args, {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email },
  });
}

/** Replays the files as `commitCount` commits; every 4th commit carries an agent trailer, and later commits touch earlier files. */
function replay(root, files) {
  git(root, ["init", "-q", "-b", "main"], AUTHORS[0]);
  // Build-output folder names are skipped by discovery; keep the code, rename the folder.
  const target = (file) => join(root, "packages", file.file.replace(/\/(dist|build|out)\//g, "/$1-src/"));
  const start = (c) => Math.floor((c * files.length) / commitCount);
  for (let c = 0; c < commitCount; c++) {
    const chunk = files.slice(start(c), start(c + 1));
    if (!chunk.length) continue;
    for (const file of chunk) {
      mkdirSync(dirname(target(file)), { recursive: true });
      writeFileSync(target(file), file.text);
    }
    // Churn: append a line to a few files from earlier commits.
    for (let k = 1; k <= 2 && c > 0; k++) {
      const earlier = files[(c * 7919 * k) % start(c)];
      writeFileSync(target(earlier), `${earlier.text}\n// revisited in change ${c}\n`);
    }
    const trailer = c % 4 === 3 ? `\n\n${TRAILERS[(c >> 2) % TRAILERS.length]}` : "";
    git(root, ["add", "-A"], AUTHORS[c % AUTHORS.length]);
    git(root, ["commit", "-q", "-F", "-", "--date", new Date(Date.UTC(2026, 0, 1) + c * 86_400_000).toISOString()], AUTHORS[c % AUTHORS.length], `Change ${c}${trailer}\n`);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const { picked, lines, packages } = pickFiles();
if (lines < 95_000) throw new Error(`only ${lines} lines of corpus found; install the corpus (pnpm install) first`);
const root = mkdtempSync(join(tmpdir(), "vg-report-bench-"));
const started = Date.now();
replay(root, picked);
const commits = Number(git(root, ["rev-list", "--count", "HEAD"], AUTHORS[0]).trim());
process.stderr.write(`replayed ${picked.length} files, ${lines} lines from ${packages} packages as ${commits} commits in ${Math.round((Date.now() - started) / 1000)} s\n`);

const rounds = [];
for (let r = 0; r < runs; r++) {
  const out = join(root, "..", `vg-report-bench-${r}.html`);
  const run = spawnSync(process.execPath, [bin, "report", "--debug", "-o", out], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`vibeguard report failed: ${run.stderr}`);
  const scanMs = Number(/\[vibeguard\] scan: (\d+) ms/.exec(run.stderr)?.[1]);
  const reportMs = Number(/\[vibeguard\] report: (\d+) ms/.exec(run.stderr)?.[1]);
  const findings = Number(/(\d+) finding\(s\); html report/.exec(run.stderr)?.[1]);
  rounds.push({ scanMs, reportMs, findings, size: statSync(out).size });
  rmSync(out);
  process.stderr.write(`round ${r + 1}: scan ${scanMs} ms, report ${reportMs} ms (${((reportMs / scanMs) * 100).toFixed(1)}%), ${findings} findings\n`);
}
rmSync(root, { recursive: true, force: true });

const scan = median(rounds.map((r) => r.scanMs));
const report = median(rounds.map((r) => r.reportMs));
const overhead = median(rounds.map((r) => r.reportMs / r.scanMs));
const verdict = overhead <= BUDGET ? "within" : "OVER";
const summary = `| ${new Date().toISOString().slice(0, 10)} | ${lines.toLocaleString("en-US")} lines, ${picked.length} files, ${packages} packages, ${commits} commits (every 4th with an agent trailer) | ${rounds[0].findings} | ${scan} ms | ${report} ms | **${(overhead * 100).toFixed(1)}%** (${verdict} the 20% budget) | ${(rounds[0].size / 1024 / 1024).toFixed(2)} MB |`;
process.stdout.write(`${summary}\n`);
if (!process.argv.includes("--no-write")) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeFileSync(
    join(here, "report-results.md"),
    `# The report's overhead on a scan\n\nCommand: \`pnpm build && node bench/report-overhead.mjs --runs ${runs}\` (machine: ${machine}; shared with other jobs).\n\n` +
      "Each round is one `vibeguard report --debug` run: the scan's time and the report's time after it (blame, churn, excerpts, HTML), " +
      "from the same process. Overhead = report ÷ scan, median of the rounds.\n\n" +
      "| date | code base | findings | scan (median) | report (median) | overhead | HTML size |\n|---|---|---|---|---|---|---|\n" +
      `${summary}\n`,
  );
}
if (overhead > BUDGET) process.exitCode = 1;
