import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-unsafe-deserialization/index.js";
import { code } from "../../code.js";

type Case = InvalidTestCase<MessageIds, Options>;

const REQUEST = " (the value comes from the request)";
const FILE = " (the value is read from a file)";
const NETWORK = " (the value comes from a network response)";
const V3: Options = [{ jsYamlMajor: 3 }];
const V4: Options = [{ jsYamlMajor: 4 }];

/** Deserializers that run code from their input, and js-yaml loads that can. */
export const invalidDeserializers: Case[] = [
  {
    name: "node-serialize unserialize of a cookie (CommonJS)",
    filename: "session.js",
    code: code`
      const serialize = require("node-serialize");
      app.get("/profile", (req, res) => {
        const profile = serialize.unserialize(Buffer.from(req.cookies.profile, "base64").toString());
        res.send("Hello " + profile.username);
      });
    `,
    errors: [{ messageId: "unsafeDeserializer", line: 3, column: 19, data: { callee: "`serialize.unserialize`", module: "node-serialize", origin: REQUEST } }],
  },
  {
    name: "node-serialize required lazily inside the handler, beside JSON.parse",
    filename: "session.js",
    code: code`
      function restore(req) {
        const settings = JSON.parse(req.body.settings);
        const serializer = require("node-serialize");
        return { settings, session: serializer.unserialize(req.body.session) };
      }
      module.exports = { restore };
    `,
    errors: [{ messageId: "unsafeDeserializer", line: 4, column: 31, data: { callee: "`serializer.unserialize`", module: "node-serialize", origin: REQUEST } }],
  },
  {
    name: "node-serialize named import (ESM)",
    code: code`
      import { unserialize } from "node-serialize";
      export const restore = (blob: string) => unserialize(blob);
    `,
    errors: [{ messageId: "unsafeDeserializer", line: 2, column: 42, data: { callee: "`unserialize`", module: "node-serialize", origin: "" } }],
  },
  {
    name: "inline require('node-serialize').unserialize of a file",
    filename: "cache.cjs",
    code: code`
      const fs = require("fs");
      const state = require("node-serialize").unserialize(fs.readFileSync("state.txt", "utf8"));
    `,
    errors: [{ messageId: "unsafeDeserializer", line: 2, column: 15, data: { callee: '`require("node-serialize").unserialize`', module: "node-serialize", origin: FILE } }],
  },
  {
    name: "serialize-to-js deserialize",
    code: code`
      import serializer from "serialize-to-js";
      export function load(text: string) {
        return serializer.deserialize(text);
      }
    `,
    errors: [{ messageId: "unsafeDeserializer", line: 3, column: 10, data: { callee: "`serializer.deserialize`", module: "serialize-to-js", origin: "" } }],
  },
  {
    name: "funcster deepDeserialize of a queued job",
    code: code`
      const funcster = require("funcster");
      queue.process(async (job) => funcster.deepDeserialize(job.data.handler));
    `,
    errors: [{ messageId: "unsafeDeserializer", line: 2, column: 30, data: { callee: "`funcster.deepDeserialize`", module: "funcster", origin: "" } }],
  },
  {
    name: "cryo parse of a message from Redis",
    code: code`
      import Cryo from "cryo";
      subscriber.on("message", (channel, message) => {
        const event = Cryo.parse(message);
        handle(event);
      });
    `,
    errors: [{ messageId: "unsafeDeserializer", line: 3, column: 17, data: { callee: "`Cryo.parse`", module: "cryo", origin: "" } }],
  },
  {
    name: "js-yaml 3: load without a schema, with a safeLoad suggestion",
    options: V3,
    code: code`
      import yaml from "js-yaml";
      app.post("/import", (req, res) => {
        const doc = yaml.load(req.body);
        res.json(doc);
      });
    `,
    errors: [
      {
        messageId: "yamlDefaultSchema",
        line: 3,
        column: 15,
        data: { callee: "`yaml.load`", major: "3", safe: "`safeLoad`", origin: REQUEST },
        suggestions: [
          {
            messageId: "useSafeLoad",
            data: { safe: "`safeLoad`" },
            output: code`
              import yaml from "js-yaml";
              app.post("/import", (req, res) => {
                const doc = yaml.safeLoad(req.body);
                res.json(doc);
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "js-yaml 3 (CommonJS): loadAll of a file suggests safeLoadAll",
    filename: "fixtures.js",
    options: V3,
    code: code`
      const fs = require("fs");
      const jsyaml = require("js-yaml");
      const docs = [];
      jsyaml.loadAll(fs.readFileSync(process.argv[2], "utf8"), (doc) => docs.push(doc));
    `,
    errors: [
      {
        messageId: "yamlDefaultSchema",
        line: 4,
        column: 1,
        data: { callee: "`jsyaml.loadAll`", major: "3", safe: "`safeLoadAll`", origin: FILE },
        suggestions: [
          {
            messageId: "useSafeLoad",
            output: code`
              const fs = require("fs");
              const jsyaml = require("js-yaml");
              const docs = [];
              jsyaml.safeLoadAll(fs.readFileSync(process.argv[2], "utf8"), (doc) => docs.push(doc));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "js-yaml 3: named import load has no suggestion (the import would change too)",
    options: V3,
    code: code`
      import { load } from "js-yaml";
      export async function fetchConfig(url: string) {
        const res = await fetch(url);
        return load(await res.text());
      }
    `,
    errors: [{ messageId: "yamlDefaultSchema", line: 4, column: 10, data: { callee: "`load`", major: "3", safe: "`safeLoad`", origin: NETWORK }, suggestions: [] }],
  },
  {
    name: "js-yaml 3: options without a schema still use the full schema",
    options: V3,
    code: code`
      import * as yaml from "js-yaml";
      export const parse = (text: string) => yaml.load(text, { filename: "input.yml" });
    `,
    errors: [
      {
        messageId: "yamlDefaultSchema",
        line: 2,
        column: 40,
        suggestions: [
          {
            messageId: "useSafeLoad",
            output: code`
              import * as yaml from "js-yaml";
              export const parse = (text: string) => yaml.safeLoad(text, { filename: "input.yml" });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "DEFAULT_FULL_SCHEMA passed explicitly",
    code: code`
      const yaml = require("js-yaml");
      module.exports = (text) => yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
    `,
    errors: [{ messageId: "yamlUnsafeSchema", line: 2, column: 54, data: { callee: "`yaml.load`", schema: "`DEFAULT_FULL_SCHEMA`", origin: "" } }],
  },
  {
    name: "DEFAULT_FULL_SCHEMA through an options constant",
    code: code`
      import { load, DEFAULT_FULL_SCHEMA } from "js-yaml";
      const YAML_OPTIONS = { schema: DEFAULT_FULL_SCHEMA, json: true };
      export function parseManifest(text: string) {
        return load(text, YAML_OPTIONS);
      }
    `,
    errors: [{ messageId: "yamlUnsafeSchema", line: 2, column: 32 }],
  },
  {
    name: "js-yaml 4 with the js-yaml-js-types schema",
    options: V4,
    code: code`
      import yaml from "js-yaml";
      import * as types from "js-yaml-js-types";
      const schema = yaml.DEFAULT_SCHEMA.extend(types.all);
      export const read = (text: string) => yaml.load(text, { schema });
    `,
    errors: [{ messageId: "yamlUnsafeSchema", line: 4, column: 57, data: { callee: "`yaml.load`", schema: "a schema extended with `js-yaml-js-types`", origin: "" } }],
  },
  {
    name: "js-yaml 4 with an inline require of js-yaml-js-types",
    options: V4,
    filename: "loader.js",
    code: code`
      const yaml = require("js-yaml");
      const schema = yaml.DEFAULT_SCHEMA.extend(require("js-yaml-js-types").all);
      exports.read = (text) => yaml.load(text, { schema: schema });
    `,
    errors: [{ messageId: "yamlUnsafeSchema", line: 3, column: 52 }],
  },
  {
    name: "unsafeLoad of a yaml module",
    code: code`
      import yaml from "js-yaml";
      export const parse = (text: string) => yaml.unsafeLoad(text);
    `,
    errors: [{ messageId: "yamlUnsafeLoad", line: 2, column: 40, data: { callee: "`yaml.unsafeLoad`", origin: "" } }],
  },
  {
    name: "v8.deserialize of a request body",
    code: code`
      import v8 from "node:v8";
      app.post("/state", express.raw(), (req, res) => {
        const state = v8.deserialize(req.body);
        res.json(state);
      });
    `,
    errors: [{ messageId: "v8Deserialize", line: 3, column: 17, data: { callee: "`v8.deserialize`", origin: REQUEST } }],
  },
  {
    name: "v8.deserialize of a fetched buffer (named import)",
    code: code`
      import { deserialize } from "v8";
      export async function pull(url: string) {
        const res = await fetch(url);
        return deserialize(Buffer.from(await res.arrayBuffer()));
      }
    `,
    errors: [{ messageId: "v8Deserialize", line: 4, column: 10, data: { callee: "`deserialize`", origin: NETWORK } }],
  },
  {
    name: "Hono: eval of c.req.json() field",
    code: code`
      import { Hono } from "hono";
      const app = new Hono();
      app.post("/calc", async (c) => {
        const { expression } = await c.req.json();
        return c.json({ value: eval(expression) });
      });
    `,
    errors: [
      {
        messageId: "evaluatedCode",
        line: 5,
        column: 26,
        data: { callee: "`eval`", origin: REQUEST },
        suggestions: [
          {
            messageId: "useJsonParse",
            output: code`
              import { Hono } from "hono";
              const app = new Hono();
              app.post("/calc", async (c) => {
                const { expression } = await c.req.json();
                return c.json({ value: JSON.parse(expression) });
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Fastify: new Function from request.body in a route",
    code: code`
      fastify.post("/rules", async (request, reply) => {
        const rule = new Function("ctx", request.body.rule);
        return { ok: rule({}) };
      });
    `,
    errors: [{ messageId: "evaluatedCode", line: 2, column: 16, data: { callee: "`new Function`", origin: REQUEST } }],
  },
  {
    name: "Lambda: eval of event.body",
    code: "export const handler = async (event) => ({ statusCode: 200, body: String(eval(event.body)) });",
    errors: [
      {
        messageId: "evaluatedCode",
        line: 1,
        column: 74,
        data: { callee: "`eval`", origin: REQUEST },
        suggestions: [{ messageId: "useJsonParse", output: "export const handler = async (event) => ({ statusCode: 200, body: String(JSON.parse(event.body)) });" }],
      },
    ],
  },
];
