import rule from "../../src/rules/no-contextless-error-log/index.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import { invalidConsole } from "./no-contextless-error-log/invalid-console.js";
import { invalidLibraries } from "./no-contextless-error-log/invalid-libraries.js";
import { typedInvalid, typedValid, untypedSameCodeInvalid, untypedSameCodeValid } from "./no-contextless-error-log/typed.js";
import { precisionInvalid, precisionValid } from "./no-contextless-error-log/corpus-precision.js";
import { secondPassInvalid, secondPassValid } from "./no-contextless-error-log/second-pass.js";
import { validFromCorpus, validIdioms, validLookAlikes, validNotLost, validRealistic } from "./no-contextless-error-log/valid.js";

createRuleTester().run("no-contextless-error-log", rule, {
  valid: [...validIdioms, ...validNotLost, ...validLookAlikes, ...validFromCorpus, ...validRealistic, ...untypedSameCodeValid, ...secondPassValid, ...precisionValid],
  invalid: [...invalidConsole, ...invalidLibraries, ...untypedSameCodeInvalid, ...secondPassInvalid, ...precisionInvalid],
});

// With type information: loggers recognised by their declared type, and Error-typed values by theirs.
createTypedRuleTester().run("no-contextless-error-log (type-aware)", rule, {
  valid: typedValid,
  invalid: typedInvalid,
});
