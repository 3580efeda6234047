import { ts } from "ts-morph";
import type { FileIndex, FunctionUnit, ImportRecord } from "../types.js";
import { arrayMethodCall } from "./collection-loops.js";
import { localBindings } from "./local-bindings.js";
import { normaliseFunction } from "./normalise.js";

/** Units smaller than this are one-liners that everyone writes the same way; copies of them are not worth a warning. */
export const MIN_STATEMENTS = 3;
/** A 3-statement body of trivial statements (`const a = x; return a;`) is still too little logic to call a copy. */
const MIN_TOKENS = 12;

/**
 * Diagnostics TypeScript raises for code that is fine in sloppy-mode scripts (CommonJS): octal escapes and
 * literals, `with`, reserved words of strict mode used as names, `delete x`, `arguments`/`eval` assigned.
 * The syntax tree is complete, so the file is analysed.
 */
const STRICT_MODE_ONLY = new Set([1100, 1101, 1102, 1121, 1212, 1213, 1214, 1215, 1250, 1251, 1252, 1487, 1488, 1489]);

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

interface Candidate {
  fn: FunctionLike;
  /** The node whose span is reported (the whole `const x = () => {}` statement for bound arrows). */
  span: ts.Node;
  name: string;
  importName: string;
  exported: boolean;
}

function scriptKind(fileName: string): ts.ScriptKind {
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** Parses one file with the TypeScript compiler bundled in ts-morph (no program, no type-checking). */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
}

/** Indexes one file: its function-like units with their fingerprints, and what it imports. */
export function extractFileIndex(fileName: string, text: string): FileIndex {
  const source = parseSource(fileName, text);
  const parseDiagnostics = (source as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const firstError = parseDiagnostics.find((diagnostic) => !STRICT_MODE_ONLY.has(diagnostic.code));
  if (firstError) {
    const { line, character } = source.getLineAndCharacterOfPosition(firstError.start);
    return { units: [], imports: [], parseError: { line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(firstError.messageText, " ") } };
  }
  const imports: ImportRecord[] = [];
  const candidates: Candidate[] = [];
  const exportedNames = new Set<string>();
  for (const statement of source.statements) collect(statement, source, candidates, imports, exportedNames);

  const units: FunctionUnit[] = [];
  for (const candidate of candidates) {
    const unit = toUnit(candidate, source, exportedNames);
    if (unit) units.push(unit);
  }
  return { units, imports };
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/** The statements an array-method call returned or declared by `statement` stands for, beyond the statement itself. */
function loopStatementsOf(statement: ts.Statement): number {
  let value: ts.Expression | undefined;
  if (ts.isReturnStatement(statement)) value = statement.expression;
  else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) value = statement.declarationList.declarations[0]!.initializer;
  const call = value && unwrapExpression(value);
  if (!call || !ts.isCallExpression(call) || !arrayMethodCall(call)) return 0;
  const callback = unwrapExpression(call.arguments[0]!) as ts.ArrowFunction | ts.FunctionExpression;
  // A block callback's own return statement is counted where it stands.
  return ts.isBlock(callback.body) ? 1 : 2;
}

function unwrapExpression(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}

function asFunction(expression: ts.Expression | undefined): ts.ArrowFunction | ts.FunctionExpression | undefined {
  if (!expression) return undefined;
  const inner = unwrapExpression(expression);
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) ? inner : undefined;
}

function memberName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name) ? name.text : undefined;
}

/** Module-level declarations only: functions nested in other functions are part of their parent's logic. */
function collect(statement: ts.Statement, source: ts.SourceFile, candidates: Candidate[], imports: ImportRecord[], exportedNames: Set<string>): void {
  const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
    const names: string[] = [];
    const clause = statement.importClause;
    if (clause?.name) names.push("default");
    if (clause?.namedBindings) {
      if (ts.isNamespaceImport(clause.namedBindings)) names.push("*");
      else for (const element of clause.namedBindings.elements) names.push((element.propertyName ?? element.name).text);
    }
    imports.push({ specifier: statement.moduleSpecifier.text, names });
  } else if (ts.isExportDeclaration(statement)) {
    if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const names = statement.exportClause && ts.isNamedExports(statement.exportClause)
        ? statement.exportClause.elements.map((element) => (element.propertyName ?? element.name).getText(source))
        : ["*"];
      imports.push({ specifier: statement.moduleSpecifier.text, names });
    } else if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) exportedNames.add((element.propertyName ?? element.name).getText(source));
    }
  } else if (ts.isExportAssignment(statement)) {
    const fn = asFunction(statement.expression);
    if (fn) candidates.push({ fn, span: statement, name: "default", importName: "default", exported: true });
    else if (ts.isIdentifier(statement.expression)) exportedNames.add(statement.expression.text);
  } else if (ts.isFunctionDeclaration(statement) && statement.body) {
    const name = statement.name?.text ?? "default";
    candidates.push({ fn: statement, span: statement, name, importName: isDefault ? "default" : name, exported });
  } else if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      const name = declaration.name.text;
      const requireCall = requireSpecifier(declaration.initializer);
      if (requireCall) imports.push({ specifier: requireCall, names: requiredNames(declaration.name) });
      const fn = asFunction(declaration.initializer);
      const span = statement.declarationList.declarations.length === 1 ? statement : declaration;
      if (fn) candidates.push({ fn, span, name, importName: name, exported });
      const object = declaration.initializer && unwrapExpression(declaration.initializer);
      if (object && ts.isObjectLiteralExpression(object)) collectObjectMembers(object, name, exported, candidates);
    }
  } else if (ts.isClassDeclaration(statement)) {
    const className = statement.name?.text ?? "default";
    const importName = isDefault ? "default" : className;
    for (const member of statement.members) {
      const name = member.name && memberName(member.name);
      if (!name) continue;
      if (ts.isMethodDeclaration(member) && member.body) candidates.push({ fn: member, span: member, name: `${className}.${name}`, importName, exported });
      else if (ts.isPropertyDeclaration(member)) {
        const fn = asFunction(member.initializer);
        if (fn) candidates.push({ fn, span: member, name: `${className}.${name}`, importName, exported });
      }
    }
  } else if (ts.isExpressionStatement(statement)) {
    collectCommonJsExport(statement, candidates);
  }
}

function collectObjectMembers(object: ts.ObjectLiteralExpression, objectName: string, exported: boolean, candidates: Candidate[]): void {
  for (const property of object.properties) {
    const name = property.name && memberName(property.name);
    if (!name) continue;
    if (ts.isMethodDeclaration(property) && property.body) candidates.push({ fn: property, span: property, name: `${objectName}.${name}`, importName: objectName, exported });
    else if (ts.isPropertyAssignment(property)) {
      const fn = asFunction(property.initializer);
      if (fn) candidates.push({ fn, span: property, name: `${objectName}.${name}`, importName: objectName, exported });
    }
  }
}

/** `module.exports.x = function ...` and `exports.x = (...) => ...`. */
function collectCommonJsExport(statement: ts.ExpressionStatement, candidates: Candidate[]): void {
  const { expression } = statement;
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = expression.left;
  const fn = asFunction(expression.right);
  if (!fn || !ts.isPropertyAccessExpression(target)) return;
  const owner = target.expression;
  const isExports = (ts.isIdentifier(owner) && owner.text === "exports") ||
    (ts.isPropertyAccessExpression(owner) && ts.isIdentifier(owner.expression) && owner.expression.text === "module" && owner.name.text === "exports");
  if (isExports) candidates.push({ fn, span: statement, name: target.name.text, importName: target.name.text, exported: true });
}

function requireSpecifier(initializer: ts.Expression | undefined): string | undefined {
  if (!initializer) return undefined;
  const call = unwrapExpression(initializer);
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== "require") return undefined;
  const [argument] = call.arguments;
  return argument && ts.isStringLiteral(argument) ? argument.text : undefined;
}

function requiredNames(name: ts.BindingName): string[] {
  if (ts.isObjectBindingPattern(name)) {
    return name.elements.map((element) => (element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : ts.isIdentifier(element.name) ? element.name.text : "*"));
  }
  return ["*"];
}

/**
 * Statements in a body, nested ones included (a block is not a statement of its own). A statement that
 * returns or declares the result of a `map`, `filter` or `reduce` call counts as the loop it stands for
 * (accumulator, loop, push or assignment), so that a helper and its array-method rewrite are measured alike
 * (see collection-loops.ts).
 */
export function countStatements(node: ts.Node): number {
  let count = 0;
  const visit = (child: ts.Node): void => {
    if (child.kind >= ts.SyntaxKind.FirstStatement && child.kind <= ts.SyntaxKind.LastStatement) count += 1 + loopStatementsOf(child as ts.Statement);
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return count;
}

function toUnit(candidate: Candidate, source: ts.SourceFile, exportedNames: ReadonlySet<string>): FunctionUnit | undefined {
  const { fn } = candidate;
  if (!fn.body) return undefined;
  const statements = ts.isBlock(fn.body) ? countStatements(fn.body) : 1;
  if (statements < MIN_STATEMENTS) return undefined;
  const normalised = normaliseFunction(fn, localBindings(fn), source);
  if (normalised.tokens.length < MIN_TOKENS) return undefined;
  const start = source.getLineAndCharacterOfPosition(candidate.span.getStart(source));
  const end = source.getLineAndCharacterOfPosition(candidate.span.getEnd());
  const kind = ts.isFunctionDeclaration(fn) ? "function" : ts.isArrowFunction(fn) ? "arrow" : ts.isFunctionExpression(fn) ? "function-expression" : "method";
  return {
    name: candidate.name,
    importName: candidate.importName,
    kind,
    exported: candidate.exported || exportedNames.has(candidate.importName),
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    statements,
    exactHash: normalised.exactHash,
    literalHash: normalised.literalHash,
    tokens: normalised.tokens,
    statementHashes: normalised.statementHashes,
    statementSizes: normalised.statementSizes,
  };
}
