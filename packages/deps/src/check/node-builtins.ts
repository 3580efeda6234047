import { builtinModules } from "node:module";
import semver from "semver";
import { DiskCache } from "../disk-cache.js";
import { RegistryError, type Packument, type RegistryClient } from "../registry/registry-client.js";
import { unpackTarball } from "../registry/tarball.js";
import { filesFromMap } from "../surface/package-files.js";
import { isUnavailable, type SurfaceStore, type Unavailable } from "../surface/surface-store.js";
import type { DepsDiagnostic, DepsFinding, ImportUse } from "../types.js";
import { findingOf } from "./check-package.js";
import { builtinModulesOf, OPEN, type BuiltinModules } from "./node-types-api.js";

const BUILTINS = new Set(builtinModules);
const TYPES_NODE = "@types/node";
/** Not an npm name (npm forbids "!"), so it never collides with a package's cached surface. */
const CACHE_NAME = `${TYPES_NODE}!builtins`;

/** "node:fs/promises" / "fs/promises" → "fs/promises"; undefined when not a Node builtin. */
export function builtinName(specifier: string): string | undefined {
  if (specifier.startsWith("node:")) return specifier.slice(5);
  return BUILTINS.has(specifier) ? specifier : undefined;
}

/** One import of a Node builtin and the engines.node range that applies to its file. */
export interface BuiltinUse {
  use: ImportUse;
  /** Without `node:`. */
  module: string;
  enginesNode: string;
}

interface NodeApiOptions {
  store: SurfaceStore;
  client: RegistryClient;
  cache: DiskCache;
  offline: boolean;
}

/**
 * The Node.js API of each major, read from the `@types/node` release of that major (DefinitelyTyped keeps
 * one line per Node major), fetched and cached like any other package's surface.
 */
class NodeApi {
  private readonly loaded = new Map<string, Promise<BuiltinModules | Unavailable>>();
  private fresh?: Promise<Packument>;

  constructor(private readonly options: NodeApiOptions) {}

  packument(): Promise<Packument | Unavailable> {
    return this.options.store.packument(TYPES_NODE);
  }

  modules(version: string): Promise<BuiltinModules | Unavailable> {
    let pending = this.loaded.get(version);
    if (!pending) {
      pending = this.load(version);
      this.loaded.set(version, pending);
    }
    return pending;
  }

  private async load(version: string): Promise<BuiltinModules | Unavailable> {
    const key = DiskCache.key("surfaces", CACHE_NAME, version);
    const cached = this.options.cache.get<BuiltinModules>(key);
    if (cached) return cached;
    if (this.options.offline) return { offline: true };
    try {
      // A cached packument has no tarball URLs: ask the registry for them once.
      let packument = await this.packument();
      if (isUnavailable(packument) || !packument.versions[version]?.tarball) packument = await (this.fresh ??= this.options.client.packument(TYPES_NODE));
      const info = packument.versions[version];
      if (!info) return { error: new RegistryError("registry-not-found", `${TYPES_NODE}@${version}: this version is not on the registry`) };
      const { files, all } = await unpackTarball(await this.options.client.tarball(TYPES_NODE, version, info), `${TYPES_NODE}@${version}`);
      const modules = builtinModulesOf(filesFromMap(files, all));
      this.options.cache.put(key, modules);
      return modules;
    } catch (error) {
      if (error instanceof RegistryError) return { error };
      return { error: new RegistryError("tarball-corrupt", `${TYPES_NODE}@${version}: its declarations could not be read (${(error as Error).message})`) };
    }
  }
}

/** The newest release of each major, oldest major first. */
function releaseOfEachMajor(packument: Packument): string[] {
  const newest = new Map<number, string>();
  for (const version of Object.keys(packument.versions)) {
    if (!semver.valid(version) || semver.prerelease(version)) continue;
    const major = semver.major(version);
    const current = newest.get(major);
    if (!current || semver.gt(version, current)) newest.set(major, version);
  }
  return [...newest].sort(([a], [b]) => a - b).map(([, version]) => version);
}

/** The release provably has the module (and the name). */
const has = (modules: BuiltinModules, module: string, name?: string) => Boolean(modules[module] && (name === undefined || modules[module]!.includes(name)));
/** The release may have it: it does, or the module's members could not all be listed. */
const mayHave = (modules: BuiltinModules, module: string, name?: string) => has(modules, module, name) || Boolean(name !== undefined && modules[module]?.includes(OPEN));

/**
 * Builtin modules and members that the lowest Node.js `engines.node` allows does not have: absent from the
 * `@types/node` release of that major, present in the latest one. Names absent from every release (untyped
 * internals) and type-only imports are not judged. When `@types/node` cannot be had (offline without a
 * cached copy, registry down), one diagnostic per engines range says the builtins were not checked.
 */
export async function checkBuiltins(uses: readonly BuiltinUse[], options: NodeApiOptions): Promise<{ findings: DepsFinding[]; diagnostics: DepsDiagnostic[] }> {
  const findings: DepsFinding[] = [];
  const diagnostics: DepsDiagnostic[] = [];
  const byRange = new Map<string, BuiltinUse[]>();
  for (const entry of uses) {
    if (entry.use.typeOnly || !semver.validRange(entry.enginesNode)) continue;
    byRange.set(entry.enginesNode, [...(byRange.get(entry.enginesNode) ?? []), entry]);
  }
  if (byRange.size === 0) return { findings, diagnostics };
  const api = new NodeApi(options);

  const unchecked = (range: string, first: ImportUse, why: Unavailable) =>
    diagnostics.push(
      "error" in why
        ? { code: why.error.code, path: first.file, line: first.line, message: `${why.error.message}; Node builtins were not checked against engines.node "${range}"` }
        : { code: "offline-unchecked", path: first.file, line: first.line, message: `${TYPES_NODE}: not in the cache; Node builtins were not checked against engines.node "${range}" (offline)` },
    );

  const packument = await api.packument();
  for (const [range, entries] of byRange) {
    const first = entries[0]!.use;
    if (isUnavailable(packument)) {
      unchecked(range, first, packument);
      continue;
    }
    const lowest = semver.minVersion(range)?.version;
    const releases = releaseOfEachMajor(packument);
    // The release for the lowest allowed major; a major DefinitelyTyped skipped is judged by the next one (never stricter).
    const floor = lowest ? releases.findIndex((version) => semver.major(version) >= semver.major(lowest)) : -1;
    if (!lowest || floor === -1 || floor === releases.length - 1) continue;
    const [atFloor, atLatest] = await Promise.all([api.modules(releases[floor]!), api.modules(releases.at(-1)!)]);
    if (isUnavailable(atFloor) || isUnavailable(atLatest)) {
      unchecked(range, first, isUnavailable(atFloor) ? atFloor : (atLatest as Unavailable));
      continue;
    }
    /** The first major whose release has it (binary search: Node adds APIs and keeps them). */
    const firstMajorWith = async (module: string, name?: string): Promise<string> => {
      let absent = floor;
      let present = releases.length - 1;
      while (present - absent > 1) {
        const middle = Math.floor((absent + present) / 2);
        const modules = await api.modules(releases[middle]!);
        if (isUnavailable(modules)) break; // the latest release is evidence enough
        if (has(modules, module, name)) present = middle;
        else absent = middle;
      }
      return releases[present]!;
    };
    const report = async (entry: BuiltinUse, at: { line: number; column: number }, what: string, name?: string) => {
      if (mayHave(atFloor, entry.module, name) || !has(atLatest, entry.module, name)) return;
      const since = await firstMajorWith(entry.module, name);
      const major = semver.major(since);
      findings.push(
        findingOf(
          "builtin-too-new",
          entry.use.file,
          at,
          { name: `node:${entry.module}`, pinned: lowest },
          `${what} is not in Node.js ${semver.major(lowest)} (${TYPES_NODE}@${releases[floor]} lacks it); it is there from Node.js ${major} (${TYPES_NODE}@${since}), but engines.node "${range}" allows Node.js ${lowest}: raise engines.node or avoid it.`,
          { since: String(major), typesFrom: since, typesAtEngines: releases[floor], enginesNode: range },
        ),
      );
    };
    for (const entry of entries) {
      const { use, module } = entry;
      if (!has(atFloor, module)) {
        await report(entry, use, `\`${use.specifier}\``);
        continue;
      }
      for (const named of use.names) if (!named.typeOnly) await report(entry, named, `\`${named.name}\` from \`${use.specifier}\``, named.name);
      for (const member of use.members) {
        if (!member.instance && (member.owner === "*" || member.owner === "default")) await report(entry, member, `\`${module}.${member.member}\``, member.member);
      }
    }
  }
  return { findings, diagnostics };
}
