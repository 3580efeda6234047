import rule from "../../src/rules/no-permissive-cors.js";
import { createRuleTester } from "../rule-tester.js";
import { invalidExpress } from "./no-permissive-cors/invalid-express.js";
import { invalidFrameworks } from "./no-permissive-cors/invalid-frameworks.js";
import { invalidHeaders } from "./no-permissive-cors/invalid-headers.js";
import { validCases } from "./no-permissive-cors/valid.js";

const ruleTester = createRuleTester();

ruleTester.run("no-permissive-cors", rule, {
  valid: validCases,
  invalid: [...invalidExpress, ...invalidFrameworks, ...invalidHeaders],
});
