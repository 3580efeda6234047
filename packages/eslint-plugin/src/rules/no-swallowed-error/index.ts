import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, unwrap } from "../../util/ast.js";
import { createRule } from "../../util/create-rule.js";
import { findAllSettledNeglect, isAllSettledCall, type AllSettledNeglect } from "./all-settled.js";
import { enclosingStatement } from "./ast.js";
import { isAcceptedDefaultReturn, isExpectedFailure, isHarmlessEmptyCatch } from "./catch-exemptions.js";
import { isCleanupCall, isCleanupPromise, isInsideCleanupFunction } from "./cleanup.js";
import { hasReasonComment, statementAndOpeners } from "./comments.js";
import { awaitedStatement, chainAnswersTrue, isAlsoReportedToCallback, isHandlerOnSharedPromise, isInsideExplainedTry, resultIsDiscarded } from "./handler-exemptions.js";
import { classifyHandlerBody } from "./handler-body.js";
import { isDocumentedReturn, isInsideLenientFunction, isUnderIgnoringCondition } from "./intent.js";
import { analyzeRejectionHandler } from "./rejection-handler.js";
import { isSchemaFallbackCatch, moduleBindingsOf } from "./schema-catch.js";
import { findSuccessAfter } from "./success-continuation.js";
import { commentBeforeFix, commentInBlockFix, removeHandlerFix, rethrowFix, rethrowName, useAllFix } from "./suggestions.js";

export interface NoSwallowedErrorOptions {
  /** Comments matching this pattern (case-insensitive) mark an ignored error as deliberate. */
  allowedCommentPattern?: string;
  /** Report handlers that only log and let the code go on to report success. */
  reportLogAndContinue?: boolean;
  /** Report handlers that only return `null`, `undefined`, `[]`, `{}`, `false`, `""` or `0`. */
  reportDefaultReturn?: boolean;
  /** Report `Promise.allSettled` results that are never checked for rejections. */
  reportAllSettled?: boolean;
}
export type Options = [NoSwallowedErrorOptions];
export type MessageIds =
  | "emptyCatch"
  | "defaultReturn"
  | "logThenSuccess"
  | "answersSuccess"
  | "emptyHandler"
  | "rejectionToValue"
  | "allSettledUnchecked"
  | "suggestRethrow"
  | "suggestOptOutComment"
  | "suggestRemoveHandler"
  | "suggestPromiseAll";

/**
 * Words that say a failure is ignored on purpose: "ignore", "intentional", "expected", "best effort",
 * "safe to", "already handled", "unhandled rejection", "may not exist", "can throw", a lint directive
 * for `no-empty`, or a link to the discussion. ("Fallback" is left out: "// fall back to []" restates
 * the code rather than saying why the caller is fine with it.)
 */
export const DEFAULT_ALLOWED_COMMENT_PATTERN =
  "ignor|intentional|deliberate|on purpose|expected|noop|no-op|nothing to do|do nothing|best.effort|safe to|safely|swallow|silent|don'?t care|optional|unhandled rejection|already|no need|not fatal|harmless|benign|as.is|n'?t exist|not exist|may not|might not|(?:will|may|might|can|could) throw|no-empty|empty catch|https?://";

const compiledPatterns = new Map<string, RegExp>();
function compilePattern(source: string): RegExp {
  let pattern = compiledPatterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source, "i");
    compiledPatterns.set(source, pattern);
  }
  return pattern;
}

/**
 * Methods whose calls can carry a rejection handler: `.catch(h)` and `.then(ok, h)`; and `Promise.allSettled`.
 * `catch` is also the keyword of every catch clause, so a file without these words has nothing to report.
 */
const WATCHED_METHOD_NAMES = ["catch", "then", "allSettled"];
const WATCHED_METHODS = new Set(WATCHED_METHOD_NAMES);

const ALL_SETTLED_NEGLECT: Record<AllSettledNeglect, string> = {
  discarded: "discarded",
  neverRead: "stored but never read",
  readWithoutStatus: "read without checking `status`",
};

export default createRule<Options, MessageIds>({
  name: "no-swallowed-error",
  meta: {
    type: "problem",
    hasSuggestions: true,
    messages: {
      emptyCatch:
        "Empty catch block swallows {{subject}}. Rethrow it (wrap it with `{ cause }` to add context), return an error result, or add a comment saying why ignoring it is safe.",
      defaultReturn:
        "Catch block only returns `{{value}}`, so the caller cannot tell a failure from a real `{{value}}`. Rethrow the error, return an error result, or add a comment saying why `{{value}}` is the right answer.",
      logThenSuccess:
        "{{where}} only logs the error, then the code {{success}} as if the operation had succeeded. Rethrow, return or send an error, or add a comment saying why carrying on is safe.",
      answersSuccess:
        "{{where}} {{success}} as if the operation had succeeded, so the caller never learns it failed. Rethrow, return or send an error, or add a comment saying why this answer is right.",
      emptyHandler:
        "Rejection handler `{{handler}}` does nothing, so the failure silently becomes success. Let the rejection propagate, handle it, or add a comment saying why ignoring it is safe.",
      rejectionToValue:
        "Rejection handler ignores the error and resolves to `{{value}}`, so the caller cannot tell the operation failed. Let the rejection propagate, resolve to an error result, or add a comment saying why `{{value}}` is the right answer.",
      allSettledUnchecked:
        "The results of `Promise.allSettled` are {{how}}, so rejected promises go unnoticed. Check each result's `status` and handle its `reason`, or use `Promise.all` to fail fast.",
      suggestRethrow: "Rethrow the error with `throw {{name}};`.",
      suggestOptOutComment: "Add an `ignore:` comment saying why the failure is safe to ignore.",
      suggestRemoveHandler: "Remove the handler so the rejection reaches the caller.",
      suggestPromiseAll: "Use `Promise.all` so a rejection propagates.",
    },
    schema: [
      {
        type: "object",
        properties: {
          allowedCommentPattern: {
            type: "string",
            description: "Regular expression (case-insensitive); a comment matching it marks an ignored error as deliberate.",
          },
          reportLogAndContinue: {
            type: "boolean",
            description: "Report handlers that only log the error before the code reports success.",
          },
          reportDefaultReturn: {
            type: "boolean",
            description: "Report handlers that only return or resolve to null, undefined, [], {}, false, \"\" or 0.",
          },
          reportAllSettled: {
            type: "boolean",
            description: "Report Promise.allSettled results that are never checked for rejections.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      {
        allowedCommentPattern: DEFAULT_ALLOWED_COMMENT_PATTERN,
        reportLogAndContinue: true,
        reportDefaultReturn: true,
        reportAllSettled: true,
      },
    ],
  },
  defaultOptions: [
    {
      allowedCommentPattern: DEFAULT_ALLOWED_COMMENT_PATTERN,
      reportLogAndContinue: true,
      reportDefaultReturn: true,
      reportAllSettled: true,
    },
  ],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const optOutPattern = compilePattern(options.allowedCommentPattern ?? DEFAULT_ALLOWED_COMMENT_PATTERN);
    const reportLogAndContinue = options.reportLogAndContinue !== false;
    const reportDefaultReturn = options.reportDefaultReturn !== false;
    const reportAllSettled = options.reportAllSettled !== false;
    // Every report starts at a `catch` clause, a `.catch()`/`.then()` call or `allSettled`; most
    // files of a code base have none of these words and need no listeners at all.
    if (!WATCHED_METHOD_NAMES.some((word) => sourceCode.text.includes(word))) return {};
    const moduleBindings = moduleBindingsOf(sourceCode);

    function checkCatchClause(clause: TSESTree.CatchClause): void {
      const tryStatement = clause.parent;
      // Nothing in the try block can throw: nothing to swallow.
      if (tryStatement.block.body.length === 0) return;
      const verdict = classifyHandlerBody(clause.body.body);
      if (verdict.kind === "handled") return;
      if (verdict.kind === "logsOnly" && !reportLogAndContinue) return;
      if (verdict.kind === "defaultReturn" && !reportDefaultReturn) return;
      if (clause.param?.type === AST_NODE_TYPES.Identifier && optOutPattern.test(clause.param.name)) return;
      const explained = hasReasonComment(sourceCode, optOutPattern, {
        ownBlock: verdict.kind === "empty" || verdict.kind === "defaultReturn" ? { block: clause.body, kind: verdict.kind } : undefined,
        inside: [clause],
        before: [clause, ...statementAndOpeners(tryStatement), sourceCode.getLastToken(tryStatement.block)!],
        trailing: [clause.body],
      });
      if (explained || isExpectedFailure(clause) || isUnderIgnoringCondition(sourceCode, clause, optOutPattern)) return;

      const head = { start: clause.loc.start, end: sourceCode.getTokenBefore(clause.body)!.loc.end };
      const name = rethrowName(clause, sourceCode);
      const rethrow = (replaced?: TSESTree.Statement) =>
        name ? [{ messageId: "suggestRethrow" as const, data: { name }, fix: rethrowFix(clause, name, sourceCode, replaced) }] : [];
      const optOut = { messageId: "suggestOptOutComment" as const, fix: commentInBlockFix(clause.body, sourceCode) };

      switch (verdict.kind) {
        case "empty": {
          if (isHarmlessEmptyCatch(clause)) return;
          const parsesJson = sourceCode.getText(tryStatement.block).includes("JSON.parse");
          context.report({
            loc: head,
            messageId: "emptyCatch",
            data: { subject: parsesJson ? "the `JSON.parse` error, so malformed input passes unnoticed" : "the error" },
            suggest: [...rethrow(), optOut],
          });
          return;
        }
        case "defaultReturn":
          if (isAcceptedDefaultReturn(sourceCode, clause, verdict.value)) return;
          context.report({
            loc: head,
            messageId: "defaultReturn",
            data: { value: verdict.value },
            suggest: [...rethrow(verdict.statement), optOut],
          });
          return;
        case "answersSuccess":
          context.report({
            loc: head,
            messageId: "answersSuccess",
            data: { where: "Catch block", success: verdict.success },
            suggest: [...rethrow(verdict.statement), optOut],
          });
          return;
        case "logsOnly": {
          const success = findSuccessAfter(tryStatement);
          if (!success) return;
          context.report({ loc: head, messageId: "logThenSuccess", data: { where: "Catch block", success }, suggest: [...rethrow(), optOut] });
        }
      }
    }

    function checkRejectionHandler(call: TSESTree.CallExpression, handler: TSESTree.CallExpressionArgument): void {
      const verdict = analyzeRejectionHandler(handler, sourceCode);
      if (verdict.kind === "handled") return;
      if (verdict.kind === "logsOnly" && !reportLogAndContinue) return;
      if (verdict.kind === "value" && verdict.isDefault && !reportDefaultReturn) return;

      const receiver = (call.callee as TSESTree.MemberExpression).object;
      const handlerFunction = unwrap(handler);
      const handlerBody = isFunction(handlerFunction) && handlerFunction.body.type === AST_NODE_TYPES.BlockStatement ? handlerFunction.body : undefined;
      if (isFunction(handlerFunction)) {
        const param = handlerFunction.params[0];
        if (param?.type === AST_NODE_TYPES.Identifier && optOutPattern.test(param.name)) return;
      }
      const statement = enclosingStatement(call);
      const explained = hasReasonComment(sourceCode, optOutPattern, {
        ownBlock:
          handlerBody && (verdict.kind === "empty" || verdict.kind === "value")
            ? { block: handlerBody, kind: verdict.kind === "empty" ? "empty" : "defaultReturn" }
            : undefined,
        inside: [handler],
        before: [handler, ...statementAndOpeners(statement)],
        trailing: [handler, statement],
      });
      if (explained || !mayBeThenable(receiver) || isUnderIgnoringCondition(sourceCode, call, optOutPattern)) return;
      // Without types: zod's `z.string().catch("light")` is a schema fallback, not a rejection handler.
      if (!hasTypeInformation() && isSchemaFallbackCatch(call, sourceCode, moduleBindings)) return;
      if (verdict.kind === "empty" || verdict.kind === "value") {
        // Best-effort teardown, and handlers that only stop Node's unhandled-rejection report on a shared promise.
        if (isCleanupPromise(receiver) || isInsideCleanupFunction(call) || isHandlerOnSharedPromise(call, sourceCode)) return;
        if (isInsideLenientFunction(call) || isInsideExplainedTry(call, sourceCode) || isAlsoReportedToCallback(receiver)) return;
      }

      const suggest = [
        // Removing the handler from a fire-and-forget call would leave an unhandled rejection: only offered when the result is used.
        ...(resultIsDiscarded(call) ? [] : [{ messageId: "suggestRemoveHandler" as const, fix: removeHandlerFix(call, handler, sourceCode) }]),
        { messageId: "suggestOptOutComment" as const, fix: handlerBody ? commentInBlockFix(handlerBody, sourceCode) : commentBeforeFix(handler) },
      ];

      switch (verdict.kind) {
        case "empty":
          context.report({ node: handler, messageId: "emptyHandler", data: { handler: verdict.label }, suggest });
          return;
        case "value":
          if (isDocumentedReturn(sourceCode, call, verdict.value)) return;
          if (verdict.value === "false" && chainAnswersTrue(call)) return;
          context.report({ node: verdict.node, messageId: "rejectionToValue", data: { value: verdict.value }, suggest });
          return;
        case "answersSuccess":
          context.report({ node: handler, messageId: "answersSuccess", data: { where: "Rejection handler", success: verdict.success }, suggest });
          return;
        case "logsOnly": {
          const awaited = awaitedStatement(call);
          const success = awaited && findSuccessAfter(awaited);
          if (!success) return;
          context.report({ node: handler, messageId: "logThenSuccess", data: { where: "Rejection handler", success }, suggest });
        }
      }
    }

    function checkAllSettled(call: TSESTree.CallExpression): void {
      const neglect = findAllSettledNeglect(call, sourceCode);
      if (!neglect || isInsideCleanupFunction(call) || settlesOnlyCleanup(call)) return;
      const statement = enclosingStatement(call);
      if (hasReasonComment(sourceCode, optOutPattern, { inside: [], before: [statement], trailing: [statement] })) return;
      context.report({
        node: call.callee,
        messageId: "allSettledUnchecked",
        data: { how: ALL_SETTLED_NEGLECT[neglect] },
        suggest: neglect === "readWithoutStatus" ? [] : [{ messageId: "suggestPromiseAll", fix: useAllFix(call) }],
      });
    }

    function hasTypeInformation(): boolean {
      const services = sourceCode.parserServices;
      return Boolean(services?.program && services.esTreeNodeToTSNodeMap);
    }

    /** With type information, skip `.catch` on values that are clearly not promises (a query builder's own `catch`...). */
    function mayBeThenable(receiver: TSESTree.Node): boolean {
      const services = sourceCode.parserServices;
      if (!services?.program || !services.esTreeNodeToTSNodeMap) return true;
      const tsNode = services.esTreeNodeToTSNodeMap.get(receiver);
      if (!tsNode) return true;
      const checker = services.program.getTypeChecker();
      const type = checker.getTypeAtLocation(tsNode);
      const parts = type.isUnion() ? type.types : [type];
      return parts.some(
        (part) => (part.flags & TYPE_FLAGS_ANY_OR_UNKNOWN) !== 0 || checker.getApparentType(part).getProperty("then") !== undefined,
      );
    }

    return {
      CatchClause: checkCatchClause,
      CallExpression(call) {
        const callee = call.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return;
        const method = callee.property.name;
        if (!WATCHED_METHODS.has(method)) return;
        if (method === "catch" && call.arguments.length === 1) checkRejectionHandler(call, call.arguments[0]!);
        else if (method === "then" && call.arguments.length === 2) checkRejectionHandler(call, call.arguments[1]!);
        else if (method === "allSettled" && reportAllSettled && isAllSettledCall(call)) checkAllSettled(call);
      },
    };
  },
});

/** `ts.TypeFlags.Any | ts.TypeFlags.Unknown`, spelled out so the rule does not import `typescript`. */
const TYPE_FLAGS_ANY_OR_UNKNOWN = 1 | 2;

/** `Promise.allSettled([a.close(), b.close()])`: waiting for teardown, whatever its outcome. */
function settlesOnlyCleanup(call: TSESTree.CallExpression): boolean {
  const input = call.arguments[0] && unwrap(call.arguments[0]);
  if (input?.type !== AST_NODE_TYPES.ArrayExpression || input.elements.length === 0) return false;
  return input.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isCleanupCall(element));
}
