import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { propertyKeyName, unwrap } from "../../util/ast.js";

/**
 * The "nothing happened" values a failing call is often turned into. Returns how to show the value
 * in a message (`null`, `[]`, `""` ...), or undefined when `expression` is something else.
 * A bare `return;` (no expression) counts as `undefined`.
 */
export function describeDefaultValue(expression: TSESTree.Node | null | undefined): string | undefined {
  if (!expression) return "undefined";
  const node = unwrap(expression);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (node.raw === "null") return "null";
      if (node.value === false) return "false";
      if (node.value === 0) return "0";
      if (node.value === "") return '""';
      return undefined;
    case AST_NODE_TYPES.Identifier:
      return node.name === "undefined" ? "undefined" : undefined;
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === "void" && node.argument.type === AST_NODE_TYPES.Literal ? "undefined" : undefined;
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.length === 0 ? "[]" : undefined;
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.length === 0 ? "{}" : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0 && node.quasis[0]?.value.cooked === "" ? '""' : undefined;
    default:
      return undefined;
  }
}

const SUCCESS_WORD = /^(?:ok|okay|success|successful|succeeded|done|completed?)$/i;
const SUCCESS_KEYS = new Set(["ok", "success", "succeeded", "successful"]);
/** Keys that make an object literal read as a failure report rather than a success. */
const FAILURE_KEY = /err|fail|reason|problem|invalid/i;

/** True for values that announce success: `true`, `"ok"`, `{ ok: true }`, `{ success: true, ... }`, `{ status: "ok" }`. */
export function isSuccessValue(expression: TSESTree.Node): boolean {
  const node = unwrap(expression);
  if (node.type === AST_NODE_TYPES.Literal) {
    return node.value === true || (typeof node.value === "string" && SUCCESS_WORD.test(node.value));
  }
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return false;
  let announcesSuccess = false;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    if (key === undefined) continue;
    if (FAILURE_KEY.test(key)) return false;
    const value = unwrap(property.value);
    if (value.type !== AST_NODE_TYPES.Literal) continue;
    if (SUCCESS_KEYS.has(key) && value.value === true) announcesSuccess = true;
    if (key === "status" && typeof value.value === "string" && SUCCESS_WORD.test(value.value)) announcesSuccess = true;
  }
  return announcesSuccess;
}

/**
 * True when an object literal describes a failure (`{ ok: false }`, `{ error: e }`, `{ success: false }`):
 * a handler resolving to it reports the failure instead of hiding it.
 */
export function isFailureShapedObject(node: TSESTree.ObjectExpression): boolean {
  return node.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = propertyKeyName(property);
    if (key === undefined) return false;
    if (FAILURE_KEY.test(key)) return true;
    const value = unwrap(property.value);
    return SUCCESS_KEYS.has(key) && value.type === AST_NODE_TYPES.Literal && value.value === false;
  });
}

/** Names that say "this is an error value": returning them is reporting, not hiding. */
export const ERROR_LIKE_NAME = /err|fail|reject|exception|problem/i;

/** Numeric value of a literal, or undefined for anything computed at run time. */
export function numericLiteral(node: TSESTree.Node | undefined): number | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.Literal && typeof inner.value === "number" ? inner.value : undefined;
}
