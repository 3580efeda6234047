import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { collectModuleBindings } from "../module-bindings.js";
import { isTestFile } from "../test-files.js";
import { Judge, type Concern, type Finding } from "./judge.js";
import { collectLibraryRoles, type LibraryRole, mayMakeRequests, mayMakeRequestsByText } from "./libraries.js";
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

/** Compiled `ignoreUrls`, shared by every file linted with the same configuration. */
const compiledPatterns = new Map<string, RegExp[]>();
const NO_PATTERNS: RegExp[] = [];

function compileIgnoreUrls(patterns: readonly string[], ruleId: string): RegExp[] {
  if (patterns.length === 0) return NO_PATTERNS;
  const cacheKey = patterns.join("\u0000");
  let compiled = compiledPatterns.get(cacheKey);
  if (!compiled) {
    compiled = patterns.map((pattern) => {
      try {
        return new RegExp(pattern);
      } catch {
        throw new Error(`vibeguard/${ruleId}: ignoreUrls entry ${JSON.stringify(pattern)} is not a valid regular expression.`);
      }
    });
    compiledPatterns.set(cacheKey, compiled);
  }
  return compiled;
}

/** One file's collection, shared by require-retry and require-timeout when both are on. */
interface FileCollection {
  collector: OutboundCollector;
  reach: RetryReach;
  roles: ReadonlyMap<string, LibraryRole>;
  retryWrappers: Set<string>;
  timeoutWrappers: Set<string>;
  resolved: boolean;
}

// Keyed by the file's AST, which ESLint builds afresh for every lint: the first of the two rules to be
// created for a file collects during the traversal, the other only judges at Program:exit.
const collections = new WeakMap<TSESTree.Program, FileCollection | null>();

/**
 * The listeners both outbound-call rules run: collect the file's network calls, client instances and
 * settings while ESLint walks it (once per file, whichever rules are on), then judge them for one concern
 * at Program:exit and hand each finding to `report`.
 */
export function outboundCallListeners(
  sourceCode: TSESLint.SourceCode,
  filename: string,
  options: OutboundRuleOptions,
  report: (finding: Finding) => void,
): TSESLint.RuleListener {
  if (isTestFile(filename)) return {};
  const judgeOptions = {
    allowLocalhost: options.allowLocalhost,
    concern: options.concern,
    ignoreUrls: compileIgnoreUrls(options.ignoreUrls, options.ruleId),
  };
  const existing = collections.get(sourceCode.ast);
  if (existing === null) return {};
  const collection = existing ?? startCollection(sourceCode);
  if (!collection) return {};
  for (const name of options.retryWrappers ?? []) collection.retryWrappers.add(name);
  for (const name of options.timeoutWrappers ?? []) collection.timeoutWrappers.add(name);

  const judge = () => {
    const { collector, reach, roles } = collection;
    if (!collection.resolved) {
      collector.resolveInstanceCalls();
      collection.resolved = true;
    }
    if (collector.calls.length === 0 && collector.createdInstances.length === 0 && collector.settings.length === 0) return;
    new Judge(sourceCode, collector, reach, judgeOptions).judgeCalls().forEach(report);
    new SettingsJudge(sourceCode, collector, reach, roles, options.concern).judge().forEach(report);
  };
  if (existing) return { "Program:exit": judge };

  const { collector, reach } = collection;
  const onFunction = (node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression) =>
    reach.onFunction(node);
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
    "Program:exit": judge,
  };
}

/** The file's collection, or undefined (remembered as null) when the file cannot make a request at all. */
function startCollection(sourceCode: TSESLint.SourceCode): FileCollection | undefined {
  // Most files of a code base cannot make a request at all: skip the listeners there, deciding from the
  // text first so that such a file's imports are never collected.
  const roles = mayMakeRequestsByText(sourceCode.text) ? collectLibraryRoles(collectModuleBindings(sourceCode.ast)) : undefined;
  if (!roles || !mayMakeRequests(sourceCode.text, roles)) {
    collections.set(sourceCode.ast, null);
    return undefined;
  }
  const retryWrappers = new Set<string>();
  const timeoutWrappers = new Set<string>();
  const collection: FileCollection = {
    collector: new OutboundCollector(roles, sourceCode),
    reach: new RetryReach({ sourceCode, roles, extraWrappers: retryWrappers, timeoutWrappers }),
    roles,
    retryWrappers,
    timeoutWrappers,
    resolved: false,
  };
  collections.set(sourceCode.ast, collection);
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
