import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import type { Options } from "../../../src/rules/require-auth-middleware/index.js";
import { code } from "../../code.js";

type Case = ValidTestCase<Options>;

/** Routers that protect everything, public routes by nature or by configuration, and files with no auth to compare with. */
export const validCases: Case[] = [
  { name: "every route has the middleware", code: 'router.post("/", requireAuth, create);\nrouter.put("/:id", requireAuth, update);\nrouter.delete("/:id", requireAuth, remove);' },
  { name: "router.use(auth) before the routes", code: 'router.use(requireAuth);\nrouter.post("/", create);\nrouter.delete("/:id", remove);' },
  { name: "router.use(auth) with passport", code: 'router.use(passport.authenticate("jwt", { session: false }));\nrouter.post("/me/avatar", upload);\nrouter.get("/orders", listOrders);' },
  { name: "app.use(auth) for the whole app after public routes", code: 'app.post("/login", login);\napp.use(requireAuth);\napp.get("/orders", list);\napp.post("/orders", create);' },
  { name: "no auth anywhere in the file (nothing to compare with)", code: 'router.post("/", create);\nrouter.delete("/:id", remove);' },
  { name: "login, register and logout are public by nature", code: 'router.get("/me", requireAuth, me);\nrouter.post("/login", login);\nrouter.post("/register", register);\nrouter.post("/logout", logout);' },
  { name: "password reset and email verification", code: 'router.get("/account", requireAuth, account);\nrouter.post("/forgot-password", forgot);\nrouter.post("/reset-password/:token", reset);\nrouter.post("/verify-email", verify);' },
  { name: "OAuth callbacks", code: 'router.get("/profile", ensureLoggedIn(), profile);\nrouter.post("/auth/github/callback", githubCallback);\nrouter.post("/oauth/token", issueToken);' },
  { name: "webhooks are authenticated by signature", code: 'router.post("/orders", requireAuth, createOrder);\nrouter.post("/webhooks/stripe", express.raw({ type: "application/json" }), stripeWebhook);' },
  { name: "health checks", code: 'app.post("/admin/reindex", requireAdmin, reindex);\napp.get("/health", health);\napp.post("/status/ping", ping);' },
  { name: "signup and sessions", code: 'router.delete("/sessions/current", requireAuth, logout);\nrouter.post("/signup", signup);\nrouter.post("/sessions", createSession);' },
  { name: "publicPaths option: exact", options: [{ publicPaths: ["/contact"] }], code: 'router.post("/messages", requireAuth, send);\nrouter.post("/contact", contactForm);' },
  { name: "publicPaths option: a path of two segments is a path, not /pattern/flags", options: [{ publicPaths: ["/orders/export", "/users/i"] }], code: 'router.post("/orders", requireAuth, create);\nrouter.post("/orders/export", exportOrders);\nrouter.delete("/users/i", forgetMe);' },
  { name: "publicPaths option: regex", options: [{ publicPaths: ["/^\\/public-api\\//"] }], code: 'router.post("/keys", requireAuth, createKey);\nrouter.post("/public-api/quotes", quote);' },
  { name: "a public GET of catalogue data is not a user-data read", code: 'router.get("/inventory", requireAuth, inventory);\nrouter.get("/", listProducts);\nrouter.get("/:slug", getProduct);' },
  { name: "checkReads: false", options: [{ checkReads: false }], code: 'router.get("/orders", requireAuth, listOrders);\nrouter.get("/orders/:id", getOrder);' },
  { name: "user-data GET when no other GET is protected", code: 'router.post("/orders", requireAuth, createOrder);\nrouter.get("/orders/:id", getOrder);' },
  { name: "different routers in one file", code: 'adminRouter.post("/users", requireAdmin, createUser);\npublicRouter.post("/newsletter", subscribe);' },
  { name: "use('/api', auth) covers routes under /api", code: 'app.use("/api", requireAuth);\napp.post("/admin", requireAdmin, x);\napp.post("/api/items", createItem);\napp.delete("/api/items/:id", deleteItem);' },
  { name: "Hono: use('/api/*', jwt()) covers /api routes", code: 'import { jwt } from "hono/jwt";\napp.use("/api/*", jwt({ secret: s, alg: "HS256" }));\napp.post("/admin/x", bearerAuth({ token }), (c) => c.json({}));\napp.post("/api/posts", (c) => c.json({}));' },
  { name: "Fastify: addHook onRequest covers the instance", code: 'fastify.addHook("onRequest", fastify.authenticate);\nfastify.get("/me", { onRequest: [fastify.authenticate] }, me);\nfastify.post("/me/password", changePassword);' },
  { name: "Fastify: preHandler hook on every route", code: 'app.post("/orders", { preHandler: [app.authenticate] }, create);\napp.delete("/orders/:id", { preHandler: [app.authenticate] }, remove);' },
  { name: "route middleware that is not auth", code: 'router.post("/upload", upload.single("file"), save);\nrouter.delete("/files/:id", remove);' },
  { name: "express.json / rateLimit are not auth", code: 'router.post("/", express.json(), rateLimit({ max: 5 }), create);\nrouter.delete("/:id", remove);' },
  { name: "an author router is not auth", code: 'router.post("/books", authorExists, createBook);\nrouter.delete("/books/:id", deleteBook);' },
  { name: "app.get of a setting is not a route", code: 'app.post("/x", requireAuth, x);\nconst env = app.get("env");\napp.set("trust proxy", 1);' },
  { name: "routes with a non-literal path are not judged", code: 'router.post(ROUTES.create, requireAuth, create);\nrouter.delete(ROUTES.remove, remove);' },
  { name: "a Map.delete call is not a route", code: 'router.post("/cache", requireAuth, warm);\ncache.delete("/cache");\nmap.delete(key);' },
  {
    name: "NestJS: @UseGuards on the controller",
    code: code`
      @Controller("cats")
      @UseGuards(JwtAuthGuard)
      export class CatsController {
        @Post() create(@Body() dto: CreateCatDto) { return this.cats.create(dto); }
        @Delete(":id") remove(@Param("id") id: string) { return this.cats.remove(id); }
      }
    `,
  },
  {
    name: "NestJS: @Public() marks a handler public",
    code: code`
      @Controller("auth")
      export class AuthController {
        @UseGuards(JwtAuthGuard) @Get("me") me(@Req() req) { return req.user; }
        @Public() @Post("feedback-form") feedback(@Body() dto: FeedbackDto) { return this.feedback.save(dto); }
      }
    `,
  },
  {
    name: "NestJS: no guards in the controller (a global guard, presumably)",
    code: code`
      @Controller("orders")
      export class OrdersController {
        @Post() create(@Body() dto: CreateOrderDto) { return this.orders.create(dto); }
        @Delete(":id") remove(@Param("id") id: string) { return this.orders.remove(id); }
      }
    `,
  },
  {
    name: "NestJS: every write handler guarded",
    code: code`
      @Controller("orders")
      export class OrdersController {
        @Get() list() { return this.orders.list(); }
        @UseGuards(AuthGuard("jwt")) @Post() create(@Body() dto: CreateOrderDto) { return this.orders.create(dto); }
        @UseGuards(AuthGuard("jwt")) @Delete(":id") remove(@Param("id") id: string) { return this.orders.remove(id); }
      }
    `,
  },
  {
    name: "NestJS: a login handler is public by path",
    code: code`
      @Controller("auth")
      export class AuthController {
        @UseGuards(LocalAuthGuard) @Post("login") login(@Req() req) { return this.auth.login(req.user); }
        @Post("register") register(@Body() dto: RegisterDto) { return this.auth.register(dto); }
      }
    `,
  },
  {
    name: "NestJS: a class that is not a controller",
    code: code`
      @Injectable()
      export class OrdersService {
        @UseGuards(X) @Post() a() {}
        @Delete() b() {}
      }
    `,
  },
  {
    name: "Next.js: every export checks the session",
    filename: "app/api/notes/route.ts",
    code: code`
      export async function GET() { const session = await auth(); return Response.json(await list(session)); }
      export async function POST(req: Request) { const session = await auth(); return Response.json(await create(session, await req.json())); }
    `,
  },
  {
    name: "Next.js: no export checks (middleware.ts protects the routes)",
    filename: "app/api/notes/route.ts",
    code: code`
      export async function GET() { return Response.json(await list()); }
      export async function POST(req: Request) { return Response.json(await create(await req.json())); }
    `,
  },
  {
    name: "Next.js: a public GET next to a checked POST",
    filename: "app/api/posts/route.ts",
    code: code`
      export async function GET() { return Response.json(await listPublishedPosts()); }
      export async function POST(req: Request) { const session = await getServerSession(authOptions); if (!session) return new Response(null, { status: 401 }); return Response.json(await createPost(await req.json())); }
    `,
  },
  {
    name: "Next.js: one export only",
    filename: "app/api/upload/route.ts",
    code: "export async function POST(req: Request) { return Response.json(await save(await req.formData())); }",
  },
  {
    name: "Koa: router.use(jwt) first",
    code: 'const jwt = require("koa-jwt");\nrouter.use(jwt({ secret }));\nrouter.post("/articles", create);\nrouter.del("/articles/:slug", remove);',
  },
  {
    name: "CommonJS Express app with a protected API router mounted under auth",
    filename: "app.js",
    code: 'const express = require("express");\nconst app = express();\napp.use("/api", authenticateToken, apiRouter);\napp.post("/api/uploads", upload);\napp.get("/", (req, res) => res.render("index"));',
  },
  {
    name: "GET reads of a protected router that are not user data",
    code: 'router.get("/me", requireAuth, me);\nrouter.get("/countries", listCountries);\nrouter.get("/plans", listPlans);',
  },
];
