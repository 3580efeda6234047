import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-swallowed-error/index.js";
import { code } from "../../code.js";

type Case = InvalidTestCase<MessageIds, Options>;

const COMMENT = "/* ignore: <why this failure is safe to ignore> */";

/** `try { ... } catch { ... }` blocks that hide the failure. */
export const invalidCatchClauses: Case[] = [
  // --- empty catch blocks ---------------------------------------------------------------------
  {
    name: "empty catch with a binding, ESM TypeScript",
    filename: "file.ts",
    code: code`
      import { readFileSync } from "node:fs";
      export function readConfig(path: string) {
        let raw = "{}";
        try {
          raw = readFileSync(path, "utf8");
        } catch (err) {}
        return raw;
      }
    `,
    errors: [
      {
        messageId: "emptyCatch",
        line: 6,
        column: 5,
        endLine: 6,
        endColumn: 16,
        data: { subject: "the error" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "err" },
            output: code`
              import { readFileSync } from "node:fs";
              export function readConfig(path: string) {
                let raw = "{}";
                try {
                  raw = readFileSync(path, "utf8");
                } catch (err) {
                  throw err;
                }
                return raw;
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              import { readFileSync } from "node:fs";
              export function readConfig(path: string) {
                let raw = "{}";
                try {
                  raw = readFileSync(path, "utf8");
                } catch (err) { ${COMMENT}}
                return raw;
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "empty optional-binding catch around a database call: the rethrow suggestion adds a binding",
    code: code`
      async function connect(client) {
        try {
          await client.connect();
        } catch {}
      }
    `,
    errors: [
      {
        messageId: "emptyCatch",
        line: 4,
        column: 5,
        data: { subject: "the error" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "error" },
            output: code`
              async function connect(client) {
                try {
                  await client.connect();
                } catch (error) {
                  throw error;
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              async function connect(client) {
                try {
                  await client.connect();
                } catch { ${COMMENT}}
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "empty catch around JSON.parse names the parse failure",
    code: code`
      function parseBody(raw) {
        let body = {};
        try { body = JSON.parse(raw); } catch (e) {}
        return body;
      }
    `,
    errors: [
      {
        messageId: "emptyCatch",
        line: 3,
        column: 35,
        data: { subject: "the `JSON.parse` error, so malformed input passes unnoticed" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "e" },
            output: code`
              function parseBody(raw) {
                let body = {};
                try { body = JSON.parse(raw); } catch (e) {
                  throw e;
                }
                return body;
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              function parseBody(raw) {
                let body = {};
                try { body = JSON.parse(raw); } catch (e) { ${COMMENT}}
                return body;
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "a comment that gives no reason is not an opt-out; the rethrow goes after it",
    code: code`
      function load(cache, key) {
        try {
          cache.load(key);
        } catch (err) {
          // TODO handle this
        }
      }
    `,
    errors: [
      {
        messageId: "emptyCatch",
        line: 4,
        column: 5,
        data: { subject: "the error" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "err" },
            output: code`
              function load(cache, key) {
                try {
                  cache.load(key);
                } catch (err) {
                  // TODO handle this
                  throw err;
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              function load(cache, key) {
                try {
                  cache.load(key);
                } catch (err) { ${COMMENT}
                  // TODO handle this
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "empty catch in a repository method, with a finally block",
    filename: "file.ts",
    code: code`
      import { Pool } from "pg";
      export class OrderRepository {
        constructor(private readonly pool: Pool) {}
        async archive(id: string): Promise<void> {
          const client = await this.pool.connect();
          try {
            await client.query("UPDATE orders SET archived = true WHERE id = $1", [id]);
          } catch (e: unknown) {
          } finally {
            client.release();
          }
        }
      }
    `,
    errors: [
      {
        messageId: "emptyCatch",
        line: 8,
        column: 7,
        endColumn: 25,
        data: { subject: "the error" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "e" },
            output: code`
              import { Pool } from "pg";
              export class OrderRepository {
                constructor(private readonly pool: Pool) {}
                async archive(id: string): Promise<void> {
                  const client = await this.pool.connect();
                  try {
                    await client.query("UPDATE orders SET archived = true WHERE id = $1", [id]);
                  } catch (e: unknown) {
                    throw e;
                  } finally {
                    client.release();
                  }
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              import { Pool } from "pg";
              export class OrderRepository {
                constructor(private readonly pool: Pool) {}
                async archive(id: string): Promise<void> {
                  const client = await this.pool.connect();
                  try {
                    await client.query("UPDATE orders SET archived = true WHERE id = $1", [id]);
                  } catch (e: unknown) { ${COMMENT}
                  } finally {
                    client.release();
                  }
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "destructured catch binding: no rethrow suggestion, only the comment",
    code: code`
      try { sendMetrics(); } catch ({ message }) {}
    `,
    errors: [
      {
        messageId: "emptyCatch",
        line: 1,
        column: 24,
        data: { subject: "the error" },
        suggestions: [
          {
            messageId: "suggestOptOutComment",
            output: `try { sendMetrics(); } catch ({ message }) { ${COMMENT}}`,
          },
        ],
      },
    ],
  },
  {
    name: "empty catch in a CommonJS Express handler",
    filename: "file.js",
    code: code`
      const express = require("express");
      const router = express.Router();
      router.delete("/sessions/:id", async (req, res) => {
        try {
          await req.app.locals.sessions.destroy(req.params.id);
        } catch (err) {}
        res.sendStatus(204);
      });
      module.exports = router;
    `,
    errors: [
      {
        messageId: "emptyCatch",
        line: 6,
        column: 5,
        data: { subject: "the error" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "err" },
            output: code`
              const express = require("express");
              const router = express.Router();
              router.delete("/sessions/:id", async (req, res) => {
                try {
                  await req.app.locals.sessions.destroy(req.params.id);
                } catch (err) {
                  throw err;
                }
                res.sendStatus(204);
              });
              module.exports = router;
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              const express = require("express");
              const router = express.Router();
              router.delete("/sessions/:id", async (req, res) => {
                try {
                  await req.app.locals.sessions.destroy(req.params.id);
                } catch (err) { ${COMMENT}}
                res.sendStatus(204);
              });
              module.exports = router;
            `,
          },
        ],
      },
    ],
  },
  {
    name: "empty catch inside a loop body",
    code: code`
      for (const file of files) {
        try { fs.copyFileSync(file, dest); } catch {}
      }
    `,
    errors: [
      {
        messageId: "emptyCatch",
        line: 2,
        column: 40,
        data: { subject: "the error" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "error" },
            output: code`
              for (const file of files) {
                try { fs.copyFileSync(file, dest); } catch (error) {
                  throw error;
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              for (const file of files) {
                try { fs.copyFileSync(file, dest); } catch { ${COMMENT}}
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "a custom allowedCommentPattern replaces the default one",
    options: [{ allowedCommentPattern: "^\\s*swallow-ok:" }],
    code: code`
      async function save(req, res) {
        try { await store.put(req.body); } catch (e) { console.error(e); /* ignore */ }
        res.json({ ok: true });
      }
    `,
    errors: [
      {
        messageId: "logThenSuccess",
        line: 2,
        column: 38,
        data: { where: "Catch block", success: "responds with `res.json(...)`" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "e" },
            output: code`
              async function save(req, res) {
                try { await store.put(req.body); } catch (e) { console.error(e); /* ignore */
                  throw e;
                }
                res.json({ ok: true });
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              async function save(req, res) {
                try { await store.put(req.body); } catch (e) { ${COMMENT} console.error(e); /* ignore */ }
                res.json({ ok: true });
              }
            `,
          },
        ],
      },
    ],
  },

  {
    name: "deleting a record is the operation itself, not cleanup (Sequelize destroy)",
    code: code`
      async function removeUser(user) {
        try { await user.destroy(); } catch (e) {}
      }
    `,
    errors: [
      {
        messageId: "emptyCatch",
        line: 2,
        column: 33,
        data: { subject: "the error" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "e" },
            output: code`
              async function removeUser(user) {
                try { await user.destroy(); } catch (e) {
                  throw e;
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              async function removeUser(user) {
                try { await user.destroy(); } catch (e) { ${COMMENT}}
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "falling through to return null is no fallback: JSON.parse can return null too",
    code: code`
      function readCache(raw) {
        try { return JSON.parse(raw); } catch {}
        return null;
      }
    `,
    errors: [
      {
        messageId: "emptyCatch",
        line: 2,
        column: 35,
        data: { subject: "the `JSON.parse` error, so malformed input passes unnoticed" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "error" },
            output: code`
              function readCache(raw) {
                try { return JSON.parse(raw); } catch (error) {
                  throw error;
                }
                return null;
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              function readCache(raw) {
                try { return JSON.parse(raw); } catch { ${COMMENT}}
                return null;
              }
            `,
          },
        ],
      },
    ],
  },

  // --- catch blocks that only return a default ------------------------------------------------
  {
    name: "returns null from a Prisma lookup",
    filename: "file.ts",
    code: code`
      import { PrismaClient } from "@prisma/client";
      const prisma = new PrismaClient();
      export async function getUser(id: string) {
        try {
          return await prisma.user.findUnique({ where: { id } });
        } catch (error) {
          return null;
        }
      }
    `,
    errors: [
      {
        messageId: "defaultReturn",
        line: 6,
        column: 5,
        endColumn: 18,
        data: { value: "null" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "error" },
            output: code`
              import { PrismaClient } from "@prisma/client";
              const prisma = new PrismaClient();
              export async function getUser(id: string) {
                try {
                  return await prisma.user.findUnique({ where: { id } });
                } catch (error) {
                  throw error;
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              import { PrismaClient } from "@prisma/client";
              const prisma = new PrismaClient();
              export async function getUser(id: string) {
                try {
                  return await prisma.user.findUnique({ where: { id } });
                } catch (error) { ${COMMENT}
                  return null;
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "returns an empty array from a repository method (TypeScript class)",
    filename: "file.ts",
    code: code`
      class ProductRepository {
        constructor(private readonly knex: Knex) {}
        async listByCategory(category: string): Promise<Product[]> {
          try {
            return await this.knex("products").where({ category });
          } catch {
            return [] as Product[];
          }
        }
      }
    `,
    errors: [
      {
        messageId: "defaultReturn",
        line: 6,
        column: 7,
        data: { value: "[]" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "error" },
            output: code`
              class ProductRepository {
                constructor(private readonly knex: Knex) {}
                async listByCategory(category: string): Promise<Product[]> {
                  try {
                    return await this.knex("products").where({ category });
                  } catch (error) {
                    throw error;
                  }
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              class ProductRepository {
                constructor(private readonly knex: Knex) {}
                async listByCategory(category: string): Promise<Product[]> {
                  try {
                    return await this.knex("products").where({ category });
                  } catch { ${COMMENT}
                    return [] as Product[];
                  }
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "returns an empty object from a settings loader",
    code: code`
      const loadSettings = async (redis, userId) => {
        try {
          return JSON.parse(await redis.get("settings:" + userId));
        } catch (e) { return {}; }
      };
    `,
    errors: [
      {
        messageId: "defaultReturn",
        line: 4,
        column: 5,
        data: { value: "{}" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "e" },
            output: code`
              const loadSettings = async (redis, userId) => {
                try {
                  return JSON.parse(await redis.get("settings:" + userId));
                } catch (e) { throw e; }
              };
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              const loadSettings = async (redis, userId) => {
                try {
                  return JSON.parse(await redis.get("settings:" + userId));
                } catch (e) { ${COMMENT} return {}; }
              };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "returns false where the function has no true answer",
    code: code`
      async function loadBetaFlag(flags) {
        try {
          return await flags.get("beta");
        } catch (err) {
          return false;
        }
      }
    `,
    errors: [
      {
        messageId: "defaultReturn",
        line: 4,
        column: 5,
        data: { value: "false" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "err" },
            output: code`
              async function loadBetaFlag(flags) {
                try {
                  return await flags.get("beta");
                } catch (err) {
                  throw err;
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              async function loadBetaFlag(flags) {
                try {
                  return await flags.get("beta");
                } catch (err) { ${COMMENT}
                  return false;
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "a bare return abandons the rest of the function silently",
    code: code`
      async function syncInventory(api, db) {
        let items;
        try {
          items = await api.fetchItems();
        } catch (e) {
          return;
        }
        await db.save(items);
      }
    `,
    errors: [
      {
        messageId: "defaultReturn",
        line: 5,
        column: 5,
        data: { value: "undefined" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "e" },
            output: code`
              async function syncInventory(api, db) {
                let items;
                try {
                  items = await api.fetchItems();
                } catch (e) {
                  throw e;
                }
                await db.save(items);
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              async function syncInventory(api, db) {
                let items;
                try {
                  items = await api.fetchItems();
                } catch (e) { ${COMMENT}
                  return;
                }
                await db.save(items);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "returns an empty string and zero",
    code: code`
      function readToken(fs) {
        try { return fs.readFileSync(".token", "utf8"); } catch (e) { return ""; }
      }
      function countRows(db) {
        try { return db.prepare("SELECT count(*) AS n FROM jobs").get().n; } catch (e) { return 0; }
      }
    `,
    errors: [
      {
        messageId: "defaultReturn",
        line: 2,
        column: 53,
        data: { value: '""' },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "e" },
            output: code`
              function readToken(fs) {
                try { return fs.readFileSync(".token", "utf8"); } catch (e) { throw e; }
              }
              function countRows(db) {
                try { return db.prepare("SELECT count(*) AS n FROM jobs").get().n; } catch (e) { return 0; }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              function readToken(fs) {
                try { return fs.readFileSync(".token", "utf8"); } catch (e) { ${COMMENT} return ""; }
              }
              function countRows(db) {
                try { return db.prepare("SELECT count(*) AS n FROM jobs").get().n; } catch (e) { return 0; }
              }
            `,
          },
        ],
      },
      {
        messageId: "defaultReturn",
        line: 5,
        column: 72,
        data: { value: "0" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "e" },
            output: code`
              function readToken(fs) {
                try { return fs.readFileSync(".token", "utf8"); } catch (e) { return ""; }
              }
              function countRows(db) {
                try { return db.prepare("SELECT count(*) AS n FROM jobs").get().n; } catch (e) { throw e; }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              function readToken(fs) {
                try { return fs.readFileSync(".token", "utf8"); } catch (e) { return ""; }
              }
              function countRows(db) {
                try { return db.prepare("SELECT count(*) AS n FROM jobs").get().n; } catch (e) { ${COMMENT} return 0; }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "a TypeScript cast does not hide the null",
    filename: "file.ts",
    code: code`
      export async function fetchProfile(http: Http, id: string): Promise<Profile> {
        try {
          const { data } = await http.get<Profile>("/profiles/" + id);
          return data;
        } catch {
          return null as unknown as Profile;
        }
      }
    `,
    errors: [
      {
        messageId: "defaultReturn",
        line: 5,
        column: 5,
        data: { value: "null" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "error" },
            output: code`
              export async function fetchProfile(http: Http, id: string): Promise<Profile> {
                try {
                  const { data } = await http.get<Profile>("/profiles/" + id);
                  return data;
                } catch (error) {
                  throw error;
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              export async function fetchProfile(http: Http, id: string): Promise<Profile> {
                try {
                  const { data } = await http.get<Profile>("/profiles/" + id);
                  return data;
                } catch { ${COMMENT}
                  return null as unknown as Profile;
                }
              }
            `,
          },
        ],
      },
    ],
  },

  {
    name: "a comment that only restates the default return is not a reason",
    code: code`
      async function findOrder(db, id) {
        try {
          return await db.orders.findOne({ id });
        } catch (err) {
          // Return null if the order is not found
          return null;
        }
      }
    `,
    errors: [
      {
        messageId: "defaultReturn",
        line: 4,
        column: 5,
        data: { value: "null" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "err" },
            output: code`
              async function findOrder(db, id) {
                try {
                  return await db.orders.findOne({ id });
                } catch (err) {
                  // Return null if the order is not found
                  throw err;
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              async function findOrder(db, id) {
                try {
                  return await db.orders.findOne({ id });
                } catch (err) { ${COMMENT}
                  // Return null if the order is not found
                  return null;
                }
              }
            `,
          },
        ],
      },
    ],
  },

  // --- catch blocks that log, then the code reports success -----------------------------------
  {
    name: "Express handler logs, then answers { ok: true }",
    code: code`
      import express from "express";
      const app = express();
      app.post("/api/orders", async (req, res) => {
        try {
          await orders.create(req.body);
        } catch (err) {
          console.error("Failed to create order", err);
        }
        res.json({ ok: true });
      });
    `,
    errors: [
      {
        messageId: "logThenSuccess",
        line: 6,
        column: 5,
        endColumn: 16,
        data: { where: "Catch block", success: "responds with `res.json(...)`" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "err" },
            output: code`
              import express from "express";
              const app = express();
              app.post("/api/orders", async (req, res) => {
                try {
                  await orders.create(req.body);
                } catch (err) {
                  console.error("Failed to create order", err);
                  throw err;
                }
                res.json({ ok: true });
              });
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              import express from "express";
              const app = express();
              app.post("/api/orders", async (req, res) => {
                try {
                  await orders.create(req.body);
                } catch (err) { ${COMMENT}
                  console.error("Failed to create order", err);
                }
                res.json({ ok: true });
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "winston logger, then the function returns { success: true }",
    filename: "file.js",
    code: code`
      const logger = require("./logger");
      async function chargeCustomer(stripe, customerId, amount) {
        try {
          await stripe.paymentIntents.create({ customer: customerId, amount, currency: "usd" });
        } catch (error) {
          logger.error("charge failed", { error });
        }
        await audit.record("charge", customerId);
        return { success: true };
      }
    `,
    errors: [
      {
        messageId: "logThenSuccess",
        line: 5,
        column: 5,
        data: { where: "Catch block", success: "returns a success value" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "error" },
            output: code`
              const logger = require("./logger");
              async function chargeCustomer(stripe, customerId, amount) {
                try {
                  await stripe.paymentIntents.create({ customer: customerId, amount, currency: "usd" });
                } catch (error) {
                  logger.error("charge failed", { error });
                  throw error;
                }
                await audit.record("charge", customerId);
                return { success: true };
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              const logger = require("./logger");
              async function chargeCustomer(stripe, customerId, amount) {
                try {
                  await stripe.paymentIntents.create({ customer: customerId, amount, currency: "usd" });
                } catch (error) { ${COMMENT}
                  logger.error("charge failed", { error });
                }
                await audit.record("charge", customerId);
                return { success: true };
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Nest logger on this, then return true",
    filename: "file.ts",
    code: code`
      export class MailService {
        private readonly logger = new Logger(MailService.name);
        async sendWelcome(to: string): Promise<boolean> {
          try {
            await this.transport.sendMail({ to, subject: "Welcome" });
          } catch (e) {
            this.logger.warn(\`welcome mail to \${to} failed\`);
          }
          return true;
        }
      }
    `,
    errors: [
      {
        messageId: "logThenSuccess",
        line: 6,
        column: 7,
        data: { where: "Catch block", success: "returns a success value" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "e" },
            output: code`
              export class MailService {
                private readonly logger = new Logger(MailService.name);
                async sendWelcome(to: string): Promise<boolean> {
                  try {
                    await this.transport.sendMail({ to, subject: "Welcome" });
                  } catch (e) {
                    this.logger.warn(\`welcome mail to \${to} failed\`);
                    throw e;
                  }
                  return true;
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              export class MailService {
                private readonly logger = new Logger(MailService.name);
                async sendWelcome(to: string): Promise<boolean> {
                  try {
                    await this.transport.sendMail({ to, subject: "Welcome" });
                  } catch (e) { ${COMMENT}
                    this.logger.warn(\`welcome mail to \${to} failed\`);
                  }
                  return true;
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Next.js route handler logs, then answers with NextResponse.json",
    filename: "file.ts",
    code: code`
      import { NextResponse } from "next/server";
      export async function POST(request: Request) {
        const payload = await request.json();
        try {
          await db.insert(subscribers).values({ email: payload.email });
        } catch (error) {
          console.error(error);
        }
        return NextResponse.json({ subscribed: true }, { status: 201 });
      }
    `,
    errors: [
      {
        messageId: "logThenSuccess",
        line: 6,
        column: 5,
        data: { where: "Catch block", success: "responds with `NextResponse.json(...)`" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "error" },
            output: code`
              import { NextResponse } from "next/server";
              export async function POST(request: Request) {
                const payload = await request.json();
                try {
                  await db.insert(subscribers).values({ email: payload.email });
                } catch (error) {
                  console.error(error);
                  throw error;
                }
                return NextResponse.json({ subscribed: true }, { status: 201 });
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              import { NextResponse } from "next/server";
              export async function POST(request: Request) {
                const payload = await request.json();
                try {
                  await db.insert(subscribers).values({ email: payload.email });
                } catch (error) { ${COMMENT}
                  console.error(error);
                }
                return NextResponse.json({ subscribed: true }, { status: 201 });
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Koa middleware logs, then sets ctx.body",
    code: code`
      router.put("/profile", async (ctx) => {
        try {
          await profiles.update(ctx.state.user.id, ctx.request.body);
        } catch (err) {
          ctx.log.error(err);
        }
        ctx.body = { updated: true };
      });
    `,
    errors: [
      {
        messageId: "logThenSuccess",
        line: 4,
        column: 5,
        data: { where: "Catch block", success: "sets `ctx.body`" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "err" },
            output: code`
              router.put("/profile", async (ctx) => {
                try {
                  await profiles.update(ctx.state.user.id, ctx.request.body);
                } catch (err) {
                  ctx.log.error(err);
                  throw err;
                }
                ctx.body = { updated: true };
              });
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              router.put("/profile", async (ctx) => {
                try {
                  await profiles.update(ctx.state.user.id, ctx.request.body);
                } catch (err) { ${COMMENT}
                  ctx.log.error(err);
                }
                ctx.body = { updated: true };
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Fastify: the try sits in an if block, the success reply comes after it",
    code: code`
      fastify.post("/webhooks", async (request, reply) => {
        if (request.body.type === "invoice.paid") {
          try {
            await billing.markPaid(request.body.id);
          } catch (err) {
            request.log.error(err);
          }
        }
        return reply.code(200).send({ received: true });
      });
    `,
    errors: [
      {
        messageId: "logThenSuccess",
        line: 5,
        column: 7,
        data: { where: "Catch block", success: "responds with `reply.send(...)`" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "err" },
            output: code`
              fastify.post("/webhooks", async (request, reply) => {
                if (request.body.type === "invoice.paid") {
                  try {
                    await billing.markPaid(request.body.id);
                  } catch (err) {
                    request.log.error(err);
                    throw err;
                  }
                }
                return reply.code(200).send({ received: true });
              });
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              fastify.post("/webhooks", async (request, reply) => {
                if (request.body.type === "invoice.paid") {
                  try {
                    await billing.markPaid(request.body.id);
                  } catch (err) { ${COMMENT}
                    request.log.error(err);
                  }
                }
                return reply.code(200).send({ received: true });
              });
            `,
          },
        ],
      },
    ],
  },

  // --- catch blocks that answer success themselves ---------------------------------------------
  {
    name: "Next.js route handler answers an empty list with 200 from the catch",
    filename: "file.ts",
    code: code`
      export async function GET() {
        try {
          const items = await db.item.findMany();
          return Response.json(items);
        } catch (error) {
          console.error(error);
          return Response.json([]);
        }
      }
    `,
    errors: [
      {
        messageId: "answersSuccess",
        line: 5,
        column: 5,
        data: { where: "Catch block", success: "responds with `Response.json(...)`" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "error" },
            output: code`
              export async function GET() {
                try {
                  const items = await db.item.findMany();
                  return Response.json(items);
                } catch (error) {
                  console.error(error);
                  throw error;
                }
              }
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              export async function GET() {
                try {
                  const items = await db.item.findMany();
                  return Response.json(items);
                } catch (error) { ${COMMENT}
                  console.error(error);
                  return Response.json([]);
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Express handler answers { success: true } from the catch",
    code: code`
      router.post("/newsletter", async (req, res) => {
        try {
          await mailchimp.lists.addListMember(listId, { email_address: req.body.email });
          res.json({ success: true });
        } catch {
          res.json({ success: true });
        }
      });
    `,
    errors: [
      {
        messageId: "answersSuccess",
        line: 5,
        column: 5,
        data: { where: "Catch block", success: "responds with `res.json(...)`" },
        suggestions: [
          {
            messageId: "suggestRethrow",
            data: { name: "error" },
            output: code`
              router.post("/newsletter", async (req, res) => {
                try {
                  await mailchimp.lists.addListMember(listId, { email_address: req.body.email });
                  res.json({ success: true });
                } catch (error) {
                  throw error;
                }
              });
            `,
          },
          {
            messageId: "suggestOptOutComment",
            output: code`
              router.post("/newsletter", async (req, res) => {
                try {
                  await mailchimp.lists.addListMember(listId, { email_address: req.body.email });
                  res.json({ success: true });
                } catch { ${COMMENT}
                  res.json({ success: true });
                }
              });
            `,
          },
        ],
      },
    ],
  },
];
