"""The rule behaviour the foundation issue names, family by family (rules only).

The registry's own examples run in test_registry.py; these are the cases the issue spells out.
"""

from __future__ import annotations

from typing import Any

import pytest

from checker.config import Settings, settings_from_table
from checker.engine import check_text
from checker.findings import Finding


def _findings(text: str, select: str, table: dict[str, Any] | None = None,
              kind: str = "text") -> tuple[list[Finding], str]:
    settings = settings_from_table({**(table or {}), "select": [select]})
    settings = Settings(**{**settings.__dict__, "use_model": False})
    result = check_text(text, "draft.txt", kind, settings)
    assert result.error is None and result.document is not None
    return result.findings, result.document.text


def _flagged(text: str, select: str, **kw: Any) -> list[str]:
    findings, analysed = _findings(text, select, **kw)
    return [analysed[f.start : f.end] for f in findings if f.code.startswith(select)]


BODY = ("The talks broke down amid a wave of bad feelings about the US presence in Niger, "
        "officials said on Friday.")


# --- spam ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "See also  Kendall Jenner and Bad Bunny reportedly broke up less than 1 year ago",
    "Read: The video appears to show Cam Newton fighting at a youth football event",
    "READ MORE: Russia sends instructors to Niger",
    "Related: Five things to know about the Sahel",
    "You may also like: The ten best beaches in Europe",
    "Advertisement: Doctors hate her! One simple trick to look 20 years younger",
])
def test_injected_related_link_lines(line: str) -> None:
    text = f"{BODY}\n\n{line}\n\n{BODY}\n"
    findings, analysed = _findings(text, "SP")
    spam = [f for f in findings if f.category == "spam"]
    assert len(spam) == 1, [analysed[f.start : f.end] for f in spam]
    assert analysed[spam[0].start : spam[0].end].strip().startswith(line.split()[0])


def test_a_headline_set_alone_as_a_bullet_in_prose_is_a_related_link() -> None:
    from checker.fixes import apply_edits

    teaser = "  • Harbour council agrees first budget in years, fails to settle parking row"
    text = f"{BODY}\n\n{teaser}\n\n{BODY}\n"
    findings, analysed = _findings(text, "SP101")
    assert [analysed[f.start : f.end] for f in findings] == [teaser.strip()]
    fix = findings[0].fix
    assert fix is not None and apply_edits(text, fix.edits) == f"{BODY}\n\n{BODY}\n"
    # a list's items, a bullet that ends as a sentence, or one of figures stay quiet
    items = "\n".join(f"  • Harbour council item {k} agrees a budget" for k in "abc")
    for quiet in (items, "  • The council agreed its first budget in years.",
                  "  • Harbour 2 Dunmore 1 after extra time in the final"):
        assert _flagged(f"{BODY}\n\n{quiet}\n\n{BODY}\n", "SP101") == [], quiet
    # two items in a row under their paragraph are a list of two, not a headline alone
    pair = ("  • The blue one is for glass, cans and plastic\n"
            "  • The brown one is for paper and cardboard")
    assert _flagged(f"{BODY}\n{pair}\n{BODY}\n", "SP101") == []


@pytest.mark.parametrize("line", [
    "  • Get involved #harbourcycling",
    "*Harbour.com uses cookies.Find out more",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    "ARTICLE AD BOX",
    "Find us on Harbour Sports on Facebook Harbour Sports on Twitter",
    "More about Storm, World, Philippines, and Typhoon",
    "Copyright(c) 2024 HarbourNews.com. All Rights Reserved",
    "You are here: Home > News > Harbour",
    "(This story has not been edited by Harbour staff and is auto-generated from a syndicated "
    "feed.)",
])
def test_furniture_of_the_fourteenth_stop_s_pages(line: str) -> None:
    assert _flagged(f"{BODY}\n\n{line}\n\n{BODY}\n", "SP102"), line


def test_a_sentence_about_sponsored_content_is_not_the_label() -> None:
    line = "Advertising from partners brings 10% of revenue, with sites offering sponsored content"
    assert _flagged(f"{BODY}\n\n{line}\n\n{BODY}\n", "SP102") == []
    assert _flagged(f"{BODY}\n\nSponsored Content\n\n{BODY}\n", "SP102")


def test_an_advert_s_marker_run_into_a_paragraph_is_taken_out_of_it() -> None:
    from checker.fixes import apply_edits

    text = (f"{BODY}\n\nArticle continues after this advertisementThe harbour master said the "
            "ferry would sail at noon on Friday, weather permitting.\n\nArticle continues after "
            "this advertisement“We are ready,” he said to reporters at the quay.\n")
    [found], _ = _findings(text, "SP102")
    assert "(2 times)" in found.message and len(found.related) == 1
    assert found.fix is not None
    fixed = apply_edits(text, found.fix.edits)
    assert "advertisement" not in fixed and "\n\nThe harbour master said" in fixed
    assert "\n\n“We are ready,” he said" in fixed


@pytest.mark.parametrize("line", [
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "We use cookies to improve your experience on our site.",
    "Share this article on Facebook Twitter WhatsApp",
    "Sign up for our newsletter",
    "Advertisement",
    "Image caption The harbour wall at high tide on Monday",
    "boats in the harbour on 30 SeptemberImage copyright Harbour Press",
    # a syndicated page's and a video player's furniture
    "Story continues",
    "This advertisement has not loaded yet, but your article continues below.",
    "We apologize, but this video has failed to load.",
    "End of Article",
    "No preview available",
    # widgets, archive labels and links
    "Related Topics",
    "Search This Blog",
    "Category Archives: Theatre Reviews",
    "Topics: #crash #harbour #eyewitness",
    "Tag: Q&A (31-40 of 107)",
    "Read full review",
    "blog comments powered by Disqus",
    "Ad powered by adnetwork.example",
    "Home Blog Page 98",
    "Representational image",
    "Disclaimer: This post has been auto-published from an agency feed without any "
    "modifications to the text and has not been reviewed by an editor",
])
def test_page_boilerplate_lines(line: str) -> None:
    assert _flagged(f"{BODY}\n\n{line}\n\n{BODY}\n", "SP"), line


def test_a_block_of_boilerplate_is_one_finding_with_one_fix() -> None:
    from checker.fixes import apply_edits

    form = "Leave a Reply\n\nYour email address will not be published. Required fields are marked *"
    text = f"{BODY}\n\n{form}\n\n{BODY}\n\nAdvertisement\n"
    findings, analysed = _findings(text, "SP102")
    assert len(findings) == 2  # the comment form, and the label after the story: two blocks
    block, label = findings
    assert analysed[block.start : block.end].startswith("Leave a Reply")
    assert analysed[block.start : block.end].endswith("marked *")
    assert block.message.endswith("'Leave a Reply' (and 1 more line)")
    assert [analysed[r.start : r.end][:10] for r in block.related] == ["Your email"]
    assert block.fix is not None and len(block.fix.edits) == 1
    assert not label.related
    assert apply_edits(text, block.fix.edits) == f"{BODY}\n\n{BODY}\n\nAdvertisement\n"


def test_a_short_line_in_another_script_is_a_scraped_label() -> None:
    for label in ("Мой мир", "完整原文"):
        assert _flagged(f"{BODY}\n\n{BODY}\n\n{label}\n", "SP102") == [label]
    # a name or a phrase in another script inside an English line is no label
    quoted = ("The minister, Sergei Lavrov (Сергей Лавров), spoke first; the sign read "
              "«Добро пожаловать».")
    assert _flagged(f"{BODY}\n\n{quoted}\n\n{BODY}\n", "SP102") == []
    # and a text written in another script is not an English text with a label in it
    russian = "Президент заявил о продлении мер.\n\nМой мир\n\nВласти усилят контроль.\n"
    assert _flagged(russian, "SP102") == []


@pytest.mark.parametrize("prose", [
    "Read the full statement, the ambassador told reporters, before the talks resumed.",
    "Officials said they would see also whether the base could be kept open.",
    "The advertisement campaign cost the ministry more than $2 million last year.",
    "The image caption was wrong, the paper said in a correction on Monday.",
    "Related talks in Washington will continue next week, officials said.",
])
def test_prose_that_looks_like_spam_is_left_alone(prose: str) -> None:
    assert _flagged(f"{BODY}\n\n{prose}\n", "SP") == []


def test_promotional_links_and_the_domain_lists() -> None:
    text = (f"{BODY} Details at https://bit.ly/3xYz and https://news.example.org/a?utm_source=x "
            "and https://www.reuters.com/world/africa/niger-2024-03-17/ and "
            "https://shop.example.com/deal.\n")
    flagged = _flagged(text, "SP103")
    assert any("bit.ly" in f for f in flagged)
    assert any("utm_source" in f for f in flagged)
    assert not any("reuters.com" in f for f in flagged)
    assert not any("shop.example.com" in f for f in flagged)
    denied = _flagged(text, "SP103", table={"spam": {"deny-domains": ["shop.example.com"]}})
    assert any("shop.example.com" in f for f in denied)
    allowed = _flagged(text, "SP103", table={"spam": {"allow-domains": ["bit.ly"]}})
    assert not any("bit.ly" in f for f in allowed)
    # an auto-poster's shortened link back to its source
    assert any("ift.tt" in f for f in _flagged(f"{BODY} from WordPress https://ift.tt/3ekXbqd\n",
                                               "SP103"))


# --- names --------------------------------------------------------------------------------

SEED_NAMES = ("A military coup last July ousted President Mohamed Bassum and installed a "
              "military regime.\n\nMr. Basoom is still under arrest eight months after his "
              "removal.\n\nShe called for a rapid transition to civilian rule and Mr. Basoom.\n")


def test_name_variants_and_the_first_spelling_related() -> None:
    findings, text = _findings(SEED_NAMES, "NM")
    variants = [f for f in findings if f.category == "name"]
    assert variants
    flagged = {text[f.start : f.end] for f in variants}
    related = {text[r.start : r.end] for f in variants for r in f.related}
    assert {"Bassum", "Basoom"} <= flagged | related
    assert all(f.related for f in variants)


@pytest.mark.parametrize("mention", ["Ms. Merkle", "Later Merkle", "Then Merkle"])
def test_minority_spelling_is_reported_with_the_majority_related(mention: str) -> None:
    """A sentence-initial adverb before a surname is not a first name."""
    text = ("Angela Merkel spoke first.\n\nMerkel said the talks would go on.\n\n"
            f"{mention} left the room.\n\nMerkel did not comment.\n")
    findings, analysed = _findings(text, "NM101")
    assert [analysed[f.start : f.end] for f in findings] == ["Merkle"]
    assert {analysed[r.start : r.end] for r in findings[0].related} <= {"Merkel"}


def test_truncated_name() -> None:
    text = ("The Wagner Group, whose military company was headed by Yevgeny V, whose mercenaries "
            "spread across Africa.\n")
    assert _flagged(text, "NM102") == ["Yevgeny V"]


def test_a_section_or_a_function_word_before_a_letter_is_no_cut_name() -> None:
    text = ("Writers for Double X, whose readers are mostly women, disagreed.\n\n"
            "The X, which launched in May, has a bigger screen. Fans of Generation Z, who "
            "grew up online, bought it.\n\nIt was designed by Anna K, who led the team.\n")
    assert _flagged(text, "NM102") == ["Anna K"]
    # a committee, a panel or a region lettered as one of a set
    lettered = ("Senators met in Committee F on Tuesday, and Panel B heard the appeal.\n\n"
                "Prices rose fastest in Region C, the report said.\n")
    assert _flagged(lettered, "NM102") == []
    # a word with a lone capital twice, or with two different capitals, is a model or a series
    models = ("The phone takes on the Moto X, and it undercuts the Moto G by a wide margin.\n\n"
              "The Veloster N, which we drove in May, is quick. The Veloster N, too, is loud.\n")
    assert _flagged(models, "NM102") == []
    assert _flagged("The phone takes on the Moto G, and it is cheap.\n", "NM102") == ["Moto G"]
    # an X is taken on purpose: a rapper's, an activist's, a generation's (batch Q)
    assert _flagged("Grammy winner Lil Nas X and the singer Usher, who performed, and Malcolm "
                    "X, whose speech was read.\n", "NM102") == []
    # a stage name that ends in a letter
    assert _flagged("Cardi B and Offset have split, the rapper said.\n", "NM102") == []
    assert _flagged("The bill had LL Cool J, Kenny G and Booker T and the MGs on it.\n",
                    "NM102") == []


def test_a_name_beside_a_common_word_of_a_title_is_no_variant() -> None:
    # "Crown" is a common English word, here a title's; "Creon" a character
    text = ("Sophie Okafor (The Hollow Crown) stars in this new production of the tragedy.\n\n"
            "Fearing a plot of revenge, Creon, her former lover, banishes Medea from the city.\n")
    assert _flagged(text, "NM101") == []
    # two rarer spellings of one man are still one name spelled two ways
    slip = ("Harbour Sound's managing director David Monteith says the firm is the only one. "
            "\"It is a first,\" said Mr Monteith.\n\nMr Montieth says the sound is clear.\n")
    assert _flagged(slip, "NM101") == ["Montieth"]


def test_a_famous_name_once_beside_a_rarer_one_throughout_is_two_people() -> None:
    # the web writes "Ronaldo" far more often than "Rinaldi": two men, not a slip (BBC sport)
    text = ("Inter director Marco Rinaldi said the striker was not for sale.\n\n"
            "Madrid see him as a natural replacement for his compatriot Ronaldo. But Rinaldi "
            "said: \"No price would be enough.\" Mr Rinaldi added that talks had not begun.\n")
    assert _flagged(text, "NM101") == []
    # a rare slip of a famous name is still a slip
    slip = ("Ronaldo scored twice. Madrid's Ronaldo now has 30 goals, and Ronalod has one more "
            "game to play.\n")
    assert _flagged(slip, "NM101") == ["Ronalod"]


def test_a_given_name_before_a_surname_s_particle_is_no_spelling_of_a_surname() -> None:
    # "Robin" is the given name of "Robin van Persie", not a spelling of "Robben" (BBC sport)
    text = ("One chance came from the enigmatic Robben when he jinked past two defenders. "
            "Substitute Robin van Persie then hit the bar.\n\n"
            "Chelsea: Cech, Terry, Gallas, Duff, Makelele, Lampard, Robben, Gudjohnsen.\n")
    assert _flagged(text, "NM101") == []


def test_two_known_surnames_after_two_common_given_names_are_two_people() -> None:
    # "David" is as common on the web as a word, yet a given name: two men (BBC entertainment)
    text = ("Comedians Matt Lucas and David Walliams presented the prize to Robbie Williams.\n\n"
            "Williams said the song had changed his life, and Robbie Williams thanked fans.\n")
    assert _flagged(text, "NM101") == []
    # a slip the web has never seen, after another given name, is still a slip
    slip = ("Tory leader Michael Howard spoke first. Mr Howard said tax would fall.\n\n"
            "Australia's prime minister John Howad later met Mr Howard in London.\n")
    assert _flagged(slip, "NM101") == ["Howad"]


def test_a_people_s_word_is_no_spelling_of_a_surname() -> None:
    # "Welsh" names a people, not a person: "Walshe" is no slip for it (BBC sport)
    text = ("Bath need experienced cover for scrum-half Tom Walshe this winter.\n\n"
            "His contract with the Welsh region runs out in June, and the Welsh side want him "
            "back.\n")
    assert _flagged(text, "NM101") == []


def test_a_name_inflected_in_a_quoted_phrase_of_another_language_is_no_variant() -> None:
    text = ("Troops in Ukraine held the line. The president of Ukraine spoke on Monday.\n\n"
            "He said: \"I told them 'Slava Ukraini' (Glory to Ukraine)\", and left.\n")
    assert _flagged(text, "NM101") == []
    slip = ("Troops in Ukraine held the line. The president of Ukraine spoke on Monday.\n\n"
            "Aid to Ukraini arrived on Tuesday.\n")
    assert _flagged(slip, "NM101") == ["Ukraini"]


def test_authors_of_a_reference_list_are_not_truncated_names() -> None:
    text = ("The study of ferry crossings was cited twice.\n\n"
            "- 1. Okafor T, Lindqvist M, Brandt S, et al. Harbour traffic in winter. "
            "Transp Rev. 2019;4:11-20.\n"
            "- 2. Mensah K, Duarte P. Ferry delays and rainfall. J Coast Stud. 2021;7:3-9.\n"
            "- 3. Ruiz-Carr AB ,Holm J ,et al . Tides and timetables.\n\n"
            "The operator was headed by Tomas K, whose brother founded it.\n")
    assert _flagged(text, "NM102") == ["Tomas K"]


def test_vocabulary_spelling() -> None:
    text = "A coup ousted President Mohamed Bassum last July.\n"
    assert _flagged(text, "NM103") == []
    flagged = _flagged(text, "NM103", table={"names": {"vocabulary": ["Mohamed Bazoum"]}})
    assert flagged == ["Bassum"]


@pytest.mark.parametrize("text", [
    # different people who share a surname pattern
    "John Smith met Jane Smith in Niamey.\n\nLater, Mr. Smith and Ms. Smith flew home.\n",
    "Kim Jong Un met Kim Yo Jong.\n\nKim Jong Un spoke first.\n",
    "Tom Jones and Tim Jonas both spoke.\n\nMr. Jones left early; Mr. Jonas stayed.\n",
    # names that differ by design
    "Burkina Faso and Mali sought help.\n\nHe checked his mail before leaving for Mali.\n",
    "Troops left Mali and Niger.\n\nNigeria and Niger share a border.\n",
    "Austria and Australia sent envoys.\n\nAustria later withdrew.\n",
])
def test_names_that_are_not_variants(text: str) -> None:
    assert _flagged(text, "NM") == []


# --- typography ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "code", "snippet"), [
    ("It has recently been considered a pariah in the region. .\n", "TY101", ". ."),
    ("He wrote, “The ordinary people will bear the brunt of it.\n\nThe talks ended.\n",
     "TY102", "“"),
    ('She said "we will not leave. The meeting ended.\n\nOfficials left.\n', "TY102", '"'),
    ("The agency (which was founded in 1990 said nothing.\n", "TY103", "("),
    ("The agency was founded in 1990) and said nothing.\n", "TY103", ")"),
    ("The the troops will leave.\n", "TY104", "The the"),
])
def test_typography(text: str, code: str, snippet: str) -> None:
    assert any(s.startswith(snippet) for s in _flagged(text, code)), _flagged(text, "TY")


def test_wire_copy_s_ascii_quotation_marks_close_and_open() -> None:
    text = ("The chief executive calls the phone \"more fun and colorful'' than any other.\n\n"
            "``We will stay,'' the minister said.\n\nThe talks ended.\n")
    assert _flagged(text, "TY102") == []
    assert _flagged("He said \"more fun and colorful than any other.\n\nThe talks ended.\n",
                    "TY102") == ['"more fun and colorful than any other.']


def test_a_quotation_or_bracket_in_the_last_paragraph_of_a_cut_off_text() -> None:
    opened = "The talks ended.\n\nThe minister told reporters, “We will stay until the work"
    bracket = "The talks ended.\n\nThe agency (founded in 1990 by the three harbour"
    # the text stops mid-sentence (an excerpt, a feed item): the close may be in what was cut
    for text in (opened, opened + " …"):
        assert _flagged(text + "\n", "TY102") == [], text
    for text in (bracket, bracket + "..."):
        assert _flagged(text + "\n", "TY103") == [], text
    # ended as a text ends, or opened before the last paragraph: still reported
    assert _flagged(opened + ".\n", "TY102") == ["“We will stay until the work."]
    assert _flagged(bracket + " towns.\n", "TY103") == ["("]
    earlier = "He wrote, “We will stay.\n\nThe minister told reporters that the work"
    assert _flagged(earlier + "\n", "TY102") == ["“We will stay."]


def test_a_quotation_broken_over_short_paragraphs_is_read_as_one() -> None:
    broken = ('The two managers did not shake hands after the match.\n\nHart said: "The '
              'words\n\nsaid on the touchline did not\n\nwarrant a sending-off for either of '
              'us."\n\nThe league will look into it.\n')
    assert _flagged(broken, "TY102") == []
    # a paragraph that ends as a sentence ends does not run on, even before a lower-case one
    ended = 'Hart said: "The words were harsh.\n\nand the league will look into it.\n'
    assert _flagged(ended, "TY102") == ['"The words were harsh.']


# --- garble -------------------------------------------------------------------------------

def test_same_actor_on_both_sides() -> None:
    text = ("Kurt M. Campbell told Niger's prime minister that the U.S. does not accept the U.S. "
            "turning to Russia for protection.\n")
    flagged = _flagged(text, "GB")
    assert flagged and "U.S." in flagged[0]


def test_different_actors_are_not_garble() -> None:
    text = ("Kurt M. Campbell told Niger's prime minister that the U.S. does not accept Niger "
            "turning to Russia for protection.\n")
    assert _flagged(text, "GB") == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("Six more patients have been took to the hospital, officials said.\n", ["took"]),
    ("The minister has went to Brussels, and the report was wrote by aides.\n",
     ["went", "wrote"]),
    ("Having never spoke to him, she had already drew her conclusions.\n", ["spoke", "drew"]),
    ("They’ve forgot the rules.\n", ["forgot"]),
    # a past form that is also a noun or colloquial after "be": flagged after "have" only
    ("He was saw mill owner Andrew Packard, and the price was rose by the dealer.\n", []),
    ("Mugabe rebuked him, as the government was broke.\n", []),
    ("The window had broke in the storm.\n", ["broke"]),
    ("The patients have been taken to hospital; the minister went home and took no calls.\n",
     []),
    ("Has Drew Barrymore's film been shown? The boss's went missing.\n", []),
])
def test_a_simple_past_where_the_participle_belongs(text: str, flagged: list[str]) -> None:
    assert _flagged(text, "GB106") == flagged


def test_the_participle_fix_is_unsafe_and_names_the_participle() -> None:
    findings, _ = _findings("Six patients have been took to hospital.\n", "GB106")
    (finding,) = findings
    assert finding.message == "'took' after 'been': the participle is 'taken'"
    assert finding.fix is not None and finding.fix.applicability.value == "unsafe"
    assert [e.replacement for e in finding.fix.edits] == ["taken"]


# --- numbers ------------------------------------------------------------------------------

def test_the_same_quantity_with_different_values() -> None:
    text = ("More than 1,000 troops will leave Niger in the coming months.\n\n"
            "Officials said about 1,100 troops would leave by September.\n")
    findings, _ = _findings(text, "NU")
    assert findings, "1,000 troops vs 1,100 troops"
    assert all(f.category == "number" for f in findings)
    assert any(f.related for f in findings)


def test_the_same_quantity_stated_consistently() -> None:
    text = ("More than 1,000 troops will leave Niger.\n\n"
            "The 1,000 troops will leave by September, and 100 Russian instructors arrived.\n")
    assert _flagged(text, "NU") == []


@pytest.mark.parametrize(("first", "second", "flagged"), [
    ("nearly 500,000 people have died", "more than 498,000 people have died", False),
    ("more than 498,000 people have died", "almost 500,000 people have died", False),
    ("fewer than 400 people have died", "more than 450 people have died", True),
    ("nearly 500,000 people have died", "nearly 460,000 people have died", True),
    ("500,000 people have died", "more than 480,000 people have died", True),
])
def test_two_bounds_that_leave_room_between_them_can_both_hold(first: str, second: str,
                                                               flagged: bool) -> None:
    text = (f"Globally, {first}, Johns Hopkins University said.\n\n"
            f"Globally, {second}, according to Johns Hopkins University.\n")
    assert bool(_flagged(text, "NU101")) is flagged


def test_dates_that_cannot_both_hold() -> None:
    text = ("The coup took place on July 26, 2023.\n\n"
            "Since the coup on July 28, 2023, troops have been inactive.\n")
    assert _flagged(text, "NU"), "the same event on two different dates"


def test_an_obfuscated_advert_is_one_finding_per_paragraph() -> None:
    advert = "\u0410dv\u0435rt\u0456\u0455\u0435 w\u0456th th\u0435 b\u0435st n\u0435ws s\u0456te."
    text = (f"The ferry resumed on Monday.\n\n{advert} Call us today.\n\n"
            "The harbour reopened. S\u0435e the timetable.\n")
    findings, analysed = _findings(text, "SP104")
    assert [analysed[f.start:f.end] for f in findings] == ["\u0410dv\u0435rt\u0456\u0455\u0435",
                                                          "S\u0435e"]
    first, second = findings
    assert first.message == ("6 words in this paragraph mix Latin and look-alike letters: "
                             "'\u0410dv\u0435rt\u0456\u0455\u0435', 'w\u0456th', 'th\u0435', "
                             "'b\u0435st' and 2 more")
    assert [analysed[r.start:r.end] for r in first.related] == [
        "w\u0456th", "th\u0435", "b\u0435st", "n\u0435ws", "s\u0456te"]
    assert not second.related
    assert second.message == "'S\u0435e' mixes Latin and look-alike letters"


def test_each_inline_marker_is_looked_for_only_where_its_plain_words_are() -> None:
    from checker.rules.screen import required_substrings
    from checker.rules.spam import _inline_markers

    assert required_substrings(
        "(?:Article|Story) continues (?:after|below) (?:this )?advertisement") == {"advertisement"}
    assert required_substrings("By clicking [‘'\"“]?(?:Allow|Accept)\\b") == {"by clicking "}
    assert required_substrings("Sign ups? now") == {"sign up now", "sign ups now"}
    for needs, pattern in _inline_markers():  # every shipped marker has words to look for
        assert needs is not None and min(map(len, needs)) >= 5, pattern.pattern


def test_an_ai_disclaimer_run_into_a_paragraph_is_page_furniture() -> None:
    text = (f"{BODY}\n\nThis article was created by AI summarizing key points discussed. AI makes "
            "mistakes, so for full details and context, please refer to the video of the "
            "meeting.\n\n" + BODY + "\n")
    [found], _ = _findings(text, "SP102")
    assert found.message.startswith("page furniture run into the text")
    assert "This article was created by AI" in found.message


def test_an_advert_s_bare_label_run_into_a_paragraph_is_no_teaser() -> None:
    glued = "Advertisement The restorers found a signature under the paint, dated 1764."
    assert _flagged(f"{BODY}\n\n{glued}\n\n{BODY}\n", "SP101") == []
