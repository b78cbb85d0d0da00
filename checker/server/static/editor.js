// checker serve: the highlight layer under the draft's textarea, and the offset arithmetic.
//
// The draft is a plain <textarea> (typing, paste, undo and the caret stay the browser's own);
// behind it a backdrop with the same font, padding and wrapping holds a copy of the text, with
// transparent glyphs and coloured spans where findings are. Nothing here reads markup: every
// piece of the draft is inserted as text.
"use strict";

window.CheckerEditor = (function () {
  const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };

  // The server counts Unicode code points (Python); the textarea counts UTF-16 units.
  function codePointMapper(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (n) => n;
    const units = [];
    let u = 0;
    for (const ch of text) { units.push(u); u += ch.length; }
    units.push(u);
    return (n) => units[Math.max(0, Math.min(n, units.length - 1))];
  }

  function codePointLength(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xDC00 || c > 0xDFFF) n++; // count every unit but the low half of a pair
    }
    return n;
  }

  // A finding from the JSON contract with its offsets (and its related spans' and fix edits')
  // turned into UTF-16 offsets of the draft.
  function toEditorFinding(f, id, toUnits) {
    const span = (s) => Object.assign({}, s, { start: toUnits(s.start), end: toUnits(s.end) });
    return Object.assign({}, f, {
      id,
      start: toUnits(f.start), end: toUnits(f.end),
      related: f.related.map((r) => (r.path ? r : span(r))),
      fix: f.fix ? Object.assign({}, f.fix, { edits: f.fix.edits.map(span) }) : null,
    });
  }

  // The one changed region between two versions of the text (what a keystroke or paste did).
  function diff(before, after) {
    const max = Math.min(before.length, after.length);
    let p = 0;
    while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
    let s = 0;
    while (s < max - p &&
           before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
    return { start: p, oldEnd: before.length - s, newEnd: after.length - s };
  }

  // Keep a finding in place across an edit elsewhere; drop it when the edit touches any of its
  // spans (its text changed: the next check decides whether it still holds).
  function shiftFinding(f, change) {
    const delta = change.newEnd - change.oldEnd;
    const touches = (s) => change.start <= s.end && change.oldEnd >= s.start;
    const local = f.related.filter((r) => !r.path);
    const edits = f.fix ? f.fix.edits : [];
    if (touches(f) || local.some(touches) || edits.some(touches)) return null;
    const move = (s) => (s.start >= change.oldEnd
      ? Object.assign({}, s, { start: s.start + delta, end: s.end + delta }) : s);
    const moved = move(f);
    return Object.assign({}, moved, {
      related: f.related.map((r) => (r.path ? r : move(r))),
      fix: f.fix ? Object.assign({}, f.fix, { edits: edits.map(move) }) : null,
    });
  }

  function safeClass(word) { return /^[a-z][a-z-]*$/.test(word) ? word : "other"; }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Rebuild the backdrop: the text cut at every finding and related-span boundary. A piece
  // covered by findings is a span.hl coloured by the narrowest finding's category and styled by
  // the worst severity among them; a piece only related to a finding is a dashed span.rel.
  function renderBackdrop(box, text, findings) {
    const len = text.length;
    const clamp = (n) => Math.max(0, Math.min(n, len));
    const visibleSpan = (s) => {
      let a = clamp(s.start), b = clamp(Math.max(s.end, s.start + 1)); // a point gets one char
      if (a === b && a > 0) a -= 1;
      return [a, b];
    };
    const hits = findings.map((f) => {
      const [a, b] = visibleSpan(f);
      return { f, a, b };
    });
    const links = [];
    for (const f of findings) {
      f.related.forEach((r, i) => {
        if (r.path) return;
        const [a, b] = visibleSpan(r);
        links.push({ f, i, a, b });
      });
    }
    const bounds = new Set([0, len]);
    for (const s of hits.concat(links)) { bounds.add(s.a); bounds.add(s.b); }
    const points = [...bounds].sort((x, y) => x - y);
    const frag = document.createDocumentFragment();
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k], b = points[k + 1];
      const piece = text.slice(a, b);
      const covering = hits.filter((s) => s.a <= a && b <= s.b).map((s) => s.f);
      const linked = links.filter((s) => s.a <= a && b <= s.b);
      if (!covering.length && !linked.length) { frag.append(document.createTextNode(piece)); continue; }
      let node;
      if (covering.length) {
        covering.sort((x, y) => (x.end - x.start) - (y.end - y.start));
        const worst = covering.reduce((x, y) => (SEVERITY_RANK[y.severity] > SEVERITY_RANK[x.severity] ? y : x));
        node = el("span", `hl cat-${safeClass(covering[0].category)} sev-${safeClass(worst.severity)}`, piece);
        if (covering.length > 1) node.classList.add("multi");
        node.dataset.hits = covering.map((f) => f.id).join(" ");
      } else {
        node = el("span", `rel cat-${safeClass(linked[0].f.category)}`, piece);
      }
      node.dataset.links = linked.map((s) => `${s.f.id}/${s.i}`).join(" ");
      frag.append(node);
    }
    // A textarea shows a last empty line after a final newline; the copy must be as tall.
    if (text.endsWith("\n") || !text) frag.append(document.createElement("br"));
    box.replaceChildren(frag);
  }

  // Findings whose span holds the caret, narrowest first.
  function findingsAt(findings, pos) {
    return findings.filter((f) => f.start <= pos && pos <= Math.max(f.end, f.start + 1))
      .sort((x, y) => (x.end - x.start) - (y.end - y.start));
  }

  return { codePointMapper, codePointLength, toEditorFinding, diff, shiftFinding,
           renderBackdrop, findingsAt, el, safeClass, SEVERITY_RANK };
})();
