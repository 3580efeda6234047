import path from "node:path";
import { ENGINES as ENGINE_NAMES, PathNotFoundError, resolveTargets, scanRootOf, type Diagnostic, type EngineName, type ScanTarget } from "@vibeguard/core";
import { loadConfig } from "../config/load-config.js";
import { createDepsEngine } from "../engines/deps-engine.js";
import { ENGINES } from "../engines/index.js";
import { UsageError } from "../errors.js";
import { createProgress } from "../progress/progress-bar.js";
import { engineEnabled, type ScanOptions } from "../scan/run-scan.js";
import { depsSettingsOf, type AnalyzerOptions, type DepsOptions } from "./common-options.js";

export interface ScanSetupOptions extends DepsOptions, AnalyzerOptions {
  config?: string;
  only?: string[];
  skip?: string[];
  debug?: boolean;
}

/**
 * The scan options of `report` and `baseline update`, resolved the way `scan` resolves them: paths
 * from the current directory, the root (git root or the named folder) that output paths are relative
 * to, the configuration found from the first named path, and the engines' settings from the same flags
 * (`--offline`, `--registry`, `--include-tests`, ...).
 */
export async function scanSetup(paths: string[], options: ScanSetupOptions): Promise<{ cwd: string; scanOptions: ScanOptions; config: ScanOptions["config"]; configDiagnostics: Diagnostic[] }> {
  const cwd = process.cwd();
  const debug = options.debug ? (message: string) => process.stderr.write(`[vibeguard] ${message}\n`) : () => {};
  const targets = resolveNamedPaths(paths, cwd);
  const root = scanRootOf(targets);
  const first = targets[0]!;
  const { config, source, diagnostics } = await loadConfig(first.isDirectory ? first.absolute : path.dirname(first.absolute), root, options.config);
  debug(source ? `config: ${source}` : "config: none found, using defaults");
  debug(`root: ${root} (output paths are relative to it)`);
  const only: EngineName[] | undefined = parseEngines(options.only, "--only");
  const skip: EngineName[] | undefined = parseEngines(options.skip, "--skip");
  // The deps engine with the command line's registry settings; it reports unparsable files itself when ESLint does not run.
  const deps = createDepsEngine({ ...depsSettingsOf(options, cwd), reportParseErrors: !engineEnabled("eslint", { config, only, skip }) });
  return {
    cwd,
    config,
    scanOptions: {
      root,
      cwd,
      paths,
      config,
      // As in `scan`: a config found next to the code has ignores relative to its folder; one named with --config, relative to the root.
      ...(source && !options.config ? { configDir: path.dirname(source) } : {}),
      only,
      skip,
      include: { tests: Boolean(options.includeTests), vendored: Boolean(options.includeVendored) },
      debug,
      progress: createProgress(!options.debug),
      engines: new Map([["deps", deps]]),
    },
    configDiagnostics: diagnostics,
  };
}

/** Engine names from --only/--skip; an engine this build does not have is an error only when asked to run. */
export function parseEngines(values: string[] | undefined, flag: string): EngineName[] | undefined {
  if (!values) return undefined;
  const names = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  for (const name of names) {
    if (!ENGINE_NAMES.includes(name as EngineName)) throw new UsageError(`${flag} ${name}: unknown engine`, `engines: ${ENGINE_NAMES.join(", ")}`);
    if (flag === "--only" && !ENGINES.has(name as EngineName)) {
      throw new UsageError(`--only ${name}: the ${name} engine is not available in this version of vibeguard`, `available engines: ${[...ENGINES.keys()].join(", ")}`);
    }
  }
  return names as EngineName[];
}

export function resolveNamedPaths(paths: string[], cwd: string): ScanTarget[] {
  try {
    return resolveTargets(paths, cwd);
  } catch (error) {
    if (error instanceof PathNotFoundError) {
      throw new UsageError(error.message, error.reason === "symlink loop" ? "the link points back at itself; fix or remove it" : "pass an existing file or folder (paths are relative to the current directory)");
    }
    throw error;
  }
}
