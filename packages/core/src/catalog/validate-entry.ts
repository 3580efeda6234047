import {
  ENGINES,
  FAMILIES,
  PRESETS,
  SEVERITIES,
  type CatalogEntry,
} from "./catalog-entry.js";

/** A catalog file that cannot be used; the message names the file and the field. */
export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | undefined,
    problem: string,
  ) {
    super(field ? `${file}: field "${field}" ${problem}` : `${file}: ${problem}`);
    this.name = "CatalogError";
  }
}

const KNOWN_FIELDS = new Set([
  "id", "engine", "family", "title", "description", "severity", "weight",
  "cwe", "owasp", "fixable", "preset", "securitySeverity", "requiresTypeChecking",
]);

const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Checks one parsed YAML document against the catalog schema.
 * `expectedId` is the file's base name: the id must match it so that rule, file and docs page agree.
 */
export function validateEntry(raw: unknown, file: string, expectedId: string): CatalogEntry {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new CatalogError(file, undefined, "must be a YAML mapping of fields (id, engine, family, ...)");
  }
  const data = raw as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!KNOWN_FIELDS.has(key)) {
      throw new CatalogError(file, key, `is not a catalog field; known fields: ${[...KNOWN_FIELDS].join(", ")}`);
    }
  }

  const fail = (field: string, problem: string): never => {
    throw new CatalogError(file, field, problem);
  };
  const str = (field: string): string => {
    const value = data[field];
    if (typeof value !== "string" || value.trim() === "") fail(field, "must be a non-empty string");
    return value as string;
  };
  const oneOf = <T extends string>(field: string, allowed: readonly T[]): T => {
    const value = data[field];
    if (typeof value !== "string" || !allowed.includes(value as T)) {
      fail(field, `must be one of ${allowed.join(" | ")} (got ${JSON.stringify(value)})`);
    }
    return value as T;
  };

  const id = str("id");
  if (!ID_PATTERN.test(id)) fail("id", `must be kebab-case (got "${id}")`);
  if (id !== expectedId) fail("id", `is "${id}" but the file is named "${expectedId}.yaml"; they must match`);

  const description = str("description");
  if (!description.endsWith(".")) fail("description", "must be one sentence ending with a period");

  const weight = data.weight;
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0 || weight > 10) {
    fail("weight", `must be a number from 0 to 10 (got ${JSON.stringify(weight)})`);
  }

  const cwe = data.cwe ?? [];
  if (!Array.isArray(cwe) || !cwe.every((n) => Number.isInteger(n) && n > 0)) {
    fail("cwe", "must be a list of CWE numbers, e.g. [89]");
  }
  const owasp = data.owasp ?? [];
  if (!Array.isArray(owasp) || !owasp.every((s) => typeof s === "string" && /^A\d{2}:\d{4}$/.test(s))) {
    fail("owasp", 'must be a list like ["A03:2021"]');
  }

  const securitySeverity = data.securitySeverity;
  if (
    securitySeverity !== undefined &&
    (typeof securitySeverity !== "number" || securitySeverity < 0 || securitySeverity > 10)
  ) {
    fail("securitySeverity", "must be a number from 0.0 to 10.0");
  }

  const requiresTypeChecking = data.requiresTypeChecking ?? false;
  if (typeof requiresTypeChecking !== "boolean") fail("requiresTypeChecking", "must be true or false");

  return {
    id,
    engine: oneOf("engine", ENGINES),
    family: oneOf("family", FAMILIES),
    title: str("title"),
    description,
    severity: oneOf("severity", SEVERITIES),
    weight: weight as number,
    cwe: cwe as number[],
    owasp: owasp as string[],
    fixable: oneOf("fixable", ["none", "suggestion", "code"] as const),
    preset: oneOf("preset", PRESETS),
    ...(securitySeverity === undefined ? {} : { securitySeverity: securitySeverity as number }),
    requiresTypeChecking: requiresTypeChecking as boolean,
  };
}
