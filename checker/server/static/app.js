// checker serve: the page. Everything the draft or the server says is inserted with
// textContent, never as markup, so a draft cannot inject anything into the page.
"use strict";

(function () {
  const E = window.CheckerEditor;
  const el = E.el;
  const $ = (id) => document.getElementById(id);
  const DEBOUNCE_MS = 600;
  const SEVERITIES = ["error", "warning", "info"];

  const state = {
    version: 0,        // bumped on every edit a check depends on: an older answer is stale
    seq: 0,            // bumped on every check sent
    timer: null,       // the pending debounced check
    controller: null,  // aborts the check in flight when a newer one starts
    shownText: "",     // the draft text the findings' (UTF-16) offsets point into
    findings: [],      // sorted by start; offsets in UTF-16 units of the draft
    mapped: true,      // false when offsets point into extracted text (HTML input)
    selected: null,
    hovered: [],
    undo: [],          // fixes applied: { before, after, description }
    pendingFix: null,  // the unsafe fix the confirmation dialog is showing
    categories: [],
  };

  function setStatus(message, kind) {
    const status = $("status");
    status.textContent = message;
    status.classList.toggle("error", kind === "error");
    $("panel").setAttribute("aria-busy", String(kind === "busy"));
  }

  function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

  function countsText(findings) {
    if (!findings.length) return "No findings";
    const parts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])
      .filter(([, n]) => n).map(([s, n]) => (s === "info" ? `${n} info` : plural(n, s)));
    return `${plural(findings.length, "finding")} (${parts.join(", ")})`;
  }

  // ---- checking ---------------------------------------------------------------------------

  async function postCheck(text, kind, model, signal) {
    const source = $("source").value;
    const response = await fetch("/api/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      signal,
      body: JSON.stringify(Object.assign({ text, kind, options: { model, include_text: true } },
                                         source.trim() ? { source } : {})),
    });
    let body = null;
    try { body = await response.json(); } catch (_) { body = null; }
    if (!response.ok) {
      throw new Error(body && body.error ? body.error.message : `HTTP ${response.status}`);
    }
    return body;
  }

  function edited() {
    state.version += 1;
    clearTimeout(state.timer);
    state.timer = setTimeout(runCheck, DEBOUNCE_MS);
  }

  async function runCheck() {
    clearTimeout(state.timer);
    const text = $("draft").value;
    const kind = $("kind").value;
    const wantModel = $("model").checked;
    if (state.controller) state.controller.abort();
    if (!text.trim()) {
      state.findings = []; state.shownText = text;
      render();
      setStatus("Type, paste or upload a draft to check it.");
      return;
    }
    const controller = new AbortController();
    state.controller = controller;
    const mine = ++state.seq;
    const version = state.version;
    // An answer counts only while nothing newer was sent or typed since it was asked for.
    const current = () => mine === state.seq && version === state.version && $("draft").value === text;
    setStatus("Checking…", "busy");
    const started = performance.now();
    try {
      const fast = await postCheck(text, kind, false, controller.signal);
      if (!current()) return;
      show(fast, text, performance.now() - started, wantModel ? " · model rules running…" : "");
      if (wantModel) {
        const full = await postCheck(text, kind, true, controller.signal);
        if (!current()) return;
        show(full, text, performance.now() - started, "");
      }
    } catch (err) {
      if (err.name === "AbortError" || !current()) return;
      setStatus(`Not checked: ${err.message}`, "error");
    } finally {
      if (state.controller === controller) state.controller = null;
    }
  }

  function show(body, text, elapsedMs, suffix) {
    const file = body.files[0];
    const doc = body.document;
    state.mapped = Boolean(doc && doc.offsets_are_source) &&
      E.codePointLength(doc.text) === E.codePointLength(text);
    const toUnits = E.codePointMapper(text);
    const previous = state.findings.find((f) => f.id === state.selected);
    state.findings = file.findings
      .map((f, i) => E.toEditorFinding(f, `f${state.seq}-${i}`, state.mapped ? toUnits : (n) => n))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    state.shownText = text;
    const same = previous && state.findings.find((f) => f.code === previous.code &&
      f.start === previous.start && f.end === previous.end);
    state.selected = same ? same.id : null;
    render();
    const note = $("note");
    note.hidden = state.mapped;
    note.textContent = state.mapped ? "" : "HTML input: the findings point into the article " +
      "text extracted from the page, so they are listed but not marked in the draft.";
    setStatus(`${countsText(state.findings)} · checked in ${Math.round(elapsedMs)} ms${suffix}`);
  }

  // ---- rendering --------------------------------------------------------------------------

  function render() {
    E.renderBackdrop($("highlights"), $("draft").value, state.mapped ? state.findings : []);
    syncScroll();
    renderCards();
    renderCounts();
    renderLegend();
    markSelected(state.selected, false);
    updateUndo();
  }

  function renderCounts() {
    const box = $("counts");
    box.replaceChildren();
    for (const s of SEVERITIES) {
      const n = state.findings.filter((f) => f.severity === s).length;
      if (!n) continue;
      const chip = el("span", "chip");
      chip.append(el("b", null, String(n)), ` ${s === "info" || n === 1 ? s : s + "s"}`);
      box.append(chip);
    }
  }

  function renderLegend() {
    const box = $("legend");
    box.replaceChildren();
    const counts = {};
    for (const f of state.findings) counts[f.category] = (counts[f.category] || 0) + 1;
    const cats = state.categories.concat(Object.keys(counts).filter((c) => !state.categories.includes(c)));
    const list = el("ul", "legend-cats");
    for (const cat of cats) {
      const item = el("li", counts[cat] ? "" : "none");
      item.append(el("span", `swatch hl sev-warning cat-${E.safeClass(cat)}`, "Aa"), ` ${cat}`);
      if (counts[cat]) item.append(el("span", "n", ` ${counts[cat]}`));
      list.append(item);
    }
    const sevs = el("ul", "legend-sevs");
    for (const s of SEVERITIES) {
      const item = el("li");
      item.append(el("span", `swatch hl cat-other sev-${s}`, "Aa"), ` ${s}`);
      sevs.append(item);
    }
    box.append(list, sevs);
  }

  function renderCards() {
    const box = $("cards");
    box.replaceChildren();
    if (!state.findings.length) {
      box.append(el("div", "empty", $("draft").value.trim() ? "No findings." : "Nothing to check yet."));
      return;
    }
    for (const f of state.findings) box.append(card(f));
  }

  // The HTML report's finding card (same classes, same content), plus the fix buttons.
  function card(f) {
    const c = el("div", `card cat-${E.safeClass(f.category)}`);
    c.dataset.id = f.id;
    c.dataset.category = f.category;
    c.dataset.severity = f.severity;
    const main = el("button", "card-select");
    main.type = "button";
    main.setAttribute("aria-label", `${f.severity} ${f.code} ${f.rule}, line ${f.line}: ${f.message}` +
      (state.mapped ? ". Select it in the draft." : ""));
    const top = el("span", "top");
    top.append(el("span", `sev ${E.safeClass(f.severity)}`, f.severity), el("span", "code", f.code),
               el("span", "rule", f.rule), el("span", "loc", `${f.line}:${f.column}`));
    main.append(top, el("span", "msg", f.message));
    if (f.text) main.append(el("span", "quote", f.text.length > 160 ? f.text.slice(0, 157) + "…" : f.text));
    main.addEventListener("click", () => selectInDraft(f.id));
    c.append(main);
    if (f.confidence !== null && f.confidence !== undefined) {
      const conf = el("div", "conf");
      const bar = el("span", "bar");
      const fill = el("i");
      fill.style.width = `${Math.round(Math.max(0, Math.min(1, f.confidence)) * 100)}%`;
      bar.append(fill);
      conf.append("confidence", bar, el("span", null, Number(f.confidence).toFixed(2)));
      c.append(conf);
    }
    if (f.related.length) {
      const ul = el("ul", "related");
      f.related.forEach((r) => {
        const li = el("li");
        if (r.path || !state.mapped) {
          li.append(el("span", "elsewhere", `${r.path ? r.path + ":" : ""}${r.line}:${r.column} “${r.text}”`),
                    r.message ? ` ${r.message}` : "");
        } else {
          const b = el("button", null, `↔ ${r.line}:${r.column} “${r.text}”`);
          b.type = "button";
          b.addEventListener("click", () => { markSelected(f.id, false); selectRange(r.start, r.end); });
          li.append(b, r.message ? ` ${r.message}` : "");
        }
        ul.append(li);
      });
      c.append(ul);
    }
    if (f.fix) c.append(fixRow(f));
    c.addEventListener("mouseenter", () => hover([f.id]));
    c.addEventListener("mouseleave", () => hover([]));
    return c;
  }

  function fixRow(f) {
    const row = el("div", "fix");
    const unsafe = f.fix.applicability !== "safe";
    row.append(`Fix: ${f.fix.description} `, el("span", `applicability ${unsafe ? "unsafe" : "safe"}`,
                                                   unsafe ? "unsafe" : "safe"));
    if (!state.mapped) return row;
    const b = el("button", unsafe ? "fix-review" : "fix-apply", unsafe ? "Review fix…" : "Apply fix");
    b.type = "button";
    b.setAttribute("aria-label", `${unsafe ? "Review the unsafe fix" : "Apply the fix"}: ${f.fix.description}`);
    b.addEventListener("click", () => (unsafe ? confirmFix(f.id) : applyFix(f.id)));
    row.append(" ", b);
    return row;
  }

  // ---- selection, hover, caret ------------------------------------------------------------

  function byId(id) { return state.findings.find((f) => f.id === id); }

  function spansOf(id) {
    return [...$("highlights").querySelectorAll(".hl")].filter((s) => s.dataset.hits.split(" ").includes(id));
  }

  function linksOf(id) {
    return [...$("highlights").querySelectorAll("[data-links]")]
      .filter((s) => s.dataset.links.split(" ").some((l) => l.split("/")[0] === id));
  }

  function markSelected(id, scrollCard) {
    for (const node of document.querySelectorAll(".card.selected, #highlights .active, #highlights .linked")) {
      node.classList.remove("selected", "active", "linked");
    }
    state.selected = id && byId(id) ? id : null;
    const f = state.selected && byId(state.selected);
    if (!f) { $("caret-note").textContent = ""; return; }
    spansOf(f.id).forEach((s) => s.classList.add("active"));
    linksOf(f.id).forEach((s) => s.classList.add("linked"));
    const c = document.querySelector(`.card[data-id="${CSS.escape(f.id)}"]`);
    if (c) {
      c.classList.add("selected");
      if (scrollCard) c.scrollIntoView({ block: "nearest" });
    }
    $("caret-note").textContent = `${f.severity} ${f.code}: ${f.message}` +
      (f.fix ? ` Fix available: ${f.fix.description} (${f.fix.applicability}).` : "");
  }

  function selectRange(start, end) {
    const draft = $("draft");
    draft.focus({ preventScroll: true });
    draft.setSelectionRange(start, end);
    scrollEditorTo(start);
  }

  // Clicking a card selects its span in the draft and scrolls the draft (not a copy) to it.
  function selectInDraft(id) {
    const f = byId(id);
    if (!f) return;
    markSelected(id, false);
    if (state.mapped) selectRange(f.start, f.end);
  }

  function scrollEditorTo(offset) {
    const draft = $("draft");
    const marker = [...$("highlights").querySelectorAll(".hl, .rel")].find((s) => {
      const ids = (s.dataset.hits || "").split(" ").concat((s.dataset.links || "").split(" ").map((l) => l.split("/")[0]));
      return ids.some((i) => { const f = byId(i); return f && (f.start === offset || f.related.some((r) => r.start === offset)); });
    });
    if (marker) draft.scrollTop = Math.max(0, marker.offsetTop - draft.clientHeight / 3);
    syncScroll();
  }

  function syncScroll() {
    const draft = $("draft");
    const backdrop = $("backdrop");
    backdrop.scrollTop = draft.scrollTop;
    backdrop.scrollLeft = draft.scrollLeft;
  }

  function hover(ids) {
    for (const node of document.querySelectorAll(".card.hover, #highlights .hover")) node.classList.remove("hover");
    state.hovered = ids;
    for (const id of ids) {
      spansOf(id).forEach((s) => s.classList.add("hover"));
      const c = document.querySelector(`.card[data-id="${CSS.escape(id)}"]`);
      if (c) c.classList.add("hover");
    }
  }

  // The textarea lies over the highlights, so find the highlight under the pointer by position.
  let hoverFrame = 0;
  function onPointerMove(event) {
    if (hoverFrame) return;
    hoverFrame = requestAnimationFrame(() => {
      hoverFrame = 0;
      const under = document.elementsFromPoint(event.clientX, event.clientY)
        .find((n) => n.classList && n.classList.contains("hl") && n.closest("#highlights"));
      const ids = under ? under.dataset.hits.split(" ") : [];
      if (ids.join(" ") === state.hovered.join(" ")) return;
      hover(ids);
      if (ids.length) {
        const c = document.querySelector(`.card[data-id="${CSS.escape(ids[0])}"]`);
        if (c) c.scrollIntoView({ block: "nearest" });
      }
    });
  }

  function onCaret() {
    const draft = $("draft");
    if (!state.mapped || draft.value !== state.shownText) return;
    const at = E.findingsAt(state.findings, draft.selectionStart);
    if (at.length && at[0].id !== state.selected) markSelected(at[0].id, true);
    else if (!at.length && state.selected) markSelected(null, false);
  }

  // ---- editing and fixes ------------------------------------------------------------------

  function onDraftInput() {
    const text = $("draft").value;
    if (state.mapped) {
      const change = E.diff(state.shownText, text);
      state.findings = state.findings.map((f) => E.shiftFinding(f, change)).filter(Boolean);
    }
    state.shownText = text;
    render();
    edited();
  }

  // Replace draft[from, to) through the browser's editing commands, so Ctrl+Z undoes it.
  function replaceRange(from, to, insert) {
    const draft = $("draft");
    const expected = draft.value.slice(0, from) + insert + draft.value.slice(to);
    draft.focus({ preventScroll: true });
    draft.setSelectionRange(from, to);
    const done = insert ? document.execCommand("insertText", false, insert)
                        : document.execCommand("delete", false);
    if (!done || draft.value !== expected) {
      draft.value = expected;
      draft.setSelectionRange(from + insert.length, from + insert.length);
      onDraftInput();
    }
  }

  function fixedText(text, edits) {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    for (let k = 0; k < sorted.length; k++) {
      const e = sorted[k];
      if (e.start < 0 || e.end > text.length || e.end < e.start ||
          (k && e.start < sorted[k - 1].end)) return null;
    }
    const from = sorted[0].start;
    const to = sorted[sorted.length - 1].end;
    let middle = "";
    let pos = from;
    for (const e of sorted) { middle += text.slice(pos, e.start) + e.replacement; pos = e.end; }
    middle += text.slice(pos, to);
    return { from, to, middle };
  }

  function applyFix(id) {
    const f = byId(id);
    const draft = $("draft");
    if (!f || !f.fix || !state.mapped || draft.value !== state.shownText) {
      setStatus("The draft changed since this finding was made; checking again…", "busy");
      runCheck();
      return;
    }
    const before = draft.value;
    const plan = fixedText(before, f.fix.edits);
    if (!plan) { setStatus(`Not applied: the fix for ${f.code} does not fit the draft.`, "error"); return; }
    replaceRange(plan.from, plan.to, plan.middle);
    state.undo.push({ before, after: draft.value, description: f.fix.description });
    updateUndo();
    setStatus(`Applied: ${f.fix.description}. Checking again…`, "busy");
    runCheck();
  }

  // An unsafe fix may change what the draft says: show before and after, ask for a yes.
  function confirmFix(id) {
    const f = byId(id);
    const text = $("draft").value;
    if (!f || !f.fix) return;
    const plan = fixedText(text, f.fix.edits);
    if (!plan) { setStatus(`Not applied: the fix for ${f.code} does not fit the draft.`, "error"); return; }
    const lineStart = text.lastIndexOf("\n", plan.from - 1) + 1;
    const nl = text.indexOf("\n", plan.to);
    const lineEnd = nl < 0 ? text.length : nl;
    const a = Math.max(lineStart, plan.from - 120);
    const b = Math.min(lineEnd, plan.to + 120);
    const side = (box, changed) => {
      box.replaceChildren((a > lineStart ? "…" : "") + text.slice(a, plan.from), el("mark", null, changed),
                          text.slice(plan.to, b) + (b < lineEnd ? "…" : ""));
    };
    side($("fix-before"), text.slice(plan.from, plan.to));
    side($("fix-after"), plan.middle);
    $("fix-title").textContent = `Apply an unsafe fix? ${f.code}: ${f.fix.description}`;
    $("fix-why").textContent = `This fix is marked unsafe: it may change what the draft says ` +
      `(${f.message}). Check the change below before applying it.`;
    state.pendingFix = { id, version: state.version };
    $("fix-dialog").returnValue = "";
    $("fix-dialog").showModal();
  }

  function onDialogClose() {
    const pending = state.pendingFix;
    state.pendingFix = null;
    if (!pending || $("fix-dialog").returnValue !== "apply") {
      setStatus("Fix not applied.");
      return;
    }
    if (pending.version !== state.version) {
      setStatus("The draft changed while the fix was shown; not applied.", "error");
      return;
    }
    applyFix(pending.id);
  }

  function undoFix() {
    const last = state.undo[state.undo.length - 1];
    const draft = $("draft");
    if (!last) return;
    if (draft.value !== last.after) {
      setStatus("The draft changed after that fix; use Ctrl+Z to step back.", "error");
      state.undo = [];
      updateUndo();
      return;
    }
    state.undo.pop();
    const change = E.diff(last.after, last.before);
    replaceRange(change.start, change.oldEnd, last.before.slice(change.start, change.newEnd));
    setStatus(`Undone: ${last.description}. Checking again…`, "busy");
    runCheck();
  }

  function updateUndo() {
    const last = state.undo[state.undo.length - 1];
    const button = $("undo-fix");
    button.hidden = !last || $("draft").value !== last.after;
    if (last) button.textContent = `Undo fix: ${last.description}`;
  }

  // ---- wiring -----------------------------------------------------------------------------

  function loadFile(file) {
    const name = file.name.toLowerCase();
    if (name.endsWith(".md") || name.endsWith(".markdown")) $("kind").value = "markdown";
    else if (name.endsWith(".html") || name.endsWith(".htm")) $("kind").value = "html";
    else $("kind").value = "text";
    const reader = new FileReader();
    reader.onload = () => { $("draft").value = String(reader.result); onDraftInput(); runCheck(); };
    reader.onerror = () => setStatus(`Could not read ${file.name}.`, "error");
    reader.readAsText(file);
  }

  function categoryOrder() {
    const raw = getComputedStyle(document.documentElement).getPropertyValue("--checker-categories");
    return raw.replace(/["']/g, "").trim().split(/\s+/).filter(Boolean);
  }

  document.addEventListener("DOMContentLoaded", () => {
    state.categories = categoryOrder();
    const draft = $("draft");
    draft.addEventListener("input", onDraftInput);
    draft.addEventListener("scroll", syncScroll);
    draft.addEventListener("click", onCaret);
    draft.addEventListener("keyup", onCaret);
    draft.addEventListener("mousemove", onPointerMove);
    draft.addEventListener("mouseleave", () => hover([]));
    draft.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); runCheck(); }
    });
    if (window.ResizeObserver) new ResizeObserver(syncScroll).observe(draft);
    $("source").addEventListener("input", edited);
    $("kind").addEventListener("change", () => { edited(); runCheck(); });
    $("model").addEventListener("change", () => { edited(); runCheck(); });
    $("check").addEventListener("click", () => { edited(); runCheck(); });
    $("undo-fix").addEventListener("click", undoFix);
    $("fix-dialog").addEventListener("close", onDialogClose);
    $("report-form").addEventListener("submit", (event) => {
      const form = event.target;
      if (!draft.value.trim()) { event.preventDefault(); setStatus("Type, paste or upload a draft first.", "error"); return; }
      form.elements.text.value = draft.value;
      form.elements.source.value = $("source").value;
      form.elements.kind.value = $("kind").value;
      form.elements.model.value = $("model").checked ? "true" : "false";
    });
    $("file").addEventListener("change", (event) => {
      const file = event.target.files[0];
      if (file) loadFile(file);
    });
    render();
    if (draft.value.trim()) { state.shownText = draft.value; runCheck(); } // a restored draft
  });
})();
