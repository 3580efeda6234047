/**
 * Values that sit where a secret goes but are not one: placeholders from docs and templates,
 * keyboard walks, masked values, references to the environment, and strings whose shape says
 * they are something else (UUIDs, integrity hashes, password hashes, paths, enum names...).
 */

// Whole values (lower-cased, separators and trailing digits dropped) that are placeholders or
// well-known defaults rather than credentials someone generated.
const PLACEHOLDER_VALUES = new Set([
  "changeme", "changeit", "replaceme", "todo", "tbd", "fixme", "none", "null", "nil", "undefined", "empty",
  "secret", "secrets", "password", "passwd", "pass", "pwd", "token", "apikey", "key", "test", "testing",
  "example", "sample", "dummy", "fake", "mock", "stub", "placeholder", "default", "demo", "dev", "development",
  "local", "localhost", "admin", "administrator", "root", "guest", "user", "username", "login", "foo", "bar",
  "baz", "qux", "foobar", "abc", "abcd", "redacted", "hidden", "masked", "notset", "unset", "na", "letmein",
  "welcome", "qwerty", "iloveyou", "foobared", "hunter", "keyboardcat", "postgres", "mysql", "redis", "sa",
  "xoauthbasic", "anonymous", "public", "private", "value", "string", "required", "optional",
]);

// Fragments that never occur in generated secrets but do in placeholders and hand-made demo values.
const PLACEHOLDER_FRAGMENT =
  /example|sample|dummy|placeholder|changeme|change[-_.]?(?:me|it|this)|replace[-_.]?(?:me|this|with)|(?:^|[^a-z])your|insert|redacted|fixme|todo|fake|mock|test|secret|passw(?:or)?d|xxxx|\*\*\*|\.\.\.|•••/i;

// References to a value that lives elsewhere: `${X}`, `{{ x }}`, `$DB_PASSWORD`, `%API_KEY%`, `%s`, `process.env.X`.
const REFERENCE = /\$\{|\{\{|^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Za-z_][A-Za-z0-9_]*%$|%[sd]|%\(|\$\d|process\.env|import\.meta\.env/;

const WRAPPED = /^(?:<.*>|\[.*\]|\{.*\}|\(.*\))$/s;
const SAME_CHARACTER = /^(.)\1*$/s;
const REPEATED_UNIT = /^(.{1,8}?)\1+$/s;
// Four or more mask characters in a row: `XXXX`, `****`, `....`, `____`.
const MASK_RUN = /([xX*•#._-])\1{3,}/;

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "!": "i" };

/** True for a value that stands in for a secret: `changeme`, `<your-api-key>`, `xxxx`, `${TOKEN}`, `123456`. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  if (WRAPPED.test(trimmed) || SAME_CHARACTER.test(trimmed) || REFERENCE.test(trimmed)) return true;
  if (MASK_RUN.test(trimmed) || PLACEHOLDER_FRAGMENT.test(trimmed)) return true;
  if (REPEATED_UNIT.test(trimmed) || isSequential(trimmed)) return true;

  const plain = trimmed.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/\d+$/, "").replace(/^\d+/, "");
  if (plain.length === 0 || PLACEHOLDER_VALUES.has(plain)) return true;
  // "P@ssw0rd!" and "S3cr3t" are placeholders too, just spelled in leet.
  const unleet = [...trimmed.toLowerCase()].map((char) => LEET[char] ?? char).join("").replace(/[^a-z]/g, "");
  return PLACEHOLDER_VALUES.has(unleet) || PLACEHOLDER_FRAGMENT.test(unleet);
}

const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"];

/**
 * True for runs like `123456`, `abcdef`, `qwerty`, `a1b2c3d4`: at least 70% of neighbouring characters
 * (or, for interleaved runs, of characters two apart) are consecutive in the alphabet or on a keyboard row.
 */
export function isSequential(value: string): boolean {
  const lower = value.toLowerCase();
  if (lower.length < 4) return false;
  return sequentialShare(lower, 1) >= 0.7 || sequentialShare(lower, 2) >= 0.8;
}

function sequentialShare(value: string, stride: number): number {
  let sequential = 0;
  let pairs = 0;
  for (let index = stride; index < value.length; index++) {
    pairs++;
    const previous = value[index - stride] ?? "";
    const current = value[index] ?? "";
    const step = current.charCodeAt(0) - previous.charCodeAt(0);
    if (step === 1 || step === -1 || adjacentOnKeyboard(previous, current)) sequential++;
  }
  return pairs === 0 ? 0 : sequential / pairs;
}

function adjacentOnKeyboard(previous: string, current: string): boolean {
  return KEYBOARD_ROWS.some((row) => {
    const at = row.indexOf(previous);
    return at !== -1 && row[at + 1] === current;
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Subresource-integrity and npm lockfile hashes: `sha512-<base64>`.
const INTEGRITY_HASH = /^sha(?:1|256|384|512)-[A-Za-z0-9+/=]+$/;
// Password hashes (bcrypt, argon2, scrypt, PBKDF2, crypt): safe to store, not a credential.
const PASSWORD_HASH = /^\$(?:2[abxy]?|argon2(?:id|i|d)?|scrypt|pbkdf2[-\w]*|[1356]|y|gy|7)\$|^pbkdf2_sha\d+\$|^\{(?:SSHA|SHA|BCRYPT)\}/;
// URLs, URNs (`urn:uuid:…`) and file paths.
const URL_OR_PATH = /^(?:[a-z][a-z0-9+.-]*:\/\/|urn:|www\.|\/|\.\.?\/|~\/|[A-Za-z]:\\)/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
// `TOKEN_EXPIRED`, `INVALID_PASSWORD`: enum-ish constants.
const SCREAMING_CASE = /^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+$/;
// `auth.password.invalid`, `api.example.com`: i18n keys, property paths, host names.
const DOTTED_WORDS = /^[A-Za-z_-]+\d*(?:\.[A-Za-z_-]+\d*)+$/;
// Selectors and form field references: `#password`, `.token-input`, `input[name=password]`.
const SELECTOR = /^[#.][A-Za-z]|^[a-z]+\[[^\]]*\]$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// Regular-expression sources: `^(?=.*[A-Z])(?=.*\d).{8,}$`.
const REGEX_SOURCE = /^\^|\(\?[=!:<]|\\[dwsbDWSB]|\.[*+]|\[[^\]]*-[^\]]*\]|\{\d+,\d*\}/;
// Blockchain addresses are public: `0x` and 40 hex digits.
const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** True for strings whose shape says they are an identifier, hash, path or message, not a credential. */
export function hasNonSecretShape(value: string): boolean {
  return (
    UUID.test(value) ||
    INTEGRITY_HASH.test(value) ||
    PASSWORD_HASH.test(value) ||
    URL_OR_PATH.test(value) ||
    EMAIL.test(value) ||
    SCREAMING_CASE.test(value) ||
    DOTTED_WORDS.test(value) ||
    SELECTOR.test(value) ||
    DATE_TIME.test(value) ||
    REGEX_SOURCE.test(value) ||
    HEX_ADDRESS.test(value)
  );
}
