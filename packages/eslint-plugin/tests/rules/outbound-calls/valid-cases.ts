import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import type { OutboundCaseOptions } from "./split.js";
import { code } from "../../code.js";

type Valid = ValidTestCase<[OutboundCaseOptions]>;

/** Calls that stay in the same origin or on this machine. */
const sameOriginAndLocal: Valid[] = [
  {
    name: "relative URL from the browser",
    code: code`
      export async function loadCart() {
        const response = await fetch("/api/cart", { credentials: "include" });
        return response.json();
      }
    `,
  },
  {
    name: "relative URL without a leading slash",
    code: `fetch("data/config.json").then((r) => r.json());`,
  },
  {
    name: "template literal that starts with a path",
    code: "export const getTodo = (id: number) => fetch(`/api/todos/${id}`).then((r) => r.json());",
  },
  {
    name: "localhost with a port",
    code: `await fetch("http://localhost:3000/health");`,
  },
  {
    name: "127.0.0.1 in a template literal",
    code: "const port = process.env.PORT; await fetch(`http://127.0.0.1:${port}/ready`);",
  },
  {
    name: "axios instance with a relative baseURL",
    code: code`
      import axios from "axios";
      const api = axios.create({ baseURL: "/api" });
      export const listOrders = () => api.get("/orders");
    `,
  },
  {
    name: "node:http request with no host talks to localhost",
    code: code`
      import http from "node:http";
      http.get({ path: "/metrics", port: 9100 }, (res) => res.resume());
    `,
  },
  {
    name: "URLs built on the page's own origin",
    code: code`
      export const openInEditor = (file: string) => fetch(new URL(\`/__open-in-editor?file=\${file}\`, import.meta.url));
      export const getConfig = () => fetch(\`\${window.location.origin}/config.json\`);
      export const getMe = () => fetch(location.origin + "/api/me");
    `,
  },
  {
    name: "URL built from a localhost base with new URL()",
    code: `await fetch(new URL("/graphql", "http://localhost:4000"));`,
  },
];

/** Calls covered by a retry wrapper from a library. */
const retryLibraries: Valid[] = [
  {
    name: "p-retry around an arrow function, with a timeout signal",
    code: code`
      import pRetry from "p-retry";
      export async function getRepo(name: string) {
        return pRetry(
          async () => {
            const response = await fetch(\`https://api.github.com/repos/\${name}\`, { signal: AbortSignal.timeout(5_000) });
            if (!response.ok) throw new Error(\`GitHub answered \${response.status}\`);
            return response.json();
          },
          { retries: 3 },
        );
      }
    `,
  },
  {
    name: "p-retry given a function declared in the same file",
    code: code`
      import pRetry from "p-retry";
      async function fetchUser(id: string) {
        const response = await fetch(\`https://users.example.com/\${id}\`, { signal: AbortSignal.timeout(3000) });
        return response.json();
      }
      export const getUser = (id: string) => pRetry(() => fetchUser(id), { retries: 5 });
    `,
  },
  {
    name: "p-retry given a function by name, which calls another helper",
    code: code`
      const pRetry = require("p-retry");
      async function syncAll() {
        await pushBatch();
      }
      async function pushBatch() {
        await fetch("https://ingest.example.com/batch", { method: "POST", signal: AbortSignal.timeout(10000) });
      }
      module.exports = () => pRetry(syncAll, { retries: 2 });
    `,
    filename: "file.js",
  },
  {
    name: "p-retry around a class method called through this",
    code: code`
      import pRetry from "p-retry";
      export class WeatherClient {
        async current(city: string) {
          return pRetry(() => this.request(city));
        }
        private async request(city: string) {
          const res = await fetch("https://api.weather.example/v1/" + city, { signal: AbortSignal.timeout(8000) });
          return res.json();
        }
      }
    `,
  },
  {
    name: "async-retry with bail",
    code: code`
      const retry = require("async-retry");
      const fetch = require("node-fetch");
      module.exports.getQuote = () =>
        retry(
          async (bail) => {
            const res = await fetch("https://quotes.example.com/today", { timeout: 5000 });
            if (res.status === 403) return bail(new Error("Unauthorized"));
            return res.text();
          },
          { retries: 4 },
        );
    `,
    filename: "file.js",
  },
  {
    name: "exponential-backoff backOff",
    code: code`
      import { backOff } from "exponential-backoff";
      export const getRates = () => backOff(() => fetch("https://rates.example.com/latest", { signal: AbortSignal.timeout(4000) }));
    `,
  },
  {
    name: "promise-retry",
    code: code`
      import promiseRetry from "promise-retry";
      import axios from "axios";
      export const ping = () => promiseRetry((retry) => axios.get("https://status.example.com", { timeout: 2000 }).catch(retry));
    `,
  },
  {
    name: "cockatiel retry policy executing the call",
    code: code`
      import { ExponentialBackoff, handleAll, retry } from "cockatiel";
      const retryPolicy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
      export async function getInvoice(id: string) {
        return retryPolicy.execute(({ signal }) => fetch(\`https://billing.example.com/invoices/\${id}\`, { signal }));
      }
    `,
  },
  {
    name: "node retry operation.attempt",
    code: code`
      const retry = require("retry");
      const https = require("https");
      function download(url, callback) {
        const operation = retry.operation({ retries: 5 });
        operation.attempt(() => {
          https.get(url, { timeout: 5000 }, (res) => callback(null, res)).on("error", (err) => {
            if (operation.retry(err)) return;
            callback(operation.mainError());
          });
        });
      }
      module.exports = download;
    `,
    filename: "file.js",
  },
  {
    name: "RxJS retry operator on a fetch observable",
    code: code`
      import { from, retry } from "rxjs";
      export const prices$ = from(fetch("https://prices.example.com/feed", { signal: AbortSignal.timeout(5000) })).pipe(retry(3));
    `,
  },
  {
    name: "TanStack Query retries its queryFn",
    code: code`
      import { useQuery } from "@tanstack/react-query";
      export function useProfile(id: string) {
        return useQuery({
          queryKey: ["profile", id],
          queryFn: ({ signal }) => fetch(\`https://api.example.com/profiles/\${id}\`, { signal }).then((r) => r.json()),
        });
      }
    `,
  },
  {
    name: "SWR retries its fetcher",
    code: code`
      import useSWR from "swr";
      const fetcher = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.json());
      export const useStats = () => useSWR("https://stats.example.com/summary", fetcher);
    `,
  },
];

/** Hand-written retries and helpers. */
const handWrittenRetries: Valid[] = [
  {
    name: "local withRetry helper with a loop",
    code: code`
      async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
        let lastError: unknown;
        for (let i = 0; i < attempts; i++) {
          try {
            return await fn();
          } catch (error) {
            lastError = error;
            await new Promise((resolve) => setTimeout(resolve, 2 ** i * 100));
          }
        }
        throw lastError;
      }
      export const getPlan = (id: string) =>
        withRetry(() => fetch(\`https://plans.example.com/\${id}\`, { signal: AbortSignal.timeout(5000) }));
    `,
  },
  {
    name: "fetchWithRetry that loops around fetch itself",
    code: code`
      export async function fetchWithRetry(url: string, init: { method?: string } = {}, retries = 3) {
        for (let attempt = 0; ; attempt++) {
          const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
          if (response.ok || attempt >= retries) return response;
        }
      }
    `,
  },
  {
    name: "try/catch inside a counted loop",
    code: code`
      export async function publish(event: object) {
        for (let i = 0; i < 3; i++) {
          try {
            return await fetch("https://hooks.example.com/events", {
              method: "POST",
              body: JSON.stringify(event),
              signal: AbortSignal.timeout(5000),
            });
          } catch {
            await new Promise((r) => setTimeout(r, 500 * (i + 1)));
          }
        }
      }
    `,
  },
  {
    name: "recursion with an attempt counter",
    code: code`
      import axios from "axios";
      export async function getToken(attempt = 0): Promise<string> {
        try {
          const { data } = await axios.post("https://auth.example.com/token", {}, { timeout: 5000 });
          return data.token;
        } catch (error) {
          if (attempt < 3) return getToken(attempt + 1);
          throw error;
        }
      }
    `,
  },
  {
    name: "retry helper imported from the project",
    code: code`
      import { withRetry } from "../lib/retry";
      export const getFeed = () => withRetry(() => fetch("https://feeds.example.com/rss", { signal: AbortSignal.timeout(5000) }));
    `,
  },
  {
    name: "retryWrappers option names a project helper",
    code: code`
      import { resilient } from "@acme/http";
      export const getFeed = () => resilient(() => fetch("https://feeds.example.com/rss", { signal: AbortSignal.timeout(5000) }));
    `,
    options: [{ retryWrappers: ["resilient"] }],
  },
  {
    name: "retryWrappers option with a dotted path",
    code: code`
      import { http } from "./http";
      export const getFeed = () => http.retrying(() => fetch("https://feeds.example.com/rss", { signal: AbortSignal.timeout(5000) }));
    `,
    options: [{ retryWrappers: ["http.retrying"] }],
  },
];

/** Thin wrappers: the caller decides retries and timeouts. */
const wrappers: Valid[] = [
  {
    name: "init forwarded from a parameter",
    code: code`
      export function apiFetch(path: string, init?: RequestInit) {
        return fetch(\`\${process.env.API_URL}\${path}\`, init);
      }
    `,
  },
  {
    name: "init spread from a parameter",
    code: code`
      export function postJson(url: string, body: unknown, init: RequestInit = {}) {
        return fetch(url, { ...init, method: "POST", body: JSON.stringify(body) });
      }
    `,
  },
  {
    name: "a Request passed through (service worker)",
    code: code`
      self.addEventListener("fetch", (event) => {
        event.respondWith(fetch(event.request));
      });
    `,
    filename: "sw.js",
  },
  {
    name: "a Request parameter forwarded",
    code: `export const proxy = (request: Request) => fetch(request);`,
  },
  {
    name: "axios config forwarded from a parameter",
    code: code`
      import axios, { type AxiosRequestConfig } from "axios";
      export function get<T>(url: string, config?: AxiosRequestConfig) {
        return axios.get<T>(url, config);
      }
    `,
  },
  {
    name: "node:https options from a parameter",
    code: code`
      import https from "node:https";
      export function send(options: https.RequestOptions, body: string) {
        const req = https.request(options);
        req.end(body);
        return req;
      }
    `,
  },
  {
    name: "spread arguments",
    code: `export const call = (...args: Parameters<typeof fetch>) => fetch(...args);`,
  },
];

/** Clients that retry (and time out) on their own. */
const retryingClients: Valid[] = [
  {
    name: "got with a request timeout retries on its own",
    code: code`
      import got from "got";
      export const getCatalog = () => got("https://catalog.example.com/items", { timeout: { request: 10_000 } }).json();
    `,
  },
  {
    name: "got instance with a retry limit",
    code: code`
      import got from "got";
      const client = got.extend({ prefixUrl: "https://api.example.com", retry: { limit: 5 }, timeout: { request: 8000 } });
      export const getUser = (id: string) => client.get(\`users/\${id}\`).json();
    `,
  },
  {
    name: "ky retries and times out by default",
    code: code`
      import ky from "ky";
      export const getTeam = (id: string) => ky.get(\`https://api.example.com/teams/\${id}\`).json();
    `,
  },
  {
    name: "OpenAI with default retries",
    code: code`
      import OpenAI from "openai";
      const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 30_000 });
      export async function summarize(text: string) {
        const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] });
        return completion.choices[0]?.message.content;
      }
    `,
  },
  {
    name: "Anthropic with more retries",
    code: code`
      import Anthropic from "@anthropic-ai/sdk";
      const anthropic = new Anthropic({ maxRetries: 4 });
      export const ask = (prompt: string) =>
        anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1024, messages: [{ role: "user", content: prompt }] });
    `,
  },
  {
    name: "OpenAI with retries off, but every call is wrapped in p-retry",
    code: code`
      import OpenAI from "openai";
      import pRetry from "p-retry";
      const client = new OpenAI({ maxRetries: 0 });
      export const embed = (input: string) => pRetry(() => client.embeddings.create({ model: "text-embedding-3-small", input }));
    `,
  },
  {
    name: "Stripe with default retries (CommonJS)",
    code: code`
      const stripe = require("stripe")(process.env.STRIPE_SECRET_KEY);
      exports.createCustomer = (email) => stripe.customers.create({ email });
    `,
    filename: "file.js",
  },
  {
    name: "AWS SDK v3 client with default and raised attempts",
    code: code`
      import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
      import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
      const s3 = new S3Client({ region: "eu-west-1" });
      const dynamo = new DynamoDBClient({ maxAttempts: 5 });
      export const read = (Key: string) => s3.send(new GetObjectCommand({ Bucket: "assets", Key }));
      export { dynamo };
    `,
  },
  {
    name: "got with retries off inside a retry wrapper",
    code: code`
      import got from "got";
      import pRetry from "p-retry";
      export const getStatus = () => pRetry(() => got("https://status.example.com", { retry: { limit: 0 }, timeout: { request: 2000 } }).json());
    `,
  },
  {
    name: "Octokit from the octokit package (retry plugin included)",
    code: code`
      import { Octokit } from "octokit";
      export const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
    `,
  },
  {
    name: "Octokit with @octokit/plugin-retry",
    code: code`
      import { Octokit } from "@octokit/rest";
      import { retry } from "@octokit/plugin-retry";
      const RetryingOctokit = Octokit.plugin(retry);
      export const octokit = new RetryingOctokit({ auth: process.env.GITHUB_TOKEN });
    `,
  },
  {
    name: "googleapis retries by default",
    code: code`
      import { google } from "googleapis";
      const drive = google.drive({ version: "v3", auth: process.env.GOOGLE_API_KEY });
      export const listFiles = () => drive.files.list({ pageSize: 10 });
    `,
  },
];

/** Retry and timeout configured on the client or the call. */
const configured: Valid[] = [
  {
    name: "axios-retry on the global axios, with defaults.timeout",
    code: code`
      import axios from "axios";
      import axiosRetry from "axios-retry";
      axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
      axios.defaults.timeout = 10_000;
      export const getPrices = () => axios.get("https://prices.example.com/v2/latest");
    `,
  },
  {
    name: "axios-retry on an instance created with a timeout",
    code: code`
      import axios from "axios";
      import axiosRetry from "axios-retry";
      const client = axios.create({ baseURL: "https://api.example.com", timeout: 5000 });
      axiosRetry(client, { retries: 3 });
      export const getOrder = (id: string) => client.get(\`/orders/\${id}\`);
      export const createOrder = (order: object) => client.post("/orders", order);
    `,
  },
  {
    name: "instance timeout set through defaults, retries through an error interceptor",
    code: code`
      const axios = require("axios");
      const api = axios.create({ baseURL: process.env.API_URL });
      api.defaults.timeout = 8000;
      api.interceptors.response.use(
        (response) => response,
        async (error) => {
          const config = error.config;
          if (!config || config.__retried) throw error;
          config.__retried = true;
          return api(config);
        },
      );
      module.exports = { getUser: (id) => api.get("/users/" + id) };
    `,
    filename: "file.js",
  },
  {
    name: "every call through the instance sets its own timeout",
    code: code`
      import axios from "axios";
      import pRetry from "p-retry";
      const http = axios.create({ baseURL: "https://partner.example.com" });
      export const getStock = (sku: string) => pRetry(() => http.get(\`/stock/\${sku}\`, { timeout: 3000 }));
    `,
  },
  {
    name: "node:https with a timeout option and a timeout handler",
    code: code`
      import https from "node:https";
      import pRetry from "p-retry";
      export const check = () =>
        pRetry(
          () =>
            new Promise((resolve, reject) => {
              const req = https.request("https://status.example.com/health", { method: "HEAD", timeout: 3000 }, resolve);
              req.on("timeout", () => req.destroy(new Error("timed out")));
              req.on("error", reject);
              req.end();
            }),
        );
    `,
  },
  {
    name: "node:https request with setTimeout on the request",
    code: code`
      const https = require("https");
      const retry = require("async-retry");
      module.exports = () =>
        retry(
          () =>
            new Promise((resolve, reject) => {
              const req = https.get("https://feeds.example.com/latest.json", resolve);
              req.setTimeout(5000, () => req.destroy());
              req.on("error", reject);
            }),
        );
    `,
    filename: "file.js",
  },
  {
    name: "superagent with retry and timeout chained",
    code: code`
      import superagent from "superagent";
      export async function getProfile(id: string) {
        const res = await superagent.get(\`https://profiles.example.com/\${id}\`).retry(3).timeout({ response: 5000, deadline: 30000 });
        return res.body;
      }
    `,
  },
  {
    name: "undici request with a RetryAgent as global dispatcher",
    code: code`
      import { Agent, RetryAgent, request, setGlobalDispatcher } from "undici";
      setGlobalDispatcher(new RetryAgent(new Agent(), { maxRetries: 3 }));
      export const getCatalog = async () => (await request("https://catalog.example.com/items")).body.json();
    `,
  },
  {
    name: "timeout enforced by p-timeout",
    code: code`
      import pTimeout from "p-timeout";
      import pRetry from "p-retry";
      export const getRates = () => pRetry(() => pTimeout(fetch("https://rates.example.com/latest"), { milliseconds: 5000 }));
    `,
  },
  {
    name: "Request object carrying a signal",
    code: code`
      import pRetry from "p-retry";
      export function getReport(url: string) {
        const request = new Request(url, { signal: AbortSignal.timeout(15_000), headers: { accept: "application/json" } });
        return pRetry(() => fetch(request));
      }
    `,
  },
  {
    name: "signal added to the init object after it is built",
    code: code`
      import pRetry from "p-retry";
      export function download(url: string) {
        const controller = new AbortController();
        const init: RequestInit = { method: "GET" };
        init.signal = controller.signal;
        setTimeout(() => controller.abort(), 10_000);
        return pRetry(() => fetch(url, init));
      }
    `,
  },
];

/** Options that narrow the rule. */
const options: Valid[] = [
  {
    name: "requireTimeout: false only asks for retries",
    code: code`
      import pRetry from "p-retry";
      export const getUser = (id: string) => pRetry(() => fetch(\`https://users.example.com/\${id}\`));
    `,
    options: [{ requireTimeout: false }],
  },
  {
    name: "ignoreUrls matches the URL as written",
    code: `export const ping = () => fetch("https://internal.corp.example/ping");`,
    options: [{ ignoreUrls: ["^https://internal\\.corp\\.example/"] }],
  },
  {
    name: "ignoreUrls on an axios instance base URL",
    code: code`
      import axios from "axios";
      const metadata = axios.create({ baseURL: "http://169.254.169.254/latest" });
      export const getInstanceId = () => metadata.get("/meta-data/instance-id");
    `,
    options: [{ ignoreUrls: ["^http://169\\.254\\.169\\.254"] }],
  },
];

/** Names that look like HTTP calls but are not, and files the rule skips. */
const lookAlikes: Valid[] = [
  {
    name: "test files are skipped",
    code: `it("loads", async () => { await fetch("https://api.example.com/users"); });`,
    filename: "src/users.test.ts",
  },
  {
    name: "fetch injected as a parameter",
    code: `export const makeClient = (fetch: typeof globalThis.fetch) => ({ get: (url: string) => fetch(url) });`,
  },
  {
    name: "a method named fetch",
    code: code`
      export class Loader {
        fetch(url: string) { return url; }
        run() { return this.fetch("https://example.com"); }
      }
    `,
  },
  {
    name: "Map#get and Angular-style this.http.get",
    code: code`
      const cache = new Map<string, string>();
      export class UsersService {
        constructor(private readonly http: { get(url: string): unknown }) {}
        load(id: string) {
          return cache.get(id) ?? this.http.get(\`https://api.example.com/users/\${id}\`);
        }
      }
    `,
  },
  {
    name: "a local function called request",
    code: code`
      function request(url: string) { return { url }; }
      export const r = request("https://example.com");
    `,
  },
  {
    name: "database clients are not HTTP clients",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool({ connectionString: process.env.DATABASE_URL });
      export const findUser = (id: string) => pool.query("select * from users where id = $1", [id]);
    `,
  },
  {
    name: "a local fetch wrapped by fetch-retry",
    code: code`
      import fetchRetry from "fetch-retry";
      const fetch = fetchRetry(globalThis.fetch, { retries: 3 });
      export const getPage = (url: string) => fetch(url);
    `,
  },
  {
    name: "computed member call on an unknown object",
    code: `export const go = (client: Record<string, (u: string) => unknown>) => client["get"]("https://example.com");`,
  },
  {
    name: "JSX component that fetches a relative URL",
    code: code`
      import { useEffect, useState } from "react";
      export function Orders() {
        const [orders, setOrders] = useState([]);
        useEffect(() => {
          const controller = new AbortController();
          fetch("/api/orders", { signal: controller.signal }).then((r) => r.json()).then(setOrders);
          return () => controller.abort();
        }, []);
        return <ul>{orders.map((o: { id: string }) => <li key={o.id}>{o.id}</li>)}</ul>;
      }
    `,
    filename: "Orders.tsx",
  },
];

/** Longer, realistic files that must stay silent. */
const realisticCleanFiles: Valid[] = [
  {
    name: "Express handler calling a partner API through a configured axios instance",
    code: code`
      import express from "express";
      import axios from "axios";
      import axiosRetry, { exponentialDelay, isNetworkOrIdempotentRequestError } from "axios-retry";

      const partner = axios.create({
        baseURL: process.env.PARTNER_API_URL,
        timeout: 7_500,
        headers: { authorization: \`Bearer \${process.env.PARTNER_TOKEN}\` },
      });
      axiosRetry(partner, { retries: 3, retryDelay: exponentialDelay, retryCondition: isNetworkOrIdempotentRequestError });

      export const router = express.Router();

      router.get("/shipments/:id", async (req, res, next) => {
        try {
          const { data } = await partner.get(\`/shipments/\${encodeURIComponent(req.params.id)}\`);
          res.json({ id: data.id, status: data.status, eta: data.eta });
        } catch (error) {
          next(error);
        }
      });

      router.post("/shipments", async (req, res, next) => {
        try {
          const { data } = await partner.post("/shipments", req.body, { headers: { "idempotency-key": req.get("idempotency-key") } });
          res.status(201).json(data);
        } catch (error) {
          next(error);
        }
      });
    `,
  },
  {
    name: "repository class using p-retry and AbortSignal.timeout",
    code: code`
      import pRetry, { AbortError } from "p-retry";

      interface Product { id: string; name: string; price: number }

      export class ProductRepository {
        constructor(private readonly baseUrl: string, private readonly timeoutMs = 5_000) {}

        async findById(id: string): Promise<Product | undefined> {
          return pRetry(() => this.get<Product>(\`/products/\${id}\`), { retries: 3, minTimeout: 200 });
        }

        async search(query: string): Promise<Product[]> {
          return pRetry(() => this.get<Product[]>(\`/products?q=\${encodeURIComponent(query)}\`), { retries: 2 });
        }

        private async get<T>(path: string): Promise<T> {
          const response = await fetch(this.baseUrl + path, {
            headers: { accept: "application/json" },
            signal: AbortSignal.timeout(this.timeoutMs),
          });
          if (response.status === 404) throw new AbortError("not found");
          if (!response.ok) throw new Error(\`catalog answered \${response.status}\`);
          return (await response.json()) as T;
        }
      }
    `,
  },
  {
    name: "worker using got, OpenAI and Stripe with their defaults",
    code: code`
      import got from "got";
      import OpenAI from "openai";
      import Stripe from "stripe";

      const openai = new OpenAI();
      const stripe = new Stripe(process.env.STRIPE_KEY ?? "", { apiVersion: "2025-01-27.acacia", maxNetworkRetries: 3 });
      const github = got.extend({ prefixUrl: "https://api.github.com", timeout: { request: 10_000 } });

      export async function handleJob(job: { customerId: string; repo: string }) {
        const repo = await github.get(\`repos/\${job.repo}\`).json<{ description: string }>();
        const summary = await openai.responses.create({ model: "gpt-4.1-mini", input: repo.description });
        await stripe.customers.update(job.customerId, { metadata: { summary: summary.output_text.slice(0, 500) } });
      }
    `,
  },
  {
    name: "Next.js route handler fetching its own API and a retried upstream",
    code: code`
      import pRetry from "p-retry";
      export async function GET(request: Request) {
        const { searchParams } = new URL(request.url);
        const city = searchParams.get("city") ?? "Paris";
        const forecast = await pRetry(async () => {
          const response = await fetch(\`https://api.open-meteo.com/v1/forecast?city=\${city}\`, {
            next: { revalidate: 600 },
            signal: AbortSignal.timeout(4_000),
          });
          if (!response.ok) throw new Error(\`forecast \${response.status}\`);
          return response.json();
        });
        const self = await fetch(new URL("/api/cities", "http://localhost:3000"));
        return Response.json({ forecast, cities: await self.json() });
      }
    `,
  },
];


/** Odd but legal code: the rule must neither crash nor guess. */
const oddCode: Valid[] = [
  {
    name: "calls without arguments",
    code: code`
      import axios from "axios";
      import https from "node:https";
      import { request } from "undici";
      // @ts-expect-error deliberately wrong
      fetch();
      // @ts-expect-error deliberately wrong
      axios.get();
      // @ts-expect-error deliberately wrong
      https.request();
      // @ts-expect-error deliberately wrong
      request();
    `,
  },
  {
    name: "spread into constructors and factories",
    code: code`
      import axios from "axios";
      import OpenAI from "openai";
      declare const configs: [object];
      export const api = axios.create(...configs);
      export const ai = new OpenAI(...(configs as [{}]));
    `,
  },
  {
    name: "optional chaining on unknown clients and declare stubs",
    code: code`
      declare const client: { get?: (url: string) => Promise<unknown> } | undefined;
      declare function fetchWithRetry(url: string): Promise<Response>;
      export const a = client?.get?.("https://example.com");
      export const b = fetchWithRetry("https://example.com");
    `,
  },
  {
    name: "computed keys and methods in option objects",
    code: code`
      const key = "signal";
      export const go = () => fetch("https://example.com", { [key]: AbortSignal.timeout(1000) });
    `,
  },
  {
    name: "data: and blob: URLs never touch the network",
    code: code`
      export const ResponseClass = async () => (await fetch("data:,")).constructor;
      export const readBlob = (blob: Blob) => fetch(URL.createObjectURL(blob)).catch(() => undefined) && fetch("blob:https://app.example/1");
    `,
  },
  {
    name: "a retry helper written as a recursive arrow function",
    code: code`
      const retrying = async <T,>(fn: () => Promise<T>, left = 3): Promise<T> => {
        try {
          return await fn();
        } catch (error) {
          if (left <= 0) throw error;
          return retrying(fn, left - 1);
        }
      };
      export const getUser = () => retrying(() => fetch("https://users.example.com/me", { signal: AbortSignal.timeout(3000) }));
    `,
  },
  {
    name: "a loop that counts attempts and checks the status",
    code: code`
      export async function poll(jobId: string) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          const res = await fetch(\`https://jobs.example.com/\${jobId}\`, { signal: AbortSignal.timeout(2000) });
          if (res.status !== 503) return res.json();
          await new Promise((r) => setTimeout(r, attempt * 1000));
        }
        throw new Error("job service unavailable");
      }
    `,
  },
  {
    name: "a cockatiel policy imported from the project",
    code: code`
      import { policy } from "../resilience";
      export const charge = (body: string) =>
        policy.execute(({ signal }) => fetch("https://pay.example.com/charges", { method: "POST", body, signal }));
    `,
  },
  {
    name: "the AI SDK retries by default",
    code: code`
      import { generateText } from "ai";
      import { openai } from "@ai-sdk/openai";
      export const draft = (prompt: string) => generateText({ model: openai("gpt-4o"), prompt, maxRetries: 4 });
    `,
  },
  {
    name: "node:http through the `import x = require()` form with a timeout, inside async-retry",
    code: code`
      import http = require("http");
      import retry = require("async-retry");
      export const check = () => retry(() => new Promise((resolve) => http.get("http://status.example.com", { timeout: 1000 }, resolve)));
    `,
  },
];


/** More ways real code configures retries and timeouts. */
const moreConfigurations: Valid[] = [
  {
    name: "undici Agent composed with the retry interceptor",
    code: code`
      import { Agent, interceptors, setGlobalDispatcher } from "undici";
      setGlobalDispatcher(new Agent().compose(interceptors.retry({ maxRetries: 3 })));
      export const getFeed = () => fetch("https://feeds.example.com/all.json", { signal: AbortSignal.timeout(5000) });
    `,
  },
  {
    name: "retry-axios attached to an instance",
    code: code`
      import axios from "axios";
      import * as rax from "retry-axios";
      const client = axios.create({ baseURL: "https://api.example.com", timeout: 4000 });
      rax.attach(client);
      export const getUser = (id: string) => client.get(\`/users/\${id}\`);
    `,
  },
  {
    name: "cockatiel wrap of retry and timeout policies",
    code: code`
      import { handleAll, retry, timeout, TimeoutStrategy, wrap, ExponentialBackoff } from "cockatiel";
      const resilience = wrap(retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }), timeout(5000, TimeoutStrategy.Aggressive));
      export const getQuote = (symbol: string) =>
        resilience.execute(({ signal }) => fetch(\`https://quotes.example.com/\${symbol}\`, { signal }));
    `,
  },
  {
    name: "ky with retries off inside p-retry",
    code: code`
      import ky from "ky";
      import pRetry from "p-retry";
      export const getTeam = (id: string) => pRetry(() => ky.get(\`https://api.example.com/teams/\${id}\`, { retry: { limit: 0 } }).json());
    `,
  },
  {
    name: "OpenAI client on a class field with retries off, called inside p-retry",
    code: code`
      import OpenAI from "openai";
      import pRetry from "p-retry";
      export class Summarizer {
        private readonly client = new OpenAI({ maxRetries: 0, timeout: 20_000 });
        summarize(text: string) {
          return pRetry(() => this.client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] }), {
            retries: 4,
          });
        }
      }
    `,
  },
  {
    name: "AWS client with one attempt, retried by exponential-backoff",
    code: code`
      import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
      import { backOff } from "exponential-backoff";
      const dynamo = new DynamoDBClient({ maxAttempts: 1 });
      export const getItem = (id: string) => backOff(() => dynamo.send(new GetItemCommand({ TableName: "items", Key: { id: { S: id } } })));
    `,
  },
  {
    name: "init object with satisfies and a controller's signal",
    code: code`
      import pRetry from "p-retry";
      export function upload(body: Blob) {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        return pRetry(() => fetch("https://uploads.example.com/files", { method: "PUT", body, signal: controller.signal } satisfies RequestInit)).finally(() =>
          clearTimeout(timer),
        );
      }
    `,
  },
  {
    name: "superagent request built in a variable and sent elsewhere",
    code: code`
      import superagent from "superagent";
      export function buildRequest(url: string) {
        const req = superagent.get(url);
        return req;
      }
    `,
  },
  {
    name: "node:https get with setTimeout chained, inside p-retry",
    code: code`
      import https from "node:https";
      import pRetry from "p-retry";
      export const head = (url: string) =>
        pRetry(() => new Promise((resolve, reject) => https.get(url, resolve).setTimeout(3000).on("error", reject)));
    `,
  },
  {
    name: "a parameter with the same name as an axios instance is not that instance",
    code: code`
      import axios from "axios";
      import pRetry from "p-retry";
      const api = axios.create({ baseURL: "https://api.example.com", timeout: 5000 });
      export const viaApi = () => pRetry(() => api.get("/ping"));
      export function render(api: { get(path: string): string }) {
        return api.get("https://cdn.example.com/template");
      }
    `,
  },
  {
    name: "another class's this.http is not the axios instance",
    code: code`
      import axios from "axios";
      import pRetry from "p-retry";
      export class Billing {
        private http = axios.create({ baseURL: "https://billing.example.com", timeout: 5000 });
        invoices() {
          return pRetry(() => this.http.get("/invoices"));
        }
      }
      export class Users {
        constructor(private readonly http: { get(url: string): Promise<unknown> }) {}
        list() {
          return this.http.get("https://users.example.com/list");
        }
      }
    `,
  },
  {
    name: "node:http request to a unix socket (Docker API)",
    code: code`
      const http = require("http");
      module.exports.listContainers = (cb) => http.get({ socketPath: "/var/run/docker.sock", path: "/containers/json" }, cb);
    `,
    filename: "file.js",
  },
];

/** One-shot probes: a failure exits the process non-zero, and the orchestrator (Docker HEALTHCHECK) bounds and retries them. */
const probes: Valid[] = [
  {
    name: "a health-check script whose failure exits non-zero (Actual's health-check.js)",
    code: code`
      import fetch from "node-fetch";
      const host = process.env.HOST;
      fetch(\`https://\${host}:5006/health\`)
        .then((res) => res.json())
        .then((res) => { if (res.status !== "UP") throw new Error("Health check failed: " + res.status); })
        .catch((err) => { console.log("Health check failed:", err); process.exit(1); });
    `,
  },
];

export const validCases: Valid[] = [
  ...sameOriginAndLocal,
  ...retryLibraries,
  ...handWrittenRetries,
  ...wrappers,
  ...retryingClients,
  ...configured,
  ...options,
  ...lookAlikes,
  ...realisticCleanFiles,
  ...oddCode,
  ...moreConfigurations,
  ...probes,
];
