import { describe, expect, it } from "vitest";
import { fingerprintFindings, type RawFinding } from "@vibeguard/core";

const SOURCE = [
  "import { pool } from './db';",
  "",
  "export async function findUser(id) {",
  "  return pool.query(`SELECT * FROM users WHERE id = ${id}`);",
  "}",
].join("\n");

const finding = (line: number, ruleId = "no-string-built-sql"): RawFinding => ({
  ruleId,
  message: "SQL built from a template literal.",
  severity: "error",
  location: { path: "src/users.ts", startLine: line, startColumn: 10 },
});

const fingerprintOf = (source: string, line: number) => fingerprintFindings([finding(line)], () => source)[0]!.fingerprint;

describe("fingerprints", () => {
  it("survive lines inserted above the finding", () => {
    const before = fingerprintOf(SOURCE, 4);
    const edited = `// a new header comment\nimport fs from 'node:fs';\n\n${SOURCE}`;
    expect(fingerprintOf(edited, 7)).toBe(before);
  });

  it("survive re-indentation of the line", () => {
    const reindented = SOURCE.replace("  return pool", "        return   pool");
    expect(fingerprintOf(reindented, 4)).toBe(fingerprintOf(SOURCE, 4));
  });

  it("change when the flagged code changes", () => {
    const changed = SOURCE.replace("users WHERE id", "accounts WHERE id");
    expect(fingerprintOf(changed, 4)).not.toBe(fingerprintOf(SOURCE, 4));
  });

  it("differ per rule and per file", () => {
    const [a, b] = fingerprintFindings([finding(4), finding(4, "no-hardcoded-secret")], () => SOURCE);
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
    const other = fingerprintFindings([{ ...finding(4), location: { ...finding(4).location, path: "src/other.ts" } }], () => SOURCE);
    expect(other[0]!.fingerprint).not.toBe(a!.fingerprint);
  });

  it("keep two identical lines in one file apart", () => {
    const doubled = `${SOURCE}\n${SOURCE}`;
    const [first, second] = fingerprintFindings([finding(4), finding(9)], () => doubled);
    expect(first!.fingerprint).not.toBe(second!.fingerprint);
  });
});
