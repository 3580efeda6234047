import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { isFunction } from "../../util/ast.js";
import { enclosingStatement } from "./ast.js";

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Comments that promise work instead of explaining silence: `// TODO`, `// FIXME: handle`,
 * `// handle error`, `// error handling`. They never count as a reason.
 */
const PLACEHOLDER_COMMENT = /^[\s*]*(?:todo|fixme|xxx|tbd|handle|error handling)\b|^[\s*]*$/i;

/**
 * Words of a comment that only restates a default return ("// return null on error", "// empty array
 * if it fails") instead of saying why the caller is fine with it.
 */
const RESTATES_DEFAULT = /\breturn|\bnull\b|\bundefined\b|\bempty\b|\bdefault|\bfalse\b|\bzero\b|\[\]|\{\}|""|''|\bfail|\berr/i;

function isPlaceholderComment(comment: TSESTree.Comment): boolean {
  return PLACEHOLDER_COMMENT.test(comment.value);
}

/** Where to look for a comment that explains why a failure is ignored. */
export interface CommentPlaces {
  /**
   * The handler's own block, when it is empty or only returns a default. In an empty block any comment
   * that is not a placeholder can only be about the emptiness (as with ESLint's `no-empty`); next to a
   * default return, any comment that does not merely restate the return counts as the reason.
   */
  ownBlock?: { block: TSESTree.BlockStatement; kind: "empty" | "defaultReturn" };
  /** Nodes whose inner comments count when they match the pattern (the catch clause, the handler). */
  inside: readonly TSESTree.Node[];
  /**
   * Nodes or tokens whose directly preceding comments count: the `try` statement, the statement holding
   * `.catch`, the closing brace of the try block (`try { work(); /* eslint no-empty: 0 *\/ } catch {}`).
   */
  before: readonly (TSESTree.Node | TSESTree.Token)[];
  /** Nodes whose comments later on their last line count (`} catch {} // ignore: ...`). */
  trailing: readonly TSESTree.Node[];
}

/** True when a comment near the handler says the silence is deliberate. */
export function hasReasonComment(sourceCode: SourceCode, pattern: RegExp, places: CommentPlaces): boolean {
  if (places.ownBlock) {
    const { block, kind } = places.ownBlock;
    const explains = (comment: TSESTree.Comment) =>
      !isPlaceholderComment(comment) && (kind === "empty" || !RESTATES_DEFAULT.test(comment.value));
    if (sourceCode.getCommentsInside(block).some(explains)) return true;
  }
  const matches = (comment: TSESTree.Comment) => pattern.test(comment.value);
  for (const node of places.inside) if (sourceCode.getCommentsInside(node).some(matches)) return true;
  for (const node of places.before) if (sourceCode.getCommentsBefore(node).some(matches)) return true;
  for (const node of places.trailing) {
    const endLine = node.loc.end.line;
    if (sourceCode.getCommentsAfter(node).some((comment) => comment.loc.start.line === endLine && matches(comment))) return true;
  }
  return false;
}

/**
 * The statement, and the statements it opens: when it is the first statement of a function or block,
 * a comment above the enclosing statement is about it too.
 * `// The empty catch is needed here ...\n(async () => { try { ... } catch {} })();`
 */
export function statementAndOpeners(statement: TSESTree.Node): TSESTree.Node[] {
  const statements = [statement];
  let current = statement;
  for (let level = 0; level < 2; level++) {
    const block = current.parent;
    if (block?.type !== "BlockStatement" || block.body[0] !== current) break;
    const owner = isFunction(block.parent) ? enclosingStatement(block.parent) : block.parent;
    if (!owner || owner.type === "Program") break;
    statements.push(owner);
    current = owner;
  }
  return statements;
}
