import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { unwrap } from "../../util/ast.js";
import { findVariable } from "../../util/value-origin.js";

const MAX_DEPTH = 4;

/**
 * Whether `node` is code written into the program: a string literal, a template or concatenation of
 * such, or a `const` bound to one. Code built from anything else may carry data.
 */
export function isConstantCode(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const current = unwrap(node);
  const constant = (child: TSESTree.Node) => isConstantCode(sourceCode, child, depth + 1);
  switch (current.type) {
    case AST_NODE_TYPES.Literal:
      return !("regex" in current && current.regex);
    case AST_NODE_TYPES.TemplateLiteral:
      return current.expressions.every(constant);
    case AST_NODE_TYPES.BinaryExpression:
      return current.left.type !== AST_NODE_TYPES.PrivateIdentifier && constant(current.left) && constant(current.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return constant(current.consequent) && constant(current.alternate);
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(sourceCode, current);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type !== "Variable" || definition.parent.kind !== "const") return false;
      const declarator = definition.node;
      return declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init !== null && constant(declarator.init);
    }
    default:
      return false;
  }
}

/** Whether `node` is visibly a string built at run time: a template with values or a concatenation with a string part. */
export function isBuiltString(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const current = unwrap(node);
  switch (current.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return current.expressions.length > 0;
    case AST_NODE_TYPES.BinaryExpression:
      return current.operator === "+" && (hasStringPart(current.left) || hasStringPart(current.right));
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(sourceCode, current);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type !== "Variable" || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return false;
      return isBuiltString(sourceCode, definition.node.init, depth + 1);
    }
    default:
      return false;
  }
}

function hasStringPart(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Literal) return typeof current.value === "string";
  if (current.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === "+") return hasStringPart(current.left) || hasStringPart(current.right);
  return false;
}
