// Expected reports for gate-codes.ts: recorded from the rule before and after the gates were added (identical),
// each message read and checked by hand.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-hardcoded-secret/index.js";
import { gateInvalidCodes, gateValidCodes } from "./gate-codes.js";

type Invalid = InvalidTestCase<MessageIds, Options>;

const expected: Record<string, Invalid["errors"]> = {
  "gate: a jsonwebtoken alias imported below the call": [
    {
      "messageId": "weakLibrarySecret",
      "line": 1,
      "column": 60,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "export const issue = (user) => signToken({ sub: user.id }, process.env.JWT_SECRET);\nimport { sign as signToken } from \"jsonwebtoken\";"
        }
      ]
    }
  ],
  "gate: an alias from a node: specifier": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 45,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import { createHmac as hmac } from \"node:crypto\";\nexport const mac = (body) => hmac(\"sha256\", process.env.HMAC_SECRET).update(body).digest(\"hex\");"
        }
      ]
    }
  ],
  "gate: the jsonwebtoken module object under another name": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 62,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import tokens from \"jsonwebtoken\";\nexport const issue = (user) => tokens.sign({ sub: user.id }, process.env.JWT_SECRET);"
        }
      ]
    }
  ],
  "gate: a conventional name with no import in the file": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 68,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "// express-session is set up by the caller\nexport const install = (app, session) => app.use(session({ secret: process.env.SESSION_SECRET }));"
        }
      ]
    }
  ],
  "gate: an option written with a string key": [
    {
      "messageId": "weakLibrarySecret",
      "line": 2,
      "column": 29,
      "suggestions": [
        {
          "messageId": "useEnvironmentVariable",
          "output": "import session from \"express-session\";\napp.use(session({ \"secret\": process.env.SESSION_SECRET }));"
        }
      ]
    }
  ]
};

export const gateInvalid: Invalid[] = gateInvalidCodes.map((testCase) => ({ ...testCase, errors: expected[testCase.name] ?? [] }));
export const gateValid: ValidTestCase<Options>[] = gateValidCodes;
