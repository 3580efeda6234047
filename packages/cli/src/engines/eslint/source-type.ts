import { readFileSync } from "node:fs";
import path from "node:path";

export type JsSourceType = "module" | "commonjs";

/**
 * The sourceType to parse a JavaScript file with first, chosen as Node chooses: `.mjs` is a module,
 * `.cjs` is CommonJS, and a `.js`/`.jsx` file follows the `type` of the nearest package.json. With no
 * `type`, Node detects the syntax; module comes first here because most such code is bundled ESM, and
 * the engine retries a failed parse with the other type.
 */
export class SourceTypeResolver {
  private readonly packageTypes = new Map<string, JsSourceType | undefined>();

  preferred(absolute: string): JsSourceType {
    if (absolute.endsWith(".mjs")) return "module";
    if (absolute.endsWith(".cjs")) return "commonjs";
    return this.packageType(path.dirname(absolute)) ?? "module";
  }

  private packageType(dir: string): JsSourceType | undefined {
    if (this.packageTypes.has(dir)) return this.packageTypes.get(dir);
    let type: JsSourceType | undefined;
    let text: string | undefined;
    try {
      text = readFileSync(path.join(dir, "package.json"), "utf8");
    } catch {
      // No package.json here: the folder above decides.
    }
    if (text === undefined) {
      const parent = path.dirname(dir);
      type = parent === dir ? undefined : this.packageType(parent);
    } else {
      type = typeFieldOf(text);
    }
    this.packageTypes.set(dir, type);
    return type;
  }
}

/** The nearest package.json decides even when it has no usable `type` (as in Node). */
function typeFieldOf(text: string): JsSourceType | undefined {
  try {
    const type = (JSON.parse(text.replace(/^\uFEFF/, "")) as { type?: unknown } | null)?.type;
    return type === "module" ? "module" : type === "commonjs" ? "commonjs" : undefined;
  } catch {
    // A broken package.json is reported by the config loader and the deps engine; here it just does not decide.
    return undefined;
  }
}

export const otherSourceType = (type: JsSourceType): JsSourceType => (type === "module" ? "commonjs" : "module");
