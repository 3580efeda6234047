import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import { listProjectFiles, resolveImport } from "./project-files.js";
import { contentHash, SummaryCache } from "./summary-cache.js";
import { summarizeProgram, type ContainerAuthSite, type Evidence, type FileSummary, type MountSite, type Ref } from "./summary.js";

/**
 * Files that can mount a router, create an app or re-export one: parsed when the index is built. The
 * files they import are parsed only when a mount leads to them; the rest of the project never is.
 */
const MAY_MOUNT = /\.(?:use|register|route)\s*\(|addHook|\b(?:express|[Ff]astify|polka|restify)\s*\(|new\s+(?:Koa|Hono)\b|export\s*\*|export\s*\{[^}]*\}\s*from|module\.exports\s*=\s*\{[^}]*require\(|exports\.\w+\s*=\s*require\(/;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_DEPTH = 10;

interface IndexedFile {
  mtimeMs: number;
  size: number;
  hash: string;
  /** null: does not parse; undefined: not parsed yet (no mount leads to it so far). */
  summary: FileSummary | null | undefined;
}

/** A mount of a container in another; nodes are `<file>\0<key>`. */
interface Edge {
  parent: string;
  child: string;
  parentFile: string;
  parentKey: string;
  site: MountSite;
}

/** The mounts between containers, and what was derived from them (dropped with them when a file changes). */
interface MountGraph {
  incoming: Map<string, Edge[]>;
  outgoing: Map<string, Edge[]>;
  /** `evidenceUnder` per app root and origin: asked again for every exposed route of a file. */
  evidence: Map<string, AuthEvidence | undefined>;
}

export interface AuthEvidence extends Evidence {
  file: string;
}

/** What the project says about the routes of one container, at one path. */
export type MountStatus =
  /** No file of the project mounts it (or only tests do): nothing is known. */
  | { kind: "unmounted" }
  /** Every mount that reaches an app runs auth before it. */
  | { kind: "covered" }
  /** Mounted where auth cannot be decided, or before a global `use(auth)` (a public section on purpose). */
  | { kind: "undecided" }
  /** Mounted into an app without auth, while the app protects other routes with `evidence`. */
  | { kind: "exposed"; site: MountSite; file: string; fullPath: string; evidence: AuthEvidence | undefined };

export interface RouteIndexOptions {
  /** How often, at most, the files are checked for changes (ms). */
  refreshIntervalMs?: number;
  /** How often the file list is read again, for added and deleted files (ms). */
  rediscoverIntervalMs?: number;
  cache?: boolean;
}

/**
 * The routes, mounts and auth of one project's files, for the rule to look past the file it lints. Built
 * on the first route file linted (summaries come from the on-disk cache where file hashes match), then
 * kept current file by file: at most once per refresh interval each file is stat'ed and only changed ones
 * are parsed again. One instance per project root per process, so a CLI scan builds it once.
 */
export class RouteIndex {
  private static readonly instances = new Map<string, RouteIndex>();
  private readonly files = new Map<string, IndexedFile>();
  private known = new Set<string>();
  private readonly cache: SummaryCache;
  private graph: MountGraph | undefined;
  private lastRefresh = 0;
  private lastDiscovery = 0;
  /** Files parsed since the index was created (for tests). */
  parsedFiles = 0;

  private constructor(
    readonly root: string,
    private readonly options: RouteIndexOptions,
  ) {
    this.cache = SummaryCache.open(root, options.cache !== false);
  }

  static for(root: string, options: RouteIndexOptions = {}): RouteIndex {
    const key = path.resolve(root);
    let index = RouteIndex.instances.get(key);
    if (!index) RouteIndex.instances.set(key, (index = new RouteIndex(key, options)));
    return index;
  }

  /** Drops a project's index from memory (its disk cache stays): the next lint builds it again, as a new editor session would. */
  static forget(root: string): void {
    RouteIndex.instances.delete(path.resolve(root));
  }

  /** Brings the index up to date: stats files at most once per interval, parses only changed ones. */
  refresh(now = Date.now()): void {
    if (this.lastRefresh && now - this.lastRefresh < (this.options.refreshIntervalMs ?? 1000)) return;
    this.lastRefresh = now;
    let changed = false;
    if (!this.lastDiscovery || now - this.lastDiscovery >= (this.options.rediscoverIntervalMs ?? 30_000)) {
      // The whole project: added and deleted files, and files that started to mount something.
      this.lastDiscovery = now;
      this.known = new Set(listProjectFiles(this.root));
      for (const file of [...this.files.keys()]) {
        if (!this.known.has(file)) changed = this.files.delete(file) || changed;
      }
      for (const file of this.known) changed = this.update(file) || changed;
    } else {
      // In between, only the files the graph is made of.
      for (const [file, entry] of this.files) if (entry.summary !== undefined) changed = this.update(file) || changed;
    }
    if (changed) this.graph = undefined;
  }



  private update(file: string): boolean {
    let stats;
    try {
      stats = statSync(file);
    } catch {
      return this.files.delete(file);
    }
    const known = this.files.get(file);
    if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return false;
    if (stats.size > MAX_FILE_BYTES) return this.files.delete(file);
    const text = readFileSync(file, "utf8");
    const hash = contentHash(text);
    if (known?.hash === hash) {
      known.mtimeMs = stats.mtimeMs;
      return false;
    }
    let summary = this.cache.get(hash);
    if (summary === undefined && MAY_MOUNT.test(text)) summary = this.parse(file, text, hash);
    this.files.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, hash, summary });
    return true;
  }

  private parse(file: string, text: string, hash: string): FileSummary | null {
    const summary = summarizeText(file, text);
    this.parsedFiles++;
    this.cache.set(hash, summary);
    return summary;
  }

  /**
   * The index's summary of `file` when `text` is what the index holds for it (a CLI run, a saved editor
   * buffer): the file being linted is then summarised once per content, not on every lint. Undefined when
   * the text differs from the disk or the file does not parse on its own.
   */
  summaryOfText(file: string, text: string): FileSummary | undefined {
    const entry = this.files.get(file);
    if (!entry || entry.hash !== contentHash(text)) return undefined;
    return this.summaryOf(file);
  }

  /** A file's summary, parsing it now if a mount leads to it for the first time. */
  private summaryOf(file: string): FileSummary | undefined {
    const entry = this.files.get(file);
    if (!entry) return undefined;
    if (entry.summary === undefined) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        // ignore: deleted since it was listed; the next discovery drops it
        return undefined;
      }
      const hash = contentHash(text);
      entry.summary = this.cache.get(hash) ?? this.parse(file, text, hash);
      if (hash !== entry.hash) entry.hash = hash;
    }
    return entry.summary ?? undefined;
  }

  /** The mount graph, rebuilt only after a file changed. */
  private edges(): MountGraph {
    if (this.graph) return this.graph;
    const incoming = new Map<string, Edge[]>();
    const outgoing = new Map<string, Edge[]>();
    for (const [file, { summary }] of this.files) {
      for (const site of summary?.mounts ?? []) {
        const parent = `${file}\0${site.container}`;
        for (const target of site.targets) {
          const child = this.resolveRef(file, target, 0);
          // A hand-over by call counts only when it reaches a function registering on its parameter.
          if (child === undefined || child === parent || (site.byCall && !child.slice(child.indexOf("\0")).includes("@"))) continue;
          const edge: Edge = { parent, child, parentFile: file, parentKey: site.container, site };
          push(incoming, child, edge);
          push(outgoing, parent, edge);
        }
      }
    }
    this.graph = { incoming, outgoing, evidence: new Map() };
    return this.graph;
  }

  private resolveRef(file: string, ref: Ref, depth: number): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const summary = this.summaryOf(file);
    switch (ref.kind) {
      case "container":
        return `${file}\0${ref.key}`;
      case "local": {
        const imported = summary?.imports[ref.name];
        if (imported) return this.resolveExport(resolveImport(file, imported.from, this.known), imported.name, depth + 1);
        return `${file}\0${summary?.functions[ref.name] ?? ref.name}`;
      }
      case "import":
        return this.resolveExport(resolveImport(file, ref.from, this.known), ref.name, depth + 1);
    }
  }

  private resolveExport(file: string | undefined, name: string, depth: number): string | undefined {
    if (file === undefined || depth > MAX_DEPTH) return undefined;
    const summary = this.summaryOf(file);
    if (!summary || name === "*") return undefined;
    const ref = summary.exports[name];
    if (ref) return this.resolveRef(file, ref, depth + 1);
    for (const specifier of summary.reexportAll) {
      const found = this.resolveExport(resolveImport(file, specifier, this.known), name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Whether the routes of container `key` in `file`, at `routePath`, are behind auth wherever the project
   * mounts them.
   */
  statusOf(file: string, key: string, routePath: string): MountStatus {
    const status = this.status(`${file}\0${key}`, routePath, new Set([`${file}\0${key}`]), `${file}\0${key}`);
    this.cache.save();
    return status;
  }

  private status(node: string, routePath: string, seen: Set<string>, origin: string): MountStatus {
    const edges = this.edges().incoming.get(node);
    if (!edges?.length) return { kind: "unmounted" };
    let exposed: MountStatus | undefined;
    let undecided = false;
    for (const edge of edges) {
      const fullPath = joinPath(edge.site.prefix, routePath);
      if (edge.site.auth) continue;
      const containerAuth = this.summaryOf(edge.parentFile)?.containerAuth.filter((auth) => auth.container === edge.parentKey) ?? [];
      if (containerAuth.some((auth) => (auth.anyOrder || auth.position < edge.site.position) && coversPath(auth, fullPath))) continue;
      // `app.use("/auth", authRouter); app.use(requireAuth); ...`: mounted before the app's global auth, public on purpose.
      if (containerAuth.some((auth) => auth.prefix === "" && auth.position > edge.site.position) || seen.has(edge.parent)) {
        undecided = true;
        continue;
      }
      const above = this.status(edge.parent, fullPath, new Set([...seen, edge.parent]), origin);
      if (above.kind === "covered") continue;
      if (above.kind === "undecided") undecided = true;
      else if (above.kind === "exposed") exposed ??= { ...above, site: edge.site, file: edge.parentFile };
      else if (!this.summaryOf(edge.parentFile)?.apps.includes(edge.parentKey)) {
        // The chain ends in a router the project hands to someone else (a library's router factory): its app is unseen.
        undecided = true;
      } else exposed ??= { kind: "exposed", site: edge.site, file: edge.parentFile, fullPath, evidence: this.evidenceUnder(edge.parent, origin) };
    }
    return exposed ?? (undecided ? { kind: "undecided" } : { kind: "covered" });
  }

  /**
   * The first auth with which the app rooted at `root` protects a whole mount (on the mount, with `use`
   * or a hook on a container), other than in `origin`. Auth written route by route inside another router
   * is that router's own business, not the app's policy for mounts.
   */
  private evidenceUnder(root: string, origin: string): AuthEvidence | undefined {
    const { evidence } = this.edges();
    const key = `${root}\0\0${origin}`;
    if (evidence.has(key)) return evidence.get(key);
    const found = this.findEvidenceUnder(root, origin);
    evidence.set(key, found);
    return found;
  }

  private findEvidenceUnder(root: string, origin: string): AuthEvidence | undefined {
    const { outgoing } = this.edges();
    const queue = [root];
    const visited = new Set(queue);
    while (queue.length > 0) {
      const node = queue.shift()!;
      const separator = node.indexOf("\0");
      const file = node.slice(0, separator);
      const key = node.slice(separator + 1);
      const summary = this.summaryOf(file);
      if (summary && node !== origin) {
        // Auth on any of its mounts, resolved or not (`app.use("/admin", requireAuth, require("admin-ui"))`).
        const mounted = summary.mounts.find((site) => site.container === key && site.auth);
        if (mounted?.auth) return { ...mounted.auth, file };
        const scoped = summary.containerAuth.find((auth) => auth.container === key);
        if (scoped) return { ...scoped.auth, file };
      }
      for (const edge of outgoing.get(node) ?? []) {
        if (!visited.has(edge.child)) {
          visited.add(edge.child);
          queue.push(edge.child);
        }
      }
    }
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function joinPath(prefix: string, routePath: string): string {
  if (!prefix) return routePath;
  return routePath === "/" || routePath === "" ? prefix : `${prefix}${routePath.startsWith("/") ? "" : "/"}${routePath}`;
}

function coversPath(auth: ContainerAuthSite, fullPath: string): boolean {
  return auth.prefix === "" || fullPath === auth.prefix || fullPath.startsWith(`${auth.prefix}/`);
}

/** Parses a project file with typescript-eslint's parser (JSX where the extension allows it); null when it does not parse. */
export function summarizeText(file: string, text: string): FileSummary | null {
  let program: TSESTree.Program;
  try {
    program = parse(text, { range: true, loc: false, comment: false, jsx: !/\.[cm]?ts$/.test(file), sourceType: "module", ecmaVersion: "latest", filePath: file }) as TSESTree.Program;
  } catch {
    // ignore: a file that does not parse mounts nothing we can see; ESLint reports its parse error itself
    return null;
  }
  return summarizeProgram(program, text, lineLocator(text));
}

/** 1-based line of a character offset. */
export function lineLocator(text: string): (position: number) => number {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return (position) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
