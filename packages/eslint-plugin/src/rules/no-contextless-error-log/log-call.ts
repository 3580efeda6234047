import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { unwrapAwaited } from "../../util/ast.js";
import { collectModuleBindings, packageName, requiredModule, type ModuleBinding } from "../../util/module-bindings.js";
import { memberName } from "../../util/ast.js";
import type { LogTypeFacts } from "./type-facts.js";

/** How a logger wants the error: decides the shape of the suggested fix. */
export type LoggerStyle = "console" | "pino" | "bunyan" | "winston" | "log4js" | "nest" | "debug" | "unknown";

/** A call recognised as writing a log entry. */
export interface LogCall {
  call: TSESTree.CallExpression;
  /** The level method (`error`, `warn`...), or `debug` for function-style loggers. */
  level: string;
  isErrorLevel: boolean;
  /** debug/trace/verbose/silly: a developer trace rather than a report of the failure. */
  isDiagnosticLevel: boolean;
  style: LoggerStyle;
  /** The logger already carries bound context: `req.log`, `logger.child({ orderId })`. */
  boundContext: boolean;
  /** The arguments that make up the entry: winston's `logger.log("error", ...)` level string is skipped. */
  entryArguments: readonly TSESTree.CallExpressionArgument[];
  /** A pino logger created here with default serializers: only the `err` key is serialised as an error. */
  serializesOnlyErrKey: boolean;
}

/** What is known about a logger object. */
interface LoggerKind {
  style: LoggerStyle;
  boundContext: boolean;
  serializesOnlyErrKey?: boolean;
  /** Recognised only because its name looks like a logger's (`logger`, `this.log`), with no import or factory behind it. */
  nameOnly?: boolean;
}

const CONSOLE_METHODS = new Set(["error", "warn", "log", "info", "debug", "trace"]);
const LOGGER_METHODS = new Set([
  "error", "warn", "warning", "info", "log", "debug", "trace", "fatal",
  "crit", "critical", "notice", "alert", "emerg", "emergency", "verbose", "silly",
]);
const ERROR_LEVELS = new Set(["error", "fatal", "crit", "critical", "alert", "emerg", "emergency"]);
const DIAGNOSTIC_LEVELS = new Set(["debug", "trace", "verbose", "silly"]);
/** Level names winston's `logger.log(level, message, meta)` takes as its first argument. */
const LEVEL_NAMES = new Set([...LOGGER_METHODS, "http"]);

/** `logger`, `log`, `_logger`, `$log`, `LOGGER`, `Logger`, `appLogger`, `auditLog`, `app_logger` — not `dialog`, `catalog`. */
const LOGGER_NAME = /^[_$]?(?:log|logger|Log|Logger|LOG|LOGGER)$|[a-z0-9](?:Log|Logger)$|_(?:log|logger|LOG|LOGGER)$/;
/** Names a function-style logger usually has; only these are resolved to their definition. */
export const FUNCTION_LOGGER_HINT = /^(?:[dD]ebug|dbg|[lL]og|trace)|(?:[dD]ebug|[lL]og|[lL]ogger)$/;
/** The first and last characters FUNCTION_LOGGER_HINT's names can have (tested in `hasFunctionLoggerHint`). */
const HINT_FIRST = "dDlLt";
const HINT_LAST = "gr";
/** Objects whose logger is bound to the current request (pino-http, Fastify, Koa, Egg). */
const REQUEST_OBJECTS = new Set(["req", "request", "reply", "ctx", "context"]);
/** Receivers whose `.log` is a Fastify/pino-http logger. */
const PINO_HOLDERS = new Set(["req", "request", "reply", "fastify"]);

/** Modules whose default export or namespace is itself a logger (`winston.error(...)`, `consola.warn(...)`). */
const MODULES_THAT_ARE_LOGGERS: Record<string, LoggerStyle> = {
  winston: "winston",
  npmlog: "unknown",
  loglevel: "unknown",
  consola: "unknown",
  signale: "unknown",
};
/** Factory exports per module: `createLogger` from winston, `getLogger` from log4js... */
const LOGGER_FACTORIES: Record<string, Record<string, LoggerStyle>> = {
  pino: { default: "pino", "*": "pino", pino: "pino" },
  winston: { createLogger: "winston" },
  bunyan: { createLogger: "bunyan" },
  log4js: { getLogger: "log4js" },
  "@nestjs/common": { Logger: "nest", ConsoleLogger: "nest" },
  "nestjs-pino": { PinoLogger: "pino", Logger: "pino" },
};
const NEST_TYPE_NAMES: Record<string, LoggerStyle> = { Logger: "nest", ConsoleLogger: "nest", PinoLogger: "pino" };

export interface LoggerNameOptions {
  names: ReadonlySet<string>;
  patterns: readonly RegExp[];
}

/** Cheap test run on every call before anything else: could this be a log call at all? */
export function mightBeLogCall(call: TSESTree.CallExpression, extra: LoggerNameOptions): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(callee);
    return method !== undefined && LOGGER_METHODS.has(method);
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const name = callee.name;
    return hasFunctionLoggerHint(name) || matchesExtraName(name, extra);
  }
  return false;
}

/**
 * FUNCTION_LOGGER_HINT, with a character test in front: a name it matches starts with d, D, l, L or t,
 * or ends in g or r, so most function names (`require`, `fn`, `resolve`) are decided without the regex.
 */
export function hasFunctionLoggerHint(name: string): boolean {
  const possible = isHintFirst(name.charCodeAt(0)) || isHintLast(name.charCodeAt(name.length - 1));
  return possible && FUNCTION_LOGGER_HINT.test(name);
}

// Character codes of HINT_FIRST and HINT_LAST, compared directly (a Set lookup costs more on every call).
function isHintFirst(code: number): boolean {
  return code === 100 || code === 68 || code === 108 || code === 76 || code === 116;
}

function isHintLast(code: number): boolean {
  return code === 103 || code === 114;
}

/** Exported for the test that the character tests above agree with HINT_FIRST and HINT_LAST. */
export const hintCharacterTests = { isHintFirst, isHintLast, HINT_FIRST, HINT_LAST };

function matchesExtraName(name: string, extra: LoggerNameOptions): boolean {
  if (extra.names.size > 0 && extra.names.has(name)) return true;
  // A loop rather than `some`: no closure per call when no pattern is configured (the usual case).
  const patterns = extra.patterns;
  for (let index = 0; index < patterns.length; index++) {
    if (patterns[index]!.test(name)) return true;
  }
  return false;
}

/** Recognises log calls; one instance per linted file, so module bindings are collected once. */
export class LogCallRecognizer {
  private bindings: ReadonlyMap<string, ModuleBinding> | undefined;
  /** `this.<name>` logger styles per class body: every log line of a class asks about the same field. */
  private readonly memberStyles = new Map<TSESTree.ClassBody, Map<string, LoggerStyle>>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly extra: LoggerNameOptions,
    /** Type information, created on first use; absent when the file has no TypeScript program. */
    private readonly types?: () => LogTypeFacts | undefined,
  ) {}

  recognize(call: TSESTree.CallExpression): LogCall | undefined {
    const callee = call.callee;
    if (callee.type === AST_NODE_TYPES.Identifier) return this.recognizeFunctionLogger(call, callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    if (method === undefined) return undefined;
    const receiverNode = unwrapAwaited(callee.object);
    const receiver = this.refineByType(receiverNode, callee, this.recognizeReceiver(receiverNode, 0));
    if (!receiver) return undefined;
    if (receiver.style === "console" ? !CONSOLE_METHODS.has(method) : !LOGGER_METHODS.has(method)) return undefined;
    let level = method;
    let entryArguments: readonly TSESTree.CallExpressionArgument[] = call.arguments;
    const first = call.arguments[0];
    // winston: `logger.log("error", "message", meta)`.
    if (method === "log" && receiver.style !== "console" && first?.type === AST_NODE_TYPES.Literal && typeof first.value === "string" && LEVEL_NAMES.has(first.value)) {
      level = first.value;
      entryArguments = call.arguments.slice(1);
    }
    return {
      call,
      level,
      isErrorLevel: ERROR_LEVELS.has(level),
      isDiagnosticLevel: DIAGNOSTIC_LEVELS.has(level),
      style: receiver.style,
      boundContext: receiver.boundContext,
      entryArguments,
      serializesOnlyErrKey: receiver.serializesOnlyErrKey === true,
    };
  }

  /**
   * With type information: a receiver the names did not recognise is a logger when its declared type comes
   * from a logging library or is the global `Console` (`this.out.error(...)` with `out: winston.Logger`); a
   * receiver recognised only by its name takes the style its type names, and is no logger at all when its
   * type is known and clearly something else (a UI toast API in a variable called `logger`).
   */
  private refineByType(receiver: TSESTree.Node, callee: TSESTree.MemberExpression, byName: LoggerKind | undefined): LoggerKind | undefined {
    if (byName && !byName.nameOnly) return byName;
    // `this.error(...)` is a class's own method, `super.error(...)` its parent's: never a logger object.
    if (receiver.type === AST_NODE_TYPES.ThisExpression || receiver.type === AST_NODE_TYPES.Super) return byName;
    const types = this.types?.();
    if (!types) return byName;
    const style = types.loggerStyleOf(receiver);
    if (style) return { style, boundContext: byName?.boundContext ?? false };
    if (byName && types.isClearlyNotLogger(receiver, callee)) return undefined;
    return byName;
  }

  private recognizeFunctionLogger(call: TSESTree.CallExpression, callee: TSESTree.Identifier): LogCall | undefined {
    const asLog = (style: LoggerStyle, level: string): LogCall => ({
      call,
      level,
      isErrorLevel: ERROR_LEVELS.has(level),
      isDiagnosticLevel: DIAGNOSTIC_LEVELS.has(level),
      style,
      boundContext: false,
      entryArguments: call.arguments,
      serializesOnlyErrKey: false,
    });
    if (matchesExtraName(callee.name, this.extra)) return asLog("unknown", "log");
    const init = this.initializerOf(callee);
    if (!init) return undefined;
    if (this.isDebugFactoryCall(init, 0)) return asLog("debug", "debug");
    // `const log = console.error` / `console.log.bind(console)`.
    const target = init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.MemberExpression && memberName(init.callee) === "bind"
      ? init.callee.object
      : init;
    if (target.type === AST_NODE_TYPES.MemberExpression && isConsole(target.object)) {
      const method = memberName(target);
      if (method !== undefined && CONSOLE_METHODS.has(method)) return asLog("console", method);
    }
    return undefined;
  }

  /** Whether `receiver` is a logger object, and which style it has. */
  private recognizeReceiver(receiver: TSESTree.Node, depth: number): LoggerKind | undefined {
    if (depth > 3) return undefined;
    if (isConsole(receiver)) return { style: "console", boundContext: false };
    if (receiver.type === AST_NODE_TYPES.Identifier) return this.recognizeIdentifierReceiver(receiver, depth);
    if (receiver.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(receiver);
      if (name === undefined) return undefined;
      const byOption = matchesExtraName(name, this.extra);
      if (!byOption && !LOGGER_NAME.test(name)) return undefined;
      const holder = receiver.object.type === AST_NODE_TYPES.Identifier ? receiver.object.name : undefined;
      const boundContext = holder !== undefined && REQUEST_OBJECTS.has(holder);
      if (holder !== undefined && PINO_HOLDERS.has(holder) && name === "log") return { style: "pino", boundContext };
      const style = receiver.object.type === AST_NODE_TYPES.ThisExpression ? this.classMemberStyle(receiver, name) : "unknown";
      return { style, boundContext, nameOnly: !byOption && style === "unknown" };
    }
    if (receiver.type === AST_NODE_TYPES.CallExpression && receiver.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(receiver.callee);
      // `logger.child({ orderId }).error(...)`: a child logger carries its bindings.
      if (method === "child") {
        const parent = this.recognizeReceiver(unwrapAwaited(receiver.callee.object), depth + 1);
        return parent && { ...parent, boundContext: true };
      }
      if (method === "getLogger") return { style: this.moduleOf(receiver.callee.object) === "log4js" ? "log4js" : "unknown", boundContext: false };
    }
    if (receiver.type === AST_NODE_TYPES.CallExpression && receiver.callee.type === AST_NODE_TYPES.Identifier && receiver.callee.name === "getLogger") {
      return { style: "unknown", boundContext: false };
    }
    return undefined;
  }

  private recognizeIdentifierReceiver(receiver: TSESTree.Identifier, depth: number): LoggerKind | undefined {
    const binding = this.moduleBindings().get(receiver.name);
    if (binding) {
      const module = packageName(binding.source);
      const moduleStyle = MODULES_THAT_ARE_LOGGERS[module];
      if (moduleStyle) return { style: moduleStyle, boundContext: false };
      if (module === "@nestjs/common" && binding.imported === "Logger") return { style: "nest", boundContext: false };
    }
    const init = this.initializerOf(receiver);
    const fromFactory = init ? this.styleOfFactory(init, depth) : undefined;
    if (fromFactory) return fromFactory;
    if (matchesExtraName(receiver.name, this.extra)) return { style: "unknown", boundContext: false };
    if (LOGGER_NAME.test(receiver.name)) return { style: "unknown", boundContext: false, nameOnly: true };
    return undefined;
  }

  /** The logger style an initializer creates: `pino()`, `winston.createLogger()`, `new Logger(X.name)`, `logger.child()`. */
  private styleOfFactory(init: TSESTree.Expression, depth: number): LoggerKind | undefined {
    const expression = unwrapAwaited(init);
    if (expression.type === AST_NODE_TYPES.NewExpression && expression.callee.type === AST_NODE_TYPES.Identifier) {
      const style = this.factoryStyle(expression.callee);
      return style ? { style, boundContext: false } : undefined;
    }
    if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = expression.callee;
    const serializesOnlyErrKey = usesDefaultSerializers(expression);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const style = this.factoryStyle(callee);
      return style ? { style, boundContext: false, serializesOnlyErrKey: style === "pino" && serializesOnlyErrKey } : undefined;
    }
    if (callee.type === AST_NODE_TYPES.CallExpression) {
      // `require("pino")()`
      const required = requiredModule(callee);
      const style = required ? LOGGER_FACTORIES[packageName(required.source)]?.[required.member ?? "*"] : undefined;
      return style ? { style, boundContext: false, serializesOnlyErrKey: style === "pino" && serializesOnlyErrKey } : undefined;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(callee);
      if (method === "child") {
        const parent = this.recognizeReceiver(unwrapAwaited(callee.object), depth + 1);
        return parent && { ...parent, boundContext: true };
      }
      const module = this.moduleOf(callee.object);
      const style = module && method ? LOGGER_FACTORIES[module]?.[method] : undefined;
      return style ? { style, boundContext: false } : undefined;
    }
    return undefined;
  }

  /** Style of a factory or class identifier imported from a logging library. */
  private factoryStyle(identifier: TSESTree.Identifier): LoggerStyle | undefined {
    const binding = this.moduleBindings().get(identifier.name);
    if (!binding) return undefined;
    return LOGGER_FACTORIES[packageName(binding.source)]?.[binding.imported];
  }

  /** The package a namespace identifier (`winston`, `log4js`) or `require("x")` refers to. */
  private moduleOf(node: TSESTree.Node): string | undefined {
    if (node.type === AST_NODE_TYPES.Identifier) {
      const binding = this.moduleBindings().get(node.name);
      return binding && (binding.imported === "*" || binding.imported === "default") ? packageName(binding.source) : undefined;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const required = requiredModule(node);
      return required && !required.member ? packageName(required.source) : undefined;
    }
    return undefined;
  }

  /** `this.logger`: looks at the class field or constructor parameter that defines it, once per class and name. */
  private classMemberStyle(receiver: TSESTree.MemberExpression, name: string): LoggerStyle {
    let node: TSESTree.Node | undefined = receiver.parent;
    while (node && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
    if (!node) return "unknown";
    let styles = this.memberStyles.get(node);
    if (!styles) this.memberStyles.set(node, (styles = new Map()));
    let style = styles.get(name);
    if (style === undefined) {
      style = this.declaredMemberStyle(node, name);
      styles.set(name, style);
    }
    return style;
  }

  private declaredMemberStyle(node: TSESTree.ClassBody, name: string): LoggerStyle {
    for (const member of node.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
        if (member.value) return this.styleOfFactory(member.value, 1)?.style ?? "unknown";
        return this.styleOfTypeAnnotation(member.typeAnnotation);
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor") {
        for (const param of member.value.params) {
          if (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter.type === AST_NODE_TYPES.Identifier && param.parameter.name === name) {
            return this.styleOfTypeAnnotation(param.parameter.typeAnnotation);
          }
        }
      }
    }
    return "unknown";
  }

  private styleOfTypeAnnotation(annotation: TSESTree.TSTypeAnnotation | undefined): LoggerStyle {
    const type = annotation?.typeAnnotation;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference) return "unknown";
    const typeName = type.typeName;
    if (typeName.type === AST_NODE_TYPES.Identifier) {
      const binding = this.moduleBindings().get(typeName.name);
      if (binding) return LOGGER_FACTORIES[packageName(binding.source)]?.[binding.imported] ?? (packageName(binding.source) === "pino" ? "pino" : "unknown");
      return NEST_TYPE_NAMES[typeName.name] ?? "unknown";
    }
    // `pino.Logger`, `winston.Logger`
    if (typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier) {
      const module = this.moduleOf(typeName.left);
      if (module === "pino" || module === "winston" || module === "bunyan") return module;
    }
    return "unknown";
  }

  /** `debug("ns")`, `require("debug")("ns")`, `util.debuglog("ns")`, `debug.extend("sub")`. */
  private isDebugFactoryCall(init: TSESTree.Expression, depth: number): boolean {
    const expression = unwrapAwaited(init);
    if (expression.type !== AST_NODE_TYPES.CallExpression || depth > 2) return false;
    const callee = expression.callee;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const binding = this.moduleBindings().get(callee.name);
      if (!binding) return false;
      const module = packageName(binding.source);
      return module === "debug" || (module === "util" && binding.imported === "debuglog");
    }
    if (callee.type === AST_NODE_TYPES.CallExpression) {
      const required = requiredModule(callee);
      return required !== undefined && packageName(required.source) === "debug";
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(callee);
      if (method === "debuglog") return this.moduleOf(callee.object) === "util";
      if (method === "extend" && callee.object.type === AST_NODE_TYPES.Identifier) {
        const parentInit = this.initializerOf(callee.object);
        return parentInit !== undefined && this.isDebugFactoryCall(parentInit, depth + 1);
      }
    }
    return false;
  }

  /** The initializer of the variable `identifier` refers to, when it is declared once with one. */
  private initializerOf(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    return definition.node.init ?? undefined;
  }

  private moduleBindings(): ReadonlyMap<string, ModuleBinding> {
    this.bindings ??= collectModuleBindings(this.sourceCode.ast);
    return this.bindings;
  }
}

/**
 * `pino()`, `pino({ level })`, `pino(pino.destination(...))`: options we can read, with no `serializers`,
 * `errorKey` or `formatters` that could make another key hold a serialised error.
 */
function usesDefaultSerializers(call: TSESTree.CallExpression): boolean {
  const options = call.arguments[0];
  if (!options) return true;
  if (options.type === AST_NODE_TYPES.CallExpression) return call.arguments.length === 1;
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return options.properties.every(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      !["serializers", "errorKey", "formatters", "hooks"].includes(property.key.name),
  );
}

function isConsole(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === "console";
  // `globalThis.console`, `window.console`
  return node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === "console";
}

