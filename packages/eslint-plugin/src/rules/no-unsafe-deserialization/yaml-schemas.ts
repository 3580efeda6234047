import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberName, propertyKeyName, unwrap, walk } from "../../util/ast.js";
import { findVariable } from "../../util/value-origin.js";

/** js-yaml's schema that constructs functions and regexps (`!!js/function`, `!!js/regexp`); v3 only. */
const FULL_SCHEMA_NAMES = new Set(["DEFAULT_FULL_SCHEMA"]);
/** The package that brings the `!!js/*` types back to js-yaml 4. */
const JS_TYPES_PACKAGE = "js-yaml-js-types";
const MAX_DEPTH = 3;

export type SchemaVerdict =
  | { verdict: "unsafe"; node: TSESTree.Node; description: string }
  /** A schema is given and is not one of the unsafe ones. */
  | { verdict: "safe" }
  /** No schema: the version's default applies. */
  | { verdict: "default" }
  /** Options the file does not show (an imported object, a spread): nothing is said about them. */
  | { verdict: "unknown" };

/** What the `schema` of a js-yaml `load(text, options)` call is. */
export function unsafeYamlSchema(sourceCode: TSESLint.SourceCode, options: TSESTree.Node | undefined): SchemaVerdict {
  if (!options) return { verdict: "default" };
  const object = resolveConst(sourceCode, unwrap(options), 0);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return { verdict: "unknown" };
  let schema: TSESTree.Node | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) return { verdict: "unknown" };
    if (propertyKeyName(property) === "schema") schema = property.value;
  }
  if (!schema) return { verdict: "default" };
  const value = resolveConst(sourceCode, unwrap(schema), 0);
  const name = value.type === AST_NODE_TYPES.Identifier ? value.name : value.type === AST_NODE_TYPES.MemberExpression ? memberName(value) : undefined;
  if (name !== undefined && FULL_SCHEMA_NAMES.has(name)) return { verdict: "unsafe", node: schema, description: `\`${name}\`` };
  if (extendsWithJsTypes(sourceCode, value)) return { verdict: "unsafe", node: schema, description: `a schema extended with \`${JS_TYPES_PACKAGE}\`` };
  return { verdict: "safe" };
}

/** `DEFAULT_SCHEMA.extend(jsTypes.all)`, `.extend(require("js-yaml-js-types").all)`, `.extend([fn, regexp])` from that package. */
function extendsWithJsTypes(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "extend") return false;
  let found = false;
  for (const argument of node.arguments) {
    walk(argument, (child) => {
      if (found) return false;
      if (child.type === AST_NODE_TYPES.Literal && child.value === JS_TYPES_PACKAGE) found = true;
      if (child.type === AST_NODE_TYPES.Identifier && importedFromJsTypes(sourceCode, child)) found = true;
      return !found;
    });
  }
  return found;
}

function importedFromJsTypes(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): boolean {
  const definition = findVariable(sourceCode, identifier)?.defs[0];
  if (!definition) return false;
  if (definition.type === "ImportBinding") {
    const declaration = definition.parent;
    return declaration?.type === AST_NODE_TYPES.ImportDeclaration && declaration.source.value === JS_TYPES_PACKAGE;
  }
  if (definition.type === "Variable" && definition.node.init) return sourceCode.getText(definition.node.init).includes(JS_TYPES_PACKAGE);
  return false;
}

/** Follows a `const` to its initializer, a few steps at most. */
function resolveConst(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth: number): TSESTree.Node {
  if (node.type !== AST_NODE_TYPES.Identifier || depth >= MAX_DEPTH) return node;
  const variable = findVariable(sourceCode, node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== "Variable" || definition.parent.kind !== "const" || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) {
    return node;
  }
  return resolveConst(sourceCode, unwrap(definition.node.init), depth + 1);
}
