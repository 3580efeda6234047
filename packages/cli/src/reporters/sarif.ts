import type * as Sarif from "sarif";
import { catalog, toSarif, VIBEGUARD_INFORMATION_URI, type Finding } from "@vibeguard/core";
import type { BaselineComparison } from "../baseline/compare-baseline.js";
import { SARIF_SHARD_PROPERTY } from "../shard/shard-info.js";
import type { Reporter } from "./reporter.js";

const SARIF_STATE = { new: "new", unchanged: "unchanged", moved: "updated" } as const;

export const sarifReporter: Reporter = (result, context) => {
  const { findings, states } = withBaselineStates(result.findings, result.baseline);
  const log = toSarif(findings, {
      tool: { name: "vibeguard", version: context.version, informationUri: VIBEGUARD_INFORMATION_URI },
      catalog,
      diagnostics: result.diagnostics,
      suppressed: result.suppressed,
      root: context.root,
      ...(states ? { baselineStates: states } : {}),
  });
  if (result.shard) log.runs[0]!.properties = { [SARIF_SHARD_PROPERTY]: result.shard };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** With a baseline, fixed findings go into the log as "absent" results so code scanning can close them. */
function withBaselineStates(findings: Finding[], baseline: BaselineComparison | undefined) {
  if (!baseline) return { findings, states: undefined };
  const states = new Map<string, NonNullable<Sarif.Result["baselineState"]>>();
  for (const [fingerprint, state] of baseline.states) states.set(fingerprint, SARIF_STATE[state]);
  const absent: Finding[] = baseline.fixed.map((entry) => {
    states.set(entry.fingerprint, "absent");
    return {
      ruleId: entry.ruleId,
      message: entry.message,
      severity: entry.severity,
      location: { path: entry.path, startLine: entry.startLine, startColumn: 1 },
      fingerprint: entry.fingerprint,
    };
  });
  return { findings: [...findings, ...absent], states };
}
