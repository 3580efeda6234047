import type { Diagnostic, Finding } from "../finding.js";
import type { ToolInfo } from "./tool-info.js";

/** The JSON results format; `version` changes only with incompatible shape changes. */
export interface JsonResults {
  version: 1;
  tool: ToolInfo;
  /** Absolute folder the paths are relative to. */
  root?: string;
  findings: Finding[];
  /** Findings turned off by in-source directives naming the rule, each with its `suppression`; not counted. */
  suppressed?: Finding[];
  diagnostics: Diagnostic[];
}

export interface JsonExtras {
  root?: string;
  suppressed?: readonly Finding[];
}

export function toJsonResults(findings: readonly Finding[], diagnostics: readonly Diagnostic[], tool: ToolInfo, extras: JsonExtras = {}): JsonResults {
  return {
    version: 1,
    tool,
    ...(extras.root ? { root: extras.root } : {}),
    findings: [...findings],
    ...(extras.suppressed ? { suppressed: [...extras.suppressed] } : {}),
    diagnostics: [...diagnostics],
  };
}
