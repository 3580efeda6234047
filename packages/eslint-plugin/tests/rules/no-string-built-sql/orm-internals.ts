// ORM internals from the corpus re-review of issue 10: identifiers from entity metadata next to bound
// values, and SQL from the ORM's own generator, stay silent; the same shapes with request data are reported.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import { code } from "../../code.js";

type Options = [{ additionalSinks?: { object?: string; method: string }[]; allowedIdentifierPattern?: string; sanitizers?: string[] }];

export const ormInternalsValid: ValidTestCase<Options>[] = [
  {
    name: "TypeORM RelationLoader: alias and column propertyPath from metadata, values bound with IN (:...ids)",
    code: code`
      export function load(qb, aliasName, columns, ids) {
        qb.where(\`\${aliasName}.\${columns[0].propertyPath} IN (:...\${aliasName + "_" + columns[0].propertyName})\`);
        return qb.setParameter(\`\${aliasName}_\${columns[0].propertyName}\`, ids).getMany();
      }
    `,
  },
  {
    name: "TypeORM RelationCountLoader: inverse relation's propertyName concatenated into where()",
    code: code`
      export function count(qb, inverseSideTableAlias, inverseRelation) {
        return qb.where(inverseSideTableAlias + "." + inverseRelation.propertyName + " IN (:ids)").getRawMany();
      }
    `,
  },
  {
    name: "Sequelize QueryGenerator: SQL from its own selectQuery() joined into sequelize.literal()",
    filename: "file.js",
    code: code`
      class QueryGenerator {
        selectQuery(tableName, options) { return "SELECT 1"; }
        wrap(topInclude, where) {
          const query = this.selectQuery(topInclude.model.getTableName(), { limit: 1 });
          where.__through = this.sequelize.literal(["(", query.replace(/;$/, ""), ")", "IS NOT NULL"].join(" "));
        }
      }
    `,
  },
  {
    name: "TypeORM RelationIdLoader: ids joined into IN (...) only after every one was checked to be a number",
    code: code`
      export function load(qb, mainAlias, relation, entities) {
        const values = entities.map((entity) => relation.entityMetadata.primaryColumns[0].getEntityValue(entity));
        const areAllNumbers = values.every((value) => typeof value === "number");
        let condition = "";
        if (areAllNumbers) {
          condition = \`\${mainAlias}.\${relation.entityMetadata.primaryColumns[0].propertyPath} IN (\${values.join(", ")})\`;
        }
        return qb.where(condition).getRawMany();
      }
    `,
  },
];

export const ormInternalsInvalid: InvalidTestCase<string, Options>[] = [
  {
    name: "ids joined outside the numeric check are still reported",
    code: code`
      export function load(qb, req) {
        const ids = String(req.query.ids).split(",");
        const allNumbers = ids.every((id) => typeof id === "number");
        if (!allNumbers) console.warn("non-numeric ids");
        return qb.where(\`user.id IN (\${ids.join(", ")})\`).getMany();
      }
    `,
    errors: [{ messageId: "interpolated", line: 5, column: 19 }],
  },
  {
    name: "a request value next to a metadata identifier is still reported",
    code: code`
      export function load(qb, req, column) {
        return qb.where(\`\${column.propertyPath} = \${req.query.value}\`).getMany();
      }
    `,
    errors: [{ messageId: "interpolated", line: 2, column: 19, suggestions: 1 }],
  },
  {
    name: "a method named like a generator outside a query-generator class is not trusted",
    filename: "file.js",
    code: code`
      class Reports {
        buildQuery(sort) { return "SELECT * FROM reports ORDER BY " + sort; }
        list(req) {
          return this.sequelize.query(["SELECT * FROM (", this.buildQuery(req.query.sort), ") r"].join(" "));
        }
      }
    `,
    errors: [{ messageId: "joined" }],
  },
];
