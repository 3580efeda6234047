import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { lastSegmentName, memberName, parentSkippingWrappers, unwrap } from "../../util/ast.js";

export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

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

/** A short label for messages: `fetch()`, `axios.get()`, `new Octokit()`. */
export function callLabel(call: CallLike, sourceCode: TSESLint.SourceCode): string {
  const calleeText = sourceCode.getText(call.callee).replace(/\s+/g, "").replace(/\?\./g, ".");
  const short = calleeText.length > 40 ? (lastSegmentName(call.callee) ?? "call") : calleeText;
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${short}()` : `${short}()`;
}
