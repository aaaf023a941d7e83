"""Each recognizer on a small fragment, compared as whole TEI fragments."""

from __future__ import annotations

import pytest
from convert_helpers import first, frag, run

CONV = """RECORD of CONVERSATION of COMRADE PETROV A.B.

PETROV A.B.: {a}

IVANOV, C.D.: {b}

PETROV A.B.: Third turn.
"""


def conv(a: str, b: str = "Second turn.") -> str:
    return CONV.format(a=a, b=b)


def test_speaker_labels_turns_and_persons() -> None:
    res = run(conv("First turn.\n\nStill me."))
    sp = res.tree.find(".//{*}sp")
    assert frag(sp) == (
        '<sp who="#petrov-ab"><speaker>PETROV A.B.:</speaker><p>First turn.</p>'
        "<p>Still me.</p></sp>"
    )
    people = [frag(p) for p in res.tree.iterfind(".//{*}person")]
    assert people == [
        '<person xml:id="petrov-ab" role="speaker"><persName>PETROV A.B.</persName></person>',
        '<person xml:id="ivanov-cd" role="speaker"><persName>IVANOV, C.D.</persName></person>',
    ]
    assert res.report.counts["turns"] == 3


def test_known_speaker_followed_by_period() -> None:
    text = (
        "Comrade Anna Berg: One.\n\nComrade Carl Dahl: Two.\n\n"
        "Comrade Anna Berg. Three.\n\nComrade Carl Dahl: Four.\n"
    )
    sps = run(text).tree.findall(".//{*}sp")
    assert frag(sps[2]) == (
        '<sp who="#anna-berg"><speaker>Comrade Anna Berg.</speaker><p>Three.</p></sp>'
    )


def test_supplied_foreign_sic_and_summary() -> None:
    side = '[document]\noriginal-language = "ru"\n'
    p = first(
        conv(
            "[Talks about the weather at some length.] If he leaves [the scene], a fool "
            "[durak] said us [sic] so."
        ),
        ".//t:sp/t:p",
        side,
    )
    assert p == (
        '<p><gap reason="summarized"/><note type="summary" resp="#transcriber">Talks about the '
        'weather at some length.</note> If he leaves <supplied resp="#transcriber">the scene'
        '</supplied>, a fool <foreign xml:lang="ru-Latn">durak</foreign> said <sic>us</sic> so.</p>'
    )


def test_stage_and_parenthesized_transliteration() -> None:
    side = '[document]\noriginal-language = "ru"\n'
    p = first(conv("You want to subordinate (podchinit') us. (Laughter.)"), ".//t:sp/t:p", side)
    assert p == (
        '<p>You want to subordinate (<foreign xml:lang="ru-Latn">podchinit\'</foreign>) us. '
        "<stage>Laughter.</stage></p>"
    )


def test_unbalanced_bracket_is_kept_and_reported() -> None:
    res = run(conv("Fine.] Then [more"))
    p = res.tree.find(".//{*}sp/{*}p")
    assert frag(p) == "<p>Fine.] Then [more</p>"
    messages = [(u.line, u.column, u.message) for u in res.report.uncertainties]
    assert (3, 19, "bracket ']' closes nothing; kept as text") in messages
    assert (3, 26, "bracket '[' never closed; kept as text") in messages


def test_bracketed_footnote_reference_and_note() -> None:
    res = run(conv("The Republic of [Kubinsky][1] was created.") + "\n\n[1] A place name.\n")
    p = res.tree.find(".//{*}sp/{*}p")
    assert frag(p) == (
        '<p>The Republic of <unclear resp="#transcriber">Kubinsky</unclear>'
        '<ref type="footnote" target="#fn1">1</ref> was created.</p>'
    )
    assert frag(res.tree.find(".//{*}back")) == (
        '<back><div type="notes"><note type="footnote" xml:id="fn1" n="1">A place name.</note>'
        "</div></back>"
    )


def test_numbered_points_in_a_turn() -> None:
    p = first(conv("He said two things:\n\n1) The first.\n\n2) The second."), ".//t:sp")
    assert p == (
        '<sp who="#petrov-ab"><speaker>PETROV A.B.:</speaker><p>He said two things:</p>'
        '<list type="numbered"><item n="1">The first.</item><item n="2">The second.</item>'
        "</list></sp>"
    )


CABLE = """CABLE No. 123

to Cde. Alpha

to Cde. Beta

from [SOMEWHERE] received at 1135 19 October 1951

Copy No. 2

[Stamp: SUBJECT TO RETURN

Incoming No. 45/6 19 October 1951]

to Cde. GAMMA

Cde. GAMMA!

I forward my telegram.

"Cde. Delta, hello.

Please act.

OMEGA ZETA 0530 18 October"

No. 5205

19 October

OMEGA ZETA

Deciphered by Someone 1205 19 October

Eight copies printed
"""


def test_cable_front_matter() -> None:
    div = run(CABLE).tree.find(".//{*}body/{*}div")
    got = [frag(el) for el in div[:6]]
    assert got == [
        '<head>CABLE No. <idno type="cable">123</idno></head>',
        '<list type="distribution"><item>to Cde. Alpha</item><item>to Cde. Beta</item></list>',
        '<p>from <supplied resp="#transcriber">SOMEWHERE</supplied> received at <time>1135</time> '
        '<date when="1951-10-19">19 October 1951</date></p>',
        '<p>Copy No. <idno type="copy">2</idno></p>',
        '<p><stamp type="registry">SUBJECT TO RETURN<lb/>Incoming No. <idno type="registry">45/6'
        '</idno> <date when="1951-10-19">19 October 1951</date></stamp></p>',
        '<div type="message"><opener><address><addrLine>to Cde. GAMMA</addrLine></address>'
        "<salute>Cde. GAMMA!</salute></opener><p>I forward my telegram.</p>"
        '<div type="telegram"><p>"Cde. Delta, hello.</p><p>Please act.</p><closer>'
        '<signed>OMEGA ZETA</signed> <dateline><time>0530</time> <date when="1951-10-18" '
        'cert="medium">18 October</date></dateline>"</closer></div><closer>No. <idno type="cable">'
        # the closer's parts, on lines of their own in the copy, stay apart
        '5205</idno> <dateline><date when="1951-10-19" cert="medium">19 October</date></dateline>'
        " <signed>OMEGA ZETA</signed></closer></div>",
    ]
    assert [frag(el) for el in div[6:]] == [
        '<note type="handling">Deciphered by Someone <time>1205</time> <date when="1951-10-19" '
        'cert="medium">19 October</date></note>',
        '<note type="handling">Eight copies printed</note>',
    ]


LETTER = """FILES TO BUREAU (2) Bufile 100-4280

TO THE CENTRAL COMMITTEE OF THE PARTY

Dear comrades, we have received your letter of May 7, which contains an answer to
ours. We reckon with the will of most of the fraternal parties, which insist that

they meet. The Marxist-
Leninist parties agree with the Commu-

nists of all countries.

deedings suggested by us are realistic.

Difference in the world

The rest of the letter.

With fraternal greetings,

CENTRAL COMMITTEE OF THE PARTY
OF THE COUNTRY

June 15, 1964
"""


def test_letter_structure_and_physical_copy() -> None:
    div = run(LETTER).tree.find(".//{*}body/{*}div")
    assert [frag(el) for el in div] == [
        '<fw type="file">FILES TO BUREAU (2) Bufile <idno type="fbi-file">100-4280</idno></fw>',
        "<opener><address><addrLine>TO THE CENTRAL COMMITTEE OF THE PARTY</addrLine></address>"
        "<salute>Dear comrades,</salute></opener>",
        '<p>we have received your letter of <date when="1964-05-07" cert="medium">May 7</date>, '
        "which contains an answer to ours. We reckon with the will of most of the fraternal "
        "parties, which insist that they meet. The Marxist-Leninist parties agree with the "
        'Communists of all countries. <pb/> <gap reason="lost" resp="#teikit"/>deedings '
        "suggested by us are realistic.</p>",
        '<div type="section"><head>Difference in the world</head><p>The rest of the letter.</p>'
        "</div>",
        "<closer><salute>With fraternal greetings,</salute><signed>CENTRAL COMMITTEE OF THE PARTY"
        '<lb/>OF THE COUNTRY</signed><dateline><date when="1964-06-15">June 15, 1964</date>'
        "</dateline></closer>",
    ]


def test_page_number_and_glued_footnote_marker() -> None:
    text = (
        "To\nComrade Someone1 And Others\nDear Comrades,\n\nThe text runs on to the absence of\n"
        "\n\n8\n\ndialectical relation here.\n\nComradely yours,\nA. Writer\n\n\n"
        "1.  Later a renegade.\n"
    )
    res = run(text)
    div = res.tree.find(".//{*}body/{*}div")
    assert [frag(el) for el in div] == [
        '<opener><address><addrLine>To</addrLine><addrLine>Comrade Someone<ref type="footnote" '
        'target="#fn1">1</ref> And Others</addrLine></address><salute>Dear Comrades,</salute>'
        "</opener>",
        '<p>The text runs on to the absence of <pb n="8"/>dialectical relation here.</p>',
        "<closer><salute>Comradely yours,</salute><signed>A. Writer</signed></closer>",
    ]
    assert res.report.counts["pages"] == 1


def test_web_frame_goes_to_the_header() -> None:
    text = (
        "Skip to content\n\nOctober 9, 1964\n\nConversation of A and B\n\n"
        "This document was made possible with support from Some Fund\n\n"
        "Comrade Anna Berg: One.\n\nComrade Carl Dahl: Two.\n\nComrade Anna Berg: Three.\n\n"
        "A summary of the talk.\n\nDocument Information\n\n"
        "Some State Archives, Fondi 14/AP, Dos. 38, Fl. 1-7. Contributed and translated by "
        "Jan Kowal.\n\nReuse is welcome; rights are retained.\n\nRecord ID\n"
    )
    tree = run(text).tree
    assert frag(tree.find(".//{*}sourceDesc")) == (
        "<sourceDesc><msDesc><msIdentifier><repository>Some State Archives</repository>"
        '<idno type="fond">14/AP</idno><idno type="file">38</idno><idno type="folio">1-7</idno>'
        "</msIdentifier><msContents><summary>A summary of the talk.</summary></msContents>"
        '</msDesc><bibl type="citation">Some State Archives, Fondi 14/AP, Dos. 38, Fl. 1-7. '
        'Contributed and translated by Jan Kowal.</bibl><bibl type="credits">This document was '
        "made possible with support from Some Fund</bibl></sourceDesc>"
    )
    assert frag(tree.find(".//{*}samplingDecl")) == (
        "<samplingDecl><p>Web-page navigation, field labels and separators dropped: "
        "<q>Skip to content</q> <q>Document Information</q> <q>Record ID</q></p></samplingDecl>"
    )
    assert frag(tree.find(".//{*}respStmt")) == (
        '<respStmt xml:id="transcriber"><resp key="trl">Contributed and translated by</resp>'
        "<persName>Jan Kowal</persName></respStmt>"
    )
    assert frag(tree.find(".//{*}creation")) == (
        '<creation><date when="1964-10-09">October 9, 1964</date></creation>'
    )


def test_sidecar_person_registry_and_correction() -> None:
    side = (
        '[[editor]]\nid = "ed-x"\nname = "X"\nresp = "Corrections"\n\n'
        '[[person]]\nid = "petrov"\nlabels = ["PETROV A.B."]\nname = "Anton Petrov"\n'
        'role = "Minister"\nresp = "ed-x"\n\n'
        '[[correction]]\nsic = "tum"\ncorr = "turn"\nresp = "ed-x"\ncert = "high"\n'
    )
    tree = run(conv("First tum."), side).tree
    assert frag(tree.find(".//{*}person")) == (
        '<person xml:id="petrov" role="speaker"><persName>PETROV A.B.</persName>'
        '<persName type="full" resp="#ed-x">Anton Petrov</persName>'
        "<occupation>Minister</occupation></person>"
    )
    assert frag(tree.find(".//{*}sp/{*}p")) == (
        '<p>First <choice><sic>tum</sic><corr resp="#ed-x" cert="high">turn</corr></choice>.</p>'
    )


ESTIMATE = """Special Harbour Estimate

Washington, November 3, 1966.

Source: Harbour Board files. Secret.

To make a preliminary evaluation of recent information bearing on the harbour.

The Estimate

1. The board met and weighed the evidence of the harbour works in full.
"""


def test_a_titles_dateline_above_an_opener_is_a_dateline_not_a_subtitle() -> None:
    div = run(ESTIMATE).tree.find(".//{*}body/{*}div")
    assert [frag(el) for el in div[:2]] == [
        "<head>Special Harbour Estimate</head>",
        "<dateline><placeName>Washington</placeName>, "
        '<date when="1966-11-03">November 3, 1966</date>.</dateline>',
    ]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("To the Minister of Harbours", True),
        ("to Cde. Alpha", True),
        ("TO: Director", True),
        ("To all stations", True),
        ("To Anna Berg", True),
        ("To make a first estimate of the harbour works.", False),
        ("To be read aloud", False),
    ],
)
def test_an_address_is_no_purpose_stated(text: str, address: bool) -> None:
    from teikit.convert.recognizers.letters import is_address

    assert is_address(text) is address
