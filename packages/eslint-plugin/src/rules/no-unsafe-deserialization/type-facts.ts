import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

/**
 * With type information, whether `node` is typed as a string (the timer argument that is evaluated)
 * rather than a function. Without it, or when the checker cannot say, undefined.
 */
export function isStringTyped(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean | undefined {
  const services = sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return undefined;
  const tsNode = services.esTreeNodeToTSNodeMap.get(node as never);
  if (!tsNode) return undefined;
  try {
    const checker = services.program.getTypeChecker();
    const type = checker.getTypeAtLocation(tsNode);
    const parts = type.isUnion() ? type.types : [type];
    // TypeFlags.StringLike = 402653316; read through the checker's own answer to stay version-proof.
    return parts.length > 0 && parts.every((part) => checker.typeToString(part) === "string" || part.isStringLiteral() || /^`/.test(checker.typeToString(part)));
  } catch {
    return undefined; // ignore: the checker can throw on broken code; the caller falls back to syntax
  }
}
