import rule from "../../src/rules/require-retry/index.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import { invalidCases } from "./require-retry/invalid-cases.js";
import { validCases } from "./require-retry/valid-cases.js";

createRuleTester().run("require-retry", rule, { valid: validCases, invalid: invalidCases });

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
      errors: [
        { messageId: "missingRetry", line: 1, column: 41 },
        {
          messageId: "missingTimeout",
          line: 1,
          column: 41,
          suggestions: [
            { messageId: "addSignalTimeout", output: "export const get = (request: string) => fetch(request, { signal: AbortSignal.timeout(10_000) });" },
          ],
        },
      ],
    },
  ],
});
