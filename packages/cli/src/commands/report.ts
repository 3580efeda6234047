import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { existsSync } from "node:fs";
import { applyBaseline } from "../baseline/apply-baseline.js";
import { compareToBaseline } from "../baseline/compare-baseline.js";
import { UsageError } from "../errors.js";
import { historyEntryFrom } from "../history/history-entry.js";
import { appendHistory } from "../history/history-file.js";
import { prepareReportData } from "../report/prepare-report.js";
import { baselineAtRef } from "../report/since.js";
import { REPORTERS } from "../reporters/index.js";
import { runScan } from "../scan/run-scan.js";
import type { AnalyzerOptions, DepsOptions } from "./common-options.js";
import { scanSetup } from "./scan-setup.js";

export interface ReportCommandOptions extends DepsOptions, AnalyzerOptions {
  output?: string;
  format?: "html" | "markdown";
  baseline?: string;
  since?: string;
  history?: boolean;
  days?: string;
  config?: string;
  only?: string[];
  skip?: string[];
  debug?: boolean;
}

/** `vibeguard report [paths...]`: scan, then write the risk report (HTML by default). Exits 0 unless the call is wrong. */
export async function reportCommand(paths: string[], options: ReportCommandOptions, version: string): Promise<number> {
  const debug = options.debug ? (message: string) => process.stderr.write(`[vibeguard] ${message}\n`) : () => {};
  if (options.baseline && options.since) throw new UsageError("--baseline and --since both say what to compare with", "pass one of them");
  const recentDays = options.days === undefined ? 30 : Number(options.days);
  if (!Number.isInteger(recentDays) || recentDays < 1) throw new UsageError(`--days ${options.days} is not a whole number of days`, "e.g. --days 14");
  const format = options.format ?? "html";
  const { cwd, config, scanOptions, configDiagnostics } = await scanSetup(paths, options);
  const { root } = scanOptions;
  const started = performance.now();
  const result = await runScan(scanOptions);
  result.diagnostics.unshift(...configDiagnostics);
  debug(`scan: ${Math.round(performance.now() - started)} ms`);

  let baseline;
  if (options.baseline) baseline = { ...applyBaseline(root, options.baseline, result, cwd), label: `baseline ${options.baseline}` };
  if (options.since) {
    const atRef = await baselineAtRef(scanOptions, options.since);
    const scanned = new Set(result.files);
    const comparison = compareToBaseline(result.findings, atRef, (p) => scanned.has(p) || !existsSync(path.join(root, p)));
    baseline = { baseline: atRef, comparison, label: `${options.since} (${atRef.commit!.slice(0, 12)})` };
  }
  const reportStarted = performance.now();
  const data = prepareReportData({ root, version, result, ...(baseline ? { baseline } : {}), attribution: true, ...(config.attribution ? { attributionConfig: config.attribution } : {}), recentDays });
  if (options.history) {
    // This run is part of the trend it draws.
    const entry = historyEntryFrom(data);
    appendHistory(root, entry);
    data.history = [...data.history, entry];
  }
  const text = REPORTERS[format]({ ...result, ...(baseline ? { baseline: baseline.comparison } : {}), report: data }, { root, version, color: false });
  debug(`report: ${Math.round(performance.now() - reportStarted)} ms`);

  const output = options.output ?? (format === "html" ? "vibeguard-report.html" : undefined);
  if (!output) {
    process.stdout.write(text);
    return 0;
  }
  const file = path.resolve(cwd, output);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  process.stderr.write(`vibeguard: grade ${data.score.grade} (${data.score.perKloc} per KLOC), ${data.findings.length} finding(s); ${format} report written to ${output}\n`);
  return 0;
}
