import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { describeFsError } from "./fs-problems.js";

/** A path named on the command line that cannot be scanned: it does not exist, or is a symlink loop. */
export class PathNotFoundError extends Error {
  constructor(
    readonly path: string,
    readonly reason = "path does not exist",
  ) {
    super(`${reason}: ${path}`);
    this.name = "PathNotFoundError";
  }
}

export interface ScanTarget {
  /** Real absolute path (symlinks resolved, so every route to a file gives the same output path). */
  absolute: string;
  isDirectory: boolean;
  /** The git work tree holding it, if any. */
  gitRoot?: string;
}

/** The folder holding `.git` (a folder, or a file in worktrees and submodules) at or above `dir`. */
export function findGitRoot(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, ".git"))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** Resolves the named paths against `cwd`; throws PathNotFoundError naming the first that cannot be used. */
export function resolveTargets(paths: readonly string[] | undefined, cwd: string): ScanTarget[] {
  return (paths?.length ? paths : ["."]).map((named) => {
    const resolved = path.resolve(cwd, named);
    let absolute: string;
    let isDirectory: boolean;
    try {
      absolute = realpathSync(resolved);
      isDirectory = statSync(absolute).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new PathNotFoundError(named, code === "ENOENT" ? "path does not exist" : describeFsError(error));
    }
    const gitRoot = findGitRoot(isDirectory ? absolute : path.dirname(absolute));
    return { absolute, isDirectory, ...(gitRoot ? { gitRoot } : {}) };
  });
}

/**
 * The folder output paths are relative to: the git root of the scanned paths when they share one,
 * else the scanned folder itself (for several, their closest common folder). It depends only on
 * what was named, never on the directory the command ran from.
 */
export function scanRootOf(targets: readonly ScanTarget[]): string {
  const gitRoots = new Set(targets.map((t) => t.gitRoot));
  const [onlyGitRoot] = gitRoots;
  if (gitRoots.size === 1 && onlyGitRoot) return onlyGitRoot;
  const bases = targets.map((t) => t.gitRoot ?? (t.isDirectory ? t.absolute : path.dirname(t.absolute)));
  return bases.reduce(commonAncestor);
}

function commonAncestor(a: string, b: string): string {
  const partsA = a.split(path.sep);
  const partsB = b.split(path.sep);
  let i = 0;
  while (i < partsA.length && i < partsB.length && partsA[i] === partsB[i]) i++;
  return partsA.slice(0, i).join(path.sep) || path.sep;
}
