import path from "node:path";
import ts from "typescript";
import type { PackageFiles } from "../surface/package-files.js";
import { memoryCompilerHost } from "../surface/memory-host.js";

/** Builtin module name ("fs", "fs/promises", "test"; no `node:` prefix) → the names it provides. */
export type BuiltinModules = Record<string, string[]>;

/** In a module's list: its members could not all be listed, so a name missing from the list proves nothing. */
export const OPEN = "*";

const ROOT = "/types-node";

/**
 * The Node.js API one `@types/node` version describes: every `declare module "fs"` / `"node:fs"` with
 * its exports, and for `export = x` modules (events, process, module, assert) x's properties and `default`.
 */
export function builtinModulesOf(files: PackageFiles): BuiltinModules {
  const pkg = JSON.parse(files.read("package.json") ?? "{}") as { types?: string; typings?: string };
  const entry = path.posix.join(ROOT, pkg.types ?? pkg.typings ?? "index.d.ts");
  const program = ts.createProgram({ rootNames: [entry], options: { noLib: true, types: [], noEmit: true }, host: memoryCompilerHost(files, ROOT) });
  const checker = program.getTypeChecker();
  const modules: Record<string, Set<string>> = {};
  for (const moduleSymbol of checker.getAmbientModules()) {
    const name = moduleSymbol.name.replace(/^"|"$/g, "").replace(/^node:/, "");
    const names = (modules[name] ??= new Set());
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) names.add(symbol.name);
    const exportEquals = moduleSymbol.exports?.get(ts.InternalSymbolName.ExportEquals);
    if (!exportEquals) continue;
    names.add("default");
    const target = exportEquals.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exportEquals) : exportEquals;
    const declaration = target.valueDeclaration ?? target.declarations?.[0];
    const type = declaration ? checker.getTypeOfSymbolAtLocation(target, declaration) : undefined;
    // Read without the default lib, `Omit<typeof assert, …> & {…}` (assert/strict in @types/node 18) is `any`:
    // its members cannot be listed, so none may be judged missing.
    if (!type || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || checker.getIndexInfosOfType(type).length) names.add(OPEN);
    else for (const property of checker.getPropertiesOfType(type)) names.add(property.name);
  }
  return Object.fromEntries(Object.entries(modules).map(([name, names]) => [name, [...names].sort()]));
}
