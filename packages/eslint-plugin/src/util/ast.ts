import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { visitorKeys } from "@typescript-eslint/visitor-keys";

/** AST helpers more than one rule needs. Rule-specific ones live in the rule's own util folder. */

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export function isFunction(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** Strips what does not change the value: TS casts (`as`, `!`, `satisfies`, `<T>x`) and optional-chain wrappers. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** Like `unwrap`, and also looks through `await x`: what is awaited says where the value comes from. */
export function unwrapAwaited(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
  return current;
}

/** The static name of a member: `a.b` → "b", `a["b"]` → "b", `this.#b` → "b"; undefined for `a[b]`. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && (node.property.type === AST_NODE_TYPES.Identifier || node.property.type === AST_NODE_TYPES.PrivateIdentifier)) {
    return node.property.name;
  }
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === "string") return node.property.value;
  return undefined;
}

/**
 * Visits `root` and its descendants depth-first, in source order; `visit` returning false skips the
 * node's children. The child keys are typescript-eslint's, which cover ESTree, TypeScript and JSX
 * nodes, so espree and typescript-eslint trees walk alike. Meant for subtrees a rule asks about
 * (a function body, a catch block), not for whole files: ESLint's own traversal is for those.
 */
export function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index--) if (isNode(child[index])) stack.push(child[index] as TSESTree.Node);
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }
}

/** True when `visit` returns true for some node under `root` (not looking inside nested functions). */
export function someNodeInSameFunction(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean): boolean {
  let found = false;
  walk(root, (node) => {
    if (found || (node !== root && isFunction(node))) return false;
    found = visit(node);
    return !found;
  });
  return found;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
