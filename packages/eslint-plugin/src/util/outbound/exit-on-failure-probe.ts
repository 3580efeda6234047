import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, parentSkippingWrappers, unwrap, walk } from "../ast.js";

/*
 * A one-shot probe: a script whose top level makes one request and exits the process non-zero when it
 * fails (a container HEALTHCHECK, a readiness probe, a CI smoke check):
 *
 *   fetch(`http://${host}:${port}/health`).then(check).catch(() => process.exit(1));
 *
 * Whoever runs the script (Docker, Kubernetes, CI) bounds it in time and decides how many failures
 * count, so neither a retry nor a timeout belongs in it. Only the module's top level qualifies: the same
 * chain inside a function serves a caller that gets no exit code.
 */

const CHAIN_METHODS = new Set(["then", "catch", "finally"]);

/** Whether `call` heads a top-level promise chain whose rejection handler exits the process non-zero. */
export function isExitOnFailureProbe(call: TSESTree.Node): boolean {
  let current: TSESTree.Node = call;
  let exitsOnFailure = false;
  for (;;) {
    const member = parentSkippingWrappers(current);
    if (member?.type !== AST_NODE_TYPES.MemberExpression || unwrap(member.object) !== unwrap(current)) break;
    const link = parentSkippingWrappers(member);
    const method = memberName(member);
    if (link?.type !== AST_NODE_TYPES.CallExpression || link.callee !== member || !method || !CHAIN_METHODS.has(method)) return false;
    const onRejected = method === "catch" ? link.arguments[0] : method === "then" ? link.arguments[1] : undefined;
    if (onRejected && isFunction(onRejected) && exitsNonZero(onRejected)) exitsOnFailure = true;
    current = link;
  }
  if (!exitsOnFailure) return false;
  let statement = parentSkippingWrappers(current);
  if (statement?.type === AST_NODE_TYPES.UnaryExpression && statement.operator === "void") statement = parentSkippingWrappers(statement);
  if (statement?.type === AST_NODE_TYPES.AwaitExpression) statement = parentSkippingWrappers(statement);
  return statement?.type === AST_NODE_TYPES.ExpressionStatement && statement.parent.type === AST_NODE_TYPES.Program;
}

/** `process.exit(n)` with a non-zero literal `n` somewhere in the handler. */
function exitsNonZero(handler: TSESTree.Node): boolean {
  let found = false;
  walk(handler, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "exit") return;
    const object = unwrap(callee.object);
    if (object.type !== AST_NODE_TYPES.Identifier || object.name !== "process") return;
    const code = node.arguments[0];
    if (code?.type === AST_NODE_TYPES.Literal && typeof code.value === "number" && code.value !== 0) found = true;
  });
  return found;
}
