import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { type FunctionNode, isFunction, isStatementList, unwrap } from "../../util/ast.js";

/** The identifier a member/call chain starts from: `res.status(500).json()` → "res". */
export function chainRootName(node: TSESTree.Node): string | undefined {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return current.name;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else return undefined;
  }
}

/** The nearest function that contains `node` (not `node` itself). */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** The statement that holds `node`: the node itself when it is a direct child of a block. */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && !isStatementList(current.parent) && !isFunction(current.parent)) {
    current = current.parent;
  }
  return current;
}

/** Whether a member chain starts from a call's result: `getClient().pool` (a fresh value, not a shared one). */
export function startsFromCall(node: TSESTree.Node): boolean {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.CallExpression;
}

const MAX_SNIPPET_LENGTH = 40;

/** Source text of `node` on one line, shortened for a message: `{ ok: true }`, `() => {}`. */
export function snippet(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, " ");
  return text.length > MAX_SNIPPET_LENGTH ? `${text.slice(0, MAX_SNIPPET_LENGTH - 1)}…` : text;
}


