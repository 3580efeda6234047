import semver from "semver";
import { parse } from "yaml";
import { LockfileError, type Lockfile } from "./lockfile.js";

/** `"a@^1.0.0", a@npm:^1.1.0` → [["a", "^1.0.0"], ["a", "^1.1.0"]] (berry's `npm:` protocol dropped). */
function descriptors(header: string): Array<[string, string]> {
  return header
    .split(",")
    .map((part) => part.trim().replace(/^"|"$/g, ""))
    .filter(Boolean)
    .map((descriptor) => {
      const at = descriptor.indexOf("@", 1);
      const name = at === -1 ? descriptor : descriptor.slice(0, at);
      const range = at === -1 ? "" : descriptor.slice(at + 1).replace(/^npm:/, "");
      return [name, range];
    });
}

function lockfileOf(file: string, format: string, byDescriptor: Map<string, string>, byName: Map<string, string[]>): Lockfile {
  return {
    file,
    format,
    has: (name) => byName.has(name),
    resolve(_importer, name, range) {
      if (range !== undefined) {
        const exact = byDescriptor.get(`${name}@${range.replace(/^npm:/, "")}`);
        if (exact) return exact;
      }
      const versions = byName.get(name) ?? [];
      if (range !== undefined && semver.validRange(range)) {
        const matching = semver.maxSatisfying(versions, range);
        if (matching) return matching;
      }
      return versions.length === 1 ? versions[0] : undefined;
    },
  };
}

function record(byDescriptor: Map<string, string>, byName: Map<string, string[]>, header: string, version: string): void {
  for (const [name, range] of descriptors(header)) {
    byDescriptor.set(`${name}@${range}`, version);
    const list = byName.get(name) ?? [];
    if (!list.includes(version)) list.push(version);
    byName.set(name, list);
  }
}

/** yarn.lock v1 (its own indented format) and berry (YAML with `__metadata`). */
export function readYarnLock(text: string, file: string): Lockfile {
  const byDescriptor = new Map<string, string>();
  const byName = new Map<string, string[]>();
  if (/^__metadata:/m.test(text)) {
    let lock: Record<string, { version?: string; resolution?: string }>;
    try {
      lock = parse(text) as typeof lock;
    } catch (error) {
      throw new LockfileError(`${file} is not valid YAML (${(error as Error).message.split("\n")[0]})`);
    }
    for (const [header, entry] of Object.entries(lock ?? {})) {
      if (header === "__metadata" || !entry?.version || entry.resolution?.includes("@workspace:")) continue;
      record(byDescriptor, byName, header, entry.version);
    }
    return lockfileOf(file, "yarn berry", byDescriptor, byName);
  }
  if (!/^# yarn lockfile v1/m.test(text)) throw new LockfileError(`${file} is neither a yarn v1 lockfile nor a berry one`);
  let header: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!line.startsWith(" ")) {
      header = line.replace(/:$/, "");
      continue;
    }
    const version = /^ {2}version "?([^"]+)"?$/.exec(line);
    if (version?.[1] && header) record(byDescriptor, byName, header, version[1]);
  }
  if (byName.size === 0 && /\S/.test(text.replace(/^#.*$/gm, ""))) throw new LockfileError(`${file}: no entries could be read`);
  return lockfileOf(file, "yarn v1", byDescriptor, byName);
}
