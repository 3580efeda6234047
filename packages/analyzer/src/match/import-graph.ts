import path from "node:path";
import type { FileIndex } from "../types.js";

const EXTENSIONS = ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];
const STRIP_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;
/** Path aliases that point into the project (`@/lib/x`, `~/lib/x`, `#lib/x`): resolved by path suffix. */
const ALIAS_PREFIX = /^(?:@\/|~\/|#\/?|src\/)/;

/** Which files import which names from which file: "imported by other files" is the strongest sign of the utility to keep. */
export class ImportGraph {
  /** target file → imported name → importing files. */
  private readonly importers = new Map<string, Map<string, Set<string>>>();

  constructor(indexes: ReadonlyMap<string, FileIndex>) {
    const byStem = new Map<string, string>();
    const bySuffix = new Map<string, string[]>();
    for (const file of indexes.keys()) {
      const stem = file.replace(STRIP_EXTENSION, "");
      byStem.set(stem, file);
      const segments = stem.split("/");
      for (let i = 1; i < segments.length; i++) {
        const suffix = segments.slice(i).join("/");
        const list = bySuffix.get(suffix);
        if (list) list.push(file);
        else bySuffix.set(suffix, [file]);
      }
    }
    const resolve = (importer: string, specifier: string): string | undefined => {
      let stem: string;
      if (specifier.startsWith(".")) stem = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
      else if (ALIAS_PREFIX.test(specifier)) {
        const suffix = specifier.replace(ALIAS_PREFIX, "").replace(STRIP_EXTENSION, "");
        const matches = bySuffix.get(suffix) ?? bySuffix.get(`${suffix}/index`);
        return matches?.length === 1 ? matches[0] : undefined;
      } else return undefined;
      stem = stem.replace(STRIP_EXTENSION, "");
      return byStem.get(stem) ?? byStem.get(`${stem}/index`);
    };
    for (const [importer, index] of indexes) {
      for (const record of index.imports) {
        const target = resolve(importer, record.specifier);
        if (!target || target === importer) continue;
        let names = this.importers.get(target);
        if (!names) this.importers.set(target, (names = new Map()));
        for (const name of record.names) {
          let files = names.get(name);
          if (!files) names.set(name, (files = new Set()));
          files.add(importer);
        }
      }
    }
  }

  /** How many other files import `name` (or the whole module) from `file`. */
  importerCount(file: string, name: string): number {
    const names = this.importers.get(file);
    if (!names) return 0;
    const importers = new Set([...(names.get(name) ?? []), ...(names.get("*") ?? [])]);
    return importers.size;
  }
}

export { EXTENSIONS };
