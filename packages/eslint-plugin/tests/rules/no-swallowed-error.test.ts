import rule from "../../src/rules/no-swallowed-error.js";
import { createRuleTester } from "../rule-tester.js";
import { invalidCatchClauses } from "./no-swallowed-error/invalid-catch-clauses.js";
import { invalidPromises } from "./no-swallowed-error/invalid-promises.js";
import { validAllSettled, validCatchClauses, validPromises, validRealistic } from "./no-swallowed-error/valid.js";
import { validLibraryIdioms } from "./no-swallowed-error/valid-library-idioms.js";

createRuleTester().run("no-swallowed-error", rule, {
  valid: [...validCatchClauses, ...validPromises, ...validAllSettled, ...validRealistic, ...validLibraryIdioms],
  invalid: [...invalidCatchClauses, ...invalidPromises],
});
