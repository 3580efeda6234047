import { execFileSync } from "node:child_process";
import { UsageError } from "../errors.js";

function git(root: string, args: string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function succeeds(root: string, args: string[]): boolean {
  try {
    git(root, args);
    return true;
  } catch {
    // git says no through its exit code; that is the answer, not a failure.
    return false;
  }
}

/** git's -z output: NUL-separated, unquoted paths (odd names come out as they are). */
const paths = (text: string) => new Set(text.split("\0").filter(Boolean));

/**
 * Root-relative POSIX paths changed since `base` (committed, staged or not) plus untracked files
 * that are not ignored: what a pull request or a work-in-progress touches. `root` is the git root.
 * In a repository with no commits yet, every file is new, so every file counts as changed unless the
 * user named a base (which then cannot exist).
 */
export function changedFiles(root: string, base: string, baseGiven: boolean): Set<string> {
  if (!succeeds(root, ["rev-parse", "--is-inside-work-tree"])) {
    throw new UsageError(`--changed needs a git repository, and ${root} is not inside one`, "run in a git checkout or drop --changed");
  }
  const hasCommits = succeeds(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  if (!hasCommits && !baseGiven) return paths(git(root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]));
  if (!succeeds(root, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`])) {
    if (!hasCommits) throw new UsageError(`--base ${base} is not a commit: this repository has no commits yet`, "commit first, or drop --base to treat every file as new");
    throw new UsageError(`--base ${base} is not a commit in this repository`, "fetch it first (e.g. git fetch origin main) or pass another --base");
  }
  const diff = git(root, ["diff", "-z", "--name-only", "--relative", "--diff-filter=ACMR", base, "--"]);
  const untracked = git(root, ["ls-files", "-z", "--others", "--exclude-standard"]);
  return paths(`${diff}\0${untracked}`);
}
