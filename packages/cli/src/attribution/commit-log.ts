import type { CommitInfo } from "./classify-commit.js";
import { gitOutput } from "./git.js";

const FIELD = "\x1f";
const RECORD = "\x1e";

/** Author, date and message of the given commits, read with one `git log --no-walk --stdin`. */
export function readCommits(root: string, shas: readonly string[]): Map<string, CommitInfo> {
  const commits = new Map<string, CommitInfo>();
  if (!shas.length) return commits;
  const output = gitOutput(root, ["log", "--no-walk=unsorted", "--stdin", `--format=%H${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}%B${RECORD}`], `${shas.join("\n")}\n`);
  for (const record of (output ?? "").split(RECORD)) {
    const [sha, authorName, authorEmail, date, message] = record.replace(/^\n/, "").split(FIELD);
    if (!sha || message === undefined) continue;
    commits.set(sha, { sha, authorName: authorName!, authorEmail: authorEmail!, date: date!, message });
  }
  return commits;
}
