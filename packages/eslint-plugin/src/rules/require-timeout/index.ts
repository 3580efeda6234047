import type { ReportMessageId, SuggestionMessageId, TimeoutMessageId } from "../../util/outbound/judge.js";
import { createRule } from "../../util/create-rule.js";
import { perOptions } from "../../util/per-options.js";
import { isExitOnFailureProbe } from "../../util/outbound/exit-on-failure-probe.js";
import { mayMakeRequests, outboundCallListeners, URL_FILTER_OPTIONS } from "../../util/outbound/listeners.js";

export interface RequireTimeoutOptions {
  /** Functions of the user's own that put a deadline on what they are given, e.g. "withDeadline" or "http.bounded". */
  timeoutWrappers?: string[];
  /** Leave calls to localhost, 127.0.0.1 and [::1] alone. */
  allowLocalhost?: boolean;
  /** Regular expressions; calls whose URL (as written) matches one are left alone. */
  ignoreUrls?: string[];
}

type Options = [RequireTimeoutOptions];
type MessageIds = TimeoutMessageId | SuggestionMessageId;

const isTimeoutMessage = (id: ReportMessageId): id is TimeoutMessageId => id === "missingTimeout" || id === "timeoutDisabled";

/** The shared outbound-call settings, one object per options object (see `perOptions`). */
const outboundSettingsOf = perOptions((options: RequireTimeoutOptions) => ({
  concern: "timeout" as const,
  ruleId: "require-timeout",
  allowLocalhost: options.allowLocalhost ?? true,
  ignoreUrls: options.ignoreUrls ?? [],
  timeoutWrappers: options.timeoutWrappers ?? [],
}));

export default createRule<Options, MessageIds>({
  name: "require-timeout",
  meta: {
    type: "problem",
    hasSuggestions: true,
    messages: {
      missingTimeout:
        "{{call}} has no timeout and {{library}} sets no overall timeout by default, so a server that stops answering stalls it; {{hint}}.",
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
          timeoutWrappers: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              "Extra functions that bound the promise or function passed to them in time (names or dotted paths such as `http.bounded`).",
          },
          ...URL_FILTER_OPTIONS,
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ timeoutWrappers: [], allowLocalhost: true, ignoreUrls: [] }],
  },
  defaultOptions: [{ timeoutWrappers: [], allowLocalhost: true, ignoreUrls: [] }],
  create(context, [options]) {
    // Most files can make no request: they are ruled out before anything is built for them.
    if (!mayMakeRequests(context.sourceCode)) return {};
    return outboundCallListeners(context, () => outboundSettingsOf(options), (finding) => {
      if (!isTimeoutMessage(finding.messageId) || isExitOnFailureProbe(finding.node)) return;
      context.report({
        node: finding.node,
        messageId: finding.messageId,
        data: finding.data,
        suggest: finding.suggest.map((suggestion) => ({ messageId: suggestion.messageId, fix: suggestion.fix })),
      });
    });
  },
});
