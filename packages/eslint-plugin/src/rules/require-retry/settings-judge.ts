import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { memberName, unwrap, walk } from "../../util/ast.js";
import { assignedKey, memberChainRoot, receiverKey, type CallLike } from "./ast.js";
import type { Finding } from "./judge.js";
import { RETRYING_CLIENTS, type LibraryRole, type RetryingClient } from "./libraries.js";
import type { OutboundCollector, SettingSite } from "./outbound-collector.js";
import type { RetryReach } from "./retry-reach.js";
import { staticValueOf } from "./static-values.js";

/** Where a setting applies: one request, or a client (and every request made through it). */
type SettingOwner = { client: RetryingClient; level: "call" } | { client: RetryingClient; level: "client"; key: string | undefined };

/** ky gives up on a request after 10 seconds unless told otherwise. */
const KY_DEFAULT_TIMEOUT = "10 seconds";
const GOT_KY_INSTANCE_METHODS = new Set(["extend", "create"]);

/**
 * Reports settings that switch off a client's built-in retries (`maxRetries: 0`, `retry: { limit: 0 }`,
 * `maxAttempts: 1` …) or ky's timeout (`timeout: false`), unless a retry wrapper covers the calls.
 */
export class SettingsJudge {
  readonly #sourceCode: TSESLint.SourceCode;
  readonly #collector: OutboundCollector;
  readonly #reach: RetryReach;
  readonly #roles: ReadonlyMap<string, LibraryRole>;
  readonly #requireTimeout: boolean;
  #callsByReceiver: Map<string, TSESTree.CallExpression[]> | undefined;

  constructor(
    sourceCode: TSESLint.SourceCode,
    collector: OutboundCollector,
    reach: RetryReach,
    roles: ReadonlyMap<string, LibraryRole>,
    requireTimeout: boolean,
  ) {
    this.#sourceCode = sourceCode;
    this.#collector = collector;
    this.#reach = reach;
    this.#roles = roles;
    this.#requireTimeout = requireTimeout;
  }

  judge(): Finding[] {
    const findings: Finding[] = [];
    for (const site of this.#collector.settings) {
      const owner = this.#ownerOf(site.owner, site.property);
      if (!owner) continue;
      const scope = this.#sourceCode.getScope(site.property);
      if (site.key === "timeout") {
        if (owner.client === "ky" && this.#requireTimeout && isStatic(site.property.value, scope, false) && !this.#reach.coversTimeout(site.owner)) {
          findings.push({
            node: site.property,
            messageId: "timeoutDisabled",
            data: { library: "ky", limit: KY_DEFAULT_TIMEOUT, setting: "timeout: false" },
            suggest: [],
          });
        }
        continue;
      }
      const setting = disablingSetting(owner.client, site, scope);
      if (setting === undefined || this.#retriedAnyway(site.owner, owner)) continue;
      const { library, retryPolicy } = RETRYING_CLIENTS[owner.client];
      findings.push({ node: site.property, messageId: "retryDisabled", data: { library, policy: retryPolicy, setting }, suggest: [] });
    }
    return findings;
  }

  /** Which retrying client, if any, an options object configures. */
  #ownerOf(owner: CallLike, property: TSESTree.Property): SettingOwner | undefined {
    const callee = unwrap(owner.callee);
    const argumentIndex = owner.arguments.indexOf(property.parent as TSESTree.ObjectExpression);
    if (owner.type === AST_NODE_TYPES.NewExpression) {
      const instance = this.#instanceCreatedBy(owner);
      return instance ? { client: instance, level: "client", key: assignedKey(owner) } : undefined;
    }
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const role = this.#roles.get(callee.name);
      if (role?.kind === "retrying-client") {
        if (role.client === "got" || role.client === "ky" || role.client === "ai-sdk") return { client: role.client, level: "call" };
        if (role.client === "stripe") return { client: "stripe", level: "client", key: assignedKey(owner) };
        return undefined;
      }
      const instance = this.#collector.instances.get(callee.name);
      if (instance?.library === "got" || instance?.library === "ky") return { client: instance.library, level: "call" };
      return undefined;
    }
    if (callee.type === AST_NODE_TYPES.CallExpression) {
      // require("stripe")(key, { maxNetworkRetries: 0 })
      const instance = this.#instanceCreatedBy(owner);
      return instance ? { client: instance, level: "client", key: assignedKey(owner) } : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    const root = memberChainRoot(callee);
    const rootRole = root.type === AST_NODE_TYPES.Identifier ? this.#roles.get(root.name) : undefined;
    if (rootRole?.kind === "retrying-client") {
      const client = rootRole.client;
      if (client === "got" || client === "ky") {
        return method !== undefined && GOT_KY_INSTANCE_METHODS.has(method) && callee.object === root
          ? { client, level: "client", key: assignedKey(owner) }
          : { client, level: "call" };
      }
      // google.options({ retry: false }) and google.drive({ version: "v3", retry: false }).
      if (client === "googleapis" && unwrap(callee.object) === root) return { client, level: "client", key: assignedKey(owner) };
      return undefined;
    }
    const key = receiverKey(root);
    const instance = key === undefined ? undefined : this.#collector.instances.get(key);
    if (!instance || instance.library === "axios" || instance.library === "undici-dispatcher") return undefined;
    const client = instance.library;
    if (method === "withOptions" || ((client === "got" || client === "ky") && method !== undefined && GOT_KY_INSTANCE_METHODS.has(method))) {
      return { client, level: "client", key: assignedKey(owner) };
    }
    // Per-request options: the second argument of SDK methods (the first is the request body).
    if ((client === "openai" || client === "anthropic" || client === "stripe") && argumentIndex < 1) return undefined;
    if (client === "aws") return undefined;
    return { client, level: "call" };
  }

  #instanceCreatedBy(node: CallLike): RetryingClient | undefined {
    for (const instance of this.#collector.instances.values()) {
      if (instance.create === node && instance.library !== "axios" && instance.library !== "undici-dispatcher") return instance.library;
    }
    // Instances that are not stored anywhere (`export default new OpenAI({ … })`) are not in the map.
    const callee = unwrap(node.callee);
    if (node.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.CallExpression) return "stripe";
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.Identifier
          ? (unwrap(callee.object) as TSESTree.Identifier).name
          : undefined;
    const role = name === undefined ? undefined : this.#roles.get(name);
    if (role?.kind !== "retrying-client" || role.client === "got" || role.client === "ky" || role.client === "googleapis" || role.client === "ai-sdk") {
      return undefined;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && !(memberName(callee) ?? "").endsWith("Client")) return undefined;
    return role.client;
  }

  /** A disabled client is fine when its calls in this file run inside a retry wrapper (no double retries). */
  #retriedAnyway(ownerCall: CallLike, owner: SettingOwner): boolean {
    if (owner.level === "call" || owner.key === undefined) return this.#reach.covers(ownerCall);
    return this.#callsThrough(owner.key).some((call) => this.#reach.covers(call));
  }

  /** Calls whose member chain starts at `key`: `client.chat.completions.create()`, `this.s3.send()`. Built once, on demand. */
  #callsThrough(key: string): TSESTree.CallExpression[] {
    if (!this.#callsByReceiver) {
      const byReceiver = new Map<string, TSESTree.CallExpression[]>();
      walk(this.#sourceCode.ast, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return;
        const receiver = receiverKey(memberChainRoot(node.callee));
        if (receiver === undefined) return;
        const list = byReceiver.get(receiver);
        if (list) list.push(node);
        else byReceiver.set(receiver, [node]);
      });
      this.#callsByReceiver = byReceiver;
    }
    return this.#callsByReceiver.get(key) ?? [];
  }
}

function isStatic(node: TSESTree.Node, scope: TSESLint.Scope.Scope, expected: unknown): boolean {
  const value = staticValueOf(node, scope);
  return value !== undefined && value.value === expected;
}

/** The text of a setting that turns retries off for `client`, or undefined. */
function disablingSetting(client: RetryingClient, site: SettingSite, scope: TSESLint.Scope.Scope): string | undefined {
  const value = site.property.value;
  const numberValue = (node: TSESTree.Node) => {
    const result = staticValueOf(node, scope);
    return typeof result?.value === "number" ? result.value : undefined;
  };
  const nested = (key: string) => {
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const property = value.properties.find(
      (candidate): candidate is TSESTree.Property =>
        candidate.type === AST_NODE_TYPES.Property && !candidate.computed && candidate.key.type === AST_NODE_TYPES.Identifier && candidate.key.name === key,
    );
    return property ? numberValue(property.value) : undefined;
  };
  switch (client) {
    case "openai":
    case "anthropic":
    case "ai-sdk":
      return site.key === "maxRetries" && numberValue(value) === 0 ? "maxRetries: 0" : undefined;
    case "stripe":
      return site.key === "maxNetworkRetries" && numberValue(value) === 0 ? "maxNetworkRetries: 0" : undefined;
    case "aws": {
      const attempts = site.key === "maxAttempts" ? numberValue(value) : undefined;
      return attempts !== undefined && attempts <= 1 ? `maxAttempts: ${attempts}` : undefined;
    }
    case "got":
    case "ky":
      if (site.key !== "retry") return undefined;
      if (numberValue(value) === 0) return "retry: 0";
      return nested("limit") === 0 ? "retry: { limit: 0 }" : undefined;
    case "googleapis":
      if (site.key === "retry" && isStatic(value, scope, false)) return "retry: false";
      return site.key === "retryConfig" && nested("retry") === 0 ? "retryConfig: { retry: 0 }" : undefined;
  }
}
