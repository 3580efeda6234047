import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, unwrap } from "../../util/ast.js";
import { callLabel } from "./ast.js";
import { axiosShape, configUrl, hasKey, instanceBaseUrl, isUrlArgument, joinUrl, mayBeRequestObject, prefixed, requestConstruction, requestHasDeadline, requestHasSignal, superagentChain } from "./call-shapes.js";
import type { ClientInstance, OutboundCall, OutboundCollector } from "./outbound-collector.js";
import type { RetryReach } from "./retry-reach.js";
import { readOptions, urlText, urlTarget, type OptionsShape, type UrlText } from "./static-values.js";
import { addProperty, appendArgument, chainAfter, GOT_TIMEOUT_OPTION, inlineObject, insertArgumentBefore, SIGNAL_TIMEOUT, TIMEOUT_OPTION, type Fix } from "./suggestions.js";

export type ReportMessageId = "missingRetry" | "missingTimeout" | "retryDisabled" | "timeoutDisabled";
export type SuggestionMessageId = "addSignalTimeout" | "addTimeoutOption" | "addRequestTimeout" | "chainTimeout";

export interface Finding {
  node: TSESTree.Node;
  messageId: ReportMessageId;
  data: Record<string, string>;
  suggest: { messageId: SuggestionMessageId; fix: Fix }[];
}

export interface JudgeOptions {
  allowLocalhost: boolean;
  requireTimeout: boolean;
  ignoreUrls: readonly RegExp[];
}

const HINTS = {
  fetchRetry: "wrap it in a retry helper such as p-retry, or use a client that retries (ky, got)",
  fetchTimeout: "pass `signal: AbortSignal.timeout(ms)`",
  axiosTimeout: "set `timeout` on the call, on the instance (`axios.create({ timeout })`) or in `axios.defaults.timeout`",
  axiosInstanceTimeout: "add `timeout` to the instance config",
  gotTimeout: "pass `timeout: { request: ms }`",
  gotInstanceTimeout: "add `timeout: { request: ms }` to the instance options",
  httpRetry: "wrap the request in a retry helper such as p-retry",
  httpTimeout: "pass `signal: AbortSignal.timeout(ms)`, or set `timeout` and destroy the request on its 'timeout' event",
  undiciRetry: "send it through undici's RetryAgent or wrap it in a retry helper such as p-retry",
  superagentRetry: "chain `.retry(2)` or wrap the call in a retry helper",
  superagentTimeout: "chain `.timeout(ms)`",
  octokitRetry: "add @octokit/plugin-retry (`Octokit.plugin(retry)`) or use the `octokit` package, which includes it",
};

/** Turns what the collector saw into findings, at most one retry and one timeout finding per call. */
export class Judge {
  readonly #sourceCode: TSESLint.SourceCode;
  readonly #collector: OutboundCollector;
  readonly #reach: RetryReach;
  readonly #options: JudgeOptions;
  readonly #findings: Finding[] = [];
  /** Per axios instance: calls seen and how many set their own timeout. */
  readonly #instanceCallTimeouts = new Map<ClientInstance, { calls: number; withTimeout: number }>();

  constructor(sourceCode: TSESLint.SourceCode, collector: OutboundCollector, reach: RetryReach, options: JudgeOptions) {
    this.#sourceCode = sourceCode;
    this.#collector = collector;
    this.#reach = reach;
    this.#options = options;
  }

  judgeCalls(): Finding[] {
    for (const outbound of this.#collector.calls) {
      if (outbound.call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) continue;
      this.#judge(outbound);
    }
    this.#judgeInstanceTimeouts();
    return this.#findings;
  }

  #judge(outbound: OutboundCall): void {
    switch (outbound.kind) {
      case "fetch":
        return this.#judgeFetch(outbound.call, outbound.module);
      case "axios":
        return this.#judgeAxios(outbound.call, outbound.method, outbound.axiosName, undefined);
      case "axios-instance":
        return this.#judgeAxios(outbound.call, outbound.method, outbound.instance.key ?? "axios", outbound.instance);
      case "got":
        return this.#judgeGot(outbound.call, outbound.instance);
      case "http":
        return this.#judgeHttp(outbound.call, outbound.module);
      case "undici-request":
        return this.#judgeUndici(outbound.call, outbound.dispatcher);
      case "superagent":
        return this.#judgeSuperagent(outbound.call);
      case "octokit":
        return this.#judgeOctokit(outbound.call);
    }
  }

  #judgeFetch(call: TSESTree.CallExpression, module: string): void {
    const [input, init] = call.arguments;
    if (!input) return;
    const scope = this.#sourceCode.getScope(call);
    const request = requestConstruction(input, scope);
    if (!request && mayBeRequestObject(input, this.#sourceCode)) return; // forwarding a Request built elsewhere (proxies, service workers)
    const urlNode = request ? request.arguments[0] : input;
    if (urlNode && this.#exempt(urlText(urlNode, scope))) return;
    const options = readOptions(init, scope);
    if (options.kind === "opaque") return;

    const label = callLabel(call, this.#sourceCode);
    const retriedByDispatcher = (this.#collector.undiciRetry && (module === "fetch" || module === "undici")) || hasKey(options, "dispatcher");
    if (!retriedByDispatcher && !this.#reach.covers(call)) this.#missingRetry(call, label, HINTS.fetchRetry);

    if (!this.#options.requireTimeout) return;
    if (hasKey(options, "signal") || (module === "node-fetch" && hasKey(options, "timeout"))) return;
    if (request && requestHasSignal(request, scope)) return;
    if (this.#reach.coversTimeout(call)) return;
    const object = inlineObject(init);
    const fix = object
      ? addProperty(this.#sourceCode, object, SIGNAL_TIMEOUT)
      : options.kind === "absent" && call.arguments.length === 1
        ? appendArgument(this.#sourceCode, call, `{ ${SIGNAL_TIMEOUT} }`)
        : undefined;
    this.#missingTimeout(call, label, module, HINTS.fetchTimeout, fix && { messageId: "addSignalTimeout", fix });
  }

  #judgeAxios(call: TSESTree.CallExpression, method: string | undefined, target: string, instance: ClientInstance | undefined): void {
    if (call.arguments.length === 0 && !instance) return;
    const scope = this.#sourceCode.getScope(call);
    const shape = axiosShape(call, method, scope);
    if (!shape) return;
    const stats = instance && this.#statsOf(instance);
    if (stats) {
      stats.calls++;
      if (shape.config.kind === "opaque" || hasKey(shape.config, "timeout") || hasKey(shape.config, "signal")) stats.withTimeout++;
    }
    if (shape.config.kind === "opaque") return;
    const baseUrl = instance ? instanceBaseUrl(instance, "baseURL", scope) : configUrl(shape.config, "baseURL", scope);
    const path = shape.url ? urlText(shape.url, scope) : undefined;
    if (this.#exempt(joinUrl(baseUrl, path))) {
      if (stats) stats.withTimeout++; // a same-origin or local call does not need the instance timeout either
      return;
    }

    const label = callLabel(call, this.#sourceCode);
    const retried = this.#collector.axiosRetryTargets.has(target) || this.#collector.interceptedTargets.has(target);
    if (!retried && !this.#reach.covers(call)) {
      this.#missingRetry(call, label, `apply axios-retry to \`${target}\` or wrap the call in a retry helper such as p-retry`);
    }
    // Instances get one timeout finding, at axios.create(), where the fix belongs.
    if (instance || !this.#options.requireTimeout) return;
    if (hasKey(shape.config, "timeout") || hasKey(shape.config, "signal")) return;
    if (this.#collector.defaultTimeoutTargets.has(target) || this.#reach.coversTimeout(call)) return;
    const object = shape.configIndex === undefined ? undefined : inlineObject(call.arguments[shape.configIndex]);
    const fix = object
      ? addProperty(this.#sourceCode, object, TIMEOUT_OPTION)
      : shape.config.kind === "absent" && shape.configIndex !== undefined && call.arguments.length === shape.configIndex
        ? appendArgument(this.#sourceCode, call, `{ ${TIMEOUT_OPTION} }`)
        : undefined;
    this.#missingTimeout(call, label, "axios", HINTS.axiosTimeout, fix && { messageId: "addTimeoutOption", fix });
  }

  /**
   * got: no timeout by default ("By default, there's no timeout" in its docs), so calls without one
   * are reported like axios calls. Retries are got's own business: it retries idempotent requests.
   */
  #judgeGot(call: TSESTree.CallExpression, instance: ClientInstance | undefined): void {
    if (call.arguments.length === 0 && !instance) return;
    const scope = this.#sourceCode.getScope(call);
    const [first, second] = call.arguments;
    const optionsFirst = first !== undefined && unwrap(first).type === AST_NODE_TYPES.ObjectExpression;
    const optionsIndex = optionsFirst ? 0 : 1;
    const options = readOptions(call.arguments[optionsIndex], scope);
    const stats = instance && this.#statsOf(instance);
    if (stats) {
      stats.calls++;
      if (options.kind === "opaque" || hasKey(options, "timeout")) stats.withTimeout++;
    }
    if (options.kind === "opaque") return;
    const path = optionsFirst ? configUrl(options, "url", scope) : first && urlText(first, scope);
    const prefix = instance ? instanceBaseUrl(instance, "prefixUrl", scope) : configUrl(options, "prefixUrl", scope);
    if (this.#exempt(joinUrl(prefix, path))) {
      if (stats) stats.withTimeout++;
      return;
    }
    // Instances get one timeout finding, at got.extend(), where the fix belongs.
    if (instance || !this.#options.requireTimeout || hasKey(options, "timeout") || this.#reach.coversTimeout(call)) return;
    const object = inlineObject(call.arguments[optionsIndex]);
    const fix = object
      ? addProperty(this.#sourceCode, object, GOT_TIMEOUT_OPTION)
      : options.kind === "absent" && call.arguments.length === 1 && second === undefined
        ? appendArgument(this.#sourceCode, call, `{ ${GOT_TIMEOUT_OPTION} }`)
        : undefined;
    this.#missingTimeout(call, callLabel(call, this.#sourceCode), "got", HINTS.gotTimeout, fix && { messageId: "addRequestTimeout", fix });
  }

  /**
   * One timeout finding per `axios.create()` / `got.extend()` without a timeout, unless every call
   * through the instance in this file sets its own.
   */
  #judgeInstanceTimeouts(): void {
    if (!this.#options.requireTimeout) return;
    const { createdInstances, defaultTimeoutTargets } = this.#collector;
    // `axios.defaults.timeout = …`: a target that is not an instance of the file is the axios import itself.
    const axiosDefaults = [...defaultTimeoutTargets].some((key) => !this.#collector.instances.has(key));
    for (const instance of createdInstances) {
      const isAxios = instance.library === "axios";
      if (!isAxios && instance.library !== "got") continue;
      if (isAxios && axiosDefaults) continue;
      const create = instance.create;
      if (create.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) continue;
      const scope = this.#sourceCode.getScope(create);
      const config = readOptions(create.arguments[0], scope);
      if (config.kind === "opaque" || hasKey(config, "timeout") || (isAxios && hasKey(config, "signal"))) continue;
      const baseUrl = configUrl(config, isAxios ? "baseURL" : "prefixUrl", scope);
      if (baseUrl && this.#exempt(baseUrl)) continue;
      if (instance.key !== undefined && defaultTimeoutTargets.has(instance.key)) continue;
      const stats = this.#instanceCallTimeouts.get(instance);
      if (stats && stats.calls > 0 && stats.withTimeout === stats.calls) continue;
      const property = isAxios ? TIMEOUT_OPTION : GOT_TIMEOUT_OPTION;
      const object = inlineObject(create.arguments[0]);
      const fix = object
        ? addProperty(this.#sourceCode, object, property)
        : config.kind === "absent" && create.arguments.length === 0
          ? appendArgument(this.#sourceCode, create, `{ ${property} }`)
          : undefined;
      this.#missingTimeout(
        create,
        callLabel(create, this.#sourceCode),
        instance.library,
        isAxios ? HINTS.axiosInstanceTimeout : HINTS.gotInstanceTimeout,
        fix && { messageId: isAxios ? "addTimeoutOption" : "addRequestTimeout", fix },
      );
    }
  }

  #judgeHttp(call: TSESTree.CallExpression, module: string): void {
    const [first, second] = call.arguments;
    if (!first || isFunction(unwrap(first))) return;
    const scope = this.#sourceCode.getScope(call);
    let options: OptionsShape;
    let url: UrlText;
    let optionsArgument: TSESTree.Node | undefined;
    if (isUrlArgument(first, second, scope)) {
      url = urlText(first, scope);
      optionsArgument = second && !isFunction(unwrap(second)) ? second : undefined;
      options = readOptions(optionsArgument, scope);
    } else {
      optionsArgument = first;
      options = readOptions(first, scope);
      if (options.kind !== "literal") return;
      const host = options.keys.get("hostname") ?? options.keys.get("host");
      // Without a host, node:http talks to localhost.
      url = host ? prefixed("http://", urlText(host, scope)) : { text: "http://localhost", complete: true };
    }
    if (options.kind === "opaque" || this.#exempt(url)) return;

    const label = callLabel(call, this.#sourceCode);
    if (!this.#reach.covers(call)) this.#missingRetry(call, label, HINTS.httpRetry);
    if (!this.#options.requireTimeout) return;
    if (hasKey(options, "timeout") || hasKey(options, "signal")) return;
    if (requestHasDeadline(call, this.#sourceCode) || this.#reach.coversTimeout(call)) return;
    const object = inlineObject(optionsArgument);
    let fix: Fix | undefined;
    if (object) fix = addProperty(this.#sourceCode, object, SIGNAL_TIMEOUT);
    else if (options.kind === "absent" && call.arguments.length === 1) fix = appendArgument(this.#sourceCode, call, `{ ${SIGNAL_TIMEOUT} }`);
    else if (options.kind === "absent" && second && isFunction(unwrap(second)) && call.arguments.length === 2) {
      fix = insertArgumentBefore(second, `{ ${SIGNAL_TIMEOUT} }`);
    }
    this.#missingTimeout(call, label, `node:${module}`, HINTS.httpTimeout, fix && { messageId: "addSignalTimeout", fix });
  }

  #judgeUndici(call: TSESTree.CallExpression, dispatcher: ClientInstance | undefined): void {
    const scope = this.#sourceCode.getScope(call);
    const urlNode = dispatcher ? dispatcher.create.arguments[0] : call.arguments[0];
    if (!urlNode) return;
    const options = readOptions(dispatcher ? call.arguments[0] : call.arguments[1], scope);
    if (options.kind === "opaque" || hasKey(options, "dispatcher")) return;
    if (urlNode.type !== AST_NODE_TYPES.SpreadElement && this.#exempt(urlText(urlNode, scope))) return;
    if (this.#collector.undiciRetry || this.#reach.covers(call)) return;
    this.#missingRetry(call, callLabel(call, this.#sourceCode), HINTS.undiciRetry);
  }

  #judgeSuperagent(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee);
    const urlNode = callee.type === AST_NODE_TYPES.MemberExpression ? call.arguments[0] : (call.arguments[1] ?? call.arguments[0]);
    if (!urlNode) return;
    const scope = this.#sourceCode.getScope(call);
    if (this.#exempt(urlText(urlNode, scope))) return;
    const chain = superagentChain(call);
    if (!chain.sent || chain.methods.has("use")) return;

    const label = callLabel(call, this.#sourceCode);
    if (!chain.methods.has("retry") && !this.#reach.covers(call)) this.#missingRetry(call, label, HINTS.superagentRetry);
    if (!this.#options.requireTimeout || chain.methods.has("timeout") || this.#reach.coversTimeout(call)) return;
    this.#missingTimeout(call, label, "superagent", HINTS.superagentTimeout, { messageId: "chainTimeout", fix: chainAfter(call, ".timeout(10_000)") });
  }

  #judgeOctokit(node: TSESTree.NewExpression): void {
    if (this.#collector.octokitRetry) return;
    const scope = this.#sourceCode.getScope(node);
    const options = readOptions(node.arguments[0], scope);
    // A custom `request` (fetch, hooks) may well retry; leave it alone.
    if (options.kind === "opaque" || hasKey(options, "request")) return;
    const baseUrl = configUrl(options, "baseUrl", scope);
    if (baseUrl && this.#exempt(baseUrl)) return;
    if (this.#reach.covers(node)) return;
    this.#missingRetry(node, callLabel(node, this.#sourceCode), HINTS.octokitRetry);
  }

  #missingRetry(node: TSESTree.Node, call: string, hint: string): void {
    this.#findings.push({ node, messageId: "missingRetry", data: { call, hint }, suggest: [] });
  }

  #missingTimeout(
    node: TSESTree.Node,
    call: string,
    library: string,
    hint: string,
    suggestion: { messageId: SuggestionMessageId; fix: Fix } | undefined,
  ): void {
    this.#findings.push({ node, messageId: "missingTimeout", data: { call, library, hint }, suggest: suggestion ? [suggestion] : [] });
  }

  /** Same-origin, local (when allowed) and ignored URLs need no retry or timeout. */
  #exempt(url: UrlText | undefined): boolean {
    if (!url) return false;
    const target = urlTarget(url);
    if (target === "relative" || target === "inline") return true;
    if (target === "local" && this.#options.allowLocalhost) return true;
    return this.#options.ignoreUrls.some((pattern) => pattern.test(url.text));
  }

  #statsOf(instance: ClientInstance): { calls: number; withTimeout: number } {
    let stats = this.#instanceCallTimeouts.get(instance);
    if (!stats) {
      stats = { calls: 0, withTimeout: 0 };
      this.#instanceCallTimeouts.set(instance, stats);
    }
    return stats;
  }
}
