import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A throwaway project on disk: file name → text (objects are written as JSON). */
export function makeProject(files: Record<string, string | object>): string {
  const root = mkdtempSync(path.join(tmpdir(), "vg-deps-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  return root;
}

/** A package-lock v3 pinning `versions` for a single-package project. */
export function packageLock(versions: Record<string, string>): object {
  const packages: Record<string, object> = { "": { name: "app" } };
  for (const [name, version] of Object.entries(versions)) packages[`node_modules/${name}`] = { version };
  return { name: "app", lockfileVersion: 3, requires: true, packages };
}
