import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import ini from "ini";

/** `${NPM_TOKEN}` placeholders in .npmrc values, filled from the environment as npm does. */
function expandEnv(value: string): string {
  return value.replace(/\$\{([^}]+)\}/g, (_, name: string) => process.env[name] ?? "");
}

/**
 * Registry options from the user's and the project's .npmrc (project wins): `registry`, `@scope:registry`
 * and `//host/:_authToken`-style credentials, passed to npm-registry-fetch as-is. Values are never logged.
 */
export function readNpmrc(projectDir: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const file of [path.join(homedir(), ".npmrc"), path.join(projectDir, ".npmrc")]) {
    if (!existsSync(file)) continue;
    let parsed: Record<string, unknown>;
    try {
      parsed = ini.parse(readFileSync(file, "utf8"));
    } catch {
      continue; // an unreadable .npmrc leaves the defaults; npm itself would complain about it
    }
    for (const [key, value] of Object.entries(parsed)) if (typeof value === "string") options[key] = expandEnv(value);
  }
  return options;
}

/** The registry URL for a package name, for messages (never with credentials). */
export function registryFor(options: Record<string, string>, name: string): string {
  const scope = name.startsWith("@") ? name.split("/")[0] : undefined;
  const url = (scope && options[`${scope}:registry`]) || options.registry || "the npm registry";
  return url.replace(/\/\/[^/@]*@/, "//");
}
