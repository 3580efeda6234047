import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, lastSegmentName, walk } from "../../util/ast.js";
import { cannotBothRun } from "./error-preservation.js";
import type { ErrorReferences } from "./error-references.js";
import { analyzeEntry } from "./log-context.js";

/*
 * A handler that logs on several lines tells its story once: `log.error(`Restart failed: ${e.message}`);
 * log.warn("Attempting fallback restart...")`, or `log("The UI threw an unhandled error."); console.error(e)`.
 * The lines are judged together, so only the line that loses something is reported.
 */

// The calls of the last handler root walked: both checks below, and every log line of one handler, ask about
// the same root one after another. The answer depends only on the (unchanging) syntax under the root.
let lastRoot: TSESTree.Node | undefined;
let lastRootCalls: readonly TSESTree.CallExpression[] = [];

/** The calls in the handler, outside nested functions, other than `log` itself. */
function otherCalls(root: TSESTree.Node, log: TSESTree.CallExpression): TSESTree.CallExpression[] {
  if (root !== lastRoot) {
    const calls: TSESTree.CallExpression[] = [];
    walk(root, (node) => {
      if (node !== root && isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
    });
    lastRootCalls = calls;
    lastRoot = root;
  }
  return lastRootCalls.filter((call) => call !== log);
}

/**
 * Another log line of the handler mentions the error (its object or its message): a line that does not
 * mention it at all ("Attempting fallback...", "Backups will use the default path") adds to that line
 * rather than dropping the error. The other line is judged, and reported, on its own.
 */
export function anotherLineMentionsError(
  root: TSESTree.Node,
  log: TSESTree.CallExpression,
  references: ErrorReferences,
  isLogCall: (call: TSESTree.CallExpression) => boolean,
): boolean {
  return otherCalls(root, log).some((call) => isLogCall(call) && !cannotBothRun(call, log) && analyzeEntry(call.arguments, references).errorUse !== "none");
}

/** `this.logger(...)`, `printError(...)`: a project's own output function, named for what it does. */
const LOGGING_NAME = /log|print/i;

/**
 * Another line of the handler says what failed in words (`logger.error("Could not start with SSL as " +
 * e.message)` before `logger.error(e)`): the line that logs the bare error object is the stack trace of
 * that message, not a log without context.
 */
export function anotherLineDescribesFailure(
  root: TSESTree.Node,
  log: TSESTree.CallExpression,
  references: ErrorReferences,
  isLogCall: (call: TSESTree.CallExpression) => boolean,
): boolean {
  return otherCalls(root, log).some((call) => {
    if (cannotBothRun(call, log)) return false;
    const name = lastSegmentName(call.callee);
    const writesOutput = isLogCall(call) || (name !== undefined && LOGGING_NAME.test(name));
    return writesOutput && analyzeEntry(call.arguments, references).hasContext;
  });
}
