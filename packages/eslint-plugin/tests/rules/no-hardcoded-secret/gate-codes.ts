// Strings the rule's cheap gates must not skip (library-arguments.ts: module specifiers noted during the traversal,
// option properties ruled out by name), next to look-alikes the gates rightly leave alone.
export const gateInvalidCodes = [
  {
    name: "gate: a jsonwebtoken alias imported below the call",
    code: `export const issue = (user) => signToken({ sub: user.id }, "secret");\nimport { sign as signToken } from "jsonwebtoken";`,
  },
  {
    name: "gate: an alias from a node: specifier",
    code: `import { createHmac as hmac } from "node:crypto";\nexport const mac = (body) => hmac("sha256", "k3y").update(body).digest("hex");`,
  },
  {
    name: "gate: the jsonwebtoken module object under another name",
    code: `import tokens from "jsonwebtoken";\nexport const issue = (user) => tokens.sign({ sub: user.id }, "secret");`,
  },
  {
    name: "gate: a conventional name with no import in the file",
    code: `// express-session is set up by the caller\nexport const install = (app, session) => app.use(session({ secret: "keyboard cat" }));`,
  },
  {
    name: "gate: an option written with a string key",
    code: `import session from "express-session";\napp.use(session({ "secret": "keyboard cat" }));`,
  },
];

export const gateValidCodes = [
  {
    name: "gate: a conventional name bound to another module",
    code: `// our wrapper around express-session\nconst session = require("./session");\napp.use(session({ secret: "keyboard cat" }));`,
  },
  {
    name: "gate: a key option of a nested object",
    code: `import session from "express-session";\napp.use(session({ cookie: { secret: "keyboard cat" } }));`,
  },
  {
    name: "gate: a relative specifier that looks like a key library",
    code: `import { sign as signToken } from "./jsonwebtoken";\nexport const issue = (user) => signToken({ sub: user.id }, "secret");`,
  },
];
