import type * as ts from "typescript";

/**
 * Where a type's symbol is declared, for the rules that recognise library types with type
 * information (`"pg".Pool`, winston's `Logger`, NestJS's `INestApplication`).
 */
export interface SymbolOrigin {
  /** The package the symbol is declared in (`@types/x` counted as `x`); undefined for global and project types. */
  module: string | undefined;
  /** The symbol's own name (`Logger`), or "" for a module's namespace object. */
  name: string;
  /** Declared by TypeScript's default library (`Console`, `Error`) at the top level. */
  global: boolean;
}

// Fully qualified names of deeply nested or generated declarations can be long; none that names a
// package is, so longer ones are not worth parsing.
const MAX_NAME_LENGTH = 512;
/** The package a declaration file belongs to: the last `node_modules/` segment of its path. */
const PACKAGE_PATH = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//;
/** `declare module "winston" { ... }`: the quoted name of an ambient module. */
const QUOTED = /^["'](.+)["']$/;

/**
 * The package and name of `symbol`. The fully qualified name says it for most declarations
 * (`"@nestjs/common".Logger`, `"/app/node_modules/@types/pg/index".Pool`); the members of an
 * `export =` module (`@types/bunyan`'s `Logger`, winston's `winston.Logger`) and global types have
 * no quoted part, and their declaration's file or `declare module` block tells instead.
 */
export function originOfSymbol(program: ts.Program, checker: ts.TypeChecker, symbol: ts.Symbol): SymbolOrigin {
  const qualified = checker.getFullyQualifiedName(symbol);
  if (qualified.startsWith('"')) {
    const end = qualified.indexOf('"', 1);
    const path = end === -1 ? "" : qualified.slice(end + 1);
    return { module: packageOfQualifiedName(qualified), name: path === "" ? "" : (path.split(".").pop() ?? ""), global: false };
  }
  const name = symbol.getName();
  const declarations = symbol.getDeclarations() ?? [];
  if (declarations.some((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile()))) {
    return { module: undefined, name, global: !qualified.includes(".") };
  }
  const declaration = declarations[0];
  if (!declaration) return { module: undefined, name, global: false };
  const path = PACKAGE_PATH.exec(declaration.getSourceFile().fileName.replace(/\\/g, "/"))?.[1];
  return { module: ambientModuleOf(declaration) ?? (path === undefined ? undefined : unscopeTypesPackage(path)), name, global: false };
}

/**
 * The package a fully qualified symbol name points into: `"@nestjs/common".INestApplication.enableCors`
 * (an ambient module), `"/app/node_modules/.pnpm/…/node_modules/@nestjs/common/interfaces/x".…` or
 * `"/app/node_modules/@types/cors/index".…`. A project file (`"/app/src/server".…`) or an unnamed
 * type (`__type.enableCors`) has no package.
 */
export function packageOfQualifiedName(qualifiedName: string): string | undefined {
  if (qualifiedName.length > MAX_NAME_LENGTH || !qualifiedName.startsWith('"')) return undefined;
  const end = qualifiedName.indexOf('"', 1);
  if (end === -1) return undefined;
  const moduleName = qualifiedName.slice(1, end).replace(/\\/g, "/");
  const inNodeModules = moduleName.lastIndexOf("/node_modules/");
  let specifier: string;
  if (inNodeModules !== -1) specifier = moduleName.slice(inNodeModules + "/node_modules/".length);
  else if (/^(?:[./]|[A-Za-z]:\/)/.test(moduleName)) return undefined;
  else specifier = moduleName;
  const parts = specifier.split("/");
  if (parts[0] === "@types" && parts[1]) return unscopeTypesPackage(`@types/${parts[1]}`);
  if (specifier.startsWith("@")) return parts[1] ? `${parts[0]}/${parts[1]}` : undefined;
  return parts[0] || undefined;
}

/** `@types/cors` → `cors`; `@types/scope__name` → `@scope/name`; anything else as it is. */
function unscopeTypesPackage(packageName: string): string {
  if (!packageName.startsWith("@types/")) return packageName;
  const [scope, name] = packageName.slice("@types/".length).split("__");
  return name ? `@${scope}/${name}` : (scope ?? packageName);
}

/**
 * The name of the `declare module "x" { ... }` block a declaration sits in. Found by shape (a quoted name and
 * a body) because SyntaxKind numbers differ between TypeScript releases.
 */
function ambientModuleOf(declaration: ts.Node): string | undefined {
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    const { name, body } = node as { name?: ts.Node; body?: unknown };
    if (!name || body === undefined) continue;
    const quoted = QUOTED.exec(name.getText());
    if (quoted) return quoted[1];
  }
  return undefined;
}
