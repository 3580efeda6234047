import rule from "../../src/rules/require-retry/index.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import { code } from "../code.js";
import { invalidCases } from "./outbound-calls/invalid-cases.js";
import { casesFor } from "./outbound-calls/split.js";
import { validCases } from "./outbound-calls/valid-cases.js";

const split = casesFor<"missingRetry" | "retryDisabled">("retry", validCases, invalidCases);
// The shared cases predate the POST/PATCH exemption and use POSTs to show every library's retry check:
// run them with `includeNonIdempotent` on; the exemption has its own cases below.
const withPosts = <T extends { options?: readonly [object] }>(testCase: T): T =>
  ({ ...testCase, options: [{ ...testCase.options?.[0], includeNonIdempotent: true }] }) as T;
const shared = { valid: split.valid.map(withPosts), invalid: split.invalid.map(withPosts) };

createRuleTester().run("require-retry", rule, {
  valid: [
    ...shared.valid,
    // The file gate: without an HTTP/SDK module named, only a call of the platform's fetch can be reported.
    {
      name: "fetch only inside longer names (prefetch, fetchState, fetch_types) is not a request",
      code: code`
        export function prefetch(options) { return fetchState(options.fetch_types); }
        function fetchState(types) { return types; }
      `,
    },
    {
      name: "a file's own function named fetch is not the platform's",
      code: code`
        function fetch(url) { return cache.get(url); }
        export const load = () => fetch("https://api.example.com/items");
      `,
    },
    {
      name: "a fetch in a file without imports, retried by a helper defined below its first use",
      code: code`
        export const getPlan = () => withRetry(() => fetch("https://plans.example.com/current"));
        async function withRetry(fn) {
          for (let attempt = 0; ; attempt++) {
            try { return await fn(); } catch (error) { if (attempt >= 3) throw error; }
          }
        }
      `,
    },
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
    {
      name: "a one-shot POST claiming a single-use token must not be retried (Actual's SimpleFIN claim)",
      code: code`
        const https = require("https");
        async function getAccessKey(base64Token) {
          const token = Buffer.from(base64Token, "base64").toString();
          const options = { method: "POST", port: 443, headers: { "Content-Length": 0 } };
          return new Promise((resolve, reject) => {
            const req = https.request(new URL(token), options, (res) => res.on("data", (d) => resolve(d.toString())));
            req.on("error", reject);
            req.end();
          });
        }
        module.exports = { getAccessKey };
      `,
    },
    {
      name: "axios.post and a fetch PATCH without an idempotency key are not asked to retry",
      code: code`
        import axios from "axios";
        export const charge = (body: object) => axios.post("https://pay.example.com/charges", body);
        export const rename = (id: string, name: string) =>
          fetch(\`https://api.example.com/items/\${id}\`, { method: "PATCH", body: JSON.stringify({ name }) });
      `,
    },
  ],
  invalid: [
    ...shared.invalid,
    {
      name: "a bracketed window[\"fetch\"] call in a file without imports is reported",
      code: `export const ping = () => window["fetch"]("https://status.example.com/ping");`,
      errors: [{ messageId: "missingRetry", line: 1, column: 27 }],
    },
    {
      name: "a fetch in a file without imports, after a call of a same-named local helper that does not retry",
      code: code`
        export const getPlan = () => withRetry(() => fetch("https://plans.example.com/current"));
        function withRetry(fn) { return fn(); }
      `,
      errors: [{ messageId: "missingRetry", line: 1, column: 46 }],
    },
    {
      name: "a fetch with a timeout but no retry is still reported",
      code: `export const getPlan = () => fetch("https://plans.example.com/current", { signal: AbortSignal.timeout(5_000) });`,
      errors: [{ messageId: "missingRetry", line: 1, column: 30 }],
    },
    {
      name: "a POST that sends an Idempotency-Key is safe to retry, so a missing retry is reported",
      code: code`
        export const charge = (key: string, body: string) =>
          fetch("https://pay.example.com/charges", { method: "POST", headers: { "Idempotency-Key": key }, body });
      `,
      errors: [{ messageId: "missingRetry", line: 2, column: 3 }],
    },
    {
      name: "a POST to a read endpoint (a rate estimate, a GraphQL query) is a query sent as POST: reported",
      code: code`
        import axios from "axios";
        export const rates = (body: object) => axios.post(\`\${process.env.SHIP_URL}/rates/estimate\`, body);
        export const viewer = () => fetch("https://api.github.com/graphql", { method: "POST", body: "{ viewer { login } }" });
      `,
      errors: [
        { messageId: "missingRetry", line: 2, column: 40 },
        { messageId: "missingRetry", line: 3, column: 29 },
      ],
    },
    {
      name: "includeNonIdempotent: true reports POSTs too",
      code: `import axios from "axios"; export const charge = (body: object) => axios.post("https://pay.example.com/charges", body);`,
      options: [{ includeNonIdempotent: true }],
      errors: [{ messageId: "missingRetry", line: 1, column: 68 }],
    },
    {
      name: "GET and PUT stay reported",
      code: code`
        import axios from "axios";
        export const load = (id: string) => axios.get(\`https://api.example.com/items/\${id}\`);
        export const save = (id: string, body: object) => axios.put(\`https://api.example.com/items/\${id}\`, body);
      `,
      errors: [
        { messageId: "missingRetry", line: 2, column: 37 },
        { messageId: "missingRetry", line: 3, column: 51 },
      ],
    },
    {
      name: "the same probe inside a function serves a caller, not an orchestrator: reported",
      code: code`
        export function check(host: string) {
          return fetch(\`https://\${host}/health\`).catch(() => process.exit(1));
        }
      `,
      errors: [{ messageId: "missingRetry", line: 2, column: 10 }],
    },
    {
      name: "a top-level chain that exits 0 on failure is not a probe: reported",
      code: `fetch("https://api.example.com/ping").then((r) => r.json()).catch(() => process.exit(0));`,
      errors: [{ messageId: "missingRetry", line: 1, column: 1 }],
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
