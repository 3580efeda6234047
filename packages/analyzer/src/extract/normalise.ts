import { ts } from "ts-morph";
import { combineHashes, contentHash, hashString } from "../hash.js";
import { accumulatorLoop, arrayMethodCall, singleDeclaration, type CollectionOperation } from "./collection-loops.js";

const K = ts.SyntaxKind;

/**
 * Marker tokens shared by equivalent syntax, so that the common type-4 rewrites of one piece of logic
 * emit one token stream:
 * - `if (c) return a; else return b;`, `if (c) return a; return b;` and `return c ? a : b;`;
 * - `for (const x of xs)`, `xs.forEach((x) => ...)` and `for (let i = 0; i < xs.length; i++) { const x = xs[i]; ...}`;
 * - an if/else-if chain on `d === A` and `switch (d) { case A: ... }`;
 * - a function declaration, an arrow function and a function expression (the wrapper is never emitted);
 * - an accumulator loop and `map`/`filter`/`reduce` (see collection-loops.ts);
 * - `const x = e; return x;` and `return e;`.
 */
const IF = "if";
const ELSE = "else";
const RETURN = "ret";
const LOOP = "loop";

export interface NormalisedBody {
  /** Equal for bodies that differ only in whitespace, comments, local names, literal values and types. */
  exactHash: string;
  /** Hash of the literal values, in order (what `exactHash` abstracts away). */
  literalHash: number;
  /** Token ids with every local name blinded to one token: robust to added or reordered statements. */
  tokens: number[];
  /**
   * One hash per statement (its own blinded tokens, nested statements left to their own entry; the
   * parameters are one more entry), with its token count: a copy with a statement added, removed or moved
   * keeps every other statement whole, which token trigrams of a short function do not show.
   */
  statementHashes: number[];
  statementSizes: number[];
}

/** Normalises a function-like node's parameters and body (raw compiler nodes only: this runs on every function of a repository). */
export function normaliseFunction(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, locals: ReadonlySet<string>, source: ts.SourceFile): NormalisedBody {
  const emitter = new Emitter(locals, source);
  for (const parameter of fn.parameters) emitter.node(parameter);
  emitter.token("body");
  if (fn.body) emitter.conciseBody(fn.body);
  const exactHash = contentHash(emitter.out.join(" ")).slice(0, 20);
  const tokens = emitter.out.map((token) => hashString(token.startsWith("$") ? "$" : token));
  const hashes = new Map<number, number>();
  const sizes = new Map<number, number>();
  tokens.forEach((token, index) => {
    const owner = emitter.owners[index]!;
    hashes.set(owner, combineHashes(hashes.get(owner) ?? 0, token));
    sizes.set(owner, (sizes.get(owner) ?? 0) + 1);
  });
  return { exactHash, literalHash: emitter.literalHash, tokens, statementHashes: [...hashes.values()], statementSizes: [...sizes.values()] };
}

class Emitter {
  readonly out: string[] = [];
  /** For each token of `out`, the statement that emitted it (0: the parameters). */
  readonly owners: number[] = [];
  private readonly localIds = new Map<string, number>();
  private statement = 0;
  private statementCount = 1;
  literalHash = 0;

  constructor(
    private readonly locals: ReadonlySet<string>,
    private readonly source: ts.SourceFile,
  ) {}

  token(text: string): void {
    this.out.push(text);
    this.owners.push(this.statement);
  }

  conciseBody(body: ts.ConciseBody): void {
    if (ts.isBlock(body)) this.statements(body.statements);
    else this.asStatement(() => this.returnValue(body));
  }

  node(node: ts.Node): void {
    if (node.kind >= K.FirstStatement && node.kind <= K.LastStatement) this.asStatement(() => this.visit(node));
    else this.visit(node);
  }

  private asStatement(emit: () => void): void {
    const outer = this.statement;
    this.statement = this.statementCount++;
    emit();
    this.statement = outer;
  }

  private visit(node: ts.Node): void {
    if (ts.isTypeNode(node) || ts.isModifier(node)) return;
    if (ts.isCallExpression(node)) {
      const operation = arrayMethodCall(node);
      if (operation) return this.collection(operation);
    }
    switch (node.kind) {
      case K.Identifier:
        return this.identifier((node as ts.Identifier).text);
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
        this.literal((node as ts.StringLiteral).text);
        return this.token("S");
      case K.NumericLiteral:
      case K.BigIntLiteral:
        this.literal((node as ts.NumericLiteral).text);
        return this.token("N");
      case K.RegularExpressionLiteral:
        return this.token("R");
      case K.TrueKeyword:
      case K.FalseKeyword:
        return this.token("B");
      case K.ParenthesizedExpression:
      case K.AsExpression:
      case K.SatisfiesExpression:
      case K.NonNullExpression:
      case K.TypeAssertionExpression:
        return this.node((node as ts.ParenthesizedExpression).expression);
      case K.TypeParameter:
      case K.TypeAliasDeclaration:
      case K.InterfaceDeclaration:
      case K.Decorator:
      case K.EmptyStatement:
        return;
      case K.Block:
        return this.statements((node as ts.Block).statements);
      case K.IfStatement:
        return this.ifStatement(node as ts.IfStatement);
      case K.ReturnStatement: {
        const { expression } = node as ts.ReturnStatement;
        if (expression) return this.returnValue(expression);
        return this.token(RETURN);
      }
      case K.ForOfStatement:
        return this.forOf(node as ts.ForOfStatement);
      case K.ForStatement:
        return this.forStatement(node as ts.ForStatement);
      case K.ExpressionStatement:
        return this.expressionStatement(node as ts.ExpressionStatement);
      case K.SwitchStatement:
        return this.switchStatement(node as ts.SwitchStatement);
      case K.BinaryExpression:
        return this.binary(node as ts.BinaryExpression);
      case K.PrefixUnaryExpression:
      case K.PostfixUnaryExpression: {
        const unary = node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
        this.token(`u${node.kind === K.PrefixUnaryExpression ? "" : "post"}${unary.operator}`);
        return this.node(unary.operand);
      }
      case K.PropertyAccessExpression: {
        const access = node as ts.PropertyAccessExpression;
        this.token(access.questionDotToken ? "?." : ".");
        this.node(access.expression);
        return this.token(`.${access.name.text}`);
      }
      case K.PropertyAssignment: {
        const property = node as ts.PropertyAssignment;
        this.propertyName(property.name);
        return this.node(property.initializer);
      }
      case K.ShorthandPropertyAssignment: {
        const property = node as ts.ShorthandPropertyAssignment;
        this.token(`.${property.name.text}`);
        return this.identifier(property.name.text);
      }
      case K.BindingElement: {
        const element = node as ts.BindingElement;
        this.token(String(K.BindingElement));
        if (element.propertyName) this.propertyName(element.propertyName);
        this.node(element.name);
        if (element.initializer) this.node(element.initializer);
        return;
      }
      case K.MethodDeclaration: {
        const method = node as ts.MethodDeclaration;
        this.propertyName(method.name);
        for (const parameter of method.parameters) this.node(parameter);
        if (method.body) this.statements(method.body.statements);
        return;
      }
      default:
        if (ts.isTemplateLiteralToken(node)) this.literal(node.text);
        this.token(String(node.kind));
        ts.forEachChild(node, (child) => this.node(child));
    }
  }

  private literal(text: string): void {
    this.literalHash = combineHashes(this.literalHash, hashString(text));
  }

  private identifier(name: string): void {
    if (!this.locals.has(name)) {
      this.token(`i:${name}`);
      return;
    }
    let id = this.localIds.get(name);
    if (id === undefined) {
      id = this.localIds.size;
      this.localIds.set(name, id);
    }
    this.token(`$${id}`);
  }

  private propertyName(name: ts.PropertyName): void {
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) this.token(`.${name.text}`);
    else if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) this.token(`.${name.text}`);
    else this.node(name);
  }

  /** Blocks are flattened: `if (c) return a;` and `if (c) { return a; }` emit the same tokens. */
  statements(list: readonly ts.Statement[]): void {
    for (let i = 0; i < list.length; i++) {
      const statement = list[i]!;
      const loop = accumulatorLoop(statement, list[i + 1], this.source);
      if (loop) {
        // The loop and its accumulator (and `return acc` right after) as the array method's one statement.
        const returned = returns(list[i + 2], loop.accumulatorName.text);
        this.asStatement(() => {
          if (returned) this.token(RETURN);
          else this.declaration(loop.accumulatorName);
          this.collection(loop);
        });
        i += returned ? 2 : 1;
        continue;
      }
      const declared = singleDeclaration(statement);
      if (declared && returns(list[i + 1], declared.name.text)) {
        this.asStatement(() => this.returnValue(declared.initial));
        i += 1;
        continue;
      }
      this.node(statement);
    }
  }

  /** The tokens of `const name = ` before its initialiser. */
  private declaration(name: ts.Identifier): void {
    this.token(String(K.VariableStatement));
    this.token(String(K.VariableDeclarationList));
    this.token(String(K.VariableDeclaration));
    this.identifier(name.text);
  }

  private collection(operation: CollectionOperation): void {
    this.token(`@${operation.kind}`);
    this.node(operation.iterable);
    if (operation.accumulator) this.node(operation.accumulator);
    this.node(operation.item);
    if (operation.operator !== undefined && operation.accumulator) {
      // `acc += e` is `acc = acc + e`.
      this.token(`bin${ts.tokenToString(operation.operator) ?? operation.operator}`);
      this.node(operation.accumulator);
    }
    this.node(operation.value);
    if (operation.initial) this.node(operation.initial);
  }

  private ifStatement(statement: ts.IfStatement): void {
    this.token(IF);
    this.node(statement.expression);
    this.node(statement.thenStatement);
    if (!statement.elseStatement) return;
    // `if (c) return a; else return b;` is `if (c) return a; return b;`.
    if (!exits(statement.thenStatement)) this.token(ELSE);
    this.node(statement.elseStatement);
  }

  /** `return c ? a : b` emits as `if (c) return a; return b;`. */
  private returnValue(expression: ts.Expression): void {
    const inner = unwrap(expression);
    if (ts.isConditionalExpression(inner)) {
      this.token(IF);
      this.node(inner.condition);
      this.returnValue(inner.whenTrue);
      this.returnValue(inner.whenFalse);
      return;
    }
    this.token(RETURN);
    this.node(inner);
  }

  private loop(iterable: ts.Node, binding: ts.Node | undefined, body: readonly ts.Statement[] | ts.Node): void {
    this.token(LOOP);
    this.node(iterable);
    if (binding) this.node(binding);
    if (Array.isArray(body)) this.statements(body as readonly ts.Statement[]);
    else this.node(body as ts.Node);
  }

  private forOf(statement: ts.ForOfStatement): void {
    const { initializer } = statement;
    const binding = ts.isVariableDeclarationList(initializer) ? initializer.declarations[0]?.name : initializer;
    if (statement.awaitModifier) this.token("await");
    this.loop(statement.expression, binding, statement.statement);
  }

  /** `for (let i = 0; i < xs.length; i++) { const x = xs[i]; ... }` is `for (const x of xs) { ... }`. */
  private forStatement(statement: ts.ForStatement): void {
    const indexLoop = matchIndexLoop(statement, this.source);
    if (indexLoop) {
      this.loop(indexLoop.iterable, indexLoop.binding, indexLoop.rest);
      return;
    }
    this.token(String(K.ForStatement));
    ts.forEachChild(statement, (child) => this.node(child));
  }

  /** `xs.forEach((x) => { ... })` as a statement is `for (const x of xs) { ... }`. */
  private expressionStatement(statement: ts.ExpressionStatement): void {
    const call = unwrap(statement.expression);
    if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "forEach" && call.arguments.length === 1) {
      const callback = unwrap(call.arguments[0]!);
      if ((ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && callback.parameters.length === 1) {
        const { body } = callback;
        if (ts.isBlock(body)) this.loop(call.expression.expression, callback.parameters[0]!.name, body.statements);
        else {
          this.token(LOOP);
          this.node(call.expression.expression);
          this.node(callback.parameters[0]!.name);
          this.token(String(K.ExpressionStatement));
          this.node(body);
        }
        return;
      }
    }
    this.token(String(K.ExpressionStatement));
    this.node(statement.expression);
  }

  /** `switch (d) { case A: ...; break; default: ... }` emits as `if (d === A) { ... } else { ... }`. */
  private switchStatement(statement: ts.SwitchStatement): void {
    let pending: ts.Expression[] = [];
    let previousExits = true;
    let first = true;
    for (const clause of statement.caseBlock.clauses) {
      if (ts.isCaseClause(clause) && clause.statements.length === 0) {
        pending.push(clause.expression);
        continue;
      }
      const body = withoutTrailingBreak(clause.statements);
      if (!first && !previousExits) this.token(ELSE);
      first = false;
      if (ts.isCaseClause(clause)) {
        const tests = [...pending, clause.expression];
        pending = [];
        this.token(IF);
        for (let i = 1; i < tests.length; i++) this.token("bin||");
        for (const test of tests) {
          this.token("bin==");
          this.node(statement.expression);
          this.node(test);
        }
      }
      this.statements(body);
      const last = body[body.length - 1];
      previousExits = last !== undefined && exits(last);
    }
  }

  private binary(expression: ts.BinaryExpression): void {
    const operator = expression.operatorToken.kind;
    let text = ts.tokenToString(operator) ?? String(operator);
    if (text === "===") text = "==";
    else if (text === "!==") text = "!=";
    this.token(`bin${text}`);
    this.node(expression.left);
    this.node(expression.right);
  }
}

/** `return name;` */
function returns(statement: ts.Statement | undefined, name: string): boolean {
  if (!statement || !ts.isReturnStatement(statement) || !statement.expression) return false;
  const value = unwrap(statement.expression);
  return ts.isIdentifier(value) && value.text === name;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}

/** Whether control never falls out of the statement (return, throw, break, continue). */
function exits(statement: ts.Statement): boolean {
  switch (statement.kind) {
    case K.ReturnStatement:
    case K.ThrowStatement:
    case K.BreakStatement:
    case K.ContinueStatement:
      return true;
    case K.Block: {
      const { statements } = statement as ts.Block;
      const last = statements[statements.length - 1];
      return last !== undefined && exits(last);
    }
    case K.IfStatement: {
      const { thenStatement, elseStatement } = statement as ts.IfStatement;
      return elseStatement !== undefined && exits(thenStatement) && exits(elseStatement);
    }
    default:
      return false;
  }
}

function withoutTrailingBreak(statements: readonly ts.Statement[]): readonly ts.Statement[] {
  const last = statements[statements.length - 1];
  if (last && ts.isBreakStatement(last) && !last.label) return statements.slice(0, -1);
  if (last && ts.isBlock(last)) return [...statements.slice(0, -1), ...withoutTrailingBreak(last.statements)];
  return statements;
}

interface IndexLoop {
  iterable: ts.Expression;
  binding: ts.BindingName;
  rest: readonly ts.Statement[];
}

function matchIndexLoop(statement: ts.ForStatement, source: ts.SourceFile): IndexLoop | undefined {
  const { initializer, condition, incrementor } = statement;
  if (!initializer || !ts.isVariableDeclarationList(initializer) || initializer.declarations.length !== 1) return undefined;
  const index = initializer.declarations[0]!.name;
  if (!ts.isIdentifier(index)) return undefined;
  if (!condition || !ts.isBinaryExpression(condition) || condition.operatorToken.kind !== K.LessThanToken) return undefined;
  const bound = condition.right;
  if (!ts.isPropertyAccessExpression(bound) || bound.name.text !== "length") return undefined;
  if (!incrementor || !(ts.isPostfixUnaryExpression(incrementor) || ts.isPrefixUnaryExpression(incrementor))) return undefined;
  if (!ts.isBlock(statement.statement)) return undefined;
  const [first, ...rest] = statement.statement.statements;
  if (!first || !ts.isVariableStatement(first) || first.declarationList.declarations.length !== 1) return undefined;
  const declaration = first.declarationList.declarations[0]!;
  const init = declaration.initializer && unwrap(declaration.initializer);
  if (!init || !ts.isElementAccessExpression(init)) return undefined;
  const iterableText = bound.expression.getText(source);
  if (init.expression.getText(source) !== iterableText || init.argumentExpression.getText(source) !== index.text) return undefined;
  return { iterable: bound.expression, binding: declaration.name, rest };
}
