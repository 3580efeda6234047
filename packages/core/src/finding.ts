import type { Severity } from "./catalog/catalog-entry.js";

/** A place in the repository: repo-relative POSIX path, 1-based lines and columns. */
export interface Location {
  path: string;
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
  /** Optional label, e.g. "existing utility" for a duplicate's original. */
  message?: string;
}

/** One problem found by any engine; every reporter consumes this and nothing else. */
export interface Finding {
  /** Catalog id, e.g. "no-string-built-sql". */
  ruleId: string;
  message: string;
  severity: Severity;
  location: Location;
  related?: Location[];
  /** Stable across unrelated edits: rule + file + normalised snippet, never line numbers. */
  fingerprint: string;
  /** Engine evidence, e.g. { package, pinned, existsIn }. Never a secret's value. */
  data?: Record<string, unknown>;
  /** Set when an in-source comment turned the finding off (SARIF `suppressions`). */
  suppression?: Suppression;
}

/** An in-source directive that turned a finding off, e.g. `// eslint-disable-next-line vibeguard/x -- reason`. */
export interface Suppression {
  kind: "inSource";
  /** The directive as written, e.g. "eslint-disable-next-line vibeguard/no-hardcoded-secret". */
  directive: string;
  /** The reason after `--`, when one was given. */
  justification?: string;
}

/** What an engine emits before the collector fingerprints it. */
export type RawFinding = Omit<Finding, "fingerprint">;

/**
 * Something that kept part of the input from being analysed (a file that does not parse,
 * a minified bundle, a registry that timed out). Reported beside findings, never instead of them.
 */
export interface Diagnostic {
  engine: string;
  kind: "parse-error" | "skipped" | "engine-error" | "config" | "unreadable";
  message: string;
  path?: string;
  line?: number;
}

export const SEVERITY_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };
