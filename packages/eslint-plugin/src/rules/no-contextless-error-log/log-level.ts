import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { lastSegmentName, unwrap } from "../../util/ast.js";
import type { Branch } from "./error-handler.js";
import type { LogCall } from "./log-call.js";

/** `if (config.debug)`, `if (options.verbose)`, `if (DEBUG)`: a line printed only when someone asked for traces. */
const DEBUG_SWITCH = /^(debug|verbose|trace)(mode|enabled|logging)?$/i;

/**
 * A developer trace rather than what on-call reads: a debug/trace/verbose/silly-level line (the `debug`
 * package's loggers included), or any line printed only under a debug option. Those are off in
 * production, and the failure they trace is ignored by design or handed on to a caller that reports it.
 */
export function isDeveloperTrace(log: LogCall, branches: readonly Branch[]): boolean {
  return log.isDiagnosticLevel || branches.some((branch) => branch.side === "consequent" && !branch.isSwitch && isDebugSwitch(branch.test));
}

function isDebugSwitch(test: TSESTree.Expression): boolean {
  const expression = unwrap(test);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === "&&") {
    return isDebugSwitch(expression.left) || isDebugSwitch(expression.right);
  }
  const name = lastSegmentName(expression);
  return name !== undefined && DEBUG_SWITCH.test(name);
}
