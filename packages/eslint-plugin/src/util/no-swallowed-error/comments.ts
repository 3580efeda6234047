import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Comments that promise work instead of explaining silence: `// TODO`, `// FIXME: handle`,
 * `// handle error`, `// error handling`. They never count as a reason.
 */
const PLACEHOLDER_COMMENT =
  /^[\s*]*(?:todo|fixme|xxx|tbd)\b|^[\s*]*(?:handle|log|report)\s+(?:the\s+|this\s+)?(?:err(?:or)?s?|exceptions?|failures?)\b[\s.!]*$|^[\s*]*(?:error handling)?[\s.!]*$/i;

export function isPlaceholderComment(comment: TSESTree.Comment): boolean {
  return PLACEHOLDER_COMMENT.test(comment.value);
}

/** Where to look for a comment that explains why a failure is ignored. */
export interface CommentPlaces {
  /**
   * The empty block of the handler, if it is empty. As with ESLint's `no-empty`, any comment in an
   * empty block can only be about the emptiness, so any comment that is not a placeholder counts.
   */
  emptyBlock?: TSESTree.BlockStatement;
  /** Nodes whose inner comments count when they match the pattern (the catch clause, the handler). */
  inside: readonly TSESTree.Node[];
  /** Nodes whose directly preceding comments count (the `try` statement, the statement holding `.catch`). */
  before: readonly TSESTree.Node[];
  /** Nodes whose comments later on their last line count (`} catch {} // ignore: ...`). */
  trailing: readonly TSESTree.Node[];
}

/** True when a comment near the handler says the silence is deliberate. */
export function hasReasonComment(sourceCode: SourceCode, pattern: RegExp, places: CommentPlaces): boolean {
  if (places.emptyBlock && sourceCode.getCommentsInside(places.emptyBlock).some((comment) => !isPlaceholderComment(comment))) {
    return true;
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
