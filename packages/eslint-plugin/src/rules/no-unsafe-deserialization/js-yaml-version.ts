import { readFileSync } from "node:fs";
import path from "node:path";

/** Major version of js-yaml found for each directory, so a run reads each manifest once. */
const majorByDirectory = new Map<string, number | undefined>();

/**
 * The major version of js-yaml the project of `filename` uses: the installed copy
 * (`node_modules/js-yaml/package.json`, which is what the lockfile pinned) in the nearest folder
 * that has one, otherwise the lowest major of the range the nearest package.json declares.
 * Undefined when neither says, e.g. for a file outside any project.
 */
export function jsYamlMajor(filename: string): number | undefined {
  if (!path.isAbsolute(filename)) return undefined;
  return majorFrom(path.dirname(filename));
}

function majorFrom(directory: string): number | undefined {
  if (majorByDirectory.has(directory)) return majorByDirectory.get(directory);
  let major = installedMajor(directory) ?? declaredMajor(directory);
  const parent = path.dirname(directory);
  if (major === undefined && parent !== directory && path.basename(directory) !== "node_modules") major = majorFrom(parent);
  majorByDirectory.set(directory, major);
  return major;
}

function installedMajor(directory: string): number | undefined {
  const manifest = readJson(path.join(directory, "node_modules", "js-yaml", "package.json"));
  return typeof manifest?.version === "string" ? leadingMajor(manifest.version) : undefined;
}

function declaredMajor(directory: string): number | undefined {
  const manifest = readJson(path.join(directory, "package.json"));
  if (!manifest) return undefined;
  for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
    const range = (manifest[field] as Record<string, unknown> | undefined)?.["js-yaml"];
    if (typeof range === "string") return leadingMajor(range);
  }
  return undefined;
}

/** "^3.14.1" → 3, "~4.1.0" → 4, "3.x" → 3, ">=3.13.1 <4" → 3; "latest" or a URL → undefined. */
export function leadingMajor(range: string): number | undefined {
  const match = /^\s*(?:[\^~=v]|>=?)?\s*(\d+)(?:\.|\s|$|x)/.exec(range);
  return match ? Number(match[1]) : undefined;
}

function readJson(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined; // ignore: no such file is the common case while walking up
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // ignore: a broken manifest says nothing about js-yaml; the option or the default decides
  }
}
