import type { Invalid } from "./cases.js";
import { code } from "../../code.js";

/** pino, winston, bunyan, log4js, NestJS, debug and loggers found by name or option. */
export const invalidLibraries: Invalid[] = [
  {
    name: "pino (ESM): message only → merging object first",
    code: code`
      import pino from "pino";
      const logger = pino();
      export async function capturePayment(paymentId) {
        try {
          await gateway.capture(paymentId);
        } catch (err) {
          logger.error("Payment capture failed");
        }
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 7,
        column: 5,
        data: { call: "logger.error", handler: "catch block", logged: "a message", error: "err" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              import pino from "pino";
              const logger = pino();
              export async function capturePayment(paymentId) {
                try {
                  await gateway.capture(paymentId);
                } catch (err) {
                  logger.error({ err }, "Payment capture failed");
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "pino (CommonJS, aliased): the error joins the existing merging object",
    filename: "file.js",
    code: code`
      const createLogger = require("pino");
      const log = createLogger({ level: "info" });
      try {
        await queue.ack(job);
      } catch (error) {
        log.warn({ jobId: job.id }, "Could not ack job");
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              const createLogger = require("pino");
              const log = createLogger({ level: "info" });
              try {
                await queue.ack(job);
              } catch (error) {
                log.warn({ jobId: job.id, err: error }, "Could not ack job");
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "pino: only err.message",
    filename: "file.js",
    code: code`
      const logger = require("pino")();
      try {
        await cache.set(key, value);
      } catch (err) {
        logger.error(err.message);
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              const logger = require("pino")();
              try {
                await cache.set(key, value);
              } catch (err) {
                logger.error(err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "pino: { err } with no message",
    code: code`
      import { pino } from "pino";
      const logger = pino();
      try {
        await indexDocument(doc);
      } catch (err) {
        logger.error({ err });
      }
    `,
    errors: [{ messageId: "noContext", line: 6, column: 3, data: { call: "logger.error", error: "err", missing: "no message" } }],
  },
  {
    name: "Fastify request logger: bound context does not bring the error back",
    code: code`
      fastify.get("/users/:id", async (request, reply) => {
        try {
          return await users.find(request.params.id);
        } catch (err) {
          request.log.error(\`Lookup failed for \${request.params.id}\`);
          return reply.code(500).send();
        }
      });
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              fastify.get("/users/:id", async (request, reply) => {
                try {
                  return await users.find(request.params.id);
                } catch (err) {
                  request.log.error({ err }, \`Lookup failed for \${request.params.id}\`);
                  return reply.code(500).send();
                }
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "winston: message only → the error as meta",
    code: code`
      import winston from "winston";
      const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
      try {
        await mailer.send(message);
      } catch (err) {
        logger.error("Failed to send email");
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              import winston from "winston";
              const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
              try {
                await mailer.send(message);
              } catch (err) {
                logger.error("Failed to send email", err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "winston (destructured createLogger): meta object without the error",
    filename: "file.js",
    code: code`
      const { createLogger, format, transports } = require("winston");
      const logger = createLogger({ format: format.json(), transports: [new transports.Console()] });
      try {
        await charge(order);
      } catch (e) {
        logger.error("Charge failed", { orderId: order.id });
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              const { createLogger, format, transports } = require("winston");
              const logger = createLogger({ format: format.json(), transports: [new transports.Console()] });
              try {
                await charge(order);
              } catch (e) {
                logger.error("Charge failed", { orderId: order.id, err: e });
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "winston logger.log(level, message)",
    filename: "file.js",
    code: code`
      const winston = require("winston");
      const logger = winston.createLogger();
      try {
        await refreshToken();
      } catch (err) {
        logger.log("error", "Token refresh failed");
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              const winston = require("winston");
              const logger = winston.createLogger();
              try {
                await refreshToken();
              } catch (err) {
                logger.log("error", "Token refresh failed", err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "winston default logger: only the error",
    code: code`
      import winston from "winston";
      try {
        await rotateKeys();
      } catch (err) {
        winston.error(err);
      }
    `,
    errors: [{ messageId: "noContext", line: 5, column: 3, data: { call: "winston.error", error: "err", missing: "no message" } }],
  },
  {
    name: "bunyan: the error goes first",
    filename: "file.js",
    code: code`
      const bunyan = require("bunyan");
      const log = bunyan.createLogger({ name: "billing" });
      try {
        await invoice.finalize();
      } catch (err) {
        log.error("Could not finalize invoice %s", invoice.id);
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              const bunyan = require("bunyan");
              const log = bunyan.createLogger({ name: "billing" });
              try {
                await invoice.finalize();
              } catch (err) {
                log.error({ err }, "Could not finalize invoice %s", invoice.id);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "log4js logger",
    code: code`
      import log4js from "log4js";
      const logger = log4js.getLogger("sync");
      try {
        await syncInventory();
      } catch (err) {
        logger.error("Inventory sync failed");
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              import log4js from "log4js";
              const logger = log4js.getLogger("sync");
              try {
                await syncInventory();
              } catch (err) {
                logger.error("Inventory sync failed", err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "NestJS Logger field: message only",
    filename: "file.ts",
    code: code`
      import { Injectable, Logger } from "@nestjs/common";
      @Injectable()
      export class UsersService {
        private readonly logger = new Logger(UsersService.name);
        async create(dto: CreateUserDto) {
          try {
            return await this.repo.save(dto);
          } catch (error) {
            this.logger.error("Failed to create user");
            throw new InternalServerErrorException();
          }
        }
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 9,
        column: 7,
        data: { call: "this.logger.error", handler: "catch block", logged: "a message", error: "error" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              import { Injectable, Logger } from "@nestjs/common";
              @Injectable()
              export class UsersService {
                private readonly logger = new Logger(UsersService.name);
                async create(dto: CreateUserDto) {
                  try {
                    return await this.repo.save(dto);
                  } catch (error) {
                    this.logger.error("Failed to create user", error);
                    throw new InternalServerErrorException();
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
    name: "NestJS: logging the message of a cast error",
    filename: "file.ts",
    code: code`
      import { Logger } from "@nestjs/common";
      export class JobsService {
        constructor(private readonly logger: Logger) {}
        async run(job: Job) {
          try {
            await job.execute();
          } catch (err) {
            this.logger.error((err as Error).message);
          }
        }
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 8,
        column: 7,
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              import { Logger } from "@nestjs/common";
              export class JobsService {
                constructor(private readonly logger: Logger) {}
                async run(job: Job) {
                  try {
                    await job.execute();
                  } catch (err) {
                    this.logger.error(err);
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
    name: "NestJS: the bare error",
    filename: "file.ts",
    code: code`
      export class OrdersService {
        private readonly logger = new Logger(OrdersService.name);
        async cancel(id: string) {
          try {
            await this.payments.refund(id);
          } catch (error) {
            this.logger.error(error);
          }
        }
      }
    `,
    errors: [{ messageId: "noContext", line: 7, column: 7 }],
  },
  {
    name: "NestJS static Logger",
    filename: "file.ts",
    code: code`
      import { Logger } from "@nestjs/common";
      try {
        await app.listen(3000);
      } catch (e) {
        Logger.error("Bootstrap failed");
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              import { Logger } from "@nestjs/common";
              try {
                await app.listen(3000);
              } catch (e) {
                Logger.error("Bootstrap failed", e);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "debug instance (CommonJS), with reportDebugLevels",
    options: [{ reportDebugLevels: true }],
    filename: "file.js",
    code: code`
      const debug = require("debug")("app:db");
      async function connect() {
        try {
          await pool.connect();
        } catch (err) {
          debug("connection failed: %s", err.message);
          throw new Error("Database unavailable");
        }
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 6,
        column: 5,
        data: { call: "debug", handler: "catch block", logged: "only the error's message", error: "err" },
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              const debug = require("debug")("app:db");
              async function connect() {
                try {
                  await pool.connect();
                } catch (err) {
                  debug("connection failed: %s", err);
                  throw new Error("Database unavailable");
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "debug instance (ESM, renamed), with reportDebugLevels",
    options: [{ reportDebugLevels: true }],
    code: code`
      import createDebug from "debug";
      const log = createDebug("worker");
      queue.process(async (job) => {
        try {
          await handle(job);
        } catch (err) {
          log(\`job \${job.id} failed: \${err.message}\`);
        }
      });
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 7,
        column: 5,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              import createDebug from "debug";
              const log = createDebug("worker");
              queue.process(async (job) => {
                try {
                  await handle(job);
                } catch (err) {
                  log(\`job \${job.id} failed: \${err.message}\`, err);
                }
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "logger found by name, imported from a local module",
    filename: "file.ts",
    code: code`
      import { logger } from "./lib/logger";
      export async function handler(event: SQSEvent) {
        for (const record of event.Records) {
          try {
            await processRecord(record);
          } catch (err) {
            logger.error(\`Failed to process record \${record.messageId}\`);
          }
        }
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 7,
        column: 7,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              import { logger } from "./lib/logger";
              export async function handler(event: SQSEvent) {
                for (const record of event.Records) {
                  try {
                    await processRecord(record);
                  } catch (err) {
                    logger.error(\`Failed to process record \${record.messageId}\`, err);
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
    name: "unknown logger shaped like pino: the error joins the first object",
    code: code`
      try {
        await publish(event);
      } catch (err) {
        this.log.error({ eventId: event.id }, "Publish failed");
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              try {
                await publish(event);
              } catch (err) {
                this.log.error({ eventId: event.id, err }, "Publish failed");
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "optional call on a logger",
    code: code`
      try {
        await flush();
      } catch (err) {
        options.logger?.warn("Flush failed");
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              try {
                await flush();
              } catch (err) {
                options.logger?.warn("Flush failed", err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "pino writes an error under a key other than err as {}",
    code: code`
      import pino from "pino";
      const logger = pino({ level: "info" });
      try {
        await charge(order);
      } catch (error) {
        logger.error({ error, orderId: order.id }, "Charge failed");
      }
    `,
    errors: [
      {
        messageId: "pinoErrorKey",
        line: 6,
        column: 18,
        data: { key: "error", error: "error" },
        suggestions: [
          {
            messageId: "useErrKey",
            output: code`
              import pino from "pino";
              const logger = pino({ level: "info" });
              try {
                await charge(order);
              } catch (error) {
                logger.error({ err: error, orderId: order.id }, "Charge failed");
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "pino child logger inherits the default serializers",
    filename: "file.ts",
    code: code`
      const logger = require("pino")();
      export async function runJob(job: Job) {
        const log = logger.child({ jobId: job.id });
        try {
          await job.run();
        } catch (e) {
          log.error({ exception: e as Error }, "Job failed");
        }
      }
    `,
    errors: [
      {
        messageId: "pinoErrorKey",
        line: 7,
        column: 17,
        data: { key: "exception", error: "e" },
        suggestions: [
          {
            messageId: "useErrKey",
            output: code`
              const logger = require("pino")();
              export async function runJob(job: Job) {
                const log = logger.child({ jobId: job.id });
                try {
                  await job.run();
                } catch (e) {
                  log.error({ err: e as Error }, "Job failed");
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "nestjs-pino PinoLogger injected through the constructor",
    filename: "file.ts",
    code: code`
      import { PinoLogger } from "nestjs-pino";
      export class PaymentsService {
        constructor(private readonly logger: PinoLogger) {}
        async refund(id: string) {
          try {
            await this.gateway.refund(id);
          } catch (error) {
            this.logger.warn(\`Refund \${id} failed\`);
          }
        }
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 8,
        column: 7,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              import { PinoLogger } from "nestjs-pino";
              export class PaymentsService {
                constructor(private readonly logger: PinoLogger) {}
                async refund(id: string) {
                  try {
                    await this.gateway.refund(id);
                  } catch (error) {
                    this.logger.warn({ err: error }, \`Refund \${id} failed\`);
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
    name: "winston meta object holding only the message",
    filename: "file.js",
    code: code`
      const logger = require("winston").createLogger();
      try {
        await sync();
      } catch (err) {
        logger.error("Sync failed", { error: err.message });
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              const logger = require("winston").createLogger();
              try {
                await sync();
              } catch (err) {
                logger.error("Sync failed", err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "loggerNames option: an extra logger object",
    options: [{ loggerNames: ["audit"] }],
    code: code`
      try {
        await revokeSessions(userId);
      } catch (err) {
        audit.error("Session revocation failed");
      }
    `,
    errors: [{ messageId: "errorDropped", line: 4, column: 3, suggestions: 1 }],
  },
  {
    name: "loggerNames option: a regex for function-style loggers",
    options: [{ loggerNames: ["/^report[A-Z]/"] }],
    code: code`
      try {
        await revokeSessions(userId);
      } catch (err) {
        reportFailure("Session revocation failed");
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        data: { call: "reportFailure", handler: "catch block", logged: "a message", error: "err" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              try {
                await revokeSessions(userId);
              } catch (err) {
                reportFailure("Session revocation failed", err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "requiredContextKeys: a structured entry without a request id",
    options: [{ requiredContextKeys: ["requestId", "traceId"] }],
    code: code`
      import pino from "pino";
      const logger = pino();
      try {
        await charge(order);
      } catch (err) {
        logger.error({ err, orderId: order.id }, "Charge failed");
      }
    `,
    errors: [
      {
        messageId: "missingContextKey",
        line: 6,
        column: 3,
        data: { call: "logger.error", handler: "catch block", keys: "`requestId`, `traceId`" },
      },
    ],
  },
];
