import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readResults, type Finding } from "@vibeguard/core";
import { buildReportData } from "../src/report/build-report.js";
import { renderHtml } from "../src/reporters/html/html-report.js";
import { runCli } from "./run-cli.js";

const CHROMIUM = "/usr/bin/chromium";
const repo = path.resolve(__dirname, "../../..");
const demo = path.join(repo, "fixtures/demo-app");
/** Screenshots and reports land here (gitignored) so a person can look at them after a run. */
const output = path.join(__dirname, "output/report-browser");

let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`);
  mkdirSync(output, { recursive: true });
  profile = mkdtempSync(path.join(tmpdir(), "vg-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    viewport: { width: 1400, height: 1000 },
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Opens a report and records everything the page complains about, plus any request that leaves the file. */
async function open(file: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) requests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.getElementById("vg-count")?.textContent?.startsWith("Showing"));
  return { page, problems, requests };
}

const rowTexts = (page: Page, column: number) => page.$$eval(`#vg-spacer .frow > span:nth-child(${column})`, (cells) => cells.map((c) => c.textContent ?? ""));

describe("the HTML report in headless Chromium", () => {
  it("renders the demo app's grade, charts and findings; sorting, filters and details work; no console errors", async () => {
    const file = path.join(output, "demo-app.html");
    const run = runCli(["report", "-o", file], demo);
    expect(run.code).toBe(0);
    const json = readResults(runCli(["scan", "--format", "json", "--fail-on", "never"], demo).stdout, "demo");
    const total = json.findings.length;
    const { page, problems, requests } = await open(file);

    const grade = (await page.textContent("#vg-grade .letter"))!.trim();
    expect(grade).toMatch(/^[A-E]$/);
    expect(await page.title()).toContain(`(grade ${grade})`);
    const gradeBox = await page.locator("#vg-grade").boundingBox();
    expect(gradeBox!.width).toBeGreaterThan(80);

    // Charts: bars per family and severity arcs are drawn with real size.
    const barWidths = await page.$$eval("#by-family svg rect", (rects) => rects.map((r) => r.getBoundingClientRect().width));
    expect(barWidths.length).toBeGreaterThan(3);
    expect(Math.min(...barWidths)).toBeGreaterThan(0);
    expect(await page.locator("#by-severity svg circle").count()).toBeGreaterThan(1);
    expect(await page.locator("#hotspots table tbody tr").count()).toBeGreaterThan(3);

    expect(await page.textContent("#vg-count")).toBe(`Showing ${total} of ${total} findings`);
    // Only the rows in view are rendered (the table is virtualised); the demo has more findings than fit.
    const rendered = await page.locator("#vg-spacer .frow").count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThanOrEqual(total);

    // Sorting by location, both ways.
    await page.click('.fhead button[data-sort="file"]');
    const ascending = await rowTexts(page, 3);
    const paths = ascending.map((t) => t.replace(/:\d+$/, ""));
    expect(paths).toEqual([...paths].sort());
    await page.click('.fhead button[data-sort="file"]');
    // Descending: the first rows are in reverse order and come after every row that led the ascending order.
    const descending = (await rowTexts(page, 3)).map((t) => t.replace(/:\d+$/, ""));
    expect(descending).toEqual([...descending].sort().reverse());
    expect(descending[0]! >= paths[paths.length - 1]!).toBe(true);
    expect(await page.getAttribute('.fhead button[data-sort="file"]', "aria-sort")).toBe("descending");

    // Filters: severity, then text.
    const warnings = json.findings.filter((f) => f.severity === "warning").length;
    await page.selectOption("#vg-filter-severity", "warning");
    expect(await page.textContent("#vg-count")).toBe(`Showing ${warnings} of ${total} findings`);
    expect(new Set(await rowTexts(page, 1))).toEqual(new Set(["warning"]));
    await page.selectOption("#vg-filter-severity", "");
    await page.fill("#vg-search", "orders");
    const filtered = await rowTexts(page, 3);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((t) => t.includes("orders"))).toBe(true);
    await page.fill("#vg-search", "");

    // Details: an excerpt for an SQL finding, none for a secret.
    await page.fill("#vg-search", "no-string-built-sql");
    await page.click("#vg-spacer .frow");
    expect(await page.locator("#vg-detail pre.code").count()).toBe(1);
    await page.fill("#vg-search", "no-hardcoded-secret");
    await page.click("#vg-spacer .frow");
    expect(await page.textContent("#vg-detail")).toContain("Code excerpt withheld");

    await page.screenshot({ path: path.join(output, "demo-app.png"), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);

    // No secret literal of the demo app is anywhere in the file.
    const html = readFileSync(file, "utf8");
    for (const f of json.findings.filter((x) => x.ruleId === "no-hardcoded-secret")) {
      const line = readFileSync(path.join(repo, f.location.path), "utf8").split("\n")[f.location.startLine - 1]!;
      for (const literal of line.match(/["'`][^"'`]{12,}["'`]/g) ?? []) expect(html).not.toContain(literal.slice(1, -1));
    }
    await page.close();
  });

  it("escapes hostile file names, messages and snippets: nothing runs, the text shows literally", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "vg-hostile-"));
    const hostileFile = `src/"><img src=x onerror="window.__pwned=1">.js`;
    const snippet = `const page = "</style><script>window.__pwned=2</script><!--"; // ' " \u2028`;
    mkdirSync(path.join(root, "src"));
    writeFileSync(path.join(root, hostileFile), `${snippet}\n`);
    const hostileMessage = `Bad </script><script>window.__pwned=3</script> and </style><b onmouseover="window.__pwned=4">'quotes'</b> & more`;
    const findings: Finding[] = [
      { ruleId: "no-string-built-sql", message: hostileMessage, severity: "error", location: { path: hostileFile, startLine: 1, startColumn: 1 }, fingerprint: "f1" },
      { ruleId: "require-retry", message: "<!-- ]]> --> \u2028 plain", severity: "warning", location: { path: "src/</script>.js", startLine: 3, startColumn: 1 }, fingerprint: "f2" },
    ];
    const data = buildReportData({ root, version: "<script>v</script>", result: { findings, diagnostics: [], filesScanned: 2, enginesRun: ["eslint"], files: [hostileFile] } });
    const file = path.join(output, "hostile.html");
    writeFileSync(file, renderHtml(data));
    const html = readFileSync(file, "utf8");
    expect(html.match(/<\/script>/g)).toHaveLength(2); // only the two real closing tags
    expect(html.match(/<\/style>/g)).toHaveLength(1);

    const { page, problems, requests } = await open(file);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("#vg-spacer b").count()).toBe(0);
    // The stylesheet survived: the header keeps its dark background.
    expect(await page.$eval("header.top", (h) => getComputedStyle(h).backgroundColor)).toBe("rgb(36, 41, 47)");
    const messages = await rowTexts(page, 4);
    expect(messages).toContain(hostileMessage);
    expect(await rowTexts(page, 3)).toContain(`${hostileFile}:1`);
    await page.fill("#vg-search", "pwned=3");
    await page.click("#vg-spacer .frow");
    expect(await page.textContent("#vg-detail pre.code")).toContain(snippet.trimEnd().slice(0, 40));
    expect(await page.textContent("header.top")).toContain("vibeguard <script>v</script>");
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("keeps a 20,000-finding report under 10 MB, opens it in about a second and renders only visible rows", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "vg-big-"));
    const files: string[] = [];
    for (let i = 0; i < 400; i++) {
      const file = `src/module-${i % 20}/file-${i}.ts`;
      mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(root, file), Array.from({ length: 120 }, (_, n) => `  const value${n} = await fetch(\`https://api.example.com/items/\${id}/${n}\`);`).join("\n"));
      files.push(file);
    }
    const rules = ["no-swallowed-error", "require-retry", "no-string-built-sql", "no-contextless-error-log", "no-permissive-cors"] as const;
    const findings: Finding[] = Array.from({ length: 20_000 }, (_, i) => ({
      ruleId: rules[i % rules.length]!,
      message: `Finding number ${i % 700}: outbound call without a retry policy or timeout; wrap it in a retry helper.`,
      severity: i % 4 ? "warning" : "error",
      location: { path: files[i % files.length]!, startLine: (i % 118) + 1, startColumn: 3 },
      fingerprint: `fp-${i}`,
    }));
    const data = buildReportData({ root, version: "test", result: { findings, diagnostics: [], filesScanned: files.length, enginesRun: ["eslint"], files } });
    const file = path.join(output, "twenty-thousand.html");
    writeFileSync(file, renderHtml(data));
    const size = statSync(file).size;
    expect(size).toBeLessThan(10 * 1024 * 1024);

    const started = performance.now();
    const { page, problems } = await open(file);
    const loadMs = performance.now() - started;
    // "About a second": allow headroom for a machine shared with other jobs.
    expect(loadMs).toBeLessThan(2500);
    expect(await page.textContent("#vg-count")).toBe("Showing 20,000 of 20,000 findings");
    expect(await page.locator("#vg-spacer .frow").count()).toBeLessThan(60);
    await page.$eval("#vg-viewport", (v) => (v.scrollTop = v.scrollHeight));
    await page.waitForFunction(() => Number((document.querySelector("#vg-spacer .frow:last-child") as HTMLElement | null)?.style.top.replace("px", "")) > 500_000);
    const sortStarted = performance.now();
    await page.click('.fhead button[data-sort="file"]');
    const sortMs = performance.now() - sortStarted;
    expect(problems).toEqual([]);
    await page.close();
    writeFileSync(path.join(output, "twenty-thousand.txt"), `size ${size} bytes, load ${Math.round(loadMs)} ms, sort ${Math.round(sortMs)} ms\n`);
  });
});
