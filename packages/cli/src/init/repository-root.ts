import { existsSync } from "node:fs";
import path from "node:path";

/** The nearest folder from `dir` up that holds `.git` (a folder, or a file in a worktree); `dir` itself outside git. */
export function repositoryRoot(dir: string): string {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, ".git"))) return current;
    if (path.dirname(current) === current) return path.resolve(dir);
  }
}
