import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { functionName, isFunction, type FunctionNode, isStatementList, walk } from "../../util/ast.js";
import { enclosingFunction } from "./ast.js";
import { isInsideCleanupFunction } from "./cleanup.js";
import { resultIsDiscarded } from "./handler-exemptions.js";
import { isInsideLenientFunction } from "./intent.js";

/**
 * After a catch block that only logs, what the caller sees when nothing after it signals the failure:
 * - the try statement ends a named function that returns nothing, so its callers get `undefined`, the
 *   same as on success (`async function saveSettings() { try { … } catch (err) { log(err) } }`);
 * - the try statement is the body of a loop, which goes on to the next item as if this one worked.
 * Callbacks handed to someone else (event listeners, `forEach`) are left alone: their caller ignores the
 * result, so logging is all they can do. So are cleanup functions and functions named to be lenient.
 */
export function carriesOnSilently(tryStatement: TSESTree.TryStatement): string | undefined {
  if (isInsideCleanupFunction(tryStatement) || isInsideLenientFunction(tryStatement)) return undefined;
  const holder = tryStatement.parent;
  if (holder && isLoopBody(holder, tryStatement)) return "goes on to the next item";
  const fn = enclosingFunction(tryStatement);
  if (!fn || !isCalledByName(fn) || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const body = fn.body.body;
  if (body[body.length - 1] !== tryStatement || returnsValue(fn)) return undefined;
  return "returns to its caller";
}

/** The try statement is the loop's whole body, or the last statement of it. */
function isLoopBody(holder: TSESTree.Node, statement: TSESTree.Statement): boolean {
  const loop = holder.type === AST_NODE_TYPES.BlockStatement ? holder.parent : holder;
  const isLoop =
    loop?.type === AST_NODE_TYPES.ForOfStatement ||
    loop?.type === AST_NODE_TYPES.ForInStatement ||
    loop?.type === AST_NODE_TYPES.ForStatement ||
    loop?.type === AST_NODE_TYPES.WhileStatement ||
    loop?.type === AST_NODE_TYPES.DoWhileStatement;
  if (!isLoop) return false;
  if (holder === statement.parent && holder.type !== AST_NODE_TYPES.BlockStatement) return true;
  return isStatementList(holder) && holder.type === AST_NODE_TYPES.BlockStatement && holder.body[holder.body.length - 1] === statement;
}

/** A function the code calls by its name (declaration, `const f = …`, method), not a callback passed along. */
function isCalledByName(fn: FunctionNode): boolean {
  if (fn.parent?.type === AST_NODE_TYPES.CallExpression || fn.parent?.type === AST_NODE_TYPES.NewExpression) return false;
  const name = functionName(fn);
  return name !== undefined && name !== "constructor" && !/^on[A-Z]|^handle[A-Z]|Handler$|Listener$/.test(name);
}

/** Whether the function returns a value anywhere (then its callers can tell `undefined` apart). */
function returnsValue(fn: FunctionNode): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found || (node !== fn.body && isFunction(node))) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found = true;
    return !found;
  });
  return found;
}

/**
 * `sendWelcomeEmail(user).catch((err) => log.warn(…))` as a statement inside a named function: the
 * promise is neither awaited nor returned, so the function reports success whatever happens to it.
 */
export function isFireAndForget(call: TSESTree.CallExpression): boolean {
  if (!resultIsDiscarded(call) || isInsideCleanupFunction(call) || isInsideLenientFunction(call)) return false;
  const fn = enclosingFunction(call);
  return fn !== undefined && isCalledByName(fn);
}
