import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-permissive-cors/index.js";
import { code } from "../../code.js";
import { ALLOW_LIST } from "./allow-list.js";

type Case = InvalidTestCase<MessageIds, Options>;

const STAR_DEFAULT = "`Access-Control-Allow-Origin: *`";
const KOA_DEFAULT = "`Access-Control-Allow-Origin: *` (echoing the request's Origin before v5)";
const KOA_SWAP = ", which it replaces with the request's Origin when credentials are on";
const ACCEPTS_EVERY_ORIGIN = "an `origin` function that accepts every origin";

/** @fastify/cors, @koa/cors, hono/cors, NestJS and socket.io. */
export const invalidFrameworks: Case[] = [
  // --- @fastify/cors ------------------------------------------------------------------------------
  {
    name: "fastify: register(cors) without options",
    code: code`
      import Fastify from "fastify";
      import cors from "@fastify/cors";
      const fastify = Fastify({ logger: true });
      await fastify.register(cors);
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 4,
        column: 7,
        data: { source: "`@fastify/cors`", defaultBehavior: STAR_DEFAULT },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import Fastify from "fastify";
              import cors from "@fastify/cors";
              const fastify = Fastify({ logger: true });
              await fastify.register(cors, { origin: ${ALLOW_LIST} });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "fastify: origin true with credentials",
    code: code`
      import fastifyCors from "@fastify/cors";
      export async function buildApp(app) {
        await app.register(fastifyCors, { origin: true, credentials: true });
        return app;
      }
    `,
    errors: [
      {
        messageId: "credentialsWithReflectedOrigin",
        line: 3,
        column: 37,
        data: { source: "`@fastify/cors`", found: "`origin: true`" },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import fastifyCors from "@fastify/cors";
              export async function buildApp(app) {
                await app.register(fastifyCors, { origin: ${ALLOW_LIST}, credentials: true });
                return app;
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "fastify: inline require with origin '*' (CommonJS)",
    filename: "server.js",
    code: code`
      const fastify = require("fastify")();
      fastify.register(require("@fastify/cors"), { origin: "*" });
    `,
    errors: [
      {
        messageId: "wildcardOrigin",
        line: 2,
        column: 46,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              const fastify = require("fastify")();
              fastify.register(require("@fastify/cors"), { origin: ${ALLOW_LIST} });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "fastify: dynamic import and a '*' inside the origin array",
    code: code`
      await server.register(import("@fastify/cors"), { origin: ["https://app.example.com", "*"] });
    `,
    errors: [{ messageId: "wildcardOrigin", line: 1, column: 50, suggestions: [] }],
  },
  {
    name: "fastify-cors (old name) with an origin callback that allows everything",
    filename: "server.js",
    code: code`
      const fastifyCors = require("fastify-cors");
      app.register(fastifyCors, {
        origin: (origin, cb) => {
          cb(null, true);
        },
      });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 3, column: 3, data: { source: "`fastify-cors`", found: ACCEPTS_EVERY_ORIGIN }, suggestions: [] }],
  },
  {
    name: "fastify: async origin function resolving to true",
    code: code`
      import cors from "@fastify/cors";
      await app.register(cors, { origin: async () => true });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 2, column: 28, suggestions: [] }],
  },

  // --- @koa/cors ----------------------------------------------------------------------------------
  {
    name: "koa: cors() with no options",
    code: code`
      import Koa from "koa";
      import cors from "@koa/cors";
      const app = new Koa();
      app.use(cors());
    `,
    errors: [{ messageId: "defaultPermissive", line: 4, column: 9, data: { source: "`@koa/cors`", defaultBehavior: KOA_DEFAULT }, suggestions: [] }],
  },
  {
    name: "koa: credentials without origin make @koa/cors echo the request origin",
    filename: "app.js",
    code: code`
      const cors = require("@koa/cors");
      app.use(cors({ credentials: true }));
    `,
    errors: [
      {
        messageId: "credentialsWithReflectedOrigin",
        line: 2,
        column: 9,
        data: { source: "`@koa/cors`", found: `no \`origin\` option${KOA_SWAP}` },
        suggestions: [],
      },
    ],
  },
  {
    name: "koa: origin '*' with credentials is swapped for the request origin",
    code: code`
      import cors from "@koa/cors";
      app.use(cors({ origin: "*", credentials: true }));
    `,
    errors: [
      {
        messageId: "credentialsWithReflectedOrigin",
        line: 2,
        column: 16,
        data: { source: "`@koa/cors`", found: `\`origin: "*"\`${KOA_SWAP}` },
        suggestions: [],
      },
    ],
  },
  {
    name: "koa: origin function returning the request's Origin header",
    code: code`
      import cors from "@koa/cors";
      app.use(cors({ origin: (ctx) => ctx.get("Origin") }));
    `,
    errors: [{ messageId: "reflectedOrigin", line: 2, column: 16, data: { source: "`@koa/cors`", found: ACCEPTS_EVERY_ORIGIN }, suggestions: [] }],
  },
  {
    name: "koa: origin '*'",
    code: code`
      import koaCors from "@koa/cors";
      router.use(koaCors({ origin: "*", allowMethods: ["GET"] }));
    `,
    errors: [{ messageId: "wildcardOrigin", line: 2, column: 22, suggestions: [] }],
  },
  {
    name: "kcors (old name) echoes the request origin by default",
    filename: "app.js",
    code: code`
      const kcors = require("kcors");
      app.use(kcors());
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 2,
        column: 9,
        data: { source: "`kcors`", defaultBehavior: "echoing the request's Origin" },
        suggestions: [],
      },
    ],
  },

  // --- hono/cors ----------------------------------------------------------------------------------
  {
    name: "hono: cors() defaults to *",
    code: code`
      import { Hono } from "hono";
      import { cors } from "hono/cors";
      const app = new Hono();
      app.use("/api/*", cors());
    `,
    errors: [{ messageId: "defaultPermissive", line: 4, column: 19, data: { source: "`hono/cors`", defaultBehavior: STAR_DEFAULT }, suggestions: [] }],
  },
  {
    name: "hono: origin '*'",
    code: code`
      import { cors } from "hono/cors";
      app.use("*", cors({ origin: "*", allowMethods: ["GET", "POST"] }));
    `,
    errors: [{ messageId: "wildcardOrigin", line: 2, column: 21, suggestions: [] }],
  },
  {
    name: "hono: origin function returning the origin, with credentials",
    filename: "file.ts",
    code: code`
      import { cors } from "hono/cors";
      app.use(
        "/api/*",
        cors({
          origin: (origin: string) => origin,
          credentials: true,
        }),
      );
    `,
    errors: [{ messageId: "credentialsWithReflectedOrigin", line: 5, column: 5, data: { source: "`hono/cors`", found: ACCEPTS_EVERY_ORIGIN }, suggestions: [] }],
  },
  {
    name: "hono: aliased import, origin falls back to *",
    code: code`
      import { cors as honoCors } from "hono/cors";
      app.use(honoCors({ origin: (origin, c) => origin ?? "*" }));
    `,
    errors: [{ messageId: "reflectedOrigin", line: 2, column: 20, suggestions: [] }],
  },

  // --- NestJS -------------------------------------------------------------------------------------
  {
    name: "nest: app.enableCors() with no options",
    filename: "main.ts",
    code: code`
      import { NestFactory } from "@nestjs/core";
      import { AppModule } from "./app.module";
      async function bootstrap() {
        const app = await NestFactory.create(AppModule);
        app.enableCors();
        await app.listen(process.env.PORT ?? 3000);
      }
      bootstrap();
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 5,
        column: 3,
        data: { source: "NestJS `enableCors()`", defaultBehavior: STAR_DEFAULT },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import { NestFactory } from "@nestjs/core";
              import { AppModule } from "./app.module";
              async function bootstrap() {
                const app = await NestFactory.create(AppModule);
                app.enableCors({ origin: ${ALLOW_LIST} });
                await app.listen(process.env.PORT ?? 3000);
              }
              bootstrap();
            `,
          },
        ],
      },
    ],
  },
  {
    name: "nest: enableCors({ origin: true, credentials: true })",
    filename: "main.ts",
    code: code`
      import type { INestApplication } from "@nestjs/common";
      export function configureCors(app: INestApplication) {
        app.enableCors({ origin: true, credentials: true });
      }
    `,
    errors: [
      {
        messageId: "credentialsWithReflectedOrigin",
        line: 3,
        column: 20,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import type { INestApplication } from "@nestjs/common";
              export function configureCors(app: INestApplication) {
                app.enableCors({ origin: ${ALLOW_LIST}, credentials: true });
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "nest: enableCors({ origin: '*' })",
    filename: "main.ts",
    code: code`
      import { NestFactory } from "@nestjs/core";
      const app = await NestFactory.create(AppModule);
      app.enableCors({ origin: "*", methods: "GET,POST" });
    `,
    errors: [
      {
        messageId: "wildcardOrigin",
        line: 3,
        column: 18,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import { NestFactory } from "@nestjs/core";
              const app = await NestFactory.create(AppModule);
              app.enableCors({ origin: ${ALLOW_LIST}, methods: "GET,POST" });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "nest: NestFactory.create(AppModule, { cors: true })",
    filename: "main.ts",
    code: code`
      import { NestFactory } from "@nestjs/core";
      const app = await NestFactory.create(AppModule, { cors: true });
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 2,
        column: 51,
        data: { source: "NestJS's `cors` option", defaultBehavior: STAR_DEFAULT },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import { NestFactory } from "@nestjs/core";
              const app = await NestFactory.create(AppModule, { cors: { origin: ${ALLOW_LIST} } });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "nest: NestFactory.create with a typed app and wildcard + credentials",
    filename: "main.ts",
    code: code`
      import { NestFactory } from "@nestjs/core";
      import type { NestExpressApplication } from "@nestjs/platform-express";
      const app = await NestFactory.create<NestExpressApplication>(AppModule, {
        cors: { origin: "*", credentials: true },
      });
    `,
    errors: [
      {
        messageId: "credentialsWithWildcardOrigin",
        line: 4,
        column: 11,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import { NestFactory } from "@nestjs/core";
              import type { NestExpressApplication } from "@nestjs/platform-express";
              const app = await NestFactory.create<NestExpressApplication>(AppModule, {
                cors: { origin: ${ALLOW_LIST}, credentials: true },
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "nest: Fastify adapter, options in the third argument",
    filename: "main.ts",
    code: code`
      import { NestFactory } from "@nestjs/core";
      import { FastifyAdapter } from "@nestjs/platform-fastify";
      const app = await NestFactory.create(AppModule, new FastifyAdapter(), { cors: { origin: /.*/ } });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 3, column: 81, suggestions: [] }],
  },

  // --- socket.io ----------------------------------------------------------------------------------
  {
    name: "socket.io: new Server(httpServer, { cors: { origin: '*' } })",
    code: code`
      import { createServer } from "node:http";
      import { Server } from "socket.io";
      const httpServer = createServer(app);
      const io = new Server(httpServer, { cors: { origin: "*", methods: ["GET", "POST"] } });
    `,
    errors: [
      {
        messageId: "wildcardOrigin",
        line: 4,
        column: 45,
        data: { source: "socket.io's `cors` option", found: '`origin: "*"`' },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import { createServer } from "node:http";
              import { Server } from "socket.io";
              const httpServer = createServer(app);
              const io = new Server(httpServer, { cors: { origin: ${ALLOW_LIST}, methods: ["GET", "POST"] } });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "socket.io: CommonJS factory call with origin true and credentials",
    filename: "server.js",
    code: code`
      const io = require("socket.io")(server, {
        cors: { origin: true, credentials: true },
      });
    `,
    errors: [
      {
        messageId: "credentialsWithReflectedOrigin",
        line: 2,
        column: 11,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              const io = require("socket.io")(server, {
                cors: { origin: ${ALLOW_LIST}, credentials: true },
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "socket.io: cors: true uses the cors package defaults",
    filename: "server.js",
    code: code`
      const { Server: SocketServer } = require("socket.io");
      const io = new SocketServer(3000, { cors: true });
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 2,
        column: 37,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              const { Server: SocketServer } = require("socket.io");
              const io = new SocketServer(3000, { cors: { origin: ${ALLOW_LIST} } });
            `,
          },
        ],
      },
    ],
  },
];
