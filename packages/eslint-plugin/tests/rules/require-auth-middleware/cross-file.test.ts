import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eslintWithRules } from "../../eslint-node-api.js";

const fixtures = path.resolve(__dirname, "../../../../../fixtures/auth-crossfile");
const RULE = "vibeguard/require-auth-middleware";

const eslintFor = (project: string) => eslintWithRules(path.join(fixtures, project), { [RULE]: "warn" }, { sourceType: "commonjs" });

/** Every report of the rule in a fixture project, as `file:line:column message`. */
async function lintProject(project: string): Promise<string[]> {
  const results = await eslintFor(project).lintFiles(["."]);
  const reports: string[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      expect(message.ruleId, `${result.filePath}: ${message.message}`).toBe(RULE);
      reports.push(`${path.relative(path.join(fixtures, project), result.filePath).split(path.sep).join("/")}:${message.line}:${message.column} ${message.message}`);
    }
  }
  return reports.sort();
}

describe("require-auth-middleware across files (ESLint Node API on fixture projects)", () => {
  it("Express + TypeScript ESM: reports routers mounted without auth, not those behind auth on the mount, router.use(auth), a chain of routers, a handler that checks the user itself, or mounted only in tests", async () => {
    expect(await lintProject("express-ts")).toEqual([
      "src/routes/billing.ts:9:7 `POST /billing/charge` is registered on `app`, which `registerBilling(app)` in src/app.ts:26 mounts without auth, while the app protects other mounts with `requireAuth`; add auth to the mount or to this route, or list the path in `publicPaths` if the route is public on purpose.",
      "src/routes/comments.ts:13:16 `DELETE /comments/:id` is registered on `commentsRouter`, which `app.use(\"/comments\", …)` in src/app.ts:22 mounts without auth, while the app protects other mounts with `requireAuth`; add auth to the mount or to this route, or list the path in `publicPaths` if the route is public on purpose.",
      "src/routes/comments.ts:9:16 `POST /comments` is registered on `commentsRouter`, which `app.use(\"/comments\", …)` in src/app.ts:22 mounts without auth, while the app protects other mounts with `requireAuth`; add auth to the mount or to this route, or list the path in `publicPaths` if the route is public on purpose.",
      "src/routes/reports.ts:5:9 `POST /v2/reports` is registered on `reports`, which `v2.use(\"/reports\", …)` in src/routes/v2.ts:5 mounts without auth, while the app protects other mounts with `requireAuth`; add auth to the mount or to this route, or list the path in `publicPaths` if the route is public on purpose.",
    ]);
  });

  it("Express + CommonJS: require() of a file, of a folder index, named exports, an express() sub-app; global auth before a mount covers it, a mount before it is public on purpose", async () => {
    expect(await lintProject("express-cjs")).toEqual([
      "apps/uploads.js:6:9 `POST /uploads` is registered on `uploads`, which `app.use(\"/uploads\", …)` in app.js:12 mounts without auth, while the app protects other mounts with `passport.authenticate(\"jwt\", { session: false })`; add auth to the mount or to this route, or list the path in `publicPaths` if the route is public on purpose.",
      "routes/invoices.js:7:8 `POST /invoices/:id/pay` is registered on `router`, which `app.use(\"/invoices\", …)` in app.js:10 mounts without auth, while the app protects other mounts with `passport.authenticate(\"jwt\", { session: false })`; add auth to the mount or to this route, or list the path in `publicPaths` if the route is public on purpose.",
    ]);
  });

  it("Fastify: plugins registered with a prefix inside an instance with an onRequest auth hook are covered; one registered beside it is reported", async () => {
    expect(await lintProject("fastify-ts")).toEqual([
      "src/routes/comments.ts:5:7 `POST /comments` is registered on `app`, which `app.register(…)` in src/server.ts:13 mounts without auth, while the app protects other mounts with `instance.authenticate`; add auth to the mount or to this route, or list the path in `publicPaths` if the route is public on purpose.",
    ]);
  });

  it("Hono app.route() under a prefixed use(jwt()) and koa-router nested routers", async () => {
    expect(await lintProject("hono-koa")).toEqual([
      "src/hono/uploads.ts:4:9 `POST /uploads` is registered on `uploads`, which `app.route(\"/uploads\", …)` in src/hono/app.ts:9 mounts without auth, while the app protects other mounts with `jwt({ secret: process.env.JWT_SECRET! })`; add auth to the mount or to this route, or list the path in `publicPaths` if the route is public on purpose.",
      "src/koa/carts.ts:4:7 `POST /carts/:id/items` is registered on `carts`, which `api.use(\"/carts\", …)` in src/koa/app.ts:10 mounts without auth, while the app protects other mounts with `requireAdmin`; add auth to the mount or to this route, or list the path in `publicPaths` if the route is public on purpose.",
    ]);
  });

  it("stays silent when the app protects routes one by one inside routers but no mount: that is each router's own policy", async () => {
    expect(await lintProject("express-per-route")).toEqual([]);
  });

  it("leaves out what .gitignore ignores: a generated copy of the server that mounts a router without auth does not count", async () => {
    const files: Record<string, string> = {
      "package.json": '{ "name": "shop", "private": true }',
      "src/auth.js": "module.exports = { requireAuth: (req, res, next) => next() };\n",
      "src/orders.js": 'const router = require("express").Router();\nrouter.post("/", (req, res) => res.json({}));\nmodule.exports = router;\n',
      "src/users.js": 'const router = require("express").Router();\nrouter.post("/", (req, res) => res.json({}));\nmodule.exports = router;\n',
      "src/app.js": [
        'const express = require("express");',
        'const { requireAuth } = require("./auth");',
        "const app = express();",
        'app.use("/users", requireAuth, require("./users"));',
        'app.use("/orders", requireAuth, require("./orders"));',
        "module.exports = app;",
        "",
      ].join("\n"),
      "generated/server-copy.js": [
        'const express = require("express");',
        'const { requireAuth } = require("../src/auth");',
        "const app = express();",
        'app.use("/users", requireAuth, require("../src/users"));',
        'app.use("/orders", require("../src/orders"));',
        "",
      ].join("\n"),
    };
    const lintOrders = async (withGitignore: boolean) => {
      const root = mkdtempSync(path.join(tmpdir(), "vibeguard-auth-ignore-"));
      for (const [file, text] of Object.entries({ ...files, ...(withGitignore ? { ".gitignore": "generated/\n" } : {}) })) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      execFileSync("git", ["init", "-q"], { cwd: root });
      const [result] = await eslintWithRules(root, { [RULE]: "warn" }, { sourceType: "commonjs" }).lintFiles(["src/orders.js"]);
      return result!.messages.map((message) => `${message.line} ${message.message.replace(/ in \S+:\d+ mounts/, " mounts").slice(0, 90)}`);
    };
    expect(await lintOrders(false), "the copy is seen when nothing ignores it").toEqual(["2 `POST /orders` is registered on `router`, which `app.use(\"/orders\", …)` mounts without aut"]);
    expect(await lintOrders(true)).toEqual([]);
  });
});
