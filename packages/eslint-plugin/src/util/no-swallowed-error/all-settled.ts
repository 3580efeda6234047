import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { enclosingStatement, isFunction, memberName, unwrap } from "./ast.js";

type SourceCode = Readonly<TSESLint.SourceCode>;

/** How the results of `Promise.allSettled` go unchecked. */
export type AllSettledNeglect = "discarded" | "neverRead" | "readWithoutStatus";

/** Words that show code looking at the outcome of each settled promise. */
const INSPECTS_OUTCOME = /\b(?:status|reason|rejected|fulfilled)\b/;

/** True for `Promise.allSettled(...)`. */
export function isAllSettledCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === "allSettled" &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === "Promise"
  );
}

/**
 * Follows the result of a `Promise.allSettled(...)` call: dropped on the floor, stored and never read,
 * or read only for `.value`. Any use we cannot follow (returned, passed on, stored elsewhere) counts as checked.
 */
export function findAllSettledNeglect(call: TSESTree.CallExpression, sourceCode: SourceCode): AllSettledNeglect | undefined {
  let result: TSESTree.Node = call;
  while (result.parent && isTransparentWrapper(result.parent)) result = result.parent;
  const parent = result.parent;
  if (!parent) return undefined;

  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return "discarded";
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "void") return "discarded";
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === result) {
    return neglectOfVariables(sourceCode.getDeclaredVariables(parent), sourceCode);
  }
  // `Promise.allSettled(tasks).then((results) => ...)`
  if (
    parent.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === result &&
    memberName(parent) === "then" &&
    parent.parent.type === AST_NODE_TYPES.CallExpression &&
    parent.parent.callee === parent
  ) {
    const callback = parent.parent.arguments[0];
    if (!callback || !isFunction(callback)) return undefined;
    const param = callback.params[0];
    if (!param) return "discarded";
    return neglectOfVariables(sourceCode.getDeclaredVariables(callback), sourceCode);
  }
  return undefined;
}

function isTransparentWrapper(node: TSESTree.Node | undefined): boolean {
  return (
    node?.type === AST_NODE_TYPES.AwaitExpression ||
    node?.type === AST_NODE_TYPES.TSAsExpression ||
    node?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node?.type === AST_NODE_TYPES.TSSatisfiesExpression
  );
}

function neglectOfVariables(variables: readonly TSESLint.Scope.Variable[], sourceCode: SourceCode): AllSettledNeglect | undefined {
  const reads = variables.flatMap((variable) => variable.references.filter((reference) => reference.isRead()));
  if (reads.length === 0) return "neverRead";
  return reads.some((reference) => isCheckedOrPassedOn(reference.identifier, sourceCode)) ? undefined : "readWithoutStatus";
}

/** Contexts where the results leave our sight: we assume the receiver checks them. */
const ESCAPING_PARENTS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.SpreadElement,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.JSXExpressionContainer,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ExportSpecifier,
]);

function isCheckedOrPassedOn(identifier: TSESTree.Node, sourceCode: SourceCode): boolean {
  let node: TSESTree.Node = identifier;
  while (node.parent && isTransparentWrapper(node.parent)) node = node.parent;
  if (node.parent && ESCAPING_PARENTS.has(node.parent.type)) return true;
  return INSPECTS_OUTCOME.test(sourceCode.getText(enclosingStatement(identifier)));
}
