import type { Finding } from "@vibeguard/core";
import { readAgentTraces } from "./agent-trace.js";
import { blameFile, type BlamedLine } from "./blame.js";
import { classifyCommit, type Attribution } from "./classify-commit.js";
import { readCommits } from "./commit-log.js";
import { readGitAiNotes, type LineRecord } from "./git-ai-notes.js";
import { isGitRepository, prefixInRepository } from "./git.js";
import { compileSignatures, DEFAULT_SIGNATURES, type AgentSignature } from "./signatures.js";

export interface FindingAttribution extends Attribution {
  commit?: string;
  /** Author date of the commit, ISO 8601. */
  date?: string;
  author?: string;
}

export interface AttributionResult {
  available: boolean;
  /** Why attribution is missing, when it is. */
  reason?: string;
  /** By finding fingerprint. */
  byFinding: Map<string, FindingAttribution>;
  commitsRead: number;
  problems: string[];
}

export interface AttributionOptions {
  /** Signatures added in config, checked before the built-in ones. */
  extraSignatures?: readonly AgentSignature[];
  traceDirs?: readonly string[];
}

/**
 * For each finding, the commit that introduced its line (one `git blame` per file with findings)
 * and whether that commit was AI-assisted. Line-level records (git-ai notes, Agent Trace) beat
 * commit signatures; a line those records do not list falls back to the commit's signatures.
 */
export function attributeFindings(root: string, findings: readonly Finding[], options: AttributionOptions = {}): AttributionResult {
  const byFinding = new Map<string, FindingAttribution>();
  if (!isGitRepository(root)) return { available: false, reason: "not a git repository", byFinding, commitsRead: 0, problems: [] };
  const prefix = prefixInRepository(root);
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.location.path, [...(byFile.get(finding.location.path) ?? []), finding]);

  const blamed = new Map<string, BlamedLine | undefined>();
  for (const [file, list] of byFile) {
    const blame = blameFile(root, file);
    for (const finding of list) blamed.set(finding.fingerprint, blame?.get(finding.location.startLine));
  }
  const shas = [...new Set([...blamed.values()].flatMap((b) => (b ? [b.commit] : [])))];
  const commits = readCommits(root, shas);
  const signatures = compileSignatures([...(options.extraSignatures ?? []), ...DEFAULT_SIGNATURES]);
  const notes = readGitAiNotes(root);
  const traces = readAgentTraces(root, options.traceDirs);
  const verdicts = new Map<string, Attribution>();

  for (const finding of findings) {
    const line = blamed.get(finding.fingerprint);
    const commit = line ? commits.get(line.commit) : undefined;
    if (!line || !commit) {
      byFinding.set(finding.fingerprint, { kind: "unknown", source: "none" });
      continue;
    }
    const about = { commit: commit.sha, date: commit.date, author: commit.authorName };
    const lineLevel =
      lineRecord(notes.get(commit.sha), line, prefix, "git-ai-note") ?? lineRecord(traces.records.get(commit.sha), line, prefix, "agent-trace");
    if (lineLevel) {
      byFinding.set(finding.fingerprint, { ...lineLevel, ...about });
      continue;
    }
    let verdict = verdicts.get(commit.sha);
    if (!verdict) verdicts.set(commit.sha, (verdict = classifyCommit(commit, signatures)));
    byFinding.set(finding.fingerprint, { ...verdict, ...about });
  }
  return { available: true, byFinding, commitsRead: commits.size, problems: traces.problems };
}

function lineRecord(record: LineRecord | undefined, line: BlamedLine, prefix: string, source: Attribution["source"]): Attribution | undefined {
  if (!record) return undefined;
  // Records name files from the repository's top level; blame names them the same way.
  const ranges = record.files.get(line.originalPath) ?? record.files.get(`${prefix}${line.originalPath}`);
  const range = ranges?.find((r) => line.originalLine >= r.start && line.originalLine <= r.end);
  if (!range) return undefined;
  return { kind: "ai", source, agent: range.agent ?? "unknown agent", ...(range.model ? { model: range.model } : {}), evidence: range.evidence };
}
