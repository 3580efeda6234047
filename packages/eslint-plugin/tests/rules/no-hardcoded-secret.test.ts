import { describe, expect, it } from "vitest";
import rule from "../../src/rules/no-hardcoded-secret/index.js";
import { formatEntropy, looksLikeWords, shannonEntropy } from "../../src/rules/no-hardcoded-secret/entropy.js";
import { maskSecret } from "../../src/rules/no-hardcoded-secret/mask.js";
import { hasNonSecretShape, isPlaceholder, isSequential } from "../../src/rules/no-hardcoded-secret/placeholders.js";
import { classifySecretName, toEnvName } from "../../src/rules/no-hardcoded-secret/secret-names.js";
import { findKnownToken } from "../../src/rules/no-hardcoded-secret/token-formats.js";
import { findUrlCredential } from "../../src/rules/no-hardcoded-secret/url-credentials.js";
import { createRuleTester, createTypedRuleTester } from "../rule-tester.js";
import { invalidFormats } from "./no-hardcoded-secret/invalid-formats.js";
import { invalidNames, invalidUrls } from "./no-hardcoded-secret/invalid-names.js";
import { S } from "./no-hardcoded-secret/secrets.js";
import { typedInvalid, typedValid, untypedPositionalValid } from "./no-hardcoded-secret/typed.js";
import { validCases } from "./no-hardcoded-secret/valid.js";
import { secondPassInvalid, secondPassValid } from "./no-hardcoded-secret/second-pass.js";
import { basicAuthInvalid, basicAuthValid } from "./no-hardcoded-secret/basic-auth.js";
import { gateInvalid, gateValid } from "./no-hardcoded-secret/gates.js";
import { optionFallbackInvalid, optionFallbackValid } from "./no-hardcoded-secret/option-fallbacks.js";
import { isExactPlaceholder } from "../../src/rules/no-hardcoded-secret/placeholders.js";

const invalid = [...invalidFormats, ...invalidNames, ...invalidUrls];

createRuleTester().run("no-hardcoded-secret", rule, {
  valid: [...validCases, ...untypedPositionalValid, ...secondPassValid, ...basicAuthValid, ...gateValid, ...optionFallbackValid],
  invalid: [...invalid, ...secondPassInvalid, ...basicAuthInvalid, ...gateInvalid, ...optionFallbackInvalid],
});

// With type information, the declared name of the parameter a string is passed to counts as its name.
createTypedRuleTester().run("no-hardcoded-secret (type-aware)", rule, { valid: typedValid, invalid: typedInvalid });

describe("no-hardcoded-secret messages", () => {
  const render = (messageId: string, data: Record<string, unknown>) =>
    (rule.meta.messages as Record<string, string>)[messageId]?.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(data[key]));

  it("never print a secret: no 8-character run of any test secret appears in any expected message", () => {
    const windows = new Set<string>();
    for (const secret of Object.values(S).flat()) {
      for (let start = 0; start + 8 <= secret.length; start++) windows.add(secret.slice(start, start + 8));
    }
    for (const testCase of [...invalid, ...typedInvalid, ...basicAuthInvalid]) {
      for (const error of testCase.errors) {
        const message = render(error.messageId, (error.data ?? {}) as Record<string, unknown>) ?? "";
        expect(message, testCase.name).not.toMatch(/\{\{/);
        const leaked = [...windows].filter((window) => message.includes(window));
        expect(leaked, `${testCase.name}: ${message}`).toEqual([]);
      }
    }
  });

  it("pin the masked preview and entropy for one key by hand", () => {
    expect(maskSecret("sk_live_51bvJDCTbyvHNsG9eh6Yo4gfqrc5XlrW")).toBe("sk_l…lrW");
    expect(maskSecret("Tq8vLx3KmZ2p!")).toBe("Tq…p!");
    expect(maskSecret("hunter22")).toBe("h…2");
    expect(maskSecret("short")).toBe("…");
    expect(formatEntropy(shannonEntropy("aabb"))).toBe("1.00");
    expect(formatEntropy(shannonEntropy("abcd"))).toBe("2.00");
  });

  it("end with a period", () => {
    for (const message of Object.values(rule.meta.messages)) expect(message).toMatch(/\.$/);
  });
});

describe("no-hardcoded-secret helpers", () => {
  it("classify secret-like names, not names about secrets", () => {
    expect(classifySecretName("OPENAI_API_KEY")?.kind).toBe("API key");
    expect(classifySecretName("x-api-key")?.kind).toBe("API key");
    expect(classifySecretName("apikey")?.kind).toBe("API key");
    expect(classifySecretName("clientSecret")?.kind).toBe("client secret");
    expect(classifySecretName("DB_PASSWD")).toMatchObject({ kind: "password", isPassword: true });
    expect(classifySecretName("accessToken")?.kind).toBe("access token");
    expect(classifySecretName("stripeSecretKeyProd")?.kind).toBe("secret key");
    expect(classifySecretName("aws_secret_access_key")?.isAwsSecretKey).toBe(true);
    expect(classifySecretName("DB_PASS")).toMatchObject({ kind: "password", isPassword: true });
    expect(classifySecretName("smtpPw")?.kind).toBe("password");
    expect(classifySecretName("privateKeyPem")?.kind).toBe("private key");
    for (const name of ["tokenizer", "passwordField", "secretName", "tokenUrl", "passwordMinLength", "TOKEN_TYPE", "publicKey", "pageToken", "maxTokens", "key", "primaryKey", "accessKeyId", "passwordHash", "pass", "testPass", "pw"]) {
      expect(classifySecretName(name), name).toBeUndefined();
    }
  });

  it("derive UPPER_SNAKE environment variable names", () => {
    expect(toEnvName("apiKey")).toBe("API_KEY");
    expect(toEnvName("openAIApiKey")).toBe("OPEN_AI_API_KEY");
    expect(toEnvName("x-api-key")).toBe("X_API_KEY");
    expect(toEnvName("$")).toBeUndefined();
  });

  it("recognise placeholders, sequences and non-secret shapes", () => {
    for (const value of ["changeme", "your-api-key", "YOUR_API_KEY_HERE", "<token>", "${TOKEN}", "xxxxxxxx", "REPLACE_ME", "TODO", "aaaaaaaa", "12345678", "abcdefgh", "P@ssw0rd", "example-secret"]) {
      expect(isPlaceholder(value), value).toBe(true);
    }
    expect(isPlaceholder(S.generic32)).toBe(false);
    expect(isSequential("a1b2c3d4e5")).toBe(true);
    expect(isSequential(S.generic24)).toBe(false);
    for (const value of ["123e4567-e89b-12d3-a456-426614174000", "sha512-AbCd+/==", "$2b$10$abcdefghijklmnopqrstuv", "/api/v1/token", "auth.password.invalid", "TOKEN_EXPIRED"]) {
      expect(hasNonSecretShape(value), value).toBe(true);
    }
  });

  it("tell words from random strings", () => {
    expect(looksLikeWords("mySuperSecretJwtKey2024")).toBe(true);
    expect(looksLikeWords("application/json")).toBe(true);
    expect(looksLikeWords(S.generic40)).toBe(false);
  });

  it("find known tokens with their position, and skip look-alikes", () => {
    expect(findKnownToken(`key=${S.google}&q=1`)).toMatchObject({ kind: "Google API key", index: 4, secret: S.google });
    expect(findKnownToken(S.pkLive)).toBeUndefined();
    expect(findKnownToken(S.jwtAnon)).toBeUndefined();
    expect(findKnownToken("AKIAIOSFODNN7EXAMPLE")).toBeUndefined();
    expect(findKnownToken(`x${S.awsKeyId}`)).toBeUndefined();
  });

  it("find passwords in URLs, not placeholders", () => {
    expect(findUrlCredential(`postgres://app:${S.password}@db:5432/app`)).toMatchObject({ password: S.password, envName: "DATABASE_URL" });
    expect(findUrlCredential("postgres://app:password@db/app")).toBeUndefined();
    expect(findUrlCredential("https://user:secret@example.com")).toBeUndefined();
    expect(findUrlCredential("http://localhost:8080/path@x")).toBeUndefined();
  });
});

describe("isExactPlaceholder", () => {
  it("keeps fill-in values and references silent", () => {
    for (const value of ["", "  ", "changeme", "change-me", "<your-key>", "xxx", "XXXXXXXX", "your-jwt-secret", "${JWT_SECRET}", "$SECRET", "{{ secret }}", "sk_test_xxxxxxxxxxxxxxxx"]) {
      expect(isExactPlaceholder(value), value).toBe(true);
    }
  });

  it("does not excuse weak keys", () => {
    for (const value of ["secret", "keyboard cat", "admin123", "shared-secret", "key1", "s3cret"]) expect(isExactPlaceholder(value), value).toBe(false);
  });
});

describe("classifySecretName: identifier splitting", () => {
  it.each(["jwtSecret2", "PASSword", "db_PASSWD", "apiKeyV2", "x-api-key", "secretOrKey", "API_KEY_V2"])("%s names a secret", (name) => {
    expect(classifySecretName(name)).toBeDefined();
  });

  it.each(["passwordMinLength", "tokenUrl", "publicKey2", "secretName", "keyV2"])("%s does not", (name) => {
    expect(classifySecretName(name)).toBeUndefined();
  });
});
