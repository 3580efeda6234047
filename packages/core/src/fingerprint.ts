import { createHash } from "node:crypto";
import type { Finding, RawFinding } from "./finding.js";

/** Bump when the recipe changes, so baselines know old fingerprints are not comparable. */
export const FINGERPRINT_VERSION = "vibeguard/v1";

/** Collapses whitespace so re-indenting or reformatting a line keeps its fingerprint. */
export function normaliseSnippet(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A file's text split into lines once, however many findings it has. */
export const splitLines = (source: string): string[] => source.split(/\r?\n/);

/**
 * The source lines a finding covers (at most five: enough to be specific, few enough to survive edits nearby).
 * Takes the file's lines, already split: splitting per finding made a file's findings cost quadratic time.
 */
export function snippetFor(lines: readonly string[] | undefined, finding: RawFinding): string {
  if (lines === undefined) return "";
  const start = finding.location.startLine - 1;
  const end = Math.min(finding.location.endLine ?? finding.location.startLine, finding.location.startLine + 4);
  return normaliseSnippet(lines.slice(start, end).join("\n"));
}

/**
 * Fingerprints findings: sha256 of rule, path and normalised snippet, plus the occurrence index
 * among identical (rule, path, snippet) triples so two identical lines in one file stay distinct.
 * Line numbers are deliberately left out: inserting code above a finding keeps its fingerprint.
 * `readSource` returns a file's text by repo-relative path (undefined when unreadable).
 */
export function fingerprintFindings(
  findings: readonly RawFinding[],
  readSource: (path: string) => string | undefined,
): Finding[] {
  const sources = new Map<string, string[] | undefined>();
  const seen = new Map<string, number>();
  const ordered = [...findings].sort(
    (a, b) =>
      a.location.path.localeCompare(b.location.path) ||
      a.location.startLine - b.location.startLine ||
      a.location.startColumn - b.location.startColumn,
  );
  return ordered.map((finding) => {
    const { path } = finding.location;
    if (!sources.has(path)) {
      const source = readSource(path);
      sources.set(path, source === undefined ? undefined : splitLines(source));
    }
    const snippet = snippetFor(sources.get(path), finding) || normaliseSnippet(finding.message);
    const key = `${finding.ruleId}\0${path}\0${snippet}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const fingerprint = createHash("sha256").update(`${key}\0${occurrence}`).digest("hex").slice(0, 32);
    return { ...finding, fingerprint };
  });
}
