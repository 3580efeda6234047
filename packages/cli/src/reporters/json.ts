import { toJsonResults, VIBEGUARD_INFORMATION_URI } from "@vibeguard/core";
import type { Reporter } from "./reporter.js";

/** vibeguard JSON; with a baseline each finding carries its `baselineState` and `fixed` lists what went away. */
export const jsonReporter: Reporter = (result, context) => {
  const json = toJsonResults(result.findings, result.diagnostics, { name: "vibeguard", version: context.version, informationUri: VIBEGUARD_INFORMATION_URI }, {
    root: result.root,
    suppressed: result.suppressed,
  });
  const baseline = result.baseline;
  const output = baseline
    ? {
        ...json,
        findings: json.findings.map((f) => ({ ...f, baselineState: baseline.states.get(f.fingerprint) })),
        baseline: { counts: baseline.counts, fixed: baseline.fixed },
      }
    : json;
  return `${JSON.stringify(result.shard ? { ...output, shard: result.shard } : output, null, 2)}\n`;
};
