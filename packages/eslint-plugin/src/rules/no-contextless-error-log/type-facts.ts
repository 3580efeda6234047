import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { unwrapAwaited } from "../../util/ast.js";
import type * as ts from "typescript";
import { originOfSymbol, type SymbolOrigin } from "../../util/type-origin.js";
import type { ErrorReferences } from "./error-references.js";
import type { LoggerStyle } from "./log-call.js";

/**
 * What type information adds when the file is linted with a TypeScript program. The rule never needs
 * it: every question answers "unknown" (undefined or false) when the checker cannot tell, and the
 * caller then keeps its untyped answer.
 */
export interface LogTypeFacts {
  /** The logger style the receiver's declared type names (winston's `Logger`, the global `Console`...). */
  loggerStyleOf(receiver: TSESTree.Node): LoggerStyle | undefined;
  /**
   * The receiver's type is known and is clearly not a logger: a named type that is not from a logging
   * library, does not say "log" in its name or its base types, and whose `callee` method cannot even be
   * handed an error object (it takes only text, numbers, booleans or callbacks).
   */
  isClearlyNotLogger(receiver: TSESTree.Node, callee: TSESTree.Node): boolean;
  /** The value is typed as the global `Error` or a subclass of it (`AppError`, `TypeError`), possibly nullable. */
  isErrorObject(node: TSESTree.Node): boolean;
}

/** How a library's logger types are recognised: which of its type names are loggers, and in which style. */
interface LoggerModule {
  style: LoggerStyle;
  names: RegExp;
}

/** Keyed by package name; `names` is matched against the last segment of the type's qualified name. */
const LOGGER_MODULES: Record<string, LoggerModule> = {
  pino: { style: "pino", names: /^(?:Logger|BaseLogger)$/ },
  winston: { style: "winston", names: /^Logger$/ },
  bunyan: { style: "bunyan", names: /^Logger$/ },
  log4js: { style: "log4js", names: /^Logger$/ },
  "@nestjs/common": { style: "nest", names: /^(?:Logger|ConsoleLogger|LoggerService)$/ },
  "nestjs-pino": { style: "pino", names: /^(?:Logger|PinoLogger)$/ },
  // Fastify's logger is a pino instance.
  fastify: { style: "pino", names: /^Fastify(?:Base)?Logger(?:Instance)?$/ },
  loglevel: { style: "unknown", names: /Logger$/ },
  npmlog: { style: "unknown", names: /Logger$/ },
  consola: { style: "unknown", names: /^Consola/ },
  signale: { style: "unknown", names: /^Signale/ },
};
/** Modules whose namespace object is itself a logger (`import * as winston from "winston"; const w = winston`). */
const NAMESPACE_LOGGERS: Record<string, LoggerStyle> = { winston: "winston", npmlog: "unknown", loglevel: "unknown", consola: "unknown", signale: "unknown" };

/** Type or package names that speak of logging: such a type is never taken for "clearly not a logger". */
const LOGGING_WORD = /log|consol/i;

const MAX_DEPTH = 5;


export function createLogTypeFacts(sourceCode: Readonly<TSESLint.SourceCode>): LogTypeFacts | undefined {
  const services = sourceCode.parserServices;
  const program = services?.program as ts.Program | null | undefined;
  if (!program || !services?.esTreeNodeToTSNodeMap) return undefined;
  const checker = program.getTypeChecker();
  const nodeMap = services.esTreeNodeToTSNodeMap;
  const stringType = checker.getStringType();
  const primitives = [stringType, checker.getNumberType(), checker.getBooleanType()];
  const styleCache = new Map<TSESTree.Node, LoggerStyle | undefined>();
  const errorCache = new Map<TSESTree.Node, boolean>();

  // Every checker call goes through `guarded`: the checker can throw on nodes of broken code, and
  // "no type known" is always a safe answer.
  const guarded = <T>(fallback: T, ask: () => T): T => {
    try {
      return ask();
    } catch {
      // ignore: fall back to the untyped answer.
      return fallback;
    }
  };
  const tsNodeOf = (node: TSESTree.Node) => nodeMap.get(node as never) as ts.Node | undefined;
  const typeOf = (node: TSESTree.Node): ts.Type | undefined =>
    guarded(undefined, () => {
      const tsNode = tsNodeOf(node);
      return tsNode ? checker.getTypeAtLocation(tsNode) : undefined;
    });

  const originOf = (symbol: ts.Symbol): SymbolOrigin => originOfSymbol(program, checker, symbol);

  const symbolsOf = (type: ts.Type): ts.Symbol[] => [type.aliasSymbol, type.getSymbol()].filter((symbol): symbol is ts.Symbol => symbol !== undefined);

  /** The class's or interface's `extends` types: `class AppLogger extends ConsoleLogger`, `class AppError extends Error`. */
  const baseTypesOf = (type: ts.Type): readonly ts.Type[] => {
    const symbol = type.getSymbol();
    if (!symbol) return [];
    const declared = checker.getDeclaredTypeOfSymbol(symbol);
    return declared.isClassOrInterface() ? (checker.getBaseTypes(declared) ?? []) : [];
  };

  const styleOfSymbol = (symbol: ts.Symbol): LoggerStyle | undefined => {
    const origin = originOf(symbol);
    if (origin.global) return origin.name === "Console" ? "console" : undefined;
    if (origin.module === undefined) return undefined;
    // Node's `import { Console } from "node:console"`.
    if ((origin.module === "console" || origin.module === "node:console") && origin.name === "Console") return "console";
    if (origin.name === "") return NAMESPACE_LOGGERS[origin.module];
    const library = LOGGER_MODULES[origin.module];
    return library && library.names.test(origin.name) ? library.style : undefined;
  };

  const styleOfType = (type: ts.Type, depth: number): LoggerStyle | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    // `<L extends Logger>(logger: L)`: the constraint is what is known.
    const constraint = constraintOf(type);
    if (constraint !== undefined) return constraint ? styleOfType(constraint, depth + 1) : undefined;
    // The alias first: pino's `Logger` is an alias of an intersection.
    if (type.aliasSymbol) {
      const style = styleOfSymbol(type.aliasSymbol);
      if (style) return style;
    }
    // `Logger | undefined` (an optional dependency), `BaseLogger & Extras`: a logger member decides.
    if (type.isUnion() || type.isIntersection()) {
      for (const member of type.types) {
        const style = styleOfType(member, depth + 1);
        if (style) return style;
      }
      return undefined;
    }
    const symbol = type.getSymbol();
    const style = symbol ? styleOfSymbol(symbol) : undefined;
    if (style) return style;
    for (const base of baseTypesOf(type)) {
      const baseStyle = styleOfType(base, depth + 1);
      if (baseStyle) return baseStyle;
    }
    return undefined;
  };

  /** Whether the type, or anything it extends, is from a logging library or says "log" in its name. */
  const speaksOfLogging = (type: ts.Type, depth: number): boolean => {
    if (depth > MAX_DEPTH) return true;
    if (styleOfType(type, depth) !== undefined) return true;
    for (const symbol of symbolsOf(type)) {
      const origin = originOf(symbol);
      if (LOGGING_WORD.test(origin.name) || (origin.module !== undefined && LOGGING_WORD.test(origin.module))) return true;
    }
    return baseTypesOf(type).some((base) => speaksOfLogging(base, depth + 1));
  };

  /** `any`, `unknown`, `{}` and `Object` take anything: they say nothing about what a value is. */
  const acceptsAnything = (type: ts.Type) => checker.isTypeAssignableTo(stringType, type) && checker.isTypeAssignableTo(checker.getNumberType(), type);

  /** A parameter an error object cannot be passed to: text, numbers, booleans, callbacks, or unions of them. */
  const cannotHoldError = (parameter: ts.Type): boolean => {
    const present = checker.getNonNullableType(parameter);
    const members = present.isUnion() ? present.types : [present];
    return members.every((member) => {
      if (acceptsAnything(member)) return false;
      if (primitives.some((primitive) => checker.isTypeAssignableTo(member, primitive))) return true;
      return member.getCallSignatures().length > 0 && member.getProperties().length === 0;
    });
  };

  const isErrorType = (type: ts.Type, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    const present = depth === 0 ? checker.getNonNullableType(type) : type;
    // `AppError | TypeError` must be an error whichever it is; `Error & { code: string }` is one.
    if (present.isUnion()) return present.types.length > 0 && present.types.every((member) => isErrorType(member, depth + 1));
    if (present.isIntersection()) return present.types.some((member) => isErrorType(member, depth + 1));
    const symbol = present.getSymbol();
    if (!symbol) return false;
    const origin = originOf(symbol);
    if (origin.global && origin.name === "Error") return true;
    return baseTypesOf(present).some((base) => isErrorType(base, depth + 1));
  };

  return {
    loggerStyleOf(receiver) {
      if (styleCache.has(receiver)) return styleCache.get(receiver);
      const type = typeOf(receiver);
      const style = type ? guarded(undefined, () => styleOfType(type, 0)) : undefined;
      styleCache.set(receiver, style);
      return style;
    },
    isClearlyNotLogger(receiver, callee) {
      const type = typeOf(receiver);
      if (!type) return false;
      return guarded(false, () => {
        const present = checker.getNonNullableType(type);
        if (isVague(present) || acceptsAnything(present)) return false;
        // An anonymous type (`logger: { error(message: string): void }`) names nothing; only a named type is evidence.
        const symbol = present.aliasSymbol ?? present.getSymbol();
        if (!symbol || symbol.getName().startsWith("__")) return false;
        if (speaksOfLogging(present, 0)) return false;
        const method = typeOf(callee);
        const tsCallee = tsNodeOf(callee);
        const signatures = method?.getCallSignatures() ?? [];
        if (!tsCallee || signatures.length === 0) return false;
        return signatures.every((signature) =>
          signature.getParameters().every((parameter) => cannotHoldError(checker.getTypeOfSymbolAtLocation(parameter, tsCallee))),
        );
      });
    },
    isErrorObject(node) {
      const cached = errorCache.get(node);
      if (cached !== undefined) return cached;
      const type = typeOf(node);
      const result = type !== undefined && guarded(false, () => isErrorType(type, 0));
      errorCache.set(node, result);
      return result;
    },
  };
}

/**
 * With type information: whether a log entry passes an error object the rule cannot trace to the caught error
 * by syntax: `log.error("Upload failed", upload.error)`, `log.error("Sync failed", failure)` where `failure` was
 * assigned elsewhere, or a helper's result typed `Error`. Such a log keeps a stack trace, so it does not drop
 * "the error". A fresh `new AppError("...")` (inline or through a local variable) still counts as dropping the
 * caught error: it starts a new stack and has no `cause`.
 */
export function passesOtherErrorObject(
  sourceCode: Readonly<TSESLint.SourceCode>,
  entryArguments: readonly TSESTree.CallExpressionArgument[],
  references: ErrorReferences | undefined,
  facts: LogTypeFacts,
): boolean {
  const candidates: TSESTree.Node[] = [];
  for (const argument of entryArguments) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) {
      candidates.push(argument);
      continue;
    }
    // `{ err: upload.error, uploadId }`
    for (const property of argument.properties) if (property.type === AST_NODE_TYPES.Property) candidates.push(property.value);
  }
  return candidates.some((candidate) => {
    const value = unwrapAwaited(candidate);
    // Values derived from the caught error were judged by `classify` already (`err.message` stays text).
    if (!VALUE_NODES.has(value.type) || (references && references.classify(value) !== "none")) return false;
    if (value.type === AST_NODE_TYPES.Identifier && isFreshError(sourceCode, value)) return false;
    return facts.isErrorObject(value);
  });
}


/** A type parameter's constraint (null when it has none); undefined for every other type. */
function constraintOf(type: ts.Type): ts.Type | null | undefined {
  return type.isTypeParameter() ? (type.getConstraint() ?? null) : undefined;
}

/** A union, intersection or type parameter: not one declared type that could speak for the value. */
function isVague(type: ts.Type): boolean {
  return type.isUnion() || type.isIntersection() || type.isTypeParameter();
}

/** Expressions that can hold an existing error object; a `new` expression builds a fresh one. */
const VALUE_NODES = new Set<AST_NODE_TYPES>([AST_NODE_TYPES.Identifier, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.CallExpression]);

/** `const failure = new AppError("Charge failed")`: a variable that only ever holds an error built here. */
function isFreshError(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || !definition.node.init) return false;
  const writes = variable!.references.filter((reference) => reference.isWrite());
  return writes.length <= 1 && unwrapAwaited(definition.node.init).type === AST_NODE_TYPES.NewExpression;
}
