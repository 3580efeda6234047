import type { ReportMessageId, RetryMessageId } from "../../util/outbound/judge.js";
import { createRule } from "../../util/create-rule.js";
import { outboundCallListeners, URL_FILTER_OPTIONS } from "../../util/outbound/listeners.js";

export interface RequireRetryOptions {
  /** Extra functions that retry the function they are given, e.g. "withResilience" or "http.retrying". */
  retryWrappers?: string[];
  /** Leave calls to localhost, 127.0.0.1 and [::1] alone. */
  allowLocalhost?: boolean;
  /** Regular expressions; calls whose URL (as written) matches one are left alone. */
  ignoreUrls?: string[];
}

type Options = [RequireRetryOptions];

const isRetryMessage = (id: ReportMessageId): id is RetryMessageId => id === "missingRetry" || id === "retryDisabled";

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
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ retryWrappers: [], allowLocalhost: true, ignoreUrls: [] }],
  },
  defaultOptions: [{ retryWrappers: [], allowLocalhost: true, ignoreUrls: [] }],
  create(context, [options]) {
    const settings = {
      concern: "retry" as const,
      ruleId: "require-retry",
      allowLocalhost: options.allowLocalhost ?? true,
      ignoreUrls: options.ignoreUrls ?? [],
      retryWrappers: options.retryWrappers ?? [],
    };
    return outboundCallListeners(context.sourceCode, context.filename, settings, (finding) => {
      if (isRetryMessage(finding.messageId)) context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
    });
  },
});
