"""SR: a draft against the source it was written from (``--source``).

Each draft sentence is aligned with its source sentences (``checker.source.align``); these rules
report what changed in meaning, with the source passage in ``related`` (its ``path`` names the
source file). With no source given they find nothing. Paraphrase, reordering and cutting are not
findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar

from checker.document import Document
from checker.findings import Applicability, Edit, Finding, Fix, Related, Severity
from checker.rules.base import Context, Rule, register

# ``checker.source`` and the restatement test are imported where a source is given: a run
# without --source (every rules-only run over drafts) never needs them.
if TYPE_CHECKING:
    from checker.source.align import Alignment
    from checker.source.compare import Change
    from checker.source.context import SourceView
    from checker.source.quotes import QuoteCheck

EXAMPLE_SOURCE = (
    "Deputy Secretary of State Kurt Campbell met Prime Minister Ali Lamine Zeine in Washington "
    "on Friday. More than 1,000 U.S. troops will leave Niger in the coming months, officials "
    "said. The Pentagon said the troops will leave Niger before the end of the year. The "
    "withdrawal is a serious blow to U.S. counterterrorism policy in the Sahel. President "
    "Mohamed Bazoum was ousted in a coup last July. \"The ordinary people of Niger will bear "
    "the brunt of the withdrawal,\" said J. Peter Pham, a former envoy."
)


class SourceRule(Rule):
    category: ClassVar[str] = "source"
    example_source: ClassVar[str] = EXAMPLE_SOURCE

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if not ctx.sources:
            return ()  # what source_view says without a source, without importing it
        from checker.source.context import source_view

        view = source_view(doc, ctx)
        return () if view is None else self.compare(view, ctx)

    def compare(self, view: SourceView, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError


def _source_related(view: SourceView, change: Change, message: str) -> tuple[Related, ...]:
    if change.source_start < 0:
        return ()
    path = view.sources[change.source_index].path
    return (Related(change.source_start, change.source_end, message, path=path),)


def _quotes(view: SourceView, ctx: Context) -> list[QuoteCheck]:
    from checker.source.quotes import check_quotations

    key = f"source.quotes:{id(view)}"
    if key not in ctx.cache:
        ctx.cache[key] = list(check_quotations(view))
    found: list[QuoteCheck] = ctx.cache[key]
    return found


def _deterministic(view: SourceView, ctx: Context) -> list[Change]:
    """Changes the word-level rules report, computed once: the model rule skips their
    sentences, so one altered claim is one finding."""
    from checker.source.compare import changed_details, inversions, respelled_names
    from checker.source.text import quotations

    key = f"source.changes:{id(view)}"
    if key not in ctx.cache:
        quoted = [(q.start, q.end) for q in quotations(view.draft.text)]
        details = [c for c in changed_details(view)  # inside quotation marks: SR107 says it
                   if not any(a <= c.start < b for a, b in quoted)]
        altered = [q for q in _quotes(view, ctx) if not q.found and q.changes]
        flips = [c for c in inversions(view) if not any(
            c.start <= q.start < c.end and any(c.draft in d or c.source in s
                                               for d, s in q.changes) for q in altered)]
        ctx.cache[key] = [*details, *flips, *respelled_names(view)]
    found: list[Change] = ctx.cache[key]
    return found


@register
class InvertedClaim(SourceRule):
    code = "SR101"
    name = "inverted-claim"
    severity = Severity.ERROR
    summary = "A sentence that says the opposite of its source sentence by one word or a negation"
    what = """
A draft sentence that keeps at least 80% of its source sentence's words but turns one of them
into its opposite ("leave" / "stay", "rose" / "fell", across word forms: "a blow to" /
"boosting") or adds or drops a negation where nothing else in that phrase changed. Two flips
cancel out ("less likely" / "more unlikely"); cutting a clause at either end is not a flip.
"""
    why = """
Spun copy inverts a claim with one word and keeps everything else, so the sentence still reads
as sourced. Against the source the inversion is certain; no model is needed.
"""
    bad_examples = ("The Pentagon said the troops will stay in Niger before the end of the year.",)
    good_examples = ("The Pentagon said the troops would leave Niger by the end of the year.",)

    def compare(self, view: SourceView, ctx: Context) -> Iterator[Finding]:
        for c in _deterministic(view, ctx):
            if c.kind in ("antonym", "negation"):
                said = f"{c.source!r} became {c.draft!r}" if c.kind == "antonym" else (
                    f"the negation {c.source!r} was dropped" if c.draft == "(nothing)"
                    else f"the negation {c.draft!r} was added")
                yield self.finding(c.start, c.end, f"inverts the source: {said}",
                                   related=_source_related(view, c, "the source sentence"))


@register
class ContradictedClaim(SourceRule):
    code = "SR102"
    name = "contradicted-by-source"
    summary = "A reworded sentence the NLI model reads as contradicted by its source (opt-in)"
    requires = frozenset({"nli", "embeddings"})
    enabled_by_default = False
    what = """
A draft sentence that the NLI model reads as contradicted by the source sentence(s) it is aligned
with (source as premise, draft sentence as hypothesis). Sentences that only restate their source
with details cut or lightly reworded, and sentences another SR rule already reports, are not
sent to the model.

Off unless selected (`--select SR102`, or `SR` as a prefix): the shipped model, trained to spot
one-word flips inside near-identical sentences, also scores most faithful but reworded sentences
as contradictions ("will leave before the end of the year" / "by the end of the year the troops
will have left": 0.998). Select it with a stronger NLI checkpoint (`[tool.checker.nli] model`).
"""
    why = """
A rewrite that reverses a claim in other words ("will leave" become "would remain into next
year") keeps the topic and the names, so it aligns with its source sentence and reads as sourced.
"""
    bad_examples = ("The Pentagon said the troops would remain in Niger into next year.",)
    good_examples = ("Officials said the pullout badly damages U.S. counterterrorism policy in "
                     "the Sahel.",)
    THRESHOLD: ClassVar[float] = 0.6
    MIN_SCORE: ClassVar[float] = 0.35

    def compare(self, view: SourceView, ctx: Context) -> Iterator[Finding]:
        from checker.nli.hub import nli_model

        done = {(c.start, c.end) for c in _deterministic(view, ctx)}
        taken = [a for a in view.alignments if a.matches and a.score >= self.MIN_SCORE
                 and not any(a.draft.start <= s < a.draft.end for s, _ in done)
                 and not _restates(a)]
        if not taken:
            return
        scores = nli_model(ctx).predict([(a.premise, a.draft.text) for a in taken])
        for a, p in zip(taken, scores, strict=True):
            p_contra = p.get("contradiction", 0.0)
            if p_contra >= self.THRESHOLD:
                best = a.matches[0]
                yield self.finding(
                    a.draft.start, a.draft.end,
                    "the source says otherwise: " + _clip(a.premise), confidence=p_contra,
                    related=(Related(best.start, best.end, "the source sentence",
                                     path=view.source_path(best)),))


def _restates(a: Alignment) -> bool:
    """The draft sentence repeats its source with details cut or lightly reworded: nothing for
    the model to judge (it scores near-identical long sentences as contradictions), and any
    flip in such a pair is SR101's."""
    from checker.nli.restate import restatement

    return any(restatement(m.text, a.draft.text) or a.draft.text in m.text for m in a.matches)


def _clip(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@register
class UnsupportedClaim(SourceRule):
    code = "SR103"
    name = "unsupported-by-source"
    severity = Severity.INFO
    summary = "A figure, quotation or sentence the source does not support"
    what = """
A figure in the draft that appears nowhere in the source and is not a changed source figure; a
quotation with no similar passage in the source; or a sentence of at least six content words
that no source sentence is close to (under a quarter of its weighted words shared, and with
the model, an embedding cosine under 0.5).
"""
    why = """
Figures and quotations are what readers take as reported fact; one the source does not carry
was added by the rewrite and needs its own source.
"""
    bad_examples = ("Officials said 4,500 contractors would also leave the region.",
                    "\"We are leaving with our heads held high,\" a general said.",
                    "Analysts expect gold prices to climb sharply as investors seek safety.")
    good_examples = ("More than 1,000 American troops will leave Niger, officials said.",
                     "The Pentagon expects its soldiers to be gone from Niger by year's end.")
    MIN_WORDS: ClassVar[int] = 6
    MAX_COVERAGE: ClassVar[float] = 0.25
    MAX_SIMILARITY: ClassVar[float] = 0.5

    def compare(self, view: SourceView, ctx: Context) -> Iterator[Finding]:
        from checker.source.compare import source_number_keys
        from checker.source.text import numbers

        changed = {(c.start, c.end) for c in _deterministic(view, ctx)}
        known = source_number_keys(view)
        flagged: list[tuple[int, int]] = []
        for n in numbers(view.draft.text):
            if n.key not in known and (n.start, n.end) not in changed and n.raw[0].isdigit():
                flagged.append((n.start, n.end))
                yield self.finding(n.start, n.end, f"the figure {n.raw!r} is not in the source")
        for q in _quotes(view, ctx):
            if not q.found and q.source_start < 0:
                flagged.append((q.start, q.end))
                yield self.finding(q.start, q.end, "this quotation is not in the source")
        for a in view.alignments:
            if self._unsupported(a, ctx) and not any(a.draft.start <= s < a.draft.end
                                                     for s, _ in flagged):
                yield self.finding(a.draft.start, a.draft.end,
                                   f"no sentence of the source says this (the closest shares "
                                   f"{a.coverage:.0%} of its words)")

    def _unsupported(self, a: Alignment, ctx: Context) -> bool:
        if len(a.draft.words) < self.MIN_WORDS or a.coverage >= self.MAX_COVERAGE:
            return False
        return not ctx.settings.use_model or a.similarity < self.MAX_SIMILARITY


@register
class RespelledName(SourceRule):
    code = "SR104"
    name = "name-respelled-from-source"
    summary = "A name the source spells differently"
    fix_applicability = Applicability.UNSAFE
    what = """
A name in the draft that is not in the source but is a close variant of a name the source spells
("Bassum" where the source says "Bazoum", "Fitzgibbon" for "FitzGibbon"). No vocabulary needed.
"""
    why = """
A respelled name is the mark of copy passed through careless hands or a machine; against the
source the right spelling is known, and the fix offers it.
"""
    bad_examples = ("President Mohamed Bassum was ousted in a coup last July.",)
    good_examples = ("Mohamed Bazoum, the president, was ousted last July.",)

    def compare(self, view: SourceView, ctx: Context) -> Iterator[Finding]:
        for c in _deterministic(view, ctx):
            if c.kind == "name":
                fix = Fix(f"use the source's spelling {c.source!r}",
                          (Edit(c.start, c.end, c.source),), Applicability.UNSAFE)
                yield self.finding(c.start, c.end,
                                   f"{c.draft!r} is spelled {c.source!r} in the source",
                                   related=_source_related(view, c, f"spelled {c.source!r}"),
                                   fix=fix)


class _DetailRule(SourceRule):
    kinds: ClassVar[tuple[str, ...]]
    fix_applicability = Applicability.UNSAFE

    def compare(self, view: SourceView, ctx: Context) -> Iterator[Finding]:
        for c in _deterministic(view, ctx):
            if c.kind in self.kinds:
                fix = Fix(f"use the source's {c.source!r}", (Edit(c.start, c.end, c.source),),
                          Applicability.UNSAFE)
                yield self.finding(c.start, c.end,
                                   f"{c.kind} changed: the source says {c.source!r}, "
                                   f"not {c.draft!r}",
                                   related=_source_related(view, c, f"the source's {c.source!r}"),
                                   fix=fix)


@register
class ChangedNumber(_DetailRule):
    code = "SR105"
    name = "changed-figure-or-date"
    summary = "A number or date that differs from the source sentence"
    kinds = ("number", "date")
    what = """
A figure, year, weekday or month in a draft sentence where the aligned source sentence has a
different one in the same place ("1,000" became "100", "Friday" became "Thursday").
"""
    why = """
A changed figure or date is a factual error that reads as perfectly sourced prose; it cannot be
seen from inside the draft.
"""
    bad_examples = ("More than 100 U.S. troops will leave Niger in the coming months, officials "
                    "said.",
                    "Deputy Secretary of State Kurt Campbell met Prime Minister Ali Lamine Zeine "
                    "in Washington on Thursday.")
    good_examples = ("Officials said that more than 1,000 U.S. troops will leave Niger in the "
                     "coming months.",)


@register
class ChangedTitle(_DetailRule):
    code = "SR106"
    name = "changed-title"
    summary = "A title or role that differs from the source sentence"
    kinds = ("title",)
    what = """
A title or role word given to the same person in the draft and in the source but changed
("Deputy Secretary" became "Under Secretary", "Prime Minister" became "Foreign Minister").
The word lists are in `rules/source/titles.toml`.
"""
    why = """
Titles say who speaks with what authority; a changed rank misattributes the statement.
"""
    bad_examples = ("Under Secretary of State Kurt Campbell met Prime Minister Ali Lamine Zeine "
                    "in Washington on Friday.",)
    good_examples = ("Kurt Campbell, the Deputy Secretary of State, met Prime Minister Ali Lamine "
                     "Zeine in Washington on Friday.",)


@register
class AlteredQuotation(SourceRule):
    code = "SR107"
    name = "altered-quotation"
    summary = "A quotation that does not match the source word for word"
    what = """
Text inside quotation marks that differs from the source passage it was taken from. Case, the
style of quotation marks, punctuation and ellipses ("...", "…") marking cuts are allowed; any
changed, added or dropped word is reported with the difference.
"""
    why = """
A quotation promises the speaker's exact words. A word changed inside the marks puts words in
someone's mouth, and is the change an editor is least able to see without the source.
"""
    bad_examples = ("\"The people of Niger will bear the brunt of the pullout,\" Pham said.",)
    good_examples = ("\"The ordinary people of Niger will bear the brunt ...\" said Pham.",
                     "Pham said the people of Niger would suffer most.")

    def compare(self, view: SourceView, ctx: Context) -> Iterator[Finding]:
        for q in _quotes(view, ctx):
            if q.found or q.source_start < 0:
                continue
            diff = "; ".join(f"{d!r} where the source has {s!r}" if d and s else
                             (f"{d!r} added" if d else f"{s!r} left out") for d, s in q.changes)
            yield self.finding(q.start, q.end, f"quotation differs from the source: {diff}",
                               related=(Related(q.source_start, q.source_end,
                                                "the quotation in the source",
                                                path=view.sources[q.source_index].path),))
