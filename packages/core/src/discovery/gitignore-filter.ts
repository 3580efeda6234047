import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { glob } from "tinyglobby";

interface IgnoreFile {
  /** Directory of the .gitignore, repo-relative POSIX ("" for the root). */
  dir: string;
  rules: Ignore;
}

/**
 * Applies every .gitignore between the root and the scanned folders, each relative to its own
 * directory, as git does (a nested .gitignore only affects its subtree).
 */
export class GitignoreFilter {
  private constructor(private readonly files: IgnoreFile[]) {}

  static async load(root: string, scanDirs: readonly string[], alwaysIgnored: readonly string[]): Promise<GitignoreFilter> {
    const dirs = new Set<string>();
    for (const scanDir of scanDirs) {
      // Ancestors from the root down to the scanned folder.
      let rel = toPosix(path.relative(root, scanDir));
      if (rel.startsWith("..")) rel = "";
      const parts = rel ? rel.split("/") : [];
      for (let i = 0; i <= parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
      // Nested ones below it.
      const nested = await glob("**/.gitignore", {
        cwd: scanDir,
        dot: true,
        ignore: alwaysIgnored.map((dir) => `**/${dir}/**`),
      });
      for (const file of nested) dirs.add(toPosix(path.join(rel, path.dirname(file))).replace(/^\.$/, ""));
    }
    const files: IgnoreFile[] = [];
    for (const dir of [...dirs].sort()) {
      const file = path.join(root, dir, ".gitignore");
      if (existsSync(file)) files.push({ dir, rules: ignore().add(readFileSync(file, "utf8")) });
    }
    return new GitignoreFilter(files);
  }

  /** True when a repo-relative POSIX path is ignored by some .gitignore above it. */
  ignores(relativePath: string): boolean {
    return this.files.some(({ dir, rules }) => {
      if (dir && !relativePath.startsWith(`${dir}/`)) return false;
      const inner = dir ? relativePath.slice(dir.length + 1) : relativePath;
      return inner !== "" && rules.ignores(inner);
    });
  }
}

export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
