import rule from "../../src/rules/no-string-built-sql/index.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import {
  followedValueCases,
  knexCases,
  mysqlCases,
  namedReceiverCases,
  optionCases as invalidOptionCases,
  ormCases,
  otherDriverCases,
  pgCases,
  sqliteCases,
} from "./no-string-built-sql/invalid-cases.js";
import {
  corpusPatternCases,
  lookAlikeCases,
  notSqlCases,
  optionCases as validOptionCases,
  parameterisedCases,
  realisticCases,
  robustnessCases,
  safeInterpolationCases,
  taggedTemplateCases,
} from "./no-string-built-sql/valid-cases.js";
import { ormInternalsInvalid, ormInternalsValid } from "./no-string-built-sql/orm-internals.js";
import { secondPassInvalid, secondPassValid } from "./no-string-built-sql/second-pass.js";
import { numericPositionInvalid, numericPositionValid } from "./no-string-built-sql/numeric-positions.js";
import { escapedNameInvalid, escapedNameValid } from "./no-string-built-sql/escaped-names.js";
import { joinedListInvalid, joinedListValid } from "./no-string-built-sql/joined-lists.js";

createRuleTester().run("no-string-built-sql", rule, {
  valid: [
    ...secondPassValid,
    ...parameterisedCases,
    ...taggedTemplateCases,
    ...safeInterpolationCases,
    ...notSqlCases,
    ...lookAlikeCases,
    ...robustnessCases,
    ...realisticCases,
    ...validOptionCases,
    ...corpusPatternCases,
    ...ormInternalsValid,
    ...numericPositionValid,
    ...escapedNameValid,
    ...joinedListValid,
  ],
  invalid: [
    ...secondPassInvalid,
    ...pgCases,
    ...mysqlCases,
    ...sqliteCases,
    ...knexCases,
    ...ormCases,
    ...otherDriverCases,
    ...namedReceiverCases,
    ...invalidOptionCases,
    ...followedValueCases,
    ...ormInternalsInvalid,
    ...numericPositionInvalid,
    ...escapedNameInvalid,
    ...joinedListInvalid,
  ],
});

// With type information the receiver's declared type names the library, and number-typed values are trusted.
// The file name is outside the fixtures tsconfig's `include` so allowDefaultProject can serve it.
const PG_TYPES = `/// <reference path="../rules/no-string-built-sql/pg-ambient.d.ts" />
`;

createTypedRuleTester().run("no-string-built-sql (type-aware)", rule, {
  valid: [
    {
      name: "types: a value typed as number is safe to interpolate",
      filename: "sql-typed.ts",
      code: `${PG_TYPES}declare function currentUserId(): number;
declare const store: import("pg").Pool;
store.query(\`SELECT * FROM users WHERE id = \${currentUserId()}\`);`,
    },
    {
      name: "types: nested-set bounds typed as numbers, spliced in numeric positions without arithmetic nearby",
      filename: "sql-typed.ts",
      code: `${PG_TYPES}declare const store: import("pg").Pool;
declare const bounds: { left: number; right: number };
store.query(\`UPDATE category SET nsleft = nsleft + 2 WHERE nsleft > \${bounds.left} AND nsright <= \${bounds.right}\`);`,
    },
    {
      name: "types: an unrelated object with a query() method is not a sink",
      filename: "sql-typed.ts",
      code: `declare const search: { query(text: string): void };
declare const term: string;
search.query(\`SELECT \${term} FROM suggestions\`);`,
    },
  ],
  invalid: [
    {
      name: "types: a string-typed bound in a numeric position, with no arithmetic on it, is still reported",
      filename: "sql-typed.ts",
      code: `${PG_TYPES}declare const store: import("pg").Pool;
declare const bounds: { left: string };
store.query(\`UPDATE category SET nsleft = nsleft + 2 WHERE nsleft > \${bounds.left}\`);`,
      errors: [{ messageId: "interpolated", line: 4, data: { sink: "pg store.query()", value: "bounds.left" }, suggestions: 1 }],
    },
    {
      name: "types: a receiver typed as pg's Pool, whatever its name",
      filename: "sql-typed.ts",
      code: `${PG_TYPES}declare const store: import("pg").Pool;
declare const name: string;
store.query(\`SELECT * FROM users WHERE name = '\${name}'\`);`,
      errors: [
        {
          messageId: "interpolated",
          line: 4,
          column: 13,
          data: { sink: "pg store.query()", value: "name" },
          suggestions: [
            {
              messageId: "parameterize",
              data: { placeholder: "$1, $2, …", destination: "a values array" },
              output: `${PG_TYPES}declare const store: import("pg").Pool;
declare const name: string;
store.query(\`SELECT * FROM users WHERE name = $1\`, [name]);`,
            },
          ],
        },
      ],
    },
    {
      name: "types: a string-typed value is still reported",
      filename: "sql-typed.ts",
      code: `${PG_TYPES}declare function currentUserName(): string;
declare const store: import("pg").Pool;
store.query(\`SELECT * FROM users WHERE name = \${currentUserName()}\`);`,
      errors: [
        {
          messageId: "interpolated",
          line: 4,
          column: 13,
          data: { sink: "pg store.query()", value: "currentUserName()" },
          suggestions: [
            {
              messageId: "parameterize",
              data: { placeholder: "$1, $2, …", destination: "a values array" },
              output: `${PG_TYPES}declare function currentUserName(): string;
declare const store: import("pg").Pool;
store.query(\`SELECT * FROM users WHERE name = $1\`, [currentUserName()]);`,
            },
          ],
        },
      ],
    },
  ],
});
