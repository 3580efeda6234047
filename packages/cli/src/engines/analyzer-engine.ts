import { analyzeDuplicates, type Duplicate, type UnitRef } from "@vibeguard/analyzer";
import type { Location, RawFinding, Severity } from "@vibeguard/core";
import type { Engine, EngineContext, EngineResult } from "./engine.js";

const RULE_ID = "no-duplicate-utility";

function unitLocation(ref: UnitRef): Location {
  const { unit } = ref;
  return { path: ref.file, startLine: unit.startLine, startColumn: unit.startColumn, endLine: unit.endLine, endColumn: unit.endColumn };
}

/** One finding per redundant copy: located on the whole copy, with every other family member related, the canonical one first. */
function toFinding(duplicate: Duplicate, severity: Severity): RawFinding {
  const related: Location[] = duplicate.others.map((ref) =>
    ref === duplicate.canonical
      ? { ...unitLocation(ref), message: `\`${ref.unit.name}\`: the existing utility to import`, properties: { canonical: true } }
      : { ...unitLocation(ref), message: `\`${ref.unit.name}\`: another copy` },
  );
  return {
    ruleId: RULE_ID,
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

/** The duplicated-utility analyzer (@vibeguard/analyzer) as a scan engine. */
export const analyzerEngine: Engine = {
  name: "analyzer",
  async run(context: EngineContext): Promise<EngineResult> {
    const rule = context.rules.get(RULE_ID);
    if (!rule || context.files.length === 0) return { findings: [], diagnostics: [] };
    const result = await analyzeDuplicates({ root: context.root, files: context.files, progress: context.progress, debug: context.debug });
    return { findings: result.duplicates.map((duplicate) => toFinding(duplicate, rule.severity)), diagnostics: result.diagnostics };
  },
};
