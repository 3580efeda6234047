import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type * as Yaml from "yaml";
import type { CatalogEntry } from "./catalog-entry.js";
import { CatalogError, validateEntry } from "./validate-entry.js";

/**
 * Reads every `<id>.yaml` in a catalog folder (the repository's `rules/`), validated and sorted by id.
 * Throws a CatalogError naming the file and field on the first bad entry.
 */
export function loadCatalog(dir: string): CatalogEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
  } catch (error) {
    throw new CatalogError(dir, undefined, `cannot read the catalog folder (${(error as Error).message})`);
  }
  return names
    .map((name) => loadCatalogFile(path.join(dir, name)))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function loadCatalogFile(file: string): CatalogEntry {
  const text = readFileSync(file, "utf8");
  // Required here, not imported at the top: only `pnpm gen` and tests read YAML, and every CLI run would load it.
  const { parse, YAMLParseError } = createRequire(import.meta.url)("yaml") as typeof Yaml;
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: true });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : "";
    throw new CatalogError(file, undefined, `is not valid YAML${where}: ${(error as Error).message.split("\n")[0]}`);
  }
  const expectedId = path.basename(file).replace(/\.ya?ml$/, "");
  return validateEntry(raw, file, expectedId);
}
