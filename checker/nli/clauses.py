"""Statements a sentence makes on the side, read out as sentences of their own.

A spun or carelessly edited copy often reverses a claim inside a clause of a longer sentence
("The recovery plan, which the board voted down on Monday, was to be paid for partly from
reserves." against an earlier "The board approved a £9.5 million recovery plan."). The NLI model
reads the whole sentence as being about how the plan was to be paid for and finds no conflict;
read out as "The board voted down the recovery plan on Monday." the same clause contradicts the
earlier sentence plainly. ``statements`` reads out:

- a non-restrictive relative clause with its antecedent: "Ticket holders, who will not receive
  any refund, were told …" -> "Ticket holders will not receive any refund."; "The merger, which
  Brackwell's board rejected on Wednesday, still needs …" -> "Brackwell's board rejected the
  merger on Wednesday."; "The company, whose sales fell, said …" -> "The company's sales fell.";
- a sentence that opens on a subordinate clause, both its halves: "Although the trial did not
  show that patients lived longer, the approval is a full one." -> "The trial did not show that
  patients lived longer." and "The approval is a full one.".

Reported speech is left whole: "A said X" and "B said not X" is two people disagreeing, which the
pair filter tells from a contradiction by the two speakers.

Written as a small grammar of literal markers rather than with a dependency parser: spaCy's
English pipeline takes 1.5 s to load and 23 ms an article to parse here, as much as a whole
check with the model is meant to take, and the markers above are what the cases need. A clause the
grammar cannot read out (an antecedent it cannot find, an object relative whose verb it cannot
place) gives nothing: the sentence is still compared whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from checker.nli.flips import tokens
from checker.nli.lexicon import load_lexicon
from checker.resources import load_lines, load_rows

# ", which", ", who", ", whose": a non-restrictive relative clause (a restrictive "that" clause
# is part of its noun phrase and is read with it)
_RELATIVE = re.compile(r",[ \t]+(which|who|whose)[ \t]+")
# a sentence that opens on a subordinate clause of concession or cause, to its first comma
# ("while", "since", "after" and "as" open phrases of time as often: "While still in reverse,")
_OPENERS = ("although", "though", "whereas", "because")
# words that open a relative clause's own subject ("which the board voted down"): the clause
# is an object relative, and the antecedent goes after its verb
_SUBJECT_OPENERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "he", "she", "it", "they", "we", "i", "you",
})
_AUXILIARIES = frozenset({
    "is", "was", "are", "were", "be", "been", "being", "has", "had", "have", "having", "will",
    "would", "can", "could", "may", "might", "shall", "should", "must", "does", "did", "do",
    "cannot",
})
# verbs in the present that tell an opening with a clause of its own from a noun phrase
_PRESENT_VERBS = frozenset({
    "says", "shows", "tells", "means", "makes", "takes", "gives", "runs", "wants", "needs",
    "knows", "believes", "thinks", "expects", "hopes", "seems", "appears", "remains", "becomes",
    "includes", "claims", "reports", "adds", "admits", "insists", "warns", "argues", "comes",
    "goes", "gets", "puts", "sees", "finds", "leaves", "owns", "holds", "keeps",
})
# adverbs inside a verb group ("which a birdwatcher had first reported")
_ADVERBS = frozenset({"first", "also", "already", "never", "later", "previously", "recently",
                      "originally", "once", "still", "just", "long", "since", "not", "always"})
# ("in", "over", "through" are prepositions as often: "which a ranger spotted in May")
_PARTICLES = frozenset({"down", "up", "out", "off", "back", "aside"})
MIN_PROPOSITION_WORDS = 4
MAX_ANTECEDENT_WORDS = 8
_LEADING = ("but ", "and ", "so ", "yet ", "however, ")


@lru_cache(maxsize=1)
def _irregular_past() -> frozenset[str]:
    """Past forms that do not end in -ed ("paid", "won", "took"): a verb a relative clause's
    subject is followed by. GB106's table of verbs whose past and participle differ gives both
    of its forms; the list beside it, the rest."""
    irregular = {form for row in load_rows("garble", "participles.tsv") for form in row[:2]}
    return frozenset(load_lines("nli", "irregular_past.txt")) | irregular


def _verb(word: str) -> bool:
    """An auxiliary, a past form or a word in -ed, in lower case ("May" is a month)."""
    return word.islower() and (word in _AUXILIARIES or word in _irregular_past()
                               or (len(word) > 4 and word.endswith("ed")))


def _sentence(text: str) -> str:
    text = text.strip().strip(",;:–— ").strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def _clause_end(sentence: str, start: int) -> int:
    """Where a clause that starts at ``start`` ends: its next comma outside brackets and quotes,
    or the sentence's end (less its closing stop)."""
    depth = 0
    quoted = False
    for k in range(start, len(sentence)):
        ch = sentence[k]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in "\"“”":
            quoted = not quoted
        elif ch in ",;" and depth == 0 and not quoted:
            if ch == "," and sentence[k - 1: k].isdigit() and sentence[k + 1: k + 2].isdigit():
                continue  # a thousands separator: "85,000"
            return k
    return len(sentence.rstrip().rstrip(".!?"))


def _antecedent(before: str, first_clause: bool) -> str | None:
    """The noun phrase a relative clause after ``before`` is about: the sentence's whole opening
    when the clause follows its first comma and the opening is a short noun phrase ("The
    recovery plan, which …"), else the name in capitals just before the comma ("… told
    Pennington, who had denied the charge, …")."""
    if first_clause:
        np = before.strip()
        low = np.lower()
        for lead in _LEADING:
            if low.startswith(lead):
                np = np[len(lead):]
                break
        words = np.split()
        if not words or '"' in np or "“" in np:
            return None
        if len(words) <= MAX_ANTECEDENT_WORDS and not any(
                _verb(w) or w in _PRESENT_VERBS for w in words[1:]):
            return np
        # "The magistrate told Hollis, who …": a clause of its own, whose last words may still
        # be a name
    words = before.split()
    run: list[str] = []
    for word in reversed(words):
        if ((word[:1].isupper() and word.rstrip("'’s").isalpha())
                or (run and word in ("of", "and") and len(run) < 4)):
            run.append(word)
        else:
            break
    while run and not run[-1][:1].isupper():
        run.pop()
    if not run or len(run) > 5:
        return None
    if len(run) == len(words):
        return None  # a long opening of names and nothing else: no telling which is meant
    return " ".join(reversed(run))


def _verbish(word: str) -> bool:
    return _verb(word) or word in _PRESENT_VERBS or word in _ADVERBS


def _relative(antecedent: str, pronoun: str, body: str) -> str | None:
    words = body.split()
    if len(words) < 2:
        return None
    np = antecedent
    inner = np[0].lower() + np[1:] if np.split()[0] in ("The", "A", "An") else np
    if pronoun == "whose":
        owner = np + ("’" if np.endswith("s") else "'s")
        return owner + " " + body
    # a subject relative opens on its verb ("who will not receive", "which paid", "who farms");
    # an object relative on its own subject, whose verb comes within a few words ("which the
    # board voted down", "which engineers had said", "which a ranger had first spotted")
    verb_at = next((k for k, w in enumerate(words[:5]) if _verbish(w)), None)
    if verb_at is None or verb_at == 0:
        return np + " " + body
    if verb_at > 3 and not words[0].islower() and words[0].lower() not in _SUBJECT_OPENERS:
        return None  # a name as the clause's subject runs to two or three words
    # the antecedent goes after the verb group and its particle
    end = verb_at
    while (end + 1 < len(words) and words[end] in _AUXILIARIES | _ADVERBS
           and _verbish(words[end + 1])):
        end += 1  # "had first spotted", "has not been": the group runs to its main verb
    if end + 1 < len(words) and words[end + 1] in _PARTICLES:
        end += 1
    if words[end] in _AUXILIARIES or (end + 1 < len(words) and words[end + 1] in _AUXILIARIES):
        # "which the council has", "which engineers had said should be removed": no object to
        # place after the verb
        return None
    return " ".join([*words[: end + 1], inner, *words[end + 1:]])


# What ``core`` takes out of a sentence: an age (", 52,"), an address (", of Fenwick Road,
# Saltmarsh,"), a non-restrictive relative clause, the attribution in front of reported
# speech, and a trailing clause or phrase after a comma ("…, following a five-week trial").
_AGE = re.compile(r",[ \t]\d{1,3},(?=[ \t])")
_ADDRESS = re.compile(
    r",[ \t](?:\d{1,3},[ \t])?of[ \t][A-Z][^,]{1,40},(?:[ \t][A-Z][^,]{1,30},)?(?=[ \t])")
_INNER_RELATIVE = re.compile(r",[ \t](?:which|who|whose)[ \t][^,]{3,120},(?=[ \t])")
_ATTRIBUTION = re.compile(
    r"\A([^,\"“]{1,60}?)[ \t](?:said|says|told[ \t][A-Za-z ]{1,30}?|confirmed|announced|added"
    r"|warned|insisted)(?:[ \t]that)?[ \t](?=[a-z])")
_TRAILING = re.compile(
    r"(?:,[ \t](?:claiming|saying|adding|citing|with|though|although|while|as|after|before"
    r"|which|who|where|when|leaving|according|but|equivalent)|[ \t](?:following|despite))\b")
_PRONOUNS = frozenset({"he", "she", "they", "it"})


def core(sentence: str) -> str:
    """``sentence`` cut to its main statement, for the model, which reads a one-clause sentence
    far better than one that carries ages, addresses, asides and attributions: "Gareth Lowden,
    52, of Fenwick Road, Saltmarsh, was found guilty last month of fraud, following a five-week
    trial." -> "Gareth Lowden was found guilty last month of fraud."; "Ruth Penhaligon said she
    had managed to plant only half of her wheat." -> "Ruth Penhaligon had managed to plant only
    half of her wheat." A cut that leaves under four words is not made."""
    text = _ADDRESS.sub("", sentence)  # with the age before it: ", 52, of Fenwick Road, …,"
    text = _AGE.sub("", text)
    text = _INNER_RELATIVE.sub("", text)
    m = _ATTRIBUTION.match(text)
    if m is not None and len(text[m.end():].split()) >= MIN_PROPOSITION_WORDS:
        speaker = m.group(1).rsplit(", ", 1)[-1]
        rest = text[m.end():]
        head, _, tail = rest.partition(" ")
        if head in _PRONOUNS and tail and speaker[:1].isupper():
            rest = speaker + " " + tail
        text = rest
    m = _TRAILING.search(text)
    if m is not None and len(text[: m.start()].split()) >= MIN_PROPOSITION_WORDS:
        text = text[: m.start()]
    return _sentence(text)


class Statement(NamedTuple):
    text: str  # the statement as a sentence of its own
    own: str  # the clause's own words (a relative clause's, without its antecedent)
    about: str | None  # the last word of a relative clause's antecedent: its head or surname


def statements(sentence: str) -> list[Statement]:
    """The statements ``sentence`` makes in its clauses, each as a sentence of its own (see the
    module's docstring); none for a sentence with no such clause."""
    out: dict[str, Statement] = {}
    if "," not in sentence:
        return []
    sentence = _AGE.sub(",", sentence)  # "Mr Selwood, 63, who …": the name is the antecedent
    low = sentence.lstrip().lower()
    for opener in _OPENERS:
        if low.startswith(opener + " "):
            lead = len(sentence) - len(sentence.lstrip())
            start = lead + len(opener) + 1
            end = _clause_end(sentence, start)
            clause = sentence[start:end].split()
            if not clause or clause[0].lower() == "of" or not any(map(_verb, clause)):
                break  # "Because of defaults by plantation owners, …": no clause of its own
            if end < len(sentence) and sentence[end] == ",":
                for part in (sentence[start:end], sentence[end + 1:]):
                    out.setdefault(_sentence(part), Statement(_sentence(part), part, None))
            break
    for m in _RELATIVE.finditer(sentence):
        before = sentence[: m.start()]
        first_clause = "," not in before
        antecedent = _antecedent(before, first_clause)
        if antecedent is None:
            continue
        end = _clause_end(sentence, m.end())
        body = sentence[m.end(): end].strip()
        proposition = _relative(antecedent, m.group(1), body)
        if proposition is not None:
            text = _sentence(proposition)
            head = antecedent.split()[-1]
            head = head[:-2] if head.endswith(("'s", "’s")) else head.rstrip("'’")
            out.setdefault(text, Statement(text, body, head))
    return [s for s in out.values() if len(s.text.split()) >= MIN_PROPOSITION_WORDS]


def propositions(sentence: str) -> list[str]:
    """The statements of ``statements``, without their clauses' own words."""
    return [s.text for s in statements(sentence)]


def signs_of_conflict(statement: str, other: str, own: str | None = None) -> bool:
    """Could ``statement`` and ``other`` be opposed at all: a denial or refusal on one side only
    (by the parity of the kinds of denial each holds: "will not receive any refund" / "will be
    refunded in full", "the board voted down the plan" / "the board approved the plan": the
    pair filter's list of negative words and phrases), a pair of opposites from the lexicon
    ("approved" / "blocked"), or figures on both sides that differ? With ``own`` (the clause's
    own words), the sign must lie in them: "Larkmoor Events, which runs the festival, …" /
    "The Larkmoor Festival has been cancelled" differ by a denial in the other sentence only,
    and the clause says nothing the cancellation denies.

    A statement read out of a clause is sent to the model only then: such a statement is short
    and sure of itself, and the model, shown two of them about one actor, reads a mere
    difference of detail as a conflict more often than it does with whole sentences."""
    from checker.nli.restate import negative_signs, verb_stem

    words, phrases = negative_signs()
    ta, tb = tokens(statement), tokens(other)
    sa, sb = set(ta), set(tb)
    mine = set(tokens(own)) if own is not None else sa

    def denials(toks: list[str]) -> int:
        joined = f" {' '.join(toks)} "
        return len(words.intersection(toks)) + sum(f" {p} " in joined for p in phrases)

    # one kind of denial against none, or two: "who denied taking it" / "I have never taken it,
    # and I never will" agree
    if denials(ta) % 2 != denials(tb) % 2 and (own is None or denials(tokens(own)) > 0):
        return True
    lex = load_lexicon()
    # an opposite in any tense: "who has admitted arson" / "denies arson"
    stems = {verb_stem(t) for t in sb}
    # (an opposite the statement holds itself is no sign: "the new building has room for
    # fewer pupils than the old school did" / "… part of the new building …")
    if any(verb_stem(o) in stems for w in (sa - sb) & mine for o in lex.flips(w) if o not in sa):
        return True
    # a figure of the same thing that differs: "55 minutes" / "70 minutes", "in 2019" / "in
    # 2021"; not "four churches" / "aged 71"
    counts = lex.counting_words(100)  # "four", not "thousands" ("2,500" / "thousands" agree)
    ma, mb = _measures(ta, counts), _measures(tb, counts)
    return any(unit in mb and value not in mb[unit] and value in mine
               for unit, values in ma.items() for value in values)


def _measures(toks: list[str], counts: dict[str, int]) -> dict[str, set[str]]:
    """Each figure of a sentence's tokens by what it counts: the word after it, or "year" for a
    year ("in 2016")."""
    out: dict[str, set[str]] = {}
    for k, t in enumerate(toks):
        if not (t[:1].isdigit() or t in counts):
            continue
        if len(t) == 4 and t.isdigit() and t[:2] in ("19", "20"):
            unit = "year"
        elif k + 1 < len(toks) and toks[k + 1].isalpha():
            unit = toks[k + 1]
        else:
            continue
        out.setdefault(unit, set()).add(t)
    return out
