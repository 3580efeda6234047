// Look-alikes from the corpus re-review of issue 10 (developer traces, multi-line logs, CLI output for a
// person, REPL print helpers), each beside the real bug it resembles, which stays reported.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-contextless-error-log/index.js";
import { code } from "../../code.js";

export const precisionValid: ValidTestCase<Options>[] = [
  {
    name: "debug package trace before callback(err) (knex mssql dialect)",
    filename: "file.js",
    code: code`
      const debug = require("debug")("knex:mssql");
      function query(request, callback) {
        request.on("error", (err) => {
          debug("request::error message=%s", err.message);
          return callback(err);
        });
      }
    `,
  },
  {
    name: "logger.debug of an expected probe failure (Homebridge status service)",
    code: code`
      export async function glibcVersion(logger) {
        try {
          return await readGlibc();
        } catch (e) {
          logger.debug(\`Could not check glibc version as \${e.message}.\`);
        }
      }
    `,
  },
  {
    name: "trace-level note of a malformed client message (Node-RED comms)",
    code: code`
      ws.on("message", (data) => {
        try {
          handle(JSON.parse(data));
        } catch (err) {
          log.trace("comms received malformed message : " + err.toString());
        }
      });
    `,
  },
  {
    name: "printed only under the connection's debug option (mysql2 handshake)",
    code: code`
      try {
        initPlugin(data);
      } catch (err) {
        if (connection.config.debug) {
          console.log("Auth plugin initialization error:", err.message);
        }
      }
    `,
  },
  {
    name: "the error object on the line after the one saying what failed (Homebridge hb-service)",
    code: code`
      try {
        await startUi();
      } catch (e) {
        this.logger("The user interface threw an unhandled error.");
        console.error(e);
      }
    `,
  },
  {
    name: "a follow-up line beside the line that carries the failure: only that line is judged",
    code: code`
      try {
        await restartChild();
      } catch (e) {
        this.logger.error(\`Failed to restart Homebridge as \${e.message}\`, e);
        this.logger.warn("Attempting fallback restart of Homebridge process...");
      }
    `,
  },
  {
    name: "CLI top-level handler printing the whole error under a generic word, then exit(2) (Actual scripts)",
    code: code`
      run().catch((err) => {
        console.log("Unexpected error:", err);
        process.exit(2);
      });
    `,
  },
  {
    name: "fix-it instructions printed for the person beside the failure line, then exit(1) (hb-service install)",
    code: code`
      try {
        execSync(\`chown -R \${user}:admin "\${npmGlobalPath}"\`);
      } catch (e) {
        this.hbService.logger(\`ERROR: User "\${user}" does not have write access to the global npm modules path.\`, "fail");
        console.log("");
        console.log(\`sudo chown -R \${user}:admin "\${npmGlobalPath}"\`);
        process.exit(1);
      }
    `,
  },
  {
    name: "a console print in a cli/ module's watch loop is for the person at the terminal (json-server)",
    filename: "lib/cli/run.js",
    code: code`
      watcher.on("change", () => {
        try {
          load(file);
        } catch (e) {
          console.error(e.message);
        }
      });
    `,
  },
  {
    name: "a REPL print helper showing either outcome (ioredis print)",
    filename: "file.js",
    code: code`
      function print(err, reply) {
        if (err) {
          console.log("Error: " + err);
        } else {
          console.log("Reply: " + reply);
        }
      }
      exports.print = print;
    `,
  },
];

export const precisionInvalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "a describing call in the other branch does not run with the bare log (hono streamSSE)",
    code: code`
      try {
        await cb(stream);
      } catch (e) {
        if (e instanceof Error && onError) {
          await onError(e, stream);
        } else console.error(e);
      }
    `,
    errors: [{ messageId: "noContext", line: 6, column: 10 }],
  },
  {
    name: "a bare console.log(e) in a bin/ file without an exit is still context-less",
    filename: "bin/hb-service.js",
    code: code`
      async function findPath() {
        try {
          await refresh();
        } catch (e) {
          console.log(e);
        }
      }
    `,
    errors: [{ messageId: "noContext", line: 5, column: 5 }],
  },
  {
    name: "a warn line that drops the error before next(err) is still reported (issue 10 handoff)",
    code: code`
      app.get("/orders", async (req, res, next) => {
        try {
          res.json(await loadOrders());
        } catch (err) {
          logger.warn("Loading orders failed");
          next(err);
        }
      });
    `,
    errors: [{ messageId: "errorDropped", line: 5, column: 5, suggestions: 1 }],
  },
  {
    name: "info level is not a trace: logger.info with only the message is reported",
    code: code`
      try {
        await sync();
      } catch (e) {
        logger.info(\`Sync failed: \${e.message}\`);
      }
    `,
    errors: [{ messageId: "errorDropped", line: 4, column: 3, suggestions: 1 }],
  },
  {
    name: "a debug-guarded line is exempt only under a debug switch, not under any condition",
    code: code`
      try {
        await sync();
      } catch (e) {
        if (retries > 3) console.error("Sync failed:", e.message);
      }
    `,
    errors: [{ messageId: "errorDropped", line: 4, column: 20, suggestions: 1 }],
  },
  {
    name: "reportDebugLevels: logger.debug with only the message is reported",
    options: [{ reportDebugLevels: true }],
    code: code`
      try {
        await sync();
      } catch (e) {
        logger.debug(\`Sync failed: \${e.message}\`);
      }
    `,
    errors: [{ messageId: "errorDropped", line: 4, column: 3, suggestions: 1 }],
  },
  {
    name: "the line carrying the message is reported even when a follow-up line comes after it",
    code: code`
      try {
        await restartChild();
      } catch (e) {
        this.logger.error(\`Failed to restart Homebridge as \${e.message}\`);
        this.logger.warn("Attempting fallback restart of Homebridge process...");
      }
    `,
    errors: [{ messageId: "errorDropped", line: 4, column: 3, suggestions: 1 }],
  },
  {
    name: "a bare error object with no line describing the failure is still context-less",
    code: code`
      try {
        await sync();
      } catch (e) {
        console.error(e);
      }
    `,
    errors: [{ messageId: "noContext", line: 4, column: 3 }],
  },
  {
    name: "a CLI print of a fixed line alone before exit(1) still loses the error",
    code: code`
      try {
        execSync("npm run build");
      } catch (e) {
        console.log("Build failed");
        process.exit(1);
      }
    `,
    errors: [{ messageId: "errorDropped", line: 4, column: 3, suggestions: 1 }],
  },
  {
    name: "an error branch whose else does more than print is an error handler, not a print helper",
    filename: "file.js",
    code: code`
      function onReply(err, reply) {
        if (err) {
          console.log("Error: " + err);
        } else {
          cache.set(reply);
        }
      }
    `,
    errors: [{ messageId: "errorDropped", line: 3, column: 5, suggestions: 1 }],
  },
];
