import { execFileSync } from "node:child_process";
import { UsageError } from "../errors.js";

function git(root: string, args: string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Root-relative POSIX paths changed since `base` (committed, staged or not) plus untracked files
 * that are not ignored: what a pull request or a work-in-progress touches.
 */
export function changedFiles(root: string, base: string): Set<string> {
  try {
    git(root, ["rev-parse", "--is-inside-work-tree"]);
  } catch {
    throw new UsageError(`--changed needs a git repository, and ${root} is not inside one`, "run in a git checkout or drop --changed");
  }
  try {
    git(root, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`]);
  } catch {
    throw new UsageError(`--base ${base} is not a commit in this repository`, "fetch it first (e.g. git fetch origin main) or pass another --base");
  }
  const diff = git(root, ["diff", "--name-only", "--relative", "--diff-filter=ACMR", base, "--"]);
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard"]);
  return new Set(
    `${diff}\n${untracked}`
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  );
}
