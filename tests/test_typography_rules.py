"""TY103 and TY104 on list-like and informal text: smileys and listing lines are not slips."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import check_text
from checker.findings import Severity
from checker.fixes import apply_edits


def _found(text: str, code: str) -> list[str]:
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=(code,)))
    return [text[f.start:f.end] for f in result.findings]


def test_a_smiley_is_not_a_bracket_but_a_real_unclosed_bracket_still_is() -> None:
    assert _found("Both sides are happy with the draw :-) and so are we.", "TY103") == []
    assert _found("A sad night for the fans :( after the late goal.", "TY103") == []
    assert _found("The club (founded in 1887 said :-) nothing more.", "TY103") == ["("]
    assert _found("The club said nothing more) after the meeting.", "TY103") == [")"]


def test_a_numbered_item_opening_its_own_paragraph_is_not_a_stray_bracket() -> None:
    digest = ("Top stories this morning:\n\n1) 👉 The river burst its banks at dawn. [Wire]\n\n"
              "2) The strike ends (for now) on Friday.\n\nb) Second thoughts on the budget.\n\n"
              "2-a)This error was corrected.\n")
    assert _found(digest, "TY103") == []
    assert _found("Top stories:\n\n1) The river rose.\n\nThe strike ends) on Friday.\n",
                  "TY103") == [")"]


def test_a_new_line_starting_with_a_capital_is_not_a_repeated_word() -> None:
    listing = "Quiz Night\n8pm, Channel Two\nTwo teams of four answer questions on pop music.\n"
    assert _found(listing, "TY104") == []
    # a slip across a wrapped line, or on one line, is still found
    assert _found("The minister said the\nthe talks would resume.", "TY104") == ["the\nthe"]
    assert _found("Two Two teams of four answer questions.", "TY104") == ["Two Two"]


def test_a_whistle_written_twice_is_not_a_slip() -> None:
    assert _found("Peep peep! The referee ends it and the home side have won.", "TY104") == []
    # a speaker's doubled greeting, kept verbatim by a transcript
    assert _found("MOLLY: Hello hello hello!\nKATHY: Hi Molly.", "TY104") == []
    # an intensifier a speaker doubles
    assert _found('He said: "Kyren is a top top player and really really hungry."', "TY104") == []
    assert _found("She said the the deal was done.", "TY104") == ["the the"]
    # a quoted title; but a function word doubled after a quotation mark is still a slip
    assert _found("The crowd sang “Glory Glory Harbour City” all night.", "TY104") == []
    assert _found("He said “The The troops will stay.”", "TY104") == ["The The"]


def test_a_shout_spelled_letter_by_letter_is_not_a_repeated_word() -> None:
    assert _found("89' G O O O A A A L - Traore scores for Lyon!", "TY104") == []
    assert _found("She bought a a new car on Monday.", "TY104") == ["a a"]


def test_a_comma_run_into_a_full_stop_is_doubled_punctuation() -> None:
    text = "He ran yet another single,. The over ended."
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY101",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == ",."
    assert finding.fix is not None
    (edit,) = finding.fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == (
        "He ran yet another single. The over ended.")
    # a comma before an ellipsis or a decimal is not one
    assert _found("He paused,... then went on. It was 3,.5 no.", "TY101") == []


def test_a_question_ended_twice_is_two_marks_run_together() -> None:
    text = "Is it fair to hold a high-profile harbour pilot?. The board met on Monday."
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY101",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == "?." and finding.fix is None
    # after a title ("Why Him?."), before an ellipsis, or in a link it is left alone
    assert _found("It beat Why Him?. Sing came second. Why?... Ask at site.com/a?.b", "TY101") == []


def test_two_different_marks_run_together_are_found_without_a_fix() -> None:
    text = ("The shop trades as Harbour Gifts,; we make cards. Answer: Syrinx. ,the pipe. "
            "An over thrown lineout;. Then a try.")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY101",)))
    assert [text[f.start:f.end] for f in result.findings] == [",;", ". ,", ";."]
    assert all(f.fix is None and "two marks" in f.message for f in result.findings)
    # an abbreviation's full stop before a comma, an initial's, and a list's "., " are fine
    assert _found("Harbour Ltd., the owner, and J. R. Smith, the chair, met.", "TY101") == []
    assert _found("We went to the caf&#233;, then home; and, later, out.", "TY101") == []
    assert _found("It will be pass&#233;. Or the caf&eacute;.", "TY101") == []


def test_a_quoted_title_may_double_even_a_function_word() -> None:
    assert _found("The “Last Last” hitmaker topped the list.", "TY104") == []
    assert _found("He sang “the the” twice, and THE THE report was out.", "TY104") == [
        "the the", "THE THE"]


def test_a_quotation_runs_over_an_advert_s_label_into_its_next_paragraph() -> None:
    text = ("Ms Reyes added: “The harbour board has seen the posts on social media.\n\n"
            "Hide Ad\nHide Ad\n\n“She told the court she had been harassed.”\n")
    assert _found(text, "TY102") == []
    # an opening mark typed where the closing one belongs closes the quotation
    assert _found("The case goes to the harbour police “for a discreet investigation“.\n",
                  "TY102") == []
    assert _found("He said “we will “win” the cup.", "TY102") == []
    # a paragraph of prose between is no furniture: the first quotation was never closed
    prose = text.replace("Hide Ad\nHide Ad", "The court then rose for lunch at one.")
    assert _found(prose, "TY102") == ["“The harbour board has seen the posts on social media."]


def test_a_quotation_cut_at_an_ellipsis_or_closed_the_wrong_way_round_is_no_slip() -> None:
    assert _found("She told the Gazette: “If I have ever met anyone…\n\nRead More\n", "TY102") == []
    # a list of teasers, each cut at its length on a line of its own, the next one's date under it
    teasers = ("Mary knew what the disease would do but she said, “I...\n"
               "Thursday, Dec. 28, 2017 12:04 am\nIt is our tradition to look back at the year.\n")
    assert _found(teasers, "TY102") == []
    [found] = _found(teasers.replace("“I...", "“I knew."), "TY102")
    assert found.startswith("“I knew.")
    assert _found("“We help those who cannot fetch water, “she said, noting the bills.\n",
                  "TY102") == []
    assert _found("Notes: they cannot fetch water, “she said.\n", "TY102") == []
    # a continuation opened with the closing mark goes on with the quotation
    text = "He said: “We will not go.\n\n”Even if we lose, we stay.”\n"
    assert _found(text, "TY102") == []
    # but a quotation left open before plain prose is still found
    assert _found("He said: “We will stay.\n\nThe ferry left at noon.\n", "TY102") == [
        "“We will stay."]


def test_a_quotation_whose_closing_mark_was_lost_before_its_speaker_is_found() -> None:
    # '"… could help us, she said. "If …': the speaker told, a second quotation opened, and the
    # first never closed (straight marks pair up, so the count alone does not show it)
    lost = ('"We are keen to identify these men because they may have information that could '
            'help us, she said. "If you recognise them, please get in touch."')
    assert _found(lost, "TY102") == [lost[:60]]
    # closed before the speaker, or a word quoted inside a quotation: no finding
    assert _found(lost.replace("help us, she", 'help us," she'), "TY102") == []
    assert _found('"I told him "no" and left," she said.', "TY102") == []
    # a spun copy's speaker "stated"
    spun = ('"I already work two part-time jobs to cover my rent, Osei stated. "If fees go up, I '
            'do not know if I can finish my degree."')
    assert _found(spun, "TY102") == [spun[:60]]
    # the speaker after the verb, with more said of them before the next quotation
    inverted = ('"Coffee is today the backbone of our rural economy, said Agnes Mugisha, the '
                'commissioner for crops, at the launch in Kampala. "More than a million '
                'households depend on it."')
    assert _found(inverted, "TY102") == [inverted[:60]]
    assert _found(inverted.replace("economy, said", 'economy," said'), "TY102") == []


def test_a_quotation_closed_and_never_opened_is_found() -> None:
    text = ("Parents were angry on Monday.\n\n"
            "We were surprised that the district offered so little,” the union's president said.")
    assert _found(text, "TY102") == [
        "We were surprised that the district offered so little,”"]
    # an inch mark typed as a closing quote closes nothing
    assert _found("The phone has a 4.3” screen and the tablet a 10” one.", "TY102") == []
    assert _found("Our aim has been that the station has a show 24/7” the manager said.",
                  "TY102") == ["Our aim has been that the station has a show 24/7”"]
    # a quotation that runs on from the paragraph before is closed where it ends; its opening
    # paragraph is reported at information level, for the reopening mark the next one lacks
    runs_on = ("She said: “The district offered very little.\n\n"
               "We will strike on Tuesday,” she added.")
    result = check_text(runs_on, "d.txt", "text", Settings(use_model=False, select=("TY102",)))
    assert [(f.message, f.severity) for f in result.findings] == [
        ("quotation runs on into the next paragraph, which does not open with a quotation "
         "mark", Severity.INFO)]
    # with prose between that closes nothing, it is never closed
    apart = runs_on.replace("\n\n", "\n\nThe talks ended at noon.\n\n")
    result = check_text(apart, "d.txt", "text", Settings(use_model=False, select=("TY102",)))
    assert [f.message for f in result.findings][:1] == ["quotation opened here is never closed"]
    # a paragraph with straight marks, which may open or close, is not judged
    assert _found('He said "no" and left, then “yes” and “maybe.”', "TY102") == []


def test_two_articles_in_a_row_and_is_is_after_a_name_are_slips() -> None:
    assert _found("He would be a the oldest first-term president.", "TY104") == ["a the"]
    assert _found("Jockey Charlie Deutsch is is being treated.", "TY104") == ["is is"]
    # "is is" after a clause that is its subject is meant; a text cut off mid-word is not a slip
    for clean in ("What it is is a trap.", "The thing is is that nobody knew.",
                  "Under Plan A the council pays.", "Not sure I followed the logic of the an",
                  "The state will bring forward a A$45m programme."):
        assert _found(clean, "TY104") == [], clean
    assert _found("The state will bring forward a a programme.", "TY104") == ["a a"]
    # a verb's particle, then when: "turned on on Wednesday"
    assert _found("The water will be turned on on Wednesday 1 April.", "TY104") == []
    assert _found("He relied on on the advice of friends.", "TY104") == ["on on"]


def test_a_spaced_ellipsis_and_a_cricket_over_s_dot_balls_are_not_doubled_stops() -> None:
    for clean in ("The member said . . . that the bill would pass.",
                  "Next page . . . . Previous page",
                  "Recent overs : . . w . . . | . . . 4 . ."):
        assert _found(clean, "TY101") == [], clean
    assert _found("It was pariah in the region. . Then it changed.", "TY101") == [". ."]


def test_an_ordinal_with_the_wrong_suffix_is_found_and_stone_is_not() -> None:
    text = "Held on 30th and 31th January; ends Tuesday 23th July; the 12nd and 13rd heats."
    assert _found(text, "TY105") == ["31th", "23th", "12nd", "13rd"]
    assert _found("80st-83rd minutes: Emerton shoots.", "TY105") == ["80st"]
    assert _found("He's 5ft 8in and 12st, and 21st, 22nd, 111th and 2nd.", "TY105") == []
    # a superscript before the figure is no digit of it; other scripts' digits are
    assert _found("Flat 5²3rd floor, and ٣١th May.", "TY105") == ["٣١th"]


def test_a_fix_writes_the_right_suffix() -> None:
    result = check_text("It ends on 31th May.", "d.txt", "text",
                        Settings(use_model=False, select=("TY105",)))
    (finding,) = result.findings
    assert finding.fix is not None and [e.replacement for e in finding.fix.edits] == ["st"]


def test_mojibake_is_found_with_ftfys_repair_and_real_accents_are_not() -> None:
    text = "Itâ€™s a lovely day at the cafÃ©.\n\nIn the men's race, the ├╝berbiker pack went.\n"
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY106",)))
    # one finding a document, its other garbled words related, and one fix for them all
    (finding,) = result.findings
    assert text[finding.start:finding.end] == "Itâ€™s"
    assert [text[r.start:r.end] for r in finding.related] == ["cafÃ©.", "├╝berbiker"]
    assert "(and 2 more on 2 lines in all)" in finding.message
    assert finding.fix is not None
    assert [e.replacement for e in finding.fix.edits] == ["It’s", "café.", "überbiker"]
    one_line = check_text("Itâ€™s a lovely day at the cafÃ©.", "d.txt", "text",
                          Settings(use_model=False, select=("TY106",))).findings
    assert "(and 1 more on this line)" in one_line[0].message
    clean = ("Beyoncé and the Zürich café’s “naïve” menu — £5 – ok.\n\n├── src\n└── tests\n"
             "Москва и Αθήνα.")
    assert _found(clean, "TY106") == []
    # a font's private encoding that no decoding repairs is found, with no fix offered
    (finding,) = check_text("Hindi in a legacy font: +ÉvªÉFÉ àÉcÉänªÉÉ : càÉ ãÉÉäMÉ VÉÉÒ®Éä.",
                            "d.txt", "text",
                            Settings(use_model=False, select=("TY106",))).findings
    assert finding.fix is None
    # UTF-8 read as Central European Windows-1250; Romanian's own capital A with breve is no
    # mojibake
    fixes, fixed = _found_and_fixed("The cyclone reached La RĂ©union on Monday.", "TY106")
    assert fixes == ["RĂ©union"] and "La Réunion" in fixed
    assert _found("ĂSTA e bine, a spus primarul din Brăila.", "TY106") == []


def test_punctuation_read_as_chinese_or_thai_is_mojibake() -> None:
    from checker.fixes import apply_edits

    text = ("\u9225\u6df2e have never had a harbour festival,\u9225 she said. People just "
            "don\u9225\u6a9b come any more.")
    (finding,) = check_text(text, "d.txt", "text",
                            Settings(use_model=False, select=("TY106",))).findings
    assert finding.fix is not None and len(finding.related) == 2
    assert apply_edits(text, finding.fix.edits) == (
        "\u201cWe have never had a harbour festival,\u9225 she said. People just don\u2019t "
        "come any more.")  # the lone mark lost its last byte: found, not repaired
    thai = "The agency\u0e42s spokesman said the dam would hold.\u0e42 He left."
    (finding,) = check_text(thai, "d.txt", "text",
                            Settings(use_model=False, select=("TY106",))).findings
    assert finding.fix is None and len(finding.related) == 1
    # a quotation mark's second byte read as Windows-1252's euro sign after the Thai letter
    quoted = ("Friends paid tribute.\n\u0e42\u20ac\u0153He was truly one of a kind,\u0e42\u20ac "
              "one friend said. \u0e42\u20ac\u0153Victor had a way with people.\n")
    (finding,) = check_text(quoted, "d.txt", "text",
                            Settings(use_model=False, select=("TY106",))).findings
    assert quoted[finding.start:finding.end] == "\u0e42\u20ac\u0153" and len(finding.related) == 2
    # a page written in Chinese or Thai is no mojibake
    assert _found("\u9225\u6df2\u5e74\u4e2d\u56fd\u4eba\u6c11 and ok", "TY106") == []
    assert _found("\u0e42\u0e23\u0e07\u0e40\u0e23\u0e35\u0e22\u0e19 Bangkok", "TY106") == []


def test_a_numbered_question_and_a_flattened_results_table_are_no_slips() -> None:
    qa = "1.) What has been your career highlight so far?\n\n2.) Who were your heroes?\n"
    assert _found(">1) What is your full name?\n>2)What is the title of your job?\n", "TY103") == []
    assert _found(qa, "TY103") == []
    table = ("Teams Winner Final Score Dunmore vs. Eastvale Eastvale 28-0 Harlow vs. Kirkby "
             "Harlow 14-7")
    assert _found(table, "TY104") == []
    assert _found("The result: Eastvale won. Eastvale Eastvale beat them.", "TY104") == [
        "Eastvale Eastvale"]


def test_words_run_together_where_a_scraper_lost_the_space() -> None:
    from checker.fixes import apply_edits

    text = ("Labour are defending 1,535 seatsThe Conservatives are defending 1,136 seatsThe "
            "Lib Dems are defending 484.\n\nShare this articleClose\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY107",)))
    # a page that lost its line breaks: one finding, the other places related, one fix
    [found] = result.findings
    assert text[found.start:found.end] == "seatsThe"
    assert "(and 2 more places: 'articleClose')" in found.message
    assert [text[r.start:r.end] for r in found.related] == ["seatsThe", "articleClose"]
    assert found.fix is not None
    fixed = apply_edits(text, found.fix.edits)
    assert fixed.count("seats The") == 2 and "article Close" in fixed
    twice = check_text("Labour won 23 seatsThe party and 40 seatsThe rest.", "d.txt", "text",
                       Settings(use_model=False, select=("TY107",))).findings
    assert len(twice) == 1 and "(2 times)" in twice[0].message
    # brands, names and code names glue words on purpose; a handle, a tag or a link is no prose
    quiet = ("She paid with PayPal, sold on eBay and posted on YouTube from her iPhone. Ron "
             "DeSantis ate at McDonald's. Follow @harbourNews and #harbourWeek or see "
             "harbour.com/newsRoom today.")
    assert _found(quiet, "TY107") == []
    # a template variable's name is code (SP105's leftover markup), not two words glued
    assert _found("The vote is in March. {{ remainingArticles }} left. {% relatedPosts %}",
                  "TY107") == []
    assert _found("{{ x }} Share this articleClose", "TY107") == ["articleClose"]
    # a site's ad slot in single braces, "{googleAds}", is a tag too; not a word in a sentence
    assert _found("The vote is in March.\n{googleAds}\nTurnout was high.", "TY107") == []
    assert _found("The vote is {in March} and googleAds ran.", "TY107") == ["googleAds"]
    # a glossary's tooltip run into the text, opening on "A"; not a vitamin or a grade
    assert _found("It funds youth projectsA piece of work that delivers an output.",
                  "TY107") == ["projectsA"]
    assert _found("Take vitamin A daily. The projects A and B were funded.", "TY107") == []


def test_to_to_after_a_relative_clause_is_meant() -> None:
    # the first "to" ends the clause ("somebody that I run to"), the second opens its purpose
    text = "There is always somebody that I run to to talk to, the singer said."
    assert _found(text, "TY104") == []
    assert _found("He wanted to to go home.", "TY104") == ["to to"]
    assert _found("The man who went to to the harbour left.", "TY104") == ["to to"]
    # "that" opening what was said, and "to" then a set phrase's noun: a slip
    said = "Campaigners said it confirmed that officers may well be held to to account."
    assert _found(said, "TY104") == ["to to"]


def test_words_run_together_in_lower_case_on_a_page_that_lost_its_spaces() -> None:
    text = ("I listened to anepisode on the ferry. She won thefourth prize at the harbour fair, "
            "and he campaigned toprevent the closure. They said the boat would sail on time.")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY107",)))
    [found] = result.findings
    assert text[found.start:found.end] == "anepisode" and "'thefourth'" in found.message
    assert [text[r.start:r.end] for r in found.related] == ["thefourth", "toprevent"]
    # one such token may be a coinage or a name: three or more make a page that lost its spaces
    assert _found("I listened to anepisode on the ferry. It sailed late.", "TY107") == []
    # words the list knows stay whole ("another", "onto", "within")
    assert _found("Another boat sailed onto the sands within the hour, and another one, "
                  "and then another.", "TY107") == []


def test_a_common_word_glued_to_of_and_a_function_word_glued_to_the_are_lost_spaces() -> None:
    # alone on a page: a common word and "of", or one of the commonest function words and
    # "the", which the web misspells so often that the word list knows it ("atthe": 2.0)
    assert _found("Incumbents held fourof the five seats on the ballot.", "TY107") == ["fourof"]
    assert _found("He had worked as a forklift driver atthe cold store.", "TY107") == ["atthe"]
    # and a common word glued to an auxiliary, a preposition or a determiner
    assert _found("No fatalitieshad been recorded by Sunday evening.", "TY107") == [
        "fatalitieshad"]
    assert _found("The fund is meant to help everyone, not justfor a few.", "TY107") == [
        "justfor"]
    # a word the list knows that ends so stays whole
    assert _found("The errand took all morning, and the provisions thereof were sold.",
                  "TY107") == []


def test_a_character_lost_in_decoding_is_mojibake() -> None:
    text = ("The company?s net profit rose. Idea?s shares fell. Don?t panic? he said.\n"
            "They are\ufffdfreelance writers. See example.com/search?s=ferry today.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY106",)))
    [found] = result.findings
    assert text[found.start:found.end] == "company?s" and "(and 3 more)" in found.message
    assert [text[r.start:r.end] for r in found.related] == ["Idea?s", "Don?t", "are\ufffdfreelance"]
    assert found.fix is None  # nothing tells what stood there
    assert _found("Who is next? Nobody knows. Really?", "TY106") == []
    # a hyphen lost between two common words; code and a link's query are left alone
    assert _found("It is the port's second?largest town.", "TY106") == ["second?largest"]
    assert _found("The x?y:z form, a page?id=3 link and values?values here.", "TY106") == []


def test_a_rare_word_doubled_at_a_sentence_start_is_a_name() -> None:
    text = "“She was lovely.” Duran Duran wrote on Twitter. Her Her mother was there."
    assert _found(text, "TY104") == ["Her Her"]
    assert _found("The ferry left. Police Police said it was late.", "TY104") == ["Police Police"]
    # a given name always written doubled, before a surname the text names alone too (a
    # caption line on a web page); a common word before a title is still a slip
    caption = ("Dee Dee Myers\nDee Dee Myers is leaving the studio, a spokesman said. Myers did "
               "not comment.")
    assert _found(caption, "TY104") == []
    assert _found("Police Police Chief Anne Hart said the road would reopen.", "TY104") == [
        "Police Police"]


def _found_and_fixed(text: str, code: str) -> tuple[list[str], str]:
    """What ``code`` finds in ``text``, and the text with every finding's fix applied."""
    from checker.fixes import apply_edits

    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=(code,)))
    fixed = text
    for finding in reversed(result.findings):
        assert finding.fix is not None
        fixed = apply_edits(fixed, finding.fix.edits)
    return [text[f.start:f.end] for f in result.findings], fixed


def test_a_word_split_by_a_kept_line_end_hyphen_is_found_and_joined() -> None:
    found, fixed = _found_and_fixed(
        "Two suspects were ar- rested at the quay. Anyone with out- standing fines may pay at "
        "the harbour office.", "TY108")
    assert found == ["ar- rested", "out- standing"]
    assert "were arrested at" in fixed and "with outstanding fines" in fixed
    # a suspended hyphen, a hyphen typed for a dash, a compound with a stray space that is no
    # one word: none is a word split at a line end
    for quiet in ("Pre- and post-war homes line the quay.",
                  "It sails four days a week- on Tuesday and Friday.",
                  "Shares in the wholly- owned ferry unit rose.",
                  "The ferry- crossing was rough."):
        assert _found(quiet, "TY108") == [], quiet


def test_a_number_written_as_a_figure_and_again_in_words_is_a_repeat() -> None:
    from checker.fixes import apply_edits

    text = "The survey found a new moon and 6 six comets near the planet."
    (finding,) = check_text(text, "d.txt", "text",
                            Settings(use_model=False, select=("TY104",))).findings
    assert text[finding.start:finding.end] == "6 six" and finding.fix is not None
    assert apply_edits(text, finding.fix.edits) == text.replace("6 six", "6")
    # a figure and another number in words, or a number that starts a compound, is no repeat
    for quiet in ("Robocop 2 three years later was a hit.", "They lost 0-2 four seasons ago.",
                  "Chapter 2 two-thirds of the way in.", "Page 10 eleven times over."):
        assert _found(quiet, "TY104") == [], quiet


def test_an_amount_split_by_a_space_after_its_comma_is_found_and_joined() -> None:
    found, fixed = _found_and_fixed(
        "The film made £507, 596 in its first week and Sh700, 000 went on legal fees.", "TY108")
    assert found == ["£507, 596", "Sh700, 000"]
    assert "made £507,596 in" in fixed and "Sh700,000 went" in fixed
    # a list of numbers has no currency before it; an amount in a list is whole
    for quiet in ("He had scores of 44, 11, 217 not out and 25.",
                  "Prizes of £50, £100 and £250 were paid.", "It sold 1,000, 2,000 and more."):
        assert _found(quiet, "TY108") == [], quiet


def test_a_lower_case_word_one_slip_from_a_common_word_is_misspelt() -> None:
    text = ("Entertainers could be fined under the proposed legisation, US politcians said.\n\n"
            "Gardai shut the scene for anaylsis. The movie, whichh opens in May, was praised "
            "folllowing its premiere.\n")
    assert _found(text, "TY109") == ["legisation", "politcians", "anaylsis", "whichh",
                                     "folllowing"]
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY109",)))
    fixes = {text[f.start:f.end]: f.fix.edits[0].replacement for f in result.findings if f.fix}
    assert fixes["anaylsis"] == "analysis" and fixes["whichh"] == "which"
    # the same slip twice is one finding with both places fixed; three times it is a spelling
    twice = "The competitve field grew. Another competitve round followed.\n"
    result = check_text(twice, "d.txt", "text", Settings(use_model=False, select=("TY109",)))
    (finding,) = result.findings
    assert finding.fix is not None and len(finding.fix.edits) == 2 and len(finding.related) == 1
    thrice = "A competitve race. A competitve field. A competitve finish.\n"
    assert _found(thrice, "TY109") == []
    # the plural of a word the list knows is a word, however close to a commoner one
    assert _found("The garden is known for its acers and its roses.\n", "TY109") == []


def test_a_slip_of_a_rarer_word_the_text_writes_or_of_a_first_letter_is_misspelt() -> None:
    # a word the text itself writes elsewhere, rarer than the rule's common words (batch O)
    text = ("He pioneered mass spectometry in the 1980s. Mass spectrometry won him a prize, and "
            "residents called for an mmediate end to the protest.\n\nThe harbour opens.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY109",)))
    assert {text[f.start:f.end]: f.fix.edits[0].replacement
            for f in result.findings if f.fix} == {"spectometry": "spectrometry",
                                                   "mmediate": "immediate"}
    # but not a rare word alone, a short word beside another, or a first letter left off a
    # word that opens like an English one ("ranslate" is not looked for)
    for clean in ("He pioneered mass spectometry in the 1980s, the harbour board said.\n",
                  "The ranslate tool was praised by the board.\n",
                  "The sextet and the sextte played on.\n"):
        assert _found(clean, "TY109") == [], clean


def test_a_listed_common_misspelling_is_misspelt_though_the_web_writes_it_often() -> None:
    # the web writes these often enough that wordfreq has seen them ("seperate" Zipf 2.8), so
    # they are no rare slip; codespell's list of common misspellings gives each one fix
    text = ("The firms will stay seperate, and the rules improve consistancy, the regulator "
            "said.\n\nMemory useage fell. It was an intersting game.\n")
    assert _found(text, "TY109") == ["seperate", "consistancy", "useage", "intersting"]
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY109",)))
    assert {f.fix.edits[0].replacement for f in result.findings if f.fix} == {
        "separate", "consistency", "usage", "interesting"}
    # a British spelling the list would change, a listed word cut off at the end of a text, and
    # one with several possible fixes ("alot": "a lot" or "allot") are left alone
    for clean in ("The minister stood at the despatch box and answered.",
                  "The two men will remain in seperate cells, the governor said, and the seperate",
                  "There was alot of noise in the chamber on Monday."):
        assert _found(clean, "TY109") == [], clean


def test_a_slip_the_project_s_list_accepts_stays_quiet() -> None:
    # cycling's "flamme rouge" is "flame" with its "m" doubled, and right
    assert _found("Under the flamme rouge, Ferro tries a long sprint on the left.", "TY109") == []
    # a gardener's "earlies" (first potatoes), not "earliest"
    assert _found("After the wet winter the earlies went in late this year.", "TY109") == []
    assert _found("A candle's flmae flickered in the window of the house.", "TY109") == ["flmae"]


def test_words_the_list_does_not_know_that_are_not_slips_stay_quiet() -> None:
    for clean in ("Gainers outnumbered decliners by about two to one on the exchange.",
                  "The committee said sentencers should be advised.",
                  "Visit blinkx.tv or email news@reportr.com for the ex-politcians' list.",
                  "The costs of restructuring would be too high, the administrator said.",
                  # the past of a verb the list knows, a rarer sense of a common word
                  "He snaffled the loose ball and hared away from halfway to score.",
                  # a text cut off in the middle of its last word
                  "The cuts could not be made in one year, so the counci"):
        assert _found(clean, "TY109") == [], clean


def test_two_words_written_twice_in_a_row_are_a_slip_but_a_phrase_said_again_is_not() -> None:
    assert _found("Since the news, our club has been has been overwhelmed.", "TY104") == [
        "has been has been"]
    assert _found("The EU expects the deficit to fall to fall to 2.9% next year.", "TY104") == [
        "to fall to fall"]
    result = check_text("It fell within the remit of the of the draft bill.", "d.txt", "text",
                        Settings(use_model=False, select=("TY104",)))
    (finding,) = result.findings
    assert finding.fix is not None and finding.fix.edits[0].replacement == ""
    for clean in ("It keeps growing stronger and stronger and stronger.",
                  "They go on and on and on about it.",
                  "He guided the Tigers to back to back titles.",
                  "We tried to find what really makes a gadget a gadget.",
                  "They chanted free education   free education for all.",
                  "Visiting times vary from ward to ward to fit around care routines."):
        assert _found(clean, "TY104") == [], clean
    # without the "from", the pair is written twice
    assert _found("Visiting times vary by ward to ward to fit around care.", "TY104") == [
        "ward to ward to"]


def test_a_sentence_glued_to_the_next_where_a_space_was_lost_is_run_together() -> None:
    text = ("He is a populist and that's always dangerous.The man has charm.\n\n"
            "She organised field days on site.Munro still volunteers there.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY107",)))
    (finding,) = result.findings  # one finding for the document, the other place related
    assert text[finding.start:finding.end] == "dangerous.The" and len(finding.related) == 1
    assert finding.fix is not None
    assert [e.replacement for e in finding.fix.edits] == [" ", " "]
    for clean in ("Read J.K.Rowling's note at www.example.Com today.",
                  "The file is at /srv/site/index.Html on the server.",
                  "Call obj.getName first, then myapp.Run it."):
        assert _found(clean, "TY107") == [], clean


@pytest.mark.parametrize(("text", "glued", "fixed"), [
    # a two-letter word, a bracket or a quotation mark at the stop
    ("I took a bottle of red with me.The menu was short.", "me.The", "me. The"),
    ("I skipped it (saving room for a dessert).The lobster was fine.", "dessert).The",
     "dessert). The"),
    ("As the officer said yesterday'.According to police, it was calm.", "yesterday'.According",
     "yesterday'. According"),
    # the space goes after a closing quotation mark
    ('He blamed the misunderstandings."This will end, he said.', 'misunderstandings."This',
     'misunderstandings." This'),
    # after a name when the next sentence opens on a small word
    ("The rocket lifted off from Cape Canaveral.A Port official said so.", "Canaveral.A",
     "Canaveral. A"),
    # a comma, a label's colon, a heading's clock time
    ("Strikes hit children,fighter jets flew overhead.", "children,fighter", "children, fighter"),
    ("Toss:England chose to bat first at the Oval.", "Toss:England", "Toss: England"),
    ("Fertiliser was late, said the legislator,Yeremia Chihana, on Monday.",
     "legislator,Yeremia", "legislator, Yeremia"),
    ("The World Health Organisation(WHO) said cases rose.", "Organisation(WHO)",
     "Organisation (WHO)"),
    ("Winners so far. Best Supporting Actor6:26 PM: Mahershala Ali.", "Actor6:26",
     "Actor 6:26"),
])
def test_a_stop_a_comma_a_colon_or_a_clock_with_its_space_lost_is_run_together(
        text: str, glued: str, fixed: str) -> None:
    fixes, after = _found_and_fixed(text, "TY107")
    assert fixes == [glued] and fixed in after


def test_names_with_a_stop_and_lists_with_commas_are_not_run_together() -> None:
    for clean in ("Worms such as Zafi.D spread, and One.Tel fell into administration.",
                  "It cost 1,000 dollars; the tags were news,sport,weather on the feed.",
                  "The talks ran from 10:30 until 6:26PM, the mayor said.",
                  "See https://example.com/a,b and the file at C:Windows on the disk."):
        assert _found(clean, "TY107") == [], clean


def test_a_double_colon_inside_code_is_no_doubled_mark() -> None:
    css = "Scroll on.\n\nblockquote::before, blockquote::after { color: black; }\n"
    assert _found(css, "TY101") == []
    assert _found("The list follows:: one, two and three.", "TY101") == ["::"]


def test_a_word_written_again_split_by_a_hyphen_is_one_finding_for_the_page() -> None:
    text = ("The funeral funer-al of the Patriarch Pat-riarch was held on Friday.\n\n"
            "(The family fam-ily thanked the Bishop.)\n")
    fixes, fixed = _found_and_fixed(text, "TY104")
    assert fixes == ["funeral funer-al"]
    assert "The funeral of the Patriarch was held" in fixed and "(The family thanked" in fixed
    for clean in ("The re-elected mayor met the co-op's well-known chair.",
                  "Shares in the firm's spin-off rose."):
        assert _found(clean, "TY104") == [], clean


def test_an_apostrophe_that_kept_its_entity_s_semicolon_is_one_finding_with_one_fix() -> None:
    text = ("JOHN HOWARD: Well it';s great to be here, and I';d like to thank you.\n\n"
            "They’;re very even handed, and the Labor Party';s view is known.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY106",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == "it';s" and len(finding.related) == 3
    assert finding.fix is not None and apply_edits(text, finding.fix.edits) == text.replace(
        "';", "'").replace("’;", "’")
    # a quotation closed before a semicolon is punctuation, not a leftover
    assert _found("He called it 'unworkable'; the minister disagreed.", "TY106") == []


def test_a_figure_or_a_name_glued_to_the_next_word_lost_a_space() -> None:
    text = ("A total of 6,000water tanks were sent after the 7.8magnitude quake, officials in "
            "Gujarat,India said, and the lines were arcing,shorted and then stopped.\n")
    assert _found(text, "TY107") == ["6,000water"]  # one finding for the document
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY107",)))
    (finding,) = result.findings
    assert [text[r.start:r.end] for r in finding.related] == [
        "7.8magnitude", "Gujarat,India", "arcing,shorted"]
    # a unit written against its figure, a tabloid's "£32million", an ordinal or a decade
    for clean in ("He ran 90mins, the link gave 10mbps, and the deal was worth £32million.",
                  "The 4th round of the 1990s cup began at 3pm on the 21st."):
        assert _found(clean, "TY107") == [], clean


def test_a_transcript_s_time_stamp_glued_to_what_was_said_lost_a_space() -> None:
    text = ("00:00Hi there, and welcome to the forecast.\n00:05As low pressure moves away to the "
            "east, we will see rain.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY107",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == "00:00Hi" and len(finding.related) == 1
    # a brand that opens on a figure, and a time written apart, are not glued
    assert _found("The 3Com deal closed at 10:30 Monday, 7Up said.", "TY107") == []


def test_a_results_table_s_figures_glued_to_their_labels_lost_their_breaks() -> None:
    text = "Votes\n1,936Electorate\n1,232Received ballots\n60Blank ballots\n"
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY107",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == "1,936Electorate"
    assert [text[r.start:r.end] for r in finding.related] == ["1,232Received", "60Blank"]
    assert _found("Over five episodes from 4pmOver the week she meets them.", "TY107") == [
        "4pmOver"]
    # one digit before a brand's word, a unit, a hashtag: not glued
    for clean in ("He drove a 4Runner to the 7Eleven on Route 66.",
                  "The $60Million fund backed #100DaysOfCode."):
        assert _found(clean, "TY107") == [], clean


def test_a_live_page_s_heading_glued_to_its_time_stamp_lost_a_break() -> None:
    text = ("Cuts to come were promisedpublished at 13:39 GMT 11 March\n"
            "Tax hikes hidden in the small print?published at 13:32 GMT 11 March\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False,
                                                       select=("TY106", "TY107")))
    (finding,) = result.findings  # the question mark is the heading's, not a lost character
    assert finding.code == "TY107" and text[finding.start:finding.end] == "promisedpublished"
    assert [text[r.start:r.end] for r in finding.related] == ["print?published"]
    assert _found("The report, published at 9am, and updated at 10am.", "TY107") == []


def test_a_space_before_a_comma_is_one_finding_for_the_document_with_one_fix() -> None:
    text = ("Shares led by Lukoil with 11% of the market , followed by TNK-BP, rose.\n\n"
            "When that happens , we will generate more income.\n")
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY110",)))
    (finding,) = result.findings
    assert text[finding.start:finding.end] == "market ," and len(finding.related) == 1
    assert finding.fix is not None and apply_edits(text, finding.fix.edits) == text.replace(
        " ,", ",")
    # a comma after a mark, between figures, at a line's end, or a spaced full stop
    for clean in ('He said "no" , then left.', "Scores of 5 , 6 and 7 were given.",
                  "The list ran on ,\nand on.", "Lynch announced the series . He said so."):
        assert _found(clean, "TY110") == [], clean
    # an amount after the comma counts (a festival's price list, batch M)
    assert _found("Saturday only €69.50, Sunday only , €69.50, Monday only €69.50.",
                  "TY110") == ["only ,"]


def test_an_article_that_does_not_fit_the_word_after_it() -> None:
    text = ("Federer looked on course for a easy victory. Riyadh does not want an proxy of Iran.\n"
            "A increase in tobacco duty was announced. An spokesman said so.\n")
    assert _found(text, "TY111") == ["a easy", "an proxy", "A increase", "An spokesman"]
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY111",)))
    from checker.fixes import apply_edits
    fixed = apply_edits(text, [e for f in result.findings if f.fix for e in f.fix.edits])
    assert "for an easy victory" in fixed and "want a proxy" in fixed
    assert "An increase" in fixed and "A spokesman" in fixed


def test_an_article_that_fits_the_sound_or_is_no_article_is_left_alone() -> None:
    for clean in ("He gave an hour-long speech to a united party, a one-off, an honest man.",
                  "She read a eulogy at a once-great club and sent a e-mail with an x-ray.",
                  "Adriano has 14 goals in 20 Serie A appearances. England A against France.",
                  "The e-mails came from an fbi.gov address, said an ntl spokesman.",
                  "It was whether it's a on a Bosman or not, he said.",
                  "Llamó al Estado a adecuar las reformas a estándares internacionales.",
                  "Notícias semelhantes a esta que coletamos."):
        assert _found(clean, "TY111") == [], clean


@pytest.mark.parametrize(("text", "wrong"), [
    ("He left after less then four years of a parliamentary term.", "then"),
    ("You were a lot more then just a cricketer.", "then"),
    ("Samoa closed their boarder a month before New Zealand.", "boarder"),
    ("The village lies on the boarder of two districts.", "boarder"),
    ("Queues grew at the boarder crossing overnight.", "boarder"),
    ("Russia closed its boarder with China.", "boarder"),  # two settings, one finding
    ("It is the Labour Party who have lead the country down this path.", "lead"),
    ("The delay has lead to a backlog of cases.", "lead"),
    ("I play alot of chess myself.", "alot"),
    ("It could of been far worse, he said.", "of"),
    ("The result might of been different.", "of"),
    ("Their is no evidence that the council knew.", "Their"),
    ("The players were left on there own for an hour.", "there"),
    ("Every country's got it's own cultural differences.", "it's"),
    ("The server can quite safely be it’s own authority.", "it’s"),
    ("If its going to be an adventure, then fine.", "its"),
    ("Its been a long year for the club.", "Its"),
    ("Roddick is not phased and storms into a lead.", "phased"),
    ("The minister was given free reign over the budget.", "free reign"),
    ("Weather or not the talks succeed, the vote goes ahead.", "Weather or not"),
    ("She past away on Sunday at home.", "past away"),
    ("Fans waited with baited breath for the draw.", "baited breath"),
    ("The storm wrecked havoc across the county.", "wrecked havoc"),
    ("The station is bursting at the seems.", "at the seems"),
    ("He was born a stones-throw from the ground.", "a stones-throw"),
    ("Anyone who wants to make enquires should call.", "make enquires"),
    ("There next event is the national championships in May.", "There"),
    ("They will secure a final birth with a draw.", "birth"),
    ("Ryan wold not have said so.", "wold"),
    ("A dryer night is expected in the west.", "dryer"),
    ("I doesn’t seem to be working for them.", "I"),
    ("Profits will be between 10% to 15% lower.", "to"),
    ("He's given us 12 years service, the manager said.", "years"),
    ("Even on three months notice he should have gone.", "months"),
    ("This seasons runners-up were Harbour Town.", "seasons"),
    ("Australian prime minster Malcolm Turnbull spoke.", "prime minster"),
    ("The panel was accused of jumping into conclusions.", "jumping into conclusions"),
])
def test_a_word_confused_with_one_of_like_sound_in_a_setting_of_one_reading(
        text: str, wrong: str) -> None:
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY112",)))
    assert [text[f.start:f.end] for f in result.findings] == [wrong]


def test_words_of_like_sound_in_their_own_settings_are_left_alone() -> None:
    for clean in ("Prices were higher then, but wages were lower.",
                  "Life was better then and it is better now.",
                  "She was a boarder at the school, and the boarders ate at six.",
                  "Pipes that have lead in them must be replaced.",
                  "Think of the song as one would of a poem.", "The lot was sold.",
                  "They lacked the financial might of larger companies.",
                  "Their own plans were clear, and their work is done.",
                  "The river is out there. Is there own-brand milk?",
                  "It's own goal, and its owner is furious.", "Its owners have been told.",
                  "The cuts were not phased in over the years.", "Where there is a will.",
                  "The weather on Sunday was fair.", "The summer past, away they went.",
                  "He gave free rein to the free reigning champion.",
                  "In May of last year the plan was not yet phased.",
                  "There, next event aside, the club is calm. Over there next week.",
                  "The final birthday party. The birth of a child. The tumble dryer broke.",
                  "It rose from 5 to 6, between 10 and 12ft. I doubt it. The Cotswold hills.",
                  "The 12 years were hard. The last weeks of his life. This years-long fight.",
                  "In this week's paper, 12 years' service and three months' notice."):
        assert _found(clean, "TY112") == [], clean


def test_a_confused_word_is_mended_with_the_apostrophe_the_text_uses() -> None:
    text = "The club’s fans say it’s time. If its going to be a fight, so be it."
    result = check_text(text, "d.txt", "text", Settings(use_model=False, select=("TY112",)))
    assert [f.fix.edits[0].replacement for f in result.findings if f.fix] == ["it’s"]


# A page copied with one line a paragraph and no blank line between: each long line is a
# paragraph of its own (batch O's obituary and restaurant review).
_LONG = ("and only ever played for and supported the club through twenty seasons of the "
         "league, as his family said on Monday.")


def _settings(code: str) -> Settings:
    return Settings(use_model=False, select=(code,))


def test_a_quotation_left_open_on_a_page_of_one_line_a_paragraph_is_found() -> None:
    text = (f'The club said it was saddened.\n"The family are proud of him.\n"He {_LONG}\n'
            "The club will wear black armbands on Tuesday.\nSource: Online")
    found = check_text(text, "d.txt", "text", _settings("TY102")).findings
    assert [(text.count("\n", 0, f.start) + 1, f.severity) for f in found] == [
        (3, Severity.WARNING)]
    # a bracket likewise
    text = f"The soup was cold (thank goodness {_LONG}\nThe wine (a red) was fine.\nSource"
    found = check_text(text, "d.txt", "text", _settings("TY103")).findings
    assert [(text.count("\n", 0, f.start) + 1, text[f.start]) for f in found] == [(1, "(")]


def test_a_quotation_running_on_over_lines_is_not_reported_as_left_open() -> None:
    # it closes on the next line with a straight mark: only its missing reopening mark is told
    text = (f'The minister said:\n"We want even more patients to receive care {_LONG}\n'
            f'This will support staff {_LONG}"\nPost a Comment')
    found = check_text(text, "d.txt", "text", _settings("TY102")).findings
    assert [(text.count("\n", 0, f.start) + 1, f.severity) for f in found] == [
        (2, Severity.INFO)]
    # a hard-wrapped paragraph's short lines are one paragraph
    text = ('The minister said: "We want even more patients\nto receive care, and staff to\n'
            'be supported," she told the house.')
    assert check_text(text, "d.txt", "text", _settings("TY102")).findings == []


def test_a_full_stop_before_a_lower_case_word_is_stray() -> None:
    text = ("Ministers said legislation would be introduced. unless voluntary steps were taken.\n\n"
            "Tony Blair has argued. there needs to be consensus on reform.\n")
    assert _found(text, "TY113") == ["introduced. unless", "argued. there"]
    # an abbreviation's stop, a link, a name or a code after the stop, a stop after a number
    for clean in ("The shop sells pens, maps etc. and opens at nine.",
                  "The blast happened around 8:30 p.m. after a bag was left.",
                  "It was first reported by the users. https://example.com/a has more.",
                  "She is the first justice of that heritage. pic.twitter.com/abc",
                  "The band played in 2005. the crowd sang.", "It cost approx. two pounds.",
                  "He met the mayor. iPhone sales rose."):
        assert _found(clean, "TY113") == [], clean


def test_a_markdown_paragraph_s_long_lines_are_one_paragraph() -> None:
    text = (f'The minister said: "We want even more patients to receive care {_LONG}\n'
            f'and staff to be supported {_LONG}," she told the house.\n')
    assert check_text(text, "d.md", "markdown", _settings("TY102")).findings == []
    assert check_text(text.replace('," she', ', she'), "d.txt", "text",
                      _settings("TY102")).findings != []


def test_a_closing_mark_for_an_apostrophe_is_told_as_such() -> None:
    text = "It”s almost festival season, and Atlanta’s lineup is out.\n\nThe rest follows.\n"
    found = check_text(text, "d.txt", "text", _settings("TY102")).findings
    assert [(text[f.start:f.end], f.message) for f in found] == [
        ("t”s", "a closing quotation mark where an apostrophe belongs")]
    # a closing mark after a word, closing a quotation never opened, is still that
    text = "the district had so little to offer,” the union's president said.\n"
    found = check_text(text, "d.txt", "text", _settings("TY102")).findings
    assert [f.message for f in found] == ["quotation closed here was never opened"]


def test_one_of_the_commonest_function_words_glued_to_a_word_is_a_lost_space() -> None:
    assert _found("The council voted for themove on Tuesday.", "TY107") == ["themove"]
    assert _found("He said that willmean higher costs.", "TY107") == ["willmean"]
    # a rarer function word, a coinage, a word the list knows, code and another language: quiet
    for quiet in ("The newsword was a coinage.", "He did it anyway, as ever.",
                  "Use atexit.register() instead.", "Voces afines al oficialismo.",
                  "The intake rose."):
        assert _found(quiet, "TY107") == [], quiet


def test_a_name_s_last_word_before_its_lower_case_twin_is_two_words() -> None:
    menu = "Salt House house white, Picpoul de Pinet, 175ml glass £7.50"
    assert _found(menu, "TY104") == []
    # a common word doubled after a name is still a slip, and so is a doubled "The"
    assert _found("Mr Hale said said he would stay.", "TY104") == ["said said"]
    assert _found("The The troops will leave.", "TY104") == ["The The"]


def test_a_function_word_glued_to_a_possessive_is_a_lost_space() -> None:
    assert _found("He said he had not known about hisbrother's shareholding.", "TY107") == [
        "hisbrother"]
    # a contraction is not a possessive
    assert _found("It doesn't matter what the company's owners think.", "TY107") == []
