import type { ValidTestCase } from "@typescript-eslint/rule-tester";

type Options = [{ additionalSinks?: { object?: string; method: string }[]; allowedIdentifierPattern?: string; sanitizers?: string[] }];
export type Valid = ValidTestCase<Options>;

export const parameterisedCases: Valid[] = [
  {
    name: "pg: placeholders and a values array",
    code: `import { Pool } from "pg";
const pool = new Pool();
export const byId = (id: string) => pool.query("SELECT * FROM users WHERE id = $1", [id]);`,
  },
  {
    name: "pg: a template literal without interpolation",
    code: `import { Pool } from "pg";
const pool = new Pool();
export const all = () => pool.query(\`
  SELECT id, name
  FROM users
  ORDER BY created_at DESC
\`);`,
  },
  {
    name: "pg: $n placeholders numbered by interpolating a counter",
    code: `export async function search(pool, filters: { name?: string; city?: string }) {
  const values: string[] = [];
  const conditions: string[] = [];
  if (filters.name) {
    values.push(filters.name);
    conditions.push(\`name = $\${values.length}\`);
  }
  if (filters.city) {
    values.push(filters.city);
    conditions.push(\`city = $\${values.length}\`);
  }
  const where = conditions.length ? \`WHERE \${conditions.join(" AND ")}\` : "";
  return pool.query(\`SELECT * FROM users \${where}\`, values);
}`,
  },
  {
    name: "pg: an IN list of generated placeholders",
    code: `export const byIds = (pool, ids: string[]) => {
  const placeholders = ids.map((_, i) => \`$\${i + 1}\`).join(", ");
  return pool.query(\`SELECT * FROM users WHERE id IN (\${placeholders})\`, ids);
};`,
  },
  {
    name: "mysql: ? placeholders generated with Array(n).fill('?') and ids.map(() => '?')",
    filename: "file.js",
    code: `const mysql = require("mysql2/promise");
const pool = mysql.createPool({});
async function byIds(ids, tags) {
  await pool.query(\`SELECT * FROM a WHERE id IN (\${new Array(ids.length).fill("?").join(", ")})\`, ids);
  await pool.query(\`SELECT * FROM b WHERE tag IN (\${tags.map(() => "?").join(",")})\`, tags);
}`,
  },
  {
    name: "knex: raw with bindings and identifier bindings",
    code: `import knex from "knex";
const db = knex({ client: "pg" });
export const sorted = (column: string, name: string) =>
  db("users").whereRaw("name = ?", [name]).orderByRaw("?? desc", [column]).select(db.raw("count(*) as total"));`,
  },
  {
    name: "TypeORM: where() with named parameters",
    code: `import { Repository } from "typeorm";
export class UserRepo {
  constructor(private readonly users: Repository<User>) {}
  find(email: string) {
    return this.users.createQueryBuilder("u").where("u.email = :email", { email }).andWhere("u.active = :active", { active: true }).getOne();
  }
}`,
  },
  {
    name: "Prisma: $queryRawUnsafe with positional parameters",
    code: `export const byEmail = (prisma, email: string) => prisma.$queryRawUnsafe('SELECT * FROM "User" WHERE email = $1', email);`,
  },
  {
    name: "Sequelize: replacements and bind",
    code: `import { Sequelize, QueryTypes } from "sequelize";
const sequelize = new Sequelize("sqlite::memory:");
export async function find(name: string, id: number) {
  await sequelize.query("SELECT * FROM users WHERE name = ?", { replacements: [name], type: QueryTypes.SELECT });
  await sequelize.query("SELECT * FROM users WHERE id = $id", { bind: { id } });
}`,
  },
  {
    name: "oracledb: named binds",
    code: `import oracledb from "oracledb";
export async function emp(id: number) {
  const connection = await oracledb.getConnection();
  return connection.execute("SELECT * FROM employees WHERE employee_id = :id", { id });
}`,
  },
];

export const taggedTemplateCases: Valid[] = [
  {
    name: "postgres.js: the sql tag, including sql() helpers for identifiers",
    code: `import postgres from "postgres";
const sql = postgres();
export const users = (id: string, column: string) => sql\`SELECT \${sql(column)} FROM users WHERE id = \${id}\`;`,
  },
  {
    name: "Prisma: $queryRaw and Prisma.sql tagged templates",
    code: `import { Prisma, PrismaClient } from "@prisma/client";
const prisma = new PrismaClient();
export async function search(q: string, ids: number[]) {
  await prisma.$queryRaw\`SELECT * FROM "Post" WHERE title ILIKE \${"%" + q + "%"}\`;
  await prisma.$executeRaw\`DELETE FROM "Post" WHERE id IN (\${Prisma.join(ids)})\`;
  return prisma.$queryRaw(Prisma.sql\`SELECT * FROM "Post" WHERE id = \${ids[0]}\`);
}`,
  },
  {
    name: "drizzle: sql tagged template and sql.raw() of a literal",
    code: `import { sql } from "drizzle-orm";
export const filters = (name: string) => [sql\`lower(\${name})\`, sql.raw("now()")];`,
  },
  {
    name: "slonik: sql.type() and sql.identifier()",
    code: `import { sql } from "slonik";
export const q = (table: string, id: number) => sql.type(User)\`SELECT * FROM \${sql.identifier([table])} WHERE id = \${id}\`;`,
  },
  {
    name: "mssql: tagged query",
    code: `import sql from "mssql";
export const find = (id: string) => sql.query\`SELECT * FROM Users WHERE Id = \${id}\`;`,
  },
  {
    name: "@vercel/postgres: the sql tag",
    code: `import { sql } from "@vercel/postgres";
export const user = (email: string) => sql\`SELECT * FROM users WHERE email = \${email}\`;`,
  },
];

export const safeInterpolationCases: Valid[] = [
  {
    name: "constants: const string literals, SCREAMING_CASE imports and numeric literals",
    code: `import { USERS_TABLE } from "./schema";
import { Pool } from "pg";
const pool = new Pool();
const COLUMNS = "id, name, email";
const MAX_ROWS = 100;
export const list = () => pool.query(\`SELECT \${COLUMNS} FROM \${USERS_TABLE} LIMIT \${MAX_ROWS} OFFSET \${10}\`);`,
  },
  {
    name: "numeric casts: Number(), parseInt(x, 10), unary +, Math.floor, arithmetic",
    code: `export async function page(db, req) {
  const limit = Math.min(Number(req.query.limit) || 20, 100);
  const page = parseInt(req.query.page, 10) || 1;
  const offset = (page - 1) * limit;
  return db.query(\`SELECT * FROM posts WHERE author = $1 LIMIT \${limit} OFFSET \${offset} -- \${+req.query.v}\`, [req.user.id]);
}`,
  },
  {
    name: "allow-list: if (!ALLOWED.includes(col)) throw before the query",
    code: `const SORTABLE = ["name", "created_at", "email"];
export async function list(db, sort: string, direction: string) {
  if (!SORTABLE.includes(sort)) throw new Error("invalid sort column");
  if (direction !== "asc" && direction !== "desc") {
    return [];
  }
  return db.query(\`SELECT * FROM users ORDER BY \${sort} \${direction}\`);
}`,
  },
  {
    name: "allow-list: Set.has() ternary with a default",
    code: `const ALLOWED_COLUMNS = new Set(["name", "price", "stock"]);
export function products(db, req) {
  const sort = ALLOWED_COLUMNS.has(req.query.sort) ? req.query.sort : "id";
  const dir = req.query.dir === "desc" ? "DESC" : "ASC";
  return db.query(\`SELECT * FROM products ORDER BY \${sort} \${dir}\`);
}`,
  },
  {
    name: "allow-list: a constant map lookup with a fallback",
    code: `const SORT_COLUMNS = { newest: "created_at DESC", cheapest: "price ASC" } as const;
export const list = (db, sort: keyof typeof SORT_COLUMNS) =>
  db.query(\`SELECT * FROM products ORDER BY \${SORT_COLUMNS[sort] ?? "id"}\`);`,
  },
  {
    name: "allow-list: regular expression check and an is* predicate",
    code: `export async function columnStats(db, column: string, table: string) {
  if (!/^[a-z_]+$/.test(column)) throw new TypeError("bad column");
  if (!isValidTable(table)) return null;
  return db.query(\`SELECT \${column}, count(*) FROM \${table} GROUP BY \${column}\`);
}`,
  },
  {
    name: "allow-list: indexOf check, switch statement and a reset to a default",
    code: `const DIRECTIONS = ["ASC", "DESC"];
export function list(conn, order, by) {
  if (DIRECTIONS.indexOf(order) === -1) order = "ASC";
  let column;
  switch (by) {
    case "name":
      column = "full_name";
      break;
    default:
      column = "id";
  }
  return conn.query(\`SELECT * FROM people ORDER BY \${column} \${order}\`);
}`,
  },
  {
    name: "escaping: pg-format, mysql escape/escapeId, pg escapeIdentifier/escapeLiteral",
    code: `import format from "pg-format";
import mysql from "mysql2";
export async function run(pool, client, table, name) {
  await pool.query(format("SELECT * FROM %I WHERE name = %L", table, name));
  await pool.query(\`SELECT * FROM \${format.ident(table)}\`);
  await pool.query(\`SELECT * FROM t ORDER BY \${mysql.escapeId(name)} WHERE x = \${mysql.escape(name)}\`);
  await client.query(\`SELECT * FROM \${client.escapeIdentifier(table)} WHERE a = \${client.escapeLiteral(name)}\`);
}`,
  },
  {
    name: "escaping: sequelize.escape and knex.ref",
    code: `export const q = (sequelize, knex, name, col) => [
  sequelize.query(\`SELECT * FROM users WHERE name = \${sequelize.escape(name)}\`),
  knex.raw(\`SELECT \${knex.ref(col)} FROM users\`),
];`,
  },
  {
    name: "TypeScript: parameters typed as numbers, literal unions and enums",
    code: `enum Status { Active = "active", Banned = "banned" }
type Direction = "ASC" | "DESC";
export function list(db, limit: number, dir: Direction, status: Status, onlyAdmins: boolean) {
  return db.query(\`SELECT * FROM users WHERE status = '\${status}' AND admin = \${onlyAdmins} ORDER BY id \${dir} LIMIT \${limit}\`);
}
export const banned = (db) => db.query(\`SELECT * FROM users WHERE status = '\${Status.Banned}'\`);`,
  },
  {
    name: "columns from a constant list, a loop over it, and allow-listed request keys",
    code: `const FIELDS = ["name", "email", "bio"] as const;
export async function update(db, id: string, body: Record<string, unknown>) {
  const keys = Object.keys(body).filter((key) => FIELDS.includes(key as never));
  const sets = keys.map((key, i) => \`\${key} = $\${i + 2}\`).join(", ");
  const selected = [];
  for (const field of FIELDS) selected.push(\`"\${field}"\`);
  return db.query(\`UPDATE users SET \${sets} WHERE id = $1 RETURNING \${selected.join(", ")}\`, [id, ...keys.map((k) => body[k])]);
}`,
  },
  {
    name: "class fields and configuration constants",
    code: `export class AuditRepository {
  private readonly table = "audit_log";
  constructor(private readonly db) {}
  recent(limit: number) {
    return this.db.query(\`SELECT * FROM \${process.env.DB_SCHEMA}.\${this.table} ORDER BY at DESC LIMIT \${limit}\`);
  }
}`,
  },
  {
    name: "dates, uuids and booleans",
    code: `import { randomUUID } from "node:crypto";
export const stamp = (db, flag) =>
  db.query(\`INSERT INTO runs (id, at, ok) VALUES ('\${randomUUID()}', '\${new Date().toISOString()}', \${flag === true})\`);`,
  },
  {
    name: "a stripping replace leaves only identifier characters",
    code: `export const col = (db, name: string) => db.query(\`SELECT \${name.replace(/[^a-zA-Z0-9_]/g, "")} FROM t\`);`,
  },
  {
    name: "a query held in a variable that was never built: a parameter, a constant, a join of constants",
    code: `const BASE = ["SELECT *", "FROM users"];
export async function run(db, sql: string) {
  const text = "SELECT 1";
  await db.query(sql);
  await db.query(text);
  return db.query(BASE.join(" "));
}`,
  },
  {
    name: "PRAGMA built from a ternary of literals",
    code: `import Database from "better-sqlite3";
const db = new Database("x.db");
export const fk = (enabled: boolean) => db.exec(\`PRAGMA foreign_keys = \${enabled ? "ON" : "OFF"}\`);`,
  },
];

export const notSqlCases: Valid[] = [
  {
    name: "DOM and URL query helpers",
    code: `export function highlight(id: string, params: URLSearchParams) {
  document.querySelector(\`#item-\${id}\`)?.classList.add("active");
  router.query(\`page=\${params.get("page")}\`);
  return $(\`[data-id="\${id}"]\`);
}`,
  },
  {
    name: "GraphQL clients take an options object or a GraphQL document",
    code: `import { gql } from "@apollo/client";
export const user = (client, id: string) => client.query({ query: gql\`query { user(id: "\${id}") { name } }\`, variables: { id } });
export const raw = (client, id: string) => client.query(\`{ user(id: "\${id}") { name } }\`);`,
  },
  {
    name: "key-value stores and HTTP clients named client/db",
    code: `export async function cached(redisClient, httpClient, db, id: string) {
  await redisClient.get(\`session:\${id}\`);
  await httpClient.get(\`/api/users/\${id}?select=name\`);
  return db.get(\`user:\${id}\`);
}`,
  },
  {
    name: "request data spliced into a key (not SQL text) for stores named db and pool",
    code: `export const handler = async (req, res) => {
  const key = "user:" + req.params.id;
  res.json({ user: await db.get(key), hits: await pool.query(\`counter:\${req.query.name}\`), list: db.all(\`/lists/\${req.body.list}\`) });
};`,
  },
  {
    name: "mongoose and MongoDB query builders",
    code: `export const adults = (User, name: string) => User.find({ name }).where("age").gte(18).exec();
export const byTag = (db, tag: string) => db.collection("posts").find({ tags: tag }).toArray();`,
  },
  {
    name: "knex builders called qb take (column, value): not TypeORM",
    code: `export const scoped = (table: string, userId: string) => (qb) => qb.where(\`\${table}.user_id\`, userId).orWhere(\`\${table}.public\`, true);`,
  },
  {
    name: "superagent's query() and a logger",
    code: `import request from "superagent";
export const search = (term: string, logger) => {
  logger.info(\`SELECT issued for \${term}\`);
  return request.get("/search").query(\`q=\${term}\`);
};`,
  },
  {
    name: "a known library value with a method that is not a sink: a better-sqlite3 statement's run()",
    code: `import Database from "better-sqlite3";
const db = new Database("app.db");
export const log = (level: string, text: string) => db.prepare("INSERT INTO logs (line) VALUES (?)").run(\`[\${level}] SELECT \${text} FROM x\`);`,
  },
];

export const lookAlikeCases: Valid[] = [
  {
    name: "child_process and RegExp exec()",
    filename: "file.js",
    code: `const { exec } = require("child_process");
exports.run = (branch, pattern, text) => {
  exec(\`git log \${branch}\`);
  require("child_process").exec(\`ls \${branch}\`);
  return pattern.exec(\`SELECT \${text} FROM x\`);
};`,
  },
  {
    name: "logging the query text next to a parameterised call",
    code: `export async function run(db, logger, name: string) {
  logger.debug(\`running SELECT * FROM users WHERE name = '\${name}'\`);
  console.log(\`SELECT * FROM users WHERE name = \${name}\`);
  return db.query("SELECT * FROM users WHERE name = $1", [name]);
}`,
  },
  {
    name: "numbers joined into an IN list, from a number[] parameter",
    code: `export const byIds = (db, ids: number[], ownerId: number) =>
  db.query(\`SELECT * FROM t WHERE id IN (\${ids.join(",")}) AND owner = \${ownerId}\`);`,
  },
  {
    name: "a Sequelize migration with a constant table name",
    filename: "migrations/20240101-add-age.js",
    code: `module.exports = {
  async up(queryInterface) {
    const table = "users";
    await queryInterface.sequelize.query(\`ALTER TABLE \${table} ADD COLUMN age INT\`);
  },
};`,
  },
];

export const robustnessCases: Valid[] = [
  {
    name: "computed callees, spread arguments, declare stubs and JSX",
    filename: "component.tsx",
    code: `declare function query(sql: string): Promise<unknown>;
export const a = (db, method: string, args: unknown[]) => db[method](\`SELECT \${method}\`);
export const b = (db, args: [string]) => db.query(...args);
export const c = () => query();
export const View = ({ id }: { id: string }) => <div data-query={\`SELECT \${id}\`}>{id}</div>;`,
  },
  {
    name: "private class fields with literal initialisers, decorators and generics",
    code: `@Injectable()
export class Limits {
  #table = "quotas";
  static readonly MAX = 50;
  constructor(private readonly db) {}
  list<T>() {
    return this.db.query<T>(\`SELECT * FROM \${this.#table} LIMIT \${Limits.MAX}\`);
  }
}`,
  },
  {
    name: "self-referencing and cyclic variables",
    code: `export function weird(db) {
  let a = "SELECT 1";
  let b = a;
  a = b;
  let i = 0;
  i = i + 1;
  return db.query(\`\${a} LIMIT \${i}\`);
}`,
  },
];

export const realisticCases: Valid[] = [
  {
    name: "a whole Express router written with parameters",
    filename: "routes/products.js",
    code: `const express = require("express");
const { Pool } = require("pg");
const pool = new Pool();
const router = express.Router();
const SORTABLE = new Set(["name", "price", "created_at"]);

router.get("/", async (req, res, next) => {
  try {
    const limit = Math.min(parseInt(req.query.limit, 10) || 20, 100);
    const offset = Math.max(parseInt(req.query.offset, 10) || 0, 0);
    const sort = SORTABLE.has(req.query.sort) ? req.query.sort : "created_at";
    const params = [];
    const where = [];
    if (req.query.category) {
      params.push(req.query.category);
      where.push(\`category = $\${params.length}\`);
    }
    if (req.query.q) {
      params.push(\`%\${req.query.q}%\`);
      where.push(\`name ILIKE $\${params.length}\`);
    }
    const clause = where.length > 0 ? "WHERE " + where.join(" AND ") : "";
    const { rows } = await pool.query(
      \`SELECT id, name, price FROM products \${clause} ORDER BY \${sort} LIMIT \${limit} OFFSET \${offset}\`,
      params,
    );
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.post("/", async (req, res) => {
  const { name, price } = req.body;
  const { rows } = await pool.query("INSERT INTO products (name, price) VALUES ($1, $2) RETURNING *", [name, price]);
  res.status(201).json(rows[0]);
});

module.exports = router;`,
  },
  {
    name: "a TypeScript repository class over mysql2 with a dynamic update",
    code: `import mysql, { type Pool, type RowDataPacket } from "mysql2/promise";

const UPDATABLE = ["title", "body", "published"] as const;
type Updatable = (typeof UPDATABLE)[number];

export class PostRepository {
  private readonly pool: Pool = mysql.createPool({ uri: process.env.DATABASE_URL });
  private readonly table = "posts";

  async byId(id: number) {
    const [rows] = await this.pool.execute<RowDataPacket[]>(\`SELECT * FROM \${this.table} WHERE id = ?\`, [id]);
    return rows[0];
  }

  async update(id: number, changes: Partial<Record<Updatable, string>>) {
    const columns = (Object.keys(changes) as Updatable[]).filter((column) => UPDATABLE.includes(column));
    if (columns.length === 0) return;
    const assignments = columns.map((column) => \`\${mysql.escapeId(column)} = ?\`).join(", ");
    await this.pool.execute(\`UPDATE \${this.table} SET \${assignments} WHERE id = ?\`, [...columns.map((c) => changes[c]), id]);
  }

  async byIds(ids: number[]) {
    if (ids.length === 0) return [];
    const [rows] = await this.pool.query(\`SELECT * FROM \${this.table} WHERE id IN (\${ids.map(() => "?").join(", ")})\`, ids);
    return rows;
  }
}`,
  },
  {
    name: "a knex service with a sortable list and raw fragments from constants",
    code: `import { Knex } from "knex";

const SORT_MAP: Record<string, string> = { recent: "created_at desc", popular: "likes desc" };
const SCORE = "likes * 2 + comments";

export class FeedService {
  constructor(private readonly knex: Knex) {}

  list(sort: string, authorId?: string) {
    const order = SORT_MAP[sort] ?? SORT_MAP.recent;
    const query = this.knex("posts").select("*", this.knex.raw(\`\${SCORE} as score\`)).orderByRaw(order);
    if (authorId) query.whereRaw("author_id = ?", [authorId]);
    return query;
  }

  stats(days: number) {
    return this.knex.raw(\`SELECT date_trunc('day', created_at) d, count(*) FROM posts WHERE created_at > now() - interval '\${Number(days)} days' GROUP BY 1\`);
  }
}`,
  },
  {
    name: "a Next.js route using Prisma safely and a SQLite migration script",
    code: `import { PrismaClient, Prisma } from "@prisma/client";
import Database from "better-sqlite3";

const prisma = new PrismaClient();
const MIGRATIONS = ["CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v TEXT)", "CREATE INDEX IF NOT EXISTS kv_v ON kv (v)"];

export async function GET(request: Request) {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const posts = await prisma.$queryRaw\`SELECT id, title FROM "Post" WHERE title ILIKE \${"%" + q + "%"} LIMIT 20\`;
  const filter = q ? Prisma.sql\`WHERE title ILIKE \${q}\` : Prisma.empty;
  const total = await prisma.$queryRaw\`SELECT count(*) FROM "Post" \${filter}\`;
  return Response.json({ posts, total });
}

export function migrate(file: string) {
  const db = new Database(file);
  for (const statement of MIGRATIONS) db.exec(statement);
  const insert = db.prepare("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)");
  insert.run("schema_version", String(MIGRATIONS.length));
  db.exec(\`PRAGMA user_version = \${MIGRATIONS.length}\`);
}`,
  },
];

export const optionCases: Valid[] = [
  {
    name: "allowedIdentifierPattern trusts matching expressions",
    options: [{ allowedIdentifierPattern: "^(this\\.)?tableName$" }],
    code: `export class Repo {
  constructor(private readonly db, private readonly tableName: string) {}
  all() {
    return this.db.query(\`SELECT * FROM \${this.tableName}\`);
  }
}`,
  },
  {
    name: "sanitizers: a project escaping function and a project validation function",
    options: [{ sanitizers: ["sqlIdent", "checkColumn"] }],
    code: `import { sqlIdent, checkColumn } from "./sql-utils";
export function list(db, table: string, column: string) {
  checkColumn(column);
  return db.query(\`SELECT \${column} FROM \${sqlIdent(table)}\`);
}`,
  },
];

/** Patterns found in the corpus review (knex, TypeORM, Sequelize, postgres.js sources) that must stay silent. */
export const corpusPatternCases: Valid[] = [
  {
    name: "knex internals: identifiers quoted by formatter.wrap()/columnize(), values bound by client.parameter()",
    filename: "tablecompiler.js",
    code: `class TableCompiler {
  dropFKRefs(runner, refs) {
    const formatter = this.client.formatter(this.tableBuilder);
    return refs.map((ref) => {
      const tableName = formatter.wrap(ref.TABLE_NAME);
      return runner.query({ sql: \`ALTER TABLE \${tableName} DROP CONSTRAINT \${formatter.wrap(ref.CONSTRAINT_NAME)} (\${formatter.columnize(ref.COLUMNS)})\` });
    });
  }
  getFKRefs(runner) {
    const sql = "SELECT * FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE TABLE_NAME = " + this.client.parameter(this.tableNameRaw, this.tableBuilder, this.bindings);
    return runner.query({ sql, bindings: this.bindings });
  }
}`,
  },
  {
    name: "quote characters doubled or stripped before the value is quoted",
    code: `import postgres from "postgres";
const sql = postgres();
export const listen = (name: string) => sql.unsafe('"' + name.replace(/"/g, '""') + '"');
export function searchPath(connection, schemas: string[]) {
  const path = schemas.map((schema) => \`"\${schema.replaceAll('"', '""')}"\`).join(",");
  return connection.query(\`SET search_path TO \${path}\`);
}`,
  },
  {
    name: "a method of the same class that escapes, called on this",
    code: `export class ClosureExecutor {
  constructor(private readonly queryRunner) {}
  async remove(tablePath: string, column: string) {
    await this.queryRunner.query(\`DELETE FROM \${this.getTableName(tablePath)} WHERE \${this.escape(column)} IS NULL\`);
  }
  private getTableName(tablePath: string) {
    return tablePath
      .split(".")
      .map((part) => (part === "" ? part : this.queryRunner.connection.driver.escape(part)))
      .join(".");
  }
  private escape = (name: string) => this.queryRunner.connection.driver.escape(name);
}`,
  },
  {
    name: "a value sanitised by reassignment just before use",
    filename: "query.js",
    code: `async function describe(conn, tableName, page) {
  tableName = tableName.replace(/\`/g, "");
  page = parseInt(page, 10) || 1;
  return conn.all(\`PRAGMA table_info(\\\`\${tableName}\\\`) -- \${page}\`);
}`,
  },
  {
    name: "a local function's parameter, when every call passes a safe value",
    filename: "subscribe.js",
    code: `export function subscribe(sql, options) {
  const slot = "postgresjs_" + Math.random().toString(36).slice(2);
  async function init(connection, slotName) {
    return connection.unsafe(\`CREATE_REPLICATION_SLOT \${slotName} TEMPORARY LOGICAL pgoutput\`);
  }
  return init(sql, slot);
}`,
  },
  {
    name: "TypeORM: a helper interpolating the query builder's alias",
    code: `import type { SelectQueryBuilder } from "typeorm";
export function applySearch<T>(qb: SelectQueryBuilder<T>, alias: string, term: string) {
  return qb.andWhere(\`\${alias}.name ILIKE :term\`, { term: \`%\${term}%\` }).orderBy(\`\${qb.alias}.created_at\`);
}`,
  },
  {
    name: "Sequelize internals: identifiers joined after quoteTable()/quoteIdentifier()",
    filename: "query-generator.js",
    code: `class QueryGenerator {
  joinLiteral(parent, include, field) {
    return this.sequelize.literal([
      \`\${this.quoteTable(parent.model.name)}.\${this.quoteIdentifier(parent.model.primaryKeyField)}\`,
      \`\${this.quoteIdentifier(include.as)}.\${this.quoteIdentifier(field)}\`,
    ].join(" = "));
  }
}`,
  },
];
