import path from "node:path";
import { exports as resolveExports } from "resolve.exports";
import type { PackageFiles } from "./package-files.js";

export interface PackageJson {
  name?: string;
  version?: string;
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  exports?: unknown;
  typesVersions?: Record<string, Record<string, string[]>>;
  deprecated?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface SubpathLayout {
  /** False when the exports map (or, without one, the file layout) does not provide the subpath. */
  provided: boolean;
  typesFile?: string;
  jsFile?: string;
}

// posix.normalize folds "sub/../index.d.ts" (firebase 8's per-subpath package.json points one folder up).
const normalize = (file: string) => path.posix.normalize(file.replace(/\/+/g, "/")).replace(/^\.\//, "");

const DTS_FOR_JS: Array<[RegExp, string]> = [
  [/\.mjs$/, ".d.mts"],
  [/\.cjs$/, ".d.cts"],
  [/\.jsx?$/, ".d.ts"],
];

/** The declaration file next to a JS file (`x.js` → `x.d.ts`), or of a folder/extensionless path. */
function declarationFor(files: Set<string>, target: string): string | undefined {
  const file = normalize(target);
  if (/\.d\.[mc]?ts$/.test(file) && files.has(file)) return file;
  for (const [pattern, ext] of DTS_FOR_JS) if (pattern.test(file) && files.has(file.replace(pattern, ext))) return file.replace(pattern, ext);
  for (const candidate of [`${file}.d.ts`, `${file}/index.d.ts`, `${file}.d.mts`]) if (files.has(candidate)) return candidate;
  return undefined;
}

function jsFor(files: Set<string>, target: string): string | undefined {
  const file = normalize(target);
  for (const candidate of [file, `${file}.js`, `${file}.cjs`, `${file}.mjs`, `${file}/index.js`]) {
    if (/\.[mc]?jsx?$/.test(candidate) && files.has(candidate)) return candidate;
  }
  return undefined;
}

/** Applies a `typesVersions` map ({"*": {"*": ["dist/*"]}}) to a subpath. */
function viaTypesVersions(pkg: PackageJson, files: Set<string>, subpath: string): string | undefined {
  const map = pkg.typesVersions ? Object.values(pkg.typesVersions)[0] : undefined;
  if (!map) return undefined;
  const request = subpath === "." ? "index" : normalize(subpath);
  for (const [pattern, targets] of Object.entries(map)) {
    const star = pattern.indexOf("*");
    let matched: string | undefined;
    if (star === -1) matched = pattern === request ? "" : undefined;
    else if (request.startsWith(pattern.slice(0, star)) && request.endsWith(pattern.slice(star + 1))) {
      matched = request.slice(star, request.length - (pattern.length - star - 1));
    }
    if (matched === undefined) continue;
    for (const target of targets) {
      const found = declarationFor(files, target.replace("*", matched));
      if (found) return found;
    }
  }
  return undefined;
}

function readJson(files: PackageFiles, file: string): PackageJson | undefined {
  try {
    const text = files.read(file);
    return text ? (JSON.parse(text) as PackageJson) : undefined;
  } catch {
    // ignore: a folder whose package.json is not JSON is not a package entry point
    return undefined;
  }
}

/** Where a subpath of a package leads: whether it is provided, and its declaration and JS files. */
export function layoutOf(pkg: PackageJson, files: PackageFiles, subpath: string): SubpathLayout {
  const all = new Set(files.list());
  if (pkg.exports !== undefined && pkg.exports !== null) {
    let typesTarget: string[] | void = undefined;
    let jsTarget: string[] | void = undefined;
    try {
      typesTarget = resolveExports(pkg, subpath, { conditions: ["types"] });
      jsTarget = resolveExports(pkg, subpath) ?? resolveExports(pkg, subpath, { require: true });
    } catch {
      try {
        jsTarget = resolveExports(pkg, subpath, { require: true });
      } catch {
        return { provided: false };
      }
    }
    const typesFile = [...(typesTarget ?? []), ...(jsTarget ?? [])].map((t) => declarationFor(all, t)).find(Boolean) ?? viaTypesVersions(pkg, all, subpath);
    const jsFile = (jsTarget ?? []).map((t) => jsFor(all, t)).find(Boolean);
    return { provided: true, typesFile, jsFile };
  }
  if (subpath === ".") {
    const typesField = pkg.types ?? pkg.typings;
    const typesFile =
      (typesField ? declarationFor(all, typesField) : undefined) ??
      viaTypesVersions(pkg, all, ".") ??
      declarationFor(all, pkg.main ?? "index.js") ??
      declarationFor(all, "index");
    return { provided: true, typesFile, jsFile: jsFor(all, pkg.main ?? "index.js") };
  }
  const rel = normalize(subpath);
  // A folder with its own package.json (firebase/app, lodash/fp style).
  const nested = readJson(files, `${rel}/package.json`);
  if (nested) {
    const typesField = nested.types ?? nested.typings;
    return {
      provided: true,
      typesFile: typesField ? declarationFor(all, `${rel}/${typesField}`) : declarationFor(all, `${rel}/${nested.main ?? "index.js"}`),
      jsFile: jsFor(all, `${rel}/${nested.main ?? "index.js"}`),
    };
  }
  const typesFile = viaTypesVersions(pkg, all, subpath) ?? declarationFor(all, rel);
  const jsFile = jsFor(all, rel);
  const provided = Boolean(typesFile || jsFile || all.has(rel) || [...all].some((file) => file.startsWith(`${rel}/`)));
  return { provided, typesFile, jsFile };
}

/** The subpaths an exports map lists (for messages), or undefined without one. */
export function exportedSubpaths(pkg: PackageJson): string[] | undefined {
  const map = pkg.exports;
  if (map === undefined || map === null) return undefined;
  if (typeof map === "string" || Array.isArray(map)) return ["."];
  const keys = Object.keys(map as object);
  return keys.some((key) => key.startsWith(".")) ? keys : ["."];
}
