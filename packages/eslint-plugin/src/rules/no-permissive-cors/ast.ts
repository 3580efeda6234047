import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { type FunctionNode, isFunction, memberName, propertyKeyName, unwrap } from "../../util/ast.js";
import type { CorsTypeFacts } from "./type-facts.js";


/** What the analysis helpers need from the rule context. */
export interface AnalysisContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  /** Present only when the file is linted with a TypeScript program. */
  types?: CorsTypeFacts;
}

/** The method name of `obj.method(...)`, or undefined when the callee is not a member access. */
export function calleeMethodName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
}

export function isStringLiteral(node: TSESTree.Node | undefined): node is TSESTree.StringLiteral {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === "string";
}

/** `undefined`, `null` or `""`: the values that mean "nothing" to a presence check or a callback. */
export function isNullishOrEmpty(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name === "undefined";
  return current.type === AST_NODE_TYPES.Literal && (current.value === null || current.value === "");
}

/** The last property named `name` of an object literal, as JavaScript resolves duplicates. */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index];
    if (property?.type === AST_NODE_TYPES.Property && propertyKeyName(property) === name) return property;
  }
  return undefined;
}

/** The statically known value of an expression (literals, constants, simple expressions), or undefined. */
export function staticValue(context: AnalysisContext, node: TSESTree.Node): { value: unknown } | undefined {
  try {
    return ASTUtils.getStaticValue(node, context.sourceCode.getScope(node)) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * What an identifier is bound to when that binding is never reassigned: the initializer of its
 * `const`/`let`/`var` declaration or the function it declares. Destructured bindings return the
 * declarator so callers can inspect the pattern.
 */
export function resolveBinding(
  context: AnalysisContext,
  identifier: TSESTree.Identifier,
): { value: TSESTree.Node; declarator?: TSESTree.VariableDeclarator; variable?: TSESLint.Scope.Variable } | undefined {
  let variable: TSESLint.Scope.Variable | null;
  try {
    variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  } catch {
    return undefined;
  }
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0];
  if (!definition) return undefined;
  if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return { value: definition.node };
  if (definition.node.type !== AST_NODE_TYPES.VariableDeclarator || !definition.node.init) return undefined;
  const declarator = definition.node;
  // A destructuring default (`const { origin = "*" } = ...`) is a second write of the same identifier.
  const writers = new Set(variable.references.filter((reference) => reference.isWrite()).map((reference) => reference.identifier));
  if (writers.size > 1) return undefined;
  return { value: unwrap(declarator.init as TSESTree.Expression), declarator, variable };
}

/** `options.origin = ...`, `options["origin"] = ...`, `Object.assign(options, ...)`: the object is filled in later. */
function isMutatedLater(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
      const assignment = parent.parent;
      return assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === parent;
    }
    return (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === reference.identifier &&
      parent.callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(parent.callee) === "assign"
    );
  });
}

/** Follows identifiers to the object literal they are bound to (`const corsOptions = {...}`). */
export function resolveObjectLiteral(context: AnalysisContext, node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  let current = unwrap(node);
  for (let hops = 0; hops < 3 && current.type === AST_NODE_TYPES.Identifier; hops++) {
    const binding = resolveBinding(context, current);
    if (!binding?.variable || binding.declarator?.id.type !== AST_NODE_TYPES.Identifier || isMutatedLater(binding.variable)) return undefined;
    current = binding.value;
  }
  return current.type === AST_NODE_TYPES.ObjectExpression ? current : undefined;
}

/** Follows an identifier to the function it names (`function checkOrigin() {}`, `const check = () => ...`). */
export function resolveFunction(context: AnalysisContext, node: TSESTree.Node): FunctionNode | undefined {
  let current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) {
    const binding = resolveBinding(context, current);
    if (!binding) return undefined;
    current = binding.value;
  }
  return isFunction(current) ? current : undefined;
}




/** The nearest function around `node`, or the Program for top-level code. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | TSESTree.Program {
  let current: TSESTree.Node = node;
  while (current.parent) {
    current = current.parent;
    if (isFunction(current)) return current;
  }
  return current as TSESTree.Program;
}

const MAX_FOUND_LENGTH = 48;

/** Source text of `node` on one line, shortened for messages. */
export function shortText(context: AnalysisContext, node: TSESTree.Node): string {
  const text = context.sourceCode.getText(node).replace(/\s+/g, " ");
  return text.length > MAX_FOUND_LENGTH ? `${text.slice(0, MAX_FOUND_LENGTH - 1)}…` : text;
}
