import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName } from "../../util/ast.js";
import { unwrapNegation } from "./error-references.js";

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export type HandlerKind =
  | "catch"
  | "promiseCatch"
  | "rejection"
  | "errorCallback"
  | "errorEvent"
  | "processEvent"
  | "errorMiddleware"
  | "errorHook"
  | "exceptionFilter"
  | "catchError";

/** Words used in messages: "in this {{handler}}". */
export const HANDLER_DESCRIPTIONS: Record<HandlerKind, string> = {
  catch: "catch block",
  promiseCatch: "`.catch()` handler",
  rejection: "rejection handler",
  errorCallback: "error-first callback",
  errorEvent: "'error' event listener",
  processEvent: "process-level error handler",
  errorMiddleware: "error middleware",
  errorHook: "error handler",
  exceptionFilter: "exception filter",
  catchError: "`catchError` operator",
};

/** A piece of code that runs because something failed, and the name it gives the error. */
export interface ErrorHandler {
  kind: HandlerKind;
  /** The node whose declared variables include the binding: the CatchClause or the function. */
  owner: TSESTree.CatchClause | FunctionNode;
  /** The error's binding; undefined when the handler does not bind it (`catch {}`, `.catch(() => ...)`). */
  binding: TSESTree.Identifier | undefined;
  /** The code that reacts to the failure: the catch body, the handler's body, or the `if (err)` branch. */
  root: TSESTree.Node;
  /** Where a rethrow or `callback(err)` counts: the root, or the whole callback for `if (err)` branches. */
  handoffScope: TSESTree.Node;
  /** Process- or app-wide handlers, where the failed operation is unknown by nature. */
  global: boolean;
}

/** A branch the log call sits in, between it and the handler's root. */
export interface Branch {
  test: TSESTree.Expression;
  /** Whether the log runs when `test` is truthy ("consequent") or falsy ("alternate"). */
  side: "consequent" | "alternate";
  /** The node that holds the log call on that side (used as the root of `if (err) {...}` callbacks). */
  body: TSESTree.Node;
  /** True for a `switch` case: `test` is the discriminant. */
  isSwitch: boolean;
}

export interface HandlerMatch {
  handler: ErrorHandler;
  /** Branches between the log call and the handler root, innermost first. */
  branches: Branch[];
}

const LISTENER_METHODS = new Set(["on", "once", "addListener", "prependListener", "prependOnceListener"]);
const PROCESS_ERROR_EVENTS = new Set(["uncaughtException", "unhandledRejection", "uncaughtExceptionMonitor"]);
const ERROR_HOOK_METHODS = new Set(["onError", "setErrorHandler"]);
const CHAIN_METHODS = new Set(["then", "catch", "finally"]);
/** First parameters of error-first callbacks: `err`, `error`, `e`, `ex`, `readErr`, `writeError`... */
const ERROR_PARAMETER = /^(?:e|er|err|error|ex|exc|exception)$|[a-z](?:Err|Error|Exception)$/;
const NEXT_PARAMETER = /^_?next$/;

/**
 * Finds the error handler whose reaction `node` belongs to. Walks up to the nearest catch clause or
 * function; a function that is not itself a handler (a callback run later) ends the search.
 */
export function findEnclosingHandler(node: TSESTree.Node): HandlerMatch | undefined {
  // Made on the first branch: most log calls are in no handler, and most that are sit in no branch.
  let branches: Branch[] | undefined;
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.CatchClause:
        if (child !== parent.body) return undefined;
        return catchHandler(parent, branches ?? []);
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        return functionHandler(parent, branches);
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== parent.test) {
          (branches ??= []).push({ test: parent.test, side: child === parent.consequent ? "consequent" : "alternate", body: child, isSwitch: false });
        }
        break;
      case AST_NODE_TYPES.LogicalExpression:
        // `err.code === "X" && log(...)`
        if (child === parent.right && parent.operator !== "??") {
          (branches ??= []).push({ test: parent.left, side: parent.operator === "&&" ? "consequent" : "alternate", body: child, isSwitch: false });
        }
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (parent.parent.type === AST_NODE_TYPES.SwitchStatement) {
          const side = parent.test ? "consequent" : "alternate";
          (branches ??= []).push({ test: parent.parent.discriminant, side, body: parent, isSwitch: true });
        }
        break;
      case AST_NODE_TYPES.ClassBody:
      case AST_NODE_TYPES.Program:
        return undefined;
      default:
        break;
    }
    child = parent;
    parent = parent.parent;
  }
  return undefined;
}

function catchHandler(clause: TSESTree.CatchClause, branches: Branch[]): HandlerMatch | undefined {
  // `catch ({ message })` destructures the error away; too rare to reason about.
  if (clause.param && clause.param.type !== AST_NODE_TYPES.Identifier) return undefined;
  return {
    handler: { kind: "catch", owner: clause, binding: clause.param ?? undefined, root: clause.body, handoffScope: clause.body, global: false },
    branches,
  };
}

type FirstParameter = TSESTree.Identifier | undefined | "unsupported";

function firstParameter(fn: FunctionNode): FirstParameter {
  // A TypeScript `this: Foo` parameter is not a real parameter.
  const leading = fn.params[0];
  const first = leading?.type === AST_NODE_TYPES.Identifier && leading.name === "this" ? fn.params[1] : leading;
  if (!first) return undefined;
  if (first.type === AST_NODE_TYPES.Identifier) return first;
  if (first.type === AST_NODE_TYPES.AssignmentPattern && first.left.type === AST_NODE_TYPES.Identifier) return first.left;
  return "unsupported";
}

/** What a function is as a handler, whatever the log call inside it: the same for every log of the function. */
type FunctionRole =
  | { kind: HandlerKind; binding: TSESTree.Identifier | undefined; global: boolean }
  | { kind: "errorFirst"; binding: TSESTree.Identifier }
  | undefined;

// The last function classified: the log calls of a function come one after another, so a function with several
// is classified once. (A one-slot cache rather than a WeakMap of every function: the role depends on the
// function's own syntax only, and the WeakMap's hashing and growth cost more than classifying again.)
let lastFunction: FunctionNode | undefined;
let lastRole: FunctionRole;

function roleOfFunction(fn: FunctionNode): FunctionRole {
  if (fn !== lastFunction) {
    lastRole = classifyFunction(fn);
    lastFunction = fn;
  }
  return lastRole;
}

function classifyFunction(fn: FunctionNode): FunctionRole {
  const binding = firstParameter(fn);
  if (binding === "unsupported") return undefined;
  const kind = handlerKindOfCallback(fn);
  if (kind) {
    const global = kind === "processEvent" || kind === "errorHook" || (kind === "promiseCatch" && isEntryPointCatch(fn.parent as TSESTree.CallExpression));
    return { kind, binding, global };
  }
  if (!binding || !ERROR_PARAMETER.test(binding.name)) return undefined;
  const lastResort = isErrorMiddleware(fn) ? "errorMiddleware" : isExceptionFilterMethod(fn) ? "exceptionFilter" : undefined;
  if (lastResort) return { kind: lastResort, binding, global: true };
  return { kind: "errorFirst", binding };
}

function functionHandler(fn: FunctionNode, branches: Branch[] | undefined): HandlerMatch | undefined {
  const role = roleOfFunction(fn);
  if (!role) return undefined;
  if (role.kind !== "errorFirst") {
    return { handler: { kind: role.kind, owner: fn, binding: role.binding, root: fn.body, handoffScope: fn.body, global: role.global }, branches: branches ?? [] };
  }
  // Error-first callbacks react only in a branch that tests the error.
  if (!branches) return undefined;
  const { binding } = role;
  // Error-first callback: the reaction is the branch taken when the error is present, `if (err) { ... }`.
  for (let index = branches.length - 1; index >= 0; index--) {
    const branch = branches[index]!;
    if (!branch.isSwitch && errorSideOfPresenceTest(branch.test, binding.name) === branch.side) {
      return {
        handler: { kind: "errorCallback", owner: fn, binding, root: branch.body, handoffScope: fn.body, global: false },
        // The presence test itself may also narrow the error (`if (err && err.code === "ENOENT")`).
        branches: branches.slice(0, index + 1),
      };
    }
  }
  return undefined;
}

/** The handler kind a function gets from the call it is passed to: `.catch(fn)`, `.on("error", fn)`... */
function handlerKindOfCallback(fn: FunctionNode): HandlerKind | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  if (index < 0) return undefined;
  // Compiled CommonJS calls imports as `(0, rxjs_1.catchError)(...)`.
  const callee = call.callee.type === AST_NODE_TYPES.SequenceExpression ? call.callee.expressions[call.callee.expressions.length - 1]! : call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === "catchError" && index === 0 ? "catchError" : undefined;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method === "catchError" && index === 0) return "catchError";
  if (method === "catch" && index === 0) return "promiseCatch";
  if (method === "then" && index === 1) return "rejection";
  if (method !== undefined && ERROR_HOOK_METHODS.has(method) && index === 0) return "errorHook";
  const event = call.arguments[0];
  if (method !== undefined && LISTENER_METHODS.has(method) && index === 1 && event?.type === AST_NODE_TYPES.Literal && typeof event.value === "string") {
    if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "process" && PROCESS_ERROR_EVENTS.has(event.value)) {
      return "processEvent";
    }
    if (event.value === "error") return "errorEvent";
  }
  return undefined;
}

/** Express-style error middleware: `(err, req, res, next) => { ... }`. */
function isErrorMiddleware(fn: FunctionNode): boolean {
  const last = fn.params[3];
  return fn.params.length === 4 && last?.type === AST_NODE_TYPES.Identifier && NEXT_PARAMETER.test(last.name);
}

/** NestJS exception filter: `catch(exception, host)` in a class decorated with `@Catch(...)` or named `...Filter`. */
function isExceptionFilterMethod(fn: FunctionNode): boolean {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.computed || method.key.type !== AST_NODE_TYPES.Identifier) return false;
  if (method.key.name !== "catch") return false;
  const classNode = method.parent.parent;
  if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return false;
  if (classNode.id && /Filter$/.test(classNode.id.name)) return true;
  return (classNode.decorators ?? []).some(
    (decorator) =>
      decorator.expression.type === AST_NODE_TYPES.CallExpression &&
      decorator.expression.callee.type === AST_NODE_TYPES.Identifier &&
      decorator.expression.callee.name === "Catch",
  );
}

/**
 * Which side of `test` runs when the error `name` is present: `if (err)`, `if (err != null)`,
 * `if (!err) {} else {...}`, `if (err || !data)`, `if (err && err.code === "X")`.
 */
function errorSideOfPresenceTest(test: TSESTree.Expression, name: string): Branch["side"] | undefined {
  const { node, negated } = unwrapNegation(test);
  const flip = (side: Branch["side"] | undefined) => (side && negated ? (side === "consequent" ? "alternate" : "consequent") : side);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === name ? flip("consequent") : undefined;
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    const [subject, other] = isNamed(node.left, name) ? [node.left, node.right] : [node.right, node.left];
    if (!isNamed(subject, name)) return undefined;
    if (node.operator === "instanceof") return flip("consequent");
    if (!isNullish(other)) return undefined;
    if (node.operator === "!=" || node.operator === "!==") return flip("consequent");
    if (node.operator === "==" || node.operator === "===") return flip("alternate");
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression && !negated) {
    const left = errorSideOfPresenceTest(node.left, name);
    if (node.operator === "||" && (left === "consequent" || errorSideOfPresenceTest(node.right, name) === "consequent")) return "consequent";
    if (node.operator === "&&" && left === "consequent") return "consequent";
  }
  return undefined;
}

function isNamed(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

function isNullish(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === "undefined");
}

/**
 * `main().catch(...)` / `(async () => {...})().catch(...)` at the top level of a script: the
 * process-wide last resort, where the stack trace is all the context there is.
 */
function isEntryPointCatch(catchCall: TSESTree.CallExpression): boolean {
  let base: TSESTree.Node = catchCall;
  while (
    base.type === AST_NODE_TYPES.CallExpression &&
    base.callee.type === AST_NODE_TYPES.MemberExpression &&
    CHAIN_METHODS.has(memberName(base.callee) ?? "")
  ) {
    base = base.callee.object;
  }
  if (base.type !== AST_NODE_TYPES.CallExpression || base.arguments.length > 0) return false;
  const calleeType = base.callee.type;
  if (
    calleeType !== AST_NODE_TYPES.Identifier &&
    calleeType !== AST_NODE_TYPES.ArrowFunctionExpression &&
    calleeType !== AST_NODE_TYPES.FunctionExpression
  ) {
    return false;
  }
  for (let ancestor: TSESTree.Node | undefined = catchCall.parent; ancestor; ancestor = ancestor.parent) {
    if (
      ancestor.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      ancestor.type === AST_NODE_TYPES.FunctionExpression ||
      ancestor.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      return false;
    }
  }
  return true;
}
