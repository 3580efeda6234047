import path from "node:path";
import { scanRootOf, type Diagnostic, type EngineName } from "@vibeguard/core";
import { loadConfig } from "../config/load-config.js";
import { createDepsEngine } from "../engines/deps-engine.js";
import { createProgress } from "../progress/progress-bar.js";
import { engineEnabled, type ScanOptions } from "../scan/run-scan.js";
import { depsSettingsOf, type AnalyzerOptions, type DepsOptions } from "./common-options.js";
import { parseEngines, resolveNamedPaths } from "./scan.js";

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
  const only: EngineName[] | undefined = parseEngines(options.only, "--only");
  const skip: EngineName[] | undefined = parseEngines(options.skip, "--skip");
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
