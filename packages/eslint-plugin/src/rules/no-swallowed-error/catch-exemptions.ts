import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isDistinctFailureAnswer } from "./answers.js";
import { isCleanupOnly, isInsideCleanupFunction } from "./cleanup.js";
import { isFollowedByThrow, isInsideCatchBlock, nextStatement } from "./following-statements.js";
import { isDocumentedReturn, isInsideGetter, isInsideLenientFunction, isInsidePredicateFunction } from "./intent.js";
import { isCheckedRightAfter, isGetterProbe, isModuleProbe, tryBlockReturns, tryBlockSetsFlag } from "./probes.js";
import { describeDefaultValue } from "./values.js";

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Failures the code expects, whatever the catch does: optional-module and getter probes, and
 * functions whose name promises silence (`tryParse`, `safeRead`, `isValid`).
 */
export function isExpectedFailure(clause: TSESTree.CatchClause): boolean {
  const tryBlock = clause.parent.block;
  return isModuleProbe(tryBlock) || isGetterProbe(tryBlock) || isInsideLenientFunction(clause);
}

/** Why an empty catch loses nothing, judged from the code around it. */
export function isHarmlessEmptyCatch(clause: TSESTree.CatchClause): boolean {
  const tryStatement = clause.parent;
  const tryBlock = tryStatement.block;
  // Teardown (`conn.close()`, `rollback()`, `fs.unlinkSync(tmp)`), or code inside `close()`/`dispose()`.
  if (isCleanupOnly(tryBlock) || isInsideCleanupFunction(clause)) return true;
  // Already handling another failure: a secondary error while cleaning up after it.
  if (isInsideCatchBlock(tryStatement) || isFollowedByThrow(tryStatement)) return true;
  // The try block records success in a flag, or the next statement checks what the try assigned.
  const next = nextStatement(tryStatement);
  if (tryBlockSetsFlag(tryBlock) || isCheckedRightAfter(tryBlock, next)) return true;
  // The try block returns its result; the code after it is the fallback (`return Date.now()`, another `try`).
  if (tryBlockReturns(tryBlock) && next) {
    if (next.type === AST_NODE_TYPES.TryStatement) return true;
    if (next.type === AST_NODE_TYPES.ReturnStatement) {
      const value = describeDefaultValue(next.argument);
      return value === undefined || isDistinctFailureAnswer(clause, value, next);
    }
  }
  return false;
}

/** Why a catch that only returns `value` still lets the caller tell success from failure. */
export function isAcceptedDefaultReturn(sourceCode: SourceCode, clause: TSESTree.CatchClause, value: string): boolean {
  return (
    isInsideGetter(clause) ||
    (value === "false" && isInsidePredicateFunction(clause)) ||
    isDistinctFailureAnswer(clause, value) ||
    isDocumentedReturn(sourceCode, clause, value)
  );
}
