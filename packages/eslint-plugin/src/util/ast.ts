import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { visitorKeys } from "@typescript-eslint/visitor-keys";

/** AST helpers more than one rule needs. Rule-specific ones live in the rule's own folder, src/rules/<id>/. */

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

/** Whether `node` is one of the wrappers `unwrap` strips. */
function isTransparentWrapper(node: TSESTree.Node): boolean {
  return unwrap(node) !== node;
}

/** The outermost wrapper around `node` that `unwrap` would strip (`node` itself when there is none): `(x as T)!` for `x`. */
export function outermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isTransparentWrapper(current.parent)) current = current.parent;
  return current;
}

/** The parent, skipping the wrappers `unwrap` strips, so `(x as T).y` reads like `x.y`. */
export function parentSkippingWrappers(node: TSESTree.Node): TSESTree.Node | undefined {
  return outermostWrapper(node).parent;
}

/**
 * The call or value an expression statement is about: looks through `unwrap`'s wrappers and `await x`,
 * `yield x` and `void x`, which keep the call that matters (`await log.error(...)`, `void save()`).
 */
export function unwrapStatementExpression(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
    else if (current.type === AST_NODE_TYPES.YieldExpression && current.argument) current = unwrap(current.argument);
    else if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === "void") current = unwrap(current.argument);
    else return current;
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

/** The name a value or callee is known by: `x` → "x", `a.b.x()` → "x", `this.x` → "x"; undefined for `a[b]` and calls. */
export function lastSegmentName(node: TSESTree.Node): string | undefined {
  // The two shapes nearly every callee has are read before `unwrap`: rules ask this on every call of every file.
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberName(node);
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return memberName(inner);
  return undefined;
}

/**
 * The name a callee is called by, like `lastSegmentName`, and also through the `(0, fn)(…)` indirection that
 * bundlers and transpilers write: `(0, vm.runInNewContext)(code)` → "runInNewContext".
 */
export function calleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression) return lastSegmentName(callee);
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.SequenceExpression) {
    const last = target.expressions.at(-1);
    return last ? calleeName(last) : undefined;
  }
  return lastSegmentName(target);
}

/** The static key of a property, method or field: `a`, `"a"`, `1` → "1", `#a` → "a"; undefined for computed `[k]`. */
export function propertyKeyName(
  property: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition | TSESTree.TSPropertySignature,
): string | undefined {
  const key = property.key;
  if (!property.computed && (key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier)) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === "string" || typeof key.value === "number")) return String(key.value);
  return undefined;
}

/**
 * The name a function is called by: its own id, the variable or property it is assigned to, or its
 * method key (`exports.tryLoad = function () {}` → "tryLoad", `const f = (() => {}) as T` → "f").
 */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = parentSkippingWrappers(fn);
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return propertyKeyName(parent);
    case AST_NODE_TYPES.AssignmentExpression:
      return lastSegmentName(parent.left);
    default:
      return undefined;
  }
}

/** A node whose body is a list of statements: a block, the program, a static block or a `case`. */
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

/** Whether `node` is `ancestor` or lies inside it. */
export function isWithin(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

/**
 * Visits `root` and its descendants depth-first, in source order; `visit` returning false skips the
 * node's children. The child keys are typescript-eslint's, which cover ESTree, TypeScript and JSX
 * nodes, so espree and typescript-eslint trees walk alike; pass `sourceCode.visitorKeys` to follow the
 * parser's own keys (ESLint's walk order). Meant for subtrees a rule asks about (a function body, a catch
 * block), not for whole files: ESLint's own traversal is for those.
 */
export function walk(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node) => boolean | void,
  keysByType: Readonly<Record<string, readonly string[] | undefined>> = visitorKeys,
): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const keys = keysByType[node.type] ?? [];
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
