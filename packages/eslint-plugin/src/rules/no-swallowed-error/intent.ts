import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { functionName, type FunctionNode } from "../../util/ast.js";
import { enclosingFunction } from "./ast.js";

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Names that promise to swallow: `tryParse`, `safeRead`, `maybeLoad`, `loadOrNull`, `isValidUrl`,
 * `hasBinary`, `canConnect`, `stringifySafely`. Inside such a function, a default on failure is the contract.
 */
const LENIENT_FUNCTION_NAME =
  /^_?(?:try|safe|maybe|optional|attempt|silent|quiet|is|has|can|should|supports?|exists?|detect|probe)(?:[A-Z_$\d]|$)|(?:OrNull|OrUndefined|OrDefault|OrEmpty|OrFalse|OrNothing|OrNone|OrFallback|Safe|Safely|Silently|Quietly|IfExists|IfPresent|IfAvailable)$/;

/** Yes/no names: a `false` from their catch is simply the "no". */
const PREDICATE_FUNCTION_NAME = /^_?(?:verify|validate|check|test|matches|contains|includes|equals)(?:[A-Z_$\d]|$)/;

/** The function's name without a bundler's disambiguation suffix (`stringifySafely$1` → `stringifySafely`). */
function enclosingFunctionName(node: TSESTree.Node): string | undefined {
  const fn = enclosingFunction(node);
  return fn && functionName(fn)?.replace(/\$\d+$/, "");
}

export function isInsideLenientFunction(node: TSESTree.Node): boolean {
  const name = enclosingFunctionName(node);
  return name !== undefined && LENIENT_FUNCTION_NAME.test(name);
}

export function isInsidePredicateFunction(node: TSESTree.Node): boolean {
  const name = enclosingFunctionName(node);
  return name !== undefined && PREDICATE_FUNCTION_NAME.test(name);
}

/** Getters read like properties: a default value on failure is their normal behaviour (`get charset()` → `""`). */
export function isInsideGetter(node: TSESTree.Node): boolean {
  const fn = enclosingFunction(node);
  const parent = fn?.parent;
  return (
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) && parent.kind === "get"
  );
}

/** How a doc comment would mention each default value: "returns null if ...", "an empty array when ...". */
const DOCUMENTED_VALUE: Record<string, RegExp> = {
  null: /\bnull\b/i,
  undefined: /\bundefined\b|\bnothing\b/i,
  false: /\bfalse\b/i,
  "[]": /\bempty\b|\[\]/i,
  "{}": /\bempty\b|\{\}/i,
  '""': /\bempty\b|""|''/i,
  "0": /\b0\b|\bzero\b/i,
};

/** True when the doc comment of the enclosing function says it returns `value` (e.g. "or null when missing"). */
export function isDocumentedReturn(sourceCode: SourceCode, node: TSESTree.Node, value: string): boolean {
  const fn = enclosingFunction(node);
  const mention = DOCUMENTED_VALUE[value];
  if (!fn || !mention) return false;
  return docComments(sourceCode, fn).some((comment) => comment.type === "Block" && mention.test(comment.value));
}

function docComments(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Comment[] {
  // The doc comment sits before the outermost node that starts with the function's declaration:
  // `export function f`, `const f = () =>`, `method() {}`, `key: function () {}`.
  let anchor: TSESTree.Node = fn;
  for (;;) {
    const parent: TSESTree.Node | undefined = anchor.parent;
    if (!parent || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.BlockStatement) break;
    if (parent.type === AST_NODE_TYPES.ClassBody || parent.type === AST_NODE_TYPES.ObjectExpression) break;
    anchor = parent;
  }
  return sourceCode.getCommentsBefore(anchor);
}

/**
 * The code runs only when an option says to ignore failures:
 * `if (options.ignoreInvalidCookies) { ... catch {} }`. The condition is matched against the opt-out pattern.
 */
export function isUnderIgnoringCondition(sourceCode: SourceCode, node: TSESTree.Node, pattern: RegExp): boolean {
  for (let current: TSESTree.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === current) return pattern.test(sourceCode.getText(parent.test));
    if (parent.type === AST_NODE_TYPES.Program) return false;
  }
  return false;
}
