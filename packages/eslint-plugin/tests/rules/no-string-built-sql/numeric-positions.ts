// The numeric-position exemption (issue 10, precision): a value the code does arithmetic on, spliced unquoted
// where SQL expects a number, is left alone (TypeORM's nested-set executor); request values, quoted splices and
// values with no arithmetic use in the same function are still reported.
import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import { code } from "../../code.js";
import type { Invalid } from "./invalid-cases.js";

type Valid = ValidTestCase<Invalid["options"] & unknown[]>;

export const numericPositionValid: Valid[] = [
  {
    name: "TypeORM nested-set insert: the parent's right bound, used as `parentNsRight + 1`, spliced after > and >=",
    filename: "file.js",
    code: code`
      class NestedSetSubjectExecutor {
        constructor(queryRunner) { this.queryRunner = queryRunner; }
        async insert(subject, parentId) {
          const escape = (alias) => this.queryRunner.connection.driver.escape(alias);
          const tableName = escape(subject.metadata.tablePath);
          const leftColumnName = escape(subject.metadata.nestedSetLeftColumn.databaseName);
          const rightColumnName = escape(subject.metadata.nestedSetRightColumn.databaseName);
          let parentNsRight = undefined;
          if (parentId) {
            parentNsRight = await this.queryRunner.manager.createQueryBuilder()
              .select("right").from(subject.metadata.target, "t").whereInIds(parentId).getRawOne()
              .then((result) => {
                const value = result ? result["right"] : undefined;
                return typeof value === "string" ? parseInt(value) : value;
              });
          }
          if (parentNsRight !== undefined) {
            await this.queryRunner.query(\`UPDATE \${tableName} SET \` +
              \`\${leftColumnName} = CASE WHEN \${leftColumnName} > \${parentNsRight} THEN \${leftColumnName} + 2 ELSE \${leftColumnName} END,\` +
              \`\${rightColumnName} = \${rightColumnName} + 2 \` +
              \`WHERE \${rightColumnName} >= \${parentNsRight}\`);
            subject.insertedValueSet = { left: parentNsRight, right: parentNsRight + 1 };
          }
        }
      }
    `,
  },
  {
    name: "TypeORM nested-set remove: bounds of each loaded entity and the tree size computed from them",
    filename: "file.js",
    code: code`
      class NestedSetSubjectExecutor {
        async remove(metadata, entitiesIds) {
          const escape = (alias) => this.queryRunner.connection.driver.escape(alias);
          const tableName = escape(metadata.tablePath);
          const leftColumnName = escape(metadata.nestedSetLeftColumn.databaseName);
          const rightColumnName = escape(metadata.nestedSetRightColumn.databaseName);
          const entitiesNs = await this.getNestedSetIds(metadata, entitiesIds);
          for (const entity of entitiesNs) {
            const treeSize = entity.right - entity.left + 1;
            await this.queryRunner.query(\`UPDATE \${tableName} \` +
              \`SET \${leftColumnName} = CASE \` +
              \`WHEN \${leftColumnName} > \${entity.left} THEN \${leftColumnName} - \${treeSize} \` +
              \`ELSE \${leftColumnName} END, \` +
              \`\${rightColumnName} = CASE \` +
              \`WHEN \${rightColumnName} > \${entity.right} THEN \${rightColumnName} - \${treeSize} \` +
              \`ELSE \${rightColumnName} END\`);
          }
        }
      }
    `,
  },
  {
    name: "TypeScript: nested-set move, bounds of two entities in CASE branches held in variables",
    code: code`
      interface NestedSetIds { left: number | string; right: number | string }
      const TABLE = '"category"';
      export class NestedSetMover {
        constructor(private readonly queryRunner: { query(sql: string): Promise<unknown> }) {}
        async move(entityNs: NestedSetIds, parentNs: NestedSetIds): Promise<void> {
          const lft = '"nsleft"';
          const treeSize = (entityNs.right as number) - (entityNs.left as number) + 1;
          const entitySize = (parentNs.left as number) - (entityNs.right as number);
          const updateLeftSide = \`WHEN \${lft} >= \${entityNs.left} AND \${lft} < \${entityNs.right} THEN \${lft} + \${entitySize} \`;
          await this.queryRunner.query(\`UPDATE \${TABLE} SET \${lft} = CASE \` +
            \`WHEN \${lft} > \${entityNs.right} AND \${lft} <= \${parentNs.left} THEN \${lft} - \${treeSize} \` +
            updateLeftSide +
            \`ELSE \${lft} END\`);
        }
      }
    `,
  },
  {
    name: "LIMIT and OFFSET of a page size the function multiplies",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool();
      export function listPage(pageSize, pageNumber) {
        const offset = (pageNumber - 1) * pageSize;
        return pool.query(\`SELECT id, title FROM posts ORDER BY id LIMIT \${pageSize} OFFSET \${offset}\`);
      }
    `,
  },
  {
    name: "concatenation: a position the code decrements, spliced after >",
    filename: "file.js",
    code: code`
      const mysql = require("mysql2/promise");
      exports.removeAt = async (conn, list, position) => {
        await conn.query("DELETE FROM items WHERE list_id = ? AND position = ?", [list, position]);
        const last = position - 1;
        return conn.query("UPDATE items SET position = position - 1 WHERE position > " + position, [last]);
      };
    `,
  },
  {
    name: "a quoted string earlier in the statement does not make a later numeric splice quoted",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool();
      export function shift(row) {
        const next = row.rank * 2;
        return pool.query(\`UPDATE ranks SET label = 'top', rank = \${next} WHERE rank >= \${row.rank}\`);
      }
    `,
  },
];

export const numericPositionInvalid: Invalid[] = [
  {
    name: "request value in a numeric position stays reported, even when the code does arithmetic on it",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool();
      export async function list(req, res) {
        const nextPage = req.query.page + 1;
        const rows = await pool.query(\`SELECT * FROM posts LIMIT \${req.query.limit} OFFSET \${req.query.limit * 2}\`);
        res.json({ rows, nextPage, per: req.query.limit * 1 });
      }
    `,
    errors: [{ messageId: "interpolated", line: 5, data: { sink: "pg pool.query()", value: "req.query.limit" }, suggestions: 1 }],
  },
  {
    name: "a request value destructured into a local and multiplied is still reported in LIMIT",
    filename: "file.js",
    code: code`
      const { Pool } = require("pg");
      const pool = new Pool();
      exports.list = async (req) => {
        const { limit } = req.query;
        const doubled = limit * 2;
        return pool.query("SELECT * FROM posts LIMIT " + limit, [doubled]);
      };
    `,
    errors: [{ messageId: "concatenated", line: 6, data: { sink: "pg pool.query()", value: "limit" }, suggestions: null }],
  },
  {
    name: "TypeScript: a NestJS @Query() parameter in a numeric position is still reported",
    code: code`
      import { Controller, Get, Query } from "@nestjs/common";
      import { DataSource } from "typeorm";
      @Controller("posts")
      export class PostsController {
        constructor(private readonly dataSource: DataSource) {}
        @Get()
        list(@Query("limit") limit: string) {
          const pages = (limit as any) / 10;
          return this.dataSource.query(\`SELECT * FROM posts LIMIT \${limit}\`, [pages]);
        }
      }
    `,
    errors: [{ messageId: "interpolated", line: 9, data: { sink: "TypeORM this.dataSource.query()", value: "limit" }, suggestions: null }],
  },
  {
    name: "a value the code does arithmetic on, spliced inside quotes, is still reported",
    filename: "file.js",
    code: code`
      exports.remove = async (queryRunner, entity) => {
        const treeSize = entity.right - entity.left + 1;
        await queryRunner.query(\`UPDATE tree SET lft = lft - \${treeSize} WHERE lft > '\${entity.left}'\`);
      };
    `,
    errors: [{ messageId: "interpolated", line: 3, data: { sink: "queryRunner.query()", value: "entity.left" } }],
  },
  {
    name: "a database-read default spliced inside quotes (knex's renameColumn) is still reported",
    filename: "file.js",
    code: code`
      exports.rename = (runner, column, from, to) => {
        let sql = \`ALTER TABLE t CHANGE \${from} \${to} \${column.Type}\`;
        if (column.Default !== void 0 && column.Default !== null) {
          sql += \` DEFAULT '\${column.Default}'\`;
        }
        return runner.query({ sql });
      };
    `,
    errors: [{ messageId: "appended", line: 6, data: { sink: "runner.query()", value: "column.Default" } }],
  },
  {
    name: "a database-read value in a numeric position with no arithmetic on it is still reported",
    filename: "file.js",
    code: code`
      exports.touch = async (queryRunner, row) => {
        await queryRunner.query(\`UPDATE audit SET seen = 1 WHERE id = \${row.id}\`);
      };
    `,
    errors: [{ messageId: "interpolated", line: 2, data: { sink: "queryRunner.query()", value: "row.id" } }],
  },
  {
    name: "arithmetic in another function does not vouch for the splice",
    filename: "file.js",
    code: code`
      function size(entity) { return entity.right - entity.left; }
      exports.shrink = async (queryRunner, entity) => {
        await queryRunner.query(\`UPDATE tree SET lft = lft - \${size(entity)} WHERE lft > \${entity.left}\`);
      };
    `,
    errors: [{ messageId: "interpolated", line: 3, data: { sink: "queryRunner.query()", value: "entity.left" } }],
  },
  {
    name: "string concatenation with + is not arithmetic",
    filename: "file.js",
    code: code`
      exports.copy = async (queryRunner, entity) => {
        const label = entity.rank + " (copy)";
        await queryRunner.query(\`INSERT INTO ranks (label) SELECT label FROM ranks WHERE rank >= \${entity.rank}\`, [label]);
      };
    `,
    errors: [{ messageId: "interpolated", line: 3, data: { sink: "queryRunner.query()", value: "entity.rank" } }],
  },
  {
    name: "a comparison operator inside a quoted string is not a numeric position",
    filename: "file.js",
    code: code`
      exports.note = async (queryRunner, entity) => {
        const width = entity.right - entity.left;
        await queryRunner.query(\`UPDATE notes SET body = 'width > \${entity.left}' WHERE width = \${width}\`);
      };
    `,
    errors: [{ messageId: "interpolated", line: 3, data: { sink: "queryRunner.query()", value: "entity.left" } }],
  },
  {
    name: "an unquoted position that is not numeric (IN list, after a column name) is still reported",
    filename: "file.js",
    code: code`
      exports.find = async (queryRunner, entity) => {
        const next = entity.id + 1;
        await queryRunner.query(\`SELECT * FROM items WHERE id IN (\${entity.id}) OR id = \${next}\`);
      };
    `,
    errors: [{ messageId: "interpolated", line: 3, data: { sink: "queryRunner.query()", value: "entity.id" } }],
  },
  {
    name: "a value after a line comment marker is not in a numeric position",
    filename: "file.js",
    code: code`
      exports.shift = async (queryRunner, entity) => {
        const width = entity.right - entity.left;
        await queryRunner.query(\`UPDATE tree SET lft = lft - \${width} -- moved > \${entity.left}
          WHERE id = 1\`);
      };
    `,
    errors: [{ messageId: "interpolated", line: 3, data: { sink: "queryRunner.query()", value: "entity.left" } }],
  },
  {
    name: "the message names the splice inside quotes, not the table name spliced before it (postgres's START_REPLICATION)",
    filename: "file.js",
    code: code`
      exports.start = async (sql, slot, x, publications) => {
        await sql.unsafe(\`START_REPLICATION SLOT \${slot} LOGICAL \${x.consistent_point} (publication_names '\${publications}')\`);
      };
    `,
    errors: [{ messageId: "interpolated", line: 2, data: { sink: "sql.unsafe()", value: "publications" } }],
  },
  {
    name: "the message names a quoted splice held in a variable spliced into the statement (knex's setNullable)",
    filename: "file.js",
    code: code`
      exports.setNullable = (client, tableName, columnInfo) => {
        const defaultValue = columnInfo.defaultValue != null ? \`default '\${columnInfo.defaultValue}'\` : "";
        const sql = \`alter table \${tableName} modify \${columnInfo.name} \${defaultValue}\`;
        return client.raw(sql);
      };
    `,
    errors: [{ messageId: "interpolated", line: 4, data: { sink: "client.raw()", value: "columnInfo.defaultValue" } }],
  },
  {
    name: "with no splice inside quotes, the message names the first unsafe one",
    filename: "file.js",
    code: code`
      exports.rename = (client, from, to) => client.raw(\`alter table \${from} rename to \${to}\`);
    `,
    errors: [{ messageId: "interpolated", line: 1, data: { sink: "client.raw()", value: "from" } }],
  },
];
