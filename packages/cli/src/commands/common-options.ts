import path from "node:path";
import { Option, type Command } from "commander";
import { DEFAULT_RECENT_DAYS } from "@vibeguard/deps/defaults";
import { FAIL_ON_VALUES, FORMATS } from "../config/config-schema.js";
import { depsSettingsFromEnvironment, type DepsEngineSettings } from "../engines/deps-engine.js";
import { UsageError } from "../errors.js";

/**
 * Options shared by the commands that scan and report (`scan`, `duplicates`, `deps`): defined once so
 * their names, help text and validation (commander's `choices`) cannot drift apart.
 */
export interface ReportOptions {
  format?: string;
  output?: string;
  failOn?: string;
  maxWarnings?: string;
}

/** `-f/--format`, `-o/--output`, `--fail-on`, `--max-warnings`. */
export function addReportOptions(command: Command): Command {
  return command
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding reaches this level (default: error)").choices(FAIL_ON_VALUES))
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings");
}

export interface RunOptions {
  config?: string;
  quiet?: boolean;
  debug?: boolean;
}

/** `-c/--config`, `-q/--quiet`, `--debug`. */
export function addRunOptions(command: Command): Command {
  return command
    .option("-c, --config <file>", "configuration file (default: vibeguard.config.* or package.json#vibeguard)")
    .option("-q, --quiet", "report errors only")
    .option("--debug", "print timings and decisions on stderr");
}

export interface AnalyzerOptions {
  includeTests?: boolean;
  includeVendored?: boolean;
}

/** `--include-tests`, `--include-vendored`: code the duplicated-utility analyzer skips unless asked. */
export function addAnalyzerOptions(command: Command): Command {
  return command
    .option("--include-tests", "analyzer: also analyse test files (__tests__/, *.test.ts, ...), skipped by default")
    .option("--include-vendored", "analyzer: also analyse vendored and generated code (vendor/, generated/, *.gen.ts), skipped by default");
}

export interface DepsOptions {
  offline?: boolean;
  registry?: string;
  cacheDir?: string;
  recentDays?: string;
}

/** `--offline`, `--registry`, `--cache-dir`: how the deps engine reaches the registry. */
export function addDepsOptions(command: Command): Command {
  return command
    .option("--offline", "deps: use only the cache and node_modules; report what could not be checked (env VIBEGUARD_OFFLINE=1)")
    .option("--registry <url>", "deps: npm registry URL (default: from .npmrc; env VIBEGUARD_REGISTRY)")
    .option("--cache-dir <dir>", "deps: cache folder (default: node_modules/.cache/vibeguard, else the user cache folder; env VIBEGUARD_CACHE_DIR)")
    .option("--recent-days <n>", `deps: warn on dependencies first published fewer than n days ago; 0 turns it off (default: ${DEFAULT_RECENT_DAYS})`);
}

/**
 * The deps engine's settings: each flag, else its environment variable (kept for CI setups that
 * predate the flags). A registry that is not an http(s) URL is a usage error, whichever way it came.
 */
export function depsSettingsOf(options: DepsOptions, cwd: string, env: NodeJS.ProcessEnv = process.env): DepsEngineSettings {
  const fromEnv = depsSettingsFromEnvironment(env);
  const offline = options.offline ?? fromEnv.offline;
  const registry = options.registry ?? fromEnv.registry;
  const cacheDir = options.cacheDir ?? fromEnv.cacheDir;
  if (registry !== undefined && !/^https?:\/\/[^/\s]+/.test(registry)) {
    const source = options.registry !== undefined ? "--registry" : "VIBEGUARD_REGISTRY";
    throw new UsageError(`${source} ${registry} is not an http(s) URL`, "e.g. --registry http://127.0.0.1:4873/");
  }
  let recentDays: number | undefined;
  if (options.recentDays !== undefined) {
    recentDays = Number(options.recentDays);
    if (!Number.isInteger(recentDays) || recentDays < 0) throw new UsageError(`--recent-days ${options.recentDays} is not a whole number of days`, "e.g. --recent-days 14, or 0 to turn the warning off");
  }
  return {
    offline,
    ...(recentDays !== undefined ? { recentDays } : {}),
    ...(registry ? { registry } : {}),
    // Relative to the directory the command runs in, like every other path given on the command line.
    ...(cacheDir ? { cacheDir: path.resolve(cwd, cacheDir) } : {}),
  };
}
