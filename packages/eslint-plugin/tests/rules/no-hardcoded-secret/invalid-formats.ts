import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { MessageIds, Options } from "../../../src/rules/no-hardcoded-secret/index.js";
import { code } from "../../code.js";
import { PEM_BODY, S, secretData } from "./secrets.js";

type Case = InvalidTestCase<MessageIds, Options>;

/** Credentials recognised by their format, wherever the string is. */
export const invalidFormats: Case[] = [
  {
    name: "stripe: live secret key passed to the constructor (ESM)",
    code: code`
      import Stripe from "stripe";
      export const stripe = new Stripe("${S.skLive}", { apiVersion: "2024-06-20" });
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 34,
        data: { kind: "Stripe live secret key", ...secretData(S.skLive) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "STRIPE_SECRET_KEY" },
            output: code`
              import Stripe from "stripe";
              export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { apiVersion: "2024-06-20" });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "stripe: test secret key through require('stripe')(key) (CommonJS)",
    filename: "billing.js",
    code: `const stripe = require("stripe")("${S.skTest}");`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 34,
        data: { kind: "Stripe test secret key", ...secretData(S.skTest) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "STRIPE_SECRET_KEY" },
            output: `const stripe = require("stripe")(process.env.STRIPE_SECRET_KEY);`,
          },
        ],
      },
    ],
  },
  {
    name: "stripe: restricted key in an exported config object",
    filename: "config.js",
    code: `module.exports = { stripe: { restrictedKey: "${S.rkLive}" } };`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 45,
        data: { kind: "Stripe live restricted key", ...secretData(S.rkLive) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "STRIPE_RESTRICTED_KEY" },
            output: `module.exports = { stripe: { restrictedKey: process.env.STRIPE_RESTRICTED_KEY } };`,
          },
        ],
      },
    ],
  },
  {
    name: "stripe: webhook signing secret in constructEvent",
    code: code`
      router.post("/webhooks/stripe", express.raw({ type: "application/json" }), (req, res) => {
        const event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"], "${S.whsec}");
        res.json({ received: event.id });
      });
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 91,
        data: { kind: "Stripe webhook signing secret", ...secretData(S.whsec) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "STRIPE_WEBHOOK_SECRET" },
            output: code`
              router.post("/webhooks/stripe", express.raw({ type: "application/json" }), (req, res) => {
                const event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"], process.env.STRIPE_WEBHOOK_SECRET);
                res.json({ received: event.id });
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "openai: project key in the client options (TypeScript)",
    code: code`
      import OpenAI from "openai";
      const openai = new OpenAI({ apiKey: "${S.openaiProj}", maxRetries: 2 });
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 37,
        data: { kind: "OpenAI project API key", ...secretData(S.openaiProj) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "OPENAI_API_KEY" },
            output: code`
              import OpenAI from "openai";
              const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, maxRetries: 2 });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "openai: legacy key as the fallback of process.env (suggests dropping the fallback)",
    code: code`
      import OpenAI from "openai";
      const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? "${S.openaiLegacy}" });
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 67,
        data: { kind: "OpenAI API key", ...secretData(S.openaiLegacy) },
        suggestions: [
          {
            messageId: "removeFallback",
            data: { envName: "OPENAI_API_KEY" },
            output: code`
              import OpenAI from "openai";
              const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "openai: service account key in a constant",
    code: `export const OPENAI_KEY = "${S.openaiSvc}";`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 27,
        data: { kind: "OpenAI service account key", ...secretData(S.openaiSvc) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "OPENAI_API_KEY" },
            output: `export const OPENAI_KEY = process.env.OPENAI_API_KEY;`,
          },
        ],
      },
    ],
  },
  {
    name: "anthropic: key in the client options, in an async route handler",
    code: code`
      import Anthropic from "@anthropic-ai/sdk";
      const anthropic = new Anthropic({ apiKey: "${S.anthropic}" });
      export async function summarize(text: string) {
        const message = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1024, messages: [{ role: "user", content: text }] });
        return message.content;
      }
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 43,
        data: { kind: "Anthropic API key", ...secretData(S.anthropic) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "ANTHROPIC_API_KEY" },
            output: code`
              import Anthropic from "@anthropic-ai/sdk";
              const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
              export async function summarize(text: string) {
                const message = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1024, messages: [{ role: "user", content: text }] });
                return message.content;
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "aws: access key ID and secret access key in S3Client credentials",
    code: code`
      import { S3Client } from "@aws-sdk/client-s3";
      const s3 = new S3Client({
        region: "eu-west-1",
        credentials: { accessKeyId: "${S.awsKeyId}", secretAccessKey: "${S.awsSecret}" },
      });
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 4,
        column: 31,
        data: { kind: "AWS access key ID", ...secretData(S.awsKeyId) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "AWS_ACCESS_KEY_ID" },
            output: code`
              import { S3Client } from "@aws-sdk/client-s3";
              const s3 = new S3Client({
                region: "eu-west-1",
                credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: "${S.awsSecret}" },
              });
            `,
          },
        ],
      },
      {
        messageId: "namedSecret",
        line: 4,
        column: 72,
        data: { name: "secretAccessKey", kind: "AWS secret access key", ...secretData(S.awsSecret) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "AWS_SECRET_ACCESS_KEY" },
            output: code`
              import { S3Client } from "@aws-sdk/client-s3";
              const s3 = new S3Client({
                region: "eu-west-1",
                credentials: { accessKeyId: "${S.awsKeyId}", secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "aws: temporary key ID in AWS.config.update (CommonJS, SDK v2)",
    filename: "aws.js",
    code: code`
      const AWS = require("aws-sdk");
      AWS.config.update({ accessKeyId: "${S.awsTempKeyId}", region: "us-east-1" });
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 34,
        data: { kind: "AWS temporary access key ID", ...secretData(S.awsTempKeyId) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "AWS_ACCESS_KEY_ID" },
            output: code`
              const AWS = require("aws-sdk");
              AWS.config.update({ accessKeyId: process.env.AWS_ACCESS_KEY_ID, region: "us-east-1" });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "github: personal access token as Octokit auth",
    code: code`
      import { Octokit } from "@octokit/rest";
      const octokit = new Octokit({ auth: "${S.ghp}" });
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 37,
        data: { kind: "GitHub personal access token", ...secretData(S.ghp) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "GITHUB_TOKEN" },
            output: code`
              import { Octokit } from "@octokit/rest";
              const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "github: fine-grained token after the `token` scheme keeps the scheme in the suggestion",
    code: code`
      const response = await fetch("https://api.github.com/user/repos", {
        headers: { Authorization: "token ${S.ghpat}", Accept: "application/vnd.github+json" },
      });
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 29,
        data: { kind: "GitHub fine-grained personal access token", ...secretData(S.ghpat) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "GITHUB_TOKEN" },
            output: code`
              const response = await fetch("https://api.github.com/user/repos", {
                headers: { Authorization: \`token \${process.env.GITHUB_TOKEN}\`, Accept: "application/vnd.github+json" },
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "github: OAuth token in a Bearer header built by axios.create",
    code: code`
      import axios from "axios";
      export const github = axios.create({
        baseURL: "https://api.github.com",
        headers: { Authorization: "Bearer ${S.gho}" },
      });
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 4,
        column: 29,
        data: { kind: "GitHub OAuth access token", ...secretData(S.gho) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "GITHUB_TOKEN" },
            output: code`
              import axios from "axios";
              export const github = axios.create({
                baseURL: "https://api.github.com",
                headers: { Authorization: \`Bearer \${process.env.GITHUB_TOKEN}\` },
              });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "gitlab: personal access token in the PRIVATE-TOKEN header",
    code: `await got("https://gitlab.com/api/v4/projects", { headers: { "PRIVATE-TOKEN": "${S.glpat}" } });`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 79,
        data: { kind: "GitLab personal access token", ...secretData(S.glpat) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "GITLAB_TOKEN" },
            output: `await got("https://gitlab.com/api/v4/projects", { headers: { "PRIVATE-TOKEN": process.env.GITLAB_TOKEN } });`,
          },
        ],
      },
    ],
  },
  {
    name: "slack: bot token passed to WebClient",
    code: code`
      import { WebClient } from "@slack/web-api";
      const slack = new WebClient("${S.xoxb}");
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 29,
        data: { kind: "Slack bot token", ...secretData(S.xoxb) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SLACK_BOT_TOKEN" },
            output: code`
              import { WebClient } from "@slack/web-api";
              const slack = new WebClient(process.env.SLACK_BOT_TOKEN);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "slack: user token in a let binding",
    code: `let slackUserToken = "${S.xoxp}";`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 22,
        data: { kind: "Slack user token", ...secretData(S.xoxp) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SLACK_USER_TOKEN" },
            output: `let slackUserToken = process.env.SLACK_USER_TOKEN;`,
          },
        ],
      },
    ],
  },
  {
    name: "slack: incoming webhook URL in axios.post, in a promise chain",
    code: code`
      axios
        .post("${S.slackHook}", { text: "Deploy finished" })
        .then(() => logger.info("notified"));
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 9,
        data: { kind: "Slack webhook URL", ...secretData(S.slackHook) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SLACK_WEBHOOK_URL" },
            output: code`
              axios
                .post(process.env.SLACK_WEBHOOK_URL, { text: "Deploy finished" })
                .then(() => logger.info("notified"));
            `,
          },
        ],
      },
    ],
  },
  {
    name: "google: API key inside a template literal URL (no suggestion: the key is only part of the string)",
    code: code`
      const geocode = async (address: string) =>
        (await fetch(\`https://maps.googleapis.com/maps/api/geocode/json?address=\${encodeURIComponent(address)}&key=${S.google}\`)).json();
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 16,
        data: { kind: "Google API key", ...secretData(S.google) },
        suggestions: [],
      },
    ],
  },
  {
    name: "google: API key as a JSX attribute (suggestion adds braces)",
    filename: "Map.tsx",
    code: `export const StoreMap = () => <GoogleMap apiKey="${S.google}" zoom={12} />;`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 49,
        data: { kind: "Google API key", ...secretData(S.google) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "GOOGLE_API_KEY" },
            output: `export const StoreMap = () => <GoogleMap apiKey={process.env.GOOGLE_API_KEY} zoom={12} />;`,
          },
        ],
      },
    ],
  },
  {
    name: "twilio: account SID and auth token passed to twilio() (CommonJS)",
    filename: "sms.js",
    code: code`
      const twilio = require("twilio");
      const client = twilio("${S.twilioSid}", "${S.twilioToken}");
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 23,
        data: { kind: "Twilio account SID", ...secretData(S.twilioSid) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "TWILIO_ACCOUNT_SID" },
            output: code`
              const twilio = require("twilio");
              const client = twilio(process.env.TWILIO_ACCOUNT_SID, "${S.twilioToken}");
            `,
          },
        ],
      },
      {
        messageId: "librarySecret",
        line: 2,
        column: 61,
        data: { callee: "twilio", kind: "Twilio auth token", ...secretData(S.twilioToken) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "TWILIO_AUTH_TOKEN" },
            output: code`
              const twilio = require("twilio");
              const client = twilio("${S.twilioSid}", process.env.TWILIO_AUTH_TOKEN);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "twilio: API key SID in a named constant",
    code: `export const TWILIO_API_KEY_SID = "${S.twilioApiKey}";`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 35,
        data: { kind: "Twilio API key SID", ...secretData(S.twilioApiKey) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "TWILIO_API_KEY" },
            output: `export const TWILIO_API_KEY_SID = process.env.TWILIO_API_KEY;`,
          },
        ],
      },
    ],
  },
  {
    name: "sendgrid: key passed to setApiKey",
    code: code`
      import sgMail from "@sendgrid/mail";
      sgMail.setApiKey("${S.sendgrid}");
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 18,
        data: { kind: "SendGrid API key", ...secretData(S.sendgrid) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SENDGRID_API_KEY" },
            output: code`
              import sgMail from "@sendgrid/mail";
              sgMail.setApiKey(process.env.SENDGRID_API_KEY);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "npm: token written into an .npmrc line (no suggestion: part of a larger string)",
    code: `fs.writeFileSync(".npmrc", "//registry.corp.test/:_authToken=${S.npm}\\n");`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 28,
        data: { kind: "npm access token", ...secretData(S.npm) },
        suggestions: [],
      },
    ],
  },
  {
    name: "jwt: Supabase service-role token, suggestion named after the variable",
    code: code`
      import { createClient } from "@supabase/supabase-js";
      const supabaseServiceKey = "${S.jwt}";
      export const supabase = createClient("https://abcd.supabase.co", supabaseServiceKey);
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 28,
        data: { kind: "JSON Web Token", ...secretData(S.jwt) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "SUPABASE_SERVICE_KEY" },
            output: code`
              import { createClient } from "@supabase/supabase-js";
              const supabaseServiceKey = process.env.SUPABASE_SERVICE_KEY;
              export const supabase = createClient("https://abcd.supabase.co", supabaseServiceKey);
            `,
          },
        ],
      },
    ],
  },
  {
    name: "jwt: bearer token set on axios defaults with a computed header key",
    code: `axios.defaults.headers.common["Authorization"] = "Bearer ${S.jwt}";`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 50,
        data: { kind: "JSON Web Token", ...secretData(S.jwt) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "AUTH_TOKEN" },
            output: `axios.defaults.headers.common["Authorization"] = \`Bearer \${process.env.AUTH_TOKEN}\`;`,
          },
        ],
      },
    ],
  },
  {
    name: "jwt: token stored in localStorage from a React effect",
    filename: "Session.tsx",
    code: code`
      export function DevSession() {
        useEffect(() => {
          localStorage.setItem("token", "${S.jwt}");
        }, []);
        return <Outlet />;
      }
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 3,
        column: 35,
        data: { kind: "JSON Web Token", ...secretData(S.jwt) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "AUTH_TOKEN" },
            output: code`
              export function DevSession() {
                useEffect(() => {
                  localStorage.setItem("token", process.env.AUTH_TOKEN);
                }, []);
                return <Outlet />;
              }
            `,
          },
        ],
      },
    ],
  },
  {
    name: "openai: key written into process.env by a test setup file (no self-assignment suggested)",
    filename: "vitest.setup.ts",
    code: `process.env.OPENAI_API_KEY = "${S.openaiProj}";`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 30,
        data: { kind: "OpenAI project API key", ...secretData(S.openaiProj) },
        suggestions: [],
      },
    ],
  },
  {
    name: "stripe: key in a TypeScript enum initialiser (no suggestion: enums need literals)",
    code: `export enum PaymentKeys { Live = "${S.skLive}" }`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 34,
        data: { kind: "Stripe live secret key", ...secretData(S.skLive) },
        suggestions: [],
      },
    ],
  },
  {
    name: "github: token under `as const` (no suggestion: const assertions need a literal)",
    code: `export const CI = { token: "${S.ghp}" as const };`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 28,
        data: { kind: "GitHub personal access token", ...secretData(S.ghp) },
        suggestions: [],
      },
    ],
  },
  {
    name: "github: token as a tagged template (no suggestion: the tag needs a template)",
    code: "const auth = bearer`" + S.ghp + "`;",
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 20,
        data: { kind: "GitHub personal access token", ...secretData(S.ghp) },
        suggestions: [],
      },
    ],
  },
  {
    name: "pem: private key in a template literal used by jwt.sign",
    code: code`
      const privateKey = \`-----BEGIN PRIVATE KEY-----
      ${S.pemLines[0]}
      ${S.pemLines[1]}
      -----END PRIVATE KEY-----\`;
      export const sign = (claims: object) => jwt.sign(claims, privateKey, { algorithm: "RS256" });
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 20,
        endLine: 4,
        data: { kind: "private key", ...secretData(PEM_BODY) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "PRIVATE_KEY" },
            output: code`
              const privateKey = process.env.PRIVATE_KEY;
              export const sign = (claims: object) => jwt.sign(claims, privateKey, { algorithm: "RS256" });
            `,
          },
        ],
      },
    ],
  },
  {
    name: "pem: RSA key assembled by string concatenation",
    filename: "keys.js",
    code: code`
      const key =
        "-----BEGIN RSA PRIVATE KEY-----\\n" +
        "${S.pemLines[0]}\\n" +
        "${S.pemLines[1]}\\n" +
        "-----END RSA PRIVATE KEY-----";
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 3,
        data: { kind: "RSA private key", ...secretData(PEM_BODY) },
        suggestions: [],
      },
    ],
  },
  {
    name: "pem: OpenSSH key written as an array of lines joined later",
    code: code`
      const deployKey = [
        "-----BEGIN OPENSSH PRIVATE KEY-----",
        "${S.pemLines[0]}",
        "${S.pemLines[1]}",
        "-----END OPENSSH PRIVATE KEY-----",
      ].join("\\n");
    `,
    errors: [
      {
        messageId: "knownFormat",
        line: 2,
        column: 3,
        data: { kind: "OpenSSH private key", ...secretData(PEM_BODY) },
        suggestions: [],
      },
    ],
  },
  {
    name: "option additionalPatterns: a company token format",
    options: [{ additionalPatterns: [{ name: "Acme API key", pattern: "acme_[a-z0-9]{24}" }] }],
    code: `const acme = new AcmeClient({ key: "acme_k3j9x0m2q8v7b4n1z5r6t0y2" });`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 36,
        data: { kind: "Acme API key", ...secretData("acme_k3j9x0m2q8v7b4n1z5r6t0y2") },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "ACME_API_KEY" },
            output: `const acme = new AcmeClient({ key: process.env.ACME_API_KEY });`,
          },
        ],
      },
    ],
  },
  {
    name: "github: token in a CommonJS export, test files are checked by default",
    filename: "src/__tests__/github.test.js",
    code: `exports.fixtures = { githubToken: "${S.ghp}" };`,
    errors: [
      {
        messageId: "knownFormat",
        line: 1,
        column: 35,
        data: { kind: "GitHub personal access token", ...secretData(S.ghp) },
        suggestions: [
          {
            messageId: "useEnvironmentVariable",
            data: { envName: "GITHUB_TOKEN" },
            output: `exports.fixtures = { githubToken: process.env.GITHUB_TOKEN };`,
          },
        ],
      },
    ],
  },
];
