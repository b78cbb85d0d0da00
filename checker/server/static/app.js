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
    body: JSON.stringify({ text, kind, options: { model, include_text: true } }),
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
  const box = $("annotated");
  box.replaceChildren();
  const cps = codePoints(text);
  const spans = findings.map((f, i) => ({ i, start: f.start, end: Math.max(f.end, f.start + 1),
                                          severity: f.severity }));
  const bounds = new Set([0, cps.length]);
  for (const s of spans) { bounds.add(Math.min(s.start, cps.length)); bounds.add(Math.min(s.end, cps.length)); }
  const points = [...bounds].sort((a, b) => a - b);
  const anchored = new Set();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    const piece = cps.slice(a, b).join("");
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    if (!covering.length) { box.append(document.createTextNode(piece)); continue; }
    const worst = covering.reduce((x, y) => (SEVERITY_RANK[y.severity] > SEVERITY_RANK[x.severity] ? y : x));
    const mark = el("mark", worst.severity, piece);
    mark.dataset.findings = covering.map((s) => s.i).join(" ");
    for (const s of covering) {
      if (!anchored.has(s.i)) { anchored.add(s.i); if (!mark.id) mark.id = `finding-${s.i}`; }
    }
    mark.title = covering.map((s) => findings[s.i].message).join("\n");
    mark.addEventListener("click", () => select(covering[0].i, false));
    box.append(mark);
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
      item.append(el("span", "related", `↳ ${r.message}: “${r.text}” (line ${r.line})`));
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
  for (const node of document.querySelectorAll("mark.active, mark.related, #findings li.active")) {
    node.classList.remove("active", "related");
  }
  const item = $(`item-${index}`);
  if (item) { item.classList.add("active"); if (!scrollText) item.scrollIntoView({ block: "nearest" }); }
  const marks = document.querySelectorAll("#annotated mark");
  for (const mark of marks) {
    if (mark.dataset.findings.split(" ").includes(String(index))) mark.classList.add("active");
  }
  const finding = lastDoc && lastDoc.findings[index];
  if (finding) highlightRelated(finding);
  const target = $(`finding-${index}`);
  if (target && scrollText) target.scrollIntoView({ block: "center" });
}

function highlightRelated(finding) {
  // Related spans (the other spelling, the contradicted sentence) are not findings themselves;
  // mark the text pieces they cover by walking the annotated text's nodes.
  if (!finding.related.length) return;
  const box = $("annotated");
  let offset = 0;
  const wanted = finding.related.map((r) => [r.start, Math.max(r.end, r.start + 1)]);
  for (const node of [...box.childNodes]) {
    const len = codePoints(node.textContent).length;
    const hit = wanted.find(([a, b]) => a < offset + len && offset < b);
    if (hit && node.nodeType === Node.ELEMENT_NODE) node.classList.add("related");
    else if (hit) {
      const mark = el("mark", "related", node.textContent);
      mark.dataset.findings = "";
      box.replaceChild(mark, node);
    }
    offset += len;
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
  $("file").addEventListener("change", (event) => {
    const file = event.target.files[0];
    if (file) loadFile(file);
  });
  $("draft").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) runCheck();
  });
});
