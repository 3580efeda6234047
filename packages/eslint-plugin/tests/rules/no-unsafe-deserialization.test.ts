import rule from "../../src/rules/no-unsafe-deserialization/index.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import { invalidCode } from "./no-unsafe-deserialization/invalid-code.js";
import { invalidDeserializers } from "./no-unsafe-deserialization/invalid-deserializers.js";
import { validCases } from "./no-unsafe-deserialization/valid.js";

createRuleTester().run("no-unsafe-deserialization", rule, {
  valid: validCases,
  invalid: [...invalidCode, ...invalidDeserializers],
});

// With type information, a timer argument typed as a string is evaluated code even when the file
// does not show how it was built; one typed as a function is fine.
createTypedRuleTester().run("no-unsafe-deserialization (type-aware)", rule, {
  valid: [
    {
      name: "setTimeout with a parameter typed as a function",
      filename: "timers-typed.ts",
      code: "export function later(callback: () => void, ms: number) { setTimeout(callback, ms); }",
    },
  ],
  invalid: [
    {
      name: "setTimeout with a parameter typed as a string",
      filename: "timers-typed.ts",
      code: "export function later(action: string, ms: number) { setTimeout(action, ms); }",
      errors: [{ messageId: "stringTimer", line: 1, column: 64, data: { callee: "`setTimeout`", origin: "" } }],
    },
  ],
});
