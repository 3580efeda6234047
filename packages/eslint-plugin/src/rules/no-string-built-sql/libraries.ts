import { packageName } from "../../util/module-bindings.js";

/** The database libraries whose query APIs the rule knows. */
export type Library =
  | "pg"
  | "mysql"
  | "better-sqlite3"
  | "sqlite3"
  | "sqlite"
  | "knex"
  | "sequelize"
  | "typeorm"
  | "prisma"
  | "drizzle"
  | "kysely"
  | "mssql"
  | "oracledb"
  | "postgres";

/**
 * What a value from a library is, as far as SQL sinks care:
 * - `module`: the module object itself (`import sql from "mssql"`, `const { Sequelize } = require("sequelize")`);
 * - `client`: a connection, pool, transaction, manager or instance that runs queries;
 * - `queryBuilder`: a TypeORM query builder, whose `where()` takes SQL text;
 * - `sqlTag`: drizzle's and Kysely's `sql` helper, whose `.raw()` takes SQL text.
 */
export type Role = "module" | "client" | "queryBuilder" | "sqlTag";

export interface LibraryValue {
  library: Library;
  role: Role;
}

const LIBRARY_BY_PACKAGE: ReadonlyMap<string, Library> = new Map<string, Library>([
  ["pg", "pg"],
  ["pg-pool", "pg"],
  ["@neondatabase/serverless", "pg"],
  ["@vercel/postgres", "pg"],
  ["mysql", "mysql"],
  ["mysql2", "mysql"],
  ["better-sqlite3", "better-sqlite3"],
  ["sqlite3", "sqlite3"],
  ["sqlite", "sqlite"],
  ["knex", "knex"],
  ["sequelize", "sequelize"],
  ["@sequelize/core", "sequelize"],
  ["typeorm", "typeorm"],
  ["@prisma/client", "prisma"],
  ["drizzle-orm", "drizzle"],
  ["kysely", "kysely"],
  ["mssql", "mssql"],
  ["oracledb", "oracledb"],
  ["postgres", "postgres"],
]);

/** Named exports that are ready-made clients rather than the module: `import { sql, db } from "@vercel/postgres"`. */
const CLIENT_EXPORTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([["@vercel/postgres", new Set(["sql", "db"])]]);

export function isClientExport(source: string, exported: string): boolean {
  return CLIENT_EXPORTS.get(packageName(source))?.has(exported) ?? false;
}

/** The library a module specifier belongs to (`"mysql2/promise"` → mysql), if it is one the rule knows. */
export function libraryOfModule(source: string): Library | undefined {
  return LIBRARY_BY_PACKAGE.get(packageName(source));
}

/** How the library is named in messages. */
export const LIBRARY_LABEL: Readonly<Record<Library, string>> = {
  pg: "pg",
  mysql: "mysql",
  "better-sqlite3": "better-sqlite3",
  sqlite3: "sqlite3",
  sqlite: "sqlite",
  knex: "knex",
  sequelize: "Sequelize",
  typeorm: "TypeORM",
  prisma: "Prisma",
  drizzle: "drizzle",
  kysely: "Kysely",
  mssql: "mssql",
  oracledb: "oracledb",
  postgres: "postgres.js",
};

/**
 * Methods that take SQL text as their first argument, per library and role. A value recognised as
 * coming from a library is only a sink for these methods: `knex.select()` or `pool.end()` never are.
 */
const SINK_METHODS: Readonly<Record<Library, Partial<Record<Role, ReadonlySet<string>>>>> = {
  pg: { client: new Set(["query"]) },
  mysql: { client: new Set(["query", "execute"]) },
  "better-sqlite3": { client: new Set(["prepare", "exec"]) },
  sqlite3: { client: new Set(["run", "all", "get", "each", "exec", "prepare", "map"]) },
  sqlite: { client: new Set(["run", "all", "get", "each", "exec", "prepare"]) },
  knex: { client: new Set(["raw"]), module: new Set(["raw"]) },
  sequelize: { client: new Set(["query", "literal"]), module: new Set(["literal"]) },
  typeorm: { client: new Set(["query"]), queryBuilder: new Set(["where", "andWhere", "orWhere", "having", "andHaving", "orHaving"]) },
  prisma: { module: new Set(["raw"]) },
  drizzle: { sqlTag: new Set(["raw"]) },
  kysely: { sqlTag: new Set(["raw"]) },
  mssql: { client: new Set(["query", "batch"]), module: new Set(["query"]) },
  oracledb: { client: new Set(["execute"]) },
  postgres: { client: new Set(["unsafe"]) },
};

export function isLibrarySink(value: LibraryValue, method: string): boolean {
  return SINK_METHODS[value.library][value.role]?.has(method) ?? false;
}

/** Named exports that are themselves sink functions: `import { literal } from "sequelize"`. */
export function isSinkExport(library: Library, exported: string): boolean {
  return library === "sequelize" && exported === "literal";
}

/**
 * Members of a client that are clients too: TypeORM's `dataSource.manager`, a Sequelize model's
 * `User.sequelize`, knex's `knex.schema` (whose `.raw()` runs SQL).
 */
export const CLIENT_PROPERTIES: ReadonlySet<string> = new Set(["manager", "sequelize", "connection", "client", "schema"]);

/** Methods of a client that return a query builder rather than another client. */
export const QUERY_BUILDER_FACTORIES: ReadonlySet<string> = new Set(["createQueryBuilder"]);

/** Every method name that can be a sink of a recognised library value. */
export const LIBRARY_SINK_METHOD_NAMES: ReadonlySet<string> = new Set(
  Object.values(SINK_METHODS).flatMap((roles) => Object.values(roles).flatMap((methods) => [...(methods ?? [])])),
);
