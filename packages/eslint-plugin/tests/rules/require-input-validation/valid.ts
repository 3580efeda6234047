import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import type { Options } from "../../../src/rules/require-input-validation/index.js";
import { code } from "../../code.js";

type Case = ValidTestCase<Options>;

/** Validation in its usual forms per framework and library, and safe look-alikes. */
export const validCases: Case[] = [
  // --- schema libraries in the handler -------------------------------------------------------------
  {
    name: "zod parse, then write the parsed result",
    code: code`
      import { z } from "zod";
      const CreateUser = z.object({ email: z.string().email(), name: z.string() });
      app.post("/users", async (req, res) => {
        const input = CreateUser.parse(req.body);
        res.json(await User.create(input));
      });
    `,
  },
  {
    name: "zod safeParse with an early return, then req.body",
    code: code`
      app.post("/users", async (req, res) => {
        const parsed = schema.safeParse(req.body);
        if (!parsed.success) return res.status(400).json(parsed.error.flatten());
        res.json(await User.create(req.body));
      });
    `,
  },
  {
    name: "joi validate with an error check",
    filename: "routes.js",
    code: code`
      const Joi = require("joi");
      const schema = Joi.object({ title: Joi.string().required() });
      router.post("/posts", async (req, res) => {
        const { error, value } = schema.validate(req.body);
        if (error) return res.status(400).send(error.details);
        res.json(await Post.create(value));
      });
    `,
  },
  {
    name: "joi validateAsync",
    code: code`
      router.put("/posts/:id", async (req, res) => {
        await postSchema.validateAsync(req.body);
        res.json(await Post.findByIdAndUpdate(req.params.id, req.body));
      });
    `,
  },
  {
    name: "yup validate",
    code: code`
      import * as yup from "yup";
      const schema = yup.object({ name: yup.string().required() });
      app.post("/teams", async (req, res) => {
        const team = await schema.validate(req.body, { stripUnknown: true });
        res.json(await Team.create(team));
      });
    `,
  },
  {
    name: "valibot parse(schema, value)",
    code: code`
      import * as v from "valibot";
      app.post("/tags", async (req, res) => {
        const tag = v.parse(TagSchema, req.body);
        res.json(await prisma.tag.create({ data: tag }));
      });
    `,
  },
  {
    name: "valibot named parse import",
    code: code`
      import { parse } from "valibot";
      app.post("/tags", async (req, res) => {
        parse(TagSchema, req.body);
        res.json(await prisma.tag.create({ data: req.body }));
      });
    `,
  },
  {
    name: "superstruct assert",
    code: code`
      import { assert } from "superstruct";
      app.post("/notes", async (req, res) => {
        assert(req.body, Note);
        res.json(await Notes.insertOne(req.body));
      });
    `,
  },
  {
    name: "ajv compiled validator",
    code: code`
      const validateOrder = ajv.compile(orderSchema);
      app.post("/orders", async (req, res) => {
        if (!validateOrder(req.body)) return res.status(400).json(validateOrder.errors);
        res.json(await Order.create(req.body));
      });
    `,
  },
  {
    name: "TypeBox Value.Check",
    code: code`
      import { Value } from "@sinclair/typebox/value";
      app.post("/items", async (req, res) => {
        if (!Value.Check(ItemSchema, req.body)) return res.sendStatus(400);
        res.json(await Item.create(req.body));
      });
    `,
  },
  {
    name: "class-validator with plainToInstance",
    code: code`
      import { plainToInstance } from "class-transformer";
      import { validateOrReject } from "class-validator";
      app.post("/profiles", async (req, res) => {
        const dto = plainToInstance(CreateProfileDto, req.body);
        await validateOrReject(dto);
        res.json(await profiles.save(dto));
      });
    `,
  },
  {
    name: "a local validate function that throws",
    code: code`
      function validateProduct(input) {
        if (typeof input?.name !== "string") throw new HttpError(400, "name is required");
        return input;
      }
      app.post("/products", async (req, res) => {
        validateProduct(req.body);
        res.json(await Product.create(req.body));
      });
    `,
  },
  {
    name: "express-validator chain with validationResult",
    code: code`
      import { body, validationResult } from "express-validator";
      app.post("/users", body("email").isEmail(), async (req, res) => {
        const errors = validationResult(req);
        if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
        res.json(await User.create(req.body));
      });
    `,
  },
  // --- middleware and route options ------------------------------------------------------------------
  {
    name: "celebrate middleware",
    code: code`
      import { celebrate, Joi, Segments } from "celebrate";
      router.post("/signup", celebrate({ [Segments.BODY]: Joi.object({ email: Joi.string().email() }) }), async (req, res) => {
        res.json(await User.create(req.body));
      });
    `,
  },
  {
    name: "a validate(schema) middleware",
    code: code`
      router.post("/cards", validate(createCardSchema), async (req, res) => {
        res.json(await Card.create(req.body));
      });
    `,
  },
  {
    name: "express-validator array of chains",
    code: code`
      router.post("/comments", [body("text").isString().isLength({ max: 500 })], async (req, res) => {
        res.json(await Comment.create(req.body));
      });
    `,
  },
  {
    name: "controller registered in the same file behind validation middleware",
    filename: "routes/users.js",
    code: code`
      async function createUser(req, res) {
        res.json(await User.create(req.body));
      }
      router.post("/", validateBody(userSchema), createUser);
    `,
  },
  {
    name: "Fastify route with a body schema",
    code: code`
      fastify.post("/products", { schema: { body: ProductSchema } }, async (request, reply) => {
        return prisma.product.create({ data: request.body });
      });
    `,
  },
  {
    name: "Fastify route() with a schema",
    code: code`
      fastify.route({
        method: "POST",
        url: "/users",
        schema: { body: { type: "object", required: ["email"], properties: { email: { type: "string" } } } },
        handler: async (request) => User.create(request.body),
      });
    `,
  },
  {
    name: "Hono zValidator and c.req.valid",
    code: code`
      import { zValidator } from "@hono/zod-validator";
      app.post("/todos", zValidator("json", TodoSchema), async (c) => {
        const todo = c.req.valid("json");
        return c.json(await db.insert(todos).values(todo).returning());
      });
    `,
  },
  {
    name: "tRPC procedure with .input()",
    code: code`
      export const appRouter = router({
        createPost: publicProcedure.input(z.object({ title: z.string() })).mutation(({ input, ctx }) => ctx.db.post.create({ data: input })),
      });
    `,
  },
  {
    name: "NestJS DTO class under a ValidationPipe",
    code: code`
      @Controller("cats")
      export class CatsController {
        @Post()
        create(@Body() createCatDto: CreateCatDto) {
          return this.catsRepository.save(createCatDto);
        }
      }
    `,
  },
  {
    name: "NestJS @Body(new ValidationPipe()) on an untyped body",
    code: code`
      @Controller("dogs")
      export class DogsController {
        @Post()
        create(@Body(new ValidationPipe()) body: any) {
          return this.dogs.save(body);
        }
      }
    `,
  },
  {
    name: "NestJS @UsePipes on the controller",
    code: code`
      @Controller("birds")
      @UsePipes(new ZodValidationPipe(BirdSchema))
      export class BirdsController {
        @Post()
        create(@Body() body: Record<string, unknown>) {
          return this.birds.save(body);
        }
      }
    `,
  },
  // --- values that cannot carry what the rule is about ---------------------------------------------
  {
    name: "a numeric id to a parameterised query",
    code: code`
      app.get("/orders/:id", async (req, res) => {
        const { rows } = await pool.query("SELECT * FROM orders WHERE id = $1", [Number(req.params.id)]);
        res.json(rows[0]);
      });
    `,
  },
  {
    name: "a string id to findById (not a whole object)",
    code: code`
      app.get("/users/:id", async (req, res) => {
        res.json(await User.findById(req.params.id));
      });
    `,
  },
  {
    name: "picked fields into create (not a mass assignment)",
    code: code`
      app.post("/contacts", async (req, res) => {
        const { name, email } = req.body;
        res.json(await Contact.create({ name: String(name), email: String(email), ownerId: req.user.id }));
      });
    `,
  },
  {
    name: "parseInt page into a Prisma query",
    code: code`
      app.get("/posts", async (req, res) => {
        const page = parseInt(req.query.page, 10) || 1;
        res.json(await prisma.post.findMany({ skip: (page - 1) * 20, take: 20 }));
      });
    `,
  },
  {
    name: "path.basename of a param",
    code: code`
      import path from "node:path";
      app.get("/avatars/:file", (req, res) => {
        res.sendFile(path.join(AVATAR_DIR, path.basename(req.params.file)));
      });
    `,
  },
  {
    name: "sendFile with a root option",
    code: code`
      app.get("/static/:name", (req, res) => {
        res.sendFile(req.params.name, { root: PUBLIC_DIR });
      });
    `,
  },
  {
    name: "a path checked to stay inside the folder",
    code: code`
      import fs from "node:fs/promises";
      app.get("/docs/:page", async (req, res) => {
        const file = path.resolve(DOCS, req.params.page);
        if (!file.startsWith(DOCS + path.sep) || !req.params.page) return res.sendStatus(404);
        res.send(await fs.readFile(file, "utf8"));
      });
    `,
  },
  {
    name: "an allow-listed shell argument",
    code: code`
      import { execFile } from "node:child_process";
      const FORMATS = new Set(["png", "jpg"]);
      app.post("/convert", (req, res) => {
        if (!FORMATS.has(req.body.format)) return res.status(400).end();
        execFile("convert", ["in.tiff", \`out.\${req.body.format}\`], () => res.end());
      });
    `,
  },
  {
    name: "fetch to a fixed host with a request value in the path",
    code: code`
      app.get("/weather/:city", async (req, res) => {
        const response = await fetch(\`https://api.weather.example.com/v1/\${encodeURIComponent(req.params.city)}\`);
        res.json(await response.json());
      });
    `,
  },
  {
    name: "axios to a fixed base URL with the body as the payload",
    code: code`
      import axios from "axios";
      app.post("/leads", async (req, res) => {
        await axios.post("https://crm.example.com/api/leads", req.body);
        res.sendStatus(202);
      });
    `,
  },
  {
    name: "a write outside any request handler",
    code: code`
      export async function importUsers(rows: unknown[]) {
        for (const row of rows) await User.create(row);
      }
    `,
  },
  {
    name: "a helper given req but not shaped like a handler",
    code: code`
      export function auditFields(req: Request) {
        return { ip: req.ip, userAgent: req.headers["user-agent"] };
      }
    `,
  },
  {
    name: "res.json / Object.assign / Map.set of the body are not database writes",
    code: code`
      app.post("/echo", (req, res) => {
        const copy = Object.assign({}, req.body);
        cache.set(req.body.key, copy);
        res.json(req.body);
      });
    `,
  },
  {
    name: "JSON.parse is not validation, but a JSON write of nothing from the request is fine",
    code: code`
      app.post("/jobs", async (req, res) => {
        const payload = JSON.parse(req.body.payload);
        await queue.add("job", payload);
        res.sendStatus(202);
      });
    `,
  },
  {
    name: "configured validator option",
    options: [{ validators: ["guardInput"] }],
    code: code`
      app.post("/widgets", async (req, res) => {
        guardInput(req.body);
        res.json(await Widget.create(req.body));
      });
    `,
  },
  {
    name: "configured validator as middleware",
    options: [{ validators: ["contract"] }],
    code: code`
      app.post("/widgets", contract(WidgetSchema), async (req, res) => {
        res.json(await Widget.create(req.body));
      });
    `,
  },
  {
    name: "Koa body validated by a joi schema",
    code: code`
      router.post("/articles", async (ctx) => {
        const article = await articleSchema.validateAsync(ctx.request.body);
        ctx.body = await Article.create(article);
      });
    `,
  },
  {
    name: "Next.js route handler validating with zod",
    filename: "app/api/projects/route.ts",
    code: code`
      export async function POST(request: Request) {
        const data = ProjectInput.parse(await request.json());
        return Response.json(await prisma.project.create({ data }));
      }
    `,
  },
  {
    // Calls without arguments are dismissed before their callee is looked at: no request data can reach them.
    name: "calls without arguments inside a handler",
    code: code`
      import { exec } from "node:child_process";
      app.post("/jobs", async (req, res) => {
        const job = await Job.create();
        exec();
        res.json({ job, body: req.body });
      });
    `,
  },
];
