import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import { packageOfQualifiedName } from "../../util/type-origin.js";

/**
 * The one literal a value's type pins it to, when that literal matters for CORS: a string literal
 * type (`"*"`) or the boolean literal type `true`. `string`, `boolean`, unions, arrays, RegExps and
 * functions pin nothing.
 */
export type PinnedLiteral = { value: string } | { value: true };

/**
 * What type information adds when the file is linted with a TypeScript program. Without one the
 * rule never builds this object, and with one the checker is only reached through these questions,
 * asked at CORS configuration sites, never per node of the file. Every answer may be "unknown"
 * (undefined), and the rule then keeps its untyped verdict.
 */
export interface CorsTypeFacts {
  /** The literal `node`'s type pins it to: `CORS_ORIGIN` from `export const CORS_ORIGIN = "*"`. */
  pinnedLiteral(node: TSESTree.Node): PinnedLiteral | undefined;
  /** The same for property `name` of `node`'s type: the `origin` of an imported `{ origin: "*" } as const`. */
  pinnedPropertyLiteral(node: TSESTree.Node, name: string): PinnedLiteral | undefined;
  /**
   * The packages declaring the member `member` reads (`"@nestjs/common"` for `app.enableCors` on an
   * `INestApplication`), or undefined when any declaration is not from a package (the project's own
   * code, an anonymous type) or nothing is known (`any`, broken code).
   */
  memberDeclaringPackages(member: TSESTree.MemberExpression): string[] | undefined;
}

/**
 * Builds the type questions for one file, or undefined when it is linted without a program. Cheap:
 * the checker itself is only fetched when a question is first asked.
 */
export function createCorsTypeFacts(sourceCode: Readonly<TSESLint.SourceCode>): CorsTypeFacts | undefined {
  const services = sourceCode.parserServices;
  const program = services?.program as ts.Program | null | undefined;
  const nodeMap = services?.esTreeNodeToTSNodeMap;
  if (!program || !nodeMap) return undefined;
  let checker: ts.TypeChecker | undefined;
  const getChecker = (): ts.TypeChecker => (checker ??= program.getTypeChecker());

  const tsNodeOf = (node: TSESTree.Node): ts.Node | undefined => nodeMap.get(node as never) as ts.Node | undefined;

  // Only public checker APIs: TypeFlags values are not stable across TypeScript releases.
  const literalOf = (type: ts.Type): PinnedLiteral | undefined => {
    if (type.isStringLiteral()) return { value: type.value };
    const types = getChecker();
    const trueType = types.getTrueType();
    // `true` both ways, and `false` not accepted: rules out `any`, `boolean` and `never`.
    if (types.isTypeAssignableTo(type, trueType) && types.isTypeAssignableTo(trueType, type) && !types.isTypeAssignableTo(types.getFalseType(), type)) {
      return { value: true };
    }
    return undefined;
  };

  const guarded = <T>(question: () => T | undefined): T | undefined => {
    try {
      return question();
    } catch {
      // ignore: the checker can throw on broken code; "no type known" keeps the untyped verdict.
      return undefined;
    }
  };

  return {
    pinnedLiteral: (node) =>
      guarded(() => {
        const tsNode = tsNodeOf(node);
        return tsNode && literalOf(getChecker().getTypeAtLocation(tsNode));
      }),
    pinnedPropertyLiteral: (node, name) =>
      guarded(() => {
        const tsNode = tsNodeOf(node);
        if (!tsNode) return undefined;
        const types = getChecker();
        const property = types.getPropertyOfType(types.getTypeAtLocation(tsNode), name);
        return property && literalOf(types.getTypeOfSymbolAtLocation(property, tsNode));
      }),
    memberDeclaringPackages: (member) =>
      guarded(() => {
        const tsNode = tsNodeOf(member.property);
        if (!tsNode) return undefined;
        const types = getChecker();
        const declarations = types.getSymbolAtLocation(tsNode)?.declarations;
        if (!declarations || declarations.length === 0) return undefined;
        const packages: string[] = [];
        for (const declaration of declarations) {
          const name = (declaration as ts.NamedDeclaration).name;
          const symbol = name && types.getSymbolAtLocation(name);
          const found = symbol && packageOfQualifiedName(types.getFullyQualifiedName(symbol));
          if (!found) return undefined;
          packages.push(found);
        }
        return packages;
      }),
  };
}
