import { existsSync } from "node:fs";
import path from "node:path";
import type { ScanResult } from "../scan/run-scan.js";
import { readBaseline, type Baseline } from "./baseline-file.js";
import { compareToBaseline, type BaselineComparison } from "./compare-baseline.js";

/**
 * Compares a scan with the baseline file. A baseline finding counts as fixed when its file was
 * scanned and no longer has it, or when the file is gone; files this run did not look at
 * (--changed, --shard) keep their baseline findings out of the comparison.
 */
export function applyBaseline(root: string, file: string, result: ScanResult, cwd = process.cwd()): { baseline: Baseline; comparison: BaselineComparison } {
  // The file is named from the current directory; the baseline's paths are relative to the scan root.
  const baseline = readBaseline(path.resolve(cwd, file), file);
  const scanned = new Set(result.files);
  const comparison = compareToBaseline(result.findings, baseline, (p) => scanned.has(p) || !existsSync(path.join(root, p)));
  return { baseline, comparison };
}
