import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberName, parentSkippingWrappers, unwrap } from "../ast.js";
import { requiredModule } from "../module-bindings.js";
import { assignedKey, receiverKey, type CallLike } from "./ast.js";
import { isAxiosRequestMethod, SUPERAGENT_METHODS, type LibraryRole, type RetryingClient } from "./libraries.js";

/** An outbound call the rule will judge at the end of the file. */
export type OutboundCall =
  | { kind: "fetch"; call: TSESTree.CallExpression; module: string }
  | { kind: "axios"; call: TSESTree.CallExpression; method: string | undefined; axiosName: string }
  | { kind: "axios-instance"; call: TSESTree.CallExpression; method: string | undefined; instance: ClientInstance }
  | { kind: "got"; call: TSESTree.CallExpression; instance: ClientInstance | undefined }
  | { kind: "http"; call: TSESTree.CallExpression; module: string; method: string }
  | { kind: "undici-request"; call: TSESTree.CallExpression; dispatcher: ClientInstance | undefined }
  | { kind: "superagent"; call: TSESTree.CallExpression }
  | { kind: "octokit"; call: TSESTree.NewExpression };

/** A client object created in this file: `axios.create()`, `new OpenAI()`, `new Pool(origin)`. */
export interface ClientInstance {
  library: "axios" | "undici-dispatcher" | RetryingClient;
  create: CallLike;
  /** `client` or `this.client`; undefined when the instance is not stored (e.g. `export default axios.create()`). */
  key: string | undefined;
  /** For `client`: the variable, so a parameter or local of the same name elsewhere is not taken for it. */
  variable?: TSESLint.Scope.Variable;
  /** For `this.client`: the class it belongs to. */
  classBody?: TSESTree.ClassBody;
}

/** A retry or timeout setting written in an options object passed to a call: `{ maxRetries: 0 }`. */
export interface SettingSite {
  property: TSESTree.Property;
  key: string;
  owner: CallLike;
}

/** Keys that turn a client's built-in retries or timeout off. */
const SETTING_KEYS = new Set(["maxRetries", "maxNetworkRetries", "maxAttempts", "retry", "retryConfig", "timeout"]);
/** got's request shortcuts; `got.stream()` and `got.paginate()` take the same options. */
const GOT_REQUEST_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "stream", "paginate"]);
/** Objects a browser or Node exposes fetch on. */
const GLOBAL_OBJECTS = new Set(["globalThis", "window", "self", "global"]);

/**
 * Records, while ESLint walks one file, everything the rule judges at the end: outbound calls,
 * clients created and how they are configured (axios-retry, interceptors, defaults).
 */
export class OutboundCollector {
  readonly calls: OutboundCall[] = [];
  readonly instances = new Map<string, ClientInstance>();
  /** Every client created in the file, stored or not (`export default axios.create()`). */
  readonly createdInstances: ClientInstance[] = [];
  readonly settings: SettingSite[] = [];
  /** Keys given to `axiosRetry(x)` / `rax.attach(x)`. */
  readonly axiosRetryTargets = new Set<string>();
  /** Keys with `x.interceptors.response.use(onOk, onError)`: an error interceptor may retry. */
  readonly interceptedTargets = new Set<string>();
  /** Keys with `x.defaults.timeout = …`. */
  readonly defaultTimeoutTargets = new Set<string>();
  /** undici's RetryAgent / RetryHandler / interceptors.retry is used: fetch and undici calls may retry. */
  undiciRetry = false;
  /** @octokit/plugin-retry or `Octokit.plugin(…)` is used. */
  octokitRetry = false;
  /** Member calls that may go through an instance created anywhere in the file (resolved at the end). */
  readonly #possibleInstanceCalls: { call: TSESTree.CallExpression; receiver: TSESTree.Node; key: string; method: string | undefined }[] = [];

  readonly #roles: ReadonlyMap<string, LibraryRole>;
  readonly #sourceCode: TSESLint.SourceCode;

  constructor(roles: ReadonlyMap<string, LibraryRole>, sourceCode: TSESLint.SourceCode) {
    this.#roles = roles;
    this.#sourceCode = sourceCode;
    for (const role of roles.values()) {
      if (role.kind === "undici-retry") this.undiciRetry = true;
      if (role.kind === "octokit-retry-plugin") this.octokitRetry = true;
    }
  }

  onCall(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) this.#onPlainCall(call, callee);
    else if (callee.type === AST_NODE_TYPES.MemberExpression) this.#onMemberCall(call, callee);
    else if (callee.type === AST_NODE_TYPES.CallExpression && requiredModule(callee)?.source === "stripe") {
      // require("stripe")(key, options)
      this.#addInstance(call, "stripe");
    }
  }

  onNew(node: TSESTree.NewExpression): void {
    const callee = unwrap(node.callee);
    let role: LibraryRole | undefined;
    let className: string | undefined;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      role = this.#roles.get(callee.name);
      className = callee.name;
    } else if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.Identifier) {
      // new undici.Pool(origin), new AWS.S3Client({})
      role = this.#roles.get((unwrap(callee.object) as TSESTree.Identifier).name);
      className = memberName(callee);
      if (role?.kind === "undici") {
        if (className === "RetryAgent" || className === "RetryHandler") this.undiciRetry = true;
        if (className === "Pool" || className === "Client" || className === "Agent" || className === "BalancedPool") {
          this.#addInstance(node, "undici-dispatcher");
        }
        return;
      }
      if (!(role?.kind === "retrying-client" && role.client === "aws" && className?.endsWith("Client"))) return;
    }
    if (!role) return;
    switch (role.kind) {
      case "retrying-client":
        if (role.client === "openai" || role.client === "anthropic" || role.client === "stripe" || role.client === "aws") this.#addInstance(node, role.client);
        break;
      case "octokit":
        this.calls.push({ kind: "octokit", call: node });
        break;
      case "undici-dispatcher":
        this.#addInstance(node, "undici-dispatcher");
        break;
      case "undici-retry":
        this.undiciRetry = true;
        break;
      default:
        break;
    }
  }

  /** `{ maxRetries: 0 }` passed straight to a call or constructor. */
  onProperty(property: TSESTree.Property): void {
    if (property.computed || property.key.type !== AST_NODE_TYPES.Identifier || !SETTING_KEYS.has(property.key.name)) return;
    const object = property.parent;
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
    const owner = parentSkippingWrappers(object);
    if (owner?.type !== AST_NODE_TYPES.CallExpression && owner?.type !== AST_NODE_TYPES.NewExpression) return;
    this.settings.push({ property, key: property.key.name, owner });
  }

  /** `axios.defaults.timeout = 5000`, `client.defaults.timeout = 5000`. */
  onAssignment(assignment: TSESTree.AssignmentExpression): void {
    const left = assignment.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression || left.property.type !== AST_NODE_TYPES.Identifier || left.property.name !== "timeout") return;
    const defaults = unwrap(left.object);
    if (defaults.type !== AST_NODE_TYPES.MemberExpression || memberName(defaults) !== "defaults") return;
    const key = receiverKey(defaults.object);
    if (key !== undefined) this.defaultTimeoutTargets.add(key);
  }

  /**
   * True for a call of the platform's own fetch: `fetch(…)` or `globalThis.fetch(…)` with nothing of the file's
   * own behind the name. In a file without library roles these are the only calls `onCall` records.
   */
  isPlatformFetchCall(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === "fetch" && this.#isGlobal(callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "fetch") return false;
    const object = unwrap(callee.object);
    return object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && this.#isGlobal(object);
  }

  /** Member calls on instances, resolved once every instance of the file is known. */
  resolveInstanceCalls(): void {
    for (const { call, receiver, key, method } of this.#possibleInstanceCalls) {
      const instance = this.instances.get(key);
      if (!instance || !this.#isSameHolder(instance, receiver)) continue;
      if (instance.library === "axios") this.calls.push({ kind: "axios-instance", call, method, instance });
      else if (instance.library === "got" && (method === undefined || GOT_REQUEST_METHODS.has(method))) this.calls.push({ kind: "got", call, instance });
      else if (instance.library === "undici-dispatcher" && method === "request") this.calls.push({ kind: "undici-request", call, dispatcher: instance });
    }
  }

  #onPlainCall(call: TSESTree.CallExpression, callee: TSESTree.Identifier): void {
    const name = callee.name;
    const role = this.#roles.get(name);
    if (name === "fetch" && !role) {
      if (this.#isGlobal(callee)) this.calls.push({ kind: "fetch", call, module: "fetch" });
      return;
    }
    if (!role) {
      // axios and got instances are callable: api({ url }), client("users").
      const library = this.instances.get(name)?.library;
      if (library === "axios" || library === "got") this.#possibleInstanceCalls.push({ call, receiver: callee, key: name, method: undefined });
      return;
    }
    if (!this.#isModuleBinding(callee)) return;
    switch (role.kind) {
      case "fetch":
        this.calls.push({ kind: "fetch", call, module: role.module });
        break;
      case "axios":
        this.calls.push({ kind: "axios", call, method: undefined, axiosName: name });
        break;
      case "axios-retry": {
        const target = call.arguments[0] && receiverKey(call.arguments[0]);
        if (target !== undefined) this.axiosRetryTargets.add(target);
        break;
      }
      case "undici-request":
        this.calls.push({ kind: "undici-request", call, dispatcher: undefined });
        break;
      case "node-http-request":
        this.calls.push({ kind: "http", call, module: role.module, method: role.method });
        break;
      case "superagent":
        this.calls.push({ kind: "superagent", call });
        break;
      case "retrying-client":
        if (role.client === "stripe") this.#addInstance(call, "stripe");
        else if (role.client === "got") this.calls.push({ kind: "got", call, instance: undefined });
        break;
      default:
        break;
    }
  }

  #onMemberCall(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const method = memberName(callee);
    if (method === undefined) return;
    const object = unwrap(callee.object);
    const role = object.type === AST_NODE_TYPES.Identifier ? this.#roles.get(object.name) : undefined;
    if (role && object.type === AST_NODE_TYPES.Identifier) {
      this.#onLibraryMemberCall(call, role, object.name, method);
      return;
    }
    if (method === "fetch" && object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && this.#isGlobal(object)) {
      this.calls.push({ kind: "fetch", call, module: "fetch" });
      return;
    }
    if (method === "use") this.#onInterceptor(call, object);
    if (isAxiosRequestMethod(method) || GOT_REQUEST_METHODS.has(method)) {
      const key = receiverKey(object);
      if (key !== undefined && !this.#roles.has(key)) this.#possibleInstanceCalls.push({ call, receiver: object, key, method });
    }
  }

  #onLibraryMemberCall(call: TSESTree.CallExpression, role: LibraryRole, objectName: string, method: string): void {
    switch (role.kind) {
      case "axios":
        if (isAxiosRequestMethod(method)) this.calls.push({ kind: "axios", call, method, axiosName: objectName });
        else if (method === "create") this.#addInstance(call, "axios");
        break;
      case "undici":
        if (method === "request") this.calls.push({ kind: "undici-request", call, dispatcher: undefined });
        else if (method === "fetch") this.calls.push({ kind: "fetch", call, module: "undici" });
        break;
      case "node-http":
        if (method === "request" || method === "get") this.calls.push({ kind: "http", call, module: role.module, method });
        break;
      case "superagent":
        if (SUPERAGENT_METHODS.has(method)) this.calls.push({ kind: "superagent", call });
        break;
      case "retrying-client":
        if ((role.client === "got" && method === "extend") || (role.client === "ky" && (method === "create" || method === "extend"))) {
          this.#addInstance(call, role.client);
        } else if (role.client === "got" && GOT_REQUEST_METHODS.has(method)) {
          this.calls.push({ kind: "got", call, instance: undefined });
        }
        break;
      case "retry-axios":
        if (method === "attach") {
          const target = call.arguments[0] && receiverKey(call.arguments[0]);
          if (target !== undefined) this.axiosRetryTargets.add(target);
          else for (const [name, other] of this.#roles) if (other.kind === "axios") this.axiosRetryTargets.add(name);
        }
        break;
      case "undici-retry":
        this.undiciRetry = true;
        break;
      case "octokit":
        if (method === "plugin") this.octokitRetry = true;
        break;
      default:
        break;
    }
  }

  /** `client.interceptors.response.use(onOk, onError)`: the error handler may well retry. */
  #onInterceptor(call: TSESTree.CallExpression, object: TSESTree.Node): void {
    if (call.arguments.length < 2 || object.type !== AST_NODE_TYPES.MemberExpression || memberName(object) !== "response") return;
    const interceptors = unwrap(object.object);
    if (interceptors.type !== AST_NODE_TYPES.MemberExpression || memberName(interceptors) !== "interceptors") return;
    const key = receiverKey(interceptors.object);
    if (key !== undefined) this.interceptedTargets.add(key);
  }

  #addInstance(create: CallLike, library: ClientInstance["library"]): void {
    const key = assignedKey(create);
    const instance: ClientInstance = { library, create, key };
    if (key?.startsWith("this.")) instance.classBody = enclosingClassBody(create);
    else if (key !== undefined) instance.variable = this.#variableOf(key, create);
    if (key !== undefined && !this.instances.has(key)) this.instances.set(key, instance);
    this.createdInstances.push(instance);
  }

  /** The variable a created client is stored in: `const client = …` or `client = …`. */
  #variableOf(name: string, create: CallLike): TSESLint.Scope.Variable | undefined {
    return ASTUtils.findVariable(this.#sourceCode.getScope(create), name) ?? undefined;
  }

  /** True when `receiver` (an identifier or `this.x`) refers to the very variable or class field the instance lives in. */
  #isSameHolder(instance: ClientInstance, receiver: TSESTree.Node): boolean {
    const node = unwrap(receiver);
    if (node.type === AST_NODE_TYPES.Identifier) {
      if (!instance.variable) return true;
      return ASTUtils.findVariable(this.#sourceCode.getScope(node), node) === instance.variable;
    }
    return instance.classBody === undefined || enclosingClassBody(node) === instance.classBody;
  }

  /** True when `identifier` is not declared in the file: the platform's own fetch / globalThis. */
  #isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.#sourceCode.getScope(identifier), identifier);
    return !variable || variable.defs.length === 0;
  }

  /** True when the name is the module import itself, not a parameter or local that shadows it. */
  #isModuleBinding(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.#sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs[0];
    if (!definition) return false;
    if (definition.type === "ImportBinding") return true;
    return definition.type === "Variable" && definition.node.init !== null && requiredModule(unwrap(definition.node.init) as TSESTree.Expression) !== undefined;
  }
}

function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.ClassBody) return parent;
  }
  return undefined;
}

