import type { Finding } from "@vibeguard/core";
import type { Baseline, BaselineEntry } from "./baseline-file.js";

/** new: not in the baseline; unchanged: same fingerprint and line; moved: same fingerprint, another line. */
export type BaselineState = "new" | "unchanged" | "moved";

export interface BaselineComparison {
  /** The state of every current finding, by fingerprint. */
  states: Map<string, BaselineState>;
  /** Baseline entries no current finding matches, in files this run looked at. */
  fixed: BaselineEntry[];
  counts: Record<BaselineState | "fixed", number>;
}

/**
 * Compares current findings with a baseline by fingerprint only. A fix and a new violation never
 * cancel out, because no counts are compared. `inScope(path)` says whether this run looked at a path
 * (so a --changed or --shard run does not report the rest of the baseline as fixed).
 */
export function compareToBaseline(findings: readonly Finding[], baseline: Baseline, inScope: (path: string) => boolean): BaselineComparison {
  const accepted = new Map(baseline.findings.map((entry) => [entry.fingerprint, entry]));
  const states = new Map<string, BaselineState>();
  const counts = { new: 0, unchanged: 0, moved: 0, fixed: 0 };
  for (const finding of findings) {
    const entry = accepted.get(finding.fingerprint);
    const state: BaselineState = !entry ? "new" : entry.startLine === finding.location.startLine ? "unchanged" : "moved";
    states.set(finding.fingerprint, state);
    counts[state]++;
  }
  const fixed = baseline.findings.filter((entry) => !states.has(entry.fingerprint) && inScope(entry.path));
  counts.fixed = fixed.length;
  return { states, fixed, counts };
}

export function newFindings(findings: readonly Finding[], comparison: BaselineComparison): Finding[] {
  return findings.filter((f) => comparison.states.get(f.fingerprint) === "new");
}
