import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import type { TSESLint } from "@typescript-eslint/utils";
import { createSyncFn } from "synckit";

/** The fields of a dependency finding the rules report (the shape @vibeguard/deps returns). */
export interface DependencyFinding {
  ruleId: string;
  message: string;
  line: number;
  column: number;
}

type Check = (request: { root: string; file: string; text: string }) => DependencyFinding[];

let check: Check | undefined;
/** Loaded on first use only, so linting without these rules never starts the worker or loads @vibeguard/deps. */
function checker(): Check {
  if (!check) {
    const worker = createRequire(import.meta.url).resolve("@vibeguard/deps/sync-worker");
    check = createSyncFn(worker, { timeout: 30_000 }) as Check;
  }
  return check;
}

// Both rules ask about the same file in the same pass: answer the second from the first's result.
let last: { key: string; findings: DependencyFinding[] } | undefined;

/**
 * The dependency checker's findings for the file being linted, from cached surfaces and node_modules only
 * (offline: no registry request, ever, from the editor). Run `vibeguard deps` once to fill the cache.
 */
export function dependencyFindings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): DependencyFinding[] {
  const filename = context.filename;
  if (!path.isAbsolute(filename)) return []; // <input> / <text>: no package.json to read
  const root = context.cwd;
  const text = context.sourceCode.text;
  const key = `${filename}\0${createHash("sha1").update(text).digest("hex")}`;
  if (last?.key === key) return last.findings;
  let findings: DependencyFinding[];
  try {
    findings = checker()({ root, file: path.relative(root, filename).split(path.sep).join("/"), text });
  } catch {
    // ignore: a failed check (worker crash, timeout) must not break linting; the CLI reports such problems
    findings = [];
  }
  last = { key, findings };
  return findings;
}

/** Reports one rule's share of the findings at their positions; messages already end with a period. */
export function reportDependencyFindings(context: Readonly<TSESLint.RuleContext<"finding", readonly unknown[]>>, ruleId: string): TSESLint.RuleListener {
  return {
    "Program:exit"() {
      for (const finding of dependencyFindings(context)) {
        if (finding.ruleId !== ruleId) continue;
        context.report({ loc: { line: finding.line, column: finding.column - 1 }, messageId: "finding", data: { detail: finding.message.replace(/\.$/, "") } });
      }
    },
  };
}
