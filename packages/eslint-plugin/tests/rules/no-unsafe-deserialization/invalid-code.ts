import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-unsafe-deserialization/index.js";
import { code } from "../../code.js";

type Case = InvalidTestCase<MessageIds, Options>;

const REQUEST = " (the value comes from the request)";
const FILE = " (the value is read from a file)";
const ENV = " (the value comes from an environment variable)";
const NETWORK = " (the value comes from a network response)";

/** eval, new Function, string timers, vm and vm2 with code that is not a constant. */
export const invalidCode: Case[] = [
  {
    name: "Express: eval of the request body to 'parse' it",
    code: code`
      import express from "express";
      const app = express();
      app.post("/calc", (req, res) => {
        const result = eval(req.body.expression);
        res.json({ result });
      });
    `,
    errors: [
      {
        messageId: "evaluatedCode",
        line: 4,
        column: 18,
        endColumn: 43,
        data: { callee: "`eval`", origin: REQUEST },
        suggestions: [
          {
            messageId: "useJsonParse",
            output: code`
              import express from "express";
              const app = express();
              app.post("/calc", (req, res) => {
                const result = JSON.parse(req.body.expression);
                res.json({ result });
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "CommonJS: the old eval('(' + text + ')') JSON idiom on a file",
    filename: "config.js",
    code: code`
      const fs = require("fs");
      const text = fs.readFileSync("./settings.json", "utf8");
      const settings = eval("(" + text + ")");
      module.exports = settings;
    `,
    errors: [
      {
        messageId: "evaluatedCode",
        line: 3,
        column: 18,
        data: { callee: "`eval`", origin: FILE },
        suggestions: [
          {
            messageId: "useJsonParse",
            output: code`
              const fs = require("fs");
              const text = fs.readFileSync("./settings.json", "utf8");
              const settings = JSON.parse(text);
              module.exports = settings;
            `,
          },
        ],
      },
    ],
  },
  {
    name: "template-literal parenthesised eval of an environment variable",
    code: "const flags = eval(`(${process.env.FEATURE_FLAGS})`);",
    errors: [
      {
        messageId: "evaluatedCode",
        line: 1,
        column: 15,
        data: { callee: "`eval`", origin: ENV },
        suggestions: [{ messageId: "useJsonParse", output: "const flags = JSON.parse(process.env.FEATURE_FLAGS);" }],
      },
    ],
  },
  {
    name: "eval of a fetched response body",
    code: code`
      export async function loadRules(url: string) {
        const response = await fetch(url);
        const body = await response.text();
        return eval(body);
      }
    `,
    errors: [
      {
        messageId: "evaluatedCode",
        line: 4,
        column: 10,
        data: { callee: "`eval`", origin: NETWORK },
        suggestions: [
          {
            messageId: "useJsonParse",
            output: code`
              export async function loadRules(url: string) {
                const response = await fetch(url);
                const body = await response.text();
                return JSON.parse(body);
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "eval of a parameter: no origin, no suggestion",
    code: "export function evaluate(expression: string) { return eval(expression); }",
    errors: [{ messageId: "evaluatedCode", line: 1, column: 55, data: { callee: "`eval`", origin: "" }, suggestions: [] }],
  },
  {
    name: "globalThis.eval",
    code: "export const run = (snippet) => globalThis.eval(snippet);",
    errors: [{ messageId: "evaluatedCode", line: 1, column: 33, data: { callee: "`eval`", origin: "" } }],
  },
  {
    name: "indirect (0, eval)(code) from a Koa body",
    code: code`
      router.post("/eval", async (ctx) => {
        ctx.body = (0, eval)(ctx.request.body.code);
      });
    `,
    errors: [
      {
        messageId: "evaluatedCode",
        line: 2,
        column: 14,
        data: { callee: "`eval`", origin: REQUEST },
        suggestions: [
          {
            messageId: "useJsonParse",
            output: code`
              router.post("/eval", async (ctx) => {
                ctx.body = JSON.parse(ctx.request.body.code);
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "new Function with a body from the query string",
    code: code`
      app.get("/filter", (req, res) => {
        const predicate = new Function("item", "return " + req.query.where);
        res.json(items.filter(predicate));
      });
    `,
    errors: [{ messageId: "evaluatedCode", line: 2, column: 21, data: { callee: "`new Function`", origin: REQUEST }, suggestions: [] }],
  },
  {
    name: "Function() called without new on a destructured body field",
    code: code`
      export async function POST(request: Request) {
        const { formula } = await request.json();
        const compute = Function("x", \`return \${formula}\`);
        return Response.json({ value: compute(2) });
      }
    `,
    errors: [{ messageId: "evaluatedCode", line: 3, column: 19, data: { callee: "`new Function`", origin: REQUEST } }],
  },
  {
    name: "new Function of a template file read with fs/promises",
    code: code`
      import { readFile } from "node:fs/promises";
      export async function compile(path: string) {
        const source = await readFile(path, "utf8");
        return new Function("data", source);
      }
    `,
    errors: [{ messageId: "evaluatedCode", line: 4, column: 10, data: { callee: "`new Function`", origin: FILE } }],
  },
  {
    name: "setTimeout with a string built from input",
    code: code`
      export function schedule(name: string) {
        setTimeout("run" + name + "()", 1000);
      }
    `,
    errors: [{ messageId: "stringTimer", line: 2, column: 14, data: { callee: "`setTimeout`", origin: "" } }],
  },
  {
    name: "setInterval with a template string from the request",
    code: code`
      app.post("/poll", (req, res) => {
        setInterval(\`refresh("\${req.body.target}")\`, 5000);
        res.sendStatus(202);
      });
    `,
    errors: [{ messageId: "stringTimer", line: 2, column: 15, data: { callee: "`setInterval`", origin: REQUEST } }],
  },
  {
    name: "window.setTimeout with a string held in a variable",
    code: code`
      const action = "tick(" + count + ")";
      window.setTimeout(action, 10);
    `,
    errors: [{ messageId: "stringTimer", line: 2, column: 19 }],
  },
  {
    name: "vm.runInNewContext with request code (ESM namespace import)",
    code: code`
      import * as vm from "node:vm";
      app.post("/sandbox", (req, res) => {
        const output = vm.runInNewContext(req.body.script, { console });
        res.json({ output });
      });
    `,
    errors: [{ messageId: "evaluatedCode", line: 3, column: 18, data: { callee: "`vm.runInNewContext`", origin: REQUEST } }],
  },
  {
    name: "vm.runInThisContext of a downloaded plugin (CommonJS)",
    filename: "plugins.js",
    code: code`
      const vm = require("vm");
      const axios = require("axios");
      async function loadPlugin(url) {
        const { data } = await axios.get(url);
        return vm.runInThisContext(data);
      }
      module.exports = { loadPlugin };
    `,
    errors: [{ messageId: "evaluatedCode", line: 5, column: 10, data: { callee: "`vm.runInThisContext`", origin: NETWORK } }],
  },
  {
    name: "new vm.Script with a file's content",
    code: code`
      import vm from "vm";
      import fs from "fs";
      const script = new vm.Script(fs.readFileSync(process.argv[2], "utf8"));
      script.runInThisContext();
    `,
    errors: [{ messageId: "evaluatedCode", line: 3, column: 16, data: { callee: "`vm.Script`", origin: FILE } }],
  },
  {
    name: "named import: new Script(code) and runInContext(code, ctx)",
    code: code`
      import { Script, runInContext, createContext } from "node:vm";
      export function execute(code: string) {
        const context = createContext({});
        new Script(code);
        return runInContext(code, context);
      }
    `,
    errors: [
      { messageId: "evaluatedCode", line: 4, column: 3, data: { callee: "`Script`", origin: "" } },
      { messageId: "evaluatedCode", line: 5, column: 10, data: { callee: "`runInContext`", origin: "" } },
    ],
  },
  {
    name: "vm.compileFunction with a WebSocket message",
    code: code`
      import vm from "node:vm";
      wss.on("connection", (ws) => {
        ws.on("message", (data) => {
          const fn = vm.compileFunction(data.toString());
          fn();
        });
      });
    `,
    errors: [{ messageId: "evaluatedCode", line: 4, column: 16, data: { callee: "`vm.compileFunction`", origin: NETWORK } }],
  },
  {
    name: "inline require('vm').runInNewContext",
    filename: "calc.cjs",
    code: 'module.exports = (expr) => require("vm").runInNewContext(expr, {});',
    errors: [{ messageId: "evaluatedCode", line: 1, column: 28 }],
  },
  {
    name: "vm2: new VM().run(code) from the request",
    code: code`
      const { VM } = require("vm2");
      app.post("/run", (req, res) => {
        res.json({ result: new VM({ timeout: 1000 }).run(req.body.code) });
      });
    `,
    errors: [{ messageId: "sandboxedCode", line: 3, column: 22, data: { callee: "`new VM({ timeout: 1000 }).run`", origin: REQUEST } }],
  },
  {
    name: "vm2: a NodeVM kept in a const, then run",
    code: code`
      import { NodeVM } from "vm2";
      const sandbox = new NodeVM({ console: "inherit" });
      export function runUserScript(source: string) {
        return sandbox.run(source, "user.js");
      }
    `,
    errors: [{ messageId: "sandboxedCode", line: 4, column: 10, data: { callee: "`sandbox.run`", origin: "" } }],
  },
  {
    name: "vm2: new VMScript(code)",
    code: code`
      import { VMScript } from "vm2";
      export const compile = (text: string) => new VMScript(text);
    `,
    errors: [{ messageId: "sandboxedCode", line: 2, column: 42 }],
  },
];
