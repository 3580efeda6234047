import { existsSync, readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import { findGitRoot, isIgnored, loadIgnoreFile, type IgnoreLayer } from "@vibeguard/core";
import { isTestFile } from "../../../util/test-files.js";

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Never source of the app: dependencies, tool folders, coverage. */
const SKIPPED_DIRS = new Set(["node_modules", "coverage", "bower_components", "vendor"]);
/** Build output, skipped when the project has source files in src/ (then it is a copy of them). */
const BUILD_DIRS = new Set(["dist", "build", "out", "lib-esm"]);
/** A project this large is indexed up to here; what lies past it is unseen (and so reported on by no one). */
const MAX_FILES = 20_000;

const roots = new Map<string, string | undefined>();

/** The project a file belongs to: the nearest folder above it with a package.json (undefined when none). */
export function projectRootOf(file: string): string | undefined {
  const dir = path.dirname(file);
  if (roots.has(dir)) return roots.get(dir);
  const parent = path.dirname(dir);
  const root = existsSync(path.join(dir, "package.json")) ? dir : parent === dir ? undefined : projectRootOf(dir);
  roots.set(dir, root);
  return root;
}

/**
 * The project's source files (absolute paths), tests excluded: a router mounted only by a test is not
 * mounted by the app. Walks the folder itself rather than asking git, so that a package installed in
 * node_modules (the corpus) is a project like any other; nested packages are their own projects.
 * The .gitignore files apply as git applies them (what the scan and the analyzer leave out, the route
 * index leaves out too: a stale generated copy of a router must not count as mounted).
 */
export function listProjectFiles(root: string): string[] {
  const files: string[] = [];
  const skipBuild = hasSourceFiles(path.join(root, "src"));
  const walk = (dir: string, parentLayers: readonly IgnoreLayer[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // ignore: a folder that cannot be read has no files to index
      return;
    }
    const own = entries.some((entry) => entry.name === ".gitignore") ? loadIgnoreFile(path.join(dir, ".gitignore"), dir, path.join(dir, ".gitignore"), []) : undefined;
    const layers = own ? [...parentLayers, own] : parentLayers;
    for (const entry of entries) {
      if (files.length >= MAX_FILES) return;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name) || (skipBuild && dir === root && BUILD_DIRS.has(entry.name))) continue;
        if (dir !== root && existsSync(path.join(absolute, "package.json"))) continue;
        if (layers.length > 0 && isIgnored(layers, absolute, true)) continue;
        walk(absolute, layers);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name) && !isTestFile(path.relative(root, absolute))) {
        if (layers.length === 0 || !isIgnored(layers, absolute, false)) files.push(absolute);
      }
    }
  };
  walk(root, ignoreFilesAbove(root));
  return files;
}

/**
 * `.git/info/exclude` and the .gitignore files from the git root down to the project's parent. None when
 * they ignore the project itself: a package installed in node_modules (the corpus) is indexed as its own
 * project, although the repository around it ignores node_modules.
 */
function ignoreFilesAbove(root: string): IgnoreLayer[] {
  const gitRoot = findGitRoot(root);
  if (gitRoot === undefined) return [];
  const folders: string[] = [];
  for (let dir = path.dirname(root); gitRoot !== root && dir.startsWith(gitRoot); dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (dir === gitRoot) break;
  }
  const layers = excludeFile(gitRoot);
  for (const dir of folders) {
    const layer = loadIgnoreFile(path.join(dir, ".gitignore"), dir, path.join(dir, ".gitignore"), []);
    if (layer) layers.push(layer);
  }
  return isIgnored(layers, root, true) ? [] : layers;
}

function excludeFile(gitRoot: string): IgnoreLayer[] {
  const layer = loadIgnoreFile(path.join(gitRoot, ".git", "info", "exclude"), gitRoot, path.join(gitRoot, ".git", "info", "exclude"), []);
  return layer ? [layer] : [];
}

/** Whether a folder holds a source file, at any depth (stops at the first). */
function hasSourceFiles(dir: string): boolean {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    // ignore: no such folder
    return false;
  }
  return entries.some((entry) => (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) || (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && hasSourceFiles(path.join(dir, entry.name))));
}

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
/** `./users.js` in TypeScript source names `./users.ts`. */
const TS_FOR_JS: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

/** The project file a relative import names (extension added, `.js` read as `.ts`, folder index), if known. */
export function resolveImport(fromFile: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith(".") && !specifier.startsWith("/")) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  if (known.has(base)) return base;
  const extension = path.extname(base);
  for (const replacement of TS_FOR_JS[extension] ?? []) {
    const candidate = base.slice(0, -extension.length) + replacement;
    if (known.has(candidate)) return candidate;
  }
  for (const candidate of [...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))]) {
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}
