import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isStatementList, memberName, unwrapStatementExpression, walk } from "../../util/ast.js";
import type { Branch } from "./error-handler.js";
import { type ErrorReferences, carriesError, unwrapNegation } from "./error-references.js";

/** A place in a handler that hands the error on, so a log elsewhere in the handler need not carry it. */
export interface Handoff {
  node: TSESTree.Node;
  /** The handoff is itself a log call that carries the error (`logger.error({ err }, "...")`). */
  isLog: boolean;
}

/**
 * Finds where the handler rethrows the error (`throw err`, `throw new X("...", { cause: err })`), passes it on
 * (`next(err)`, `reject(err)`, `callback(err)`, `Sentry.captureException(err)`, another log call), returns it or
 * stores it (`this.lastError = err`). Nested functions are not part of the reaction and are skipped.
 */
export function findHandoffs(
  root: TSESTree.Node,
  references: ErrorReferences,
  isLogCall: (call: TSESTree.CallExpression) => boolean,
): Handoff[] {
  const handoffs: Handoff[] = [];
  const visit = (node: TSESTree.Node): boolean => {
    switch (node.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassBody:
        return false;
      case AST_NODE_TYPES.ThrowStatement:
        // Any rethrow that mentions the error keeps it visible to the caller.
        if (references.isMentionedIn(node.argument)) handoffs.push({ node, isLog: false });
        return false;
      case AST_NODE_TYPES.ReturnStatement:
        if (node.argument && handsOn(node.argument, references)) handoffs.push({ node, isLog: false });
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        if (handsOn(node.expression, references)) handoffs.push({ node, isLog: isLogStatement(node.expression, isLogCall) });
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (node.init && isCall(node.init) && handsOn(node.init, references)) handoffs.push({ node, isLog: false });
        break;
      default:
        break;
    }
    return true;
  };
  if (root.type === AST_NODE_TYPES.BlockStatement || isStatement(root)) walk(root, visit);
  // An expression-bodied arrow function: `.catch((err) => reject(err))`.
  else if (handsOn(root, references)) handoffs.push({ node: root, isLog: isLogStatement(root, isLogCall) });
  else walk(root, visit);
  return handoffs;
}

/** Whether evaluating `expression` passes the error itself (or its stack) somewhere. */
function handsOn(expression: TSESTree.Node, references: ErrorReferences): boolean {
  const node = unwrapStatementExpression(expression);
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return node.arguments.some((argument) => carriesError(references.classify(argument)));
    case AST_NODE_TYPES.AssignmentExpression:
      return carriesError(references.classify(node.right));
    case AST_NODE_TYPES.LogicalExpression:
      // `callback && callback(err)`
      return handsOn(node.right, references);
    case AST_NODE_TYPES.ConditionalExpression:
      return handsOn(node.consequent, references) || handsOn(node.alternate, references);
    case AST_NODE_TYPES.SequenceExpression:
      return node.expressions.some((item) => handsOn(item, references));
    default:
      // `return err`, `return { ok: false, error: err }`
      return carriesError(references.classify(node));
  }
}

function isLogStatement(expression: TSESTree.Node, isLogCall: (call: TSESTree.CallExpression) => boolean): boolean {
  let node = unwrapStatementExpression(expression);
  // `err && logger.error(err)`
  if (node.type === AST_NODE_TYPES.LogicalExpression) node = unwrapStatementExpression(node.right);
  return node.type === AST_NODE_TYPES.CallExpression && isLogCall(node);
}

function isCall(node: TSESTree.Node): boolean {
  const inner = unwrapStatementExpression(node);
  return inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression;
}

/** A handler body made of log calls only: `catch { console.error("Failed to save") }`. */
export function consistsOnlyOfLogs(root: TSESTree.Node, isLogCall: (call: TSESTree.CallExpression) => boolean): boolean {
  if (root.type !== AST_NODE_TYPES.BlockStatement) return isLogStatement(root, isLogCall);
  return (
    root.body.length > 0 &&
    root.body.every((statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && isLogStatement(statement.expression, isLogCall))
  );
}

/**
 * True when the handoff and the log never run together: they sit in different branches of the same `if`,
 * `?:` or `switch` (a rethrow in the `else` does not keep the error of a log in the `then` branch), or the
 * handoff is a `throw`/`return` that leaves before the log is reached (`if (fatal) throw err; log.warn(...)`).
 */
export function cannotBothRun(handoff: TSESTree.Node, log: TSESTree.Node): boolean {
  const pathOfHandoff = new Map<TSESTree.Node, TSESTree.Node>();
  for (let child: TSESTree.Node = handoff, parent = handoff.parent; parent; child = parent, parent = parent.parent) pathOfHandoff.set(parent, child);
  if (pathOfHandoff.has(log)) return false;
  for (let child: TSESTree.Node = log, parent = log.parent; parent; child = parent, parent = parent.parent) {
    const handoffSide = pathOfHandoff.get(parent);
    if (handoffSide === undefined) continue;
    if (handoffSide === child) return false;
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      return handoffSide !== parent.test && child !== parent.test;
    }
    if (parent.type === AST_NODE_TYPES.SwitchStatement) return handoffSide !== parent.discriminant && child !== parent.discriminant;
    const leaves = handoff.type === AST_NODE_TYPES.ThrowStatement || handoff.type === AST_NODE_TYPES.ReturnStatement;
    return leaves && isStatementList(parent) && handoffSide.range[0] < child.range[0];
  }
  return false;
}

/**
 * True when the log runs only for one known kind of error: `if (err.code === "ENOENT")`,
 * `if (err instanceof NotFoundError)`, `case "ECONNREFUSED":`, `if (isTimeout(err))`. There the message
 * names the failure completely and the stack adds little, so dropping the error is a choice.
 */
export function isGuardedByErrorKind(branches: readonly Branch[], references: ErrorReferences): boolean {
  return branches.some((branch) => {
    if (branch.isSwitch) return branch.side === "consequent" && references.classify(branch.test) !== "none";
    const { node, negated } = unwrapNegation(branch.test);
    const positiveSide = negated ? "alternate" : "consequent";
    const kind = kindTest(node, references);
    if (kind === undefined) return false;
    return kind === "is" ? branch.side === positiveSide : branch.side !== positiveSide;
  });
}

/** "is" for a test that holds for one kind of error, "isNot" for its negation (`err.code !== "X"`). */
function kindTest(node: TSESTree.Expression, references: ErrorReferences): "is" | "isNot" | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator === "instanceof") {
        const right = node.right;
        const isBaseError = right.type === AST_NODE_TYPES.Identifier && (right.name === "Error" || right.name === "Object");
        return !isBaseError && references.classify(node.left) !== "none" ? "is" : undefined;
      }
      const leftUse = references.classify(node.left);
      const rightUse = references.classify(node.right);
      // `err.code === "ENOENT"`, not `err === null`.
      const comparesPart = (leftUse !== "none" && leftUse !== "object" && rightUse === "none") || (rightUse !== "none" && rightUse !== "object" && leftUse === "none");
      if (!comparesPart) return undefined;
      // `err.message.indexOf("no password") !== -1` and `> -1` mean "contains".
      if (isIndexOfCall(node.left) || isIndexOfCall(node.right)) {
        const absent = node.operator === "===" || node.operator === "==" || node.operator === "<";
        return absent ? "isNot" : "is";
      }
      if (node.operator === "===" || node.operator === "==") return "is";
      if (node.operator === "!==" || node.operator === "!=") return "isNot";
      return undefined;
    }
    case AST_NODE_TYPES.LogicalExpression: {
      const left = kindTest(unwrapNegation(node.left).node, references);
      const right = kindTest(unwrapNegation(node.right).node, references);
      if (node.operator === "&&") return left === "is" || right === "is" ? "is" : undefined;
      if (node.operator === "||") return left === "is" && right === "is" ? "is" : undefined;
      return undefined;
    }
    case AST_NODE_TYPES.CallExpression:
      return isKindPredicate(node, references) ? "is" : undefined;
    case AST_NODE_TYPES.ChainExpression:
      return kindTest(node.expression, references);
    default:
      return undefined;
  }
}

/** `err.message.includes("timeout")`, `/ENOENT/.test(err.code)`, `RETRYABLE.includes(err.code)`, `isNotFound(err)`. */
function isKindPredicate(call: TSESTree.CallExpression, references: ErrorReferences): boolean {
  const callee = call.callee;
  const mentionsError = call.arguments.some((argument) => references.classify(argument) !== "none");
  if (callee.type === AST_NODE_TYPES.Identifier) return mentionsError && /^is[A-Z]/.test(callee.name) && !/^is(?:Native)?Error$/.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee) ?? "";
  const receiverUse = references.classify(callee.object);
  if (receiverUse === "text" || receiverUse === "detail") return /^(?:includes|startsWith|endsWith|match|test)$/.test(method);
  if (mentionsError && (method === "includes" || method === "has" || method === "test")) return true;
  return mentionsError && /^is[A-Z]/.test(method) && !/^is(?:Native)?Error$/.test(method);
}

function isIndexOfCall(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    (memberName(node.callee) === "indexOf" || memberName(node.callee) === "search")
  );
}


function isStatement(node: TSESTree.Node): boolean {
  return node.type.endsWith("Statement") || node.type === AST_NODE_TYPES.SwitchCase;
}
