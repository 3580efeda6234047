import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import ignore from "ignore";
import { glob } from "tinyglobby";
import type { Diagnostic } from "../finding.js";
import { GitignoreFilter, toPosix } from "./gitignore-filter.js";
import { ALWAYS_IGNORED_DIRS, SOURCE_EXTENSIONS, skipReason } from "./skip-reasons.js";

export interface DiscoveryOptions {
  /** Repository root; results are relative to it. */
  root: string;
  /** Files or folders to scan, absolute or relative to the root. Defaults to the root. */
  paths?: readonly string[];
  /** Extra gitignore-style patterns from the configuration. */
  ignorePatterns?: readonly string[];
}

export interface DiscoveryResult {
  /** Repo-relative POSIX paths, sorted. */
  files: string[];
  /** Files seen but left out (minified, generated, too large), with the reason. */
  skipped: Diagnostic[];
}

/** A path given on the command line that does not exist. */
export class PathNotFoundError extends Error {
  constructor(readonly path: string) {
    super(`path does not exist: ${path}`);
    this.name = "PathNotFoundError";
  }
}

const extensionPattern = `**/*.{${SOURCE_EXTENSIONS.join(",")}}`;
const isSource = (file: string) => SOURCE_EXTENSIONS.some((ext) => file.endsWith(`.${ext}`));

/** Finds the source files to analyse, honouring .gitignore files, config ignores and the built-in skips. */
export async function discoverFiles(options: DiscoveryOptions): Promise<DiscoveryResult> {
  const root = path.resolve(options.root);
  const targets = (options.paths?.length ? options.paths : ["."]).map((p) => path.resolve(root, p));
  const configIgnore = ignore().add([...(options.ignorePatterns ?? [])]);

  const dirs: string[] = [];
  const explicitFiles: string[] = [];
  for (const target of targets) {
    let stats;
    try {
      stats = statSync(target);
    } catch {
      throw new PathNotFoundError(path.relative(process.cwd(), target) || target);
    }
    (stats.isDirectory() ? dirs : explicitFiles).push(target);
  }

  const gitignore = await GitignoreFilter.load(root, dirs, ALWAYS_IGNORED_DIRS);
  const candidates = new Set<string>();
  for (const dir of dirs) {
    const found = await glob(extensionPattern, {
      cwd: dir,
      ignore: ALWAYS_IGNORED_DIRS.map((name) => `**/${name}/**`),
      followSymbolicLinks: false,
    });
    for (const file of found) {
      const rel = toPosix(path.relative(root, path.join(dir, file)));
      if (!gitignore.ignores(rel)) candidates.add(rel);
    }
  }
  // A file named explicitly is scanned even when ignored, as ESLint does, unless it is not source.
  for (const file of explicitFiles) {
    if (isSource(file)) candidates.add(toPosix(path.relative(root, file)));
  }

  const files: string[] = [];
  const skipped: Diagnostic[] = [];
  for (const rel of [...candidates].sort()) {
    // Declaration files carry no code to check; skipping them silently keeps the summary quiet.
    if (rel.startsWith("../") || /\.d\.[cm]?ts$/.test(rel) || configIgnore.ignores(rel)) continue;
    const absolute = path.join(root, rel);
    const reason = skipReason(rel, statSync(absolute).size, () => readFileSync(absolute, "utf8"));
    if (reason) skipped.push({ engine: "discovery", kind: "skipped", path: rel, message: `${rel}: skipped, ${reason}` });
    else files.push(rel);
  }
  return { files, skipped };
}
