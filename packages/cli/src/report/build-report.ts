import path from "node:path";
import { catalog, ENGINES, FAMILIES, type Finding, type Severity } from "@vibeguard/core";
import type { AttributionResult } from "../attribution/attribute-findings.js";
import type { BaselineComparison } from "../baseline/compare-baseline.js";
import type { HistoryEntry } from "../history/history-file.js";
import type { ScanResult } from "../scan/run-scan.js";
import { reviewChecklist } from "./checklist.js";
import { SourceExcerpts } from "./excerpts.js";
import { HOTSPOT_FORMULA, rankHotspots } from "./hotspots.js";
import type { DependencyGroup, DuplicateGroup, FamilyCount, ReportData, ReportFinding } from "./report-data.js";
import { findingPoints, riskScore, SCORE_FORMULA } from "./risk-score.js";

export interface ReportInputs {
  root: string;
  version: string;
  result: ScanResult;
  commit?: string;
  baseline?: { comparison: BaselineComparison; label: string; commit?: string; linesAdded?: number };
  attribution?: AttributionResult;
  churn?: ReadonlyMap<string, number>;
  history?: HistoryEntry[];
  /** "New in the last N days" counts findings whose line was committed that recently. */
  recentDays?: number;
  now?: Date;
}

const DUPLICATE_RULE = "no-duplicate-utility";
const DEPENDENCY_RULES = new Set(["no-version-mismatched-api", "no-unknown-package"]);
const EXCERPT_LINES = 3;
const SIDE_BY_SIDE_LINES = 12;

const entryOf = new Map(catalog.map((entry) => [entry.id, entry]));
const weightOf = (ruleId: string) => entryOf.get(ruleId)?.weight ?? 1;

/** Computes everything the report shows. Reporters format this; they never look at code or git. */
export function buildReportData(inputs: ReportInputs): ReportData {
  const { result, root } = inputs;
  const now = inputs.now ?? new Date();
  const sources = new SourceExcerpts(root, result.findings);
  const lines = result.files.reduce((sum, file) => sum + sources.lineCount(file), 0);
  const score = riskScore(result.findings, lines, weightOf);
  const comparison = inputs.baseline?.comparison;

  const findings: ReportFinding[] = result.findings.map((f) => {
    const entry = entryOf.get(f.ruleId);
    const { excerpt, withheld } = sources.excerpt(f.location, EXCERPT_LINES);
    const attribution = inputs.attribution?.byFinding.get(f.fingerprint);
    const state = comparison?.states.get(f.fingerprint);
    return {
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      title: entry?.title ?? f.ruleId,
      family: entry?.family ?? "other",
      severity: f.severity,
      points: findingPoints(f, weightOf),
      path: f.location.path,
      line: f.location.startLine,
      column: f.location.startColumn,
      message: f.message,
      ...(excerpt ? { excerpt } : {}),
      ...(withheld ? { excerptWithheld: true } : {}),
      ...(state ? { state } : {}),
      ...(attribution ? { attribution } : {}),
      ...(f.related?.length ? { related: f.related } : {}),
    };
  });

  let newCode: ReportData["newCode"];
  if (comparison) {
    const fresh = result.findings.filter((f) => comparison.states.get(f.fingerprint) === "new");
    const added = inputs.baseline?.linesAdded;
    newCode =
      added !== undefined
        ? { ...riskScore(fresh, added, weightOf), basis: `new findings per thousand lines added since ${inputs.baseline!.label}` }
        : { ...riskScore(fresh, lines, weightOf), basis: `new findings per thousand lines of the whole code (no git diff against ${inputs.baseline!.label})` };
  }

  const perFile = new Map<string, { findings: number; points: number }>();
  for (const f of findings) {
    const file = perFile.get(f.path) ?? { findings: 0, points: 0 };
    file.findings++;
    file.points += f.points;
    perFile.set(f.path, file);
  }
  const churn = inputs.churn ?? new Map<string, number>();
  const spots = rankHotspots([...perFile].map(([file, v]) => ({ path: file, ...v })), churn);

  const rulesRun = new Set(catalog.filter((entry) => result.enginesRun.includes(entry.engine)).map((entry) => entry.id));
  const recentDays = inputs.recentDays ?? 30;
  const since = now.getTime() - recentDays * 86_400_000;

  return {
    generatedAt: now.toISOString(),
    version: inputs.version,
    project: path.basename(root),
    ...(inputs.commit ? { commit: inputs.commit } : {}),
    filesScanned: result.filesScanned,
    enginesRun: result.enginesRun,
    enginesNotRun: ENGINES.filter((name) => !result.enginesRun.includes(name)),
    score,
    formula: SCORE_FORMULA,
    ...(newCode ? { newCode } : {}),
    byFamily: familyCounts(result.findings),
    bySeverity: severityCounts(result.findings),
    hotspots: { ...spots, churnAvailable: churn.size > 0, formula: HOTSPOT_FORMULA },
    findings,
    ...(comparison ? { baseline: { label: inputs.baseline!.label, counts: comparison.counts, fixed: comparison.fixed } } : {}),
    duplicates: { ran: result.enginesRun.includes("analyzer"), groups: duplicateGroups(result.findings, sources) },
    dependencies: { ran: result.enginesRun.includes("deps"), packages: dependencyGroups(result.findings) },
    attribution: attributionSummary(findings, inputs.attribution),
    history: inputs.history ?? [],
    ...(inputs.attribution?.available ? { recent: { days: recentDays, findings: findings.filter((f) => f.attribution?.date && Date.parse(f.attribution.date) >= since).length } } : {}),
    checklist: reviewChecklist(result.findings, rulesRun),
    diagnostics: result.diagnostics.filter((d) => d.kind !== "skipped").length,
    suppressed: (result.suppressed ?? []).map((f) => ({
      ruleId: f.ruleId,
      path: f.location.path,
      line: f.location.startLine,
      message: f.message,
      ...(f.suppression?.justification ? { justification: f.suppression.justification } : {}),
    })),
  };
}

function familyCounts(findings: readonly Finding[]): FamilyCount[] {
  const counts = new Map<string, FamilyCount>();
  for (const family of FAMILIES) counts.set(family, { family, error: 0, warning: 0, note: 0, points: 0 });
  for (const f of findings) {
    const family = entryOf.get(f.ruleId)?.family ?? "other";
    const count = counts.get(family) ?? { family, error: 0, warning: 0, note: 0, points: 0 };
    count[f.severity]++;
    count.points = Math.round((count.points + findingPoints(f, weightOf)) * 100) / 100;
    counts.set(family, count);
  }
  return [...counts.values()];
}

function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function duplicateGroups(findings: readonly Finding[], sources: SourceExcerpts): DuplicateGroup[] {
  return findings
    .filter((f) => f.ruleId === DUPLICATE_RULE && f.related?.length)
    .map((f) => {
      const canonical = f.related![0]!;
      const similarity = typeof f.data?.similarity === "number" ? f.data.similarity : undefined;
      return {
        copy: { location: f.location, ...excerptOrNothing(sources, f.location) },
        canonical: { location: canonical, ...excerptOrNothing(sources, canonical) },
        message: f.message,
        ...(similarity !== undefined ? { similarity } : {}),
      };
    });
}

function excerptOrNothing(sources: SourceExcerpts, location: Finding["location"]) {
  const { excerpt } = sources.excerpt({ ...location, endLine: Math.max(location.endLine ?? 0, location.startLine + SIDE_BY_SIDE_LINES - 1) }, SIDE_BY_SIDE_LINES);
  return excerpt ? { excerpt } : {};
}

function dependencyGroups(findings: readonly Finding[]): DependencyGroup[] {
  const groups = new Map<string, DependencyGroup>();
  for (const f of findings) {
    if (!DEPENDENCY_RULES.has(f.ruleId)) continue;
    const name = typeof f.data?.package === "string" ? f.data.package : "(unnamed package)";
    const group = groups.get(name) ?? { package: name, findings: [] };
    if (typeof f.data?.pinned === "string") group.pinned = f.data.pinned;
    group.findings.push({ ruleId: f.ruleId, path: f.location.path, line: f.location.startLine, message: f.message });
    groups.set(name, group);
  }
  return [...groups.values()].sort((a, b) => b.findings.length - a.findings.length || a.package.localeCompare(b.package));
}

function attributionSummary(findings: readonly ReportFinding[], attribution: AttributionResult | undefined): ReportData["attribution"] {
  const counts = { ai: 0, human: 0, unknown: 0 };
  const agents = new Map<string, { agent: string; model: string; findings: number }>();
  for (const f of findings) {
    const kind = f.attribution?.kind ?? "unknown";
    counts[kind]++;
    if (kind !== "ai") continue;
    const agent = f.attribution!.agent ?? "unknown agent";
    const model = f.attribution!.model ?? "model not stated";
    const key = `${agent}\0${model}`;
    const row = agents.get(key) ?? { agent, model, findings: 0 };
    row.findings++;
    agents.set(key, row);
  }
  return {
    available: Boolean(attribution?.available),
    ...(attribution?.reason ? { reason: attribution.reason } : !attribution ? { reason: "attribution was not run" } : {}),
    findings: counts,
    byAgent: [...agents.values()].sort((a, b) => b.findings - a.findings || a.agent.localeCompare(b.agent)),
    commits: attribution?.commitsRead ?? 0,
    note: "AI share is a lower bound: agent commits without a signature, note or trace look human.",
  };
}
