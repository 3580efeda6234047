import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import semver from "semver";
import { builtinName, checkBuiltins, type BuiltinUse } from "./check/node-builtins.js";
import { checkPackage, findingOf, type PackageGroup } from "./check/check-package.js";
import { typoOf } from "./check/popular-names.js";
import { checkDeclaredNames, DEFAULT_RECENT_DAYS, suspicionOf, suspiciousFinding } from "./check/suspicious-name.js";
import { DiskCache } from "./disk-cache.js";
import { extractImports, splitSpecifier } from "./imports/extract-imports.js";
import { LocalAliases, Projects, type Project } from "./project-context.js";
import { readNpmrc } from "./registry/npmrc.js";
import { RegistryClient } from "./registry/registry-client.js";
import { isUnavailable, SurfaceStore } from "./surface/surface-store.js";
import type { DepsDiagnostic, DepsFinding, ImportUse } from "./types.js";

export interface DepsOptions {
  /** Absolute folder the file paths are relative to. */
  root: string;
  /** Repo-relative POSIX paths of the source files to check. */
  files: readonly string[];
  /** Texts to use instead of the files on disk (an editor's unsaved buffers), by the same paths. */
  sources?: ReadonlyMap<string, string>;
  /** Use only the cache and node_modules; report what could not be checked. */
  offline?: boolean;
  /** Registry URL, overriding .npmrc's `registry`. */
  registry?: string;
  /** Cache folder (default: node_modules/.cache/vibeguard under the root, else the user cache folder). */
  cacheDir?: string;
  /** A package first published fewer days ago than this is warned about as "very recent" (default 30). */
  recentDays?: number;
  timeoutMs?: number;
  retries?: number;
  concurrency?: number;
  debug?: (message: string) => void;
}

export interface DepsResult {
  findings: DepsFinding[];
  diagnostics: DepsDiagnostic[];
  stats: { requests: number; packages: number; fromNodeModules: number; cacheDir: string };
}

/** A committed, read-only cache a project can keep next to its lockfile so CI and demos need no network. */
export const SEED_CACHE_DIR = ".vibeguard/deps-cache";
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const LOCAL_PROTOCOL = /^(?:workspace:|file:|link:|portal:|git\+|git:|github:|https?:|[^/@]+\/[^/]+$)/;

export function defaultCacheDir(root: string): string {
  if (existsSync(path.join(root, "node_modules"))) return path.join(root, "node_modules", ".cache", "vibeguard");
  const base = process.env.XDG_CACHE_HOME ?? (process.platform === "darwin" ? path.join(homedir(), "Library", "Caches") : path.join(homedir(), ".cache"));
  return path.join(base, "vibeguard");
}

function nodeModulesChain(dir: string): string[] {
  const dirs: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, "node_modules");
    if (existsSync(candidate)) dirs.push(candidate);
    if (path.dirname(current) === current) return dirs;
  }
}

/** The dependency checker: imports → pinned versions → surfaces → findings. Never throws for bad input. */
export async function checkDependencies(options: DepsOptions): Promise<DepsResult> {
  const debug = options.debug ?? (() => {});
  const root = path.resolve(options.root);
  const { uses, diagnostics } = extractAll(root, options.files, options.sources);
  const findings: DepsFinding[] = [];
  const projects = new Projects(root);
  const aliases = new LocalAliases();
  const recentDays = options.recentDays ?? DEFAULT_RECENT_DAYS;

  const projectOf = new Map<string, Project>();
  for (const file of options.files) projectOf.set(file, projects.of(file));
  const projectDirs = [...new Set([...projectOf.values()].map((p) => p.dir))];
  const npmrc = readNpmrc(projectDirs[0] ?? root);
  if (options.registry) npmrc.registry = options.registry;
  const cacheDir = options.cacheDir ?? defaultCacheDir(root);
  const seeds = projectDirs.map((dir) => path.join(dir, SEED_CACHE_DIR)).filter((dir) => existsSync(dir));
  const cache = new DiskCache(cacheDir, [...seeds, cacheDir]);
  const client = new RegistryClient({ npmrc, timeoutMs: options.timeoutMs, retries: options.retries, concurrency: options.concurrency });
  const store = new SurfaceStore({ client, cache, nodeModules: [...new Set(projectDirs.flatMap(nodeModulesChain))], offline: Boolean(options.offline) });
  debug(`deps: ${uses.length} imports in ${options.files.length} files; cache ${cacheDir}${seeds.length ? ` (+ ${seeds.length} committed)` : ""}`);

  const groups = new Map<string, PackageGroup>();
  const existence: Array<Promise<void>> = [];
  const builtinUses: BuiltinUse[] = [];

  for (const use of uses) {
    const builtin = builtinName(use.specifier);
    const project = projectOf.get(use.file)!;
    const { manifests, broken } = project.manifests.chain(path.join(root, use.file));
    for (const error of broken) diagnostics.push({ code: "manifest-broken", path: path.relative(root, error.file), message: error.message });
    if (builtin !== undefined) {
      const enginesNode = manifests.find((m) => m.enginesNode)?.enginesNode;
      if (enginesNode) builtinUses.push({ use, module: builtin, enginesNode });
      continue;
    }
    const parts = splitSpecifier(use.specifier);
    if (!parts || !NPM_NAME.test(parts.name)) continue;
    const { name, subpath } = parts;
    const nearest = manifests[0];
    if (!nearest || manifests.some((m) => m.name === name)) continue; // self-reference
    if (aliases.isLocal(nearest.dir, use.specifier)) continue;
    const declaring = manifests.find((m) => m.declared.has(name));
    const range = declaring?.declared.get(name);
    if (range && LOCAL_PROTOCOL.test(range)) continue; // a workspace, file or git dependency: not a registry package
    const typesDeclared = manifests.some((m) => m.declared.has(`@types/${name.replace(/^@/, "").replace("/", "__")}`));
    const inLockfile = project.lockfile?.has(name) ?? false;

    if (!declaring) {
      if (use.typeOnly && typesDeclared) continue;
      existence.push(
        checkExistence(store, use, name, inLockfile, findings, recentDays).then((found) => {
          // Not on the registry is reported as nonexistent instead; unknown (offline, registry down) is still undeclared.
          if (found === false) return;
          const where = path.relative(root, path.join(nearest.dir, "package.json")).split(path.sep).join("/");
          findings.push(
            findingOf("undeclared", use.file, use, { name }, `\`${name}\` is imported but not declared in ${where}${inLockfile ? " (it is only installed as another package's dependency)" : ""}: add it to dependencies.`, { declaredIn: where }),
          );
        }),
      );
      continue;
    }
    if (project.missingLockfile) diagnostics.push(project.missingLockfile);
    const importer = path.relative(project.dir, declaring.dir).split(path.sep).join("/");
    const pinned = project.lockfile?.resolve(importer, name, range);
    const groupKey = `${name}@${pinned ?? `range:${range}`}@${importer}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        name,
        pinned: pinned ?? "",
        pinnedBy: `pinned in ${project.lockfile?.file ?? "lockfile"}`,
        range,
        declaredIn: path.relative(root, path.join(declaring.dir, "package.json")).split(path.sep).join("/"),
        library: !declaring.private && Boolean(declaring.name),
        uses: [],
      };
      groups.set(groupKey, group);
    }
    group.uses.push({ use, subpath });
  }

  // Unpinned groups: the registry says whether the package exists and which version the range gets.
  await Promise.all(
    [...groups.values()].map(async (group) => {
      if (group.pinned) return;
      const first = group.uses[0]!.use;
      const exists = await checkExistence(store, first, group.name, false, [], recentDays);
      if (exists === false) {
        for (const { use } of group.uses) {
          findings.push(findingOf("nonexistent", use.file, use, { name: group.name }, `\`${group.name}\` is declared in ${group.declaredIn} but is not published on the registry: a hallucinated or mistyped package name.${hint(group.name)}`));
        }
        groups.delete(`${group.name}@range:${group.range}`);
        group.pinned = "";
        return;
      }
      const packument = await store.packument(group.name);
      const best = !isUnavailable(packument) && group.range && semver.validRange(group.range) ? semver.maxSatisfying(Object.keys(packument.versions), group.range) : null;
      if (best) {
        group.pinned = best;
        group.pinnedBy = `no version in the lockfile: assumed the highest version matching ${group.range}`;
      }
    }),
  );
  await Promise.all(existence);
  findings.push(...(await checkDeclaredNames([...groups.values()].filter((group) => !findings.some((f) => f.kind === "nonexistent" && f.package === group.name)), store, recentDays)));

  const pending = [...groups.values()].filter((group) => group.pinned);
  const results = await Promise.all([...pending.map((group) => checkPackage(group, store)), checkBuiltins(builtinUses, { store, client, cache, offline: Boolean(options.offline) })]);
  for (const result of results) {
    findings.push(...result.findings);
    diagnostics.push(...result.diagnostics);
  }
  for (const group of groups.values()) {
    if (!group.pinned && group.uses.length && !findings.some((f) => f.kind === "nonexistent" && f.package === group.name)) {
      const first = group.uses[0]!.use;
      diagnostics.push({ code: options.offline ? "offline-unchecked" : "registry-error", path: first.file, line: first.line, message: `${group.name}: no pinned version and none could be derived from ${group.range}; not checked` });
    }
  }
  diagnostics.push(...projects.diagnostics);
  if (options.offline) {
    const unchecked = diagnostics.filter((d) => d.code === "offline-unchecked").length;
    if (unchecked) debug(`deps: offline, ${unchecked} package(s) not checked`);
  }
  return {
    findings: dedupe(findings).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column),
    diagnostics: dedupeDiagnostics(diagnostics),
    stats: { requests: client.requests, packages: pending.length, fromNodeModules: store.surfacesFromNodeModules.size, cacheDir },
  };
}

/**
 * All files in one program; when that fails (a file nested deep enough to overflow the parser's stack),
 * file by file, so the failure costs that file only and is named.
 */
function extractAll(root: string, files: readonly string[], sources?: ReadonlyMap<string, string>): ReturnType<typeof extractImports> {
  try {
    return extractImports(root, files, sources);
  } catch {
    const all: ReturnType<typeof extractImports> = { uses: [], diagnostics: [] };
    for (const file of files) {
      try {
        const one = extractImports(root, [file], sources);
        all.uses.push(...one.uses);
        all.diagnostics.push(...one.diagnostics);
      } catch (error) {
        all.diagnostics.push({ code: "parse-error", path: file, message: `${file}: could not read its imports (${(error as Error).message}); skipped` });
      }
    }
    return all;
  }
}

function hint(name: string): string {
  const typo = typoOf(name);
  return typo ? ` Did you mean \`${typo}\`?` : "";
}

/**
 * For a package that is not pinned: is it on the registry at all? Reports nonexistent and suspicious names.
 * Resolves to true when it exists, false when the registry says it does not, undefined when we cannot tell.
 */
const existenceMemo = new WeakMap<SurfaceStore, Map<string, Promise<{ exists?: boolean; suspicious?: string }>>>();
async function checkExistence(store: SurfaceStore, use: ImportUse, name: string, inLockfile: boolean, sink: DepsFinding[], recentDays: number): Promise<boolean | undefined> {
  if (inLockfile) return true;
  let memo = existenceMemo.get(store);
  if (!memo) existenceMemo.set(store, (memo = new Map()));
  let answer = memo.get(name);
  if (!answer) {
    answer = store.packument(name, true).then((packument) => {
      if (isUnavailable(packument)) return "error" in packument && packument.error.code === "registry-not-found" ? { exists: false } : {};
      return { exists: true, suspicious: suspicionOf(name, packument, recentDays) };
    });
    memo.set(name, answer);
  }
  const { exists, suspicious } = await answer;
  if (exists === false) sink.push(findingOf("nonexistent", use.file, use, { name }, `\`${name}\` is not published on the registry: a hallucinated or mistyped package name; installing whatever appears under it later is a slopsquatting risk.${hint(name)}`));
  if (suspicious) sink.push(suspiciousFinding(use, name, suspicious));
  return exists;
}

function dedupe(findings: DepsFinding[]): DepsFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}:${f.line}:${f.column}:${f.kind}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function dedupeDiagnostics(diagnostics: DepsDiagnostic[]): DepsDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => (seen.has(d.message) ? false : (seen.add(d.message), true)));
}
