import type { ValidTestCase } from "@typescript-eslint/rule-tester";
import type { Options } from "../../../src/rules/no-hardcoded-secret/index.js";
import { code } from "../../code.js";
import { S } from "./secrets.js";

type Case = ValidTestCase<Options>;

/** Look-alikes that are not secrets, and realistic clean code. */
export const validCases: Case[] = [
  // Reading from the environment or a secret manager.
  {
    name: "env lookups without fallback",
    code: code`
      import Stripe from "stripe";
      import OpenAI from "openai";
      const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
      const openai = new OpenAI({ apiKey: process.env["OPENAI_API_KEY"] });
      const jwtSecret = import.meta.env.VITE_JWT_SECRET;
    `,
  },
  {
    name: "env fallbacks that are placeholders or weak demo values, not real-looking secrets",
    code: code`
      const JWT_SECRET = process.env.JWT_SECRET || "supersecret";
      const SESSION_SECRET = process.env.SESSION_SECRET ?? "change-me-in-production";
      const API_KEY = process.env.API_KEY || "";
      const PORT = process.env.PORT || "3000";
    `,
  },
  {
    name: "defaults when destructuring process.env that are not secrets",
    code: `const { PORT = "3000", NODE_ENV = "development", JWT_SECRET = "dev-secret-change-me", LOG_LEVEL = "info" } = process.env;`,
  },
  {
    name: "key=value connection strings with placeholder or interpolated passwords",
    code: code`
      const docs = "Server=localhost,1433;Database=master;User Id=sa;Password=yourStrong(!)Password;";
      const real = \`Server=\${host};Database=app;User Id=\${user};Password=\${password};\`;
      const style = "color=red;font-weight=bold";
    `,
  },
  {
    name: "interpolated connection strings",
    code: code`
      const url = \`postgres://\${process.env.DB_USER}:\${process.env.DB_PASSWORD}@\${host}:5432/app\`;
      const mongo = \`mongodb+srv://\${user}:\${encodeURIComponent(password)}@cluster0.mongodb.net/app\`;
    `,
  },
  {
    name: "connection strings with placeholder or default passwords",
    code: code`
      const examples = [
        "postgres://user:password@localhost:5432/mydb",
        "postgres://postgres:postgres@localhost:5432/test",
        "mongodb+srv://<username>:<password>@cluster0.mongodb.net/test",
        "amqp://guest:guest@localhost:5672",
        "redis://:foobared@127.0.0.1:6379",
        "mysql://root:changeme@db/app",
        "https://user:pass@example.com/private",
        "postgres://app:\${DB_PASSWORD}@db/app",
      ];
    `,
  },
  {
    name: "URLs without credentials",
    code: code`
      const api = "https://api.stripe.com/v1/charges";
      const withPort = "http://localhost:3000/api?redirect=/login";
      const ssh = "git@github.com:vibeguard/vibeguard.git";
      const tokenUrl = "https://oauth2.googleapis.com/token";
    `,
  },
  // Publishable and public-by-design keys.
  {
    name: "stripe publishable keys are public",
    code: code`
      const stripePromise = loadStripe("${S.pkLive}");
      const apiKey = "pk_test_TYooMQauvdEDq54NiTphI7jx";
    `,
  },
  {
    name: "firebase web config apiKey is public by design",
    code: code`
      import { initializeApp } from "firebase/app";
      const app = initializeApp({
        apiKey: "${S.google}",
        authDomain: "shop-1234.firebaseapp.com",
        projectId: "shop-1234",
        messagingSenderId: "1029384756",
      });
    `,
  },
  {
    name: "supabase anon key is public by design",
    code: `export const supabase = createClient("https://abcd.supabase.co", "${S.jwtAnon}");`,
  },
  {
    name: "public keys and publishable names",
    code: code`
      const publicKey = "${S.generic40}";
      const NEXT_PUBLIC_MAPS_API_KEY = "${S.generic32}";
      const publishableKey = "${S.generic24}";
    `,
  },
  // Placeholders.
  {
    name: "placeholders under secret names",
    code: code`
      const password = "changeme";
      const apiKey = "<YOUR_API_KEY>";
      const token = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
      const secret = "REPLACE_ME";
      const clientSecret = "TODO";
      const authToken = "your_api_key_here";
      const sessionSecret = "dummy-session-secret";
      const dbPassword = "123456789";
      const accessToken = "abcdefghijklmnopqrstuvwxyz";
      const refreshToken = "\${REFRESH_TOKEN}";
      const githubToken = "$GITHUB_TOKEN";
      const privateKey = "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----";
    `,
  },
  {
    name: "documentation-style token placeholders in known formats",
    code: code`
      const stripe = new Stripe("sk_test_xxxxxxxxxxxxxxxxxxxxxxxx");
      const openai = new OpenAI({ apiKey: "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" });
      const aws = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
      const gh = "ghp_************************************";
      const slack = "xoxb-your-bot-token-here";
    `,
  },
  {
    name: "weak demo passwords and defaults are left to other checks",
    code: code`
      const users = [
        { email: "admin@example.com", password: "admin123" },
        { email: "test@example.com", password: "Password1!" },
        { email: "qa@example.com", password: "P@ssw0rd" },
        { email: "dev@example.com", password: "qwerty123" },
        { email: "guest@example.com", password: "welcome1" },
      ];
    `,
  },
  {
    name: "the jwt.io sample token",
    code: `const sample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";`,
  },
  // Names that mention a secret without holding one.
  {
    name: "names that describe a secret rather than hold it",
    code: code`
      const TOKEN_TYPE = "Bearer";
      const tokenUrl = "https://oauth2.example.org/token";
      const secretName = "prod/db/password";
      const passwordMinLength = "12";
      const passwordField = "${S.generic24}";
      const tokenizer = "${S.generic32}";
      const apiKeyHeader = "X-Api-Key";
      const PASSWORD_RESET = "PASSWORD_RESET";
      const secretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";
      const tokenExpiresAt = "2025-01-01T00:00:00Z";
      const nextPageToken = "${S.generic24}";
      const csrfToken = "${S.generic32}";
      const maxTokens = 4096;
      const passwordHash = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
      const accessKeyId = "${S.generic24}";
    `,
  },
  {
    name: "i18n keys, messages, labels and CSS classes",
    filename: "LoginForm.tsx",
    code: code`
      const messages = { password: "Password must be at least 8 characters", token: "Your session expired" };
      const label = t("auth.password.invalid");
      const errors = { password: "auth.errors.passwordTooShort" };
      export const LoginForm = () => (
        <form>
          <input type="password" name="password" autoComplete="current-password" placeholder="Password" />
          <button className="btn btn-primary token-submit">Sign in</button>
        </form>
      );
    `,
  },
  {
    name: "translations under a password key",
    code: `const es = { password: "Contraseña", token: "Ficha de acceso" };`,
  },
  {
    name: "regex sources, selectors and URL paths under secret names",
    code: code`
      const rules = { password: "^(?=.*[A-Z])(?=.*\\\\d).{8,}$" };
      const selectors = { password: "#password", token: "input[name=token]" };
      const routes = { resetPassword: "/auth/reset-password", token: "/oauth/token" };
    `,
  },
  {
    name: "enum-ish SCREAMING_CASE values and env var names",
    code: code`
      export const Errors = { token: "TOKEN_EXPIRED", password: "INVALID_PASSWORD" };
      const settings = { apiKey: "OPENAI_API_KEY", secretKey: "STRIPE_SECRET_KEY" };
    `,
  },
  {
    name: "identifiers and word-made values under secret names",
    code: code`
      const token = "access_token";
      const secret = "clientCredentialsGrant";
      const apiKey = "defaultProjectApiKey";
      const credentials = "include";
      const grant = { token: "refresh_token" };
    `,
  },
  // Hashes, IDs and other non-credentials.
  {
    name: "integrity hashes, UUIDs, git SHAs, etags and checksums",
    code: code`
      const lock = {
        integrity: "sha512-9Z8y7X6w5V4u3T2s1R0q9P8o7N6m5L4k3J2i1H0g9F8e7D6c5B4a3Z2y1X0w==",
        resolved: "https://registry.corp.test/express/-/express-5.1.0.tgz",
      };
      const requestId = "123e4567-e89b-12d3-a456-426614174000";
      const commit = "3f786850e387550fdab836ed7e6dc881de23001b";
      const etag = "W/\\"5e8c-1a2b3c4d5e6f\\"";
      const checksum = "${S.hex64}";
      const contentHash = "${S.base64}";
    `,
  },
  {
    name: "password hashes in seed data",
    code: `await db.user.create({ data: { email: "a@b.co", password: "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy" } });`,
  },
  {
    name: "blockchain addresses under token names",
    code: `const token = "0x6B175474E89094C44Da98b954EedeAC495271d0F";`,
  },
  {
    name: "sign/verify from other libraries and local modules are not jsonwebtoken",
    code: code`
      import jwt from "./jwt-helpers";
      import { sign } from "tweetnacl-util";
      const a = jwt.sign(payload, "${S.generic32}");
      const b = sign(message, "${S.generic24}");
      const c = ed25519.verify(signature, "${S.generic40}");
    `,
  },
  {
    name: "random values under ordinary names",
    code: code`
      const requestId = "${S.generic24}";
      const cacheKey = "${S.generic32}";
      const nonce = "${S.base64}";
      const key = "${S.generic40}";
      const idempotencyKey = "${S.generic24}";
    `,
  },
  {
    name: "URNs under token headers (WebDAV Lock-Token, seen in fastify's tests)",
    code: `await fetch(url, { method: "UNLOCK", headers: { "Lock-Token": "urn:uuid:a515b9c1-4d0c-11e6-80d6-8c85901eb0bf" } });`,
  },
  {
    name: "redacted headers and log format tokens (seen in openai and log4js)",
    code: code`
      const redacted = { Authorization: "<REDACTED>", "api-key": "<REDACTED>" };
      const formats = [{ token: ":remote-addr", replacement: addr }, { token: ":response-time", replacement: ms }];
    `,
  },
  {
    name: "a bare PEM header compared while parsing",
    code: code`
      export function isPrivateKey(pem: string) {
        return pem.startsWith("-----BEGIN RSA PRIVATE KEY-----") || pem.includes("-----BEGIN PRIVATE KEY-----");
      }
    `,
  },
  {
    name: "public keys and certificates",
    code: code`
      const publicPem = \`-----BEGIN PUBLIC KEY-----
      ${S.pemLines[0]}
      -----END PUBLIC KEY-----\`;
    `,
  },
  {
    name: "short values and prefixes of known formats",
    code: code`
      const prefix = "sk_live_";
      if (key.startsWith("sk-ant-") || key.startsWith("ghp_")) warn();
      const password = "hunter2";
    `,
  },
  // Positions that hold no value.
  {
    name: "type-only positions, module specifiers and object keys",
    code: code`
      import type { Token } from "./lexer";
      type LiveKey = "${S.skLive}";
      interface Config { token: "${S.generic32}" }
      declare module "${S.generic24}" {}
      const map = { "${S.skLive}": true };
    `,
  },
  {
    name: "JSX text is not a value",
    filename: "Docs.tsx",
    code: `export const Docs = () => <p>Example key: sk_live_... (use your own)</p>;`,
  },
  // Options.
  {
    name: "option ignoreTests: test files are skipped",
    filename: "src/__tests__/payments.test.ts",
    options: [{ ignoreTests: true }],
    code: `const stripe = new Stripe("${S.skTest}");`,
  },
  {
    name: "option ignoredPaths: a fixtures glob",
    filename: "/repo/test/fixtures/secrets.ts",
    options: [{ ignoredPaths: ["**/fixtures/**"] }],
    code: `export const token = "${S.ghp}";`,
  },
  {
    name: "option ignoredPaths: a regular expression",
    filename: "/repo/src/seed/dev-users.ts",
    options: [{ ignoredPaths: ["/seed\\/.*\\.ts$/"] }],
    code: `const users = [{ password: "${S.password}" }];`,
  },
  {
    name: "option ignoredNames: a name that is not secret in this codebase",
    options: [{ ignoredNames: ["designToken", "/^mock/i"] }],
    code: code`
      const designToken = "${S.generic24}";
      const mockApiKey = "${S.generic32}";
    `,
  },
  {
    name: "option allowedValues: a known public test key",
    options: [{ allowedValues: [S.skTest, "/^AIza/"] }],
    code: code`
      const stripe = new Stripe("${S.skTest}");
      const maps = "${S.google}";
    `,
  },
  {
    name: "option minEntropy: a higher threshold skips a lower-entropy value",
    options: [{ minEntropy: 5 }],
    code: `const apiKey = "${S.generic24}";`,
  },
  // Realistic clean code.
  {
    name: "an Express handler that reads secrets from the environment",
    code: code`
      import express from "express";
      import jwt from "jsonwebtoken";
      import bcrypt from "bcrypt";
      import { pool } from "./db";

      const router = express.Router();
      const JWT_SECRET = process.env.JWT_SECRET;
      if (!JWT_SECRET) throw new Error("JWT_SECRET is not set");

      router.post("/login", async (req, res) => {
        const { email, password } = req.body as { email: string; password: string };
        const { rows } = await pool.query("SELECT id, password_hash FROM users WHERE email = $1", [email]);
        const user = rows[0];
        if (!user || !(await bcrypt.compare(password, user.password_hash))) {
          return res.status(401).json({ error: "Invalid email or password" });
        }
        const token = jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: "1h" });
        res.cookie("token", token, { httpOnly: true, secure: true, sameSite: "strict" });
        return res.json({ token, tokenType: "Bearer" });
      });

      export default router;
    `,
  },
  {
    name: "a repository class with config from a secrets manager",
    code: code`
      import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
      import { Pool } from "pg";

      export class UserRepository {
        private static readonly SECRET_ID = "prod/shop/database";
        private pool?: Pool;

        constructor(private readonly secrets = new SecretsManagerClient({ region: "eu-west-1" })) {}

        private async connect(): Promise<Pool> {
          if (this.pool) return this.pool;
          const { SecretString } = await this.secrets.send(new GetSecretValueCommand({ SecretId: UserRepository.SECRET_ID }));
          const { username, password, host } = JSON.parse(SecretString ?? "{}");
          this.pool = new Pool({ user: username, password, host, database: "shop", ssl: { rejectUnauthorized: true } });
          return this.pool;
        }

        async findByEmail(email: string) {
          const pool = await this.connect();
          const { rows } = await pool.query("SELECT id, email FROM users WHERE email = $1", [email]);
          return rows[0];
        }
      }
    `,
  },
  {
    name: "SDK clients configured from the environment, CommonJS",
    filename: "clients.js",
    code: code`
      const Stripe = require("stripe");
      const twilio = require("twilio");
      const { S3Client } = require("@aws-sdk/client-s3");
      const nodemailer = require("nodemailer");

      const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { apiVersion: "2024-06-20" });
      const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
      const s3 = new S3Client({ region: process.env.AWS_REGION });
      const mailer = nodemailer.createTransport({
        host: "smtp.sendgrid.net",
        auth: { user: "apikey", pass: process.env.SENDGRID_API_KEY },
      });

      module.exports = { stripe, sms, s3, mailer };
    `,
  },
  {
    name: "an auth form component with password fields",
    filename: "SignupForm.tsx",
    code: code`
      import { useState } from "react";

      export function SignupForm({ onSubmit }: { onSubmit: (email: string, password: string) => Promise<void> }) {
        const [password, setPassword] = useState("");
        const [confirmPassword, setConfirmPassword] = useState("");
        const passwordsMatch = password === confirmPassword;
        return (
          <form onSubmit={(event) => { event.preventDefault(); void onSubmit(email, password); }}>
            <label htmlFor="password">Password</label>
            <input id="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} minLength={12} />
            <input id="confirm-password" type="password" value={confirmPassword} onChange={(e) => setConfirmPassword(e.target.value)} />
            {!passwordsMatch && <p className="text-red-600 text-sm">Passwords do not match</p>}
          </form>
        );
      }
    `,
  },
  {
    name: "an OAuth token refresh with axios and a promise chain",
    code: code`
      import axios from "axios";

      export function refreshAccessToken(refreshToken: string) {
        return axios
          .post("https://oauth2.googleapis.com/token", new URLSearchParams({
            grant_type: "refresh_token",
            refresh_token: refreshToken,
            client_id: process.env.GOOGLE_CLIENT_ID ?? "",
            client_secret: process.env.GOOGLE_CLIENT_SECRET ?? "",
          }))
          .then(({ data }) => ({ accessToken: data.access_token as string, expiresIn: data.expires_in as number }));
      }
    `,
  },
  {
    name: "a lexer that talks about tokens",
    code: code`
      export function tokenize(source: string) {
        const tokens: { type: string; value: string }[] = [];
        const token = { type: "Punctuator", value: "=>" };
        tokens.push(token);
        const TOKEN_PATTERN = "[A-Za-z_$][A-Za-z0-9_$]*";
        return tokens;
      }
    `,
  },
  {
    name: "test code with obviously fake credentials",
    filename: "auth.test.ts",
    code: code`
      describe("login", () => {
        it("rejects a wrong password", async () => {
          const res = await request(app).post("/login").send({ email: "user@example.com", password: "wrong-password" });
          expect(res.status).toBe(401);
        });
        it("accepts a mock token", () => {
          const token = "mock-jwt-token";
          expect(verify(token, "test-secret")).toBeTruthy();
        });
      });
    `,
  },
  {
    name: "strings built at runtime are not literals",
    code: code`
      const apiKey = ["sk", "live", randomPart].join("_");
      const token = crypto.randomBytes(32).toString("hex");
      const secret = \`\${prefix}\${crypto.randomUUID()}\`;
    `,
  },
  {
    name: "weird code does not crash the rule",
    filename: "weird.tsx",
    code: code`
      const a = obj?.["apiKey"];
      const b = { ...rest, [computed]: "value" };
      declare const key: string;
      enum Mode { Live = "live", Test = "test" }
      const el = <Comp {...props} token />;
      const c = tag\`secret \${value}\`;
      label: for (const x of []) break label;
      "use strict";
    `,
  },
  {
    name: "decorators, parameter properties, accessors and namespaced JSX attributes",
    filename: "weird2.tsx",
    code: code`
      @Injectable()
      export class PaymentsService {
        @Inject("STRIPE_SECRET_KEY_TOKEN") private readonly stripe!: Stripe;
        accessor apiKey = process.env.PAYMENTS_API_KEY;
        declare readonly token: string;
        constructor(private readonly secret = process.env.PAYMENTS_SECRET ?? "") {}
        get password() { return this.config.get<string>("db.password"); }
        static { void new (loadClient())(...args, "value"); }
      }
      export const Icon = () => <svg><use xlink:href="#icon-key-24x24" /></svg>;
    `,
  },
  {
    // A short string is reported at a key position only when the file's text names a key library or function; here the
    // first short constant settles that it does not, and the later `secret` option stays silent as it always has.
    name: "perf: a short option value after the file is known to hold no key position",
    code: code`
      const label = "abc";
      use(label);
      app.use(session({ secret: "kitty" }));
    `,
  },
];
