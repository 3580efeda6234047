import type { Valid } from "./cases.js";
import { code } from "../../code.js";

/** The error is logged with context, in each library's own idiom. */
export const validIdioms: Valid[] = [
  {
    name: "console: message, id and the error",
    code: code`
      try {
        await chargeOrder(orderId);
      } catch (err) {
        console.error("Failed to charge order", orderId, err);
      }
    `,
  },
  {
    name: "console: format string with an id and the error",
    code: code`
      try {
        await syncUser(id);
      } catch (err) {
        console.error("Failed to sync user %s", id, err);
      }
    `,
  },
  {
    name: "console: template message with the error object",
    code: code`
      try {
        await syncUser(id);
      } catch (err) {
        console.warn(\`Sync of \${id} failed\`, err);
      }
    `,
  },
  {
    name: "pino: merging object with the error and an id",
    code: code`
      import pino from "pino";
      const logger = pino();
      try {
        await charge(order);
      } catch (err) {
        logger.error({ err, orderId: order.id }, "Charge failed");
      }
    `,
  },
  {
    name: "pino: the error first, then the message",
    filename: "file.js",
    code: code`
      const logger = require("pino")();
      try {
        await charge(order);
      } catch (err) {
        logger.error(err, "Charge failed");
      }
    `,
  },
  {
    name: "winston: meta object holding the error",
    filename: "file.js",
    code: code`
      const winston = require("winston");
      const logger = winston.createLogger();
      try {
        await charge(order);
      } catch (err) {
        logger.error("charge failed", { error: err, orderId: order.id });
      }
    `,
  },
  {
    name: "winston: the error as meta",
    code: code`
      import { createLogger } from "winston";
      const logger = createLogger();
      try {
        await charge(order);
      } catch (err) {
        logger.error("charge failed", err);
      }
    `,
  },
  {
    name: "bunyan: { err } then the message",
    filename: "file.js",
    code: code`
      const bunyan = require("bunyan");
      const log = bunyan.createLogger({ name: "app" });
      try {
        await charge(order);
      } catch (err) {
        log.error({ err }, "charge failed for order %s", order.id);
      }
    `,
  },
  {
    name: "an Error wrapped with cause",
    code: code`
      try {
        await charge(order);
      } catch (err) {
        console.error(new Error(\`Charge failed for \${order.id}\`, { cause: err }));
      }
    `,
  },
  {
    name: "NestJS: message and stack",
    filename: "file.ts",
    code: code`
      import { Injectable, Logger } from "@nestjs/common";
      @Injectable()
      export class MailService {
        private readonly logger = new Logger(MailService.name);
        async send(to: string) {
          try {
            await this.transport.sendMail({ to });
          } catch (error) {
            this.logger.error(\`Failed to send mail to \${to}\`, error instanceof Error ? error.stack : undefined);
          }
        }
      }
    `,
  },
  {
    name: "NestJS: message and (err as Error).stack",
    filename: "file.ts",
    code: code`
      try {
        await this.cache.reset();
      } catch (err) {
        this.logger.error("Cache reset failed", (err as Error).stack);
      }
    `,
  },
  {
    name: "pino with custom serializers may keep errors under other keys",
    code: code`
      import pino from "pino";
      const logger = pino({ serializers: { error: pino.stdSerializers.err } });
      try {
        await charge(order);
      } catch (error) {
        logger.error({ error, orderId: order.id }, "Charge failed");
      }
    `,
  },
  {
    name: "the parts of an AggregateError",
    code: code`
      try {
        await Promise.any(mirrors.map(download));
      } catch (err) {
        for (const inner of err.errors) console.warn("Mirror failed:", inner.message);
      }
    `,
  },
  {
    name: "logger.exception-style calls are not judged",
    code: code`
      try {
        run();
      } catch (err) {
        logger.exception(err);
      }
    `,
  },
  {
    name: "util.inspect keeps the stack",
    code: code`
      import { inspect } from "node:util";
      try {
        run();
      } catch (err) {
        console.error("Run failed:", inspect(err));
      }
    `,
  },
  {
    name: "console: structured object with the error and an id",
    code: code`
      try {
        await deliver(webhook);
      } catch (err) {
        console.error("Webhook delivery failed", { webhookId: webhook.id, err });
      }
    `,
  },
  {
    name: "aliased error logged with context",
    filename: "file.ts",
    code: code`
      try {
        await deliver(webhook);
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        logger.error({ err: error, webhookId: webhook.id }, "Webhook delivery failed");
      }
    `,
  },
];

/** The error is not lost: rethrown, passed on, or the log is not the reaction to a failure. */
export const validNotLost: Valid[] = [
  {
    name: "breadcrumb then rethrow, with allowHandoff",
    options: [{ allowHandoff: true }],
    code: code`
      try {
        await migrate();
      } catch (err) {
        console.error("Migration failed");
        throw err;
      }
    `,
  },
  {
    name: "breadcrumb then a wrapping throw with cause, with allowHandoff",
    options: [{ allowHandoff: true }],
    code: code`
      try {
        await repo.save(user);
      } catch (err) {
        logger.warn(\`Saving user \${user.id} failed\`);
        throw new DatabaseError("Could not save user", { cause: err });
      }
    `,
  },
  {
    name: "bare error log then rethrow: the caller adds context",
    code: code`
      try {
        await migrate();
      } catch (err) {
        console.error(err);
        throw err;
      }
    `,
  },
  {
    name: "Express: breadcrumb then next(err), with allowHandoff",
    options: [{ allowHandoff: true }],
    code: code`
      app.get("/users/:id", async (req, res, next) => {
        try {
          res.json(await users.find(req.params.id));
        } catch (err) {
          console.error("User lookup failed");
          next(err);
        }
      });
    `,
  },
  {
    name: "error-first callback: breadcrumb then callback(err), with allowHandoff",
    options: [{ allowHandoff: true }],
    code: code`
      function readJson(path, callback) {
        fs.readFile(path, "utf8", (err, text) => {
          if (err) {
            console.warn("Could not read " + path);
            return callback(err);
          }
          callback(null, JSON.parse(text));
        });
      }
    `,
  },
  {
    name: "new Promise: breadcrumb then reject(err), with allowHandoff",
    options: [{ allowHandoff: true }],
    code: code`
      return new Promise((resolve, reject) => {
        stream.on("error", (err) => {
          console.error("Upload stream broke");
          reject(err);
        });
      });
    `,
  },
  {
    name: "another log in the same handler carries the error",
    code: code`
      try {
        await reindex();
      } catch (err) {
        logger.error({ err }, "Reindex failed");
        logger.info("Will retry in 5 minutes");
      }
    `,
  },
  {
    name: "Sentry receives the error",
    code: code`
      import * as Sentry from "@sentry/node";
      try {
        await checkout(cart);
      } catch (err) {
        Sentry.captureException(err);
        console.error("Checkout failed");
      }
    `,
  },
  {
    name: "the error is collected for later",
    code: code`
      const failures = [];
      for (const item of items) {
        try {
          await importItem(item);
        } catch (err) {
          failures.push(err);
          console.warn("Item import failed, continuing");
        }
      }
    `,
  },
  {
    name: "known error kind: ENOENT means the file is missing",
    code: code`
      try {
        return JSON.parse(await fs.readFile(path, "utf8"));
      } catch (err) {
        if (err.code === "ENOENT") {
          console.warn("No config file found, using defaults");
          return {};
        }
        throw err;
      }
    `,
  },
  {
    name: "known error kind: a specific class",
    code: code`
      try {
        await validate(body);
      } catch (err) {
        if (err instanceof ValidationError) {
          logger.warn("Rejected invalid signup payload");
          return res.status(400).json({ errors: err.details });
        }
        return res.status(500).end();
      }
    `,
  },
  {
    name: "known error kind: switch on the code",
    code: code`
      try {
        await client.connect();
      } catch (err) {
        switch (err.code) {
          case "ECONNREFUSED":
            console.warn("Database is not reachable yet");
            break;
          default:
            console.error("Database connection failed", err);
        }
      }
    `,
  },
  {
    name: "known error kind in an error-first callback",
    code: code`
      fs.mkdir(dir, (err) => {
        if (err && err.code === "EEXIST") {
          console.log("Directory already exists");
        } else if (err) {
          console.error("Could not create " + dir, err);
        }
      });
    `,
  },
  {
    name: "part of the error other than its message (axios response body)",
    code: code`
      try {
        await axios.post(url, payload);
      } catch (err) {
        console.error("Upstream rejected the payload", err.response?.data);
      }
    `,
  },
  {
    name: "a callback defined in the catch and run later is not the reaction",
    code: code`
      try {
        await connect();
      } catch (err) {
        setTimeout(() => console.log("Retrying connection"), 1000);
      }
    `,
  },
  {
    name: "logs in the try block and outside handlers",
    code: code`
      async function run() {
        console.error("Starting");
        try {
          console.log("Working");
        } catch (err) {
          throw err;
        } finally {
          console.info("Done");
        }
      }
    `,
  },
  {
    name: "a callback without an if (err) branch is not an error handler",
    code: code`
      fs.writeFile(path, data, (err) => {
        console.log("Write finished");
      });
    `,
  },
  {
    name: "the success path of an error-first callback",
    code: code`
      fs.writeFile(path, data, (err) => {
        if (err) return done(err);
        console.log("Saved " + path);
      });
    `,
  },
];

/** Calls that look like logging but are not, and handlers where the rule stays quiet on purpose. */
export const validLookAlikes: Valid[] = [
  {
    name: "UI toasts and dialogs are not logs",
    code: code`
      try {
        await save();
      } catch (err) {
        toast.error(err.message);
        message.error("Save failed");
        notification.error({ message: "Save failed" });
        dialog.error("Save failed");
      }
    `,
  },
  {
    name: "a JSON error response is not a log",
    code: code`
      try {
        res.json(await users.list());
      } catch (err) {
        res.status(500).json({ error: err.message });
      }
    `,
  },
  {
    name: "assertion libraries",
    code: code`
      fs.readFile(path, (err, data) => {
        if (err) {
          t.error(err);
          assert.ifError(err);
        }
      });
    `,
  },
  {
    name: "request-bound and child loggers already carry context",
    code: code`
      try {
        await handle(req);
      } catch (err) {
        req.log.error(err);
        logger.child({ orderId }).error(err);
      }
    `,
  },
  {
    name: "a child logger stored in a variable",
    code: code`
      const log = logger.child({ jobId: job.id });
      try {
        await job.run();
      } catch (err) {
        log.error(err);
      }
    `,
  },
  {
    name: "catch without a binding that does more than log",
    code: code`
      function readCache() {
        try {
          return JSON.parse(localStorage.getItem("cache"));
        } catch {
          console.error("Cache is corrupt, clearing it");
          localStorage.removeItem("cache");
          return null;
        }
      }
    `,
  },
  {
    name: "catch without a binding, warning level",
    code: code`
      try {
        require.resolve("optional-dep");
      } catch {
        console.warn("optional-dep not installed, skipping");
      }
    `,
  },
  {
    name: "script entry point: the stack trace is the context",
    code: code`
      async function main() {
        await migrate();
      }
      main().catch((err) => {
        console.error(err);
        process.exit(1);
      });
    `,
  },
  {
    name: "process-wide handler logging the error",
    code: code`
      process.on("uncaughtException", (err) => {
        console.error(err);
        process.exit(1);
      });
      process.on("unhandledRejection", (reason) => {
        console.error("Unhandled rejection:", reason);
      });
    `,
  },
  {
    name: "framework error hooks are last-resort handlers",
    code: code`
      fastify.setErrorHandler((error, request, reply) => {
        request.log.error(error);
        reply.status(500).send({ error: "Internal Server Error" });
      });
      app.onError((err, c) => {
        console.error(err);
        return c.text("Internal Server Error", 500);
      });
    `,
  },
  {
    name: "an IIFE entry point with .catch",
    filename: "file.js",
    code: code`
      (async () => {
        await seedDatabase();
      })().catch((error) => {
        console.error(error);
        process.exit(1);
      });
    `,
  },
  {
    name: "Express error middleware logging the stack",
    code: code`
      app.use((err, req, res, next) => {
        console.error(err.stack);
        res.status(500).send("Something broke!");
      });
    `,
  },
  {
    name: "NestJS exception filter",
    filename: "file.ts",
    code: code`
      @Catch()
      export class AllExceptionsFilter implements ExceptionFilter {
        private readonly logger = new Logger(AllExceptionsFilter.name);
        catch(exception: unknown, host: ArgumentsHost) {
          this.logger.error(exception);
          host.switchToHttp().getResponse().status(500).json({ statusCode: 500 });
        }
      }
    `,
  },
  {
    name: "Koa app 'error' event with context",
    code: code`
      app.on("error", (err, ctx) => {
        console.error("server error", err, ctx);
      });
    `,
  },
  {
    name: "non-error events and DOM error events",
    code: code`
      stream.on("data", (chunk) => console.log("chunk", chunk.length));
      window.addEventListener("error", (event) => console.error(event.message));
    `,
  },
  {
    name: "methods that merely share a level name",
    code: code`
      try {
        await run();
      } catch (err) {
        this.error("Command failed");
        res.error("Command failed");
        events.warn("Command failed");
        Math.log(2);
      }
    `,
  },
  {
    name: "a function named log that is not a logger",
    code: code`
      import { log } from "mathjs";
      try {
        compute();
      } catch (err) {
        log(10);
      }
    `,
  },
  {
    name: "passing the handler itself: .catch(console.error)",
    code: code`
      loadUsers().catch(console.error);
    `,
  },
  {
    name: "test files are skipped",
    filename: "src/__tests__/orders.test.ts",
    code: code`
      try {
        await placeOrder();
      } catch (err) {
        console.log(err);
      }
    `,
  },
  {
    name: "weird syntax does not crash the rule",
    filename: "file.ts",
    code: code`
      declare function risky(): void;
      try {
        risky();
      } catch ({ message }) {
        console.error(message);
      }
      try {
        risky();
      } catch (err) {
        console[level]("dynamic");
        console.error(...details, err);
        (logger as any).error?.(\`Retry \${n} failed\`, err);
      }
      promise.catch(function (this: Window, err) {
        console.error("Request failed", err);
      });
    `,
  },
  {
    name: "a loggerNames regex that does not compile is taken as a plain name",
    options: [{ loggerNames: ["/[unclosed/"] }],
    code: code`
      try {
        run();
      } catch (err) {
        report("Run failed", err);
      }
    `,
  },
  {
    name: "requiredContextKeys satisfied, or spread context",
    options: [{ requiredContextKeys: ["requestId"] }],
    code: code`
      try {
        await charge(order);
      } catch (err) {
        logger.error({ err, requestId: req.id }, "Charge failed");
        logger.error({ ...req.logContext, err }, "Charge failed");
        console.error("Charge failed", err);
      }
    `,
  },
];

/** Patterns met in real packages (corpus review) that must stay silent. */
export const validFromCorpus: Valid[] = [
  {
    name: "catch (_) marks the error as deliberately unused (typeorm)",
    code: code`
      try {
        await this.executeQuery(connection, 'CREATE EXTENSION IF NOT EXISTS "citext"');
      } catch (_) {
        logger.log("warn", "The 'citext' extension cannot be installed automatically. Please install it manually.");
      }
    `,
  },
  {
    name: "a debug trace of the fallback path, not a report of the failure (log4js)",
    filename: "file.js",
    code: code`
      const debug = require("debug")("log4js:appenders");
      let resolvedPath;
      try {
        resolvedPath = require.resolve(\`\${modulePath}.cjs\`);
      } catch (e) {
        resolvedPath = modulePath;
        debug("Loading module from ", modulePath);
      }
    `,
  },
  {
    name: "known error kind through indexOf (ioredis)",
    code: code`
      self.auth(password, function (err) {
        if (err) {
          if (err.message.indexOf("no password is set") !== -1) {
            console.warn("[WARN] Redis server does not require a password, but a password was supplied.");
          } else {
            self.emit("error", err);
          }
        }
      });
    `,
  },
  {
    name: "rethrow after the if (err) branch of a callback (NestJS external filter)",
    code: code`
      class ExternalExceptionFilter {
        catch(exception, host) {
          if (exception instanceof Error && !(exception instanceof IntrinsicException)) {
            ExternalExceptionFilter.logger.error(exception);
          }
          throw exception;
        }
      }
    `,
  },
];

/** Longer, realistic code that handles errors well and must stay silent. */
export const validRealistic: Valid[] = [
  {
    name: "an Express router with pino-http",
    code: code`
      import express from "express";
      import pinoHttp from "pino-http";
      import { orders } from "./orders.js";

      const app = express();
      app.use(pinoHttp());

      app.post("/orders", async (req, res, next) => {
        try {
          const order = await orders.create(req.body);
          req.log.info({ orderId: order.id }, "order created");
          res.status(201).json(order);
        } catch (err) {
          if (err instanceof orders.ValidationError) {
            req.log.warn({ fields: err.fields }, "invalid order payload");
            return res.status(400).json({ errors: err.fields });
          }
          next(err);
        }
      });

      app.use((err, req, res, next) => {
        req.log.error({ err }, "unhandled error");
        res.status(500).json({ error: "Internal Server Error" });
      });

      app.listen(3000, () => console.log("listening on 3000"));
    `,
  },
  {
    name: "a repository class with a winston logger",
    filename: "file.ts",
    code: code`
      import { Pool } from "pg";
      import winston from "winston";

      const logger = winston.createLogger({ format: winston.format.errors({ stack: true }) });

      export class UserRepository {
        constructor(private readonly pool: Pool) {}

        async findByEmail(email: string): Promise<User | undefined> {
          try {
            const { rows } = await this.pool.query("SELECT * FROM users WHERE email = $1", [email]);
            return rows[0];
          } catch (error) {
            logger.error("findByEmail failed", { error, email });
            throw error;
          }
        }

        async deactivate(id: string): Promise<void> {
          const client = await this.pool.connect();
          try {
            await client.query("BEGIN");
            await client.query("UPDATE users SET active = false WHERE id = $1", [id]);
            await client.query("COMMIT");
          } catch (error) {
            await client.query("ROLLBACK").catch((rollbackError) => logger.error("rollback failed", { rollbackError, id }));
            throw new RepositoryError(\`Could not deactivate user \${id}\`, { cause: error });
          } finally {
            client.release();
          }
        }
      }
    `,
  },
  {
    name: "a NestJS service",
    filename: "file.ts",
    code: code`
      import { Injectable, Logger, NotFoundException } from "@nestjs/common";

      @Injectable()
      export class InvoicesService {
        private readonly logger = new Logger(InvoicesService.name);

        constructor(private readonly repo: InvoiceRepository, private readonly mailer: Mailer) {}

        async send(invoiceId: string): Promise<void> {
          const invoice = await this.repo.findOne(invoiceId);
          if (!invoice) throw new NotFoundException();
          try {
            await this.mailer.send(invoice.customerEmail, renderInvoice(invoice));
            this.logger.log(\`Invoice \${invoiceId} sent\`);
          } catch (error) {
            this.logger.error(\`Sending invoice \${invoiceId} failed\`, error instanceof Error ? error.stack : String(error));
            throw error;
          }
        }
      }
    `,
  },
  {
    name: "a Node CLI with an error-first API and a debug logger",
    filename: "file.js",
    code: code`
      #!/usr/bin/env node
      const fs = require("fs");
      const debug = require("debug")("cli");

      function loadConfig(path, done) {
        fs.readFile(path, "utf8", (err, text) => {
          if (err) {
            if (err.code === "ENOENT") {
              debug("no config at %s, using defaults", path);
              return done(null, {});
            }
            return done(err);
          }
          try {
            done(null, JSON.parse(text));
          } catch (parseError) {
            console.error(\`Invalid JSON in \${path}\`, parseError);
            done(parseError);
          }
        });
      }

      loadConfig(process.argv[2] || ".toolrc", (err, config) => {
        if (err) {
          console.error("Could not load configuration:", err);
          process.exit(1);
        }
        debug("config %o", config);
      });
    `,
  },
  {
    name: "a React hook that reports to the console with context",
    filename: "react.tsx",
    code: code`
      import { useEffect, useState } from "react";

      export function useProfile(userId: string) {
        const [profile, setProfile] = useState<Profile | null>(null);
        const [error, setError] = useState<string | null>(null);
        useEffect(() => {
          let cancelled = false;
          fetch(\`/api/profiles/\${userId}\`)
            .then((response) => response.json())
            .then((data) => { if (!cancelled) setProfile(data); })
            .catch((err) => {
              console.error(\`Loading profile \${userId} failed\`, err);
              if (!cancelled) setError("Could not load the profile");
            });
          return () => { cancelled = true; };
        }, [userId]);
        return { profile, error };
      }
    `,
  },
  {
    name: "a worker with retries and a pino child logger",
    code: code`
      import pino from "pino";
      import pRetry from "p-retry";

      const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });

      export async function processJob(job) {
        const log = logger.child({ jobId: job.id, type: job.type });
        try {
          await pRetry(() => handlers[job.type](job.payload), {
            retries: 3,
            onFailedAttempt: (error) => log.warn({ err: error, attempt: error.attemptNumber }, "attempt failed"),
          });
          log.info("job done");
        } catch (err) {
          log.error({ err }, "job failed after retries");
          await deadLetter.push(job, err);
        }
      }
    `,
  },
];
