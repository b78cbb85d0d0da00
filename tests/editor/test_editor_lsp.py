"""``checker lsp`` with a real client over stdio: initialize, didOpen, diagnostics, code action."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from testkit import FIXTURES, run_json

from checker.config import Settings
from checker.engine import check_document
from checker.inputs import build_document
from checker.lsp.convert import Positions
from checker.lsp.session import LspSession, apply_text_edits
from checker.rules import all_rules

ROOT = Path(__file__).resolve().parents[2]


def registered_codes() -> set[str]:
    return {r.code for r in all_rules()}


def _session_test(seed_text: str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(seed_text, encoding="utf-8")
    uri = draft.as_uri()

    async def scenario() -> None:
        session = LspSession(["--no-model"], cwd=ROOT)
        try:
            init = await session.start()
            assert init.capabilities.code_action_provider
            session.open(uri, seed_text)
            diags = await session.diagnostics(uri, version=1)
            by_code = {d.code: d for d in diags}
            doubled = by_code["TY101"]
            assert doubled.source == "checker/typography"
            assert isinstance(doubled.data, dict) and doubled.data["category"] == "typography"
            line = seed_text.splitlines()[doubled.range.start.line]
            assert line[doubled.range.start.character:].startswith(". .")
            if "NM101" in registered_codes():
                names = by_code["NM101"]
                spans = {seed_text.splitlines()[names.range.start.line][
                    names.range.start.character:names.range.end.character]}
                related = names.related_information or []
                assert related, "the name finding points at the other spelling"
                for info in related:
                    rl = seed_text.splitlines()[info.location.range.start.line]
                    spans.add(rl[info.location.range.start.character:
                                 info.location.range.end.character])
                assert {"Bassum", "Basoom"} <= {s.strip() for s in spans}

            actions = await session.code_actions(uri, doubled.range, [doubled])
            quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
            assert quick and quick[0].is_preferred
            fixed = apply_text_edits(seed_text, quick[0].edit.changes[uri])
            assert "in the region. ." not in fixed
            assert "in the region." in fixed
            assert len(fixed) == len(seed_text) - 2

            # the editor applies the edit; the server re-checks and the finding is gone
            session.change(uri, fixed, version=2)
            after = await session.diagnostics(uri, version=2)
            assert "TY101" not in {d.code for d in after}
        finally:
            await session.stop()

    asyncio.run(asyncio.wait_for(scenario(), 60))


def test_lsp_session_diagnostics_and_code_action(seed_text: str, tmp_path: Path) -> None:
    _session_test(seed_text, tmp_path)


def test_lsp_markdown_and_html(tmp_path: Path) -> None:
    md = tmp_path / "my draft.md"  # a quoted URI
    html = tmp_path / "b.html"
    md_text = "# Title\n\nThe the troops left. A [link](http://x.example) stays.\n"
    html_text = ("<html><body><article><p>The troops left the region,, said officials on "
                 "Friday in the capital city.</p><p>More text follows here so the extractor "
                 "keeps the article body intact.</p></article></body></html>")

    async def scenario() -> None:
        session = LspSession(["--no-model"], cwd=ROOT)
        try:
            await session.start()
            session.open(md.as_uri(), md_text, "markdown")
            session.open(html.as_uri(), html_text, "html")
            md_diags = await session.diagnostics(md.as_uri(), version=1)
            assert "TY104" in {d.code for d in md_diags}
            html_diags = await session.diagnostics(html.as_uri(), version=1)
            ty = [d for d in html_diags if d.code == "TY101"]
            assert ty, html_diags
            start = ty[0].range.start
            assert html_text.splitlines()[start.line][start.character:].startswith(",,")
            # HTML is never fixed
            assert await session.code_actions(html.as_uri(), ty[0].range, ty) == []
        finally:
            await session.stop()

    asyncio.run(asyncio.wait_for(scenario(), 60))


def test_lsp_html_ranges_follow_the_position_map(tmp_path: Path) -> None:
    """A team-written page whose <head> repeats the flagged words (a meta description, the
    title, a script) and whose body breaks a repeated word across two lines: each diagnostic,
    and each related span, covers exactly the flagged words in the HTML source, on the line and
    column the command line reports."""
    fixture = FIXTURES / "lsp-page.html"
    html_text = fixture.read_text(encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(html_text, encoding="utf-8")
    doc = build_document(str(page), html_text, "html")
    expected = check_document(doc, Settings(use_model=False))
    assert {"TY101", "TY104", "NM101"} <= {f.code for f in expected}
    _, report, _ = run_json(["--no-model", str(fixture)])
    cli_lines = sorted((f["code"], f["line"], f["column"] - 1)
                       for f in report["files"][0]["findings"])
    pos = Positions(html_text)

    def source_words(rng: types.Range) -> str:
        return " ".join(html_text[pos.offset(rng.start):pos.offset(rng.end)].split())

    async def scenario() -> None:
        session = LspSession(["--no-model"], cwd=ROOT)
        try:
            await session.start()
            session.open(page.as_uri(), html_text, "html")
            diags = await session.diagnostics(page.as_uri(), version=1)
            assert len(diags) == len(expected)
            body = html_text[:html_text.index("<article>")].count("\n")
            for d, f in zip(sorted(diags, key=lambda d: (d.range.start.line,
                                                         d.range.start.character)),
                            expected, strict=True):
                assert d.code == f.code
                assert source_words(d.range) == doc.text[f.start:f.end]
                assert d.range.start.line > body  # never the <head> copy of the same words
                related = d.related_information or []
                assert len(related) == len(f.related)
                for info, rel in zip(related, f.related, strict=True):
                    assert source_words(info.location.range) == doc.text[rel.start:rel.end]
            assert sorted((str(d.code), d.range.start.line + 1, d.range.start.character)
                          for d in diags) == cli_lines
        finally:
            await session.stop()

    asyncio.run(asyncio.wait_for(scenario(), 60))


_SLOW_MODEL_SERVER = '''
import sys, time
from checker.modelhub import register_loader
from checker.rules.base import Rule, register

def load(options):
    time.sleep(0.5)  # loading a model takes a while, once
    return lambda text: 0.9

register_loader("fake-model", load)

@register
class FakeModelRule(Rule):
    code = "ZZ901"
    name = "fake-model-rule"
    category = "contradiction"
    summary = what = why = "a stand-in for a rule that needs a model"
    requires = frozenset({"fake-model"})

    def check(self, doc, ctx):
        score = ctx.models.get("fake-model")(doc.text)
        time.sleep(0.2)
        s = doc.sentences[0]
        yield self.finding(s.start, s.end, "model says so", confidence=score)

from checker.lsp.server import main
sys.exit(main(sys.argv[1:]))
'''


def test_model_diagnostics_follow_in_a_second_publish(seed_text: str, tmp_path: Path) -> None:
    import sys

    draft = tmp_path / "draft.txt"
    uri = draft.as_uri()

    async def scenario() -> None:
        session = LspSession(cwd=ROOT, command=[sys.executable, "-c", _SLOW_MODEL_SERVER])
        try:
            await session.start()
            session.open(uri, seed_text)
            first = await session.diagnostics(uri, version=1)
            assert "TY101" in {d.code for d in first}
            assert "ZZ901" not in {d.code for d in first}
            second = await session.diagnostics(uri, version=1, count=2)
            assert {"TY101", "ZZ901"} <= {d.code for d in second}
            model = next(d for d in second if d.code == "ZZ901")
            assert isinstance(model.data, dict) and model.data["confidence"] == 0.9
            # a quick second edit: stale model work is skipped, the latest version wins
            session.change(uri, seed_text + "\n\nMore.", version=2)
            session.change(uri, seed_text + "\n\nMore,, text.", version=3)
            final = await session.diagnostics(uri, version=3, count=2)
            assert {"TY101", "ZZ901"} <= {d.code for d in final}
            assert all(p[1] != 2 for p in session.published[uri][-2:])
        finally:
            await session.stop()

    asyncio.run(asyncio.wait_for(scenario(), 60))


def test_model_diagnostics_never_flicker_between_publishes(seed_text: str,
                                                           tmp_path: Path) -> None:
    """Once the model has spoken, every later publish carries its findings (the fast pass keeps
    them until the model pass replaces them), at the right place in the edited text; and the
    first model load is shown as work-done progress."""
    import sys

    uri = (tmp_path / "draft.txt").as_uri()

    async def scenario() -> None:
        session = LspSession(cwd=ROOT, command=[sys.executable, "-c", _SLOW_MODEL_SERVER])
        try:
            await session.start()
            session.open(uri, seed_text)
            await session.diagnostics(uri, version=1, count=2)
            texts = {1: seed_text}
            for version in range(2, 6):  # edits below the first sentence
                texts[version] = texts[version - 1] + f"\n\nAdded paragraph {version}."
                session.change(uri, texts[version], version=version)
                await session.diagnostics(uri, version=version, count=2)
            published = session.published[uri]
            first_model = next(i for i, p in enumerate(published)
                               if "ZZ901" in {d.code for d in p[2]})
            for _, version, diags in published[first_model:]:
                model = [d for d in diags if d.code == "ZZ901"]
                assert model, f"model diagnostics vanished in a publish of version {version}"
                text = texts[version or 1]
                line = text.splitlines()[model[0].range.start.line]
                assert line.startswith(seed_text.splitlines()[0][:20])
            assert [kind for _, kind in session.progress] == ["begin", "end"]
        finally:
            await session.stop()

    asyncio.run(asyncio.wait_for(scenario(), 90))


def test_carry_over_shifts_or_drops_model_findings() -> None:
    from checker.findings import Finding, Related, Severity
    from checker.lsp.server import ModelResult, carry_over

    old = "Alpha one. Beta two. Gamma three."
    finding = Finding("ZZ901", "fake", "contradiction", Severity.WARNING, "m", 21, 33,
                      related=(Related(0, 10, "earlier"),))
    previous = ModelResult(old, (finding,))
    # an insertion between the two spans' sentences touches neither: both shift or stay
    new = old.replace("Beta two.", "Beta two, and more.")
    (moved,) = carry_over(previous, new)
    assert new[moved.start:moved.end] == "Gamma three."
    assert new[moved.related[0].start:moved.related[0].end] == "Alpha one."
    # an edit inside the related sentence drops the finding: the model judged other words
    assert carry_over(previous, old.replace("Alpha one", "Alpha uno")) == []
    assert carry_over(previous, old.replace("Gamma", "Delta")) == []
    assert carry_over(previous, old) == [finding]
