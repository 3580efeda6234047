import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import type { Options } from "../../../src/rules/no-swallowed-error/index.js";
import { code } from "../../code.js";

type Case = ValidTestCase<Options>;

/** Catch blocks that rethrow, wrap, report, record or deliberately ignore. */
export const validCatchClauses: Case[] = [
  { name: "rethrows", code: `try { await db.connect(); } catch (err) { throw err; }` },
  {
    name: "wraps with a cause",
    filename: "file.ts",
    code: code`
      try {
        await stripe.refunds.create({ payment_intent: id });
      } catch (err: unknown) {
        throw new PaymentError("refund failed for " + id, { cause: err });
      }
    `,
  },
  { name: "returns an error result", code: `function run() { try { return { ok: true, value: work() }; } catch (err) { return { ok: false, error: err }; } }` },
  { name: "returns the error", code: `function attempt(fn) { try { fn(); } catch (e) { return e; } }` },
  { name: "returns Result.err", filename: "file.ts", code: `function parse(s: string) { try { return Result.ok(JSON.parse(s)); } catch (e) { return Result.err(e); } }` },
  { name: "passes the error to next()", code: `app.get("/x", async (req, res, next) => { try { res.json(await load()); } catch (err) { next(err); } });` },
  { name: "rejects with the error", code: `new Promise((resolve, reject) => { try { resolve(JSON.parse(text)); } catch (err) { reject(err); } });` },
  { name: "calls the node-style callback", code: `function read(cb) { try { cb(null, fs.readFileSync(p)); } catch (err) { cb(err); } }` },
  { name: "calls done(err)", code: `passport.use(new Strategy(async (token, done) => { try { done(null, await verify(token)); } catch (err) { done(err); } }));` },
  { name: "sets a failure flag on this", code: `class Job { run() { try { this.step(); } catch (e) { this.failed = true; } } }` },
  {
    name: "sets a local flag read later",
    code: code`
      let hasError = false;
      try { migrate(); } catch (e) { hasError = true; }
      if (hasError) process.exitCode = 1;
    `,
  },
  { name: "sets process.exitCode", code: `try { await main(); } catch (err) { console.error(err); process.exitCode = 1; }` },
  { name: "collects the error", code: `for (const row of rows) { try { await insert(row); } catch (err) { errors.push(err); } }` },
  { name: "reports to Sentry", code: `import * as Sentry from "@sentry/node"; try { await sync(); } catch (err) { Sentry.captureException(err); }` },
  { name: "records on the OpenTelemetry span", code: `try { await handle(msg); } catch (err) { span.recordException(err); span.setStatus({ code: 2 }); }` },
  { name: "answers 500", code: `app.post("/x", async (req, res) => { try { await save(req.body); res.json({ ok: true }); } catch (err) { logger.error(err); res.status(500).json({ error: "save failed" }); } });` },
  { name: "logs and exits", code: `try { await server.listen(3000); } catch (err) { console.error(err); process.exit(1); }` },
  { name: "comment with ignore", code: `try { fs.unlinkSync(tmp); } catch { // ignore: the file may already be gone\n}` },
  { name: "comment saying it is expected", code: `try { await redis.ping(); } catch (e) { /* expected when offline */ }` },
  { name: "comment saying best effort", code: `try { await telemetry.flush(); } catch { /* best-effort flush on shutdown */ }` },
  { name: "comment before the try statement", code: `// Best effort: the lock file may not exist.\ntry { fs.rmSync(lock); } catch {}` },
  { name: "comment trailing the catch block", code: `try { socket.destroy(); } catch {} // safe to ignore, socket is closing anyway` },
  { name: "comment between the try block and catch", code: `try { watcher.close(); }\n// intentional: closing twice throws and that is fine\ncatch {}` },
  { name: "catch binding named ignored", code: `try { process.kill(pid, 0); } catch (ignored) {}` },
  { name: "conditional rethrow", code: `try { fs.mkdirSync(dir); } catch (e) { if (e.code !== "EEXIST") throw e; }` },
  { name: "empty try block", code: `try {} catch (e) {}` },
  { name: "optional dependency probe with require.resolve", filename: "file.js", code: `let hasPretty = false;\ntry { require.resolve("pino-pretty"); hasPretty = true; } catch {}` },
  { name: "optional dependency assigned from require", filename: "file.js", code: `let sharp;\ntry { sharp = require("sharp"); } catch (e) {}` },
  { name: "optional dependency returned from require", filename: "file.js", code: `function loadNative() { try { return require("./build/Release/addon.node"); } catch (e) { return null; } }` },
  { name: "optional dependency via dynamic import", code: `let chalk;\ntry { chalk = (await import("chalk")).default; } catch {}` },
  { name: "catch that assigns a fallback value", code: `let body;\ntry { body = JSON.parse(raw); } catch { body = raw; }` },
  { name: "feature detection flag set at the end of the try", code: `let passiveSupported = false;\ntry { window.addEventListener("test", null, opts); passiveSupported = true; } catch {}` },
  { name: "predicate: returns false when the try returns true", code: `function validUrl(s) { try { new URL(s); return true; } catch { return false; } }` },
  { name: "predicate: empty catch falls through to return false", code: `function readable(p) { try { fs.accessSync(p); return true; } catch {} return false; }` },
  { name: "boolean success flag returned after the try", code: `async function sendWelcome(user) { try { await mailer.send(user); } catch (e) { return false; } return true; }` },
  { name: "function named tryParse", code: `export function tryParseJson(text) { try { return JSON.parse(text); } catch { return undefined; } }` },
  { name: "function named safe*", code: `const safeStat = (p) => { try { return fs.statSync(p); } catch { return null; } };` },
  { name: "function named is*", code: `function isGitRepo(dir) { try { execSync("git rev-parse", { cwd: dir }); return true; } catch { return false; } }` },
  { name: "method named *OrNull", code: `class Cache { readOrNull(key) { try { return this.store.read(key); } catch { return null; } } }` },
  { name: "doc comment says it returns null", code: `/**\n * Reads the saved session, or null when none can be read.\n */\nfunction readSession() { try { return JSON.parse(localStorage.getItem("s")); } catch { return null; } }` },
  { name: "React render fallback: the try returns JSX", filename: "file.tsx", code: `function Link({ href }) { try { const url = new URL(href); return <a href={url.href}>{url.host}</a>; } catch { return null; } }` },
  { name: "logs and returns a default", code: `async function getUser(id) { try { return await db.users.find(id); } catch (err) { logger.error({ err, id }, "lookup failed"); return null; } }` },
  { name: "logs only, in a void function", code: `async function warm() { try { await cache.warm(); } catch (err) { logger.warn({ err }, "cache warm failed"); } }` },
  { name: "logs only, inside a batch loop", code: `async function importAll(rows) { for (const row of rows) { try { await insert(row); } catch (err) { console.error(err); } } return { ok: true }; }` },
  { name: "logs only, then the code checks for the failure", code: `app.get("/u", async (req, res) => { let user; try { user = await find(req.query.id); } catch (e) { console.error(e); } if (!user) return res.status(404).end(); res.json(user); });` },
  { name: "logs only, then an error status", code: `async function h(req, res) { try { await op(); } catch (e) { console.error(e); } return res.status(502).json({ message: "upstream" }); }` },
  { name: "logs only, then returns a plain variable", code: `async function load() { let data; try { data = await api.get(); } catch (e) { console.error(e); } return data; }` },
  { name: "logs only, then responds with an error body", code: `async function h(req, res) { try { await op(); } catch (e) { console.error(e); } res.json({ error: "failed" }); }` },
  { name: "continue in a loop is explicit control flow", code: `for (const line of lines) { let entry; try { entry = JSON.parse(line); } catch { continue; } out.push(entry); }` },
  { name: "emits an error event", code: `try { this.parse(chunk); } catch (err) { this.emit("error", err); }` },
  { name: "logs with a custom reporter we cannot see into", code: `try { await run(); } catch (err) { reportFailure(err); }` },
  { name: "a predicate whose catch answers yes", code: `function isExpired(token) { try { verify(token); return false; } catch { return true; } }` },
  { name: "catch answering with an error text (status 200, but not a success claim)", code: `app.get("/x", async (req, res) => { try { res.json(await load()); } catch (e) { res.send("Something went wrong"); } });` },
  { name: "catch answering with the error itself", code: `app.get("/x", async (req, res) => { try { res.json(await load()); } catch (err) { res.json(err); } });` },
  { name: "catch serving a stale cache, with a reason", code: `app.get("/rates", async (req, res) => { try { res.json(await rates.fetch()); } catch (err) { logger.warn({ err }, "rates down"); // intentional: serve the last known rates\n res.json(cache.rates); } });` },
  { name: "log-and-continue not reported when the option is off", options: [{ reportLogAndContinue: false }], code: `async function h(req, res) { try { await op(); } catch (e) { console.error(e); } res.json({ ok: true }); }` },
  { name: "default returns not reported when the option is off", options: [{ reportDefaultReturn: false }], code: `async function getUser(id) { try { return await db.find(id); } catch { return null; } }` },
];

/** Rejection handlers that propagate, handle or deliberately ignore. */
export const validPromises: Case[] = [
  { name: ".catch(next) in Express", code: `app.get("/", (req, res, next) => { load().then((d) => res.json(d)).catch(next); });` },
  { name: ".catch(handleError)", code: `fetchUser(id).then(render).catch(handleError);` },
  { name: "handler answers 500", code: `getOrders().then((o) => res.json(o)).catch((err) => res.status(500).json({ error: err.message }));` },
  { name: "handler resolves to an error result", code: `const result = await save(doc).then(() => ({ ok: true })).catch((error) => ({ ok: false, error }));` },
  { name: "handler resolves to a failure-shaped object without reading the error", code: `const r = await save(doc).catch(() => ({ ok: false }));` },
  { name: "handler rethrows with context", code: `await s3.send(cmd).catch((err) => { throw new Error("upload failed", { cause: err }); });` },
  { name: "handler calls reject", code: `new Promise((resolve, reject) => { load().then(resolve).catch((e) => reject(e)); });` },
  { name: "handler records the error", code: `job.run().catch((err) => Sentry.captureException(err));` },
  { name: "handler with an ignore comment", code: `audio.play().catch(() => { /* ignore: autoplay may be blocked */ });` },
  { name: "handler with a comment before it", code: `// Best effort: the cache is rebuilt on next start.\ncache.persist().catch(() => {});` },
  { name: "handler with a trailing comment", code: `client.quit().catch(noop); // intentional, shutting down` },
  { name: "handler parameter named ignored", code: `db.close().catch((_ignored) => {});` },
  { name: "yes/no probe with then(() => true).catch(() => false)", code: `const exists = await fs.promises.access(p).then(() => true).catch(() => false);` },
  { name: "yes/no probe with then(() => true, () => false)", code: `const ok = await fetch(url).then(() => true, () => false);` },
  { name: "handler silences the warning, the promise is awaited elsewhere", code: `async function run() { const p = start(); p.catch(noop); await other(); return p; }` },
  { name: "fire-and-forget .catch(console.error) is logged and not awaited", code: `app.post("/x", (req, res) => { audit(req).catch(console.error); res.json({ ok: true }); });` },
  { name: "awaited log-only handler at the end of a void function", code: `async function flush() { await queue.drain().catch((err) => logger.error(err)); }` },
  { name: "handler that falls back to another call", code: `const config = await remote.get().catch(() => readLocalConfig());` },
  { name: "handler that sets state in a React component", filename: "file.tsx", code: `useEffect(() => { load().then(setData).catch(() => setError(true)); }, []);` },
  { name: "lenient function name", code: `const safeFetch = (url) => fetch(url).catch(() => null);` },
  { name: "spread arguments", code: `p.catch(...handlers);` },
  { name: "computed member is not followed", code: `p["catch"](() => {});` },
  { name: ".then with one argument", code: `p.then(() => {});` },
  { name: ".catch with two arguments (Bluebird predicate)", code: `p.catch(NotFoundError, () => null);` },
  { name: "default values not reported when the option is off", options: [{ reportDefaultReturn: false }], code: `const r = await get().catch(() => null);` },
  { name: "log-only handler not reported when the option is off", options: [{ reportLogAndContinue: false }], code: `async function f() { await op().catch(console.error); return true; }` },
];

/** `Promise.allSettled` whose results are checked, or passed on. */
export const validAllSettled: Case[] = [
  { name: "results checked in a loop", code: `const results = await Promise.allSettled(tasks);\nfor (const r of results) if (r.status === "rejected") logger.error(r.reason);` },
  { name: "results filtered by status", code: `const results = await Promise.allSettled(tasks);\nconst failed = results.filter((r) => r.status === "rejected");\nif (failed.length) throw new AggregateError(failed.map((f) => f.reason));` },
  { name: "results returned", code: `function settleAll(ps) { return Promise.allSettled(ps); }` },
  { name: "results returned from an async function", code: `async function settleAll(ps) { const results = await Promise.allSettled(ps); return results; }` },
  { name: "results passed to a reporter", code: `Promise.allSettled(jobs).then((results) => report(results));` },
  { name: "awaited with an explanatory comment", code: `// Best effort: each task logs its own failure.\nawait Promise.allSettled(tasks);` },
  { name: "not reported when the option is off", options: [{ reportAllSettled: false }], code: `await Promise.allSettled(tasks);` },
  { name: "Promise.all is not allSettled", code: `await Promise.all(tasks);` },
  // --- results sorted by a named predicate or helper ------------------------------------------
  {
    name: "results filtered by a named arrow predicate that checks status",
    code: code`
      const isFailure = (r) => r.status === "rejected";
      export async function runAll(ps) {
        const results = await Promise.allSettled(ps);
        const failures = results.filter(isFailure);
        if (failures.length) throw new AggregateError(failures.map((f) => f.reason));
      }
    `,
  },
  {
    name: "results filtered by a predicate named isRejected (the reported false positive)",
    code: code`
      const isRejected = (r) => r.status === "rejected";
      const results = await Promise.allSettled(ps);
      const failed = results.filter(isRejected);
      if (failed.length) throw new AggregateError(failed.map((f) => f.reason));
    `,
  },
  {
    name: "imported type guards: isFulfilled / isRejected",
    filename: "file.ts",
    code: code`
      import { isFulfilled, isRejected } from "./settled";
      export async function loadAll(ids: string[]) {
        const outcomes = await Promise.allSettled(ids.map((id) => load(id)));
        for (const failure of outcomes.filter(isRejected)) logger.error(failure);
        return outcomes.filter(isFulfilled).map((o) => o.value);
      }
    `,
  },
  {
    name: "predicate from a helper namespace (utils.hasFailed)",
    code: `const results = await Promise.allSettled(jobs);
if (results.some(utils.hasFailed)) process.exitCode = 1;`,
  },
  {
    name: "function declaration that destructures status, in CommonJS",
    languageOptions: { sourceType: "commonjs" },
    code: code`
      const { sendMail } = require("./mailer");
      function isOk({ status }) { return status === "fulfilled"; }
      module.exports.notify = async function notify(users) {
        const sent = await Promise.allSettled(users.map((u) => sendMail(u)));
        const delivered = sent.filter(isOk).length;
        if (delivered < users.length) throw new Error("some mails failed");
      };
    `,
  },
  {
    name: "callback that delegates to a local helper reading reason",
    code: code`
      function describe(outcome) { return "reason" in outcome ? String(outcome.reason) : "ok"; }
      Promise.allSettled(tasks).then((results) => {
        const lines = results.map((r) => describe(r));
        process.stdout.write(lines.join("\\n"));
      });
    `,
  },
  {
    name: "a single result handed to a predicate",
    code: `const results = await Promise.allSettled([primary(), replica()]);
if (isRejected(results[0])) throw new Error("primary write failed");`,
  },
];

/** Longer, realistic code that handles errors properly and must stay silent. */
export const validRealistic: Case[] = [
  {
    name: "a whole Express router",
    filename: "file.js",
    code: code`
      const express = require("express");
      const { z } = require("zod");
      const logger = require("../logger");
      const router = express.Router();

      const Body = z.object({ email: z.string().email() });

      router.post("/subscribers", async (req, res, next) => {
        const parsed = Body.safeParse(req.body);
        if (!parsed.success) return res.status(400).json({ error: parsed.error.flatten() });
        try {
          const subscriber = await req.app.locals.db.subscribers.create(parsed.data);
          res.status(201).json(subscriber);
        } catch (err) {
          if (err.code === "23505") return res.status(409).json({ error: "already subscribed" });
          logger.error({ err }, "subscribe failed");
          next(err);
        }
      });

      router.get("/subscribers/:id", (req, res, next) => {
        req.app.locals.db.subscribers
          .find(req.params.id)
          .then((row) => (row ? res.json(row) : res.sendStatus(404)))
          .catch(next);
      });

      module.exports = router;
    `,
  },
  {
    name: "a repository class with a result type",
    filename: "file.ts",
    code: code`
      import type { Pool } from "pg";

      type Result<T> = { ok: true; value: T } | { ok: false; error: Error };

      export class InvoiceRepository {
        constructor(private readonly pool: Pool) {}

        async find(id: string): Promise<Result<Invoice | undefined>> {
          try {
            const { rows } = await this.pool.query("SELECT * FROM invoices WHERE id = $1", [id]);
            return { ok: true, value: rows[0] };
          } catch (err) {
            return { ok: false, error: new Error("invoice lookup failed", { cause: err }) };
          }
        }

        async markPaid(id: string): Promise<void> {
          const client = await this.pool.connect();
          try {
            await client.query("BEGIN");
            await client.query("UPDATE invoices SET paid = true WHERE id = $1", [id]);
            await client.query("COMMIT");
          } catch (err) {
            await client.query("ROLLBACK");
            throw err;
          } finally {
            client.release();
          }
        }
      }
    `,
  },
  {
    name: "a worker that collects failures with allSettled and reports them",
    filename: "file.ts",
    code: code`
      export async function processBatch(messages: Message[], logger: Logger): Promise<{ failed: number }> {
        const outcomes = await Promise.allSettled(messages.map((message) => handle(message)));
        let failed = 0;
        outcomes.forEach((outcome, index) => {
          if (outcome.status === "rejected") {
            failed++;
            logger.error({ err: outcome.reason, id: messages[index]!.id }, "message failed");
          }
        });
        return { failed };
      }
    `,
  },
  {
    name: "a CLI entry point with shutdown cleanup",
    code: code`
      import { createServer } from "node:http";

      const server = createServer(handler);

      async function shutdown(signal) {
        console.log(\`received \${signal}, closing\`);
        try {
          await new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
          await db.end();
        } catch (err) {
          console.error("shutdown failed", err);
          process.exitCode = 1;
        } finally {
          process.exit();
        }
      }

      process.on("SIGTERM", () => void shutdown("SIGTERM"));
      server.listen(3000);
    `,
  },
  {
    name: "a library module with deliberate, documented silence",
    filename: "file.js",
    code: code`
      "use strict";
      let colors;
      try {
        colors = require("colors/safe");
      } catch (e) {
        colors = null;
      }

      /** Returns the terminal width, or undefined when stdout is not a TTY. */
      function terminalWidth() {
        try {
          return process.stdout.getWindowSize()[0];
        } catch {
          return undefined;
        }
      }

      function cleanup(dir) {
        try {
          fs.rmSync(dir, { recursive: true });
        } catch (err) {
          // Ignore: the directory is temporary and may already be gone.
        }
      }

      module.exports = { terminalWidth, cleanup, colors };
    `,
  },
];
