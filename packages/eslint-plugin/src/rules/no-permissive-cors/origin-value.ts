import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { type FunctionNode, propertyKeyName, unwrap, walk } from "../../util/ast.js";
import { type AnalysisContext, isNullishOrEmpty, resolveBinding, resolveFunction, shortText, staticValue } from "./ast.js";
import type { CorsLibrary } from "./cors-libraries.js";
import { checksOrigin, isHeaderContainer, isRequestOriginRead, originReferenceTest } from "./request-origin.js";
import type { PinnedLiteral } from "./type-facts.js";

export type OriginKind = "wildcard" | "reflected";

/** An origin policy that lets every site in. */
export interface PermissiveOrigin {
  kind: OriginKind;
  /** What was found, ready for the message: "`*`", "`req.headers.origin`", "`origin: true`". */
  found: string;
  /** Local names that hold the request origin, so an allow-list check on them is recognised as a guard. */
  originNames: ReadonlySet<string>;
}

const NO_NAMES: ReadonlySet<string> = new Set();
const MAX_DEPTH = 4;
const WILDCARD: PermissiveOrigin = { kind: "wildcard", found: "`*`", originNames: NO_NAMES };

/** Two very different hosts: a RegExp that accepts both accepts arbitrary sites. */
const PROBE_ORIGINS = ["https://attacker.invalid", "https://evil-site.test:8443"];

function isWildcardString(value: unknown): boolean {
  return typeof value === "string" && value.trim() === "*";
}

/**
 * Whether a value sent as `Access-Control-Allow-Origin` lets every site in: `"*"`, the request's own
 * Origin (`req.headers.origin`, a variable holding it, `origin || "*"`), or a `? :` whose branches
 * both do so without checking the origin. Fallbacks such as `process.env.CORS_ORIGIN || "*"` are left
 * alone: the configured value decides.
 */
export function evaluateAllowOriginValue(context: AnalysisContext, node: TSESTree.Node, depth = 0): PermissiveOrigin | undefined {
  const value = unwrap(node);
  if (isRequestOriginRead(value)) return { kind: "reflected", found: `\`${shortText(context, value)}\``, originNames: NO_NAMES };
  if (depth >= MAX_DEPTH) return undefined;
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return isWildcardString(value.value) ? WILDCARD : undefined;
    case AST_NODE_TYPES.TemplateLiteral: {
      if (value.expressions.length === 0) return isWildcardString(value.quasis[0]?.value.cooked) ? WILDCARD : undefined;
      const onlyExpression = value.expressions.length === 1 && value.quasis.every((quasi) => quasi.value.cooked === "");
      return onlyExpression && value.expressions[0] ? evaluateAllowOriginValue(context, value.expressions[0], depth + 1) : undefined;
    }
    case AST_NODE_TYPES.LogicalExpression:
      // `origin || "*"` still echoes the origin; `a && b` sends `b` only when `a` holds.
      return value.operator === "&&" ? undefined : evaluateAllowOriginValue(context, value.left, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression: {
      const whenTrue = evaluateAllowOriginValue(context, value.consequent, depth + 1);
      const whenFalse = whenTrue && evaluateAllowOriginValue(context, value.alternate, depth + 1);
      if (!whenTrue || !whenFalse) return undefined;
      const merged = mergeOrigins(whenTrue, whenFalse);
      return checksOrigin(context, value.test, originReferenceTest(merged.originNames)) ? undefined : merged;
    }
    case AST_NODE_TYPES.Identifier:
      return evaluateIdentifier(context, value, depth);
    default:
      return undefined;
  }
}

function mergeOrigins(first: PermissiveOrigin, second: PermissiveOrigin): PermissiveOrigin {
  const reflected = first.kind === "reflected" ? first : second.kind === "reflected" ? second : first;
  return { ...reflected, originNames: new Set([...first.originNames, ...second.originNames]) };
}

function evaluateIdentifier(context: AnalysisContext, identifier: TSESTree.Identifier, depth: number): PermissiveOrigin | undefined {
  const constant = staticValue(context, identifier);
  if (constant) return isWildcardString(constant.value) ? WILDCARD : undefined;
  const binding = resolveBinding(context, identifier);
  const declarator = binding?.declarator;
  if (!binding || !declarator) return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    const result = evaluateAllowOriginValue(context, binding.value, depth + 1);
    return result && { ...result, originNames: new Set([...result.originNames, identifier.name]) };
  }
  // const { origin } = req.headers;
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && isHeaderContainer(binding.value) && destructuresOrigin(declarator.id, identifier.name)) {
    return { kind: "reflected", found: `\`${shortText(context, binding.value)}.origin\``, originNames: new Set([identifier.name]) };
  }
  return undefined;
}

function destructuresOrigin(pattern: TSESTree.ObjectPattern, localName: string): boolean {
  return pattern.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property)?.toLowerCase() !== "origin") return false;
    const target = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    return target.type === AST_NODE_TYPES.Identifier && target.name === localName;
  });
}

/** `/.*\/`, `/^https?:\/\/.*$/`, `new RegExp(".*")`: a RegExp that accepts arbitrary hosts. */
function isAnyOriginRegExp(context: AnalysisContext, node: TSESTree.Node): boolean {
  let pattern: unknown;
  let flags: unknown = "";
  if (node.type === AST_NODE_TYPES.Literal && "regex" in node && node.regex) {
    ({ pattern, flags } = node.regex);
  } else if (
    (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === "RegExp" &&
    node.arguments[0]
  ) {
    pattern = staticValue(context, node.arguments[0])?.value;
    if (node.arguments[1]) flags = staticValue(context, node.arguments[1])?.value;
  }
  if (typeof pattern !== "string" || typeof flags !== "string") return false;
  try {
    // Without g/y, test() keeps no state between probes.
    const regExp = new RegExp(pattern, flags.replace(/[gy]/g, ""));
    return PROBE_ORIGINS.every((probe) => regExp.test(probe));
  } catch {
    return false;
  }
}

/**
 * Whether an `origin` option lets every site in, by the rules of `library`: `"*"`, `true` and
 * match-anything RegExps (cors family), `["*"]` (@fastify/cors), the request's Origin, or a
 * function that accepts every origin without checking it.
 * `found` describes the option as written (for example "`origin: true`").
 */
export function evaluateOriginOption(
  context: AnalysisContext,
  node: TSESTree.Node,
  library: CorsLibrary,
  found: string,
): PermissiveOrigin | undefined {
  const value = unwrap(node);
  const result = (kind: OriginKind): PermissiveOrigin => ({ kind, found, originNames: NO_NAMES });
  if (library.acceptsBooleanAndRegExp) {
    // A RegExp origin makes the library echo every origin it matches.
    if (isAnyOriginRegExp(context, value)) return result("reflected");
    if (value.type === AST_NODE_TYPES.ArrayExpression && value.elements.some((element) => element && isAnyOriginRegExp(context, element))) {
      return result("reflected");
    }
  }
  const constant = staticValue(context, value);
  if (constant) {
    if (isWildcardString(constant.value)) return result("wildcard");
    if (constant.value === true && library.acceptsBooleanAndRegExp) return result("reflected");
    if (Array.isArray(constant.value) && library.wildcardInArray && constant.value.some(isWildcardString)) return result("wildcard");
    return undefined;
  }
  const originFunction = resolveFunction(context, value);
  if (originFunction) return evaluateOriginFunction(context, originFunction, library);
  // cors({ origin: req.headers.origin }) built per request.
  const sent = evaluateAllowOriginValue(context, value);
  if (sent) return { ...sent, found };
  // An imported `CORS_ORIGIN` the file cannot see: its type may still pin it to "*" or true.
  const pinned = mayHideValue(value) ? context.types?.pinnedLiteral(value) : undefined;
  return pinned && permissiveLiteral(pinned, library, `${found}, typed ${describePinned(pinned)}`);
}

/**
 * Expressions whose value the syntax may not show but a type can: a name, a member, a call, an
 * `await`, a `? :` or `||`. Literals, functions, objects and arrays were already judged as written.
 */
function mayHideValue(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    default:
      return false;
  }
}

/** A pinned literal as messages show it, in backticks: `"*"` or `true`. */
export function describePinned(pinned: PinnedLiteral): string {
  return `\`${pinned.value === true ? "true" : JSON.stringify(pinned.value)}\``;
}

/**
 * Whether an `origin` option whose type pins it to one literal lets every site in, by the same
 * rules as the literal written in place: `"*"` is a wildcard, `true` echoes the origin where the
 * library reads it so.
 */
export function permissiveLiteral(pinned: PinnedLiteral, library: CorsLibrary, found: string): PermissiveOrigin | undefined {
  if (pinned.value === true) return library.acceptsBooleanAndRegExp ? { kind: "reflected", found, originNames: NO_NAMES } : undefined;
  return isWildcardString(pinned.value) ? { kind: "wildcard", found, originNames: NO_NAMES } : undefined;
}

/**
 * With type information, an `Access-Control-Allow-Origin` value the file cannot see but whose type
 * is `"*"` (`res.setHeader(name, ALLOW_ANY)` with `export const ALLOW_ANY = "*"` elsewhere).
 */
export function evaluateTypedAllowOriginValue(context: AnalysisContext, node: TSESTree.Node): PermissiveOrigin | undefined {
  const value = unwrap(node);
  const pinned = context.types && mayHideValue(value) ? context.types.pinnedLiteral(value) : undefined;
  if (!pinned || pinned.value === true || !isWildcardString(pinned.value)) return undefined;
  return { kind: "wildcard", found: `\`${shortText(context, value)}\`, typed ${describePinned(pinned)}`, originNames: NO_NAMES };
}

/**
 * An `origin` function accepts every origin when it never compares the origin with anything and
 * every answer it gives is permissive: `(origin, cb) => cb(null, true)`, `cb(null, origin)`,
 * Hono's `(origin) => origin`, Koa's `(ctx) => ctx.get("Origin")`, @fastify/cors's `async () => true`.
 */
function evaluateOriginFunction(context: AnalysisContext, fn: FunctionNode, library: CorsLibrary): PermissiveOrigin | undefined {
  const [firstParam, secondParam] = fn.params;
  const receivesOrigin = library.originFunction !== "return-from-context";
  const originName = receivesOrigin && firstParam?.type === AST_NODE_TYPES.Identifier ? firstParam.name : undefined;
  const callbackName =
    library.originFunction.startsWith("callback") && secondParam?.type === AST_NODE_TYPES.Identifier ? secondParam.name : undefined;
  if (checksOrigin(context, fn.body, originReferenceTest(new Set(originName ? [originName] : [])), callbackName)) return undefined;

  let answers = callbackName ? callbackAnswers(fn, callbackName) : [];
  if (answers.length === 0 && library.originFunction !== "callback") answers = returnedAnswers(fn);
  if (answers.length === 0) return undefined;

  let kind: OriginKind = "wildcard";
  for (const answer of answers) {
    const answerKind = answer && evaluateAnswer(answer, library, originName);
    if (!answerKind) return undefined;
    if (answerKind === "reflected") kind = "reflected";
  }
  const found = kind === "reflected" ? "an `origin` function that accepts every origin" : "an `origin` function that always answers `*`";
  return { kind, found, originNames: NO_NAMES };
}

/** The values passed to `callback(error, allow)`; undefined stands for a refusal (an error or no value). */
function callbackAnswers(fn: FunctionNode, callbackName: string): (TSESTree.Node | undefined)[] {
  const answers: (TSESTree.Node | undefined)[] = [];
  walk(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== callbackName) return;
    const [error, allow] = node.arguments;
    answers.push(error && !isNullishOrEmpty(error) ? undefined : allow);
  });
  return answers;
}

/** The values the function returns; undefined stands for `return;` or falling off the end. */
function returnedAnswers(fn: FunctionNode): (TSESTree.Node | undefined)[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const answers: (TSESTree.Node | undefined)[] = [];
  walk(fn.body, (node) => {
    if (node !== fn.body && (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration)) {
      return false;
    }
    if (node.type === AST_NODE_TYPES.ReturnStatement) answers.push(node.argument ?? undefined);
  });
  const last = fn.body.body.at(-1);
  if (answers.length > 0 && last?.type !== AST_NODE_TYPES.ReturnStatement && last?.type !== AST_NODE_TYPES.ThrowStatement) answers.push(undefined);
  return answers;
}

function evaluateAnswer(node: TSESTree.Node, library: CorsLibrary, originName: string | undefined, depth = 0): OriginKind | undefined {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  if (depth > MAX_DEPTH) return undefined;
  if (value.type === AST_NODE_TYPES.Literal) {
    if (value.value === true && library.acceptsBooleanAndRegExp) return "reflected";
    return isWildcardString(value.value) ? "wildcard" : undefined;
  }
  if (value.type === AST_NODE_TYPES.Identifier && value.name === originName) return "reflected";
  if (isRequestOriginRead(value)) return "reflected";
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== "&&") {
    return evaluateAnswer(value.left, library, originName, depth + 1);
  }
  if (value.type === AST_NODE_TYPES.ConditionalExpression) {
    const whenTrue = evaluateAnswer(value.consequent, library, originName, depth + 1);
    const whenFalse = whenTrue && evaluateAnswer(value.alternate, library, originName, depth + 1);
    if (!whenTrue || !whenFalse) return undefined;
    return whenTrue === "reflected" || whenFalse === "reflected" ? "reflected" : "wildcard";
  }
  return undefined;
}
