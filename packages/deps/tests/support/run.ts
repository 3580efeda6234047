import path from "node:path";
import { checkDependencies, type DepsOptions, type DepsResult } from "@vibeguard/deps";
import { makeProject, packageLock } from "./project.js";

export interface AppSpec {
  dependencies: Record<string, string>;
  /** Lockfile pins; omit for no lockfile. */
  pinned?: Record<string, string>;
  files: Record<string, string>;
  manifest?: Record<string, unknown>;
  extra?: Record<string, string | object>;
}

/** Builds a project with a package-lock v3 and runs the checker on its source files against `registry`. */
export async function checkApp(registry: string, spec: AppSpec, options: Partial<DepsOptions> = {}): Promise<DepsResult & { root: string }> {
  const root = makeProject({
    "package.json": { name: "app", private: true, ...spec.manifest, dependencies: spec.dependencies },
    ...(spec.pinned ? { "package-lock.json": packageLock(spec.pinned) } : {}),
    ...spec.files,
    ...spec.extra,
  });
  const result = await checkDependencies({ root, files: Object.keys(spec.files), registry, cacheDir: path.join(root, ".cache"), retries: 0, timeoutMs: 2_000, ...options });
  return { ...result, root };
}

/** "file:line kind symbol" lines, easy to compare. */
export function summary(result: DepsResult): string[] {
  return result.findings.map((f) => `${f.file}:${f.line} ${f.kind} ${String(f.data.symbol ?? f.data.subpath ?? f.package)}`);
}
