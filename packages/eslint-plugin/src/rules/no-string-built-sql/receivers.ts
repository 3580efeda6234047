import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, memberName, propertyKeyName } from "../../util/ast.js";
import { collectModuleBindings, type ModuleBinding, requiredModule } from "../../util/module-bindings.js";
import { CLIENT_PROPERTIES, isClientExport, type Library, type LibraryValue, libraryOfModule, QUERY_BUILDER_FACTORIES } from "./libraries.js";
import type { TypeFacts } from "./type-facts.js";
import { enclosingClassBody, unwrap, type Variables } from "./variables.js";

const MAX_DEPTH = 6;

/** Libraries whose transaction callbacks receive a client: `knex.transaction(trx => trx.raw(…))`. */
const TRANSACTION_METHODS: ReadonlySet<string> = new Set(["transaction", "begin", "$transaction", "reserve", "task", "tx", "taskIf", "txIf"]);
const CLIENT_TRANSACTION_LIBRARIES: ReadonlySet<Library> = new Set(["knex", "typeorm", "postgres", "prisma", "pg-promise"]);

/**
 * Finds which database library, if any, a receiver expression comes from, without types:
 * imports and requires (`import sql from "mssql"`), values built by the library (`new Pool()`,
 * `mysql.createPool()`, `knex(config)`, `await pool.connect()`, `repo.createQueryBuilder()`),
 * annotations (`client: PoolClient`, `trx: Knex.Transaction`), class fields set in the constructor,
 * and transaction callbacks. Falls back to the declared type when a TypeScript program is available.
 */
export class LibraryResolver {
  private bindings: ReadonlyMap<string, ModuleBinding> | undefined;
  private readonly cache = new Map<TSESTree.Node, LibraryValue | null>();

  constructor(
    private readonly program: TSESTree.Program,
    private readonly variables: Variables,
    private readonly typeFacts: TypeFacts | undefined,
  ) {}

  /** The module binding of a top-level name, e.g. `Pool` → `{ source: "pg", imported: "Pool" }`. */
  binding(name: string): ModuleBinding | undefined {
    this.bindings ??= collectModuleBindings(this.program);
    return this.bindings.get(name);
  }

  /** The libraries this file imports or requires, used to pick a placeholder style for named receivers. */
  importedLibraries(): Set<Library> {
    this.bindings ??= collectModuleBindings(this.program);
    const libraries = new Set<Library>();
    for (const binding of this.bindings.values()) {
      const library = libraryOfModule(binding.source);
      if (library) libraries.add(library);
    }
    return libraries;
  }

  resolve(expression: TSESTree.Node, depth = 0): LibraryValue | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const cached = this.cache.get(expression);
    if (cached !== undefined) return cached ?? undefined;
    // Mark as in progress so cycles (`db = db.child()`) end.
    this.cache.set(expression, null);
    const found = this.resolveUncached(unwrap(expression), depth) ?? (depth === 0 ? this.typeFacts?.libraryValue(expression) : undefined);
    this.cache.set(expression, found ?? null);
    return found;
  }

  private resolveUncached(node: TSESTree.Node, depth: number): LibraryValue | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.resolveIdentifier(node, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.resolveMember(node, depth);
      case AST_NODE_TYPES.NewExpression: {
        const constructed = this.resolve(node.callee, depth + 1);
        return constructed ? { library: constructed.library, role: "client" } : undefined;
      }
      case AST_NODE_TYPES.CallExpression:
        return this.resolveCall(node, depth);
      default:
        return undefined;
    }
  }

  private resolveIdentifier(identifier: TSESTree.Identifier, depth: number): LibraryValue | undefined {
    const variable = this.variables.find(identifier);
    const definition = variable?.defs[0];
    if (!variable || !definition) return undefined;
    if (definition.type === "ImportBinding") return this.fromBinding(identifier.name);
    if (definition.type === "Parameter") return this.resolveParameter(identifier.name, definition.node, depth);
    if (definition.type !== "Variable") return undefined;
    const declarator = definition.node;
    if (declarator.init && requiredModule(declarator.init)) return this.fromBinding(identifier.name);
    if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.typeAnnotation) {
      const annotated = this.resolveTypeAnnotation(declarator.id.typeAnnotation.typeAnnotation);
      if (annotated) return annotated;
    }
    for (const write of this.variables.writes(variable)) {
      if (write.kind !== "init" && write.kind !== "assign") continue;
      const value = this.resolve(write.value, depth + 1);
      if (value) return value;
    }
    return undefined;
  }

  private fromBinding(name: string): LibraryValue | undefined {
    const binding = this.binding(name);
    const library = binding ? libraryOfModule(binding.source) : undefined;
    if (!binding || !library) return undefined;
    if (isClientExport(binding.source, binding.imported)) return { library, role: "client" };
    // drizzle's and Kysely's `sql` helper is a tag whose `.raw()` is the sink; anything else imported is the module.
    const isSqlTag = (library === "drizzle" || library === "kysely") && binding.imported === "sql";
    return { library, role: isSqlTag ? "sqlTag" : "module" };
  }

  private resolveParameter(name: string, owner: TSESTree.Node, depth: number): LibraryValue | undefined {
    if (!isFunction(owner)) return undefined;
    const index = owner.params.findIndex((param) => parameterName(param) === name);
    const param = owner.params[index];
    if (!param) return undefined;
    const annotation = parameterAnnotation(param);
    if (annotation) return this.resolveTypeAnnotation(annotation);
    // The first parameter of a transaction callback is a client: `db.transaction(async (trx) => …)`.
    const call = owner.parent;
    if (index === 0 && call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(owner as TSESTree.Expression)) {
      const callee = unwrap(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && TRANSACTION_METHODS.has(memberName(callee) ?? "")) {
        const owner = this.resolve(callee.object, depth + 1);
        if (owner && CLIENT_TRANSACTION_LIBRARIES.has(owner.library)) return { library: owner.library, role: "client" };
      }
    }
    return undefined;
  }

  /** `PoolClient`, `Knex.Transaction`, `Repository<User>`, `SelectQueryBuilder<User>` from a library import. */
  private resolveTypeAnnotation(type: TSESTree.TypeNode): LibraryValue | undefined {
    if (type.type === AST_NODE_TYPES.TSUnionType) {
      for (const member of type.types) {
        const found = this.resolveTypeAnnotation(member);
        if (found) return found;
      }
      return undefined;
    }
    if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    let root: TSESTree.EntityName = type.typeName;
    const last = root.type === AST_NODE_TYPES.TSQualifiedName ? root.right.name : root.type === AST_NODE_TYPES.Identifier ? root.name : "";
    while (root.type === AST_NODE_TYPES.TSQualifiedName) root = root.left;
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const binding = this.binding(root.name);
    const library = binding ? libraryOfModule(binding.source) : undefined;
    if (!library) return undefined;
    return { library, role: last.endsWith("QueryBuilder") ? "queryBuilder" : "client" };
  }

  private resolveMember(member: TSESTree.MemberExpression, depth: number): LibraryValue | undefined {
    const name = memberName(member);
    if (member.object.type === AST_NODE_TYPES.ThisExpression) return name ? this.resolveClassField(member, name, depth) : undefined;
    const owner = this.resolve(member.object, depth + 1);
    if (!owner) return undefined;
    // `pg.Pool`, `sql.ConnectionPool`: members of a module are still that module.
    if (owner.role === "module") return owner;
    if (owner.role === "client" && name && CLIENT_PROPERTIES.has(name)) return owner;
    return undefined;
  }

  /** `this.pool` where the class declares `pool: Pool`, `private readonly db = knex(…)` or sets `this.pool = new Pool()`. */
  private resolveClassField(member: TSESTree.MemberExpression, name: string, depth: number): LibraryValue | undefined {
    const classBody = enclosingClassBody(member);
    if (!classBody) return undefined;
    for (const element of classBody.body) {
      if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && propertyKeyName(element) === name) {
        if (element.typeAnnotation) {
          const annotated = this.resolveTypeAnnotation(element.typeAnnotation.typeAnnotation);
          if (annotated) return annotated;
        }
        if (element.value) {
          const value = this.resolve(element.value, depth + 1);
          if (value) return value;
        }
      }
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === "constructor") {
        const found = this.resolveConstructorField(element.value, name, depth);
        if (found) return found;
      }
    }
    return undefined;
  }

  private resolveConstructorField(constructor: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression, name: string, depth: number): LibraryValue | undefined {
    for (const param of constructor.params) {
      if (param.type === AST_NODE_TYPES.TSParameterProperty && parameterName(param.parameter) === name) {
        const annotation = parameterAnnotation(param.parameter);
        if (annotation) return this.resolveTypeAnnotation(annotation);
      }
    }
    for (const statement of constructor.body?.body ?? []) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
      const { left, right } = statement.expression;
      if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression && memberName(left) === name) {
        const value = this.resolve(right, depth + 1);
        if (value) return value;
      }
    }
    return undefined;
  }

  private resolveCall(call: TSESTree.CallExpression, depth: number): LibraryValue | undefined {
    // `require("sqlite3")` itself, as in `require("sqlite3").verbose()`.
    const requiredHere = requiredModule(call);
    if (requiredHere) {
      const library = libraryOfModule(requiredHere.source);
      return library ? { library, role: "module" } : undefined;
    }
    const callee = unwrap(call.callee);
    // `require("knex")(config)`
    if (callee.type === AST_NODE_TYPES.CallExpression) {
      const required = requiredModule(callee);
      const library = required ? libraryOfModule(required.source) : undefined;
      if (library) return { library, role: "client" };
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const owner = this.resolve(callee.object, depth + 1);
      if (!owner) return undefined;
      const method = memberName(callee) ?? "";
      if (owner.role === "queryBuilder" || QUERY_BUILDER_FACTORIES.has(method)) return { library: owner.library, role: "queryBuilder" };
      // sqlite3's `require("sqlite3").verbose()` returns the module with long stack traces.
      if (owner.role === "module" && method === "verbose") return owner;
      // Factories and accessors of a module or client give clients: `mysql.createPool()`, `pool.connect()`,
      // `conn.promise()`, `pool.request()`, `dataSource.getRepository(User)`.
      return { library: owner.library, role: "client" };
    }
    // `knex(config)`, `postgres(url)`, `open({ … })`, and `db("users")` on a knex client.
    const called = this.resolve(callee, depth + 1);
    return called ? { library: called.library, role: "client" } : undefined;
  }
}

function parameterName(param: TSESTree.Parameter): string | undefined {
  if (param.type === AST_NODE_TYPES.Identifier) return param.name;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) return param.left.name;
  if (param.type === AST_NODE_TYPES.TSParameterProperty) return parameterName(param.parameter);
  return undefined;
}

function parameterAnnotation(param: TSESTree.Parameter): TSESTree.TypeNode | undefined {
  if (param.type === AST_NODE_TYPES.Identifier) return param.typeAnnotation?.typeAnnotation;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) return param.left.typeAnnotation?.typeAnnotation;
  if (param.type === AST_NODE_TYPES.TSParameterProperty) return parameterAnnotation(param.parameter);
  return undefined;
}

