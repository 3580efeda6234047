import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = TSESLint.RuleFix;

/** The opt-out comment the suggestions insert; its wording matches the default `allowedCommentPattern`. */
const OPT_OUT_COMMENT = "/* ignore: <why this failure is safe to ignore> */";

/** The name a rethrow suggestion uses: the catch binding, or a new `error` binding when there is none. */
export function rethrowName(clause: TSESTree.CatchClause, sourceCode: SourceCode): string | undefined {
  if (!clause.param) return /\berror\b/.test(sourceCode.getText(clause.body)) ? "caughtError" : "error";
  return clause.param.type === AST_NODE_TYPES.Identifier ? clause.param.name : undefined;
}

/** Adds ` (name)` after `catch` when the clause has no binding (`catch {` → `catch (error) {`). */
function addBindingIfMissing(fixer: TSESLint.RuleFixer, clause: TSESTree.CatchClause, name: string, sourceCode: SourceCode): Fix[] {
  if (clause.param) return [];
  const catchKeyword = sourceCode.getFirstToken(clause)!;
  return [fixer.insertTextAfter(catchKeyword, ` (${name})`)];
}

/**
 * Makes the catch end by rethrowing: replaces `replaced` (`return null;`, `res.json({ ok: true });`),
 * or, when there is nothing to replace (an empty or logging-only block), appends `throw name;`.
 */
export function rethrowFix(
  clause: TSESTree.CatchClause,
  name: string,
  sourceCode: SourceCode,
  replaced?: TSESTree.Statement,
): TSESLint.ReportFixFunction {
  return (fixer) => {
    const binding = addBindingIfMissing(fixer, clause, name, sourceCode);
    if (replaced) return [...binding, fixer.replaceText(replaced, `throw ${name};`)];
    return [...binding, appendStatement(fixer, clause.body, `throw ${name};`, sourceCode)];
  };
}

/** Inserts the opt-out comment right after the opening brace of a block. */
export function commentInBlockFix(block: TSESTree.BlockStatement, sourceCode: SourceCode): TSESLint.ReportFixFunction {
  return (fixer) => fixer.insertTextAfter(sourceCode.getFirstToken(block)!, ` ${OPT_OUT_COMMENT}`);
}

/** Inserts the opt-out comment before a node (a handler argument, a statement). */
export function commentBeforeFix(node: TSESTree.Node): TSESLint.ReportFixFunction {
  return (fixer) => fixer.insertTextBefore(node, `${OPT_OUT_COMMENT} `);
}

/**
 * Adds a statement at the end of a block, on its own line, indented like the block's content.
 * Comments stay where they are: the new statement goes after the last token or comment.
 */
function appendStatement(fixer: TSESLint.RuleFixer, block: TSESTree.BlockStatement, statement: string, sourceCode: SourceCode): Fix {
  const closingBrace = sourceCode.getLastToken(block)!;
  const blockIndent = lineIndent(sourceCode, block.loc.start.line);
  const firstStatement = block.body[0];
  // Indent like the block's first statement when it has its own line, else one level deeper than the block.
  const innerIndent =
    firstStatement && firstStatement.loc.start.line !== block.loc.start.line
      ? lineIndent(sourceCode, firstStatement.loc.start.line)
      : `${blockIndent}  `;
  const last = sourceCode.getTokenBefore(closingBrace, { includeComments: true })!;
  if (last.range[1] === block.range[0] + 1) {
    // Nothing inside: rewrite `{}` as a block with one statement.
    return fixer.replaceText(block, `{\n${innerIndent}${statement}\n${blockIndent}}`);
  }
  if (last.loc.end.line === closingBrace.loc.start.line) {
    return fixer.replaceTextRange([last.range[1], closingBrace.range[0]], `\n${innerIndent}${statement}\n${blockIndent}`);
  }
  return fixer.insertTextAfter(last, `\n${innerIndent}${statement}`);
}

function lineIndent(sourceCode: SourceCode, line: number): string {
  return /^[ \t]*/.exec(sourceCode.lines[line - 1] ?? "")?.[0] ?? "";
}

/** `p.catch(h)` → `p`; `p.then(ok, h)` → `p.then(ok)`. */
export function removeHandlerFix(call: TSESTree.CallExpression, handler: TSESTree.Node, sourceCode: SourceCode): TSESLint.ReportFixFunction {
  return (fixer) => {
    const callee = call.callee as TSESTree.MemberExpression;
    if (call.arguments.length === 1) {
      return fixer.replaceTextRange([callee.object.range[1], call.range[1]], "");
    }
    // Remove from the comma after `ok` up to the closing parenthesis, keeping a trailing comma if any.
    const comma = sourceCode.getTokenAfter(call.arguments[0]!, { filter: (token) => token.value === "," })!;
    const beforeClosing = sourceCode.getTokenBefore(sourceCode.getLastToken(call)!)!;
    const end = beforeClosing.value === "," && beforeClosing.range[0] > handler.range[0] ? beforeClosing.range[0] : beforeClosing.range[1];
    return fixer.removeRange([comma.range[0], end]);
  };
}

/** `Promise.allSettled(...)` → `Promise.all(...)`. */
export function useAllFix(call: TSESTree.CallExpression): TSESLint.ReportFixFunction {
  return (fixer) => {
    const callee = call.callee as TSESTree.MemberExpression;
    return fixer.replaceText(callee.property, "all");
  };
}
