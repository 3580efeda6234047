import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isStatementList, memberName, unwrap, unwrapStatementExpression } from "../../util/ast.js";

/**
 * `bin/cli.js`, `packages/tool/bin/run.ts`, `lib/cli/run.js`, `dist/cli.js`: a command's entry point, whose output is
 * read by a person.
 */
const BIN_ENTRY = /(?:^|[\\/])(?:bin|cli)[\\/][^\\/]+$|(?:^|[\\/])cli\.[cm]?[jt]sx?$/;

/**
 * A command-line program's top-level handler that prints the message for the person at the terminal and
 * exits non-zero (`console.error(err.message); process.exit(1)`), or any console print in a `bin/` entry
 * point. The stack trace would be noise there, and the exit status already tells scripts it failed.
 */
export function printsForPersonAndExits(call: TSESTree.CallExpression, filename: string): boolean {
  if (isConsolePrint(call) && BIN_ENTRY.test(filename)) return true;
  return exitsNonZeroAfter(call);
}

/**
 * A console print followed by a non-zero exit: the CLI's own words for the person at the terminal (the
 * whole error under "Unexpected error:", or fix-it instructions such as `sudo chown -R ...`).
 */
export function consolePrintBeforeExit(call: TSESTree.CallExpression): boolean {
  return isConsolePrint(call) && exitsNonZeroAfter(call);
}

function isConsolePrint(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === "console";
}

/**
 * `function print(err, reply) { if (err) console.log("Error: " + err); else console.log("Reply: " + reply); }`:
 * a REPL or CLI print helper that shows either outcome on the console. The error branch is output for a
 * person, like the result branch beside it, not an error log.
 */
export function printsEitherOutcome(call: TSESTree.CallExpression, branch: { test: TSESTree.Node; side: string } | undefined): boolean {
  if (!branch || branch.side !== "consequent" || !isConsolePrint(call)) return false;
  const statement = branch.test.parent;
  if (statement?.type !== AST_NODE_TYPES.IfStatement || !statement.alternate) return false;
  const alternate = statement.alternate;
  const statements = alternate.type === AST_NODE_TYPES.BlockStatement ? alternate.body : [alternate];
  return (
    statements.length > 0 &&
    statements.every((item) => {
      if (item.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      const expression = unwrapStatementExpression(item.expression);
      return expression.type === AST_NODE_TYPES.CallExpression && isConsolePrint(expression);
    })
  );
}

/** Whether a statement after the one holding `call`, in the same block, is `process.exit(n)` or `process.exitCode = n` with n ≠ 0. */
function exitsNonZeroAfter(call: TSESTree.CallExpression): boolean {
  let statement: TSESTree.Node = call;
  while (statement.parent && !isStatementList(statement.parent)) statement = statement.parent;
  const list = statement.parent;
  if (!list || !isStatementList(list)) return false;
  const body: readonly TSESTree.Node[] = list.type === AST_NODE_TYPES.SwitchCase ? list.consequent : list.body;
  return body.slice(body.indexOf(statement) + 1).some(isNonZeroExit);
}

function isNonZeroExit(statement: TSESTree.Node): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = unwrapStatementExpression(statement.expression);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(expression.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== "exit" || !isProcess(callee.object)) return false;
    return !isZero(expression.arguments[0]);
  }
  if (expression.type === AST_NODE_TYPES.AssignmentExpression) {
    const target = expression.left;
    return target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === "exitCode" && isProcess(target.object) && !isZero(expression.right);
  }
  return false;
}

function isProcess(node: TSESTree.Node): boolean {
  const object = unwrap(node);
  return object.type === AST_NODE_TYPES.Identifier && object.name === "process";
}

/** `process.exit()` and `process.exit(0)` report success. */
function isZero(node: TSESTree.Node | undefined): boolean {
  return node === undefined || (node.type === AST_NODE_TYPES.Literal && node.value === 0);
}
