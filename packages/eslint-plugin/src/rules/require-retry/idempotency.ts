import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, parentSkippingWrappers, unwrap } from "../../util/ast.js";
import { readOptions, staticValueOf, urlText } from "../../util/outbound/static-values.js";

/*
 * Retrying a request that is not idempotent can do its effect twice (charge a card twice, claim a
 * single-use token twice). got, which retries by default, retries only GET, PUT, HEAD, DELETE, OPTIONS
 * and TRACE; this rule follows it: a POST or PATCH is not asked to retry unless it sends an
 * idempotency key, which is how an API says that repeating it is safe. A POST to an endpoint that only
 * reads (`/rates/estimate`, `/search`, `/graphql`) is a query sent as POST, safe to repeat: still asked.
 */

const NON_IDEMPOTENT = new Set(["post", "patch"]);
const HTTP_METHODS = new Set(["get", "head", "options", "trace", "put", "delete", "post", "patch"]);
const IDEMPOTENCY_HEADER = /^(x-)?idempotency-key$/i;
/** Path segments of endpoints that read with POST: search and query APIs, GraphQL queries, estimates and quotes. */
const READ_ENDPOINT = /\/(?:search|query|graphql|estimate|estimates|quote|quotes|rates|lookup|validate|preview|calculate)(?:[/?#]|$)/i;

/** Whether `call` is a POST or PATCH (as far as it is written) that sends no idempotency key. */
export function isNonIdempotentWithoutKey(call: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = writtenMethod(call, scope);
  if (method === undefined || !NON_IDEMPOTENT.has(method) || sendsIdempotencyKey(call, scope)) return false;
  return method !== "post" || !postsToReadEndpoint(call, scope);
}

/** The HTTP method, lower-cased: `axios.post()`, `request("POST", url)`, `{ method: "POST" }`; undefined when not static. */
function writtenMethod(call: TSESTree.CallExpression, scope: TSESLint.Scope.Scope): string | undefined {
  const callee = unwrap(call.callee);
  const calleeName = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee)?.toLowerCase() : undefined;
  if (calleeName && HTTP_METHODS.has(calleeName)) return calleeName;
  const first = call.arguments[0];
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === "string" && HTTP_METHODS.has(first.value.toLowerCase())) {
    return first.value.toLowerCase(); // superagent's request("POST", url)
  }
  for (const argument of call.arguments) {
    const options = optionsOf(argument, scope);
    const method = options?.get("method");
    if (!method) continue;
    const value = staticValueOf(method, scope)?.value;
    return typeof value === "string" ? value.toLowerCase() : undefined;
  }
  return undefined;
}

function optionsOf(argument: TSESTree.Node, scope: TSESLint.Scope.Scope): ReadonlyMap<string, TSESTree.Node> | undefined {
  if (argument.type === AST_NODE_TYPES.SpreadElement || isFunction(unwrap(argument))) return undefined;
  const options = readOptions(argument, scope);
  return options.kind === "literal" ? options.keys : undefined;
}

/** The URL as written (`${…}` for the parts that are not static) names a read endpoint. */
function postsToReadEndpoint(call: TSESTree.CallExpression, scope: TSESLint.Scope.Scope): boolean {
  return call.arguments.some((argument) => {
    if (argument.type === AST_NODE_TYPES.SpreadElement || isFunction(unwrap(argument))) return false;
    if (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === "string" && HTTP_METHODS.has(argument.value.toLowerCase())) return false;
    const options = optionsOf(argument, scope);
    const url = options ? (options.get("url") ?? options.get("path")) : argument;
    return url !== undefined && READ_ENDPOINT.test(urlText(url, scope).text);
  });
}

/** An `Idempotency-Key` header in the options, or set on a superagent chain (`.set("Idempotency-Key", k)`). */
function sendsIdempotencyKey(call: TSESTree.CallExpression, scope: TSESLint.Scope.Scope): boolean {
  for (const argument of call.arguments) {
    const headers = optionsOf(argument, scope)?.get("headers");
    if (!headers) continue;
    const headerKeys = readOptions(headers, scope);
    // Headers built elsewhere may carry the key: do not claim the request is unsafe to retry.
    if (headerKeys.kind !== "literal") return true;
    if ([...headerKeys.keys.keys()].some((name) => IDEMPOTENCY_HEADER.test(name))) return true;
  }
  for (let link: TSESTree.Node = call; ; ) {
    const member = parentSkippingWrappers(link);
    if (member?.type !== AST_NODE_TYPES.MemberExpression) return false;
    const next = parentSkippingWrappers(member);
    if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) return false;
    const header = next.arguments[0];
    if (memberName(member) === "set" && header?.type === AST_NODE_TYPES.Literal && typeof header.value === "string" && IDEMPOTENCY_HEADER.test(header.value)) {
      return true;
    }
    link = next;
  }
}
