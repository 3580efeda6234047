import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { code } from "../../packages/eslint-plugin/tests/code.js";
import { REPO_ROOT } from "./temp-project.js";

/**
 * One file opened in the editor and the exact set of rules whose diagnostics it must get. Adding a rule to the
 * editor test is one row here (`projectFiles` are written to disk beside it, e.g. the other half of a duplicate).
 */
export interface EditorCase {
  file: string;
  text: string;
  rules: string[];
  projectFiles?: Record<string, string>;
}

// The demo app's committed surface cache (`.vibeguard/deps-cache`, read as a seed by the deps rules): with it and a
// lockfile the dependency rules judge imports offline, as they always do in the editor.
const SEED_CACHE = ".vibeguard/deps-cache";
const seedCacheFiles = Object.fromEntries(
  readdirSync(path.join(REPO_ROOT, "fixtures/demo-app", SEED_CACHE), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(path.join(REPO_ROOT, "fixtures/demo-app"), file).split(path.sep).join("/"), readFileSync(file, "utf8")];
    }),
);

/**
 * Files of the whole project, beside the rows': a package.json declaring what the rows import (so only the
 * undeclared import is an unknown package), a lockfile pinning the versions the seed cache holds surfaces for.
 */
export const PROJECT_FILES: Record<string, string> = {
  "package.json": `${JSON.stringify(
    {
      name: "editor-project",
      private: true,
      type: "module",
      dependencies: { cors: "^2.8.5", express: "^4.21.2", openai: "^4.77.0", pg: "^8.13.1", stripe: "^17.5.0" },
      devDependencies: { "@typescript-eslint/parser": "*", eslint: "*", "eslint-plugin-vibeguard": "*" },
    },
    null,
    2,
  )}\n`,
  "package-lock.json": `${JSON.stringify(
    {
      name: "editor-project",
      lockfileVersion: 3,
      packages: {
        "": { name: "editor-project" },
        "node_modules/cors": { version: "2.8.6" },
        "node_modules/express": { version: "4.22.3" },
        "node_modules/openai": { version: "4.104.0" },
        "node_modules/pg": { version: "8.23.1" },
        "node_modules/stripe": { version: "17.7.0" },
      },
    },
    null,
    2,
  )}\n`,
  ...seedCacheFiles,
};

export const EDITOR_CASES: EditorCase[] = [
  {
    file: "src/errors.js",
    rules: ["vibeguard/no-swallowed-error", "vibeguard/no-contextless-error-log"],
    text: code`
      export async function loadUser(fetchUser, id) {
        try {
          return await fetchUser(id);
        } catch (err) {}
      }

      export async function saveOrder(db, order) {
        try {
          await db.insert(order);
        } catch (err) {
          console.error("Failed to save the order");
        }
      }
    `,
  },
  {
    // A TypeScript file, parsed by the TS parser from the project's eslint.config.js.
    file: "src/sql.ts",
    rules: ["vibeguard/no-string-built-sql"],
    text: code`
      import { Pool } from "pg";

      const pool = new Pool();

      export function findUser(id: string) {
        return pool.query(\`SELECT * FROM users WHERE id = \${id}\`);
      }
    `,
  },
  {
    file: "src/secrets.js",
    rules: ["vibeguard/no-hardcoded-secret"],
    text: code`
      import Stripe from "stripe";

      export const stripe = new Stripe("sk_live_51Hq8ZtK2mV7xQpR4nW9cYb3LdF6gTjE0aUoS");
    `,
  },
  {
    file: "src/cors.js",
    rules: ["vibeguard/no-permissive-cors"],
    text: code`
      import cors from "cors";
      import express from "express";

      export const app = express();
      app.use(cors({ origin: "*", credentials: true }));
    `,
  },
  {
    file: "src/retries.js",
    rules: ["vibeguard/require-retry", "vibeguard/require-timeout"],
    text: code`
      export async function getRates() {
        const response = await fetch("https://rates.example.com/latest");
        return response.json();
      }
    `,
  },
  {
    file: "src/calc.js",
    rules: ["vibeguard/no-unsafe-deserialization"],
    text: code`
      import express from "express";

      export const app = express();
      app.post("/calc", (req, res) => {
        const result = eval(req.body.expression);
        res.json({ result });
      });
    `,
  },
  {
    file: "src/account.js",
    rules: ["vibeguard/require-auth-middleware"],
    text: code`
      import { Router } from "express";
      import { isLoggedIn } from "./auth.js";

      export const account = Router();
      account.get("/account", isLoggedIn, (req, res) => res.json(req.user));
      account.delete("/account", async (req, res) => {
        await req.user.remove();
        res.sendStatus(204);
      });
    `,
  },
  {
    file: "src/users.js",
    rules: ["vibeguard/require-input-validation"],
    text: code`
      import express from "express";
      import { User } from "./models/user.js";

      export const app = express();
      app.post("/users", async (req, res) => {
        const user = await User.create(req.body);
        res.status(201).json(user);
      });
    `,
  },
  {
    // The analyzer-backed rule: the buffer is compared against an index of the project's other files.
    file: "src/routes/posts.ts",
    rules: ["vibeguard/no-duplicate-utility"],
    projectFiles: {
      "src/lib/strings.ts": code`
        /** URL-safe slug: lower case, ASCII letters and digits, single dashes. */
        export function slugify(title: string, maxLength = 80): string {
          const ascii = title.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "");
          const slug = ascii
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-+|-+$/g, "");
          if (slug.length <= maxLength) return slug;
          return slug.slice(0, maxLength).replace(/-+$/, "");
        }
      `,
    },
    text: code`
      import { Router } from "express";

      export const posts = Router();

      const toSlug = (text: string, limit = 60) => {
        const plain = text.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "");
        const result = plain
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "_")
          .replace(/^-+|-+$/g, "");
        if (result.length <= limit) return result;
        return result.slice(0, limit).replace(/_+$/, "");
      };

      posts.get("/:title", (req, res) => {
        res.json({ slug: toSlug(req.params.title) });
      });
    `,
  },
  {
    // The deps-backed rules, from the seed cache and the lockfile (no network): `OpenAIApi` is openai v3's API but
    // the lockfile pins v4; `left-pad` is not in package.json.
    file: "src/ai.ts",
    rules: ["vibeguard/no-version-mismatched-api", "vibeguard/no-unknown-package"],
    text: code`
      // Written from an answer about the openai package's v3 API.
      import { Configuration, OpenAIApi } from "openai";
      import leftPad from "left-pad";

      export const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));
      export const label = (id: string) => leftPad(id, 8);
    `,
  },
  {
    // The safe forms of all of the above: the editor stays quiet.
    file: "src/clean.ts",
    rules: [],
    text: code`
      import cors from "cors";
      import express from "express";
      import { Pool } from "pg";
      import Stripe from "stripe";

      const pool = new Pool();
      export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");
      export const app = express();
      app.use(cors({ origin: ["https://app.example.com"], credentials: true }));

      export async function findUser(id: string) {
        try {
          return await pool.query("SELECT * FROM users WHERE id = $1", [id]);
        } catch (err) {
          throw new Error(\`Loading user \${id} failed\`, { cause: err });
        }
      }
    `,
  },
];
