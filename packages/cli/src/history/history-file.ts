import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const HISTORY_FILE = ".vibeguard/history.jsonl";

/** One scan's summary: a line of `.vibeguard/history.jsonl`. */
export interface HistoryEntry {
  date: string;
  commit?: string;
  score: number;
  grade: string;
  findings: number;
  lines: number;
  byFamily: Record<string, number>;
}

export function appendHistory(root: string, entry: HistoryEntry): void {
  const file = path.join(root, HISTORY_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** Reads the history, oldest first; lines that are not entries are skipped and counted, never fatal. */
export function readHistory(root: string): { entries: HistoryEntry[]; skipped: number } {
  let text: string;
  try {
    text = readFileSync(path.join(root, HISTORY_FILE), "utf8");
  } catch {
    return { entries: [], skipped: 0 };
  }
  const entries: HistoryEntry[] = [];
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as HistoryEntry;
      if (typeof entry.date === "string" && typeof entry.score === "number") entries.push(entry);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  entries.sort((a, b) => a.date.localeCompare(b.date));
  return { entries, skipped };
}
