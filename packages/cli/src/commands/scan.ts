import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ENGINES, type EngineName } from "@vibeguard/core";
import type { FailOn, FormatName } from "../config/config-schema.js";
import { loadConfig } from "../config/load-config.js";
import { UsageError } from "../errors.js";
import { REPORTERS } from "../reporters/index.js";
import { exitCodeFor } from "../scan/exit-code.js";
import { createProgress } from "../progress/progress-bar.js";
import { runScan } from "../scan/run-scan.js";
// Baselines, sharding, history and report data (issue 14):
import { newFindings } from "../baseline/compare-baseline.js";
import { scanExtras } from "../report/scan-extras.js";
import { parseShard } from "../shard/shard-files.js";

export interface ScanCommandOptions {
  format?: string;
  output?: string;
  failOn?: string;
  maxWarnings?: string;
  changed?: boolean;
  base?: string;
  config?: string;
  only?: string[];
  skip?: string[];
  quiet?: boolean;
  debug?: boolean;
  baseline?: string;
  shard?: string;
  history?: boolean;
}

export function parseEngines(values: string[] | undefined, flag: string): EngineName[] | undefined {
  if (!values) return undefined;
  const names = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  for (const name of names) {
    if (!ENGINES.includes(name as EngineName)) throw new UsageError(`${flag} ${name}: unknown engine`, `engines: ${ENGINES.join(", ")}`);
  }
  return names as EngineName[];
}

/** `vibeguard scan [paths...]`: returns the exit code. */
export async function scanCommand(paths: string[], options: ScanCommandOptions, version: string): Promise<number> {
  const root = process.cwd();
  const debug = options.debug ? (message: string) => process.stderr.write(`[vibeguard] ${message}\n`) : () => {};
  const { config, source } = await loadConfig(root, options.config);
  debug(source ? `config: ${source}` : "config: none found, using defaults");

  // Both are checked already: on the command line by commander's choices, in a config file by validateConfig.
  const format = (options.format ?? config.format ?? "text") as FormatName;
  const failOn = (options.failOn ?? config.failOn ?? "error") as FailOn;
  let maxWarnings: number | undefined;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings ${options.maxWarnings} is not a whole number`, "e.g. --max-warnings 0");
  }
  if (options.base && !options.changed) throw new UsageError("--base only makes sense with --changed", "add --changed, or drop --base");

  const shard = options.shard ? parseShard(options.shard) : undefined;
  const result = await runScan({
    root,
    paths,
    config,
    changedSince: options.changed ? (options.base ?? "HEAD") : undefined,
    only: parseEngines(options.only, "--only"),
    skip: parseEngines(options.skip, "--skip"),
    debug,
    progress: createProgress(!options.debug),
    ...(shard ? { shard } : {}),
  });
  for (const skipped of result.diagnostics.filter((d) => d.kind === "skipped")) debug(skipped.message);

  const shown = options.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === "error") } : result;
  const toFile = Boolean(options.output);
  const extras = scanExtras(root, version, result, format, { baseline: options.baseline, history: options.history, attribution: config.attribution, shard });
  const report = REPORTERS[format]({ ...shown, ...extras }, { root, version, color: !toFile && format === "text" && Boolean(process.stdout.isTTY) });
  if (options.output) {
    const file = path.resolve(options.output);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, report);
    process.stderr.write(`vibeguard: ${result.findings.length} finding(s) in ${result.filesScanned} file(s); ${format} report written to ${options.output}\n`);
  } else {
    process.stdout.write(report);
  }
  // Machine formats go to stdout; problems reading files are still worth telling a human on stderr.
  if (format !== "text") {
    for (const d of result.diagnostics.filter((d) => d.kind !== "skipped")) process.stderr.write(`vibeguard: ${d.message}\n`);
  }
  // With a baseline only new findings can fail the run.
  return exitCodeFor(extras.baseline ? newFindings(result.findings, extras.baseline) : result.findings, failOn, maxWarnings);
}
