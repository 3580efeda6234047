import { AST_NODE_TYPES, ASTUtils, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, outermostWrapper, propertyKeyName, unwrap } from "../../util/ast.js";
import { type AnalysisContext, calleeMethodName, findProperty, isStringLiteral, resolveBinding, staticValue } from "./ast.js";

export const ALLOW_ORIGIN = "access-control-allow-origin";
export const ALLOW_CREDENTIALS = "access-control-allow-credentials";

/** Where a response header is set, found from the literal naming it. */
export interface HeaderSink {
  /** The expression sent as the header's value. */
  value: TSESTree.Node;
  /** Where a finding is reported. */
  node: TSESTree.Node;
  /** `{ key, value }` entries of Next.js `headers()` / vercel.json-style config, rather than code. */
  routeConfig: boolean;
}

/** `res.setHeader()`, Express `res.header()`/`res.set()`/`res.append()`, Koa `ctx.set()`, Fastify `reply.header()`, Hono `c.header()`, `headers.set()`. */
const HEADER_SETTERS = new Set(["setHeader", "header", "set", "append", "appendHeader"]);
/** h3 / Nuxt / Nitro: `setResponseHeader(event, name, value)`. */
const EVENT_HEADER_SETTERS = new Set(["setResponseHeader", "appendResponseHeader"]);
/** Methods taking a whole headers object: `res.set({...})`, `res.writeHead(200, {...})`, `reply.headers({...})`. */
const OBJECT_HEADER_SETTERS = new Set(["set", "header", "headers", "setHeader", "setHeaders", "writeHead"]);
/** Hono's `c.json(data, status, headers)` and `c.json(data, { headers })`. */
const RESPONSE_HELPERS = new Set(["json", "text", "body", "html", "newResponse"]);
/** Web `Response` and Next's `NextResponse`: `new Response(body, { headers })`, `NextResponse.json(data, { headers })`. */
const RESPONSE_CLASSES = new Set(["Response", "NextResponse"]);
/** `corsHeaders`, `CORS_HEADERS`, `getCorsHeaders()`: names that say the object is a CORS header set. */
const CORS_NAME = /cors/i;
/** Clients that send a request: `fetch(url, init)`, `axios(config)`, `got(url, options)`, `ky(url, options)`, undici's `request(url, options)`. */
const REQUEST_FUNCTIONS = new Set(["fetch", "$fetch", "ofetch", "axios", "got", "ky", "request"]);
/** `axios.post(url, data, config)`, `got.get()`, `ky.put()`, `undici.request()`, `globalThis.fetch()`. */
const REQUEST_CLIENTS = new Set(["axios", "got", "ky", "undici", "ofetch", "globalThis", "window", "self"]);
const REQUEST_CLIENT_METHODS = new Set(["fetch", "request", "get", "post", "put", "patch", "delete", "head", "options"]);
const MAX_DEPTH = 2;

/** Whether `literal` names a header, compared case-insensitively as HTTP does. */
export function isHeaderName(literal: TSESTree.Literal, lowerCaseName: string): boolean {
  return typeof literal.value === "string" && literal.value.length === lowerCaseName.length && literal.value.toLowerCase() === lowerCaseName;
}

/**
 * The response header a header-name literal belongs to, in the forms servers use:
 * `res.setHeader(name, value)` and its framework variants, `{ [name]: value }` passed as a
 * response's headers (also through a `corsHeaders` constant), and `{ key: name, value }` in
 * Next.js `headers()` / vercel.json-style route config. Request headers (`fetch(url, { headers })`,
 * also a `new Headers()` that only goes into outgoing requests) are not response headers and are skipped.
 */
export function headerSinkOf(context: AnalysisContext, literal: TSESTree.Literal): HeaderSink | undefined {
  const parent = literal.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression) return callSink(context, parent, literal);
  if (parent?.type !== AST_NODE_TYPES.Property) return undefined;
  if (parent.key === literal) {
    return isResponseHeaders(context, parent.parent, 0) ? { value: parent.value, node: parent, routeConfig: false } : undefined;
  }
  return parent.value === literal ? routeConfigSink(parent) : undefined;
}

function callSink(context: AnalysisContext, call: TSESTree.CallExpression, literal: TSESTree.Literal): HeaderSink | undefined {
  const callee = unwrap(call.callee);
  const nameIndex = call.arguments.indexOf(literal);
  const isSetter =
    (nameIndex === 0 && HEADER_SETTERS.has(calleeMethodName(call) ?? "")) ||
    (nameIndex === 1 && callee.type === AST_NODE_TYPES.Identifier && EVENT_HEADER_SETTERS.has(callee.name));
  const value = call.arguments[nameIndex + 1];
  if (!isSetter || !value || value.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (nameIndex === 0 && isRequestHeadersReceiver(context, call)) return undefined;
  return { value, node: call, routeConfig: false };
}

/** `h.set(name, value)` where `h` holds a `new Headers()` that only goes into outgoing requests. */
function isRequestHeadersReceiver(context: AnalysisContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = unwrap(callee.object);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = resolveBinding(context, receiver);
  return binding?.declarator !== undefined && isNewHeaders(binding.value) && onlyReachesRequests(context, binding.value);
}

function isNewHeaders(node: TSESTree.Node): node is TSESTree.NewExpression {
  return node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "Headers";
}

/** `fetch()`, `new Request()`, axios/got/ky/undici calls: what they are given is sent, not answered. */
function isOutgoingRequest(node: TSESTree.Node | undefined): node is TSESTree.CallExpression | TSESTree.NewExpression {
  if (node?.type === AST_NODE_TYPES.NewExpression) return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "Request";
  if (node?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return REQUEST_FUNCTIONS.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const client = unwrap(callee.object);
  return client.type === AST_NODE_TYPES.Identifier && REQUEST_CLIENTS.has(client.name) && REQUEST_CLIENT_METHODS.has(memberName(callee) ?? "");
}

/** The read references of the variable `node` initialises (`const init = {...}`), or undefined when it is not one. */
function readsOfDeclared(context: AnalysisContext, node: TSESTree.Node): TSESTree.Node[] | undefined {
  const child = outermostWrapper(node);
  const declarator = child.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== child || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(declarator.id), declarator.id);
  return variable?.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
}

/** An options object given to an outgoing request, directly or through a `const init = {...}` used only so. */
function isRequestOptions(context: AnalysisContext, object: TSESTree.Node): boolean {
  const child = outermostWrapper(object);
  const parent = child.parent;
  if (isOutgoingRequest(parent)) return parent.arguments.includes(child as TSESTree.CallExpressionArgument);
  const reads = readsOfDeclared(context, object);
  return reads !== undefined && reads.length > 0 && reads.every((read) => isOutgoingRequest(outermostWrapper(read).parent));
}

/**
 * Whether a `new Headers()` object only goes into outgoing requests: the `headers` of a request's
 * options, or a variable whose every use is such a `headers` or a method call on it (`h.set()`).
 * At least one request must use it; any other use (a `Response`, a `return`) leaves it a response's.
 */
function onlyReachesRequests(context: AnalysisContext, headers: TSESTree.NewExpression): boolean {
  const reads = readsOfDeclared(context, headers);
  if (!reads) return isRequestHeadersValue(context, headers);
  let sent = false;
  for (const read of reads) {
    const parent = outermostWrapper(read).parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && unwrap(parent.object) === read) continue;
    if (!isRequestHeadersValue(context, read)) return false;
    sent = true;
  }
  return sent;
}

/** `{ headers: value }` handed to an outgoing request. */
function isRequestHeadersValue(context: AnalysisContext, value: TSESTree.Node): boolean {
  const child = outermostWrapper(value);
  const property = child.parent;
  return (
    property?.type === AST_NODE_TYPES.Property &&
    property.value === child &&
    propertyKeyName(property) === "headers" &&
    isRequestOptions(context, property.parent)
  );
}

/** `{ source: "/api/:path*", headers: [{ key: "Access-Control-Allow-Origin", value: "*" }] }` */
function routeConfigSink(keyProperty: TSESTree.Property): HeaderSink | undefined {
  if (propertyKeyName(keyProperty) !== "key") return undefined;
  const entry = keyProperty.parent;
  if (entry?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const valueProperty = findProperty(entry, "value");
  const list = entry.parent;
  const headersProperty = list?.parent;
  if (!valueProperty || list?.type !== AST_NODE_TYPES.ArrayExpression || headersProperty?.type !== AST_NODE_TYPES.Property) return undefined;
  if (propertyKeyName(headersProperty) !== "headers" || headersProperty.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  return findProperty(headersProperty.parent, "source") ? { value: valueProperty.value, node: valueProperty, routeConfig: true } : undefined;
}

/** The route a `{ key, value }` header entry applies to: its `source`. */
export function routeConfigSource(sink: HeaderSink): string | undefined {
  const container = sink.node.parent?.parent?.parent?.parent;
  if (container?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const source = findProperty(container, "source")?.value;
  return isStringLiteral(source) ? source.value : undefined;
}

/**
 * Whether an object literal, or a reference to one, is used as a response's headers: passed to
 * `res.set()`/`writeHead()`/`new Headers()`, given as `headers` to `new Response()`/`NextResponse`/
 * Hono helpers or in a Lambda-style `{ statusCode, headers }` result, spread into such an object,
 * or bound to a name that says CORS (`const corsHeaders = {...}`).
 */
function isResponseHeaders(context: AnalysisContext, node: TSESTree.Node, depth: number): boolean {
  const child = outermostWrapper(node);
  const parent = child.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression: {
      const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
      const method = calleeMethodName(parent) ?? "";
      return index >= 0 && (OBJECT_HEADER_SETTERS.has(method) || (RESPONSE_HELPERS.has(method) && index >= 2));
    }
    case AST_NODE_TYPES.NewExpression:
      return isNewHeaders(parent) && !onlyReachesRequests(context, parent);
    case AST_NODE_TYPES.Property:
      return parent.value === child && propertyKeyName(parent) === "headers" && isResponseInit(parent.parent);
    case AST_NODE_TYPES.SpreadElement:
      return depth < MAX_DEPTH && parent.parent.type === AST_NODE_TYPES.ObjectExpression && isResponseHeaders(context, parent.parent, depth + 1);
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier && isCorsNamedOrUsedAsHeaders(context, parent.id, depth);
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return isInCorsNamedFunction(parent);
    default:
      return false;
  }
}

function isCorsNamedOrUsedAsHeaders(context: AnalysisContext, id: TSESTree.Identifier, depth: number): boolean {
  if (CORS_NAME.test(id.name)) return true;
  if (depth >= MAX_DEPTH) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
  return variable?.references.some((reference) => reference.isRead() && isResponseHeaders(context, reference.identifier, depth + 1)) ?? false;
}

/** `{ headers }` is a response's init when it goes to `new Response()`, `NextResponse.*()`, a Hono helper, or carries a `statusCode`. */
function isResponseInit(init: TSESTree.Node): boolean {
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return false;
  if (findProperty(init, "statusCode")) return true;
  const child = outermostWrapper(init);
  const parent = child.parent;
  if (parent?.type === AST_NODE_TYPES.NewExpression) {
    return parent.callee.type === AST_NODE_TYPES.Identifier && RESPONSE_CLASSES.has(parent.callee.name);
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments.indexOf(child as TSESTree.CallExpressionArgument) < 1) return false;
  const callee = unwrap(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = unwrap(callee.object);
  return (receiver.type === AST_NODE_TYPES.Identifier && RESPONSE_CLASSES.has(receiver.name)) || RESPONSE_HELPERS.has(calleeMethodName(parent) ?? "");
}

/** `function corsHeaders() { return {...} }`, `const getCorsHeaders = (origin) => ({...})`. */
function isInCorsNamedFunction(node: TSESTree.Node): boolean {
  let current: TSESTree.Node | undefined = node;
  while (current && !isFunction(current)) current = current.parent;
  if (!current) return false;
  if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) {
    if (current.id && CORS_NAME.test(current.id.name)) return true;
  }
  const holder = current.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return CORS_NAME.test(holder.id.name);
  if (holder?.type === AST_NODE_TYPES.Property || holder?.type === AST_NODE_TYPES.MethodDefinition) {
    return !holder.computed && holder.key.type === AST_NODE_TYPES.Identifier && CORS_NAME.test(holder.key.name);
  }
  return false;
}

/** Whether a header value means "true" (`true`, `"true"`). */
export function isTrueHeaderValue(context: AnalysisContext, node: TSESTree.Node): boolean {
  const value = staticValue(context, node)?.value;
  return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}

/** With types, a credentials header value the file cannot see but typed `true` or `"true"`. */
export function isTypedTrueHeaderValue(context: AnalysisContext, node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (!context.types || (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression)) return false;
  const pinned = context.types.pinnedLiteral(value)?.value;
  return pinned === true || (typeof pinned === "string" && pinned.trim().toLowerCase() === "true");
}

const ROUTE_METHODS = new Set(["use", "get", "post", "put", "patch", "delete", "del", "options", "all", "head"]);

/** The path a middleware or handler is mounted on: `app.use("/public", cors())`, `router.get("/fonts/*", (req, res) => ...)`. */
export function routePathOf(node: TSESTree.Node): string | undefined {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.CallExpression && current.arguments.indexOf(child as TSESTree.CallExpressionArgument) > 0) {
      const path = current.arguments[0];
      if (isStringLiteral(path) && ROUTE_METHODS.has(calleeMethodName(current) ?? "")) return path.value;
    }
    child = current;
    current = current.parent;
  }
  return undefined;
}
