import { toJsonResults, VIBEGUARD_INFORMATION_URI } from "@vibeguard/core";
import type { Reporter } from "./reporter.js";

export const jsonReporter: Reporter = (result, context) =>
  `${JSON.stringify(
    toJsonResults(result.findings, result.diagnostics, { name: "vibeguard", version: context.version, informationUri: VIBEGUARD_INFORMATION_URI }, {
      root: result.root,
      suppressed: result.suppressed,
    }),
    null,
    2,
  )}\n`;
