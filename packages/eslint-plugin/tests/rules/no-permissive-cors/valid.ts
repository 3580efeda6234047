import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import type { Options } from "../../../src/rules/no-permissive-cors/index.js";
import { code } from "../../code.js";

type Case = ValidTestCase<Options>;

/** Allow-lists, configuration-driven origins, look-alikes and the opt-out options. */
export const validCases: Case[] = [
  // --- cors package: explicit allow-lists and configuration ---------------------------------------
  {
    name: "cors with an explicit allow-list",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: ["https://app.example.com", "https://admin.example.com"], credentials: true }));
    `,
  },
  {
    name: "cors with origins from the environment",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: process.env.ALLOWED_ORIGINS.split(","), credentials: true }));
    `,
  },
  {
    name: "cors with origins from a config object",
    filename: "server.js",
    code: code`
      const cors = require("cors");
      const config = require("./config");
      app.use(cors({ origin: config.cors.origins, credentials: true }));
    `,
  },
  {
    name: "cors with a single fixed origin and credentials",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: "https://app.example.com", credentials: true }));
    `,
  },
  {
    name: "cors with an anchored RegExp for subdomains",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: [/^https:\\/\\/([a-z0-9-]+\\.)?example\\.com$/, "http://localhost:5173"] }));
    `,
  },
  {
    name: "cors disabled with origin: false",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: false }));
    `,
  },
  {
    name: "origin callback checking an allow-list (the documented pattern)",
    code: code`
      import cors from "cors";
      const allowedOrigins = ["https://app.example.com", "https://staging.example.com"];
      app.use(
        cors({
          origin(origin, callback) {
            // allow requests with no origin (mobile apps, curl)
            if (!origin) return callback(null, true);
            if (allowedOrigins.indexOf(origin) === -1) {
              return callback(new Error("The CORS policy for this site does not allow access from the specified origin."), false);
            }
            return callback(null, true);
          },
          credentials: true,
        }),
      );
    `,
  },
  {
    name: "origin callback answering with an allow-list lookup",
    code: code`
      import cors from "cors";
      const allowed = new Set(process.env.CORS_ORIGINS?.split(","));
      app.use(cors({ origin: (origin, cb) => cb(null, !origin || allowed.has(origin)) }));
    `,
  },
  {
    name: "origin callback defined as a named function with a suffix check",
    code: code`
      import cors from "cors";
      function checkOrigin(origin, callback) {
        if (origin && origin.endsWith(".example.com")) callback(null, true);
        else callback(new Error("Not allowed by CORS"));
      }
      app.use(cors({ origin: checkOrigin }));
    `,
  },
  {
    name: "per-request delegate (cannot be judged statically)",
    code: code`
      import cors from "cors";
      const corsOptionsDelegate = (req, callback) => {
        const corsOptions = allowlist.includes(req.header("Origin")) ? { origin: true } : { origin: false };
        callback(null, corsOptions);
      };
      app.get("/products/:id", cors(corsOptionsDelegate), handler);
    `,
  },
  {
    name: "options imported from another module",
    code: code`
      import cors from "cors";
      import { corsOptions } from "./config/cors";
      app.use(cors(corsOptions));
    `,
  },
  {
    name: "options spread from elsewhere may set origin",
    code: code`
      import cors from "cors";
      import { baseCors } from "./config";
      app.use(cors({ ...baseCors, maxAge: 600 }));
      app.use(cors({ origin: "*", ...baseCors }));
    `,
  },
  {
    name: "options object filled in after its declaration",
    code: code`
      import cors from "cors";
      const corsOptions = {};
      corsOptions.origin = allowedOrigins;
      app.use(cors(corsOptions));
      const socketOptions = { credentials: true };
      Object.assign(socketOptions, loadCorsConfig());
      app.use(cors(socketOptions));
    `,
  },
  {
    name: "dev-only wildcard behind a ternary on the environment",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: process.env.NODE_ENV === "production" ? "https://app.example.com" : "*" }));
    `,
  },
  {
    name: "fallback to * only when the configured origin is missing",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: process.env.CORS_ORIGIN || "https://app.example.com" }));
      app.use((req, res, next) => {
        res.setHeader("Access-Control-Allow-Origin", process.env.CORS_ORIGIN || "*");
        next();
      });
    `,
  },
  {
    name: "a local function named cors is not the cors package",
    code: code`
      function cors() {
        return (req, res, next) => next();
      }
      app.use(cors());
    `,
  },
  {
    name: "a project module named cors is not the cors package",
    code: code`
      import cors from "./middleware/cors";
      app.use(cors());
    `,
  },
  {
    name: "TS declare stub, spread arguments and optional calls do not crash",
    filename: "file.ts",
    code: code`
      declare function cors(options?: unknown): unknown;
      import realCors from "cors";
      const args: [] = [];
      app.use(cors());
      app.use(realCors(...args));
      res?.setHeader?.("Access-Control-Allow-Origin", allowedOrigin);
    `,
  },

  {
    name: "origin callback answering with the origin only when allow-listed",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: (origin, cb) => cb(null, whitelist.includes(origin) ? origin : false) }));
    `,
  },
  {
    name: "test files are skipped: a test app's CORS setup never ships",
    filename: "test/app.e2e-spec.ts",
    code: code`
      import { NestFactory } from "@nestjs/core";
      import cors from "cors";
      const app = await NestFactory.create(AppModule, { cors: true });
      app.enableCors();
      server.use(cors());
    `,
  },
  {
    name: "test files by suffix",
    filename: "src/server.test.js",
    code: code`
      const cors = require("cors");
      app.use(cors({ origin: true, credentials: true }));
    `,
  },

  // --- fastify, koa, hono, nest, socket.io ---------------------------------------------------------
  {
    name: "fastify: allow-list and other plugins",
    code: code`
      import cors from "@fastify/cors";
      import helmet from "@fastify/helmet";
      await fastify.register(helmet);
      await fastify.register(cors, { origin: ["https://app.example.com"], credentials: true });
    `,
  },
  {
    name: "fastify: delegator function",
    code: code`
      import cors from "@fastify/cors";
      await fastify.register(cors, () => (req, callback) => callback(null, { origin: allowlist.includes(req.headers.origin) }));
    `,
  },
  {
    name: "fastify: async origin function checking a database",
    code: code`
      import cors from "@fastify/cors";
      await fastify.register(cors, {
        origin: async (origin) => {
          if (!origin) return false;
          return (await db.tenants.findByDomain(new URL(origin).hostname)) !== null;
        },
      });
    `,
  },
  {
    name: "koa: origin function checking an allow-list",
    code: code`
      import cors from "@koa/cors";
      const ALLOWED = ["https://app.example.com"];
      app.use(
        cors({
          origin: (ctx) => {
            const requestOrigin = ctx.get("Origin");
            return ALLOWED.includes(requestOrigin) ? requestOrigin : "";
          },
          credentials: true,
        }),
      );
    `,
  },
  {
    name: "koa: fixed origin",
    code: code`
      import cors from "@koa/cors";
      app.use(cors({ origin: "https://app.example.com" }));
    `,
  },
  {
    name: "koa: ctx.origin is the server's own origin, not the request header",
    code: code`
      app.use(async (ctx, next) => {
        ctx.set("Access-Control-Allow-Origin", ctx.origin);
        await next();
      });
    `,
  },
  {
    name: "hono: allow-list with credentials",
    code: code`
      import { cors } from "hono/cors";
      app.use("/api/*", cors({ origin: ["https://app.example.com", "https://admin.example.com"], credentials: true }));
    `,
  },
  {
    name: "hono: origin function checking the suffix",
    filename: "file.ts",
    code: code`
      import { cors } from "hono/cors";
      app.use("*", cors({ origin: (origin: string) => (origin.endsWith(".example.com") ? origin : "https://example.com") }));
    `,
  },
  {
    name: "hono: origin function that falls through for unknown origins",
    code: code`
      import { cors } from "hono/cors";
      app.use(cors({ origin: (origin) => { if (trusted(origin)) return origin; } }));
    `,
  },
  {
    name: "nest: enableCors with configuration",
    filename: "main.ts",
    code: code`
      import { NestFactory } from "@nestjs/core";
      import { ConfigService } from "@nestjs/config";
      const app = await NestFactory.create(AppModule);
      const config = app.get(ConfigService);
      app.enableCors({ origin: config.get("CORS_ORIGINS").split(","), credentials: true });
    `,
  },
  {
    name: "nest: NestFactory.create with an allow-list or cors disabled",
    filename: "main.ts",
    code: code`
      import { NestFactory } from "@nestjs/core";
      const app = await NestFactory.create(AppModule, { cors: { origin: ["https://app.example.com"] } });
      const worker = await NestFactory.create(WorkerModule, { cors: false, bufferLogs: true });
    `,
  },
  {
    name: "nest: the framework's own enableCors forwarding `cors: true` (library internals)",
    code: code`
      import { isObject } from "@nestjs/common/utils/shared.utils";
      export class NestApplication {
        applyOptions() {
          if (!this.appOptions || !this.appOptions.cors) return undefined;
          if (!isObject(this.appOptions.cors)) return this.enableCors();
          return this.enableCors(this.appOptions.cors);
        }
        enableCors(options) {
          this.httpAdapter.enableCors(options);
        }
      }
    `,
  },
  {
    name: "enableCors() outside a NestJS file is some other API",
    code: code`
      const server = new CustomServer();
      server.enableCors();
    `,
  },
  {
    name: "socket.io: no cors option, or a fixed origin",
    code: code`
      import { Server } from "socket.io";
      const io = new Server(httpServer);
      const admin = new Server(adminServer, { cors: { origin: "https://admin.example.com", credentials: true } });
    `,
  },

  // --- manual headers that are safe -----------------------------------------------------------------
  {
    name: "fixed origin header",
    code: code`
      app.use((req, res, next) => {
        res.setHeader("Access-Control-Allow-Origin", "https://app.example.com");
        res.setHeader("Access-Control-Allow-Credentials", "true");
        next();
      });
    `,
  },
  {
    name: "echoing the origin inside an allow-list check",
    code: code`
      const allowedOrigins = ["https://app.example.com", "https://admin.example.com"];
      app.use((req, res, next) => {
        const origin = req.headers.origin;
        if (allowedOrigins.includes(origin)) {
          res.setHeader("Access-Control-Allow-Origin", origin);
          res.setHeader("Access-Control-Allow-Credentials", "true");
          res.setHeader("Vary", "Origin");
        }
        next();
      });
    `,
  },
  {
    name: "early-return guard before echoing the origin",
    code: code`
      const ALLOWED = new Set(["https://app.example.com"]);
      export function corsGuard(req, res, next) {
        const { origin } = req.headers;
        if (!origin || !ALLOWED.has(origin)) return next();
        res.header("Access-Control-Allow-Origin", origin);
        res.header("Access-Control-Allow-Credentials", "true");
        next();
      }
    `,
  },
  {
    name: "ternary choosing the origin only when allowed",
    code: code`
      app.use((req, res, next) => {
        const origin = req.get("origin");
        res.set("Access-Control-Allow-Origin", allowed.includes(origin) ? origin : "null");
        next();
      });
    `,
  },
  {
    name: "check result held in a constant",
    code: code`
      app.use((req, res, next) => {
        const origin = req.headers.origin;
        const isAllowed = allowlist.some((entry) => entry === origin);
        if (isAllowed) res.setHeader("Access-Control-Allow-Origin", origin);
        next();
      });
    `,
  },
  {
    name: "switch over the origin",
    code: code`
      app.use((req, res, next) => {
        switch (req.headers.origin) {
          case "https://app.example.com":
          case "https://admin.example.com":
            res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
            break;
          default:
            break;
        }
        next();
      });
    `,
  },
  {
    name: "origin variable reassigned after a check",
    code: code`
      app.use((req, res, next) => {
        let origin = req.headers.origin;
        if (!allowed.includes(origin)) origin = allowed[0];
        res.setHeader("Access-Control-Allow-Origin", origin);
        next();
      });
    `,
  },
  {
    name: "request headers: the header sent by a client does nothing and is not a server policy",
    code: code`
      await fetch("https://api.example.com/items", { headers: { "Access-Control-Allow-Origin": "*" } });
      await axios.get("/api/items", { headers: { "Access-Control-Allow-Origin": "*" } });
      xhr.setRequestHeader("Access-Control-Allow-Origin", "*");
      axios.defaults.headers.common["Access-Control-Allow-Origin"] = "*";
    `,
  },
  {
    name: "request headers in a variable passed to fetch",
    code: code`
      const headers = { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" };
      await fetch(url, { method: "POST", headers, body: JSON.stringify(payload) });
    `,
  },
  {
    name: "allow-list check combined with a development escape hatch",
    code: code`
      app.use((req, res, next) => {
        const origin = req.headers.origin;
        if (ALLOWED_ORIGINS.includes(origin) || process.env.NODE_ENV !== "production") {
          res.setHeader("Access-Control-Allow-Origin", origin);
        }
        next();
      });
    `,
  },
  {
    name: "RegExp test guarding the echoed origin",
    code: code`
      app.use((req, res, next) => {
        if (/^https:\\/\\/[a-z]+\\.example\\.com$/.test(req.headers.origin)) {
          res.header("Access-Control-Allow-Origin", req.headers.origin);
          res.header("Access-Control-Allow-Credentials", "true");
        }
        next();
      });
    `,
  },
  {
    name: "origin passed in by the caller (judged where it is chosen)",
    code: code`
      export function applyCors(res, allowedOrigin) {
        res.setHeader("Access-Control-Allow-Origin", allowedOrigin);
        res.setHeader("Access-Control-Allow-Credentials", "true");
      }
    `,
  },
  {
    name: "origin read from configuration with a get() call",
    code: code`
      res.setHeader("Access-Control-Allow-Origin", config.get("origin"));
    `,
  },
  {
    name: "key/value pairs outside a route headers config (a library's internal list)",
    code: code`
      function configureOrigin(options) {
        const headers = [];
        headers.push([{ key: "Access-Control-Allow-Origin", value: "*" }]);
        return headers;
      }
    `,
  },
  {
    name: "next.config.js with a fixed origin",
    filename: "next.config.js",
    code: code`
      module.exports = {
        async headers() {
          return [{ source: "/api/:path*", headers: [{ key: "Access-Control-Allow-Origin", value: "https://app.example.com" }] }];
        },
      };
    `,
  },

  // --- options ---------------------------------------------------------------------------------------
  {
    name: "allowWildcardWithoutCredentials: public read-only API",
    options: [{ allowWildcardWithoutCredentials: true }],
    code: code`
      import cors from "cors";
      app.use(cors());
      app.get("/api/rates", cors({ origin: "*" }), listRates);
      app.get("/api/ping", (req, res) => {
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.send("pong");
      });
    `,
  },
  {
    name: "publicPaths: mounted middleware, route handler and Next config",
    options: [{ publicPaths: ["/public", "/fonts/*"] }],
    code: code`
      import cors from "cors";
      app.use("/public", cors());
      app.get("/fonts/:file", (req, res) => {
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.sendFile(req.params.file);
      });
      export const config = {
        async headers() {
          return [{ source: "/fonts/:path*", headers: [{ key: "Access-Control-Allow-Origin", value: "*" }] }];
        },
      };
    `,
  },

  // --- longer realistic snippets ---------------------------------------------------------------------
  {
    name: "a whole Express server with a proper CORS setup",
    filename: "server.ts",
    code: code`
      import express, { type Request, type Response } from "express";
      import cors, { type CorsOptions } from "cors";
      import helmet from "helmet";
      import { pool } from "./db";

      const allowedOrigins = (process.env.CORS_ORIGINS ?? "").split(",").map((origin) => origin.trim());

      const corsOptions: CorsOptions = {
        origin(origin, callback) {
          if (!origin || allowedOrigins.includes(origin)) {
            callback(null, true);
          } else {
            callback(new Error(\`Origin \${origin} is not allowed\`));
          }
        },
        credentials: true,
        methods: ["GET", "POST", "PATCH", "DELETE"],
      };

      const app = express();
      app.use(helmet());
      app.use(express.json());
      app.use(cors(corsOptions));
      app.options("*", cors(corsOptions));

      app.get("/api/users/:id", async (req: Request, res: Response) => {
        const { rows } = await pool.query("SELECT id, name FROM users WHERE id = $1", [req.params.id]);
        if (rows.length === 0) return res.status(404).json({ error: "not found" });
        res.set("Cache-Control", "no-store");
        res.json(rows[0]);
      });

      app.listen(Number(process.env.PORT ?? 3000));
    `,
  },
  {
    name: "a Next.js route handler with an allow-listed origin",
    filename: "route.ts",
    code: code`
      import { NextResponse, type NextRequest } from "next/server";

      const ALLOWED_ORIGINS = new Set(["https://app.example.com", "https://admin.example.com"]);

      function corsHeadersFor(origin: string | null): Record<string, string> {
        if (!origin || !ALLOWED_ORIGINS.has(origin)) return {};
        return {
          "Access-Control-Allow-Origin": origin,
          "Access-Control-Allow-Credentials": "true",
          Vary: "Origin",
        };
      }

      export async function OPTIONS(request: NextRequest) {
        return new NextResponse(null, { status: 204, headers: corsHeadersFor(request.headers.get("origin")) });
      }

      export async function GET(request: NextRequest) {
        const items = await listItems();
        return NextResponse.json(items, { headers: corsHeadersFor(request.headers.get("origin")) });
      }
    `,
  },
  {
    name: "a repository class with unrelated set/header calls and origin fields",
    filename: "file.ts",
    code: code`
      export class SessionRepository {
        private readonly cache = new Map<string, unknown>();

        constructor(private readonly redis: Redis, private readonly origin: string) {}

        async save(session: Session): Promise<void> {
          this.cache.set(session.id, session);
          await this.redis.set(\`session:\${session.id}\`, JSON.stringify({ ...session, origin: this.origin }));
        }

        headersFor(request: Request): Record<string, string> {
          const origin = request.headers.get("origin") ?? this.origin;
          return { "X-Request-Origin": origin, "Cache-Control": "no-store" };
        }
      }
    `,
  },
  {
    name: "a Koa app with an allow-listed @koa/cors and a socket.io server",
    filename: "app.js",
    code: code`
      const Koa = require("koa");
      const cors = require("@koa/cors");
      const { Server } = require("socket.io");
      const http = require("node:http");

      const trusted = (process.env.TRUSTED_ORIGINS || "").split(",");
      const app = new Koa();
      app.use(
        cors({
          origin(ctx) {
            const origin = ctx.get("Origin");
            return trusted.includes(origin) ? origin : undefined;
          },
        }),
      );
      const server = http.createServer(app.callback());
      const io = new Server(server, { cors: { origin: trusted } });
      io.on("connection", (socket) => socket.emit("hello"));
      server.listen(3000);
    `,
  },
  // --- request headers built with new Headers() for an outgoing request ---------------------------
  {
    name: "new Headers() filled with set() and passed to fetch",
    code: code`
      const h = new Headers();
      h.set("Access-Control-Allow-Origin", "*");
      fetch("https://api.x.com", { headers: h });
    `,
  },
  {
    name: "new Headers({...}) inline in the fetch options",
    code: code`
      fetch(url, { headers: new Headers({ "Access-Control-Allow-Origin": "*" }) });
    `,
  },
  {
    name: "new Headers() in a client function, passed to fetch as the shorthand { headers }",
    code: code`
      async function callApi(token) {
        const headers = new Headers();
        headers.set("Authorization", \`Bearer \${token}\`);
        headers.set("Access-Control-Allow-Origin", "*");
        return fetch("/api", { headers });
      }
    `,
  },
  {
    name: "new Headers() given to new Request, axios, got, ky and undici",
    filename: "client.ts",
    code: code`
      const a = new Headers({ "Access-Control-Allow-Origin": "*" });
      const req = new Request("/api/items", { method: "POST", headers: a });
      const b = new Headers();
      b.append("Access-Control-Allow-Origin", "*");
      await axios.post("/api/items", payload, { headers: b });
      await got("https://api.example.com", { headers: new Headers({ "Access-Control-Allow-Origin": "*" }) });
      await ky.get("https://api.example.com", { headers: new Headers({ "Access-Control-Allow-Origin": "*" }) });
      await undici.request("https://api.example.com", { headers: new Headers({ "Access-Control-Allow-Origin": "*" }) });
    `,
  },
  {
    name: "new Headers() in a request options variable passed to fetch",
    code: code`
      const headers = new Headers();
      headers.set("Access-Control-Allow-Origin", "*");
      const init = { method: "GET", headers };
      const response = await globalThis.fetch(url, init);
    `,
  },
  // --- origin asserted by a call rather than an if ---------------------------------------------
  {
    name: "origin asserted in a try whose catch ends the response",
    code: code`
      app.use((req, res, next) => {
        const origin = req.headers.origin;
        try {
          assertAllowed(origin);
        } catch {
          return res.end();
        }
        res.setHeader("Access-Control-Allow-Origin", origin);
        next();
      });
    `,
  },
  {
    name: "origin asserted by a bare call before the header",
    code: code`
      app.use(async (req, res, next) => {
        const origin = req.headers.origin;
        assertAllowedOrigin(origin);
        await cors.verifyOrigin(origin);
        res.setHeader("Access-Control-Allow-Origin", origin);
        res.setHeader("Access-Control-Allow-Credentials", "true");
        next();
      });
    `,
  },
  {
    name: "origin validated by a method call on the request origin read",
    code: code`
      export async function handler(event) {
        validateOrigin(event.headers.origin);
        return { statusCode: 200, headers: { "Access-Control-Allow-Origin": event.headers.origin }, body: "" };
      }
    `,
  },
];
