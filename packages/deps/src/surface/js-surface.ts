import path from "node:path";
import { parse as parseCommonJs } from "cjs-module-lexer";
import ts from "typescript";
import type { ModuleSurface } from "../types.js";
import type { PackageFiles } from "./package-files.js";

const MAX_DEPTH = 4;

/** ESM export names of a JS file, and the modules it re-exports with `export *`. */
function esmExports(text: string): { names: string[]; stars: string[] } {
  const sourceFile = ts.createSourceFile("x.js", text, ts.ScriptTarget.ESNext, false, ts.ScriptKind.JS);
  const names: string[] = [];
  const stars: string[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause && ts.isNamedExports(statement.exportClause)) names.push(...statement.exportClause.elements.map((e) => e.name.text));
      else if (statement.exportClause && ts.isNamespaceExport(statement.exportClause)) names.push(statement.exportClause.name.text);
      else if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) stars.push(statement.moduleSpecifier.text);
    } else if (ts.isExportAssignment(statement)) names.push("default");
    else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.push("default");
      else if (ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) if (ts.isIdentifier(decl.name)) names.push(decl.name.text);
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) names.push(statement.name.text);
    }
  }
  return { names, stars };
}

function resolveRelative(files: PackageFiles, from: string, request: string): string | undefined {
  if (!request.startsWith(".")) return undefined;
  const base = path.posix.join(path.posix.dirname(from), request);
  const all = new Set(files.list());
  return [base, `${base}.js`, `${base}.cjs`, `${base}.mjs`, `${base}/index.js`].find((candidate) => all.has(candidate));
}

const IDENTIFIER = "[A-Za-z_$][\\w$]*";
const EXPORTS_IDENTIFIER = new RegExp(`module\\.exports\\s*=\\s*(?:exports\\s*=\\s*)?(${IDENTIFIER})\\s*[;\\n]`);

/**
 * `module.exports = fetch; fetch.isRedirect = ...` (node-fetch 2): the lexer sees no names on `fetch`, so the
 * properties assigned to it are collected here. undefined when they are also set in ways we cannot enumerate
 * (`Object.assign(fetch, ...)`, `fetch[key] = ...`, a class body, an object literal): then the export list
 * is not reliable.
 */
function propertiesOfExportedIdentifier(text: string): string[] | undefined {
  const match = EXPORTS_IDENTIFIER.exec(text);
  const id = match?.[1];
  if (!id || id === "exports" || id === "require") return [];
  const escaped = id.replace(/\$/g, "\\$");
  // A class body (static members) or an object literal holds names this scan does not read.
  if (new RegExp(`class\\s+${escaped}\\b|(?<![\\w$.])${escaped}\\s*=\\s*(?:\\{|class\\b)`).test(text)) return undefined;
  if (new RegExp(`Object\\.(?:assign|defineProperty|defineProperties)\\(\\s*${escaped}\\b|(?<![\\w$.])${escaped}\\[[^\\]]+\\]\\s*=[^=]`).test(text)) return undefined;
  const names = new Set<string>();
  for (const found of text.matchAll(new RegExp(`(?<![\\w$.])${escaped}\\.(${IDENTIFIER})\\s*=[^=]`, "g"))) names.add(found[1]!);
  return [...names];
}

/** Export names of an untyped package's JS entry: ESM syntax, or CommonJS through cjs-module-lexer. */
export function jsSurface(files: PackageFiles, entry: string): ModuleSurface {
  const surface: ModuleSurface = { exports: [], open: false, staticMembers: {}, instanceMembers: {}, deprecated: {}, from: "js" };
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, depth: number) => {
    if (seen.has(file) || depth > MAX_DEPTH) return;
    seen.add(file);
    const text = files.read(file);
    if (text === undefined) {
      surface.open = true;
      return;
    }
    const esm = /^\s*(export|import)\s/m.test(text) ? esmExports(text) : undefined;
    if (esm && (esm.names.length || esm.stars.length)) {
      for (const name of esm.names) names.add(name);
      for (const star of esm.stars) {
        const target = resolveRelative(files, file, star);
        if (target) visit(target, depth + 1);
        else surface.open = true;
      }
      return;
    }
    let parsed: { exports: string[]; reexports: string[] };
    try {
      parsed = parseCommonJs(text);
    } catch {
      surface.open = true;
      return;
    }
    for (const name of parsed.exports) names.add(name);
    const assigned = propertiesOfExportedIdentifier(text);
    if (assigned === undefined) {
      surface.open = true;
      return;
    }
    for (const name of assigned) names.add(name);
    for (const request of parsed.reexports) {
      const target = resolveRelative(files, file, request);
      if (target) visit(target, depth + 1);
      else surface.open = true;
    }
    // `module.exports = build()` and friends: the lexer sees no names, so we cannot judge.
    if (!parsed.exports.length && !parsed.reexports.length && !assigned.length) surface.open = true;
  };
  visit(entry, 0);
  names.add("default"); // CommonJS module.exports is always importable as default
  surface.exports = [...names];
  return surface;
}
