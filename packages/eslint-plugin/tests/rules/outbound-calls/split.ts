// require-retry and require-timeout judge the same outbound calls, so their RuleTester cases are written
// once, as the calls appear in real code, with every retry and timeout report each call gets. Each
// rule's suite keeps the reports of its own concern: a case whose reports all belong to the other
// rule is a valid case for this one.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { RequireRetryOptions } from "../../../src/rules/require-retry/index.js";
import type { RequireTimeoutOptions } from "../../../src/rules/require-timeout/index.js";

/**
 * Options a shared case may carry: either rule's. `requireTimeout: false` marks cases written for
 * require-retry alone (from before the rules were split), which require-timeout skips.
 */
export type OutboundCaseOptions = RequireRetryOptions & RequireTimeoutOptions & { requireTimeout?: boolean };

type Concern = "retry" | "timeout";
type SharedValid = ValidTestCase<[OutboundCaseOptions]>;
type SharedInvalid = InvalidTestCase<string, [OutboundCaseOptions]>;

const RETRY_MESSAGES = new Set(["missingRetry", "retryDisabled"]);

function optionsFor(concern: Concern, options: readonly [OutboundCaseOptions] | undefined) {
  if (!options) return undefined;
  const { requireTimeout: _requireTimeout, retryWrappers, timeoutWrappers, ...shared } = options[0];
  const own = concern === "retry" ? { retryWrappers } : { timeoutWrappers };
  const kept = Object.fromEntries(Object.entries({ ...shared, ...own }).filter(([, value]) => value !== undefined));
  return [kept] as [RequireRetryOptions & RequireTimeoutOptions];
}

/** The case with these options, or with none (RuleTester rejects `options: undefined`). */
function withOptions<T extends { options?: unknown }>(testCase: T, options: unknown): T {
  const { options: _options, ...rest } = testCase;
  return (options === undefined ? rest : { ...rest, options }) as T;
}

const skippedBy = (concern: Concern, options: readonly [OutboundCaseOptions] | undefined) =>
  concern === "timeout" && options?.[0].requireTimeout === false;

/** The suite of one rule: shared valid cases stay valid, shared invalid cases keep that rule's reports. */
export function casesFor<MessageIds extends string>(
  concern: Concern,
  valid: readonly SharedValid[],
  invalid: readonly SharedInvalid[],
): { valid: ValidTestCase<[RequireRetryOptions & RequireTimeoutOptions]>[]; invalid: InvalidTestCase<MessageIds, [RequireRetryOptions & RequireTimeoutOptions]>[] } {
  const ours = (messageId: string) => RETRY_MESSAGES.has(messageId) === (concern === "retry");
  const validOut: ValidTestCase<[RequireRetryOptions & RequireTimeoutOptions]>[] = [];
  const invalidOut: InvalidTestCase<MessageIds, [RequireRetryOptions & RequireTimeoutOptions]>[] = [];
  for (const testCase of valid) {
    if (skippedBy(concern, testCase.options)) continue;
    validOut.push(withOptions(testCase, optionsFor(concern, testCase.options)));
  }
  for (const testCase of invalid) {
    if (skippedBy(concern, testCase.options)) continue;
    const errors = testCase.errors.filter((error) => ours(error.messageId));
    const options = optionsFor(concern, testCase.options);
    if (errors.length === 0) {
      const { errors: _errors, output: _output, ...rest } = testCase;
      validOut.push(withOptions(rest, options));
    } else {
      invalidOut.push(withOptions({ ...testCase, errors }, options) as InvalidTestCase<MessageIds, [RequireRetryOptions & RequireTimeoutOptions]>);
    }
  }
  return { valid: validOut, invalid: invalidOut };
}
