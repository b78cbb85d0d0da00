/* checker batch index: sort by any column, filter by path, category, risk and failures. */
(function () {
  "use strict";
  const table = document.getElementById("docs");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const q = document.getElementById("q");
  const cat = document.getElementById("cat");
  const minrisk = document.getElementById("minrisk");
  const failed = document.getElementById("failed");
  const shown = document.getElementById("shown");
  const heads = Array.from(table.tHead.rows[0].cells);
  const riskCol = heads.findIndex((h) => h.dataset.key === "risk");

  function sortBy(th) {
    const col = heads.indexOf(th);
    const numeric = th.dataset.type === "num";
    const dir = th.getAttribute("aria-sort") === (numeric ? "descending" : "ascending")
      ? (numeric ? "ascending" : "descending") : (numeric ? "descending" : "ascending");
    heads.forEach((h) => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", dir);
    const sign = dir === "ascending" ? 1 : -1;
    const value = (r) => r.cells[col].dataset.v;
    rows.sort((a, b) => {
      const x = value(a), y = value(b);
      const c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return sign * c || value(a).localeCompare(value(b));
    });
    body.append(...rows);
  }

  function filter() {
    const text = q.value.trim().toLowerCase();
    const want = cat.value;
    const risk = Number(minrisk.value) || 0;
    let n = 0;
    for (const r of rows) {
      const ok = (!text || r.cells[0].dataset.v.includes(text)) &&
        (!want || r.dataset.cats.split(" ").includes(want)) &&
        (!failed.checked || r.dataset.failed === "1") &&
        (risk <= 0 || Number(r.cells[riskCol].dataset.v) >= risk);
      r.hidden = !ok;
      if (ok) n += 1;
    }
    shown.textContent = "showing " + n + " of " + rows.length;
  }

  heads.forEach((th) => {
    th.addEventListener("click", () => sortBy(th));
    th.addEventListener("keydown", (ev) => { if (ev.key === "Enter") sortBy(th); });
  });
  [q, cat, minrisk, failed].forEach((c) => c.addEventListener("input", filter));
  filter();
})();
