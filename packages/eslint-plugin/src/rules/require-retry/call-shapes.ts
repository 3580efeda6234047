import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberName, parentSkippingWrappers, unwrap } from "../../util/ast.js";
import { type CallLike } from "./ast.js";
import { axiosConfigIndex } from "./libraries.js";
import type { ClientInstance } from "./outbound-collector.js";
import { constantInitializer, readOptions, urlText, type OptionsShape, type UrlText } from "./static-values.js";
import { isRequestObject } from "./types.js";

/*
 * How each library's call is laid out: where the URL and the options sit, what a chain or a
 * returned request does afterwards. Pure functions over the AST, used by the judge.
 */

/** Parameters and fields that usually hold a `Request` object rather than a URL string. */
const REQUEST_NAME = /^(req|request|input|resource)$/i;
const URL_NAME = /url|uri|href|endpoint|link/i;
/** Chained superagent methods that send the request: after them, nothing can add `.retry()` or `.timeout()`. */
const SUPERAGENT_SENDERS = new Set(["then", "end", "catch", "finally", "pipe"]);
/** `req.on("timeout", …)`, `req.setTimeout(ms)`, `req.destroy()`: a node:http request with its own deadline. */
const REQUEST_DEADLINE_METHODS = new Set(["setTimeout", "destroy", "abort"]);

export interface AxiosShape {
  url: TSESTree.Node | undefined;
  config: OptionsShape;
  /** Index of the config argument, for suggestions; undefined when it cannot be added safely. */
  configIndex: number | undefined;
}

function isDeadlineCall(call: TSESTree.CallExpression, method: string | undefined): boolean {
  if (method === undefined) return false;
  if (REQUEST_DEADLINE_METHODS.has(method)) return true;
  const event = call.arguments[0];
  return (method === "on" || method === "once") && event?.type === AST_NODE_TYPES.Literal && event.value === "timeout";
}

export function hasKey(options: OptionsShape, key: string): boolean {
  return options.kind === "literal" && options.keys.has(key);
}

export function configUrl(options: OptionsShape, key: string, scope: TSESLint.Scope.Scope): UrlText | undefined {
  if (options.kind !== "literal") return undefined;
  const value = options.keys.get(key);
  return value ? urlText(value, scope) : undefined;
}

/** An instance's base URL (`baseURL` for axios, `prefixUrl` for got); unknown when its config is opaque. */
export function instanceBaseUrl(instance: ClientInstance, key: string, scope: TSESLint.Scope.Scope): UrlText | undefined {
  const config = readOptions(instance.create.arguments[0], scope);
  if (config.kind === "opaque") return { text: "${…}", complete: false };
  return configUrl(config, key, scope);
}

export function prefixed(prefix: string, url: UrlText): UrlText {
  return { text: prefix + url.text, complete: url.complete };
}

/** An absolute path wins over the base URL, as axios does. */
export function joinUrl(base: UrlText | undefined, path: UrlText | undefined): UrlText | undefined {
  if (path && /^[a-z][a-z\d+.-]*:\/\//i.test(path.text)) return path;
  if (!base) return path;
  return { text: base.text + (path?.text ?? ""), complete: base.complete && (path?.complete ?? true), sameOrigin: base.sameOrigin };
}

/** `new Request(url, init)`, written inline or in a constant. */
export function requestConstruction(input: TSESTree.Node, scope: TSESLint.Scope.Scope): TSESTree.NewExpression | undefined {
  let expression = unwrap(input);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constantInitializer(expression, scope);
    if (init) expression = unwrap(init);
  }
  return expression.type === AST_NODE_TYPES.NewExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === "Request"
    ? expression
    : undefined;
}

export function requestHasSignal(request: TSESTree.NewExpression, scope: TSESLint.Scope.Scope): boolean {
  const init = request.arguments[1];
  if (init?.type === AST_NODE_TYPES.SpreadElement) return true;
  const options = readOptions(init, scope);
  return options.kind === "opaque" || hasKey(options, "signal");
}

/** Reads `axios.get(url, config)`, `axios.post(url, data, config)`, `axios(config)`, `axios(url, config)`, `axios.request(config)`. */
export function axiosShape(call: TSESTree.CallExpression, method: string | undefined, scope: TSESLint.Scope.Scope): AxiosShape | undefined {
  const args = call.arguments;
  const index = axiosConfigIndex(method);
  if (index === 0 || (index === undefined && args.length === 1 && !isUrlExpression(args[0] as TSESTree.Node, scope))) {
    const config = readOptions(args[0], scope);
    if (config.kind === "absent") return undefined;
    return { url: config.kind === "literal" ? config.keys.get("url") : undefined, config, configIndex: 0 };
  }
  const configIndex = index ?? 1;
  return { url: args[0], config: readOptions(args[configIndex], scope), configIndex };
}

function isUrlExpression(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const expression = unwrap(node);
  if (
    expression.type === AST_NODE_TYPES.Literal ||
    expression.type === AST_NODE_TYPES.TemplateLiteral ||
    expression.type === AST_NODE_TYPES.BinaryExpression ||
    expression.type === AST_NODE_TYPES.NewExpression
  ) {
    return true;
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constantInitializer(expression, scope);
    return init ? isUrlExpression(init, scope) : URL_NAME.test(expression.name);
  }
  return false;
}

/** The methods chained on a superagent request, and whether the chain sends it here. */
export function superagentChain(call: CallLike): { methods: Set<string>; sent: boolean } {
  const methods = new Set<string>();
  let node: TSESTree.Node = call;
  for (;;) {
    const parent = parentSkippingWrappers(node);
    const grandParent = parent && parentSkippingWrappers(parent);
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || grandParent?.type !== AST_NODE_TYPES.CallExpression) break;
    const name = memberName(parent);
    if (name !== undefined) methods.add(name);
    node = grandParent;
  }
  const holder = parentSkippingWrappers(node);
  const sent =
    [...methods].some((name) => SUPERAGENT_SENDERS.has(name)) ||
    holder?.type === AST_NODE_TYPES.AwaitExpression ||
    holder?.type === AST_NODE_TYPES.YieldExpression;
  return { methods, sent };
}

/** `fetch(event.request)`, `fetch(input, …)` in a wrapper: a Request built elsewhere, maybe with its own signal. */
export function mayBeRequestObject(input: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const expression = unwrap(input);
  const typed = isRequestObject(sourceCode, expression);
  if (typed !== undefined) return typed;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    return REQUEST_NAME.test(expression.name) && !constantInitializer(expression, sourceCode.getScope(expression));
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) return REQUEST_NAME.test(memberName(expression) ?? "");
  return false;
}

/** Tells `https.get(url, cb)` from `https.request(options, cb)` when the first argument is a variable. */
export function isUrlArgument(first: TSESTree.Node, second: TSESTree.Node | undefined, scope: TSESLint.Scope.Scope): boolean {
  const expression = unwrap(first);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.NewExpression:
      return true;
    case AST_NODE_TYPES.ObjectExpression:
      return false;
    case AST_NODE_TYPES.Identifier: {
      const init = constantInitializer(expression, scope);
      if (init) return unwrap(init).type !== AST_NODE_TYPES.ObjectExpression;
      if (second && unwrap(second).type === AST_NODE_TYPES.ObjectExpression) return true;
      return URL_NAME.test(expression.name);
    }
    default:
      return second !== undefined && unwrap(second).type === AST_NODE_TYPES.ObjectExpression;
  }
}

/** `https.get(…).setTimeout(ms)`, or `const req = https.request(…); req.on("timeout", …)`. */
export function requestHasDeadline(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  let node: TSESTree.Node = call;
  for (;;) {
    const parent = parentSkippingWrappers(node);
    const grandParent = parent && parentSkippingWrappers(parent);
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || grandParent?.type !== AST_NODE_TYPES.CallExpression) break;
    if (isDeadlineCall(grandParent, memberName(parent))) return true;
    node = grandParent;
  }
  const holder = parentSkippingWrappers(node);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    const [variable] = sourceCode.getDeclaredVariables(holder);
    return (variable?.references ?? []).some((reference) => {
      const member = reference.identifier.parent;
      const invoked = member?.parent;
      return (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        invoked?.type === AST_NODE_TYPES.CallExpression &&
        invoked.callee === member &&
        isDeadlineCall(invoked, memberName(member))
      );
    });
  }
  // Stored in a field or returned: whoever holds the request may set the deadline.
  return holder?.type === AST_NODE_TYPES.AssignmentExpression || holder?.type === AST_NODE_TYPES.ReturnStatement;
}
