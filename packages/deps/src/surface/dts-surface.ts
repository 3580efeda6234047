import path from "node:path";
import ts from "typescript";
import type { ModuleSurface } from "../types.js";
import type { PackageFiles } from "./package-files.js";
import { memoryCompilerHost } from "./memory-host.js";

const ROOT = "/package";
const MAX_MEMBERS = 500;

function deprecationOf(symbol: ts.Symbol, checker: ts.TypeChecker): string | undefined {
  const tag = symbol.getJsDocTags(checker).find((t) => t.name === "deprecated");
  if (!tag) return undefined;
  return ts.displayPartsToString(tag.text).replace(/\s+/g, " ").trim() || "deprecated";
}

/** Doc sentences that say what something replaces: "Renamed from `X`", "Replaces `X`", "formerly `X`". */
const REPLACEMENT_NOTE = /\b(renamed|formerly|previously (?:called|named|known)|replaces|replacement for|instead of|successor)\b/i;
const MAX_NOTE = 240;

/** The first doc sentence of a symbol that names what it replaces, for "what replaced it" evidence. */
function replacementNoteOf(symbol: ts.Symbol, checker: ts.TypeChecker): string | undefined {
  const text = [ts.displayPartsToString(symbol.getDocumentationComment(checker)), ...symbol.getJsDocTags(checker).filter((t) => t.name !== "deprecated").map((t) => ts.displayPartsToString(t.text))].join(" ");
  const sentence = text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+/)
    .find((part) => REPLACEMENT_NOTE.test(part));
  return sentence ? sentence.trim().slice(0, MAX_NOTE) : undefined;
}

function resolveAlias(symbol: ts.Symbol, checker: ts.TypeChecker): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/**
 * Instance members of well-known bases that live outside the package (Node's EventEmitter, which packages
 * extend as `NodeJS.EventEmitter` or through `import { EventEmitter } from "events"`): without @types/node
 * the base does not resolve, and an unknown base would make every inherited member look absent. The list is
 * the union over Node versions, so it errs on the side of "present".
 */
const EVENT_EMITTER_MEMBERS = [
  "addListener", "on", "once", "removeListener", "off", "removeAllListeners", "setMaxListeners", "getMaxListeners",
  "listeners", "rawListeners", "emit", "listenerCount", "prependListener", "prependOnceListener", "eventNames",
];
const EVENT_EMITTER_MODULES = new Set(["events", "node:events", "eventemitter3"]);

/** The members of an extends clause that did not resolve, when it names a base we know; undefined otherwise. */
function knownExternalBase(clause: ts.ExpressionWithTypeArguments): string[] | undefined {
  const text = clause.expression.getText();
  if (text === "NodeJS.EventEmitter") return EVENT_EMITTER_MEMBERS;
  // `EventEmitter` / `events.EventEmitter`: accept it only when the file imports it from the events module.
  const head = text.split(".")[0]!;
  if (text !== "EventEmitter" && text !== `${head}.EventEmitter`) return undefined;
  const file = clause.getSourceFile();
  const fromEvents = file.statements.some((statement) => {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bound = statement.importClause;
      const names = [bound?.name?.text, ...(bound?.namedBindings ? (ts.isNamespaceImport(bound.namedBindings) ? [bound.namedBindings.name.text] : bound.namedBindings.elements.map((e) => e.name.text)) : [])];
      return EVENT_EMITTER_MODULES.has(statement.moduleSpecifier.text) && names.includes(head);
    }
    if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && ts.isStringLiteral(statement.moduleReference.expression)) {
      return EVENT_EMITTER_MODULES.has(statement.moduleReference.expression.text) && statement.name.text === head;
    }
    return false;
  });
  return fromEvents ? EVENT_EMITTER_MEMBERS : undefined;
}

/** Generic parts a caller decides (`T`, `Cond<T>`, `T[K]`): they add only caller-defined members. */
const CALLER_DECIDED = ts.TypeFlags.TypeParameter | ts.TypeFlags.Conditional | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Substitution;

/**
 * Whether we can list a type's members: not any/unknown, no index signature, every base resolved or a known
 * external base. Returns the members known external bases add ([] when none), or undefined when not listable.
 * `lenient` (what a factory returns) skips caller-decided parts of an intersection.
 */
function listable(type: ts.Type, checker: ts.TypeChecker, lenient = false): string[] | undefined {
  if (type.isUnion()) return undefined;
  if (type.isIntersection()) {
    const parts = lenient ? type.types.filter((part) => !(part.flags & CALLER_DECIDED)) : type.types;
    if (parts.length === 0) return undefined;
    const extra: string[] = [];
    for (const part of parts) {
      const inherited = listable(part, checker, lenient);
      if (!inherited) return undefined;
      extra.push(...inherited);
    }
    return extra;
  }
  // Primitives, any and unknown: without the default lib their members are not in the declarations.
  if (!(type.flags & ts.TypeFlags.Object)) return undefined;
  if (checker.getIndexInfosOfType(type).length) return undefined;
  const extra: string[] = [];
  const target = (type as ts.TypeReference).target ?? type;
  if (target.isClassOrInterface()) {
    const declared = target.symbol?.declarations ?? [];
    const clauses = declared.flatMap((d) =>
      ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d) ? (d.heritageClauses ?? []).filter((h) => h.token === ts.SyntaxKind.ExtendsKeyword).flatMap((h) => [...h.types]) : [],
    );
    for (const clause of clauses) {
      if (checker.getTypeAtLocation(clause).flags & ts.TypeFlags.Object) continue;
      const known = knownExternalBase(clause);
      if (!known) return undefined;
      extra.push(...known);
    }
    for (const base of checker.getBaseTypes(target)) {
      const inherited = listable(base, checker);
      if (!inherited) return undefined;
      extra.push(...inherited);
    }
  }
  return extra;
}

function membersOf(
  type: ts.Type,
  checker: ts.TypeChecker,
  owner: string,
  deprecated: Record<string, string>,
  separator: string,
  lenient = false,
  notes?: Record<string, string>,
): string[] | undefined {
  const inherited = listable(type, checker, lenient);
  if (!inherited) return undefined;
  const props = checker.getPropertiesOfType(type).slice(0, MAX_MEMBERS);
  // Callable values also have Function.prototype's members, which the missing default lib would hide.
  const callable = type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0;
  if (callable && props.length === 0) return undefined;
  for (const prop of props) {
    const text = deprecationOf(prop, checker);
    if (text) deprecated[`${owner}${separator}${prop.name}`] = text;
    const note = notes && replacementNoteOf(prop, checker);
    if (note) notes[`${owner}${separator}${prop.name}`] = note;
  }
  return [...new Set([...props.map((prop) => prop.name), ...inherited, ...(callable ? FUNCTION_MEMBERS : [])])];
}

const FUNCTION_MEMBERS = ["call", "apply", "bind", "name", "length", "prototype"];

/** Members of what the export creates: instances of a class, or what a factory function returns. */
function instanceMembers(symbol: ts.Symbol, checker: ts.TypeChecker, owner: string, deprecated: Record<string, string>, notes: Record<string, string>): string[] | undefined {
  if (symbol.flags & ts.SymbolFlags.Class) return membersOf(checker.getDeclaredTypeOfSymbol(symbol), checker, owner, deprecated, "#", false, notes);
  if (!(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable))) return undefined;
  const type = checker.getTypeOfSymbol(symbol);
  const signatures = [...type.getConstructSignatures(), ...type.getCallSignatures()];
  if (signatures.length === 0) return undefined;
  const names = new Set<string>();
  let read = 0;
  for (const signature of signatures) {
    const returned = checker.getReturnTypeOfSignature(signature);
    // `model<T, U>(): U`: an overload whose result the caller names adds only members the caller declares.
    if (returned.flags & ts.TypeFlags.TypeParameter && signature.typeParameters?.some((p) => p === returned)) continue;
    const members = membersOf(returned, checker, owner, deprecated, "#", true, notes);
    if (!members) return undefined; // one overload we cannot read: do not judge any
    read += 1;
    for (const name of members) names.add(name);
  }
  return read ? [...names] : undefined;
}

export interface DtsResult {
  surface: ModuleSurface;
  /** Specifiers of `export * from "x"` that leave the package (the surface is open until they are followed). */
  externalReexports: string[];
  /** Open for a reason other than those re-exports: following them cannot close it. */
  openOtherwise: boolean;
  /** Exports that are values (not only types). */
  values: string[];
}

/** The exports (types included), members and @deprecated tags of a declaration entry file, re-exports followed. */
export function dtsSurface(files: PackageFiles, entry: string, from = "d.ts", packageName?: string): DtsResult {
  const externalReexports = new Set<string>();
  const values = new Set<string>();
  let openOtherwise = false;
  const result = (): DtsResult => ({ surface, externalReexports: [...externalReexports], openOtherwise: openOtherwise || (surface.open && !externalReexports.size), values: [...values] });
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
  const program = ts.createProgram({ rootNames: [entryPath], options, host: memoryCompilerHost(files, ROOT) });
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(entryPath);
  const notes: Record<string, string> = {};
  const surface: ModuleSurface = { exports: [], open: false, staticMembers: {}, instanceMembers: {}, deprecated: {}, from };
  // Packages like mongoose declare themselves as an ambient module: `declare module "mongoose" { ... }`.
  const moduleSymbol =
    (sourceFile && checker.getSymbolAtLocation(sourceFile)) ?? (packageName ? checker.getAmbientModules().find((m) => m.name === `"${packageName}"`) : undefined);
  if (sourceFile && !moduleSymbol && sourceFile.statements.length === 0) {
    // An empty declaration file (firebase 8's "empty-import.d.ts"): the subpath is imported for its side
    // effects and exports nothing.
    return result();
  }
  if (!sourceFile || !moduleSymbol) {
    // A declaration file with no imports/exports is a global script: nothing to enumerate.
    surface.open = true;
    return result();
  }
  // `export * from "other-package"` brings names we cannot see from here: the caller may follow them.
  for (const file of program.getSourceFiles()) {
    for (const statement of file.statements) {
      if (ts.isExportDeclaration(statement) && !statement.exportClause && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        if (checker.getSymbolAtLocation(statement.moduleSpecifier)) continue;
        surface.open = true;
        externalReexports.add(statement.moduleSpecifier.text);
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
    const note = replacementNoteOf(target, checker) ?? replacementNoteOf(symbol, checker);
    if (note) notes[name] = note;
    if (target.flags & ts.SymbolFlags.Value) {
      values.add(name);
      const statics = membersOf(checker.getTypeOfSymbol(target), checker, name, surface.deprecated, ".", false, notes);
      if (statics) surface.staticMembers[name] = statics;
      const made = instanceMembers(target, checker, name, surface.deprecated, notes);
      if (made) surface.instanceMembers[name] = made;
      // A function with no construct signature makes its values by being called: a factory, for messages.
      if (made && !(target.flags & ts.SymbolFlags.Class) && checker.getTypeOfSymbol(target).getConstructSignatures().length === 0) {
        (surface.factories ??= []).push(name);
      }
    }
  };
  if (exportEquals) {
    // `export = x`: `import x from`, `require()` and `import * as` all see x; named imports see its properties.
    const target = resolveAlias(exportEquals, checker);
    record("default", exportEquals);
    const statics = surface.staticMembers.default;
    const namespaceExports = target.flags & (ts.SymbolFlags.Namespace | ts.SymbolFlags.ValueModule) ? checker.getExportsOfModule(target) : [];
    for (const symbol of namespaceExports) record(symbol.name, symbol);
    if (statics) {
      for (const name of statics) {
        names.add(name);
        values.add(name);
      }
    }
    // An empty namespace with no value (`declare namespace empty {} export = empty`, firebase 8's side-effect
    // subpaths) exports nothing; a value whose members we cannot list might export anything.
    if (!statics && !namespaceExports.length && target.flags & ts.SymbolFlags.Value) surface.open = openOtherwise = true;
  } else {
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) record(symbol.name, symbol);
  }
  surface.exports = [...names];
  if (Object.keys(notes).length) surface.replacementNotes = notes;
  return result();
}
