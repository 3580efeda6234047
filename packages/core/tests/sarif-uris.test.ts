import { describe, expect, it } from "vitest";
import { catalog, pathToRelativeUri, readResults, toSarif, type Finding } from "@vibeguard/core";

const tool = { name: "vibeguard", version: "0.1.0", informationUri: "https://github.com/vibeguard/vibeguard" };
const at = (file: string, suppression?: Finding["suppression"]): Finding => ({
  ruleId: "no-hardcoded-secret",
  message: "Hardcoded secret.",
  severity: "error",
  location: { path: file, startLine: 1, startColumn: 1 },
  fingerprint: `fp-${file}`,
  ...(suppression ? { suppression } : {}),
});

describe("SARIF artifact URIs", () => {
  const odd = ["src/#hash.js", "src/what?.js", "src/100%.js", "src/my file.js", "src/café/ünï.js", "src/a+b&c=d.js"];

  it("percent-encode #, ?, %, spaces and non-ASCII so the URI names the file, not its folder", () => {
    expect(odd.map(pathToRelativeUri)).toEqual([
      "src/%23hash.js",
      "src/what%3F.js",
      "src/100%25.js",
      "src/my%20file.js",
      "src/caf%C3%A9/%C3%BCn%C3%AF.js",
      "src/a%2Bb%26c%3Dd.js",
    ]);
    for (const file of odd) {
      // Resolved against a base the way a SARIF consumer does, the URI gives back the same file.
      const resolved = new URL(pathToRelativeUri(file), "file:///repo/");
      expect(decodeURIComponent(resolved.pathname)).toBe(`/repo/${file}`);
      expect(resolved.search + resolved.hash).toBe("");
    }
  });

  it("round-trip through the reader", () => {
    const log = toSarif(odd.map((file) => at(file)), { tool, catalog, root: "/work/my repo#1" });
    expect(readResults(JSON.stringify(log), "x.sarif").findings.map((f) => f.location.path)).toEqual(odd);
    expect(log.runs[0]!.originalUriBaseIds!["%SRCROOT%"]!.uri).toBe("file:///work/my%20repo%231/");
  });
});

describe("SARIF suppressions", () => {
  it("lists findings suppressed in source with kind inSource and the justification, and the reader leaves them out", () => {
    const suppressed = at("src/fixture.js", { kind: "inSource", directive: "eslint-disable-next-line vibeguard/no-hardcoded-secret", justification: "test key" });
    const log = toSarif([at("src/app.js")], { tool, catalog, suppressed: [suppressed] });
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(2);
    expect(results[0]!.suppressions).toBeUndefined();
    expect(results[1]!.suppressions).toEqual([
      { kind: "inSource", status: "accepted", justification: "test key", properties: { directive: "eslint-disable-next-line vibeguard/no-hardcoded-secret" } },
    ]);
    expect(readResults(JSON.stringify(log), "x.sarif").findings.map((f) => f.location.path)).toEqual(["src/app.js"]);
  });
});
