/**
 * Basic auth credentials written into the code: `"Basic " + Buffer.from("user:pass").toString("base64")`,
 * `` `Basic ${btoa("user:pass")}` ``, axios's `auth: { username, password }` and got's `{ username, password }`
 * options. Each is a position that only ever holds a credential, so a literal password there is a
 * hardcoded secret whatever its strength.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName, propertyKeyName } from "../../util/ast.js";
import { packageName, type ModuleBinding } from "../../util/module-bindings.js";
import type { StringNode } from "./string-positions.js";

/** Where a Basic auth password was written. */
export type BasicAuthForm = "header" | "auth option" | "got option";

// Text that ends with the Basic scheme, before the encoded credentials: "Basic ", "Authorization: Basic ".
const BASIC_SCHEME_BEFORE = /(?:^|[\s:])basic\s+$/i;

/**
 * The password of a `user:password` string that is base64-encoded (`Buffer.from(…).toString("base64")`,
 * `btoa(…)`) right after a `Basic` scheme; undefined anywhere else.
 */
export function encodedBasicPassword(node: StringNode, value: string): string | undefined {
  const separator = value.indexOf(":");
  if (separator < 0) return undefined;
  const encoded = encodingOf(node);
  return encoded && followsBasicScheme(encoded) ? value.slice(separator + 1) : undefined;
}

/** The expression that base64-encodes `node`: `btoa(node)` or `Buffer.from(node).toString("base64")`. */
function encodingOf(node: StringNode): TSESTree.Node | undefined {
  const call = node.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== node) return undefined;
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === "btoa" ? call : undefined;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "from") return undefined;
  if (callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== "Buffer") return undefined;
  const toString = call.parent;
  if (toString.type !== AST_NODE_TYPES.MemberExpression || toString.object !== call || memberName(toString) !== "toString") return undefined;
  const encoding = toString.parent;
  if (encoding.type !== AST_NODE_TYPES.CallExpression || encoding.callee !== toString) return undefined;
  const [format] = encoding.arguments;
  return format?.type === AST_NODE_TYPES.Literal && format.value === "base64" ? encoding : undefined;
}

/** `"Basic " + encoded` or `` `Basic ${encoded}` ``. */
function followsBasicScheme(encoded: TSESTree.Node): boolean {
  const parent = encoded.parent;
  if (parent?.type === AST_NODE_TYPES.BinaryExpression) {
    const left = parent.left;
    return parent.operator === "+" && parent.right === encoded && left.type === AST_NODE_TYPES.Literal && typeof left.value === "string" && BASIC_SCHEME_BEFORE.test(left.value);
  }
  if (parent?.type === AST_NODE_TYPES.TemplateLiteral) {
    const quasi = parent.quasis[parent.expressions.indexOf(encoded as TSESTree.Expression)];
    return quasi !== undefined && BASIC_SCHEME_BEFORE.test(quasi.value.cooked ?? quasi.value.raw);
  }
  return false;
}

/**
 * The form of a `password` property that is a Basic auth option: `auth: { username, password }` (axios,
 * request), or `{ username, password }` passed to got (`got(url, {…})`, `got.get`, `got.extend`).
 */
export function basicAuthOption(node: StringNode, bindings: () => ReadonlyMap<string, ModuleBinding>): BasicAuthForm | undefined {
  const property = node.parent;
  if (property.type !== AST_NODE_TYPES.Property || property.value !== node || propertyKeyName(property) !== "password") return undefined;
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression || !hasKey(object, "username")) return undefined;
  const holder = object.parent;
  if (holder.type === AST_NODE_TYPES.Property && holder.value === object && propertyKeyName(holder) === "auth") return "auth option";
  if ((holder.type === AST_NODE_TYPES.CallExpression || holder.type === AST_NODE_TYPES.NewExpression) && holder.arguments.includes(object)) {
    return isGotCallee(holder.callee, bindings) ? "got option" : undefined;
  }
  return undefined;
}

function hasKey(object: TSESTree.ObjectExpression, key: string): boolean {
  return object.properties.some((other) => other.type === AST_NODE_TYPES.Property && propertyKeyName(other) === key);
}

/** `got(…)`, `got.get(…)`, `got.extend(…)` where `got` is imported from the got package. */
function isGotCallee(callee: TSESTree.Node, bindings: () => ReadonlyMap<string, ModuleBinding>): boolean {
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const source = bindings().get(root.name)?.source;
  return source !== undefined && packageName(source) === "got";
}
