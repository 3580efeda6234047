import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-permissive-cors/index.js";
import { code } from "../../code.js";
import { ALLOW_LIST } from "./allow-list.js";

type Case = InvalidTestCase<MessageIds, Options>;

const CORS = "`cors`";
const STAR_DEFAULT = "`Access-Control-Allow-Origin: *`";

/** The `cors` package (Express, Connect), in the ways apps mount it. */
export const invalidExpress: Case[] = [
  {
    name: "ESM: app.use(cors()) with no options",
    code: code`
      import express from "express";
      import cors from "cors";
      const app = express();
      app.use(cors());
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 4,
        column: 9,
        data: { source: CORS, defaultBehavior: STAR_DEFAULT },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import express from "express";
              import cors from "cors";
              const app = express();
              app.use(cors({ origin: ${ALLOW_LIST} }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "CommonJS: const cors = require('cors')",
    filename: "server.js",
    code: code`
      const express = require("express");
      const cors = require("cors");
      const app = express();
      app.use(express.json());
      app.use(cors());
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 5,
        column: 9,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              const express = require("express");
              const cors = require("cors");
              const app = express();
              app.use(express.json());
              app.use(cors({ origin: ${ALLOW_LIST} }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "aliased default import",
    code: code`
      import corsMiddleware from "cors";
      export function mount(app) {
        app.use(corsMiddleware());
      }
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 3,
        column: 11,
        data: { source: CORS, defaultBehavior: STAR_DEFAULT },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import corsMiddleware from "cors";
              export function mount(app) {
                app.use(corsMiddleware({ origin: ${ALLOW_LIST} }));
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "preflight route: router.options('*', cors())",
    code: code`
      import { Router } from "express";
      import cors from "cors";
      const router = Router();
      router.options("*", cors());
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 4,
        column: 21,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import { Router } from "express";
              import cors from "cors";
              const router = Router();
              router.options("*", cors({ origin: ${ALLOW_LIST} }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "inline require('cors')()",
    filename: "app.js",
    code: code`
      const app = require("express")();
      app.use(require("cors")());
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 2,
        column: 9,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              const app = require("express")();
              app.use(require("cors")({ origin: ${ALLOW_LIST} }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "origin: '*'",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: "*" }));
    `,
    errors: [
      {
        messageId: "wildcardOrigin",
        line: 2,
        column: 16,
        data: { source: CORS, found: '`origin: "*"`' },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import cors from "cors";
              app.use(cors({ origin: ${ALLOW_LIST} }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "origin: true reflects every origin",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: true, methods: ["GET", "POST"] }));
    `,
    errors: [
      {
        messageId: "reflectedOrigin",
        line: 2,
        column: 16,
        data: { source: CORS, found: "`origin: true`" },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import cors from "cors";
              app.use(cors({ origin: ${ALLOW_LIST}, methods: ["GET", "POST"] }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "origin: /.*/ matches every origin",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: /.*/ }));
    `,
    errors: [{ messageId: "reflectedOrigin", line: 2, column: 16, data: { source: CORS, found: "`origin: /.*/`" }, suggestions: [] }],
  },
  {
    name: "new RegExp('^https?://') inside an origin array",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: ["http://localhost:3000", new RegExp("^https?://")] }));
    `,
    errors: [{ messageId: "reflectedOrigin", line: 2, column: 16, suggestions: [] }],
  },
  {
    name: "origin callback that accepts everything",
    code: code`
      import cors from "cors";
      app.use(
        cors({
          origin: (origin, callback) => callback(null, true),
        }),
      );
    `,
    errors: [
      {
        messageId: "reflectedOrigin",
        line: 4,
        column: 5,
        data: { source: CORS, found: "an `origin` function that accepts every origin" },
        suggestions: [],
      },
    ],
  },
  {
    name: "origin function expression that echoes the origin",
    code: code`
      const cors = require("cors");
      const corsOptions = {
        origin: function (origin, cb) {
          cb(null, origin);
        },
      };
      app.use(cors(corsOptions));
    `,
    errors: [{ messageId: "reflectedOrigin", line: 3, column: 3, suggestions: [] }],
  },
  {
    name: "origin callback that only logs before allowing, on every path",
    code: code`
      import cors from "cors";
      app.use(
        cors({
          origin(origin, callback) {
            console.log("CORS request from", origin);
            if (!origin) return callback(null, true);
            return callback(null, true);
          },
          credentials: true,
        }),
      );
    `,
    errors: [{ messageId: "credentialsWithReflectedOrigin", line: 4, column: 5, suggestions: [] }],
  },
  {
    name: "origin callback that only normalises the origin before allowing it",
    filename: "file.ts",
    code: code`
      import cors from "cors";
      app.use(
        cors({
          origin: (origin: string | undefined, callback) => {
            const normalized = origin?.trim().toLowerCase();
            logger.debug({ origin: normalized }, "cors");
            callback(null, true);
          },
        }),
      );
    `,
    errors: [{ messageId: "reflectedOrigin", line: 4, column: 5, data: { source: CORS, found: "an `origin` function that accepts every origin" }, suggestions: [] }],
  },
  {
    name: "origin: true with credentials: the worst case",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: true, credentials: true }));
    `,
    errors: [
      {
        messageId: "credentialsWithReflectedOrigin",
        line: 2,
        column: 16,
        data: { source: CORS, found: "`origin: true`" },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import cors from "cors";
              app.use(cors({ origin: ${ALLOW_LIST}, credentials: true }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "origin: '*' with credentials",
    code: code`
      import cors from "cors";
      app.use(cors({ origin: "*", credentials: true }));
    `,
    errors: [
      {
        messageId: "credentialsWithWildcardOrigin",
        line: 2,
        column: 16,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import cors from "cors";
              app.use(cors({ origin: ${ALLOW_LIST}, credentials: true }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "options object in a const, followed through the file (TS)",
    filename: "file.ts",
    code: code`
      import cors, { type CorsOptions } from "cors";
      const corsOptions: CorsOptions = {
        origin: true,
        credentials: true,
        optionsSuccessStatus: 200,
      };
      app.use(cors(corsOptions));
      app.options("*", cors(corsOptions));
    `,
    errors: [
      {
        messageId: "credentialsWithReflectedOrigin",
        line: 3,
        column: 3,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import cors, { type CorsOptions } from "cors";
              const corsOptions: CorsOptions = {
                origin: ${ALLOW_LIST},
                credentials: true,
                optionsSuccessStatus: 200,
              };
              app.use(cors(corsOptions));
              app.options("*", cors(corsOptions));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "credentials without an origin: the default * is sent with credentials",
    code: code`
      import cors from "cors";
      app.use(cors({ credentials: true }));
    `,
    errors: [
      {
        messageId: "credentialsWithWildcardOrigin",
        line: 2,
        column: 9,
        data: { source: CORS, found: `${STAR_DEFAULT}, the default` },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import cors from "cors";
              app.use(cors({ origin: ${ALLOW_LIST}, credentials: true }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "options without origin keep the default",
    code: code`
      import cors from "cors";
      app.use(cors({ methods: ["GET", "POST"], maxAge: 600 }));
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 2,
        column: 9,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import cors from "cors";
              app.use(cors({ origin: ${ALLOW_LIST}, methods: ["GET", "POST"], maxAge: 600 }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "empty options object",
    code: code`
      import cors from "cors";
      app.use(cors({}));
    `,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 2,
        column: 9,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import cors from "cors";
              app.use(cors({ origin: ${ALLOW_LIST} }));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "namespace import with a TS assertion on the options",
    filename: "file.ts",
    code: code`
      import * as cors from "cors";
      app.use(cors({ origin: "*" } as cors.CorsOptions));
    `,
    errors: [
      {
        messageId: "wildcardOrigin",
        line: 2,
        column: 16,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              import * as cors from "cors";
              app.use(cors({ origin: ${ALLOW_LIST} } as cors.CorsOptions));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "wildcard held in a constant",
    code: code`
      import cors from "cors";
      const ALLOWED_ORIGIN = "*";
      app.use(cors({ origin: ALLOWED_ORIGIN }));
    `,
    errors: [{ messageId: "wildcardOrigin", line: 3, column: 16, data: { source: CORS, found: "`origin: ALLOWED_ORIGIN`" }, suggestions: [] }],
  },
  {
    name: "per-request options echoing the request origin with credentials",
    code: code`
      import cors from "cors";
      app.use((req, res, next) => {
        cors({ origin: req.headers.origin, credentials: true })(req, res, next);
      });
    `,
    errors: [{ messageId: "credentialsWithReflectedOrigin", line: 3, column: 10, suggestions: [] }],
  },
  {
    name: "lazy require inside a bootstrap function",
    filename: "server.js",
    code: code`
      function createServer() {
        const corsLib = require("cors");
        const app = require("express")();
        app.use(corsLib({ origin: "*" }));
        return app;
      }
    `,
    errors: [
      {
        messageId: "wildcardOrigin",
        line: 4,
        column: 21,
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: code`
              function createServer() {
                const corsLib = require("cors");
                const app = require("express")();
                app.use(corsLib({ origin: ${ALLOW_LIST} }));
                return app;
              }
            `,
          },
        ],
      },
    ],
  },
];
