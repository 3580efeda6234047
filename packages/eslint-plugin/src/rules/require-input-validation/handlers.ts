import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { type FunctionNode, isFunction, memberName, propertyKeyName, unwrap } from "../../util/ast.js";
import { decoratorName } from "../../util/value-origin.js";

/** Methods that register a route on an Express/Koa/Fastify/Hono app or router. */
export const ROUTE_METHODS: ReadonlySet<string> = new Set(["get", "post", "put", "patch", "delete", "del", "all", "options", "head"]);
/** Next.js route handler exports (app router). */
const NEXT_ROUTE_EXPORTS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
/** NestJS method decorators that make a controller method a route. */
const NEST_ROUTE_DECORATORS = new Set(["Get", "Post", "Put", "Patch", "Delete", "All"]);
const REQUEST_PARAMETERS = new Set(["req", "request"]);
const RESPONSE_PARAMETERS = new Set(["res", "response", "reply", "h"]);

/** A function that handles an HTTP request, and how it was registered when the file shows it. */
export interface Handler {
  fn: FunctionNode;
  /** The registration call (`app.post("/x", mw, fn)`) when the function is one of its arguments. */
  registration: TSESTree.CallExpression | undefined;
  /** The options object of `fastify.post(path, { schema }, fn)` or `fastify.route({ ..., handler })`. */
  routeOptions: TSESTree.ObjectExpression | undefined;
  /** The NestJS controller method, for its decorators and its class's. */
  nestMethod: TSESTree.MethodDefinition | undefined;
}

/**
 * The nearest function around a node that handles a request (undefined outside handlers), for one
 * file. Each function's answer (the handler it is or lies in) is kept, so a call walks up only to its
 * own function: most candidate calls are in functions already asked about.
 */
export function createHandlerFinder(): (node: TSESTree.Node) => Handler | undefined {
  const handlerOf = new Map<FunctionNode, Handler | null>();
  const nearestFrom = (start: TSESTree.Node | undefined): Handler | null => {
    let current = start;
    while (current && !isFunction(current)) current = current.parent;
    if (!current) return null;
    let found = handlerOf.get(current);
    if (found === undefined) {
      found = asHandler(current) ?? nearestFrom(current.parent);
      handlerOf.set(current, found);
    }
    return found;
  };
  return (node) => nearestFrom(node.parent) ?? undefined;
}

/** `fn` as a handler: a route callback, a `(req, res)` function, a Next.js route export or a Nest route method. */
export function asHandler(fn: FunctionNode): Handler | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.Expression) && isRouteRegistration(parent)) {
    const options = parent.arguments.find((argument): argument is TSESTree.ObjectExpression => argument.type === AST_NODE_TYPES.ObjectExpression);
    return { fn, registration: parent, routeOptions: options, nestMethod: undefined };
  }
  // fastify.route({ method: "POST", url: "/x", schema, handler: async (request, reply) => ... })
  if (parent?.type === AST_NODE_TYPES.Property && propertyKeyName(parent) === "handler" && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const call = parent.parent.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && lastName(call.callee) === "route") {
      return { fn, registration: call, routeOptions: parent.parent, nestMethod: undefined };
    }
  }
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && (parent.decorators ?? []).some((decorator) => NEST_ROUTE_DECORATORS.has(decoratorName(decorator) ?? ""))) {
    return { fn, registration: undefined, routeOptions: undefined, nestMethod: parent };
  }
  if (isNextRouteExport(fn) || hasRequestResponseParameters(fn)) return { fn, registration: undefined, routeOptions: undefined, nestMethod: undefined };
  return undefined;
}

/**
 * `app.post("/x", ...)`, `router.get(path, ...)`, `router.route("/x").put(...)`, `fastify.post(...)`,
 * `app.get(...)` on Hono: a route method whose first argument is a path, or a chained `.route(path)`.
 */
export function isRouteRegistration(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  if (method === undefined || !ROUTE_METHODS.has(method)) return false;
  const first = call.arguments[0];
  if (first && isPath(first)) return true;
  const receiver = unwrap(callee.object);
  return receiver.type === AST_NODE_TYPES.CallExpression && lastName(receiver.callee) === "route";
}

function isPath(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === "string" || "regex" in node;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  // `app.get(ROUTES.users, ...)`, `router.post(paths, ...)`: a constant holding the path.
  return node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.ArrayExpression;
}

/** `export async function POST(request)` / `export const PUT = async (req) => ...` in a route file. */
function isNextRouteExport(fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return fn.id !== null && NEXT_ROUTE_EXPORTS.has(fn.id.name) && fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  }
  const declarator = fn.parent;
  return (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    NEXT_ROUTE_EXPORTS.has(declarator.id.name) &&
    declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
  );
}

/** `(req, res)`, `(req, res, next)`, `(request, reply)`, `(request, h)`: a handler declared apart from its route. */
function hasRequestResponseParameters(fn: FunctionNode): boolean {
  const [first, second] = fn.params;
  return (
    first?.type === AST_NODE_TYPES.Identifier &&
    REQUEST_PARAMETERS.has(first.name) &&
    second?.type === AST_NODE_TYPES.Identifier &&
    RESPONSE_PARAMETERS.has(second.name)
  );
}

function lastName(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return memberName(target);
  return undefined;
}

/** The name a handler declared apart is registered by: `export async function createUser(req, res)` → "createUser". */
export function handlerName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition) && !parent.computed) return propertyKeyName(parent);
  return undefined;
}
