// @ts-check
/**
 * Which files of each corpus package are linted.
 *
 * The corpus is real published code: the packages listed in corpus/package.json, installed at
 * corpus/node_modules/<name>. For each package we lint ITS OWN source, once:
 *   - one build when a package ships several (cjs + esm + bundle): we pick the one closest to
 *     the hand-written source (TypeScript `src/` when it is shipped, otherwise the unbundled build);
 *   - no declaration files, source maps, minified files, browser bundles or vendored third-party
 *     code (those are not the package's code and would skew both the review and the benchmark);
 *   - no tests, benchmarks or examples;
 *   - no file whose lines average more than MAX_AVG_LINE_CHARS characters (generated blobs such as
 *     undici's embedded wasm), checked on content so new versions cannot sneak one in.
 *
 * `resolveCorpus()` turns these globs into the concrete file list.
 * `node corpus/corpus.config.mjs` prints the per-package and total size.
 */
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));
export const CORPUS_MODULES = join(CORPUS_DIR, "node_modules");

/** Files whose lines average more than this are generated data, not code anyone wrote. */
export const MAX_AVG_LINE_CHARS = 300;

/** Source extensions we lint; everything else (json, md, .d.ts via the exclude list) is skipped. */
const SOURCE_FILE = /\.(?:[cm]?js|[cm]?ts)$/;

/** Excluded in every package. `node_modules` is never walked at all (see walk()). */
const ALWAYS_EXCLUDE = [
  "**/*.d.ts",
  "**/*.d.mts",
  "**/*.d.cts",
  "**/*.min.js",
  "**/*.map",
  "**/test/**",
  "**/tests/**",
  "**/__tests__/**",
  "**/*.test.*",
  "**/*.spec.*",
  "**/_vendor/**",
  "**/vendor/**",
  "**/benchmark/**",
  "**/benchmarks/**",
  "**/examples/**",
  "**/eslint.config.*",
];

/**
 * @typedef {object} PackageSpec
 * @property {string} name     npm name, as installed under corpus/node_modules
 * @property {string[]} include globs relative to the package root
 * @property {string[]} [exclude] extra globs to skip, on top of ALWAYS_EXCLUDE
 * @property {string} [why]     why this copy of the code was picked, when there was a choice
 */

/** @type {PackageSpec[]} */
export const packages = [
  // --- SQL clients, query builders and ORMs
  { name: "knex", include: ["knex.js", "knex.mjs", "lib/**", "bin/**"] },
  { name: "pg", include: ["lib/**", "esm/**"] },
  { name: "mysql", include: ["index.js", "lib/**"] },
  { name: "mysql2", include: ["index.js", "promise.js", "lib/**"] },
  { name: "sequelize", include: ["index.js", "lib/**"] },
  {
    name: "typeorm",
    include: ["**"],
    exclude: ["browser/**"],
    why: "browser/ is an ESM re-build of the same sources; the root holds the CommonJS build",
  },
  { name: "mssql", include: ["index.js", "tedious.js", "msnodesqlv8.js", "lib/**", "bin/**"] },
  { name: "postgres", include: ["src/**"], why: "src/ is the original ESM; cjs/ and cf/ are generated copies" },
  { name: "mongoose", include: ["index.js", "browser.js", "lib/**"], why: "dist/ is a browser bundle" },
  { name: "ioredis", include: ["built/**"] },

  // --- HTTP clients
  { name: "axios", include: ["index.js", "lib/**"], why: "lib/ is the source; dist/ holds bundles" },
  { name: "got", include: ["dist/source/**"] },
  { name: "ky", include: ["distribution/**"] },
  { name: "undici", include: ["index.js", "index-fetch.js", "lib/**"] },
  { name: "superagent", include: ["lib/**"], why: "dist/ is a browser bundle" },
  { name: "node-fetch", include: ["src/**"] },

  // --- SDKs (TypeScript sources are shipped in src/; the .js/.mjs next to them are builds of it)
  { name: "openai", include: ["src/**"] },
  { name: "@anthropic-ai/sdk", include: ["src/**"] },
  { name: "stripe", include: ["esm/**"], why: "esm/ and cjs/ are two builds of the same source" },

  // --- servers, frameworks and middleware
  { name: "express", include: ["index.js", "lib/**"] },
  { name: "koa", include: ["lib/**"], why: "dist/ only re-exports lib/ as ESM" },
  { name: "fastify", include: ["fastify.js", "lib/**"] },
  { name: "hono", include: ["dist/**"], exclude: ["dist/cjs/**", "dist/types/**"], why: "dist/ is ESM, dist/cjs a copy" },
  { name: "@nestjs/core", include: ["**"] },
  { name: "@nestjs/common", include: ["**"] },
  { name: "cors", include: ["lib/**"] },
  { name: "@fastify/cors", include: ["index.js", "vary.js"] },
  { name: "@koa/cors", include: ["index.js"] },
  { name: "helmet", include: ["index.cjs"], why: "index.mjs is the same code as ESM" },
  { name: "body-parser", include: ["index.js", "lib/**"] },
  { name: "passport", include: ["lib/**"] },
  { name: "jsonwebtoken", include: ["*.js", "lib/**"] },
  { name: "ws", include: ["index.js", "browser.js", "wrapper.mjs", "lib/**"] },
  { name: "socket.io", include: ["wrapper.mjs", "dist/**"], why: "client-dist/ is the bundled browser client" },
  { name: "nodemailer", include: ["lib/**"] },

  // --- loggers
  { name: "winston", include: ["lib/**"], why: "dist/ is a Babel build of lib/" },
  { name: "pino", include: ["pino.js", "file.js", "browser.js", "bin.js", "lib/**"] },
  { name: "bunyan", include: ["lib/**"] },
  { name: "log4js", include: ["lib/**"] },
  { name: "debug", include: ["src/**"] },

  // --- retry libraries
  { name: "p-retry", include: ["index.js"] },
  { name: "async-retry", include: ["lib/**"] },
  { name: "cockatiel", include: ["dist/**"], exclude: ["dist/esm/**"], why: "dist/esm is the same code as ESM" },

  // --- applications: HTTP servers with routers, auth middleware and handlers (for the route rules)
  { name: "@node-red/editor-api", include: ["lib/**"], why: "Node-RED's Express admin API: routers behind needsPermission() and passport bearer auth" },
  { name: "json-server", include: ["lib/**"], why: "an Express REST server whose routers write request bodies to a lowdb database" },
  { name: "@verdaccio/api", include: ["build/**"], exclude: ["build/_virtual/**", "build/**/*.mjs"], why: "Verdaccio's Express registry API (publish, tokens, profile, login routes); build/*.mjs is the same code as ESM" },
  {
    name: "@actual-app/sync-server",
    include: ["build/**"],
    why: "Actual Budget's self-hosted Express sync server (accounts, OpenID login, bank-sync and secrets routes); build/ is its only code",
  },
  {
    name: "homebridge-config-ui-x",
    include: ["dist/**"],
    why: "Homebridge's self-hosted admin UI server: a NestJS application on the Fastify adapter (passport-jwt AuthGuard/AdminGuard controllers); public/ is the bundled Angular client",
  },
  {
    name: "@urbansolv/create-nestjs-app",
    include: ["templates/nestjs-app/src/**", "templates/nestjs-app/prisma/**"],
    why: "the NestJS starter this generator copies (JWT auth, RBAC guards, DTOs with class-validator), as TypeScript source; dist/templates is a copy and the CLI itself is not the application",
  },
  {
    name: "@verdaccio/server-fastify",
    include: ["src/**"],
    why: "Verdaccio's Fastify server (registry, login and profile routes) as TypeScript source; build/ is compiled from it",
  },

  // --- integration code that runs SQL it builds itself: job queues, session stores, migration tools
  {
    name: "pg-boss",
    include: ["dist/**"],
    why: "a Postgres job queue whose queries are built at run time from a configurable schema name and queue options; dist/ is its only JavaScript (compiled per file from TypeScript, not bundled)",
  },
  {
    name: "graphile-worker",
    include: ["dist/**"],
    exclude: ["dist/generated/**"],
    why: "a Postgres job queue (schema-name-templated SQL, raw pg queries); dist/generated/sql.js is the migration SQL embedded as strings by its build, and sql/ holds the .sql files themselves",
  },
  { name: "connect-pg-simple", include: ["index.js"], why: "express-session store on pg: table and schema names spliced into its queries" },
  { name: "express-mysql-session", include: ["index.js"], why: "express-session store on mysql2 with a configurable table and column names" },
  { name: "connect-session-knex", include: ["src/**"], why: "express-session store on knex, as TypeScript source (dist/ is compiled from it)" },
  { name: "postgrator", include: ["postgrator.js", "lib/**"], why: "SQL migration runner for Postgres, MySQL, SQL Server and SQLite: version-table queries per dialect" },
  {
    name: "node-pg-migrate",
    include: ["dist/legacy/**", "bin/node-pg-migrate.js"],
    why: "Postgres migration tool that generates DDL from JavaScript calls; dist/legacy is the per-file build, dist/bundle the same code in one file; bin/*.ts is the source of bin/*.js; templates/ are stubs it copies for users",
  },
  {
    name: "express-admin",
    include: ["app.js", "lib/**", "routes/**"],
    why: "an Express application (admin UI over MySQL, MariaDB, Postgres and SQLite): session login, CSRF, list/edit routes whose SQL its own query builder makes from the schema config and request filters; public/ is the browser script",
  },
];

/**
 * Translate a glob (`**`, `*`, `?`, `{a,b}`) to an anchored RegExp over POSIX relative paths.
 * `dir/**` matches everything below dir. Small on purpose: the configs above only use these forms.
 * @param {string} glob
 */
export function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      // "**/" matches zero or more directories; a trailing "**" matches any rest of the path.
      if (glob[i + 2] === "/") {
        out += "(?:.*/)?";
        i += 2;
      } else {
        out += ".*";
        i += 1;
      }
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      out += `(?:${glob.slice(i + 1, end).split(",").map(escapeRegExp).join("|")})`;
      i = end;
    } else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`);
}

/** @param {string} s */
function escapeRegExp(s) {
  return s.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

/**
 * All regular files below `root`, as POSIX paths relative to it. Never enters node_modules
 * (nested dependencies are someone else's code) and never follows symlinks.
 * @param {string} root
 * @param {string} [dir]
 * @returns {string[]}
 */
function walk(root, dir = root) {
  /** @type {string[]} */
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith(".")) files.push(...walk(root, abs));
    } else if (entry.isFile()) {
      files.push(relative(root, abs).split(sep).join("/"));
    }
  }
  return files;
}

/** @param {string} text */
export function countLines(text) {
  if (text.length === 0) return 0;
  const newlines = text.split("\n").length - 1;
  return text.endsWith("\n") ? newlines : newlines + 1;
}

/**
 * @typedef {object} CorpusFile
 * @property {string} file      path relative to corpus/node_modules, e.g. "knex/lib/knex.js" (the key used by reviews)
 * @property {string} absPath   absolute path through the corpus/node_modules symlink (not the .pnpm store path)
 * @property {string} pkg       package name
 * @property {number} lines
 * @property {string} text      file contents (read once here, so linting and counting see the same text)
 *
 * @typedef {object} CorpusPackage
 * @property {string} name
 * @property {string} version
 * @property {"module" | "commonjs"} type  the package.json "type" (default commonjs)
 * @property {number} lines
 * @property {CorpusFile[]} files
 *
 * @typedef {object} Corpus
 * @property {CorpusPackage[]} packages
 * @property {CorpusFile[]} files
 * @property {number} lines
 * @property {{ file: string, reason: string }[]} skipped  files matched by a glob but dropped by a content check
 * @property {string[]} missing  configured packages that are not installed
 */

/**
 * Resolve the configured globs to the concrete, sorted file list.
 * @param {{ only?: string[] }} [options] restrict to some package names (for quick experiments)
 * @returns {Corpus}
 */
export function resolveCorpus(options = {}) {
  /** @type {CorpusPackage[]} */
  const resolved = [];
  /** @type {Corpus["skipped"]} */
  const skipped = [];
  /** @type {string[]} */
  const missing = [];
  const always = ALWAYS_EXCLUDE.map(globToRegExp);

  for (const spec of packages) {
    if (options.only && !options.only.includes(spec.name)) continue;
    const root = join(CORPUS_MODULES, spec.name);
    let manifest;
    try {
      realpathSync(root);
      manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    } catch {
      missing.push(spec.name);
      continue;
    }
    const include = spec.include.map(globToRegExp);
    const exclude = [...always, ...(spec.exclude ?? []).map(globToRegExp)];

    /** @type {CorpusFile[]} */
    const files = [];
    for (const rel of walk(root).sort()) {
      if (!SOURCE_FILE.test(rel)) continue;
      if (!include.some((re) => re.test(rel)) || exclude.some((re) => re.test(rel))) continue;
      const file = `${spec.name}/${rel}`;
      const absPath = join(root, rel);
      const text = readFileSync(absPath, "utf8");
      const lines = countLines(text);
      if (lines === 0) continue;
      if (text.length / lines > MAX_AVG_LINE_CHARS) {
        skipped.push({ file, reason: `average line length ${Math.round(text.length / lines)} > ${MAX_AVG_LINE_CHARS}` });
        continue;
      }
      files.push({ file, absPath, pkg: spec.name, lines, text });
    }
    resolved.push({
      name: spec.name,
      version: manifest.version,
      type: manifest.type === "module" ? "module" : "commonjs",
      lines: files.reduce((sum, f) => sum + f.lines, 0),
      files,
    });
  }

  const files = resolved.flatMap((p) => p.files);
  return {
    packages: resolved,
    files,
    lines: files.reduce((sum, f) => sum + f.lines, 0),
    skipped,
    missing,
  };
}

// `node corpus/corpus.config.mjs`: print what the corpus is made of.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const corpus = resolveCorpus();
  for (const p of [...corpus.packages].sort((a, b) => b.lines - a.lines)) {
    console.log(`${p.name.padEnd(20)} ${p.version.padEnd(10)} ${String(p.files.length).padStart(5)} files ${String(p.lines).padStart(7)} lines`);
  }
  for (const s of corpus.skipped) console.log(`skipped ${s.file}: ${s.reason}`);
  for (const m of corpus.missing) console.log(`missing package: ${m} (run pnpm install)`);
  console.log(`total: ${corpus.packages.length} packages, ${corpus.files.length} files, ${corpus.lines} lines`);
}
