import rule from "../../src/rules/no-swallowed-error/index.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import { code } from "../code.js";
import { invalidCatchClauses } from "./no-swallowed-error/invalid-catch-clauses.js";
import { invalidPromises } from "./no-swallowed-error/invalid-promises.js";
import { validAllSettled, validCatchClauses, validPromises, validRealistic } from "./no-swallowed-error/valid.js";
import { validLibraryIdioms } from "./no-swallowed-error/valid-library-idioms.js";

createRuleTester().run("no-swallowed-error", rule, {
  valid: [...validCatchClauses, ...validPromises, ...validAllSettled, ...validRealistic, ...validLibraryIdioms],
  invalid: [...invalidCatchClauses, ...invalidPromises],
});

// With type information the rule skips `.catch` on values that are not promises.
// The file name is outside the fixtures tsconfig's `include` so allowDefaultProject can serve it.
createTypedRuleTester().run("no-swallowed-error (typed)", rule, {
  valid: [
    {
      name: "a builder's own catch() method is not a promise handler",
      filename: "swallowed-error-typed.ts",
      code: code`
        class Matcher {
          catch(handler: () => void): Matcher { handler(); return this; }
        }
        new Matcher().catch(() => {});
      `,
    },
  ],
  invalid: [
    {
      name: "a real Promise is still checked",
      filename: "swallowed-error-typed.ts",
      code: code`
        declare function save(): Promise<void>;
        export async function run(): Promise<void> {
          await save().catch(() => {});
        }
      `,
      errors: [
        {
          messageId: "emptyHandler",
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: "suggestRemoveHandler",
              output: code`
                declare function save(): Promise<void>;
                export async function run(): Promise<void> {
                  await save();
                }
              `,
            },
            {
              messageId: "suggestOptOutComment",
              output: code`
                declare function save(): Promise<void>;
                export async function run(): Promise<void> {
                  await save().catch(() => { /* ignore: <why this failure is safe to ignore> */});
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "an untyped (any) receiver is checked as before",
      filename: "swallowed-error-typed.ts",
      code: code`
        declare const client: any;
        client.send("ping").catch(() => {});
      `,
      errors: [
        {
          messageId: "emptyHandler",
          line: 2,
          column: 27,
          suggestions: [
            {
              messageId: "suggestOptOutComment",
              output: code`
                declare const client: any;
                client.send("ping").catch(() => { /* ignore: <why this failure is safe to ignore> */});
              `,
            },
          ],
        },
      ],
    },
  ],
});
