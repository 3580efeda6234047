import { splitSpecifier } from "../imports/extract-imports.js";
import type { ModuleSurface } from "../types.js";
import type { DtsResult } from "./dts-surface.js";
import type { PackageJson } from "./package-layout.js";

/** A module of another package that a declaration file re-exports, with the range its manifest allows. */
export interface ReexportTarget {
  name: string;
  subpath: string;
  range: string;
}

/** The module's surface, or undefined when it cannot be had (then the re-exporting surface stays open). */
export type ReexportLoader = (target: ReexportTarget) => Promise<{ module: ModuleSurface | null | undefined; version: string } | undefined>;

/**
 * Closes a surface left open by `export * from "other-package"` (redis 4 re-exports `@redis/client`): each
 * such package is read at the version the re-exporting package's own dependencies allow, and its names are
 * added. `export *` never re-exports a default. Any target we cannot read keeps the surface open.
 */
export async function followReexports(result: DtsResult, pkg: PackageJson, load: ReexportLoader): Promise<ModuleSurface> {
  const { surface, externalReexports } = result;
  if (!externalReexports.length || result.openOtherwise) return surface;
  const targets: ReexportTarget[] = [];
  for (const specifier of externalReexports) {
    const parts = splitSpecifier(specifier);
    const range = parts && (pkg.dependencies?.[parts.name] ?? pkg.peerDependencies?.[parts.name]);
    if (!parts || !range) return surface; // not a dependency it pins (a global module, a missing manifest entry)
    targets.push({ ...parts, range });
  }
  const merged: ModuleSurface = {
    ...surface,
    exports: [...surface.exports],
    staticMembers: { ...surface.staticMembers },
    instanceMembers: { ...surface.instanceMembers },
    ...(surface.factories ? { factories: [...surface.factories] } : {}),
    deprecated: { ...surface.deprecated },
    ...(surface.replacementNotes ? { replacementNotes: { ...surface.replacementNotes } } : {}),
    reexportsFrom: [],
  };
  const own = new Set(surface.exports);
  for (const target of targets) {
    const loaded = await load(target);
    const module = loaded?.module;
    if (!module || module.open) return surface;
    for (const name of module.exports) {
      // Local declarations shadow a star re-export of the same name.
      if (name === "default" || own.has(name)) continue;
      if (!merged.exports.includes(name)) merged.exports.push(name);
      if (module.staticMembers[name]) merged.staticMembers[name] = module.staticMembers[name];
      if (module.instanceMembers[name]) merged.instanceMembers[name] = module.instanceMembers[name];
      if (module.factories?.includes(name)) (merged.factories ??= []).push(name);
    }
    const adopt = (from: Record<string, string>, into: Record<string, string>) => {
      for (const [key, text] of Object.entries(from)) {
        const owner = key.split(/[.#]/)[0]!;
        if (owner !== "default" && !own.has(owner) && !(key in into)) into[key] = text;
      }
    };
    adopt(module.deprecated, merged.deprecated);
    if (module.replacementNotes) adopt(module.replacementNotes, (merged.replacementNotes ??= {}));
    if (module.notAtRuntime) merged.notAtRuntime = [...(merged.notAtRuntime ?? []), ...module.notAtRuntime.filter((name) => !own.has(name))];
    merged.reexportsFrom!.push(`${target.subpath === "." ? target.name : `${target.name}/${target.subpath.slice(2)}`}@${loaded.version}`);
  }
  merged.open = false;
  return merged;
}
