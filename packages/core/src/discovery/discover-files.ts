import type { Dirent } from "node:fs";
import { readFileSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../finding.js";
import { describeFsError, specialFileKind } from "./fs-problems.js";
import { compileIgnoreLines, isIgnored, loadIgnoreFile, toPosix, type IgnoreLayer } from "./gitignore-filter.js";
import { resolveTargets, scanRootOf, type ScanTarget } from "./scan-targets.js";
import { ALWAYS_IGNORED_DIRS, SOURCE_EXTENSIONS, skipReason } from "./skip-reasons.js";

export { PathNotFoundError } from "./scan-targets.js";

export interface DiscoveryOptions {
  /** Folder output paths are relative to; default: the git root of the named paths, else the named folder. */
  root?: string;
  /** Folder the named paths are relative to; default: `root` when given, else the current directory. */
  cwd?: string;
  /** Files or folders to scan. Defaults to `cwd`. */
  paths?: readonly string[];
  /** Extra gitignore-style patterns from the configuration. */
  ignorePatterns?: readonly string[];
  /** Folder `ignorePatterns` are relative to (the config file's folder); default: `root`. */
  ignoreBase?: string;
}

export interface DiscoveryResult {
  /** The folder every path below is relative to. */
  root: string;
  /** Root-relative POSIX paths, sorted. */
  files: string[];
  /** Files left out on purpose (minified, generated, too large, not source), with the reason. */
  skipped: Diagnostic[];
  /** What could not be read (permission denied, a FIFO, an I/O error) or applied (a bad ignore pattern). */
  problems: Diagnostic[];
}

const IGNORED_DIR_NAMES = new Set<string>(ALWAYS_IGNORED_DIRS);
const isSource = (file: string) => SOURCE_EXTENSIONS.some((ext) => file.endsWith(`.${ext}`));
const isDeclaration = (file: string) => /\.d\.[cm]?ts$/.test(file);

/**
 * Finds the source files to analyse: exactly the named paths, from any working directory, honouring
 * the .gitignore files from the git root down (as git applies them), the config's ignores and the
 * built-in skips. Only regular files are opened; what cannot be read is a diagnostic, never a crash.
 */
export async function discoverFiles(options: DiscoveryOptions): Promise<DiscoveryResult> {
  const cwd = path.resolve(options.cwd ?? options.root ?? process.cwd());
  const targets = resolveTargets(options.paths, cwd);
  const root = options.root ? path.resolve(options.root) : scanRootOf(targets);
  const display = (absolute: string) => toPosix(path.relative(root, absolute)) || ".";

  const problems: Diagnostic[] = [];
  const skipped: Diagnostic[] = [];
  const configLayer: IgnoreLayer[] = options.ignorePatterns?.length
    ? [{ dir: path.resolve(options.ignoreBase ?? root), matcher: compileIgnoreLines(options.ignorePatterns.join("\n"), 'the config\'s "ignore"', problems) }]
    : [];

  const candidates = new Set<string>();
  const walker = new Walker(configLayer, candidates, problems, skipped, display);
  for (const target of targets) {
    if (target.isDirectory) await walker.walk(target.absolute, ancestorLayers(target, root, problems, display));
    else walker.addNamedFile(target);
  }

  const files: string[] = [];
  for (const absolute of [...candidates].sort()) {
    const rel = display(absolute);
    const reason = readProblem(absolute, rel, problems);
    if (reason === "unreadable") continue;
    if (reason) skipped.push({ engine: "discovery", kind: "skipped", path: rel, message: `${rel}: skipped, ${reason}` });
    else files.push(rel);
  }
  return { root, files: [...new Set(files)].sort(), skipped, problems };
}

/** The ignore files that apply above a named folder: .git/info/exclude and each .gitignore from the git root down. */
function ancestorLayers(target: ScanTarget, root: string, problems: Diagnostic[], display: (p: string) => string): IgnoreLayer[] {
  const top = target.gitRoot ?? root;
  const layers: IgnoreLayer[] = [];
  if (target.gitRoot) {
    const exclude = loadIgnoreFile(path.join(target.gitRoot, ".git", "info", "exclude"), target.gitRoot, ".git/info/exclude", problems);
    if (exclude) layers.push(exclude);
  }
  const rel = path.relative(top, target.absolute);
  if (rel.startsWith("..")) return layers;
  const parts = rel ? rel.split(path.sep) : [];
  // Folders above the target only: the target's own .gitignore is loaded when the walk enters it.
  for (let i = 0; i < parts.length; i++) {
    const dir = path.join(top, ...parts.slice(0, i));
    const layer = loadIgnoreFile(path.join(dir, ".gitignore"), dir, display(path.join(dir, ".gitignore")), problems);
    if (layer) layers.push(layer);
  }
  return layers;
}

class Walker {
  constructor(
    private readonly configLayer: IgnoreLayer[],
    private readonly candidates: Set<string>,
    private readonly problems: Diagnostic[],
    private readonly skipped: Diagnostic[],
    private readonly display: (absolute: string) => string,
  ) {}

  async walk(dir: string, layers: IgnoreLayer[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const rel = this.display(dir);
      this.problems.push({ engine: "discovery", kind: "unreadable", path: rel, message: `${rel}/: ${describeFsError(error)}; folder skipped` });
      return;
    }
    const here = [...layers];
    if (entries.some((entry) => entry.name === ".gitignore" && entry.isFile())) {
      const file = path.join(dir, ".gitignore");
      const layer = loadIgnoreFile(file, dir, this.display(file), this.problems);
      if (layer) here.push(layer);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (IGNORED_DIR_NAMES.has(entry.name) || this.ignored(here, absolute, true)) continue;
        await this.walk(absolute, here);
      } else if (isSource(entry.name) && !isDeclaration(entry.name) && !this.ignored(here, absolute, false)) {
        this.addFound(entry, absolute);
      }
    }
  }

  /** A file named on the command line is scanned even when .gitignore ignores it (as ESLint does); config ignores still apply. */
  addNamedFile(target: ScanTarget): void {
    const rel = this.display(target.absolute);
    if (isDeclaration(rel) || isIgnored(this.configLayer, target.absolute, false)) return;
    if (!isSource(rel)) {
      this.skipped.push({ engine: "discovery", kind: "skipped", path: rel, message: `${rel}: skipped, not a JavaScript or TypeScript file` });
      return;
    }
    let stats;
    try {
      stats = statSync(target.absolute);
    } catch (error) {
      this.problems.push({ engine: "discovery", kind: "unreadable", path: rel, message: `${rel}: ${describeFsError(error)}; skipped` });
      return;
    }
    if (stats.isFile()) this.candidates.add(target.absolute);
    else this.notRegular(rel, specialFileKind(stats));
  }

  private addFound(entry: Dirent, absolute: string): void {
    if (entry.isFile()) {
      this.candidates.add(absolute);
      return;
    }
    const rel = this.display(absolute);
    if (entry.isSymbolicLink()) {
      // A link to a regular file is scanned under its own name; links to folders are not followed (no loops, no escapes).
      try {
        if (statSync(absolute).isFile()) this.candidates.add(absolute);
      } catch (error) {
        this.skipped.push({ engine: "discovery", kind: "skipped", path: rel, message: `${rel}: skipped, symlink that cannot be followed (${describeFsError(error)})` });
      }
      return;
    }
    // A FIFO would block the read forever; sockets and devices are no source either.
    this.notRegular(rel, entry.isFIFO() ? "a FIFO" : entry.isSocket() ? "a socket" : "not a regular file");
  }

  private notRegular(rel: string, kind: string): void {
    this.problems.push({ engine: "discovery", kind: "unreadable", path: rel, message: `${rel}: ${kind}, not a regular file; skipped` });
  }

  private ignored(layers: readonly IgnoreLayer[], absolute: string, isDirectory: boolean): boolean {
    return isIgnored(layers, absolute, isDirectory) || isIgnored(this.configLayer, absolute, isDirectory);
  }
}

/**
 * Why a candidate should not be analysed ("unreadable" after recording a diagnostic), or undefined.
 * The file is opened only after its type was checked, so no read can block.
 */
function readProblem(absolute: string, rel: string, problems: Diagnostic[]): string | undefined {
  try {
    const { size } = statSync(absolute);
    return skipReason(rel, size, () => readFileSync(absolute, "utf8"));
  } catch (error) {
    problems.push({ engine: "discovery", kind: "unreadable", path: rel, message: `${rel}: ${describeFsError(error)}; skipped` });
    return "unreadable";
  }
}
