import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName, someNodeInSameFunction, unwrap, unwrapStatementExpression } from "../../util/ast.js";

/**
 * Try blocks whose failure is an expected answer rather than an error: optional-dependency probes,
 * throwing getters, feature flags, values checked right after. An empty catch there loses nothing.
 */

/** The expressions a simple statement computes, or undefined for anything with control flow. */
function statementValues(statement: TSESTree.Statement): TSESTree.Node[] | undefined {
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement: {
      const expression = unwrap(statement.expression);
      return [expression.type === AST_NODE_TYPES.AssignmentExpression ? expression.right : expression];
    }
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument ? [statement.argument] : [];
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.map((declarator) => declarator.init).filter((init) => init !== null);
    default:
      return undefined;
  }
}

/**
 * Optional-dependency probes: a try block that starts by loading a module (`require("x")`,
 * `require.resolve("x")`, `await import("x")`, `process.getBuiltinModule("x")`,
 * `options.driver || PlatformTools.load("pg-native")`) and then maybe sets it up.
 * An empty catch means "not installed", which is the point of the probe.
 */
export function isModuleProbe(tryBlock: TSESTree.BlockStatement): boolean {
  const first = tryBlock.body[0];
  const values = first && statementValues(first);
  return values !== undefined && values.length > 0 && values.every(loadsModule);
}

/** The value is a module load, or falls back to one: `a || require("x")`, `cond ? require("a") : require("b")`. */
function loadsModule(value: TSESTree.Node): boolean {
  const node = unwrapStatementExpression(value);
  if (node.type === AST_NODE_TYPES.LogicalExpression) return loadsModule(node.left) || loadsModule(node.right);
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return loadsModule(node.consequent) && loadsModule(node.alternate);
  return isModuleLoad(node);
}

/** A package name as passed to a loader: `pg-native`, `@scope/pkg`, `node:async_hooks`, not `config.json` or `./x`. */
const PACKAGE_NAME = /^(?:node:)?(?:@[\w.-]+\/)?[\w-]+(?:\.[a-z]+(?<!\.(?:json|js|cjs|mjs|ts|ya?ml|txt|env)))*$/;

/** Loader helpers libraries wrap `require` in: `PlatformTools.load("pg-native")`, `loadModule("x")`, `optionalRequire("x")`. */
const LOADER_NAMES = new Set(["load", "loadModule", "loadPackage", "optionalRequire", "requireOptional", "tryRequire", "importModule"]);

function isModuleLoad(expression: TSESTree.Node): boolean {
  let node = unwrapStatementExpression(expression);
  // `require("x").default`, `(await import("x")).default`
  while (node.type === AST_NODE_TYPES.MemberExpression) node = unwrapStatementExpression(node.object);
  if (node.type === AST_NODE_TYPES.ImportExpression) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  const firstArgument = node.arguments[0];
  const loadsPackage =
    firstArgument?.type === AST_NODE_TYPES.Literal && typeof firstArgument.value === "string" && PACKAGE_NAME.test(firstArgument.value);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return callee.name === "require" || callee.name === "__non_webpack_require__" || (loadsPackage && LOADER_NAMES.has(callee.name));
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  const object = unwrap(callee.object);
  // `require.resolve("x")`, `module.require("x")`, `import.meta.resolve("x")`, `process.getBuiltinModule("x")`
  if (method === "getBuiltinModule") return true;
  if (method === "resolve" && object.type === AST_NODE_TYPES.Identifier && object.name === "require") return true;
  if (method === "require" && object.type === AST_NODE_TYPES.Identifier && object.name === "module") return true;
  if (method === "resolve" && object.type === AST_NODE_TYPES.MetaProperty) return true;
  return loadsPackage && method !== undefined && LOADER_NAMES.has(method);
}

/**
 * A single property read that may throw (a getter that throws when a feature is missing):
 * `executionCtx = c.executionCtx`, `return process.env.TZ`.
 */
export function isGetterProbe(tryBlock: TSESTree.BlockStatement): boolean {
  if (tryBlock.body.length !== 1) return false;
  const values = statementValues(tryBlock.body[0]!);
  if (values?.length !== 1) return false;
  let node = unwrap(values[0]!);
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  while (node.type === AST_NODE_TYPES.MemberExpression) node = unwrap(node.object);
  return node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression;
}

/**
 * A flag set as the last step of the try block records success, so the catch needs no code:
 * `let supported = false; try { probe(); supported = true } catch {}`.
 */
export function tryBlockSetsFlag(tryBlock: TSESTree.BlockStatement): boolean {
  const last = tryBlock.body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = unwrap(last.expression);
  return (
    expression.type === AST_NODE_TYPES.AssignmentExpression &&
    expression.right.type === AST_NODE_TYPES.Literal &&
    typeof expression.right.value === "boolean"
  );
}

/**
 * The try block assigns a variable and the very next statement tests it, so a failure (the variable left
 * unset) is handled there: `try { mod = compile() } catch {} if (!mod) mod = fallback()`.
 */
export function isCheckedRightAfter(tryBlock: TSESTree.BlockStatement, next: TSESTree.Node | undefined): boolean {
  if (!next) return false;
  const assigned = new Set<string>();
  for (const statement of tryBlock.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      const expression = unwrap(statement.expression);
      if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.left.type === AST_NODE_TYPES.Identifier) {
        assigned.add(expression.left.name);
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.kind === "var") {
      for (const declarator of statement.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier) assigned.add(declarator.id.name);
      }
    }
  }
  if (assigned.size === 0) return false;
  const test = conditionOf(next);
  return test !== undefined && someNodeInSameFunction(test, (node) => node.type === AST_NODE_TYPES.Identifier && assigned.has(node.name));
}

/** The condition a statement starts with: `if (x)`, `return x ? a : b`, `const y = x ?? z`. */
function conditionOf(statement: TSESTree.Node): TSESTree.Node | undefined {
  if (statement.type === AST_NODE_TYPES.IfStatement) return statement.test;
  let expression: TSESTree.Node | null | undefined;
  if (statement.type === AST_NODE_TYPES.ReturnStatement) expression = statement.argument;
  else if (statement.type === AST_NODE_TYPES.ExpressionStatement) expression = statement.expression;
  else if (statement.type === AST_NODE_TYPES.VariableDeclaration) expression = statement.declarations[0]?.init;
  if (!expression) return undefined;
  const inner = unwrap(expression);
  if (inner.type === AST_NODE_TYPES.ConditionalExpression) return inner.test;
  if (inner.type === AST_NODE_TYPES.LogicalExpression) return inner.left;
  return undefined;
}

/** The try block returns its result: when it fails, the code after the `try` is the fallback. */
export function tryBlockReturns(tryBlock: TSESTree.BlockStatement): boolean {
  return someNodeInSameFunction(tryBlock, (node) => node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null);
}
