import npmFetch from "npm-registry-fetch";
import pLimit from "p-limit";
import type { DiagnosticCode } from "../types.js";

export class RegistryError extends Error {
  constructor(
    readonly code: Extract<DiagnosticCode, "registry-not-found" | "registry-error" | "registry-timeout" | "packument-malformed" | "tarball-corrupt">,
    message: string,
  ) {
    super(message);
  }
}

export interface VersionInfo {
  tarball?: string;
  integrity?: string;
  deprecated?: string;
}

/** The part of a packument the checker needs. */
export interface Packument {
  name: string;
  versions: Record<string, VersionInfo>;
  distTags: Record<string, string>;
  /** ISO dates, when the registry sent them (full packuments do, abbreviated ones only `modified`). */
  created?: string;
  modified?: string;
}

export interface RegistryClientOptions {
  /** .npmrc-style options: registry, @scope:registry, //host/:_authToken. */
  npmrc: Record<string, string>;
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
}

const ABBREVIATED = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";

function describe(error: unknown, what: string): RegistryError {
  if (error instanceof RegistryError) return error;
  const e = error as { statusCode?: number; code?: string; type?: string; message?: string };
  if (e.statusCode === 404 || e.code === "E404") return new RegistryError("registry-not-found", `${what}: not found on the registry (404)`);
  if (e.type === "request-timeout" || e.type === "body-timeout" || e.code === "ETIMEDOUT" || e.code === "ESOCKETTIMEDOUT" || /timeout/i.test(e.message ?? "")) {
    return new RegistryError("registry-timeout", `${what}: the registry did not answer in time`);
  }
  if (e.type === "invalid-json" || e.code === "EJSONPARSE" || e instanceof SyntaxError) return new RegistryError("packument-malformed", `${what}: the registry sent malformed JSON`);
  if (e.code === "EINTEGRITY") return new RegistryError("tarball-corrupt", `${what}: tarball does not match its integrity hash`);
  const status = e.statusCode ? `HTTP ${e.statusCode}` : (e.code ?? "request failed");
  return new RegistryError("registry-error", `${what}: registry request failed (${status})`);
}

/** npm-registry-fetch with bounded concurrency, timeouts and retries with backoff (5xx, timeouts, resets). */
export class RegistryClient {
  /** HTTP requests started, for the benchmark and --debug. */
  requests = 0;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly base: Record<string, unknown>;

  constructor(options: RegistryClientOptions) {
    this.limit = pLimit(options.concurrency ?? 8);
    const retries = options.retries ?? 2;
    this.base = {
      ...options.npmrc,
      timeout: options.timeoutMs ?? 30_000,
      retry: { retries, factor: 2, minTimeout: 200, maxTimeout: 2_000, randomize: true },
      // Our own disk cache keeps derived surfaces; no HTTP cache underneath.
      cache: undefined,
      preferOnline: true,
    };
  }

  packument(name: string, full = false): Promise<Packument> {
    return this.limit(async () => {
      this.requests += 1;
      let json: unknown;
      try {
        json = await npmFetch.json(`/${name.replace("/", "%2f")}`, { ...this.base, headers: full ? {} : { accept: ABBREVIATED }, spec: name });
      } catch (error) {
        throw describe(error, name);
      }
      return toPackument(name, json);
    });
  }

  tarball(name: string, version: string, info: VersionInfo): Promise<Buffer> {
    return this.limit(async () => {
      if (!info.tarball) throw new RegistryError("packument-malformed", `${name}@${version}: the packument names no tarball`);
      this.requests += 1;
      try {
        const response = await npmFetch(info.tarball, { ...this.base, spec: `${name}@${version}`, ...(info.integrity ? { integrity: info.integrity } : {}) });
        return await response.buffer();
      } catch (error) {
        throw describe(error, `${name}@${version}`);
      }
    });
  }
}

function toPackument(name: string, json: unknown): Packument {
  const doc = json as { versions?: unknown; "dist-tags"?: unknown; time?: Record<string, string>; modified?: string };
  if (typeof doc !== "object" || doc === null || typeof doc.versions !== "object" || doc.versions === null) {
    throw new RegistryError("packument-malformed", `${name}: the registry's metadata has no "versions" object`);
  }
  const versions: Record<string, VersionInfo> = {};
  for (const [version, raw] of Object.entries(doc.versions as Record<string, unknown>)) {
    const meta = raw as { dist?: { tarball?: unknown; integrity?: unknown }; deprecated?: unknown } | null;
    if (typeof meta !== "object" || meta === null) continue;
    versions[version] = {
      ...(typeof meta.dist?.tarball === "string" ? { tarball: meta.dist.tarball } : {}),
      ...(typeof meta.dist?.integrity === "string" ? { integrity: meta.dist.integrity } : {}),
      ...(typeof meta.deprecated === "string" && meta.deprecated ? { deprecated: meta.deprecated } : {}),
    };
  }
  const distTags = typeof doc["dist-tags"] === "object" && doc["dist-tags"] !== null ? (doc["dist-tags"] as Record<string, string>) : {};
  return { name, versions, distTags, created: doc.time?.created ?? earliestPublishTime(doc.time), modified: doc.modified ?? doc.time?.modified };
}

/**
 * Some registries send per-version publish times but no `time.created` (abbreviated metadata); the
 * first publication is then the earliest version's time.
 */
function earliestPublishTime(time: Record<string, string> | undefined): string | undefined {
  if (!time) return undefined;
  let earliest: string | undefined;
  for (const [key, value] of Object.entries(time)) {
    if (key === "created" || key === "modified" || typeof value !== "string" || Number.isNaN(Date.parse(value))) continue;
    if (earliest === undefined || Date.parse(value) < Date.parse(earliest)) earliest = value;
  }
  return earliest;
}
