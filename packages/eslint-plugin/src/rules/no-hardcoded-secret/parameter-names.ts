/**
 * What type information adds to this rule: the declared name of the parameter a string is passed
 * to positionally (`new PaymentsClient("…")` where the constructor takes `apiKey`). The checker's
 * resolved signature knows it for functions, methods and constructors declared in other modules
 * and in .d.ts files, and picks the overload the call matches. Without a program there is no lookup.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import type { CallArgument } from "./string-context.js";

/** The declared name of the parameter at the argument's position, or undefined when none is known. */
export type ParameterNameAt = (argument: CallArgument) => string | undefined;

/** Undefined when the file is linted without a TypeScript program. */
export function createParameterNameLookup(sourceCode: Readonly<TSESLint.SourceCode>): ParameterNameAt | undefined {
  const services = sourceCode.parserServices;
  const program = services?.program as ts.Program | null | undefined;
  const nodeMap = services?.esTreeNodeToTSNodeMap;
  if (!program || !nodeMap) return undefined;
  const checker = program.getTypeChecker();
  // `new Set([...])` with a long list of strings asks about one call many times.
  const parametersOfCall = new WeakMap<TSESTree.Node, readonly ts.Symbol[]>();

  const parametersOf = (call: CallArgument["call"]): readonly ts.Symbol[] => {
    let parameters = parametersOfCall.get(call);
    if (!parameters) {
      try {
        const tsCall = nodeMap.get(call as never) as ts.CallLikeExpression | undefined;
        parameters = (tsCall ? checker.getResolvedSignature(tsCall)?.getParameters() : undefined) ?? [];
      } catch {
        // ignore: the checker can throw on broken code; no parameters known falls back to the untyped checks.
        parameters = [];
      }
      parametersOfCall.set(call, parameters);
    }
    return parameters;
  };

  return ({ call, index }) => {
    // After a spread argument, positions no longer line up with parameters.
    for (let before = 0; before <= index; before++) {
      if (call.arguments[before]?.type === AST_NODE_TYPES.SpreadElement) return undefined;
    }
    const parameter = parametersOf(call)[index];
    const declaration = parameter?.valueDeclaration as ts.ParameterDeclaration | undefined;
    // A rest parameter collects values of any meaning; a parameter without a declaration was
    // synthesised by the checker, so no one chose its name.
    if (!parameter || !declaration || declaration.dotDotDotToken !== undefined) return undefined;
    return parameter.getName();
  };
}
