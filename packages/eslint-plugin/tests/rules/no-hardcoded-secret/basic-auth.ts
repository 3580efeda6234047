// Basic auth built from literals (issue 10): encoded headers, the literal header value, axios and got options.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-hardcoded-secret/index.js";
import { describeSecret } from "../../../src/rules/no-hardcoded-secret/mask.js";
import { S } from "./secrets.js";

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options>;

/** One case: `literal` is the reported string as written in `code` (quotes included), found to give line and column. */
function basicAuthCase(name: string, code: string, literal: string, form: string, password: string, strength: "weak" | "strong"): Invalid {
  const before = code.slice(0, code.indexOf(literal)).split("\n");
  if (!code.includes(literal)) throw new Error(`${name}: ${literal} is not in the code`);
  const messageId = strength === "weak" ? "weakBasicAuthSecret" : "basicAuthSecret";
  return { name, code, errors: [{ messageId, line: before.length, column: (before.at(-1)?.length ?? 0) + 1, data: { form, ...describeSecret(password) } }] };
}

export const basicAuthInvalid: Invalid[] = [
  basicAuthCase(
    "basic auth: Buffer.from('user:pass').toString('base64') after 'Basic '",
    `const headers = { Authorization: "Basic " + Buffer.from("user:pass").toString("base64") };`,
    `"user:pass"`,
    "header",
    "pass",
    "weak",
  ),
  basicAuthCase(
    "basic auth: a strong password in an encoded fetch header",
    `await fetch("https://api.example.com/v1/items", {\n  headers: { Authorization: "Basic " + Buffer.from("deploy:${S.password}").toString("base64") },\n});`,
    `"deploy:${S.password}"`,
    "header",
    S.password,
    "strong",
  ),
  basicAuthCase(
    "basic auth: btoa in a template literal header",
    "const res = await fetch(url, { headers: { authorization: `Basic ${btoa('admin:hunter2')}` } });",
    "'admin:hunter2'",
    "header",
    "hunter2",
    "weak",
  ),
  basicAuthCase(
    "basic auth: Buffer.from with an explicit input encoding, header set with setHeader",
    `res.setHeader("Authorization", "Basic " + Buffer.from("svc:Winter2024", "utf8").toString("base64"));`,
    `"svc:Winter2024"`,
    "header",
    "Winter2024",
    "strong",
  ),
  basicAuthCase(
    "basic auth: the literal header value 'Basic dXNlcjpwYXNz'",
    `axios.get("https://api.example.com/report", { headers: { Authorization: "Basic dXNlcjpwYXNz" } });`,
    `"Basic dXNlcjpwYXNz"`,
    "header",
    "pass",
    "weak",
  ),
  basicAuthCase(
    "basic auth: axios auth option with literals",
    `import axios from "axios";\nexport const load = () => axios.get("https://api.example.com/orders", { auth: { username: "admin", password: "admin123" } });`,
    `"admin123"`,
    "auth option",
    "admin123",
    "weak",
  ),
  basicAuthCase(
    "basic auth: axios.create with a short password",
    `const client = axios.create({ baseURL: "https://api.example.com", auth: { username: "ops-bot", password: "ops" } });`,
    `"ops"`,
    "auth option",
    "ops",
    "weak",
  ),
  basicAuthCase(
    "basic auth: got username/password options",
    `import got from "got";\nexport const data = await got("https://api.example.com/data", { username: "reporter", password: "reporter1" }).json();`,
    `"reporter1"`,
    "got option",
    "reporter1",
    "weak",
  ),
  basicAuthCase(
    "basic auth: got.extend with username/password",
    `const got = require("got");\nconst api = got.extend({ prefixUrl: "https://api.example.com", username: "bot", password: "s3cret" });`,
    `"s3cret"`,
    "got option",
    "s3cret",
    "weak",
  ),
];

export const basicAuthValid: Valid[] = [
  // Credentials from the environment, in each form.
  `const headers = { Authorization: "Basic " + Buffer.from(\`\${process.env.API_USER}:\${process.env.API_PASSWORD}\`).toString("base64") };`,
  `const headers = { Authorization: "Basic " + Buffer.from("svc:" + process.env.API_PASSWORD).toString("base64") };`,
  "const headers = { Authorization: `Basic ${btoa(`${user}:${password}`)}` };",
  `axios.get(url, { auth: { username: process.env.API_USER, password: process.env.API_PASSWORD } });`,
  `got(url, { username: config.user, password: config.password });`,
  // Placeholders and empty passwords.
  `const headers = { Authorization: "Basic " + Buffer.from("user:changeme").toString("base64") };`,
  `const headers = { Authorization: "Basic " + Buffer.from("user:<password>").toString("base64") };`,
  `const headers = { Authorization: "Basic " + Buffer.from("user:").toString("base64") };`,
  `const headers = { Authorization: "Basic " + btoa("user:\${PASSWORD}") };`,
  `axios.get(url, { auth: { username: "admin", password: "" } });`,
  `axios.get(url, { auth: { username: "admin", password: "xxx" } });`,
  `const headers = { Authorization: "Basic eW91cl91c2VyOjxwYXNzd29yZD4=" };`,
  // Look-alikes: base64 of something else, a colon that is not in a Basic header, other schemes and objects.
  `const encoded = Buffer.from("user:pass").toString("base64");`,
  `const id = "Bearer " + Buffer.from("tenant:42").toString("hex");`,
  `const key = "Basic " + Buffer.from(data).toString("base64");`,
  `const label = "Basic plan: " + btoa(name);`,
  `const time = Buffer.from("12:30").toString("base64");`,
  `const form = { username: "admin", password: "admin123" };`,
  `register({ username: "demo", password: "demo" });`,
  `const schema = { auth: { username: "string", password: "string" } };`,
  `const field = { auth: { user: "admin", password: "admin" } };`,
];
