import { SEVERITY_RANK, type Finding } from "@vibeguard/core";
import type { FailOn } from "../config/config-schema.js";
import { EXIT_CLEAN, EXIT_FINDINGS } from "../errors.js";

/** 1 when a finding reaches the --fail-on level or warnings exceed --max-warnings; else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: FailOn, maxWarnings?: number): number {
  if (maxWarnings !== undefined && findings.filter((f) => f.severity === "warning").length > maxWarnings) return EXIT_FINDINGS;
  if (failOn === "never") return EXIT_CLEAN;
  const threshold = SEVERITY_RANK[failOn];
  return findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? EXIT_FINDINGS : EXIT_CLEAN;
}
