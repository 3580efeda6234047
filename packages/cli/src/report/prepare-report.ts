import type { Baseline } from "../baseline/baseline-file.js";
import type { BaselineComparison } from "../baseline/compare-baseline.js";
import { attributeFindings } from "../attribution/attribute-findings.js";
import { headCommit, isGitRepository } from "../attribution/git.js";
import type { AttributionConfig } from "../attribution/attribution-config.js";
import { readHistory } from "../history/history-file.js";
import type { ScanResult } from "../scan/run-scan.js";
import { buildReportData } from "./build-report.js";
import { churnByFile, linesAddedSince } from "./git-facts.js";
import type { ReportData } from "./report-data.js";

export interface PrepareReportOptions {
  root: string;
  version: string;
  result: ScanResult;
  baseline?: { comparison: BaselineComparison; baseline: Baseline; label: string };
  /** Blame and classify findings (off for a quick history summary). */
  attribution: boolean;
  attributionConfig?: AttributionConfig;
  recentDays?: number;
  now?: Date;
}

/** Gathers the git facts (blame, churn, history) and computes the report data. */
export function prepareReportData(options: PrepareReportOptions): ReportData {
  const { root, result } = options;
  const git = isGitRepository(root);
  const commit = git ? headCommit(root) : undefined;
  const baselineCommit = options.baseline?.baseline.commit;
  return buildReportData({
    root,
    version: options.version,
    result,
    ...(commit ? { commit } : {}),
    ...(options.baseline
      ? {
          baseline: {
            comparison: options.baseline.comparison,
            label: options.baseline.label,
            ...(git && baselineCommit ? { linesAdded: linesAddedSince(root, baselineCommit) } : {}),
          },
        }
      : {}),
    ...(options.attribution ? { attribution: attributeFindings(root, result.findings, { extraSignatures: options.attributionConfig?.signatures ?? [], ...(options.attributionConfig?.traceDirs ? { traceDirs: options.attributionConfig.traceDirs } : {}) }) } : {}),
    ...(git ? { churn: churnByFile(root) } : {}),
    history: readHistory(root).entries,
    ...(options.recentDays !== undefined ? { recentDays: options.recentDays } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
