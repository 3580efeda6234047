import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyBaseline } from "../baseline/apply-baseline.js";
import { newFindings } from "../baseline/compare-baseline.js";
import type { FailOn, FormatName } from "../config/config-schema.js";
import { exitCodeFor } from "../scan/exit-code.js";
import { gitOutput } from "../attribution/git.js";
import { UsageError } from "../errors.js";
import { prepareReportData } from "../report/prepare-report.js";
import { REPORTERS } from "../reporters/index.js";
import { mergeShardFiles } from "../shard/merge-results.js";

export interface MergeCommandOptions {
  format?: FormatName;
  output?: string;
  failOn?: FailOn;
  baseline?: string;
}

/** `vibeguard merge <shard outputs...>`: one result (or one report) from the shards of a CI matrix. */
export async function mergeCommand(files: string[], options: MergeCommandOptions, version: string): Promise<number> {
  if (!files.length) throw new UsageError("merge needs the shard outputs to join", "e.g. vibeguard merge shard-*.json -f sarif -o vibeguard.sarif");
  const cwd = process.cwd();
  // Shard paths are relative to the scan root, which is the git root in a repository (as for scan).
  const root = gitOutput(cwd, ["rev-parse", "--show-toplevel"])?.trim() || cwd;
  const { shards, ...result } = await mergeShardFiles(root, files);
  const format = options.format ?? "json";
  const rich = format === "html" || format === "markdown";
  const applied = options.baseline ? applyBaseline(root, options.baseline, result, cwd) : undefined;
  const report = rich
    ? prepareReportData({ root, version, result, attribution: true, ...(applied ? { baseline: { ...applied, label: `baseline ${options.baseline}` } } : {}) })
    : undefined;
  const text = REPORTERS[format]({ ...result, ...(applied ? { baseline: applied.comparison } : {}), ...(report ? { report } : {}) }, { root, version, color: false });
  if (!options.output) {
    process.stdout.write(text);
  } else {
    const file = path.resolve(cwd, options.output);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const counts = shards.length ? shards.map((s) => `${s.index}/${s.count}`).join(", ") : "no shard metadata";
  process.stderr.write(`vibeguard: merged ${files.length} output(s) (${counts}): ${result.findings.length} finding(s) in ${result.filesScanned} file(s)\n`);
  return exitCodeFor(applied ? newFindings(result.findings, applied.comparison) : result.findings, options.failOn ?? "error");
}
