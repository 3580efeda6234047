import { gitOutput } from "./git.js";

/** AI-written lines of one commit, per file, from a git-ai authorship note, with the agent behind each session. */
export interface LineRecord {
  /** path → ranges of lines (1-based, inclusive, numbered as in that commit) with who wrote them. */
  files: Map<string, Array<{ start: number; end: number; agent?: string; model?: string; evidence: string }>>;
}

/**
 * Reads the notes under refs/notes/ai. A git-ai authorship note lists files, each followed by
 * indented "<session> <lines>" rows (lines as "3,7-9"), then a line "---" and JSON metadata whose
 * `prompts[<session>].agent_id` names the tool and model. Unreadable notes are skipped.
 */
export function readGitAiNotes(root: string): Map<string, LineRecord> {
  const records = new Map<string, LineRecord>();
  const list = gitOutput(root, ["notes", "--ref=refs/notes/ai", "list"]);
  if (!list) return records;
  for (const row of list.split("\n")) {
    const [, commit] = row.trim().split(/\s+/);
    if (!commit) continue;
    const note = gitOutput(root, ["notes", "--ref=refs/notes/ai", "show", commit]);
    const record = note ? parseGitAiNote(note) : undefined;
    if (record) records.set(commit, record);
  }
  return records;
}

export function parseGitAiNote(note: string): LineRecord | undefined {
  const separator = note.search(/^---\s*$/m);
  if (separator < 0) return undefined;
  const attestation = note.slice(0, separator);
  let sessions: Record<string, { agent_id?: { tool?: string; model?: string } }> = {};
  try {
    const metadata = JSON.parse(note.slice(separator).replace(/^---\s*/, "")) as { prompts?: typeof sessions };
    sessions = metadata.prompts ?? {};
  } catch {
    // Metadata is optional for attribution: lines still count as AI-written, with the agent unknown.
  }
  const files: LineRecord["files"] = new Map();
  let current: string | undefined;
  for (const line of attestation.split("\n")) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      current = line.trim().replace(/^"(.*)"$/, "$1");
      continue;
    }
    const [session, spec] = line.trim().split(/\s+/);
    if (!current || !session || !spec) continue;
    const agentId = sessions[session]?.agent_id;
    const ranges = files.get(current) ?? [];
    for (const part of spec.split(",")) {
      const [from, to] = part.split("-").map(Number);
      if (!Number.isInteger(from)) continue;
      ranges.push({
        start: from!,
        end: Number.isInteger(to) ? to! : from!,
        ...(agentId?.tool ? { agent: agentId.tool } : {}),
        ...(agentId?.model ? { model: agentId.model } : {}),
        evidence: `refs/notes/ai: ${current} ${line.trim()}`,
      });
    }
    files.set(current, ranges);
  }
  return files.size ? { files } : undefined;
}
