// Expected reports for second-pass-codes.ts: recorded from the rule, each message read and checked by hand.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-permissive-cors/index.js";
import { invalidCodes, validCodes } from "./second-pass-codes.js";

type Invalid = InvalidTestCase<MessageIds, Options>;

const expected: Record<string, Invalid["errors"]> = {
  "Express: allowed origin from a query parameter": [
    {
      "messageId": "reflectedOrigin",
      "line": 2,
      "column": 3
    }
  ],
  "Express: allowed origin from the body, with credentials": [
    {
      "messageId": "credentialsWithReflectedOrigin",
      "line": 2,
      "column": 3
    }
  ],
  "Express: allowed origin from the Referer header": [
    {
      "messageId": "reflectedOrigin",
      "line": 3,
      "column": 3
    }
  ],
  "Koa: allowed origin from the Host header": [
    {
      "messageId": "reflectedOrigin",
      "line": 2,
      "column": 3
    }
  ],
  "Hono: allowed origin from a query parameter": [
    {
      "messageId": "reflectedOrigin",
      "line": 2,
      "column": 3
    }
  ],
  "NestJS: @Header decorator with a wildcard": [
    {
      "messageId": "wildcardOrigin",
      "line": 5,
      "column": 4
    }
  ],
  "Next.js: next.config headers() with a wildcard": [
    {
      "messageId": "wildcardOrigin",
      "line": 3,
      "column": 86
    }
  ],
  "Next.js: middleware echoing a search parameter": [
    {
      "messageId": "reflectedOrigin",
      "line": 4,
      "column": 3
    }
  ],
  "cors: RegExp with unescaped dots and no anchors": [
    {
      "messageId": "credentialsWithReflectedOrigin",
      "line": 2,
      "column": 16
    }
  ],
  "cors: RegExp anchored at the start only": [
    {
      "messageId": "reflectedOrigin",
      "line": 2,
      "column": 16
    }
  ],
  "cors: RegExp without a subdomain boundary": [
    {
      "messageId": "reflectedOrigin",
      "line": 2,
      "column": 16
    }
  ],
  "cors: RegExp with a .* suffix": [
    {
      "messageId": "reflectedOrigin",
      "line": 2,
      "column": 16
    }
  ]
};

export const secondPassInvalid: Invalid[] = invalidCodes.map((testCase) => ({ ...testCase, errors: expected[testCase.name] ?? [] }));
export const secondPassValid: ValidTestCase<Options>[] = validCodes;
