import { looksLikeTokenBody } from "./secret-values.js";

/** A credential recognised by its format inside a string. */
export interface TokenMatch {
  /** Human name for messages: "Stripe live secret key". */
  kind: string;
  /** The credential as found (the whole token, URL or PEM block). */
  secret: string;
  /** Where `secret` starts in the searched text. */
  index: number;
  /** What the message masks and measures: the token itself, or a PEM block's key material. */
  measured: string;
  /** Environment variable to suggest: "STRIPE_SECRET_KEY". */
  envName: string;
  /** When true, a name from the code (`const supabaseServiceKey = "eyJ..."`) is a better variable name than `envName`. */
  preferNameFromCode: boolean;
}

interface TokenFormat {
  pattern: RegExp;
  /** Kind and environment variable, which may depend on the matched prefix. */
  describe: (match: RegExpExecArray) => { kind: string; envName: string };
  /** The random part: what must not look like a placeholder. Defaults to the whole match. */
  body?: (match: RegExpExecArray) => string;
  /** Extra structural check (a JWT header must decode). */
  validate?: (match: RegExpExecArray) => boolean;
  /** Measure and mask the body rather than the whole match (a PEM header is not secret). */
  measureBody?: boolean;
  /** The format says what the credential is but not what it is for (JWTs, private keys). */
  preferNameFromCode?: boolean;
}

// `(?<![...])` and `(?![...])` keep a format from matching inside a longer identifier.
const TOKEN_FORMATS: readonly TokenFormat[] = [
  {
    pattern: /(?<![A-Za-z0-9])(AKIA|ASIA)([A-Z0-9]{16})(?![A-Za-z0-9])/,
    describe: (m) => ({
      kind: m[1] === "ASIA" ? "AWS temporary access key ID" : "AWS access key ID",
      envName: "AWS_ACCESS_KEY_ID",
    }),
    body: (m) => m[2] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9_])(gh[pousr])_([A-Za-z0-9]{36,251})(?![A-Za-z0-9_])/,
    describe: (m) => ({ kind: GITHUB_KINDS[m[1] ?? ""] ?? "GitHub token", envName: "GITHUB_TOKEN" }),
    body: (m) => m[2] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9_])github_pat_([A-Za-z0-9_]{50,251})(?![A-Za-z0-9_])/,
    describe: () => ({ kind: "GitHub fine-grained personal access token", envName: "GITHUB_TOKEN" }),
    body: (m) => m[1] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9_-])glpat-([A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])/,
    describe: () => ({ kind: "GitLab personal access token", envName: "GITLAB_TOKEN" }),
    body: (m) => m[1] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9])xox([bpar])-(\d+-[A-Za-z0-9-]{10,})(?![A-Za-z0-9-])/,
    describe: (m) => SLACK_KINDS[m[1] ?? ""] ?? { kind: "Slack token", envName: "SLACK_TOKEN" },
    body: (m) => m[2] ?? "",
  },
  {
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,}\/[A-Z0-9]{6,}\/([A-Za-z0-9]{16,})/,
    describe: () => ({ kind: "Slack webhook URL", envName: "SLACK_WEBHOOK_URL" }),
    body: (m) => m[1] ?? "",
  },
  {
    // Publishable keys (`pk_live_`, `pk_test_`) are public by design and never reported.
    pattern: /(?<![A-Za-z0-9])(sk|rk)_(live|test)_([A-Za-z0-9]{16,})(?![A-Za-z0-9])/,
    describe: (m) => ({
      kind: `Stripe ${m[2] ?? ""} ${m[1] === "rk" ? "restricted" : "secret"} key`,
      envName: m[1] === "rk" ? "STRIPE_RESTRICTED_KEY" : "STRIPE_SECRET_KEY",
    }),
    body: (m) => m[3] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9])whsec_([A-Za-z0-9+/=]{24,})(?![A-Za-z0-9])/,
    describe: () => ({ kind: "Stripe webhook signing secret", envName: "STRIPE_WEBHOOK_SECRET" }),
    body: (m) => m[1] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9_-])sk-ant-[a-z]+\d*-([A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])/,
    describe: () => ({ kind: "Anthropic API key", envName: "ANTHROPIC_API_KEY" }),
    body: (m) => m[1] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9_-])sk-(proj|svcacct|admin)-([A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])/,
    describe: (m) => ({ kind: OPENAI_KINDS[m[1] ?? ""] ?? "OpenAI API key", envName: "OPENAI_API_KEY" }),
    body: (m) => m[2] ?? "",
  },
  {
    // Legacy OpenAI keys (`sk-` + 48 characters, `T3BlbkFJ` inside) and the many APIs that copied the shape.
    pattern: /(?<![A-Za-z0-9_-])sk-([A-Za-z0-9]{32,})(?![A-Za-z0-9_-])/,
    describe: (m) => ({
      kind: (m[1] ?? "").includes("T3BlbkFJ") ? "OpenAI API key" : "OpenAI-style API key",
      envName: "OPENAI_API_KEY",
    }),
    body: (m) => m[1] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9_-])AIza([0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/,
    describe: () => ({ kind: "Google API key", envName: "GOOGLE_API_KEY" }),
    body: (m) => m[1] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9])(AC|SK)([0-9a-f]{32})(?![A-Za-z0-9])/,
    describe: (m) =>
      m[1] === "AC"
        ? { kind: "Twilio account SID", envName: "TWILIO_ACCOUNT_SID" }
        : { kind: "Twilio API key SID", envName: "TWILIO_API_KEY" },
    body: (m) => m[2] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9_-])SG\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    describe: () => ({ kind: "SendGrid API key", envName: "SENDGRID_API_KEY" }),
    body: (m) => `${m[1] ?? ""}${m[2] ?? ""}`,
  },
  {
    pattern: /(?<![A-Za-z0-9_])npm_([A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    describe: () => ({ kind: "npm access token", envName: "NPM_TOKEN" }),
    body: (m) => m[1] ?? "",
  },
  {
    pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,})\.(eyJ[A-Za-z0-9_-]{8,})\.([A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])/,
    describe: () => ({ kind: "JSON Web Token", envName: "AUTH_TOKEN" }),
    preferNameFromCode: true,
    body: (m) => m[3] ?? "",
    validate: (m) => isRealJwt(m[1] ?? "", m[2] ?? ""),
  },
  {
    // Only a header followed by key material: parsers compare lines against the bare header.
    pattern:
      /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----\s*(?:[A-Za-z-]+:[^\n]*\n\s*)*([A-Za-z0-9+/=\s]{40,})(?:-----END [A-Z0-9 ]+-----)?/,
    describe: (m) => ({ kind: privateKeyKind(m[1] ?? ""), envName: "PRIVATE_KEY" }),
    preferNameFromCode: true,
    body: (m) => (m[2] ?? "").replace(/\s+/g, ""),
    measureBody: true,
  },
];

const GITHUB_KINDS: Record<string, string> = {
  ghp: "GitHub personal access token",
  gho: "GitHub OAuth access token",
  ghu: "GitHub user-to-server token",
  ghs: "GitHub server-to-server token",
  ghr: "GitHub refresh token",
};

const SLACK_KINDS: Record<string, { kind: string; envName: string }> = {
  b: { kind: "Slack bot token", envName: "SLACK_BOT_TOKEN" },
  p: { kind: "Slack user token", envName: "SLACK_USER_TOKEN" },
  a: { kind: "Slack app token", envName: "SLACK_APP_TOKEN" },
  r: { kind: "Slack refresh token", envName: "SLACK_REFRESH_TOKEN" },
};

const OPENAI_KINDS: Record<string, string> = {
  proj: "OpenAI project API key",
  svcacct: "OpenAI service account key",
  admin: "OpenAI admin key",
};

function privateKeyKind(algorithm: string): string {
  const name = algorithm.trim();
  if (name === "") return "private key";
  if (name === "ENCRYPTED") return "encrypted private key";
  return `${name === "OPENSSH" ? "OpenSSH" : name} private key`;
}

/** One cheap test that every format above needs to pass, so most strings skip the list entirely. */
const FORMAT_HINT = /AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[bpar]-|hooks\.slack\.com|[sr]k_(?:live|test)_|whsec_|sk-|AIza|AC[0-9a-f]{32}|SK[0-9a-f]{32}|SG\.|npm_|eyJ|PRIVATE KEY/;

/** The first credential with a known format in `text`, if any. */
export function findKnownToken(text: string): TokenMatch | undefined {
  if (text.length < 20 || !FORMAT_HINT.test(text)) return undefined;
  for (const format of TOKEN_FORMATS) {
    const match = format.pattern.exec(text);
    if (!match) continue;
    const body = format.body ? format.body(match) : match[0];
    if (!looksLikeTokenBody(body)) continue;
    if (format.validate && !format.validate(match)) continue;
    const { kind, envName } = format.describe(match);
    return {
      kind,
      envName,
      preferNameFromCode: format.preferNameFromCode ?? false,
      secret: match[0],
      index: match.index,
      measured: format.measureBody ? body : match[0],
    };
  }
  return undefined;
}

/** True when `text` starts a private-key block but carries no key material (it may be split over a concatenation). */
export function isBarePrivateKeyHeader(text: string): boolean {
  return /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/.test(text);
}

/**
 * A JWT whose header decodes to JSON with an `alg`. The jwt.io sample token ("John Doe") and Supabase
 * `anon` keys, which are public by design, are not reported.
 */
function isRealJwt(encodedHeader: string, encodedPayload: string): boolean {
  const header = decodeJson(encodedHeader);
  if (!header || typeof header.alg !== "string" || header.alg.toLowerCase() === "none") return false;
  const payload = decodeJson(encodedPayload);
  if (payload?.role === "anon") return false;
  return !(payload?.sub === "1234567890" && payload.name === "John Doe");
}

function decodeJson(base64url: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(base64url, "base64url").toString("utf8"));
    return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    // Not base64url-encoded JSON: then it is not a JWT part, which is all the caller asks.
    return undefined;
  }
}
