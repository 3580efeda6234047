import type { Duplicate, UnitRef } from "@vibeguard/analyzer";
import type { Location, RawFinding, Severity } from "@vibeguard/core";

export const DUPLICATE_RULE_ID = "no-duplicate-utility";

function unitLocation(ref: UnitRef): Location {
  const { unit } = ref;
  return { path: ref.file, startLine: unit.startLine, startColumn: unit.startColumn, endLine: unit.endLine, endColumn: unit.endColumn };
}

/** One finding per redundant copy: located on the whole copy, with every other family member related, the canonical one first. */
export function toDuplicateFinding(duplicate: Duplicate, severity: Severity): RawFinding {
  const related: Location[] = duplicate.others.map((ref) =>
    ref === duplicate.canonical
      ? { ...unitLocation(ref), message: `\`${ref.unit.name}\`: the existing utility to import`, properties: { canonical: true } }
      : { ...unitLocation(ref), message: `\`${ref.unit.name}\`: another copy` },
  );
  return {
    ruleId: DUPLICATE_RULE_ID,
    message: duplicate.message,
    severity,
    location: unitLocation(duplicate.copy),
    related,
    data: {
      similarity: Math.round(duplicate.similarity * 100) / 100,
      match: duplicate.match,
      name: duplicate.copy.unit.name,
      canonical: { path: duplicate.canonical.file, name: duplicate.canonical.unit.name },
    },
  };
}
