import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type { ErrorHandler } from "./error-handler.js";
import type { LogCall } from "./log-call.js";
import { objectKeys } from "./log-context.js";

type Fix = TSESLint.RuleFix;
type Fixer = TSESLint.RuleFixer;

/** The key pino and bunyan serialise errors under (`{ err }`). */
const ERROR_KEY = "err";

/**
 * Fixes that make `log` carry the error named `errorName`, shaped for the logger:
 * - pino/bunyan take a merging object first: `logger.error({ err }, "msg")`;
 * - winston copies message, stack and cause from an error passed as meta: `logger.error("msg", err)`,
 *   or the error goes into an existing meta object;
 * - console, debug, log4js, NestJS and unknown loggers print extra arguments: append it.
 * Returns undefined when no edit is clearly right (an object already has an `err` key).
 */
export function passErrorFixes(
  fixer: Fixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  log: LogCall,
  errorName: string,
): Fix[] | undefined {
  const args = log.entryArguments;
  const first = args[0];
  const last = args[args.length - 1];
  const property = errorName === ERROR_KEY ? ERROR_KEY : `${ERROR_KEY}: ${errorName}`;
  const structuredFirst = first?.type === AST_NODE_TYPES.ObjectExpression ? first : undefined;
  const structuredLast = args.length >= 2 && last?.type === AST_NODE_TYPES.ObjectExpression ? last : undefined;

  switch (log.style) {
    case "pino":
    case "bunyan":
      if (structuredFirst) return addProperty(fixer, structuredFirst, property);
      return first ? [fixer.insertTextBefore(first, `{ ${property} }, `)] : [appendArgument(fixer, sourceCode, log, `{ ${property} }`)];
    case "winston":
      if (structuredLast) return addProperty(fixer, structuredLast, property);
      return [appendArgument(fixer, sourceCode, log, errorName)];
    case "unknown":
      // Follow the shape the call already has.
      if (args.length >= 2 && structuredFirst) return addProperty(fixer, structuredFirst, property);
      if (structuredLast) return addProperty(fixer, structuredLast, property);
      return [appendArgument(fixer, sourceCode, log, errorName)];
    default:
      return [appendArgument(fixer, sourceCode, log, errorName)];
  }
}

function addProperty(fixer: Fixer, object: TSESTree.ObjectExpression, property: string): Fix[] | undefined {
  const keys = objectKeys(object);
  if (keys?.includes(ERROR_KEY)) return undefined;
  const lastProperty = object.properties[object.properties.length - 1];
  if (!lastProperty) return [fixer.replaceText(object, `{ ${property} }`)];
  return [fixer.insertTextAfter(lastProperty, `, ${property}`)];
}

function appendArgument(fixer: Fixer, sourceCode: Readonly<TSESLint.SourceCode>, log: LogCall, text: string): Fix {
  const lastArgument = log.call.arguments[log.call.arguments.length - 1];
  if (lastArgument) return fixer.insertTextAfter(lastArgument, `, ${text}`);
  const closingParen = sourceCode.getLastToken(log.call)!;
  return fixer.insertTextBefore(closingParen, text);
}

/** Replaces the only argument (`err.message`, `String(err)`) with the error itself. */
export function replaceWithErrorFix(fixer: Fixer, argument: TSESTree.Node, errorName: string): Fix {
  return fixer.replaceText(argument, errorName);
}

/** A name for a binding the handler lacks: `error`, unless the handler already uses that name as a variable. */
export function freshErrorName(sourceCode: Readonly<TSESLint.SourceCode>, handler: ErrorHandler): string {
  const used = new Set<string>();
  let previous: TSESTree.Token | undefined;
  for (const token of sourceCode.getTokens(handler.root)) {
    // `console.error` and `{ error: 1 }` do not use the name as a variable.
    if (token.type === AST_TOKEN_TYPES.Identifier && previous?.value !== "." && previous?.value !== "?.") used.add(token.value);
    previous = token;
  }
  return ["error", "err", "caughtError"].find((name) => !used.has(name)) ?? "caughtError";
}

/** Adds the binding to `catch {` → `catch (error) {`, or to `() =>` → `(error) =>`. */
export function bindErrorFix(fixer: Fixer, sourceCode: Readonly<TSESLint.SourceCode>, handler: ErrorHandler, name: string): Fix | undefined {
  const owner = handler.owner;
  if (owner.type === AST_NODE_TYPES.CatchClause) {
    const catchKeyword = sourceCode.getFirstToken(owner);
    return catchKeyword ? fixer.insertTextAfter(catchKeyword, ` (${name})`) : undefined;
  }
  if (owner.params.length > 0) return undefined;
  const openParen = sourceCode.getTokens(owner).find((token) => token.value === "(");
  return openParen ? fixer.insertTextAfter(openParen, name) : undefined;
}

/** `{ error }` → `{ err: error }`, `{ error: e }` → `{ err: e }`. */
export function renameToErrKeyFix(fixer: Fixer, sourceCode: Readonly<TSESLint.SourceCode>, property: TSESTree.Property): Fix | null {
  const object = property.parent;
  if (object.type === AST_NODE_TYPES.ObjectExpression && objectKeys(object)?.includes(ERROR_KEY)) return null;
  if (property.shorthand) return fixer.replaceText(property, `${ERROR_KEY}: ${sourceCode.getText(property.value)}`);
  return fixer.replaceText(property.key, ERROR_KEY);
}
