"""Contradictions inside one document: the model rule (CT101) and the word-flip rule (CT102)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from checker.document import Document, sentence_texts
from checker.findings import Finding, Related, Severity
from checker.nli.contradict import Conflict, Params, find_conflicts, flip_conflicts
from checker.nli.patterns import (
    PatternConflict,
    reversed_causes,
    reversed_consequences,
    reversed_stances,
    settled_conditions,
)
from checker.rules.base import Context, Rule, register


def _params(ctx: Context) -> Params:
    table = ctx.settings.nli
    defaults = Params()
    return Params(
        min_similarity=float(table.get("min-similarity", defaults.min_similarity)),
        pairs_per_sentence=float(
            table.get("pairs-per-sentence", defaults.pairs_per_sentence)
        ),
        threshold=float(table.get("threshold", defaults.threshold)),
        skip_unlikely=bool(table.get("skip-unlikely", defaults.skip_unlikely)),
        both_ways_from=float(table.get("both-ways-from", defaults.both_ways_from)),
        clauses=bool(table.get("clauses", defaults.clauses)),
    )


def _quote(doc: Document, index: int, limit: int = 80) -> str:
    span = doc.sentences[index]
    quoted = doc.text[span.start : span.end]
    return quoted if len(quoted) <= limit else quoted[: limit - 3] + "..."


def _finding(rule: Rule, doc: Document, c: Conflict, message: str, severity: Severity) -> Finding:
    later = doc.sentences[c.later]
    earlier = doc.sentences[c.earlier]
    return rule.finding(
        later.start,
        later.end,
        f"{message}: \u201c{_quote(doc, c.earlier)}\u201d",
        confidence=round(c.probability, 3),
        severity=severity,
        related=(Related(earlier.start, earlier.end, "the earlier statement"),),
    )


@register
class ModelContradiction(Rule):
    code = "CT101"
    name = "contradiction"
    category = "contradiction"
    severity = Severity.WARNING
    summary = "A statement that contradicts an earlier one in the same document"
    what = """
Compares each sentence with its few nearest neighbours (sentence embeddings, and the nearest
sentences sharing a name or a number; at most 0.6 pairs per sentence, so the cost grows linearly
with the document), scores each pair with the project's NLI cross-encoder (models/nli-minilm,
trained also on real in-document pairs about different actors and events, so that list items,
results and live-commentary lines are not taken for contradictions), earlier sentence first and,
unless that reads as plainly no contradiction (p < 0.01, `both-ways-from`), the other way round
too, and reports the later sentence of each pair whose contradiction probability passes the
threshold (0.5, chosen on the even half of `checker eval documents`). The earlier sentence is
given as related. A statement made in a clause ("The plan, which the board voted down on Monday,
was to be paid for from reserves.") is read out as a sentence of its own ("The board voted down
the plan on Monday.") and compared with the two sentences that share most of its words, each
read whole and as its main statement, where the clause's own words hold a denial, one of a pair
of opposites or a figure that the other sentence does not (`checker/nli/clauses.py`;
`[tool.checker.nli] clauses = false` turns it off). Pairs that share a statement are one
problem, reported once: the statement in most of them is flagged and every other statement of
the cluster given as related, with its pair's probability; the finding's confidence is the
cluster's highest. Severity follows the measured precision of each confidence band on the odd
half (models/nli-minilm/README.md, "Calibration"): 0.9 and above (four in five right) is an
error, 0.7 to 0.9 (three in four) a warning, and 0.5 to 0.7 (little more than one in two)
information, shown but not failing a check by default."""
    why = """
A draft that says both "the talks broke down" and "if the talks fail" cannot be right twice.
Inverted or spun copy often reverses one claim while leaving the rest of the article intact."""
    bad_examples = (
        "The council approved the stadium plan on Monday after a long debate.\n\n"
        "The council threw out the stadium plan on Monday.",
    )
    good_examples = (
        "More than 1,000 U.S. troops will leave Niger in the coming months.\n\n"
        "The U.S. troops are going to depart from Niger.",
    )
    requires = frozenset({"nli", "embeddings"})

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        from checker.nli.hub import nli_model, sentence_embeddings

        texts = sentence_texts(doc)
        if len(texts) < 2:
            return
        conflicts, scored = find_conflicts(
            texts, nli_model(ctx), sentence_embeddings(doc, ctx), _params(ctx),
            doc.sentence_blocks(), doc.sentence_paragraphs(),
        )
        ctx.cache["nli.pairs-scored"] = ctx.cache.get("nli.pairs-scored", 0) + scored
        model = [c for c in conflicts if c.kind == "model"]  # CT102 reports word-for-word flips
        for cluster in conflict_clusters(model):
            yield cluster_finding(self, doc, cluster)


def conflict_clusters(conflicts: Sequence[Conflict]) -> list[list[Conflict]]:
    """The conflicting pairs grouped into clusters of statements that disagree: pairs that share
    a sentence, directly or through others, are one cluster. In position order of their first
    sentence; each cluster's pairs by falling probability."""
    leader: dict[int, int] = {}

    def find(i: int) -> int:
        leader.setdefault(i, i)
        while leader[i] != i:
            leader[i] = leader[leader[i]]
            i = leader[i]
        return i

    for c in conflicts:
        leader[find(c.later)] = find(c.earlier)
    clusters: dict[int, list[Conflict]] = {}
    for c in conflicts:
        clusters.setdefault(find(c.earlier), []).append(c)
    return [sorted(group, key=lambda c: (-c.probability, c.earlier, c.later))
            for _, group in sorted(clusters.items(),
                                   key=lambda kv: min(c.earlier for c in kv[1]))]


def _hub(cluster: Sequence[Conflict]) -> int:
    """The statement a cluster of several pairs is reported at: the one in most of its pairs
    (the odd one out), ties to the one with the higher summed probability, then the later."""
    degree: Counter[int] = Counter()
    weight: dict[int, float] = {}
    for c in cluster:
        for i in (c.earlier, c.later):
            degree[i] += 1
            weight[i] = weight.get(i, 0.0) + c.probability
    return max(degree, key=lambda i: (degree[i], weight[i], i))


def cluster_finding(rule: Rule, doc: Document, cluster: list[Conflict]) -> Finding:
    """One finding per cluster of disagreeing statements. A single pair is reported at its later
    sentence with the earlier one related, as ever; several pairs at the statement in most of
    them, every other statement of the cluster related once, with the probability of its most
    probable pair. The confidence, and so the severity, is the cluster's highest."""
    best = cluster[0]
    severity = model_severity(best.probability)
    if len(cluster) == 1:
        return _finding(rule, doc, best, "contradicts an earlier statement", severity)
    hub = _hub(cluster)
    # the statements paired with the hub, most probable pair first; the pairs are distinct and
    # the hub is in most of them, so there are two at least
    direct = [(c.later if c.earlier == hub else c.earlier, c) for c in cluster
              if hub in (c.earlier, c.later)]
    notes = {other: f"conflicts with the flagged statement ({c.probability:.2f})"
             for other, c in direct}
    for c in cluster:  # pairs further along the cluster, not through the flagged statement
        for one, partner in ((c.earlier, c.later), (c.later, c.earlier)):
            if one != hub and partner != hub:
                notes.setdefault(one, f"conflicts with \u201c{_quote(doc, partner, 60)}\u201d "
                                      f"({c.probability:.2f})")
    span = doc.sentences[hub]
    return rule.finding(
        span.start,
        span.end,
        f"contradicts {len(direct)} other statements in this document: "
        f"\u201c{_quote(doc, direct[0][0])}\u201d and {len(direct) - 1} more",
        confidence=round(best.probability, 3),
        severity=severity,
        related=tuple(Related(doc.sentences[i].start, doc.sentences[i].end, note)
                      for i, note in sorted(notes.items())),
    )


ERROR_FROM = 0.9  # CT101 confidence bands (model card, "Calibration")
WARNING_FROM = 0.7


def model_severity(probability: float) -> Severity:
    """Severity by confidence band, from the reliability table of the model card (odd half of
    ``checker eval documents``, checkpoint 5, 390 findings): precision 0.80 from 0.9 up (208
    findings), 0.74 from 0.7 to 0.9 (74), 0.58 from 0.5 to 0.7 (108). A finding right little
    more than half the time is information: shown, but it does not fail a check (``--fail-on``
    is warning by default)."""
    if probability >= ERROR_FROM:
        return Severity.ERROR
    if probability >= WARNING_FROM:
        return Severity.WARNING
    return Severity.INFO


@register
class WordFlipContradiction(Rule):
    code = "CT102"
    name = "flipped-statement"
    category = "contradiction"
    severity = Severity.ERROR
    summary = "Two sentences identical but for one antonym, negation or number"
    what = """
Aligns every pair of sentences word by word and reports the later one when the two differ only
by an opposite ("leave" / "stay", "rose" / "fell"), a negation ("will" / "will not", "did not
leave" / "left", "does not run" / "runs") or a number. A sentence that joins clauses (at a comma
and a conjunction, a semicolon or a dash) is compared clause by clause too: "The ferry does not
run on Sundays, so a winter weekend is short" flips "The ferry runs on Sundays". The opposites
are the lists in rules/nli/. Needs no model. Two counts in two entries of a live page, or in
two short rows of a table set as lines, are two facts, not a flip. A
conflicting number is reported in the `number` category; a number that labels one of a series
("Method 1" / "Method 2", "line 3" of a traceback: rules/nli/enumerators.txt) is not one, nor is
an opening "No." that answers the question before it. A live commentary's running scores
("Goal! Brackwater Rovers 1, Kelsall United 0.") are read as a match: a score that rises is a
goal, and one that falls below an earlier score of the same two sides is a conflict, reported
against the goal it leaves out. Each sentence is compared with the
1,000 before it (a long feature has 200): in a longer text, an archive of many articles, that
keeps the work growing in step with the length."""
    why = """
A restated claim that flips one word is the signature of an inverted or garbled copy; the pair
cannot both be true, and no model is needed to see it."""
    bad_examples = (
        "The central bank raised interest rates on Wednesday.\n\n"
        "The central bank cut interest rates on Wednesday.",
    )
    good_examples = (
        "The central bank raised interest rates on Wednesday.\n\n"
        "The central bank raised interest rates again on Wednesday, its third rise.",
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for c in flip_conflicts(sentence_texts(doc)):
            if c.kind == "number":
                finding = _finding(
                    self, doc, c, f"states a different number ({c.detail}) than", Severity.WARNING
                )
                yield replace(finding, category="number")
            else:
                yield _finding(
                    self, doc, c, f"flips an earlier statement ({c.detail})", Severity.ERROR
                )


def _pattern_findings(
    rule: Rule, doc: Document, conflicts: list[PatternConflict], message: str, confidence: float
) -> Iterable[Finding]:
    """One finding per later sentence; every earlier sentence it conflicts with is related."""
    by_later: dict[int, list[PatternConflict]] = {}
    for c in conflicts:
        by_later.setdefault(c.later, []).append(c)
    for later, group in sorted(by_later.items()):
        span = doc.sentences[later]
        related = tuple(
            Related(
                doc.sentences[c.earlier].start,
                doc.sentences[c.earlier].end,
                "the earlier statement",
            )
            for c in group
        )
        yield rule.finding(
            span.start,
            span.end,
            f"{message} ({group[0].detail})",
            confidence=confidence,
            related=related,
        )


@register
class SettledCondition(Rule):
    code = "CT103"
    name = "condition-on-settled-fact"
    category = "contradiction"
    severity = Severity.WARNING
    summary = 'A condition on an outcome the document already reports ("if the talks fail")'
    what = """
Finds a sentence that makes an outcome conditional ("if the talks fail", "unless the deal
collapses") when another sentence reports that outcome as settled ("the talks broke down") for
the same subject. Outcome verbs are listed in rules/nli/outcomes.tsv. Needs no model."""
    why = """
Copy that treats a settled event as still open has usually been rewritten from an older draft or
spun; either the outcome or the condition is wrong."""
    bad_examples = (
        "The talks broke down amid a wave of bad feelings.\n\n"
        "But if the talks fail, the Pentagon is planning for the worst-case scenario.",
    )
    good_examples = (
        "The talks resumed on Monday.\n\n"
        "But if the talks fail, the Pentagon is planning for the worst-case scenario.",
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        conflicts = settled_conditions(sentence_texts(doc))
        yield from _pattern_findings(
            self, doc, conflicts, "makes conditional an outcome already reported as settled", 0.85
        )


@register
class ReversedStance(Rule):
    code = "CT104"
    name = "reversed-stance"
    category = "contradiction"
    severity = Severity.WARNING
    summary = "The same actor shown both rejecting and embracing the same counterpart"
    what = """
Finds two sentences in which the same actor takes opposite stances toward the same counterpart
("Niger scrapped its cooperation agreement with the United States" / "Niger's willingness to
partner with Washington"). Names are matched through rules/nli/aliases.tsv, stance words come from
rules/nli/stance.tsv, and a negation just before a stance word reverses it. Needs no model."""
    why = """
A restated relationship that flips is a typical trace of spun or machine-rewritten copy: readers
cannot tell which of the two statements is true."""
    bad_examples = (
        "Niger said last month it was scrapping a military agreement with the United States.\n\n"
        "Officials said Niger's willingness to partner with Washington would be hard to change.",
    )
    good_examples = (
        "Niger said last month it was scrapping a military agreement with the United States.\n\n"
        "The United States wanted to resume cooperation with Niger.",
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        conflicts = reversed_stances(sentence_texts(doc))
        yield from _pattern_findings(
            self, doc, conflicts, "reverses the stance stated earlier", 0.8
        )


@register
class ReversedConsequence(Rule):
    code = "CT105"
    name = "reversed-consequence"
    category = "contradiction"
    severity = Severity.WARNING
    summary = ('An event said to help a side that another sentence says it costs ("…, boosting"),'
               ' or a fall said to be helped')
    what = """
Finds a clause of consequence ("…, boosting U.S. counterterrorism", "…, weakening the bank")
whose event (a withdrawal, a closure, a cut, a ban, a suspension, a sale, a merger: the forms of
rules/nli/event_families.tsv, "will leave Niger" and "the withdrawal" alike) another sentence
ties to the opposite outcome for the same named side ("will bear the brunt of the US military
withdrawal and subsequent loss"). Words: rules/nli/consequences.tsv; names through
rules/nli/aliases.tsv; a negation just before the outcome word reverses it. And a measure told
as moving the wrong way for what helped it: "ticket sales had fallen by 40 percent, helped by
the success of the teams" (sales, profits, visitors … that fell, "helped" or "boosted" by
something; deaths, crime, delays … that rose, "helped by" something: rules/nli/
reversed_causes.toml). Needs no model."""
    why = """
A synonym spinner or a careless rewrite turns "upending" into "boosting": the clause then says
the opposite of what the rest of the story reports, and a reader cannot tell which is meant."""
    bad_examples = (
        "More than 1,000 U.S. troops will leave Niger in the coming months, officials said, "
        "boosting U.S. counterterrorism in the Sahel.\n\n"
        "The U.S. loses a strategic asset with the withdrawal, a former envoy said.",
    )
    good_examples = (
        "More than 1,000 U.S. troops will leave Niger in the coming months, officials said, "
        "upending U.S. counterterrorism in the Sahel.\n\n"
        "The U.S. loses a strategic asset with the withdrawal, a former envoy said.",
        "The firm will close its Leeds plant next year, boosting profits.\n\n"
        "The closure is a blow to Leeds, the council said.",
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for consequence, against in reversed_consequences(sentence_texts(doc)):
            span = doc.sentences[consequence.sentence]
            related = tuple(
                Related(doc.sentences[j].start, doc.sentences[j].end,
                        "says the event costs" if consequence.sign > 0
                        else "says the event helps")
                for j in against
            )
            start = span.start + consequence.start
            outcome = "helps" if consequence.sign > 0 else "harms"
            yield self.finding(
                start, span.start + consequence.end,
                f"'{consequence.participle}' says the {sorted(consequence.families)[0]} "
                f"{outcome} what another sentence says it "
                f"{'costs' if consequence.sign > 0 else 'helps'}",
                confidence=0.75, related=related,
            )
        for cause in reversed_causes(sentence_texts(doc)):
            span = doc.sentences[cause.sentence]
            yield self.finding(
                span.start + cause.start, span.start + cause.end,
                f"'{cause.move}' and '{cause.helped} by' disagree: what helps "
                f"{cause.measure.lower()} does not make them "
                f"{'fall' if cause.fell else 'rise'}",
                confidence=0.75,
            )
