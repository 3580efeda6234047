// Array#join as a construction (issue 10): a join builds SQL here only when its list holds text written here
// beside the values. Rejoining pieces that all come from elsewhere (pg-boss's knex adapter puts `?` between the
// pieces of its own SQL) passes that text along, like a query that arrives ready-made.
import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import { code } from "../../code.js";
import type { Invalid } from "./invalid-cases.js";

type Valid = ValidTestCase<Invalid["options"] & unknown[]>;

export const joinedListValid: Valid[] = [
  {
    name: "pg-boss knex adapter: its own SQL split at $n placeholders and rejoined around ?",
    code: code`
      import { parsePlaceholders } from "./placeholders.js";
      export function fromKnex(trx) {
        return {
          async executeSql(text, values) {
            const { parts, reordered } = parsePlaceholders(text, values);
            const knexSql = parts.map((part) => part.replace(/\\?/g, "\\\\?")).join("?");
            return trx.raw(knexSql, reordered);
          },
        };
      }
    `,
  },
  {
    name: "statements received from the caller, filtered and joined into one batch",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool();
      export const runBatch = (statements: string[]) => pool.query(statements.filter(Boolean).join(";\\n"));
    `,
  },
];

export const joinedListInvalid: Invalid[] = [
  {
    name: "conditions written in an inline map callback and joined with AND",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool();
      export async function search(filters: { column: string; value: string }[]) {
        return pool.query(filters.map((filter) => \`\${filter.column} = '\${filter.value}'\`).join(" AND "));
      }
    `,
    errors: [{ messageId: "joined", line: 4 }],
  },
  {
    name: "an array literal of SQL text and a request value, filtered, then joined",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool();
      export const list = (req) => pool.query(["SELECT * FROM items WHERE owner = '" + req.query.owner + "'", req.query.extra && "AND archived = false"].filter(Boolean).join(" "));
    `,
    errors: [{ messageId: "joined", line: 3 }],
  },
];
