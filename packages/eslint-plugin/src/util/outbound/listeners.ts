import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { type FunctionNode, walk } from "../ast.js";
import { collectModuleBindings } from "../module-bindings.js";
import { perOptions } from "../per-options.js";
import { isTestFile } from "../test-files.js";
import { mentionsFetchToken } from "./fetch-token.js";
import { Judge, type Concern, type Finding, type JudgeOptions } from "./judge.js";
import { collectLibraryRoles, type LibraryRole, loadsOutboundModuleInline, mayNameModuleOrFetch, namesOutboundModule } from "./libraries.js";
import { OutboundCollector } from "./outbound-collector.js";
import { RetryReach } from "./retry-reach.js";
import { SettingsJudge } from "./settings-judge.js";

/** The options require-retry and require-timeout share, plus their own wrapper lists. */
export interface OutboundRuleOptions {
  concern: Concern;
  allowLocalhost: boolean;
  ignoreUrls: readonly string[];
  retryWrappers?: readonly string[];
  timeoutWrappers?: readonly string[];
  /** The rule's id, for the message of a bad `ignoreUrls` pattern. */
  ruleId: string;
}

/** Compiled `ignoreUrls`, worked out once per options object (every file of a configuration shares it). */
const judgeOptionsOf = perOptions((options: OutboundRuleOptions): JudgeOptions => ({
  allowLocalhost: options.allowLocalhost,
  concern: options.concern,
  ignoreUrls: compileIgnoreUrls(options.ignoreUrls, options.ruleId),
}));

function compileIgnoreUrls(patterns: readonly string[], ruleId: string): RegExp[] {
  return patterns.map((pattern) => {
    try {
      return new RegExp(pattern);
    } catch {
      throw new Error(`vibeguard/${ruleId}: ignoreUrls entry ${JSON.stringify(pattern)} is not a valid regular expression.`);
    }
  });
}

/** One file's collection, shared by require-retry and require-timeout when both are on. */
interface FileCollection {
  collector: OutboundCollector;
  reach: RetryReach;
  roles: ReadonlyMap<string, LibraryRole>;
  retryWrappers: Set<string>;
  timeoutWrappers: Set<string>;
  /**
   * The file names no HTTP/SDK module, so only calls to the platform's `fetch` can be reported: ESLint's walk
   * only looks for one, and the full collection is replayed at the end when it finds one (rarely).
   */
  fetchOnly: boolean;
  sawFetchCall: boolean;
  resolved: boolean;
}

/**
 * The collection of the file being linted (null: it cannot make a request), for its AST (`currentProgram`),
 * which ESLint builds afresh for every lint: the first of the two rules to be created for a file decides and
 * collects during the traversal, the other reads the decision and only judges at Program:exit. ESLint creates
 * every rule for one file before it moves to the next, so one slot does the work of a WeakMap at a fraction
 * of its cost per file (it keeps the last file's AST until the next lint).
 */
let currentProgram: TSESTree.Program | undefined;
let currentCollection: FileCollection | null = null;

let gatedProgram: TSESTree.Program | undefined;
let gatedAnswer = false;

/**
 * False when the file can make no request: it names no HTTP/SDK/retry module in a string and does not contain
 * `fetch` (see `mayNameModuleOrFetch`). The first thing both rules ask, before they build anything for the file;
 * the answer is kept for the file's AST, so the second rule pays one comparison. Kept small on purpose: it runs
 * for every file, and measured on the bench corpus a call into `outboundCallListeners` for a file it rules out
 * cost about as much again as this test.
 */
export function mayMakeRequests(sourceCode: TSESLint.SourceCode): boolean {
  const program = sourceCode.ast;
  if (program !== gatedProgram) {
    gatedProgram = program;
    gatedAnswer = mayNameModuleOrFetch(sourceCode.text);
  }
  return gatedAnswer;
}

/** What the outbound rules read from their rule context, only as far as the file gets. */
export interface OutboundRuleContext {
  readonly sourceCode: TSESLint.SourceCode;
  readonly filename: string;
}

const NO_ROLES: ReadonlyMap<string, LibraryRole> = new Map();

/**
 * The listeners both outbound-call rules run: collect the file's network calls, client instances and
 * settings while ESLint walks it (once per file, whichever rules are on), then judge them for one concern
 * at Program:exit and hand each finding to `report`.
 */
export function outboundCallListeners(
  context: OutboundRuleContext,
  settingsOf: () => OutboundRuleOptions,
  report: (finding: Finding) => void,
): TSESLint.RuleListener {
  // Cheapest and most selective first: the text rules out most files, and the second rule of the two reads
  // the first one's answer. Whether the file is a test, and the options, matter only to files that get past it.
  const sourceCode = context.sourceCode;
  const program = sourceCode.ast;
  const existing = currentProgram === program ? currentCollection : undefined;
  if (existing === null) return {};
  const collection = existing ?? startCollection(sourceCode);
  if (!collection) return {};
  if (isTestFile(context.filename)) return {};
  const options = settingsOf();
  for (const name of options.retryWrappers ?? []) collection.retryWrappers.add(name);
  for (const name of options.timeoutWrappers ?? []) collection.timeoutWrappers.add(name);

  const judge = () => {
    const { collector, reach, roles } = collection;
    if (!collection.resolved) {
      if (collection.fetchOnly && collection.sawFetchCall) replayCollection(sourceCode, collection);
      collector.resolveInstanceCalls();
      collection.resolved = true;
    }
    if (collector.calls.length === 0 && collector.createdInstances.length === 0 && collector.settings.length === 0) return;
    new Judge(sourceCode, collector, reach, judgeOptionsOf(options)).judgeCalls().forEach(report);
    new SettingsJudge(sourceCode, collector, reach, roles, options.concern).judge().forEach(report);
  };
  if (existing) return { "Program:exit": judge };
  if (collection.fetchOnly) {
    return {
      CallExpression(node) {
        if (!collection.sawFetchCall && collection.collector.isPlatformFetchCall(node)) collection.sawFetchCall = true;
      },
      "Program:exit": judge,
    };
  }
  return { ...collectingListeners(collection), "Program:exit": judge };
}

/** The listeners that fill a collection, keyed by node type: ESLint calls them, and so does the replay. */
function collectingListeners({ collector, reach }: FileCollection): CollectingListeners {
  const onFunction = (node: FunctionNode) => reach.onFunction(node);
  return {
    CallExpression(node) {
      collector.onCall(node);
      reach.onCall(node);
    },
    NewExpression: (node) => collector.onNew(node),
    Property: (node) => collector.onProperty(node),
    AssignmentExpression: (node) => collector.onAssignment(node),
    FunctionDeclaration: onFunction,
    FunctionExpression: onFunction,
    ArrowFunctionExpression: onFunction,
  };
}

interface CollectingListeners {
  CallExpression(node: TSESTree.CallExpression): void;
  NewExpression(node: TSESTree.NewExpression): void;
  Property(node: TSESTree.Property): void;
  AssignmentExpression(node: TSESTree.AssignmentExpression): void;
  FunctionDeclaration(node: FunctionNode): void;
  FunctionExpression(node: FunctionNode): void;
  ArrowFunctionExpression(node: FunctionNode): void;
}

/**
 * Fills a fetch-only file's collection after the fact, calling the collecting listeners on every node in the
 * order ESLint's own walk does (depth first, children in visitor-key order), so the result is the one a
 * collection during the walk would have given.
 */
function replayCollection(sourceCode: TSESLint.SourceCode, collection: FileCollection): void {
  const listeners = collectingListeners(collection) as unknown as Record<string, ((node: TSESTree.Node) => void) | undefined>;
  walk(
    sourceCode.ast,
    (node) => {
      listeners[node.type]?.(node);
    },
    sourceCode.visitorKeys,
  );
}

/** The file's collection, or undefined (remembered as null) when the file cannot make a request at all. */
function startCollection(sourceCode: TSESLint.SourceCode): FileCollection | undefined {
  // Most files of a code base cannot make a request at all: decide from the text first, so that such a
  // file's imports are never collected and ESLint's walk calls none of the listeners.
  // A library role needs an import or require of one of the libraries' modules, so a text that names none
  // has no roles; a client instance needs a role or an inline load (`require("stripe")(key)`), and a setting
  // is judged only on a role's or an instance's call. Without any of them only the platform's `fetch`
  // can be called, and calling it needs the word `fetch`.
  const { text } = sourceCode;
  currentProgram = sourceCode.ast;
  currentCollection = null;
  // One scan rules out most files (the rules ask it first): it finds every text either test below can find.
  if (!mayMakeRequests(sourceCode)) return undefined;
  const namesModule = namesOutboundModule(text);
  const roles = namesModule ? collectLibraryRoles(collectModuleBindings(sourceCode.ast)) : NO_ROLES;
  const fetchOnly = roles.size === 0 && !(namesModule && loadsOutboundModuleInline(text));
  if (fetchOnly && !mentionsFetchToken(text)) return undefined;
  const retryWrappers = new Set<string>();
  const timeoutWrappers = new Set<string>();
  const collection: FileCollection = {
    collector: new OutboundCollector(roles, sourceCode),
    reach: new RetryReach({ sourceCode, roles, extraWrappers: retryWrappers, timeoutWrappers }),
    roles,
    retryWrappers,
    timeoutWrappers,
    fetchOnly,
    sawFetchCall: false,
    resolved: false,
  };
  currentCollection = collection;
  return collection;
}

/** The schema of the URL filters both outbound rules take (`allowLocalhost`, `ignoreUrls`), written once. */
export const URL_FILTER_OPTIONS = {
  allowLocalhost: {
    type: "boolean",
    description: "Leave calls to localhost, 127.0.0.1 and [::1] alone.",
  },
  ignoreUrls: {
    type: "array",
    items: { type: "string", minLength: 1 },
    uniqueItems: true,
    description: "Regular expressions matched against the URL as written; matching calls are left alone.",
  },
} as const;
