import rule from "../../src/rules/no-permissive-cors.js";
import { createRuleTester } from "../rule-tester.js";
import { invalidExpress } from "./no-permissive-cors/invalid-express.js";

const ruleTester = createRuleTester();

ruleTester.run("no-permissive-cors", rule, {
  valid: [],
  invalid: [...invalidExpress],
});
