import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// Every installed package with an install script must be either allowed to build or explicitly ignored in
// pnpm-workspace.yaml; otherwise each `pnpm install` prints an "Ignored build scripts" warning.
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const store = path.join(repo, "node_modules/.pnpm");

function packagesWithInstallScripts(): string[] {
  const found = new Set<string>();
  for (const entry of readdirSync(store)) {
    const modules = path.join(store, entry, "node_modules");
    if (!existsSync(modules)) continue;
    for (const scopeOrName of readdirSync(modules)) {
      const names = scopeOrName.startsWith("@")
        ? readdirSync(path.join(modules, scopeOrName)).map((name) => `${scopeOrName}/${name}`)
        : [scopeOrName];
      for (const name of names) {
        const dir = path.join(modules, name);
        const manifestPath = path.join(dir, "package.json");
        if (!existsSync(manifestPath)) continue;
        const scripts = (JSON.parse(readFileSync(manifestPath, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
        // pnpm runs these, and `node-gyp rebuild` for a package with a binding.gyp and no install script.
        if (scripts.preinstall || scripts.install || scripts.postinstall || existsSync(path.join(dir, "binding.gyp"))) found.add(name);
      }
    }
  }
  return [...found].sort();
}

describe("pnpm-workspace.yaml build-script settings", () => {
  it("names every installed package that has an install script", () => {
    const settings = parse(readFileSync(path.join(repo, "pnpm-workspace.yaml"), "utf8")) as {
      onlyBuiltDependencies?: string[];
      ignoredBuiltDependencies?: string[];
    };
    const decided = new Set([...(settings.onlyBuiltDependencies ?? []), ...(settings.ignoredBuiltDependencies ?? [])]);
    const withScripts = packagesWithInstallScripts();
    expect(withScripts.length, "the scan finds the packages that do have install scripts").toBeGreaterThan(0);
    expect(withScripts.filter((name) => !decided.has(name))).toEqual([]);
  });
});
