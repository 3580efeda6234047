import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberName, unwrap } from "./ast.js";

/** Where a value visibly comes from: the outside world, as far as one file shows it. */
export type ValueOrigin = "request" | "file" | "environment" | "network";

/** Names under which handlers receive the request or a context wrapping it. */
const REQUEST_NAMES = new Set(["req", "request", "ctx", "context", "event", "c"]);
/** Members of a request that carry what the client sent. */
const REQUEST_DATA_MEMBERS = new Set([
  "body",
  "query",
  "params",
  "headers",
  "cookies",
  "rawBody",
  "files",
  "file",
  "queryStringParameters",
  "pathParameters",
  "payload",
  "nextUrl",
  "searchParams",
]);
/** Methods of a request (Fetch `Request`, Hono's `c.req`, Koa's `ctx.get`) that read what the client sent. */
// Hono's `c.req.valid(...)` is left out: it returns what a validator middleware already checked.
const REQUEST_DATA_METHODS = new Set(["json", "text", "formData", "arrayBuffer", "blob", "param", "query", "header", "parseBody"]);
/** Nest parameter decorators that inject what the client sent. */
const NEST_REQUEST_DECORATORS = new Set(["Body", "Query", "Param", "Headers", "Req", "Request", "UploadedFile", "UploadedFiles"]);
/** Readers of a parsed query string or form: `searchParams.get("q")`, `(await request.formData()).get("file")`. */
const ENTRY_READERS = new Set(["get", "getAll"]);
/** Wrappers between the request object and its data: `ctx.request.body`, `c.req.json()`, `request.raw.body`. */
const REQUEST_WRAPPERS = new Set(["req", "request", "raw"]);
const FILE_READERS = new Set(["readFileSync", "readFile"]);
/** Calls whose result is a network response. */
const NETWORK_CALLS = new Set(["fetch", "axios", "got", "ky", "request", "superagent", "undici"]);
const NETWORK_CLIENTS = new Set(["axios", "got", "ky", "superagent", "http", "client", "api", "apiClient", "httpClient"]);
const NETWORK_METHODS = new Set(["get", "post", "put", "patch", "delete", "request", "head"]);
/** Reads of a response body. */
const BODY_READERS = new Set(["text", "json", "arrayBuffer", "blob", "buffer"]);
/** Calls that pass their argument's data through: `buf.toString()`, `text.trim()`, `String(x)`, `Buffer.from(x)`. */
const PASS_THROUGH_METHODS = new Set(["toString", "trim", "slice", "substring", "replace", "toLowerCase", "concat"]);
const MESSAGE_EVENTS = new Set(["message", "data"]);
const MAX_DEPTH = 10;

/**
 * Where `node`'s value comes from, following local constants and destructuring within the file:
 * the request (`req.body`, `await request.json()`, `ctx.query`, `c.req.param()`, `event.body`),
 * a file (`fs.readFileSync(...)`), the environment (`process.env.X`) or a network response
 * (`await (await fetch(url)).text()`, `(await axios.get(url)).data`, a socket's "message" payload).
 * Undefined when nothing in the file says.
 */
export function valueOrigin(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth = 0): ValueOrigin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const current = unwrap(node);
  const next = (child: TSESTree.Node) => valueOrigin(sourceCode, child, depth + 1);
  switch (current.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return next(current.argument);
    case AST_NODE_TYPES.TemplateLiteral:
      return firstOrigin(current.expressions, next);
    case AST_NODE_TYPES.BinaryExpression:
      return current.operator === "+" ? firstOrigin([current.left, current.right], next) : undefined;
    case AST_NODE_TYPES.LogicalExpression:
      return firstOrigin([current.left, current.right], next);
    case AST_NODE_TYPES.ConditionalExpression:
      return firstOrigin([current.consequent, current.alternate], next);
    case AST_NODE_TYPES.MemberExpression:
      return memberOrigin(current, next);
    case AST_NODE_TYPES.CallExpression:
      return callOrigin(current, next);
    case AST_NODE_TYPES.Identifier:
      return identifierOrigin(sourceCode, current, next);
    default:
      return undefined;
  }
}

function firstOrigin(nodes: readonly TSESTree.Node[], next: (node: TSESTree.Node) => ValueOrigin | undefined): ValueOrigin | undefined {
  for (const node of nodes) {
    if (node.type === AST_NODE_TYPES.PrivateIdentifier || node.type === AST_NODE_TYPES.SpreadElement) continue;
    const origin = next(node);
    if (origin) return origin;
  }
  return undefined;
}

function memberOrigin(member: TSESTree.MemberExpression, next: (node: TSESTree.Node) => ValueOrigin | undefined): ValueOrigin | undefined {
  const object = unwrap(member.object);
  const name = memberName(member);
  if (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === "env" && isIdentifier(object.object, "process")) return "environment";
  if (name !== undefined && REQUEST_DATA_MEMBERS.has(name) && isRequestObject(object)) return "request";
  // `(await axios.get(url)).data`, `response.data.payload`, `req.body.config`: the container's origin.
  return next(object);
}

function callOrigin(call: TSESTree.CallExpression, next: (node: TSESTree.Node) => ValueOrigin | undefined): ValueOrigin | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (FILE_READERS.has(callee.name)) return "file";
    if (NETWORK_CALLS.has(callee.name)) return "network";
    if ((callee.name === "String" || callee.name === "decodeURIComponent") && call.arguments[0]) return next(call.arguments[0]);
    return undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method === undefined) return undefined;
  const receiver = unwrap(callee.object);
  if (FILE_READERS.has(method)) return "file";
  if (REQUEST_DATA_METHODS.has(method) && isRequestObject(receiver)) return "request";
  if (NETWORK_METHODS.has(method) && receiver.type === AST_NODE_TYPES.Identifier && NETWORK_CLIENTS.has(receiver.name)) return "network";
  if (method === "from" && isIdentifier(receiver, "Buffer") && call.arguments[0]) return next(call.arguments[0]);
  if (BODY_READERS.has(method) || PASS_THROUGH_METHODS.has(method)) return next(receiver);
  if (ENTRY_READERS.has(method) && next(receiver) === "request") return "request";
  return undefined;
}

function identifierOrigin(
  sourceCode: TSESLint.SourceCode,
  identifier: TSESTree.Identifier,
  next: (node: TSESTree.Node) => ValueOrigin | undefined,
): ValueOrigin | undefined {
  const variable = findVariable(sourceCode, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type === "Parameter") return isNestRequestParameter(definition.name) ? "request" : parameterOrigin(definition.node, identifier.name);
  if (definition.type !== "Variable" || !definition.node.init) return undefined;
  const declarator = definition.node;
  // `let x = ...; x = other` could hold anything: only single-assignment bindings are followed.
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== declarator.id && !isInside(reference.identifier, declarator.id))) {
    return undefined;
  }
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return next(declarator.init!);
  // `const { body } = req`, `const { data } = await axios.get(url)`: the destructured object's origin,
  // or the request itself when a request is destructured.
  const init = unwrap(declarator.init!);
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && isRequestObject(init) && REQUEST_DATA_MEMBERS.has(identifier.name)) return "request";
  return next(init);
}

/** A socket or stream callback's payload: `ws.on("message", (data) => ...)`. */
function parameterOrigin(fn: TSESTree.Node, name: string): ValueOrigin | undefined {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (memberName(parent.callee) !== "on" || parent.arguments[1] !== fn) return undefined;
  const event = parent.arguments[0];
  if (event?.type !== AST_NODE_TYPES.Literal || !MESSAGE_EVENTS.has(String(event.value))) return undefined;
  const first = "params" in fn ? (fn.params as TSESTree.Parameter[])[0] : undefined;
  return first?.type === AST_NODE_TYPES.Identifier && first.name === name ? "network" : undefined;
}

/** `@Body() body`, `@Query("q") q`, `@Param("id") id`: a NestJS handler parameter filled from the request. */
export function isNestRequestParameter(name: TSESTree.Node): boolean {
  const decorated = name.parent?.type === AST_NODE_TYPES.TSParameterProperty ? name.parent : name;
  const decorators = "decorators" in decorated ? (decorated.decorators as TSESTree.Decorator[] | undefined) : undefined;
  return (decorators ?? []).some((decorator) => NEST_REQUEST_DECORATORS.has(decoratorName(decorator) ?? ""));
}

/** `@Body()` → "Body", `@Body` → "Body". */
export function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = unwrap(decorator.expression);
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? unwrap(expression.callee) : expression;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return undefined;
}

/** `req`, `request`, `ctx.request`, `c.req`, `request.raw`: an object holding what a client sent. */
export function isRequestObject(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) return REQUEST_NAMES.has(current.name) && current.name !== "c";
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(current);
    return name !== undefined && REQUEST_WRAPPERS.has(name) && (isRequestObject(current.object) || isIdentifier(current.object, "c"));
  }
  return false;
}

function isIdentifier(node: TSESTree.Node, name: string): boolean {
  const current = unwrap(node);
  return current.type === AST_NODE_TYPES.Identifier && current.name === name;
}

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** The variable `identifier` refers to, looked up from its own scope outwards. */
export function findVariable(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier); scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable) return variable;
  }
  return undefined;
}

/** Wording of an origin for messages: " (the value comes from the request)". Empty when unknown. */
export function describeOrigin(origin: ValueOrigin | undefined): string {
  switch (origin) {
    case "request":
      return " (the value comes from the request)";
    case "file":
      return " (the value is read from a file)";
    case "environment":
      return " (the value comes from an environment variable)";
    case "network":
      return " (the value comes from a network response)";
    default:
      return "";
  }
}
