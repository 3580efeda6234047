/** Which engine runs a check. */
export type EngineName = "eslint" | "analyzer" | "deps";

/** The family a check belongs to; the report groups findings by it. */
export type Family = "sql" | "secrets" | "cors" | "errors" | "retries" | "deserialization" | "validation" | "auth" | "duplicates" | "dependencies";

export type Severity = "error" | "warning" | "note";

/** The lowest preset that turns a check on. */
export type Preset = "recommended" | "strict";

/** One check of the catalog, as written in `rules/<id>.yaml`. */
export interface CatalogEntry {
  id: string;
  engine: EngineName;
  family: Family;
  /** Short noun phrase, e.g. "SQL built from strings". */
  title: string;
  /** One sentence: what the check reports. Used as ESLint meta.docs.description and SARIF fullDescription. */
  description: string;
  severity: Severity;
  /** Contribution of one finding to the risk score. */
  weight: number;
  cwe: number[];
  owasp: string[];
  fixable: "none" | "suggestion" | "code";
  preset: Preset;
  /** GitHub code scanning's 0.0–10.0 score; only for security checks. */
  securitySeverity?: number;
  requiresTypeChecking: boolean;
}

export const ENGINES: readonly EngineName[] = ["eslint", "analyzer", "deps"];
export const FAMILIES: readonly Family[] = ["sql", "secrets", "cors", "errors", "retries", "deserialization", "validation", "auth", "duplicates", "dependencies"];
export const SEVERITIES: readonly Severity[] = ["error", "warning", "note"];
export const PRESETS: readonly Preset[] = ["recommended", "strict"];

/** Where the docs page of a check is published. */
export const DOCS_BASE_URL = "https://github.com/vibeguard/vibeguard/blob/main/docs/rules/";

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
