// checker serve: the page. Everything the draft or the server says is inserted with
// textContent, never as markup, so a draft cannot inject anything into the page.
"use strict";

const $ = (id) => document.getElementById(id);
const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
let lastDoc = null; // { text, kind, offsets_are_source, findings }
let generation = 0; // a newer check makes older answers stale

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function setStatus(message, isError) {
  const status = $("status");
  status.textContent = message;
  status.classList.toggle("error", Boolean(isError));
}

// Offsets from the server count Unicode code points (Python); JS strings count UTF-16 units.
function codePoints(text) { return Array.from(text); }

async function postCheck(text, kind, model) {
  const response = await fetch("/api/check", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(Object.assign({ text, kind, options: { model, include_text: true } },
                                       $("source").value.trim() ? { source: $("source").value } : {})),
  });
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

async function runCheck() {
  const text = $("draft").value;
  const kind = $("kind").value;
  const wantModel = $("model").checked;
  const mine = ++generation;
  if (!text.trim()) { setStatus("Paste or upload a draft first.", true); return; }
  setStatus("Checking…");
  const started = performance.now();
  try {
    // Rules first (fast), then the model rules, so something useful shows at once.
    const fast = await postCheck(text, kind, false);
    if (mine !== generation) return;
    render(fast, performance.now() - started, wantModel ? " (model rules running…)" : "");
    if (wantModel) {
      const full = await postCheck(text, kind, true);
      if (mine !== generation) return;
      render(full, performance.now() - started, "");
    }
  } catch (err) {
    if (mine === generation) setStatus(`Not checked: ${err.message}`, true);
  }
}

function render(body, elapsedMs, suffix) {
  const file = body.files[0];
  const doc = body.document;
  lastDoc = { text: doc.text, kind: doc.kind, offsets_are_source: doc.offsets_are_source,
              findings: file.findings };
  const n = file.findings.length;
  let message = `${n} finding${n === 1 ? "" : "s"} in ${Math.round(elapsedMs)} ms${suffix}`;
  if (!doc.offsets_are_source) message += " — HTML: positions refer to the extracted article text";
  setStatus(message, false);
  renderAnnotated(doc.text, file.findings);
  renderList(file.findings);
}

function renderAnnotated(text, findings) {
  // Cut the text at every finding and related-span boundary; each piece knows which findings
  // cover it (a <mark>) and which findings it is related to (highlighted on selection).
  const box = $("annotated");
  box.replaceChildren();
  const cps = codePoints(text);
  const clamp = (n) => Math.max(0, Math.min(n, cps.length));
  const spans = findings.map((f, i) => ({ i, start: clamp(f.start),
                                          end: clamp(Math.max(f.end, f.start + 1)),
                                          severity: f.severity }));
  const related = [];
  findings.forEach((f, i) => {
    for (const r of f.related) if (!r.path) related.push({ i, start: clamp(r.start), end: clamp(Math.max(r.end, r.start + 1)) });
  });
  const bounds = new Set([0, cps.length]);
  for (const s of spans.concat(related)) { bounds.add(s.start); bounds.add(s.end); }
  const points = [...bounds].sort((a, b) => a - b);
  const anchored = new Set();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    const piece = cps.slice(a, b).join("");
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    const relatedTo = related.filter((s) => s.start <= a && b <= s.end).map((s) => s.i);
    let node;
    if (covering.length) {
      const worst = covering.reduce((x, y) => (SEVERITY_RANK[y.severity] > SEVERITY_RANK[x.severity] ? y : x));
      node = el("mark", worst.severity, piece);
      node.dataset.findings = covering.map((s) => s.i).join(" ");
      for (const s of covering) {
        if (!anchored.has(s.i)) { anchored.add(s.i); if (!node.id) node.id = `finding-${s.i}`; }
      }
      node.title = covering.map((s) => findings[s.i].message).join("\n");
      node.addEventListener("click", () => select(covering[0].i, false));
    } else if (relatedTo.length) {
      node = el("span", "rel", piece);
    } else {
      box.append(document.createTextNode(piece));
      continue;
    }
    if (relatedTo.length) node.dataset.related = relatedTo.join(" ");
    box.append(node);
  }
}

function renderList(findings) {
  const list = $("findings");
  list.replaceChildren();
  findings.forEach((f, i) => {
    const item = el("li");
    item.id = `item-${i}`;
    item.dataset.index = String(i);
    item.append(el("span", "code", f.code), " ", el("span", "category", `[${f.category}]`), " ",
                el("span", "message", f.message), " ",
                el("span", "where", `line ${f.line}, column ${f.column}`));
    if (f.confidence !== null && f.confidence !== undefined) {
      item.append(el("span", "where", ` (confidence ${f.confidence.toFixed(2)})`));
    }
    for (const r of f.related) {
      item.append(el("span", "related", r.path ? `↳ source: ${r.message}: “${r.text}”`
                                               : `↳ ${r.message}: “${r.text}” (line ${r.line})`));
    }
    if (f.fix && lastDoc.offsets_are_source) {
      const button = el("button", "fix", `Fix: ${f.fix.description}`);
      button.title = `${f.fix.applicability} fix`;
      button.addEventListener("click", (event) => { event.stopPropagation(); applyFix(f); });
      item.append(button);
    }
    item.addEventListener("click", () => select(i, true));
    list.append(item);
  });
}

function select(index, scrollText) {
  for (const node of document.querySelectorAll("#annotated .active, #annotated .related, #findings li.active")) {
    node.classList.remove("active", "related");
  }
  const item = $(`item-${index}`);
  if (item) { item.classList.add("active"); if (!scrollText) item.scrollIntoView({ block: "nearest" }); }
  const marks = document.querySelectorAll("#annotated mark");
  for (const mark of marks) {
    if (mark.dataset.findings.split(" ").includes(String(index))) mark.classList.add("active");
  }
  highlightRelated(index);
  const target = $(`finding-${index}`);
  if (target && scrollText) target.scrollIntoView({ block: "center" });
}

function highlightRelated(index) {
  // Related spans (the other spelling, the contradicted sentence) light up with their finding.
  for (const node of document.querySelectorAll("#annotated [data-related]")) {
    if (node.dataset.related.split(" ").includes(String(index))) node.classList.add("related");
  }
}

function applyFix(finding) {
  // Offsets are code points into the text as checked; apply right to left, then re-check.
  const cps = codePoints(lastDoc.text);
  const source = codePoints($("draft").value);
  if (source.length !== cps.length) { setStatus("The draft changed since the check; check again first.", true); return; }
  const edits = [...finding.fix.edits].sort((a, b) => b.start - a.start);
  for (const e of edits) source.splice(e.start, e.end - e.start, ...codePoints(e.replacement));
  $("draft").value = source.join("");
  runCheck();
}

function loadFile(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith(".md") || name.endsWith(".markdown")) $("kind").value = "markdown";
  else if (name.endsWith(".html") || name.endsWith(".htm")) $("kind").value = "html";
  else $("kind").value = "text";
  const reader = new FileReader();
  reader.onload = () => { $("draft").value = String(reader.result); runCheck(); };
  reader.onerror = () => setStatus(`Could not read ${file.name}.`, true);
  reader.readAsText(file);
}

document.addEventListener("DOMContentLoaded", () => {
  $("check").addEventListener("click", runCheck);
  $("report-form").addEventListener("submit", (event) => {
    const form = event.target;
    if (!$("draft").value.trim()) { event.preventDefault(); setStatus("Paste or upload a draft first.", true); return; }
    form.elements.text.value = $("draft").value;
    form.elements.source.value = $("source").value;
    form.elements.kind.value = $("kind").value;
    form.elements.model.value = $("model").checked ? "true" : "false";
  });
  $("file").addEventListener("change", (event) => {
    const file = event.target.files[0];
    if (file) loadFile(file);
  });
  $("draft").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) runCheck();
  });
});
