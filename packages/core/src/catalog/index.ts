export * from "./catalog-entry.js";
export { catalog, findCatalogEntry, getCatalogEntry } from "./catalog.js";
export { CatalogError } from "./validate-entry.js";
