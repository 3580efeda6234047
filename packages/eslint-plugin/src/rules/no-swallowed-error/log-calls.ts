import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { lastSegmentName, memberName, unwrap, unwrapStatementExpression } from "../../util/ast.js";

/** Level methods of console, winston, pino, bunyan, log4js, Nest `Logger`, fastify's `req.log`, consola, signale. */
const LOG_METHODS = new Set([
  "log", "error", "err", "warn", "warning", "info", "debug", "trace", "fatal", "verbose", "silly",
  "critical", "crit", "notice", "alert", "emerg",
]);

/**
 * Objects that are loggers by convention: `console`, `logger`, `log`, `this.logger`, `req.log`,
 * `appLogger`, Nest's `Logger`. Deliberately strict: a call we do not recognise as a log counts as
 * handling the error, which keeps the rule quiet rather than wrong.
 */
const LOGGER_OBJECT = /^(?:_?log|_?logger|console|winston|consola|signale)$|Logger$/i;

/** Plain functions agents use for logging: `log(err)`, `debug("...")` (the `debug` package), `logError(err)`. */
const LOG_FUNCTIONS = new Set(["log", "debug", "warn", "logger", "logError", "logWarning", "logWarn", "trace"]);

/** True for `console.error(...)`, `await logger.warn(...)`, `this.logger?.error(...)`, `debug("...")`. */
export function isLogCall(expression: TSESTree.Node): boolean {
  const call = unwrapStatementExpression(expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return LOG_FUNCTIONS.has(callee.name);
  return isLogMethod(callee);
}

/** True for a log method passed as a value: `.catch(console.error)`, `.catch(logger.warn.bind(logger))`. */
export function isLogFunctionReference(expression: TSESTree.Node): boolean {
  let node = unwrap(expression);
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(node.callee) === "bind"
  ) {
    node = unwrap(node.callee.object);
  }
  if (node.type === AST_NODE_TYPES.Identifier) return LOG_FUNCTIONS.has(node.name);
  return isLogMethod(node);
}

function isLogMethod(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(node);
  if (method === undefined || !LOG_METHODS.has(method)) return false;
  const objectName = lastSegmentName(node.object);
  return objectName !== undefined && LOGGER_OBJECT.test(objectName);
}
