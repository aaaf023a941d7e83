"""Speaker labels: what is not a speaker, turns inside paragraphs, one person one id."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from teikit.convert import convert
from teikit.convert.persons import Registry
from teikit.convert.recognizers.pages import Para
from teikit.convert.recognizers.speakers import (
    Speakers,
    candidate,
    line_turn_starts,
    not_a_speaker,
    slug,
    split_at,
    turn_starts,
)
from teikit.convert.zones import Line
from teikit.xmlio import TEI_NS


@pytest.mark.parametrize(
    ("label", "rest"),
    [
        ("AGENCY", " SSC"),
        ("DOCUMENT TYPE", " PAPER"),
        ("AGENDA ITEM III", " Budget"),
        ("Subject", " Berlin"),
        ("Smith", " 45: clerk, Division of Records"),
        ("Chapter One", " Introduction ........ 5"),
        ("DocId", " 32203816 Page 3"),
    ],
)
def test_not_speakers(label: str, rest: str) -> None:
    assert not_a_speaker(label, rest)


def test_speaker_forms() -> None:
    assert not not_a_speaker("MAJOR SMITH", " In January we went.")
    c = candidate("Mr. Schwarz. And then in 1947, did you join?")
    assert c is not None and (c.label, c.punct) == ("Mr. Schwarz", ".")
    c = candidate("The Secretary then said to Duda: I wish you would ask.")
    assert c is not None and c.verb


def test_form_fields_in_capitals_are_not_a_dialogue() -> None:
    openings = ["AGENCY: FBI", "ORIGINATOR: CIA", "TITLE: MEMO", "TO: Director", "FROM: SAC"]
    assert Speakers(openings).accepted == frozenset()


def test_capitals_captions_of_a_cable_need_to_recur() -> None:
    openings = ["TO: SecState", "SUBJ: Policy", "BACKGROUND: The party.", "PROSPECTS: Good."]
    assert Speakers(openings).accepted == frozenset()


@pytest.mark.parametrize(
    ("a", "b"),
    [("DR. SMITH", "Dr. Smith"), ("THE CHAIRMAN", "The Chairman"), ("MAJOR JONES", "Jones")],
)
def test_one_person_one_id(a: str, b: str) -> None:
    assert slug(a) == slug(b)
    assert slug("Secretary of State Rusk") == "rusk"
    assert slug("The Vice President") == "vice-president"
    assert slug("The President went on to say") == slug("The President said") == "president"
    assert slug("President Brandt told Senator Oakes") == "brandt"


def test_a_surname_joins_the_full_name_it_belongs_to() -> None:
    reg = Registry(())
    assert reg.add("Walt Rostow", "speaker") == "walt-rostow"
    assert reg.add("Mr. Rostow", "speaker") == "walt-rostow"


def test_turns_inside_a_paragraph() -> None:
    speakers = Speakers(["MAJOR SMITH: Yes.", "DR. JONES: No.", "MAJOR SMITH: Well.", "X"])
    lines = ["Present: Major Smith, Dr. Jones", "MAJOR SMITH: In the fall? DR. JONES: In January."]
    starts = turn_starts(lines, speakers)
    assert starts == [(1, 0), (1, lines[1].index("DR. JONES"))]
    para = Para([Line(lines[0], 0), Line(lines[1], 100)])
    parts = split_at(para, starts)
    assert [[ln.text for ln in p.lines] for p in parts] == [
        ["Present: Major Smith, Dr. Jones"],
        ["MAJOR SMITH: In the fall?"],
        ["DR. JONES: In January."],
    ]
    assert parts[2].lines[0].offset == 100 + lines[1].index("DR. JONES")


def test_hearing_with_period_labels_and_a_stage_direction() -> None:
    text = (
        "Testimony\n\n"
        "Mr. Schwarz. Did you join the CIA?\n"
        "Mr. Harvey. That is correct.\n\n"
        "Mr. Schwarz. Is that counterespionage?\n\n"
        "Mr. Harvey. Yes, it was. [Laughter]\n\n"
        "[At this point Senator Tower joined the meeting.]\n\n"
        "Senator Tower. You and who?\n\n"
        "Mr. Harvey. Nobody.\n"
    )
    root = convert(text=text, name="doc").tree.getroot()
    body = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/{{{TEI_NS}}}div")
    assert body is not None
    xml = re.sub(r' xmlns="[^"]+"', "", etree.tostring(body, encoding="unicode"))
    who = re.findall(r'<sp who="#([^"]+)"><speaker>([^<]+)</speaker>', xml)
    assert who == [
        ("schwarz", "Mr. Schwarz."),
        ("harvey", "Mr. Harvey."),
        ("schwarz", "Mr. Schwarz."),
        ("harvey", "Mr. Harvey."),
        ("tower", "Senator Tower."),
        ("harvey", "Mr. Harvey."),
    ]
    assert "<p>Yes, it was. <stage>Laughter</stage></p></sp>" in xml
    assert "</sp><p><stage>At this point Senator Tower joined the meeting.</stage></p><sp" in xml


def test_parts_fields_and_source_notes_end_a_turn_page_furniture_does_not() -> None:
    from teikit.convert.recognizers.speakers import ends_turn

    assert ends_turn("AGENDA ITEM III: Budget of the series")
    assert ends_turn("Source: National Archives, RG 59, Central Files.")
    assert not ends_turn("DocId: 32203816 Page 3")
    assert not ends_turn("MR. NOBLE: We went on.")
    assert not ends_turn("And then we went on.")


@pytest.mark.parametrize(
    ("text", "label", "written", "body"),
    [
        ("Mr. Brandt. Yes.", "Mr. Brandt", "Mr. Brandt.", "Yes."),
        ("12 Mr. Brandt. Yes.", "Mr. Brandt", "Mr. Brandt.", "Yes."),
        ("g 2 Mr. Brandt. Well.", "Mr. Brandt", "Mr. Brandt.", "Well."),
        ("14 | Senator Oakes. Why?", "Senator Oakes", "Senator Oakes.", "Why?"),
        ("® i Mr. Brandt. No.", "Mr. Brandt", "Mr. Brandt.", "No."),
        ("18° Mr. Brandt.", "Mr. Brandt", "Mr. Brandt.", ""),
        ("Mr.. Brandt.... Not at all.", "Mr. Brandt", "Mr.. Brandt....", "Not at all."),
        ("Mr.Brandt. That is correct.", "Mr. Brandt", "Mr.Brandt.", "That is correct."),
        ("Mr. Brandt.e. Not that I recall.", "Mr. Brandt", "Mr. Brandt.e.", "Not that I recall."),
        ("Mr. Brandt. . Not at all.", "Mr. Brandt", "Mr. Brandt. .", "Not at all."),
        ("Mr. Brandt: And then?", "Mr. Brandt", "Mr. Brandt:", "And then?"),
        ("The CHAIRMAN. Go on.", "The CHAIRMAN", "The CHAIRMAN.", "Go on."),
    ],
)
def test_hearing_labels_after_the_margin_and_with_ocr_slips(
    text: str, label: str, written: str, body: str
) -> None:
    from teikit.convert.recognizers.speakers import hearing_label

    lab = hearing_label(text)
    assert lab is not None
    assert (lab.label, text[lab.start : lab.written_end], text[lab.end :]) == (label, written, body)


@pytest.mark.parametrize(
    "text",
    [
        "to Mr. Brandt. He said so.",  # prose: a word before the name
        "Mr. Al Long of the Service?",  # a name in a question
        "in 1959 Mr. Brandt. He went.",  # a year is no line number
        "cs] g : 3 2 x y Mr. Brandt. Yes.",  # too much before it for a margin
    ],
)
def test_not_hearing_labels(text: str) -> None:
    from teikit.convert.recognizers.speakers import hearing_label

    assert hearing_label(text) is None


def test_hearing_turns_after_margin_numbers_and_inside_blocks() -> None:
    text = (
        "Testimony\n\n"
        "Mr. Brandt. Did you go to the city?\n\n"
        "Mr. Oakes. I did.\n\n"
        "2 Mr. Brandt. And then? I spoke to\n"
        "Mr. Oakes. He said so.\n"
        "3 Mr. Oakes. Yes.\n"
        "oc\n"
        "g 4 Mr.. Brandt.. Nothing else?\n\n"
        "Mr.Oakes. Nothing.\n"
    )
    root = convert(text=text, name="doc").tree.getroot()
    body = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/{{{TEI_NS}}}div")
    assert body is not None
    xml = re.sub(r' xmlns="[^"]+"', "", etree.tostring(body, encoding="unicode"))
    sps = re.findall(r"<sp .*?</sp>", xml)
    assert sps == [
        '<sp who="#brandt"><speaker>Mr. Brandt.</speaker><p>Did you go to the city?</p></sp>',
        '<sp who="#oakes"><speaker>Mr. Oakes.</speaker><p>I did.</p></sp>',
        '<sp who="#brandt"><fw type="margin">2</fw><speaker>Mr. Brandt.</speaker>'
        "<p>And then? I spoke to Mr. Oakes. He said so.</p></sp>",
        '<sp who="#oakes"><fw type="margin">3</fw><speaker>Mr. Oakes.</speaker><p>Yes. oc</p></sp>',
        '<sp who="#brandt"><fw type="margin">g 4</fw><speaker>Mr.. Brandt..</speaker>'
        "<p>Nothing else?</p></sp>",
        '<sp who="#oakes"><speaker>Mr.Oakes.</speaker><p>Nothing.</p></sp>',
    ]


def test_a_dialogue_quoted_in_a_report() -> None:
    from teikit.convert.recognizers.speakers import quoted_dialogue

    assert quoted_dialogue(['GUEST: "A typical job.', "HOST: “A thing of theirs.”", "X"]) == {
        "GUEST",
        "HOST",
    }
    # one quoted caption is no dialogue, nor are fields
    assert quoted_dialogue(['GUEST: "A typical job.', "The report went on."]) == frozenset()
    assert quoted_dialogue(['SUBJECT: "Tunnel"', 'TEXT: "Begin"']) == frozenset()
    text = (
        "AIRTEL\n\nTO: Director\n\nFROM: Legat\n\n"
        "The conversation was overheard on 5/8/64 and is as follows:\n\n"
        'GUEST: "A typical job.\n\n'
        "HOST: “A thing of theirs, really -”\n\n"
        "The source has no more on this.\n"
    )
    root = convert(text=text, name="doc").tree.getroot()
    body = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/{{{TEI_NS}}}div")
    assert body is not None
    xml = re.sub(r' xmlns="[^"]+"', "", etree.tostring(body, encoding="unicode"))
    assert re.findall(r"<sp .*?</sp>", xml) == [
        '<sp who="#guest"><speaker>GUEST:</speaker><p>"A typical job.</p></sp>',
        '<sp who="#host"><speaker>HOST:</speaker><p>“A thing of theirs, really -”</p></sp>',
    ]


def test_a_zero_for_an_o_in_a_label() -> None:
    assert candidate("MR. HOLL0WAY: This is the table.") is not None
    assert not_a_speaker("AGENDA 3")
    assert not_a_speaker("ITEM 30")
    reg = Registry(())
    assert reg.add("MR. HOLLOWAY", "speaker") == reg.add("MR. HOLL0WAY", "speaker") == "holloway"


def test_topics_and_captions_in_a_dialogue_are_not_speakers() -> None:
    openings = [
        "Brandt: We went to the city.",
        "Oakes: Why?",
        "Brandt: To see Western Europe and the rest.",
        "Europe: They accuse us of everything.",
        "The Middle East: The dilemma is on the other side.",
        "About Moscow: We did not know.",
        "Rules:",
        "The Soviet Ambassador: We agree.",
        "Congressman John Q. Fairweather asked a question.",
        "Fairweather: What would be reasonable?",
    ]
    assert Speakers(openings).accepted == {
        "Brandt",
        "Oakes",
        "The Soviet Ambassador",
        "Fairweather",
    }


def test_heading_names_are_people_not_phrases() -> None:
    from teikit.convert.recognizers.speakers import heading_names

    assert heading_names("Record of conversation between Comrade Orlov and comrade Belov") == [
        "Orlov",
        "Belov",
    ]
    assert heading_names("Memorandum of conversation with Mr. Jan Nowak and Dr. Ann Poe") == [
        "Jan Nowak",
        "Ann Poe",
    ]
    assert heading_names("RECORD OF CONVERSATION OF COMRADE LI WEI WITH COMRADE PAK SON") == [
        "LI WEI",
        "PAK SON",
    ]
    # a body named in capitals is no person
    assert heading_names("UNITED STATES SENATE SELECT COMMITTEE ON INTELLIGENCE ACTIVITIES") == []


def test_the_chair_is_the_person_named_chairman() -> None:
    from teikit.convert.recognizers.speakers import chair_named

    assert chair_named(["Members:", "Dr. Jane Roe, Chairman", "Dr. Ann Poe"]) == "Dr. Jane Roe"
    assert chair_named(["[The meeting was convened, Dr. Jane Roe presiding.]"]) == "Dr. Jane Roe"
    assert chair_named(["Senator Frank Oakes (Chairman) presiding."]) == "Senator Frank Oakes"
    assert chair_named(["The Chairman said so.", "Mr. Chairman, I agree."]) is None
    reg = Registry(())
    reg.chair = "Senator Frank Oakes"
    assert (
        reg.add("The CHAIRMAN", "speaker") == reg.add("Senator Oakes", "speaker") == "frank-oakes"
    )
    assert reg.entries["frank-oakes"].labels == [
        "Senator Frank Oakes",
        "The CHAIRMAN",
        "Senator Oakes",
    ]


def test_a_surname_alone_stays_apart_when_two_people_bear_it() -> None:
    reg = Registry(())
    assert reg.add("MR. R. OAKES", "speaker") == "oakes-r"
    assert reg.add("Dr. Jane Oakes", "speaker") == "jane-oakes"
    assert reg.add("MR. OAKES", "speaker") == "oakes"
    reg = Registry(())
    assert reg.add("MR. R. OAKES", "speaker") == reg.add("MR. OAKES", "speaker") == "oakes-r"


def test_an_office_alone_beside_named_speakers() -> None:
    openings = ["President: Welcome.", "Secretary Oakes: Thank you.", "Secretary Oakes: Yes."]
    assert Speakers(openings).accepted == {"President", "Secretary Oakes"}


def test_a_short_exchange_of_two_people_in_a_memorandum() -> None:
    openings = [
        "MEMORANDUM FOR THE RECORD",
        "Mr. Oakes: The others will not move, I think.",
        "Secretary Roe: We saw the situation as nearly over.",
    ]
    speakers = Speakers(openings)
    assert speakers.quoted == {"Mr. Oakes", "Secretary Roe"}
    assert speakers.quoted_turn(openings[1]) is not None
    # people who only "said" something are reported speech, not an exchange
    said = ["The President asked: Would we go?", "General Oakes said: Not all."]
    assert Speakers(said).quoted == frozenset()
    # a contents line with a tab before its page number is no turn
    assert not_a_speaker("THE WORLD WITHOUT", " THE USSR\t4")


def test_an_office_and_surnames_named_elsewhere_are_an_exchange() -> None:
    openings = [
        "Meeting in the Cabinet Room With the President and Senator Brandvold, "
        "Joined Later by Secretary Okonkwo",
        "Brandvold: How did the paper ever write that editorial?",
        "Okonkwo: Any time you want to call me, just call me.",
    ]
    assert Speakers(openings).accepted == frozenset({"Brandvold", "Okonkwo"})
    assert Speakers(["President: Now, the outlook.", "Okonkwo: In the south, talks."]).accepted == (
        frozenset()
    )


def test_a_qualified_title_before_a_name_is_a_person() -> None:
    c = candidate("Foreign Minister Okafor: Could we mention this?")
    assert c is not None and c.person
    c = candidate("Western Europe Director: A summary.")
    assert c is not None and not c.person


def test_a_verb_of_speech_inside_a_paragraph_is_narration() -> None:
    speakers = Speakers(
        [
            "Mr. Okafor said: We agree.",
            "Mr. Okafor said: This is the point.",
            "Mr. Okafor said: Thank you.",
        ]
    )
    assert "Mr. Okafor said" in speakers.accepted
    lines = ["The President offered him tea. Mr. Okafor said: “No, is it strong?”"]
    assert turn_starts(lines, speakers) == []


def test_places_named_elsewhere_are_not_an_exchange() -> None:
    openings = [
        "Sent to Paris and Valletta and Tallinn.",
        "Valletta: Approach the Governor as suggested.",
        "Tallinn: Karlsson letter indicated acceptance.",
    ]
    assert Speakers(openings).accepted == frozenset()


def test_a_block_set_one_turn_per_line() -> None:
    lines = [
        "HOLT: Hello, Anna? I have your message.",
        "MARSH: Yes. They want an answer by Friday",
        "at the latest.",
        "HOLT: We cannot give one before the meeting.",
        "MARSH: I will tell them.",
    ]
    # a turn may wrap onto a line no label opens
    assert line_turn_starts(lines) == [(1, 0), (3, 0), (4, 0)]
    # fields, a list of those present, one speaker's lines, and prose stay whole
    assert line_turn_starts(["TO: The Director", "FROM: The Deputy", "SUBJECT: Visits"]) == []
    assert line_turn_starts(["Holt: Chairman", "Marsh: Secretary", "Reyes: Counsel"]) == []
    assert line_turn_starts(["HOLT: One.", "HOLT: Two.", "HOLT: Three."]) == []
    assert line_turn_starts(["The meeting opened.", "HOLT: One.", "MARSH: Two.", "HOLT: 3"]) == []


def test_a_transcript_without_blank_lines_between_turns() -> None:
    text = (
        "TRANSCRIPT OF TELEPHONE CONVERSATION\n\n"
        "HOLT: Hello, Anna? I have your message.\n"
        "MARSH: Yes. They want an answer by Friday.\n"
        "HOLT: We cannot give one before the meeting.\n"
    )
    tree = convert(text=text, name="t").tree
    sps = tree.findall(f".//{{{TEI_NS}}}sp")
    assert [
        etree.tostring(sp, encoding="unicode").replace(f' xmlns="{TEI_NS}"', "") for sp in sps
    ] == [
        '<sp who="#holt"><speaker>HOLT:</speaker><p>Hello, Anna? I have your message.</p></sp>',
        '<sp who="#marsh"><speaker>MARSH:</speaker><p>Yes. They want an answer by Friday.</p></sp>',
        '<sp who="#holt"><speaker>HOLT:</speaker>'
        "<p>We cannot give one before the meeting.</p></sp>",
    ]
