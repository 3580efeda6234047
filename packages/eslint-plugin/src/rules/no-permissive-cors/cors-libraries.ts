/** How each CORS library reads its options: the facts the rule's verdicts depend on. */
export interface CorsLibrary {
  /** Shown in messages: "`cors`", "`@fastify/cors`", "NestJS `enableCors()`". */
  label: string;
  /**
   * How an `origin` function answers: by calling a Node-style callback `(origin, callback)`, by
   * returning a value (Hono's `(origin, c) => string`), or both (@fastify/cors also awaits a returned
   * promise). Koa's function receives the context and returns the origin to send.
   */
  originFunction: "callback" | "callback-or-return" | "return-origin" | "return-from-context";
  /** `origin: true` and RegExp origins echo the request origin back (the `cors` package family). */
  acceptsBooleanAndRegExp: boolean;
  /** A `"*"` inside an `origin` array means any origin (@fastify/cors). */
  wildcardInArray: boolean;
  /** With `credentials: true`, a `*` or default origin is replaced by the request's Origin (@koa/cors). */
  reflectsWildcardWithCredentials: boolean;
  /** What the library does without an `origin` option: send `*`, or echo the request's Origin (kcors). */
  defaultOrigin: "wildcard" | "reflected";
  /** The same, in words, for the message. */
  defaultBehavior: string;
  /** `origin` accepts an array of allowed origins, so an allow-list can be suggested. */
  acceptsOriginArray: boolean;
}

const CORS_PACKAGE_BEHAVIOR = {
  originFunction: "callback",
  acceptsBooleanAndRegExp: true,
  wildcardInArray: false,
  reflectsWildcardWithCredentials: false,
  defaultOrigin: "wildcard",
  defaultBehavior: "`Access-Control-Allow-Origin: *`",
  acceptsOriginArray: true,
} as const;

/** The `cors` package: Express, Connect and every framework that mounts Express middleware. */
export const EXPRESS_CORS: CorsLibrary = { label: "`cors`", ...CORS_PACKAGE_BEHAVIOR };

/** Nest's `app.enableCors()` and `NestFactory.create(..., { cors })` hand their options to `cors` (or @fastify/cors). */
export const NEST_ENABLE_CORS: CorsLibrary = { label: "NestJS `enableCors()`", ...CORS_PACKAGE_BEHAVIOR };
export const NEST_FACTORY_CORS: CorsLibrary = { label: "NestJS's `cors` option", ...CORS_PACKAGE_BEHAVIOR };

/** socket.io passes its `cors` option to the `cors` package. */
export const SOCKET_IO_CORS: CorsLibrary = { label: "socket.io's `cors` option", ...CORS_PACKAGE_BEHAVIOR };

export const FASTIFY_CORS: CorsLibrary = {
  ...CORS_PACKAGE_BEHAVIOR,
  label: "`@fastify/cors`",
  originFunction: "callback-or-return",
  wildcardInArray: true,
};

export const KOA_CORS: CorsLibrary = {
  label: "`@koa/cors`",
  originFunction: "return-from-context",
  acceptsBooleanAndRegExp: false,
  wildcardInArray: false,
  reflectsWildcardWithCredentials: true,
  defaultOrigin: "wildcard",
  defaultBehavior: "`Access-Control-Allow-Origin: *` (echoing the request's Origin before v5)",
  acceptsOriginArray: false,
};

/** `kcors`, the old name of @koa/cors, always echoed the request's Origin by default. */
export const KCORS: CorsLibrary = {
  ...KOA_CORS,
  label: "`kcors`",
  defaultOrigin: "reflected",
  defaultBehavior: "echoing the request's Origin",
};

export const HONO_CORS: CorsLibrary = {
  label: "`hono/cors`",
  originFunction: "return-origin",
  acceptsBooleanAndRegExp: false,
  wildcardInArray: false,
  reflectsWildcardWithCredentials: false,
  defaultOrigin: "wildcard",
  defaultBehavior: "`Access-Control-Allow-Origin: *`",
  // Hono runs on Workers and Deno too, where `process.env` may not exist: no env-based suggestion.
  acceptsOriginArray: false,
};

/** Middleware factories, by module: `cors()`, `koaCors()`, Hono's `cors()`. */
export const MIDDLEWARE_MODULES: ReadonlyMap<string, { library: CorsLibrary; exports: ReadonlySet<string> }> = new Map([
  ["cors", { library: EXPRESS_CORS, exports: new Set(["default", "*"]) }],
  ["@koa/cors", { library: KOA_CORS, exports: new Set(["default", "*"]) }],
  ["kcors", { library: KCORS, exports: new Set(["default", "*"]) }],
  ["hono/cors", { library: HONO_CORS, exports: new Set(["cors"]) }],
  ["npm:hono/cors", { library: HONO_CORS, exports: new Set(["cors"]) }],
  ["jsr:@hono/hono/cors", { library: HONO_CORS, exports: new Set(["cors"]) }],
]);

/** Fastify plugins registered with `fastify.register(plugin, options)`. */
export const FASTIFY_PLUGIN_MODULES: ReadonlyMap<string, CorsLibrary> = new Map([
  ["@fastify/cors", FASTIFY_CORS],
  ["fastify-cors", { ...FASTIFY_CORS, label: "`fastify-cors`" }],
]);
