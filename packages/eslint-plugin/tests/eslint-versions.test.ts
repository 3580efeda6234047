import { createRequire } from "node:module";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import vibeguard from "eslint-plugin-vibeguard";

const require = createRequire(import.meta.url);

// The same plugin object through the real Node API of each supported ESLint major.
const versions = [
  ["ESLint 10", require("eslint")],
  ["ESLint 9", require("eslint9")],
] as const;

const SOURCE = `
import { Pool } from "pg";
const pool = new Pool();
export async function findUser(id: string) {
  try {
    return await pool.query(\`SELECT * FROM users WHERE id = \${id}\`);
  } catch (err) {}
}
`;

describe.each(versions)("%s", (_label, { ESLint }) => {
  const lint = async (preset: unknown) => {
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }, ...(preset as object[])],
    });
    const [result] = await eslint.lintText(SOURCE, { filePath: "src/users.ts" });
    expect(result.messages.filter((m: { fatal?: boolean }) => m.fatal)).toEqual([]);
    return result.messages.map((m: { ruleId: string | null }) => m.ruleId);
  };

  it("loads the recommended preset from flat config and reports", async () => {
    expect(ESLint.version).toMatch(_label === "ESLint 9" ? /^9\./ : /^10\./);
    const ruleIds = await lint(vibeguard.configs.recommended);
    expect(ruleIds).toContain("vibeguard/no-string-built-sql");
    // no-swallowed-error is in strict since issue 10's precision sample (corpus/sample/).
    expect(ruleIds).not.toContain("vibeguard/no-swallowed-error");
  });

  it("loads the strict preset, which adds the strict rules", async () => {
    const ruleIds = await lint(vibeguard.configs.strict);
    expect(ruleIds).toContain("vibeguard/no-string-built-sql");
    expect(ruleIds).toContain("vibeguard/no-swallowed-error");
  });
});
