import type { ModuleBinding } from "../module-bindings.js";
import { packageName } from "../module-bindings.js";

/** Clients that retry on their own; the rule only speaks up when a setting turns that off. */
export type RetryingClient = "got" | "ky" | "openai" | "anthropic" | "stripe" | "aws" | "googleapis" | "ai-sdk";

/** What a local name stands for, as far as this rule cares. */
export type LibraryRole =
  | { kind: "fetch"; module: string }
  | { kind: "axios" }
  | { kind: "axios-retry" }
  | { kind: "retry-axios" }
  | { kind: "undici" }
  | { kind: "undici-request" }
  | { kind: "undici-dispatcher" }
  | { kind: "undici-retry" }
  | { kind: "node-http"; module: string }
  | { kind: "node-http-request"; module: string; method: string }
  | { kind: "superagent" }
  | { kind: "octokit" }
  | { kind: "octokit-retry-plugin" }
  | { kind: "retrying-client"; client: RetryingClient }
  | { kind: "retry-wrapper" }
  | { kind: "retry-policy-factory" };

/** Facts about the clients that retry by default, quoted in messages. Checked against each package's source. */
export const RETRYING_CLIENTS: Record<RetryingClient, { library: string; retryPolicy: string }> = {
  got: { library: "got", retryPolicy: "retries failed GET/PUT/HEAD/DELETE requests 2 times" },
  ky: { library: "ky", retryPolicy: "retries failed GET/PUT/HEAD/DELETE requests 2 times" },
  openai: { library: "openai", retryPolicy: "retries failed requests 2 times" },
  anthropic: { library: "@anthropic-ai/sdk", retryPolicy: "retries failed requests 2 times" },
  stripe: { library: "stripe", retryPolicy: "retries failed requests 2 times (1 time in v13–v16)" },
  aws: { library: "AWS SDK v3", retryPolicy: "makes up to 3 attempts (standard retry mode)" },
  googleapis: { library: "googleapis", retryPolicy: "retries failed requests 3 times" },
  "ai-sdk": { library: "the AI SDK (ai)", retryPolicy: "retries failed model calls 2 times" },
};

/** Functions of the AI SDK (`ai` package) that take `maxRetries` (default 2) in their options. */
const AI_SDK_CALLS = new Set(["generateText", "streamText", "generateObject", "streamObject", "embed", "embedMany", "generateImage", "generateSpeech", "transcribe"]);

/** Packages that export a fetch-compatible function. */
const FETCH_PACKAGES = new Set(["node-fetch", "cross-fetch", "isomorphic-fetch", "isomorphic-unfetch", "@whatwg-node/fetch"]);

/** Packages whose default export runs a function again on failure: `pRetry(fn)`, `retry(fn)`, `backOff(fn)`. */
const RETRY_WRAPPER_PACKAGES = new Set([
  "p-retry",
  "async-retry",
  "promise-retry",
  "retry-as-promised",
  "exponential-backoff",
  "@lifeomic/attempt",
  "ts-retry-promise",
  "ts-retry",
  "async",
]);

/** Packages whose functions build a retry policy or operation that later runs a function. */
const RETRY_POLICY_PACKAGES = new Set(["cockatiel", "retry"]);

const UNDICI_RETRY_EXPORTS = new Set(["RetryAgent", "RetryHandler", "interceptors"]);
const UNDICI_DISPATCHERS = new Set(["Pool", "Client", "Agent", "BalancedPool"]);

/** Works out what an imported or required name is, or undefined when the rule has no interest in it. */
function roleOfBinding(binding: ModuleBinding): LibraryRole | undefined {
  const pkg = packageName(binding.source);
  const whole = binding.imported === "default" || binding.imported === "*";
  switch (pkg) {
    case "axios":
      return whole || binding.imported === "axios" ? { kind: "axios" } : undefined;
    case "axios-retry":
      return whole || binding.imported === "axiosRetry" ? { kind: "axios-retry" } : undefined;
    case "retry-axios":
      return { kind: "retry-axios" };
    case "got":
      return whole || binding.imported === "got" ? { kind: "retrying-client", client: "got" } : undefined;
    case "ky":
    case "ky-universal":
      return whole ? { kind: "retrying-client", client: "ky" } : undefined;
    case "undici":
      if (whole) return { kind: "undici" };
      if (binding.imported === "fetch") return { kind: "fetch", module: "undici" };
      if (binding.imported === "request") return { kind: "undici-request" };
      if (UNDICI_DISPATCHERS.has(binding.imported)) return { kind: "undici-dispatcher" };
      if (UNDICI_RETRY_EXPORTS.has(binding.imported)) return { kind: "undici-retry" };
      return undefined;
    case "http":
    case "https":
      if (!binding.source.startsWith("node:") && binding.source !== pkg) return undefined;
      if (whole) return { kind: "node-http", module: pkg };
      if (binding.imported === "request" || binding.imported === "get") {
        return { kind: "node-http-request", module: pkg, method: binding.imported };
      }
      return undefined;
    case "superagent":
      return whole ? { kind: "superagent" } : undefined;
    case "openai":
      return whole || binding.imported === "OpenAI" || binding.imported === "AzureOpenAI"
        ? { kind: "retrying-client", client: "openai" }
        : undefined;
    case "@anthropic-ai/sdk":
      return whole || binding.imported === "Anthropic" ? { kind: "retrying-client", client: "anthropic" } : undefined;
    case "stripe":
      return whole || binding.imported === "Stripe" ? { kind: "retrying-client", client: "stripe" } : undefined;
    case "googleapis":
      return binding.imported === "google" || whole ? { kind: "retrying-client", client: "googleapis" } : undefined;
    case "@octokit/rest":
    case "@octokit/core":
      return binding.imported === "Octokit" ? { kind: "octokit" } : undefined;
    case "@octokit/plugin-retry":
      return { kind: "octokit-retry-plugin" };
    case "ai":
      return AI_SDK_CALLS.has(binding.imported) ? { kind: "retrying-client", client: "ai-sdk" } : undefined;
    default:
      break;
  }
  if (pkg.startsWith("@aws-sdk/client-")) {
    return binding.imported.endsWith("Client") || binding.imported === "*" ? { kind: "retrying-client", client: "aws" } : undefined;
  }
  if (FETCH_PACKAGES.has(pkg)) return whole || binding.imported === "fetch" ? { kind: "fetch", module: pkg } : undefined;
  if (RETRY_WRAPPER_PACKAGES.has(pkg)) {
    // From the `async` utility belt only `retry`/`retryable` are retry wrappers.
    if (pkg === "async") return binding.imported === "retry" || binding.imported === "retryable" ? { kind: "retry-wrapper" } : undefined;
    return { kind: "retry-wrapper" };
  }
  if (RETRY_POLICY_PACKAGES.has(pkg)) return { kind: "retry-policy-factory" };
  return undefined;
}

/**
 * Every package (or scope prefix, followed by a package name) that `roleOfBinding` can give a role to. The
 * specifier check, the text gates and the tests that keep them complete are all built from these two lists.
 */
export const OUTBOUND_PACKAGES: readonly string[] = [
  "axios",
  "axios-retry",
  "retry-axios",
  "got",
  "ky",
  "ky-universal",
  "undici",
  "http",
  "https",
  "superagent",
  "openai",
  "stripe",
  "googleapis",
  "ai",
  "@anthropic-ai/sdk",
  ...FETCH_PACKAGES,
  ...RETRY_WRAPPER_PACKAGES,
  ...RETRY_POLICY_PACKAGES,
];
export const OUTBOUND_PACKAGE_PREFIXES: readonly string[] = ["@octokit/", "@aws-sdk/client-"];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** The module part of a specifier, e.g. `axios` or `@octokit/rest`, as a regular-expression alternation. */
const OUTBOUND_MODULE = [
  ...OUTBOUND_PACKAGES.map(escapeRegExp),
  ...OUTBOUND_PACKAGE_PREFIXES.map((prefix) => `${escapeRegExp(prefix)}[\\w-]+`),
].join("|");

/** Cheap first pass over module specifiers: most imports of a file (react, lodash, ./x) are of no interest. */
const INTERESTING_SOURCE = new RegExp(`^(?:node:)?(?:${OUTBOUND_MODULE})(?:\\/|$)`);

/** `require("axios")`, `import("got")` written inline, where no local name holds the module. */
const INLINE_INTERESTING_LOAD = new RegExp(`\\b(?:require|import)\\s*\\(\\s*["'\`](?:node:)?(?:${OUTBOUND_MODULE})(?:\\/|["'\`])`);

/**
 * An interesting module name written as a string literal anywhere in the text: every import or require that
 * can give a name a role, and every inline load, is one. A superset of INLINE_INTERESTING_LOAD.
 */
const INTERESTING_SOURCE_LITERAL = new RegExp(`["'\`](?:node:)?(?:${OUTBOUND_MODULE})(?:\\/|["'\`])`);

/** True when an HTTP/SDK/retry module is named in a string literal: the only way an import can get a role. */
export function namesOutboundModule(text: string): boolean {
  return INTERESTING_SOURCE_LITERAL.test(text);
}

/**
 * INTERESTING_SOURCE_LITERAL or the letters `fetch` anywhere: one scan that costs what the module scan alone
 * costs, where the module scan and then the `fetch` word scan cost both. `mentionsFetchToken` needs `fetch`.
 */
const INTERESTING_SOURCE_LITERAL_OR_FETCH = new RegExp(`${INTERESTING_SOURCE_LITERAL.source}|fetch`);

/**
 * False when the text neither names an outbound module in a string (`namesOutboundModule`) nor contains `fetch`
 * (which `mentionsFetchToken` needs): then both of them are false too, and the file can make no request.
 */
export function mayNameModuleOrFetch(text: string): boolean {
  return INTERESTING_SOURCE_LITERAL_OR_FETCH.test(text);
}

/** True when such a module is loaded inline (`require("stripe")(key)`), where no local name holds it. */
export function loadsOutboundModuleInline(text: string): boolean {
  return INTERESTING_SOURCE_LITERAL.test(text) && INLINE_INTERESTING_LOAD.test(text);
}

/** Indexes a file's imports by local name, keeping only names with a role. */
export function collectLibraryRoles(bindings: ReadonlyMap<string, ModuleBinding>): Map<string, LibraryRole> {
  const roles = new Map<string, LibraryRole>();
  for (const [localName, binding] of bindings) {
    if (!INTERESTING_SOURCE.test(binding.source)) continue;
    const role = roleOfBinding(binding);
    if (role) roles.set(localName, role);
  }
  return roles;
}

/** Names that say "this runs its argument again on failure". Not /retr/: that would match `retrieve`. */
export const RETRY_NAME = /retry|retries|retrying|retriable|back_?off/i;

/** Methods of a policy or operation object that run the function they are given. */
export const POLICY_RUN_METHODS = new Set(["execute", "attempt"]);

/** Objects whose `.execute(fn)` is a resilience policy even when the rule cannot see where it was built. */
export const POLICY_OBJECT_NAME = /retry|retries|polic(y|ies)|resilien|back_?off/i;

const AXIOS_METHODS_WITH_BODY = new Set(["post", "put", "patch", "postForm", "putForm", "patchForm"]);
const AXIOS_METHODS_WITHOUT_BODY = new Set(["get", "delete", "head", "options"]);
export const SUPERAGENT_METHODS = new Set(["get", "post", "put", "patch", "del", "delete", "head", "options"]);

/** Where the request config sits in an axios call, or undefined when it depends on the first argument. */
export function axiosConfigIndex(method: string | undefined): number | undefined {
  if (method === undefined) return undefined;
  if (method === "request") return 0;
  if (AXIOS_METHODS_WITH_BODY.has(method)) return 2;
  if (AXIOS_METHODS_WITHOUT_BODY.has(method)) return 1;
  return undefined;
}

export function isAxiosRequestMethod(method: string): boolean {
  return method === "request" || AXIOS_METHODS_WITH_BODY.has(method) || AXIOS_METHODS_WITHOUT_BODY.has(method);
}
