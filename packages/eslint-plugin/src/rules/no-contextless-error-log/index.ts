import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isWithin } from "../../util/ast.js";
import { createRule } from "../../util/create-rule.js";
import { perOptions } from "../../util/per-options.js";
import { isTestFile } from "../../util/test-files.js";
import { consolePrintBeforeExit, printsEitherOutcome, printsForPersonAndExits } from "./cli-exit.js";
import { anotherLineDescribesFailure, anotherLineMentionsError } from "./companion-lines.js";
import { type ErrorHandler, type HandlerMatch, HANDLER_DESCRIPTIONS, findEnclosingHandler } from "./error-handler.js";
import { cannotBothRun, consistsOnlyOfLogs, findHandoffs, isGuardedByErrorKind, type Handoff } from "./error-preservation.js";
import { ErrorReferences, carriesError } from "./error-references.js";
import { isDeveloperTrace } from "./log-level.js";
import { LogCallRecognizer, mightBeLogCall, type LogCall, type LoggerNameOptions } from "./log-call.js";
import { analyzeEntry, contextOf, misplacedErrorProperty, objectKeys, type EntryAnalysis } from "./log-context.js";
import { bindErrorFix, freshErrorName, passErrorFixes, renameToErrKeyFix, replaceWithErrorFix } from "./suggestions.js";
import { createLogTypeFacts, passesOtherErrorObject, type LogTypeFacts } from "./type-facts.js";

export type Options = [
  {
    /** Extra logger names: identifiers (`audit`) or `/regex/flags` strings, matched against the receiver or the called function. */
    loggerNames?: string[];
    /** When set, a structured log entry (an object literal argument) in an error handler must have one of these keys. */
    requiredContextKeys?: string[];
    /** Leave alone a log line that drops the error when the handler then rethrows it or passes it on (`next(err)`). */
    allowHandoff?: boolean;
    /** Also check debug/trace/verbose/silly-level lines, the `debug` package's loggers and lines printed only under a debug option. */
    reportDebugLevels?: boolean;
  },
];

export type MessageIds =
  | "errorDropped"
  | "errorDroppedUnbound"
  | "noContext"
  | "missingContextKey"
  | "pinoErrorKey"
  | "useErrKey"
  | "addErrorObject"
  | "replaceWithErrorObject"
  | "bindAndLogError";

const REGEX_OPTION = /^\/(.+)\/([a-z]*)$/;
/** `catch (_)`, `catch (_err)`: the name says the error is deliberately unused (when it really is). */
const IGNORED_BINDING = /^_/;
const MAX_CALLEE_TEXT = 40;

export default createRule<Options, MessageIds>({
  name: "no-contextless-error-log",
  meta: {
    type: "problem",
    hasSuggestions: true,
    messages: {
      errorDropped: "`{{call}}` in this {{handler}} logs {{logged}} but not the error object `{{error}}`, so its stack trace and cause are lost.",
      errorDroppedUnbound:
        "`{{call}}` in this {{handler}} cannot log the error because the handler does not bind it, so its stack trace and cause are lost.",
      noContext:
        "`{{call}}` logs `{{error}}` with {{missing}}; say which operation failed and for which input (an id, a URL, a job name).",
      pinoErrorKey:
        "pino serialises an error only under the `err` key; `{{key}}` is written as `{}`, so the message and stack trace of `{{error}}` are lost.",
      useErrKey: "Put the error under `err`.",
      missingContextKey: "`{{call}}` logs a structured entry in this {{handler}} without any of the required context keys ({{keys}}).",
      addErrorObject: "Log the error object `{{error}}` as well.",
      replaceWithErrorObject: "Log `{{error}}` itself instead of its message.",
      bindAndLogError: "Bind the error as `{{error}}` and log it.",
    },
    schema: [
      {
        type: "object",
        properties: {
          loggerNames: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description: "Extra logger names (identifiers or /regex/ strings) matched against the logger object or the logging function.",
          },
          requiredContextKeys: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description: "Keys of which a structured log entry in an error handler must contain at least one, e.g. requestId.",
          },
          allowHandoff: {
            type: "boolean",
            description: "Leave alone a log line that drops the error when the handler then rethrows it or passes it to the caller (next(err), callback(err)).",
          },
          reportDebugLevels: {
            type: "boolean",
            description: "Also check debug/trace/verbose/silly-level lines, the debug package's loggers and lines printed only under a debug option.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ loggerNames: [], requiredContextKeys: [], allowHandoff: false, reportDebugLevels: false }],
  },
  defaultOptions: [{ loggerNames: [], requiredContextKeys: [], allowHandoff: false, reportDebugLevels: false }],
  create(context, [options]) {
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const extraNames = loggerNamesOf(options);
    const requiredKeys = options.requiredContextKeys ?? [];
    const allowHandoff = options.allowHandoff ?? false;
    const reportDebugLevels = options.reportDebugLevels ?? false;
    // Type information is asked for only when a log call in an error handler needs it; without a program the
    // rule runs on syntax alone, exactly as before.
    let typeFacts: LogTypeFacts | null | undefined;
    const types = sourceCode.parserServices?.program
      ? () => {
          if (typeFacts === undefined) typeFacts = createLogTypeFacts(sourceCode) ?? null;
          return typeFacts ?? undefined;
        }
      : undefined;
    const isErrorTyped = types && ((node: TSESTree.Node) => types()?.isErrorObject(node) ?? false);
    const recognizer = new LogCallRecognizer(sourceCode, extraNames, types);
    // Per-file caches: the error's references per handler and the handoffs per handler scope.
    const referencesByOwner = new Map<TSESTree.Node, ErrorReferences>();
    const handoffsByScope = new Map<TSESTree.Node, Handoff[]>();
    const isLogCall = (call: TSESTree.CallExpression) => mightBeLogCall(call, extraNames) && recognizer.recognize(call) !== undefined;
    // A handler with several logs asks this once per log; the answer depends only on the handler.
    const onlyLogsByRoot = new Map<TSESTree.Node, boolean>();
    const consistsOnlyOfLogsCached = (root: TSESTree.Node) => {
      let answer = onlyLogsByRoot.get(root);
      if (answer === undefined) {
        answer = consistsOnlyOfLogs(root, isLogCall);
        onlyLogsByRoot.set(root, answer);
      }
      return answer;
    };

    const referencesOf = (handler: ErrorHandler & { binding: TSESTree.Identifier }) => {
      let references = referencesByOwner.get(handler.owner);
      if (!references) {
        references = ErrorReferences.fromBinding(sourceCode, handler.owner, handler.binding, isErrorTyped);
        referencesByOwner.set(handler.owner, references);
      }
      return references;
    };
    const handoffsOf = (handler: ErrorHandler, references: ErrorReferences) => {
      let handoffs = handoffsByScope.get(handler.handoffScope);
      if (!handoffs) {
        handoffs = findHandoffs(handler.handoffScope, references, isLogCall);
        handoffsByScope.set(handler.handoffScope, handoffs);
      }
      return handoffs;
    };

    /** With type information: the log passes an Error-typed value the syntax could not trace to the caught error. */
    const passesErrorByType = (log: LogCall, references: ErrorReferences | undefined) => {
      const facts = types?.();
      return facts !== undefined && passesOtherErrorObject(sourceCode, log.entryArguments, references, facts);
    };

    const calleeText = (log: LogCall) => {
      const text = sourceCode.getText(log.call.callee).replace(/\s+/g, "");
      return text.length > MAX_CALLEE_TEXT ? `${text.slice(0, MAX_CALLEE_TEXT - 1)}…` : text;
    };

    /**
     * `catch {}`, `.catch(() => ...)`, `catch (_e)`: the author chose not to use the error. Report only when an
     * error-level log is all the handler does, so the log is plainly the reaction to the failure.
     */
    const checkIgnoredError = (log: LogCall, match: HandlerMatch) => {
      const handler = match.handler;
      if (!log.isErrorLevel || !consistsOnlyOfLogsCached(handler.root)) return;
      if (handler.binding) {
        const references = referencesOf({ ...handler, binding: handler.binding });
        if (passesErrorByType(log, references)) return;
        reportDropped(log, match, references, analyzeEntry(log.entryArguments, references));
        return;
      }
      if (passesErrorByType(log, undefined)) return;
      const name = freshErrorName(sourceCode, handler);
      context.report({
        node: log.call,
        messageId: "errorDroppedUnbound",
        data: { call: calleeText(log), handler: HANDLER_DESCRIPTIONS[handler.kind] },
        suggest: [
          {
            messageId: "bindAndLogError",
            data: { error: name },
            fix: (fixer) => {
              const binding = bindErrorFix(fixer, sourceCode, handler, name);
              const pass = passErrorFixes(fixer, sourceCode, log, name);
              return binding && pass ? [binding, ...pass] : null;
            },
          },
        ],
      });
    };

    const reportDropped = (log: LogCall, match: HandlerMatch, references: ErrorReferences, entry: EntryAnalysis) => {
      const handler = match.handler;
      const errorName = references.bindingName;
      // `console.error("Load failed:", err.message)` → `console.error("Load failed:", err)`: the argument that is only
      // the error's text becomes the error. pino and bunyan want the error first, so only a sole argument is swapped.
      // A variable (`const wrapped = new AppError(\`...${err.message}\`)`) may hold more than the message: append instead.
      const textOnly = log.entryArguments.filter(
        (argument) => argument.type !== AST_NODE_TYPES.Identifier && references.classify(argument) === "text" && !contextOf(argument, references).context,
      );
      const swappable = log.style === "pino" || log.style === "bunyan" ? log.entryArguments.length === 1 : true;
      const replaced = textOnly.length === 1 && swappable ? textOnly[0] : undefined;
      // Prefer the alias the call already uses: `this.logger.error(error.message)` → `this.logger.error(error)`.
      const replacement = (replaced && references.errorObjectIn(replaced)?.name) ?? errorName;
      context.report({
        node: log.call,
        messageId: "errorDropped",
        data: {
          call: calleeText(log),
          handler: HANDLER_DESCRIPTIONS[handler.kind],
          logged: entry.errorUse === "text" ? "only the error's message" : "a message",
          error: errorName,
        },
        suggest: replaced
          ? [{ messageId: "replaceWithErrorObject", data: { error: replacement }, fix: (fixer) => replaceWithErrorFix(fixer, replaced, replacement) }]
          : [{ messageId: "addErrorObject", data: { error: errorName }, fix: (fixer) => passErrorFixes(fixer, sourceCode, log, errorName) ?? null }],
      });
    };

    const checkLog = (log: LogCall, match: HandlerMatch) => {
      const handler = match.handler;
      if (!handler.binding) {
        checkIgnoredError(log, match);
        return;
      }
      const references = referencesOf({ ...handler, binding: handler.binding });
      if (IGNORED_BINDING.test(handler.binding.name) && references.isUnused) {
        checkIgnoredError(log, match);
        return;
      }
      const entry = analyzeEntry(log.entryArguments, references);
      if (entry.errorUse === "detail") return;
      // Traces off in production, and REPL helpers printing either outcome, are not what on-call reads.
      const notForOnCall = () => (!reportDebugLevels && isDeveloperTrace(log, match.branches)) || printsEitherOutcome(log.call, match.branches[0]);
      if (!carriesError(entry.errorUse)) {
        // `debug("falling back to defaults")`: a trace of what happens next, not a report of the failure.
        if (log.isDiagnosticLevel && entry.errorUse === "none") return;
        if (notForOnCall()) return;
        if (entry.errorUse === "none" && anotherLineMentionsError(handler.root, log.call, references, isLogCall)) return;
        if (isGuardedByErrorKind(match.branches, references)) return;
        // Another line that logs or records the error keeps it; a rethrow or `next(err)` does too when
        // `allowHandoff` is set, but by default this line, the one on-call reads first, still lacks it.
        const keeps = (handoff: Handoff) => handoff.isLog || !handoff.passesOn || allowHandoff;
        if (handoffsOf(handler, references).some((handoff) => keeps(handoff) && !cannotBothRun(handoff.node, log.call))) return;
        // A CLI printing `err.message` for the person at the terminal, then exiting non-zero.
        if (entry.errorUse === "text" && printsForPersonAndExits(log.call, context.filename)) return;
        // Instructions or blank lines printed for the person at the terminal next to the line that says what
        // failed, before a non-zero exit (`console.log("sudo chown -R ...")`).
        const besideFailureLine = () => anotherLineDescribesFailure(handler.root, log.call, references, isLogCall);
        if (entry.errorUse === "none" && !log.isErrorLevel && consolePrintBeforeExit(log.call) && besideFailureLine()) return;
        if (passesErrorByType(log, references)) return;
        reportDropped(log, match, references, entry);
        return;
      }
      if (log.serializesOnlyErrKey) {
        const misplaced = misplacedErrorProperty(log.entryArguments, references);
        if (misplaced) {
          context.report({
            node: misplaced,
            messageId: "pinoErrorKey",
            data: { key: sourceCode.getText(misplaced.key), error: references.bindingName },
            suggest: [{ messageId: "useErrKey", fix: (fixer) => renameToErrKeyFix(fixer, sourceCode, misplaced) }],
          });
          return;
        }
      }
      if (log.boundContext) return;
      if (!entry.hasContext && !handler.global) {
        // A rethrow or `next(err)` lets the caller add the context.
        const handedOn = handoffsOf(handler, references).some(
          (handoff) => !handoff.isLog && !isWithin(log.call, handoff.node) && !cannotBothRun(handoff.node, log.call),
        );
        if (handedOn || notForOnCall()) return;
        if (anotherLineDescribesFailure(handler.root, log.call, references, isLogCall) || consolePrintBeforeExit(log.call)) return;
        context.report({
          node: log.call,
          messageId: "noContext",
          data: {
            call: calleeText(log),
            error: references.bindingName,
            missing: entry.genericMessage === undefined ? "no message" : `only the generic message "${entry.genericMessage.trim()}"`,
          },
        });
        return;
      }
      checkRequiredKeys(log, handler, entry);
    };

    const checkRequiredKeys = (log: LogCall, handler: ErrorHandler, entry: EntryAnalysis) => {
      if (requiredKeys.length === 0 || entry.structuredObjects.length === 0) return;
      const satisfied = entry.structuredObjects.some((object) => {
        const keys = objectKeys(object);
        return keys === undefined || keys.some((key) => requiredKeys.includes(key));
      });
      if (satisfied) return;
      context.report({
        node: log.call,
        messageId: "missingContextKey",
        data: { call: calleeText(log), handler: HANDLER_DESCRIPTIONS[handler.kind], keys: requiredKeys.map((key) => `\`${key}\``).join(", ") },
      });
    };

    return {
      CallExpression(call) {
        if (!mightBeLogCall(call, extraNames)) return;
        const match = findEnclosingHandler(call);
        if (!match) return;
        const log = recognizer.recognize(call);
        if (log) checkLog(log, match);
      },
    } satisfies TSESLint.RuleListener;
  },
});

/** A `/regex/` option that does not compile is taken as a plain name rather than crashing the lint run. */
function compilePattern(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

/** The `loggerNames` option, parsed once per configuration. */
const loggerNamesOf = perOptions((options: { loggerNames?: readonly string[] }) => parseLoggerNames(options.loggerNames ?? []));

/** Splits the `loggerNames` option into exact names and `/regex/flags` patterns. */
function parseLoggerNames(values: readonly string[]): LoggerNameOptions {
  const names = new Set<string>();
  const patterns: RegExp[] = [];
  for (const value of values) {
    const regex = REGEX_OPTION.exec(value);
    const pattern = regex ? compilePattern(regex[1]!, regex[2]!) : undefined;
    if (pattern) patterns.push(pattern);
    else names.add(value);
  }
  return { names, patterns };
}
