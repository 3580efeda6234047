import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/require-input-validation/index.js";
import { code } from "../../code.js";

type Case = InvalidTestCase<MessageIds, Options>;

/** An expected report: message and the position of the request read it names. */
const at = (messageId: MessageIds, line: number, column: number) => ({ messageId, line, column });

/** Request data reaching a write, a filter, a path, a command or a URL with nothing validating it first. */
export const invalidCases: Case[] = [
  // --- Express ------------------------------------------------------------------------------------
  {
    name: "Express (ESM): the whole body into Mongoose create",
    code: code`
      import express from "express";
      import { User } from "./models/user.js";
      const app = express();
      app.post("/users", async (req, res) => {
        const user = await User.create(req.body);
        res.status(201).json(user);
      });
    `,
    errors: [{ ...at("unvalidatedWrite", 5, 34), data: { source: "`req.body`", sink: "User.create" } }],
  },
  {
    name: "Express (CommonJS): router.put with findByIdAndUpdate(id, req.body)",
    filename: "routes/products.js",
    code: code`
      const router = require("express").Router();
      const Product = require("../models/product");
      router.put("/:id", async (req, res, next) => {
        try {
          const product = await Product.findByIdAndUpdate(req.params.id, req.body, { new: true });
          res.json(product);
        } catch (err) {
          next(err);
        }
      });
      module.exports = router;
    `,
    errors: [at("unvalidatedWrite", 5, 68)],
  },
  {
    name: "Express: a spread of the body into a Prisma create",
    code: code`
      import { Router } from "express";
      import { prisma } from "../db";
      export const posts = Router();
      posts.post("/", async (req, res) => {
        const post = await prisma.post.create({ data: { ...req.body, authorId: req.user.id } });
        res.json(post);
      });
    `,
    errors: [at("unvalidatedWrite", 5, 54)],
  },
  {
    name: "Express: body kept in a variable, then Sequelize update",
    code: code`
      router.patch("/:id", async (req, res) => {
        const changes = req.body;
        await Order.update(changes, { where: { id: req.params.id } });
        res.sendStatus(204);
      });
    `,
    errors: [at("unvalidatedWrite", 3, 22)],
  },
  {
    name: "Express: Object.assign onto a model, then save",
    code: code`
      router.put("/me", async (req, res) => {
        const profile = await Profile.findOne({ userId: req.user.id });
        await profile.set(Object.assign({}, req.body)).save();
        res.json(profile);
      });
    `,
    errors: [at("unvalidatedWrite", 3, 39)],
  },
  {
    name: "Express: a presence check does not stop mass assignment",
    code: code`
      app.post("/signup", async (req, res) => {
        if (!req.body.email || !req.body.password) return res.status(400).json({ error: "missing fields" });
        const account = await Account.create(req.body);
        res.json(account);
      });
    `,
    errors: [at("unvalidatedWrite", 3, 40)],
  },
  {
    name: "Express: the whole query string as a Mongo filter",
    code: code`
      app.get("/api/orders", async (req, res) => {
        const orders = await Order.find(req.query);
        res.json(orders);
      });
    `,
    errors: [{ ...at("unvalidatedQuery", 2, 35), data: { source: "`req.query`", sink: "Order.find" } }],
  },
  {
    name: "Express: MongoDB driver insertOne of the body",
    code: code`
      import { MongoClient } from "mongodb";
      const db = new MongoClient(process.env.MONGO_URL!).db("shop");
      app.post("/events", async (req, res) => {
        await db.collection("events").insertOne(req.body);
        res.sendStatus(202);
      });
    `,
    errors: [at("unvalidatedWrite", 4, 43)],
  },
  {
    name: "Express: Knex insert of the body",
    code: code`
      const knex = require("knex")(config);
      app.post("/comments", async (req, res) => {
        const [id] = await knex("comments").insert(req.body);
        res.json({ id });
      });
    `,
    errors: [at("unvalidatedWrite", 3, 46)],
  },
  {
    name: "Express: TypeORM repository save of the body",
    code: code`
      export async function createTask(req: Request, res: Response) {
        const task = await taskRepository.save(req.body);
        res.json(task);
      }
    `,
    errors: [at("unvalidatedWrite", 2, 42)],
  },
  {
    name: "Express: a file path from the query string",
    code: code`
      import fs from "node:fs";
      import path from "node:path";
      app.get("/files", (req, res) => {
        const file = fs.readFileSync(path.join(__dirname, "uploads", req.query.name), "utf8");
        res.send(file);
      });
    `,
    errors: [at("unvalidatedPath", 4, 64)],
  },
  {
    name: "Express: res.sendFile of a param without a root",
    code: code`
      app.get("/download/:file", (req, res) => {
        res.sendFile(\`/srv/exports/\${req.params.file}\`);
      });
    `,
    errors: [at("unvalidatedPath", 2, 32)],
  },
  {
    name: "Express: fs/promises unlink of a body field (destructured)",
    code: code`
      import { unlink } from "fs/promises";
      router.delete("/attachments", async (req, res) => {
        const { storedName } = req.body;
        await unlink("./data/" + storedName);
        res.sendStatus(204);
      });
    `,
    errors: [{ ...at("unvalidatedPath", 4, 28), data: { source: "`storedName`", sink: "unlink" } }],
  },
  {
    name: "Express: fs.promises.writeFile with a name from the body",
    filename: "upload.js",
    code: code`
      const fs = require("fs");
      app.post("/notes", async (req, res) => {
        await fs.promises.writeFile(\`notes/\${req.body.title}.md\`, req.body.text);
        res.sendStatus(201);
      });
    `,
    errors: [at("unvalidatedPath", 3, 40)],
  },
  {
    name: "Express: exec of a shell command built from the query",
    code: code`
      import { exec } from "node:child_process";
      app.get("/ping", (req, res) => {
        exec(\`ping -c 1 \${req.query.host}\`, (error, stdout) => res.send(stdout));
      });
    `,
    errors: [{ ...at("unvalidatedCommand", 3, 21), data: { source: "`req.query.host`", sink: "exec" } }],
  },
  {
    name: "Express (CommonJS): spawn with an argument from the body",
    filename: "convert.js",
    code: code`
      const { spawn } = require("child_process");
      app.post("/convert", (req, res) => {
        const child = spawn("ffmpeg", ["-i", req.body.input, "out.mp4"]);
        child.on("close", () => res.sendStatus(200));
      });
    `,
    errors: [at("unvalidatedCommand", 3, 40)],
  },
  {
    name: "Express: execSync through a namespace import",
    code: code`
      import * as cp from "child_process";
      router.post("/git/checkout", (req, res) => {
        cp.execSync("git checkout " + req.body.branch);
        res.sendStatus(200);
      });
    `,
    errors: [at("unvalidatedCommand", 3, 33)],
  },
  {
    name: "Express: fetch of a URL from the body (webhook tester)",
    code: code`
      app.post("/webhooks/test", async (req, res) => {
        const response = await fetch(req.body.url, { method: "POST", body: "{}" });
        res.json({ status: response.status });
      });
    `,
    errors: [{ ...at("unvalidatedUrl", 2, 32), data: { source: "`req.body.url`", sink: "fetch" } }],
  },
  {
    name: "Express: axios.get of a URL whose host comes from the query",
    code: code`
      import axios from "axios";
      app.get("/proxy", async (req, res) => {
        const { data } = await axios.get(\`\${req.query.target}/status\`);
        res.json(data);
      });
    `,
    errors: [at("unvalidatedUrl", 3, 39)],
  },
  {
    name: "Express: axios(config) with url from the body",
    code: code`
      import axios from "axios";
      app.post("/fetch-preview", async (req, res) => {
        const preview = await axios({ method: "get", url: req.body.link });
        res.json(preview.data);
      });
    `,
    errors: [at("unvalidatedUrl", 3, 53)],
  },
  {
    name: "Express: got with new URL(req.query.feed)",
    code: code`
      import got from "got";
      router.get("/feed", async (req, res) => {
        const xml = await got(new URL(req.query.feed as string)).text();
        res.type("xml").send(xml);
      });
    `,
    errors: [at("unvalidatedUrl", 3, 33)],
  },
  {
    name: "Express: route chained with router.route().post()",
    code: code`
      router.route("/tags").post(async (req, res) => {
        res.json(await Tag.create(req.body));
      });
    `,
    errors: [at("unvalidatedWrite", 2, 29)],
  },
  {
    name: "Express: a controller declared apart, registered in another file",
    code: code`
      exports.updateSettings = async (req, res) => {
        const settings = await Settings.findOneAndUpdate({ owner: req.user.id }, req.body, { upsert: true });
        res.json(settings);
      };
    `,
    errors: [at("unvalidatedWrite", 2, 76)],
  },
  {
    name: "Express: a class controller method",
    code: code`
      export class CommentsController {
        async create(req: Request, res: Response) {
          const comment = await this.comments.insert({ ...req.body });
          res.status(201).json(comment);
        }
      }
    `,
    errors: [at("unvalidatedWrite", 3, 53)],
  },
  // --- Fastify ------------------------------------------------------------------------------------
  {
    name: "Fastify: route without a schema writes request.body",
    code: code`
      import Fastify from "fastify";
      const fastify = Fastify();
      fastify.post("/products", async (request, reply) => {
        const product = await fastify.prisma.product.create({ data: request.body });
        return reply.code(201).send(product);
      });
    `,
    errors: [at("unvalidatedWrite", 4, 63)],
  },
  {
    name: "Fastify: route() options without a schema",
    code: code`
      fastify.route({
        method: "PUT",
        url: "/users/:id",
        handler: async (request) => User.updateOne({ _id: request.params.id }, request.body),
      });
    `,
    errors: [at("unvalidatedWrite", 4, 74)],
  },
  {
    name: "Fastify: reading a file named by a query parameter",
    filename: "server.mjs",
    code: code`
      import { readFile } from "node:fs/promises";
      fastify.get("/docs", async (request, reply) => {
        return readFile(\`./docs/\${request.query.page}\`, "utf8");
      });
    `,
    errors: [at("unvalidatedPath", 3, 29)],
  },
  // --- Koa ----------------------------------------------------------------------------------------
  {
    name: "Koa: ctx.request.body into a Mongoose model",
    code: code`
      import Router from "@koa/router";
      const router = new Router();
      router.post("/articles", async (ctx) => {
        ctx.body = await Article.create(ctx.request.body);
      });
    `,
    errors: [at("unvalidatedWrite", 4, 35)],
  },
  {
    name: "Koa: ctx.query as a Sequelize where",
    code: code`
      router.get("/invoices", async (ctx) => {
        ctx.body = await Invoice.findAll({ where: ctx.query });
      });
    `,
    errors: [at("unvalidatedQuery", 2, 45)],
  },
  {
    name: "Koa (CommonJS): execFile with a param",
    filename: "router.js",
    code: code`
      const { execFile } = require("node:child_process");
      router.post("/thumbs/:name", async (ctx) => {
        execFile("convert", [ctx.params.name, "-resize", "200x200", "thumb.png"]);
        ctx.status = 202;
      });
    `,
    errors: [at("unvalidatedCommand", 3, 24)],
  },
  // --- Hono ---------------------------------------------------------------------------------------
  {
    name: "Hono: await c.req.json() into Drizzle insert values",
    code: code`
      import { Hono } from "hono";
      const app = new Hono();
      app.post("/todos", async (c) => {
        const body = await c.req.json();
        const [todo] = await db.insert(todos).values(body).returning();
        return c.json(todo, 201);
      });
    `,
    errors: [at("unvalidatedWrite", 5, 48)],
  },
  {
    name: "Hono: fetch of c.req.query('url')",
    code: code`
      app.get("/unfurl", async (c) => {
        const page = await fetch(c.req.query("url")!);
        return c.text(await page.text());
      });
    `,
    errors: [at("unvalidatedUrl", 2, 28)],
  },
  // --- Next.js ------------------------------------------------------------------------------------
  {
    name: "Next.js app router: POST writes await request.json()",
    filename: "app/api/projects/route.ts",
    code: code`
      import { NextResponse } from "next/server";
      import { prisma } from "@/lib/prisma";
      export async function POST(request: Request) {
        const data = await request.json();
        const project = await prisma.project.create({ data });
        return NextResponse.json(project, { status: 201 });
      }
    `,
    errors: [at("unvalidatedWrite", 5, 49)],
  },
  {
    name: "Next.js app router: PATCH as an exported arrow function",
    filename: "app/api/profile/route.ts",
    code: code`
      export const PATCH = async (req: NextRequest) => {
        const session = await auth();
        const user = await prisma.user.update({ where: { id: session!.user.id }, data: await req.json() });
        return Response.json(user);
      };
    `,
    errors: [at("unvalidatedWrite", 3, 88)],
  },
  {
    name: "Next.js app router: GET fetches a URL from searchParams",
    filename: "app/api/og/route.ts",
    code: code`
      export async function GET(req: NextRequest) {
        const target = req.nextUrl.searchParams.get("url");
        const upstream = await fetch(target!);
        return new Response(upstream.body);
      }
    `,
    errors: [at("unvalidatedUrl", 3, 32)],
  },
  {
    name: "Next.js pages API route: default export handler(req, res)",
    filename: "pages/api/comments.js",
    code: code`
      export default async function handler(req, res) {
        if (req.method === "POST") {
          const comment = await db.comment.create({ data: req.body });
          return res.status(201).json(comment);
        }
        res.status(405).end();
      }
    `,
    errors: [at("unvalidatedWrite", 3, 53)],
  },
  // --- NestJS -------------------------------------------------------------------------------------
  {
    name: "NestJS: @Body() typed any into a repository save",
    code: code`
      import { Body, Controller, Post } from "@nestjs/common";
      @Controller("cats")
      export class CatsController {
        constructor(private readonly cats: CatsRepository) {}
        @Post()
        create(@Body() body: any) {
          return this.cats.save(body);
        }
      }
    `,
    errors: [at("unvalidatedWrite", 7, 27)],
  },
  {
    name: "NestJS: @Body() with a Record type into Prisma",
    code: code`
      @Controller("settings")
      export class SettingsController {
        @Put()
        async update(@Body() input: Record<string, unknown>) {
          return this.prisma.setting.update({ where: { id: 1 }, data: input });
        }
      }
    `,
    errors: [at("unvalidatedWrite", 5, 65)],
  },
  {
    name: "NestJS: @Query() without a DTO as a Mongoose filter",
    code: code`
      @Controller("users")
      export class UsersController {
        @Get()
        list(@Query() query) {
          return this.userModel.find(query);
        }
      }
    `,
    errors: [at("unvalidatedQuery", 5, 32)],
  },
  {
    name: "NestJS: @Param('name') into a file path",
    code: code`
      import { createReadStream } from "fs";
      @Controller("files")
      export class FilesController {
        @Get(":name")
        download(@Param("name") name: string) {
          return new StreamableFile(createReadStream(\`/srv/files/\${name}\`));
        }
      }
    `,
    errors: [at("unvalidatedPath", 6, 62)],
  },
];
