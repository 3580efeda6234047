import rule from "../../src/rules/require-auth-middleware/index.js";
import { createRuleTester } from "../rule-tester.js";
import { invalidCases } from "./require-auth-middleware/invalid.js";
import { validCases } from "./require-auth-middleware/valid.js";

createRuleTester().run("require-auth-middleware", rule, {
  valid: validCases,
  invalid: invalidCases,
});
