import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { type FunctionNode, isFunction, memberName, someNodeInSameFunction, unwrap } from "../../util/ast.js";
import { enclosingStatement } from "./ast.js";

type SourceCode = Readonly<TSESLint.SourceCode>;

/** How the results of `Promise.allSettled` go unchecked. */
export type AllSettledNeglect = "discarded" | "neverRead" | "readWithoutStatus";

/** Words that show code looking at the outcome of each settled promise. */
const INSPECTS_OUTCOME = /\b(?:status|reason|rejected|fulfilled)\b/;

/** True for `Promise.allSettled(...)`. */
export function isAllSettledCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === "allSettled" &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === "Promise"
  );
}

/**
 * Follows the result of a `Promise.allSettled(...)` call: dropped on the floor, stored and never read,
 * or read only for `.value`. Any use we cannot follow (returned, passed on, stored elsewhere) counts as checked.
 */
export function findAllSettledNeglect(call: TSESTree.CallExpression, sourceCode: SourceCode): AllSettledNeglect | undefined {
  let result: TSESTree.Node = call;
  while (result.parent && isTransparentWrapper(result.parent)) result = result.parent;
  const parent = result.parent;
  if (!parent) return undefined;

  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return "discarded";
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "void") return "discarded";
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === result) {
    return neglectOfVariables(sourceCode.getDeclaredVariables(parent), sourceCode);
  }
  // `Promise.allSettled(tasks).then((results) => ...)`
  if (
    parent.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === result &&
    memberName(parent) === "then" &&
    parent.parent.type === AST_NODE_TYPES.CallExpression &&
    parent.parent.callee === parent
  ) {
    const callback = parent.parent.arguments[0];
    if (!callback || !isFunction(callback)) return undefined;
    const param = callback.params[0];
    if (!param) return "discarded";
    return neglectOfVariables(sourceCode.getDeclaredVariables(callback), sourceCode);
  }
  return undefined;
}

function isTransparentWrapper(node: TSESTree.Node | undefined): boolean {
  return (
    node?.type === AST_NODE_TYPES.AwaitExpression ||
    node?.type === AST_NODE_TYPES.TSAsExpression ||
    node?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node?.type === AST_NODE_TYPES.TSSatisfiesExpression
  );
}

function neglectOfVariables(variables: readonly TSESLint.Scope.Variable[], sourceCode: SourceCode): AllSettledNeglect | undefined {
  const reads = variables.flatMap((variable) => variable.references.filter((reference) => reference.isRead()));
  if (reads.length === 0) return "neverRead";
  return reads.some((reference) => isCheckedOrPassedOn(reference.identifier, sourceCode)) ? undefined : "readWithoutStatus";
}

/** Contexts where the results leave our sight: we assume the receiver checks them. */
const ESCAPING_PARENTS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.SpreadElement,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.JSXExpressionContainer,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ExportSpecifier,
]);

function isCheckedOrPassedOn(identifier: TSESTree.Node, sourceCode: SourceCode): boolean {
  let node: TSESTree.Node = identifier;
  while (node.parent && isTransparentWrapper(node.parent)) node = node.parent;
  if (node.parent && ESCAPING_PARENTS.has(node.parent.type)) return true;
  if (INSPECTS_OUTCOME.test(sourceCode.getText(enclosingStatement(identifier)))) return true;
  return isInspectedThroughFunction(node, sourceCode);
}

/** Array methods whose callback receives each settled result. */
const ITERATING_METHODS = new Set([
  "every",
  "filter",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "flatMap",
  "forEach",
  "map",
  "reduce",
  "reduceRight",
  "some",
]);

/** Names of helpers that sort settled results by outcome: `isRejected`, `onlyFulfilled`, `isFailed`, `toSettledOutcome`. */
const OUTCOME_FUNCTION_NAME = /rejected|fulfilled|failed|settled/i;

/** Properties only a look at the outcome reads (`value` alone is exactly what goes unchecked). */
const OUTCOME_PROPERTIES = new Set(["status", "reason"]);

/** How far `isRejected` → `hasStatus` → ... is followed through local helpers. */
const MAX_HELPER_DEPTH = 2;

/**
 * `results.filter(isRejected)`, `results.some(hasFailed)`, `isRejected(results[0])`: the results go
 * through a function that, by its name or by its body in this file, looks at each result's outcome.
 */
function isInspectedThroughFunction(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    // `isRejected(results[0])`
    if (parent.computed && parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.arguments.includes(parent)) {
      return inspectsOutcome(parent.parent.callee, sourceCode, 0);
    }
    // `results.filter(isRejected)`, `results.filter((r) => isRejected(r))`
    const method = memberName(parent);
    const call = parent.parent;
    if (method === undefined || !ITERATING_METHODS.has(method)) return false;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent || !call.arguments[0]) return false;
    return inspectsOutcome(call.arguments[0], sourceCode, 0);
  }
  return false;
}

/** A function, or a reference to one, that looks at the outcome of the settled result it is given. */
function inspectsOutcome(reference: TSESTree.Node, sourceCode: SourceCode, depth: number): boolean {
  const node = unwrap(reference);
  if (isFunction(node)) return bodyInspectsOutcome(node, sourceCode, depth);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    return name !== undefined && OUTCOME_FUNCTION_NAME.test(name);
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  if (OUTCOME_FUNCTION_NAME.test(node.name)) return true;
  const declared = declaredFunction(node, sourceCode);
  return declared !== undefined && bodyInspectsOutcome(declared, sourceCode, depth);
}

/** `function check(r) {…}` or `const check = (r) => …` in this file. */
function declaredFunction(identifier: TSESTree.Identifier, sourceCode: SourceCode): FunctionNode | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  const declared =
    definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.parent.kind === "const" && definition.node.init
      ? unwrap(definition.node.init)
      : definition.node;
  return isFunction(declared) ? declared : undefined;
}

/**
 * The function reads `status` or `reason` of a parameter (`r.status === "rejected"`, `({ status }) => …`,
 * `"reason" in r`), or hands a parameter to another outcome helper (`(r) => isRejected(r)`).
 */
function bodyInspectsOutcome(fn: FunctionNode, sourceCode: SourceCode, depth: number): boolean {
  const params = new Set<string>();
  for (const param of fn.params) {
    if (param.type === AST_NODE_TYPES.Identifier) params.add(param.name);
    else if (param.type === AST_NODE_TYPES.ObjectPattern && destructuresOutcome(param)) return true;
  }
  if (params.size === 0) return false;
  const isParam = (node: TSESTree.Node) => {
    const inner = unwrap(node);
    return inner.type === AST_NODE_TYPES.Identifier && params.has(inner.name);
  };
  return someNodeInSameFunction(fn, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(node);
        return name !== undefined && OUTCOME_PROPERTIES.has(name) && isParam(node.object);
      }
      case AST_NODE_TYPES.BinaryExpression:
        return (
          node.operator === "in" &&
          node.left.type === AST_NODE_TYPES.Literal &&
          typeof node.left.value === "string" &&
          OUTCOME_PROPERTIES.has(node.left.value) &&
          isParam(node.right)
        );
      case AST_NODE_TYPES.VariableDeclarator:
        // `const { status } = r;`
        return node.id.type === AST_NODE_TYPES.ObjectPattern && node.init !== null && isParam(node.init) && destructuresOutcome(node.id);
      case AST_NODE_TYPES.CallExpression:
        return depth < MAX_HELPER_DEPTH && node.arguments.some(isParam) && inspectsOutcome(node.callee, sourceCode, depth + 1);
      default:
        return false;
    }
  });
}

function destructuresOutcome(pattern: TSESTree.ObjectPattern): boolean {
  return pattern.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      OUTCOME_PROPERTIES.has(property.key.name),
  );
}
