import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { lastSegmentName, memberName, propertyKeyName, unwrap } from "../../util/ast.js";

/*
 * SQL an ORM builds from its own schema: identifiers read from entity metadata (declared in the
 * application's code, never taken from a request) and fragments returned by the ORM's own SQL generator.
 * A maintainer of TypeORM or Sequelize would not call these injectable; `ORDER BY ${req.query.sort}` and
 * `WHERE id = ${userId}` in application code are untouched by this.
 */

/**
 * Properties of TypeORM / Sequelize / MikroORM metadata objects that hold a column's or relation's name as
 * declared in the entity: `column.propertyPath`, `relation.propertyName`, `column.databaseName`.
 */
const METADATA_IDENTIFIERS: ReadonlySet<string> = new Set([
  "propertyPath",
  "propertyName",
  "databaseName",
  "databasePath",
  "givenDatabaseName",
  "databaseNameWithoutPrefixes",
]);

/** `columns[0].propertyPath`, `relation.inverseRelation.propertyName`: an identifier from entity metadata. */
export function isMetadataIdentifier(member: TSESTree.MemberExpression): boolean {
  const name = member.computed ? undefined : memberName(member);
  return name !== undefined && METADATA_IDENTIFIERS.has(name);
}

/** A class that generates SQL: Sequelize's `QueryGenerator`, a dialect's `*QueryCompiler`. */
const GENERATOR_CLASS = /(?:QueryGenerator|QueryCompiler|SqlGenerator)$/;
/** Its methods that return finished SQL: `selectQuery`, `insertQuery`, `whereQuery`, `getWhereSql`. */
const GENERATOR_METHOD = /(?:Query|Sql|SQL)$/;

/**
 * `this.selectQuery(table, options)` inside a query-generator class: SQL the ORM's own generator produced
 * (and escaped), wrapped into a larger statement. The method must be one of the class's own.
 */
export function isGeneratedSql(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrap(callee.object).type !== AST_NODE_TYPES.ThisExpression) return false;
  const method = memberName(callee);
  if (method === undefined || !GENERATOR_METHOD.test(method)) return false;
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
    if (node.type !== AST_NODE_TYPES.ClassDeclaration && node.type !== AST_NODE_TYPES.ClassExpression) continue;
    const className = node.id?.name ?? lastSegmentName(node.parent?.type === AST_NODE_TYPES.VariableDeclarator ? node.parent.id : node);
    if (className === undefined || !GENERATOR_CLASS.test(className)) return false;
    return node.body.body.some((element) => element.type === AST_NODE_TYPES.MethodDefinition && propertyKeyName(element) === method);
  }
  return false;
}
