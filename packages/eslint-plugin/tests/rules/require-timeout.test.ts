import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/require-timeout/index.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import { code } from "../code.js";
import { invalidCases } from "./outbound-calls/invalid-cases.js";
import { casesFor } from "./outbound-calls/split.js";
import { validCases } from "./outbound-calls/valid-cases.js";

type MessageIds = "missingTimeout" | "timeoutDisabled" | "addSignalTimeout" | "addTimeoutOption" | "addRequestTimeout" | "chainTimeout";
const shared = casesFor<MessageIds>("timeout", validCases, invalidCases);
const FETCH_TIMEOUT_HINT = "pass `signal: AbortSignal.timeout(ms)`";

createRuleTester().run("require-timeout", rule, {
  valid: [
    ...shared.valid,
    {
      name: "a fetch with no retry but a timeout is require-retry's business",
      code: `export const getPlan = () => fetch("https://plans.example.com/current", { signal: AbortSignal.timeout(5_000) });`,
    },
    {
      name: "a client turning its retries off is a retry problem only",
      code: `import OpenAI from "openai"; export const openai = new OpenAI({ maxRetries: 0 });`,
    },
    {
      name: "timeoutWrappers names a project helper that bounds the call",
      code: code`
        import { bounded } from "./net";
        export const getUser = (id) => bounded(fetch(\`https://api.example.com/users/\${id}\`), 5_000);
      `,
      options: [{ timeoutWrappers: ["bounded"] }],
    },
    {
      name: "timeoutWrappers with a dotted path",
      code: `export const getUser = (id) => net.bounded(() => fetch("https://api.example.com/users/" + id));`,
      options: [{ timeoutWrappers: ["net.bounded"] }],
    },
    {
      name: "a helper named for its deadline needs no listing",
      code: `export const getUser = (id) => withTimeout(fetch("https://api.example.com/users/" + id), 5_000);`,
    },
  ],
  invalid: [
    ...shared.invalid,
    {
      name: "a top-level request whose failure is only logged is no probe: reported",
      code: `fetch("https://api.example.com/health").then((r) => r.json()).catch((e) => console.error(e));`,
      errors: [
        {
          messageId: "missingTimeout",
          line: 1,
          column: 1,
          suggestions: [
            {
              messageId: "addSignalTimeout",
              output: `fetch("https://api.example.com/health", { signal: AbortSignal.timeout(10_000) }).then((r) => r.json()).catch((e) => console.error(e));`,
            },
          ],
        },
      ],
    },
    {
      name: "a call inside p-retry without a timeout: retried, but each attempt can hang",
      code: code`
        import pRetry from "p-retry";
        export const getUser = (id) => pRetry(() => fetch(\`https://api.example.com/users/\${id}\`), { retries: 3 });
      `,
      errors: [
        {
          messageId: "missingTimeout",
          line: 2,
          column: 45,
          data: { call: "fetch()", library: "fetch", hint: FETCH_TIMEOUT_HINT },
          suggestions: [
            {
              messageId: "addSignalTimeout",
              output: code`
                import pRetry from "p-retry";
                export const getUser = (id) => pRetry(() => fetch(\`https://api.example.com/users/\${id}\`, { signal: AbortSignal.timeout(10_000) }), { retries: 3 });
              `,
            },
          ],
        },
      ],
    },
    {
      name: "a helper that is not listed in timeoutWrappers does not count",
      code: `export const getUser = (id) => bounded(fetch("https://api.example.com/users/" + id), 5_000);`,
      options: [{ timeoutWrappers: ["limited"] }],
      errors: [
        {
          messageId: "missingTimeout",
          line: 1,
          column: 40,
          suggestions: [
            {
              messageId: "addSignalTimeout",
              output: `export const getUser = (id) => bounded(fetch("https://api.example.com/users/" + id, { signal: AbortSignal.timeout(10_000) }), 5_000);`,
            },
          ],
        },
      ],
    },
  ],
});

createTypedRuleTester().run("require-timeout (typed)", rule, {
  valid: [
    {
      name: "a Request-typed value is forwarded as is",
      code: "export const forward = (incoming: Request) => fetch(incoming);",
      filename: "require-timeout-typed.ts",
    },
  ],
  invalid: [
    {
      name: "a string named request is still a URL",
      code: "export const get = (request: string) => fetch(request);",
      filename: "require-timeout-typed.ts",
      errors: [
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

// With both rules on, one collection of the file's calls serves both (src/util/outbound/listeners.ts):
// each rule must report exactly what it reports alone, including its own wrapper option.
describe("require-retry and require-timeout together", () => {
  const source = code`
    import axios from "axios";
    import pRetry from "p-retry";
    const api = axios.create({ baseURL: "https://api.example.com" });
    export const a = () => fetch("https://a.example.com/x");
    export const b = () => pRetry(() => fetch("https://b.example.com/y"));
    export const c = () => resilient(() => fetch("https://c.example.com/z", { signal: AbortSignal.timeout(1000) }));
    export const d = () => bounded(fetch("https://d.example.com/w"));
    export const e = (id) => api.get(\`/orders/\${id}\`);
  `;
  const lint = (rules: Linter.RulesRecord) =>
    new Linter({ configType: "flat" })
      .verify(source, [{ files: ["**/*.ts"], languageOptions: { parser: tsParser }, plugins: { vibeguard: plugin }, rules }], "file.ts")
      .map((message) => `${message.ruleId}:${message.line}:${message.column}:${message.messageId}`);
  const retryOptions = { retryWrappers: ["resilient"] };
  const timeoutOptions = { timeoutWrappers: ["bounded"] };

  it("reports what each rule reports alone", () => {
    const retryAlone = lint({ "vibeguard/require-retry": ["error", retryOptions] });
    const timeoutAlone = lint({ "vibeguard/require-timeout": ["error", timeoutOptions] });
    expect(retryAlone.length).toBeGreaterThan(0);
    expect(timeoutAlone.length).toBeGreaterThan(0);
    const both = lint({ "vibeguard/require-timeout": ["error", timeoutOptions], "vibeguard/require-retry": ["error", retryOptions] });
    expect([...both].sort()).toEqual([...retryAlone, ...timeoutAlone].sort());
    const bothOtherOrder = lint({ "vibeguard/require-retry": ["error", retryOptions], "vibeguard/require-timeout": ["error", timeoutOptions] });
    expect([...bothOtherOrder].sort()).toEqual([...retryAlone, ...timeoutAlone].sort());
  });
});
