import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, parentSkippingWrappers, unwrap } from "../../util/ast.js";
import { readOptions, staticValueOf } from "../../util/outbound/static-values.js";

/*
 * Retrying a request that is not idempotent can do its effect twice (charge a card twice, claim a
 * single-use token twice). got, which retries by default, retries only GET, PUT, HEAD, DELETE, OPTIONS
 * and TRACE; this rule follows it: a POST or PATCH is not asked to retry unless it sends an
 * idempotency key, which is how an API says that repeating it is safe.
 */

const NON_IDEMPOTENT = new Set(["post", "patch"]);
const HTTP_METHODS = new Set(["get", "head", "options", "trace", "put", "delete", "post", "patch"]);
const IDEMPOTENCY_HEADER = /^(x-)?idempotency-key$/i;

/** Whether `call` is a POST or PATCH (as far as it is written) that sends no idempotency key. */
export function isNonIdempotentWithoutKey(call: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = writtenMethod(call, scope);
  return method !== undefined && NON_IDEMPOTENT.has(method) && !sendsIdempotencyKey(call, scope);
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
