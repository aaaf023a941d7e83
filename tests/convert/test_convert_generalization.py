"""The converter on records laid out like published document editions (FRUS style).

The inputs are small made-up records in the layout such editions use: a title,
a dateline, a ``Source:`` note stating the classification, speaker labels of many
forms, ``[n]`` markers with the notes listed under a rule. Whole fragments are
compared, so that any change of structure shows.
"""

from __future__ import annotations

from convert_helpers import NS, body_div, first, frag, run

MEMCON = """\
Memorandum of Conversation

Lisbon, May 4, 1971, 10 a.m.

Source: State Archives, Central Files, Box 12. Secret; Nodis. Drafted by Smith.

Dr. Holm: Welcome back to Lisbon.[2]

The Minister: Thank you. The talks went well.

Dr. Holm: I am glad to hear it.

We should meet again soon.

H: One more point.

H: And another.

----
[2] The minister had returned on May 3.
"""


def test_record_front_turns_and_endnotes() -> None:
    div = body_div(MEMCON)
    assert frag(div) == (
        '<div type="conversation"><head>Memorandum of Conversation</head>'
        '<dateline>Lisbon, <date when="1971-05-04">May 4, 1971</date>, 10 a.m.</dateline>'
        "<p>Source: State Archives, Central Files, Box 12. "
        '<stamp type="classification">Secret; Nodis.</stamp> Drafted by Smith.</p>'
        '<sp who="#holm"><speaker>Dr. Holm:</speaker><p>Welcome back to Lisbon.'
        '<ref type="footnote" target="#fn2">2</ref></p></sp>'
        '<sp who="#minister"><speaker>The Minister:</speaker>'
        "<p>Thank you. The talks went well.</p></sp>"
        '<sp who="#holm"><speaker>Dr. Holm:</speaker><p>I am glad to hear it.</p>'
        "<p>We should meet again soon.</p></sp>"
        '<sp who="#h"><speaker>H:</speaker><p>One more point.</p></sp>'
        '<sp who="#h"><speaker>H:</speaker><p>And another.</p></sp></div>'
    )
    note = run(MEMCON).tree.find(".//t:back/t:div/t:note", NS)
    assert note is not None
    assert frag(note) == (
        '<note type="footnote" xml:id="fn2" n="2">The minister had returned on '
        '<date when="1971-05-03" cert="medium">May 3</date>.</note>'
    )


def test_fields_end_the_heading_and_are_not_speakers() -> None:
    text = (
        "Memorandum for the Record\n\nWashington, June 2, 1972.\n\n"
        "Subject: Grain sales\n\nParticipants: Ambassador Rolf, Mr. Dale\n\n"
        "Ambassador Rolf: We need an answer.\n\nMr. Dale: You will have one.\n\n"
        "Ambassador Rolf: When?\n"
    )
    div = body_div(text)
    assert [frag(p) for p in div.findall("t:p", NS)] == ["<p>Subject: Grain sales</p>"]
    # those present are a list, each name pointing to the person who then speaks
    lst = div.find("t:list", NS)
    assert lst is not None
    assert frag(lst) == (
        '<list type="participants"><head>Participants:</head>'
        '<item><persName ref="#rolf">Ambassador Rolf</persName>,</item>'
        '<item><persName ref="#dale">Mr. Dale</persName></item></list>'
    )
    assert [s.text for s in div.iterfind(".//t:speaker", NS)] == [
        "Ambassador Rolf:",
        "Mr. Dale:",
        "Ambassador Rolf:",
    ]


def test_topic_heading_with_colon_seen_once_is_no_speaker() -> None:
    """A bare ``Label:`` seen once, without a title, continues the turn before it."""
    text = (
        "Minutes\n\nBerg: First point.\n\nCole: Second point.\n\nCole: More.\n\nBerg: Third.\n\n"
        "About the harbour: We did not know.\n"
    )
    div = body_div(text)
    assert frag(div[-1]) == (
        '<sp who="#berg"><speaker>Berg:</speaker><p>Third.</p>'
        "<p>About the harbour: We did not know.</p></sp>"
    )


def test_source_note_as_footnote_carries_the_stamp() -> None:
    text = (
        "Telegram From the Embassy in Oslo[1]\n\nOslo, March 3, 1958.\n\n"
        "The Ambassador called today.\n\n----\n"
        "[1] Source: Department files, 711.00. Top Secret; Priority. Repeated to London.\n"
    )
    note = first(text, ".//t:back//t:note")
    assert note == (
        '<note type="footnote" xml:id="fn1" n="1">Source: Department files, 711.00. '
        '<stamp type="classification">Top Secret; Priority.</stamp> Repeated to London.</note>'
    )


def test_no_classification_marking_is_not_a_stamp() -> None:
    text = (
        "Letter\n\nRome, July 1, 1974.\n\n"
        "Source: Private papers. No classification marking. Secret talks were held.\n\n"
        "Dear Anna,\n\nAll is well.\n"
    )
    assert run(text).tree.find(".//t:stamp", NS) is None


def test_numbered_paragraphs_are_not_endnotes() -> None:
    text = (
        "Estimate\n\nParis, May 5, 1966.\n\n1. The first finding.[2]\n\n"
        "2. The second finding.\n\n----\n[2] A note on the first.\n"
    )
    tree = run(text).tree
    assert [n.get("n") for n in tree.iterfind(".//t:back//t:note", NS)] == ["2"]
    assert [i.get("n") for i in tree.iterfind(".//t:item", NS)] == ["1", "2"]


def test_single_label_dialogue_and_narrator_turns() -> None:
    text = (
        "Telegram\n\nOslo, May 5, 1958.\n\n"
        "Lund replied: First answer.\n\nI replied: My answer.\n\n"
        "Lund replied: Second answer.\n\nLund replied: Third answer.\n\n"
        "Lund replied: Fourth answer.\n"
    )
    div = body_div(text)
    # the person's id is the name before the verb of speech (one person, one id)
    assert [frag(c)[:40] for c in div if c.tag.endswith(("sp", "}p"))] == [
        '<sp who="#lund"><speaker>Lund replied:</',
        "<p>I replied: My answer.</p>",
        '<sp who="#lund"><speaker>Lund replied:</',
        '<sp who="#lund"><speaker>Lund replied:</',
        '<sp who="#lund"><speaker>Lund replied:</',
    ]


def test_ungrammatical_join_across_a_boundary_is_a_gap() -> None:
    text = (
        "Dear friends,\n\nWe have read your letter with care and we wish to avoid a\n\n"
        "your methods are not ours, and we say so plainly.\n\n"
        "Do you seriously hope that the others\n\n"
        "will follow you in this matter and that it will succeed.\n\n"
        "With greetings,\n\nTHE COMMITTEE\n"
    )
    div = body_div(text)
    # the loss stands in the flow, where a page of the copy turned: no new paragraph
    assert [frag(p) for p in div.findall("t:p", NS)] == [
        "<p>We have read your letter with care and we wish to avoid a <pb/> "
        '<gap reason="lost" resp="#teikit"/>your methods are not ours, and we say so '
        "plainly.</p>",
        "<p>Do you seriously hope that the others <pb/> "
        '<gap reason="lost" resp="#teikit"/>will follow you in this matter and that it '
        "will succeed.</p>",
    ]


def test_compound_half_opening_a_paragraph_is_a_gap() -> None:
    text = (
        "Dear friends,\n\nAll Marxists-Leninists know the rule, and they keep it.\n\n"
        "Leninists of every country that the rule holds.\n\nWith greetings,\n\nTHE COMMITTEE\n"
    )
    div = body_div(text)
    assert frag(div.findall("t:p", NS)[0]) == (
        "<p>All Marxists-Leninists know the rule, and they keep it. <pb/> "
        '<gap reason="lost" resp="#teikit"/>Leninists of every country that the rule holds.</p>'
    )
