import { ts } from "ts-morph";

/**
 * The loop and array-method forms of one collection operation, so that the normaliser can emit both alike
 * (type-4 clones):
 * - map:    `const out = []; for (const x of xs) out.push(f(x));`        and `xs.map((x) => f(x))`;
 * - filter: `const out = []; for (const x of xs) if (p(x)) out.push(x);` and `xs.filter((x) => p(x))`;
 * - reduce: `let acc = init; for (const x of xs) acc = g(acc, x);`     and `xs.reduce((acc, x) => g(acc, x), init)`
 *   (`acc += e` counts as `acc = acc + e`).
 * The loop may be `for…of`, `xs.forEach((x) => …)` or an index loop over `xs[i]`.
 */
export interface CollectionOperation {
  kind: "map" | "filter" | "reduce";
  iterable: ts.Expression;
  /** The reduce accumulator (a name of the loop form, a parameter of the method form). */
  accumulator?: ts.BindingName;
  item: ts.BindingName;
  /** What `map` returns, `filter` tests or `reduce` accumulates; for a compound `acc += e`, `e` with `operator`. */
  value: ts.Expression;
  operator?: ts.SyntaxKind;
  initial?: ts.Expression;
}

const COMPOUND: ReadonlyMap<ts.SyntaxKind, ts.SyntaxKind> = new Map([
  [ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.PlusToken],
  [ts.SyntaxKind.MinusEqualsToken, ts.SyntaxKind.MinusToken],
  [ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.AsteriskToken],
  [ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.BarBarToken],
  [ts.SyntaxKind.AmpersandAmpersandEqualsToken, ts.SyntaxKind.AmpersandAmpersandToken],
]);

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}

/** `xs.map(cb)`, `xs.filter(cb)` with a one-parameter callback, `xs.reduce(cb, init)` with a two-parameter one. */
export function arrayMethodCall(call: ts.CallExpression): CollectionOperation | undefined {
  if (!ts.isPropertyAccessExpression(call.expression) || call.questionDotToken) return undefined;
  const kind = call.expression.name.text;
  if (kind !== "map" && kind !== "filter" && kind !== "reduce") return undefined;
  const [callbackArgument, initial] = call.arguments;
  if (!callbackArgument || call.arguments.length !== (kind === "reduce" ? 2 : 1)) return undefined;
  const callback = unwrap(callbackArgument);
  if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) return undefined;
  if (callback.parameters.length !== (kind === "reduce" ? 2 : 1) || callback.parameters.some((p) => p.dotDotDotToken)) return undefined;
  const value = returnedValue(callback.body);
  if (!value) return undefined;
  const iterable = call.expression.expression;
  if (kind === "reduce") return { kind, iterable, accumulator: callback.parameters[0]!.name, item: callback.parameters[1]!.name, value, initial };
  return { kind, iterable, item: callback.parameters[0]!.name, value };
}

function returnedValue(body: ts.ConciseBody): ts.Expression | undefined {
  if (!ts.isBlock(body)) return body;
  const [only] = body.statements;
  return body.statements.length === 1 && only && ts.isReturnStatement(only) && only.expression ? only.expression : undefined;
}

interface LoopParts {
  iterable: ts.Expression;
  item: ts.BindingName;
  /** The loop body's only statement, or a concise forEach callback's expression. */
  only: ts.Node;
}

/** A loop over every element of a collection whose body is one statement. */
function loopParts(statement: ts.Statement, source: ts.SourceFile): LoopParts | undefined {
  const single = (body: ts.Statement): ts.Statement | undefined => (ts.isBlock(body) ? (body.statements.length === 1 ? body.statements[0] : undefined) : body);
  if (ts.isForOfStatement(statement) && !statement.awaitModifier && ts.isVariableDeclarationList(statement.initializer)) {
    const declaration = statement.initializer.declarations[0];
    const only = single(statement.statement);
    return declaration && only ? { iterable: statement.expression, item: declaration.name, only } : undefined;
  }
  if (ts.isExpressionStatement(statement)) {
    const call = unwrap(statement.expression);
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "forEach" || call.arguments.length !== 1) return undefined;
    const callback = unwrap(call.arguments[0]!);
    if ((!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) || callback.parameters.length !== 1) return undefined;
    const only = ts.isBlock(callback.body) ? single(callback.body) : callback.body;
    return only ? { iterable: call.expression.expression, item: callback.parameters[0]!.name, only } : undefined;
  }
  if (ts.isForStatement(statement) && ts.isBlock(statement.statement) && statement.statement.statements.length === 2) {
    const { initializer, condition } = statement;
    if (!initializer || !ts.isVariableDeclarationList(initializer) || !condition || !ts.isBinaryExpression(condition)) return undefined;
    const bound = condition.right;
    const [first, only] = statement.statement.statements;
    if (!ts.isPropertyAccessExpression(bound) || bound.name.text !== "length" || !first || !ts.isVariableStatement(first) || !only) return undefined;
    const declaration = first.declarationList.declarations[0];
    const element = declaration?.initializer && unwrap(declaration.initializer);
    if (!declaration || !element || !ts.isElementAccessExpression(element) || element.expression.getText(source) !== bound.expression.getText(source)) return undefined;
    return { iterable: bound.expression, item: declaration.name, only };
  }
  return undefined;
}

/** `const|let name = init` alone in its statement. */
export function singleDeclaration(statement: ts.Statement | undefined): { name: ts.Identifier; initial: ts.Expression } | undefined {
  if (!statement || !ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return undefined;
  const declaration = statement.declarationList.declarations[0]!;
  if (!ts.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
  return { name: declaration.name, initial: declaration.initializer };
}

/** The loop form: an accumulator declared by `statements[0]` and filled by the loop `statements[1]`. */
export function accumulatorLoop(declarationStatement: ts.Statement, loopStatement: ts.Statement | undefined, source: ts.SourceFile): (CollectionOperation & { accumulatorName: ts.Identifier }) | undefined {
  const declared = singleDeclaration(declarationStatement);
  const loop = loopStatement && loopParts(loopStatement, source);
  if (!declared || !loop) return undefined;
  const name = declared.name.text;
  const isName = (node: ts.Node) => ts.isIdentifier(node) && node.text === name;
  const initial = unwrap(declared.initial);
  const emptyArray = ts.isArrayLiteralExpression(initial) && initial.elements.length === 0;
  const pushed = (node: ts.Node): ts.Expression | undefined => {
    const expression = ts.isExpressionStatement(node) ? unwrap(node.expression) : ts.isExpression(node) ? unwrap(node) : undefined;
    if (!expression || !ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression)) return undefined;
    const [argument] = expression.arguments;
    const target = expression.expression;
    return target.name.text === "push" && isName(target.expression) && expression.arguments.length === 1 && argument && !ts.isSpreadElement(argument) ? argument : undefined;
  };
  const base = { iterable: loop.iterable, item: loop.item, accumulatorName: declared.name };
  if (emptyArray) {
    const mapped = pushed(loop.only);
    if (mapped) return { ...base, kind: "map", value: mapped };
    if (ts.isIfStatement(loop.only) && !loop.only.elseStatement) {
      const then = ts.isBlock(loop.only.thenStatement) && loop.only.thenStatement.statements.length === 1 ? loop.only.thenStatement.statements[0]! : loop.only.thenStatement;
      const kept = pushed(then);
      if (kept && ts.isIdentifier(kept) && ts.isIdentifier(loop.item) && kept.text === loop.item.text) return { ...base, kind: "filter", value: loop.only.expression };
    }
    return undefined;
  }
  const expression = ts.isExpressionStatement(loop.only) ? unwrap(loop.only.expression) : ts.isExpression(loop.only) ? unwrap(loop.only) : undefined;
  if (!expression || !ts.isBinaryExpression(expression) || !isName(expression.left)) return undefined;
  const operator = expression.operatorToken.kind;
  if (operator !== ts.SyntaxKind.EqualsToken && !COMPOUND.has(operator)) return undefined;
  return { ...base, kind: "reduce", accumulator: declared.name, value: expression.right, operator: COMPOUND.get(operator), initial: declared.initial };
}
