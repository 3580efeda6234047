import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;

export interface Manifest {
  /** Absolute folder of the package.json. */
  dir: string;
  name?: string;
  private: boolean;
  /** Declared name → range, from every dependency field (dependencies win over dev/peer/optional). */
  declared: Map<string, string>;
  enginesNode?: string;
}

export class ManifestError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

function parseManifest(dir: string): Manifest {
  const file = path.join(dir, "package.json");
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new ManifestError(file, `${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new ManifestError(file, `${file}: not a JSON object`);
  const declared = new Map<string, string>();
  for (const field of [...DEPENDENCY_FIELDS].reverse()) {
    const map = json[field];
    if (typeof map !== "object" || map === null) continue;
    for (const [name, range] of Object.entries(map as Record<string, unknown>)) if (typeof range === "string") declared.set(name, range);
  }
  const engines = json.engines as { node?: unknown } | undefined;
  return {
    dir,
    name: typeof json.name === "string" ? json.name : undefined,
    private: json.private === true,
    declared,
    enginesNode: typeof engines?.node === "string" ? engines.node : undefined,
  };
}

/** package.json files of a workspace, read once each; lookups walk up from a source file to `stopDir`. */
export class Manifests {
  private readonly byDir = new Map<string, Manifest | ManifestError | undefined>();

  constructor(private readonly stopDir: string) {}

  private at(dir: string): Manifest | ManifestError | undefined {
    if (!this.byDir.has(dir)) {
      let value: Manifest | ManifestError | undefined;
      if (existsSync(path.join(dir, "package.json"))) {
        try {
          value = parseManifest(dir);
        } catch (error) {
          if (!(error instanceof ManifestError)) throw error;
          value = error;
        }
      }
      this.byDir.set(dir, value);
    }
    return this.byDir.get(dir);
  }

  /** The manifests that can see `file`'s imports, nearest first, plus any broken ones met on the way. */
  chain(file: string): { manifests: Manifest[]; broken: ManifestError[] } {
    const manifests: Manifest[] = [];
    const broken: ManifestError[] = [];
    let dir = path.dirname(path.resolve(file));
    const stop = path.resolve(this.stopDir);
    for (;;) {
      const found = this.at(dir);
      if (found instanceof ManifestError) broken.push(found);
      else if (found) manifests.push(found);
      if (dir === stop || !dir.startsWith(stop)) break;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return { manifests, broken };
  }
}
