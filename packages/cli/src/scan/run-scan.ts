import { readFileSync } from "node:fs";
import path from "node:path";
import {
  catalog,
  discoverFiles,
  fingerprintFindings,
  PathNotFoundError,
  type Diagnostic,
  type EngineName,
  type Finding,
  type RawFinding,
} from "@vibeguard/core";
import { ruleLevel, ruleOptions, type VibeguardConfig } from "../config/config-schema.js";
import type { EnabledRule, Engine } from "../engines/engine.js";
import { ENGINES } from "../engines/index.js";
import { UsageError } from "../errors.js";
import { changedFiles } from "../git/changed-files.js";
import type { Progress } from "../progress/progress-bar.js";
import { filesOfShard, type ShardSpec } from "../shard/shard-files.js";

export interface ScanOptions {
  /** The folder output paths are relative to (see scanRootOf). */
  root: string;
  /** The folder `paths` are relative to; default: `root`. */
  cwd?: string;
  paths: readonly string[];
  config: VibeguardConfig;
  /** Folder of the config file, which its `ignore` patterns are relative to; default: `root`. */
  configDir?: string;
  /** Only files changed since this git ref. */
  changedSince?: string;
  /** Whether the user named the ref (--base), or it is the default HEAD. */
  baseGiven?: boolean;
  /** Accept a scan that finds no file to analyse (otherwise it is an error, as in ESLint). */
  allowEmpty?: boolean;
  /** Engines chosen on the command line; intersected with the config. */
  only?: readonly EngineName[];
  skip?: readonly EngineName[];
  debug: (message: string) => void;
  progress?: Progress;
  /** `--shard i/n`: scan only this shard's part of the file set. */
  shard?: ShardSpec;
  /** Code the analyzer skips unless asked: tests, vendored and generated files. */
  include?: { tests?: boolean; vendored?: boolean };
  /** Engines configured by command-line flags, replacing the default ones of the same name. */
  engines?: ReadonlyMap<EngineName, Engine>;
}

export interface ScanResult {
  /** Absolute folder every path in the result is relative to. */
  root: string;
  findings: Finding[];
  /** Findings turned off by an in-source directive that names the rule; kept for audits (SARIF suppressions). */
  suppressed?: Finding[];
  diagnostics: Diagnostic[];
  filesScanned: number;
  enginesRun: EngineName[];
  /** Repo-relative paths of the files scanned (baselines and the report need them). */
  files: string[];
  /** Sharded runs only: per-file index data by cross-file step name, for `vibeguard merge`. */
  indexes?: Record<string, unknown>;
}

/** The pipeline: discovery → (changed filter) → engines → fingerprints. Reporters take it from here. */
export async function runScan(options: ScanOptions): Promise<ScanResult> {
  const { root, config, debug } = options;
  const engines = [...ENGINES].filter(([name]) => engineEnabled(name, options)).map(([name, engine]) => [name, options.engines?.get(name) ?? engine] as const);
  if (engines.length === 0) throw new UsageError("no engine left to run", `available engines: ${[...ENGINES.keys()].join(", ")}; check --only, --skip and the config's "engines"`);
  let discovered;
  try {
    discovered = await discoverFiles({
      root,
      cwd: options.cwd ?? root,
      paths: options.paths,
      ...(config.ignore ? { ignorePatterns: config.ignore, ignoreBase: options.configDir ?? root } : {}),
    });
  } catch (error) {
    if (error instanceof PathNotFoundError) {
      throw new UsageError(error.message, "pass an existing file or folder (paths are relative to the current directory)");
    }
    throw error;
  }
  if (discovered.files.length === 0 && !options.allowEmpty) throw noFilesError(options.paths, [...discovered.problems, ...discovered.skipped]);
  let files = discovered.files;
  if (options.changedSince) {
    const changed = changedFiles(root, options.changedSince, options.baseGiven ?? true);
    files = files.filter((file) => changed.has(file));
    debug(`--changed: ${files.length} of ${discovered.files.length} files changed since ${options.changedSince}`);
  }
  if (options.shard) {
    files = filesOfShard(root, files, options.shard);
    debug(`--shard ${options.shard.index}/${options.shard.count}: ${files.length} files`);
  }
  debug(`discovery: ${files.length} files, ${discovered.skipped.length} skipped`);

  const raw: RawFinding[] = [];
  const diagnostics: Diagnostic[] = [...discovered.problems, ...discovered.skipped];
  const suppressedRaw: RawFinding[] = [];
  const enginesRun: EngineName[] = [];
  const indexes: Record<string, unknown> = {};
  for (const [name, engine] of engines) {
    const started = performance.now();
    const progress = (done: number, total: number) => options.progress?.update(name, done, total);
    const result = await engine.run({ root, files, rules: enabledRules(name, config), debug, progress, shard: Boolean(options.shard), include: options.include });
    if (result.index !== undefined) indexes[name] = result.index;
    debug(`${name}: ${result.findings.length} findings in ${Math.round(performance.now() - started)} ms`);
    raw.push(...result.findings);
    suppressedRaw.push(...(result.suppressed ?? []));
    // Every engine parses the files: a file that does not parse is reported once, by the first engine.
    diagnostics.push(...result.diagnostics.filter((d) => !(d.kind === "parse-error" && diagnostics.some((seen) => seen.kind === "parse-error" && seen.path === d.path))));
    enginesRun.push(name);
  }

  options.progress?.stop();
  const readSource = (file: string) => {
    try {
      return readFileSync(path.join(root, file), "utf8");
    } catch {
      // Expected for a file deleted mid-run: its findings are fingerprinted from the message instead.
      return undefined;
    }
  };
  const findings = fingerprintFindings(raw, readSource);
  const suppressed = fingerprintFindings(suppressedRaw, readSource);
  return { root, findings, suppressed, diagnostics, filesScanned: files.length, enginesRun, files: [...files], ...(options.shard ? { indexes } : {}) };
}

/** "No files matching the pattern", as ESLint says it: an empty scan in CI is a mistake, not a clean result. */
function noFilesError(paths: readonly string[], reasons: readonly Diagnostic[]): UsageError {
  const named = paths.length ? paths.join(", ") : "the current directory";
  const why = reasons.slice(0, 3).map((d) => d.message);
  if (reasons.length > 3) why.push(`and ${reasons.length - 3} more`);
  if (!why.length) why.push("files that .gitignore, the config's ignore or the built-in skips leave out are not counted");
  return new UsageError(
    `no JavaScript or TypeScript file to scan in ${named}${why.length ? ` (${why.join("; ")})` : ""}`,
    "name a folder or file with .js/.jsx/.mjs/.cjs/.ts/.tsx/.mts/.cts sources, or pass --allow-empty to accept an empty scan",
  );
}

export function engineEnabled(name: EngineName, options: Pick<ScanOptions, "config" | "only" | "skip">): boolean {
  if (options.config.engines?.[name] === false) return false;
  if (options.only?.length && !options.only.includes(name)) return false;
  return !options.skip?.includes(name);
}

/** The engine's checks that are on, with the severity the user configured (catalog default otherwise). */
function enabledRules(engine: EngineName, config: VibeguardConfig): Map<string, EnabledRule> {
  const rules = new Map<string, EnabledRule>();
  for (const entry of catalog) {
    if (entry.engine !== engine) continue;
    const setting = config.rules?.[entry.id];
    const level = setting === undefined ? entry.severity : ruleLevel(setting);
    const options = ruleOptions(setting);
    if (level !== "off") rules.set(entry.id, { entry, severity: level, ...(options ? { options } : {}) });
  }
  return rules;
}
