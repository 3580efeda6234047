import type { Invalid, Valid } from "./cases.js";
import { code } from "../../code.js";

// Run with type information: the file name is outside the fixtures tsconfig's `include`, so the project
// service gives it a default project, and the stand-in library declarations come in by reference.
const FILENAME = "log-typed.ts";
const LOGGER_TYPES = `/// <reference path="../rules/no-contextless-error-log/logger-ambient.d.ts" />`;

/** The data of an `errorDropped` report. */
function dropped(call: string, logged: "a message" | "only the error's message", error = "err", handler = "catch block") {
  return { call, handler, logged, error };
}

/** Snippets shared by the typed cases and by the untyped run that shows what syntax alone decides. */
export const snippets = {
  winstonField: code`
    ${LOGGER_TYPES}
    import type { Logger } from "winston";
    export class PaymentService {
      constructor(private readonly out: Logger) {}
      async capture(paymentId: string) {
        try {
          await gateway.capture(paymentId);
        } catch (err) {
          this.out.error("Payment capture failed");
        }
      }
    }
    declare const gateway: { capture(id: string): Promise<void> };
  `,
  toastNamedLogger: code`
    ${LOGGER_TYPES}
    interface ToastApi {
      error(message: string): void;
      success(message: string): void;
    }
    export async function saveDraft(logger: ToastApi, draft: { id: string }) {
      try {
        await api.save(draft);
        logger.success("Draft saved");
      } catch (err) {
        logger.error("Could not save the draft");
      }
    }
    declare const api: { save(draft: object): Promise<void> };
  `,
  assignedFailure: code`
    ${LOGGER_TYPES}
    import pino from "pino";
    const log = pino();
    let failure: Error | undefined;
    export async function charge(orderId: string) {
      try {
        await payments.charge(orderId);
      } catch (err) {
        failure = normalize(err);
        log.error({ orderId, err: failure }, "Charge failed");
      }
    }
    declare function normalize(value: unknown): Error;
    declare const payments: { charge(id: string): Promise<void> };
  `,
  uploadError: code`
    ${LOGGER_TYPES}
    import { createLogger } from "winston";
    const logger = createLogger();
    declare const upload: { done: Promise<void>; error: Error | null; id: string };
    upload.done.catch(() => logger.error("Upload failed", upload.error));
  `,
  lastAttempt: code`
    ${LOGGER_TYPES}
    import pino from "pino";
    const log = pino();
    export async function deliver(webhookId: string, attempts: Array<{ status: number; error?: Error }>) {
      try {
        await retry(() => send(webhookId), attempts);
      } catch (err) {
        log.error({ webhookId, err: attempts.at(-1)?.error }, "Webhook delivery failed");
      }
    }
    declare function retry(task: () => Promise<void>, attempts: unknown[]): Promise<void>;
    declare function send(id: string): Promise<void>;
  `,
  normalizedAlone: code`
    ${LOGGER_TYPES}
    export async function importFeed(logger: Console, url: string) {
      try {
        await feeds.import(url);
      } catch (err) {
        logger.error(normalize(err));
      }
    }
    declare function normalize(value: unknown): Error;
    declare const feeds: { import(url: string): Promise<void> };
  `,
  /** A `logger` parameter of the given type, after the given declarations. */
  purgeWith: (declarations: string, loggerType: string) =>
    [
      LOGGER_TYPES,
      ...(declarations ? [declarations] : []),
      `export function purge(logger: ${loggerType}) {`,
      "  try {",
      "    cache.purge();",
      "  } catch (err) {",
      '    logger.error("Cache purge failed");',
      "  }",
      "}",
      "declare const cache: { purge(): void };",
    ].join("\n"),
  derivedMessage: code`
    ${LOGGER_TYPES}
    class UpstreamError extends Error {
      declare cause: Error;
    }
    export async function refresh(logger: { error(...args: unknown[]): void }) {
      try {
        await tokens.refresh();
      } catch (err) {
        logger.error("Token refresh failed:", (err as UpstreamError).cause.message);
      }
    }
    declare const tokens: { refresh(): Promise<void> };
  `,
};

export const typedInvalid: Invalid[] = [
  {
    name: "types: a winston Logger field under another name (`this.out`)",
    filename: FILENAME,
    code: snippets.winstonField,
    errors: [
      {
        messageId: "errorDropped",
        line: 9,
        column: 7,
        data: dropped("this.out.error", "a message"),
        suggestions: [{ messageId: "addErrorObject", output: snippets.winstonField.replace('error("Payment capture failed")', 'error("Payment capture failed", err)') }],
      },
    ],
  },
  {
    name: "types: a pino Logger reached through a dependency object, with the error in pino's place",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      import type pino from "pino";
      export async function syncAccounts(deps: { telemetry: pino.Logger }, accountId: string) {
        try {
          await crm.sync(accountId);
        } catch (err) {
          deps.telemetry.error("Account sync failed");
        }
      }
      declare const crm: { sync(id: string): Promise<void> };
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 7,
        column: 5,
        data: dropped("deps.telemetry.error", "a message"),
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              ${LOGGER_TYPES}
              import type pino from "pino";
              export async function syncAccounts(deps: { telemetry: pino.Logger }, accountId: string) {
                try {
                  await crm.sync(accountId);
                } catch (err) {
                  deps.telemetry.error({ err }, "Account sync failed");
                }
              }
              declare const crm: { sync(id: string): Promise<void> };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "types: a logger named like one takes the style of its pino type (merging object first)",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      import type pino from "pino";
      export function handler(logger: pino.Logger | undefined) {
        return queue.ack().catch((error) => {
          logger?.warn({ queue: "emails" }, "Could not ack");
        });
      }
      declare const queue: { ack(): Promise<void> };
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 5,
        column: 5,
        data: dropped("logger?.warn", "a message", "error", "`.catch()` handler"),
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              ${LOGGER_TYPES}
              import type pino from "pino";
              export function handler(logger: pino.Logger | undefined) {
                return queue.ack().catch((error) => {
                  logger?.warn({ queue: "emails", err: error }, "Could not ack");
                });
              }
              declare const queue: { ack(): Promise<void> };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "types: the global Console type, and err.message stays a dropped error",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      export function loadSettings(out: Console, path: string) {
        try {
          return readSettings(path);
        } catch (err) {
          out.error("Could not load settings:", (err as Error).message);
          return {};
        }
      }
      declare function readSettings(path: string): object;
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 6,
        column: 5,
        data: dropped("out.error", "only the error's message"),
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              ${LOGGER_TYPES}
              export function loadSettings(out: Console, path: string) {
                try {
                  return readSettings(path);
                } catch (err) {
                  out.error("Could not load settings:", err);
                  return {};
                }
              }
              declare function readSettings(path: string): object;
            `,
          },
        ],
      },
    ],
  },
  {
    name: "types: NestJS LoggerService injected under another name, String(err) only",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      import type { LoggerService } from "@nestjs/common";
      export class UsersService {
        constructor(private readonly reporter: LoggerService) {}
        async create(email: string) {
          try {
            await this.repo.insert(email);
          } catch (error) {
            this.reporter.error(\`Failed to create user \${email}: \${String(error)}\`);
          }
        }
        private repo = { insert: async (_email: string) => {} };
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 9,
        column: 7,
        data: dropped("this.reporter.error", "only the error's message", "error"),
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              ${LOGGER_TYPES}
              import type { LoggerService } from "@nestjs/common";
              export class UsersService {
                constructor(private readonly reporter: LoggerService) {}
                async create(email: string) {
                  try {
                    await this.repo.insert(email);
                  } catch (error) {
                    this.reporter.error(\`Failed to create user \${email}: \${String(error)}\`, error);
                  }
                }
                private repo = { insert: async (_email: string) => {} };
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "types: a generic parameter constrained to winston's Logger",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      import type { Logger } from "winston";
      export function cleanup<L extends Logger>(sink: L) {
        tmp.remove().catch((err) => sink.error("Temp cleanup failed"));
      }
      declare const tmp: { remove(): Promise<void> };
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 31,
        data: dropped("sink.error", "a message", "err", "`.catch()` handler"),
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              ${LOGGER_TYPES}
              import type { Logger } from "winston";
              export function cleanup<L extends Logger>(sink: L) {
                tmp.remove().catch((err) => sink.error("Temp cleanup failed", err));
              }
              declare const tmp: { remove(): Promise<void> };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "types: a class extending Nest's ConsoleLogger is a logger by its base type",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      import { ConsoleLogger } from "@nestjs/common";
      class JsonLogger extends ConsoleLogger {}
      export async function nightly(sink: JsonLogger) {
        try {
          await reports.build();
        } catch (e) {
          sink.error("Nightly report failed");
        }
      }
      declare const reports: { build(): Promise<void> };
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 8,
        column: 5,
        data: dropped("sink.error", "a message", "e"),
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              ${LOGGER_TYPES}
              import { ConsoleLogger } from "@nestjs/common";
              class JsonLogger extends ConsoleLogger {}
              export async function nightly(sink: JsonLogger) {
                try {
                  await reports.build();
                } catch (e) {
                  sink.error("Nightly report failed", e);
                }
              }
              declare const reports: { build(): Promise<void> };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "types: a bunyan Logger, the error goes first",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      import type Logger from "bunyan";
      export function watch(sink: Logger) {
        emitter.on("error", (err) => {
          sink.warn("Watcher failed");
        });
      }
      declare const emitter: { on(event: "error", listener: (err: Error) => void): void };
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 5,
        column: 5,
        data: dropped("sink.warn", "a message", "err", "'error' event listener"),
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              ${LOGGER_TYPES}
              import type Logger from "bunyan";
              export function watch(sink: Logger) {
                emitter.on("error", (err) => {
                  sink.warn({ err }, "Watcher failed");
                });
              }
              declare const emitter: { on(event: "error", listener: (err: Error) => void): void };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "types: the message of an Error-typed part of the error (`cause.message`) drops it",
    filename: FILENAME,
    code: snippets.derivedMessage,
    errors: [
      {
        messageId: "errorDropped",
        line: 9,
        column: 5,
        data: dropped("logger.error", "only the error's message"),
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: snippets.derivedMessage.replace("(err as UpstreamError).cause.message", "err"),
          },
        ],
      },
    ],
  },
  {
    name: "types: a normalised error (typed Error) logged alone has no context",
    filename: FILENAME,
    code: snippets.normalizedAlone,
    errors: [{ messageId: "noContext", line: 6, column: 5, data: { call: "logger.error", error: "err", missing: "no message" } }],
  },
  {
    name: "types: a fresh error built without `cause` still drops the caught one",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      class ChargeError extends Error {}
      export async function charge(log: Console, orderId: string) {
        try {
          await payments.charge(orderId);
        } catch (err) {
          const failure = new ChargeError(\`Charge failed for \${orderId}\`);
          log.error(failure);
        }
      }
      declare const payments: { charge(id: string): Promise<void> };
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 8,
        column: 5,
        data: dropped("log.error", "a message"),
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              ${LOGGER_TYPES}
              class ChargeError extends Error {}
              export async function charge(log: Console, orderId: string) {
                try {
                  await payments.charge(orderId);
                } catch (err) {
                  const failure = new ChargeError(\`Charge failed for \${orderId}\`);
                  log.error(failure, err);
                }
              }
              declare const payments: { charge(id: string): Promise<void> };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "types: a logger-named parameter whose own type says Logger is never silenced",
    filename: FILENAME,
    code: snippets.purgeWith("interface AppLogger {\n  error(message: string): void;\n}", "AppLogger"),
    errors: [purgeError(snippets.purgeWith("interface AppLogger {\n  error(message: string): void;\n}", "AppLogger"))],
  },
  {
    name: "types: an anonymous type with a string-only error() is not evidence either",
    filename: FILENAME,
    code: snippets.purgeWith("", "{ error(message: string): void }"),
    errors: [purgeError(snippets.purgeWith("", "{ error(message: string): void }"))],
  },
  {
    name: "types: an unrelated named type whose error() can take an object is not silenced",
    filename: FILENAME,
    code: snippets.purgeWith("interface Reporter {\n  error(message: string, meta?: Record<string, unknown>): void;\n}", "Reporter"),
    errors: [purgeError(snippets.purgeWith("interface Reporter {\n  error(message: string, meta?: Record<string, unknown>): void;\n}", "Reporter"))],
  },
  {
    name: "types: a type from a module that does not resolve keeps the name-based answer",
    filename: FILENAME,
    code: snippets.purgeWith('import type { Notifier } from "./not-there.js";', "Notifier"),
    errors: [purgeError(snippets.purgeWith('import type { Notifier } from "./not-there.js";', "Notifier"))],
  },
  {
    name: "types: an untyped (any) logger keeps the name-based answer",
    filename: FILENAME,
    code: snippets.purgeWith("", "any"),
    errors: [purgeError(snippets.purgeWith("", "any"))],
  },
];

/** `logger.error("Cache purge failed")` in `code`, reported with its suggestion. */
function purgeError(source: string): Invalid["errors"][number] {
  const line = source.split("\n").findIndex((text) => text.includes('logger.error("Cache purge failed")')) + 1;
  return {
    messageId: "errorDropped",
    line,
    column: 5,
    data: dropped("logger.error", "a message"),
    suggestions: [{ messageId: "addErrorObject", output: source.replace('logger.error("Cache purge failed")', 'logger.error("Cache purge failed", err)') }],
  };
}

export const typedValid: Valid[] = [
  { name: "types: a UI toast API in a variable named `logger` is not a logger", filename: FILENAME, code: snippets.toastNamedLogger },
  { name: "types: an Error-typed value assigned in the handler is the error object", filename: FILENAME, code: snippets.assignedFailure },
  { name: "types: an Error-typed property passed in a `.catch(() => ...)` handler", filename: FILENAME, code: snippets.uploadError },
  { name: "types: an Error-typed value the syntax cannot trace, under pino's `err` key", filename: FILENAME, code: snippets.lastAttempt },
  {
    name: "types: a helper's result typed Error, with context",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      export async function publish(log: Console, orderId: string) {
        try {
          await bus.publish(orderId);
        } catch {
          log.error("Publishing order failed", orderId, bus.lastFailure());
        }
      }
      declare const bus: { publish(id: string): Promise<void>; lastFailure(): TypeError };
    `,
  },
  {
    name: "types: a receiver typed from an unrelated library (a toast) is left alone",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      import { toast, type Toaster } from "@acme/ui";
      export class Editor {
        private readonly out: Toaster = toast;
        async save() {
          try {
            await api.save();
          } catch (err) {
            this.out.error("Could not save");
          }
        }
      }
      declare const api: { save(): Promise<void> };
    `,
  },
  {
    name: "types: a dependency typed as a local non-logger interface is left alone",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      interface Telemetry {
        error(metric: string): void;
      }
      export async function sync(deps: { telemetry: Telemetry }) {
        try {
          await crm.sync();
        } catch (err) {
          deps.telemetry.error("crm.sync.failed");
          throw err;
        }
      }
      declare const crm: { sync(): Promise<void> };
    `,
  },
  {
    name: "types: window.alert is not a log call",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      export async function submit() {
        try {
          await api.submit();
        } catch (err) {
          window.alert("Could not submit the form");
        }
      }
      declare const api: { submit(): Promise<void> };
    `,
  },
  {
    name: "types: a winston Logger under another name, logging the error with context",
    filename: FILENAME,
    code: snippets.winstonField.replace('error("Payment capture failed")', "error(`Capture of ${paymentId} failed`, err)"),
  },
  {
    name: "types: a wrapped error typed as a subclass, with a message, through a variable",
    filename: FILENAME,
    code: code`
      ${LOGGER_TYPES}
      import type { Logger } from "winston";
      class AppError extends Error {}
      export async function refund(out: Logger, refundId: string) {
        try {
          await payments.refund(refundId);
        } catch (err) {
          const failure = new AppError(\`Refund \${refundId} failed\`, { cause: err });
          out.error("Refund failed", { refundId, failure });
        }
      }
      declare const payments: { refund(id: string): Promise<void> };
    `,
  },
];

/** The same code without type information: the untyped rule's answers, unchanged. */
export const untypedSameCodeValid: Valid[] = [
  { name: "untyped: `this.out` is not a logger by name", code: snippets.winstonField },
  { name: "untyped: `cause.message` of a cast is a part of the error, not known to be its message", code: snippets.derivedMessage },
  { name: "untyped: `normalize(err)` is some part of the error, not known to be the error object", code: snippets.normalizedAlone },
];

export const untypedSameCodeInvalid: Invalid[] = [
  {
    name: "untyped: a toast API named `logger` is taken for a logger",
    code: snippets.toastNamedLogger,
    errors: [
      {
        messageId: "errorDropped",
        line: 11,
        column: 5,
        suggestions: [{ messageId: "addErrorObject", output: snippets.toastNamedLogger.replace('"Could not save the draft")', '"Could not save the draft", err)') }],
      },
    ],
  },
  {
    name: "untyped: an error assigned to an outer variable is not followed",
    code: snippets.assignedFailure,
    // The entry already has an `err` key, so no edit is clearly right.
    errors: [{ messageId: "errorDropped", line: 10, column: 5, suggestions: [] }],
  },
  {
    name: "untyped: a value from elsewhere is not known to be an error",
    code: snippets.lastAttempt,
    errors: [{ messageId: "errorDropped", line: 8, column: 5, suggestions: [] }],
  },
  {
    name: "untyped: an Error-typed property is not known to be an error",
    code: snippets.uploadError,
    errors: [
      {
        messageId: "errorDroppedUnbound",
        line: 5,
        column: 25,
        suggestions: [
          {
            messageId: "bindAndLogError",
            output: snippets.uploadError.replace('catch(() => logger.error("Upload failed", upload.error))', 'catch((error) => logger.error("Upload failed", upload.error, error))'),
          },
        ],
      },
    ],
  },
];
