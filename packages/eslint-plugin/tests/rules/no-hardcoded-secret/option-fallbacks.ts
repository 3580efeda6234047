// Options objects that reach a key option's call through a fallback or a choice (issue 10, recall): express-admin
// writes `session(cfg.session || { secret: 'very secret' })`; the object is still the session's options whenever
// the configuration has none. Look-alikes: the same fallback with the secret read from the environment, an object
// that is only the condition of a choice, and a fallback object handed to a function that is not a key library.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";

type Options = readonly unknown[];

export const optionFallbackInvalid: InvalidTestCase<string, Options>[] = [
  {
    name: "express-session options as the fallback of a configured object",
    code: `const session = require("express-session");\nmodule.exports = (app, cfg) => app.use(session(cfg.session || { secret: "very secret", resave: false }));`,
    errors: [
      {
        messageId: "weakLibrarySecret",
        line: 2,
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            output: `const session = require("express-session");\nmodule.exports = (app, cfg) => app.use(session(cfg.session || { secret: process.env.SESSION_SECRET, resave: false }));`,
          },
        ],
      },
    ],
  },
  {
    name: "cookie-session options chosen by environment, the development branch hardcoded",
    code: `import cookieSession from "cookie-session";\nexport const sessions = (dev: boolean, prod: object) => cookieSession((dev ? { name: "s", keys: ["dev-key"] } : prod) as object);`,
    errors: [{ messageId: "weakLibrarySecret", line: 2, suggestions: 1 }],
  },
];

export const optionFallbackValid: ValidTestCase<Options>[] = [
  {
    name: "the same fallback with the secret read from the environment",
    code: `const session = require("express-session");\nmodule.exports = (app, cfg) => app.use(session(cfg.session || { secret: process.env.SESSION_SECRET, resave: false }));`,
  },
  {
    name: "an object tested, not passed: the condition of a choice",
    code: `import session from "express-session";\nexport const use = (app, other) => app.use(session({ secret: "x" }.secret ? other : other));`,
  },
  {
    name: "a fallback object passed to a function that is not a key library",
    code: `const merge = require("./merge");\nmodule.exports = (cfg) => merge(cfg.session || { secret: "very secret" });`,
  },
];
