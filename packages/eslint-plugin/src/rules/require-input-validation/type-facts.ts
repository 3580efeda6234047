import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

/**
 * With type information, whether `node` is typed as a number, a boolean, a bigint or a union of
 * literals of those (a route param declared numeric by a schema type provider, `Number(x)` stored
 * elsewhere): nothing a client can turn into a path, a command or a query operator. Without type
 * information, always false.
 */
export function nonStringPrimitiveTest(sourceCode: TSESLint.SourceCode): (node: TSESTree.Node) => boolean {
  const services = sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return () => false;
  const checker = services.program.getTypeChecker();
  const map = services.esTreeNodeToTSNodeMap;
  return (node) => {
    const tsNode = map.get(node as never);
    if (!tsNode) return false;
    try {
      const type = checker.getTypeAtLocation(tsNode);
      const parts = type.isUnion() ? type.types : [type];
      return parts.length > 0 && parts.every((part) => /^(?:number|boolean|bigint|true|false|-?\d[\d.e+-]*n?)$/.test(checker.typeToString(part)));
    } catch {
      return false; // ignore: the checker can throw on broken code; the value then counts as client-controlled
    }
  };
}
