import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-hardcoded-secret/index.js";
import { code } from "../../code.js";
import { S, secretData } from "./secrets.js";

type Case = InvalidTestCase<MessageIds, Options>;

/** Random-looking strings under secret-like names, in library credential arguments and in URLs. */
export const invalidNames: Case[] = [
  {
    name: "env fallback: JWT secret with ||",
    code: `export const JWT_SECRET = process.env.JWT_SECRET || "${S.generic40}";`,
    errors: [
      {
        messageId: "envFallback",
        line: 1,
        column: 53,
        data: { envName: "JWT_SECRET", kind: "secret", ...secretData(S.generic40) },
        suggestions: [
          {
            messageId: "removeFallback",
            data: { envName: "JWT_SECRET" },
            output: `export const JWT_SECRET = process.env.JWT_SECRET;`,
          },
        ],
      },
    ],
  },
  {
    name: "env fallback: session secret with ?? inside express-session options",
    code: code`
      import session from "express-session";
      app.use(session({ secret: process.env.SESSION_SECRET ?? "${S.generic24}", resave: false, saveUninitialized: false }));
    `,
    errors: [
      {
        messageId: "envFallback",
        line: 2,
        column: 57,
        data: { envName: "SESSION_SECRET", kind: "secret", ...secretData(S.generic24) },
        suggestions: [
          {
            messageId: "removeFallback",
            data: { envName: "SESSION_SECRET" },
            output: code`
              import session from "express-session";
              app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "env fallback: Deno.env.get with ??",
    code: `const token = Deno.env.get("GITHUB_APP_TOKEN") ?? "${S.generic32}";`,
    errors: [
      {
        messageId: "envFallback",
        line: 1,
        column: 51,
        data: { envName: "GITHUB_APP_TOKEN", kind: "token", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "removeFallback",
            data: { envName: "GITHUB_APP_TOKEN" },
            output: `const token = Deno.env.get("GITHUB_APP_TOKEN");`,
          },
        ],
      },
    ],
  },
  {
    name: "env fallback: default value when destructuring process.env",
    code: code`
      const { PORT = "3000", STRIPE_WEBHOOK_SECRET = "${S.generic32}" } = process.env;
    `,
    errors: [
      {
        messageId: "envFallback",
        line: 1,
        column: 48,
        data: { envName: "STRIPE_WEBHOOK_SECRET", kind: "secret", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "removeFallback",
            data: { envName: "STRIPE_WEBHOOK_SECRET" },
            output: `const { PORT = "3000", STRIPE_WEBHOOK_SECRET } = process.env;`,
          },
        ],
      },
    ],
  },
  {
    name: "jose: HS256 secret encoded with TextEncoder",
    code: code`
      import { SignJWT } from "jose";
      const secret = new TextEncoder().encode("${S.generic40}");
      export const sign = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: "HS256" }).sign(secret);
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 2,
        column: 41,
        data: { name: "secret", kind: "secret", ...secretData(S.generic40) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SECRET" },
            output: code`
              import { SignJWT } from "jose";
              const secret = new TextEncoder().encode(process.env.SECRET);
              export const sign = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: "HS256" }).sign(secret);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "angular-style environment file",
    code: code`
      export const environment = {
        production: true,
        apiUrl: "https://api.shop.example",
        mapboxSecretToken: "${S.generic40}",
      };
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 4,
        column: 22,
        data: { name: "mapboxSecretToken", kind: "token", ...secretData(S.generic40) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "MAPBOX_SECRET_TOKEN" },
            output: code`
              export const environment = {
                production: true,
                apiUrl: "https://api.shop.example",
                mapboxSecretToken: process.env.MAPBOX_SECRET_TOKEN,
              };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "jsonwebtoken: jwt.sign with a literal secret (ESM default import)",
    code: code`
      import jwt from "jsonwebtoken";
      export const issue = (user: { id: string }) => jwt.sign({ sub: user.id }, "${S.generic32}", { expiresIn: "1h" });
    `,
    errors: [
      {
        messageId: "librarySecret",
        line: 2,
        column: 75,
        data: { callee: "jwt.sign", kind: "JWT signing secret", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "JWT_SECRET" },
            output: code`
              import jwt from "jsonwebtoken";
              export const issue = (user: { id: string }) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: "1h" });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "jsonwebtoken: named import of sign",
    code: code`
      import { sign } from "jsonwebtoken";
      const token = sign(payload, "${S.generic24}");
    `,
    errors: [
      {
        messageId: "librarySecret",
        line: 2,
        column: 29,
        data: { callee: "sign", kind: "JWT signing secret", ...secretData(S.generic24) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "JWT_SECRET" },
            output: code`
              import { sign } from "jsonwebtoken";
              const token = sign(payload, process.env.JWT_SECRET);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "jsonwebtoken: aliased named import",
    code: code`
      import { sign as signToken } from "jsonwebtoken";
      export const issue = async (id: string) => signToken({ sub: id }, "${S.generic40}");
    `,
    errors: [
      {
        messageId: "librarySecret",
        line: 2,
        column: 67,
        data: { callee: "signToken", kind: "JWT signing secret", ...secretData(S.generic40) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "JWT_SECRET" },
            output: code`
              import { sign as signToken } from "jsonwebtoken";
              export const issue = async (id: string) => signToken({ sub: id }, process.env.JWT_SECRET);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "jsonwebtoken: jwt.verify in an Express middleware (CommonJS)",
    filename: "auth.js",
    code: code`
      const jwt = require("jsonwebtoken");
      module.exports = function requireUser(req, res, next) {
        try {
          req.user = jwt.verify(req.headers.authorization.slice(7), "${S.generic40}");
          next();
        } catch (error) {
          res.status(401).json({ error: "unauthorized" });
        }
      };
    `,
    errors: [
      {
        messageId: "librarySecret",
        line: 4,
        column: 63,
        data: { callee: "jwt.verify", kind: "JWT signing secret", ...secretData(S.generic40) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "JWT_SECRET" },
            output: code`
              const jwt = require("jsonwebtoken");
              module.exports = function requireUser(req, res, next) {
                try {
                  req.user = jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET);
                  next();
                } catch (error) {
                  res.status(401).json({ error: "unauthorized" });
                }
              };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "jsonwebtoken: aliased default import",
    code: code`
      import jsonwebtoken from "jsonwebtoken";
      const claims = jsonwebtoken.verify(token, "${S.base64}");
    `,
    errors: [
      {
        messageId: "librarySecret",
        line: 2,
        column: 43,
        data: { callee: "jsonwebtoken.verify", kind: "JWT signing secret", ...secretData(S.base64) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "JWT_SECRET" },
            output: code`
              import jsonwebtoken from "jsonwebtoken";
              const claims = jsonwebtoken.verify(token, process.env.JWT_SECRET);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "express-session: random-looking secret option (suggestion named after the call)",
    code: `app.use(session({ secret: "${S.generic24}", cookie: { secure: true } }));`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 27,
        data: { name: "secret", kind: "secret", ...secretData(S.generic24) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SESSION_SECRET" },
            output: `app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true } }));`,
          },
        ],
      },
    ],
  },
  {
    name: "cookie-parser: signing secret argument",
    code: code`
      import cookieParser from "cookie-parser";
      app.use(cookieParser("${S.generic32}"));
    `,
    errors: [
      {
        messageId: "librarySecret",
        line: 2,
        column: 22,
        data: { callee: "cookieParser", kind: "cookie signing secret", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "COOKIE_SECRET" },
            output: code`
              import cookieParser from "cookie-parser";
              app.use(cookieParser(process.env.COOKIE_SECRET));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "node:crypto: HMAC key of a webhook signature check",
    code: code`
      import crypto from "node:crypto";
      const expected = crypto.createHmac("sha256", "${S.generic32}").update(rawBody).digest("hex");
    `,
    errors: [
      {
        messageId: "librarySecret",
        line: 2,
        column: 46,
        data: { callee: "crypto.createHmac", kind: "HMAC key", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "HMAC_SECRET" },
            output: code`
              import crypto from "node:crypto";
              const expected = crypto.createHmac("sha256", process.env.HMAC_SECRET).update(rawBody).digest("hex");
            `,
          },
        ],
      },
    ],
  },
  {
    name: "crypto: cipher key through Buffer.from (destructured require)",
    filename: "encrypt.js",
    code: code`
      const { createCipheriv, randomBytes } = require("crypto");
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", Buffer.from("${S.hex64}", "hex"), iv);
    `,
    errors: [
      {
        messageId: "librarySecret",
        line: 3,
        column: 58,
        data: { callee: "createCipheriv", kind: "encryption key", ...secretData(S.hex64) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "ENCRYPTION_KEY" },
            output: code`
              const { createCipheriv, randomBytes } = require("crypto");
              const iv = randomBytes(12);
              const cipher = createCipheriv("aes-256-gcm", Buffer.from(process.env.ENCRYPTION_KEY, "hex"), iv);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "sequelize: password as the third constructor argument",
    code: code`
      import { Sequelize } from "sequelize";
      export const sequelize = new Sequelize("shop", "shop_app", "${S.password}", { host: "db", dialect: "postgres" });
    `,
    errors: [
      {
        messageId: "librarySecret",
        line: 2,
        column: 60,
        data: { callee: "new Sequelize", kind: "password", ...secretData(S.password) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "DB_PASSWORD" },
            output: code`
              import { Sequelize } from "sequelize";
              export const sequelize = new Sequelize("shop", "shop_app", process.env.DB_PASSWORD, { host: "db", dialect: "postgres" });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "class field: private readonly apiKey in a TypeScript service",
    code: code`
      export class WeatherService {
        private readonly apiKey = "${S.generic32}";
        constructor(private readonly http: HttpClient) {}
      }
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 2,
        column: 29,
        data: { name: "apiKey", kind: "API key", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_KEY" },
            output: code`
              export class WeatherService {
                private readonly apiKey = process.env.API_KEY;
                constructor(private readonly http: HttpClient) {}
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "class field: static signing key",
    code: `class Tokens { static SIGNING_KEY = "${S.base64}"; }`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 37,
        data: { name: "SIGNING_KEY", kind: "signing key", ...secretData(S.base64) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SIGNING_KEY" },
            output: `class Tokens { static SIGNING_KEY = process.env.SIGNING_KEY; }`,
          },
        ],
      },
    ],
  },
  {
    name: "default parameter: apiKey",
    code: `export function createClient(baseUrl: string, apiKey = "${S.generic24}") { return new Client(baseUrl, apiKey); }`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 56,
        data: { name: "apiKey", kind: "API key", ...secretData(S.generic24) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_KEY" },
            output: `export function createClient(baseUrl: string, apiKey = process.env.API_KEY) { return new Client(baseUrl, apiKey); }`,
          },
        ],
      },
    ],
  },
  {
    name: "destructuring default: clientSecret",
    code: `const { clientId, clientSecret = "${S.generic32}" } = options;`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 34,
        data: { name: "clientSecret", kind: "client secret", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "CLIENT_SECRET" },
            output: `const { clientId, clientSecret = process.env.CLIENT_SECRET } = options;`,
          },
        ],
      },
    ],
  },
  {
    name: "passport: OAuth client secret in strategy options",
    filename: "passport.js",
    code: code`
      const GoogleStrategy = require("passport-google-oauth20").Strategy;
      passport.use(new GoogleStrategy({
        clientID: "1234567890-abc.apps.googleusercontent.com",
        clientSecret: "GOCSPX-${S.generic24}",
        callbackURL: "/auth/google/callback",
      }, verify));
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 4,
        column: 17,
        data: { name: "clientSecret", kind: "client secret", ...secretData(`GOCSPX-${S.generic24}`) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "CLIENT_SECRET" },
            output: code`
              const GoogleStrategy = require("passport-google-oauth20").Strategy;
              passport.use(new GoogleStrategy({
                clientID: "1234567890-abc.apps.googleusercontent.com",
                clientSecret: process.env.CLIENT_SECRET,
                callbackURL: "/auth/google/callback",
              }, verify));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "nested config: a bare password named after its parent key",
    code: code`
      export default {
        port: 3000,
        redis: { host: "cache.internal", port: 6379, password: "${S.password2}" },
      };
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 3,
        column: 58,
        data: { name: "password", kind: "password", ...secretData(S.password2) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "REDIS_PASSWORD" },
            output: code`
              export default {
                port: 3000,
                redis: { host: "cache.internal", port: 6379, password: process.env.REDIS_PASSWORD },
              };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "headers: x-api-key in an axios request",
    code: `const { data } = await axios.get(url, { headers: { "x-api-key": "${S.generic32}" } });`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 65,
        data: { name: "x-api-key", kind: "API key", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "X_API_KEY" },
            output: `const { data } = await axios.get(url, { headers: { "x-api-key": process.env.X_API_KEY } });`,
          },
        ],
      },
    ],
  },
  {
    name: "headers: Bearer token set with Headers#set keeps the scheme",
    code: code`
      const headers = new Headers();
      headers.set("Authorization", "Bearer ${S.generic40}");
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 2,
        column: 30,
        data: { name: "Authorization", kind: "authorization header", ...secretData(S.generic40) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_TOKEN" },
            output: code`
              const headers = new Headers();
              headers.set("Authorization", \`Bearer \${process.env.API_TOKEN}\`);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "headers: Basic credentials are decoded and the password judged",
    code: `const auth = { Authorization: "Basic ${Buffer.from(`deploy:${S.password}`).toString("base64")}" };`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 31,
        data: {
          name: "Authorization",
          kind: "Basic auth credential",
          ...secretData(Buffer.from(`deploy:${S.password}`).toString("base64")),
        },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "BASIC_AUTH_CREDENTIALS" },
            output: `const auth = { Authorization: \`Basic \${process.env.BASIC_AUTH_CREDENTIALS}\` };`,
          },
        ],
      },
    ],
  },
  {
    name: "assignment: this.password in a constructor",
    code: code`
      class MailClient {
        constructor() {
          this.password = "${S.password2}";
        }
      }
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 3,
        column: 21,
        data: { name: "password", kind: "password", ...secretData(S.password2) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "PASSWORD" },
            output: code`
              class MailClient {
                constructor() {
                  this.password = process.env.PASSWORD;
                }
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "assignment: nested config member",
    code: `config.database.dbPassword = "${S.password}";`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 30,
        data: { name: "dbPassword", kind: "password", ...secretData(S.password) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "DB_PASSWORD" },
            output: `config.database.dbPassword = process.env.DB_PASSWORD;`,
          },
        ],
      },
    ],
  },
  {
    name: "nodemailer: `pass` next to `user` is a password",
    code: code`
      import nodemailer from "nodemailer";
      export const mailer = nodemailer.createTransport({
        host: "smtp.sendgrid.net",
        auth: { user: "apikey", pass: "${S.password2}" },
      });
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 4,
        column: 33,
        data: { name: "pass", kind: "password", ...secretData(S.password2) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "AUTH_PASSWORD" },
            output: code`
              import nodemailer from "nodemailer";
              export const mailer = nodemailer.createTransport({
                host: "smtp.sendgrid.net",
                auth: { user: "apikey", pass: process.env.AUTH_PASSWORD },
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "short password names: DB_PASS in a CommonJS config",
    filename: "config.js",
    code: code`
      const DB_PASS = "${S.password2}";
      module.exports = { db: { host: "db.internal", user: "shop", password: DB_PASS } };
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 17,
        data: { name: "DB_PASS", kind: "password", ...secretData(S.password2) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "DB_PASS" },
            output: code`
              const DB_PASS = process.env.DB_PASS;
              module.exports = { db: { host: "db.internal", user: "shop", password: DB_PASS } };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "comparison: login checked against a hardcoded admin password",
    code: code`
      app.post("/admin/login", (req, res) => {
        if (req.body.password === "${S.password}") req.session.admin = true;
        res.redirect("/admin");
      });
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 2,
        column: 29,
        data: { name: "password", kind: "password", ...secretData(S.password) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "PASSWORD" },
            output: code`
              app.post("/admin/login", (req, res) => {
                if (req.body.password === process.env.PASSWORD) req.session.admin = true;
                res.redirect("/admin");
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "jsx: token attribute on a component",
    filename: "Widget.tsx",
    code: `export const Chat = () => <ChatWidget apiToken="${S.generic32}" />;`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 48,
        data: { name: "apiToken", kind: "API token", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_TOKEN" },
            output: `export const Chat = () => <ChatWidget apiToken={process.env.API_TOKEN} />;`,
          },
        ],
      },
    ],
  },
  {
    name: "jsx: string in an expression container keeps its braces",
    filename: "Widget.tsx",
    code: `export const Chat = () => <ChatWidget apiToken={"${S.generic32}"} />;`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 49,
        data: { name: "apiToken", kind: "API token", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_TOKEN" },
            output: `export const Chat = () => <ChatWidget apiToken={process.env.API_TOKEN} />;`,
          },
        ],
      },
    ],
  },
  {
    name: "aws: secret access key in an UPPER_SNAKE constant",
    code: `const AWS_SECRET_ACCESS_KEY = "${S.awsSecret}";`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 31,
        data: { name: "AWS_SECRET_ACCESS_KEY", kind: "AWS secret access key", ...secretData(S.awsSecret) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "AWS_SECRET_ACCESS_KEY" },
            output: `const AWS_SECRET_ACCESS_KEY = process.env.AWS_SECRET_ACCESS_KEY;`,
          },
        ],
      },
    ],
  },
  {
    name: "hex: 256-bit encryption key constant",
    code: `export const ENCRYPTION_KEY = "${S.hex64}";`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 31,
        data: { name: "ENCRYPTION_KEY", kind: "encryption key", ...secretData(S.hex64) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "ENCRYPTION_KEY" },
            output: `export const ENCRYPTION_KEY = process.env.ENCRYPTION_KEY;`,
          },
        ],
      },
    ],
  },
  {
    name: "hex: Twilio auth token constant",
    code: `const TWILIO_AUTH_TOKEN = "${S.twilioToken}";`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 27,
        data: { name: "TWILIO_AUTH_TOKEN", kind: "auth token", ...secretData(S.twilioToken) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "TWILIO_AUTH_TOKEN" },
            output: `const TWILIO_AUTH_TOKEN = process.env.TWILIO_AUTH_TOKEN;`,
          },
        ],
      },
    ],
  },
  {
    name: "array: every random entry of an API key list is reported",
    code: `const API_KEYS = ["${S.generic24}", "${S.generic32}"];`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 19,
        data: { name: "API_KEYS", kind: "API key", ...secretData(S.generic24) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_KEYS" },
            output: `const API_KEYS = [process.env.API_KEYS, "${S.generic32}"];`,
          },
        ],
      },
      {
        messageId: "namedSecret",
        line: 1,
        column: 47,
        data: { name: "API_KEYS", kind: "API key", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_KEYS" },
            output: `const API_KEYS = ["${S.generic24}", process.env.API_KEYS];`,
          },
        ],
      },
    ],
  },
  {
    name: "typescript: `as` and `satisfies` wrappers keep the property name",
    code: code`
      export default {
        webhookSecret: "${S.generic32}" as string,
      } satisfies Settings;
    `,
    errors: [
      {
        messageId: "namedSecret",
        line: 2,
        column: 18,
        data: { name: "webhookSecret", kind: "secret", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "WEBHOOK_SECRET" },
            output: code`
              export default {
                webhookSecret: process.env.WEBHOOK_SECRET as string,
              } satisfies Settings;
            `,
          },
        ],
      },
    ],
  },
  {
    name: "conditional: development branch of an apiKey",
    code: `const apiKey = isProduction ? process.env.MAPS_API_KEY : "${S.generic24}";`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 58,
        data: { name: "apiKey", kind: "API key", ...secretData(S.generic24) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_KEY" },
            output: `const apiKey = isProduction ? process.env.MAPS_API_KEY : process.env.API_KEY;`,
          },
        ],
      },
    ],
  },
  {
    name: "template literal without interpolation under a secret name",
    code: "const refreshToken = `" + S.generic40 + "`;",
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 22,
        data: { name: "refreshToken", kind: "refresh token", ...secretData(S.generic40) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "REFRESH_TOKEN" },
            output: "const refreshToken = process.env.REFRESH_TOKEN;",
          },
        ],
      },
    ],
  },
  {
    name: "option minEntropy: a lower threshold reports a low-variety key",
    options: [{ minEntropy: 2 }],
    code: `const apiKey = "9KqK2x9qx2K9xq2Kx9q2qK9x2";`,
    errors: [
      {
        messageId: "namedSecret",
        line: 1,
        column: 16,
        data: { name: "apiKey", kind: "API key", ...secretData("9KqK2x9qx2K9xq2Kx9q2qK9x2") },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_KEY" },
            output: `const apiKey = process.env.API_KEY;`,
          },
        ],
      },
    ],
  },
];

/** Connection strings and URLs that carry a literal password. */
export const invalidUrls: Case[] = [
  {
    name: "mongoose: mongodb+srv URL with a password (async/await)",
    code: code`
      import mongoose from "mongoose";
      await mongoose.connect("mongodb+srv://admin:${S.password2}@cluster0.ab1cd.mongodb.net/shop?retryWrites=true");
    `,
    errors: [
      {
        messageId: "urlPassword",
        line: 2,
        column: 24,
        data: { kind: "MongoDB connection string", ...secretData(S.password2) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "MONGODB_URI" },
            output: code`
              import mongoose from "mongoose";
              await mongoose.connect(process.env.MONGODB_URI);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "pg: DATABASE_URL fallback (suggests dropping the fallback)",
    code: code`
      import { Pool } from "pg";
      const pool = new Pool({ connectionString: process.env.DATABASE_URL ?? "postgres://shop:${S.generic24}@db.internal:5432/shop" });
    `,
    errors: [
      {
        messageId: "urlPassword",
        line: 2,
        column: 71,
        data: { kind: "PostgreSQL connection string", ...secretData(S.generic24) },
        suggestions: [
          {
            messageId: "removeFallback",
            data: { envName: "DATABASE_URL" },
            output: code`
              import { Pool } from "pg";
              const pool = new Pool({ connectionString: process.env.DATABASE_URL });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "knex: MySQL connection string in the config (CommonJS)",
    filename: "knexfile.js",
    code: code`
      module.exports = {
        client: "mysql2",
        connection: "mysql://app:${S.password}@mysql.internal:3306/app",
      };
    `,
    errors: [
      {
        messageId: "urlPassword",
        line: 3,
        column: 15,
        data: { kind: "MySQL connection string", ...secretData(S.password) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "DATABASE_URL" },
            output: code`
              module.exports = {
                client: "mysql2",
                connection: process.env.DATABASE_URL,
              };
            `,
          },
        ],
      },
    ],
  },
  {
    name: "ioredis: password-only Redis URL",
    code: `const redis = new Redis("redis://:${S.generic24}@cache.internal:6379/0");`,
    errors: [
      {
        messageId: "urlPassword",
        line: 1,
        column: 25,
        data: { kind: "Redis URL", ...secretData(S.generic24) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "REDIS_URL" },
            output: `const redis = new Redis(process.env.REDIS_URL);`,
          },
        ],
      },
    ],
  },
  {
    name: "amqplib: password in a template literal whose host is interpolated",
    code: "const connection = await amqp.connect(`amqp://orders:" + S.password2 + "@${rabbitHost}:5672`);",
    errors: [
      {
        messageId: "urlPassword",
        line: 1,
        column: 39,
        data: { kind: "AMQP URL", ...secretData(S.password2) },
        suggestions: [],
      },
    ],
  },
  {
    name: "mssql: ADO.NET connection string with a password",
    code: code`
      import sql from "mssql";
      const pool = await sql.connect("Server=sql.internal,1433;Database=orders;User Id=orders_app;Password=${S.password};Encrypt=true");
    `,
    errors: [
      {
        messageId: "urlPassword",
        line: 2,
        column: 32,
        data: { kind: "Connection string", ...secretData(S.password) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "DATABASE_CONNECTION_STRING" },
            output: code`
              import sql from "mssql";
              const pool = await sql.connect(process.env.DATABASE_CONNECTION_STRING);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "https: basic credentials in a URL",
    code: `const report = await axios.get("https://deploy:${S.password}@ci.internal.net/api/status");`,
    errors: [
      {
        messageId: "urlPassword",
        line: 1,
        column: 32,
        data: { kind: "URL", ...secretData(S.password) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SERVICE_URL" },
            output: `const report = await axios.get(process.env.SERVICE_URL);`,
          },
        ],
      },
    ],
  },
];
