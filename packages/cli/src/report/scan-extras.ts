import { applyBaseline } from "../baseline/apply-baseline.js";
import type { BaselineComparison } from "../baseline/compare-baseline.js";
import type { AttributionConfig } from "../attribution/attribution-config.js";
import { historyEntryFrom } from "../history/history-entry.js";
import { appendHistory } from "../history/history-file.js";
import type { ScanResult } from "../scan/run-scan.js";
import type { ShardSpec } from "../shard/shard-files.js";
import type { ShardInfo } from "../shard/shard-info.js";
import { prepareReportData } from "./prepare-report.js";
import type { ReportData } from "./report-data.js";

export interface ScanExtrasOptions {
  /** Baseline file to compare with (`--baseline`), named from `cwd`. */
  baseline?: string;
  cwd?: string;
  /** Append a summary to .vibeguard/history.jsonl (`--history`). */
  history?: boolean;
  attribution?: AttributionConfig;
  /** `--shard i/n`: the output records the shard's files for `vibeguard merge`. */
  shard?: ShardSpec;
}

/**
 * What `scan` adds to a plain scan result: the baseline comparison, the report data for the
 * markdown and html formats, and the history line. Returns what the reporter needs.
 */
export function scanExtras(
  root: string,
  version: string,
  result: ScanResult,
  format: string,
  options: ScanExtrasOptions,
): { baseline?: BaselineComparison; report?: ReportData; shard?: ShardInfo } {
  const applied = options.baseline ? applyBaseline(root, options.baseline, result, options.cwd) : undefined;
  const shard = options.shard ? { shard: { ...options.shard, files: result.files, enginesRun: result.enginesRun, indexes: result.indexes ?? {} } } : {};
  const rich = format === "markdown" || format === "html";
  if (!rich && !options.history) return { ...(applied ? { baseline: applied.comparison } : {}), ...shard };
  const report = prepareReportData({
    root,
    version,
    result,
    ...(applied ? { baseline: { ...applied, label: `baseline ${options.baseline}` } } : {}),
    attribution: rich,
    ...(options.attribution ? { attributionConfig: options.attribution } : {}),
  });
  if (options.history) appendHistory(root, historyEntryFrom(report));
  return { ...(applied ? { baseline: applied.comparison } : {}), report, ...shard };
}
