import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { memberName, propertyKeyName, unwrap } from "../../util/ast.js";
import type { ModuleBinding } from "../../util/module-bindings.js";
import { moduleCallOf } from "../../util/module-calls.js";

/** Where request data ends up. */
export type SinkKind = "write" | "query" | "file" | "shell" | "outbound";

export interface Sink {
  kind: SinkKind;
  /** How the message names the call: `User.create`, `fs.readFile`. */
  callee: string;
  /** The arguments that carry what this sink acts on (the data, the path, the command, the URL). */
  inputs: readonly TSESTree.Node[];
}

/** ORM and driver methods that write the object they are given (Mongoose, Sequelize, Prisma, TypeORM, Knex, MongoDB, Objection). */
const WRITE_METHODS = new Set([
  "create",
  "createMany",
  "insert",
  "insertOne",
  "insertMany",
  "save",
  "update",
  "updateOne",
  "updateMany",
  "findOneAndUpdate",
  "findByIdAndUpdate",
  "upsert",
  "bulkCreate",
  "replaceOne",
  "build",
  "merge",
  "set",
  "patch",
  "patchAndFetchById",
  "insertAndFetch",
  // Drizzle: db.insert(table).values(body), db.update(table).set(body)
  "values",
]);
/** Methods that take a filter object: a whole query string there lets a client pick operators (`{ "$ne": null }`). */
const QUERY_METHODS = new Set(["find", "findOne", "findAll", "findMany", "findFirst", "where", "deleteMany", "deleteOne", "destroy", "countDocuments", "findOneAndDelete", "remove"]);
/** Receivers whose methods of those names are not database calls. */
const NOT_DATABASES = new Set([
  "Object",
  "Array",
  "Promise",
  "JSON",
  "Math",
  "Reflect",
  "Map",
  "Set",
  "res",
  "response",
  "reply",
  "ctx",
  "c",
  "req",
  "request",
  "console",
  "logger",
  "log",
  "crypto",
  "headers",
  "searchParams",
  "cache",
  "_",
  "lodash",
  "url",
  "URL",
]);

const FS_MODULES = new Set(["fs", "fs/promises", "fs-extra", "graceful-fs"]);
/** fs functions and the indexes of their path arguments. */
const FS_PATH_ARGUMENTS: ReadonlyMap<string, readonly number[]> = new Map([
  ...[
    "readFile",
    "readFileSync",
    "writeFile",
    "writeFileSync",
    "appendFile",
    "appendFileSync",
    "createReadStream",
    "createWriteStream",
    "unlink",
    "unlinkSync",
    "rm",
    "rmSync",
    "rmdir",
    "readdir",
    "readdirSync",
    "mkdir",
    "mkdirSync",
    "open",
    "openSync",
    "remove",
    "outputFile",
    "readJson",
    "readJSON",
    "writeJson",
  ].map((name): [string, number[]] => [name, [0]]),
  ...["copyFile", "copyFileSync", "rename", "renameSync", "copy", "move"].map((name): [string, number[]] => [name, [0, 1]]),
]);
const SHELL_FUNCTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["child_process", new Set(["exec", "execSync", "spawn", "spawnSync", "execFile", "execFileSync", "fork"])],
  ["execa", new Set(["execa", "execaSync", "execaCommand", "execaCommandSync", "execaNode", "default"])],
  ["shelljs", new Set(["exec"])],
]);
const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "request", "options"]);
/** HTTP clients whose default export or methods take the URL first. */
const HTTP_CLIENT_MODULES = new Set(["axios", "got", "ky", "superagent", "needle", "node-fetch", "undici", "http", "https", "request", "phin"]);
/** Keys of an options object that decide where a request goes. */
const URL_KEYS = new Set(["url", "baseURL", "baseUrl", "prefixUrl", "host", "hostname", "uri"]);

/** Recognises the sinks of one file; module bindings are read once, on the first candidate call. */
export class SinkMatcher {
  constructor(
    private readonly textOf: (node: TSESTree.Node) => string,
    private readonly bindings: () => ReadonlyMap<string, ModuleBinding>,
  ) {}

  match(call: TSESTree.CallExpression, name: string): Sink | undefined {
    const callee = unwrap(call.callee);
    const args = call.arguments;
    if (args.length === 0) return undefined;

    if (name === "fetch" && callee.type === AST_NODE_TYPES.Identifier && !this.bindings().has("fetch")) {
      return { kind: "outbound", callee: "fetch", inputs: urlInputs(args[0]!) };
    }
    const target = moduleCallOf(call.callee, this.bindings()) ?? this.fsPromisesCall(callee) ?? this.defaultCall(callee);
    if (target) {
      const { module, name: exported } = target;
      if (FS_MODULES.has(module)) {
        const indexes = FS_PATH_ARGUMENTS.get(exported);
        return indexes ? { kind: "file", callee: this.calleeText(call), inputs: indexes.map((index) => args[index]).filter(isDefined) } : undefined;
      }
      if (SHELL_FUNCTIONS.get(module)?.has(exported)) return { kind: "shell", callee: this.calleeText(call), inputs: args };
      if (HTTP_CLIENT_MODULES.has(module) && (exported === "default" || exported === "*" || HTTP_METHODS.has(exported) || exported === "fetch")) {
        return { kind: "outbound", callee: this.calleeText(call), inputs: urlInputs(args[0]!) };
      }
      // Anything else imported (a model module, a repository) may still be a database.
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const receiver = unwrap(callee.object);
    if ((name === "sendFile" || name === "download") && receiver.type === AST_NODE_TYPES.Identifier && (receiver.name === "res" || receiver.name === "response")) {
      // Express resolves a relative path against `root` and refuses `..` there.
      return hasRootOption(args[1]) ? undefined : { kind: "file", callee: this.calleeText(call), inputs: [args[0]!] };
    }
    if (isNotDatabase(receiver)) return undefined;
    if (WRITE_METHODS.has(name)) return { kind: "write", callee: this.calleeText(call), inputs: args };
    if (QUERY_METHODS.has(name)) return { kind: "query", callee: this.calleeText(call), inputs: [args[0]!] };
    return undefined;
  }

  /** How messages name the call (`User.create`, `fs.readFile`): read only once a sink is found, most candidates are not. */
  private calleeText(call: TSESTree.CallExpression): string {
    return this.textOf(call.callee).replace(/\s+/g, "");
  }

  /** `fs.promises.readFile(...)` with `fs` bound to the fs module. */
  private fsPromisesCall(callee: TSESTree.Node): { module: string; name: string } | undefined {
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const object = unwrap(callee.object);
    if (object.type !== AST_NODE_TYPES.MemberExpression || memberName(object) !== "promises") return undefined;
    const base = unwrap(object.object);
    const binding = base.type === AST_NODE_TYPES.Identifier ? this.bindings().get(base.name) : undefined;
    const name = memberName(callee);
    return binding && name && FS_MODULES.has(binding.source.replace(/^node:/, "")) ? { module: "fs", name } : undefined;
  }

  /** `axios(url)`, `got(url)`, `execa(cmd)`: a call of a module's default or CommonJS export. */
  private defaultCall(callee: TSESTree.Node): { module: string; name: string } | undefined {
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const binding = this.bindings().get(callee.name);
    if (!binding || (binding.imported !== "default" && binding.imported !== "*")) return undefined;
    return { module: binding.source.replace(/^node:/, ""), name: binding.imported };
  }
}

/** Local names of default exports that are sinks when called: `axios(config)`, `got(url)`, `execa(cmd)`. */
const DEFAULT_EXPORT_NAMES = ["axios", "got", "ky", "needle", "superagent", "request", "execa", "phin", "nodeFetch"];
const CANDIDATE_NAMES: ReadonlySet<string> = new Set([
  "fetch",
  "sendFile",
  "download",
  ...WRITE_METHODS,
  ...QUERY_METHODS,
  ...FS_PATH_ARGUMENTS.keys(),
  ...HTTP_METHODS,
  ...[...SHELL_FUNCTIONS.values()].flatMap((names) => [...names]),
  ...DEFAULT_EXPORT_NAMES,
]);

/** Names a sink can be called by; other calls are dismissed before any lookup. */
export function isCandidateName(name: string): boolean {
  return CANDIDATE_NAMES.has(name);
}

/** The URL of a request: the argument itself, or the `url`/`baseURL`/`host` of an options object. */
function urlInputs(argument: TSESTree.Node): TSESTree.Node[] {
  const current = unwrap(argument);
  if (current.type !== AST_NODE_TYPES.ObjectExpression) return [argument];
  return current.properties.filter((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && URL_KEYS.has(propertyKeyName(property) ?? "")).map((property) => property.value);
}

function hasRootOption(options: TSESTree.Node | undefined): boolean {
  const current = options ? unwrap(options) : undefined;
  if (!current) return false;
  if (current.type !== AST_NODE_TYPES.ObjectExpression) return true; // options the file does not show: may set root
  return current.properties.some((property) => property.type !== AST_NODE_TYPES.Property || propertyKeyName(property) === "root");
}

function isNotDatabase(receiver: TSESTree.Node): boolean {
  if (receiver.type === AST_NODE_TYPES.Identifier) return NOT_DATABASES.has(receiver.name);
  if (receiver.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(receiver);
    return name === "headers" || name === "searchParams" || name === "cookies" || name === "session" || name === "locals";
  }
  return receiver.type === AST_NODE_TYPES.ArrayExpression || receiver.type === AST_NODE_TYPES.ObjectExpression || receiver.type === AST_NODE_TYPES.Literal;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
