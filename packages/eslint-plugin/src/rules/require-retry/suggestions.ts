import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type { CallLike } from "./ast.js";

export type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;

/** The timeout every suggestion proposes: long enough for a slow API, short enough to fail fast. */
export const SIGNAL_TIMEOUT = "signal: AbortSignal.timeout(10_000)";
export const TIMEOUT_OPTION = "timeout: 10_000";
/** got (v12+) takes per-phase timeouts; `request` bounds the whole request. */
export const GOT_TIMEOUT_OPTION = "timeout: { request: 10_000 }";

/** Adds `propertyText` as the last property of an object literal, keeping its layout (one line or one per line). */
export function addProperty(sourceCode: TSESLint.SourceCode, object: TSESTree.ObjectExpression, propertyText: string): Fix {
  return (fixer) => {
    const last = object.properties.at(-1);
    if (!last) return fixer.replaceText(object, `{ ${propertyText} }`);
    const tokenAfter = sourceCode.getTokenAfter(last);
    const hasTrailingComma = tokenAfter?.value === ",";
    if (object.loc.start.line !== object.loc.end.line && last.loc.start.line !== object.loc.start.line) {
      const indent = /^\s*/.exec(sourceCode.lines[last.loc.start.line - 1] ?? "")?.[0] ?? "";
      return hasTrailingComma && tokenAfter
        ? fixer.insertTextAfter(tokenAfter, `\n${indent}${propertyText},`)
        : fixer.insertTextAfter(last, `,\n${indent}${propertyText}`);
    }
    return hasTrailingComma && tokenAfter
      ? fixer.insertTextAfter(tokenAfter, ` ${propertyText},`)
      : fixer.insertTextAfter(last, `, ${propertyText}`);
  };
}

/** Adds a last argument: `fetch(url)` → `fetch(url, { … })`. */
export function appendArgument(sourceCode: TSESLint.SourceCode, call: CallLike, argumentText: string): Fix {
  return (fixer) => {
    const last = call.arguments.at(-1);
    if (!last) {
      const closing = sourceCode.getLastToken(call);
      return fixer.insertTextBefore(closing as TSESTree.Token, argumentText);
    }
    const tokenAfter = sourceCode.getTokenAfter(last);
    return tokenAfter?.value === ","
      ? fixer.insertTextAfter(tokenAfter, ` ${argumentText}`)
      : fixer.insertTextAfter(last, `, ${argumentText}`);
  };
}

/** Inserts an argument before another one: `https.get(url, cb)` → `https.get(url, { … }, cb)`. */
export function insertArgumentBefore(argument: TSESTree.Node, argumentText: string): Fix {
  return (fixer) => fixer.insertTextBefore(argument, `${argumentText}, `);
}

/** Chains a method right after a call: `superagent.get(url)` → `superagent.get(url).timeout(10_000)`. */
export function chainAfter(call: CallLike, chainText: string): Fix {
  return (fixer) => fixer.insertTextAfter(call, chainText);
}

/** The object literal written inline at this argument, if any (a `const` elsewhere is not rewritten). */
export function inlineObject(node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
  let current = node;
  while (
    current &&
    (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = current.expression;
  }
  return current?.type === AST_NODE_TYPES.ObjectExpression ? current : undefined;
}
