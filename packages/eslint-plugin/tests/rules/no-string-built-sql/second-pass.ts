// Libraries and string-building forms added in the second pass (issue 10), each written the way the
// library's own docs and real code use it, with a safe look-alike beside it.
import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import type { Invalid } from "./invalid-cases.js";

type Valid = ValidTestCase<Invalid["options"] & unknown[]>;

export const secondPassInvalid: Invalid[] = [
  {
    name: "pg-promise: db.any() with an interpolated route parameter",
    code: `const pgp = require("pg-promise")();
const db = pgp(process.env.DATABASE_URL);
exports.list = (req) => db.any(\`SELECT * FROM orders WHERE customer = '\${req.query.customer}'\`);`,
    errors: [
      {
        messageId: "interpolated",
        line: 3,
        data: { sink: "pg-promise db.any()", value: "req.query.customer" },
        suggestions: [
          {
            messageId: "parameterize",
            data: { placeholder: "$1, $2, …", destination: "a values array" },
            output: `const pgp = require("pg-promise")();
const db = pgp(process.env.DATABASE_URL);
exports.list = (req) => db.any(\`SELECT * FROM orders WHERE customer = $1\`, [req.query.customer]);`,
          },
        ],
      },
    ],
  },
  {
    name: "pg-promise: oneOrNone inside a task context",
    code: `import pgPromise from "pg-promise";
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL);
export const find = (email) => db.task((t) => t.oneOrNone("SELECT * FROM users WHERE email = '" + email + "'"));`,
    errors: [{ messageId: "concatenated", line: 4, data: { sink: "pg-promise t.oneOrNone()", value: "email" }, suggestions: null }],
  },
  {
    name: "pg-promise: none() inside tx",
    code: `import pgPromise from "pg-promise";
const db = pgPromise()(process.env.DATABASE_URL);
export const rename = (id, name) => db.tx(async (tx) => { await tx.none(\`UPDATE users SET name = '\${name}' WHERE id = \${id}\`); });`,
    errors: [
      {
        messageId: "interpolated",
        line: 3,
        data: { sink: "pg-promise tx.none()", value: "name" },
        suggestions: [
          {
            messageId: "parameterize",
            data: { placeholder: "$1, $2, …", destination: "a values array" },
            output: `import pgPromise from "pg-promise";
const db = pgPromise()(process.env.DATABASE_URL);
export const rename = (id, name) => db.tx(async (tx) => { await tx.none(\`UPDATE users SET name = $1 WHERE id = $2\`, [name, id]); });`,
          },
        ],
      },
    ],
  },
  {
    name: "oracledb: executeMany with interpolated table name",
    code: `import oracledb from "oracledb";
export async function load(table, rows) {
  const connection = await oracledb.getConnection();
  await connection.executeMany(\`INSERT INTO \${table} VALUES (:1, :2)\`, rows);
}`,
    errors: [{ messageId: "interpolated", line: 4, data: { sink: "oracledb connection.executeMany()", value: "table" } }],
  },
  {
    name: "oracledb: queryStream with a concatenated filter",
    code: `import oracledb from "oracledb";
export async function stream(region) {
  const connection = await oracledb.getConnection();
  return connection.queryStream("SELECT * FROM sales WHERE region = '" + region + "'");
}`,
    errors: [{ messageId: "concatenated", line: 4 }],
  },
  {
    name: "mssql: new sql.Request().query() with a template",
    code: `import sql from "mssql";
export async function byName(name) {
  const request = new sql.Request();
  return request.query(\`SELECT * FROM Customers WHERE Name = '\${name}'\`);
}`,
    errors: [
      {
        messageId: "interpolated",
        line: 4,
        data: { sink: "mssql request.query()", value: "name" },
        suggestions: [
          {
            messageId: "useTaggedTemplate",
            data: { tag: "request.query" },
            output: `import sql from "mssql";
export async function byName(name) {
  const request = new sql.Request();
  return request.query\`SELECT * FROM Customers WHERE Name = \${name}\`;
}`,
          },
        ],
      },
    ],
  },
  {
    name: "mssql: pool.request().batch() with concatenation",
    code: `import sql from "mssql";
const pool = new sql.ConnectionPool(process.env.MSSQL_URL);
export const drop = (table) => pool.request().batch("DROP TABLE " + table);`,
    errors: [{ messageId: "concatenated", line: 3, suggestions: null }],
  },
  {
    name: "slonik-sql-tag-raw: raw() fragment with interpolation",
    code: `import { raw } from "slonik-sql-tag-raw";
export const orderBy = (column) => raw(\`ORDER BY \${column} DESC\`);`,
    errors: [{ messageId: "interpolated", line: 2, data: { sink: "slonik raw()", value: "column" } }],
  },
  {
    name: "String#concat builds the query",
    code: `import { Pool } from "pg";
const pool = new Pool();
export const byId = (id) => pool.query("SELECT * FROM users WHERE id = ".concat(id));`,
    errors: [{ messageId: "concatenated", line: 3, data: { sink: "pg pool.query()", value: "id" }, suggestions: null }],
  },
  {
    name: "util.format splices the value in with %s",
    code: `const util = require("util");
const mysql = require("mysql2");
const connection = mysql.createConnection({});
exports.find = (name) => connection.query(util.format("SELECT * FROM users WHERE name = '%s'", name));`,
    errors: [{ messageId: "formatted", line: 4, data: { sink: "mysql connection.query()", value: "name" }, suggestions: null }],
  },
  {
    name: "sprintf-js, through a variable",
    code: `import { sprintf } from "sprintf-js";
import { Pool } from "pg";
const pool = new Pool();
export const remove = (table, id) => {
  const statement = sprintf("DELETE FROM %s WHERE id = %d", table, id);
  return pool.query(statement);
};`,
    errors: [{ messageId: "formatted", line: 6, data: { sink: "pg pool.query()", value: "table" }, suggestions: null }],
  },
  {
    name: "vsprintf with the values in an array",
    code: `import { vsprintf } from "sprintf-js";
import { Pool } from "pg";
const pool = new Pool();
export const remove = (table) => pool.query(vsprintf("DELETE FROM %s", [table]));`,
    errors: [{ messageId: "formatted", line: 4, suggestions: null }],
  },
  {
    name: "String.raw template with an interpolated value",
    code: `import { Pool } from "pg";
const pool = new Pool();
export const search = (term) => pool.query(String.raw\`SELECT * FROM docs WHERE body ~ '\${term}\\s'\`);`,
    errors: [{ messageId: "interpolated", line: 3, suggestions: null }],
  },
  {
    name: "Array#join of a list mixing SQL text and a request value",
    code: `import { Pool } from "pg";
const pool = new Pool();
export const list = (req) => pool.query(["SELECT * FROM items WHERE owner =", "'" + req.user.name + "'", "ORDER BY id"].join(" "));`,
    errors: [{ messageId: "joined", line: 3, suggestions: null }],
  },
];

export const secondPassValid: Valid[] = [
  {
    name: "pg-promise: values passed as parameters, and its own :name formatting",
    code: `const pgp = require("pg-promise")();
const db = pgp(process.env.DATABASE_URL);
exports.list = (req) => db.any("SELECT * FROM orders WHERE customer = $1", [req.query.customer]);
exports.one = (id) => db.one("SELECT * FROM orders WHERE id = \${id}", { id });`,
  },
  {
    name: "pg-promise: helpers.insert builds the SQL, escaping each value",
    code: `const pgp = require("pg-promise")();
const db = pgp(process.env.DATABASE_URL);
exports.save = (rows) => db.none(pgp.helpers.insert(rows, ["a", "b"], "items"));`,
  },
  {
    name: "oracledb: executeMany with bind variables",
    code: `import oracledb from "oracledb";
export async function load(rows) {
  const connection = await oracledb.getConnection();
  await connection.executeMany("INSERT INTO sales VALUES (:1, :2)", rows);
}`,
  },
  {
    name: "mssql: request.input() binds the value",
    code: `import sql from "mssql";
export const byName = (name) => new sql.Request().input("name", sql.NVarChar, name).query("SELECT * FROM Customers WHERE Name = @name");`,
  },
  {
    name: "concat of constant SQL fragments, and Array#concat",
    code: `import { Pool } from "pg";
const pool = new Pool();
const BASE = "SELECT * FROM users";
export const all = () => pool.query(BASE.concat(" ORDER BY id"));
export const merged = (a, b) => a.concat(b);`,
  },
  {
    name: "format() of a date library and util.format of a log line are not SQL",
    code: `import { format } from "date-fns";
import util from "node:util";
export const day = (d) => format(d, "yyyy-MM-dd");
export const line = (user) => console.log(util.format("user %s selected from the menu", user));`,
  },
  {
    name: "util.format with only constants spliced in",
    code: `const util = require("util");
const mysql = require("mysql2");
const connection = mysql.createConnection({});
const TABLE = "users";
exports.count = () => connection.query(util.format("SELECT COUNT(*) FROM %s", TABLE));`,
  },
  {
    name: "Buffer.concat() passed as a statement parameter is not SQL text",
    code: `import sqlite3 from "sqlite3";
const db = new sqlite3.Database("cache.db");
const update = db.prepare("UPDATE entries SET body = ? WHERE id = ?");
export const save = (value, id) => {
  const body = Array.isArray(value.body) ? Buffer.concat(value.body) : value.body;
  update.run(body, id);
};`,
  },
  {
    name: "slonik's sql tag binds interpolated values",
    code: `import { sql } from "slonik";
export const byId = (pool, id) => pool.query(sql.typeAlias("user")\`SELECT * FROM users WHERE id = \${id}\`);`,
  },
];
