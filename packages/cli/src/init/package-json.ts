import { UsageError } from "../errors.js";

export interface PackageJson {
  type?: string;
  packageManager?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  workspaces?: unknown;
}

export const SCRIPT_NAME = "vibeguard";
export const SCRIPT_COMMAND = "vibeguard scan";

export function parsePackageJson(text: string, fileName: string): PackageJson {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not a JSON object");
    return value as PackageJson;
  } catch (error) {
    throw new UsageError(`${fileName} is not valid JSON: ${(error as Error).message}`, "fix it, then run `vibeguard init` again");
  }
}

export type ScriptEditResult =
  | { status: "added"; text: string }
  | { status: "already-present" }
  /** A different `vibeguard` script exists; it is the user's and stays. */
  | { status: "taken"; existing: string };

/** Adds `"vibeguard": "vibeguard scan"` to `scripts`, keeping the file's indentation, line breaks and final newline. */
export function addVibeguardScript(text: string, fileName: string): ScriptEditResult {
  const pkg = parsePackageJson(text, fileName);
  const existing = pkg.scripts?.[SCRIPT_NAME];
  if (existing !== undefined) return existing.trim() === SCRIPT_COMMAND ? { status: "already-present" } : { status: "taken", existing };
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  ";
  const updated = { ...pkg, scripts: { ...pkg.scripts, [SCRIPT_NAME]: SCRIPT_COMMAND } };
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const json = JSON.stringify(updated, null, indent).replace(/\n/g, eol);
  return { status: "added", text: `${json}${text.endsWith("\n") ? eol : ""}` };
}

/** Dev dependencies the project still needs for the config, the script and (for a `.ts` config) ESLint's loader. */
export function missingPackages(pkg: PackageJson, configFile: string): string[] {
  const declared = { ...pkg.dependencies, ...pkg.devDependencies };
  const needed = ["eslint", "eslint-plugin-vibeguard", "vibeguard", ...(/\.[cm]?ts$/.test(configFile) ? ["jiti"] : [])];
  return needed.filter((name) => !(name in declared));
}
