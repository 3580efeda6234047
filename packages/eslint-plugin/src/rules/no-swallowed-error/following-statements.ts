import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, isStatementList } from "../../util/ast.js";

/**
 * The statements that run after `statement` completes normally, in order: its later siblings, then,
 * when its block ends, the statements after the enclosing `if`/labeled statement/`try` block, and so on.
 * Stops at the function boundary, and at loops, `switch`, `catch` and `finally` blocks, whose
 * continuation is not a straight line.
 */
export function* statementsAfter(statement: TSESTree.Node): Generator<TSESTree.Node> {
  let current: TSESTree.Node = statement;
  for (;;) {
    const parent = current.parent;
    if (!parent) return;
    if (isStatementList(parent)) {
      const siblings: readonly TSESTree.Node[] = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
      for (let index = siblings.indexOf(current) + 1; index < siblings.length; index++) yield siblings[index]!;
      if (parent.type !== AST_NODE_TYPES.BlockStatement || isFunction(parent.parent)) return;
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.LabeledStatement) {
      current = parent;
      continue;
    }
    // The block of an outer `try`: when it completes, the code after that `try` runs.
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current) {
      current = parent;
      continue;
    }
    return;
  }
}

/** The first statement that runs after `statement`, if any. */
export function nextStatement(statement: TSESTree.Node): TSESTree.Node | undefined {
  const next = statementsAfter(statement).next();
  return next.done ? undefined : next.value;
}

/** Statements that always run through to the next one: declarations and expression statements. */
export function isStraightLine(statement: TSESTree.Node): boolean {
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration ||
    statement.type === AST_NODE_TYPES.ExpressionStatement ||
    statement.type === AST_NODE_TYPES.EmptyStatement
  );
}

/**
 * `try { rollback() } catch {} throw error;` — straight-line code after the try reaches a `throw`,
 * so the failure that is being handled still surfaces.
 */
export function isFollowedByThrow(statement: TSESTree.Node): boolean {
  for (const next of statementsAfter(statement)) {
    if (next.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (!isStraightLine(next)) return false;
  }
  return false;
}

/** True when `node` sits inside a catch block of its own function: the code is already handling a failure. */
export function isInsideCatchBlock(node: TSESTree.Node): boolean {
  for (let current = node.parent; current && !isFunction(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}
