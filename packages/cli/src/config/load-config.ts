import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "@vibeguard/core";
import { UsageError } from "../errors.js";
import { validateConfig, type VibeguardConfig } from "./config-schema.js";
import { parseJsonText } from "./parse-json.js";
import { checkRuleOptions } from "./rule-options.js";

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
  /** Problems that did not stop the run (a package.json that is not JSON). */
  diagnostics: Diagnostic[];
}

/**
 * Loads the configuration: an explicit `--config` path, else the first vibeguard.config.* file or
 * package.json#vibeguard found in `from` or a folder above it, up to `stopAt` (the scan root).
 */
export async function loadConfig(from: string, stopAt: string, explicitPath?: string): Promise<LoadedConfig> {
  const loaded = await findConfig(from, stopAt, explicitPath);
  if (loaded.source) await checkRuleOptions(loaded.config, loaded.source);
  return loaded;
}

async function findConfig(from: string, stopAt: string, explicitPath?: string): Promise<LoadedConfig> {
  if (explicitPath) {
    const file = path.resolve(explicitPath);
    if (!existsSync(file)) throw new UsageError(`config file not found: ${explicitPath}`, "check the --config path");
    return { config: await readConfigFile(file), source: file, diagnostics: [] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const dir of foldersUpTo(from, stopAt)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      if (existsSync(file)) return { config: await readConfigFile(file), source: file, diagnostics };
    }
    const packageJson = path.join(dir, "package.json");
    if (!existsSync(packageJson)) continue;
    let pkg: { vibeguard?: unknown };
    const shown = path.relative(stopAt, packageJson).split(path.sep).join("/");
    try {
      pkg = parseJsonText(readFileSync(packageJson, "utf8"), shown) as { vibeguard?: unknown };
    } catch (error) {
      // A broken package.json is the project's problem, not a reason to give up the scan.
      diagnostics.push({
        engine: "config",
        kind: "config",
        path: shown,
        message: `${(error as Error).message}; its "vibeguard" configuration key is unavailable, so this scan uses the defaults`,
      });
      continue;
    }
    if (pkg !== null && typeof pkg === "object" && pkg.vibeguard !== undefined) {
      return { config: validateConfig(pkg.vibeguard, `${packageJson} ("vibeguard" key)`), source: packageJson, diagnostics };
    }
  }
  return { config: {}, diagnostics };
}

/** `from`, then each parent folder up to and including `stopAt` (only `from` when it is not below it). */
function foldersUpTo(from: string, stopAt: string): string[] {
  const folders = [from];
  if (path.relative(stopAt, from).startsWith("..")) return folders;
  for (let current = from; current !== stopAt && path.dirname(current) !== current; ) {
    current = path.dirname(current);
    folders.push(current);
  }
  return folders;
}

async function readConfigFile(file: string): Promise<VibeguardConfig> {
  if (file.endsWith(".json")) {
    try {
      return validateConfig(parseJsonText(readFileSync(file, "utf8"), file), file);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError((error as Error).message, "fix the JSON syntax");
    }
  }
  let loaded: unknown;
  try {
    // jiti runs TypeScript and ESM/CJS config files alike without a build step.
    // Loaded only for a JS/TS config file: most projects have none, and every command would pay for it.
    const { createJiti } = await import("jiti");
    const jiti = createJiti(import.meta.url, { moduleCache: false });
    loaded = await jiti.import(file, { default: true });
  } catch (error) {
    const message = (error as Error).message;
    // jiti puts the position of a syntax error on the message's second line as "file:line:column".
    const position = /:(\d+):(\d+)\s*$/m.exec(message);
    const where = position ? `${file}:${position[1]}:${position[2]}` : file;
    const firstLine = (message.split("\n")[0] ?? "").replace(/^\w*Error: /, "").trim();
    throw new UsageError(`cannot load config file ${where}: ${firstLine}`, "fix the error in the file, or remove it to use the defaults");
  }
  return validateConfig(loaded, file);
}
