import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { functionName, type FunctionNode, isFunction, lastSegmentName, unwrap, walk } from "../ast.js";
import { assignedKey, memberChainRoot, receiverKey } from "./ast.js";
import { POLICY_OBJECT_NAME, POLICY_RUN_METHODS, RETRY_NAME, type LibraryRole } from "./libraries.js";
import { readOptions, staticValueOf } from "./static-values.js";

/** TanStack Query hooks: they retry a failing `queryFn` 3 times by default (on the client). */
const QUERY_HOOKS = new Set([
  "useQuery",
  "useInfiniteQuery",
  "useSuspenseQuery",
  "useSuspenseInfiniteQuery",
  "queryOptions",
  "infiniteQueryOptions",
  "createQuery",
  "injectQuery",
]);
/** SWR hooks: they retry a failing fetcher with exponential backoff by default. */
const SWR_HOOKS = new Set(["useSWR", "useSWRImmutable", "useSWRInfinite"]);

/** Loop headers that count attempts: `for (let attempt = 0; attempt < 3; attempt++)`. */
const ATTEMPT_COUNTER = /attempt|retry|retries|tries/i;
/** Calls that bound a promise in time: `pTimeout(p, ms)`, `withTimeout(p)`, `Promise.race([p, timer])`. */
const TIMEOUT_WRAPPER = /timeout/i;
const TIMER_FUNCTIONS = new Set(["setTimeout", "clearTimeout", "setInterval", "clearInterval"]);

/** Upper bound on functions scanned when following calls out of a retry wrapper; keeps huge files fast. */
const MAX_FUNCTIONS_FOLLOWED = 300;

export interface RetryReachInput {
  sourceCode: TSESLint.SourceCode;
  roles: ReadonlyMap<string, LibraryRole>;
  extraWrappers: ReadonlySet<string>;
  /** Functions of the user's own that put a deadline on what they are given (require-timeout's `timeoutWrappers`). */
  timeoutWrappers?: ReadonlySet<string>;
}

/**
 * Answers "is this call already retried?" for one file. Calls that might run a function again on
 * failure are collected while ESLint walks the file; the answer is worked out once, at the end,
 * because a helper may be defined below its first use.
 */
export class RetryReach {
  readonly #input: RetryReachInput;
  readonly #namedFunctions = new Map<string, FunctionNode[]>();
  readonly #possibleWrapperCalls: TSESTree.CallExpression[] = [];
  /** Variables and fields holding a policy or operation: `const policy = retry(handleAll, …)`. */
  readonly #policyKeys = new Set<string>();
  readonly #looksLikeRetryCache = new Map<FunctionNode, boolean>();
  #wrappedFunctions: Set<TSESTree.Node> | undefined;
  #coveredNames: Set<string> | undefined;

  constructor(input: RetryReachInput) {
    this.#input = input;
  }

  /** Remembers every named function, so wrappers can be followed to the functions they call. */
  onFunction(fn: FunctionNode): void {
    const name = functionName(fn);
    if (name === undefined) return;
    const list = this.#namedFunctions.get(name);
    if (list) list.push(fn);
    else this.#namedFunctions.set(name, [fn]);
  }

  /** Cheap filter run on every call: keeps the ones that may run a function again. */
  onCall(call: TSESTree.CallExpression): void {
    const callee = unwrap(call.callee);
    const name = lastSegmentName(callee);
    if (name === undefined) return;
    const role = callee.type === AST_NODE_TYPES.Identifier ? this.#input.roles.get(name) : undefined;
    // Runs on every call of the file: the name is tested once, and the member chain's root only when it matters.
    const retryNamed = RETRY_NAME.test(name);
    if (retryNamed || role?.kind === "retry-policy-factory" || (this.#input.roles.size > 0 && this.#rootRole(callee)?.kind === "retry-policy-factory")) {
      const key = assignedKey(call);
      if (key !== undefined) this.#policyKeys.add(key);
    }
    if (
      retryNamed ||
      POLICY_RUN_METHODS.has(name) ||
      QUERY_HOOKS.has(name) ||
      SWR_HOOKS.has(name) ||
      this.#input.extraWrappers.has(name) ||
      role?.kind === "retry-wrapper"
    ) {
      this.#possibleWrapperCalls.push(call);
    }
  }

  /** True when a retry wrapper, a hand-written retry loop or a retrying caller surrounds `node`. */
  covers(node: TSESTree.Node): boolean {
    this.#prepare();
    const wrapped = this.#wrappedFunctions as Set<TSESTree.Node>;
    const coveredNames = this.#coveredNames as Set<string>;
    let insideTryBlock = false;
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (isFunction(parent)) {
        if (wrapped.has(parent)) return true;
        const name = functionName(parent);
        if (name !== undefined && coveredNames.has(name)) return true;
        if (name !== undefined && RETRY_NAME.test(name) && this.#looksLikeRetry(parent)) return true;
        if (this.#retriesItself(parent, name)) return true;
      } else if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child) {
        insideTryBlock = true;
      } else if (
        parent.type === AST_NODE_TYPES.ForStatement ||
        parent.type === AST_NODE_TYPES.WhileStatement ||
        parent.type === AST_NODE_TYPES.DoWhileStatement
      ) {
        // try/catch inside a counted loop is the hand-written retry agents and people both write.
        if (insideTryBlock || this.#loopCountsAttempts(parent)) return true;
      } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === child && this.#isRetryOperatorPipe(parent)) {
        return true;
      }
    }
    return false;
  }

  /** True when a timeout wrapper (`pTimeout`, `Promise.race`) surrounds `node`. */
  coversTimeout(node: TSESTree.Node): boolean {
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (parent.type !== AST_NODE_TYPES.CallExpression) continue;
      const name = lastSegmentName(parent.callee);
      if (name === undefined || TIMER_FUNCTIONS.has(name)) continue;
      if (TIMEOUT_WRAPPER.test(name) || this.#isListedTimeoutWrapper(parent.callee, name)) return true;
      if (name === "race" && receiverKey(memberChainRoot(parent.callee)) === "Promise") return true;
    }
    return false;
  }

  #isListedTimeoutWrapper(callee: TSESTree.Node, name: string): boolean {
    const listed = this.#input.timeoutWrappers;
    if (!listed || listed.size === 0) return false;
    return listed.has(name) || listed.has(this.#input.sourceCode.getText(callee).replace(/\s+/g, ""));
  }

  /** True when `call` runs its function arguments again on failure. */
  isRetryWrapperCall(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    const name = lastSegmentName(callee);
    if (name === undefined) return false;
    const { extraWrappers, roles, sourceCode } = this.#input;
    if (extraWrappers.has(name) || extraWrappers.has(sourceCode.getText(callee).replace(/\s+/g, ""))) return true;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const role = roles.get(name);
      if (role?.kind === "retry-wrapper") return true;
      // cockatiel's `retry(handleAll, …)` and `retry.operation()` build policies; they run nothing yet.
      if (role !== undefined) return false;
      if (QUERY_HOOKS.has(name) || SWR_HOOKS.has(name)) return this.#hookRetries(call, name);
      return RETRY_NAME.test(name) && this.#retryHelperNamed(name);
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const objectKey = receiverKey(callee.object);
    if (POLICY_RUN_METHODS.has(name)) {
      return objectKey !== undefined && (this.#policyKeys.has(objectKey) || POLICY_OBJECT_NAME.test(objectKey));
    }
    if (!RETRY_NAME.test(name)) return false;
    if (this.#rootRole(callee)?.kind === "retry-wrapper") return true;
    return this.#retryHelperNamed(name);
  }

  /** A helper called by name: trusted when the rule cannot see its body, checked when it can. */
  #retryHelperNamed(name: string): boolean {
    const local = this.#namedFunctions.get(name);
    if (!local) return true;
    return local.some((fn) => this.#looksLikeRetry(fn));
  }

  /** A query hook retries unless its options say `retry: false` / `retry: 0` (SWR: `shouldRetryOnError: false`). */
  #hookRetries(call: TSESTree.CallExpression, name: string): boolean {
    const optionsArgument = SWR_HOOKS.has(name) ? call.arguments[2] : call.arguments[0];
    if (!optionsArgument) return true;
    const scope = this.#input.sourceCode.getScope(call);
    const options = readOptions(optionsArgument, scope);
    if (options.kind !== "literal") return true;
    const switchKey = SWR_HOOKS.has(name) ? "shouldRetryOnError" : "retry";
    const setting = options.keys.get(switchKey);
    if (!setting) return true;
    const value = staticValueOf(setting, scope);
    return !(value && (value.value === false || value.value === 0));
  }

  #rootRole(callee: TSESTree.Node): LibraryRole | undefined {
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const root = memberChainRoot(callee);
    return root.type === AST_NODE_TYPES.Identifier ? this.#input.roles.get(root.name) : undefined;
  }

  /** Works out, once per file, which functions run inside a retry wrapper. */
  #prepare(): void {
    if (this.#wrappedFunctions) return;
    const wrapped = new Set<TSESTree.Node>();
    const coveredNames = new Set<string>();
    const toScan: TSESTree.Node[] = [];

    const cover = (argument: TSESTree.Node) => {
      const expression = unwrap(argument);
      if (isFunction(expression)) {
        wrapped.add(expression);
        toScan.push(expression.body);
      } else if (expression.type === AST_NODE_TYPES.Identifier) {
        coveredNames.add(expression.name);
      } else if (expression.type === AST_NODE_TYPES.MemberExpression) {
        const name = lastSegmentName(expression);
        if (name !== undefined) coveredNames.add(name);
      } else if (expression.type === AST_NODE_TYPES.CallExpression) {
        // pRetry(this.load.bind(this)), pRetry(() => …) built by a factory: follow the callee.
        const callee = unwrap(expression.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && lastSegmentName(callee) === "bind") cover(callee.object);
      }
    };

    for (const call of this.#possibleWrapperCalls) {
      if (!this.isRetryWrapperCall(call)) continue;
      const name = lastSegmentName(unwrap(call.callee)) ?? "";
      if (QUERY_HOOKS.has(name)) {
        const options = call.arguments[0];
        if (options?.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of options.properties) {
            if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === "queryFn") {
              cover(property.value);
            }
          }
        }
      } else if (SWR_HOOKS.has(name)) {
        if (call.arguments[1]) cover(call.arguments[1]);
      } else {
        for (const argument of call.arguments) if (argument.type !== AST_NODE_TYPES.SpreadElement) cover(argument);
      }
    }

    // Follow calls out of wrapped code: pRetry(() => this.sync()) covers what sync() calls, and so on.
    const scannedNames = new Set<string>();
    let followed = 0;
    const queueNamed = () => {
      for (const name of coveredNames) {
        if (scannedNames.has(name)) continue;
        scannedNames.add(name);
        for (const fn of this.#namedFunctions.get(name) ?? []) toScan.push(fn.body);
      }
    };
    queueNamed();
    while (toScan.length > 0 && followed < MAX_FUNCTIONS_FOLLOWED) {
      const body = toScan.pop() as TSESTree.Node;
      followed++;
      walk(body, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return;
        const name = lastSegmentName(node.callee);
        if (name !== undefined) coveredNames.add(name);
        for (const argument of node.arguments) {
          if (argument.type === AST_NODE_TYPES.Identifier) coveredNames.add(argument.name);
        }
      });
      queueNamed();
    }
    this.#wrappedFunctions = wrapped;
    this.#coveredNames = coveredNames;
  }

  /** A retry helper's body does retry: it loops, calls itself, or hands over to a retry library. */
  #looksLikeRetry(fn: FunctionNode): boolean {
    const cached = this.#looksLikeRetryCache.get(fn);
    if (cached !== undefined) return cached;
    this.#looksLikeRetryCache.set(fn, false);
    const ownName = functionName(fn);
    let retries = false;
    walk(fn.body, (node) => {
      if (retries) return false;
      switch (node.type) {
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.ForInStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
          retries = true;
          return false;
        case AST_NODE_TYPES.CallExpression: {
          const name = lastSegmentName(node.callee);
          if (name === undefined) return;
          const role = this.#input.roles.get(name);
          if (role?.kind === "retry-wrapper" || role?.kind === "retry-policy-factory") retries = true;
          else if (name === ownName || callsEnclosingFunction(node, name, fn)) retries = true;
          else if (RETRY_NAME.test(name) && (this.#namedFunctions.get(name) ?? []).every((other) => other !== fn)) retries = true;
          return;
        }
        default:
          return;
      }
    });
    this.#looksLikeRetryCache.set(fn, retries);
    return retries;
  }

  /** `async function load(url, attempt = 0) { … catch { return load(url, attempt + 1) } }`. */
  #retriesItself(fn: FunctionNode, name: string | undefined): boolean {
    if (name === undefined) return false;
    const countsAttempts = fn.params.some((param) => {
      const id = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      return id.type === AST_NODE_TYPES.Identifier && ATTEMPT_COUNTER.test(id.name);
    });
    return countsAttempts && this.#looksLikeRetry(fn);
  }

  #loopCountsAttempts(loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement): boolean {
    const { sourceCode } = this.#input;
    const parts = loop.type === AST_NODE_TYPES.ForStatement ? [loop.init, loop.test, loop.update] : [loop.test];
    return parts.some((part) => part !== null && ATTEMPT_COUNTER.test(sourceCode.getText(part)));
  }

  /** RxJS: `from(fetch(url)).pipe(retry(3))`. */
  #isRetryOperatorPipe(call: TSESTree.CallExpression): boolean {
    if (lastSegmentName(call.callee) !== "pipe") return false;
    return call.arguments.some(
      (argument) => argument.type === AST_NODE_TYPES.CallExpression && RETRY_NAME.test(lastSegmentName(argument.callee) ?? ""),
    );
  }
}

/** A call to a function declared inside `outer` from within that same function (nested recursion). */
function callsEnclosingFunction(call: TSESTree.Node, name: string, outer: FunctionNode): boolean {
  for (let parent = call.parent; parent && parent !== outer; parent = parent.parent) {
    if (isFunction(parent) && functionName(parent) === name) return true;
  }
  return false;
}
