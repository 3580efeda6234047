import { catalog, toSarif, VIBEGUARD_INFORMATION_URI } from "@vibeguard/core";
import type { Reporter } from "./reporter.js";

export const sarifReporter: Reporter = (result, context) =>
  `${JSON.stringify(
    toSarif(result.findings, {
      tool: { name: "vibeguard", version: context.version, informationUri: VIBEGUARD_INFORMATION_URI },
      catalog,
      diagnostics: result.diagnostics,
      suppressed: result.suppressed,
      root: context.root,
    }),
    null,
    2,
  )}\n`;
