import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName, unwrap, unwrapStatementExpression } from "../../util/ast.js";
import { chainRootName } from "./ast.js";
import { isStraightLine, statementsAfter } from "./following-statements.js";
import { isFailureShapedObject, isSuccessValue, numericLiteral } from "./values.js";

/** Response objects of Express/Fastify/Node handlers (`res`, `reply`), Koa/Hono contexts (`ctx`, `c`). */
const RESPONSE_OBJECTS = new Set(["res", "response", "resp", "reply"]);
const CONTEXT_OBJECTS = new Set(["ctx", "c", "context"]);
/** Methods that finish a response with whatever status was set (200 by default). */
const RESPONSE_SENDERS = new Set(["json", "send", "end", "jsonp", "render", "sendStatus"]);
/** Methods that set the status on the way to sending. */
const STATUS_SETTERS = new Set(["status", "code", "sendStatus", "writeHead"]);
/** Web `Response`-style factories: `NextResponse.json(body, init)`, `Response.json(body, init)`. */
const RESPONSE_FACTORIES = new Set(["NextResponse", "Response"]);
/** Hono's context helpers: `c.json(body, status)`, `c.text(...)`. */
const CONTEXT_SENDERS = new Set(["json", "text", "html", "body"]);

/**
 * Looks at what runs after a catch that only logged: walking out through enclosing blocks (and
 * `if`/`try` blocks) to the function boundary, does the code reach a statement that announces success,
 * with nothing in between that could branch? Returns how that success shows, e.g. "returns a success
 * value" or "responds with `res.json(...)`", or undefined.
 *
 * Deliberately narrow: it gives up at loops (log-and-continue over a batch is a common, honest pattern),
 * at any branching statement (the code may check for the failure there), and at the function boundary.
 */
export function findSuccessAfter(statement: TSESTree.Node): string | undefined {
  for (const next of statementsAfter(statement)) {
    const success = describeSuccessStatement(next);
    if (success) return success;
    if (!isStraightLine(next) || touchesResponse(next)) return undefined;
  }
  return undefined;
}

/** `res.status(500)` or `ctx.status = 500` on a line of its own: the code is answering the failure. */
function touchesResponse(statement: TSESTree.Node): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const root = chainRootName(assignedOrCalled(statement.expression));
  return root !== undefined && (RESPONSE_OBJECTS.has(root) || CONTEXT_OBJECTS.has(root));
}

function assignedOrCalled(expression: TSESTree.Expression): TSESTree.Node {
  const inner = unwrapStatementExpression(expression);
  return inner.type === AST_NODE_TYPES.AssignmentExpression ? inner.left : inner;
}

/**
 * How `statement` announces success, or undefined. Inside a catch block (`inCatch`), a bare `return true`
 * is not counted: there it is usually the "yes" of a predicate (`catch { return true }` in `isExpired`).
 */
export function describeSuccessStatement(statement: TSESTree.Node, inCatch = false): string | undefined {
  if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) {
    const value = unwrapStatementExpression(statement.argument);
    const response = describeResponseCall(value);
    if (response) return `responds with ${response}`;
    const isBareTrue = value.type === AST_NODE_TYPES.Literal && value.value === true;
    if (isSuccessValue(value) && !(inCatch && isBareTrue)) return "returns a success value";
    return undefined;
  }
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = unwrapStatementExpression(statement.expression);
  const response = describeResponseCall(expression);
  if (response) return `responds with ${response}`;
  // Koa: `ctx.body = { ok: true }` answers 200 unless a status was set.
  if (
    expression.type === AST_NODE_TYPES.AssignmentExpression &&
    expression.left.type === AST_NODE_TYPES.MemberExpression &&
    memberName(expression.left) === "body" &&
    CONTEXT_OBJECTS.has(chainRootName(expression.left.object) ?? "") &&
    !hasErrorBody(expression.right)
  ) {
    return `sets \`${chainRootName(expression.left.object)}.body\``;
  }
  return undefined;
}

/** An arrow function's expression body that answers success: `.catch(() => res.json({ ok: true }))`. */
export function describeSuccessExpression(expression: TSESTree.Node): string | undefined {
  const response = describeResponseCall(unwrapStatementExpression(expression));
  return response && `responds with ${response}`;
}

/** `res.json(...)`, `reply.code(200).send(...)`, `NextResponse.json(...)`, `c.json(...)` with no error status or error body. */
function describeResponseCall(node: TSESTree.Node): string | undefined {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(call.callee);
  const root = chainRootName(call.callee);
  if (method === undefined || root === undefined) return undefined;

  if (RESPONSE_OBJECTS.has(root) && RESPONSE_SENDERS.has(method)) {
    if (method === "sendStatus" && !isSuccessStatus(call.arguments[0])) return undefined;
    if (!chainHasOnlySuccessStatuses(call.callee.object) || hasErrorBody(call.arguments[0])) return undefined;
    return `\`${root}.${method}(...)\``;
  }
  if (RESPONSE_FACTORIES.has(root) && method === "json") {
    if (hasErrorBody(call.arguments[0]) || !isSuccessInit(call.arguments[1])) return undefined;
    return `\`${root}.json(...)\``;
  }
  if (CONTEXT_OBJECTS.has(root) && CONTEXT_SENDERS.has(method) && unwrap(call.callee.object).type === AST_NODE_TYPES.Identifier) {
    const status = call.arguments[1];
    if (hasErrorBody(call.arguments[0]) || (status && !isSuccessStatus(status))) return undefined;
    return `\`${root}.${method}(...)\``;
  }
  return undefined;
}

/** Every `.status(n)`/`.code(n)` earlier in the chain is a literal below 400. */
function chainHasOnlySuccessStatuses(node: TSESTree.Node): boolean {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      if (current.callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = memberName(current.callee);
        if (method !== undefined && STATUS_SETTERS.has(method) && !isSuccessStatus(current.arguments[0])) return false;
      }
      current = unwrap(current.callee);
    } else {
      current = unwrap(current.object);
    }
  }
  return true;
}

function isSuccessStatus(node: TSESTree.Node | undefined): boolean {
  const status = numericLiteral(node);
  return status !== undefined && status < 400;
}

/** Words of a plain-text error answer: `res.send("Something went wrong")`. */
const ERROR_TEXT = /err|fail|wrong|invalid|unable|could ?n[o']t|cannot|denied|unavailable/i;

function hasErrorBody(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const body = unwrap(node);
  if (body.type === AST_NODE_TYPES.ObjectExpression) return isFailureShapedObject(body);
  if (body.type === AST_NODE_TYPES.Literal) return typeof body.value === "string" && ERROR_TEXT.test(body.value);
  if (body.type === AST_NODE_TYPES.TemplateLiteral) return body.quasis.some((quasi) => ERROR_TEXT.test(quasi.value.cooked ?? ""));
  // `res.json(err)`, `res.send(error.message)`: the error itself is the answer.
  return /^(?:e|err|error|ex|exception)$/i.test(chainRootName(body) ?? "");
}

/** `{ status: 201 }` or no init at all; a computed status may be an error status, so it is not success. */
function isSuccessInit(node: TSESTree.Node | undefined): boolean {
  if (!node) return true;
  const init = unwrap(node);
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return false;
  for (const property of init.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    if (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === "status" && !isSuccessStatus(property.value)) {
      return false;
    }
  }
  return true;
}
