import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-hardcoded-secret/index.js";
import { code } from "../../code.js";
import { S, secretData } from "./secrets.js";

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options>;

// Outside the fixtures tsconfig's `include`, so the project service gives it a default project.
const FILENAME = "secret-typed.ts";

/** Test code with the SDK stand-ins in scope: line 1 is the reference, the body starts on line 2. */
function withSdk(body: string): string {
  return `/// <reference path="../rules/no-hardcoded-secret/sdk-ambient.d.ts" />\n${body}`;
}

/** With type information: strings passed positionally where the declared parameter name says credential. */
export const typedInvalid: Invalid[] = [
  {
    name: "types: constructor parameter `apiKey` of a class declared in another module",
    filename: FILENAME,
    code: withSdk(code`
      import { PaymentsClient } from "payments-sdk";
      export const payments = new PaymentsClient("${S.generic32}");
    `),
    errors: [
      {
        messageId: "parameterSecret",
        line: 3,
        column: 44,
        data: { name: "apiKey", callee: "new PaymentsClient()", kind: "API key", ...secretData(S.generic32) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_KEY" },
            output: withSdk(code`
              import { PaymentsClient } from "payments-sdk";
              export const payments = new PaymentsClient(process.env.API_KEY);
            `),
          },
        ],
      },
    ],
  },
  {
    name: "types: second parameter `password` of an overloaded function, judged as a password",
    filename: FILENAME,
    code: withSdk(code`
      import { connect } from "warehouse-db";
      const db = await connect("warehouse.internal", "${S.password}");
    `),
    errors: [
      {
        messageId: "parameterSecret",
        line: 3,
        column: 48,
        data: { name: "password", callee: "connect()", kind: "password", ...secretData(S.password) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "PASSWORD" },
            output: withSdk(code`
              import { connect } from "warehouse-db";
              const db = await connect("warehouse.internal", process.env.PASSWORD);
            `),
          },
        ],
      },
    ],
  },
  {
    name: "types: the overload the call resolves to names the parameter (`password`, then `apiToken`)",
    filename: FILENAME,
    code: withSdk(code`
      import { Session } from "warehouse-db";
      const session = new Session();
      await session.login("ops-admin", "${S.password2}");
      await session.login("${S.generic24}");
    `),
    errors: [
      {
        messageId: "parameterSecret",
        line: 4,
        column: 34,
        data: { name: "password", callee: "session.login()", kind: "password", ...secretData(S.password2) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "PASSWORD" },
            output: withSdk(code`
              import { Session } from "warehouse-db";
              const session = new Session();
              await session.login("ops-admin", process.env.PASSWORD);
              await session.login("${S.generic24}");
            `),
          },
        ],
      },
      {
        messageId: "parameterSecret",
        line: 5,
        column: 21,
        data: { name: "apiToken", callee: "session.login()", kind: "API token", ...secretData(S.generic24) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_TOKEN" },
            output: withSdk(code`
              import { Session } from "warehouse-db";
              const session = new Session();
              await session.login("ops-admin", "${S.password2}");
              await session.login(process.env.API_TOKEN);
            `),
          },
        ],
      },
    ],
  },
  {
    name: "types: overload with `secret` as its second parameter",
    filename: FILENAME,
    code: withSdk(code`
      import { encode } from "warehouse-db";
      export const cursor = encode({ page: 2 }, "${S.generic40}");
    `),
    errors: [
      {
        messageId: "parameterSecret",
        line: 3,
        column: 43,
        data: { name: "secret", callee: "encode()", kind: "secret", ...secretData(S.generic40) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SECRET" },
            output: withSdk(code`
              import { encode } from "warehouse-db";
              export const cursor = encode({ page: 2 }, process.env.SECRET);
            `),
          },
        ],
      },
    ],
  },
  {
    name: "types: a function declared in the same file (`masterKey`), hex key",
    filename: FILENAME,
    code: code`
      declare function openVault(vaultUrl: string, masterKey: string): Promise<void>;
      await openVault("https://vault.internal:8200", "${S.hex64}");
    `,
    errors: [
      {
        messageId: "parameterSecret",
        line: 2,
        column: 48,
        data: { name: "masterKey", callee: "openVault()", kind: "master key", ...secretData(S.hex64) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "MASTER_KEY" },
            output: code`
              declare function openVault(vaultUrl: string, masterKey: string): Promise<void>;
              await openVault("https://vault.internal:8200", process.env.MASTER_KEY);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "types: `super(...)` reaches the base class constructor's `apiKey`",
    filename: FILENAME,
    code: withSdk(code`
      import { PaymentsClient } from "payments-sdk";
      export class BillingClient extends PaymentsClient {
        constructor() {
          super("${S.generic24}", { region: "eu-west-1" });
        }
      }
    `),
    errors: [
      {
        messageId: "parameterSecret",
        line: 5,
        column: 11,
        data: { name: "apiKey", callee: "super()", kind: "API key", ...secretData(S.generic24) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "API_KEY" },
            output: withSdk(code`
              import { PaymentsClient } from "payments-sdk";
              export class BillingClient extends PaymentsClient {
                constructor() {
                  super(process.env.API_KEY, { region: "eu-west-1" });
                }
              }
            `),
          },
        ],
      },
    ],
  },
  {
    name: "types: `signingSecret` of an imported function, through `as string`",
    filename: FILENAME,
    code: withSdk(code`
      import { createWebhookVerifier } from "payments-sdk";
      export const verify = createWebhookVerifier("${S.base64}" as string);
    `),
    errors: [
      {
        messageId: "parameterSecret",
        line: 3,
        column: 45,
        data: { name: "signingSecret", callee: "createWebhookVerifier()", kind: "secret", ...secretData(S.base64) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SIGNING_SECRET" },
            output: withSdk(code`
              import { createWebhookVerifier } from "payments-sdk";
              export const verify = createWebhookVerifier(process.env.SIGNING_SECRET as string);
            `),
          },
        ],
      },
    ],
  },
  {
    name: "types: an environment fallback whose variable name alone says nothing, passed as `apiKey`",
    filename: FILENAME,
    code: withSdk(code`
      import { PaymentsClient } from "payments-sdk";
      export const payments = new PaymentsClient(process.env.PAYMENTS_KEY ?? "${S.generic40}");
    `),
    errors: [
      {
        messageId: "envFallback",
        line: 3,
        column: 72,
        data: { envName: "PAYMENTS_KEY", kind: "API key", ...secretData(S.generic40) },
        suggestions: [
          {
            messageId: "removeFallback",
            data: { envName: "PAYMENTS_KEY" },
            output: withSdk(code`
              import { PaymentsClient } from "payments-sdk";
              export const payments = new PaymentsClient(process.env.PAYMENTS_KEY);
            `),
          },
        ],
      },
    ],
  },
  {
    name: "types: a known format is reported once, as a known format, whatever the parameter",
    filename: FILENAME,
    code: withSdk(code`
      import { PaymentsClient } from "payments-sdk";
      export const payments = new PaymentsClient("${S.skLive}");
    `),
    errors: [
      {
        messageId: "knownFormat",
        line: 3,
        column: 44,
        data: { kind: "Stripe live secret key", ...secretData(S.skLive) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "STRIPE_SECRET_KEY" },
            output: withSdk(code`
              import { PaymentsClient } from "payments-sdk";
              export const payments = new PaymentsClient(process.env.STRIPE_SECRET_KEY);
            `),
          },
        ],
      },
    ],
  },
  {
    name: "types: an options object is reported once, under its property name, not its parameter",
    filename: FILENAME,
    code: withSdk(code`
      import { connect } from "warehouse-db";
      const db = await connect({ host: "warehouse.internal", password: "${S.password}" });
    `),
    errors: [
      {
        messageId: "namedSecret",
        line: 3,
        column: 66,
        data: { name: "password", kind: "password", ...secretData(S.password) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "CONNECT_PASSWORD" },
            output: withSdk(code`
              import { connect } from "warehouse-db";
              const db = await connect({ host: "warehouse.internal", password: process.env.CONNECT_PASSWORD });
            `),
          },
        ],
      },
    ],
  },
];

/** Look-alikes that type information must leave alone. */
export const typedValid: Valid[] = [
  {
    name: "types: `token` parameters of a tokenizer given words",
    filename: FILENAME,
    code: withSdk(code`
      import { Lexer, tokenize } from "text-tools";
      const lexer = new Lexer();
      lexer.push("whitespace");
      lexer.push("identifier");
      export const parts = tokenize("stringLiteral");
    `),
  },
  {
    name: "types: a cache `key` given a random-looking string (bare `key` is not secret-like)",
    filename: FILENAME,
    code: withSdk(code`
      import { LruCache } from "text-tools";
      const cache = new LruCache<number>();
      cache.set("${S.generic32}", 1);
      export const hit = cache.get("${S.generic24}");
    `),
  },
  {
    name: "types: placeholders passed as `apiKey` and `password`",
    filename: FILENAME,
    code: withSdk(code`
      import { PaymentsClient } from "payments-sdk";
      import { connect } from "warehouse-db";
      export const payments = new PaymentsClient("your-api-key");
      export const sandbox = new PaymentsClient("<your-api-key>");
      export const db = await connect("localhost", "changeme123");
    `),
  },
  {
    name: "types: a `label` parameter given a random-looking string",
    filename: FILENAME,
    code: withSdk(code`
      import { withLabel } from "text-tools";
      withLabel("${S.generic40}");
    `),
  },
  {
    name: "types: the overload resolved takes a `label`, not a `secret`",
    filename: FILENAME,
    code: withSdk(code`
      import { encode } from "warehouse-db";
      export const cursor = encode("invoice-7", "${S.generic32}");
    `),
  },
  {
    name: "types: rest parameters are skipped, even one named `secrets`",
    filename: FILENAME,
    code: withSdk(code`
      import { redactAll } from "text-tools";
      redactAll("${S.generic32}", "${S.generic24}");
    `),
  },
  {
    name: "types: arguments after a spread are skipped (positions no longer match parameters)",
    filename: FILENAME,
    code: withSdk(code`
      import { connect } from "warehouse-db";
      const hosts = ["warehouse.internal"] as const;
      export const db = await connect(...hosts, "${S.password}");
    `),
  },
  {
    name: "types: a callee typed `any` has no parameters to name",
    filename: FILENAME,
    code: code`
      declare const legacy: any;
      legacy.connect("warehouse.internal", "${S.password}");
    `,
  },
  {
    name: "types: a destructured parameter has no name of its own",
    filename: FILENAME,
    code: code`
      declare function configure([apiKey]: [string]): void;
      configure(["${S.generic32}"]);
    `,
  },
  {
    name: "types: calls the checker cannot resolve (undeclared function, too many arguments) stay silent",
    filename: FILENAME,
    code: withSdk(code`
      import { PaymentsClient } from "payments-sdk";
      // @ts-expect-error -- undeclared on purpose
      connectWarehouse("warehouse.internal", "${S.password}");
      // @ts-expect-error -- one argument too many on purpose
      export const payments = new PaymentsClient("eu-west-1", {}, "${S.generic32}");
    `),
  },
  {
    name: "types: ignoredNames applies to parameter names too",
    filename: FILENAME,
    options: [{ ignoredNames: ["apiKey"] }],
    code: withSdk(code`
      import { PaymentsClient } from "payments-sdk";
      export const payments = new PaymentsClient("${S.generic32}");
    `),
  },
  {
    name: "types: a password parameter given a short or single-class value",
    filename: FILENAME,
    code: withSdk(code`
      import { connect } from "warehouse-db";
      export const local = await connect("localhost", "postgres");
      export const pin = await connect("localhost", "48213377");
    `),
  },
];

/** The positional cases above, linted without type information: nothing names the parameter, so nothing is reported. */
export const untypedPositionalValid: Valid[] = typedInvalid
  .filter((testCase) => testCase.errors.every((error) => error.messageId === "parameterSecret"))
  .map((testCase) => ({ name: testCase.name.replace(/^types:/, "without types:"), code: testCase.code }));
