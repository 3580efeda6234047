import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/require-auth-middleware/index.js";
import { code } from "../../code.js";

type Case = InvalidTestCase<MessageIds, Options>;

const at = (messageId: MessageIds, line: number, column: number) => ({ messageId, line, column });
/** A missing-auth report without a suggestion (the middleware cannot be copied). */
const bare = (line: number, column: number) => ({ ...at("missingAuth", line, column), suggestions: [] });

/** A missing-auth report whose suggestion rewrites `from` into `to` in `source`. */
const fixed = (line: number, column: number, source: string, from: string, to: string) => ({
  ...at("missingAuth", line, column),
  suggestions: [{ messageId: "addAuth" as const, output: source.replace(from, to) }],
});

const cartRoutes = code`
  const router = require("express").Router();
  const auth = require("../middleware/auth");
  router.post("/cart/items", auth, addItem);
  router.delete("/cart/items/:id", removeItem);
  module.exports = router;
`;
const accountRoutes = code`
  import { Router } from "express";
  import { isLoggedIn } from "./auth";
  export const account = Router();
  account.get("/account", isLoggedIn, showAccount);
  account.delete("/account", deleteAccount);
`;
const addressRoutes = code`
  router.get("/users/:id", authenticate, getUser);
  router.get("/users/:id/addresses", listAddresses);
`;
const jwtConstRoutes = code`
  const jwtAuth = passport.authenticate("jwt", { session: false });
  router.post("/wallet/topup", jwtAuth, topUp);
  router.post("/wallet/withdraw", withdraw);
`;
const clerkRoutes = code`
  import { requireAuth } from "@clerk/express";
  app.get("/api/dashboard", requireAuth(), dashboard);
  app.put("/api/dashboard/layout", saveLayout);
`;
const koaRoutes = code`
  router.post("/boards", koaJwt, createBoard);
  router.patch("/boards/:id", renameBoard);
`;
const honoBasicRoutes = code`
  import { basicAuth } from "hono/basic-auth";
  app.get("/admin/stats", basicAuth({ username: "admin", password: process.env.ADMIN_PASSWORD! }), (c) => c.json(stats()));
  app.post("/admin/purge", (c) => c.json(purge()));
`;
const permissionRoutes = code`
  router.post("/orders/:id/ship", checkPermission("orders:write"), shipOrder);
  router.post("/orders/:id/cancel", cancelOrder);
`;
const localMiddlewareRoutes = code`
  function ensureAuthenticated(req, res, next) {
    if (req.isAuthenticated()) return next();
    res.redirect("/login");
  }
  app.post("/notes", ensureAuthenticated, createNote);
  app.put("/notes/:id", updateNote);
`;
const beforeUseRoutes = code`
  admin.post("/broadcast", requireAdmin, broadcast);
  admin.delete("/users/:id", deleteUser);
  admin.use(requireAdmin);
`;
const tsRoutes = code`
  import express, { type Request, type Response } from "express";
  import { authenticate } from "../middleware/authenticate";
  const router = express.Router();
  router.post("/subscriptions", authenticate, async (req: Request, res: Response) => res.json(await subscribe(req)));
  router.patch("/subscriptions/:id", async (req: Request, res: Response) => res.json(await changePlan(req)));
  export default router;
`;

/** Routes registered without the auth the rest of their router, controller or route file uses. */
export const invalidCases: Case[] = [
  {
    name: "Express (ESM): a DELETE added without the requireAuth its siblings have",
    code: code`
      import { Router } from "express";
      import { requireAuth } from "../middleware/auth.js";
      export const posts = Router();
      posts.post("/", requireAuth, createPost);
      posts.put("/:id", requireAuth, updatePost);
      posts.delete("/:id", deletePost);
    `,
    errors: [
      {
        ...at("missingAuth", 6, 7),
        data: { method: "DELETE", path: "/:id", container: "posts", auth: "`requireAuth`" },
        suggestions: [
          {
            messageId: "addAuth",
            data: { auth: "`requireAuth`" },
            output: code`
              import { Router } from "express";
              import { requireAuth } from "../middleware/auth.js";
              export const posts = Router();
              posts.post("/", requireAuth, createPost);
              posts.put("/:id", requireAuth, updatePost);
              posts.delete("/:id", requireAuth, deletePost);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Express (CommonJS): passport.authenticate on some routes",
    filename: "routes/api.js",
    code: code`
      const passport = require("passport");
      const router = require("express").Router();
      router.get("/me", passport.authenticate("jwt", { session: false }), (req, res) => res.json(req.user));
      router.post("/me/avatar", (req, res) => uploadAvatar(req, res));
      module.exports = router;
    `,
    errors: [
      {
        ...at("missingAuth", 4, 8),
        data: { method: "POST", path: "/me/avatar", container: "router", auth: '`passport.authenticate("jwt", { session: false })`' },
        suggestions: [
          {
            messageId: "addAuth",
            output: code`
              const passport = require("passport");
              const router = require("express").Router();
              router.get("/me", passport.authenticate("jwt", { session: false }), (req, res) => res.json(req.user));
              router.post("/me/avatar", passport.authenticate("jwt", { session: false }), (req, res) => uploadAvatar(req, res));
              module.exports = router;
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Express: express-jwt middleware held in a const",
    code: code`
      import { expressjwt } from "express-jwt";
      const checkJwt = expressjwt({ secret: process.env.JWT_SECRET!, algorithms: ["HS256"] });
      app.post("/api/projects", checkJwt, createProject);
      app.patch("/api/projects/:id", updateProject);
    `,
    errors: [{ ...at("missingAuth", 4, 5), suggestions: [{ messageId: "addAuth", output: code`
      import { expressjwt } from "express-jwt";
      const checkJwt = expressjwt({ secret: process.env.JWT_SECRET!, algorithms: ["HS256"] });
      app.post("/api/projects", checkJwt, createProject);
      app.patch("/api/projects/:id", checkJwt, updateProject);
    ` }] }],
  },
  {
    name: "Express: ensureLoggedIn() from connect-ensure-login",
    code: code`
      const { ensureLoggedIn } = require("connect-ensure-login");
      app.get("/settings", ensureLoggedIn(), renderSettings);
      app.post("/settings", saveSettings);
    `,
    errors: [{ ...at("missingAuth", 3, 5), suggestions: [{ messageId: "addAuth", output: code`
      const { ensureLoggedIn } = require("connect-ensure-login");
      app.get("/settings", ensureLoggedIn(), renderSettings);
      app.post("/settings", ensureLoggedIn(), saveSettings);
    ` }] }],
  },
  {
    name: "Express: isAuthenticated on writes, one write without it, with an inline handler",
    code: code`
      router.post("/comments", isAuthenticated, async (req, res) => res.json(await addComment(req)));
      router.delete("/comments/:id", async (req, res) => {
        await Comment.deleteOne({ _id: req.params.id });
        res.sendStatus(204);
      });
    `,
    errors: [{ ...at("missingAuth", 2, 8), suggestions: [{ messageId: "addAuth", output: code`
      router.post("/comments", isAuthenticated, async (req, res) => res.json(await addComment(req)));
      router.delete("/comments/:id", isAuthenticated, async (req, res) => {
        await Comment.deleteOne({ _id: req.params.id });
        res.sendStatus(204);
      });
    ` }] }],
  },
  {
    name: "Express: a user-data read without the auth other reads have",
    code: code`
      router.get("/orders", requireAuth, listOrders);
      router.get("/orders/:id", getOrder);
    `,
    errors: [{ ...at("missingAuth", 2, 8), data: { method: "GET", path: "/orders/:id", container: "router", auth: "`requireAuth`" }, suggestions: [{ messageId: "addAuth", output: code`
      router.get("/orders", requireAuth, listOrders);
      router.get("/orders/:id", requireAuth, getOrder);
    ` }] }],
  },
  {
    name: "Express: several unprotected writes are each reported",
    code: code`
      router.post("/invoices", authMiddleware, createInvoice);
      router.put("/invoices/:id", updateInvoice);
      router.delete("/invoices/:id", removeInvoice);
    `,
    errors: [
      { ...at("missingAuth", 2, 8), suggestions: [{ messageId: "addAuth", output: 'router.post("/invoices", authMiddleware, createInvoice);\nrouter.put("/invoices/:id", authMiddleware, updateInvoice);\nrouter.delete("/invoices/:id", removeInvoice);' }] },
      { ...at("missingAuth", 3, 8), suggestions: [{ messageId: "addAuth", output: 'router.post("/invoices", authMiddleware, createInvoice);\nrouter.put("/invoices/:id", updateInvoice);\nrouter.delete("/invoices/:id", authMiddleware, removeInvoice);' }] },
    ],
  },
  {
    name: "Express: a write registered before router.use(auth) is covered only after it",
    code: code`
      router.post("/api-keys", verifyToken, createKey);
      router.delete("/api-keys/:id", deleteKey);
      router.use(verifyToken);
      router.get("/api-keys", listKeys);
    `,
    errors: [{ ...at("missingAuth", 2, 8), suggestions: [{ messageId: "addAuth", output: code`
      router.post("/api-keys", verifyToken, createKey);
      router.delete("/api-keys/:id", verifyToken, deleteKey);
      router.use(verifyToken);
      router.get("/api-keys", listKeys);
    ` }] }],
  },
  {
    name: "Express: use('/admin', auth) does not cover a route outside /admin",
    code: code`
      app.use("/admin", requireAdmin);
      app.post("/admin/users", requireAdmin, createUser);
      app.post("/reports", generateReport);
    `,
    errors: [{ ...at("missingAuth", 3, 5), suggestions: [{ messageId: "addAuth", output: code`
      app.use("/admin", requireAdmin);
      app.post("/admin/users", requireAdmin, createUser);
      app.post("/reports", requireAdmin, generateReport);
    ` }] }],
  },
  {
    name: "Express: router.route(path) chains",
    code: code`
      router.route("/profile").get(requireUser, showProfile).put(updateProfile);
    `,
    errors: [{ ...at("missingAuth", 1, 56), suggestions: [{ messageId: "addAuth", output: 'router.route("/profile").get(requireUser, showProfile).put(requireUser, updateProfile);' }] }],
  },
  {
    name: "Express: router.all without auth",
    code: code`
      router.post("/webhooks/stripe", stripeWebhook);
      router.post("/billing/portal", requireAuth, openPortal);
      router.all("/billing/cancel", cancelSubscription);
    `,
    errors: [{ ...at("missingAuth", 3, 8), suggestions: [{ messageId: "addAuth", output: code`
      router.post("/webhooks/stripe", stripeWebhook);
      router.post("/billing/portal", requireAuth, openPortal);
      router.all("/billing/cancel", requireAuth, cancelSubscription);
    ` }] }],
  },
  {
    name: "Express: a role check counts as the router's auth",
    code: code`
      adminRouter.post("/products", requireRole("admin"), createProduct);
      adminRouter.delete("/products/:id", deleteProduct);
    `,
    errors: [{ ...at("missingAuth", 2, 13), suggestions: [{ messageId: "addAuth", output: code`
      adminRouter.post("/products", requireRole("admin"), createProduct);
      adminRouter.delete("/products/:id", requireRole("admin"), deleteProduct);
    ` }] }],
  },
  {
    name: "Express: an array of middleware counts, and cannot be copied",
    code: code`
      router.post("/teams", [authenticate, rateLimit], createTeam);
      router.patch("/teams/:id", updateTeam);
    `,
    errors: [{ ...at("missingAuth", 2, 8), data: { method: "PATCH", path: "/teams/:id", container: "router", auth: "the auth middleware" }, suggestions: [] }],
  },
  {
    name: "Express: a template-literal path",
    code: code`
      const base = "/api/v1";
      app.post(\`/api/v1/cards\`, protect, createCard);
      app.delete(\`/api/v1/cards/:id\`, deleteCard);
    `,
    errors: [{ ...at("missingAuth", 3, 5), suggestions: [{ messageId: "addAuth", output: code`
      const base = "/api/v1";
      app.post(\`/api/v1/cards\`, protect, createCard);
      app.delete(\`/api/v1/cards/:id\`, protect, deleteCard);
    ` }] }],
  },
  {
    name: "Express: this.router in a class-based router",
    code: code`
      export class UserRoutes {
        router = Router();
        constructor() {
          this.router.get("/users/me", this.auth.required, this.controller.me);
          this.router.put("/users/me", this.controller.update);
        }
      }
    `,
    errors: [{ ...at("missingAuth", 5, 17), suggestions: [{ messageId: "addAuth", output: code`
      export class UserRoutes {
        router = Router();
        constructor() {
          this.router.get("/users/me", this.auth.required, this.controller.me);
          this.router.put("/users/me", this.auth.required, this.controller.update);
        }
      }
    ` }] }],
  },
  // --- Fastify ------------------------------------------------------------------------------------
  {
    name: "Fastify: onRequest: [fastify.authenticate] on one route, not another",
    code: code`
      fastify.get("/me", { onRequest: [fastify.authenticate] }, async (request) => request.user);
      fastify.post("/me/password", async (request) => changePassword(request.user, request.body));
    `,
    errors: [{ ...bare(2, 9), data: { method: "POST", path: "/me/password", container: "fastify", auth: "the auth middleware" } }],
  },
  {
    name: "Fastify: preHandler fastify.auth([...])",
    code: code`
      app.post("/orders", { preHandler: app.auth([app.verifyJWT]) }, createOrder);
      app.delete("/orders/:id", deleteOrder);
    `,
    errors: [bare(2, 5)],
  },
  {
    name: "Fastify: addHook in another instance does not cover this one",
    code: code`
      admin.addHook("onRequest", admin.authenticate);
      api.put("/items/:id", { onRequest: api.authenticate }, updateItem);
      api.delete("/items/:id", deleteItem);
    `,
    errors: [bare(3, 5)],
  },
  // --- Hono ---------------------------------------------------------------------------------------
  {
    name: "Hono: bearerAuth on one route, not another",
    code: code`
      import { Hono } from "hono";
      import { bearerAuth } from "hono/bearer-auth";
      const app = new Hono();
      const auth = bearerAuth({ token: process.env.API_TOKEN! });
      app.post("/posts", auth, (c) => c.json(createPost()));
      app.delete("/posts/:id", (c) => c.json(deletePost(c.req.param("id"))));
    `,
    errors: [{ ...at("missingAuth", 6, 5), suggestions: [{ messageId: "addAuth", output: code`
      import { Hono } from "hono";
      import { bearerAuth } from "hono/bearer-auth";
      const app = new Hono();
      const auth = bearerAuth({ token: process.env.API_TOKEN! });
      app.post("/posts", auth, (c) => c.json(createPost()));
      app.delete("/posts/:id", auth, (c) => c.json(deletePost(c.req.param("id"))));
    ` }] }],
  },
  {
    name: "Hono: use('/api/*', jwt()) does not cover /internal",
    code: code`
      import { jwt } from "hono/jwt";
      app.use("/api/*", jwt({ secret: "x", alg: "HS256" }));
      app.post("/api/notes", (c) => c.json({}));
      app.post("/internal/flush", (c) => c.json(flushCaches()));
      app.get("/api/me", jwt({ secret: "x", alg: "HS256" }), (c) => c.json({}));
    `,
    errors: [{ ...at("missingAuth", 4, 5), suggestions: [{ messageId: "addAuth", output: code`
      import { jwt } from "hono/jwt";
      app.use("/api/*", jwt({ secret: "x", alg: "HS256" }));
      app.post("/api/notes", (c) => c.json({}));
      app.post("/internal/flush", jwt({ secret: "x", alg: "HS256" }), (c) => c.json(flushCaches()));
      app.get("/api/me", jwt({ secret: "x", alg: "HS256" }), (c) => c.json({}));
    ` }] }],
  },
  // --- Koa ----------------------------------------------------------------------------------------
  {
    name: "Koa router: koa-jwt on some routes",
    code: code`
      const jwt = require("koa-jwt");
      const auth = jwt({ secret: process.env.SECRET });
      router.post("/articles", auth, createArticle);
      router.put("/articles/:slug", updateArticle);
    `,
    errors: [{ ...at("missingAuth", 4, 8), suggestions: [{ messageId: "addAuth", output: code`
      const jwt = require("koa-jwt");
      const auth = jwt({ secret: process.env.SECRET });
      router.post("/articles", auth, createArticle);
      router.put("/articles/:slug", auth, updateArticle);
    ` }] }],
  },
  // --- NestJS -------------------------------------------------------------------------------------
  {
    name: "NestJS: @UseGuards on one handler, a @Delete without it",
    code: code`
      import { Controller, Delete, Get, Param, UseGuards } from "@nestjs/common";
      import { AuthGuard } from "@nestjs/passport";
      @Controller("cats")
      export class CatsController {
        @Get(":id")
        @UseGuards(AuthGuard("jwt"))
        findOne(@Param("id") id: string) {
          return this.cats.findOne(id);
        }

        @Delete(":id")
        remove(@Param("id") id: string) {
          return this.cats.remove(id);
        }
      }
    `,
    errors: [
      {
        ...at("missingGuard", 11, 3),
        data: { verb: "Delete", path: '":id"', name: "remove", guard: '`@UseGuards(AuthGuard("jwt"))`' },
        suggestions: [
          {
            messageId: "addGuard",
            output: code`
              import { Controller, Delete, Get, Param, UseGuards } from "@nestjs/common";
              import { AuthGuard } from "@nestjs/passport";
              @Controller("cats")
              export class CatsController {
                @Get(":id")
                @UseGuards(AuthGuard("jwt"))
                findOne(@Param("id") id: string) {
                  return this.cats.findOne(id);
                }

                @UseGuards(AuthGuard("jwt"))
                @Delete(":id")
                remove(@Param("id") id: string) {
                  return this.cats.remove(id);
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "NestJS: a @Post and a @Patch without the JwtAuthGuard others use",
    code: code`
      @Controller("orders")
      export class OrdersController {
        @UseGuards(JwtAuthGuard)
        @Post()
        create(@Body() dto: CreateOrderDto) {
          return this.orders.create(dto);
        }
        @Patch(":id")
        update(@Param("id") id: string, @Body() dto: UpdateOrderDto) {
          return this.orders.update(id, dto);
        }
        @Post(":id/refund")
        refund(@Param("id") id: string) {
          return this.orders.refund(id);
        }
      }
    `,
    errors: [
      { ...at("missingGuard", 8, 3), suggestions: [{ messageId: "addGuard", output: code`
        @Controller("orders")
        export class OrdersController {
          @UseGuards(JwtAuthGuard)
          @Post()
          create(@Body() dto: CreateOrderDto) {
            return this.orders.create(dto);
          }
          @UseGuards(JwtAuthGuard)
          @Patch(":id")
          update(@Param("id") id: string, @Body() dto: UpdateOrderDto) {
            return this.orders.update(id, dto);
          }
          @Post(":id/refund")
          refund(@Param("id") id: string) {
            return this.orders.refund(id);
          }
        }
      ` }] },
      { ...at("missingGuard", 12, 3), suggestions: [{ messageId: "addGuard", output: code`
        @Controller("orders")
        export class OrdersController {
          @UseGuards(JwtAuthGuard)
          @Post()
          create(@Body() dto: CreateOrderDto) {
            return this.orders.create(dto);
          }
          @Patch(":id")
          update(@Param("id") id: string, @Body() dto: UpdateOrderDto) {
            return this.orders.update(id, dto);
          }
          @UseGuards(JwtAuthGuard)
          @Post(":id/refund")
          refund(@Param("id") id: string) {
            return this.orders.refund(id);
          }
        }
      ` }] },
    ],
  },
  // --- Next.js ------------------------------------------------------------------------------------
  {
    name: "Next.js route file: GET checks auth(), DELETE does not",
    filename: "app/api/projects/[id]/route.ts",
    code: code`
      import { auth } from "@/auth";
      export async function GET(req: Request, { params }: { params: { id: string } }) {
        const session = await auth();
        if (!session) return new Response("Unauthorized", { status: 401 });
        return Response.json(await getProject(params.id, session.user.id));
      }
      export async function DELETE(req: Request, { params }: { params: { id: string } }) {
        await prisma.project.delete({ where: { id: params.id } });
        return new Response(null, { status: 204 });
      }
    `,
    errors: [{ ...at("missingSessionCheck", 7, 23), data: { method: "DELETE", check: "auth", checkedBy: "GET" } }],
  },
  {
    name: "Next.js route file: getServerSession in POST, not in PUT (arrow export)",
    filename: "app/api/settings/route.ts",
    code: code`
      import { getServerSession } from "next-auth";
      export async function POST(req: Request) {
        const session = await getServerSession(authOptions);
        if (!session) return new Response(null, { status: 401 });
        return Response.json(await createSetting(await req.json()));
      }
      export const PUT = async (req: Request) => Response.json(await updateSetting(await req.json()));
    `,
    errors: [{ ...at("missingSessionCheck", 7, 14), data: { method: "PUT", check: "getServerSession", checkedBy: "POST" } }],
  },
  {
    // The rule looks at a file's exports only when one of them declares a state-changing handler; here the
    // only one is the second declarator of a declaration that starts with GET.
    name: "Next.js route file: PATCH declared next to GET in one export",
    filename: "app/api/profile/route.ts",
    code: code`
      import { auth } from "@/auth";
      export const GET = async () => {
          const session = await auth();
          return Response.json(await loadProfile(session?.user?.id));
        },
        PATCH = async (req: Request) => Response.json(await saveProfile(await req.json()));
    `,
    errors: [{ ...at("missingSessionCheck", 6, 3), data: { method: "PATCH", check: "auth", checkedBy: "GET" } }],
  },
  {
    name: "Next.js route file: Supabase auth.getUser in one export",
    filename: "app/api/notes/route.ts",
    code: code`
      export async function GET() {
        const { data } = await supabase.auth.getUser();
        return Response.json(await listNotes(data.user!.id));
      }
      export async function PATCH(request: Request) {
        return Response.json(await updateNote(await request.json()));
      }
    `,
    errors: [at("missingSessionCheck", 5, 23)],
  },
  // --- more Express, Koa and Hono shapes with a copyable middleware ----------------------------------
  { name: "Express (CommonJS): an auth module on one cart route", filename: "routes/cart.js", code: cartRoutes, errors: [fixed(4, 8, cartRoutes, '"/cart/items/:id", ', '"/cart/items/:id", auth, ')] },
  { name: "Express (ESM): deleting the account without isLoggedIn", code: accountRoutes, errors: [fixed(5, 9, accountRoutes, 'account.delete("/account", ', 'account.delete("/account", isLoggedIn, ')] },
  { name: "Express: a nested user-data read", code: addressRoutes, errors: [fixed(2, 8, addressRoutes, '"/users/:id/addresses", ', '"/users/:id/addresses", authenticate, ')] },
  { name: "Express: passport middleware kept in a const", code: jwtConstRoutes, errors: [fixed(3, 8, jwtConstRoutes, '"/wallet/withdraw", ', '"/wallet/withdraw", jwtAuth, ')] },
  { name: "Express: Clerk requireAuth()", code: clerkRoutes, errors: [fixed(3, 5, clerkRoutes, '"/api/dashboard/layout", ', '"/api/dashboard/layout", requireAuth(), ')] },
  { name: "Koa: koa-jwt middleware under another name", code: koaRoutes, errors: [fixed(2, 8, koaRoutes, '"/boards/:id", ', '"/boards/:id", koaJwt, ')] },
  { name: "Hono: basicAuth on the admin stats only", code: honoBasicRoutes, errors: [fixed(3, 5, honoBasicRoutes, '"/admin/purge", ', '"/admin/purge", basicAuth({ username: "admin", password: process.env.ADMIN_PASSWORD! }), ')] },
  { name: "Express: a permission check", code: permissionRoutes, errors: [fixed(2, 8, permissionRoutes, '"/orders/:id/cancel", ', '"/orders/:id/cancel", checkPermission("orders:write"), ')] },
  { name: "Express: a middleware declared in the same file", code: localMiddlewareRoutes, errors: [fixed(6, 5, localMiddlewareRoutes, '"/notes/:id", ', '"/notes/:id", ensureAuthenticated, ')] },
  { name: "Express: a route registered before use(auth)", code: beforeUseRoutes, errors: [fixed(2, 7, beforeUseRoutes, '"/users/:id", ', '"/users/:id", requireAdmin, ')] },
  { name: "Express (TypeScript): typed handlers", code: tsRoutes, errors: [fixed(5, 8, tsRoutes, '"/subscriptions/:id", ', '"/subscriptions/:id", authenticate, ')] },
  // --- Fastify: auth in route options cannot be copied as an argument -------------------------------
  {
    name: "Fastify: preValidation auth on one route",
    code: code`
      fastify.put("/profile", { preValidation: [fastify.authenticate] }, updateProfile);
      fastify.delete("/profile", deleteProfile);
    `,
    errors: [bare(2, 9)],
  },
  {
    name: "Fastify (CommonJS plugin): onRequest verifyJWT on some routes",
    filename: "routes/keys.js",
    code: code`
      module.exports = async function (fastify) {
        fastify.post("/keys", { onRequest: fastify.verifyJWT }, createKey);
        fastify.delete("/keys/:id", deleteKey);
      };
    `,
    errors: [bare(3, 11)],
  },
  // --- NestJS and Next.js --------------------------------------------------------------------------
  {
    name: "NestJS: a @Put without the RolesGuard its siblings use",
    code: code`
      @Controller("users")
      export class UsersController {
        @UseGuards(JwtAuthGuard, RolesGuard) @Get(":id") findOne(@Param("id") id: string) { return this.users.findOne(id); }
        @Put(":id") update(@Param("id") id: string, @Body() dto: UpdateUserDto) { return this.users.update(id, dto); }
      }
    `,
    errors: [
      {
        ...at("missingGuard", 4, 3),
        data: { verb: "Put", path: '":id"', name: "update", guard: "`@UseGuards(JwtAuthGuard, RolesGuard)`" },
        suggestions: [
          {
            messageId: "addGuard",
            output: code`
              @Controller("users")
              export class UsersController {
                @UseGuards(JwtAuthGuard, RolesGuard) @Get(":id") findOne(@Param("id") id: string) { return this.users.findOne(id); }
                @UseGuards(JwtAuthGuard, RolesGuard)
                @Put(":id") update(@Param("id") id: string, @Body() dto: UpdateUserDto) { return this.users.update(id, dto); }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "Next.js: Clerk currentUser() in GET, not in POST",
    filename: "app/api/invoices/route.ts",
    code: code`
      import { currentUser } from "@clerk/nextjs/server";
      export async function GET() {
        const user = await currentUser();
        if (!user) return new Response(null, { status: 401 });
        return Response.json(await listInvoices(user.id));
      }
      export async function POST(request: Request) {
        return Response.json(await createInvoice(await request.json()), { status: 201 });
      }
    `,
    errors: [{ ...at("missingSessionCheck", 7, 23), data: { method: "POST", check: "currentUser", checkedBy: "GET" } }],
  },
];
