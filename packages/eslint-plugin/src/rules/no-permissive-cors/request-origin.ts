import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, parentSkippingWrappers, unwrap, unwrapAwaited, walk } from "../../util/ast.js";
import { type AnalysisContext, isNullishOrEmpty, isStringLiteral, resolveBinding } from "./ast.js";

/** Names that hold an incoming request or a framework context wrapping one (Express, Koa, Fastify, Lambda). */
const REQUEST_NAMES = new Set(["req", "request", "ctx", "context", "event", "httpRequest", "incomingRequest", "incomingMessage"]);
/** Members that hold the request: Hono's `c.req`, Koa's `ctx.request`, `request.raw`. */
const REQUEST_MEMBERS = new Set(["req", "request", "raw"]);
/** Methods that read one request header: `req.get()`, `req.header()`, `ctx.get()`, `headers.get()`, `req.getHeader()`. */
const HEADER_GETTERS = new Set(["get", "header", "getHeader"]);
/** h3 / Nuxt / Nitro: `getHeader(event, "origin")`. */
const FUNCTION_HEADER_GETTERS = new Set(["getHeader", "getRequestHeader"]);
const HEADERS_NAME = /headers$/i;
/** A call that throws unless the origin is allowed: `assertAllowed`, `assertAllowedOrigin`, `verifyOrigin`, `validateOrigin`, `ensureAllowedOrigin`. */
const ASSERTING_NAME = /^(?:assert|verify|check|validate|ensure)(?=.*(?:origin|allow))/i;

function isOriginLiteral(node: TSESTree.Node | undefined): boolean {
  return isStringLiteral(node) && node.value.toLowerCase() === "origin";
}

/** `req.headers`, `ctx.request.header`, a `headers`/`reqHeaders` variable, or Next's `headers()` / `await headers()`. */
export function isHeaderContainer(node: TSESTree.Node): boolean {
  let current = unwrap(node);
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument);
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
      return HEADERS_NAME.test(current.name);
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(current);
      return name === "headers" || name === "header";
    }
    case AST_NODE_TYPES.CallExpression:
      return current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === "headers" && current.arguments.length === 0;
    default:
      return false;
  }
}

function isRequestLike(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) return REQUEST_NAMES.has(current.name);
  if (current.type === AST_NODE_TYPES.MemberExpression) return REQUEST_MEMBERS.has(memberName(current) ?? "");
  return false;
}

/**
 * Whether `node` reads the request's `Origin` header: `req.headers.origin`, `req.get("origin")`,
 * `ctx.get("Origin")`, `ctx.request.header.origin`, `request.headers.get("origin")`,
 * `c.req.header("origin")`, `event.headers.Origin`, `getHeader(event, "origin")`.
 * Koa's `ctx.origin` is the server's own origin, not the header, so it does not count.
 */
export function isRequestOriginRead(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    return memberName(current)?.toLowerCase() === "origin" && isHeaderContainer(current.object);
  }
  if (current.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(current.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return FUNCTION_HEADER_GETTERS.has(callee.name) && isOriginLiteral(current.arguments[1]);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !HEADER_GETTERS.has(memberName(callee) ?? "")) return false;
  return isOriginLiteral(current.arguments[0]) && (isHeaderContainer(callee.object) || isRequestLike(callee.object));
}

/** Recognises the expressions that stand for the request origin in one place of code. */
export type OriginReferenceTest = (node: TSESTree.Node) => boolean;

/** Origin references: reads of the header itself, or the local names it was stored in. */
export function originReferenceTest(localNames: ReadonlySet<string>): OriginReferenceTest {
  return (node) =>
    (node.type === AST_NODE_TYPES.Identifier && localNames.has(node.name) && !isDeclaredName(node)) ||
    ((node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.CallExpression) && isRequestOriginRead(node));
}

const COMPARISONS = new Set(["===", "!==", "==", "!="]);
/** `origin.toLowerCase()` and the like only reshape the origin; they do not judge it. */
const NORMALISING_METHODS = new Set(["toString", "toLowerCase", "toUpperCase", "trim", "valueOf"]);
const LOG_METHODS = new Set(["log", "info", "debug", "warn", "error", "trace", "verbose"]);

/** `console.log(origin)` or `logger.info(origin)` only records the origin; it does not check it. */
function isLoggingCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && LOG_METHODS.has(memberName(callee) ?? "");
}

/** Calls that hand the origin on without judging it: logging, and the answer callback of an `origin` function. */
function passesOriginThrough(call: TSESTree.CallExpression | TSESTree.NewExpression, answerCallback: string | undefined): boolean {
  const callee = unwrap(call.callee);
  return isLoggingCall(call) || (callee.type === AST_NODE_TYPES.Identifier && callee.name === answerCallback);
}

/** Whether this use of the origin compares it with something, rather than only testing that it is present. */
function isComparingUse(reference: TSESTree.Node, answerCallback: string | undefined): boolean {
  const parent = parentSkippingWrappers(reference);
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      // allowed.includes(origin), isAllowed(origin), /re/.test(origin)
      return parent.arguments.some((argument) => unwrap(argument) === reference) && !passesOriginThrough(parent, answerCallback);
    case AST_NODE_TYPES.MemberExpression: {
      // allowedOrigins[origin], or origin.endsWith(".example.com") / origin.match(/.../)
      if (parent.computed && unwrap(parent.property) === reference) return true;
      const grandparent = parentSkippingWrappers(parent);
      return (
        grandparent?.type === AST_NODE_TYPES.CallExpression &&
        unwrap(grandparent.callee) === parent &&
        !NORMALISING_METHODS.has(memberName(parent) ?? "")
      );
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (parent.operator === "in") return unwrap(parent.left) === reference;
      if (!COMPARISONS.has(parent.operator)) return false;
      const other = unwrap(parent.left) === reference ? parent.right : parent.left;
      return !isNullishOrEmpty(other);
    }
    case AST_NODE_TYPES.SwitchStatement:
      return true;
    default:
      return false;
  }
}

/**
 * Whether `test` checks the origin against something: `allowed.includes(origin)`, `origin === APP_URL`,
 * `origin.endsWith(".example.com")`, `origin in allowed`, or a constant holding such a check
 * (`const isAllowed = allowed.has(origin); if (isAllowed)`). `if (origin)` is a presence check and does not count.
 */
export function checksOrigin(
  context: AnalysisContext,
  test: TSESTree.Node,
  isOriginReference: OriginReferenceTest,
  answerCallback?: string,
  depth = 0,
): boolean {
  let found = false;
  walk(test, (node) => {
    if (found) return false;
    if (isOriginReference(node)) {
      found = isComparingUse(node, answerCallback);
      return false;
    }
    if (node.type === AST_NODE_TYPES.Identifier && depth === 0 && !isDeclaredName(node)) {
      const binding = resolveBinding(context, node);
      if (binding?.declarator && !isFunction(binding.value)) found = checksOrigin(context, binding.value, isOriginReference, answerCallback, depth + 1);
    }
    return !found;
  });
  return found;
}

/** Identifiers that name something (a property key, a parameter) rather than read a variable. */
function isDeclaredName(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (!parent) return true;
  if (parent.type === AST_NODE_TYPES.MemberExpression) return parent.property === identifier && !parent.computed;
  if (parent.type === AST_NODE_TYPES.Property) return parent.key === identifier && !parent.computed && parent.value !== identifier;
  return isFunction(parent) || parent.type === AST_NODE_TYPES.VariableDeclarator;
}

/**
 * Whether `node` only runs after the origin was checked, within its function: inside an `if`,
 * `? :`, `&&` or `switch` on the origin, or after an earlier `if` on the origin in the same block
 * (the early-return guard `if (!allowed.includes(origin)) return next();`), or after an earlier
 * statement asserting the origin (`assertAllowedOrigin(origin);`, also in a `try` whose `catch` leaves).
 */
export function isGuardedByOriginCheck(context: AnalysisContext, node: TSESTree.Node, isOriginReference: OriginReferenceTest): boolean {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current && !isFunction(child)) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== current.test && checksOrigin(context, current.test, isOriginReference)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === current.right && checksOrigin(context, current.left, isOriginReference)) return true;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (current.parent.type === AST_NODE_TYPES.SwitchStatement && isOriginReference(unwrap(current.parent.discriminant))) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
        if (hasEarlierOriginCheck(context, current.body, child, isOriginReference)) return true;
        break;
      default:
        break;
    }
    child = current;
    current = current.parent;
  }
  return false;
}

function hasEarlierOriginCheck(
  context: AnalysisContext,
  statements: readonly TSESTree.Node[],
  before: TSESTree.Node,
  isOriginReference: OriginReferenceTest,
): boolean {
  for (const statement of statements) {
    if (statement === before) return false;
    if (statement.type === AST_NODE_TYPES.IfStatement && checksOrigin(context, statement.test, isOriginReference)) return true;
    if (isOriginAssertion(statement, isOriginReference)) return true;
    if (statement.type === AST_NODE_TYPES.TryStatement && catchLeaves(statement) && statement.block.body.some((inner) => isOriginAssertion(inner, isOriginReference))) {
      return true;
    }
  }
  return false;
}

/** `assertAllowedOrigin(origin);`, `await verifyOrigin(origin);`, `cors.assertAllowed(origin);`: throws for a refused origin. */
function isOriginAssertion(statement: TSESTree.Node, isOriginReference: OriginReferenceTest): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = unwrapAwaited(statement.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return name !== undefined && ASSERTING_NAME.test(name) && call.arguments.some((argument) => isOriginReference(unwrap(argument)));
}

/** A `try` whose failure does not fall through to the next statement: no `catch`, or one that returns or throws. */
function catchLeaves(statement: TSESTree.TryStatement): boolean {
  if (!statement.handler) return true;
  const last = statement.handler.body.body.at(-1);
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
}
