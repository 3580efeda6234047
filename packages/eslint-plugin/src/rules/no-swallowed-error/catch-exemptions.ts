import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isWithin, lastSegmentName, someNodeInSameFunction, unwrap } from "../../util/ast.js";
import { enclosingFunction } from "./ast.js";
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
  // `tryParse`, `isValid`: the name promises a default, unless the try block waits on a server.
  return isModuleProbe(tryBlock) || isGetterProbe(tryBlock) || (isInsideLenientFunction(clause) && !awaitsRemoteCall(tryBlock));
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
  // A yes/no answer is no excuse when the try block waits on a server: `tryLock` answering `false` on
  // a connection error makes an outage look like "lock taken". Parsing and file probes keep the excuse.
  if (awaitsRemoteCall(clause.parent.block)) {
    return isInsideGetter(clause) || isDocumentedReturn(sourceCode, clause, value) || (value === "false" && answersOnlyLiteralTrue(clause));
  }
  return (
    isInsideGetter(clause) ||
    (value === "false" && isInsidePredicateFunction(clause)) ||
    isDistinctFailureAnswer(clause, value) ||
    isDocumentedReturn(sourceCode, clause, value)
  );
}

/** Awaited calls that stay on this machine: file probes (`await fs.stat(path)`) and Web Crypto (`await crypto.subtle.verify(…)`). */
const FILE_PROBES = /^(?:stat|lstat|access|exists|readFile|readdir|realpath|open|import|verify|sign|digest|encrypt|decrypt|importKey|exportKey|deriveKey|deriveBits|compare|hash)$/;

const NETWORK_FUNCTIONS = new Set(["fetch", "axios", "got", "ky", "request", "ofetch", "$fetch"]);

/** `try { await send(); } catch { return false; } return true;`: `false` can only mean the failure. */
function answersOnlyLiteralTrue(clause: TSESTree.CatchClause): boolean {
  const fn = enclosingFunction(clause);
  if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let sawTrue = false;
  const onlyTrue = !someNodeInSameFunction(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.ReturnStatement || isWithin(node, clause)) return false;
    const argument = node.argument && unwrap(node.argument);
    if (argument?.type === AST_NODE_TYPES.Literal && argument.value === true) {
      sawTrue = true;
      return false;
    }
    return true;
  });
  return onlyTrue && sawTrue;
}

/** Whether the try block awaits a call that is not a local file probe: a database, cache or network round trip. */
function awaitsRemoteCall(block: TSESTree.BlockStatement): boolean {
  return someNodeInSameFunction(block, (node) => {
    if (node.type !== AST_NODE_TYPES.AwaitExpression) return false;
    const awaited = unwrap(node.argument);
    if (awaited.type === AST_NODE_TYPES.ImportExpression) return false;
    if (awaited.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(awaited.callee);
    const name = lastSegmentName(callee);
    if (name === undefined || FILE_PROBES.test(name)) return false;
    // `db.query()`, `this.redis.set()`, `fetch()`: a client's method or a network call. A bare call of a
    // function the code was given (`await userValidate(connection)`) may do anything; it is not judged.
    return callee.type === AST_NODE_TYPES.MemberExpression || NETWORK_FUNCTIONS.has(name);
  });
}
