// Names that vouch for an escaped value (issue 10, precision): graphile-worker escapes its schema name once with
// pg's escapeIdentifier and hands `escapedWorkerSchema` to every query module in its options, where the rule cannot
// see the escaping. The name is trusted only where the value comes from elsewhere; a local whose initialiser is in
// view, or a parameter whose callers are, is judged by what it is given.
import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import { code } from "../../code.js";
import type { Invalid } from "./invalid-cases.js";

type Valid = ValidTestCase<Invalid["options"] & unknown[]>;

export const escapedNameValid: Valid[] = [
  {
    name: "graphile-worker: the escaped schema destructured from the shared options, values bound",
    filename: "file.js",
    code: code`
      async function completeJobs(compiledSharedOptions, withPgClient, poolId, ids) {
        const { escapedWorkerSchema, workerSchema } = compiledSharedOptions;
        const { rows } = await withPgClient((client) => client.query({
          text: \`update \${escapedWorkerSchema}._private_jobs as jobs set locked_by = null where id = any($1::bigint[]) and locked_by = $2\`,
          values: [ids, poolId],
          name: \`complete_jobs/\${workerSchema}\`,
        }));
        return rows;
      }
      exports.completeJobs = completeJobs;
    `,
  },
  {
    name: "pg: an escaped schema taken from an options member",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool();
      export async function pending(options: { escapedSchema: string }) {
        return pool.query(\`select * from \${options.escapedSchema}.jobs where state = $1\`, ["created"]);
      }
    `,
  },
  {
    name: "pg: a quoted table name passed in by a caller in another module",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool();
      export async function count(quotedTable: string) {
        return pool.query(\`select count(*) from \${quotedTable}\`);
      }
    `,
  },
  {
    name: "mysql2: a table name suffixed Escaped, imported from the module that escaped it",
    code: code`
      import mysql from "mysql2/promise";
      import { tableEscaped } from "./schema";
      const pool = mysql.createPool({});
      export const all = () => pool.query(\`SELECT * FROM \${tableEscaped} WHERE active = ?\`, [1]);
    `,
  },
];

export const escapedNameInvalid: Invalid[] = [
  {
    name: "a local named escaped but made with an HTML escaper is judged by its initialiser",
    code: code`
      import { Pool } from "pg";
      import escapeHtml from "escape-html";
      const pool = new Pool();
      export async function search(req) {
        const escapedName = escapeHtml(req.query.name);
        return pool.query(\`SELECT * FROM users WHERE name = '\${escapedName}'\`);
      }
    `,
    errors: [{ messageId: "interpolated", line: 6, data: { sink: "pg pool.query()", value: "escapeHtml(req.query.name)" }, suggestions: 1 }],
  },
  {
    name: "a parameter named escaped whose caller in the file passes the raw request value",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool();
      function byName(escapedName: string) {
        return pool.query(\`SELECT * FROM users WHERE name = '\${escapedName}'\`);
      }
      export const handler = (req) => byName(req.body.name);
    `,
    errors: [{ messageId: "interpolated", line: 4, data: { sink: "pg pool.query()", value: "escapedName" }, suggestions: 1 }],
  },
  {
    name: "unescapedName and escapeName are not names that vouch for a value",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool();
      export async function find(unescapedName: string, escapeName: string) {
        await pool.query(\`SELECT * FROM users WHERE name = '\${unescapedName}'\`);
        return pool.query(\`SELECT * FROM users WHERE alias = '\${escapeName}'\`);
      }
    `,
    errors: [
      { messageId: "interpolated", line: 4, data: { sink: "pg pool.query()", value: "unescapedName" }, suggestions: 1 },
      { messageId: "interpolated", line: 5, data: { sink: "pg pool.query()", value: "escapeName" }, suggestions: 1 },
    ],
  },
];
