import type { Finding, Severity } from "@vibeguard/core";

export type Grade = "A" | "B" | "C" | "D" | "E";

/** Severity scales a rule's catalog weight: a rule set to "note" in config counts for less. */
export const SEVERITY_FACTOR: Record<Severity, number> = { error: 1, warning: 0.5, note: 0.25 };

/** Upper bound of each grade, in points per thousand lines. */
export const GRADE_SCALE: ReadonlyArray<{ grade: Grade; max: number }> = [
  { grade: "A", max: 1 },
  { grade: "B", max: 3 },
  { grade: "C", max: 7 },
  { grade: "D", max: 15 },
  { grade: "E", max: Infinity },
];

export const SCORE_FORMULA =
  "score = Σ (catalog weight × severity factor) ÷ thousands of lines; severity factor: error 1, warning 0.5, note 0.25; " +
  "grade A ≤ 1, B ≤ 3, C ≤ 7, D ≤ 15, E above";

export interface RiskScore {
  points: number;
  lines: number;
  /** Points per thousand lines, rounded to two decimals. */
  perKloc: number;
  grade: Grade;
}

export function findingPoints(finding: Finding, weightOf: (ruleId: string) => number): number {
  return weightOf(finding.ruleId) * SEVERITY_FACTOR[finding.severity];
}

export function riskScore(findings: readonly Finding[], lines: number, weightOf: (ruleId: string) => number): RiskScore {
  const points = findings.reduce((sum, f) => sum + findingPoints(f, weightOf), 0);
  // Fewer than 1000 lines count as one thousand, so a tiny project is not graded on a magnified sample.
  const perKloc = Math.round((points / Math.max(lines / 1000, 1)) * 100) / 100;
  const grade = GRADE_SCALE.find((step) => perKloc <= step.max)!.grade;
  return { points: Math.round(points * 100) / 100, lines, perKloc, grade };
}
