import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createJiti } from "jiti";
import { UsageError } from "../errors.js";
import { validateConfig, type VibeguardConfig } from "./config-schema.js";

export const CONFIG_FILE_NAMES = [
  "vibeguard.config.ts",
  "vibeguard.config.mts",
  "vibeguard.config.js",
  "vibeguard.config.mjs",
  "vibeguard.config.cjs",
  "vibeguard.config.json",
] as const;

export interface LoadedConfig {
  config: VibeguardConfig;
  /** The file it came from, or undefined when none exists. */
  source?: string;
}

/**
 * Finds and loads the configuration in `root`: an explicit `--config` path, else the first
 * vibeguard.config.* file, else package.json#vibeguard, else the defaults.
 */
export async function loadConfig(root: string, explicitPath?: string): Promise<LoadedConfig> {
  if (explicitPath) {
    const file = path.resolve(explicitPath);
    if (!existsSync(file)) throw new UsageError(`config file not found: ${explicitPath}`, "check the --config path");
    return { config: await readConfigFile(file), source: file };
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(root, name);
    if (existsSync(file)) return { config: await readConfigFile(file), source: file };
  }
  const packageJson = path.join(root, "package.json");
  if (existsSync(packageJson)) {
    const pkg = parseJson(packageJson) as { vibeguard?: unknown };
    if (pkg.vibeguard !== undefined) {
      return { config: validateConfig(pkg.vibeguard, `${packageJson} ("vibeguard" key)`), source: packageJson };
    }
  }
  return { config: {} };
}

async function readConfigFile(file: string): Promise<VibeguardConfig> {
  if (file.endsWith(".json")) return validateConfig(parseJson(file), file);
  let loaded: unknown;
  try {
    // jiti runs TypeScript and ESM/CJS config files alike without a build step.
    const jiti = createJiti(import.meta.url, { moduleCache: false });
    loaded = await jiti.import(file, { default: true });
  } catch (error) {
    throw new UsageError(`cannot load config file ${file}: ${(error as Error).message.split("\n")[0]}`, "fix the error in the file, or remove it to use the defaults");
  }
  return validateConfig(loaded, file);
}

function parseJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot parse ${file}: ${(error as Error).message}`, "fix the JSON syntax");
  }
}
