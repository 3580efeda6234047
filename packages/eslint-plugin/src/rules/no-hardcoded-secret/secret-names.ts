/**
 * Decides whether a variable, property, parameter or header name says "this holds a credential".
 *
 * Names are split into words (`OPENAI_API_KEY`, `openaiApiKey` and `openai-api-key` all give
 * openai/api/key). The last credential word is the head; it must end the name, give or take a
 * neutral suffix (`apiKeyValue`, `API_KEY_PROD`), so `tokenUrl`, `passwordMinLength`, `secretName`
 * and `TOKEN_TYPE` describe something about a secret rather than hold one. Words such as `public`,
 * `page` or `max` before the head rule the name out (`publicKey`, `pageToken`, `maxTokens`).
 */

export interface SecretName {
  /** Human name for messages: "password", "API key", "client secret". */
  kind: string;
  /** Passwords are judged as human-made (shorter, less random) rather than generated. */
  isPassword: boolean;
  /** AWS secret access keys have their own 40-character format. */
  isAwsSecretKey: boolean;
}

const PASSWORD_WORDS = new Set(["password", "passwd", "passwrd", "pwd", "passphrase", "passcode"]);
// `pass` and `pw` alone are ambiguous (a test pass, a page width); after these they are passwords: `DB_PASS`, `SMTP_PW`.
const SHORT_PASSWORD_WORDS = new Set(["pass", "pw"]);
const SHORT_PASSWORD_QUALIFIERS = new Set([
  "db", "database", "smtp", "mail", "email", "admin", "root", "user", "redis", "mysql", "postgres", "pg", "mongo",
  "ftp", "sftp", "ldap", "proxy", "rabbit", "rabbitmq", "amqp", "sql", "mssql", "basic", "auth", "login",
]);
const CREDENTIAL_WORDS = new Set(["secret", "secrets", "token", "credential", "credentials", "creds", "authorization"]);
// Only for a nicer message: "access token" rather than "token".
const TOKEN_QUALIFIERS = new Set(["access", "refresh", "auth", "bearer", "api", "bot", "id", "session", "oauth"]);
// `key` alone is too common (cache keys, React keys); it needs one of these before it.
const KEY_QUALIFIERS = new Set([
  "api", "access", "secret", "private", "signing", "sign", "signature", "encryption", "encrypt", "decryption",
  "master", "auth", "hmac", "jwt", "session", "webhook", "license", "service", "server", "admin", "app",
  "client", "crypto", "cipher", "aes", "root", "account", "subscription", "shared", "deploy",
]);
// Compounds written as one word: `apikey`, `authtoken`, `clientsecret`.
const COMPOUND = /^(api|access|secret|private|signing|master|auth|encryption|client|app|session|jwt|webhook|bearer|refresh|bot|id)(key|token|secret)$/;
const NEUTRAL_SUFFIXES = new Set([
  "value", "val", "str", "string", "raw", "plain", "plaintext", "b64", "base64", "hex", "bytes", "buf", "buffer",
  "encoded", "literal", "default", "fallback", "prod", "production", "dev", "development", "staging", "stage",
  "live", "test", "sandbox", "local", "old", "new", "current", "override", "main", "primary", "secondary", "pem",
]);
const DISQUALIFYING_WORDS = new Set([
  "public", "publishable", "pub", "page", "next", "prev", "previous", "continuation", "cancellation", "cancel",
  "sync", "csrf", "xsrf", "lexer", "parser", "max", "min", "num", "count", "total", "show", "hide", "toggle",
  "is", "has", "should", "can", "use", "enable", "enabled", "disable", "forgot", "mock", "fake", "dummy",
  "example", "sample", "stub", "placeholder", "expected",
]);
const ACRONYMS: Record<string, string> = { api: "API", jwt: "JWT", hmac: "HMAC", aes: "AES", id: "ID" };

/** `OPENAI_API_KEY` → ["openai", "api", "key"]; `x-api-key` → ["x", "api", "key"]; `clientSecret` → ["client", "secret"]. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** `apiKey` → "API_KEY"; `x-api-key` → "X_API_KEY". Undefined when no valid variable name comes out. */
export function toEnvName(name: string): string | undefined {
  const envName = splitWords(name).join("_").toUpperCase();
  return /^[A-Z_][A-Z0-9_]*$/.test(envName) ? envName : undefined;
}

// Names repeat across a codebase (`type`, `name`, `message`...): classify each once.
const classified = new Map<string, SecretName | undefined>();
const MAX_CACHED_NAMES = 10_000;

/** The credential a name announces, or undefined for ordinary names. */
export function classifySecretName(name: string): SecretName | undefined {
  if (classified.has(name)) return classified.get(name);
  const result = classifyWords(splitWords(name));
  if (classified.size >= MAX_CACHED_NAMES) classified.clear();
  classified.set(name, result);
  return result;
}

function classifyWords(words: readonly string[]): SecretName | undefined {
  const head = findHead(words);
  if (!head) return undefined;
  const after = words.slice(head.end);
  if (!after.every((word) => NEUTRAL_SUFFIXES.has(word) || /^v?\d+$/.test(word))) return undefined;
  if (words.slice(0, head.end).some((word) => DISQUALIFYING_WORDS.has(word))) return undefined;

  const isPassword = head.words.some((word) => PASSWORD_WORDS.has(word));
  const joined = words.join("_");
  const isAwsSecretKey = (words.includes("aws") && words.includes("secret")) || /secret_access_key/.test(joined);
  const kind = isPassword
    ? "password"
    : head.words.map((word) => (word === "authorization" ? "authorization header" : (ACRONYMS[word] ?? word))).join(" ");
  return { kind, isPassword, isAwsSecretKey };
}

interface Head {
  /** Words that name the credential: ["client", "secret"], ["api", "key"], ["password"]. */
  words: string[];
  /** Index just past the head in the name's words. */
  end: number;
}

/** The last credential word of a name, with the qualifier that makes it one (`api` + `key`). */
function findHead(words: readonly string[]): Head | undefined {
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index] ?? "";
    const previous = words[index - 1] ?? "";
    const end = index + 1;
    if (PASSWORD_WORDS.has(word)) return { words: [word], end };
    if (SHORT_PASSWORD_WORDS.has(word) && SHORT_PASSWORD_QUALIFIERS.has(previous)) return { words: ["password"], end };
    if (CREDENTIAL_WORDS.has(word)) {
      const qualified = (word === "secret" && previous === "client") || (word === "token" && TOKEN_QUALIFIERS.has(previous));
      return { words: qualified ? [previous, word] : [word], end };
    }
    if ((word === "key" || word === "keys") && KEY_QUALIFIERS.has(previous)) return { words: [previous, "key"], end };
    const compound = COMPOUND.exec(word);
    if (compound) return { words: [compound[1] ?? "", compound[2] ?? ""], end };
  }
  return undefined;
}
