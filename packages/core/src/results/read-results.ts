import type * as Sarif from "sarif";
import { SEVERITIES, type Severity } from "../catalog/catalog-entry.js";
import type { Diagnostic, Finding, Location } from "../finding.js";
import { FINGERPRINT_VERSION } from "../fingerprint.js";
import { relativeUriToPath } from "./write-sarif.js";

/** A results file that is not vibeguard JSON or SARIF 2.1.0; the message names the file and what is wrong. */
export class ResultsFormatError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = "ResultsFormatError";
  }
}

export interface ReadResults {
  format: "json" | "sarif";
  findings: Finding[];
  diagnostics: Diagnostic[];
}

/** Reads vibeguard JSON or SARIF written by vibeguard (for baselines and merging shards). */
export function readResults(text: string, file: string): ReadResults {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ResultsFormatError(file, `is not valid JSON (${(error as Error).message})`);
  }
  if (isObject(data) && Array.isArray(data.runs)) return { format: "sarif", ...fromSarif(data as unknown as Sarif.Log, file) };
  if (isObject(data) && Array.isArray(data.findings)) {
    const findings = data.findings.map((value, index) => checkFinding(value, file, `findings[${index}]`));
    const diagnostics = Array.isArray(data.diagnostics) ? (data.diagnostics as Diagnostic[]) : [];
    return { format: "json", findings, diagnostics };
  }
  throw new ResultsFormatError(file, 'is neither vibeguard JSON (a "findings" array) nor SARIF (a "runs" array)');
}

function fromSarif(log: Sarif.Log, file: string): Omit<ReadResults, "format"> {
  if (log.version !== "2.1.0") throw new ResultsFormatError(file, `has SARIF version ${String(log.version)}; only 2.1.0 is read`);
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  log.runs.forEach((run, runIndex) => {
    for (const [index, result] of (run.results ?? []).entries()) {
      // Suppressed in source: listed for audits, never a finding (nor part of a baseline).
      if (result.suppressions?.length) continue;
      const where = `runs[${runIndex}].results[${index}]`;
      const physical = result.locations?.[0]?.physicalLocation;
      const fingerprint = result.partialFingerprints?.[FINGERPRINT_VERSION];
      if (!result.ruleId || !physical || !fingerprint) {
        throw new ResultsFormatError(file, `${where} lacks ruleId, a physical location or a ${FINGERPRINT_VERSION} fingerprint`);
      }
      const finding: Finding = {
        ruleId: result.ruleId,
        message: result.message.text ?? "",
        severity: (result.level === "error" || result.level === "note" ? result.level : "warning") as Severity,
        location: fromPhysical(physical, file, where),
        fingerprint,
      };
      const related = result.relatedLocations?.flatMap((rel) =>
        rel.physicalLocation
          ? [{ ...fromPhysical(rel.physicalLocation, file, where), ...(rel.message?.text ? { message: rel.message.text } : {}) }]
          : [],
      );
      if (related?.length) finding.related = related;
      const data = (result.properties as { data?: Record<string, unknown> } | undefined)?.data;
      if (data) finding.data = data;
      findings.push(finding);
    }
    for (const invocation of run.invocations ?? []) {
      for (const note of invocation.toolExecutionNotifications ?? []) {
        const uri = note.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
        const line = note.locations?.[0]?.physicalLocation?.region?.startLine;
        diagnostics.push({
          engine: String((note.properties as { engine?: string } | undefined)?.engine ?? "unknown"),
          kind: (note.descriptor?.id as Diagnostic["kind"]) ?? "engine-error",
          message: note.message.text ?? "",
          ...(uri ? { path: relativeUriToPath(uri) } : {}),
          ...(line ? { line } : {}),
        });
      }
    }
  });
  return { findings, diagnostics };
}

function fromPhysical(physical: Sarif.PhysicalLocation, file: string, where: string): Location {
  const uri = physical.artifactLocation?.uri;
  const region = physical.region;
  if (!uri || !region?.startLine) throw new ResultsFormatError(file, `${where} has a location without uri or startLine`);
  const location: Location = { path: relativeUriToPath(uri), startLine: region.startLine, startColumn: region.startColumn ?? 1 };
  if (region.endLine !== undefined) location.endLine = region.endLine;
  if (region.endColumn !== undefined) location.endColumn = region.endColumn;
  return location;
}

function checkFinding(value: unknown, file: string, where: string): Finding {
  if (!isObject(value)) throw new ResultsFormatError(file, `${where} is not an object`);
  const { ruleId, message, severity, location, fingerprint } = value;
  if (typeof ruleId !== "string") throw new ResultsFormatError(file, `${where}.ruleId must be a string`);
  if (typeof message !== "string") throw new ResultsFormatError(file, `${where}.message must be a string`);
  if (!SEVERITIES.includes(severity as Severity)) throw new ResultsFormatError(file, `${where}.severity must be error, warning or note`);
  if (typeof fingerprint !== "string") throw new ResultsFormatError(file, `${where}.fingerprint must be a string`);
  if (!isObject(location) || typeof location.path !== "string" || typeof location.startLine !== "number") {
    throw new ResultsFormatError(file, `${where}.location needs a path and a startLine`);
  }
  return value as unknown as Finding;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
