import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, CatalogError, loadCatalog, loadCatalogFile } from "@vibeguard/core";

const repoRules = path.resolve(__dirname, "../../../rules");

const GOOD = `id: sample-check
engine: eslint
family: sql
title: Sample
description: Reports a sample.
severity: error
weight: 5
cwe: [89]
owasp: ["A03:2021"]
fixable: none
preset: recommended
`;

function writeEntry(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "vg-catalog-"));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function errorOf(fn: () => unknown): CatalogError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return error as CatalogError;
  }
  throw new Error("expected a CatalogError");
}

describe("catalog loader", () => {
  it("loads a valid entry with defaults filled in", () => {
    const entry = loadCatalogFile(writeEntry("sample-check.yaml", GOOD));
    expect(entry).toMatchObject({ id: "sample-check", engine: "eslint", cwe: [89], requiresTypeChecking: false });
  });

  it.each([
    ["an unknown engine", GOOD.replace("engine: eslint", "engine: semgrep"), "engine", /must be one of eslint \| analyzer \| deps/],
    ["an unknown field", `${GOOD}colour: red\n`, "colour", /is not a catalog field/],
    ["a missing title", GOOD.replace("title: Sample\n", ""), "title", /non-empty string/],
    ["a weight out of range", GOOD.replace("weight: 5", "weight: 50"), "weight", /from 0 to 10/],
    ["a bad CWE list", GOOD.replace("cwe: [89]", 'cwe: ["CWE-89"]'), "cwe", /list of CWE numbers/],
    ["a bad OWASP id", GOOD.replace('owasp: ["A03:2021"]', 'owasp: ["injection"]'), "owasp", /A03:2021/],
    ["a description without a period", GOOD.replace("Reports a sample.", "Reports a sample"), "description", /ending with a period/],
  ])("names the file and the field for %s", (_label, text, field, problem) => {
    const file = writeEntry("sample-check.yaml", text);
    const error = errorOf(() => loadCatalogFile(file));
    expect(error.file).toBe(file);
    expect(error.field).toBe(field);
    expect(error.message).toContain(file);
    expect(error.message).toContain(`"${field}"`);
    expect(error.message).toMatch(problem);
  });

  it("rejects an id that does not match the file name", () => {
    const error = errorOf(() => loadCatalogFile(writeEntry("other-name.yaml", GOOD)));
    expect(error.field).toBe("id");
    expect(error.message).toMatch(/other-name\.yaml/);
  });

  it("reports YAML syntax errors with the line", () => {
    const error = errorOf(() => loadCatalogFile(writeEntry("sample-check.yaml", "id: [unclosed\nengine: eslint\n")));
    expect(error.message).toMatch(/is not valid YAML at line \d+/);
  });

  it("reports a missing catalog folder", () => {
    expect(() => loadCatalog("/nonexistent/rules")).toThrow(/cannot read the catalog folder/);
  });

  it("compiles in exactly what rules/ holds (run `pnpm gen` when this fails)", () => {
    expect(catalog).toEqual(loadCatalog(repoRules));
  });
});
