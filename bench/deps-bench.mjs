// @ts-check
/**
 * `pnpm bench:deps`: the dependency checker on a project with 60 dependencies (fixtures/deps/bench-project:
 * a package-lock.json and one file importing each, no node_modules), cold (empty cache: every packument and
 * tarball from the registry) and warm (the same cache again). Prints wall time and registry requests and
 * writes bench/deps-results.md (unless --no-write). Needs the npm registry (or --registry URL) and `pnpm build`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkDependencies } from "../packages/deps/dist/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.join(here, "../fixtures/deps/bench-project");
const args = process.argv.slice(2);
const registryIndex = args.indexOf("--registry");
const registry = registryIndex === -1 ? undefined : args[registryIndex + 1];
const dependencies = Object.keys(JSON.parse(readFileSync(path.join(project, "package.json"), "utf8")).dependencies);
const cacheDir = mkdtempSync(path.join(tmpdir(), "vg-deps-bench-"));

async function run(label) {
  const started = performance.now();
  const result = await checkDependencies({ root: project, files: ["src/index.ts"], cacheDir, registry });
  const ms = performance.now() - started;
  const line = { label, ms: Math.round(ms), requests: result.stats.requests, packages: result.stats.packages, findings: result.findings.length, diagnostics: result.diagnostics.length };
  console.log(JSON.stringify(line));
  return line;
}

const cold = await run("cold");
const warm = await run("warm");
rmSync(cacheDir, { recursive: true, force: true });
const speedup = cold.ms / Math.max(1, warm.ms);
console.log(`warm is ${speedup.toFixed(1)}x faster than cold`);

if (!args.includes("--no-write")) {
  const rows = [cold, warm].map((r) => `| ${r.label} | ${(r.ms / 1000).toFixed(2)} s | ${r.requests} | ${r.packages} | ${r.findings} | ${r.diagnostics} |`);
  writeFileSync(
    path.join(here, "deps-results.md"),
    [
      "# Dependency checker: cold vs warm cache",
      "",
      `Command: \`pnpm build && pnpm bench:deps\` (bench/deps-bench.mjs). Project: fixtures/deps/bench-project, ${dependencies.length} dependencies`,
      "pinned in package-lock.json, one file importing each, no node_modules. Cold = empty cache, every packument and tarball",
      "from the npm registry; warm = the same cache. Run on " + new Date().toISOString().slice(0, 10) + ` on ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), shared machine.`,
      "",
      "| run | wall time | registry requests | package versions | findings | diagnostics |",
      "|---|---|---|---|---|---|",
      ...rows,
      "",
      `Warm is **${speedup.toFixed(1)}x** faster than cold.`,
      "",
    ].join("\n"),
  );
}
