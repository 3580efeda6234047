// Expected reports for second-pass-codes.ts: recorded from the rule, each message read and checked by hand.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-contextless-error-log/index.js";
import { cliNameLookAlikes, invalidCodes, validCodes } from "./second-pass-codes.js";

type Invalid = InvalidTestCase<MessageIds, Options>;

const expected: Record<string, Invalid["errors"]> = {
  "breadcrumb then rethrow: the log line still lacks the error": [
    {
      "messageId": "errorDropped",
      "line": 5,
      "column": 5,
      "suggestions": [
        {
          "messageId": "addErrorObject",
          "output": "export async function run() {\n  try {\n    await migrate();\n  } catch (err) {\n    console.error(\"Migration failed\", err);\n    throw err;\n  }\n}"
        }
      ]
    }
  ],
  "Express: message only, then next(err)": [
    {
      "messageId": "errorDropped",
      "line": 5,
      "column": 5,
      "suggestions": [
        {
          "messageId": "addErrorObject",
          "output": "app.get(\"/users/:id\", async (req, res, next) => {\n  try {\n    res.json(await users.find(req.params.id));\n  } catch (err) {\n    logger.error(`User lookup failed: ${err.message}`, err);\n    next(err);\n  }\n});"
        }
      ]
    }
  ],
  "error-first callback: breadcrumb then callback(err)": [
    {
      "messageId": "errorDropped",
      "line": 4,
      "column": 7,
      "suggestions": [
        {
          "messageId": "addErrorObject",
          "output": "export function readJson(path, callback) {\n  fs.readFile(path, \"utf8\", (err, text) => {\n    if (err) {\n      console.warn(\"Could not read \" + path, err);\n      return callback(err);\n    }\n    callback(null, JSON.parse(text));\n  });\n}"
        }
      ]
    }
  ],
  "new Promise: breadcrumb then reject(err)": [
    {
      "messageId": "errorDropped",
      "line": 3,
      "column": 5,
      "suggestions": [
        {
          "messageId": "addErrorObject",
          "output": "export const upload = (stream) => new Promise((resolve, reject) => {\n  stream.on(\"error\", (err) => {\n    console.error(\"Upload stream broke\", err);\n    reject(err);\n  });\n});"
        }
      ]
    }
  ],
  "a CLI that prints a fixed line and exits still loses the error": [
    {
      "messageId": "errorDropped",
      "line": 2,
      "column": 3,
      "suggestions": [
        {
          "messageId": "addErrorObject",
          "output": "main().catch((err) => {\n  console.error(\"Something went wrong\", err);\n  process.exit(1);\n});"
        }
      ]
    }
  ]
};

export const secondPassInvalid: Invalid[] = [
  ...invalidCodes.map((testCase) => ({ ...testCase, errors: expected[testCase.name] ?? [] })),
  // The message-only print of a loop item's failure, outside any cli module: the error's stack is lost.
  ...cliNameLookAlikes.map((testCase) => ({ ...testCase, errors: [{ messageId: "errorDropped" as const, line: 8, suggestions: 1 }] as Invalid["errors"] })),
];
export const secondPassValid: ValidTestCase<Options>[] = validCodes;
