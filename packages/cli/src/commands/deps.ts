import { readFileSync } from "node:fs";
import path from "node:path";
import { catalog, discoverFiles, fingerprintFindings, PathNotFoundError, type CatalogEntry, type Severity } from "@vibeguard/core";
import type { FailOn, FormatName } from "../config/config-schema.js";
import { loadConfig } from "../config/load-config.js";
import { createDepsEngine } from "../engines/deps-engine.js";
import { UsageError } from "../errors.js";
import { REPORTERS } from "../reporters/index.js";
import { exitCodeFor } from "../scan/exit-code.js";
import { checkOutputTarget, writeFileAtomic } from "../scan/output-file.js";
import type { ScanResult } from "../scan/run-scan.js";

export interface DepsCommandOptions {
  format?: string;
  output?: string;
  failOn?: string;
  config?: string;
  offline?: boolean;
  registry?: string;
  cacheDir?: string;
  quiet?: boolean;
  debug?: boolean;
}

/** `vibeguard deps [path]`: the dependency checker alone, with scan's formats and exit codes. */
export async function depsCommand(target: string | undefined, options: DepsCommandOptions, version: string): Promise<number> {
  // Output paths are relative to the project folder checked.
  const root = path.resolve(target ?? ".");
  const debug = options.debug ? (message: string) => process.stderr.write(`[vibeguard] ${message}\n`) : () => {};
  const { config } = await loadConfig(root, root, options.config);
  const format = (options.format ?? config.format ?? "text") as FormatName;
  const failOn = (options.failOn ?? config.failOn ?? "error") as FailOn;
  // A report that cannot be written is found out now, not after the whole check.
  if (options.output) checkOutputTarget(path.resolve(options.output), options.output);
  if (options.registry && !/^https?:\/\//.test(options.registry)) throw new UsageError(`--registry ${options.registry} is not an http(s) URL`, "e.g. --registry http://127.0.0.1:4873/");

  let discovered;
  try {
    discovered = await discoverFiles({ root, cwd: root, paths: [root], ignorePatterns: config.ignore });
  } catch (error) {
    if (error instanceof PathNotFoundError) throw new UsageError(error.message, "pass an existing folder (relative to the current directory)");
    throw error;
  }
  const rules = new Map<string, { entry: CatalogEntry; severity: Severity }>();
  for (const entry of catalog) {
    if (entry.engine !== "deps") continue;
    const level = config.rules?.[entry.id] ?? entry.severity;
    if (level !== "off") rules.set(entry.id, { entry, severity: level });
  }
  const engine = createDepsEngine({ offline: options.offline, registry: options.registry, cacheDir: options.cacheDir, reportParseErrors: true });
  const started = performance.now();
  const raw = await engine.run({ root, files: discovered.files, rules, debug, progress: () => {} });
  debug(`deps: ${raw.findings.length} findings in ${Math.round(performance.now() - started)} ms`);
  const findings = fingerprintFindings(raw.findings, (file) => {
    try {
      return readFileSync(path.join(root, file), "utf8");
    } catch {
      return undefined; // deleted mid-run: fingerprinted from the message instead
    }
  });
  const result: ScanResult = {
    root,
    findings,
    suppressed: [],
    diagnostics: [...discovered.skipped, ...discovered.problems, ...raw.diagnostics],
    filesScanned: discovered.files.length,
    enginesRun: ["deps"],
    files: [...discovered.files],
  };
  const shown = options.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === "error") } : result;
  const report = REPORTERS[format](shown, { root, version, color: !options.output && format === "text" && Boolean(process.stdout.isTTY) });
  if (options.output) {
    writeFileAtomic(path.resolve(options.output), report);
    process.stderr.write(`vibeguard: ${result.findings.length} finding(s) in ${result.filesScanned} file(s); ${format} report written to ${options.output}\n`);
  } else {
    process.stdout.write(report);
  }
  if (format !== "text") {
    for (const d of result.diagnostics.filter((d) => d.kind !== "skipped")) process.stderr.write(`vibeguard: ${d.message}\n`);
  }
  return exitCodeFor(result.findings, failOn);
}
