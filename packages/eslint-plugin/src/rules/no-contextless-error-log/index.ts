import type { TSESLint } from "@typescript-eslint/utils";
import { createRule } from "../../util/create-rule.js";
import { perOptions } from "../../util/per-options.js";
import { isTestFile } from "../../util/test-files.js";
import { findEnclosingHandler } from "./error-handler.js";
import { mightBeLogCall, type LoggerNameOptions } from "./log-call.js";
import { ErrorLogChecker, type CheckSettings, type MessageIds } from "./log-checker.js";

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

export type { MessageIds } from "./log-checker.js";

const REGEX_OPTION = /^\/(.+)\/([a-z]*)$/;

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
    const settings = settingsOf(options);
    // Per-file state, made on the first possible log call inside an error handler: most files have none.
    let isTest: boolean | undefined;
    let checker: ErrorLogChecker | undefined;
    return {
      CallExpression(call) {
        // Most calls are decided here from the callee's name alone.
        if (!mightBeLogCall(call, settings.extraNames)) return;
        const match = findEnclosingHandler(call);
        if (!match) return;
        isTest ??= isTestFile(context.filename);
        if (isTest) return;
        checker ??= new ErrorLogChecker(context.sourceCode, context.filename, settings, (report) =>
          context.report({ node: report.node, messageId: report.messageId, data: report.data, suggest: report.suggest }),
        );
        checker.check(call, match);
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

/** The options as the checker uses them, derived once per configuration. */
const settingsOf = perOptions(
  (options: Options[0]): CheckSettings => ({
    extraNames: parseLoggerNames(options.loggerNames ?? []),
    requiredKeys: options.requiredContextKeys ?? [],
    allowHandoff: options.allowHandoff ?? false,
    reportDebugLevels: options.reportDebugLevels ?? false,
  }),
);

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
