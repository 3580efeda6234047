import type { EngineName, Family, Location, Severity } from "@vibeguard/core";
import type { BaselineEntry, } from "../baseline/baseline-file.js";
import type { BaselineState } from "../baseline/compare-baseline.js";
import type { FindingAttribution } from "../attribution/attribute-findings.js";
import type { HistoryEntry } from "../history/history-file.js";
import type { ChecklistItem } from "./checklist.js";
import type { Hotspot } from "./hotspots.js";
import type { RiskScore } from "./risk-score.js";

/** A few source lines around a finding, already capped; never present for a line holding a secret. */
export interface Excerpt {
  startLine: number;
  lines: string[];
}

export interface ReportFinding {
  fingerprint: string;
  ruleId: string;
  title: string;
  family: Family | "other";
  severity: Severity;
  points: number;
  path: string;
  line: number;
  column: number;
  message: string;
  excerpt?: Excerpt;
  /** Set when the excerpt was left out because the lines hold a secret. */
  excerptWithheld?: boolean;
  state?: BaselineState;
  attribution?: FindingAttribution;
  related?: Location[];
}

export interface DuplicateGroup {
  copy: { location: Location; excerpt?: Excerpt };
  canonical: { location: Location; excerpt?: Excerpt };
  message: string;
  similarity?: number;
}

export interface DependencyGroup {
  package: string;
  pinned?: string;
  findings: Array<{ ruleId: string; path: string; line: number; message: string }>;
}

export interface FamilyCount {
  family: Family | "other";
  error: number;
  warning: number;
  note: number;
  points: number;
}

/** Everything the markdown and HTML reporters show; computed from findings and git, never by reporters. */
export interface ReportData {
  generatedAt: string;
  version: string;
  project: string;
  commit?: string;
  filesScanned: number;
  enginesRun: EngineName[];
  enginesNotRun: EngineName[];
  score: RiskScore;
  formula: string;
  /** Score of findings new since the baseline, per thousand lines added since it (or of the whole code). */
  newCode?: RiskScore & { basis: string };
  byFamily: FamilyCount[];
  bySeverity: Record<Severity, number>;
  hotspots: { files: Hotspot[]; folders: Hotspot[]; churnAvailable: boolean; formula: string };
  findings: ReportFinding[];
  baseline?: { label: string; counts: Record<BaselineState | "fixed", number>; fixed: BaselineEntry[] };
  duplicates: { ran: boolean; groups: DuplicateGroup[] };
  dependencies: { ran: boolean; packages: DependencyGroup[] };
  attribution: {
    available: boolean;
    reason?: string;
    findings: Record<"ai" | "human" | "unknown", number>;
    byAgent: Array<{ agent: string; model: string; findings: number }>;
    commits: number;
    note: string;
  };
  history: HistoryEntry[];
  recent?: { days: number; findings: number };
  checklist: ChecklistItem[];
  diagnostics: number;
  /** Findings turned off by in-source comments: counted and listed, never dropped silently. */
  suppressed: Array<{ ruleId: string; path: string; line: number; message: string; justification?: string }>;
}
