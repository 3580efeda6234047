import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { DiskCache } from "../disk-cache.js";
import { RegistryError, type Packument, type RegistryClient } from "../registry/registry-client.js";
import { unpackTarball } from "../registry/tarball.js";
import type { ModuleSurface, PackageSurface } from "../types.js";
import { dtsSurface } from "./dts-surface.js";
import { jsSurface } from "./js-surface.js";
import { changelogNotes } from "./changelog.js";
import { followReexports, type ReexportTarget } from "./follow-reexports.js";
import { withoutRuntimeGaps } from "./runtime-check.js";
import { filesFromDir, filesFromMap, type PackageFiles } from "./package-files.js";
import { exportedSubpaths, layoutOf, type PackageJson } from "./package-layout.js";

const PACKUMENT_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * Bumped when the way surfaces are computed changes, so the user's cache recomputes them. Entries of a
 * committed seed folder are read whatever their format (they are reviewed and never go stale).
 */
export const SURFACE_FORMAT = 3;
/** How many packages deep `export * from "other-package"` is followed (redis → @redis/client is one). */
const MAX_REEXPORT_DEPTH = 3;

interface CachedPackument extends Packument {
  fetchedAt: number;
  /** The registry answered 404. */
  notFound?: boolean;
}

export interface StoreOptions {
  client: RegistryClient;
  cache: DiskCache;
  /** node_modules folders to look in, nearest first. */
  nodeModules: readonly string[];
  offline: boolean;
}

/** Why a package could not be checked: the registry's error, or offline without a cached copy. */
export type Unavailable = { error: RegistryError } | { offline: true };

function typesPackageName(name: string): string {
  return `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`;
}

/** Packuments and per-version surfaces: memory, then the disk cache, then node_modules, then the registry. */
export class SurfaceStore {
  readonly surfacesFromNodeModules = new Set<string>();
  private readonly packuments = new Map<string, Promise<Packument | Unavailable>>();
  private readonly surfaces = new Map<string, Promise<PackageSurface | Unavailable>>();

  constructor(private readonly options: StoreOptions) {}

  packument(name: string, full = false): Promise<Packument | Unavailable> {
    const key = `${name}${full ? " full" : ""}`;
    let pending = this.packuments.get(key);
    if (!pending) {
      pending = this.loadPackument(name, full);
      this.packuments.set(key, pending);
    }
    return pending;
  }

  private async loadPackument(name: string, full: boolean): Promise<Packument | Unavailable> {
    const cacheKey = DiskCache.key("packuments", full ? `${name}.full` : name);
    const entry = this.options.cache.entry<CachedPackument>(cacheKey);
    const cached = entry?.value;
    if (cached && (this.options.offline || entry.seeded || Date.now() - cached.fetchedAt < PACKUMENT_TTL_MS)) {
      return cached.notFound ? { error: new RegistryError("registry-not-found", `${name}: not found on the registry (404, cached)`) } : cached;
    }
    if (this.options.offline) return { offline: true };
    try {
      const fresh = await this.options.client.packument(name, full);
      // Tarball URLs stay in memory: a cached packument never needs them (its surfaces are cached too).
      const versions = Object.fromEntries(Object.entries(fresh.versions).map(([v, info]) => [v, info.deprecated ? { deprecated: info.deprecated } : {}]));
      this.options.cache.put(cacheKey, { ...fresh, versions, fetchedAt: Date.now() });
      return fresh;
    } catch (error) {
      // A 404 is an answer worth keeping (the nonexistent-package check asks it); other failures are not.
      if (error instanceof RegistryError && error.code === "registry-not-found") this.options.cache.put(cacheKey, { name, notFound: true, fetchedAt: Date.now() });
      else if (cached && !cached.notFound) return cached; // stale beats nothing
      if (error instanceof RegistryError) return { error };
      throw error;
    }
  }

  /** The surface of `name@version` covering `subpaths`. */
  surface(name: string, version: string, subpaths: readonly string[]): Promise<PackageSurface | Unavailable> {
    const key = `${name}@${version} ${[...subpaths].sort().join(",")}`;
    let pending = this.surfaces.get(key);
    if (!pending) {
      pending = this.loadSurface(name, version, subpaths, { packages: [`${name}@${version}`], cut: { hit: false } });
      this.surfaces.set(key, pending);
    }
    return pending;
  }

  /**
   * The module another package's declarations re-export (`export * from "@redis/client"`), at the version the
   * re-exporting package's own dependencies allow. `chain` lists the packages being computed, so a cycle
   * stops instead of waiting on itself (this path skips the in-memory promise map for the same reason).
   */
  private async reexported(target: ReexportTarget, chain: Chain) {
    if (chain.packages.length > MAX_REEXPORT_DEPTH) {
      chain.cut.hit = true;
      return undefined;
    }
    const packument = await this.packument(target.name);
    if (isUnavailable(packument)) return undefined;
    const version = semver.maxSatisfying(Object.keys(packument.versions), target.range);
    if (!version) return undefined;
    if (chain.packages.includes(`${target.name}@${version}`)) {
      chain.cut.hit = true;
      return undefined;
    }
    const surface = await this.loadSurface(target.name, version, [target.subpath], { ...chain, packages: [...chain.packages, `${target.name}@${version}`] });
    return isUnavailable(surface) ? undefined : { module: surface.modules[target.subpath], version };
  }

  private installedDir(name: string, version: string): string | undefined {
    for (const dir of this.options.nodeModules) {
      const candidate = path.join(dir, name);
      try {
        const pkg = JSON.parse(readFileSync(path.join(candidate, "package.json"), "utf8")) as PackageJson;
        if (pkg.version === version) return candidate;
      } catch {
        // not installed here
      }
    }
    return undefined;
  }

  private async filesOf(name: string, version: string): Promise<{ pkg: PackageJson; files: PackageFiles } | Unavailable> {
    const installed = this.installedDir(name, version);
    if (installed && existsSync(path.join(installed, "package.json"))) {
      this.surfacesFromNodeModules.add(`${name}@${version}`);
      const files = filesFromDir(installed);
      return { pkg: JSON.parse(files.read("package.json") ?? "{}") as PackageJson, files };
    }
    if (this.options.offline) return { offline: true };
    // A cached packument has no tarball URLs; ask the registry again (one request, then the tarball).
    let packument = await this.packument(name);
    if ("versions" in packument && !packument.versions[version]?.tarball) {
      try {
        packument = await this.options.client.packument(name);
      } catch (error) {
        if (error instanceof RegistryError) return { error };
        throw error;
      }
    }
    if (!("versions" in packument)) return packument;
    const info = packument.versions[version];
    if (!info) return { error: new RegistryError("registry-not-found", `${name}@${version}: this version is not on the registry`) };
    try {
      const data = await this.options.client.tarball(name, version, info);
      const { files, all } = await unpackTarball(data, `${name}@${version}`);
      const pkgText = files.get("package.json");
      if (!pkgText) throw new RegistryError("tarball-corrupt", `${name}@${version}: tarball has no package.json`);
      return { pkg: JSON.parse(pkgText) as PackageJson, files: filesFromMap(files, all) };
    } catch (error) {
      if (error instanceof RegistryError) return { error };
      if (error instanceof SyntaxError) return { error: new RegistryError("tarball-corrupt", `${name}@${version}: package.json in the tarball is not JSON`) };
      throw error;
    }
  }

  private async loadSurface(name: string, version: string, subpaths: readonly string[], chain: Chain): Promise<PackageSurface | Unavailable> {
    const cacheKey = DiskCache.key("surfaces", name, version);
    const entry = this.options.cache.entry<PackageSurface>(cacheKey);
    // Offline (the editor rules, `--offline`), a surface computed the older way still beats none.
    const cached = entry && (entry.seeded || entry.value.format === SURFACE_FORMAT || this.options.offline) ? entry.value : undefined;
    if (cached && subpaths.every((subpath) => subpath in cached.modules)) return cached;
    const loaded = await this.filesOf(name, version);
    if (!("files" in loaded)) return loaded;
    const { pkg, files } = loaded;
    const changelog = changelogNotes(files);
    const surface: PackageSurface = { name, version, format: SURFACE_FORMAT, modules: { ...cached?.modules }, exportedSubpaths: exportedSubpaths(pkg), ...(changelog ? { changelog } : {}) };
    for (const subpath of subpaths) {
      if (subpath in surface.modules) continue;
      const layout = layoutOf(pkg, files, subpath);
      if (!layout.provided) {
        surface.modules[subpath] = null;
        continue;
      }
      surface.modules[subpath] = await this.moduleSurface({ name, version, pkg, files, subpath, chain }, layout.typesFile, layout.jsFile);
    }
    if (!chain.cut.hit) this.options.cache.put(cacheKey, surface);
    return surface;
  }

  private async moduleSurface(at: ModuleAt, typesFile?: string, jsFile?: string): Promise<ModuleSurface> {
    const { name, files, subpath } = at;
    const open: ModuleSurface = { exports: [], open: true, staticMembers: {}, instanceMembers: {}, deprecated: {}, from: "none" };
    const follow = (target: ReexportTarget) => this.reexported(target, at.chain);
    try {
      if (typesFile) return await followReexports(dtsSurface(files, typesFile, "d.ts", requestOf(name, subpath)), at.pkg, follow);
      const typed = await this.typesPackageSurface(at);
      if (typed) {
        // DefinitelyTyped describes the API by hand: where the package's own JS lists its exports plainly,
        // a value the types declare and the JS lacks is not there at run time (node-fetch@2's `Blob`).
        return jsFile ? withoutRuntimeGaps(typed.surface, typed.values, jsSurface(files, jsFile)) : typed.surface;
      }
      return jsFile ? jsSurface(files, jsFile) : open;
    } catch {
      return open; // a declaration set the compiler cannot read: judge nothing rather than guess
    }
  }

  /** The DefinitelyTyped package of the same major, when the package ships no declarations. */
  private async typesPackageSurface({ name, version, subpath, chain }: ModuleAt): Promise<{ surface: ModuleSurface; values: string[] } | undefined> {
    if (name.startsWith("@types/")) return undefined;
    const typesName = typesPackageName(name);
    const packument = await this.packument(typesName);
    if (!("versions" in packument)) return undefined;
    const major = semver.major(version);
    const typesVersion = semver.maxSatisfying(Object.keys(packument.versions), major === 0 ? `~0.${semver.minor(version)}` : `${major}.x`);
    if (!typesVersion) return undefined;
    const loaded = await this.filesOf(typesName, typesVersion);
    if (!("files" in loaded)) return undefined;
    const layout = layoutOf(loaded.pkg, loaded.files, subpath);
    if (!layout.typesFile) return undefined;
    const result = dtsSurface(loaded.files, layout.typesFile, `${typesName}@${typesVersion}`, requestOf(name, subpath));
    const surface = await followReexports(result, loaded.pkg, (target) => this.reexported(target, { ...chain, packages: [...chain.packages, `${typesName}@${typesVersion}`] }));
    return { surface, values: result.values };
  }
}

interface ModuleAt {
  name: string;
  version: string;
  pkg: PackageJson;
  files: PackageFiles;
  subpath: string;
  chain: Chain;
}

/**
 * The packages whose surfaces are being computed, outermost first, and whether following re-exports was cut
 * short (depth bound or cycle) anywhere in it: such a surface is open only because of where it was reached
 * from, so it is not written to the disk cache.
 */
interface Chain {
  packages: readonly string[];
  cut: { hit: boolean };
}

const requestOf = (name: string, subpath: string) => (subpath === "." ? name : `${name}/${subpath.slice(2)}`);

export function isUnavailable<T extends object>(value: T | Unavailable): value is Unavailable {
  return "error" in value || "offline" in value;
}
