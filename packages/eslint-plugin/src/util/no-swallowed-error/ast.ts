import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, unwrap, type FunctionNode } from "../ast.js";

export { memberName };

export { isFunction, someNodeInSameFunction, unwrap, type FunctionNode } from "../ast.js";

/** Like `unwrap`, and also looks through `await x` and `void x`, which keep the call that matters. */
export function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  while (
    current.type === AST_NODE_TYPES.AwaitExpression ||
    (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === "void")
  ) {
    current = unwrap(current.argument);
  }
  return current;
}


/** The name a value is known by: `x` → "x", `a.b.x` → "x", `this.x` → "x". */
export function lastSegmentName(node: TSESTree.Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return memberName(inner);
  return undefined;
}

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

/**
 * The name a function is called by: its own id, the variable or property it is assigned to,
 * or its method key (`exports.tryLoad = function () {}` → "tryLoad").
 */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      if (parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
      if (parent.key.type === AST_NODE_TYPES.Literal && typeof parent.key.value === "string") return parent.key.value;
      return undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      return lastSegmentName(parent.left);
    default:
      return undefined;
  }
}

/** The statement that holds `node`: the node itself when it is a direct child of a block. */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && !isStatementList(current.parent) && !isFunction(current.parent)) {
    current = current.parent;
  }
  return current;
}

export function isStatementList(
  node: TSESTree.Node,
): node is TSESTree.BlockStatement | TSESTree.Program | TSESTree.StaticBlock | TSESTree.SwitchCase {
  return (
    node.type === AST_NODE_TYPES.BlockStatement ||
    node.type === AST_NODE_TYPES.Program ||
    node.type === AST_NODE_TYPES.StaticBlock ||
    node.type === AST_NODE_TYPES.SwitchCase
  );
}

const MAX_SNIPPET_LENGTH = 40;

/** Source text of `node` on one line, shortened for a message: `{ ok: true }`, `() => {}`. */
export function snippet(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, " ");
  return text.length > MAX_SNIPPET_LENGTH ? `${text.slice(0, MAX_SNIPPET_LENGTH - 1)}…` : text;
}


