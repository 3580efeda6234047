import { parse } from "yaml";
import { LockfileError, plainVersion, type Lockfile } from "./lockfile.js";

type DependencyEntry = string | { specifier?: string; version?: string };
type DependencyMap = Record<string, DependencyEntry>;
interface Importer {
  dependencies?: DependencyMap;
  devDependencies?: DependencyMap;
  optionalDependencies?: DependencyMap;
}
interface PnpmLockYaml extends Importer {
  lockfileVersion?: string | number;
  importers?: Record<string, Importer>;
  packages?: Record<string, unknown>;
}

/** pnpm-lock.yaml v5.x–v9: versions come from `importers.<path>` (or the top level for single projects). */
export function readPnpmLock(text: string, file: string): Lockfile {
  let lock: PnpmLockYaml;
  try {
    lock = parse(text) as PnpmLockYaml;
  } catch (error) {
    throw new LockfileError(`${file} is not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  if (typeof lock !== "object" || lock === null || lock.lockfileVersion === undefined) {
    throw new LockfileError(`${file} has no lockfileVersion`);
  }
  const importers: Record<string, Importer> = lock.importers ?? { ".": lock };
  const names = new Set<string>();
  for (const importer of Object.values(importers)) {
    for (const map of [importer.dependencies, importer.devDependencies, importer.optionalDependencies]) {
      for (const name of Object.keys(map ?? {})) names.add(name);
    }
  }
  for (const key of Object.keys(lock.packages ?? {})) {
    const match = /^\/?((?:@[^/]+\/)?[^@/]+)[@/]/.exec(key);
    if (match?.[1]) names.add(match[1]);
  }
  return {
    file,
    format: `pnpm-lock v${String(lock.lockfileVersion)}`,
    has: (name) => names.has(name),
    resolve(importer, name) {
      const entry = importers[importer || "."];
      if (!entry) return undefined;
      for (const map of [entry.dependencies, entry.devDependencies, entry.optionalDependencies]) {
        const value = map?.[name];
        if (value === undefined) continue;
        const version = typeof value === "string" ? value : value.version;
        if (!version || version.startsWith("link:") || version.startsWith("file:")) return undefined;
        // Aliases are written `npm:real@1.2.3` (v9) or `/real@1.2.3` (v6).
        const aliased = /^(?:npm:|\/)(?:@[^/]+\/)?[^@]+@(.+)$/.exec(version);
        return plainVersion(aliased?.[1] ?? version);
      }
      return undefined;
    },
  };
}
