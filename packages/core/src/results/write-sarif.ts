import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import { docsUrl, type CatalogEntry, type Severity } from "../catalog/catalog-entry.js";
import type { Diagnostic, Finding, Location } from "../finding.js";
import { FINGERPRINT_VERSION } from "../fingerprint.js";
import type { ToolInfo } from "./tool-info.js";

export interface SarifOptions {
  tool: ToolInfo;
  catalog: readonly CatalogEntry[];
  diagnostics?: readonly Diagnostic[];
  /** Findings turned off in source; written as results with `suppressions`, which code scanning does not alert on. */
  suppressed?: readonly Finding[];
  /** Absolute path of the repository root; becomes the %SRCROOT% base. */
  root?: string;
  /** With a baseline: SARIF `baselineState` of each result, by fingerprint ("absent" for fixed findings passed in too). */
  baselineStates?: ReadonlyMap<string, NonNullable<Sarif.Result["baselineState"]>>;
}

const SRCROOT = "%SRCROOT%";

const LEVEL: Record<Severity, Sarif.Result.level> = { error: "error", warning: "warning", note: "note" };

/** Builds the SARIF rule descriptor of a catalog entry (GitHub code scanning needs fullDescription and help). */
export function sarifRule(entry: CatalogEntry): Sarif.ReportingDescriptor {
  const url = docsUrl(entry.id);
  const tags = [entry.family, ...(entry.securitySeverity === undefined ? ["reliability"] : ["security"])];
  for (const cwe of entry.cwe) tags.push(`external/cwe/cwe-${cwe}`);
  for (const owasp of entry.owasp) tags.push(`external/owasp/${owasp.toLowerCase()}`);
  const properties: Sarif.PropertyBag = { tags, precision: "high" };
  if (entry.securitySeverity !== undefined) properties["security-severity"] = entry.securitySeverity.toFixed(1);
  return {
    id: entry.id,
    name: entry.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: entry.title },
    fullDescription: { text: entry.description },
    helpUri: url,
    help: {
      text: `${entry.description} See ${url}`,
      markdown: `${entry.description}\n\n[Documentation of vibeguard/${entry.id}](${url})`,
    },
    defaultConfiguration: { level: LEVEL[entry.severity] },
    properties,
  };
}

/**
 * A root-relative POSIX path as a relative URI reference: each segment percent-encoded, so `#`, `?`,
 * `%`, spaces and non-ASCII stay part of the path (encodeURI would leave `#` and `?` to end it).
 */
export function pathToRelativeUri(relativePath: string): string {
  return relativePath.split("/").map(encodeURIComponent).join("/");
}

/** The inverse of pathToRelativeUri. */
export function relativeUriToPath(uri: string): string {
  return uri
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        // A stray "%" from a hand-written file: keep the segment as written rather than reject the file.
        return segment;
      }
    })
    .join("/");
}

function physicalLocation(location: Location): Sarif.PhysicalLocation {
  const region: Sarif.Region = { startLine: location.startLine, startColumn: location.startColumn };
  if (location.endLine !== undefined) region.endLine = location.endLine;
  if (location.endColumn !== undefined) region.endColumn = location.endColumn;
  return { artifactLocation: { uri: pathToRelativeUri(location.path), uriBaseId: SRCROOT }, region };
}

/** Serialises findings as one SARIF 2.1.0 run whose rules come from the catalog. */
export function toSarif(findings: readonly Finding[], options: SarifOptions): Sarif.Log {
  // Only rules that are referenced, plus the whole catalog's ESLint rules, keep the file small but complete.
  const suppressed = options.suppressed ?? [];
  const usedIds = new Set([...findings, ...suppressed].map((f) => f.ruleId));
  const entries = options.catalog.filter((entry) => usedIds.has(entry.id) || entry.engine === "eslint");
  const knownIds = new Set(entries.map((entry) => entry.id));
  const unknown = [...usedIds].filter((id) => !knownIds.has(id));
  if (unknown.length) throw new Error(`findings reference rules missing from the catalog: ${unknown.join(", ")}`);
  const ruleIndex = new Map(entries.map((entry, index) => [entry.id, index]));

  const results: Sarif.Result[] = [...findings, ...suppressed].map((finding) => {
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: physicalLocation(finding.location) }],
      partialFingerprints: { [FINGERPRINT_VERSION]: finding.fingerprint },
    };
    if (finding.related?.length) {
      result.relatedLocations = finding.related.map((location, index) => ({
        id: index + 1,
        physicalLocation: physicalLocation(location),
        ...(location.message ? { message: { text: location.message } } : {}),
        ...(location.properties ? { properties: location.properties } : {}),
      }));
    }
    if (finding.data && Object.keys(finding.data).length) {
      // Dependency findings also name the package and pinned version at the top, where code scanning shows them.
      const { package: pkg, pinned } = finding.data;
      result.properties = { ...(typeof pkg === "string" ? { package: pkg } : {}), ...(typeof pinned === "string" ? { pinned } : {}), data: finding.data };
      // A clone's similarity is read from the top of the result's property bag by SARIF viewers.
      if (typeof finding.data.similarity === "number") result.properties.similarity = finding.data.similarity;
    }
    const baselineState = options.baselineStates?.get(finding.fingerprint);
    if (baselineState) result.baselineState = baselineState;
    if (finding.suppression) {
      result.suppressions = [
        {
          kind: "inSource",
          status: "accepted",
          ...(finding.suppression.justification ? { justification: finding.suppression.justification } : {}),
          properties: { directive: finding.suppression.directive },
        },
      ];
    }
    return result;
  });

  const notifications: Sarif.Notification[] = (options.diagnostics ?? []).map((diagnostic) => ({
    level: diagnostic.kind === "skipped" ? "note" : "warning",
    message: { text: diagnostic.message },
    descriptor: { id: diagnostic.kind },
    properties: { engine: diagnostic.engine },
    ...(diagnostic.path
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: pathToRelativeUri(diagnostic.path), uriBaseId: SRCROOT },
                ...(diagnostic.line ? { region: { startLine: diagnostic.line } } : {}),
              },
            },
          ],
        }
      : {}),
  }));

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: options.tool.name,
        version: options.tool.version,
        semanticVersion: options.tool.version,
        informationUri: options.tool.informationUri,
        rules: entries.map(sarifRule),
      },
    },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    results,
    columnKind: "utf16CodeUnits",
  };
  if (options.root) {
    const rootUri = pathToFileURL(options.root).href.replace(/\/?$/, "/");
    run.originalUriBaseIds = { [SRCROOT]: { uri: rootUri } };
  }
  return { version: "2.1.0", $schema: "https://json.schemastore.org/sarif-2.1.0.json", runs: [run] };
}
