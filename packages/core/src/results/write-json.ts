import type { Diagnostic, Finding } from "../finding.js";
import type { ToolInfo } from "./tool-info.js";

/** The JSON results format; `version` changes only with incompatible shape changes. */
export interface JsonResults {
  version: 1;
  tool: ToolInfo;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

export function toJsonResults(findings: readonly Finding[], diagnostics: readonly Diagnostic[], tool: ToolInfo): JsonResults {
  return { version: 1, tool, findings: [...findings], diagnostics: [...diagnostics] };
}
