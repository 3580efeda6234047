import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { LineRecord } from "./git-ai-notes.js";

/** Folders searched for Agent Trace records (JSON, or JSON Lines with one record per line). */
export const DEFAULT_TRACE_DIRS = [".agent-trace"];

interface TraceRecord {
  vcs?: { type?: string; revision?: string };
  files?: Array<{
    path?: string;
    conversations?: Array<{
      contributor?: { type?: string; model_id?: string };
      ranges?: Array<{ start_line?: number; end_line?: number; contributor?: { type?: string; model_id?: string } }>;
    }>;
  }>;
}

/**
 * Reads Agent Trace records and keeps the ranges an AI contributor wrote, per revision. Line numbers
 * in a record refer to the file at that revision, which is what `git blame` reports as the original line.
 */
export function readAgentTraces(root: string, dirs: readonly string[] = DEFAULT_TRACE_DIRS): { records: Map<string, LineRecord>; problems: string[] } {
  const records = new Map<string, LineRecord>();
  const problems: string[] = [];
  for (const file of dirs.flatMap((dir) => listFiles(path.join(root, dir)))) {
    const rel = path.relative(root, file).split(path.sep).join("/");
    let parsed: TraceRecord[];
    try {
      const text = readFileSync(file, "utf8");
      parsed = file.endsWith(".jsonl") ? text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as TraceRecord) : [JSON.parse(text) as TraceRecord];
    } catch (error) {
      problems.push(`${rel}: not a readable Agent Trace record (${(error as Error).message})`);
      continue;
    }
    for (const record of parsed) addRecord(record, rel, records);
  }
  return { records, problems };
}

function addRecord(record: TraceRecord, source: string, records: Map<string, LineRecord>): void {
  const revision = record.vcs?.revision;
  if (!revision || !Array.isArray(record.files)) return;
  const entry = records.get(revision) ?? { files: new Map() };
  for (const file of record.files) {
    if (!file.path) continue;
    for (const conversation of file.conversations ?? []) {
      for (const range of conversation.ranges ?? []) {
        const contributor = range.contributor ?? conversation.contributor;
        if (contributor?.type !== "ai" || !range.start_line) continue;
        const ranges = entry.files.get(file.path) ?? [];
        const model = contributor.model_id;
        ranges.push({
          start: range.start_line,
          end: range.end_line ?? range.start_line,
          ...(model ? { model, agent: model.split("/")[0] } : {}),
          evidence: `${source}: ${file.path} lines ${range.start_line}-${range.end_line ?? range.start_line} contributor ai${model ? ` (${model})` : ""}`,
        });
        entry.files.set(file.path, ranges);
      }
    }
  }
  if (entry.files.size) records.set(revision, entry);
}

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    // No such folder is the usual case: the project keeps no Agent Trace records.
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listFiles(full);
    return /\.jsonl?$/.test(name) ? [full] : [];
  });
}
