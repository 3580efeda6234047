import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import type { Options } from "../../../src/rules/no-swallowed-error/index.js";
import { code } from "../../code.js";

type Case = ValidTestCase<Options>;

/**
 * Deliberate silence as library code writes it, found while reviewing the corpus
 * (typeorm, knex, hono, axios, undici, mongoose, ioredis, nodemailer, koa, the OpenAI SDK ...).
 */
export const validLibraryIdioms: Case[] = [
  // --- a secondary failure while another one is being handled --------------------------------
  {
    name: "rollback failure ignored because the original error is rethrown",
    code: code`
      async function run(queryRunner, work) {
        try {
          await work(queryRunner);
        } catch (error) {
          if (transactionStartedByUs) {
            try {
              await queryRunner.rollbackTransaction();
            } catch (rollbackError) { }
          }
          throw error;
        }
      }
    `,
  },
  {
    name: "cleanup failure ignored inside a catch that reports through the callback",
    code: `Request.prototype.end = function (fn) { try { xhr.send(data); } catch (err) { try { xhr.send(null); } catch (_) {} return this.callback(err); } };`,
  },
  // --- best-effort teardown -------------------------------------------------------------------
  { name: "closing a connection", code: `async function stop(conn) { try { await conn.close(); } catch {} }` },
  { name: "removing a temp file", code: `try { fs.unlinkSync(tmpFile); } catch (e) {}` },
  { name: "cancelling a stream reader", code: `reader.cancel().catch(noop);` },
  { name: "ending a session in finally", code: `session.withTransaction(fn).finally(() => { session.endSession().catch(() => {}); });` },
  { name: "closing a connection after a connection error", code: `if (isConnectionError(err)) { connection.close().catch(function (err) {}); }` },
  {
    name: "inside a cleanup method, through an anonymous callback",
    code: `class Stream { abort() { this.subscribers.forEach((subscriber) => { try { Promise.resolve(subscriber()).catch(() => {}); } catch {} }); } }`,
  },
  { name: "allSettled inside close()", code: `class Server { async close() { await Promise.allSettled([...this.namespaces].map((nsp) => nsp.adapter.close())); } }` },
  { name: "allSettled over teardown calls", code: `await Promise.allSettled([db.close(), cache.quit()]);` },
  // --- schema fallbacks (zod's .catch is not a promise's) -------------------------------------
  {
    name: "zod schema .catch(() => fallback)",
    code: code`
      import { z } from "zod";
      export const Settings = z.object({ theme: z.string().catch(() => "light") });
    `,
  },
  {
    name: "zod schema .catch(value) and .catch(ctx => ...) down a long chain",
    filename: "file.ts",
    code: code`
      import { z } from "zod";
      export const Query = z.object({
        page: z.coerce.number().int().min(1).catch(1),
        tags: z.array(z.string()).optional().catch(() => []),
        sort: z.enum(["asc", "desc"]).catch((ctx) => "asc"),
      });
      export type Query = z.infer<typeof Query>;
    `,
  },
  {
    name: "zod imported as a namespace and from a subpath",
    code: code`
      import * as zod from "zod/v4";
      export const Port = zod.number().catch(() => 3000);
    `,
  },
  {
    name: "zod required in CommonJS",
    languageOptions: { sourceType: "commonjs" },
    code: code`
      const { z } = require("zod");
      module.exports.Flags = z.object({ beta: z.boolean().catch(() => false) });
    `,
  },
  {
    name: "zod required as a whole in CommonJS",
    languageOptions: { sourceType: "commonjs" },
    code: `const zod = require("zod");
exports.Limit = zod.number().max(100).catch(() => 20);`,
  },
  // --- probes and fallbacks -------------------------------------------------------------------
  { name: "fallback chain: the try returns, the code after is the fallback", code: `const now = () => { try { return performance.now(); } catch {} return Date.now(); };` },
  {
    name: "fallback chain of several attempts",
    code: code`
      export const castToError = (err) => {
        if (typeof err === "object" && err !== null) {
          try { return new Error(err.message, { cause: err }); } catch { }
          try { return new Error(JSON.stringify(err)); } catch { }
        }
        return new Error(err);
      };
    `,
  },
  { name: "the next statement checks what the try assigned", code: `function auth(header) { let pair; try { pair = decode(header); } catch {} if (!pair) return; return { user: pair[0] }; }` },
  { name: "a getter that throws when a feature is missing", code: `const getExecutionCtx = (c) => { let ctx; try { ctx = c.executionCtx; } catch {} return ctx; };` },
  { name: "a getter probe returning undefined", code: `function readTimezone() { try { return process.env.TZ; } catch { return undefined; } }` },
  {
    name: "optional native driver loaded through a library helper",
    code: `try { const pgNative = this.options.nativeDriver || PlatformTools.load("pg-native"); if (pgNative && this.postgres.native) this.postgres = this.postgres.native; } catch (e) { }`,
  },
  {
    name: "optional builtin module, either way it is loaded",
    code: `const dc = (() => { try { return "getBuiltinModule" in process ? process.getBuiltinModule("node:diagnostics_channel") : require("node:diagnostics_channel"); } catch { return undefined; } })();`,
  },
  // --- defaults the caller can tell apart -----------------------------------------------------
  { name: "null from a function that otherwise returns a URL", code: `function parseUrl(s) { try { return new URL(s); } catch { return null; } }` },
  { name: "null from a function whose success answer is an object", code: `const normalize = (host) => { if (!host) return null; try { host = new URL("http://" + host).hostname; } catch (_err) { return null; } return { host }; };` },
  { name: "false from a function that otherwise returns a string", code: `function sign(header, key) { let signature; try { signature = signer.sign(key, "base64"); } catch (_E) { return false; } return header + signature.replace(/=+$/, "").trim(); }` },
  { name: "false from a yes/no helper", code: `const test = (fn, ...args) => { try { return !!fn(...args); } catch (e) { return false; } };` },
  { name: "false from a comparison", code: `function sameOrigin(a, b) { if (!b) return true; try { return new URL(a).origin === new URL(b).origin && a.length > 0; } catch { return false; } }` },
  { name: "a getter's default", code: `const request = { get charset() { try { return parse(this.req).parameters.charset || ""; } catch (e) { return ""; } } };` },
  { name: "a predicate-named function", code: `async function verifySignature(secret, value, signature) { try { return await crypto.subtle.verify("HMAC", secret, signature, value); } catch { return false; } }` },
  // --- comments that explain ------------------------------------------------------------------
  { name: "lint directive for no-empty at the end of the try block", code: `try { headers.setContentLength(await getLength(data)); /*eslint no-empty:0*/ } catch (e) {}` },
  { name: "any explanation inside an empty catch", code: `try { fileInfo = fs.statSync(path); } catch (err) { // file doesn't exist\n}` },
  { name: "a link to the discussion", code: `try { stream.flushSync(); } catch (e) { // https://github.com/pinojs/pino/pull/740\n}` },
  { name: "an explanation next to a default return", code: `function paths(route) { try { return toRegexps(route); } catch { // The adapter reports a path it cannot mount; it covers nothing here\n return []; } }` },
  { name: "a comment before the statement about unhandled rejections", code: `// Don't let these promises cause unhandled rejection errors.\nstart().catch(() => {});` },
  { name: "a comment trailing the handler inside the call", code: `return this.openPromise.then(\n  () => this.stream.close(),\n  () => {} // No need to close if opening the stream failed\n);` },
  { name: "an explanation inside the handler", code: `this.handshake().catch(() => {\n  // errors are already handled by the handshake error listener\n});` },
  { name: "a handler inside a try whose catch explains the silence", code: `function deleteCached(store, key) { try { store.delete(key)?.catch?.(noop); } catch { // Fail silently\n} }` },
  // --- handlers on promises that live on -------------------------------------------------------
  { name: "handler on a promise stored in a property", code: `Connection.prototype.on = function on(event, cb) { if (event === "error" && this.initialConnection) this.initialConnection.catch(() => {}); return Emitter.prototype.on.call(this, event, cb); };` },
  { name: "handler on a down-levelled private field", code: `class S { constructor() { __classPrivateFieldGet(this, _S_endPromise, "f").catch(() => { }); } }` },
  { name: "awaiting a shared promise only to wait for it", code: `async function execute(state, fn) { await state.test.catch(() => undefined); return fn(); }` },
  // --- intent stated by an option or by a comment above the enclosing statement ---------------
  {
    name: "code that only runs when an option says to ignore failures",
    code: code`
      if (options.ignoreInvalidCookies) {
        promises = promises.map(async (promise) => {
          try { await promise; } catch { }
        });
      }
    `,
  },
  {
    name: "a comment above the function whose first statement is the try",
    code: code`
      // The empty catch is needed here in case it rejects before it is awaited.
      (async () => {
        try { (await result).once(event, handler); } catch { }
      })();
    `,
  },
  {
    name: "the call also hands the error to a Node-style callback",
    code: `this.info(function (err, res) { if (err) return callback(err); callback(null, parse(res)); }).catch(noop);`,
  },
];
