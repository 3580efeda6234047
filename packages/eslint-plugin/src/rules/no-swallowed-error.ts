import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { createRule } from "../util/create-rule.js";
import { findAllSettledNeglect, isAllSettledCall, type AllSettledNeglect } from "../util/no-swallowed-error/all-settled.js";
import { enclosingStatement, isFunction, isStatementList, memberName, unwrap } from "../util/no-swallowed-error/ast.js";
import { classifyHandlerBody } from "../util/no-swallowed-error/handler-body.js";
import {
  functionAnswersWith,
  hasOptOutComment,
  isDocumentedReturn,
  isInsideLenientFunction,
  isModuleProbe,
  tryBlockSetsFlag,
} from "../util/no-swallowed-error/opt-outs.js";
import { analyzeRejectionHandler } from "../util/no-swallowed-error/rejection-handler.js";
import { findSuccessAfter } from "../util/no-swallowed-error/success-continuation.js";
import {
  commentBeforeFix,
  commentInBlockFix,
  removeHandlerFix,
  rethrowFix,
  rethrowName,
  useAllFix,
} from "../util/no-swallowed-error/suggestions.js";
import { describeDefaultValue } from "../util/no-swallowed-error/values.js";

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
  | "emptyHandler"
  | "rejectionToValue"
  | "allSettledUnchecked"
  | "suggestRethrow"
  | "suggestOptOutComment"
  | "suggestRemoveHandler"
  | "suggestPromiseAll";

export const DEFAULT_ALLOWED_COMMENT_PATTERN =
  "ignor|intentional|deliberate|expected|noop|no-op|best.effort|safe to|swallow|don'?t care|fall ?back|optional";

const compiledPatterns = new Map<string, RegExp>();
function compilePattern(source: string): RegExp {
  let pattern = compiledPatterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source, "i");
    compiledPatterns.set(source, pattern);
  }
  return pattern;
}

/** Methods whose calls can carry a rejection handler: `.catch(h)` and `.then(ok, h)`; and `Promise.allSettled`. */
const WATCHED_METHODS = new Set(["catch", "then", "allSettled"]);

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

    function checkCatchClause(clause: TSESTree.CatchClause): void {
      const tryStatement = clause.parent;
      // Nothing in the try block can throw: nothing to swallow.
      if (tryStatement.block.body.length === 0) return;
      const verdict = classifyHandlerBody(clause.body.body);
      if (verdict.kind === "handled") return;
      if (verdict.kind === "logsOnly" && !reportLogAndContinue) return;
      if (verdict.kind === "defaultReturn" && !reportDefaultReturn) return;
      if (clause.param?.type === AST_NODE_TYPES.Identifier && optOutPattern.test(clause.param.name)) return;
      if (
        hasOptOutComment(sourceCode, optOutPattern, {
          inside: [clause],
          before: [clause, tryStatement],
          endsOnLineOf: clause.body,
        })
      ) {
        return;
      }

      const head = { start: clause.loc.start, end: sourceCode.getTokenBefore(clause.body)!.loc.end };
      const name = rethrowName(clause, sourceCode);
      const optOutSuggestion = { messageId: "suggestOptOutComment" as const, fix: commentInBlockFix(clause.body, sourceCode) };

      switch (verdict.kind) {
        case "empty": {
          if (isModuleProbe(tryStatement.block) || tryBlockSetsFlag(tryStatement.block) || isInsideLenientFunction(clause)) return;
          if (fallsThroughToOtherAnswer(tryStatement)) return;
          const parsesJson = sourceCode.getText(tryStatement.block).includes("JSON.parse");
          context.report({
            loc: head,
            messageId: "emptyCatch",
            data: { subject: parsesJson ? "the `JSON.parse` error, so malformed input passes unnoticed" : "the error" },
            suggest: [
              ...(name ? [{ messageId: "suggestRethrow" as const, data: { name }, fix: rethrowFix(clause, name, sourceCode) }] : []),
              optOutSuggestion,
            ],
          });
          return;
        }
        case "defaultReturn": {
          const { value, statement } = verdict;
          if (isModuleProbe(tryStatement.block) || isInsideLenientFunction(clause)) return;
          if (functionAnswersWith(tryStatement, value) || isDocumentedReturn(sourceCode, clause, value)) return;
          context.report({
            node: statement,
            messageId: "defaultReturn",
            data: { value },
            suggest: [
              ...(name ? [{ messageId: "suggestRethrow" as const, data: { name }, fix: rethrowFix(clause, name, sourceCode, statement) }] : []),
              optOutSuggestion,
            ],
          });
          return;
        }
        case "logsOnly": {
          const success = findSuccessAfter(tryStatement);
          if (!success) return;
          context.report({
            loc: head,
            messageId: "logThenSuccess",
            data: { where: "Catch block", success },
            suggest: [
              ...(name ? [{ messageId: "suggestRethrow" as const, data: { name }, fix: rethrowFix(clause, name, sourceCode) }] : []),
              optOutSuggestion,
            ],
          });
        }
      }
    }

    /**
     * `try { check(); return true } catch {} return false;` — the empty catch falls through to the
     * function's own "it failed" answer.
     */
    function fallsThroughToOtherAnswer(tryStatement: TSESTree.TryStatement): boolean {
      const list = tryStatement.parent;
      if (!isStatementList(list) || list.type === AST_NODE_TYPES.SwitchCase) return false;
      const next = list.body[list.body.indexOf(tryStatement as never) + 1];
      if (next?.type !== AST_NODE_TYPES.ReturnStatement || !next.argument) return false;
      const value = describeDefaultValue(next.argument);
      return value !== undefined && functionAnswersWith(tryStatement, value);
    }

    function checkRejectionHandler(call: TSESTree.CallExpression, handler: TSESTree.CallExpressionArgument): void {
      const verdict = analyzeRejectionHandler(handler, sourceCode);
      if (verdict.kind === "handled") return;
      if (verdict.kind === "logsOnly" && !reportLogAndContinue) return;
      if (verdict.kind === "value" && verdict.isDefault && !reportDefaultReturn) return;

      const callee = call.callee as TSESTree.MemberExpression;
      const statement = enclosingStatement(call);
      const handlerFunction = unwrap(handler);
      if (isFunction(handlerFunction)) {
        const param = handlerFunction.params[0];
        if (param?.type === AST_NODE_TYPES.Identifier && optOutPattern.test(param.name)) return;
      }
      if (hasOptOutComment(sourceCode, optOutPattern, { inside: [handler], before: [handler, statement], endsOnLineOf: statement })) return;
      if (isObservedElsewhere(call, callee)) return;
      if (!mayBeThenable(callee.object)) return;

      const commentFix = isFunction(handlerFunction) && handlerFunction.body.type === AST_NODE_TYPES.BlockStatement
        ? commentInBlockFix(handlerFunction.body, sourceCode)
        : commentBeforeFix(handler);
      const suggest = [
        ...(resultIsUsed(call) ? [{ messageId: "suggestRemoveHandler" as const, fix: removeHandlerFix(call, handler, sourceCode) }] : []),
        { messageId: "suggestOptOutComment" as const, fix: commentFix },
      ];

      switch (verdict.kind) {
        case "empty":
          if (isInsideLenientFunction(call)) return;
          context.report({ node: handler, messageId: "emptyHandler", data: { handler: verdict.label }, suggest });
          return;
        case "value":
          if (isInsideLenientFunction(call) || isDocumentedReturn(sourceCode, call, verdict.value)) return;
          if (verdict.value === "false" && chainAnswersTrue(call, callee)) return;
          context.report({ node: verdict.node, messageId: "rejectionToValue", data: { value: verdict.value }, suggest });
          return;
        case "logsOnly": {
          const awaited = awaitedStatement(call);
          const success = awaited && findSuccessAfter(awaited);
          if (!success) return;
          context.report({ node: handler, messageId: "logThenSuccess", data: { where: "Rejection handler", success }, suggest });
        }
      }
    }

    /**
     * `const p = work(); p.catch(noop); return p;` — the handler only silences the "unhandled rejection"
     * warning; whoever awaits `p` still sees the failure.
     */
    function isObservedElsewhere(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): boolean {
      if (!resultIsDiscarded(call)) return false;
      const receiver = unwrap(callee.object);
      if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
      const scope = sourceCode.getScope(receiver);
      const reference = scope.references.find((candidate) => candidate.identifier === receiver);
      const variable = reference?.resolved;
      return variable !== null && variable !== undefined && variable.references.some((other) => other !== reference && other.isRead());
    }

    /** `.then(() => true).catch(() => false)` and `.then(() => true, () => false)`: a yes/no probe. */
    function chainAnswersTrue(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): boolean {
      if (memberName(callee) === "then") return returnsTrue(call.arguments[0]);
      const previous = unwrap(callee.object);
      return (
        previous.type === AST_NODE_TYPES.CallExpression &&
        previous.callee.type === AST_NODE_TYPES.MemberExpression &&
        memberName(previous.callee) === "then" &&
        returnsTrue(previous.arguments[0])
      );
    }

    /** With type information, skip `.catch` on values that are clearly not promises (a query builder's own `catch`...). */
    function mayBeThenable(receiver: TSESTree.Node): boolean {
      const services = sourceCode.parserServices;
      if (!services?.program || !services.esTreeNodeToTSNodeMap) return true;
      const checker = services.program.getTypeChecker();
      const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(receiver));
      const parts = type.isUnion() ? type.types : [type];
      return parts.some((part) => (part.flags & TYPE_FLAGS_ANY_OR_UNKNOWN) !== 0 || checker.getApparentType(part).getProperty("then") !== undefined);
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
        else if (method === "allSettled" && reportAllSettled && isAllSettledCall(call)) {
          const neglect = findAllSettledNeglect(call, sourceCode);
          if (!neglect) return;
          const statement = enclosingStatement(call);
          if (hasOptOutComment(sourceCode, optOutPattern, { inside: [], before: [statement], endsOnLineOf: statement })) return;
          context.report({
            node: callee,
            messageId: "allSettledUnchecked",
            data: { how: ALL_SETTLED_NEGLECT[neglect] },
            suggest: neglect === "readWithoutStatus" ? [] : [{ messageId: "suggestPromiseAll", fix: useAllFix(call) }],
          });
        }
      },
    };
  },
});

/** `ts.TypeFlags.Any | ts.TypeFlags.Unknown`, spelled out so the rule does not import `typescript`. */
const TYPE_FLAGS_ANY_OR_UNKNOWN = 1 | 2;

function returnsTrue(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const fn = unwrap(node);
  if (!isFunction(fn)) return false;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = unwrap(fn.body);
    return body.type === AST_NODE_TYPES.Literal && body.value === true;
  }
  const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
  return only?.type === AST_NODE_TYPES.ReturnStatement && only.argument?.type === AST_NODE_TYPES.Literal && only.argument.value === true;
}

/** The call's value is thrown away: `p.catch(() => {});`. */
function resultIsDiscarded(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent?.type === AST_NODE_TYPES.ChainExpression) node = node.parent;
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "void");
}

/** Removing a handler is only offered when someone awaits or uses the result; otherwise it would leave an unhandled rejection. */
function resultIsUsed(call: TSESTree.CallExpression): boolean {
  return !resultIsDiscarded(call);
}

/** The statement in which the handled promise is awaited: `await p.catch(...);` or `const x = await p.catch(...);`. */
function awaitedStatement(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  let node: TSESTree.Node = call;
  while (node.parent?.type === AST_NODE_TYPES.ChainExpression || node.parent?.type === AST_NODE_TYPES.TSAsExpression) node = node.parent;
  if (node.parent?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const awaitExpression = node.parent;
  const parent = awaitExpression.parent;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.parent.declarations.length === 1) return parent.parent;
  return undefined;
}

