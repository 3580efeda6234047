import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import {
  enclosingFunction,
  functionName,
  memberName,
  someNodeInSameFunction,
  unwrap,
  unwrapAwait,
  type FunctionNode,
} from "./ast.js";

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * True when a comment next to the handler matches the opt-out pattern: inside it, directly before it
 * (or before the statement that holds it), or trailing on the line where it ends.
 */
export function hasOptOutComment(
  sourceCode: SourceCode,
  pattern: RegExp,
  places: { inside: readonly TSESTree.Node[]; before: readonly TSESTree.Node[]; endsOnLineOf: TSESTree.Node },
): boolean {
  const matches = (comment: TSESTree.Comment) => pattern.test(comment.value);
  for (const node of places.inside) if (sourceCode.getCommentsInside(node).some(matches)) return true;
  for (const node of places.before) if (sourceCode.getCommentsBefore(node).some(matches)) return true;
  const endLine = places.endsOnLineOf.loc.end.line;
  return sourceCode.getCommentsAfter(places.endsOnLineOf).some((comment) => comment.loc.start.line === endLine && matches(comment));
}

/**
 * Names that promise to swallow: `tryParse`, `safeRead`, `maybeLoad`, `loadOrNull`, `isValidUrl`,
 * `hasBinary`, `canConnect`. Inside such a function, returning a default on failure is the contract.
 */
const LENIENT_FUNCTION_NAME =
  /^_?(?:try|safe|maybe|optional|attempt|silent|quiet|is|has|can|should|supports?|exists?|detect|probe)(?:[A-Z_$\d]|$)|(?:OrNull|OrUndefined|OrDefault|OrEmpty|OrFalse|OrNothing|OrNone|OrFallback|Safe|Safely|Silently|Quietly|IfExists|IfPresent|IfAvailable)$/;

export function isInsideLenientFunction(node: TSESTree.Node): boolean {
  const fn = enclosingFunction(node);
  const name = fn && functionName(fn);
  return name !== undefined && LENIENT_FUNCTION_NAME.test(name);
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
 * Optional-dependency and feature probes: a try block that only loads a module
 * (`require("x")`, `require.resolve("x")`, `await import("x")`) and maybe records a flag or returns it.
 * An empty catch there means "not installed", which is the point of the probe.
 */
export function isModuleProbe(tryBlock: TSESTree.BlockStatement): boolean {
  let loadsModule = false;
  for (const statement of tryBlock.body) {
    const values = statementValues(statement);
    if (values === undefined) return false;
    for (const value of values) {
      if (isModuleLoad(value)) loadsModule = true;
      else if (unwrap(value).type !== AST_NODE_TYPES.Literal) return false;
    }
  }
  return loadsModule;
}

/** The expressions a simple statement computes, or undefined for anything with control flow. */
function statementValues(statement: TSESTree.Statement): TSESTree.Node[] | undefined {
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement: {
      const expression = unwrap(statement.expression);
      return [expression.type === AST_NODE_TYPES.AssignmentExpression ? expression.right : expression];
    }
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument ? [statement.argument] : [];
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.map((declarator) => declarator.init).filter((init) => init !== null);
    default:
      return undefined;
  }
}

function isModuleLoad(expression: TSESTree.Node): boolean {
  let node = unwrapAwait(expression);
  // `require("x").default`, `(await import("x")).default`
  while (node.type === AST_NODE_TYPES.MemberExpression) node = unwrapAwait(node.object);
  if (node.type === AST_NODE_TYPES.ImportExpression) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === "require" || callee.name === "__non_webpack_require__";
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  const object = unwrap(callee.object);
  // `require.resolve("x")`, `module.require("x")`, `import.meta.resolve("x")`
  if (method === "resolve" && object.type === AST_NODE_TYPES.Identifier && object.name === "require") return true;
  if (method === "require" && object.type === AST_NODE_TYPES.Identifier && object.name === "module") return true;
  return method === "resolve" && object.type === AST_NODE_TYPES.MetaProperty;
}

/**
 * The function answers "did it work?" on its own, so `false`/`null` from the catch is the other answer:
 * `try { new URL(s); return true } catch { return false }`, `try { return <Icon /> } catch { return null }`.
 * Looks at the returns of the enclosing function (or of the try block at module level).
 */
export function functionAnswersWith(tryStatement: TSESTree.TryStatement, catchValue: string): boolean {
  if (catchValue !== "false" && catchValue !== "null" && catchValue !== "undefined") return false;
  const fn = enclosingFunction(tryStatement);
  const root = fn?.body ?? tryStatement.block;
  return someNodeInSameFunction(root, (node) => {
    if (node.type !== AST_NODE_TYPES.ReturnStatement || !node.argument) return false;
    const value = unwrap(node.argument);
    if (catchValue === "false") return value.type === AST_NODE_TYPES.Literal && value.value === true;
    return value.type === AST_NODE_TYPES.JSXElement || value.type === AST_NODE_TYPES.JSXFragment;
  });
}

/**
 * A flag set as the last step of the try block records success, so the catch needs no code:
 * `let supported = false; try { probe(); supported = true } catch {}`.
 */
export function tryBlockSetsFlag(tryBlock: TSESTree.BlockStatement): boolean {
  const last = tryBlock.body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = unwrap(last.expression);
  return (
    expression.type === AST_NODE_TYPES.AssignmentExpression &&
    expression.right.type === AST_NODE_TYPES.Literal &&
    typeof expression.right.value === "boolean"
  );
}
