import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-swallowed-error/index.js";
import { code } from "../../code.js";

type Case = InvalidTestCase<MessageIds, Options>;

const COMMENT = "/* ignore: <why this failure is safe to ignore> */";

/** Rejection handlers (`.catch`, `.then(ok, onRejected)`) and `Promise.allSettled` results that hide failures. */
export const invalidPromises: Case[] = [
  // --- handlers that do nothing ---------------------------------------------------------------
  {
    name: "fire-and-forget .catch(() => {}): no removal suggestion, it would leave an unhandled rejection",
    code: code`
      fetch("/api/track", { method: "POST", body }).catch(() => {});
    `,
    errors: [
      {
        messageId: "emptyHandler",
        line: 1,
        column: 53,
        endColumn: 61,
        data: { handler: "() => {}" },
        suggestions: [
          {
            messageId: "suggestOptOutComment",
            output: `fetch("/api/track", { method: "POST", body }).catch(() => { ${COMMENT}});`,
          },
        ],
      },
    ],
  },
  {
    name: "awaited .catch(noop) from lodash (ESM)",
    code: code`
      import { noop } from "lodash";
      export async function warmCache(redis) {
        await redis.set("warm", "1").catch(noop);
      }
    `,
    errors: [
      {
        messageId: "emptyHandler",
        line: 3,
        column: 38,
        data: { handler: "noop" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              import { noop } from "lodash";
              export async function warmCache(redis) {
                await redis.set("warm", "1");
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              import { noop } from "lodash";
              export async function warmCache(redis) {
                await redis.set("warm", "1").catch(${COMMENT} noop);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: ".catch(_.noop) in CommonJS",
    filename: "file.js",
    code: code`
      const _ = require("lodash");
      client.publish("events", payload).catch(_.noop);
    `,
    errors: [
      {
        messageId: "emptyHandler",
        line: 2,
        column: 41,
        data: { handler: "_.noop" },
        suggestions: [
          {
            messageId: "suggestOptOutComment",
            output: code`
              const _ = require("lodash");
              client.publish("events", payload).catch(${COMMENT} _.noop);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "function expression handler and an unused error parameter",
    code: code`
      queue.add(job).catch(function () {});
      socket.send(frame).catch((err) => {});
    `,
    errors: [
      {
        messageId: "emptyHandler",
        line: 1,
        column: 22,
        data: { handler: "function () {}" },
        suggestions: [
          {
            messageId: "suggestOptOutComment",
            output: code`
              queue.add(job).catch(function () { ${COMMENT}});
              socket.send(frame).catch((err) => {});
            `,
          },
        ],
      },
      {
        messageId: "emptyHandler",
        line: 2,
        column: 26,
        data: { handler: "(err) => {}" },
        suggestions: [
          {
            messageId: "suggestOptOutComment",
            output: code`
              queue.add(job).catch(function () {});
              socket.send(frame).catch((err) => { ${COMMENT}});
            `,
          },
        ],
      },
    ],
  },
  {
    name: "a local do-nothing function passed as the handler",
    code: code`
      const silence = () => {};
      export const flush = (producer) => producer.flush().catch(silence);
    `,
    errors: [
      {
        messageId: "emptyHandler",
        line: 2,
        column: 59,
        data: { handler: "silence" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              const silence = () => {};
              export const flush = (producer) => producer.flush();
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              const silence = () => {};
              export const flush = (producer) => producer.flush().catch(${COMMENT} silence);
            `,
          },
        ],
      },
    ],
  },
  {
    name: ".then(onFulfilled, () => {}) drops the rejection",
    code: code`
      export function loadAvatar(url) {
        return fetch(url).then((res) => res.blob(), () => {});
      }
    `,
    errors: [
      {
        messageId: "emptyHandler",
        line: 2,
        column: 47,
        data: { handler: "() => {}" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              export function loadAvatar(url) {
                return fetch(url).then((res) => res.blob());
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              export function loadAvatar(url) {
                return fetch(url).then((res) => res.blob(), () => { ${COMMENT}});
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "React effect: audio.play().catch(() => {}) in a TSX component",
    filename: "file.tsx",
    code: code`
      export function Chime({ src }: { src: string }) {
        useEffect(() => {
          new Audio(src).play().catch(() => {});
        }, [src]);
        return <span aria-hidden />;
      }
    `,
    errors: [
      {
        messageId: "emptyHandler",
        line: 3,
        column: 33,
        data: { handler: "() => {}" },
        suggestions: [
          {
            messageId: "suggestOptOutComment",
            output: code`
              export function Chime({ src }: { src: string }) {
                useEffect(() => {
                  new Audio(src).play().catch(() => { ${COMMENT}});
                }, [src]);
                return <span aria-hidden />;
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "optional call chain with an empty handler",
    code: code`
      await connection?.query("SET search_path TO app").catch(() => {});
    `,
    errors: [
      {
        messageId: "emptyHandler",
        line: 1,
        column: 57,
        data: { handler: "() => {}" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: 'await connection?.query("SET search_path TO app");',
          },
          {
            messageId: "suggestOptOutComment",
            output: `await connection?.query("SET search_path TO app").catch(() => { ${COMMENT}});`,
          },
        ],
      },
    ],
  },

  {
    name: "fire-and-forget call of the service's own method",
    filename: "file.ts",
    code: code`
      export class SignupService {
        async register(input: SignupInput) {
          const user = await this.users.create(input);
          this.sendWelcomeEmail(user).catch(() => {});
          return user;
        }
      }
    `,
    errors: [
      {
        messageId: "emptyHandler",
        line: 4,
        column: 39,
        data: { handler: "() => {}" },
        suggestions: [
          {
            messageId: "suggestOptOutComment",
            output: code`
              export class SignupService {
                async register(input: SignupInput) {
                  const user = await this.users.create(input);
                  this.sendWelcomeEmail(user).catch(() => { ${COMMENT}});
                  return user;
                }
              }
            `,
          },
        ],
      },
    ],
  },

  // --- handlers that turn the rejection into a value ------------------------------------------
  {
    name: ".catch(() => null) on an axios call",
    code: code`
      import axios from "axios";
      export async function getWeather(city) {
        const response = await axios.get("/weather", { params: { city } }).catch(() => null);
        return response?.data;
      }
    `,
    errors: [
      {
        messageId: "rejectionToValue",
        line: 3,
        column: 82,
        endColumn: 86,
        data: { value: "null" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              import axios from "axios";
              export async function getWeather(city) {
                const response = await axios.get("/weather", { params: { city } });
                return response?.data;
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              import axios from "axios";
              export async function getWeather(city) {
                const response = await axios.get("/weather", { params: { city } }).catch(${COMMENT} () => null);
                return response?.data;
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: ".catch(() => undefined) and .catch(() => []) in a promise chain",
    code: code`
      export const listTags = (api) =>
        api.tags().then((r) => r.items).catch(() => []);
      export const findTag = (api, id) => api.tag(id).catch(() => undefined);
    `,
    errors: [
      {
        messageId: "rejectionToValue",
        line: 2,
        column: 47,
        data: { value: "[]" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              export const listTags = (api) =>
                api.tags().then((r) => r.items);
              export const findTag = (api, id) => api.tag(id).catch(() => undefined);
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              export const listTags = (api) =>
                api.tags().then((r) => r.items).catch(${COMMENT} () => []);
              export const findTag = (api, id) => api.tag(id).catch(() => undefined);
            `,
          },
        ],
      },
      {
        messageId: "rejectionToValue",
        line: 3,
        column: 61,
        data: { value: "undefined" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              export const listTags = (api) =>
                api.tags().then((r) => r.items).catch(() => []);
              export const findTag = (api, id) => api.tag(id);
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              export const listTags = (api) =>
                api.tags().then((r) => r.items).catch(() => []);
              export const findTag = (api, id) => api.tag(id).catch(${COMMENT} () => undefined);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "rejection turned into { ok: true }",
    code: code`
      export async function publish(channel, message) {
        return channel.publish(message).catch(() => ({ ok: true }));
      }
    `,
    errors: [
      {
        messageId: "rejectionToValue",
        line: 2,
        column: 48,
        data: { value: "{ ok: true }" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              export async function publish(channel, message) {
                return channel.publish(message);
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              export async function publish(channel, message) {
                return channel.publish(message).catch(${COMMENT} () => ({ ok: true }));
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "rejection turned into a default value the handler picked without looking at the error",
    filename: "file.ts",
    code: code`
      const defaultSettings: Settings = { theme: "light" };
      export async function loadSettings(userId: string): Promise<Settings> {
        const settings = await settingsApi.get(userId).catch((err) => defaultSettings);
        return settings;
      }
    `,
    errors: [
      {
        messageId: "rejectionToValue",
        line: 3,
        column: 65,
        data: { value: "defaultSettings" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              const defaultSettings: Settings = { theme: "light" };
              export async function loadSettings(userId: string): Promise<Settings> {
                const settings = await settingsApi.get(userId);
                return settings;
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              const defaultSettings: Settings = { theme: "light" };
              export async function loadSettings(userId: string): Promise<Settings> {
                const settings = await settingsApi.get(userId).catch(${COMMENT} (err) => defaultSettings);
                return settings;
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "block-bodied handler that only returns a default",
    code: code`
      const rows = await knex("audit_log").select("*").catch(() => {
        return [];
      });
    `,
    errors: [
      {
        messageId: "rejectionToValue",
        line: 2,
        column: 3,
        data: { value: "[]" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: `const rows = await knex("audit_log").select("*");`,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              const rows = await knex("audit_log").select("*").catch(() => { ${COMMENT}
                return [];
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "axios rejection turned into a fake response object",
    code: code`
      const { data } = await axios.get(url).catch(() => ({ data: [] }));
    `,
    errors: [
      {
        messageId: "rejectionToValue",
        line: 1,
        column: 52,
        data: { value: "{ data: [] }" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: "const { data } = await axios.get(url);",
          },
          {
            messageId: "suggestOptOutComment",
            output: `const { data } = await axios.get(url).catch(${COMMENT} () => ({ data: [] }));`,
          },
        ],
      },
    ],
  },
  {
    name: "null is not the other answer of a .then(() => true) chain",
    code: code`
      const reachable = await ping(host).then(() => true).catch(() => null);
    `,
    errors: [
      {
        messageId: "rejectionToValue",
        line: 1,
        column: 65,
        data: { value: "null" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: "const reachable = await ping(host).then(() => true);",
          },
          {
            messageId: "suggestOptOutComment",
            output: `const reachable = await ping(host).then(() => true).catch(${COMMENT} () => null);`,
          },
        ],
      },
    ],
  },

  // --- handlers that log, then the code reports success ----------------------------------------
  {
    name: "awaited .catch that logs, then the handler answers 201",
    code: code`
      app.post("/signup", async (req, res) => {
        const user = await users.create(req.body);
        await mailer.sendWelcome(user).catch((err) => logger.error(err));
        res.status(201).json(user);
      });
    `,
    errors: [
      {
        messageId: "logThenSuccess",
        line: 3,
        column: 40,
        data: { where: "Rejection handler", success: "responds with `res.json(...)`" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              app.post("/signup", async (req, res) => {
                const user = await users.create(req.body);
                await mailer.sendWelcome(user);
                res.status(201).json(user);
              });
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              app.post("/signup", async (req, res) => {
                const user = await users.create(req.body);
                await mailer.sendWelcome(user).catch(${COMMENT} (err) => logger.error(err));
                res.status(201).json(user);
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "awaited .catch(console.error), then return true",
    code: code`
      async function backup(s3, file) {
        await s3.putObject({ Bucket: "backups", Key: file.name, Body: file.data }).catch(console.error);
        return true;
      }
    `,
    errors: [
      {
        messageId: "logThenSuccess",
        line: 2,
        column: 84,
        data: { where: "Rejection handler", success: "returns a success value" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              async function backup(s3, file) {
                await s3.putObject({ Bucket: "backups", Key: file.name, Body: file.data });
                return true;
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              async function backup(s3, file) {
                await s3.putObject({ Bucket: "backups", Key: file.name, Body: file.data }).catch(${COMMENT} console.error);
                return true;
              }
            `,
          },
        ],
      },
    ],
  },

  {
    name: "rejection handler that answers the request with success",
    code: code`
      app.delete("/cart/:id", (req, res) => {
        cart.remove(req.params.id).then(() => res.json({ ok: true })).catch(() => res.json({ ok: true }));
      });
    `,
    errors: [
      {
        messageId: "answersSuccess",
        line: 2,
        column: 71,
        data: { where: "Rejection handler", success: "responds with `res.json(...)`" },
        suggestions: [
          {
            messageId: "suggestOptOutComment",
            output: code`
              app.delete("/cart/:id", (req, res) => {
                cart.remove(req.params.id).then(() => res.json({ ok: true })).catch(${COMMENT} () => res.json({ ok: true }));
              });
            `,
          },
        ],
      },
    ],
  },

  // --- Promise.allSettled --------------------------------------------------------------------
  {
    name: "awaited Promise.allSettled whose results are discarded",
    code: code`
      export async function notifyAll(users) {
        await Promise.allSettled(users.map((user) => mailer.send(user.email)));
        return { sent: users.length };
      }
    `,
    errors: [
      {
        messageId: "allSettledUnchecked",
        line: 2,
        column: 9,
        endColumn: 27,
        data: { how: "discarded" },
        suggestions: [
          {
            messageId: "suggestPromiseAll",
            output: code`
              export async function notifyAll(users) {
                await Promise.all(users.map((user) => mailer.send(user.email)));
                return { sent: users.length };
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Promise.allSettled results stored and never read",
    filename: "file.ts",
    code: code`
      export async function refreshCaches(caches: Cache[]): Promise<void> {
        const results = await Promise.allSettled(caches.map((cache) => cache.refresh()));
        metrics.increment("cache.refresh");
      }
    `,
    errors: [
      {
        messageId: "allSettledUnchecked",
        line: 2,
        column: 25,
        data: { how: "stored but never read" },
        suggestions: [
          {
            messageId: "suggestPromiseAll",
            output: code`
              export async function refreshCaches(caches: Cache[]): Promise<void> {
                const results = await Promise.all(caches.map((cache) => cache.refresh()));
                metrics.increment("cache.refresh");
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Promise.allSettled results read for .value only",
    code: code`
      const settled = await Promise.allSettled(urls.map((url) => fetch(url).then((r) => r.json())));
      const pages = settled.map((result) => result.value);
      render(pages);
    `,
    errors: [
      {
        messageId: "allSettledUnchecked",
        line: 1,
        column: 23,
        data: { how: "read without checking `status`" },
        suggestions: [],
      },
    ],
  },
  {
    name: "Promise.allSettled(...).then(() => ...) ignores the results",
    code: code`
      Promise.allSettled(jobs.map(run)).then(() => process.exit(0));
      void Promise.allSettled([flushLogs(), closeDb()]);
    `,
    errors: [
      {
        messageId: "allSettledUnchecked",
        line: 1,
        column: 1,
        data: { how: "discarded" },
        suggestions: [
          {
            messageId: "suggestPromiseAll",
            output: code`
              Promise.all(jobs.map(run)).then(() => process.exit(0));
              void Promise.allSettled([flushLogs(), closeDb()]);
            `,
          },
        ],
      },
      {
        messageId: "allSettledUnchecked",
        line: 2,
        column: 6,
        data: { how: "discarded" },
        suggestions: [
          {
            messageId: "suggestPromiseAll",
            output: code`
              Promise.allSettled(jobs.map(run)).then(() => process.exit(0));
              void Promise.all([flushLogs(), closeDb()]);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Promise.allSettled results passed to callbacks that only read .value",
    code: code`
      const show = (r) => console.log(r.value);
      const results = await Promise.allSettled(jobs);
      results.forEach(show);
      results.forEach((r) => console.log(r.value));
      const present = results.filter(Boolean);
    `,
    errors: [{ messageId: "allSettledUnchecked", line: 2, column: 23, data: { how: "read without checking `status`" }, suggestions: [] }],
  },
  {
    name: "Promise.allSettled results mapped by a local helper that never looks at status",
    languageOptions: { sourceType: "commonjs" },
    code: code`
      function toPage(result) { return result.value.body; }
      module.exports.fetchAll = async (urls) => {
        const settled = await Promise.allSettled(urls.map((url) => fetch(url)));
        return { pages: settled.map(toPage).length };
      };
    `,
    errors: [{ messageId: "allSettledUnchecked", line: 3, column: 25, data: { how: "read without checking `status`" }, suggestions: [] }],
  },
  // --- look-alikes of zod's schema .catch ----------------------------------------------------
  {
    name: ".catch on a promise from a zod schema (parseAsync) is a rejection handler",
    code: code`
      import { z } from "zod";
      export async function readBody(req) {
        return z.object({ name: z.string() }).parseAsync(req.body).catch(() => null);
      }
    `,
    errors: [
      {
        messageId: "rejectionToValue",
        line: 3,
        column: 74,
        data: { value: "null" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              import { z } from "zod";
              export async function readBody(req) {
                return z.object({ name: z.string() }).parseAsync(req.body);
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              import { z } from "zod";
              export async function readBody(req) {
                return z.object({ name: z.string() }).parseAsync(req.body).catch(/* ignore: <why this failure is safe to ignore> */ () => null);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: ".catch on a promise, in a file that imports zod",
    code: code`
      import { z } from "zod";
      export const Settings = z.object({ theme: z.string().catch(() => "light") });
      export function save(api, settings) {
        api.put("/settings", Settings.parse(settings)).catch(() => {});
      }
    `,
    errors: [
      {
        messageId: "emptyHandler",
        line: 4,
        column: 56,
        suggestions: [
          {
            messageId: "suggestOptOutComment",
            output: code`
              import { z } from "zod";
              export const Settings = z.object({ theme: z.string().catch(() => "light") });
              export function save(api, settings) {
                api.put("/settings", Settings.parse(settings)).catch(() => { /* ignore: <why this failure is safe to ignore> */});
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "a parameter named z shadows the zod import",
    code: code`
      import { z } from "zod";
      export const load = (z) => z.fetch("/config").catch(() => ({}));
    `,
    errors: [
      {
        messageId: "rejectionToValue",
        line: 2,
        column: 60,
        data: { value: "{}" },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              import { z } from "zod";
              export const load = (z) => z.fetch("/config");
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              import { z } from "zod";
              export const load = (z) => z.fetch("/config").catch(/* ignore: <why this failure is safe to ignore> */ () => ({}));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "yup schemas have no .catch: validate() returns a promise",
    code: code`
      import * as yup from "yup";
      export const checkEmail = (value) => yup.string().email().validate(value).catch(() => "invalid");
    `,
    errors: [
      {
        messageId: "rejectionToValue",
        line: 2,
        column: 87,
        data: { value: '"invalid"' },
        suggestions: [
          {
            messageId: "suggestRemoveHandler",
            output: code`
              import * as yup from "yup";
              export const checkEmail = (value) => yup.string().email().validate(value);
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              import * as yup from "yup";
              export const checkEmail = (value) => yup.string().email().validate(value).catch(/* ignore: <why this failure is safe to ignore> */ () => "invalid");
            `,
          },
        ],
      },
    ],
  },
];
