import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isWithin, memberName, someNodeInSameFunction, unwrap } from "../../util/ast.js";
import { enclosingFunction } from "./ast.js";
import { describeDefaultValue } from "./values.js";

/** Rough kinds of values, enough to tell whether a default could also be a real result. */
type ValueKind = "nullish" | "boolean" | "string" | "number" | "object";

const DEFAULT_VALUE_KIND: Record<string, ValueKind> = {
  null: "nullish",
  undefined: "nullish",
  false: "boolean",
  '""': "string",
  "0": "number",
  "[]": "object",
  "{}": "object",
};

/** Methods and functions whose result kind is fixed: `s.trim()`, `list.join(",")`, `String(x)`, `a.includes(b)`. */
const STRING_METHODS = new Set([
  "trim", "trimStart", "trimEnd", "toUpperCase", "toLowerCase", "replace", "replaceAll", "padStart", "padEnd",
  "toString", "toFixed", "toISOString", "join", "repeat", "normalize", "substring", "charAt",
]);
const BOOLEAN_METHODS = new Set(["includes", "startsWith", "endsWith", "test", "has", "some", "every", "isArray"]);
const KIND_OF_GLOBAL_CALL: Record<string, ValueKind> = { String: "string", Number: "number", Boolean: "boolean", parseInt: "number", parseFloat: "number" };

const COMPARISONS = new Set(["==", "!=", "===", "!==", "<", "<=", ">", ">=", "in", "instanceof"]);
const ARITHMETIC = new Set(["-", "*", "/", "%", "**", "|", "&", "^", "<<", ">>", ">>>"]);

/** The kind of value an expression always produces, or undefined when it cannot be told without types. */
function kindOf(expression: TSESTree.Node): ValueKind | undefined {
  const node = unwrap(expression);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (node.value === null) return "regex" in node ? "object" : "nullish";
      if (typeof node.value === "boolean") return "boolean";
      if (typeof node.value === "string") return "string";
      return typeof node.value === "number" || typeof node.value === "bigint" ? "number" : "object";
    case AST_NODE_TYPES.Identifier:
      return node.name === "undefined" ? "nullish" : undefined;
    case AST_NODE_TYPES.UnaryExpression:
      if (node.operator === "!") return "boolean";
      if (node.operator === "typeof") return "string";
      if (node.operator === "void") return "nullish";
      return node.operator === "delete" ? "boolean" : "number";
    case AST_NODE_TYPES.BinaryExpression:
      if (COMPARISONS.has(node.operator)) return "boolean";
      if (ARITHMETIC.has(node.operator)) return "number";
      // `"prefix" + x` and `x + \`...\`` are strings.
      return kindOf(node.left) === "string" || kindOf(node.right) === "string" ? "string" : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return "string";
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.JSXElement:
    case AST_NODE_TYPES.JSXFragment:
      return "object";
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return KIND_OF_GLOBAL_CALL[callee.name];
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (method !== undefined && STRING_METHODS.has(method)) return "string";
      return method !== undefined && BOOLEAN_METHODS.has(method) ? "boolean" : undefined;
    }
    case AST_NODE_TYPES.LogicalExpression: {
      const left = kindOf(node.left);
      return left === kindOf(node.right) ? left : undefined;
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const consequent = kindOf(node.consequent);
      return consequent === kindOf(node.alternate) ? consequent : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * True when the default returned by the catch (`value`) is an answer the function cannot give on
 * success, so the caller can tell the failure apart: `try { return new URL(s) } catch { return null }`,
 * or a yes/no function whose catch says "no": `try { return !!fn() } catch { return false }`,
 * `try { await send(); } catch { return false } return true;`.
 * Looks at the success returns of the enclosing function (those not returning a default, and not
 * `excluded`); one it cannot classify means "can't tell".
 */
export function isDistinctFailureAnswer(clause: TSESTree.CatchClause, value: string, excluded?: TSESTree.Node): boolean {
  const defaultKind = DEFAULT_VALUE_KIND[value];
  if (!defaultKind) return false;
  const fn = enclosingFunction(clause);
  const root = fn?.body ?? clause.parent.block;
  const successKinds: (ValueKind | undefined)[] = [];
  let answersTrue = false;
  someNodeInSameFunction(root, (node) => {
    if (node.type !== AST_NODE_TYPES.ReturnStatement || node === excluded || isWithin(node, clause)) return false;
    if (describeDefaultValue(node.argument) === undefined) successKinds.push(kindOf(node.argument!));
    if (node.argument?.type === AST_NODE_TYPES.Literal && node.argument.value === true) answersTrue = true;
    return false;
  });
  // A function that answers `true` somewhere is a yes/no function: `false` from its catch is the "no".
  if (defaultKind === "boolean" && answersTrue) return true;
  if (successKinds.length === 0 || successKinds.includes(undefined)) return false;
  // `false` never collides with a known success: either the function is a yes/no one and `false` is
  // its "no", or it answers something else entirely on success.
  return defaultKind === "boolean" || !successKinds.includes(defaultKind);
}

