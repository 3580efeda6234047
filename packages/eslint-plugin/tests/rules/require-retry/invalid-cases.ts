import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { RequireRetryOptions } from "../../../src/rules/require-retry/index.js";
import { code } from "../../code.js";

type MessageIds =
  | "missingRetry"
  | "missingTimeout"
  | "retryDisabled"
  | "timeoutDisabled"
  | "addSignalTimeout"
  | "addTimeoutOption"
  | "chainTimeout";
type Invalid = InvalidTestCase<MessageIds, [RequireRetryOptions]>;

const FETCH_RETRY_HINT = "wrap it in a retry helper such as p-retry, or use a client that retries (ky, got)";
const FETCH_TIMEOUT_HINT = "pass `signal: AbortSignal.timeout(ms)`";
const AXIOS_TIMEOUT_HINT = "set `timeout` on the call, on the instance (`axios.create({ timeout })`) or in `axios.defaults.timeout`";
const HTTP_RETRY_HINT = "wrap the request in a retry helper such as p-retry";
const HTTP_TIMEOUT_HINT = "pass `signal: AbortSignal.timeout(ms)`, or set `timeout` and destroy the request on its 'timeout' event";
const axiosRetryHint = (target: string) => `apply axios-retry to \`${target}\` or wrap the call in a retry helper such as p-retry`;

/** A fetch-like call without retry, at the given position. */
const fetchRetry = (line: number, column: number, call = "fetch()") => ({
  messageId: "missingRetry" as const,
  line,
  column,
  data: { call, hint: FETCH_RETRY_HINT },
});

/** A fetch-like call without timeout; `output` is the suggestion's result, when one is offered. */
const fetchTimeout = (line: number, column: number, output?: string, call = "fetch()", library = "fetch") => ({
  messageId: "missingTimeout" as const,
  line,
  column,
  data: { call, library, hint: FETCH_TIMEOUT_HINT },
  suggestions: output === undefined ? [] : [{ messageId: "addSignalTimeout" as const, output }],
});

const axiosRetry = (line: number, column: number, call: string, target = "axios") => ({
  messageId: "missingRetry" as const,
  line,
  column,
  data: { call, hint: axiosRetryHint(target) },
});

const axiosTimeout = (line: number, column: number, call: string, output?: string) => ({
  messageId: "missingTimeout" as const,
  line,
  column,
  data: { call, library: "axios", hint: AXIOS_TIMEOUT_HINT },
  suggestions: output === undefined ? [] : [{ messageId: "addTimeoutOption" as const, output }],
});

const axiosInstanceTimeout = (line: number, column: number, output?: string) => ({
  messageId: "missingTimeout" as const,
  line,
  column,
  data: { call: "axios.create()", library: "axios", hint: "add `timeout` to the instance config" },
  suggestions: output === undefined ? [] : [{ messageId: "addTimeoutOption" as const, output }],
});

const retryDisabled = (line: number, column: number, library: string, policy: string, setting: string) => ({
  messageId: "retryDisabled" as const,
  line,
  column,
  data: { library, policy, setting },
});

const fetchCases: Invalid[] = [
  {
    name: "global fetch with no init",
    code: code`
      export async function getUser(id: string) {
        const response = await fetch(\`https://api.example.com/users/\${id}\`);
        return response.json();
      }
    `,
    errors: [
      fetchRetry(2, 26),
      fetchTimeout(
        2,
        26,
        code`
          export async function getUser(id: string) {
            const response = await fetch(\`https://api.example.com/users/\${id}\`, { signal: AbortSignal.timeout(10_000) });
            return response.json();
          }
        `,
      ),
    ],
  },
  {
    name: "POST with a multi-line init object",
    code: code`
      export async function createOrder(order: { id: string }) {
        const res = await fetch("https://orders.example.com/v1/orders", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(order),
        });
        return res.json();
      }
    `,
    errors: [
      fetchRetry(2, 21),
      fetchTimeout(
        2,
        21,
        code`
          export async function createOrder(order: { id: string }) {
            const res = await fetch("https://orders.example.com/v1/orders", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(order),
              signal: AbortSignal.timeout(10_000),
            });
            return res.json();
          }
        `,
      ),
    ],
  },
  {
    name: "promise chain in CommonJS",
    code: code`
      function loadRates() {
        return fetch("https://rates.example.com/latest")
          .then((res) => res.json())
          .then((body) => body.rates);
      }
      module.exports = { loadRates };
    `,
    filename: "file.js",
    errors: [
      fetchRetry(2, 10),
      fetchTimeout(
        2,
        10,
        code`
          function loadRates() {
            return fetch("https://rates.example.com/latest", { signal: AbortSignal.timeout(10_000) })
              .then((res) => res.json())
              .then((body) => body.rates);
          }
          module.exports = { loadRates };
        `,
      ),
    ],
  },
  {
    name: "globalThis.fetch with a one-line init",
    code: `export const ping = () => globalThis.fetch("https://status.example.com/ping", { method: "HEAD" });`,
    errors: [
      fetchRetry(1, 27, "globalThis.fetch()"),
      fetchTimeout(
        1,
        27,
        `export const ping = () => globalThis.fetch("https://status.example.com/ping", { method: "HEAD", signal: AbortSignal.timeout(10_000) });`,
        "globalThis.fetch()",
      ),
    ],
  },
  {
    name: "window.fetch in browser code, URL from an environment variable",
    code: "const API = import.meta.env.VITE_API_URL;\nexport const getMenu = () => window.fetch(`${API}/menu`).then((r) => r.json());",
    errors: [
      fetchRetry(2, 30, "window.fetch()"),
      fetchTimeout(
        2,
        30,
        "const API = import.meta.env.VITE_API_URL;\nexport const getMenu = () => window.fetch(`${API}/menu`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.json());",
        "window.fetch()",
      ),
    ],
  },
  {
    name: "node-fetch imported with ESM",
    code: code`
      import fetch from "node-fetch";
      export async function getTemperature(city: string) {
        const res = await fetch(\`https://weather.example.com/\${city}\`, { headers: { accept: "application/json" } });
        return (await res.json()) as { celsius: number };
      }
    `,
    errors: [
      fetchRetry(3, 21),
      fetchTimeout(
        3,
        21,
        code`
          import fetch from "node-fetch";
          export async function getTemperature(city: string) {
            const res = await fetch(\`https://weather.example.com/\${city}\`, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(10_000) });
            return (await res.json()) as { celsius: number };
          }
        `,
        "fetch()",
        "node-fetch",
      ),
    ],
  },
  {
    name: "node-fetch required under another name",
    code: code`
      const nodeFetch = require("node-fetch");
      module.exports.notify = (text) => nodeFetch(process.env.SLACK_WEBHOOK_URL, { method: "POST", body: JSON.stringify({ text }) });
    `,
    filename: "file.js",
    errors: [
      fetchRetry(2, 35, "nodeFetch()"),
      fetchTimeout(
        2,
        35,
        code`
          const nodeFetch = require("node-fetch");
          module.exports.notify = (text) => nodeFetch(process.env.SLACK_WEBHOOK_URL, { method: "POST", body: JSON.stringify({ text }), signal: AbortSignal.timeout(10_000) });
        `,
        "nodeFetch()",
        "node-fetch",
      ),
    ],
  },
  {
    name: "fetch imported from undici",
    code: code`
      import { fetch } from "undici";
      export const getCatalog = async () => (await fetch("https://catalog.example.com/items")).json();
    `,
    errors: [
      fetchRetry(2, 46),
      fetchTimeout(
        2,
        46,
        code`
          import { fetch } from "undici";
          export const getCatalog = async () => (await fetch("https://catalog.example.com/items", { signal: AbortSignal.timeout(10_000) })).json();
        `,
        "fetch()",
        "undici",
      ),
    ],
  },
  {
    name: "a timeout but no retry",
    code: `export const getUser = (id: string) => fetch(\`https://users.example.com/\${id}\`, { signal: AbortSignal.timeout(5000) });`,
    errors: [fetchRetry(1, 40)],
  },
  {
    name: "a retry but no timeout",
    code: code`
      import pRetry from "p-retry";
      export const getUser = (id: string) => pRetry(() => fetch(\`https://users.example.com/\${id}\`), { retries: 3 });
    `,
    errors: [
      fetchTimeout(
        2,
        53,
        code`
          import pRetry from "p-retry";
          export const getUser = (id: string) => pRetry(() => fetch(\`https://users.example.com/\${id}\`, { signal: AbortSignal.timeout(10_000) }), { retries: 3 });
        `,
      ),
    ],
  },
  {
    name: "a helper named withRetry that does not retry",
    code: code`
      async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
        return await fn();
      }
      export const getPlan = () => withRetry(() => fetch("https://plans.example.com/current", { signal: AbortSignal.timeout(5000) }));
    `,
    errors: [fetchRetry(4, 46)],
  },
  {
    name: "fetchWithRetry that never loops",
    code: code`
      export async function fetchWithRetry(url: string) {
        const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
        if (!response.ok) throw new Error(String(response.status));
        return response;
      }
    `,
    errors: [fetchRetry(2, 26)],
  },
  {
    name: "init in a constant without a signal (no suggestion: the constant may be shared)",
    code: code`
      const jsonInit = { headers: { accept: "application/json" } };
      export const getFlags = () => fetch("https://flags.example.com/v1/flags", jsonInit);
    `,
    errors: [fetchRetry(2, 31), fetchTimeout(2, 31)],
  },
  {
    name: "a Request built without a signal",
    code: code`
      export function getReport(url: string) {
        const request = new Request(url, { headers: { accept: "text/csv" } });
        return fetch(request);
      }
    `,
    errors: [
      fetchRetry(3, 10),
      fetchTimeout(
        3,
        10,
        code`
          export function getReport(url: string) {
            const request = new Request(url, { headers: { accept: "text/csv" } });
            return fetch(request, { signal: AbortSignal.timeout(10_000) });
          }
        `,
      ),
    ],
  },
  {
    name: "a for-of loop over URLs is not a retry",
    code: code`
      export async function warmCaches(urls: string[]) {
        for (const url of urls) {
          try {
            await fetch(url, { signal: AbortSignal.timeout(2000) });
          } catch (error) {
            console.warn("warm-up failed", url, error);
          }
        }
      }
    `,
    errors: [fetchRetry(4, 13)],
  },
  {
    name: "TanStack Query with retries switched off",
    code: code`
      import { useQuery } from "@tanstack/react-query";
      export const useInvoice = (id: string) =>
        useQuery({ queryKey: ["invoice", id], queryFn: ({ signal }) => fetch(\`https://billing.example.com/\${id}\`, { signal }), retry: false });
    `,
    errors: [fetchRetry(3, 66)],
  },
  {
    name: "React effect fetching a third-party API",
    code: code`
      import { useEffect, useState } from "react";
      export function Weather({ city }: { city: string }) {
        const [data, setData] = useState<unknown>(null);
        useEffect(() => {
          fetch(\`https://api.weather.example/v1/\${city}\`).then((r) => r.json()).then(setData);
        }, [city]);
        return <pre>{JSON.stringify(data)}</pre>;
      }
    `,
    filename: "Weather.tsx",
    errors: [
      fetchRetry(5, 5),
      fetchTimeout(
        5,
        5,
        code`
          import { useEffect, useState } from "react";
          export function Weather({ city }: { city: string }) {
            const [data, setData] = useState<unknown>(null);
            useEffect(() => {
              fetch(\`https://api.weather.example/v1/\${city}\`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.json()).then(setData);
            }, [city]);
            return <pre>{JSON.stringify(data)}</pre>;
          }
        `,
      ),
    ],
  },
  {
    name: "init object behind a TypeScript cast",
    code: `export const remove = (id: string) => fetch("https://api.example.com/items/" + id, { method: "DELETE" } as RequestInit);`,
    errors: [
      fetchRetry(1, 39),
      fetchTimeout(
        1,
        39,
        `export const remove = (id: string) => fetch("https://api.example.com/items/" + id, { method: "DELETE", signal: AbortSignal.timeout(10_000) } as RequestInit);`,
      ),
    ],
  },
  {
    name: "optional call on globalThis.fetch",
    code: `export const beacon = () => globalThis.fetch?.("https://collect.example.com/b", { method: "POST", keepalive: true });`,
    errors: [
      fetchRetry(1, 29, "globalThis.fetch()"),
      fetchTimeout(
        1,
        29,
        `export const beacon = () => globalThis.fetch?.("https://collect.example.com/b", { method: "POST", keepalive: true, signal: AbortSignal.timeout(10_000) });`,
        "globalThis.fetch()",
      ),
    ],
  },
  {
    name: "each call in a function is reported once",
    code: code`
      export async function dashboard(userId: string) {
        const [profile, orders] = await Promise.all([
          fetch(\`https://profiles.example.com/\${userId}\`, { signal: AbortSignal.timeout(3000) }),
          fetch(\`https://orders.example.com/?user=\${userId}\`, { signal: AbortSignal.timeout(3000) }),
        ]);
        return { profile: await profile.json(), orders: await orders.json() };
      }
    `,
    errors: [fetchRetry(3, 5), fetchRetry(4, 5)],
  },
];

const axiosCases: Invalid[] = [
  {
    name: "axios.get with no config",
    code: code`
      import axios from "axios";
      export async function getRepo(name: string) {
        const { data } = await axios.get(\`https://api.github.com/repos/\${name}\`);
        return data;
      }
    `,
    errors: [
      axiosRetry(3, 26, "axios.get()"),
      axiosTimeout(
        3,
        26,
        "axios.get()",
        code`
          import axios from "axios";
          export async function getRepo(name: string) {
            const { data } = await axios.get(\`https://api.github.com/repos/\${name}\`, { timeout: 10_000 });
            return data;
          }
        `,
      ),
    ],
  },
  {
    name: "axios.post with a body and no config",
    code: code`
      const axios = require("axios");
      exports.track = (event) => axios.post("https://analytics.example.com/events", event);
    `,
    filename: "file.js",
    errors: [
      axiosRetry(2, 28, "axios.post()"),
      axiosTimeout(
        2,
        28,
        "axios.post()",
        code`
          const axios = require("axios");
          exports.track = (event) => axios.post("https://analytics.example.com/events", event, { timeout: 10_000 });
        `,
      ),
    ],
  },
  {
    name: "axios.put with headers in its config",
    code: code`
      import axios from "axios";
      export const save = (doc: { id: string }) =>
        axios.put(\`https://docs.example.com/\${doc.id}\`, doc, { headers: { "if-match": "*" } });
    `,
    errors: [
      axiosRetry(3, 3, "axios.put()"),
      axiosTimeout(
        3,
        3,
        "axios.put()",
        code`
          import axios from "axios";
          export const save = (doc: { id: string }) =>
            axios.put(\`https://docs.example.com/\${doc.id}\`, doc, { headers: { "if-match": "*" }, timeout: 10_000 });
        `,
      ),
    ],
  },
  {
    name: "axios called with a config object",
    code: code`
      import axios from "axios";
      export const charge = (amount: number) =>
        axios({
          method: "post",
          url: "https://payments.example.com/charges",
          data: { amount },
        });
    `,
    errors: [
      axiosRetry(3, 3, "axios()"),
      axiosTimeout(
        3,
        3,
        "axios()",
        code`
          import axios from "axios";
          export const charge = (amount: number) =>
            axios({
              method: "post",
              url: "https://payments.example.com/charges",
              data: { amount },
              timeout: 10_000,
            });
        `,
      ),
    ],
  },
  {
    name: "axios called with a URL",
    code: `import axios from "axios";\nexport const health = () => axios("https://status.example.com/health");`,
    errors: [
      axiosRetry(2, 29, "axios()"),
      axiosTimeout(2, 29, "axios()", `import axios from "axios";\nexport const health = () => axios("https://status.example.com/health", { timeout: 10_000 });`),
    ],
  },
  {
    name: "axios.request with a config object",
    code: `import axios from "axios";\nexport const ls = () => axios.request({ url: "https://files.example.com/ls", method: "get" });`,
    errors: [
      axiosRetry(2, 25, "axios.request()"),
      axiosTimeout(
        2,
        25,
        "axios.request()",
        `import axios from "axios";\nexport const ls = () => axios.request({ url: "https://files.example.com/ls", method: "get", timeout: 10_000 });`,
      ),
    ],
  },
  {
    name: "axios instance without timeout or retry",
    code: code`
      import axios from "axios";
      const api = axios.create({ baseURL: process.env.API_URL });
      export const getUser = (id: string) => api.get(\`/users/\${id}\`);
      export const deleteUser = (id: string) => api.delete(\`/users/\${id}\`);
    `,
    errors: [
      axiosInstanceTimeout(
        2,
        13,
        code`
          import axios from "axios";
          const api = axios.create({ baseURL: process.env.API_URL, timeout: 10_000 });
          export const getUser = (id: string) => api.get(\`/users/\${id}\`);
          export const deleteUser = (id: string) => api.delete(\`/users/\${id}\`);
        `,
      ),
      axiosRetry(3, 40, "api.get()", "api"),
      axiosRetry(4, 43, "api.delete()", "api"),
    ],
  },
  {
    name: "axios instance stored on this in a service class",
    code: code`
      import axios, { type AxiosInstance } from "axios";
      export class BillingService {
        private readonly http: AxiosInstance;
        constructor(baseURL: string) {
          this.http = axios.create({
            baseURL,
            headers: { "x-api-key": process.env.BILLING_KEY },
          });
        }
        async invoices(customerId: string) {
          const { data } = await this.http.get(\`/customers/\${customerId}/invoices\`);
          return data;
        }
      }
    `,
    errors: [
      axiosInstanceTimeout(
        5,
        17,
        code`
          import axios, { type AxiosInstance } from "axios";
          export class BillingService {
            private readonly http: AxiosInstance;
            constructor(baseURL: string) {
              this.http = axios.create({
                baseURL,
                headers: { "x-api-key": process.env.BILLING_KEY },
                timeout: 10_000,
              });
            }
            async invoices(customerId: string) {
              const { data } = await this.http.get(\`/customers/\${customerId}/invoices\`);
              return data;
            }
          }
        `,
      ),
      axiosRetry(11, 28, "this.http.get()", "this.http"),
    ],
  },
  {
    name: "axios instance in a class field, created without config",
    code: code`
      import axios from "axios";
      export class GeoClient {
        private client = axios.create();
        lookup(ip: string) {
          return this.client.get("https://geo.example.com/" + ip, { timeout: 2000 });
        }
      }
    `,
    errors: [
      axiosRetry(5, 12, "this.client.get()", "this.client"),
    ],
  },
  {
    name: "axios-retry applied to another instance",
    code: code`
      import axios from "axios";
      import axiosRetry from "axios-retry";
      const payments = axios.create({ baseURL: "https://payments.example.com", timeout: 5000 });
      const search = axios.create({ baseURL: "https://search.example.com", timeout: 5000 });
      axiosRetry(payments, { retries: 3 });
      export const find = (q: string) => search.get("/", { params: { q } });
    `,
    errors: [axiosRetry(6, 36, "search.get()", "search")],
  },
  {
    name: "some calls through the instance set a timeout, others do not",
    code: code`
      import axios from "axios";
      import axiosRetry from "axios-retry";
      export const crm = axios.create({ baseURL: "https://crm.example.com/api" });
      axiosRetry(crm);
      export const getLead = (id: string) => crm.get(\`/leads/\${id}\`, { timeout: 3000 });
      export const exportLeads = () => crm.post("/exports", {});
    `,
    errors: [
      axiosInstanceTimeout(
        3,
        20,
        code`
          import axios from "axios";
          import axiosRetry from "axios-retry";
          export const crm = axios.create({ baseURL: "https://crm.example.com/api", timeout: 10_000 });
          axiosRetry(crm);
          export const getLead = (id: string) => crm.get(\`/leads/\${id}\`, { timeout: 3000 });
          export const exportLeads = () => crm.post("/exports", {});
        `,
      ),
    ],
  },
  {
    name: "Express handler calling axios without retry or timeout",
    code: code`
      const express = require("express");
      const axios = require("axios");
      const app = express();
      app.get("/weather/:city", async (req, res) => {
        const response = await axios.get("https://api.weather.example/v1/current", { params: { city: req.params.city } });
        res.json(response.data);
      });
      module.exports = app;
    `,
    filename: "file.js",
    errors: [
      axiosRetry(5, 26, "axios.get()"),
      axiosTimeout(
        5,
        26,
        "axios.get()",
        code`
          const express = require("express");
          const axios = require("axios");
          const app = express();
          app.get("/weather/:city", async (req, res) => {
            const response = await axios.get("https://api.weather.example/v1/current", { params: { city: req.params.city }, timeout: 10_000 });
            res.json(response.data);
          });
          module.exports = app;
        `,
      ),
    ],
  },
];

const nodeHttpCases: Invalid[] = [
  {
    name: "https.request with an options object",
    code: code`
      import https from "node:https";
      export function postJson(body: string) {
        return new Promise((resolve, reject) => {
          const req = https.request({ hostname: "hooks.example.com", path: "/in", method: "POST" }, resolve);
          req.on("error", reject);
          req.end(body);
        });
      }
    `,
    errors: [
      { messageId: "missingRetry", line: 4, column: 17, data: { call: "https.request()", hint: HTTP_RETRY_HINT } },
      {
        messageId: "missingTimeout",
        line: 4,
        column: 17,
        data: { call: "https.request()", library: "node:https", hint: HTTP_TIMEOUT_HINT },
        suggestions: [
          {
            messageId: "addSignalTimeout",
            output: code`
              import https from "node:https";
              export function postJson(body: string) {
                return new Promise((resolve, reject) => {
                  const req = https.request({ hostname: "hooks.example.com", path: "/in", method: "POST", signal: AbortSignal.timeout(10_000) }, resolve);
                  req.on("error", reject);
                  req.end(body);
                });
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "http.get with a URL and a callback (CommonJS)",
    code: code`
      const http = require("http");
      http.get("http://feeds.example.com/latest.xml", (res) => res.pipe(process.stdout)).on("error", console.error);
    `,
    filename: "file.js",
    errors: [
      { messageId: "missingRetry", line: 2, column: 1, data: { call: "http.get()", hint: HTTP_RETRY_HINT } },
      {
        messageId: "missingTimeout",
        line: 2,
        column: 1,
        data: { call: "http.get()", library: "node:http", hint: HTTP_TIMEOUT_HINT },
        suggestions: [
          {
            messageId: "addSignalTimeout",
            output: code`
              const http = require("http");
              http.get("http://feeds.example.com/latest.xml", { signal: AbortSignal.timeout(10_000) }, (res) => res.pipe(process.stdout)).on("error", console.error);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "request imported by name from node:https, with a timeout option",
    code: code`
      import { request } from "node:https";
      export const purge = (path: string) => request({ host: "cdn.example.com", path, method: "PURGE", timeout: 5000 }).end();
    `,
    errors: [{ messageId: "missingRetry", line: 2, column: 40, data: { call: "request()", hint: HTTP_RETRY_HINT } }],
  },
];

const otherClientCases: Invalid[] = [
  {
    name: "undici request without a retrying dispatcher",
    code: code`
      import { request } from "undici";
      export async function getPrice(sku: string) {
        const { body } = await request(\`https://prices.example.com/\${sku}\`);
        return body.json();
      }
    `,
    errors: [
      {
        messageId: "missingRetry",
        line: 3,
        column: 26,
        data: { call: "request()", hint: "send it through undici's RetryAgent or wrap it in a retry helper such as p-retry" },
      },
    ],
  },
  {
    name: "undici Pool request",
    code: code`
      import { Pool } from "undici";
      const pool = new Pool("https://search.example.com", { connections: 10 });
      export const search = (q: string) => pool.request({ path: "/search?q=" + encodeURIComponent(q), method: "GET" });
    `,
    errors: [
      {
        messageId: "missingRetry",
        line: 3,
        column: 38,
        data: { call: "pool.request()", hint: "send it through undici's RetryAgent or wrap it in a retry helper such as p-retry" },
      },
    ],
  },
  {
    name: "superagent without retry or timeout",
    code: code`
      import superagent from "superagent";
      export async function getBook(isbn: string) {
        const res = await superagent.get(\`https://books.example.com/isbn/\${isbn}\`).set("accept", "application/json");
        return res.body;
      }
    `,
    errors: [
      {
        messageId: "missingRetry",
        line: 3,
        column: 21,
        data: { call: "superagent.get()", hint: "chain `.retry(2)` or wrap the call in a retry helper" },
      },
      {
        messageId: "missingTimeout",
        line: 3,
        column: 21,
        data: { call: "superagent.get()", library: "superagent", hint: "chain `.timeout(ms)`" },
        suggestions: [
          {
            messageId: "chainTimeout",
            output: code`
              import superagent from "superagent";
              export async function getBook(isbn: string) {
                const res = await superagent.get(\`https://books.example.com/isbn/\${isbn}\`).timeout(10_000).set("accept", "application/json");
                return res.body;
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "superagent with a timeout but no retry, in a promise chain",
    code: code`
      const request = require("superagent");
      module.exports = (id) => request.post("https://jobs.example.com/run").send({ id }).timeout(5000).then((res) => res.body);
    `,
    filename: "file.js",
    errors: [
      {
        messageId: "missingRetry",
        line: 2,
        column: 26,
        data: { call: "request.post()", hint: "chain `.retry(2)` or wrap the call in a retry helper" },
      },
    ],
  },
  {
    name: "Octokit from @octokit/rest has no retry plugin",
    code: code`
      import { Octokit } from "@octokit/rest";
      const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
      export const listIssues = (owner: string, repo: string) => octokit.rest.issues.listForRepo({ owner, repo });
    `,
    errors: [
      {
        messageId: "missingRetry",
        line: 2,
        column: 17,
        data: {
          call: "new Octokit()",
          hint: "add @octokit/plugin-retry (`Octokit.plugin(retry)`) or use the `octokit` package, which includes it",
        },
      },
    ],
  },
];

const disabledDefaults: Invalid[] = [
  {
    name: "OpenAI with maxRetries: 0",
    code: code`
      import OpenAI from "openai";
      const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, maxRetries: 0 });
      export const complete = (prompt: string) => openai.responses.create({ model: "gpt-4.1", input: prompt });
    `,
    errors: [retryDisabled(2, 65, "openai", "retries failed requests 2 times", "maxRetries: 0")],
  },
  {
    name: "Anthropic per-request maxRetries: 0",
    code: code`
      import Anthropic from "@anthropic-ai/sdk";
      const client = new Anthropic();
      export const ask = (content: string) =>
        client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 512, messages: [{ role: "user", content }] }, { maxRetries: 0 });
    `,
    errors: [retryDisabled(4, 116, "@anthropic-ai/sdk", "retries failed requests 2 times", "maxRetries: 0")],
  },
  {
    name: "Stripe with maxNetworkRetries: 0",
    code: code`
      import Stripe from "stripe";
      export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { maxNetworkRetries: 0 });
    `,
    errors: [retryDisabled(2, 68, "stripe", "retries failed requests 2 times (1 time in v13–v16)", "maxNetworkRetries: 0")],
  },
  {
    name: "Stripe required and called in CommonJS with maxNetworkRetries: 0",
    code: `const stripe = require("stripe")(process.env.STRIPE_KEY, { maxNetworkRetries: 0 });\nmodule.exports = stripe;`,
    filename: "file.js",
    errors: [retryDisabled(1, 60, "stripe", "retries failed requests 2 times (1 time in v13–v16)", "maxNetworkRetries: 0")],
  },
  {
    name: "AWS SDK v3 client with maxAttempts: 1",
    code: code`
      import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
      const sqs = new SQSClient({ region: "us-east-1", maxAttempts: 1 });
      export const enqueue = (body: string) => sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: body }));
    `,
    errors: [retryDisabled(2, 50, "AWS SDK v3", "makes up to 3 attempts (standard retry mode)", "maxAttempts: 1")],
  },
  {
    name: "got call with retry limit 0",
    code: `import got from "got";\nexport const pay = (body: object) => got.post("https://pay.example.com/charge", { json: body, retry: { limit: 0 }, timeout: { request: 5000 } }).json();`,
    errors: [retryDisabled(2, 95, "got", "retries failed GET/PUT/HEAD/DELETE requests 2 times", "retry: { limit: 0 }")],
  },
  {
    name: "got.extend with retry limit 0",
    code: code`
      import got from "got";
      export const api = got.extend({ prefixUrl: "https://api.example.com", retry: { limit: 0 }, timeout: { request: 5000 } });
    `,
    errors: [retryDisabled(2, 71, "got", "retries failed GET/PUT/HEAD/DELETE requests 2 times", "retry: { limit: 0 }")],
  },
  {
    name: "ky.create with retry: 0",
    code: code`
      import ky from "ky";
      const api = ky.create({ prefixUrl: "https://api.example.com", retry: 0 });
      export const getTeam = (id: string) => api.get(\`teams/\${id}\`).json();
    `,
    errors: [retryDisabled(2, 63, "ky", "retries failed GET/PUT/HEAD/DELETE requests 2 times", "retry: 0")],
  },
  {
    name: "ky with timeout: false",
    code: `import ky from "ky";\nexport const stream = () => ky.get("https://events.example.com/stream", { timeout: false });`,
    errors: [
      {
        messageId: "timeoutDisabled",
        line: 2,
        column: 75,
        data: { library: "ky", limit: "10 seconds", setting: "timeout: false" },
      },
    ],
  },
  {
    name: "googleapis with retry: false",
    code: code`
      import { google } from "googleapis";
      google.options({ retry: false });
    `,
    errors: [retryDisabled(2, 18, "googleapis", "retries failed requests 3 times", "retry: false")],
  },
];

const optionCases: Invalid[] = [
  {
    name: "requireTimeout: false still reports missing retries",
    code: `export const getUser = (id: string) => fetch(\`https://users.example.com/\${id}\`);`,
    options: [{ requireTimeout: false }],
    errors: [fetchRetry(1, 40)],
  },
  {
    name: "allowLocalhost: false reports calls to localhost",
    code: `export const health = () => fetch("http://localhost:8080/health", { signal: AbortSignal.timeout(1000) });`,
    options: [{ allowLocalhost: false }],
    errors: [fetchRetry(1, 29)],
  },
  {
    name: "a wrapper that is not listed in retryWrappers",
    code: code`
      import { resilient } from "@acme/http";
      export const getFeed = () => resilient(() => fetch("https://feeds.example.com/rss", { signal: AbortSignal.timeout(5000) }));
    `,
    options: [{ retryWrappers: ["withResilience"] }],
    errors: [fetchRetry(2, 46)],
  },
  {
    name: "ignoreUrls that do not match",
    code: `export const ping = () => fetch("https://public.example.com/ping", { signal: AbortSignal.timeout(1000) });`,
    options: [{ ignoreUrls: ["^https://internal\\."] }],
    errors: [fetchRetry(1, 27)],
  },
];


/** Import forms and less common shapes. */
const importForms: Invalid[] = [
  {
    name: "axios loaded with a top-level dynamic import",
    code: code`
      const { default: axios } = await import("axios");
      export async function getStatus() {
        return axios.get("https://status.example.com/api/v2/status.json", { timeout: 3000 });
      }
    `,
    errors: [axiosRetry(3, 10, "axios.get()")],
  },
  {
    name: "axios through `import x = require()`",
    code: `import axios = require("axios");\nexport const get = () => axios.get("https://api.example.com/v1/ping", { timeout: 1000 });`,
    errors: [axiosRetry(2, 26, "axios.get()")],
  },
  {
    name: "Octokit destructured from require",
    code: `const { Octokit } = require("@octokit/rest");\nmodule.exports = new Octokit({ auth: process.env.GH_TOKEN, userAgent: "release-bot" });`,
    filename: "file.js",
    errors: [
      {
        messageId: "missingRetry",
        line: 2,
        column: 18,
        data: {
          call: "new Octokit()",
          hint: "add @octokit/plugin-retry (`Octokit.plugin(retry)`) or use the `octokit` package, which includes it",
        },
      },
    ],
  },
  {
    name: "AzureOpenAI with maxRetries: 0",
    code: `import { AzureOpenAI } from "openai";\nexport const azure = new AzureOpenAI({ deployment: "gpt-4o", maxRetries: 0 });`,
    errors: [retryDisabled(2, 62, "openai", "retries failed requests 2 times", "maxRetries: 0")],
  },
  {
    name: "the AI SDK with maxRetries: 0",
    code: code`
      import { streamText } from "ai";
      import { anthropic } from "@ai-sdk/anthropic";
      export const chat = (prompt: string) => streamText({ model: anthropic("claude-sonnet-4-5"), prompt, maxRetries: 0 });
    `,
    errors: [retryDisabled(3, 101, "the AI SDK (ai)", "retries failed model calls 2 times", "maxRetries: 0")],
  },
  {
    name: "axios instance exported without being stored",
    code: `import axios from "axios";\nexport default axios.create({ baseURL: "https://api.example.com" });`,
    errors: [
      axiosInstanceTimeout(2, 16, `import axios from "axios";\nexport default axios.create({ baseURL: "https://api.example.com", timeout: 10_000 });`),
    ],
  },
  {
    name: "axios.create() with no config at all",
    code: `import axios from "axios";\nexport const http = axios.create();`,
    errors: [axiosInstanceTimeout(2, 21, `import axios from "axios";\nexport const http = axios.create({ timeout: 10_000 });`)],
  },
  {
    name: "URL built with new URL() against a remote base",
    code: code`
      const BASE = process.env.API_BASE;
      export const getUsers = () => fetch(new URL("/users", BASE), { signal: AbortSignal.timeout(5000) });
    `,
    errors: [fetchRetry(2, 31)],
  },
  {
    name: "a parameter called location is not the page's location",
    code: `export const load = (location: { href: string }) => fetch(location.href, { signal: AbortSignal.timeout(1000) });`,
    errors: [fetchRetry(1, 53)],
  },
  {
    name: "a service class building URLs from a field",
    code: code`
      export class PaymentsGateway {
        constructor(private readonly baseUrl: string, private readonly apiKey: string) {}
        async refund(chargeId: string) {
          const res = await fetch(\`\${this.baseUrl}/charges/\${chargeId}/refund\`, {
            method: "POST",
            headers: { authorization: \`Bearer \${this.apiKey}\` },
            signal: AbortSignal.timeout(15_000),
          });
          if (!res.ok) throw new Error(\`refund failed: \${res.status}\`);
          return res.json();
        }
      }
    `,
    errors: [fetchRetry(4, 23)],
  },
  {
    name: "pagination with a while loop and no try is not a retry",
    code: code`
      export async function allPages(token: string) {
        const items: unknown[] = [];
        let next: string | null = "https://api.example.com/items";
        while (next) {
          const res = await fetch(next, { headers: { authorization: token }, signal: AbortSignal.timeout(5000) });
          const page = (await res.json()) as { items: unknown[]; next: string | null };
          items.push(...page.items);
          next = page.next;
        }
        return items;
      }
    `,
    errors: [fetchRetry(5, 23)],
  },
  {
    name: "a mutation (TanStack Query does not retry mutations by default)",
    code: code`
      import { useMutation } from "@tanstack/react-query";
      export const useSubscribe = () =>
        useMutation({
          mutationFn: (email: string) =>
            fetch("https://newsletter.example.com/subscribe", { method: "POST", body: email, signal: AbortSignal.timeout(5000) }),
        });
    `,
    errors: [fetchRetry(5, 7)],
  },
];


const gotTimeout = (line: number, column: number, call: string, output?: string, hint = "pass `timeout: { request: ms }`") => ({
  messageId: "missingTimeout" as const,
  line,
  column,
  data: { call, library: "got", hint },
  suggestions: output === undefined ? [] : [{ messageId: "addRequestTimeout" as const, output }],
});

/** got retries on its own but has no timeout by default. */
const gotCases: Invalid[] = [
  {
    name: "got call without a timeout",
    code: `import got from "got";\nexport const getCatalog = () => got("https://catalog.example.com/items").json();`,
    errors: [
      gotTimeout(
        2,
        33,
        "got()",
        `import got from "got";\nexport const getCatalog = () => got("https://catalog.example.com/items", { timeout: { request: 10_000 } }).json();`,
      ),
    ],
  },
  {
    name: "got.post with options but no timeout (CommonJS)",
    code: `const got = require("got");\nexports.send = (payload) => got.post("https://hooks.example.com/in", { json: payload }).json();`,
    filename: "file.js",
    errors: [
      gotTimeout(
        2,
        29,
        "got.post()",
        `const got = require("got");\nexports.send = (payload) => got.post("https://hooks.example.com/in", { json: payload, timeout: { request: 10_000 } }).json();`,
      ),
    ],
  },
  {
    name: "got.extend without a timeout, reported once at the instance",
    code: code`
      import got from "got";
      const github = got.extend({ prefixUrl: "https://api.github.com", headers: { "user-agent": "bot" } });
      export const getRepo = (name: string) => github.get(\`repos/\${name}\`).json();
      export const getUser = (name: string) => github(\`users/\${name}\`).json();
    `,
    errors: [
      gotTimeout(
        2,
        16,
        "got.extend()",
        code`
          import got from "got";
          const github = got.extend({ prefixUrl: "https://api.github.com", headers: { "user-agent": "bot" }, timeout: { request: 10_000 } });
          export const getRepo = (name: string) => github.get(\`repos/\${name}\`).json();
          export const getUser = (name: string) => github(\`users/\${name}\`).json();
        `,
        "add `timeout: { request: ms }` to the instance options",
      ),
    ],
  },
];


/** Look-alikes of a covered call that are not covered. */
const almostCovered: Invalid[] = [
  {
    name: "SWR with retries switched off",
    code: code`
      import useSWR from "swr";
      const fetcher = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.json());
      export const useStats = () => useSWR("https://stats.example.com/summary", fetcher, { shouldRetryOnError: false });
    `,
    errors: [fetchRetry(2, 34)],
  },
  {
    name: "Promise.race gives a timeout, not a retry",
    code: code`
      import axios from "axios";
      const timeout = (ms: number) => new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), ms));
      export const getRates = () => Promise.race([axios.get("https://rates.example.com/latest"), timeout(5000)]);
    `,
    errors: [axiosRetry(3, 45, "axios.get()")],
  },
  {
    name: "per-request maxRetries: 0 through a client stored on this",
    code: code`
      import OpenAI from "openai";
      export class Classifier {
        private openai = new OpenAI();
        classify(text: string) {
          return this.openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] }, { maxRetries: 0 });
        }
      }
    `,
    errors: [retryDisabled(5, 121, "openai", "retries failed requests 2 times", "maxRetries: 0")],
  },
  {
    name: "googleapis with retryConfig.retry: 0",
    code: `import { google } from "googleapis";\nexport const sheets = google.sheets({ version: "v4", retryConfig: { retry: 0 } });`,
    errors: [retryDisabled(2, 54, "googleapis", "retries failed requests 3 times", "retryConfig: { retry: 0 }")],
  },
  {
    name: "node:https options in a constant, request ended right away",
    code: code`
      const https = require("https");
      const options = { hostname: "api.partner.example", path: "/v1/sync", method: "POST", headers: { "content-type": "application/json" } };
      function sync(payload) {
        const req = https.request(options, (res) => res.resume());
        req.on("error", (err) => console.error("sync failed", err));
        req.end(JSON.stringify(payload));
      }
      module.exports = sync;
    `,
    filename: "file.js",
    errors: [
      { messageId: "missingRetry", line: 4, column: 15, data: { call: "https.request()", hint: HTTP_RETRY_HINT } },
      {
        messageId: "missingTimeout",
        line: 4,
        column: 15,
        data: { call: "https.request()", library: "node:https", hint: HTTP_TIMEOUT_HINT },
        suggestions: [],
      },
    ],
  },
];

export const invalidCases: Invalid[] = [...fetchCases, ...axiosCases, ...nodeHttpCases, ...otherClientCases, ...disabledDefaults, ...optionCases, ...importForms, ...gotCases, ...almostCovered];
