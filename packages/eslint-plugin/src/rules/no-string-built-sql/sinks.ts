import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { lastSegmentName, memberName } from "../../util/ast.js";
import { isLibrarySink, isSinkExport, LIBRARY_LABEL, LIBRARY_SINK_METHOD_NAMES, type Library, libraryOfModule, type Role } from "./libraries.js";
import type { LibraryResolver } from "./receivers.js";
import { unwrap } from "./variables.js";

export interface AdditionalSink {
  object?: string;
  method: string;
}

/** A call that sends its first argument to a database as SQL text. */
export interface Sink {
  call: TSESTree.CallExpression;
  method: string;
  sqlArgument: TSESTree.Expression;
  /** The library the receiver was proven to come from. */
  library: Library | undefined;
  role: Role | undefined;
  /**
   * For receivers recognised by name only: the one SQL library the file imports, if any (used for suggestions,
   * so asked only when a report is made: finding it reads every module binding of the file).
   */
  likelyLibrary: () => Library | undefined;
  /** Shown in the message: `pg pool.query()`, `knex whereRaw()`, `db.query()`. */
  description: string;
  /** Receivers recognised only by their name must be given text that reads as SQL. */
  requiresSqlText: boolean;
  /** TypeORM `where()` recognised by the builder's name: the text must at least compare something. */
  requiresCondition: boolean;
}

/** knex (and objection) builder methods taking raw SQL; no other JS library uses these names. */
const KNEX_RAW_METHODS: ReadonlySet<string> = new Set([
  "whereRaw", "orWhereRaw", "andWhereRaw", "havingRaw", "orHavingRaw", "andHavingRaw", "orderByRaw", "groupByRaw",
  "joinRaw", "fromRaw", "selectRaw",
]);
const PRISMA_UNSAFE_METHODS: ReadonlySet<string> = new Set(["$queryRawUnsafe", "$executeRawUnsafe"]);
const TYPEORM_CONDITION_METHODS: ReadonlySet<string> = new Set(["where", "andWhere", "orWhere", "having", "andHaving", "orHaving"]);
/** Methods that run SQL on the usual database objects, when the receiver is only known by its name. */
const CONVENTIONAL_METHODS: ReadonlySet<string> = new Set(["query", "execute", "exec", "run", "all", "get", "each", "prepare", "raw", "unsafe", "batch"]);
/** Plain functions named for running SQL: `query(…)` imported from `./db`, a local `executeQuery(…)`. */
const BARE_QUERY_FUNCTIONS: ReadonlySet<string> = new Set([
  "query", "execute", "executeQuery", "runQuery", "rawQuery", "executeSql", "runSql", "sqlQuery", "dbQuery",
]);
/** Words that name a database handle: `db`, `pgPool`, `userRepository`, `this.connection`, `env.DB`. */
const DATABASE_WORDS: ReadonlySet<string> = new Set([
  "db", "dbs", "database", "pool", "client", "conn", "connection", "cnx", "knex", "sequelize", "prisma", "manager",
  "runner", "trx", "tx", "transaction", "sql", "pg", "postgres", "postgresql", "psql", "mysql", "sqlite", "mssql",
  "oracle", "repo", "repository", "dao", "orm", "em", "ds", "d1", "libsql", "turso",
]);
const DATABASE_COMPOUNDS = /datasource|queryrunner|entitymanager/i;
const WORD_BOUNDARY = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[^A-Za-z0-9]+/;
/** Receivers that are knex by name, whose `.raw()` needs no SQL-looking text. */
const KNEX_NAMES = /^(?:knex|db|trx|tx|transaction|k)$/i;
const TYPEORM_BUILDER_NAMES = /^(?:qb|queryBuilder|subQuery|.*QueryBuilder|.*Qb)$/;

const BUILT_IN_CANDIDATES: ReadonlySet<string> = new Set([
  ...LIBRARY_SINK_METHOD_NAMES, ...KNEX_RAW_METHODS, ...PRISMA_UNSAFE_METHODS, ...CONVENTIONAL_METHODS, ...BARE_QUERY_FUNCTIONS, "literal",
]);
/** Every method or function name that can be a sink; the rule dismisses any other call at once. */
export function sinkCandidateNames(additionalSinks: readonly AdditionalSink[]): ReadonlySet<string> {
  if (additionalSinks.length === 0) return BUILT_IN_CANDIDATES;
  return new Set([...BUILT_IN_CANDIDATES, ...additionalSinks.map((sink) => sink.method)]);
}

export class SinkMatcher {
  private readonly additionalByMethod = new Map<string, AdditionalSink[]>();
  private fileLibrary: Library | null | undefined;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly resolver: LibraryResolver,
    additionalSinks: readonly AdditionalSink[],
  ) {
    for (const sink of additionalSinks) {
      const list = this.additionalByMethod.get(sink.method) ?? [];
      list.push(sink);
      this.additionalByMethod.set(sink.method, list);
    }
  }

  /**
   * The sink `call` is, if any. Nothing is allocated until a sink is found: most candidates are not sinks.
   */
  match(call: TSESTree.CallExpression, method: string, sqlArgument: TSESTree.Expression): Sink | undefined {
    const callee = unwrap(call.callee);
    const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;

    if (this.isAdditionalSink(method, receiver)) return sink(call, method, sqlArgument, { library: undefined, description: `${this.receiverText(receiver)}${method}()` });

    if (!receiver) {
      if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
      const binding = this.resolver.binding(callee.name);
      const library = binding ? libraryOfModule(binding.source) : undefined;
      if (library && binding && isSinkExport(library, binding.imported)) return sink(call, method, sqlArgument, { library, description: `${LIBRARY_LABEL[library]} ${method}()` });
      if (BARE_QUERY_FUNCTIONS.has(method)) return sink(call, method, sqlArgument, { library: undefined, requiresSqlText: true, description: `${method}()` });
      return undefined;
    }

    if (KNEX_RAW_METHODS.has(method)) return sink(call, method, sqlArgument, { library: "knex", description: `knex ${this.receiverText(receiver)}${method}()` });
    if (PRISMA_UNSAFE_METHODS.has(method)) return sink(call, method, sqlArgument, { library: "prisma", description: `Prisma ${this.receiverText(receiver)}${method}()` });

    const value = this.resolver.resolve(receiver);
    if (value) {
      if (!isLibrarySink(value, method)) return undefined;
      return sink(call, method, sqlArgument, {
        library: value.library,
        role: value.role,
        description: `${LIBRARY_LABEL[value.library]} ${this.receiverText(receiver)}${method}()`,
      });
    }
    return this.matchByName(call, method, sqlArgument, receiver);
  }

  private matchByName(call: TSESTree.CallExpression, method: string, sqlArgument: TSESTree.Expression, receiver: TSESTree.Node): Sink | undefined {
    const name = conventionalName(receiver);
    if (!name) return undefined;
    if (TYPEORM_CONDITION_METHODS.has(method)) {
      // knex builders are often called `qb` too, but their where() takes (column, value), never a lone condition.
      const second = call.arguments[1];
      const typeOrmShaped = second === undefined || second.type === AST_NODE_TYPES.ObjectExpression;
      if (!TYPEORM_BUILDER_NAMES.test(name) || !typeOrmShaped) return undefined;
      return sink(call, method, sqlArgument, {
        library: "typeorm",
        role: "queryBuilder",
        requiresCondition: true,
        description: `TypeORM ${this.receiverText(receiver)}${method}()`,
      });
    }
    // `db.sequelize.literal(…)` in sequelize-cli projects, whose models/index.js exports the instance.
    if (method === "literal") {
      return /^sequelize$/i.test(name) ? sink(call, method, sqlArgument, { library: "sequelize", description: `Sequelize ${this.receiverText(receiver)}${method}()` }) : undefined;
    }
    if (!CONVENTIONAL_METHODS.has(method) || !isDatabaseName(name)) return undefined;
    const knexRaw = method === "raw" && KNEX_NAMES.test(name);
    const postgresUnsafe = method === "unsafe" && name === "sql";
    return sink(call, method, sqlArgument, {
      library: undefined,
      likelyLibrary: () => this.likelyLibrary(method),
      requiresSqlText: !knexRaw && !postgresUnsafe,
      description: `${this.receiverText(receiver)}${method}()`,
    });
  }

  private isAdditionalSink(method: string, receiver: TSESTree.Node | undefined): boolean {
    const candidates = this.additionalByMethod.get(method);
    if (!candidates) return false;
    const name = receiver ? conventionalName(receiver) : undefined;
    return candidates.some((sink) => sink.object === undefined || sink.object === name);
  }

  /** The SQL library a name-recognised receiver most likely belongs to: the only one the file imports. */
  private likelyLibrary(method: string): Library | undefined {
    if (this.fileLibrary === undefined) {
      const imported = [...this.resolver.importedLibraries()];
      this.fileLibrary = imported.length === 1 ? imported[0]! : null;
    }
    const library = this.fileLibrary ?? undefined;
    return library && isLibrarySink({ library, role: "client" }, method) ? library : undefined;
  }

  /** `pool.` for short receivers, nothing for long or computed ones, so messages stay readable. */
  private receiverText(receiver: TSESTree.Node | undefined): string {
    if (!receiver) return "";
    const node = unwrap(receiver);
    if (!isSimpleReference(node)) return "";
    const text = this.sourceCode.getText(node);
    return text.length <= 30 ? `${text}.` : "";
  }
}

type SinkDetails = Pick<Sink, "library" | "description"> & Partial<Pick<Sink, "role" | "likelyLibrary" | "requiresSqlText" | "requiresCondition">>;

function sink(call: TSESTree.CallExpression, method: string, sqlArgument: TSESTree.Expression, details: SinkDetails): Sink {
  return { call, method, sqlArgument, requiresSqlText: false, requiresCondition: false, likelyLibrary: noLikelyLibrary, role: undefined, ...details };
}

const noLikelyLibrary = (): undefined => undefined;

function isSimpleReference(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isSimpleReference(node.object);
}

/**
 * The name a receiver goes by: `db` for `db`, `this.db` and `req.db`; `getRepository` for
 * `this.getRepository(User)`; `pool` for `pool.request()`.
 */
function conventionalName(receiver: TSESTree.Node): string | undefined {
  const node = unwrap(receiver);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberName(node);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    const name = lastSegmentName(callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !(name && isDatabaseName(name))) return conventionalName(callee.object);
    return name;
  }
  return undefined;
}

/** Answers per name, kept across files: the same few receiver names (`map`, `cache`, `db`) come back all the time. */
const databaseNameVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED_NAMES = 10_000;

function isDatabaseName(name: string): boolean {
  let verdict = databaseNameVerdicts.get(name);
  if (verdict === undefined) {
    verdict = DATABASE_COMPOUNDS.test(name) || name.split(WORD_BOUNDARY).some((word) => DATABASE_WORDS.has(word.toLowerCase()));
    if (databaseNameVerdicts.size >= MAX_REMEMBERED_NAMES) databaseNameVerdicts.clear();
    databaseNameVerdicts.set(name, verdict);
  }
  return verdict;
}
