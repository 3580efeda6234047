import type { InvalidTestCase } from "@typescript-eslint/rule-tester";

type MessageId = "interpolated" | "concatenated" | "appended" | "joined" | "formatted" | "parameterize" | "useTaggedTemplate";
type Options = [{ additionalSinks?: { object?: string; method: string }[]; allowedIdentifierPattern?: string; sanitizers?: string[] }];
export type Invalid = InvalidTestCase<MessageId, Options>;

const PG_SUGGESTION = { placeholder: "$1, $2, …", destination: "a values array" };
const QUESTION_SUGGESTION = { placeholder: "?", destination: "a values array" };

export const pgCases: Invalid[] = [
  {
    name: "pg: Express handler interpolating a route parameter into pool.query()",
    filename: "routes/users.ts",
    code: `import { Pool } from "pg";
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
app.get("/users/:id", async (req, res) => {
  const { rows } = await pool.query(\`SELECT * FROM users WHERE id = \${req.params.id}\`);
  res.json(rows[0]);
});`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 37,
        data: { sink: "pg pool.query()", value: "req.params.id" },
        suggestions: [
          {
            messageId: "parameterize",
            data: PG_SUGGESTION,
            output: `import { Pool } from "pg";
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
app.get("/users/:id", async (req, res) => {
  const { rows } = await pool.query(\`SELECT * FROM users WHERE id = $1\`, [req.params.id]);
  res.json(rows[0]);
});`,
          },
        ],
      },
    ],
  },
  {
    name: "pg (CommonJS): concatenating a quoted value into client.query()",
    filename: "lib/users.js",
    code: `const { Client } = require("pg");
const client = new Client();
async function findByEmail(email) {
  await client.connect();
  const res = await client.query("SELECT * FROM users WHERE email = '" + email + "'");
  return res.rows;
}`,
    errors: [{ messageId: "concatenated", line: 5, column: 34, data: { sink: "pg client.query()", value: "email" }, suggestions: [] }],
  },
  {
    name: "pg: a client from pool.connect() inside a transaction, two values moved to parameters",
    code: `import pg from "pg";
const pool = new pg.Pool();
export async function transfer(fromId: string, amount: string) {
  const client = await pool.connect();
  try {
    await client.query(\`UPDATE accounts SET balance = balance - \${amount} WHERE id = '\${fromId}'\`);
  } finally {
    client.release();
  }
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 6,
        column: 24,
        data: { sink: "pg client.query()", value: "fromId" },
        suggestions: [
          {
            messageId: "parameterize",
            data: PG_SUGGESTION,
            output: `import pg from "pg";
const pool = new pg.Pool();
export async function transfer(fromId: string, amount: string) {
  const client = await pool.connect();
  try {
    await client.query(\`UPDATE accounts SET balance = balance - $1 WHERE id = $2\`, [amount, fromId]);
  } finally {
    client.release();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: "pg: a date range with BETWEEN, both bounds quoted",
    code: `import { Pool } from "pg";
const pool = new Pool();
export const sales = (from: string, to: string) =>
  pool.query(\`SELECT sum(total) FROM orders WHERE created_at BETWEEN '\${from}' AND '\${to}'\`);`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 14,
        data: { sink: "pg pool.query()", value: "from" },
        suggestions: [
          {
            messageId: "parameterize",
            data: PG_SUGGESTION,
            output: `import { Pool } from "pg";
const pool = new Pool();
export const sales = (from: string, to: string) =>
  pool.query(\`SELECT sum(total) FROM orders WHERE created_at BETWEEN $1 AND $2\`, [from, to]);`,
          },
        ],
      },
    ],
  },
  {
    name: "pg: DDL takes no parameters, so a quoted value in ALTER TABLE gets no suggestion",
    code: `import { Pool } from "pg";
const pool = new Pool();
export const setDefault = (status: string) => pool.query(\`ALTER TABLE users ALTER COLUMN status SET DEFAULT '\${status}'\`);`,
    errors: [{ messageId: "interpolated", line: 3, column: 58, data: { sink: "pg pool.query()", value: "status" }, suggestions: [] }],
  },
  {
    name: "pg: a query string grown with += in a search function",
    code: `import { Pool } from "pg";
const pool = new Pool();
export async function search(filters: { name?: string; role?: string }) {
  let sql = "SELECT * FROM users WHERE 1 = 1";
  if (filters.name) sql += \` AND name ILIKE '%\${filters.name}%'\`;
  if (filters.role) sql += " AND role = 'admin'";
  return (await pool.query(sql)).rows;
}`,
    errors: [{ messageId: "appended", line: 7, column: 28, data: { sink: "pg pool.query()", value: "filters.name" }, suggestions: [] }],
  },
  {
    name: "pg: the query config object's text is a template literal",
    code: `import { Pool } from "pg";
const pool = new Pool();
export const rename = (id: string, name: string) =>
  pool.query({ text: \`UPDATE users SET name = '\${name}' WHERE id = $1\`, values: [id] });`,
    errors: [{ messageId: "interpolated", line: 4, column: 14, data: { sink: "pg pool.query()", value: "name" }, suggestions: [] }],
  },
  {
    name: "pg: values are parameterised but the table name is interpolated",
    code: `import { Pool } from "pg";
const pool = new Pool();
export async function byId(table: string, id: string) {
  return pool.query(\`SELECT * FROM \${table} WHERE id = $1\`, [id]);
}`,
    errors: [{ messageId: "interpolated", line: 4, column: 21, data: { sink: "pg pool.query()", value: "table" }, suggestions: [] }],
  },
  {
    name: "pg: SQL returned by a small helper in the same file",
    code: `import { Pool } from "pg";
const pool = new Pool();
function userByEmailSql(email) {
  return \`SELECT id, name FROM users WHERE email = '\${email}'\`;
}
export async function login(req, res) {
  const { rows } = await pool.query(userByEmailSql(req.body.email));
  res.json(rows);
}`,
    errors: [{ messageId: "interpolated", line: 7, column: 37, data: { sink: "pg pool.query()", value: "email" }, suggestions: [] }],
  },
  {
    name: "pg: a PoolClient parameter recognised from its type annotation",
    code: `import type { PoolClient } from "pg";
export async function archive(tx: PoolClient, userId: string) {
  await tx.query(\`DELETE FROM sessions WHERE user_id = '\${userId}'\`);
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 3,
        column: 18,
        data: { sink: "pg tx.query()", value: "userId" },
        suggestions: [
          {
            messageId: "parameterize",
            data: PG_SUGGESTION,
            output: `import type { PoolClient } from "pg";
export async function archive(tx: PoolClient, userId: string) {
  await tx.query(\`DELETE FROM sessions WHERE user_id = $1\`, [userId]);
}`,
          },
        ],
      },
    ],
  },
  {
    name: "pg: a repository class holding the pool as a constructor parameter property",
    code: `import { Pool } from "pg";
export class OrderRepository {
  constructor(private readonly store: Pool) {}
  async forCustomer(customerId: string, status: string) {
    const result = await this.store.query(
      "SELECT * FROM orders WHERE customer_id = " + customerId + " AND status = '" + status + "'",
    );
    return result.rows;
  }
}`,
    errors: [{ messageId: "concatenated", line: 6, column: 7, data: { sink: "pg this.store.query()", value: "status" }, suggestions: [] }],
  },
  {
    name: "pg: a pool held in a class field, with a generic query<T>() call",
    code: `import { Pool } from "pg";
export class UserStore {
  private pool = new Pool();
  byId<T>(id: string) {
    return this.pool.query<T>(\`SELECT * FROM users WHERE id = \${id}\`);
  }
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 5,
        column: 31,
        data: { sink: "pg this.pool.query()", value: "id" },
        suggestions: [
          {
            messageId: "parameterize",
            data: PG_SUGGESTION,
            output: `import { Pool } from "pg";
export class UserStore {
  private pool = new Pool();
  byId<T>(id: string) {
    return this.pool.query<T>(\`SELECT * FROM users WHERE id = $1\`, [id]);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: "pg: callback style keeps the callback after the new values array",
    filename: "file.js",
    code: `const pg = require("pg");
const pool = new pg.Pool();
function getUser(id, done) {
  pool.query(\`SELECT * FROM users WHERE id = \${id}\`, (err, res) => done(err, res && res.rows[0]));
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 14,
        data: { sink: "pg pool.query()", value: "id" },
        suggestions: [
          {
            messageId: "parameterize",
            data: PG_SUGGESTION,
            output: `const pg = require("pg");
const pool = new pg.Pool();
function getUser(id, done) {
  pool.query(\`SELECT * FROM users WHERE id = $1\`, [id], (err, res) => done(err, res && res.rows[0]));
}`,
          },
        ],
      },
    ],
  },
  {
    name: "pg: a `db` parameter in a file that only imports pg gets pg's placeholders",
    code: `import type { Pool } from "pg";
export type Db = Pool;
export async function deleteUser(db, id) {
  await db.query(\`DELETE FROM users WHERE id = \${id}\`);
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 18,
        data: { sink: "db.query()", value: "id" },
        suggestions: [
          {
            messageId: "parameterize",
            data: PG_SUGGESTION,
            output: `import type { Pool } from "pg";
export type Db = Pool;
export async function deleteUser(db, id) {
  await db.query(\`DELETE FROM users WHERE id = $1\`, [id]);
}`,
          },
        ],
      },
    ],
  },
  {
    name: "@vercel/postgres: sql.query() with an interpolated value (the sql tag itself is safe)",
    code: `import { sql } from "@vercel/postgres";
export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get("id");
  const { rows } = await sql.query(\`SELECT * FROM invoices WHERE customer_id = '\${id}'\`);
  const { rows: safe } = await sql\`SELECT * FROM invoices WHERE customer_id = \${id}\`;
  return Response.json({ rows, safe });
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 36,
        data: { sink: "pg sql.query()", value: "new URL(request.url).searchParams.get(\"id\")" },
        suggestions: [
          {
            messageId: "parameterize",
            data: PG_SUGGESTION,
            output: `import { sql } from "@vercel/postgres";
export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get("id");
  const { rows } = await sql.query(\`SELECT * FROM invoices WHERE customer_id = $1\`, [id]);
  const { rows: safe } = await sql\`SELECT * FROM invoices WHERE customer_id = \${id}\`;
  return Response.json({ rows, safe });
}`,
          },
        ],
      },
    ],
  },
];

export const mysqlCases: Invalid[] = [
  {
    name: "mysql (CommonJS): concatenation with a callback",
    filename: "server.js",
    code: `const mysql = require("mysql");
const connection = mysql.createConnection({ host: "localhost" });
app.get("/products", (req, res) => {
  connection.query("SELECT * FROM products WHERE id = " + req.query.id, (err, rows) => {
    res.json(rows);
  });
});`,
    errors: [{ messageId: "concatenated", line: 4, column: 20, data: { sink: "mysql connection.query()", value: "req.query.id" }, suggestions: [] }],
  },
  {
    name: "mysql2/promise: pool.execute() with a quoted value",
    code: `import mysql from "mysql2/promise";
const pool = mysql.createPool({ uri: process.env.MYSQL_URL });
export async function byCategory(category: string) {
  const [rows] = await pool.execute(\`SELECT * FROM products WHERE category = '\${category}' ORDER BY name\`);
  return rows;
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 37,
        data: { sink: "mysql pool.execute()", value: "category" },
        suggestions: [
          {
            messageId: "parameterize",
            data: QUESTION_SUGGESTION,
            output: `import mysql from "mysql2/promise";
const pool = mysql.createPool({ uri: process.env.MYSQL_URL });
export async function byCategory(category: string) {
  const [rows] = await pool.execute(\`SELECT * FROM products WHERE category = ? ORDER BY name\`, [category]);
  return rows;
}`,
          },
        ],
      },
    ],
  },
  {
    name: "mysql2: the promise() wrapper; LIMIT is left out of the suggestion",
    code: `const mysql = require("mysql2");
const db = mysql.createPool({ host: "db" }).promise();
async function page(req) {
  return db.query(\`SELECT * FROM posts LIMIT \${req.query.limit}\`);
}`,
    errors: [{ messageId: "interpolated", line: 4, column: 19, data: { sink: "mysql db.query()", value: "req.query.limit" }, suggestions: [] }],
  },
  {
    name: "mysql2: a connection taken from pool.getConnection()",
    code: `import { createPool } from "mysql2/promise";
const pool = createPool({});
export async function touch(userId: string) {
  const conn = await pool.getConnection();
  await conn.query(\`UPDATE users SET last_seen = NOW() WHERE id = \${userId}\`);
  conn.release();
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 5,
        column: 20,
        data: { sink: "mysql conn.query()", value: "userId" },
        suggestions: [
          {
            messageId: "parameterize",
            data: QUESTION_SUGGESTION,
            output: `import { createPool } from "mysql2/promise";
const pool = createPool({});
export async function touch(userId: string) {
  const conn = await pool.getConnection();
  await conn.query(\`UPDATE users SET last_seen = NOW() WHERE id = ?\`, [userId]);
  conn.release();
}`,
          },
        ],
      },
    ],
  },
  {
    name: "mysql: INSERT ... VALUES with each value moved to a placeholder",
    code: `import mysql from "mysql2/promise";
const conn = await mysql.createConnection({});
export const addTag = (postId: string, tag: string) =>
  conn.execute(\`INSERT INTO tags (post_id, name) VALUES (\${postId}, '\${tag}')\`);`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 16,
        data: { sink: "mysql conn.execute()", value: "tag" },
        suggestions: [
          {
            messageId: "parameterize",
            data: QUESTION_SUGGESTION,
            output: `import mysql from "mysql2/promise";
const conn = await mysql.createConnection({});
export const addTag = (postId: string, tag: string) =>
  conn.execute(\`INSERT INTO tags (post_id, name) VALUES (?, ?)\`, [postId, tag]);`,
          },
        ],
      },
    ],
  },
];

export const sqliteCases: Invalid[] = [
  {
    name: "better-sqlite3: prepare().get() gets the values as statement arguments",
    code: `import Database from "better-sqlite3";
const db = new Database("app.db");
export function findUser(username: string) {
  return db.prepare(\`SELECT * FROM users WHERE username = '\${username}'\`).get();
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 21,
        data: { sink: "better-sqlite3 db.prepare()", value: "username" },
        suggestions: [
          {
            messageId: "parameterize",
            data: { placeholder: "?", destination: "the statement call" },
            output: `import Database from "better-sqlite3";
const db = new Database("app.db");
export function findUser(username: string) {
  return db.prepare(\`SELECT * FROM users WHERE username = ?\`).get(username);
}`,
          },
        ],
      },
    ],
  },
  {
    name: "better-sqlite3: exec() cannot take parameters, so no suggestion",
    code: `const Database = require("better-sqlite3");
const db = new Database(":memory:");
function purge(userId) {
  db.exec(\`DELETE FROM sessions WHERE user_id = \${userId}\`);
}`,
    errors: [{ messageId: "interpolated", line: 4, column: 11, data: { sink: "better-sqlite3 db.exec()", value: "userId" }, suggestions: [] }],
  },
  {
    name: "sqlite3: db.all() with a callback, database from require('sqlite3').verbose()",
    filename: "file.js",
    code: `const sqlite3 = require("sqlite3").verbose();
const db = new sqlite3.Database("./data.db");
function search(term, cb) {
  db.all(\`SELECT * FROM notes WHERE title LIKE '%\${term}%'\`, (err, rows) => cb(err, rows));
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 10,
        data: { sink: "sqlite3 db.all()", value: "term" },
        suggestions: [
          {
            messageId: "parameterize",
            data: QUESTION_SUGGESTION,
            output: `const sqlite3 = require("sqlite3").verbose();
const db = new sqlite3.Database("./data.db");
function search(term, cb) {
  db.all(\`SELECT * FROM notes WHERE title LIKE ?\`, [\`%\${term}%\`], (err, rows) => cb(err, rows));
}`,
          },
        ],
      },
    ],
  },
  {
    name: "sqlite: a database from open() and db.get()",
    code: `import { open } from "sqlite";
import sqlite3 from "sqlite3";
const db = await open({ filename: "app.db", driver: sqlite3.Database });
export const getNote = (id: string) => db.get(\`SELECT * FROM notes WHERE id = \${id}\`);`,
    errors: [{ messageId: "interpolated", line: 4, column: 47, data: { sink: "sqlite db.get()", value: "id" } , suggestions: [
      {
        messageId: "parameterize",
        data: QUESTION_SUGGESTION,
        output: `import { open } from "sqlite";
import sqlite3 from "sqlite3";
const db = await open({ filename: "app.db", driver: sqlite3.Database });
export const getNote = (id: string) => db.get(\`SELECT * FROM notes WHERE id = ?\`, [id]);`,
      },
    ] }],
  },
  {
    name: "Cloudflare D1: env.DB.prepare() recognised by name and SQL text",
    code: `export default {
  async fetch(request: Request, env: Env) {
    const slug = new URL(request.url).searchParams.get("slug");
    const row = await env.DB.prepare(\`SELECT * FROM posts WHERE slug = '\${slug}'\`).first();
    return Response.json(row);
  },
};`,
    errors: [{ messageId: "interpolated", line: 4, column: 38, data: { sink: "env.DB.prepare()", value: "new URL(request.url).searchParams.get(\"slug\")" }, suggestions: [] }],
  },
];

export const knexCases: Invalid[] = [
  {
    name: "knex: knex.raw() on an instance created with require('knex')(config)",
    filename: "file.js",
    code: `const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });
async function count(status) {
  return knex.raw(\`SELECT count(*) FROM orders WHERE status = '\${status}'\`);
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 3,
        column: 19,
        data: { sink: "knex knex.raw()", value: "status" },
        suggestions: [
          {
            messageId: "parameterize",
            data: { placeholder: "?", destination: "a bindings array" },
            output: `const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });
async function count(status) {
  return knex.raw(\`SELECT count(*) FROM orders WHERE status = ?\`, [status]);
}`,
          },
        ],
      },
    ],
  },
  {
    name: "knex: whereRaw() on a builder chain, with concatenation",
    code: `import { db } from "./db";
export const activeSince = (date: string) =>
  db("users").select("id").whereRaw("last_login > '" + date + "'").andWhere("active", true);`,
    errors: [{ messageId: "concatenated", line: 3, column: 37, data: { sink: "knex whereRaw()", value: "date" }, suggestions: [] }],
  },
  {
    name: "knex: orderByRaw() with a column and direction from the query string (no safe rewrite)",
    code: `import Knex from "knex";
const knex = Knex({ client: "mysql2" });
app.get("/items", async (req, res) => {
  const items = await knex("items").orderByRaw(\`\${req.query.sort} \${req.query.dir}\`);
  res.json(items);
});`,
    errors: [{ messageId: "interpolated", line: 4, column: 48, data: { sink: "knex orderByRaw()", value: "req.query.sort" }, suggestions: [] }],
  },
  {
    name: "knex: whereRaw() with a quoted value gets ? and a bindings array",
    code: `import knex from "knex";
const db = knex({ client: "sqlite3" });
export const byEmail = (email: string) => db("users").whereRaw(\`lower(email) = lower('\${email}')\`).first();`,
    errors: [
      {
        messageId: "interpolated",
        line: 3,
        column: 64,
        data: { sink: "knex whereRaw()", value: "email" },
        suggestions: [
          {
            messageId: "parameterize",
            data: { placeholder: "?", destination: "a bindings array" },
            output: `import knex from "knex";
const db = knex({ client: "sqlite3" });
export const byEmail = (email: string) => db("users").whereRaw(\`lower(email) = lower(?)\`, [email]).first();`,
          },
        ],
      },
    ],
  },
  {
    name: "knex: trx.raw() inside a transaction callback",
    code: `import knex from "knex";
const db = knex({ client: "pg" });
export async function rename(id: string, name: string) {
  await db.transaction(async (trx) => {
    await trx.raw(\`UPDATE teams SET name = '\${name}' WHERE id = ?\`, [id]);
  });
}`,
    errors: [{ messageId: "interpolated", line: 5, column: 19, data: { sink: "knex trx.raw()", value: "name" }, suggestions: [] }],
  },
  {
    name: "knex: havingRaw() built from a variable",
    code: `export function popular(qb, minimum) {
  const having = \`count(*) > \${minimum}\`;
  return qb.groupBy("author_id").havingRaw(having);
}`,
    errors: [{ messageId: "interpolated", line: 3, column: 44, data: { sink: "knex havingRaw()", value: "minimum" }, suggestions: [] }],
  },
];

export const ormCases: Invalid[] = [
  {
    name: "Sequelize: sequelize.query() gets replacements merged into its options",
    code: `import { QueryTypes, Sequelize } from "sequelize";
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export const byName = (name: string) =>
  sequelize.query(\`SELECT * FROM users WHERE name = '\${name}'\`, { type: QueryTypes.SELECT });`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 19,
        data: { sink: "Sequelize sequelize.query()", value: "name" },
        suggestions: [
          {
            messageId: "parameterize",
            data: { placeholder: "?", destination: "`replacements`" },
            output: `import { QueryTypes, Sequelize } from "sequelize";
const sequelize = new Sequelize(process.env.DATABASE_URL!);
export const byName = (name: string) =>
  sequelize.query(\`SELECT * FROM users WHERE name = ?\`, { replacements: [name], type: QueryTypes.SELECT });`,
          },
        ],
      },
    ],
  },
  {
    name: "Sequelize: a query without options gets a new replacements object",
    filename: "file.js",
    code: `const { Sequelize } = require("sequelize");
const sequelize = new Sequelize(process.env.DB);
exports.logout = (token) => sequelize.query(\`DELETE FROM sessions WHERE token = '\${token}'\`);`,
    errors: [
      {
        messageId: "interpolated",
        line: 3,
        column: 45,
        data: { sink: "Sequelize sequelize.query()", value: "token" },
        suggestions: [
          {
            messageId: "parameterize",
            data: { placeholder: "?", destination: "`replacements`" },
            output: `const { Sequelize } = require("sequelize");
const sequelize = new Sequelize(process.env.DB);
exports.logout = (token) => sequelize.query(\`DELETE FROM sessions WHERE token = ?\`, { replacements: [token] });`,
          },
        ],
      },
    ],
  },
  {
    name: "Sequelize: Sequelize.literal() with a subquery interpolating an id",
    filename: "file.js",
    code: `const { Sequelize } = require("sequelize");
async function withPostCount(User, userId) {
  return User.findAll({
    attributes: { include: [[Sequelize.literal(\`(SELECT COUNT(*) FROM posts WHERE posts.user_id = \${userId})\`), "postCount"]] },
  });
}`,
    errors: [{ messageId: "interpolated", line: 4, column: 48, data: { sink: "Sequelize Sequelize.literal()", value: "userId" }, suggestions: [] }],
  },
  {
    name: "Sequelize: literal imported by name",
    code: `import { literal, Op } from "sequelize";
export const where = (q: string) => ({ [Op.and]: literal("title LIKE '%" + q + "%'") });`,
    errors: [{ messageId: "concatenated", line: 2, column: 58, data: { sink: "Sequelize literal()", value: "q" }, suggestions: [] }],
  },
  {
    name: "Sequelize: db.sequelize.query() from a sequelize-cli models index",
    filename: "file.js",
    code: `const db = require("../models");
exports.report = async (req, res) => {
  const [rows] = await db.sequelize.query(\`SELECT * FROM orders WHERE user_id = \${req.user.id}\`);
  res.json(rows);
};`,
    errors: [{ messageId: "interpolated", line: 3, column: 43, data: { sink: "db.sequelize.query()", value: "req.user.id" }, suggestions: [] }],
  },
  {
    name: "TypeORM: dataSource.query()",
    code: `import { DataSource } from "typeorm";
export const AppDataSource = new DataSource({ type: "postgres" });
export async function stats(teamId: string) {
  return AppDataSource.query(\`SELECT count(*) FROM members WHERE team_id = '\${teamId}'\`);
}`,
    errors: [{ messageId: "interpolated", line: 4, column: 30, data: { sink: "TypeORM AppDataSource.query()", value: "teamId" }, suggestions: [] }],
  },
  {
    name: "TypeORM: a Nest service's repository query builder with an interpolated where()",
    code: `import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { Repository } from "typeorm";
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  findByEmail(email: string) {
    return this.users.createQueryBuilder("user").where(\`user.email = '\${email}'\`).getOne();
  }
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 8,
        column: 56,
        data: { sink: "TypeORM where()", value: "email" },
        suggestions: [
          {
            messageId: "parameterize",
            data: { placeholder: ":name", destination: "a parameters object" },
            output: `import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { Repository } from "typeorm";
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}
  findByEmail(email: string) {
    return this.users.createQueryBuilder("user").where(\`user.email = :email\`, { email }).getOne();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: "TypeORM: andWhere() on a query builder held in a variable",
    code: `import { AppDataSource } from "./data-source";
import { dataSource } from "typeorm-extension";
import { getRepository } from "typeorm";
export async function search(term: string, req) {
  const qb = getRepository(Post).createQueryBuilder("post").where("post.published = true");
  qb.andWhere(\`post.title LIKE '%\${term}%'\`);
  qb.orWhere("post.author_id = " + req.user.id);
  return qb.getMany();
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 6,
        column: 15,
        data: { sink: "TypeORM qb.andWhere()", value: "term" },
        suggestions: [
          {
            messageId: "parameterize",
            data: { placeholder: ":name", destination: "a parameters object" },
            output: `import { AppDataSource } from "./data-source";
import { dataSource } from "typeorm-extension";
import { getRepository } from "typeorm";
export async function search(term: string, req) {
  const qb = getRepository(Post).createQueryBuilder("post").where("post.published = true");
  qb.andWhere(\`post.title LIKE :term\`, { term: \`%\${term}%\` });
  qb.orWhere("post.author_id = " + req.user.id);
  return qb.getMany();
}`,
          },
        ],
      },
      { messageId: "concatenated", line: 7, column: 14, data: { sink: "TypeORM qb.orWhere()", value: "req.user.id" }, suggestions: [] },
    ],
  },
  {
    name: "TypeORM: manager.query() inside dataSource.transaction()",
    code: `import { DataSource } from "typeorm";
const dataSource = new DataSource({ type: "mysql" });
export const close = (accountId: string) =>
  dataSource.transaction(async (manager) => {
    await manager.query(\`UPDATE accounts SET closed = 1 WHERE id = \${accountId}\`);
  });`,
    errors: [{ messageId: "interpolated", line: 5, column: 25, data: { sink: "TypeORM manager.query()", value: "accountId" }, suggestions: [] }],
  },
  {
    name: "Prisma: $queryRawUnsafe() becomes the $queryRaw tagged template, quotes and wildcards folded into the value",
    code: `import { PrismaClient } from "@prisma/client";
const prisma = new PrismaClient();
export async function search(q: string) {
  return prisma.$queryRawUnsafe<Product[]>(\`SELECT * FROM "Product" WHERE name ILIKE '%\${q}%' AND price < \${maxPrice(q)}\`);
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 44,
        data: { sink: "Prisma prisma.$queryRawUnsafe()", value: "q" },
        suggestions: [
          {
            messageId: "useTaggedTemplate",
            data: { tag: "prisma.$queryRaw" },
            output: `import { PrismaClient } from "@prisma/client";
const prisma = new PrismaClient();
export async function search(q: string) {
  return prisma.$queryRaw<Product[]>\`SELECT * FROM "Product" WHERE name ILIKE \${\`%\${q}%\`} AND price < \${maxPrice(q)}\`;
}`,
          },
        ],
      },
    ],
  },
  {
    name: "Prisma: $executeRawUnsafe() on an injected client with concatenation",
    code: `export class AuditService {
  constructor(private readonly prisma: PrismaService) {}
  purge(userId: string) {
    return this.prisma.$executeRawUnsafe("DELETE FROM audit_log WHERE user_id = '" + userId + "'");
  }
}`,
    errors: [{ messageId: "concatenated", line: 4, column: 42, data: { sink: "Prisma this.prisma.$executeRawUnsafe()", value: "userId" }, suggestions: [] }],
  },
  {
    name: "Prisma: an interpolated table name cannot become a parameter, so no suggestion",
    code: `export const count = (prisma, table: string) => prisma.$queryRawUnsafe(\`SELECT count(*) FROM "\${table}"\`);`,
    errors: [{ messageId: "interpolated", line: 1, column: 72, data: { sink: "Prisma prisma.$queryRawUnsafe()", value: "table" }, suggestions: [] }],
  },
  {
    name: "drizzle: sql.raw() becomes the sql tagged template",
    code: `import { sql } from "drizzle-orm";
import { db } from "./db";
export const byEmail = (email: string) => db.execute(sql.raw(\`SELECT * FROM users WHERE email = '\${email}'\`));`,
    errors: [
      {
        messageId: "interpolated",
        line: 3,
        column: 62,
        data: { sink: "drizzle sql.raw()", value: "email" },
        suggestions: [
          {
            messageId: "useTaggedTemplate",
            data: { tag: "sql" },
            output: `import { sql } from "drizzle-orm";
import { db } from "./db";
export const byEmail = (email: string) => db.execute(sql\`SELECT * FROM users WHERE email = \${email}\`);`,
          },
        ],
      },
    ],
  },
];

export const otherDriverCases: Invalid[] = [
  {
    name: "Kysely: sql.raw() becomes the sql tagged template",
    code: `import { sql } from "kysely";
export const byName = (db, name: string) => sql.raw(\`SELECT * FROM person WHERE first_name = '\${name}'\`).execute(db);`,
    errors: [
      {
        messageId: "interpolated",
        line: 2,
        column: 53,
        data: { sink: "Kysely sql.raw()", value: "name" },
        suggestions: [
          {
            messageId: "useTaggedTemplate",
            data: { tag: "sql" },
            output: `import { sql } from "kysely";
export const byName = (db, name: string) => sql\`SELECT * FROM person WHERE first_name = \${name}\`.execute(db);`,
          },
        ],
      },
    ],
  },
  {
    name: "knex: knex.schema.raw() in a migration helper",
    code: `import knex from "knex";
const db = knex({ client: "pg" });
export const addIndex = (table: string, column: string) => db.schema.raw(\`CREATE INDEX ON \${table} (\${column})\`);`,
    errors: [{ messageId: "interpolated", line: 3, column: 74, data: { sink: "knex db.schema.raw()", value: "table" }, suggestions: [] }],
  },
  {
    name: "mssql: new sql.Request().query() becomes a tagged query",
    code: `import sql from "mssql";
export async function byLogin(login: string) {
  const result = await new sql.Request().query(\`SELECT * FROM Users WHERE Login = '\${login}'\`);
  return result.recordset;
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 3,
        column: 48,
        data: { sink: "mssql query()", value: "login" },
        suggestions: [
          {
            messageId: "useTaggedTemplate",
            data: { tag: "new sql.Request().query" },
            output: `import sql from "mssql";
export async function byLogin(login: string) {
  const result = await new sql.Request().query\`SELECT * FROM Users WHERE Login = \${login}\`;
  return result.recordset;
}`,
          },
        ],
      },
    ],
  },
  {
    name: "mssql: the global sql.query() and pool.request().query()",
    filename: "file.js",
    code: `const sql = require("mssql");
async function run(id, name) {
  const pool = await sql.connect(process.env.MSSQL);
  await sql.query("SELECT * FROM Orders WHERE Id = " + id);
  await pool.request().query(\`UPDATE Users SET Name = N'\${name}' WHERE Id = 1\`);
}`,
    errors: [
      { messageId: "concatenated", line: 4, column: 19, data: { sink: "mssql sql.query()", value: "id" }, suggestions: [] },
      { messageId: "interpolated", line: 5, column: 30, data: { sink: "mssql query()", value: "name" }, suggestions: [] },
    ],
  },
  {
    name: "oracledb: connection.execute() gets :1 binds",
    code: `import oracledb from "oracledb";
export async function employee(id: string) {
  const connection = await oracledb.getConnection({ user: "hr" });
  return connection.execute(\`SELECT * FROM employees WHERE employee_id = \${id}\`);
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 29,
        data: { sink: "oracledb connection.execute()", value: "id" },
        suggestions: [
          {
            messageId: "parameterize",
            data: { placeholder: ":1, :2, …", destination: "a binds array" },
            output: `import oracledb from "oracledb";
export async function employee(id: string) {
  const connection = await oracledb.getConnection({ user: "hr" });
  return connection.execute(\`SELECT * FROM employees WHERE employee_id = :1\`, [id]);
}`,
          },
        ],
      },
    ],
  },
  {
    name: "postgres.js: sql.unsafe() becomes the sql tagged template",
    code: `import postgres from "postgres";
const sql = postgres(process.env.DATABASE_URL!);
export const user = (id: string) => sql.unsafe(\`SELECT * FROM users WHERE id = \${id}\`);`,
    errors: [
      {
        messageId: "interpolated",
        line: 3,
        column: 48,
        data: { sink: "postgres.js sql.unsafe()", value: "id" },
        suggestions: [
          {
            messageId: "useTaggedTemplate",
            data: { tag: "sql" },
            output: `import postgres from "postgres";
const sql = postgres(process.env.DATABASE_URL!);
export const user = (id: string) => sql\`SELECT * FROM users WHERE id = \${id}\`;`,
          },
        ],
      },
    ],
  },
];

export const namedReceiverCases: Invalid[] = [
  {
    name: "a db module of the project: db.query() with SQL text",
    code: `import { db } from "@/lib/db";
export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get("id");
  const user = await db.query(\`SELECT * FROM users WHERE id = \${id}\`);
  return Response.json(user);
}`,
    errors: [{ messageId: "interpolated", line: 4, column: 31, data: { sink: "db.query()", value: "new URL(request.url).searchParams.get(\"id\")" }, suggestions: [] }],
  },
  {
    name: "a bare query() helper imported from the project",
    code: `import { query } from "../db";
export const remove = (id: string) => query(\`DELETE FROM todos WHERE id = '\${id}'\`);`,
    errors: [{ messageId: "interpolated", line: 2, column: 45, data: { sink: "query()", value: "id" }, suggestions: [] }],
  },
  {
    name: "WHERE clauses pushed to an array and joined",
    code: `export async function list(db, filters) {
  const where = [];
  if (filters.owner) where.push(\`owner_id = \${filters.owner}\`);
  if (filters.done) where.push("done = true");
  return db.query("SELECT * FROM tasks WHERE " + where.join(" AND "));
}`,
    errors: [{ messageId: "concatenated", line: 5, column: 19, data: { sink: "db.query()", value: "filters.owner" }, suggestions: [] }],
  },
  {
    name: "an UPDATE whose SET list comes from the request body's keys",
    code: `export async function update(pool, id, body) {
  const assignments = Object.keys(body).map((key, i) => \`\${key} = $\${i + 2}\`).join(", ");
  await pool.query(\`UPDATE users SET \${assignments} WHERE id = $1\`, [id, ...Object.values(body)]);
}`,
    errors: [{ messageId: "interpolated", line: 3, column: 20, data: { sink: "pool.query()", value: "key" }, suggestions: [] }],
  },
  {
    name: "an INSERT whose column list is the keys of the request body",
    code: `export async function insert(pool, data: Record<string, unknown>) {
  const columns = Object.keys(data);
  const placeholders = columns.map((_, i) => \`$\${i + 1}\`).join(", ");
  return pool.query(\`INSERT INTO items (\${columns.join(", ")}) VALUES (\${placeholders})\`, Object.values(data));
}`,
    errors: [{ messageId: "interpolated", line: 4, column: 21, data: { sink: "pool.query()", value: "Object.keys(data)" }, suggestions: [] }],
  },
  {
    name: "String.raw is plain interpolation, not a SQL tag",
    code: `export const find = (db, id: string) => db.query(String.raw\`SELECT * FROM files WHERE owner = '\${id}' AND path LIKE 'C:\\%'\`);`,
    errors: [{ messageId: "interpolated", line: 1, column: 50, data: { sink: "db.query()", value: "id" }, suggestions: [] }],
  },
  {
    name: "a conditional argument, one branch interpolated",
    code: `export const load = (conn, org) =>
  conn.query(org ? \`SELECT * FROM projects WHERE org = '\${org}'\` : "SELECT * FROM projects");`,
    errors: [{ messageId: "interpolated", line: 2, column: 14, data: { sink: "conn.query()", value: "org" }, suggestions: [] }],
  },
  {
    name: "a string reassigned with sql = sql + …",
    code: `export async function find(client, email) {
  let sql = "SELECT * FROM users";
  sql = sql + " WHERE email = '" + email + "'";
  return client.query(sql);
}`,
    errors: [{ messageId: "concatenated", line: 4, column: 23, data: { sink: "client.query()", value: "email" }, suggestions: [] }],
  },
  {
    name: "optional chaining on the receiver and the call",
    code: `export const get = (ctx, id) => ctx.db?.query?.(\`SELECT * FROM items WHERE id = \${id}\`);`,
    errors: [{ messageId: "interpolated", line: 1, column: 49, data: { sink: "ctx.db.query()", value: "id" }, suggestions: [] }],
  },
  {
    name: "a destructured request field in a Fastify route using fastify.pg",
    code: `fastify.get("/orders", async (request) => {
  const { status } = request.query;
  const { rows } = await fastify.pg.query(\`SELECT * FROM orders WHERE status = '\${status}'\`);
  return rows;
});`,
    errors: [{ messageId: "interpolated", line: 3, column: 43, data: { sink: "fastify.pg.query()", value: "status" }, suggestions: [] }],
  },
];

export const optionCases: Invalid[] = [
  {
    name: "additionalSinks: a project wrapper recognised by object and method",
    options: [{ additionalSinks: [{ object: "warehouse", method: "sql" }] }],
    code: `export const rows = (warehouse, day) => warehouse.sql(\`select * from events where day = \${day}\`);`,
    errors: [{ messageId: "interpolated", line: 1, column: 55, data: { sink: "warehouse.sql()", value: "day" }, suggestions: [] }],
  },
  {
    name: "additionalSinks: a plain function recognised by method alone, even when the text does not read as SQL",
    options: [{ additionalSinks: [{ method: "runStatement" }] }],
    code: `import { runStatement } from "./snowflake";
export const go = (column) => runStatement(\`\${column} DESC\`);`,
    errors: [{ messageId: "interpolated", line: 2, column: 44, data: { sink: "runStatement()", value: "column" }, suggestions: [] }],
  },
];

/** The counterparts of the corpus patterns: the same shapes without the escaping or validation. */
export const followedValueCases: Invalid[] = [
  {
    name: "a small method of the same class that builds the SQL from its argument",
    code: `export class ReportRepository {
  constructor(private readonly db) {}
  byStatus(status: string) {
    return this.db.query(this.statusSql(status));
  }
  private statusSql(status: string) {
    return \`SELECT * FROM reports WHERE status = '\${status}'\`;
  }
}`,
    errors: [{ messageId: "interpolated", line: 4, column: 26, data: { sink: "this.db.query()", value: "status" }, suggestions: [] }],
  },
  {
    name: "a reassignment that does not sanitise (trim) keeps the parameter's value unsafe",
    code: `export async function byName(db, name: string) {
  name = name.trim();
  return db.query(\`SELECT * FROM users WHERE name = '\${name}'\`);
}`,
    errors: [{ messageId: "interpolated", line: 3, column: 19, data: { sink: "db.query()", value: "name" }, suggestions: [] }],
  },
  {
    name: "backslash-escaping quotes is not SQL escaping",
    code: `export const find = (db, name: string) => db.query(\`SELECT * FROM users WHERE name = '\${name.replace(/'/g, "\\\\'")}'\`);`,
    errors: [{ messageId: "interpolated", line: 1, column: 52, data: { sink: "db.query()", value: "name" }, suggestions: [] }],
  },
  {
    name: "a local function whose caller passes request data",
    code: `import { Pool } from "pg";
const pool = new Pool();
async function findByEmail(email) {
  return pool.query(\`SELECT * FROM users WHERE email = '\${email}'\`);
}
app.post("/login", async (req, res) => res.json(await findByEmail(req.body.email)));`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        column: 21,
        data: { sink: "pg pool.query()", value: "email" },
        suggestions: [
          {
            messageId: "parameterize",
            data: PG_SUGGESTION,
            output: `import { Pool } from "pg";
const pool = new Pool();
async function findByEmail(email) {
  return pool.query(\`SELECT * FROM users WHERE email = $1\`, [email]);
}
app.post("/login", async (req, res) => res.json(await findByEmail(req.body.email)));`,
          },
        ],
      },
    ],
  },
  {
    name: "Prisma.raw() with an interpolated value",
    code: `import { Prisma } from "@prisma/client";
export const orderBy = (column: string) => Prisma.raw(\`ORDER BY \${column}\`);`,
    errors: [{ messageId: "interpolated", line: 2, column: 55, data: { sink: "Prisma Prisma.raw()", value: "column" }, suggestions: [] }],
  },
];
