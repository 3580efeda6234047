import type { CatalogEntry, Diagnostic, EngineName, RawFinding, Severity } from "@vibeguard/core";

export interface EnabledRule {
  entry: CatalogEntry;
  severity: Severity;
  /** ESLint rule options from the configuration (`["error", { ... }]`), for the ESLint engine. */
  options?: Record<string, unknown>;
}

export interface EngineContext {
  /** Absolute repository root; every path below is relative to it. */
  root: string;
  /** Repo-relative POSIX paths of the source files to analyse. */
  files: readonly string[];
  /** Enabled checks of this engine with their effective severity, and the rule options the configuration gives. */
  rules: ReadonlyMap<string, EnabledRule>;
  debug: (message: string) => void;
  /** Called as files are done, for the progress bar. */
  progress: (done: number, total: number) => void;
  /** This run is one shard of several: engines with a cross-file step return their per-file `index` data. */
  shard?: boolean;
  /** Analyse test files, and vendored or generated code, which the analyzer skips by default (`--include-tests`, `--include-vendored`). */
  include?: { tests?: boolean; vendored?: boolean };
}

export interface EngineResult {
  findings: RawFinding[];
  /** Findings an in-source directive turned off, each with its `suppression`; listed for audits, never counted. */
  suppressed?: RawFinding[];
  diagnostics: Diagnostic[];
  /** Sharded runs only: the per-file index data this engine's cross-file step (same name) reads at merge. */
  index?: unknown;
}

/** One analysis engine. Engines only analyse; they never format output. */
export interface Engine {
  name: EngineName;
  run(context: EngineContext): Promise<EngineResult>;
}
