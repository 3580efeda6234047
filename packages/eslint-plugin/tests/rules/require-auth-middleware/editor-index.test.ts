import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { eslintWithRules } from "../../eslint-node-api.js";
import { RouteIndex } from "../../../src/rules/require-auth-middleware/project/route-index.js";

const fixture = path.resolve(__dirname, "../../../../../fixtures/auth-crossfile/express-ts");
const REFRESH_INTERVAL_MS = 1000;

describe("require-auth-middleware's project index in an editor session", () => {
  let root: string;
  let eslint: ESLint;
  const lint = async (file: string, text = readFileSync(path.join(root, file), "utf8")) => {
    const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
    return result!.messages.map((message) => `${message.line}:${message.column} ${message.message.slice(0, 40)}`);
  };

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "vibeguard-auth-"));
    cpSync(fixture, root, { recursive: true });
    eslint = eslintWithRules(root, { "vibeguard/require-auth-middleware": "warn" });
  });

  it("builds the index once, then lints other route files without parsing the project again", async () => {
    expect(await lint("src/routes/comments.ts")).toEqual(["9:16 `POST /comments` is registered on `comme", "13:16 `DELETE /comments/:id` is registered on "]);
    const index = RouteIndex.for(root);
    const parsed = index.parsedFiles;
    expect(parsed).toBeGreaterThan(5);
    expect(await lint("src/routes/reports.ts")).toHaveLength(1);
    expect(await lint("src/routes/users.ts")).toEqual([]);
    expect(index.parsedFiles).toBe(parsed);
  });

  it("reads the unsaved buffer of the file being linted: auth added to the route silences it", async () => {
    const text = readFileSync(path.join(root, "src/routes/reports.ts"), "utf8")
      .replace('import { Router } from "express";', 'import { Router } from "express";\nimport { requireAuth } from "../middleware/auth.js";')
      .replace('reports.post("/", async', 'reports.post("/", requireAuth, async');
    expect(await lint("src/routes/reports.ts", text)).toEqual([]);
  });

  it("after the mounting file changes on disk, re-parses that file only and follows the new mount", async () => {
    const index = RouteIndex.for(root);
    const parsed = index.parsedFiles;
    const app = path.join(root, "src/app.ts");
    writeFileSync(app, readFileSync(app, "utf8").replace('app.use("/comments", commentsRouter)', 'app.use("/comments", requireAuth, commentsRouter)'));
    await new Promise((resolve) => setTimeout(resolve, REFRESH_INTERVAL_MS + 100));
    expect(await lint("src/routes/comments.ts")).toEqual([]);
    expect(index.parsedFiles).toBe(parsed + 1);
  });

  it("a new session reads the summaries back from the disk cache instead of parsing", async () => {
    RouteIndex.forget(root);
    expect(await lint("src/routes/reports.ts")).toHaveLength(1);
    expect(RouteIndex.for(root).parsedFiles).toBe(0);
  });
});
