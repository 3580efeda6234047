/** The report's stylesheet, inlined so the file works offline and from file://. */
export const STYLES = `
:root { --fg:#1f2328; --muted:#59636e; --border:#d1d9e0; --bg:#f6f8fa; --card:#fff; --accent:#0969da;
  --A:#1a7f37; --B:#4d9a2a; --C:#bf8700; --D:#d1570f; --E:#cf222e; --row:30px; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif; color:var(--fg); background:var(--bg); }
header.top { background:#24292f; color:#fff; padding:14px 32px; display:flex; align-items:baseline; gap:16px; flex-wrap:wrap; }
header.top h1 { font-size:18px; margin:0; font-weight:600; }
header.top .meta { color:#c9d1d9; font-size:13px; }
main { max-width:1280px; margin:0 auto; padding:24px 32px 48px; }
section { background:var(--card); border:1px solid var(--border); border-radius:8px; padding:18px 22px; margin-bottom:20px; }
section h2 { font-size:16px; margin:0 0 12px; font-weight:600; }
h3 { font-size:14px; margin:14px 0 8px; }
.grid { display:grid; gap:20px; grid-template-columns:repeat(auto-fit,minmax(300px,1fr)); }
.summary { display:grid; grid-template-columns:auto 1fr; gap:28px; align-items:center; }
.grade { width:112px; height:112px; border-radius:16px; color:#fff; display:flex; flex-direction:column; align-items:center; justify-content:center; }
.grade .letter { font-size:60px; font-weight:700; line-height:1; }
.grade .caption { font-size:12px; opacity:.9; margin-top:4px; }
.grade.small { width:64px; height:64px; border-radius:10px; }
.grade.small .letter { font-size:32px; }
.grade-A { background:var(--A); } .grade-B { background:var(--B); } .grade-C { background:var(--C); } .grade-D { background:var(--D); } .grade-E { background:var(--E); }
.stats { display:flex; flex-wrap:wrap; gap:12px 32px; }
.stat .num { font-size:22px; font-weight:600; display:block; }
.stat .lbl { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
.formula { color:var(--muted); font-size:12px; margin-top:12px; font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; }
.newcode { display:flex; gap:14px; align-items:center; margin-top:14px; }
.empty, .notrun { color:var(--muted); font-style:italic; margin:4px 0; }
table.plain { border-collapse:collapse; width:100%; font-size:13px; }
table.plain th, table.plain td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--border); vertical-align:top; }
table.plain th { color:var(--muted); font-weight:600; font-size:12px; }
table.plain td.num, table.plain th.num { text-align:right; font-variant-numeric:tabular-nums; }
.bar { display:inline-block; height:8px; border-radius:4px; background:var(--E); opacity:.75; vertical-align:middle; }
.chart text.label { font-size:12px; fill:var(--fg); } .chart text.value, .chart text.tick { font-size:11px; fill:var(--muted); }
.chart .donut-total { font-size:24px; font-weight:600; fill:var(--fg); } .chart line.grid { stroke:#eaeef2; }
.checklist { list-style:none; padding:0; margin:0; }
.checklist li { padding:8px 0; border-bottom:1px solid var(--border); display:grid; grid-template-columns:26px 1fr auto; gap:8px; }
.status-ok::before { content:"✔"; color:var(--A); font-weight:700; } .status-flagged::before { content:"!"; color:#fff; background:var(--E); border-radius:50%; display:inline-block; width:18px; height:18px; text-align:center; line-height:18px; font-size:12px; font-weight:700; }
.status-not-checked::before { content:"–"; color:var(--muted); }
.muted { color:var(--muted); } code, pre, .mono { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12px; }
pre.code { background:#f6f8fa; border:1px solid var(--border); border-radius:6px; padding:8px 10px; overflow:auto; margin:6px 0; white-space:pre; }
pre.code .ln { color:#8c959f; user-select:none; display:inline-block; min-width:3.5em; }
.side { display:grid; grid-template-columns:1fr 1fr; gap:12px; }
.pill { display:inline-block; padding:0 8px; border-radius:10px; font-size:11px; font-weight:600; line-height:18px; background:#eaeef2; color:var(--fg); }
.pill.error { background:#ffebe9; color:#a40e26; } .pill.warning { background:#fff8c5; color:#7d4e00; } .pill.note { background:#ddf4ff; color:#0550ae; }
.pill.ai { background:#fbefff; color:#6e40c9; } .pill.new { background:#ffebe9; color:#a40e26; }
.filters { display:flex; flex-wrap:wrap; gap:8px; margin-bottom:10px; align-items:center; }
.filters input, .filters select { font:inherit; font-size:13px; padding:5px 8px; border:1px solid var(--border); border-radius:6px; background:#fff; }
.filters input { min-width:260px; }
#vg-count { color:var(--muted); font-size:12px; margin-left:auto; }
.ftable { border:1px solid var(--border); border-radius:6px; overflow:hidden; }
.frow { display:grid; grid-template-columns:84px 190px minmax(180px,1.2fr) minmax(220px,2fr) 120px 84px 56px; align-items:center; height:var(--row); padding:0 8px; gap:8px; font-size:13px; border-bottom:1px solid #eaeef2; }
.frow > span { overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
.fhead { background:#f6f8fa; font-weight:600; font-size:12px; color:var(--muted); }
.fhead button { all:unset; cursor:pointer; } .fhead button:hover { color:var(--accent); }
.fhead button[aria-sort="ascending"]::after { content:" ▲"; } .fhead button[aria-sort="descending"]::after { content:" ▼"; }
#vg-viewport { height:480px; overflow-y:auto; position:relative; }
#vg-spacer { position:relative; }
.fbody .frow { position:absolute; left:0; right:0; cursor:pointer; background:#fff; }
.fbody .frow:hover { background:#f6f8fa; } .fbody .frow.selected { background:#ddf4ff; }
#vg-detail { margin-top:12px; }
#vg-detail:empty { display:none; }
.detail { border:1px solid var(--border); border-radius:6px; padding:12px 14px; background:#fff; }
.detail h3 { margin:0 0 6px; }
.evidence { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12px; background:#fbefff; border-radius:4px; padding:2px 6px; }
footer { color:var(--muted); font-size:12px; text-align:center; margin-top:8px; }
`;
