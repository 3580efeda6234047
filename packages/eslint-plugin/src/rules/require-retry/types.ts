import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

/**
 * With type information, tells whether an expression is a `Request` object (which may carry its
 * own signal). Without it, returns undefined and the caller falls back to syntax.
 */
export function isRequestObject(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean | undefined {
  const services = sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return undefined;
  const tsNode = services.esTreeNodeToTSNodeMap.get(node as never);
  if (!tsNode) return undefined;
  try {
    const type = services.program.getTypeChecker().getTypeAtLocation(tsNode);
    const parts = type.isUnion() ? type.types : [type];
    return parts.some((part) => (part.getSymbol() ?? part.aliasSymbol)?.getName() === "Request");
  } catch {
    // ignore: the checker can throw on broken code; "unknown" sends the caller back to syntax.
    return undefined;
  }
}
