import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { isFunction, lastSegmentName, memberName } from "../../util/ast.js";
import type { AllowListGuards } from "./guards.js";
import type { LibraryResolver } from "./receivers.js";
import type { TypeFacts } from "./type-facts.js";
import { enclosingClassBody, type FunctionLike, stringRawTemplate, unwrap, type Variables } from "./variables.js";
import { isGeneratedSql, isMetadataIdentifier } from "./library-internals.js";
import { isCheckedAllNumbers } from "./numeric-check.js";
import { endsInsideStringLiteral, type NumericSplices, VALUE_HOLE } from "./numeric-splice.js";

const MAX_DEPTH = 8;

/** Calls whose result is a number, a boolean or a generated id: `Number(x)`, `parseInt(x, 10)`, `Math.floor(x)`. */
const NUMERIC_FUNCTIONS: ReadonlySet<string> = new Set([
  "Number", "parseInt", "parseFloat", "BigInt", "Boolean", "isNaN", "isFinite",
  "randomUUID", "randomInt", "uuid", "uuidv4", "uuidV4", "v4", "nanoid", "cuid", "createId", "ulid",
]);
/** Methods returning numbers, booleans or fixed-format strings whatever their receiver. */
const NUMERIC_METHODS: ReadonlySet<string> = new Set([
  "toFixed", "toPrecision", "getTime", "getFullYear", "getMonth", "getDate", "getDay", "getHours", "getMinutes",
  "getSeconds", "getUTCFullYear", "getUTCMonth", "getUTCDate", "toISOString", "indexOf", "lastIndexOf", "findIndex",
  "includes", "startsWith", "endsWith", "has", "some", "every", "test", "now", "localeCompare", "charCodeAt", "isInteger",
]);
/** Objects whose members are numbers or pure functions of their arguments. */
const NUMERIC_NAMESPACES: ReadonlySet<string> = new Set(["Math", "Number"]);
/** String methods that keep a safe string safe (and an unsafe one unsafe). */
const STRING_TRANSFORMS: ReadonlySet<string> = new Set([
  "trim", "trimStart", "trimEnd", "toUpperCase", "toLowerCase", "toLocaleUpperCase", "toLocaleLowerCase", "slice",
  "substring", "substr", "padStart", "padEnd", "repeat", "replace", "replaceAll", "concat", "at", "charAt", "normalize", "toString",
]);
/** Array methods whose result holds the receiver's elements. */
const ARRAY_PASS_THROUGH: ReadonlySet<string> = new Set(["slice", "concat", "sort", "reverse", "toSorted", "toReversed", "flat", "splice"]);
/** Array methods that call a callback with (element, index). */
const ARRAY_CALLBACK_METHODS: ReadonlySet<string> = new Set(["map", "flatMap", "forEach", "filter", "some", "every", "find", "findIndex", "reduce"]);
/**
 * Escaping helpers of the SQL libraries: pg's `escapeIdentifier`, mysql's `escape`/`escapeId`,
 * `sequelize.escape`, Sequelize's `quoteTable`, TypeORM's `driver.createParameter()` (a placeholder)...
 */
const ESCAPE_FUNCTIONS: ReadonlySet<string> = new Set([
  "escape", "escapeId", "escapeIdentifier", "escapeLiteral", "escapeString", "quoteIdentifier", "quoteIdentifiers", "quoteIdent",
  "quoteLiteral", "quote_ident", "quote_literal", "quoteTable", "quoteName", "quote", "wrapIdentifier", "createParameter",
]);
/** knex's formatter quotes identifiers (`formatter.wrap`, `columnize`); `client.parameter()` binds a value and returns `?`. */
const RECEIVER_SCOPED_ESCAPES: ReadonlyMap<string, RegExp> = new Map([
  ["wrap", /formatter/i],
  ["columnize", /formatter/i],
  ["parameter", /client|formatter/i],
]);
/** Modules whose exports escape or format SQL safely: `format("%I", col)` from pg-format, `SqlString.escape`. */
const ESCAPING_MODULES: ReadonlySet<string> = new Set(["pg-format", "sqlstring", "mysql", "mysql2", "pg-escape", "sql-escape-string"]);
/** Query-builder helpers that quote identifiers: `knex.ref("col")`, slonik `sql.identifier([…])`. */
const IDENTIFIER_HELPERS: ReadonlySet<string> = new Set(["ref", "identifier"]);
const SCREAMING_CASE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
/** A query builder's alias for a table (`alias`, `userAlias`, `qb.alias`): chosen by the code, never by a user. */
const QUERY_ALIAS = /(?:^alias|Alias)(?:Name)?$/;
/**
 * Names that say the value was escaped or quoted for SQL somewhere the rule cannot see: graphile-worker makes
 * `escapedWorkerSchema` once with pg's `escapeIdentifier` and hands it to every query module in its options.
 * Trusted only where the value comes from elsewhere (destructured, a parameter, a member, an import); a local
 * `const escapedName = escapeHtml(name)` is judged by what it is given.
 */
const ESCAPED_NAME = /^(?:escaped|quoted)(?:[A-Z_\d]|$)|[a-z\d](?:Escaped|Quoted)$/;

export interface SafetyOptions {
  allowedIdentifierPattern: RegExp | undefined;
  sanitizers: ReadonlySet<string>;
}

/**
 * Decides whether a value is safe to splice into SQL text: constants, numbers, escaped or allow-listed
 * identifiers, placeholders. `unsafePart` returns the innermost expression that makes it unsafe, so the
 * message can name what actually reaches the query (`req.query.sort`, not the variable holding it).
 */
export class ValueSafety {
  // Plain Maps: this object lives for one file, and Maps are cheaper than WeakMaps to fill and collect.
  private readonly verdicts = new Map<TSESTree.Node, TSESTree.Node | null>();
  private readonly arrayVerdicts = new Map<TSESTree.Node, TSESTree.Node | null>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly variables: Variables,
    private readonly guards: AllowListGuards,
    private readonly resolver: LibraryResolver,
    private readonly typeFacts: TypeFacts | undefined,
    private readonly options: SafetyOptions,
    private readonly numericSplices: NumericSplices,
  ) {}

  /** The expression that makes `node` unsafe to interpolate, or undefined when it is safe. */
  unsafePart(node: TSESTree.Node, depth = 0): TSESTree.Node | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const cached = this.verdicts.get(node);
    if (cached !== undefined) return cached ?? undefined;
    // In progress: a value built from itself (`i = i + 1`) is as safe as its other parts.
    this.verdicts.set(node, null);
    const verdict = this.decide(node, depth);
    this.verdicts.set(node, verdict ?? null);
    return verdict;
  }

  private decide(original: TSESTree.Node, depth: number): TSESTree.Node | undefined {
    const node = unwrap(original);
    const rawTemplate = stringRawTemplate(node);
    if (rawTemplate) return this.firstUnsafe(rawTemplate.expressions, depth);
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TaggedTemplateExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.UpdateExpression:
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.MetaProperty:
      case AST_NODE_TYPES.JSXElement:
      case AST_NODE_TYPES.JSXFragment:
        return undefined;
      case AST_NODE_TYPES.TemplateLiteral:
        return this.unsafeTemplatePart(node, depth + 1);
      case AST_NODE_TYPES.ArrayExpression:
        return this.unsafeElement(node, depth);
      case AST_NODE_TYPES.UnaryExpression:
        // `+x`, `-x`, `!x`, `typeof x`, `void x` can only give numbers, booleans or type names.
        return undefined;
      case AST_NODE_TYPES.BinaryExpression:
        return node.operator === "+" ? this.firstUnsafe([node.left, node.right], depth) : undefined;
      case AST_NODE_TYPES.LogicalExpression:
        return this.firstUnsafe([node.left, node.right], depth);
      case AST_NODE_TYPES.ConditionalExpression:
        // Branches under a check (`ALLOWED.has(x) ? x : "id"`) are vouched for by the guard lookup of their leaves.
        return this.firstUnsafe([node.consequent, node.alternate], depth);
      case AST_NODE_TYPES.SequenceExpression:
        return this.unsafePart(node.expressions.at(-1)!, depth + 1);
      case AST_NODE_TYPES.AssignmentExpression:
        return this.unsafePart(node.right, depth + 1);
      case AST_NODE_TYPES.NewExpression:
        return lastSegmentName(node.callee) === "Date" ? undefined : node;
      case AST_NODE_TYPES.Identifier:
        return this.unsafeIdentifier(node, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.unsafeMember(node, depth);
      case AST_NODE_TYPES.CallExpression:
        return this.unsafeCall(node, depth);
      default:
        return node;
    }
  }

  /** The first unsafe value spliced into a template, leaving out numbers in numeric positions (numeric-splice.ts). */
  unsafeTemplatePart(template: TSESTree.TemplateLiteral, valueDepth = 0): TSESTree.Node | undefined {
    return this.unsafeTemplateSplices(template, valueDepth).next().value?.culprit;
  }

  /** Each unsafe value spliced into a template, in order, with whether it sits inside an SQL string literal. */
  *unsafeTemplateSplices(template: TSESTree.TemplateLiteral, valueDepth = 0): Generator<{ spliced: TSESTree.Expression; culprit: TSESTree.Node; quoted: boolean }> {
    for (const [index, spliced] of template.expressions.entries()) {
      const culprit = this.unsafePart(spliced, valueDepth);
      if (!culprit) continue;
      const quasi = template.quasis[index]!;
      const textBefore = () => templateTextBefore(template, index);
      if (this.numericSplices.isExempt(spliced, culprit, textBefore, quasi.value.cooked ?? quasi.value.raw)) continue;
      yield { spliced, culprit, quoted: endsInsideStringLiteral(textBefore()) };
    }
  }

  private firstUnsafe(nodes: readonly TSESTree.Node[], depth: number): TSESTree.Node | undefined {
    for (const node of nodes) {
      const unsafe = this.unsafePart(node, depth + 1);
      if (unsafe) return unsafe;
    }
    return undefined;
  }

  /** Checks shared by identifiers and members: allow-list option, SCREAMING_CASE constants, guards, types. */
  private trustedByContext(node: TSESTree.Node): boolean {
    const pattern = this.options.allowedIdentifierPattern;
    if (pattern?.test(this.sourceCode.getText(node))) return true;
    if (this.guards.isValidated(node)) return true;
    return this.typeFacts?.isNumericOrBoolean(node) ?? false;
  }

  private unsafeIdentifier(identifier: TSESTree.Identifier, depth: number): TSESTree.Node | undefined {
    if (identifier.name === "undefined" || identifier.name === "NaN" || identifier.name === "Infinity") return undefined;
    if (this.options.allowedIdentifierPattern?.test(identifier.name) || QUERY_ALIAS.test(identifier.name)) return undefined;
    if (this.guards.isValidated(identifier)) return undefined;
    const variable = this.variables.find(identifier);
    const definition = variable?.defs[0];
    const assigned = variable ? this.variables.assignedJustBefore(variable, identifier) : undefined;
    if (assigned) return this.unsafePart(assigned, depth + 1);
    if (variable && definition && this.variables.isLocal(variable)) {
      for (const write of this.variables.writes(variable)) {
        const unsafe = this.unsafeWrite(write, identifier, depth);
        if (unsafe) return unsafe;
      }
      return undefined;
    }
    if (definition?.type === "Parameter" && this.isSafeParameter(identifier.name, definition.node, depth)) return undefined;
    if (definition?.type === "FunctionName" || definition?.type === "ClassName" || definition?.type === "TSEnumName") return undefined;
    // A parameter whose callers are in this file was judged by what they pass (isSafeParameter), not by its name.
    if (ESCAPED_NAME.test(identifier.name) && !(definition?.type === "Parameter" && this.hasCallersInFile(identifier.name, definition.node))) return undefined;
    // Imported or global SCREAMING_CASE names are constants by convention (`TABLE_USERS`, `MAX_ROWS`).
    if (SCREAMING_CASE.test(identifier.name) && identifier.name.length > 1) return undefined;
    return this.typeFacts?.isNumericOrBoolean(identifier) ? undefined : identifier;
  }

  private unsafeWrite(write: ReturnType<Variables["writes"]>[number], identifier: TSESTree.Identifier, depth: number): TSESTree.Node | undefined {
    switch (write.kind) {
      case "init":
      case "assign":
      case "append":
        return this.unsafePart(write.value, depth + 1);
      case "loop":
        // `for (const col of COLUMNS)` is as safe as COLUMNS' elements; `for (const key in obj)` as obj's keys.
        return write.overKeys ? this.unsafeKeys(write.iterable, depth) : this.unsafeElement(write.iterable, depth);
      case "numeric":
        return undefined;
      default:
        // Destructured (`const { escapedSchema } = options`) or declared elsewhere: only the name can vouch for it.
        return ESCAPED_NAME.test(identifier.name) ? undefined : identifier;
    }
  }

  /** Whether the function declaring parameter `name` is only called from this file, with its arguments in view. */
  private hasCallersInFile(name: string, owner: TSESTree.Node): boolean {
    if (!isFunction(owner)) return false;
    const index = owner.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === name);
    return index >= 0 && this.variables.argumentsAt(owner, index) !== undefined;
  }

  /** Parameters typed `number`, `boolean`, `"asc" | "desc"` or an enum, and callback parameters over safe arrays. */
  private isSafeParameter(name: string, owner: TSESTree.Node, depth: number): boolean {
    if (!isFunction(owner)) return false;
    const index = owner.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === name);
    const param = owner.params[index];
    if (param?.type !== AST_NODE_TYPES.Identifier) return false;
    if (param.typeAnnotation && this.isSafeType(param.typeAnnotation.typeAnnotation, 0)) return true;
    // A local function only called from this file is as safe as what its callers pass.
    const received = this.variables.argumentsAt(owner, index);
    if (received) return received.every((argument) => this.unsafePart(argument, depth + 1) === undefined);
    const call = owner.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== owner) return false;
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = memberName(callee) ?? "";
    if (!ARRAY_CALLBACK_METHODS.has(method)) return false;
    // reduce's callback gets (accumulator, element, index); the others (element, index, array).
    const elementIndex = method === "reduce" ? 1 : 0;
    if (index === elementIndex + 1) return true;
    return index === elementIndex && this.unsafeElement(callee.object, depth + 1) === undefined;
  }

  /** Type annotations that only admit numbers, booleans, literal unions, enums (or arrays of them). */
  private isSafeType(type: TSESTree.TypeNode, depth: number): boolean {
    if (depth > 4) return false;
    switch (type.type) {
      case AST_NODE_TYPES.TSNumberKeyword:
      case AST_NODE_TYPES.TSBooleanKeyword:
      case AST_NODE_TYPES.TSBigIntKeyword:
      case AST_NODE_TYPES.TSLiteralType:
      case AST_NODE_TYPES.TSUndefinedKeyword:
      case AST_NODE_TYPES.TSNullKeyword:
        return type.type !== AST_NODE_TYPES.TSLiteralType || type.literal.type !== AST_NODE_TYPES.TemplateLiteral;
      case AST_NODE_TYPES.TSUnionType:
        return type.types.every((member) => this.isSafeType(member, depth + 1));
      case AST_NODE_TYPES.TSArrayType:
        return this.isSafeType(type.elementType, depth + 1);
      case AST_NODE_TYPES.TSTypeOperator:
        // `keyof typeof COLUMNS`
        return type.operator === "keyof" || (type.typeAnnotation !== undefined && this.isSafeType(type.typeAnnotation, depth + 1));
      case AST_NODE_TYPES.TSIndexedAccessType:
        // `(typeof SORTABLE)[number]`
        return type.objectType.type === AST_NODE_TYPES.TSTypeQuery && type.objectType.exprName.type === AST_NODE_TYPES.Identifier
          ? this.unsafeElement(type.objectType.exprName, 1) === undefined
          : false;
      case AST_NODE_TYPES.TSTypeReference:
        return this.isSafeTypeReference(type, depth);
      default:
        return false;
    }
  }

  private isSafeTypeReference(type: TSESTree.TSTypeReference, depth: number): boolean {
    if (type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
    if (type.typeName.name === "Array" || type.typeName.name === "ReadonlyArray") {
      const element = type.typeArguments?.params[0];
      return element !== undefined && this.isSafeType(element, depth + 1);
    }
    const variable = this.variables.find(type.typeName);
    for (const definition of variable?.defs ?? []) {
      if (definition.type === "TSEnumName") return true;
      if (definition.type === "Type" && definition.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration) {
        return this.isSafeType(definition.node.typeAnnotation, depth + 1);
      }
    }
    return false;
  }

  private unsafeMember(member: TSESTree.MemberExpression, depth: number): TSESTree.Node | undefined {
    const name = memberName(member);
    if (!member.computed && (name === "length" || name === "size" || (name !== undefined && (QUERY_ALIAS.test(name) || ESCAPED_NAME.test(name))))) return undefined;
    if (this.trustedByContext(member) || isMetadataIdentifier(member)) return undefined;
    const object = unwrap(member.object);
    if (object.type === AST_NODE_TYPES.Identifier && NUMERIC_NAMESPACES.has(object.name)) return undefined;
    // `process.env.TABLE`, `Tables.USERS`, `config.DEFAULT_SORT`: SCREAMING_CASE members are configuration constants.
    if (!member.computed && name && SCREAMING_CASE.test(name) && name.length > 1) return undefined;
    if (object.type === AST_NODE_TYPES.ThisExpression && name) return this.unsafeClassField(member, name, depth);
    if (object.type === AST_NODE_TYPES.Identifier && this.isEnum(object)) return undefined;
    const literal = this.constantLiteral(object);
    if (literal?.type === AST_NODE_TYPES.ObjectExpression) return this.unsafeObjectMember(literal, member, depth);
    if (literal?.type === AST_NODE_TYPES.ArrayExpression && member.computed) return this.unsafeElement(literal, depth) ? member : undefined;
    return member;
  }

  /** `COLUMN_MAP[sort]` on a constant object literal holds one of its (safe) values or undefined. */
  private unsafeObjectMember(literal: TSESTree.ObjectExpression, member: TSESTree.MemberExpression, depth: number): TSESTree.Node | undefined {
    const name = member.computed ? undefined : memberName(member);
    for (const property of literal.properties) {
      if (property.type !== AST_NODE_TYPES.Property) return member;
      if (name !== undefined && propertyKey(property) !== name) continue;
      if (this.unsafePart(property.value, depth + 1)) return member;
    }
    return undefined;
  }

  private unsafeClassField(member: TSESTree.MemberExpression, name: string, depth: number): TSESTree.Node | undefined {
    const classBody = enclosingClassBody(member);
    for (const element of classBody?.body ?? []) {
      if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && propertyKey(element) === name && element.value) {
        return this.unsafePart(element.value, depth + 1) ? member : undefined;
      }
    }
    return member;
  }

  private isEnum(identifier: TSESTree.Identifier): boolean {
    return this.variables.find(identifier)?.defs.some((definition) => definition.type === "TSEnumName") ?? false;
  }

  /** The object or array literal a `const` is initialised with (and never reassigned). */
  private constantLiteral(node: TSESTree.Node): TSESTree.ObjectExpression | TSESTree.ArrayExpression | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.variables.find(node);
    const definition = variable?.defs[0];
    if (definition?.type !== "Variable" || definition.parent.kind !== "const" || !definition.node.init) return undefined;
    const init = unwrap(definition.node.init);
    // `Object.freeze({ … })`
    const literal = init.type === AST_NODE_TYPES.CallExpression && lastSegmentName(init.callee) === "freeze" ? unwrap(init.arguments[0] ?? init) : init;
    return literal.type === AST_NODE_TYPES.ObjectExpression || literal.type === AST_NODE_TYPES.ArrayExpression ? literal : undefined;
  }

  private unsafeCall(call: TSESTree.CallExpression, depth: number): TSESTree.Node | undefined {
    const callee = unwrap(call.callee);
    const name = lastSegmentName(callee);
    if (!name) return call;
    if (this.options.sanitizers.has(name) || NUMERIC_FUNCTIONS.has(name) || NUMERIC_METHODS.has(name) || ESCAPE_FUNCTIONS.has(name)) return undefined;
    if (this.isEscapingModuleCall(callee) || isGeneratedSql(call)) return undefined;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = unwrap(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && NUMERIC_NAMESPACES.has(object.name)) return undefined;
      if (IDENTIFIER_HELPERS.has(name)) return undefined;
      const escapingReceiver = RECEIVER_SCOPED_ESCAPES.get(name);
      if (escapingReceiver?.test(this.sourceCode.getText(object))) return undefined;
      if (name === "join" && isCheckedAllNumbers(object, call, (id) => this.variables.find(id))) return undefined;
      if (name === "join") return this.unsafeElement(object, depth) ?? this.firstUnsafe(call.arguments, depth);
      if (name === "toString" || name === "toLocaleString" || name === "valueOf") return this.unsafePart(object, depth + 1);
      if ((name === "replace" || name === "replaceAll") && isEscapingReplace(call)) return undefined;
      if (STRING_TRANSFORMS.has(name)) return this.unsafePart(object, depth + 1) ?? this.firstUnsafe(call.arguments, depth);
    } else if (name === "String") {
      return call.arguments[0] ? this.unsafePart(call.arguments[0], depth + 1) : undefined;
    }
    const helper = this.variables.localFunction(callee);
    if (helper) return this.unsafeReturn(helper, depth) ? call : undefined;
    return this.trustedByContext(call) ? undefined : call;
  }

  private unsafeReturn(helper: FunctionLike, depth: number): TSESTree.Node | undefined {
    if (helper.async || helper.generator) return helper;
    return this.firstUnsafe(this.variables.returnedExpressions(helper), depth);
  }

  /** `format(…)`/`format.ident(…)` from pg-format, `mysql.escape(…)`, `SqlString.format(…)`. */
  private isEscapingModuleCall(callee: TSESTree.Node): boolean {
    let root = callee;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const binding = this.resolver.binding(root.name);
    return binding !== undefined && ESCAPING_MODULES.has(binding.source);
  }

  /** The element of an array that makes joining it into SQL unsafe, or undefined when all are safe. */
  unsafeElement(array: TSESTree.Node, depth: number): TSESTree.Node | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const cached = this.arrayVerdicts.get(array);
    if (cached !== undefined) return cached ?? undefined;
    this.arrayVerdicts.set(array, null);
    const verdict = this.decideElements(array, depth);
    this.arrayVerdicts.set(array, verdict ?? null);
    return verdict;
  }

  private decideElements(original: TSESTree.Node, depth: number): TSESTree.Node | undefined {
    const node = unwrap(original);
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of node.elements) {
        if (!element) continue;
        const unsafe = element.type === AST_NODE_TYPES.SpreadElement ? this.unsafeElement(element.argument, depth + 1) : this.unsafePart(element, depth + 1);
        if (unsafe) return unsafe;
      }
      return undefined;
    }
    if (node.type === AST_NODE_TYPES.Identifier) return this.unsafeArrayVariable(node, depth);
    if (node.type === AST_NODE_TYPES.CallExpression) return this.unsafeArrayCall(node, depth);
    if (node.type === AST_NODE_TYPES.NewExpression && lastSegmentName(node.callee) === "Set") {
      return node.arguments[0] ? this.unsafeElement(node.arguments[0], depth + 1) : undefined;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && this.unsafeMember(node, depth) === undefined) return undefined;
    return node;
  }

  private unsafeArrayVariable(identifier: TSESTree.Identifier, depth: number): TSESTree.Node | undefined {
    if (this.options.allowedIdentifierPattern?.test(identifier.name)) return undefined;
    const variable = this.variables.find(identifier);
    const definition = variable?.defs[0];
    if (variable && definition && this.variables.isLocal(variable)) {
      for (const write of this.variables.writes(variable)) {
        if (write.kind === "numeric") continue;
        if (write.kind !== "init" && write.kind !== "assign") return identifier;
        const unsafe = this.unsafeElement(write.value, depth + 1);
        if (unsafe) return unsafe;
      }
      return this.firstUnsafe(this.variables.arrayAdditions(variable), depth);
    }
    if (definition?.type === "Parameter") {
      const owner = definition.node;
      const param = isFunction(owner) ? owner.params.find((p) => p.type === AST_NODE_TYPES.Identifier && p.name === identifier.name) : undefined;
      if (param?.type === AST_NODE_TYPES.Identifier && param.typeAnnotation && this.isSafeType(param.typeAnnotation.typeAnnotation, 0)) return undefined;
    }
    if (SCREAMING_CASE.test(identifier.name)) return undefined;
    return identifier;
  }

  private unsafeArrayCall(call: TSESTree.CallExpression, depth: number): TSESTree.Node | undefined {
    const callee = unwrap(call.callee);
    const name = lastSegmentName(callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !name) {
      const helper = this.variables.localFunction(callee);
      if (!helper) return call;
      if (helper.async || helper.generator) return call;
      for (const returned of this.variables.returnedExpressions(helper)) {
        if (this.unsafeElement(returned, depth + 1)) return call;
      }
      return undefined;
    }
    const receiver = unwrap(callee.object);
    const receiverName = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : undefined;
    if (receiverName === "Object" && (name === "keys" || name === "values")) {
      const target = call.arguments[0];
      if (!target) return undefined;
      // Name the whole `Object.keys(body)` in messages: the keys are what reaches the SQL.
      return (name === "keys" ? this.unsafeKeys(target, depth) : this.unsafeValues(target, depth)) ? call : undefined;
    }
    if (receiverName === "Array" && name === "from") {
      const [source, mapper] = call.arguments;
      if (mapper && isFunction(mapper)) return this.unsafeCallbackResult(mapper, depth);
      return source ? this.unsafeElement(source, depth + 1) : undefined;
    }
    if (name === "fill") return call.arguments[0] ? this.unsafePart(call.arguments[0], depth + 1) : undefined;
    if (name === "map" || name === "flatMap") {
      const mapper = call.arguments[0];
      return mapper && isFunction(mapper) ? this.unsafeCallbackResult(mapper, depth) : call;
    }
    if (name === "filter") {
      // `Object.keys(body).filter((key) => ALLOWED.includes(key))` keeps only allowed elements.
      const predicate = call.arguments[0];
      if (predicate && isFunction(predicate) && this.predicateValidatesElement(predicate)) return undefined;
      return this.unsafeElement(receiver, depth + 1);
    }
    if (name === "split") return this.unsafePart(receiver, depth + 1);
    if (ARRAY_PASS_THROUGH.has(name)) return this.unsafeElement(receiver, depth + 1) ?? this.firstArrayUnsafe(call.arguments, depth);
    return this.trustedByContext(call) ? undefined : call;
  }

  private firstArrayUnsafe(nodes: readonly TSESTree.Node[], depth: number): TSESTree.Node | undefined {
    for (const node of nodes) {
      if (node.type === AST_NODE_TYPES.Literal) continue;
      const unsafe = this.unsafeElement(node, depth + 1);
      if (unsafe) return unsafe;
    }
    return undefined;
  }

  private unsafeCallbackResult(callback: FunctionLike, depth: number): TSESTree.Node | undefined {
    if (callback.async || callback.generator) return callback;
    return this.firstUnsafe(this.variables.returnedExpressions(callback), depth);
  }

  private predicateValidatesElement(predicate: FunctionLike): boolean {
    const param = predicate.params[0];
    if (param?.type !== AST_NODE_TYPES.Identifier) return false;
    return this.variables.returnedExpressions(predicate).every((returned) => this.guards.checks(returned, param.name, true));
  }

  /** Keys of a constant object literal (`Object.keys(COLUMNS)`) are fixed; keys of request data are not. */
  private unsafeKeys(target: TSESTree.Node, _depth: number): TSESTree.Node | undefined {
    const node = unwrap(target);
    const literal = this.constantLiteral(node);
    if (literal?.type === AST_NODE_TYPES.ObjectExpression) {
      return literal.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed) ? undefined : target;
    }
    if (literal?.type === AST_NODE_TYPES.ArrayExpression) return undefined;
    if (node.type === AST_NODE_TYPES.Identifier && SCREAMING_CASE.test(node.name)) return undefined;
    return target;
  }

  private unsafeValues(target: TSESTree.Node, depth: number): TSESTree.Node | undefined {
    const node = unwrap(target);
    const literal = this.constantLiteral(node);
    if (literal?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of literal.properties) {
        if (property.type !== AST_NODE_TYPES.Property || this.unsafePart(property.value, depth + 1)) return target;
      }
      return undefined;
    }
    if (node.type === AST_NODE_TYPES.Identifier && SCREAMING_CASE.test(node.name)) return undefined;
    return target;
  }
}

function propertyKey(property: TSESTree.Property | TSESTree.PropertyDefinition): string | undefined {
  if ((property.key.type === AST_NODE_TYPES.Identifier || property.key.type === AST_NODE_TYPES.PrivateIdentifier) && !property.computed) return property.key.name;
  if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
  return undefined;
}

/** The template's text before its `index`-th value, earlier values as `VALUE_HOLE`. */
function templateTextBefore(template: TSESTree.TemplateLiteral, index: number): string {
  return template.quasis
    .slice(0, index + 1)
    .map((quasi) => quasi.value.cooked ?? quasi.value.raw)
    .join(VALUE_HOLE);
}

const QUOTES = new Set(["'", '"', "`"]);

/**
 * Replaces that leave a value safe inside SQL: removing everything outside a character class
 * (`col.replace(/[^a-z_]/g, "")`), or removing or doubling a quote character
 * (`name.replace(/"/g, '""')`, `table.replace(/`/g, "")`), the SQL way of escaping quoted names and strings.
 */
function isEscapingReplace(call: TSESTree.CallExpression): boolean {
  const [pattern, replacement] = call.arguments;
  if (replacement?.type !== AST_NODE_TYPES.Literal || typeof replacement.value !== "string") return false;
  let searched: string | undefined;
  if (pattern?.type === AST_NODE_TYPES.Literal && "regex" in pattern && pattern.regex.flags.includes("g")) {
    if (/^\[\^[^\]]*\][+*]?$/.test(pattern.regex.pattern)) return replacement.value === "";
    searched = pattern.regex.pattern.replace(/^\\/, "");
  } else if (pattern?.type === AST_NODE_TYPES.Literal && typeof pattern.value === "string" && lastSegmentName(call.callee) === "replaceAll") {
    searched = pattern.value;
  }
  return searched !== undefined && QUOTES.has(searched) && (replacement.value === "" || replacement.value === searched + searched);
}
