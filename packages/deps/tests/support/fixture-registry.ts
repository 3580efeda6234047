import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { create as createTar } from "tar";

export const FIXTURE_PACKAGES = path.resolve(__dirname, "../../../../fixtures/deps/registry");

export interface FixtureRegistry {
  url: string;
  /** Every request path, in order (packuments and tarballs). */
  requests: string[];
  /** The Authorization header of each request ("" when none). */
  authorizations: string[];
  close(): Promise<void>;
}

export interface FixtureRegistryOptions {
  /** How long /slow-meta waits before answering. */
  slowMs?: number;
  /** Names to publish as created today (for the "very recent" warning). */
  recent?: string[];
  /** Names whose metadata gives each version's publish time but no `time.created`, as some registries' abbreviated metadata does. */
  versionTimesOnly?: string[];
}

function listFiles(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((entry) => {
    const child = rel ? `${rel}/${entry}` : entry;
    return statSync(path.join(dir, child)).isDirectory() ? listFiles(dir, child) : [child];
  });
}

function packageNames(): string[] {
  return readdirSync(FIXTURE_PACKAGES).flatMap((entry) => (entry.startsWith("@") ? readdirSync(path.join(FIXTURE_PACKAGES, entry)).map((name) => `${entry}/${name}`) : [entry]));
}

/** Real .tgz tarballs of every fixture package version, built as `npm pack` lays them out (package/ prefix). */
function buildTarballs(): Map<string, Buffer> {
  const out = mkdtempSync(path.join(tmpdir(), "vg-registry-"));
  const tarballs = new Map<string, Buffer>();
  for (const name of packageNames()) {
    for (const version of readdirSync(path.join(FIXTURE_PACKAGES, name))) {
      const cwd = path.join(FIXTURE_PACKAGES, name, version);
      const file = path.join(out, `${name.replace("/", "-")}-${version}.tgz`);
      createTar({ gzip: true, cwd, prefix: "package", file, sync: true, portable: true }, listFiles(cwd));
      tarballs.set(`${name}@${version}`, readFileSync(file));
    }
  }
  return tarballs;
}

/**
 * A small npm registry on 127.0.0.1 serving the fixture packages, plus misbehaving names:
 * broken-500 (HTTP 500), slow-meta (answers late), malformed-meta (invalid JSON), no-versions (no "versions"),
 * corrupt-tarball (its tarball is garbage). Every other name is a 404.
 */
export async function startFixtureRegistry(options: FixtureRegistryOptions = {}): Promise<FixtureRegistry> {
  const tarballs = buildTarballs();
  const requests: string[] = [];
  const authorizations: string[] = [];
  let url = "";
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    requests.push(pathname);
    authorizations.push(request.headers.authorization ?? "");
    const send = (status: number, body: string | Buffer, type = "application/json") => {
      response.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
      response.end(body);
    };
    const tarball = /^\/(.+)\/-\/[^/]+-(\d[^/]*)\.tgz$/.exec(pathname);
    if (tarball) {
      const [, name, version] = tarball;
      if (name === "corrupt-tarball") return send(200, Buffer.from("this is not a gzip stream at all"), "application/octet-stream");
      const data = tarballs.get(`${name}@${version}`);
      return data ? send(200, data, "application/octet-stream") : send(404, '{"error":"not found"}');
    }
    const name = pathname.slice(1);
    if (name === "broken-500") return send(500, '{"error":"internal"}');
    if (name === "malformed-meta") return send(200, '{"name": "malformed-meta", "versions": {');
    if (name === "no-versions") return send(200, '{"name": "no-versions"}');
    if (name === "slow-meta") {
      setTimeout(() => send(200, JSON.stringify({ name, versions: {}, "dist-tags": {} })), options.slowMs ?? 3_000).unref();
      return;
    }
    const dir = path.join(FIXTURE_PACKAGES, name);
    let versions: string[];
    try {
      versions = readdirSync(dir);
    } catch {
      return send(404, '{"error":"Not found"}');
    }
    const doc: Record<string, unknown> = {};
    for (const version of versions) {
      const manifest = JSON.parse(readFileSync(path.join(dir, version, "package.json"), "utf8")) as Record<string, unknown>;
      const data = tarballs.get(`${name}@${version}`)!;
      const dist: Record<string, string> = { tarball: `${url}/${name}/-/${name.split("/").pop()}-${version}.tgz` };
      if (name !== "corrupt-tarball") dist.integrity = `sha512-${createHash("sha512").update(data).digest("base64")}`;
      doc[version] = { ...manifest, dist };
    }
    const created = options.recent?.includes(name) ? new Date().toISOString() : "2020-01-01T00:00:00.000Z";
    const latest = versions.sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).at(-1)!;
    const time = options.versionTimesOnly?.includes(name)
      ? { modified: created, ...Object.fromEntries(versions.map((version) => [version, created])) }
      : { created, modified: created };
    send(200, JSON.stringify({ name, "dist-tags": { latest }, versions: doc, time }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
