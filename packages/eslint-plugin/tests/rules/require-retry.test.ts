import rule from "../../src/rules/require-retry/index.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import { code } from "../code.js";
import { invalidCases } from "./outbound-calls/invalid-cases.js";
import { casesFor } from "./outbound-calls/split.js";
import { validCases } from "./outbound-calls/valid-cases.js";

const shared = casesFor<"missingRetry" | "retryDisabled">("retry", validCases, invalidCases);

createRuleTester().run("require-retry", rule, {
  valid: [
    ...shared.valid,
    {
      name: "a call inside p-retry without a timeout is require-timeout's business, not a retry problem",
      code: code`
        import pRetry from "p-retry";
        export const getUser = (id) => pRetry(() => fetch(\`https://api.example.com/users/\${id}\`), { retries: 3 });
      `,
    },
    {
      name: "ky's timeout: false is a timeout problem only",
      code: `import ky from "ky"; export const api = ky.create({ prefixUrl: "https://api.example.com", timeout: false });`,
    },
  ],
  invalid: [
    ...shared.invalid,
    {
      name: "a fetch with a timeout but no retry is still reported",
      code: `export const getPlan = () => fetch("https://plans.example.com/current", { signal: AbortSignal.timeout(5_000) });`,
      errors: [{ messageId: "missingRetry", line: 1, column: 30 }],
    },
  ],
});

// With type information the rule can tell a forwarded Request from a URL string, whatever its name.
createTypedRuleTester().run("require-retry (typed)", rule, {
  valid: [
    {
      name: "a Request-typed value is forwarded as is",
      code: "export const forward = (incoming: Request) => fetch(incoming);",
      filename: "require-retry-typed.ts",
    },
  ],
  invalid: [
    {
      name: "a string named request is still a URL",
      code: "export const get = (request: string) => fetch(request);",
      filename: "require-retry-typed.ts",
      errors: [{ messageId: "missingRetry", line: 1, column: 41 }],
    },
  ],
});
