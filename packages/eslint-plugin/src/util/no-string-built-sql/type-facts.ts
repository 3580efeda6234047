import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import { type LibraryValue, libraryOfModule } from "./libraries.js";

/**
 * What type information adds when the file is linted with a TypeScript program: the library a
 * receiver's declared type comes from, and whether a value is typed as a number, boolean or enum.
 * The rule never needs it; without a program every question answers "unknown".
 */
export interface TypeFacts {
  libraryValue(node: TSESTree.Node): LibraryValue | undefined;
  /** True for number, bigint, boolean and enum types (and unions of them with null/undefined). */
  isNumericOrBoolean(node: TSESTree.Node): boolean;
}

// ts.TypeFlags values, stable across TypeScript releases; read as numbers so the rule does not load TypeScript.
const NUMBER_LIKE = 8 | 256 | 32 | 1024; // Number, NumberLiteral, Enum, EnumLiteral
const BIGINT_LIKE = 64 | 2048;
const BOOLEAN_LIKE = 16 | 512;
const ENUM_LITERAL = 1024;
const NULLISH = 32768 | 65536; // Undefined, Null
const SAFE_FLAGS = NUMBER_LIKE | BIGINT_LIKE | BOOLEAN_LIKE;

/** `"pg".Pool`, `"/…/node_modules/@types/pg/index".PoolClient`, `"/…/node_modules/typeorm/…".Repository`. */
const QUALIFIED_NAME = /^"(?:[^"]*\/node_modules\/)?(?:@types\/)?((?:@[^/"]+\/)?[^/"]+)(?:\/[^"]*)?"\.(.+)$/;

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
    const match = QUALIFIED_NAME.exec(checker.getFullyQualifiedName(symbol));
    const library = match ? libraryOfModule(match[1]!) : undefined;
    if (!library) return undefined;
    return { library, role: /QueryBuilder$/.test(symbol.getName()) ? "queryBuilder" : "client" };
  };

  const isSafeType = (type: ts.Type): boolean => {
    if (type.isUnion()) {
      const present = type.types.filter((member) => (member.flags & NULLISH) === 0);
      return present.length > 0 && present.every(isSafeType);
    }
    // Members of string enums are fixed strings too.
    if ((type.flags as number) & ENUM_LITERAL) return true;
    const flags: number = type.flags;
    return flags !== 0 && (flags & ~SAFE_FLAGS) === 0;
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
