import { existsSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { Lockfile } from "./lockfile/lockfile.js";
import { LockfileError } from "./lockfile/lockfile.js";
import { findLockfileDir, readLockfileIn } from "./lockfile/read-lockfile.js";
import { Manifests } from "./manifest/manifests.js";
import type { DepsDiagnostic } from "./types.js";

/** One lockfile's project: its folder, its lockfile (or why there is none) and its package.json files. */
export interface Project {
  dir: string;
  lockfile?: Lockfile;
  manifests: Manifests;
  /** Said once a declared package actually needs a version from this project (not for projects without dependencies). */
  missingLockfile?: DepsDiagnostic;
}

/** Finds each file's project (nearest lockfile folder, else the file's nearest package.json folder) once per folder. */
export class Projects {
  private readonly byDir = new Map<string, Project>();
  readonly diagnostics: DepsDiagnostic[] = [];

  constructor(private readonly root: string) {}

  of(file: string): Project {
    const absolute = path.resolve(this.root, file);
    const dir = findLockfileDir(path.dirname(absolute)) ?? this.manifestDir(path.dirname(absolute)) ?? this.root;
    let project = this.byDir.get(dir);
    if (project) return project;
    project = { dir, manifests: new Manifests(dir) };
    const relative = path.relative(this.root, dir).split(path.sep).join("/") || ".";
    try {
      project.lockfile = readLockfileIn(dir);
      if (!project.lockfile) {
        project.missingLockfile = {
          code: "lockfile-missing",
          path: relative,
          message: `${relative}: no lockfile (package-lock.json, pnpm-lock.yaml or yarn.lock); versions are assumed to be the highest each declared range allows`,
        };
      }
    } catch (error) {
      if (!(error instanceof LockfileError)) throw error;
      this.diagnostics.push({ code: "lockfile-broken", path: relative, message: `${error.message}; versions are assumed to be the highest each declared range allows` });
    }
    this.byDir.set(dir, project);
    return project;
  }

  private manifestDir(start: string): string | undefined {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, "package.json"))) return dir;
      if (path.dirname(dir) === dir || !dir.startsWith(this.root)) return undefined;
    }
  }
}

/** Bare-looking specifiers that are local: tsconfig `paths` aliases, `baseUrl` folders, or a folder of that name. */
export class LocalAliases {
  private readonly cache = new Map<string, string[]>();

  isLocal(manifestDir: string, specifier: string): boolean {
    const first = specifier.split("/")[0]!;
    if (existsSync(path.join(manifestDir, first)) || existsSync(path.join(manifestDir, "src", first))) return true;
    return this.prefixes(manifestDir).some((prefix) => specifier === prefix || specifier.startsWith(prefix));
  }

  private prefixes(dir: string): string[] {
    let found = this.cache.get(dir);
    if (found) return found;
    found = [];
    for (const name of ["tsconfig.json", "jsconfig.json"]) {
      const file = path.join(dir, name);
      if (!existsSync(file)) continue;
      const { config } = ts.readConfigFile(file, ts.sys.readFile) as { config?: { compilerOptions?: { paths?: Record<string, unknown> } } };
      for (const key of Object.keys(config?.compilerOptions?.paths ?? {})) found.push(key.replace(/\*.*$/, ""));
    }
    this.cache.set(dir, found);
    return found;
  }
}
