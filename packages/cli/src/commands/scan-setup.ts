import path from "node:path";
import { scanRootOf, type EngineName } from "@vibeguard/core";
import { loadConfig } from "../config/load-config.js";
import { createProgress } from "../progress/progress-bar.js";
import type { ScanOptions } from "../scan/run-scan.js";
import { parseEngines, resolveNamedPaths } from "./scan.js";

export interface ScanSetupOptions {
  config?: string;
  only?: string[];
  skip?: string[];
  debug?: boolean;
}

/**
 * The scan options of `report` and `baseline update`, resolved the way `scan` resolves them: paths
 * from the current directory, the root (git root or the named folder) that output paths are relative
 * to, and the configuration found from the first named path.
 */
export async function scanSetup(paths: string[], options: ScanSetupOptions): Promise<{ cwd: string; scanOptions: ScanOptions; config: ScanOptions["config"] }> {
  const cwd = process.cwd();
  const debug = options.debug ? (message: string) => process.stderr.write(`[vibeguard] ${message}\n`) : () => {};
  const targets = resolveNamedPaths(paths, cwd);
  const root = scanRootOf(targets);
  const first = targets[0]!;
  const { config, source } = await loadConfig(first.isDirectory ? first.absolute : path.dirname(first.absolute), root, options.config);
  debug(source ? `config: ${source}` : "config: none found, using defaults");
  const only: EngineName[] | undefined = parseEngines(options.only, "--only");
  const skip: EngineName[] | undefined = parseEngines(options.skip, "--skip");
  return {
    cwd,
    config,
    scanOptions: {
      root,
      cwd,
      paths,
      config,
      ...(source ? { configDir: path.dirname(source) } : {}),
      only,
      skip,
      debug,
      progress: createProgress(!options.debug),
    },
  };
}
