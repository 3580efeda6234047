import { gitOutput } from "../attribution/git.js";

/**
 * Commits touching each file, from one `git log --name-only` over the last `maxCommits` commits.
 * Paths are relative to `root`. Empty without git history.
 */
export function churnByFile(root: string, maxCommits = 5000): Map<string, number> {
  const churn = new Map<string, number>();
  const output = gitOutput(root, ["log", `-n${maxCommits}`, "--format=", "--name-only", "--relative", "--no-renames", "--", "."]);
  for (const line of (output ?? "").split("\n")) {
    const file = line.trim();
    if (file) churn.set(file, (churn.get(file) ?? 0) + 1);
  }
  return churn;
}

/** Lines added since `commit` in the working tree (committed or not), for the new-code score. */
export function linesAddedSince(root: string, commit: string): number | undefined {
  const output = gitOutput(root, ["diff", "--numstat", "--relative", commit, "--", "."]);
  if (output === undefined) return undefined;
  let added = 0;
  for (const line of output.split("\n")) {
    const count = Number(line.split("\t")[0]);
    if (Number.isFinite(count)) added += count;
  }
  return added;
}
