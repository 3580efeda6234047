import type { ReportData, ReportFinding } from "../report/report-data.js";
import type { Reporter } from "./reporter.js";

/** GitHub rejects comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room kept for the closing lines (what was left out) after the findings table. */
const RESERVE = 1_500;

/**
 * Markdown table cells: GitHub renders HTML inside markdown, so HTML is escaped outside code spans;
 * inside them it shows literally and only the table's pipe needs escaping. Unbalanced backticks
 * are escaped too, so a message cannot open a code span that swallows the rest of the table.
 */
export function markdownCell(text: string): string {
  const oneLine = text.replace(/\r?\n/g, " ");
  const parts = oneLine.split("`");
  if (parts.length % 2 === 0) return escapeMarkdownText(oneLine.replace(/`/g, "\u0000")).replace(/\u0000/g, "&#96;");
  return parts.map((part, i) => (i % 2 ? part.replace(/\|/g, "\\|") : escapeMarkdownText(part))).join("`");
}

function escapeMarkdownText(text: string): string {
  return text
    .replace(/[*_[\]~\\]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|");
}

const SEVERITY_ICON = { error: "🔴", warning: "🟠", note: "🔵" } as const;
const STATUS = { ok: "✅", flagged: "⚠️", "not-checked": "➖" } as const;

/** The essentials of the risk report for a pull request comment, always under GitHub's size limit. */
export const markdownReporter: Reporter = (result, context) => {
  if (!result.report) throw new Error("the markdown reporter needs report data (scanExtras computes it)");
  return renderMarkdown(result.report, context.version, GITHUB_COMMENT_LIMIT);
};

export function renderMarkdown(data: ReportData, version: string, limit: number): string {
  const head: string[] = [];
  const { score } = data;
  head.push(`## vibeguard risk report: grade ${score.grade} (${score.perKloc} per 1,000 lines)`, "");
  head.push("| scope | grade | score / KLOC | findings | lines |", "|---|---|---|---|---|");
  head.push(`| whole code | **${score.grade}** | ${score.perKloc} | ${data.findings.length} | ${score.lines} |`);
  if (data.newCode) head.push(`| new code | **${data.newCode.grade}** | ${data.newCode.perKloc} | ${data.baseline?.counts.new ?? 0} | ${data.newCode.lines} |`);
  head.push("", `<sub>${markdownCell(data.formula)}</sub>`, "");
  if (data.baseline) {
    const c = data.baseline.counts;
    head.push(`**Against ${markdownCell(data.baseline.label)}:** ${c.new} new · ${c.unchanged} unchanged · ${c.moved} moved · ${c.fixed} fixed`, "");
  }
  head.push("| family | error | warning | note |", "|---|---|---|---|");
  for (const row of data.byFamily.filter((r) => r.error + r.warning + r.note > 0)) head.push(`| ${row.family} | ${row.error} | ${row.warning} | ${row.note} |`);
  head.push("");
  if (data.hotspots.files.length) {
    head.push("<details><summary>Hotspots</summary>", "", "| file | findings | churn | hotspot |", "|---|---|---|---|");
    for (const h of data.hotspots.files.slice(0, 5)) head.push(`| ${markdownCell(h.path)} | ${h.findings} | ${h.churn} | ${h.score} |`);
    head.push("", "</details>", "");
  }
  if (data.attribution.available) {
    const a = data.attribution.findings;
    const agents = data.attribution.byAgent.map((r) => `${markdownCell(r.agent)} (${markdownCell(r.model)}): ${r.findings}`).join(" · ");
    head.push(`**Attribution:** ${a.ai} findings on AI-assisted lines, ${a.human} human, ${a.unknown} unknown${agents ? ` — ${agents}` : ""}. <sub>${markdownCell(data.attribution.note)}</sub>`, "");
  }
  head.push("**Review checklist**", "");
  for (const item of data.checklist) head.push(`- ${STATUS[item.status]} ${markdownCell(item.category)}: ${item.status === "flagged" ? `${item.findings} finding(s)` : item.status === "ok" ? "nothing found" : "not checked"}`);
  head.push("");

  // Findings: new ones when there is a baseline, all otherwise; most severe first.
  const listed = data.baseline ? data.findings.filter((f) => f.state === "new") : data.findings;
  const sorted = [...listed].sort((a, b) => b.points - a.points || a.path.localeCompare(b.path) || a.line - b.line);
  const title = data.baseline ? `### New findings (${sorted.length})` : `### Findings (${sorted.length})`;
  const rows: string[] = [title, "", "| | rule | location | message |", "|---|---|---|---|"];
  let length = head.join("\n").length + rows.join("\n").length;
  const budget = limit - RESERVE;
  let shown = 0;
  for (const f of sorted) {
    const row = findingRow(f);
    if (length + row.length + 1 > budget) break;
    rows.push(row);
    length += row.length + 1;
    shown++;
  }
  if (!sorted.length) rows.splice(2, 2, data.baseline ? "No new findings." : "No findings.");
  const tail: string[] = [""];
  if (shown < sorted.length) {
    const left = sorted.slice(shown);
    const bySeverity = { error: 0, warning: 0, note: 0 };
    for (const f of left) bySeverity[f.severity]++;
    tail.push(`…and ${left.length} more finding(s) not shown (${bySeverity.error} error, ${bySeverity.warning} warning, ${bySeverity.note} note) to stay under GitHub's ${limit.toLocaleString("en-US")}-character comment limit; the HTML report (\`vibeguard report\`) lists them all.`);
  }
  if (data.baseline?.counts.fixed) tail.push("", `${data.baseline.counts.fixed} finding(s) fixed since the baseline.`);
  if (data.suppressed.length) tail.push("", `${data.suppressed.length} finding(s) suppressed by comments in source (listed in the HTML report and the SARIF output).`);
  tail.push("", `<sub>vibeguard ${markdownCell(version)}${data.commit ? ` · ${data.commit.slice(0, 12)}` : ""}</sub>`, "");
  return [...head, ...rows, ...tail].join("\n");
}

function findingRow(f: ReportFinding): string {
  const origin = f.attribution?.kind === "ai" ? ` 🤖 ${markdownCell(f.attribution.agent ?? "AI")}` : "";
  return `| ${SEVERITY_ICON[f.severity]} | ${markdownCell(f.ruleId)} | ${markdownCell(`${f.path}:${f.line}`)} | ${markdownCell(f.message)}${origin} |`;
}
