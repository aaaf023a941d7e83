"""The heading scorer's cues, each a pure function (:mod:`teikit.convert.roles.heading`)."""

from __future__ import annotations

import pytest

from teikit.convert.features import DocFeatures, LineFeatures, line_features
from teikit.convert.roles import choose
from teikit.convert.roles.heading import (
    block_follows,
    caps,
    clean_share,
    core,
    dated_title,
    emphasis,
    heading_above,
    heading_score,
    names_document,
    set_off_above,
    text_veto,
)

PROSE = "The committee met on the first day and went through the papers in order."


def _line(text: str, needle: str) -> tuple[LineFeatures, DocFeatures]:
    doc = line_features(text)
    line = next(f for f in doc.lines if f.text == needle)
    return line, doc


def test_core_strips_ocr_debris_but_keeps_a_closing_stop() -> None:
    assert core("| POSSIBLE TOPICS ~") == "POSSIBLE TOPICS"
    assert core("’ TOPHAT") == "TOPHAT"
    assert core("Review of the Series.") == "Review of the Series."
    assert core("Memorandum From the Director[2]") == "Memorandum From the Director"


def test_clean_share_counts_words_not_smudges() -> None:
    assert clean_share("STATUS OF RELATIONS WITH THE BUREAU") == 1.0
    assert clean_share("II. Background") == 1.0
    assert clean_share("C. HuMY 9598 — oan") < 0.8
    assert clean_share("Cnn a ee tote") < 1.0


def test_caps_needs_four_letters() -> None:
    assert caps("SOVIET POSITION")
    assert not caps("END")
    assert not caps("Soviet Position")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("the meeting went on", "opens in lower case: it continues a sentence"),
        ("The meeting of the board under the chairman,", "ends inside a sentence"),
        ("MR. NOBLE: I have the clipping here.", "a speaker's label or a salutation"),
        ("Dear Mr. Secretary:", "a speaker's label or a salutation"),
        ("Subject: Grain sales", "a field: a label and its value"),
        ("Athens, August 19, 2002", "a date"),
        ("Strategic Program. The second course began", "a sentence ends inside it: prose"),
        ("Frank B. Kellogg", "a person's name: a signature or a list of those present"),
        ("Dr. Anna Berg, Chairman", "a person's name: a signature or a list of those present"),
        ("(Includes INTERCEPTS)", "a remark in brackets"),
        ("SECRET", "a marking (classification, precedence, handling)"),
        ("For the Director Only - Top Secret", "a marking (classification, precedence, handling)"),
        ("TITLE: THE WEEKLY SUMMARY", "a field: a label and its value"),
        (
            "Assistant Secretary of State Anna B. Berg",
            "a person's name: a signature or a list of those present",
        ),
        ("175 NED", "a number and words: a transcript's line, a point or an entry"),
        ("Well, the reply to that was this:", "a sentence leading into what follows"),
        ("Well then, in short", "a clause of a sentence"),
        ("Baracoa, Pinar, Manzanillo and Colon", "a list or a sentence"),
        ("National Security Council --", "a piece of a sentence"),
    ],
)
def test_text_veto_says_why_a_line_is_no_heading(text: str, why: str) -> None:
    assert text_veto(text) == why


@pytest.mark.parametrize(
    "text",
    [
        "STATUS OF RELATIONS WITH THE BUREAU",
        "II. BACKGROUND",
        "A. Soviet Position",
        "3. Review of Foreign Relations, 1942, Volume I.",
        "Charter Issues",
        "Is That All There Is?",
        "CUBAN: SOURCES",
    ],
)
def test_text_veto_lets_titles_pass(text: str) -> None:
    assert text_veto(text) is None


def test_names_document() -> None:
    assert names_document("MEMORANDUM FOR THE RECORD:")
    assert names_document("CONTACT REPORT")
    assert not names_document("MEMORANDUM FOR:")
    assert not names_document("CLASSIFIED MESSAGE")
    assert not names_document("Contact Report")
    # a catalogue form's field whose value names a kind describes the document
    assert not names_document("DOCUMENT TYPE: REPORT")
    assert not names_document("TYPE OF PAPER : INFORMATION REPORT")


def test_set_off_above() -> None:
    text = f"{PROSE}\n\nCharter Issues\n{PROSE}\nrunning on\nTail\n"
    line, doc = _line(text, "Charter Issues")
    assert set_off_above(line, doc) == "a blank line above"
    line, doc = _line(text, "running on")
    assert set_off_above(line, doc) == "a closed sentence above"
    line, doc = _line(text, "Tail")
    assert set_off_above(line, doc) is None


def test_block_follows_prose_points_or_a_sub_heading() -> None:
    text = f"Intro.\n\nBURMA\n\nCurrent Situation\n\n{PROSE}\n\nProgress\n\n1. Roads were built.\n"
    line, doc = _line(text, "BURMA")
    assert block_follows(line, doc, caps_heading=True) == "a sub-heading over prose below"
    line, doc = _line(text, "Current Situation")
    assert block_follows(line, doc, caps_heading=False) == "prose below"
    line, doc = _line(text, "Progress")
    assert block_follows(line, doc, caps_heading=False) == "numbered points below"


def test_capitals_over_capitals_are_a_form_not_a_heading() -> None:
    text = "Intro.\n\nFULL DETAILS\n\nSPECIFIC AREA OF USE IN THE FIELD\n"
    line, doc = _line(text, "FULL DETAILS")
    assert block_follows(line, doc, caps_heading=True) is None


def test_emphasis() -> None:
    text = f"{PROSE}\n\nII. Background\n\n{PROSE}\n\nSOVIET POSITION\n\n{PROSE}\n\nthe end\n"
    line, doc = _line(text, "II. Background")
    assert emphasis(line, doc) == (0.3, "a section number and title")
    line, doc = _line(text, "SOVIET POSITION")
    assert emphasis(line, doc) == (0.3, "capitals in a text typed in mixed case")


def test_a_set_off_title_before_prose_is_a_heading() -> None:
    text = f"{PROSE}\n\nSoviet Position\n\n{PROSE}\n"
    line, doc = _line(text, "Soviet Position")
    assert heading_score(line, doc).reason == (
        "a heading: title case; a blank line above; prose below; a blank line below"
    )
    assert choose(line, doc)[0] == "heading"


def test_a_title_under_a_memorandum_heads_field_is_a_heading() -> None:
    # every paragraph stands apart; the field above sets the title off as a sentence would
    text = (
        "MEMORANDUM FOR THE RECORD\n\nSUBJECT: Review of the Office\n\nBackground\n\n"
        "The office was opened in 1958.\n\nDiscussion\n\nIts reports were uneven.\n"
    )
    line, doc = _line(text, "Background")
    assert choose(line, doc)[0] == "heading"


def test_a_short_copys_caption_in_capitals_under_its_letterhead_is_a_heading() -> None:
    # letterhead and caption are capitals too: the prose lines tell how the text is typed
    text = (
        "UNITED STATES DEPARTMENT OF JUSTICE\nFEDERAL BUREAU OF INVESTIGATION\n\n"
        "Springfield, Illinois\nJuly 9, 1960\n\nJOHN ROE DOE\n\n"
        "A confidential source advised on July 6, 1960, that the subject had\n"
        "arrived in the city on July 2, 1960, and that he had left again.\n"
    )
    line, doc = _line(text, "JOHN ROE DOE")
    assert emphasis(line, doc) == (0.3, "capitals in a text typed in mixed case")


def test_a_heading_run_into_its_paragraph_is_a_heading() -> None:
    # (far from the end, where a name in capitals would be a signature)
    text = f"{PROSE}\n\nSOVIET POSITION\n{PROSE}\n" + f"\n{PROSE}\n" * 6
    line, doc = _line(text, "SOVIET POSITION")
    assert choose(line, doc)[0] == "heading"


def test_a_rejected_line_says_why() -> None:
    text = f"{PROSE}\n\nSubject: Grain sales\n\n{PROSE}\n"
    line, doc = _line(text, "Subject: Grain sales")
    assert heading_score(line, doc).reason == "not a heading: a field: a label and its value"


def test_a_running_head_at_page_turns_is_no_heading() -> None:
    page = f"SOVIET POSITION\n\n{PROSE}\n\n- 2 -\n\n"
    text = f"{PROSE}\n\n" + page * 3
    doc = line_features(text)
    heads = [f for f in doc.lines if f.text == "SOVIET POSITION"]
    assert heading_score(heads[1], doc).reason == (
        "not a heading: it recurs at page turns: a running head"
    )


def test_a_heading_in_a_paragraph_is_cut_from_it() -> None:
    from tests.convert.convert_helpers import body_div, frag

    text = (
        f"Memorandum\n\n{PROSE}\n\nSOVIET POSITION\nThe talks went on for a long time and ended.\n"
        + f"\n{PROSE}\n" * 6
    )
    div = body_div(text)
    section = div.findall("{*}div[@type='section']")[-1]
    assert frag(section[0]) == "<head>SOVIET POSITION</head>"
    assert frag(section[1]) == "<p>The talks went on for a long time and ended.</p>"


def test_explain_says_why_a_plain_line_is_no_heading() -> None:
    from teikit.convert.explanation import explain
    from teikit.convert.source import Transcription

    text = f"{PROSE}\n\nSOVIET POSITION\n\n{PROSE}\n\nSubject: Grain sales\n" + f"\n{PROSE}\n" * 6
    ex = explain(Transcription.from_text(text, "x.txt"))
    by_text = {r.text: r for r in ex.lines}
    assert by_text["SOVIET POSITION"].role == "heading"
    assert "capitals in a text typed in mixed case" in by_text["SOVIET POSITION"].reason
    assert by_text[PROSE].reason == ("no role scored high enough (not a heading: a sentence)")


def test_same_numbering() -> None:
    from teikit.convert.roles.heading import same_numbering

    assert same_numbering("1. Opening Remarks", "2. Election of a chairman")
    assert not same_numbering("6. Ostland", "b. A source reports that the talks failed.")
    assert same_numbering("a. First", "b. Second")


def test_entries_of_a_list_are_no_headings() -> None:
    from teikit.convert.roles.heading import in_list

    text = (
        f"{PROSE}\n\nMEMORANDUM FOR\n\nTHE SECRETARY OF STATE\n\nTHE SECRETARY OF WAR\n\n"
        f"THE DIRECTOR OF THE BUDGET\n\n{PROSE}\n"
    )
    line, doc = _line(text, "THE DIRECTOR OF THE BUDGET")
    assert in_list(line, doc)
    line, doc = _line(text, "THE SECRETARY OF WAR")
    assert heading_score(line, doc).reason == (
        "not a heading: one of a run of short lines: an entry of a list"
    )


def test_the_value_under_a_bare_label_is_no_heading() -> None:
    from teikit.convert.roles.heading import label_value

    text = f"{PROSE}\n\nSUBJECT\n\nHarbour Talks\n\n{PROSE}\n"
    line, _ = _line(text, "Harbour Talks")
    assert label_value(line)


def test_the_first_line_title_over_its_dateline() -> None:
    from teikit.convert.roles.heading import first_line_title

    text = (
        "Telegram From the Embassy in Oslo to the Department of State, May 3, 1958.\n\n"
        f"Oslo, May 3, 1958.\n\n{PROSE}\n"
    )
    doc = line_features(text)
    assert first_line_title(doc.lines[0], doc)
    assert choose(doc.lines[0], doc)[0] == "heading"


@pytest.mark.parametrize(
    "text",
    [
        # a source note's first line: it ends on a small word and runs on
        "Source: Records of the Office of the Historian, Office of the\n"
        "Director, Box 3, Confidential.\n\nStrelsau, May 3, 1958.\n\n",
        # a capitalised word and a comma below open a sentence, not a dateline
        "Source: Records of the Office of the Historian, Box 3\n"
        "Historian, Advisory Committee on the Records and the Files\n\n",
    ],
)
def test_a_wrapped_first_line_is_no_title_over_a_dateline(text: str) -> None:
    from teikit.convert.roles.heading import first_line_title

    doc = line_features(text + f"{PROSE}\n")
    assert not first_line_title(doc.lines[0], doc)


def test_a_title_naming_its_kind_below_the_source_note() -> None:
    from teikit.convert.roles.heading import kind_title_over_dateline

    title = (
        "Memorandum From Jane Roe (Director of the Records Office) to John Doe "
        "(Assistant Secretary of State for Public Affairs)"
    )
    text = f"Source: Records of the Office, Box 3.\n\n{title}\n\nNovember 10, 1988\n\n{PROSE}\n"
    line, doc = _line(text, title)
    assert kind_title_over_dateline(line, doc)
    assert choose(line, doc)[0] == "heading"
    # a form's title box in capitals is no edition's title
    boxed = "TITLE: MEMORANDUM FOR THE RECORD, BOARD MEETING 20 MAY"
    line, doc = _line(text.replace(title, boxed), boxed)
    assert not kind_title_over_dateline(line, doc)
    # nor is a title with no dateline below
    line, doc = _line(text.replace("November 10, 1988", "Dear Mr. Doe:"), title)
    assert not kind_title_over_dateline(line, doc)


def test_a_long_title_wrapping_over_lines_is_one_heading() -> None:
    from teikit.convert.roles.heading import title_block

    text = (
        f"{PROSE}\n\nMemorandum From the Director of the Historical Office to the\n"
        "Assistant Secretary for Public Affairs\n\nOslo, May 3, 1958.\n\n" + f"{PROSE}\n\n" * 3
    )
    line, doc = _line(text, "Assistant Secretary for Public Affairs")
    assert title_block(line, doc) == 2


def test_a_heading_run_into_the_text_over_two_lines() -> None:
    from teikit.convert.roles.heading import wrapped_heading

    text = (
        f"{PROSE}\nFacts about the harbour to be placed before the assembled\n\nboard\n"
        f"{PROSE}\n{PROSE}\n"
    )
    line, doc = _line(text, "board")
    assert wrapped_heading(line, doc)
    line, doc = _line(text, "Facts about the harbour to be placed before the assembled")
    assert wrapped_heading(line, doc)
    # a report form's fields, one a label naming a number however the copy read it
    form = f"{PROSE}\nAPPRAISAL SEE BELOW\nREPORT NO. AB CD- -1/234, 567\n{PROSE}\n{PROSE}\n"
    line, doc = _line(form, "APPRAISAL SEE BELOW")
    assert not wrapped_heading(line, doc)


def test_a_sub_heading_stacked_under_a_capitals_title_is_a_heading() -> None:
    # paragraphs stand apart (a blank line between each), so the blank line alone sets
    # nothing off; the title in capitals above does
    text = (
        "Estimate of the Board\n\nWashington, May 2, 1961.\n\n"
        "THE OUTLOOK FOR TRADE IN THE REGION\n\nThe Problem\n\n" + f"{PROSE}\n\n" * 10
    )
    line, doc = _line(text, "The Problem")
    assert doc.lines_apart
    assert heading_above(line)
    got = heading_score(line, doc)
    assert got.value >= 0.5
    assert "a heading in capitals above" in got.reason
    # a sentence above is no title to stand under; a title in title case is
    line, _ = _line(text, "THE OUTLOOK FOR TRADE IN THE REGION")
    assert not heading_above(line)
    line, _ = _line(text, "Washington, May 2, 1961.")
    assert heading_above(line)


def test_clean_share_reads_compounds_section_letters_and_abbreviations() -> None:
    assert clean_share("East-West Relations") == 1.0
    assert clean_share("Harbour—Access and Rights") == 1.0
    assert clean_share("B. General Approach.") == 1.0
    assert clean_share("C Guidance Issued.") == 1.0
    assert clean_share("Tab B") == 1.0
    assert clean_share("River Board (RB)") == 1.0
    assert clean_share("ob-el") == 0.0
    assert clean_share("I A B") < 0.8


def test_enumerator_letter_opens_or_closes_a_title_only() -> None:
    from teikit.convert.roles.heading import enumerator_letter

    assert enumerator_letter(["C", "Guidance"], 0)
    assert enumerator_letter(["Tab", "A"], 1)
    assert not enumerator_letter(["Send", "it", "to", "A"], 3)
    assert not enumerator_letter(["K", "Guidance"], 0)
    assert text_veto("Tab A") is None
    assert text_veto("Send it to A") == "ends on a small word: the line runs on"


def test_a_dashed_fragment_is_no_heading() -> None:
    assert text_veto("—August—Harbour") == "a piece of a sentence"


def test_an_editors_bracketed_remark_is_no_entry_of_a_list() -> None:
    from teikit.convert.roles.heading import editorial_remark, in_list

    assert editorial_remark("[Omitted here is a discussion of trade.]")
    assert not editorial_remark("[3]")
    text = (
        f"{PROSE}\n\nMy Trip to the Coast\n\n[Omitted here is a discussion of trade.]\n\n"
        f"Growth of Our Ties\n\n{PROSE}\n"
    )
    line, doc = _line(text, "Growth of Our Ties")
    assert not in_list(line, doc)
    assert heading_score(line, doc).value >= 0.5


def test_a_roman_numeral_alone_between_paragraphs_is_a_section_heading() -> None:
    from teikit.convert.roles.heading import section_number_alone

    block = "\n".join([PROSE] * 6)  # (a lone numeral among few lines reads as an OCR's speck)
    text = f"{block}\n\nII\n\n{block}\n"
    line, doc = _line(text, "II")
    assert section_number_alone(line, doc)
    assert heading_score(line, doc).reason == (
        "a heading: a section's number alone, set apart between paragraphs"
    )
    line, doc = _line(f"{block}\nII\n{block}\n", "II")
    assert not section_number_alone(line, doc)


def test_the_name_of_an_enclosed_part_is_a_heading() -> None:
    from teikit.convert.roles.heading import names_part

    assert names_part("Attachment")
    assert names_part("Tab B[2]")
    assert names_part("Annex II")
    assert not names_part("Attachment of the wages")
    line, doc = _line(f"{PROSE}\n\nAnna\n\nAttachment\n\n{PROSE}\n", "Attachment")
    assert heading_score(line, doc).reason == (
        "a heading: the name of an enclosed part on a line of its own"
    )


def test_a_word_under_a_capitals_title_is_a_sub_heading() -> None:
    from teikit.convert.roles.heading import under_caps_title

    text = f"{PROSE}\n\nFILE 12-3\n\nTHE HARBOUR EXPERIMENT\n\nConclusions\n\n{PROSE}\n"
    line, doc = _line(text, "Conclusions")
    assert under_caps_title(line, doc)
    assert heading_score(line, doc).value >= 0.5


def test_a_name_over_an_enclosed_part_is_a_signature_not_a_title() -> None:
    text = f"{PROSE}\n\nWalter Berg\n\nAttachment\n\n{PROSE}\n"
    line, doc = _line(text, "Walter Berg")
    assert heading_score(line, doc).reason == (
        "not a heading: a name over an enclosed part: the signature closing the text"
    )


def test_a_title_over_the_fields_of_a_record_is_a_heading() -> None:
    from teikit.convert.roles.heading import record_fields_below

    text = f"{PROSE}\n\nMEETING OF HARBOUR MINISTERS\n\nJune 1960\n\nPARTICIPANTS\n\nAnna Berg\n"
    line, doc = _line(text, "MEETING OF HARBOUR MINISTERS")
    assert record_fields_below(line, doc)
    assert heading_score(line, doc).value >= 0.5
    text = f"{PROSE}\n\nMEMORANDUM FOR THE DIRECTOR\n\nFROM:\n\nAnna Berg\n"
    line, doc = _line(text, "MEMORANDUM FOR THE DIRECTOR")
    assert not record_fields_below(line, doc)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("-- His knees trouble him", "a piece of a sentence"),
        ("- Harbour dues", "a piece of a sentence"),
        ("[There is discussion of the harbour]3", "a remark in brackets"),
        ("Your Excellency:", "a speaker's label or a salutation"),
    ],
)
def test_text_veto_dashed_entries_remarks_and_salutations(text: str, why: str) -> None:
    assert text_veto(text) == why


def test_the_wrapped_value_of_a_bare_label_is_no_title_block() -> None:
    from teikit.convert.roles.heading import title_block

    text = (
        f"{PROSE}\n\nSUBJECT\n\n"
        "Request for Authority Under the Harbour Act to Sign a Status of the Docks\n"
        f"Agreement with the River Board\n\n{PROSE}\n"
    )
    line, doc = _line(text, "Agreement with the River Board")
    assert title_block(line, doc) == 0


def test_roman_numerals_alone_are_no_ocr_specks() -> None:
    paras = "\n\n".join(f"{n}\n\n{PROSE}" for n in ("I", "II", "III", "IV", "V"))
    doc = line_features(f"Harbour Report\n\n{paras}\n")
    assert doc.junk == 0.0
    assert not doc.ocr


def test_a_page_turned_above_sets_a_title_off_where_paragraphs_stand_apart() -> None:
    body = "\n\n".join(f"{PROSE} Part {n} of the record." for n in range(8))
    text = f"{body}\n\n403\n\nStrategy for the Harbour\n\n{body}\n"
    line, doc = _line(text, "Strategy for the Harbour")
    assert doc.lines_apart
    assert set_off_above(line, doc) == "a new page above"
    assert heading_score(line, doc).value >= 0.5


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Anna says they are against", "ends on a small word: the line runs on"),
        ("The board found that", "ends on a small word: the line runs on"),
        ("(2) Message to the crews", "a point of a list, numbered in brackets"),
    ],
)
def test_text_veto_run_on_ends_and_bracketed_points(text: str, why: str) -> None:
    assert text_veto(text) == why


def test_a_heading_in_capitals_wrapped_onto_a_second_line_heads_the_text_below() -> None:
    text = (
        f"{PROSE}\n\nACTIVITIES OF THE VISITING DELEGATIONS AND THEIR\nSTAFFS IN T\n\n"
        "The delegations arrived on the first day and were met at the station.\n"
    )
    line, doc = _line(text, "ACTIVITIES OF THE VISITING DELEGATIONS AND THEIR")
    assert block_follows(line, doc, True) == "prose below the heading's second line"


def test_a_line_of_capitals_over_a_second_one_and_more_capitals_heads_nothing() -> None:
    text = f"{PROSE}\n\nFIRST ARMY GROUP\nSECOND ARMY GROUP\nTHIRD ARMY GROUP\n"
    line, doc = _line(text, "FIRST ARMY GROUP")
    assert block_follows(line, doc, True) is None


@pytest.mark.parametrize(
    ("title", "below", "expected"),
    [
        ("Paper Prepared in the Office of the Board", "Strelsau, undated.", True),
        ("Note From the Minister to the Ambassador", "Strelsau, May 4, 1962.", True),
        ("Department of State", "Washington, May 4, 1962.", False),  # a letterhead
        ("Paper Prepared in the Office of the Board", "The board met at noon.", False),
        ("The board met at noon in the hall.", "Strelsau, May 4, 1962.", False),
    ],
)
def test_a_title_over_its_place_and_date(title: str, below: str, expected: bool) -> None:
    assert dated_title(title, below) is expected


def test_a_line_of_capitals_over_a_phrase_with_a_comma_is_no_dated_title() -> None:
    assert not dated_title(
        "9. COMMENT: WHILE MOST OF THIS TALK WAS HELD IN", "A CALM TONE, ALTHOUGH GRAVELY, THE"
    )
