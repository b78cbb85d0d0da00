"""One finding per problem: findings that flag the same text are merged into the most specific.

Rules look at a draft from different sides, so one problem can draw several findings: an
injected "See also" line is both a teaser (SP101) and off-topic (SP110); a misspelt name is both
a minority spelling in the document (NM101) and off the configured vocabulary (NM103), with
opposite fixes. The user should see one finding and one fix. Two rules decide what is merged:

1. **Same text.** Findings of different rules whose spans are the same (they overlap by at
   least ``SAME_SPAN_OVERLAP`` of their union) are one problem. Two findings of one rule on one
   span are that rule's own decision (a sentence that flips two earlier ones, CT102) and stay.
2. **Text a fix deletes.** A finding inside text that another finding's fix deletes (an injected
   line, a footer) is moot once that fix is applied, so it joins that finding.

Which finding stands for the group (the *primary*) is decided by ``precedence``, most specific
first:

- tier 0: checked against something outside the document, which the user chose to trust: the
  source text (SR101, SR104-SR107) or the configured name vocabulary (NM103);
- tier 1: rules that recognise a particular problem in the document itself (SP101 a "See also"
  teaser, NM101 a minority spelling, CT102 a flipped statement, ...);
- tier 2: a model's judgement (SP110 off-topic line, CT101 contradiction, SR102);
- tier 3: the catch-all SR103 (nothing in the source supports it).

Ties go to the higher severity, then the higher confidence, then the code. The merged finding is
the primary with:

- its severity raised to the highest in the group, so merging never changes an exit code or
  what ``--min-severity`` shows;
- one fix only: the primary's, or when it has none the fix of the highest-ranked member that has
  one. Fixes of the others are dropped, so conflicting fixes ("spell it Bassum" and "spell it
  Bazoum") are never both offered;
- each other member kept as related evidence: a ``Related`` span with ``code`` set and the
  message ``"CODE: message"``, followed by that member's own related spans.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

from checker.findings import Finding, Fix, Related

SAME_SPAN_OVERLAP = 0.9

# Checked against a text the user supplied (the source) or a vocabulary the user configured.
AUTHORITATIVE = frozenset({"NM103", "SR101", "SR104", "SR105", "SR106", "SR107"})
# Broad signals that something is unsupported rather than what is wrong.
CATCH_ALL = frozenset({"SR103"})


@functools.cache
def _needs_model(code: str) -> bool:
    from checker.rules import rule_by_code

    rule = rule_by_code(code)
    return bool(rule is not None and rule.requires)


def tier(code: str) -> int:
    if code in AUTHORITATIVE:
        return 0
    if code in CATCH_ALL:
        return 3
    if _needs_model(code):
        return 2
    return 1


def precedence(f: Finding) -> tuple[int, int, float, str]:
    """Sort key: the smallest stands for its group (ties: the earlier finding by position)."""
    confidence = 1.0 if f.confidence is None else f.confidence
    return (tier(f.code), -int(f.severity), -confidence, f.code)


def same_span(a: Finding, b: Finding) -> bool:
    if a.start == a.end or b.start == b.end:
        return False  # no span (a suppression comment that extraction dropped): nothing shared
    if (a.start, a.end) == (b.start, b.end):
        return True
    overlap = min(a.end, b.end) - max(a.start, b.start)
    union = max(a.end, b.end) - min(a.start, b.start)
    return union > 0 and overlap / union >= SAME_SPAN_OVERLAP


def merge_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Findings with one finding per problem (see the module docstring), sorted by position.

    Both steps sweep the findings in order of position and compare each only with the spans
    still open where it starts, so a document with many findings costs n log n, not n². Work
    is on indexes into the findings in position order, which also breaks ties in precedence.
    """
    ordered = sorted(set(findings), key=lambda f: f.sort_key)
    if len(ordered) < 2:
        return ordered
    rank = [(*precedence(f), i) for i, f in enumerate(ordered)]
    groups = [g for found in _same_span_groups(ordered)
              for g in _by_primary(found, ordered, rank)]
    groups.sort(key=lambda g: rank[g[0]])
    fixes = [_fix_of([ordered[i] for i in g]) for g in groups]
    parent = _containers([ordered[g[0]] for g in groups], fixes)
    members = {r: list(g) for r, g in enumerate(groups) if parent[r] == r}
    for r, group in enumerate(groups):
        if parent[r] != r:
            members[_root(parent, r)].extend(group)
    return [_combine([ordered[i] for i in members[r]], fixes[r])
            for r in sorted(members, key=lambda r: groups[r][0])]


def _same_span_groups(ordered: list[Finding]) -> list[list[int]]:
    """Connected groups of findings on the same span (``same_span``), as indexes."""
    leader = list(range(len(ordered)))

    def find(i: int) -> int:
        while leader[i] != i:
            leader[i] = leader[leader[i]]
            i = leader[i]
        return i

    open_: list[int] = []
    for i, f in enumerate(ordered):
        open_ = [j for j in open_ if ordered[j].end > f.start or ordered[j].start == f.start]
        for j in open_:
            if same_span(ordered[j], f):
                leader[find(i)] = find(j)
        open_.append(i)
    grouped: dict[int, list[int]] = {}
    for i in range(len(ordered)):
        grouped.setdefault(find(i), []).append(i)
    return list(grouped.values())


def _by_primary(found: list[int], ordered: list[Finding],
                rank: Sequence[tuple[object, ...]]) -> list[list[int]]:
    """The best-ranked finding and the other rules' findings on its span; another finding of
    the primary's own rule on that span is the rule's own decision (one sentence flipping
    two earlier ones) and stays a finding of its own."""
    primary, *rest = sorted(found, key=rank.__getitem__)
    code = ordered[primary].code
    return [[primary, *(i for i in rest if ordered[i].code != code)],
            *([i] for i in rest if ordered[i].code == code)]


def _containers(primaries: list[Finding], fixes: list[Fix | None]) -> list[int]:
    """For each group (by its primary), the best-ranked group whose fix deletes the primary's
    text; itself when none does."""
    deletions = sorted((e.start, e.end, j) for j, fix in enumerate(fixes) if fix is not None
                       for e in fix.edits if e.replacement == "" and e.end > e.start)
    parent = list(range(len(primaries)))
    open_: list[tuple[int, int, int]] = []
    k = 0
    for i in sorted(range(len(primaries)), key=lambda i: primaries[i].start):
        inner = primaries[i]
        while k < len(deletions) and deletions[k][0] <= inner.start:
            open_.append(deletions[k])
            k += 1
        open_ = [d for d in open_ if d[1] > inner.start]
        holders = [j for _, end, j in open_ if j != i and inner.end <= end
                   and _longer(primaries[j], inner)]
        if holders:
            parent[i] = min(holders)  # groups are in precedence order: the first wins
    return parent


def _longer(container: Finding, inner: Finding) -> bool:
    """Only a longer span holds another: no cycles, and same-span pairs are merged already."""
    return container.end - container.start > inner.end - inner.start


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:  # a container is always longer than what it holds: no cycles
        i = parent[i]
    return i


def _fix_of(group: list[Finding]) -> Fix | None:
    return next((f.fix for f in group if f.fix is not None), None)


def _combine(group: list[Finding], fix: Fix | None) -> Finding:
    primary, others = group[0], group[1:]
    if not others:
        return primary
    related = list(primary.related)
    seen = {(r.start, r.end, r.path, r.message) for r in related}
    for other in others:
        evidence = [Related(other.start, other.end, f"{other.code}: {other.message}",
                            code=other.code), *other.related]
        for r in evidence:
            key = (r.start, r.end, r.path, r.message)
            if key not in seen:
                seen.add(key)
                related.append(r)
    severity = max(f.severity for f in group)
    return replace(primary, severity=severity, related=tuple(related), fix=fix)
