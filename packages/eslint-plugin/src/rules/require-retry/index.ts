import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { createRule } from "../../util/create-rule.js";
import { collectModuleBindings } from "../../util/module-bindings.js";
import { Judge, type ReportMessageId, type SuggestionMessageId } from "./judge.js";
import { collectLibraryRoles, mayMakeRequests } from "./libraries.js";
import { OutboundCollector } from "./outbound-collector.js";
import { RetryReach } from "./retry-reach.js";
import { SettingsJudge } from "./settings-judge.js";
import { isTestFile } from "../../util/test-files.js";

export interface RequireRetryOptions {
  /** Extra functions that retry the function they are given, e.g. "withResilience" or "http.retrying". */
  retryWrappers?: string[];
  /** Leave calls to localhost, 127.0.0.1 and [::1] alone. */
  allowLocalhost?: boolean;
  /** Also report calls without a timeout, for libraries that set none by default. */
  requireTimeout?: boolean;
  /** Regular expressions; calls whose URL (as written) matches one are left alone. */
  ignoreUrls?: string[];
}

type Options = [RequireRetryOptions];
type MessageIds = ReportMessageId | SuggestionMessageId;

/** Compiled `ignoreUrls`, shared by every file linted with the same configuration. */
const compiledPatterns = new Map<string, RegExp[]>();
const NO_PATTERNS: RegExp[] = [];

function compileIgnoreUrls(patterns: readonly string[]): RegExp[] {
  if (patterns.length === 0) return NO_PATTERNS;
  const cacheKey = patterns.join("\u0000");
  let compiled = compiledPatterns.get(cacheKey);
  if (!compiled) {
    compiled = patterns.map((pattern) => {
      try {
        return new RegExp(pattern);
      } catch {
        throw new Error(`vibeguard/require-retry: ignoreUrls entry ${JSON.stringify(pattern)} is not a valid regular expression.`);
      }
    });
    compiledPatterns.set(cacheKey, compiled);
  }
  return compiled;
}

export default createRule<Options, MessageIds>({
  name: "require-retry",
  meta: {
    type: "problem",
    hasSuggestions: true,
    messages: {
      missingRetry: "{{call}} has no retry policy in reach, so one dropped connection or 503 fails it; {{hint}}.",
      missingTimeout:
        "{{call}} has no timeout and {{library}} sets no overall timeout by default, so a server that stops answering stalls it; {{hint}}.",
      retryDisabled: "{{library}} {{policy}} by default; `{{setting}}` turns that off and no retry wrapper covers these calls.",
      timeoutDisabled: "{{library}} gives up after {{limit}} by default; `{{setting}}` turns that off, so a stalled server hangs the call.",
      addSignalTimeout: "Add `signal: AbortSignal.timeout(10_000)` (a 10-second timeout).",
      addTimeoutOption: "Add `timeout: 10_000` (10 seconds) to the request config.",
      addRequestTimeout: "Add `timeout: { request: 10_000 }` (10 seconds for the whole request).",
      chainTimeout: "Chain `.timeout(10_000)` (10 seconds).",
    },
    schema: [
      {
        type: "object",
        properties: {
          retryWrappers: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description: "Extra functions that retry the function passed to them (names or dotted paths such as `http.retrying`).",
          },
          allowLocalhost: {
            type: "boolean",
            description: "Leave calls to localhost, 127.0.0.1 and [::1] alone.",
          },
          requireTimeout: {
            type: "boolean",
            description: "Also report calls without a timeout, for libraries that set none by default.",
          },
          ignoreUrls: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description: "Regular expressions matched against the URL as written; matching calls are left alone.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ retryWrappers: [], allowLocalhost: true, requireTimeout: true, ignoreUrls: [] }],
  },
  defaultOptions: [{ retryWrappers: [], allowLocalhost: true, requireTimeout: true, ignoreUrls: [] }],
  create(context, [options]) {
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const judgeOptions = {
      allowLocalhost: options.allowLocalhost ?? true,
      requireTimeout: options.requireTimeout ?? true,
      ignoreUrls: compileIgnoreUrls(options.ignoreUrls ?? []),
    };
    const roles = collectLibraryRoles(collectModuleBindings(sourceCode.ast));
    // Most files of a code base cannot make a request at all: skip the listeners there.
    if (!mayMakeRequests(sourceCode.text, roles)) return {};
    const collector = new OutboundCollector(roles, sourceCode);
    const reach = new RetryReach({ sourceCode, roles, extraWrappers: new Set(options.retryWrappers ?? []) });
    const onFunction = (node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression) =>
      reach.onFunction(node);

    return {
      CallExpression(node) {
        collector.onCall(node);
        reach.onCall(node);
      },
      NewExpression: (node) => collector.onNew(node),
      Property: (node) => collector.onProperty(node),
      AssignmentExpression: (node) => collector.onAssignment(node),
      FunctionDeclaration: onFunction,
      FunctionExpression: onFunction,
      ArrowFunctionExpression: onFunction,
      "Program:exit"() {
        collector.resolveInstanceCalls();
        if (collector.calls.length === 0 && collector.createdInstances.length === 0 && collector.settings.length === 0) return;
        const findings = [
          ...new Judge(sourceCode, collector, reach, judgeOptions).judgeCalls(),
          ...new SettingsJudge(sourceCode, collector, reach, roles, judgeOptions.requireTimeout).judge(),
        ];
        for (const finding of findings) {
          const descriptor: TSESLint.ReportDescriptor<MessageIds> = {
            node: finding.node,
            messageId: finding.messageId,
            data: finding.data,
            suggest: finding.suggest.map((suggestion) => ({ messageId: suggestion.messageId, fix: suggestion.fix })),
          };
          context.report(descriptor);
        }
      },
    };
  },
});
