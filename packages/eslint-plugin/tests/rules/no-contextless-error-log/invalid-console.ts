import type { Invalid } from "./cases.js";
import { code } from "../../code.js";

/** console.* in every kind of error handler: catch blocks, promise handlers, callbacks, events. */
const loggerAliases = code`
  const errorLog = console.error;
  const printLogger = console.warn.bind(console);
  const traceFailure = console.error.bind(console);
  try {
    migrate();
  } catch (err) {
    errorLog("Migration failed");
    printLogger("Migration failed");
    traceFailure("Migration failed");
  }
`;

export const invalidConsole: Invalid[] = [
  {
    name: "catch block logging only a fixed message",
    code: code`
      async function chargeOrder(orderId) {
        try {
          await stripe.charges.create({ amount: 1000, currency: "usd" });
        } catch (err) {
          console.error("Failed to charge order");
        }
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 5,
        column: 5,
        data: { call: "console.error", handler: "catch block", logged: "a message", error: "err" },
        suggestions: [
          {
            messageId: "addErrorObject",
            data: { error: "err" },
            output: code`
              async function chargeOrder(orderId) {
                try {
                  await stripe.charges.create({ amount: 1000, currency: "usd" });
                } catch (err) {
                  console.error("Failed to charge order", err);
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "catch block logging only err.message",
    code: code`
      try {
        await syncUsers();
      } catch (error) {
        console.error(error.message);
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        data: { call: "console.error", handler: "catch block", logged: "only the error's message", error: "error" },
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            data: { error: "error" },
            output: code`
              try {
                await syncUsers();
              } catch (error) {
                console.error(error);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "message built from err.message in a template literal",
    code: code`
      try {
        await db.query("UPDATE users SET active = true WHERE id = $1", [userId]);
      } catch (err) {
        console.error(\`Failed to activate user \${userId}: \${err.message}\`);
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        data: { call: "console.error", handler: "catch block", logged: "only the error's message", error: "err" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              try {
                await db.query("UPDATE users SET active = true WHERE id = $1", [userId]);
              } catch (err) {
                console.error(\`Failed to activate user \${userId}: \${err.message}\`, err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "descriptive message plus err.message as a separate argument",
    code: code`
      try {
        await sendWelcomeEmail(user);
      } catch (err) {
        console.error("Failed to send welcome email:", err.message);
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              try {
                await sendWelcomeEmail(user);
              } catch (err) {
                console.error("Failed to send welcome email:", err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "string concatenation with err.message",
    code: code`
      try {
        parseConfig(raw);
      } catch (e) {
        console.warn("Could not parse config: " + e.message);
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        data: { call: "console.warn", handler: "catch block", logged: "only the error's message", error: "e" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              try {
                parseConfig(raw);
              } catch (e) {
                console.warn("Could not parse config: " + e.message, e);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "String(err) and err.toString() are only the message",
    code: code`
      try {
        run();
      } catch (err) {
        console.log(String(err));
      }
      try {
        run();
      } catch (err) {
        console.info(err.toString());
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              try {
                run();
              } catch (err) {
                console.log(err);
              }
              try {
                run();
              } catch (err) {
                console.info(err.toString());
              }
            `,
          },
        ],
      },
      {
        messageId: "errorDropped",
        line: 9,
        column: 3,
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              try {
                run();
              } catch (err) {
                console.log(String(err));
              }
              try {
                run();
              } catch (err) {
                console.info(err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "the usual TypeScript narrowing still logs only the message",
    filename: "file.ts",
    code: code`
      try {
        await upload(file);
      } catch (e: unknown) {
        console.error("Upload failed:", e instanceof Error ? e.message : String(e));
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              try {
                await upload(file);
              } catch (e: unknown) {
                console.error("Upload failed:", e);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "alias through a type assertion",
    filename: "file.ts",
    code: code`
      try {
        await upload(file);
      } catch (err) {
        const error = err as Error;
        console.error(\`\${error.message}\`);
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 5,
        column: 3,
        data: { call: "console.error", handler: "catch block", logged: "only the error's message", error: "err" },
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            data: { error: "error" },
            output: code`
              try {
                await upload(file);
              } catch (err) {
                const error = err as Error;
                console.error(error);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "only the error, no message",
    code: code`
      async function loadProfile(id) {
        try {
          return await api.get(\`/profiles/\${id}\`);
        } catch (error) {
          console.error(error);
          return null;
        }
      }
    `,
    errors: [{ messageId: "noContext", line: 5, column: 5, data: { call: "console.error", error: "error", missing: "no message" } }],
  },
  {
    name: "only a generic message",
    code: code`
      try {
        await saveDraft(draft);
      } catch (err) {
        console.error("Error:", err);
      }
    `,
    errors: [{ messageId: "noContext", line: 4, column: 3, data: { call: "console.error", error: "err", missing: 'only the generic message "Error:"' } }],
  },
  {
    name: "'Something went wrong' says nothing about the operation",
    code: code`
      try {
        await saveDraft(draft);
      } catch (err) {
        console.error("Something went wrong", err);
      }
    `,
    errors: [{ messageId: "noContext", line: 4, column: 3, data: { call: "console.error", error: "err", missing: 'only the generic message "Something went wrong"' } }],
  },
  {
    name: "catch without a binding whose only reaction is an error log",
    code: code`
      function loadSettings() {
        try {
          return JSON.parse(localStorage.getItem("settings"));
        } catch {
          console.error("Failed to load settings");
        }
      }
    `,
    errors: [
      {
        messageId: "errorDroppedUnbound",
        line: 5,
        column: 5,
        data: { call: "console.error", handler: "catch block" },
        suggestions: [
          {
            messageId: "bindAndLogError",
            data: { error: "error" },
            output: code`
              function loadSettings() {
                try {
                  return JSON.parse(localStorage.getItem("settings"));
                } catch (error) {
                  console.error("Failed to load settings", error);
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "catch (_e) whose only reaction is an error log",
    code: code`
      try {
        await publishRelease(tag);
      } catch (_e) {
        console.error("Publishing the release failed");
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        data: { call: "console.error", handler: "catch block", logged: "a message", error: "_e" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              try {
                await publishRelease(tag);
              } catch (_e) {
                console.error("Publishing the release failed", _e);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "an underscore binding that is used is judged like any other",
    code: code`
      try {
        await publishRelease(tag);
      } catch (_err) {
        console.warn("Publishing failed: " + _err.message);
        notify(tag);
      }
    `,
    errors: [{ messageId: "errorDropped", line: 4, column: 3, data: { call: "console.warn", handler: "catch block", logged: "only the error's message", error: "_err" }, suggestions: 1 }],
  },
  {
    name: ".catch(() => ...) that never binds the error",
    code: code`
      fetch("/api/users")
        .then((response) => response.json())
        .then(renderUsers)
        .catch(() => console.error("Failed to fetch users"));
    `,
    errors: [
      {
        messageId: "errorDroppedUnbound",
        line: 4,
        column: 16,
        data: { call: "console.error", handler: "`.catch()` handler" },
        suggestions: [
          {
            messageId: "bindAndLogError",
            output: code`
              fetch("/api/users")
                .then((response) => response.json())
                .then(renderUsers)
                .catch((error) => console.error("Failed to fetch users", error));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "unbound catch picks a name the body does not use",
    code: code`
      try {
        save();
      } catch {
        console.error("Failed to save", error);
      }
    `,
    errors: [
      {
        messageId: "errorDroppedUnbound",
        line: 4,
        column: 3,
        suggestions: [
          {
            messageId: "bindAndLogError",
            data: { error: "err" },
            output: code`
              try {
                save();
              } catch (err) {
                console.error("Failed to save", error, err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: ".catch((err) => console.error(err)) inside a function",
    code: code`
      export function refresh() {
        return loadDashboard().catch((err) => console.error(err));
      }
    `,
    errors: [{ messageId: "noContext", line: 2, column: 41 }],
  },
  {
    name: "rejection handler of .then(ok, fail)",
    code: code`
      loadInvoice(id).then(render, (err) => {
        console.error("Could not render the invoice");
      });
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 2,
        column: 3,
        data: { call: "console.error", handler: "rejection handler", logged: "a message", error: "err" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              loadInvoice(id).then(render, (err) => {
                console.error("Could not render the invoice", err);
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "error-first callback with if (err)",
    filename: "file.js",
    code: code`
      const fs = require("fs");
      fs.readFile(configPath, "utf8", (err, data) => {
        if (err) {
          console.error("Could not read config");
          return;
        }
        start(JSON.parse(data));
      });
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 5,
        data: { call: "console.error", handler: "error-first callback", logged: "a message", error: "err" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              const fs = require("fs");
              fs.readFile(configPath, "utf8", (err, data) => {
                if (err) {
                  console.error("Could not read config", err);
                  return;
                }
                start(JSON.parse(data));
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "function (error, data) with the error branch in else",
    code: code`
      db.get(sql, [id], function (error, row) {
        if (!error) {
          respond(row);
        } else {
          console.log(error.message);
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
            messageId: "replaceWithErrorObject",
            output: code`
              db.get(sql, [id], function (error, row) {
                if (!error) {
                  respond(row);
                } else {
                  console.log(error);
                }
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "if (err) return console.error(...) early return",
    code: code`
      server.listen(port, (err) => {
        if (err) return console.error("Server failed to start");
        console.log(\`Listening on \${port}\`);
      });
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 2,
        column: 19,
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              server.listen(port, (err) => {
                if (err) return console.error("Server failed to start", err);
                console.log(\`Listening on \${port}\`);
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "unhandledRejection handler that drops the reason",
    code: code`
      process.on("unhandledRejection", (reason) => {
        console.error("Unhandled promise rejection");
        process.exit(1);
      });
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 2,
        column: 3,
        data: { call: "console.error", handler: "process-level error handler", logged: "a message", error: "reason" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              process.on("unhandledRejection", (reason) => {
                console.error("Unhandled promise rejection", reason);
                process.exit(1);
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "'error' event listener on a client, logging the bare error",
    code: code`
      import Redis from "ioredis";
      const redis = new Redis(process.env.REDIS_URL);
      redis.on("error", (err) => console.error(err));
    `,
    errors: [{ messageId: "noContext", line: 3, column: 28, data: { call: "console.error", error: "err", missing: "no message" } }],
  },
  {
    name: "'error' event listener without a parameter",
    code: code`
      socket.on("error", () => {
        console.error("WebSocket connection failed");
      });
    `,
    errors: [
      {
        messageId: "errorDroppedUnbound",
        line: 2,
        column: 3,
        data: { call: "console.error", handler: "'error' event listener" },
        suggestions: [
          {
            messageId: "bindAndLogError",
            output: code`
              socket.on("error", (error) => {
                console.error("WebSocket connection failed", error);
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Express error middleware logging err.message",
    code: code`
      app.use((err, req, res, next) => {
        console.error(err.message);
        res.status(500).json({ error: "Internal Server Error" });
      });
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 2,
        column: 3,
        data: { call: "console.error", handler: "error middleware", logged: "only the error's message", error: "err" },
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              app.use((err, req, res, next) => {
                console.error(err);
                res.status(500).json({ error: "Internal Server Error" });
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Express route: bare error log before the 500 response",
    code: code`
      router.post("/orders", async (req, res) => {
        try {
          const order = await Order.create(req.body);
          res.status(201).json(order);
        } catch (error) {
          console.error(error);
          res.status(500).json({ message: "Failed to create order" });
        }
      });
    `,
    errors: [{ messageId: "noContext", line: 6, column: 5 }],
  },
  {
    name: "a log in the branch that does not rethrow still drops the error",
    code: code`
      try {
        await publish(event);
      } catch (err) {
        if (attempts < 3) {
          console.warn("Publish failed, retrying");
          scheduleRetry(event);
        } else {
          throw err;
        }
      }
    `,
    errors: [{ messageId: "errorDropped", line: 5, column: 5, suggestions: 1 }],
  },
  {
    // The message line is where the error object belongs; the line before it only introduces it.
    name: "two lines that both drop the error: the one carrying its message is reported",
    code: code`
      try {
        await importCsv(path);
      } catch (err) {
        console.error("Import failed");
        console.error(err.message);
      }
    `,
    errors: [{ messageId: "errorDropped", line: 5, column: 3, suggestions: 1 }],
  },
  {
    name: "globalThis.console and a bound console alias",
    code: code`
      const logError = console.error.bind(console);
      try {
        migrate();
      } catch (err) {
        globalThis.console.error("Migration failed");
        logError("Migration failed");
      }
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 5,
        column: 3,
        data: { call: "globalThis.console.error", handler: "catch block", logged: "a message", error: "err" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              const logError = console.error.bind(console);
              try {
                migrate();
              } catch (err) {
                globalThis.console.error("Migration failed", err);
                logError("Migration failed");
              }
            `,
          },
        ],
      },
      {
        messageId: "errorDropped",
        line: 6,
        column: 3,
        data: { call: "logError", handler: "catch block", logged: "a message", error: "err" },
        suggestions: [
          {
            messageId: "addErrorObject",
            output: code`
              const logError = console.error.bind(console);
              try {
                migrate();
              } catch (err) {
                globalThis.console.error("Migration failed");
                logError("Migration failed", err);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    // Plain function calls are screened by the first and last letter of the name before anything else:
    // `errorLog` and `printLogger` pass by their last letter, `traceFailure` by its first.
    name: "console aliases named like loggers at either end of the name",
    code: loggerAliases,
    errors: [
      [7, "errorLog"],
      [8, "printLogger"],
      [9, "traceFailure"],
    ].map(([line, name]) => ({
      messageId: "errorDropped" as const,
      line: line as number,
      column: 3,
      suggestions: [{ messageId: "addErrorObject" as const, output: loggerAliases.replace(`${name}("Migration failed")`, `${name}("Migration failed", err)`) }],
    })),
  },
  {
    name: "console.log in a CLI script is still reported",
    filename: "file.js",
    code: code`
      #!/usr/bin/env node
      const { execSync } = require("child_process");
      try {
        execSync("npm run build", { stdio: "inherit" });
      } catch (e) {
        console.log("Build failed");
        process.exitCode = 1;
      }
    `,
    errors: [{ messageId: "errorDropped", line: 6, column: 3, suggestions: 1 }],
  },
  {
    name: "rxjs catchError operator",
    filename: "file.ts",
    code: code`
      import { catchError, of } from "rxjs";
      this.http.get<User[]>("/api/users").pipe(
        catchError((err) => {
          console.error(err);
          return of([]);
        }),
      );
    `,
    errors: [{ messageId: "noContext", line: 4, column: 5 }],
  },
  {
    name: "nested catch: the inner handler is judged on its own binding",
    code: code`
      try {
        await tx.commit();
      } catch (commitError) {
        try {
          await tx.rollback();
        } catch (rollbackError) {
          console.error("Rollback failed");
        }
        throw commitError;
      }
    `,
    errors: [{ messageId: "errorDropped", line: 7, column: 5, data: { call: "console.error", handler: "catch block", logged: "a message", error: "rollbackError" }, suggestions: 1 }],
  },
  {
    name: "Koa middleware catch logging the message",
    code: code`
      app.use(async (ctx, next) => {
        try {
          await next();
        } catch (err) {
          ctx.status = err.status || 500;
          console.log(err.message);
        }
      });
    `,
    errors: [{ messageId: "errorDropped", line: 6, column: 5, suggestions: 1 }],
  },
  {
    name: "Next.js route handler logging the bare error",
    filename: "file.ts",
    code: code`
      import { NextResponse } from "next/server";
      export async function GET(request: Request) {
        try {
          const posts = await db.post.findMany();
          return NextResponse.json(posts);
        } catch (error) {
          console.error(error);
          return NextResponse.json({ error: "Internal Server Error" }, { status: 500 });
        }
      }
    `,
    errors: [{ messageId: "noContext", line: 7, column: 5, data: { call: "console.error", error: "error", missing: "no message" } }],
  },
  {
    name: "Hono onError hook that logs only the text",
    code: code`
      import { Hono } from "hono";
      const app = new Hono();
      app.onError((err, c) => {
        console.error(\`\${err}\`);
        return c.text("Internal Server Error", 500);
      });
    `,
    errors: [
      {
        messageId: "errorDropped",
        line: 4,
        column: 3,
        data: { call: "console.error", handler: "error handler", logged: "only the error's message", error: "err" },
        suggestions: [
          {
            messageId: "replaceWithErrorObject",
            output: code`
              import { Hono } from "hono";
              const app = new Hono();
              app.onError((err, c) => {
                console.error(err);
                return c.text("Internal Server Error", 500);
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "once('error') and .then(undefined, fail)",
    filename: "file.js",
    code: code`
      const server = http.createServer(app);
      server.once("error", function (err) {
        console.error("Could not bind port " + port + ": " + err.message);
      });
      loadPlugins().then(undefined, function (reason) {
        console.warn("Plugins not loaded");
      });
    `,
    errors: [
      { messageId: "errorDropped", line: 3, column: 3, data: { call: "console.error", handler: "'error' event listener", logged: "only the error's message", error: "err" }, suggestions: 1 },
      { messageId: "errorDropped", line: 6, column: 3, data: { call: "console.warn", handler: "rejection handler", logged: "a message", error: "reason" }, suggestions: 1 },
    ],
  },
  {
    name: "console.error() with no arguments",
    code: code`
      try {
        work();
      } catch (err) {
        console.error();
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
                work();
              } catch (err) {
                console.error(err);
              }
            `,
          },
        ],
      },
    ],
  },
];
