import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import { originOfSymbol } from "../../util/type-origin.js";
import { type LibraryValue, libraryOfModule } from "./libraries.js";

/**
 * What type information adds when the file is linted with a TypeScript program: the library a
 * receiver's declared type comes from, and whether a value is typed as a number, boolean or enum.
 * The rule never needs it; without a program every question answers "unknown".
 */
export interface TypeFacts {
  libraryValue(node: TSESTree.Node): LibraryValue | undefined;
  /** True for number, bigint, boolean and numeric enum types (and unions of them with null/undefined). */
  isNumericOrBoolean(node: TSESTree.Node): boolean;
}

export function createTypeFacts(sourceCode: Readonly<TSESLint.SourceCode>): TypeFacts | undefined {
  const services = sourceCode.parserServices;
  const program = services?.program as ts.Program | null | undefined;
  if (!program || !services?.esTreeNodeToTSNodeMap) return undefined;
  const checker = program.getTypeChecker();
  const nodeMap = services.esTreeNodeToTSNodeMap;

  const typeOf = (node: TSESTree.Node): ts.Type | undefined => {
    try {
      const tsNode = nodeMap.get(node as never) as ts.Node | undefined;
      return tsNode ? checker.getTypeAtLocation(tsNode) : undefined;
    } catch {
      // ignore: the checker can throw on nodes of broken code; "no type known" is the safe answer.
      return undefined;
    }
  };

  const libraryOfType = (type: ts.Type): LibraryValue | undefined => {
    if (type.isUnion()) {
      for (const member of type.types) {
        const found = libraryOfType(member);
        if (found) return found;
      }
      return undefined;
    }
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol) return undefined;
    const { module } = originOfSymbol(program, checker, symbol);
    const library = module === undefined ? undefined : libraryOfModule(module);
    if (!library) return undefined;
    return { library, role: /QueryBuilder$/.test(symbol.getName()) ? "queryBuilder" : "client" };
  };

  // Only public checker APIs: TypeFlags values differ between TypeScript releases.
  const stringType = checker.getStringType();
  const safeTargets = [checker.getNumberType(), checker.getBigIntType(), checker.getBooleanType()];
  const nullish = [checker.getUndefinedType(), checker.getNullType()];
  const isSafeType = (type: ts.Type): boolean => {
    if (type.isUnion()) {
      const present = type.types.filter((member) => !nullish.some((empty) => checker.isTypeAssignableTo(member, empty)));
      return present.length > 0 && present.every(isSafeType);
    }
    // `any` and `unknown` accept strings; numbers, bigints, booleans and numeric enums do not.
    if (checker.isTypeAssignableTo(stringType, type)) return false;
    return safeTargets.some((target) => checker.isTypeAssignableTo(type, target));
  };

  return {
    libraryValue(node) {
      const type = typeOf(node);
      return type ? libraryOfType(type) : undefined;
    },
    isNumericOrBoolean(node) {
      const type = typeOf(node);
      return type !== undefined && isSafeType(type);
    },
  };
}
