/**
 * The report's only script: a findings table that renders just the rows in view (so 20,000 findings
 * stay fast), with sorting, filters and a detail panel. Data is read from the JSON block and always
 * written into the page with textContent, never as HTML.
 */
export const CLIENT_SCRIPT = `
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vg-data").textContent);
  var SEV = ["error", "warning", "note"], STATES = ["", "new", "unchanged", "moved"], ROW = 30, OVERSCAN = 8;
  var rows = data.rows, view = [], sortKey = "points", sortDir = -1, selected = -1;
  var $ = function (id) { return document.getElementById(id); };
  var viewport = $("vg-viewport"), spacer = $("vg-spacer"), count = $("vg-count"), detail = $("vg-detail");
  var search = $("vg-search"), fSev = $("vg-filter-severity"), fFam = $("vg-filter-family"), fState = $("vg-filter-state"), fOrigin = $("vg-filter-origin");

  function origin(r) { return r[8] < 0 ? null : data.origins[r[8]]; }
  function originKind(r) { var o = origin(r); return o ? o[0] : "unknown"; }
  function sortValue(r, key) {
    switch (key) {
      case "severity": return 3 - r[1];
      case "rule": return data.rules[r[0]][0];
      case "file": return data.paths[r[2]];
      case "message": return data.messages[r[5]];
      case "origin": return originKind(r);
      case "state": return STATES[r[7]];
      default: return r[6];
    }
  }
  function compare(a, b) {
    var ra = rows[a], rb = rows[b], va = sortValue(ra, sortKey), vb = sortValue(rb, sortKey);
    var c = va < vb ? -1 : va > vb ? 1 : 0;
    if (c === 0) { c = data.paths[ra[2]] < data.paths[rb[2]] ? -1 : data.paths[ra[2]] > data.paths[rb[2]] ? 1 : ra[3] - rb[3]; return c; }
    return c * sortDir;
  }
  function apply() {
    var text = search.value.trim().toLowerCase(), sev = fSev.value, fam = fFam.value, st = fState.value, org = fOrigin.value;
    view = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], rule = data.rules[r[0]];
      if (sev && SEV[r[1]] !== sev) continue;
      if (fam && rule[2] !== fam) continue;
      if (st && STATES[r[7]] !== st) continue;
      if (org && originKind(r) !== org) continue;
      if (text && (data.paths[r[2]] + " " + data.messages[r[5]] + " " + rule[0]).toLowerCase().indexOf(text) < 0) continue;
      view.push(i);
    }
    view.sort(compare);
    spacer.style.height = view.length * ROW + "px";
    viewport.style.height = Math.min(480, Math.max(view.length, 2) * ROW) + "px";
    count.textContent = "Showing " + view.length.toLocaleString("en-US") + " of " + rows.length.toLocaleString("en-US") + " findings";
    render();
  }
  function cell(text, cls) { var s = document.createElement("span"); s.textContent = text; if (cls) s.className = cls; s.title = text; return s; }
  function render() {
    var first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - OVERSCAN);
    var last = Math.min(view.length, Math.ceil((viewport.scrollTop + viewport.clientHeight) / ROW) + OVERSCAN);
    var frag = document.createDocumentFragment();
    for (var p = first; p < last; p++) {
      var index = view[p], r = rows[index], rule = data.rules[r[0]], o = origin(r);
      var div = document.createElement("div");
      div.className = "frow" + (index === selected ? " selected" : "");
      div.style.top = p * ROW + "px";
      div.setAttribute("role", "row");
      div.dataset.index = String(index);
      var sev = document.createElement("span"); var pill = cell(SEV[r[1]], "pill " + SEV[r[1]]); sev.appendChild(pill); div.appendChild(sev);
      div.appendChild(cell(rule[0], "mono"));
      div.appendChild(cell(data.paths[r[2]] + ":" + r[3], "mono"));
      div.appendChild(cell(data.messages[r[5]]));
      div.appendChild(cell(o ? (o[0] === "ai" ? "AI · " + (o[1] || "agent") : o[0]) : "unknown", o && o[0] === "ai" ? "pill ai" : "muted"));
      div.appendChild(cell(STATES[r[7]], r[7] === 1 ? "pill new" : "muted"));
      div.appendChild(cell(String(r[6]), "num"));
      frag.appendChild(div);
    }
    spacer.replaceChildren(frag);
  }
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
  function showDetail(index) {
    selected = index;
    var r = rows[index], rule = data.rules[r[0]], o = origin(r), box = el("div", undefined, "detail");
    box.appendChild(el("h3", rule[1] + " (" + rule[0] + ")"));
    box.appendChild(el("div", data.paths[r[2]] + ":" + r[3] + ":" + r[4], "mono"));
    box.appendChild(el("p", data.messages[r[5]]));
    if (r[11]) box.appendChild(el("p", "Code excerpt withheld: these lines hold a secret.", "muted"));
    else if (r[10]) {
      var pre = el("pre", undefined, "code");
      r[10].forEach(function (line, k) { pre.appendChild(el("span", String(r[9] + k), "ln")); pre.appendChild(document.createTextNode(line + "\\n")); });
      box.appendChild(pre);
    }
    if (o) {
      var p = el("p");
      p.appendChild(document.createTextNode((o[0] === "ai" ? "AI-assisted (" + (o[1] || "agent") + (o[2] ? ", " + o[2] : "") + ")" : o[0] === "human" ? "No agent signature (counted as human)" : "Origin unknown") + (o[4] ? " · commit " + o[4].slice(0, 12) + " by " + o[6] + " on " + o[5].slice(0, 10) : "") + " "));
      if (o[3]) p.appendChild(el("span", o[3], "evidence"));
      box.appendChild(p);
    }
    detail.replaceChildren(box);
    render();
  }
  viewport.addEventListener("scroll", function () { window.requestAnimationFrame(render); }, { passive: true });
  spacer.addEventListener("click", function (e) { var row = e.target.closest(".frow"); if (row) showDetail(Number(row.dataset.index)); });
  [search, fSev, fFam, fState, fOrigin].forEach(function (input) { input.addEventListener("input", apply); });
  document.querySelectorAll(".fhead button[data-sort]").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.dataset.sort;
      sortDir = key === sortKey ? -sortDir : (key === "points" || key === "severity" ? -1 : 1);
      sortKey = key;
      document.querySelectorAll(".fhead button[data-sort]").forEach(function (b) { b.removeAttribute("aria-sort"); });
      button.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      apply();
    });
  });
  apply();
})();
`;
