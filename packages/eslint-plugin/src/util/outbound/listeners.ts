import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { collectModuleBindings } from "../module-bindings.js";
import { isTestFile } from "../test-files.js";
import { Judge, type Concern, type Finding } from "./judge.js";
import { collectLibraryRoles, mayMakeRequests } from "./libraries.js";
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

const NO_NAMES: ReadonlySet<string> = new Set();
const toSet = (names: readonly string[] | undefined) => (names && names.length > 0 ? new Set(names) : NO_NAMES);

/**
 * The listeners both outbound-call rules run: collect the file's network calls, client instances and
 * settings while ESLint walks it, then judge them for one concern at Program:exit and hand each
 * finding to `report`.
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
  const roles = collectLibraryRoles(collectModuleBindings(sourceCode.ast));
  // Most files of a code base cannot make a request at all: skip the listeners there.
  if (!mayMakeRequests(sourceCode.text, roles)) return {};
  const collector = new OutboundCollector(roles, sourceCode);
  const reach = new RetryReach({
    sourceCode,
    roles,
    extraWrappers: toSet(options.retryWrappers),
    timeoutWrappers: toSet(options.timeoutWrappers),
  });
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
    "Program:exit"() {
      collector.resolveInstanceCalls();
      if (collector.calls.length === 0 && collector.createdInstances.length === 0 && collector.settings.length === 0) return;
      new Judge(sourceCode, collector, reach, judgeOptions).judgeCalls().forEach(report);
      new SettingsJudge(sourceCode, collector, reach, roles, options.concern).judge().forEach(report);
    },
  };
}
