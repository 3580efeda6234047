import rule from "../../src/rules/no-permissive-cors/index.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import { invalidExpress } from "./no-permissive-cors/invalid-express.js";
import { invalidFrameworks } from "./no-permissive-cors/invalid-frameworks.js";
import { invalidHeaders } from "./no-permissive-cors/invalid-headers.js";
import { typedInvalidCases, typedValidCases, untypedInvalidCases, untypedValidCases } from "./no-permissive-cors/typed.js";
import { validCases } from "./no-permissive-cors/valid.js";
import { secondPassInvalid, secondPassValid } from "./no-permissive-cors/second-pass.js";
import { gateInvalid, gateValid } from "./no-permissive-cors/gate-cases.js";

const ruleTester = createRuleTester();

ruleTester.run("no-permissive-cors", rule, {
  valid: [...validCases, ...untypedValidCases, ...secondPassValid, ...gateValid],
  invalid: [...invalidExpress, ...invalidFrameworks, ...invalidHeaders, ...untypedInvalidCases, ...secondPassInvalid, ...gateInvalid],
});

// With type information, values and receivers the file cannot see are judged by their types.
createTypedRuleTester().run("no-permissive-cors (type-aware)", rule, {
  valid: typedValidCases,
  invalid: typedInvalidCases,
});
