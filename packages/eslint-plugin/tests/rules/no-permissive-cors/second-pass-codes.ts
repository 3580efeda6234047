// Allowed origins taken from any request-controlled value, framework header APIs, and allow-list RegExps
// that do not do what they look like (issue 10).
export const invalidCodes = [
  { name: "Express: allowed origin from a query parameter", code: `app.get("/embed", (req, res) => {\n  res.setHeader("Access-Control-Allow-Origin", req.query.origin);\n  res.send(widget);\n});` },
  { name: "Express: allowed origin from the body, with credentials", code: `app.post("/session", (req, res) => {\n  res.set("Access-Control-Allow-Origin", req.body.site);\n  res.set("Access-Control-Allow-Credentials", "true");\n  res.json(session);\n});` },
  { name: "Express: allowed origin from the Referer header", code: `app.use((req, res, next) => {\n  const referer = req.headers.referer;\n  res.header("Access-Control-Allow-Origin", referer);\n  next();\n});` },
  { name: "Koa: allowed origin from the Host header", code: `app.use(async (ctx, next) => {\n  ctx.set("Access-Control-Allow-Origin", \`https://\${ctx.get("host")}\`);\n  await next();\n});` },
  { name: "Hono: allowed origin from a query parameter", code: `app.get("/api/data", (c) => {\n  c.header("Access-Control-Allow-Origin", c.req.query("origin"));\n  return c.json(data);\n});` },
  { name: "NestJS: @Header decorator with a wildcard", code: `import { Controller, Get, Header } from "@nestjs/common";\n@Controller("cats")\nexport class CatsController {\n  @Get()\n  @Header("Access-Control-Allow-Origin", "*")\n  findAll() {\n    return [];\n  }\n}` },
  { name: "Next.js: next.config headers() with a wildcard", code: `module.exports = {\n  async headers() {\n    return [{ source: "/api/:path*", headers: [{ key: "Access-Control-Allow-Origin", value: "*" }] }];\n  },\n};` },
  { name: "Next.js: middleware echoing a search parameter", code: `import { NextResponse } from "next/server";\nexport function middleware(request) {\n  const response = NextResponse.next();\n  response.headers.set("Access-Control-Allow-Origin", request.nextUrl.searchParams.get("origin"));\n  return response;\n}` },
  { name: "cors: RegExp with unescaped dots and no anchors", code: `import cors from "cors";\napp.use(cors({ origin: /example.com/, credentials: true }));` },
  { name: "cors: RegExp anchored at the start only", code: `import cors from "cors";\napp.use(cors({ origin: [/^https:\\/\\/app\\.example\\.com/, "https://admin.example.com"] }));` },
  { name: "cors: RegExp without a subdomain boundary", code: `import cors from "cors";\napp.use(cors({ origin: /example\\.com$/ }));` },
  { name: "cors: RegExp with a .* suffix", code: `import cors from "cors";\napp.use(cors({ origin: /^https:\\/\\/example\\.com.*/ }));` },
];

export const validCodes = [
  { name: "request values checked against an allow-list first", code: `const ALLOWED = ["https://app.example.com"];\napp.get("/embed", (req, res) => {\n  if (ALLOWED.includes(req.query.origin)) res.setHeader("Access-Control-Allow-Origin", req.query.origin);\n  res.send(widget);\n});` },
  { name: "request values in other headers", code: `app.get("/x", (req, res) => {\n  res.setHeader("X-Requested-Page", req.query.page);\n  res.setHeader("Access-Control-Allow-Origin", "https://app.example.com");\n  res.send("ok");\n});` },
  { name: "NestJS: @Header with a fixed origin, and other headers", code: `import { Controller, Get, Header } from "@nestjs/common";\n@Controller("cats")\nexport class CatsController {\n  @Get()\n  @Header("Access-Control-Allow-Origin", "https://app.example.com")\n  @Header("Cache-Control", "none")\n  findAll() {\n    return [];\n  }\n}` },
  { name: "Next.js: headers() with a configured origin", code: `module.exports = {\n  async headers() {\n    return [{ source: "/api/:path*", headers: [{ key: "Access-Control-Allow-Origin", value: process.env.APP_ORIGIN }] }];\n  },\n};` },
  { name: "cors: anchored RegExps with escaped dots", code: `import cors from "cors";\napp.use(cors({ origin: [/^https:\\/\\/([a-z0-9-]+\\.)?example\\.com$/, /\\.example\\.com$/, /^http:\\/\\/localhost:\\d+$/] }));` },
];
