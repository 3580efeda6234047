import type { Reporter } from "../reporter.js";
import type { ReportData } from "../../report/report-data.js";
import { CLIENT_SCRIPT } from "./client-script.js";
import { escapeHtml as e, jsonForScript } from "./escape.js";
import { findingsPayload } from "./findings-payload.js";
import {
  attributionSection,
  chartsSection,
  checklistSection,
  dependenciesSection,
  duplicatesSection,
  findingsSection,
  fixedSection,
  hotspotSection,
  summarySection,
  suppressedSection,
} from "./sections.js";
import { STYLES } from "./styles.js";

/** One self-contained HTML file: inline CSS, SVG and script, no network, works from file://. */
export const htmlReporter: Reporter = (result) => {
  if (!result.report) throw new Error("the html reporter needs report data (scanExtras computes it)");
  return renderHtml(result.report);
};

export function renderHtml(data: ReportData): string {
  const meta = [
    `generated ${data.generatedAt.replace("T", " ").slice(0, 16)} UTC`,
    data.commit ? `commit ${data.commit.slice(0, 12)}` : "",
    `vibeguard ${data.version}`,
    `engines: ${data.enginesRun.join(", ") || "none"}${data.enginesNotRun.length ? ` (not run: ${data.enginesNotRun.join(", ")})` : ""}`,
    data.diagnostics ? `${data.diagnostics} file(s) could not be analysed` : "",
  ].filter(Boolean);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${e(`vibeguard risk report: ${data.project} (grade ${data.score.grade})`)}</title>
<style>${STYLES}</style>
</head>
<body>
<header class="top"><h1>vibeguard risk report · ${e(data.project)}</h1><span class="meta">${meta.map((m) => e(m)).join(" · ")}</span></header>
<main>
${summarySection(data)}
${chartsSection(data)}
${hotspotSection(data)}
<div class="grid">${attributionSection(data)}${checklistSection(data)}</div>
${findingsSection(data)}
${fixedSection(data)}
${suppressedSection(data)}
${duplicatesSection(data)}
${dependenciesSection(data)}
<footer>Open offline; nothing in this file loads from the network.</footer>
</main>
<script type="application/json" id="vg-data">${jsonForScript(findingsPayload(data.findings))}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
