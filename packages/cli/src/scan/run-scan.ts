import { readFileSync } from "node:fs";
import path from "node:path";
import {
  catalog,
  discoverFiles,
  fingerprintFindings,
  PathNotFoundError,
  type CatalogEntry,
  type Diagnostic,
  type EngineName,
  type Finding,
  type RawFinding,
  type Severity,
} from "@vibeguard/core";
import type { VibeguardConfig } from "../config/config-schema.js";
import { ENGINES } from "../engines/index.js";
import { UsageError } from "../errors.js";
import { changedFiles } from "../git/changed-files.js";
import type { Progress } from "../progress/progress-bar.js";

export interface ScanOptions {
  root: string;
  paths: readonly string[];
  config: VibeguardConfig;
  /** Only files changed since this git ref. */
  changedSince?: string;
  /** Engines chosen on the command line; intersected with the config. */
  only?: readonly EngineName[];
  skip?: readonly EngineName[];
  debug: (message: string) => void;
  progress?: Progress;
}

export interface ScanResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
  filesScanned: number;
  enginesRun: EngineName[];
}

/** The pipeline: discovery → (changed filter) → engines → fingerprints. Reporters take it from here. */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const { root, config, debug } = options;
  let discovered;
  try {
    discovered = await discoverFiles({ root, paths: options.paths, ignorePatterns: config.ignore });
  } catch (error) {
    if (error instanceof PathNotFoundError) {
      throw new UsageError(error.message, "pass an existing file or folder (paths are relative to the current directory)");
    }
    throw error;
  }
  let files = discovered.files;
  if (options.changedSince) {
    const changed = changedFiles(root, options.changedSince);
    files = files.filter((file) => changed.has(file));
    debug(`--changed: ${files.length} of ${discovered.files.length} files changed since ${options.changedSince}`);
  }
  debug(`discovery: ${files.length} files, ${discovered.skipped.length} skipped`);

  const raw: RawFinding[] = [];
  const diagnostics: Diagnostic[] = [...discovered.skipped];
  const enginesRun: EngineName[] = [];
  for (const [name, engine] of ENGINES) {
    if (!engineEnabled(name, options)) continue;
    const started = performance.now();
    const progress = (done: number, total: number) => options.progress?.update(name, done, total);
    const result = await engine.run({ root, files, rules: enabledRules(name, config), debug, progress });
    debug(`${name}: ${result.findings.length} findings in ${Math.round(performance.now() - started)} ms`);
    raw.push(...result.findings);
    // Every engine parses the files: a file that does not parse is reported once, by the first engine.
    diagnostics.push(...result.diagnostics.filter((d) => !(d.kind === "parse-error" && diagnostics.some((seen) => seen.kind === "parse-error" && seen.path === d.path))));
    enginesRun.push(name);
  }

  options.progress?.stop();
  const findings = fingerprintFindings(raw, (file) => {
    try {
      return readFileSync(path.join(root, file), "utf8");
    } catch {
      // Expected for a file deleted mid-run: its findings are fingerprinted from the message instead.
      return undefined;
    }
  });
  return { findings, diagnostics, filesScanned: files.length, enginesRun };
}

function engineEnabled(name: EngineName, options: ScanOptions): boolean {
  if (options.config.engines?.[name] === false) return false;
  if (options.only?.length && !options.only.includes(name)) return false;
  return !options.skip?.includes(name);
}

/** The engine's checks that are on, with the severity the user configured (catalog default otherwise). */
function enabledRules(engine: EngineName, config: VibeguardConfig): Map<string, { entry: CatalogEntry; severity: Severity }> {
  const rules = new Map<string, { entry: CatalogEntry; severity: Severity }>();
  for (const entry of catalog) {
    if (entry.engine !== engine) continue;
    const level = config.rules?.[entry.id] ?? entry.severity;
    if (level !== "off") rules.set(entry.id, { entry, severity: level });
  }
  return rules;
}
