import type { BaselineComparison } from "../baseline/compare-baseline.js";
import type { ReportData } from "../report/report-data.js";
import type { ScanResult } from "../scan/run-scan.js";
import type { ShardInfo } from "../shard/shard-info.js";

export interface ReportContext {
  root: string;
  version: string;
  /** Colors are for terminals only, never for files. */
  color: boolean;
}

/** What reporters format: the scan result, plus the baseline comparison and report data when computed. */
export interface ReporterInput extends ScanResult {
  baseline?: BaselineComparison;
  /** Computed for the markdown and html formats (grade, hotspots, attribution...). */
  report?: ReportData;
  /** Set on a `--shard i/n` run: written into JSON and SARIF so `vibeguard merge` can join the shards. */
  shard?: ShardInfo;
}

/** A reporter turns a scan result into text. Reporters never analyse code. */
export type Reporter = (result: ReporterInput, context: ReportContext) => string;
