import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import type { Options } from "../../../src/rules/no-unsafe-deserialization/index.js";

type Case = ValidTestCase<Options>;

const V3: Options = [{ jsYamlMajor: 3 }];
const V4: Options = [{ jsYamlMajor: 4 }];

/** Safe look-alikes: constant code, JSON.parse, safe YAML loads, local functions with the same names. */
export const validCases: Case[] = [
  { name: "JSON.parse of the request body", code: 'app.post("/import", (req, res) => res.json(JSON.parse(req.body.payload)));' },
  { name: "eval of a constant string", code: 'const answer = eval("6 * 7");' },
  { name: "eval of a constant concatenation", code: 'const two = eval("1" + " + 1");' },
  { name: "eval of a const bound to a literal", code: 'const GLOBAL_THIS = "this";\nconst root = eval(GLOBAL_THIS);' },
  { name: "new Function('return this') global polyfill", code: 'var root = typeof self !== "undefined" ? self : new Function("return this")();' },
  { name: "Function with constant parameter and body strings", code: 'const add = new Function("a", "b", "return a + b");' },
  { name: "new Function() with no arguments", code: "const noop = new Function();" },
  { name: "a local function called eval", code: "function eval2() {}\nconst evaluate = (x) => x;\nfunction run(eval) { return eval(input); }" },
  { name: "an imported evaluate helper named eval", code: 'import { eval as evaluate } from "mathjs";\nexport const calc = (expr: string) => evaluate(expr);' },
  { name: "a method called eval on an object", code: "export const value = (expr: string) => math.evaluate(expr) + parser.eval(expr);" },
  { name: "setTimeout with a function", code: "setTimeout(() => refresh(target), 1000);" },
  { name: "setTimeout with a function reference", code: "setTimeout(poll, interval);" },
  {
    name: "timers given function expressions that build strings inside",
    code: 'setInterval(function tick() { render(`${req.query.view}`); }, 1000);\nwindow.setTimeout(async () => { await run("x" + input); }, 0);',
  },
  { name: "setInterval with a constant string", code: 'setInterval("tick()", 1000);' },
  { name: "setTimeout with an identifier of unknown kind, no types", code: "export function later(callback, ms) { setTimeout(callback, ms); }" },
  { name: "setTimeout with a promisified timer", code: 'import { setTimeout } from "node:timers/promises";\nawait setTimeout(`${delay}`);' },
  { name: "vm.runInNewContext of a constant", code: 'import vm from "node:vm";\nconst result = vm.runInNewContext("a + b", { a: 1, b: 2 });' },
  { name: "new vm.Script with a constant template", code: 'const vm = require("vm");\nconst script = new vm.Script(`globalThis.loaded = true`);' },
  { name: "vm methods on something that is not node:vm", code: "export const out = (code: string) => vm.runInNewContext(code);" },
  { name: "a local Script class", code: "class Script { constructor(readonly text: string) {} }\nexport const s = (t: string) => new Script(t);" },
  { name: "vm2 run of a constant", code: 'const { VM } = require("vm2");\nconst two = new VM().run("1 + 1");' },
  { name: "run on an object that is not a vm2 sandbox", code: "export const go = (job: string) => runner.run(job);" },
  { name: "node-serialize serialize (only unserialize runs code)", code: 'const serialize = require("node-serialize");\nres.cookie("profile", serialize.serialize(profile));' },
  { name: "node-serialize unserialize of a constant", code: 'import { unserialize } from "node-serialize";\nconst x = unserialize("{}");' },
  { name: "serialize-javascript serialize, a different package", code: 'import serialize from "serialize-javascript";\nexport const html = (state: object) => `<script>window.__STATE__ = ${serialize(state)}</script>`;' },
  { name: "a local unserialize helper", code: "function unserialize(text) { return JSON.parse(text); }\nunserialize(req.body);" },
  { name: "cryo stringify", code: 'import Cryo from "cryo";\nexport const save = (obj: object) => Cryo.stringify(obj);' },
  { name: "parse from another module", code: 'import { parse } from "qs";\napp.get("/", (req, res) => res.json(parse(req.url)));' },
  { name: "js-yaml 4: load with the default schema is safe", options: V4, code: 'import yaml from "js-yaml";\napp.post("/", (req, res) => res.json(yaml.load(req.body)));' },
  { name: "js-yaml 3: safeLoad", options: V3, code: 'const yaml = require("js-yaml");\nmodule.exports = (text) => yaml.safeLoad(text);' },
  { name: "js-yaml 3: load with JSON_SCHEMA", options: V3, code: 'import yaml from "js-yaml";\nexport const read = (t: string) => yaml.load(t, { schema: yaml.JSON_SCHEMA });' },
  { name: "js-yaml 3: load with SAFE_SCHEMA through a const", options: V3, code: 'import { load, SAFE_SCHEMA } from "js-yaml";\nconst opts = { schema: SAFE_SCHEMA };\nexport const read = (t: string) => load(t, opts);' },
  { name: "js-yaml 3: load of a constant document", options: V3, code: 'import yaml from "js-yaml";\nconst defaults = yaml.load("retries: 3");' },
  { name: "js-yaml: unknown major and no package.json says: no report", code: 'import yaml from "js-yaml";\nexport const read = (t: string) => yaml.load(t);' },
  { name: "js-yaml 3: options the file cannot see", options: V3, code: 'import yaml from "js-yaml";\nimport { yamlOptions } from "./options";\nexport const read = (t: string) => yaml.load(t, yamlOptions);' },
  { name: "the yaml package's parse", code: 'import YAML from "yaml";\nexport const read = (t: string) => YAML.parse(t);' },
  { name: "v8.deserialize of its own cache file", code: 'import v8 from "node:v8";\nimport fs from "node:fs";\nconst cache = v8.deserialize(fs.readFileSync(cachePath));' },
  { name: "v8.deserialize of an unknown buffer", code: 'const v8 = require("v8");\nmodule.exports = (buffer) => v8.deserialize(buffer);' },
  { name: "v8.serialize of the request", code: 'import v8 from "v8";\napp.post("/", (req, res) => res.send(v8.serialize(req.body)));' },
  { name: "ignoredPaths: a REPL script", filename: "scripts/repl.js", options: [{ ignoredPaths: ["scripts/**"] }], code: 'process.stdin.on("data", (line) => console.log(eval(String(line))));' },
  { name: "ignoredPaths: a /regex/ entry", filename: "tools/build/codegen.ts", options: [{ ignoredPaths: ["/tools\\/build\\//"] }], code: "export const make = (body: string) => new Function(body);" },
  { name: "JSON.parse of a file", code: 'import { readFileSync } from "node:fs";\nexport const config = JSON.parse(readFileSync("config.json", "utf8"));' },
  { name: "Fastify route with a parsed JSON body", code: 'fastify.post("/", async (request) => ({ total: request.body.items.reduce((s, i) => s + i.price, 0) }));' },
  { name: "eval as a property name", code: "const options = { eval: false, devtool: 'source-map' };\nconfig.eval = true;" },
  { name: "Function used as a type and instanceof", code: "export const isFn = (x: unknown): x is Function => x instanceof Function;" },
  // Calls without arguments are dismissed before their callee is looked at: none of them can run or read anything.
  { name: "calls without arguments: eval(), setTimeout(), vm and node-serialize", code: 'import vm from "node:vm";\nimport serialize from "node-serialize";\neval();\nsetTimeout();\nvm.runInNewContext();\nserialize.unserialize();' },
];
