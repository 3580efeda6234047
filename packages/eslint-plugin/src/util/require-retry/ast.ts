import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberName, unwrap, type FunctionNode } from "../ast.js";

export { memberName };

export { isFunction, unwrap, walk, type FunctionNode } from "../ast.js";
export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** The parent, skipping the wrappers `unwrap` strips, so `(x as T).y` reads like `x.y`. */
export function parentSkippingWrappers(node: TSESTree.Node): TSESTree.Node | undefined {
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    parent = parent.parent;
  }
  return parent;
}


/**
 * A stable key for the object a client lives in: `client` for a variable, `this.client` for a
 * field. Anything else (`a.b.c`, calls) has no key: the rule cannot follow it reliably.
 */
export function receiverKey(node: TSESTree.Node): string | undefined {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression && unwrap(expression.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = memberName(expression);
    return name === undefined ? undefined : `this.${name}`;
  }
  return undefined;
}

/** The name the callee is known by: `f` for `f()`, `m` for `x.m()`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  const expression = unwrap(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression) return memberName(expression);
  return undefined;
}

/** The innermost object of a member chain: `openai` in `openai.chat.completions.create`. */
export function memberChainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (unwrap(current.object).type === AST_NODE_TYPES.ThisExpression) return current;
      current = unwrap(current.object);
    } else {
      return current;
    }
  }
}

/** Where a created value is stored: `const x = …` → "x", `this.x = …` and `x = …` fields → "this.x". */
export function assignedKey(expression: TSESTree.Node): string | undefined {
  let node: TSESTree.Node = expression;
  let parent = parentSkippingWrappers(node);
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) {
    node = parent;
    parent = parentSkippingWrappers(node);
  }
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) return receiverKey(parent.left);
  if (parent.type === AST_NODE_TYPES.PropertyDefinition && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) {
    return `this.${parent.key.name}`;
  }
  return undefined;
}

/** The name a function goes by in its file: declaration, `const f = () => …`, method or property. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = parentSkippingWrappers(fn);
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left.type === AST_NODE_TYPES.MemberExpression ? memberName(parent.left) : receiverKey(parent.left);
    default:
      return undefined;
  }
}


/** A short label for messages: `fetch()`, `axios.get()`, `new Octokit()`. */
export function callLabel(call: CallLike, sourceCode: TSESLint.SourceCode): string {
  const calleeText = sourceCode.getText(call.callee).replace(/\s+/g, "").replace(/\?\./g, ".");
  const short = calleeText.length > 40 ? (calleeName(call.callee) ?? "call") : calleeText;
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${short}()` : `${short}()`;
}
