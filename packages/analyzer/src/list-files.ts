import { spawnSync } from "node:child_process";
import { readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import { ALWAYS_IGNORED_DIRS, SOURCE_EXTENSIONS } from "@vibeguard/core";

const SOURCE = new RegExp(`\\.(${SOURCE_EXTENSIONS.join("|")})$`);
const IGNORED = new Set<string>(ALWAYS_IGNORED_DIRS);

/**
 * The repository's source files, synchronously (ESLint rules cannot wait): git's own list of tracked
 * and untracked-but-not-ignored files when the root is in a repository, else a walk that skips
 * dependency and build folders.
 */
export function listSourceFiles(root: string): string[] {
  const git = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (git.status === 0) {
    return git.stdout
      .split("\0")
      .filter((file) => SOURCE.test(file) && !file.split("/").some((segment) => IGNORED.has(segment)))
      .sort();
  }
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      // ignore: a folder that cannot be read (permissions, deleted mid-walk) has no files to index
      return;
    }
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !IGNORED.has(entry.name)) walk(rel);
      else if (entry.isFile() && SOURCE.test(entry.name)) files.push(rel);
    }
  };
  walk("");
  return files.sort();
}
