/* checker annotated report. Builds every node with textContent: the draft is untrusted. */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("checker-data").textContent);
  const SEVERITIES = ["error", "warning", "info"];
  const state = { doc: 0, cats: new Set(data.categories), sevs: new Set(SEVERITIES),
                  selected: null, byId: new Map(), hits: new Map(), links: new Map(), order: [] };

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function colour(cat) {
    const c = data.colours[cat] || data.colours.other || "#868e96";
    return /^#[0-9a-fA-F]{6}$/.test(c) ? c : "#868e96";
  }
  function visible(f) { return state.cats.has(f.category) && state.sevs.has(f.severity); }
  function span(f) { return Math.max(0, f.end - f.start); }
  function push(map, key, value) { (map.get(key) || map.set(key, []).get(key)).push(value); }
  function countBy(list, key) {
    const out = {};
    for (const x of list) out[x[key]] = (out[x[key]] || 0) + 1;
    return out;
  }

  function header() {
    const picker = document.getElementById("doc-picker");
    picker.replaceChildren();
    if (typeof data.back === "string" && /^[\w./-]+$/.test(data.back)) {
      const a = el("a", "back", "← all documents");
      a.href = data.back;
      picker.appendChild(a);
    }
    if (data.documents.length > 1) {
      const sel = el("select");
      sel.setAttribute("aria-label", "document");
      data.documents.forEach((d, i) => {
        const o = el("option", null, d.path + "  (" + d.findings.length + ")");
        o.value = String(i);
        sel.appendChild(o);
      });
      sel.value = String(state.doc);
      sel.addEventListener("change", () => { state.doc = Number(sel.value); show(); });
      picker.appendChild(sel);
    } else if (data.documents.length === 1) {
      picker.appendChild(el("span", "docname", data.documents[0].path));
    }
  }

  function counts(doc) {
    const box = document.getElementById("counts");
    box.replaceChildren();
    const total = el("span", "chip");
    total.append(el("b", null, doc.findings.length), " finding" + (doc.findings.length === 1 ? "" : "s"));
    box.appendChild(total);
    const sev = countBy(doc.findings, "severity");
    for (const s of SEVERITIES) {
      if (!sev[s]) continue;
      const c = el("span", "chip");
      c.append(el("b", null, sev[s]), " " + s);
      box.appendChild(c);
    }
    const cat = countBy(doc.findings, "category");
    for (const k of data.categories) {
      if (!cat[k]) continue;
      const c = el("span", "chip");
      const d = el("span", "dot");
      d.style.setProperty("--c", colour(k));
      c.append(d, el("b", null, cat[k]), " " + k);
      box.appendChild(c);
    }
  }

  function filters(doc) {
    const box = document.getElementById("filters");
    box.replaceChildren(el("span", "label", "Show"));
    const cat = countBy(doc.findings, "category");
    const sev = countBy(doc.findings, "severity");
    const toggle = (set, key, label, n, c) => {
      const b = el("button", "toggle");
      b.type = "button";
      b.dataset.filter = key;
      b.setAttribute("aria-pressed", String(set.has(key)));
      if (c) { const d = el("span", "dot"); d.style.setProperty("--c", c); b.appendChild(d); }
      b.append(label, " ", el("span", "n", n || 0));
      b.addEventListener("click", () => {
        if (set.has(key)) set.delete(key); else set.add(key);
        b.setAttribute("aria-pressed", String(set.has(key)));
        applyFilters();
      });
      return b;
    };
    for (const k of data.categories) if (cat[k]) box.appendChild(toggle(state.cats, k, k, cat[k], colour(k)));
    box.appendChild(el("span", "sep"));
    for (const s of SEVERITIES) if (sev[s]) box.appendChild(toggle(state.sevs, s, s, sev[s]));
    box.hidden = doc.findings.length === 0;
  }

  function text(doc) {
    const box = document.getElementById("text");
    box.replaceChildren();
    if (doc.error) box.appendChild(el("p", "error", doc.error));
    for (const piece of doc.pieces) {
      if (typeof piece === "string") { box.appendChild(document.createTextNode(piece)); continue; }
      const [t, hits, links] = piece;
      const s = el("span", hits.length ? "hl" : "rel", t);
      if (t === "") s.classList.add("point");
      s.dataset.hits = hits.join(" ");
      s.dataset.links = links.join(" ");
      for (const id of hits) push(state.hits, id, s);
      for (const link of links) push(state.links, link.split("/")[0], s);
      s.addEventListener("click", (ev) => { ev.stopPropagation(); clickText(s); });
      s.addEventListener("mouseenter", () => hoverIds(idsOf(s), true));
      s.addEventListener("mouseleave", () => hoverIds(idsOf(s), false));
      box.appendChild(s);
    }
  }
  function linkedFindings(s) {
    const ids = new Set(s.dataset.links.split(" ").filter(Boolean).map((x) => x.split("/")[0]));
    return Array.from(ids, (i) => state.byId.get(i)).filter(visible);
  }
  function idsOf(s) {
    return (s.dataset.hits + " " + s.dataset.links).split(" ").map((x) => x.split("/")[0])
      .filter((x) => x && state.byId.has(x));
  }

  /* Repaint one text span for the findings that are visible now. */
  function paint(s) {
    const hits = s.dataset.hits.split(" ").filter(Boolean).map((i) => state.byId.get(i)).filter(visible);
    const links = linkedFindings(s);
    hits.sort((a, b) => span(a) - span(b));
    const top = hits[0] || links[0];
    s.classList.toggle("off", !top);
    s.classList.toggle("multi", hits.length > 1);
    s.classList.toggle("sev-info", hits.length > 0 && hits.every((f) => f.severity === "info"));
    if (top) s.style.setProperty("--c", colour(top.category));
    if (hits.length > 1) s.style.setProperty("--c2", colour(hits[1].category));
    s.title = hits.map((f) => f.code + " " + f.message).concat(
      links.map((f) => "related to " + f.code + ": " + f.message)).join("\n");
  }

  function panel(doc) {
    const box = document.getElementById("panel");
    box.replaceChildren(el("h2", null, "Findings"));
    if (!doc.findings.length) {
      box.appendChild(el("div", "empty", doc.error ? "This file could not be checked." : "No findings."));
      return;
    }
    for (const cat of data.categories) {
      const inCat = doc.findings.filter((f) => f.category === cat);
      if (!inCat.length) continue;
      const g = el("details", "group");
      g.open = true;
      g.dataset.category = cat;
      const sum = el("summary");
      const d = el("span", "dot");
      d.style.setProperty("--c", colour(cat));
      sum.append(d, cat, el("span", "count", inCat.length));
      g.appendChild(sum);
      for (const sev of SEVERITIES) {
        const list = inCat.filter((f) => f.severity === sev);
        if (!list.length) continue;
        g.appendChild(el("div", "sevhead", sev));
        for (const f of list) { g.appendChild(card(f)); state.order.push(f.id); }
      }
      box.appendChild(g);
    }
  }

  function card(f) {
    const c = el("div", "card");
    c.dataset.id = f.id;
    c.dataset.category = f.category;
    c.dataset.severity = f.severity;
    c.tabIndex = 0;
    c.style.setProperty("--c", colour(f.category));
    const top = el("div", "top");
    top.append(el("span", "sev " + f.severity, f.severity), el("span", "code", f.code),
               el("span", "rule", f.rule), el("span", "loc", f.line + ":" + f.column));
    c.append(top, el("div", "msg", f.message));
    if (f.text) c.appendChild(el("span", "quote", f.text.length > 160 ? f.text.slice(0, 157) + "…" : f.text));
    if (f.confidence !== null && f.confidence !== undefined) {
      const conf = el("div", "conf");
      const bar = el("span", "bar");
      const fill = el("i");
      fill.style.width = Math.round(Math.max(0, Math.min(1, f.confidence)) * 100) + "%";
      bar.appendChild(fill);
      conf.append("confidence", bar, el("span", null, Number(f.confidence).toFixed(2)));
      c.appendChild(conf);
    }
    if (f.compare) c.appendChild(compare(f.compare));
    if (f.related.length) {
      const ul = el("ul", "related");
      f.related.forEach((r, i) => {
        const li = el("li");
        if (r.path) {  /* a span in a source text: shown side by side above, not in this text */
          li.append(el("span", "elsewhere", r.path + ":" + r.line + ":" + r.column + " “" + r.text + "”"),
                    r.message ? " " + r.message : "");
          ul.appendChild(li);
          return;
        }
        const b = el("button", null, "↔ " + r.line + ":" + r.column + " “" + r.text + "”");
        b.type = "button";
        b.addEventListener("click", (ev) => { ev.stopPropagation(); select(f.id, false); jumpRelated(f.id, i); });
        li.append(b, r.message ? " " + r.message : "");
        ul.appendChild(li);
      });
      c.appendChild(ul);
    }
    if (f.fix) c.appendChild(el("div", "fix", "Fix: " + f.fix));
    const rule = data.rules[f.code];
    if (rule) {
      const why = el("details", "why");
      why.appendChild(el("summary", null, "Why? " + rule.summary));
      why.appendChild(docs(rule.docs));
      why.addEventListener("click", (ev) => ev.stopPropagation());
      c.appendChild(why);
    }
    c.addEventListener("click", () => select(f.id, true));
    c.addEventListener("keydown", (ev) => { if (ev.key === "Enter") select(f.id, true); });
    c.addEventListener("mouseenter", () => hoverIds([f.id], true));
    c.addEventListener("mouseleave", () => hoverIds([f.id], false));
    return c;
  }

  /* A source finding: the draft sentence beside the source sentence, differing words marked. */
  function compare(cmp) {
    const box = el("div", "compare");
    const side = (label, pieces) => {
      const col = el("div", "side");
      col.appendChild(el("div", "label", label));
      const body = el("div", "words");
      pieces.forEach(([t, changed]) => body.appendChild(changed ? el("mark", null, t) : document.createTextNode(t)));
      col.appendChild(body);
      return col;
    };
    box.append(side("draft", cmp.draft), side("source " + cmp.path + ":" + cmp.line, cmp.source));
    box.addEventListener("click", (ev) => ev.stopPropagation());
    return box;
  }

  /* Rule docs are Markdown-ish: "## heading", indented examples, paragraphs. */
  function docs(md) {
    const box = el("div", "docs");
    let para = [];
    const flush = () => { if (para.length) box.appendChild(el("p", null, para.join(" "))); para = []; };
    for (const line of md.split("\n")) {
      if (line.startsWith("# ")) continue;
      if (line.startsWith("## ")) { flush(); box.appendChild(el("h4", null, line.slice(3))); }
      else if (line.startsWith("    ")) { flush(); box.appendChild(el("pre", null, line.slice(4))); }
      else if (!line.trim()) flush();
      else para.push(line.trim());
    }
    flush();
    return box;
  }

  function clear(cls) { document.querySelectorAll("." + cls).forEach((n) => n.classList.remove(cls)); }

  function select(id, scroll) {
    clear("active"); clear("linked"); clear("selected");
    state.selected = id;
    const spans = state.hits.get(id) || [];
    spans.forEach((s) => s.classList.add("active"));
    (state.links.get(id) || []).forEach((s) => s.classList.add("linked"));
    const c = document.querySelector('.card[data-id="' + CSS.escape(id) + '"]');
    if (c) { c.classList.add("selected"); c.scrollIntoView({ block: scroll ? "center" : "nearest" }); }
    if (scroll && spans.length) spans[0].scrollIntoView({ block: "center" });
    if (history.replaceState) history.replaceState(null, "", "#" + id);
  }

  function jumpRelated(id, i) {
    const key = id + "/" + i;
    const target = (state.links.get(id) || []).find((s) => s.dataset.links.split(" ").includes(key));
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.classList.remove("flash"); void target.offsetWidth; target.classList.add("flash");
    }
  }

  function clickText(s) {
    const hits = s.dataset.hits.split(" ").filter(Boolean).map((i) => state.byId.get(i)).filter(visible);
    const links = linkedFindings(s);
    const pool = (hits.length ? hits : links).sort((a, b) => span(a) - span(b));
    if (!pool.length) return;
    const at = pool.findIndex((f) => f.id === state.selected);
    select(pool[(at + 1) % pool.length].id, false);
  }

  function hoverIds(ids, on) {
    for (const id of ids) {
      for (const s of (state.hits.get(id) || []).concat(state.links.get(id) || [])) s.classList.toggle("hover", on);
    }
  }

  function applyFilters() {
    document.querySelectorAll(".hl, .rel").forEach(paint);
    document.querySelectorAll(".card").forEach((c) => {
      c.hidden = !visible(state.byId.get(c.dataset.id));
    });
    document.querySelectorAll(".group").forEach((g) => {
      g.hidden = !g.querySelector(".card:not([hidden])");
    });
    if (state.selected && !visible(state.byId.get(state.selected))) { clear("active"); clear("linked"); clear("selected"); }
  }

  function step(delta) {
    const ids = state.order.filter((id) => visible(state.byId.get(id)));
    if (!ids.length) return;
    const at = ids.indexOf(state.selected);
    select(ids[(at + delta + ids.length) % ids.length], true);
  }

  function show() {
    const doc = data.documents[state.doc] ||
      { path: "", error: "No files were checked.", findings: [], pieces: [], note: null };
    state.byId = new Map(doc.findings.map((f) => [f.id, f]));
    state.hits = new Map(); state.links = new Map(); state.order = []; state.selected = null;
    header(); counts(doc); filters(doc); text(doc); panel(doc); applyFilters();
    const note = document.getElementById("note");
    note.hidden = !doc.note;
    note.textContent = doc.note ? "HTML input: " + doc.note + ". The markup is not shown, and " +
      "line:column numbers count lines of that text." : "";
    const foot = document.getElementById("foot");
    foot.replaceChildren("Generated by checker " + data.tool.version + " on " + data.generated +
      ". Click a finding or a highlight; ", el("kbd", null, "n"), " / ", el("kbd", null, "p"),
      " step through findings.");
    const want = decodeURIComponent(location.hash.slice(1));
    if (state.byId.has(want)) select(want, true);
  }

  document.addEventListener("keydown", (ev) => {
    if (ev.target && /^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName)) return;
    if (ev.key === "n" || ev.key === "j") step(1);
    else if (ev.key === "p" || ev.key === "k") step(-1);
  });
  window.checkerReport = { select: select, data: data };
  show();
})();
