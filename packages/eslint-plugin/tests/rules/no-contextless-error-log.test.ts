import rule from "../../src/rules/no-contextless-error-log.js";
import { createRuleTester } from "../rule-tester.js";
import { invalidConsole } from "./no-contextless-error-log/invalid-console.js";
import { invalidLibraries } from "./no-contextless-error-log/invalid-libraries.js";
import { validFromCorpus, validIdioms, validLookAlikes, validNotLost, validRealistic } from "./no-contextless-error-log/valid.js";

createRuleTester().run("no-contextless-error-log", rule, {
  valid: [...validIdioms, ...validNotLost, ...validLookAlikes, ...validFromCorpus, ...validRealistic],
  invalid: [...invalidConsole, ...invalidLibraries],
});
