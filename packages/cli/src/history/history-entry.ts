import type { ReportData } from "../report/report-data.js";
import type { HistoryEntry } from "./history-file.js";

/** The summary of one scan that goes into `.vibeguard/history.jsonl`. */
export function historyEntryFrom(data: ReportData): HistoryEntry {
  const byFamily: Record<string, number> = {};
  for (const row of data.byFamily) byFamily[row.family] = row.error + row.warning + row.note;
  return {
    date: data.generatedAt,
    ...(data.commit ? { commit: data.commit } : {}),
    score: data.score.perKloc,
    grade: data.score.grade,
    findings: data.findings.length,
    lines: data.score.lines,
    byFamily,
  };
}
