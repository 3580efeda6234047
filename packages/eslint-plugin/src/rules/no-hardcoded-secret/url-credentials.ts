import { isPlaceholder } from "./placeholders.js";

/** Stands for an interpolated `${...}` when a template literal's parts are joined for the search. */
export const INTERPOLATION_MARK = "\u0000";

export interface UrlCredential {
  /** "PostgreSQL connection string", "Redis URL"... */
  kind: string;
  /** The whole URL as matched. */
  url: string;
  /** Where `url` starts in the searched text. */
  index: number;
  password: string;
  envName: string;
  /** A `key=value;` connection string is the whole string, spaces included. */
  isWholeString: boolean;
}

// scheme://user:password@host. The user may be empty (`redis://:pass@host`) or interpolated.
const URL_WITH_PASSWORD = /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:@/?#]*):([^\s@/?#]+)@([^\s/?#:@]+)/gi;

const SCHEMES: Record<string, { kind: string; envName: string }> = {
  postgres: { kind: "PostgreSQL connection string", envName: "DATABASE_URL" },
  postgresql: { kind: "PostgreSQL connection string", envName: "DATABASE_URL" },
  mysql: { kind: "MySQL connection string", envName: "DATABASE_URL" },
  mysql2: { kind: "MySQL connection string", envName: "DATABASE_URL" },
  mariadb: { kind: "MariaDB connection string", envName: "DATABASE_URL" },
  mssql: { kind: "SQL Server connection string", envName: "DATABASE_URL" },
  sqlserver: { kind: "SQL Server connection string", envName: "DATABASE_URL" },
  mongodb: { kind: "MongoDB connection string", envName: "MONGODB_URI" },
  "mongodb+srv": { kind: "MongoDB connection string", envName: "MONGODB_URI" },
  redis: { kind: "Redis URL", envName: "REDIS_URL" },
  rediss: { kind: "Redis URL", envName: "REDIS_URL" },
  amqp: { kind: "AMQP URL", envName: "AMQP_URL" },
  amqps: { kind: "AMQP URL", envName: "AMQP_URL" },
  http: { kind: "URL", envName: "SERVICE_URL" },
  https: { kind: "URL", envName: "SERVICE_URL" },
};

// Hosts that only appear in documentation.
const DOCUMENTATION_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|example|host|hostname|your-?host|server|domain\.com)$/i;

/**
 * The first URL in `text` that carries a literal password: `postgres://app:s3cr3t@db/app`.
 * The user and host may be interpolated. Not when the password is interpolated, a placeholder (`<password>`, `password`, `${DB_PASS}`),
 * equal to the user name (`postgres:postgres`), a port-like number, or the host is a documentation host.
 */
export function findUrlCredential(text: string): UrlCredential | undefined {
  if (!text.includes("://") || !text.includes("@")) return undefined;
  for (const match of text.matchAll(URL_WITH_PASSWORD)) {
    const [url, scheme = "", user = "", password = "", host = ""] = match;
    if (password.includes(INTERPOLATION_MARK)) continue;
    if (password === user || /^\d{1,5}$/.test(password) || password.length < 3) continue;
    if (isPlaceholder(decode(password)) || DOCUMENTATION_HOST.test(host)) continue;
    const known = SCHEMES[scheme.toLowerCase()];
    return {
      kind: known?.kind ?? `${scheme} URL`,
      envName: known?.envName ?? `${scheme.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_URL`,
      url,
      index: match.index,
      password,
      isWholeString: false,
    };
  }
  return undefined;
}

// ADO.NET / ODBC style, used by mssql and tedious: `Server=db;User Id=app;Password=...;`.
const KEY_VALUE_PASSWORD = /(?:^|;)\s*(?:password|pwd)\s*=\s*([^;]+)/i;
const KEY_VALUE_CONNECTION = /(?:^|;)\s*(?:server|data source|host|uid|user id|database)\s*=/i;

/** A `Password=...` entry of a `key=value;` connection string, not a placeholder. */
export function findKeyValueCredential(text: string): UrlCredential | undefined {
  if (!text.includes("=") || !text.includes(";")) return undefined;
  const match = KEY_VALUE_PASSWORD.exec(text);
  if (!match || !KEY_VALUE_CONNECTION.test(text)) return undefined;
  const password = (match[1] ?? "").trim().replace(/^(["'{])(.*)(["'}])$/, "$2");
  if (password.length < 3 || password.includes(INTERPOLATION_MARK) || isPlaceholder(password)) return undefined;
  return { kind: "Connection string", envName: "DATABASE_CONNECTION_STRING", url: text, index: 0, password, isWholeString: true };
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

/** A credential in a URL's query string: `?api_key=…`, `&access_token=…`, `?token=…`, `?key=…`. */
export interface QueryCredential {
  param: string;
  value: string;
  /** Where `value` starts in the searched text. */
  index: number;
}

const QUERY_CREDENTIAL = /[?&](api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|key|client[_-]?secret|secret|password|passwd)=([^&#\s"'`]+)/gi;

/**
 * The first query parameter of a URL that carries a credential with a generated-looking value. URLs only
 * (a scheme before the `?`), so form bodies and log lines do not count; placeholders (`YOUR_API_KEY`,
 * `${key}`) and low-entropy values are left alone.
 */
export function findQueryCredential(text: string, looksGenerated: (value: string) => boolean): QueryCredential | undefined {
  // The plain `includes` first: the scheme pattern alone retries at every letter of a long word-like string.
  if (!text.includes("=") || !text.includes("://") || !/[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  for (const match of text.matchAll(QUERY_CREDENTIAL)) {
    const value = decodeURIComponentSafely(match[2] ?? "");
    if (value.length < 16 || value.includes(INTERPOLATION_MARK) || isPlaceholder(value) || !looksGenerated(value)) continue;
    return { param: match[1] ?? "", value, index: (match.index ?? 0) + match[0].length - (match[2] ?? "").length };
  }
  return undefined;
}

function decodeURIComponentSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // not percent-encoded as a URL would be: judge it as written
  }
}
