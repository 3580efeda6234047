import { code } from "../../packages/eslint-plugin/tests/code.js";

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
    rules: ["vibeguard/require-retry"],
    text: code`
      export async function getRates() {
        const response = await fetch("https://rates.example.com/latest");
        return response.json();
      }
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
