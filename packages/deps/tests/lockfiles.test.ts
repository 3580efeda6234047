import path from "node:path";
import { describe, expect, it } from "vitest";
import { LockfileError, readLockfileIn } from "@vibeguard/deps";

const LOCKFILES = path.resolve(__dirname, "../../../fixtures/deps/lockfiles");
const read = (name: string) => readLockfileIn(path.join(LOCKFILES, name))!;

describe("lockfile readers", () => {
  it("package-lock v1: the dependencies tree", () => {
    const lock = read("npm-v1");
    expect(lock.format).toBe("package-lock v1");
    expect(lock.resolve("", "openai", "^3.0.0")).toBe("3.3.0");
    expect(lock.has("uuid")).toBe(true);
    expect(lock.resolve("", "react", "^18.0.0")).toBeUndefined();
  });

  it("package-lock v2: the root's copy, not a nested one", () => {
    const lock = read("npm-v2");
    expect(lock.format).toBe("package-lock v2");
    expect(lock.resolve("", "uuid", "^9.0.0")).toBe("9.0.0");
    expect(lock.resolve("", "openai", "^4.0.0")).toBe("4.28.0");
  });

  it("package-lock v3 workspaces: a workspace's nested copy wins over the hoisted one", () => {
    const lock = read("npm-v3-workspaces");
    expect(lock.resolve("packages/web", "uuid", "^7.0.0")).toBe("7.0.3");
    expect(lock.resolve("packages/api", "uuid", "^9.0.0")).toBe("9.0.0");
    expect(lock.resolve("packages/web", "web", undefined)).toBeUndefined(); // a link, not a registry version
  });

  it("pnpm-lock v6: top-level dependencies, peer suffixes stripped", () => {
    const lock = read("pnpm-v6");
    expect(lock.format).toBe("pnpm-lock v6.0");
    expect(lock.resolve("", "openai", "^4.0.0")).toBe("4.28.0");
    expect(lock.resolve("", "react-router-dom", "^6.20.0")).toBe("6.20.0");
    expect(lock.resolve("", "uuid", "^9.0.0")).toBe("9.0.0");
  });

  it("pnpm-lock v9: each importer gets its own version; workspace links are not registry versions", () => {
    const lock = read("pnpm-v9-workspaces");
    expect(lock.resolve("apps/web", "openai", "^3.3.0")).toBe("3.3.0");
    expect(lock.resolve("packages/shared", "openai", "^4.28.0")).toBe("4.28.0");
    expect(lock.resolve("apps/web", "shared", "workspace:*")).toBeUndefined();
    expect(lock.resolve("", "typescript", "^5.4.0")).toBe("5.4.5");
  });

  it("yarn v1: by the declared range", () => {
    const lock = read("yarn-v1");
    expect(lock.format).toBe("yarn v1");
    expect(lock.resolve("", "uuid", "^7.0.0")).toBe("7.0.3");
    expect(lock.resolve("", "uuid", "^9.0.0")).toBe("9.0.0");
    expect(lock.resolve("", "openai", "^3.2.0")).toBe("3.3.0");
    expect(lock.resolve("", "@types/uuid", "^9.0.0")).toBe("9.0.0");
  });

  it("yarn berry: npm: descriptors, workspaces skipped", () => {
    const lock = read("yarn-berry");
    expect(lock.format).toBe("yarn berry");
    expect(lock.resolve("", "openai", "^4.0.0")).toBe("4.28.0");
    expect(lock.resolve("", "uuid", "^9.0.1")).toBe("9.0.0");
    expect(lock.has("app")).toBe(false);
  });

  it("a broken lockfile is a LockfileError naming the file", () => {
    expect(() => read("broken-json")).toThrow(LockfileError);
    expect(() => read("broken-json")).toThrow(/package-lock\.json is not valid JSON/);
    expect(() => read("broken-yaml")).toThrow(/pnpm-lock\.yaml is not valid YAML/);
  });

  it("no lockfile: undefined", () => {
    expect(readLockfileIn(LOCKFILES)).toBeUndefined();
  });
});
