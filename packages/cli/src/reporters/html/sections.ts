import type { Excerpt, ReportData } from "../../report/report-data.js";
import { attributionBar, familyChart, severityDonut, trendChart } from "./charts.js";
import { escapeHtml as e } from "./escape.js";

const num = (n: number) => n.toLocaleString("en-US");

export function summarySection(data: ReportData): string {
  const s = data.score;
  const newCode = data.newCode
    ? `<div class="newcode"><div class="grade small grade-${data.newCode.grade}"><span class="letter">${data.newCode.grade}</span></div>
       <div><strong>New code: ${data.newCode.perKloc} per KLOC</strong> (${data.newCode.points} points over ${num(data.newCode.lines)} lines)<br><span class="muted">${e(data.newCode.basis)}</span></div></div>`
    : `<p class="muted">No baseline: run <code>vibeguard report --baseline FILE</code> or <code>--since REF</code> for the new-code grade.</p>`;
  const baseline = data.baseline
    ? `<div class="stat"><span class="num">${data.baseline.counts.new}</span><span class="lbl">new</span></div><div class="stat"><span class="num">${data.baseline.counts.fixed}</span><span class="lbl">fixed</span></div>`
    : "";
  const recent = data.recent ? `<div class="stat"><span class="num">${num(data.recent.findings)}</span><span class="lbl">new in last ${data.recent.days} days</span></div>` : "";
  return `<section id="summary" class="summary">
  <div class="grade grade-${s.grade}" id="vg-grade" aria-label="Risk grade ${s.grade}"><span class="letter">${s.grade}</span><span class="caption">risk grade</span></div>
  <div>
    <div class="stats">
      <div class="stat"><span class="num">${s.perKloc}</span><span class="lbl">score per KLOC</span></div>
      <div class="stat"><span class="num">${num(data.findings.length)}</span><span class="lbl">findings</span></div>
      <div class="stat"><span class="num">${num(s.lines)}</span><span class="lbl">lines</span></div>
      <div class="stat"><span class="num">${num(data.filesScanned)}</span><span class="lbl">files</span></div>
      ${baseline}${recent}
    </div>
    ${newCode}
    <div class="formula">${e(data.formula)}</div>
  </div>
</section>`;
}

export function chartsSection(data: ReportData): string {
  return `<div class="grid">
  <section id="by-family"><h2>Findings by family</h2>${familyChart(data.byFamily)}</section>
  <section id="by-severity"><h2>By severity</h2>${severityDonut(data.bySeverity)}</section>
  <section id="trend"><h2>Trend</h2>${trendChart(data.history)}</section>
</div>`;
}

export function hotspotSection(data: ReportData): string {
  const table = (rows: ReportData["hotspots"]["files"], label: string) => {
    if (!rows.length) return `<p class="empty">No findings.</p>`;
    const max = Math.max(...rows.map((r) => r.score), 1);
    return `<table class="plain"><thead><tr><th>${label}</th><th class="num">findings</th><th class="num">changes</th><th class="num">hotspot</th><th></th></tr></thead><tbody>${rows
      .map((r) => `<tr><td class="mono">${e(r.path)}</td><td class="num">${r.findings}</td><td class="num">${r.churn}</td><td class="num">${r.score}</td><td style="width:90px"><span class="bar" style="width:${Math.round((r.score / max) * 80)}px"></span></td></tr>`)
      .join("")}</tbody></table>`;
  };
  const note = data.hotspots.churnAvailable ? e(data.hotspots.formula) : "No git history: ranked by risk points alone.";
  return `<section id="hotspots"><h2>Hotspots</h2><p class="formula">${note}</p><div class="grid"><div><h3>Files</h3>${table(data.hotspots.files, "file")}</div><div><h3>Folders</h3>${table(data.hotspots.folders, "folder")}</div></div></section>`;
}

export function attributionSection(data: ReportData): string {
  const a = data.attribution;
  if (!a.available) return `<section id="attribution"><h2>Attribution</h2><p class="notrun">Not run: ${e(a.reason ?? "no git history")}.</p></section>`;
  const agents = a.byAgent.length
    ? `<table class="plain"><thead><tr><th>agent</th><th>model</th><th class="num">findings</th></tr></thead><tbody>${a.byAgent.map((r) => `<tr><td>${e(r.agent)}</td><td class="mono">${e(r.model)}</td><td class="num">${r.findings}</td></tr>`).join("")}</tbody></table>`
    : `<p class="empty">No finding is on a line from a commit with an agent signature, git-ai note or Agent Trace record.</p>`;
  return `<section id="attribution"><h2>Attribution <span class="muted">(lower bound)</span></h2>
  <p><span class="pill ai">AI-assisted ${a.findings.ai}</span> <span class="pill">human ${a.findings.human}</span> <span class="pill">unknown ${a.findings.unknown}</span> <span class="muted">findings, from ${a.commits} commit(s) blamed</span></p>
  ${attributionBar(a.findings)}
  <p class="muted">${e(a.note)}</p>${agents}</section>`;
}

export function checklistSection(data: ReportData): string {
  const items = data.checklist
    .map((item) => {
      const verdict = item.status === "flagged" ? `${item.findings} finding(s)` : item.status === "ok" ? "nothing found" : "not checked by the engines that ran";
      return `<li class="check-${item.status}"><span class="status-${item.status}" aria-label="${item.status}"></span><span><strong>${e(item.category)}</strong><br><span class="muted">${e(item.question)}</span></span><span class="muted">${verdict}</span></li>`;
    })
    .join("");
  return `<section id="checklist"><h2>Review checklist for generated code</h2><ul class="checklist">${items}</ul></section>`;
}

function codeBlock(excerpt: Excerpt | undefined): string {
  if (!excerpt) return `<p class="empty">Source not available.</p>`;
  return `<pre class="code">${excerpt.lines.map((line, i) => `<span class="ln">${excerpt.startLine + i}</span>${e(line)}`).join("\n")}</pre>`;
}

export function duplicatesSection(data: ReportData): string {
  const d = data.duplicates;
  if (!d.ran) return `<section id="duplicates"><h2>Duplicated utilities</h2><p class="notrun">Not run: the analyzer engine did not run.</p></section>`;
  if (!d.groups.length) return `<section id="duplicates"><h2>Duplicated utilities</h2><p class="empty">No duplicated utilities found.</p></section>`;
  const groups = d.groups
    .slice(0, 50)
    .map(
      (g) => `<h3>${e(g.message)}${g.similarity !== undefined ? ` <span class="muted">(${Math.round(g.similarity * 100)}% similar)</span>` : ""}</h3>
  <div class="side"><div><div class="mono">copy · ${e(g.copy.location.path)}:${g.copy.location.startLine}</div>${codeBlock(g.copy.excerpt)}</div>
  <div><div class="mono">canonical · ${e(g.canonical.location.path)}:${g.canonical.location.startLine}</div>${codeBlock(g.canonical.excerpt)}</div></div>`,
    )
    .join("");
  const more = d.groups.length > 50 ? `<p class="muted">${d.groups.length - 50} more in the findings table.</p>` : "";
  return `<section id="duplicates"><h2>Duplicated utilities</h2>${groups}${more}</section>`;
}

export function dependenciesSection(data: ReportData): string {
  const d = data.dependencies;
  if (!d.ran) return `<section id="dependencies"><h2>Dependency mismatches</h2><p class="notrun">Not run: the deps engine did not run.</p></section>`;
  if (!d.packages.length) return `<section id="dependencies"><h2>Dependency mismatches</h2><p class="empty">No calls that mismatch the pinned versions.</p></section>`;
  const rows = d.packages
    .map(
      (p) => `<h3 class="mono">${e(p.package)}${p.pinned ? ` <span class="muted">pinned ${e(p.pinned)}</span>` : ""}</h3><table class="plain"><tbody>${p.findings
        .map((f) => `<tr><td class="mono" style="width:35%">${e(f.path)}:${f.line}</td><td>${e(f.message)}</td></tr>`)
        .join("")}</tbody></table>`,
    )
    .join("");
  return `<section id="dependencies"><h2>Dependency mismatches</h2>${rows}</section>`;
}

export function fixedSection(data: ReportData): string {
  if (!data.baseline?.fixed.length) return "";
  const rows = data.baseline.fixed
    .slice(0, 500)
    .map((f) => `<tr><td class="mono">${e(f.ruleId)}</td><td class="mono">${e(f.path)}:${f.startLine}</td><td>${e(f.message)}</td></tr>`)
    .join("");
  return `<section id="fixed"><h2>Fixed since ${e(data.baseline.label)} (${data.baseline.fixed.length})</h2><table class="plain"><tbody>${rows}</tbody></table></section>`;
}

export function findingsSection(data: ReportData): string {
  const families = [...new Set(data.findings.map((f) => f.family))].sort();
  const option = (v: string, label = v) => `<option value="${e(v)}">${e(label)}</option>`;
  const head = [
    ["severity", "Severity"],
    ["rule", "Rule"],
    ["file", "Location"],
    ["message", "Message"],
    ["origin", "Origin"],
    ["state", "State"],
    ["points", "Points"],
  ]
    .map(([key, label]) => `<span><button type="button" data-sort="${key}"${key === "points" ? ' aria-sort="descending"' : ""}>${label}</button></span>`)
    .join("");
  return `<section id="findings"><h2>Findings</h2>
  <div class="filters">
    <input id="vg-search" type="search" placeholder="Filter by file, message or rule" aria-label="Filter findings">
    <select id="vg-filter-severity" aria-label="Severity">${option("", "All severities")}${["error", "warning", "note"].map((s) => option(s)).join("")}</select>
    <select id="vg-filter-family" aria-label="Family">${option("", "All families")}${families.map((f) => option(f)).join("")}</select>
    <select id="vg-filter-state" aria-label="Baseline state">${option("", "Any state")}${["new", "unchanged", "moved"].map((s) => option(s)).join("")}</select>
    <select id="vg-filter-origin" aria-label="Origin">${option("", "Any origin")}${option("ai", "AI-assisted")}${option("human", "human")}${option("unknown", "unknown")}</select>
    <span id="vg-count"></span>
  </div>
  <div class="ftable" role="table" aria-label="Findings"><div class="frow fhead" role="row">${head}</div>
  <div id="vg-viewport" class="fbody"><div id="vg-spacer"></div></div></div>
  <div id="vg-detail"></div>
</section>`;
}

export function suppressedSection(data: ReportData): string {
  if (!data.suppressed.length) return "";
  const rows = data.suppressed
    .slice(0, 500)
    .map((f) => `<tr><td class="mono">${e(f.ruleId)}</td><td class="mono">${e(f.path)}:${f.line}</td><td>${e(f.message)}</td><td class="muted">${e(f.justification ?? "no reason given")}</td></tr>`)
    .join("");
  const more = data.suppressed.length > 500 ? `<p class="muted">${data.suppressed.length - 500} more in the SARIF output.</p>` : "";
  return `<section id="suppressed"><h2>Suppressed in source (${data.suppressed.length})</h2><p class="muted">Turned off by comments naming a vibeguard rule; not counted in the score.</p><table class="plain"><tbody>${rows}</tbody></table>${more}</section>`;
}
