import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { functionName, lastSegmentName, unwrap, unwrapStatementExpression } from "../../util/ast.js";
import { enclosingFunction } from "./ast.js";

/**
 * Teardown verbs: closing, releasing, cancelling, removing temp files, rolling back. A failure there
 * usually means "already gone", and ignoring it is the accepted idiom (the error that matters is the
 * one that triggered the cleanup). `destroy`, `delete` and `remove` are left out on purpose: on a model
 * (`user.destroy()`) they are the operation itself, not its cleanup. Matched as a prefix on a camelCase boundary: `close`, `closeSync`,
 * `endSession`, `rollbackTransaction`, `unlinkSync`, `releaseLock`, `removeListener`.
 */
const CLEANUP_NAME =
  /^_?(?:close|abort|cancel|release|rollback|disconnect|terminate|dispose|cleanup|cleanUp|teardown|tearDown|shutdown|unlink|rmdir|rm|kill|quit|unref|unsubscribe|unwatch|unregister|unmount|uninstall|stop|end|removeListener|removeAllListeners|removeEventListener|off|clearTimeout|clearInterval|clearImmediate)(?:[A-Z_$\d]|$)/;

function isCleanupName(name: string | undefined): boolean {
  return name !== undefined && CLEANUP_NAME.test(name);
}

/** `conn.close()`, `await client.release()`, `fs.unlinkSync(tmp)`, `reader?.cancel()`, `closeResultSet()`. */
export function isCleanupCall(expression: TSESTree.Node): boolean {
  const call = unwrapStatementExpression(expression);
  return call.type === AST_NODE_TYPES.CallExpression && isCleanupName(lastSegmentName(call.callee));
}

/**
 * A try block that only tears things down: cleanup calls, possibly under an `if`
 * (`if (!isAnotherTransactionActive) await this.rollbackTransaction()`).
 */
export function isCleanupOnly(block: TSESTree.BlockStatement): boolean {
  return block.body.length > 0 && block.body.every(isCleanupStatement);
}

function isCleanupStatement(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return isCleanupCall(statement.expression);
    case AST_NODE_TYPES.IfStatement:
      return isCleanupStatement(statement.consequent) && (!statement.alternate || isCleanupStatement(statement.alternate));
    case AST_NODE_TYPES.BlockStatement:
      return isCleanupOnly(statement);
    default:
      return false;
  }
}

/**
 * Code inside `close()`, `dispose()`, `shutdown()`, `releaseX()`...: best-effort teardown by contract.
 * Anonymous callbacks in between (`abort() { subscribers.forEach((s) => ...) }`) are looked through.
 */
export function isInsideCleanupFunction(node: TSESTree.Node): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn);
    if (name !== undefined) return isCleanupName(name);
    if (fn.parent.type !== AST_NODE_TYPES.CallExpression) return false;
  }
  return false;
}

/** The receiver of `.catch(...)` is a cleanup call: `conn.close().catch(noop)`, `reader.cancel().catch(() => {})`. */
export function isCleanupPromise(receiver: TSESTree.Node): boolean {
  return isCleanupCall(unwrap(receiver));
}
