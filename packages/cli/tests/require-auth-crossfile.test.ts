import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readResults } from "@vibeguard/core";
import { runCli } from "./run-cli.js";

const fixtures = path.resolve(__dirname, "../../../fixtures/auth-crossfile");

/** `vibeguard scan` over a copy of a fixture project: the require-auth-middleware findings, as `path:line path-in-message`. */
function scan(project: string): string[] {
  const root = mkdtempSync(path.join(tmpdir(), "vg-auth-"));
  cpSync(path.join(fixtures, project), root, { recursive: true });
  const run = runCli(["scan", "--format", "json", "--fail-on", "never"], root);
  expect(run.code, run.stderr).toBe(0);
  const { findings, diagnostics } = readResults(run.stdout, "stdout");
  expect(diagnostics).toEqual([]);
  return findings
    .filter((finding) => finding.ruleId === "require-auth-middleware")
    .map((finding) => `${finding.location.path}:${finding.location.startLine} ${/`[A-Z]+ [^`]*`/.exec(finding.message)?.[0]}`)
    .sort();
}

describe("vibeguard scan: require-auth-middleware sees the whole project", () => {
  it("reports the routers mounted without auth in each fixture app, and nothing behind auth", () => {
    expect(scan("express-ts")).toEqual([
      "src/routes/billing.ts:9 `POST /billing/charge`",
      "src/routes/comments.ts:13 `DELETE /comments/:id`",
      "src/routes/comments.ts:9 `POST /comments`",
      "src/routes/reports.ts:5 `POST /v2/reports`",
    ]);
    expect(scan("express-cjs")).toEqual(["apps/uploads.js:6 `POST /uploads`", "routes/invoices.js:7 `POST /invoices/:id/pay`"]);
    expect(scan("fastify-ts")).toEqual(["src/routes/comments.ts:5 `POST /comments`"]);
    expect(scan("hono-koa")).toEqual(["src/hono/uploads.ts:4 `POST /uploads`", "src/koa/carts.ts:4 `POST /carts/:id/items`"]);
  });
});
