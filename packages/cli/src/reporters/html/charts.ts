import type { FamilyCount } from "../../report/report-data.js";
import type { HistoryEntry } from "../../history/history-file.js";
import { escapeHtml } from "./escape.js";

/** Plain inline SVG charts: no library, no script, readable without JavaScript. */

export const SEVERITY_COLOR = { error: "#cf222e", warning: "#d4a72c", note: "#4c8dd6" } as const;

/** Horizontal bars per family, stacked by severity. */
export function familyChart(rows: readonly FamilyCount[]): string {
  const shown = rows.filter((r) => r.error + r.warning + r.note > 0);
  if (!shown.length) return `<p class="empty">No findings.</p>`;
  const max = Math.max(...shown.map((r) => r.error + r.warning + r.note));
  const rowHeight = 28;
  const labelWidth = 100;
  const barWidth = 240;
  const height = shown.length * rowHeight + 8;
  const bars = shown
    .map((row, i) => {
      const y = i * rowHeight + 4;
      let x = labelWidth;
      const parts = (["error", "warning", "note"] as const)
        .filter((s) => row[s] > 0)
        .map((s) => {
          const w = Math.max((row[s] / max) * barWidth, 2);
          const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="18" rx="3" fill="${SEVERITY_COLOR[s]}"><title>${escapeHtml(`${row.family}: ${row[s]} ${s}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join("");
      const total = row.error + row.warning + row.note;
      return `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end" class="label">${escapeHtml(row.family)}</text>${parts}<text x="${(x + 6).toFixed(1)}" y="${y + 13}" class="value">${total}</text>`;
    })
    .join("");
  return `<svg class="chart" role="img" aria-label="Findings by family and severity" viewBox="0 0 ${labelWidth + barWidth + 50} ${height}" width="${labelWidth + barWidth + 50}" height="${height}" style="max-width:100%">${bars}</svg>`;
}

/** A donut of findings by severity, total in the middle. */
export function severityDonut(counts: Record<"error" | "warning" | "note", number>): string {
  const total = counts.error + counts.warning + counts.note;
  const r = 52;
  const circumference = 2 * Math.PI * r;
  let offset = 0;
  const arcs = total
    ? (["error", "warning", "note"] as const)
        .filter((s) => counts[s] > 0)
        .map((s) => {
          const length = (counts[s] / total) * circumference;
          const arc = `<circle r="${r}" cx="70" cy="70" fill="none" stroke="${SEVERITY_COLOR[s]}" stroke-width="20" stroke-dasharray="${length.toFixed(2)} ${(circumference - length).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 70 70)"><title>${escapeHtml(`${counts[s]} ${s}`)}</title></circle>`;
          offset += length;
          return arc;
        })
        .join("")
    : `<circle r="${r}" cx="70" cy="70" fill="none" stroke="#d0d7de" stroke-width="20"/>`;
  const legend = (["error", "warning", "note"] as const)
    .map((s, i) => `<g transform="translate(160 ${40 + i * 24})"><rect width="12" height="12" rx="2" fill="${SEVERITY_COLOR[s]}"/><text x="20" y="11" class="label">${s} ${counts[s]}</text></g>`)
    .join("");
  return `<svg class="chart" role="img" aria-label="Findings by severity" viewBox="0 0 280 140" width="100%" height="140">${arcs}<text x="70" y="76" text-anchor="middle" class="donut-total">${total}</text>${legend}</svg>`;
}

/** Score per KLOC over the history, with the grade bands behind it. */
export function trendChart(history: readonly HistoryEntry[]): string {
  if (history.length < 2) {
    return `<p class="empty">${history.length ? "One scan in the history so far" : "No history yet"}: run <code>vibeguard scan --history</code> or <code>vibeguard report --history</code> to record one per run.</p>`;
  }
  const width = 460;
  const height = 160;
  const pad = { left: 36, right: 12, top: 10, bottom: 26 };
  const max = Math.max(...history.map((h) => h.score), 1) * 1.15;
  const x = (i: number) => pad.left + (i / (history.length - 1)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - v / max) * (height - pad.top - pad.bottom);
  const points = history.map((h, i) => `${x(i).toFixed(1)},${y(h.score).toFixed(1)}`).join(" ");
  const dots = history
    .map((h, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(h.score).toFixed(1)}" r="3.5" fill="#0969da"><title>${escapeHtml(`${h.date.slice(0, 10)}: ${h.score} per KLOC (grade ${h.grade}), ${h.findings} findings`)}</title></circle>`)
    .join("");
  const ticks = [0, max / 2, max].map((v) => `<text x="${pad.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" class="tick">${v.toFixed(1)}</text><line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/>`).join("");
  const first = history[0]!.date.slice(0, 10);
  const last = history[history.length - 1]!.date.slice(0, 10);
  return `<svg class="chart" role="img" aria-label="Risk score over time" viewBox="0 0 ${width} ${height}" width="100%" height="${height}">${ticks}<polyline points="${points}" fill="none" stroke="#0969da" stroke-width="2"/>${dots}<text x="${pad.left}" y="${height - 6}" class="tick">${escapeHtml(first)}</text><text x="${width - pad.right}" y="${height - 6}" text-anchor="end" class="tick">${escapeHtml(last)}</text></svg>`;
}

/** One bar split into AI / human / unknown shares. */
export function attributionBar(counts: Record<"ai" | "human" | "unknown", number>): string {
  const total = counts.ai + counts.human + counts.unknown;
  if (!total) return `<p class="empty">No findings to attribute.</p>`;
  const colors = { ai: "#8250df", human: "#57606a", unknown: "#d0d7de" } as const;
  let x = 0;
  const parts = (["ai", "human", "unknown"] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => {
      const w = (counts[k] / total) * 400;
      const rect = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="22" fill="${colors[k]}"><title>${escapeHtml(`${k}: ${counts[k]}`)}</title></rect>`;
      x += w;
      return rect;
    })
    .join("");
  return `<svg class="chart" role="img" aria-label="Findings by origin" viewBox="0 0 400 22" width="100%" height="22" preserveAspectRatio="none">${parts}</svg>`;
}
