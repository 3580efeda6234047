import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-permissive-cors/index.js";
import { code } from "../../code.js";
import { ALLOW_LIST } from "./allow-list.js";

type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageIds, Options>;

/**
 * The type-aware cases lint `cors-typed.ts`, a file the fixtures project service serves from its
 * default project. Line 1 of each case pulls in the stand-in package declarations, so code starts
 * on line 2.
 */
const FILENAME = "cors-typed.ts";
const TYPES = '/// <reference path="../rules/no-permissive-cors/typed-ambient.d.ts" />\n';
const typed = (text: string): string => `${TYPES}${text}`;

const CORS = "`cors`";
const HEADER = "The `Access-Control-Allow-Origin` header";
const NEST = "NestJS `enableCors()`";
const STAR_DEFAULT = "`Access-Control-Allow-Origin: *`";

// --- Imported values typed "*" or true: as permissive as the literal written in place -------------

const importedWildcard = typed(code`
  import express from "express";
  import cors from "cors";
  import { CORS_ORIGIN } from "@acme/cors-settings";
  const app = express();
  app.use(cors({ origin: CORS_ORIGIN }));
`);

const relativeSettingsWithCredentials = typed(code`
  import express from "express";
  import cors from "cors";
  import { CORS_ORIGIN } from "../rules/no-permissive-cors/typed-settings.js";
  const app = express();
  app.use(cors({ origin: CORS_ORIGIN, credentials: true }));
`);

const asConstConfigMembers = typed(code`
  import express from "express";
  import cors from "cors";
  import { settings } from "@acme/cors-settings";
  const app = express();
  app.use(cors({ origin: settings.cors.origin, credentials: settings.cors.credentials }));
`);

const importedOptionsObject = typed(code`
  import express from "express";
  import cors from "cors";
  import { corsOptions } from "@acme/cors-settings";
  const app = express();
  app.use(cors(corsOptions));
`);

const spreadOptions = typed(code`
  import express from "express";
  import cors from "cors";
  import { publicCors } from "@acme/cors-settings";
  const app = express();
  app.use(cors({ ...publicCors, maxAge: 600 }));
`);

const nestFactoryOptions = typed(code`
  import { NestFactory } from "@nestjs/core";
  import { corsOptions } from "@acme/cors-settings";
  declare const AppModule: unknown;
  const app = await NestFactory.create(AppModule, { cors: corsOptions });
  await app.listen(3000);
`);

const headerValues = typed(code`
  import express from "express";
  import { ALLOW_CREDENTIALS, CORS_ORIGIN } from "@acme/cors-settings";
  const app = express();
  app.get("/api/me", (request, response) => {
    response.setHeader("Access-Control-Allow-Origin", CORS_ORIGIN);
    response.setHeader("Access-Control-Allow-Credentials", ALLOW_CREDENTIALS);
  });
`);

// --- Receivers typed as a Nest application, in a file that imports nothing from @nestjs/ ----------

const nestAppFromBootstrap = typed(code`
  import { createApp } from "@acme/bootstrap";
  const app = await createApp();
  app.enableCors({ origin: true, credentials: true });
  await app.listen(3000);
`);

const nestAppDefaults = typed(code`
  import { createApp } from "@acme/bootstrap";
  export async function main() {
    const server = await createApp();
    server.enableCors();
    await server.listen(3000);
  }
`);

// --- An enableCors() declared by another package, in a NestJS file -------------------------------

const storageBucketInNestFile = typed(code`
  import type { INestApplication } from "@nestjs/common";
  import type { Bucket } from "@acme/storage";
  export async function openUploads(app: INestApplication, uploads: Bucket) {
    await uploads.enableCors({ origin: "*", methods: ["PUT"] });
    await app.listen(3000);
  }
`);

export const typedInvalidCases: Invalid[] = [
  {
    name: "types: an imported origin typed \"*\"",
    filename: FILENAME,
    code: importedWildcard,
    errors: [{ messageId: "wildcardOrigin", line: 6, column: 16, data: { source: CORS, found: '`origin: CORS_ORIGIN`, typed `"*"`' }, suggestions: [] }],
  },
  {
    name: "types: `export const CORS_ORIGIN = \"*\"` in a settings file, with credentials",
    filename: FILENAME,
    code: relativeSettingsWithCredentials,
    errors: [
      {
        messageId: "credentialsWithWildcardOrigin",
        line: 6,
        column: 16,
        data: { source: CORS, found: '`origin: CORS_ORIGIN`, typed `"*"`' },
        suggestions: [],
      },
    ],
  },
  {
    name: "types: origin and credentials read from an `as const` config object",
    filename: FILENAME,
    code: asConstConfigMembers,
    errors: [
      {
        messageId: "credentialsWithReflectedOrigin",
        line: 6,
        column: 16,
        data: { source: CORS, found: "`origin: settings.cors.origin`, typed `true`" },
        suggestions: [],
      },
    ],
  },
  {
    name: "types: an imported options object whose origin is typed \"*\"",
    filename: FILENAME,
    code: importedOptionsObject,
    errors: [
      {
        messageId: "credentialsWithWildcardOrigin",
        line: 6,
        column: 14,
        data: { source: CORS, found: '`corsOptions`, whose `origin` is typed `"*"`' },
        suggestions: [],
      },
    ],
  },
  {
    name: "types: a spread that sets origin to \"*\"",
    filename: FILENAME,
    code: spreadOptions,
    errors: [
      {
        messageId: "wildcardOrigin",
        line: 6,
        column: 14,
        data: { source: CORS, found: '`{ ...publicCors, maxAge: 600 }`, whose `origin` is typed `"*"`' },
        suggestions: [],
      },
    ],
  },
  {
    name: "types: NestFactory.create with imported cors options",
    filename: FILENAME,
    code: nestFactoryOptions,
    errors: [
      {
        messageId: "credentialsWithWildcardOrigin",
        line: 5,
        column: 57,
        data: { source: "NestJS's `cors` option", found: '`corsOptions`, whose `origin` is typed `"*"`' },
        suggestions: [],
      },
    ],
  },
  {
    name: "types: header values typed \"*\" and \"true\"",
    filename: FILENAME,
    code: headerValues,
    errors: [
      {
        messageId: "credentialsWithWildcardOrigin",
        line: 6,
        column: 3,
        data: { source: HEADER, found: '`CORS_ORIGIN`, typed `"*"`' },
        suggestions: [],
      },
    ],
  },
  {
    name: "types: enableCors on a NestExpressApplication built in another module",
    filename: FILENAME,
    code: nestAppFromBootstrap,
    errors: [
      {
        messageId: "credentialsWithReflectedOrigin",
        line: 4,
        column: 18,
        data: { source: NEST, found: "`origin: true`" },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: typed(code`
              import { createApp } from "@acme/bootstrap";
              const app = await createApp();
              app.enableCors({ origin: ${ALLOW_LIST}, credentials: true });
              await app.listen(3000);
            `),
          },
        ],
      },
    ],
  },
  {
    name: "types: enableCors() without options on a Nest application, whatever its name",
    filename: FILENAME,
    code: nestAppDefaults,
    errors: [
      {
        messageId: "defaultPermissive",
        line: 5,
        column: 3,
        data: { source: NEST, defaultBehavior: STAR_DEFAULT },
        suggestions: [
          {
            messageId: "suggestAllowList",
            output: typed(code`
              import { createApp } from "@acme/bootstrap";
              export async function main() {
                const server = await createApp();
                server.enableCors({ origin: ${ALLOW_LIST} });
                await server.listen(3000);
              }
            `),
          },
        ],
      },
    ],
  },
];

export const typedValidCases: Valid[] = [
  {
    name: "types: an imported origin typed string (from the environment or config)",
    filename: FILENAME,
    code: typed(code`
      import cors from "cors";
      import { ORIGIN_FROM_ENV } from "@acme/cors-settings";
      export const middleware = cors({ origin: ORIGIN_FROM_ENV, credentials: true });
    `),
  },
  {
    name: "types: a union of explicit origins",
    filename: FILENAME,
    code: typed(code`
      import cors from "cors";
      import { APP_ORIGIN } from "@acme/cors-settings";
      export const middleware = cors({ origin: APP_ORIGIN, credentials: true });
    `),
  },
  {
    name: "types: a string[] allow-list",
    filename: FILENAME,
    code: typed(code`
      import cors from "cors";
      import { ALLOWED_ORIGINS } from "@acme/cors-settings";
      export const middleware = cors({ origin: ALLOWED_ORIGINS, credentials: true });
    `),
  },
  {
    name: "types: a RegExp and an origin function from config",
    filename: FILENAME,
    code: typed(code`
      import cors from "cors";
      import { checkOrigin, ORIGIN_PATTERN } from "@acme/cors-settings";
      export const byPattern = cors({ origin: ORIGIN_PATTERN, credentials: true });
      export const byFunction = cors({ origin: checkOrigin, credentials: true });
    `),
  },
  {
    name: "types: a boolean flag and options typed CorsOptions stay configuration",
    filename: FILENAME,
    code: typed(code`
      import cors from "cors";
      import { configuredOptions, settings } from "@acme/cors-settings";
      export const flagged = cors({ origin: settings.cors.allowAll });
      export const configured = cors(configuredOptions);
      export const extended = cors({ ...configuredOptions, maxAge: 600 });
    `),
  },
  {
    name: "types: values typed any (an unresolved module) stay trusted",
    filename: FILENAME,
    code: typed(code`
      import cors from "cors";
      import { CORS_ORIGIN, corsOptions, ALLOW_CREDENTIALS } from "./settings-that-do-not-exist.js";
      export const middleware = cors({ origin: CORS_ORIGIN, credentials: ALLOW_CREDENTIALS });
      export const configured = cors(corsOptions);
    `),
  },
  {
    name: "types: a header value typed string",
    filename: FILENAME,
    code: typed(code`
      import express from "express";
      import { ORIGIN_FROM_ENV } from "@acme/cors-settings";
      express().get("/api/me", (request, response) => {
        response.setHeader("Access-Control-Allow-Origin", ORIGIN_FROM_ENV);
      });
    `),
  },
  {
    name: "types: an unrelated enableCors() typed from another package, in a NestJS file",
    filename: FILENAME,
    code: storageBucketInNestFile,
  },
  {
    name: "types: an enableCors() typed from another package, in a file without @nestjs/ imports",
    filename: FILENAME,
    code: typed(code`
      import { Bucket } from "@acme/storage";
      export const open = (bucket: Bucket) => bucket.enableCors({ origin: true });
    `),
  },
  {
    name: "types: a Nest application's enableCors() with a typed allow-list",
    filename: FILENAME,
    code: typed(code`
      import { createApp } from "@acme/bootstrap";
      import { ALLOWED_ORIGINS } from "@acme/cors-settings";
      const app = await createApp();
      app.enableCors({ origin: ALLOWED_ORIGINS, credentials: true });
    `),
  },
];

/** Without a program the rule trusts what it cannot see: the typed findings above stay silent. */
export const untypedValidCases: Valid[] = [
  importedWildcard,
  relativeSettingsWithCredentials,
  asConstConfigMembers,
  importedOptionsObject,
  spreadOptions,
  nestFactoryOptions,
  headerValues,
  nestAppFromBootstrap,
  nestAppDefaults,
].map((text, index) => ({ name: `untyped: value or receiver only types reveal (#${index + 1})`, code: text }));

/** Without a program, any enableCors() in a file importing from @nestjs/ is Nest's: types tell them apart. */
export const untypedInvalidCases: Invalid[] = [
  {
    name: "untyped: a storage bucket's enableCors() in a NestJS file is taken for Nest's",
    code: storageBucketInNestFile,
    errors: [
      {
        messageId: "wildcardOrigin",
        line: 5,
        column: 30,
        data: { source: NEST, found: '`origin: "*"`' },
        suggestions: [{ messageId: "suggestAllowList", output: storageBucketInNestFile.replace('origin: "*"', `origin: ${ALLOW_LIST}`) }],
      },
    ],
  },
];
