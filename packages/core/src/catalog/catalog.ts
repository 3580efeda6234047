import type { CatalogEntry } from "./catalog-entry.js";
import { catalogEntries } from "./catalog.generated.js";

/** The compiled-in catalog (generated from rules/*.yaml by `pnpm gen`). */
export const catalog: readonly CatalogEntry[] = catalogEntries;

const byId = new Map(catalog.map((entry) => [entry.id, entry]));

export function findCatalogEntry(id: string): CatalogEntry | undefined {
  return byId.get(id);
}

export function getCatalogEntry(id: string): CatalogEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`"${id}" has no catalog entry: add rules/${id}.yaml and run \`pnpm gen\``);
  return entry;
}
