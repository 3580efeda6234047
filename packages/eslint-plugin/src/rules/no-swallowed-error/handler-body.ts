import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isLogCall } from "./log-calls.js";
import { describeSuccessStatement } from "./success-continuation.js";
import { describeDefaultValue } from "./values.js";

/**
 * What the body of an error handler (a catch block, or a rejection callback's block) does with the error.
 * - `empty`: nothing at all;
 * - `defaultReturn`: only returns a "nothing happened" value (`null`, `[]`, `false` ...);
 * - `logsOnly`: only logs, then carries on;
 * - `answersSuccess`: (maybe logs, then) answers as if all went well: `res.json({ ok: true })`,
 *   `return NextResponse.json([])`, `return { success: true }`;
 * - `handled`: anything else (rethrows, records, reports, returns an error, calls a callback, sets a flag ...).
 */
export type HandlerBodyVerdict =
  | { kind: "empty" }
  | { kind: "defaultReturn"; value: string; statement: TSESTree.ReturnStatement }
  | { kind: "logsOnly" }
  | { kind: "answersSuccess"; success: string; statement: TSESTree.Statement }
  | { kind: "handled" };

/**
 * Sorts the statements of a handler body. Any statement that is neither a log call nor a default
 * return counts as handling: we cannot see what a call does, so we assume it does the right thing.
 */
export function classifyHandlerBody(statements: readonly TSESTree.Statement[]): HandlerBodyVerdict {
  let logCount = 0;
  let defaultReturn: { value: string; statement: TSESTree.ReturnStatement } | undefined;
  for (const [index, statement] of statements.entries()) {
    if (statement.type === AST_NODE_TYPES.EmptyStatement) continue;
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && isLogCall(statement.expression)) {
      logCount++;
      continue;
    }
    if (statement.type === AST_NODE_TYPES.ReturnStatement && !defaultReturn) {
      const value = describeDefaultValue(statement.argument);
      if (value !== undefined) {
        defaultReturn = { value, statement };
        continue;
      }
    }
    // The last statement, after nothing but logging, answers as if the operation had worked.
    const success = index === statements.length - 1 && !defaultReturn ? describeSuccessStatement(statement, true) : undefined;
    if (success) return { kind: "answersSuccess", success, statement };
    return { kind: "handled" };
  }
  if (logCount === 0 && !defaultReturn) return { kind: "empty" };
  if (logCount === 0 && defaultReturn) return { kind: "defaultReturn", ...defaultReturn };
  // Logged and then returned a default: the failure at least reaches the logs, and the early
  // return does not pretend the rest of the function ran. Not reported.
  if (defaultReturn) return { kind: "handled" };
  return { kind: "logsOnly" };
}
