/** Where a string literal sits in the tree, for the checks that depend on its surroundings. */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from "@typescript-eslint/utils";
import { propertyKeyName } from "../../util/ast.js";

export type StringNode = TSESTree.StringLiteral | TSESTree.TemplateLiteral;

// Keys of a Firebase web config, whose `apiKey` is public by design.
const FIREBASE_CONFIG_KEYS = new Set(["authDomain", "messagingSenderId", "storageBucket", "measurementId"]);

/** Module specifiers, type-only literals, object keys and directives hold no value worth checking. */
export function isOutsideValuePosition(node: StringNode): boolean {
  const parent = node.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.ImportAttribute:
    case AST_NODE_TYPES.TSExternalModuleReference:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSModuleDeclaration:
      return true;
    case AST_NODE_TYPES.ExpressionStatement:
      return parent.directive !== undefined;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.AccessorProperty:
    case AST_NODE_TYPES.TSPropertySignature:
    case AST_NODE_TYPES.TSAbstractPropertyDefinition:
    case AST_NODE_TYPES.TSEnumMember:
      return "key" in parent ? parent.key === node : parent.id === node;
    default:
      return false;
  }
}

/** `jwt.sign`, `new Stripe`: how the message names a library call. */
export function calleeText(call: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const callee = call.callee;
  let name = "";
  if (callee.type === AST_NODE_TYPES.Identifier) name = callee.name;
  else if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
    name = callee.object.type === AST_NODE_TYPES.Identifier ? `${callee.object.name}.${callee.property.name}` : callee.property.name;
  } else if (callee.type === AST_NODE_TYPES.CallExpression) name = "require(...)";
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${name}` : name;
}

/** `x as string`, `x!`, `x satisfies T`, `<T>x` → `x`. */
export function unwrapTypeAssertions(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}

/** `apiKey: "AIza..."` next to `authDomain`/`messagingSenderId`: a Firebase web config, public by design. */
export function isInFirebaseConfig(node: StringNode): boolean {
  const property = node.parent;
  if (property.type !== AST_NODE_TYPES.Property || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return property.parent.properties.some((other) => {
    if (other.type !== AST_NODE_TYPES.Property) return false;
    const key = propertyKeyName(other);
    return key !== undefined && FIREBASE_CONFIG_KEYS.has(key);
  });
}

/**
 * The text a PEM header literal is assembled into: `"-----BEGIN ...-----\n" + "MIIE..." + ...`
 * or `["-----BEGIN ...-----", "MIIE...", ...].join("\n")`.
 */
export function assembledText(node: StringNode): string | undefined {
  let top: TSESTree.Node = node;
  while (top.parent?.type === AST_NODE_TYPES.BinaryExpression && top.parent.operator === "+") top = top.parent;
  if (top !== node) {
    const value = ASTUtils.getStaticValue(top)?.value;
    return typeof value === "string" ? value : undefined;
  }
  if (node.parent.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const lines = node.parent.elements.map((element) =>
    element?.type === AST_NODE_TYPES.Literal && typeof element.value === "string" ? element.value : "",
  );
  return lines.join("\n");
}

/**
 * Places where a literal cannot become `process.env.X`: the template of a tagged template
 * (`tag\`...\`` would turn into `tag process.env.X`), and `"..." as const`, which only literals take.
 */
export function mustStayLiteral(node: StringNode): boolean {
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.TaggedTemplateExpression) return true;
  return (
    parent.type === AST_NODE_TYPES.TSAsExpression &&
    parent.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    parent.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
    parent.typeAnnotation.typeName.name === "const"
  );
}
