import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The files of one package version, from a tarball or an installed folder. Paths are POSIX, relative to the package root. */
export interface PackageFiles {
  list(): readonly string[];
  read(file: string): string | undefined;
}

export function filesFromMap(map: ReadonlyMap<string, string>, all: readonly string[]): PackageFiles {
  return { list: () => all, read: (file) => map.get(file) };
}

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);
const MAX_FILES = 20_000;

/** An installed package folder; lists files lazily, reads on demand. */
export function filesFromDir(dir: string): PackageFiles {
  let listed: string[] | undefined;
  return {
    list() {
      if (listed) return listed;
      listed = [];
      const walk = (rel: string) => {
        for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
          if (listed!.length >= MAX_FILES) return;
          const child = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(child);
          else if (entry.isFile()) listed!.push(child);
        }
      };
      walk("");
      return listed;
    },
    read(file) {
      try {
        const full = path.join(dir, file);
        return statSync(full).isFile() ? readFileSync(full, "utf8") : undefined;
      } catch {
        return undefined; // a file the package.json names but does not ship
      }
    },
  };
}
