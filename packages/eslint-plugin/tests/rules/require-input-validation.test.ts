import rule from "../../src/rules/require-input-validation/index.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import { invalidCases } from "./require-input-validation/invalid.js";
import { validCases } from "./require-input-validation/valid.js";

createRuleTester().run("require-input-validation", rule, {
  valid: validCases,
  invalid: invalidCases,
});

// With type information, a request value typed as a number (a typed route param, a coerced query
// field) cannot carry a path or a command; one typed as a string still can.
createTypedRuleTester().run("require-input-validation (type-aware)", rule, {
  valid: [
    {
      name: "a params field typed number",
      filename: "files-typed.ts",
      code: 'declare const fastify: any;\nimport { readFile } from "node:fs/promises";\nfastify.get("/reports/:id", async (request: { params: { id: number } }, reply: unknown) => readFile(`/srv/reports/${request.params.id}.pdf`));',
    },
  ],
  invalid: [
    {
      name: "a params field typed string",
      filename: "files-typed.ts",
      code: 'declare const fastify: any;\nimport { readFile } from "node:fs/promises";\nfastify.get("/reports/:id", async (request: { params: { id: string } }, reply: unknown) => readFile(`/srv/reports/${request.params.id}.pdf`));',
      errors: [{ messageId: "unvalidatedPath", line: 3, column: 117 }],
    },
  ],
});
