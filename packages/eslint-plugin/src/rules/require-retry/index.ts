import type { ReportMessageId, RetryMessageId } from "../../util/outbound/judge.js";
import { createRule } from "../../util/create-rule.js";
import { perOptions } from "../../util/per-options.js";
import { isExitOnFailureProbe } from "../../util/outbound/exit-on-failure-probe.js";
import { mayMakeRequests, outboundCallListeners, URL_FILTER_OPTIONS } from "../../util/outbound/listeners.js";
import { isNonIdempotentWithoutKey } from "./idempotency.js";

export interface RequireRetryOptions {
  /** Extra functions that retry the function they are given, e.g. "withResilience" or "http.retrying". */
  retryWrappers?: string[];
  /** Leave calls to localhost, 127.0.0.1 and [::1] alone. */
  allowLocalhost?: boolean;
  /** Regular expressions; calls whose URL (as written) matches one are left alone. */
  ignoreUrls?: string[];
  /** Also ask POST and PATCH requests without an idempotency key to retry (off: retrying them can repeat their effect). */
  includeNonIdempotent?: boolean;
}

type Options = [RequireRetryOptions];

const isRetryMessage = (id: ReportMessageId): id is RetryMessageId => id === "missingRetry" || id === "retryDisabled";

/** The shared outbound-call settings, one object per options object (see `perOptions`). */
const outboundSettingsOf = perOptions((options: RequireRetryOptions) => ({
  concern: "retry" as const,
  ruleId: "require-retry",
  allowLocalhost: options.allowLocalhost ?? true,
  ignoreUrls: options.ignoreUrls ?? [],
  retryWrappers: options.retryWrappers ?? [],
}));

export default createRule<Options, RetryMessageId>({
  name: "require-retry",
  meta: {
    type: "problem",
    messages: {
      missingRetry: "{{call}} has no retry policy in reach, so one dropped connection or 503 fails it; {{hint}}.",
      retryDisabled: "{{library}} {{policy}} by default; `{{setting}}` turns that off and no retry wrapper covers these calls.",
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
          ...URL_FILTER_OPTIONS,
          includeNonIdempotent: {
            type: "boolean",
            description: "Also report POST and PATCH requests that send no Idempotency-Key header (retrying them can repeat their effect).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ retryWrappers: [], allowLocalhost: true, ignoreUrls: [], includeNonIdempotent: false }],
  },
  defaultOptions: [{ retryWrappers: [], allowLocalhost: true, ignoreUrls: [], includeNonIdempotent: false }],
  create(context, [options]) {
    // Most files can make no request: they are ruled out before anything is built for them.
    if (!mayMakeRequests(context.sourceCode)) return {};
    return outboundCallListeners(context, () => outboundSettingsOf(options), (finding) => {
      if (!isRetryMessage(finding.messageId) || isExitOnFailureProbe(finding.node)) return;
      const skipNonIdempotent = finding.messageId === "missingRetry" && !options.includeNonIdempotent;
      if (skipNonIdempotent && isNonIdempotentWithoutKey(finding.node, context.sourceCode.getScope(finding.node))) return;
      context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
    });
  },
});
