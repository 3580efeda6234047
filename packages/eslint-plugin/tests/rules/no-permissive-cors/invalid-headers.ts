import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-permissive-cors/index.js";
import { code } from "../../code.js";

type Case = InvalidTestCase<MessageIds, Options>;

const HEADER = "The `Access-Control-Allow-Origin` header";
const ROUTE_CONFIG = "The `Access-Control-Allow-Origin` header in this `headers` route config";

/** `Access-Control-Allow-Origin` set by hand, in every framework's way, and in Next.js config. */
export const invalidHeaders: Case[] = [
  {
    name: "express middleware: res.setHeader with *",
    code: code`
      app.use((req, res, next) => {
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.setHeader("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE");
        next();
      });
    `,
    errors: [{ messageId: "wildcardOrigin", line: 2, column: 3, data: { source: HEADER, found: "`*`" } }],
  },
  {
    name: "express: res.header echoing req.headers.origin with credentials",
    filename: "server.js",
    code: code`
      app.use(function (req, res, next) {
        res.header("Access-Control-Allow-Origin", req.headers.origin);
        res.header("Access-Control-Allow-Credentials", "true");
        res.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
        next();
      });
    `,
    errors: [
      { messageId: "credentialsWithReflectedOrigin", line: 2, column: 3, data: { source: HEADER, found: "`req.headers.origin`" } },
    ],
  },
  {
    name: "express: credentials set before the origin header still pair with it",
    code: code`
      export function allowCors(req, res, next) {
        res.set("Access-Control-Allow-Credentials", true);
        res.set("Access-Control-Allow-Origin", req.get("origin"));
        next();
      }
    `,
    errors: [{ messageId: "credentialsWithReflectedOrigin", line: 3, column: 3, data: { source: HEADER, found: '`req.get("origin")`' } }],
  },
  {
    name: "express: origin kept in a variable, presence check only",
    code: code`
      app.use((req, res, next) => {
        const origin = req.headers.origin;
        if (origin) {
          res.setHeader("Access-Control-Allow-Origin", origin);
        }
        next();
      });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 4, column: 5, data: { source: HEADER, found: "`req.headers.origin`" } }],
  },
  {
    name: "express: destructured origin, falling back to *",
    filename: "file.ts",
    code: code`
      import type { Request, Response, NextFunction } from "express";
      export function corsMiddleware(req: Request, res: Response, next: NextFunction) {
        const { origin } = req.headers;
        res.setHeader("Access-Control-Allow-Origin", origin || "*");
        next();
      }
    `,
    errors: [{ messageId: "reflectedOrigin", line: 4, column: 3, data: { source: HEADER, found: "`req.headers.origin`" } }],
  },
  {
    name: "destructured origin with a * default",
    code: code`
      export function allowAll(req, res) {
        const { origin = "*" } = req.headers;
        res.setHeader("Access-Control-Allow-Origin", origin);
      }
    `,
    errors: [{ messageId: "reflectedOrigin", line: 3, column: 3, data: { source: HEADER, found: "`req.headers.origin`" } }],
  },
  {
    name: "node http: writeHead with a headers object",
    filename: "server.js",
    code: code`
      const http = require("node:http");
      http.createServer((req, res) => {
        res.writeHead(200, {
          "Content-Type": "application/json",
          "Access-Control-Allow-Origin": "*",
        });
        res.end(JSON.stringify({ ok: true }));
      });
    `,
    errors: [{ messageId: "wildcardOrigin", line: 5, column: 5 }],
  },
  {
    name: "koa: ctx.set echoing ctx.get('Origin') with credentials",
    code: code`
      app.use(async (ctx, next) => {
        ctx.set("Access-Control-Allow-Origin", ctx.get("Origin"));
        ctx.set("Access-Control-Allow-Credentials", "true");
        await next();
      });
    `,
    errors: [{ messageId: "credentialsWithReflectedOrigin", line: 2, column: 3 }],
  },
  {
    name: "koa: ctx.response.set with a headers object",
    code: code`
      router.get("/api/items", async (ctx) => {
        ctx.response.set({ "Access-Control-Allow-Origin": "*" });
        ctx.body = await listItems();
      });
    `,
    errors: [{ messageId: "wildcardOrigin", line: 2, column: 22 }],
  },
  {
    name: "fastify: reply.header echoing request.headers.origin",
    code: code`
      fastify.addHook("onSend", async (request, reply) => {
        reply.header("Access-Control-Allow-Origin", request.headers.origin);
      });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 2, column: 3, data: { source: HEADER, found: "`request.headers.origin`" } }],
  },
  {
    name: "hono: c.header echoing c.req.header('origin')",
    code: code`
      app.use("*", async (c, next) => {
        await next();
        c.header("Access-Control-Allow-Origin", c.req.header("origin") ?? "*");
      });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 3, column: 3 }],
  },
  {
    name: "hono: headers object as c.json's third argument",
    code: code`
      app.get("/api/status", (c) => c.json({ ok: true }, 200, { "Access-Control-Allow-Origin": "*" }));
    `,
    errors: [{ messageId: "wildcardOrigin", line: 1, column: 59 }],
  },
  {
    name: "next.js route handler: NextResponse.json echoing the origin with credentials",
    filename: "route.ts",
    code: code`
      import { NextResponse, type NextRequest } from "next/server";
      export async function GET(request: NextRequest) {
        const origin = request.headers.get("origin");
        const data = await loadData();
        return NextResponse.json(data, {
          headers: {
            "Access-Control-Allow-Origin": origin ?? "*",
            "Access-Control-Allow-Credentials": "true",
          },
        });
      }
    `,
    errors: [{ messageId: "credentialsWithReflectedOrigin", line: 7, column: 7, data: { source: HEADER, found: '`request.headers.get("origin")`' } }],
  },
  {
    name: "next.js middleware: response.headers.set, lower-case header name",
    filename: "middleware.ts",
    code: code`
      import { NextResponse } from "next/server";
      export function middleware() {
        const response = NextResponse.next();
        response.headers.set("access-control-allow-origin", "*");
        return response;
      }
    `,
    errors: [{ messageId: "wildcardOrigin", line: 4, column: 3 }],
  },
  {
    name: "edge function: corsHeaders constant (Supabase/Deno style)",
    filename: "index.ts",
    code: code`
      export const corsHeaders = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Headers": "authorization, x-client-info, apikey, content-type",
      };
    `,
    errors: [{ messageId: "wildcardOrigin", line: 2, column: 3 }],
  },
  {
    name: "web Response: headers object in a variable used as the response's headers",
    code: code`
      export default {
        async fetch(request) {
          const responseHeaders = { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" };
          return new Response(JSON.stringify({ ok: true }), { status: 200, headers: responseHeaders });
        },
      };
    `,
    errors: [{ messageId: "wildcardOrigin", line: 3, column: 67 }],
  },
  {
    name: "web Response: spread into the response headers",
    code: code`
      const baseHeaders = { "Access-Control-Allow-Origin": "*" };
      export function ok(body) {
        return new Response(body, { headers: { ...baseHeaders, "Content-Type": "text/plain" } });
      }
    `,
    errors: [{ messageId: "wildcardOrigin", line: 1, column: 23 }],
  },
  {
    name: "new Headers() with *",
    code: code`
      const headers = new Headers({ "Access-Control-Allow-Origin": "*" });
    `,
    errors: [{ messageId: "wildcardOrigin", line: 1, column: 31 }],
  },
  {
    name: "AWS Lambda: statusCode result with * and credentials",
    filename: "handler.js",
    code: code`
      exports.handler = async (event) => {
        return {
          statusCode: 200,
          headers: {
            "Access-Control-Allow-Origin": "*",
            "Access-Control-Allow-Credentials": true,
          },
          body: JSON.stringify({ message: "ok" }),
        };
      };
    `,
    errors: [{ messageId: "credentialsWithWildcardOrigin", line: 5, column: 7, data: { source: HEADER, found: "`*`" } }],
  },
  {
    name: "AWS Lambda: echoing event.headers.origin",
    code: code`
      export const handler = async (event) => ({
        statusCode: 200,
        headers: { "Access-Control-Allow-Origin": event.headers.origin },
        body: "",
      });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 3, column: 14 }],
  },
  {
    name: "a function named for CORS returning the headers",
    code: code`
      function getCorsHeaders() {
        return { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET" };
      }
    `,
    errors: [{ messageId: "wildcardOrigin", line: 2, column: 12 }],
  },
  {
    name: "template literal wrapping the origin",
    code: code`
      app.use((req, res, next) => {
        res.setHeader("Access-Control-Allow-Origin", \`\${req.headers.origin}\`);
        next();
      });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 2, column: 3 }],
  },
  {
    name: "h3 / Nuxt: setResponseHeader echoing getHeader(event, 'origin')",
    code: code`
      export default defineEventHandler((event) => {
        setResponseHeader(event, "Access-Control-Allow-Origin", getHeader(event, "origin"));
        return { ok: true };
      });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 2, column: 3 }],
  },
  {
    name: "a static-asset route is still reported without publicPaths",
    code: code`
      app.get("/fonts/:file", (req, res) => {
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.sendFile(req.params.file, { root: "fonts" });
      });
    `,
    errors: [{ messageId: "wildcardOrigin", line: 2, column: 3 }],
  },
  {
    name: "next.config.js headers() with *",
    filename: "next.config.js",
    code: code`
      module.exports = {
        async headers() {
          return [
            {
              source: "/api/:path*",
              headers: [
                { key: "Access-Control-Allow-Origin", value: "*" },
                { key: "Access-Control-Allow-Methods", value: "GET,POST" },
              ],
            },
          ];
        },
      };
    `,
    errors: [{ messageId: "wildcardOrigin", line: 7, column: 49, data: { source: ROUTE_CONFIG, found: "`*`" } }],
  },
  {
    name: "next.config.mjs headers() with * and credentials",
    filename: "next.config.mjs",
    code: code`
      const nextConfig = {
        headers: async () => [
          {
            source: "/api/:path*",
            headers: [
              { key: "Access-Control-Allow-Credentials", value: "true" },
              { key: "Access-Control-Allow-Origin", value: "*" },
            ],
          },
        ],
      };
      export default nextConfig;
    `,
    errors: [{ messageId: "credentialsWithWildcardOrigin", line: 7, column: 47 }],
  },

  {
    name: "credentials set in another function do not pair with the wildcard",
    code: code`
      function publicHeaders(res) {
        res.setHeader("Access-Control-Allow-Origin", "*");
      }
      function privateHeaders(res) {
        res.setHeader("Access-Control-Allow-Origin", "https://app.example.com");
        res.setHeader("Access-Control-Allow-Credentials", "true");
      }
    `,
    errors: [{ messageId: "wildcardOrigin", line: 2, column: 3, data: { source: HEADER, found: "`*`" } }],
  },

  // --- options do not hide the dangerous cases ------------------------------------------------------
  {
    name: "publicPaths does not excuse credentials",
    options: [{ publicPaths: ["/api/public"] }],
    code: code`
      router.get("/api/public/items", (req, res) => {
        res.set("Access-Control-Allow-Origin", "*");
        res.set("Access-Control-Allow-Credentials", "true");
        res.json(items);
      });
    `,
    errors: [{ messageId: "credentialsWithWildcardOrigin", line: 2, column: 3 }],
  },
  {
    name: "allowWildcardWithoutCredentials does not excuse a reflected origin",
    options: [{ allowWildcardWithoutCredentials: true }],
    code: code`
      import cors from "cors";
      app.use(cors({ origin: true }));
      app.use((req, res, next) => {
        res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
        next();
      });
    `,
    errors: [
      {
        messageId: "reflectedOrigin",
        line: 2,
        column: 16,
        suggestions: [{ messageId: "suggestAllowList", output: code`
          import cors from "cors";
          app.use(cors({ origin: process.env.CORS_ORIGINS?.split(",") ?? [] }));
          app.use((req, res, next) => {
            res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
            next();
          });
        ` }],
      },
      { messageId: "reflectedOrigin", line: 4, column: 3 },
    ],
  },
  {
    name: "publicPaths only covers the listed prefix",
    options: [{ publicPaths: ["/public"] }],
    code: code`
      import cors from "cors";
      app.use("/public", cors());
      app.use("/publicity", cors());
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 3,
        column: 23,
        suggestions: [{ messageId: "suggestAllowList", output: code`
          import cors from "cors";
          app.use("/public", cors());
          app.use("/publicity", cors({ origin: process.env.CORS_ORIGINS?.split(",") ?? [] }));
        ` }],
      },
    ],
  },
  {
    name: "new Headers() that goes into a Response, even when also sent with fetch",
    code: code`
      const h = new Headers();
      h.set("Access-Control-Allow-Origin", "*");
      await fetch("https://api.x.com", { headers: h });
      return new Response(body, { headers: h });
    `,
    errors: [{ messageId: "wildcardOrigin", line: 2, column: 1, data: { source: HEADER, found: "\`*\`" } }],
  },
  {
    name: "new Headers() returned from a route handler or given to Response.json / NextResponse",
    code: code`
      export async function GET() {
        const headers = new Headers({ "Access-Control-Allow-Origin": "*" });
        return Response.json({ ok: true }, { headers });
      }
      export async function POST() {
        const headers = new Headers();
        headers.set("Access-Control-Allow-Origin", "*");
        return new NextResponse(null, { status: 204, headers });
      }
      export async function PUT() {
        const headers = new Headers();
        headers.append("Access-Control-Allow-Origin", "*");
        return { headers };
      }
    `,
    errors: [
      { messageId: "wildcardOrigin", line: 2, column: 33 },
      { messageId: "wildcardOrigin", line: 7, column: 3 },
      { messageId: "wildcardOrigin", line: 12, column: 3 },
    ],
  },
  {
    name: "new Headers() given to res.set / writeHead, or whose use is unknown",
    code: code`
      app.get("/items", (req, res) => {
        const h = new Headers({ "Access-Control-Allow-Origin": "*" });
        res.writeHead(200, Object.fromEntries(h));
      });
      function build(h = new Headers()) {
        h.set("Access-Control-Allow-Origin", "*");
        return h;
      }
      const shared = new Headers();
      shared.set("Access-Control-Allow-Origin", "*");
      export { shared };
    `,
    errors: [
      { messageId: "wildcardOrigin", line: 2, column: 27 },
      { messageId: "wildcardOrigin", line: 6, column: 3 },
      { messageId: "wildcardOrigin", line: 10, column: 1 },
    ],
  },
  {
    name: "origin passed to a call that does not assert it, or a try whose catch falls through",
    code: code`
      app.use((req, res, next) => {
        const origin = req.headers.origin;
        logOrigin(origin);
        checkout(origin);
        try {
          assertAllowed(origin);
        } catch (error) {
          console.warn(error);
        }
        res.setHeader("Access-Control-Allow-Origin", origin);
        next();
      });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 10, column: 3 }],
  },
  {
    name: "origin asserted only after the header is set",
    code: code`
      app.use((req, res, next) => {
        const origin = req.headers.origin;
        res.setHeader("Access-Control-Allow-Origin", origin);
        assertAllowedOrigin(origin);
        next();
      });
    `,
    errors: [{ messageId: "reflectedOrigin", line: 3, column: 3 }],
  },
];
