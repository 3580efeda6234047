import path from "node:path";
import ts from "typescript";
import type { DepsDiagnostic, ImportUse } from "../types.js";

/** What a local name stands for: a namespace/default/require binding, a named import, or an instance made from one. */
interface Binding {
  use: ImportUse;
  owner: string;
  instance: boolean;
}

function position(sourceFile: ts.SourceFile, node: ts.Node): { line: number; column: number } {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return { line: line + 1, column: character + 1 };
}

function isRequireCall(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === "require" &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0]!)
  );
}

function isDynamicImport(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]!);
}

/** The declaration a require()/import() result is bound to: `const x = require()`, `const x = await import()`. */
function bindingTarget(call: ts.Node): ts.VariableDeclaration | undefined {
  let node = call.parent;
  if (node && ts.isAwaitExpression(node)) node = node.parent;
  return node && ts.isVariableDeclaration(node) && node.initializer && (node.initializer === call || node.initializer === call.parent) ? node : undefined;
}

const JAVASCRIPT_FILE = /\.[cm]?jsx?$/;

/**
 * Whether an identifier stands in a type: an annotation, a type argument, `typeof X` inside a type, an
 * `implements` clause or an interface's `extends`. A class's `extends` needs the value.
 */
function isInTypePosition(identifier: ts.Node): boolean {
  for (let parent = identifier.parent; parent; parent = parent.parent) {
    if (ts.isExpressionWithTypeArguments(parent)) {
      const clause = parent.parent;
      return !(ts.isHeritageClause(clause) && clause.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(clause.parent));
    }
    if (ts.isTypeNode(parent)) return true;
    if (!ts.isQualifiedName(parent) && !ts.isPropertyAccessExpression(parent)) return false;
  }
  return false;
}

/** Reads every import, re-export, require() and import() of the files, with the names and members they use. */
export function extractImports(
  root: string,
  files: readonly string[],
  /** Texts that replace the files on disk (an editor's unsaved buffer), by repo-relative path. */
  sources?: ReadonlyMap<string, string>,
): { uses: ImportUse[]; diagnostics: DepsDiagnostic[] } {
  const uses: ImportUse[] = [];
  const diagnostics: DepsDiagnostic[] = [];
  const options: ts.CompilerOptions = { allowJs: true, noResolve: true, noLib: true, types: [], jsx: ts.JsxEmit.Preserve, noEmit: true, target: ts.ScriptTarget.ESNext };
  const host = ts.createCompilerHost(options);
  if (sources?.size) {
    const overrides = new Map([...sources].map(([file, text]) => [path.join(root, file), text]));
    const { getSourceFile, readFile, fileExists } = host;
    host.getSourceFile = (name, version, ...rest) => {
      const text = overrides.get(path.resolve(name));
      return text === undefined ? getSourceFile(name, version, ...rest) : ts.createSourceFile(name, text, version, true);
    };
    host.readFile = (name) => overrides.get(path.resolve(name)) ?? readFile(name);
    host.fileExists = (name) => overrides.has(path.resolve(name)) || fileExists(name);
  }
  const program = ts.createProgram({ rootNames: files.map((file) => path.join(root, file)), options, host });
  const checker = program.getTypeChecker();

  for (const file of files) {
    const sourceFile = program.getSourceFile(path.join(root, file));
    if (!sourceFile) continue;
    const syntax = program.getSyntacticDiagnostics(sourceFile);
    if (syntax.length) {
      const first = syntax[0]!;
      const line = first.start === undefined ? 1 : sourceFile.getLineAndCharacterOfPosition(first.start).line + 1;
      diagnostics.push({ code: "parse-error", path: file, line, message: `${file}:${line}: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}; imports after it may be missed` });
    }
    const bindings = new Map<ts.Symbol, Binding>();
    // Named imports of a TypeScript file, by local symbol: those referenced only in types are erased when it compiles.
    const namedValueImports = new Map<ts.Symbol, ImportUse["names"][number]>();
    const bind = (name: ts.Node, binding: Binding) => {
      const symbol = checker.getSymbolAtLocation(name);
      if (symbol) bindings.set(symbol, binding);
    };
    const newUse = (node: ts.Node, specifier: string, kind: ImportUse["kind"], typeOnly: boolean): ImportUse => {
      const use: ImportUse = { file, ...position(sourceFile, node), specifier, kind, typeOnly, names: [], members: [] };
      uses.push(use);
      return use;
    };
    /** `const { a, b: c } = require()` and the like: each property is a named export. */
    const bindPattern = (use: ImportUse, target: ts.VariableDeclaration) => {
      if (ts.isIdentifier(target.name)) {
        bind(target.name, { use, owner: "*", instance: false });
        return;
      }
      if (!ts.isObjectBindingPattern(target.name)) return;
      for (const element of target.name.elements) {
        const key = element.propertyName ?? element.name;
        if (!ts.isIdentifier(key) && !ts.isStringLiteral(key)) continue;
        use.names.push({ name: key.text, ...position(sourceFile, element), typeOnly: false });
        if (ts.isIdentifier(element.name)) bind(element.name, { use, owner: key.text, instance: false });
      }
    };

    const collect = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const use = newUse(node, node.moduleSpecifier.text, "import", Boolean(clause?.isTypeOnly));
        if (clause?.name) bind(clause.name, { use, owner: "default", instance: false });
        const named = clause?.namedBindings;
        if (named && ts.isNamespaceImport(named)) bind(named.name, { use, owner: "*", instance: false });
        if (named && ts.isNamedImports(named)) {
          for (const element of named.elements) {
            const imported = (element.propertyName ?? element.name).text;
            const entry = { name: imported, ...position(sourceFile, element), typeOnly: use.typeOnly || element.isTypeOnly };
            use.names.push(entry);
            bind(element.name, { use, owner: imported, instance: false });
            const local = checker.getSymbolAtLocation(element.name);
            if (local && !entry.typeOnly && !JAVASCRIPT_FILE.test(file)) namedValueImports.set(local, entry);
          }
        }
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const use = newUse(node, node.moduleSpecifier.text, "re-export", node.isTypeOnly);
        if (node.exportClause && ts.isNamedExports(node.exportClause)) {
          for (const element of node.exportClause.elements) {
            use.names.push({ name: (element.propertyName ?? element.name).text, ...position(sourceFile, element), typeOnly: use.typeOnly || element.isTypeOnly });
          }
        }
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
        const use = newUse(node, node.moduleReference.expression.text, "import-equals", node.isTypeOnly);
        bind(node.name, { use, owner: "*", instance: false });
      } else if (isRequireCall(node) || isDynamicImport(node)) {
        const specifier = (node.arguments[0] as ts.StringLiteralLike).text;
        const use = newUse(node, specifier, isRequireCall(node) ? "require" : "dynamic-import", false);
        const target = bindingTarget(node);
        if (target) bindPattern(use, target);
        else if (ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) {
          use.names.push({ name: node.parent.name.text, ...position(sourceFile, node.parent.name), typeOnly: false });
        }
      }
      ts.forEachChild(node, collect);
    };
    collect(sourceFile);
    markImportsUsedOnlyAsTypes(sourceFile, checker, namedValueImports);
    if (bindings.size === 0) continue;

    /** `const x = new Imported()` / `Imported()` / `await Imported()`: x is an instance of that export. */
    const trackInstances = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        let init: ts.Expression = node.initializer;
        if (ts.isAwaitExpression(init)) init = init.expression;
        if ((ts.isNewExpression(init) || ts.isCallExpression(init)) && !isRequireCall(init) && !isDynamicImport(init)) {
          const callee = init.expression;
          let binding: Binding | undefined;
          let owner: string | undefined;
          if (ts.isIdentifier(callee)) {
            const symbol = checker.getSymbolAtLocation(callee);
            binding = symbol && bindings.get(symbol);
            // Calling a namespace/require binding calls module.exports, which the surface files under "default".
            owner = binding && !binding.instance ? (binding.owner === "*" ? "default" : binding.owner) : undefined;
          } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
            const symbol = checker.getSymbolAtLocation(callee.expression);
            binding = symbol && bindings.get(symbol);
            owner = binding && !binding.instance && binding.owner === "*" ? callee.name.text : undefined;
          }
          if (binding && owner) bind(node.name, { use: binding.use, owner, instance: true });
        }
      }
      ts.forEachChild(node, trackInstances);
    };
    trackInstances(sourceFile);

    const collectMembers = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
        const symbol = checker.getSymbolAtLocation(node.expression);
        const binding = symbol && bindings.get(symbol);
        if (binding) {
          binding.use.members.push({ owner: binding.owner, instance: binding.instance, member: node.name.text, ...position(sourceFile, node.name) });
        }
      }
      ts.forEachChild(node, collectMembers);
    };
    collectMembers(sourceFile);
  }
  return { uses, diagnostics };
}

/**
 * `import { Blob } from "node-fetch"` where `Blob` only annotates: TypeScript drops the import, so whether the
 * package's JavaScript has `Blob` does not matter. Each such name is marked type-only (it is still judged
 * against the package's types). A name not referenced at all is left as it is: it is about to be used.
 */
function markImportsUsedOnlyAsTypes(sourceFile: ts.SourceFile, checker: ts.TypeChecker, imports: Map<ts.Symbol, ImportUse["names"][number]>): void {
  if (imports.size === 0) return;
  const usedAsValue = new Set<ts.Symbol>();
  const usedAsType = new Set<ts.Symbol>();
  // The checker is asked only about identifiers spelled like an imported name, not about every identifier.
  const localNames = new Set([...imports.keys()].map((symbol) => symbol.name));
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node)) {
      if (!localNames.has(node.text)) return;
      const symbol = checker.getSymbolAtLocation(node);
      if (symbol && imports.has(symbol)) (isInTypePosition(node) ? usedAsType : usedAsValue).add(symbol);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  for (const [symbol, entry] of imports) if (usedAsType.has(symbol) && !usedAsValue.has(symbol)) entry.typeOnly = true;
}

/** "@scope/name/sub/path" → { name: "@scope/name", subpath: "./sub/path" }; undefined for relative and absolute specifiers. */
export function splitSpecifier(specifier: string): { name: string; subpath: string } | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || /^[a-z]+:/i.test(specifier) || specifier.startsWith("#")) return undefined;
  const parts = specifier.split("/");
  const count = specifier.startsWith("@") ? 2 : 1;
  if (parts.length < count || parts.slice(0, count).some((part) => !part)) return undefined;
  const rest = parts.slice(count).join("/");
  return { name: parts.slice(0, count).join("/"), subpath: rest ? `./${rest}` : "." };
}
