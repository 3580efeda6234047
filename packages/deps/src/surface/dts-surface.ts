import path from "node:path";
import ts from "typescript";
import type { ModuleSurface } from "../types.js";
import type { PackageFiles } from "./package-files.js";

const ROOT = "/package";
const MAX_MEMBERS = 500;

function deprecationOf(symbol: ts.Symbol, checker: ts.TypeChecker): string | undefined {
  const tag = symbol.getJsDocTags(checker).find((t) => t.name === "deprecated");
  if (!tag) return undefined;
  return ts.displayPartsToString(tag.text).replace(/\s+/g, " ").trim() || "deprecated";
}

function resolveAlias(symbol: ts.Symbol, checker: ts.TypeChecker): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** A type whose members we can list: not any/unknown, no index signature, every base type resolved. */
function listable(type: ts.Type, checker: ts.TypeChecker): boolean {
  if (type.isUnion()) return false;
  if (type.isIntersection()) return type.types.every((part) => listable(part, checker));
  // Primitives, any and unknown: without the default lib their members are not in the declarations.
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  if (checker.getIndexInfosOfType(type).length) return false;
  if (type.isClassOrInterface()) {
    const declared = type.symbol?.declarations ?? [];
    const heritage = declared.flatMap((d) => (ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d) ? (d.heritageClauses ?? []).flatMap((h) => [...h.types]) : []));
    const bases = checker.getBaseTypes(type);
    if (bases.length < heritage.filter((h) => (h.parent as ts.HeritageClause).token === ts.SyntaxKind.ExtendsKeyword).length) return false;
    if (!bases.every((base) => listable(base, checker))) return false;
  }
  return true;
}

function membersOf(type: ts.Type, checker: ts.TypeChecker, owner: string, deprecated: Record<string, string>, separator: string): string[] | undefined {
  if (!listable(type, checker)) return undefined;
  const props = checker.getPropertiesOfType(type).slice(0, MAX_MEMBERS);
  // Callable values also have Function.prototype's members, which the missing default lib would hide.
  const callable = type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0;
  if (callable && props.length === 0) return undefined;
  for (const prop of props) {
    const text = deprecationOf(prop, checker);
    if (text) deprecated[`${owner}${separator}${prop.name}`] = text;
  }
  return [...props.map((prop) => prop.name), ...(callable ? FUNCTION_MEMBERS : [])];
}

const FUNCTION_MEMBERS = ["call", "apply", "bind", "name", "length", "prototype"];

/** Members of what the export creates: instances of a class, or what a factory function returns. */
function instanceMembers(symbol: ts.Symbol, checker: ts.TypeChecker, owner: string, deprecated: Record<string, string>): string[] | undefined {
  if (symbol.flags & ts.SymbolFlags.Class) return membersOf(checker.getDeclaredTypeOfSymbol(symbol), checker, owner, deprecated, "#");
  if (!(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable))) return undefined;
  const type = checker.getTypeOfSymbol(symbol);
  const signatures = [...type.getConstructSignatures(), ...type.getCallSignatures()];
  if (signatures.length === 0) return undefined;
  const names = new Set<string>();
  for (const signature of signatures) {
    const members = membersOf(checker.getReturnTypeOfSignature(signature), checker, owner, deprecated, "#");
    if (!members) return undefined; // one overload we cannot read: do not judge any
    for (const name of members) names.add(name);
  }
  return [...names];
}

/** A compiler host that serves the package's files from memory under /package and nothing else. */
function memoryHost(files: PackageFiles): ts.CompilerHost {
  const known = new Set(files.list().map((file) => `${ROOT}/${file}`));
  const read = (name: string) => (known.has(name) ? files.read(name.slice(ROOT.length + 1)) : undefined);
  return {
    getSourceFile: (name, languageVersion) => {
      const text = read(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, languageVersion, true);
    },
    getDefaultLibFileName: () => "/lib.d.ts",
    writeFile: () => {},
    getCurrentDirectory: () => ROOT,
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => known.has(name),
    readFile: read,
    directoryExists: (dir) => dir === ROOT || [...known].some((file) => file.startsWith(`${dir}/`)),
    getDirectories: () => [],
    realpath: (name) => name,
  };
}

/** The exports (types included), members and @deprecated tags of a declaration entry file, re-exports followed. */
export function dtsSurface(files: PackageFiles, entry: string, from = "d.ts", packageName?: string): ModuleSurface {
  const options: ts.CompilerOptions = {
    noLib: true,
    types: [],
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ESNext,
    allowJs: false,
  };
  const entryPath = path.posix.join(ROOT, entry);
  const program = ts.createProgram({ rootNames: [entryPath], options, host: memoryHost(files) });
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(entryPath);
  const surface: ModuleSurface = { exports: [], open: false, staticMembers: {}, instanceMembers: {}, deprecated: {}, from };
  // Packages like mongoose declare themselves as an ambient module: `declare module "mongoose" { ... }`.
  const moduleSymbol =
    (sourceFile && checker.getSymbolAtLocation(sourceFile)) ?? (packageName ? checker.getAmbientModules().find((m) => m.name === `"${packageName}"`) : undefined);
  if (sourceFile && !moduleSymbol && sourceFile.statements.length === 0) {
    // An empty declaration file (firebase 8's "empty-import.d.ts"): the subpath is imported for its side
    // effects and exports nothing.
    return surface;
  }
  if (!sourceFile || !moduleSymbol) {
    // A declaration file with no imports/exports is a global script: nothing to enumerate.
    surface.open = true;
    return surface;
  }
  // `export * from "other-package"` brings names we cannot see from here.
  for (const file of program.getSourceFiles()) {
    for (const statement of file.statements) {
      if (ts.isExportDeclaration(statement) && !statement.exportClause && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        if (!checker.getSymbolAtLocation(statement.moduleSpecifier)) surface.open = true;
      }
    }
  }

  const exportEquals = moduleSymbol.exports?.get(ts.InternalSymbolName.ExportEquals);
  const names = new Set<string>();
  const record = (name: string, symbol: ts.Symbol) => {
    names.add(name);
    const target = resolveAlias(symbol, checker);
    const text = deprecationOf(target, checker) ?? deprecationOf(symbol, checker);
    if (text) surface.deprecated[name] = text;
    if (target.flags & ts.SymbolFlags.Value) {
      const statics = membersOf(checker.getTypeOfSymbol(target), checker, name, surface.deprecated, ".");
      if (statics) surface.staticMembers[name] = statics;
      const made = instanceMembers(target, checker, name, surface.deprecated);
      if (made) surface.instanceMembers[name] = made;
    }
  };
  if (exportEquals) {
    // `export = x`: `import x from`, `require()` and `import * as` all see x; named imports see its properties.
    const target = resolveAlias(exportEquals, checker);
    record("default", exportEquals);
    const statics = surface.staticMembers.default;
    const namespaceExports = target.flags & (ts.SymbolFlags.Namespace | ts.SymbolFlags.ValueModule) ? checker.getExportsOfModule(target) : [];
    for (const symbol of namespaceExports) record(symbol.name, symbol);
    if (statics) for (const name of statics) names.add(name);
    // An empty namespace with no value (`declare namespace empty {} export = empty`, firebase 8's side-effect
    // subpaths) exports nothing; a value whose members we cannot list might export anything.
    else if (!namespaceExports.length && target.flags & ts.SymbolFlags.Value) surface.open = true;
  } else {
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) record(symbol.name, symbol);
  }
  surface.exports = [...names];
  return surface;
}
