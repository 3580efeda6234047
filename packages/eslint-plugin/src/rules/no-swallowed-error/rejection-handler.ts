import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, unwrap } from "../../util/ast.js";
import { snippet, startsFromCall } from "./ast.js";
import { classifyHandlerBody } from "./handler-body.js";
import { isLogCall, isLogFunctionReference } from "./log-calls.js";
import { describeSuccessExpression } from "./success-continuation.js";
import { describeDefaultValue, ERROR_LIKE_NAME, isFailureShapedObject } from "./values.js";

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * What a rejection handler (`.catch(h)`, the second argument of `.then(ok, h)`) does:
 * - `empty`: nothing (`() => {}`, `noop`, `_.noop`);
 * - `value`: ignores the error and resolves to a value (`() => null`, `() => ({ ok: true })`, `() => fallback`);
 * - `logsOnly`: only logs (`console.error`, `e => logger.warn(e)`);
 * - `answersSuccess`: answers as if all went well (`() => res.json({ ok: true })`);
 * - `handled`: anything else.
 */
export type HandlerVerdict =
  | { kind: "empty"; label: string }
  | { kind: "value"; value: string; node: TSESTree.Node; isDefault: boolean }
  | { kind: "logsOnly" }
  | { kind: "answersSuccess"; success: string }
  | { kind: "handled" };

/** Names of do-nothing helpers (`noop` from lodash, jQuery, Angular, local utils). */
const NOOP_NAMES = new Set(["noop", "nop", "noOp", "NOOP", "NOP", "_noop", "emptyFunction", "doNothing"]);

export function analyzeRejectionHandler(handler: TSESTree.Node, sourceCode: SourceCode): HandlerVerdict {
  const node = unwrap(handler);
  if (isFunction(node)) return analyzeFunctionHandler(node, sourceCode);
  if (isNoopReference(node, sourceCode)) return { kind: "empty", label: snippet(sourceCode, node) };
  if (isLogFunctionReference(node)) return { kind: "logsOnly" };
  return { kind: "handled" };
}

function analyzeFunctionHandler(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration, sourceCode: SourceCode): HandlerVerdict {
  const param = fn.params[0];
  // `({ message }) => ...` or `(...args) => ...` read the error in ways we do not follow.
  if (param && param.type !== AST_NODE_TYPES.Identifier) return { kind: "handled" };
  const readsError = param !== undefined && isParameterRead(fn, param.name, sourceCode);

  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    const verdict = classifyHandlerBody(fn.body.body);
    switch (verdict.kind) {
      case "empty":
        return { kind: "empty", label: snippet(sourceCode, fn) };
      case "defaultReturn":
        return { kind: "value", value: verdict.value, node: verdict.statement, isDefault: true };
      case "logsOnly":
        return verdict;
      case "answersSuccess":
        return { kind: "answersSuccess", success: verdict.success };
      default: {
        const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
        if (only?.type === AST_NODE_TYPES.ReturnStatement && only.argument && !readsError && isPlainValue(only.argument)) {
          return { kind: "value", value: snippet(sourceCode, only.argument), node: only, isDefault: false };
        }
        return { kind: "handled" };
      }
    }
  }

  if (isLogCall(fn.body)) return { kind: "logsOnly" };
  const success = describeSuccessExpression(fn.body);
  if (success) return { kind: "answersSuccess", success };
  const defaultValue = describeDefaultValue(fn.body);
  if (defaultValue !== undefined) return { kind: "value", value: defaultValue, node: fn.body, isDefault: true };
  if (!readsError && isPlainValue(fn.body)) {
    return { kind: "value", value: snippet(sourceCode, fn.body), node: fn.body, isDefault: false };
  }
  return { kind: "handled" };
}

function isParameterRead(fn: TSESTree.Node, name: string, sourceCode: SourceCode): boolean {
  const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === name);
  return variable === undefined || variable.references.length > 0;
}

/**
 * A value chosen without looking at the error: a literal, a name, a property read, an object or array
 * literal. Calls are not plain values (they may report the error), nor are names or objects that read
 * as failures (`() => ERROR_RESULT`, `() => ({ ok: false })`).
 */
function isPlainValue(expression: TSESTree.Node): boolean {
  const node = unwrap(expression);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value !== "string" || !ERROR_LIKE_NAME.test(node.value);
    case AST_NODE_TYPES.Identifier:
      return !ERROR_LIKE_NAME.test(node.name);
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(node);
      return name !== undefined && !ERROR_LIKE_NAME.test(name) && !startsFromCall(node);
    }
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.ObjectExpression:
      return !isFailureShapedObject(node);
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0;
    default:
      return false;
  }
}

/** `noop`, `_.noop`, `Function.prototype`, or a local `const ignore = () => {}` / `function ignore() {}`. */
function isNoopReference(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    if (name !== undefined && NOOP_NAMES.has(name)) return true;
    const object = unwrap(node.object);
    return name === "prototype" && object.type === AST_NODE_TYPES.Identifier && object.name === "Function";
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  if (NOOP_NAMES.has(node.name)) return true;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return false;
  const declared =
    definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.parent.kind === "const"
      ? definition.node.init
      : definition.node;
  return isFunction(declared) && declared.body.type === AST_NODE_TYPES.BlockStatement && declared.body.body.length === 0;
}
