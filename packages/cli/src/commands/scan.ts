import path from "node:path";
import type { Command } from "commander";
import type { FailOn, FormatName } from "../config/config-schema.js";
import { UsageError } from "../errors.js";
import { REPORTERS } from "../reporters/index.js";
import { exitCodeFor } from "../scan/exit-code.js";
import { checkOutputTarget, writeFileAtomic } from "../scan/output-file.js";
import { runScan } from "../scan/run-scan.js";
import { addAnalyzerOptions, addDepsOptions, addReportOptions, addRunOptions, type AnalyzerOptions, type DepsOptions, type ReportOptions, type RunOptions } from "./common-options.js";
// Baselines, sharding, history and report data (issue 14):
import { newFindings } from "../baseline/compare-baseline.js";
import { scanExtras } from "../report/scan-extras.js";
import { parseShard } from "../shard/shard-files.js";
import { scanSetup } from "./scan-setup.js";

export interface ScanCommandOptions extends ReportOptions, RunOptions, DepsOptions, AnalyzerOptions {
  changed?: boolean;
  base?: string;
  only?: string[];
  skip?: string[];
  allowEmpty?: boolean;
  baseline?: string;
  shard?: string;
  history?: boolean;
}

/** Registers `vibeguard scan [paths...]`; reports its exit code through `setExitCode`. */
export function addScanCommand(program: Command, version: string, setExitCode: (code: number) => void): void {
  const command = program
    .command("scan")
    .description("scan files or folders (default: the current directory) and report findings")
    .argument("[paths...]", "files or folders to scan");
  addReportOptions(command)
    .option("--changed", "only scan files changed since --base (default HEAD), plus untracked files")
    .option("--base <ref>", "git ref to compare against with --changed, e.g. origin/main")
    .option("--only <engines...>", "run only these engines (eslint, analyzer, deps)")
    .option("--skip <engines...>", "skip these engines")
    .option("--allow-empty", "exit 0 when the paths hold no file to scan (default: exit 2, as ESLint does)");
  addRunOptions(command)
    // Baselines, sharding and history (issue 14):
    .option("--baseline <file>", "fail only on findings not in this baseline (see `vibeguard baseline update`)")
    .option("--shard <i/n>", "scan only shard i of n (deterministic, balanced by size); join with `vibeguard merge`")
    .option("--history", "append a summary of this scan to .vibeguard/history.jsonl");
  addAnalyzerOptions(addDepsOptions(command)).action(async (paths: string[], options: ScanCommandOptions) => {
    setExitCode(await scanCommand(paths, options, version));
  });
}

/** `vibeguard scan [paths...]`: returns the exit code. */
export async function scanCommand(paths: string[], options: ScanCommandOptions, version: string): Promise<number> {
  // Paths, root, configuration and the engines' settings are resolved as for `report` and `baseline update`.
  const { cwd, config, scanOptions, configDiagnostics } = await scanSetup(paths, options);
  const { root, debug } = scanOptions;

  // Both are checked already: on the command line by commander's choices, in a config file by validateConfig.
  const format = (options.format ?? config.format ?? "text") as FormatName;
  const failOn = (options.failOn ?? config.failOn ?? "error") as FailOn;
  let maxWarnings: number | undefined;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings ${options.maxWarnings} is not a whole number`, "e.g. --max-warnings 0");
  }
  if (options.base && !options.changed) throw new UsageError("--base only makes sense with --changed", "add --changed, or drop --base");
  // A report that cannot be written is found out now, not after the whole scan.
  const outputFile = options.output ? path.resolve(cwd, options.output) : undefined;
  if (outputFile) checkOutputTarget(outputFile, options.output!);

  const shard = options.shard ? parseShard(options.shard) : undefined;
  const result = await runScan({
    ...scanOptions,
    changedSince: options.changed ? (options.base ?? "HEAD") : undefined,
    baseGiven: Boolean(options.base),
    allowEmpty: Boolean(options.allowEmpty),
    ...(shard ? { shard } : {}),
  });
  result.diagnostics.unshift(...configDiagnostics);
  for (const skipped of result.diagnostics.filter((d) => d.kind === "skipped")) debug(skipped.message);

  const shown = options.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === "error") } : result;
  const extras = scanExtras(root, version, result, format, { baseline: options.baseline, cwd, history: options.history, attribution: config.attribution, shard });
  const report = REPORTERS[format]({ ...shown, ...extras }, { root, version, color: !outputFile && format === "text" && Boolean(process.stdout.isTTY) });
  if (outputFile) {
    writeFileAtomic(outputFile, report);
    process.stderr.write(`vibeguard: ${result.findings.length} finding(s) in ${result.filesScanned} file(s); ${format} report written to ${options.output}\n`);
  } else {
    process.stdout.write(report);
  }
  // Machine formats go to stdout; problems reading files are still worth telling a human on stderr.
  if (format !== "text") {
    for (const d of result.diagnostics.filter((d) => d.kind !== "skipped")) process.stderr.write(`vibeguard: ${d.message}\n`);
  }
  if (root !== cwd && format === "text" && !outputFile) process.stderr.write(`vibeguard: paths are relative to ${root}\n`);
  // With a baseline only new findings can fail the run.
  return exitCodeFor(extras.baseline ? newFindings(result.findings, extras.baseline) : result.findings, failOn, maxWarnings);
}
