"""The reading view: what the encoding says, shown; nothing dropped; any TEI renders."""

from __future__ import annotations

from pathlib import Path

import pytest
from html_helpers import TEI, missing_words, page, tei
from lxml import etree

from teikit.errors import TeikitError
from teikit.html import read, render

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "tei").glob("*.xml"))
CONVERSATION = REPO / "tei" / "1959-10-02_conversation_khrushchev-mao.xml"

PEOPLE = (
    "<respStmt xml:id='tr'><resp>Translated by</resp><persName>Ann Reader</persName></respStmt>"
    "<respStmt xml:id='ed'><resp>Corrections</resp><persName>Ed Itor</persName></respStmt>"
)
PROFILE_PERSONS = (
    "<listPerson><person xml:id='a'><persName>A.B.</persName>"
    "<persName type='full'>Anna Bell</persName><occupation>Minister</occupation></person>"
    "<person xml:id='c'><persName>C.D.</persName></person></listPerson>"
)


def conversation() -> etree._Element:
    root = tei(
        "<div type='conversation'><sp who='#a'><speaker>A.B.:</speaker><p>Hello.</p></sp>"
        "<sp who='#c'><speaker>C.D.:</speaker><p>Hi.</p></sp>"
        "<sp who='#a'><speaker>A.B.:</speaker><p>Bye.</p></sp></div>",
        PEOPLE,
    )
    header = root.find(f"{{{TEI}}}teiHeader")
    assert header is not None
    profile = etree.SubElement(header, f"{{{TEI}}}profileDesc")
    partic = etree.SubElement(profile, f"{{{TEI}}}particDesc")
    partic.append(etree.fromstring(f"<x xmlns='{TEI}'>{PROFILE_PERSONS}</x>")[0])
    return root


def test_turns_are_labelled_coloured_per_person_and_linked_to_the_person() -> None:
    doc = page(render(conversation()))
    turns = doc.find_class("sp")
    assert [t.get("data-person") for t in turns] == ["a", "c", "a"]
    colours = [next(c for c in t.get("class", "").split() if c.startswith("pc")) for t in turns]
    assert colours[0] == colours[2] != colours[1]
    label = turns[0].find_class("speaker")[0].find("a")
    assert label.text == "A.B.:"  # as written
    assert label.get("title") == "Anna Bell — Minister"
    assert label.get("href") == "#tk-person-a"
    person = doc.get_element_by_id("tk-person-a")
    assert [a.get("href") for a in person.find_class("turns")[0].iter("a")] == [
        f"#{turns[0].get('id')}",
        f"#{turns[2].get('id')}",
    ]


def test_choice_shows_both_readings_with_who_and_certainty() -> None:
    doc = page(
        render(
            tei(
                "<p>the <choice><sic>Chairma</sic><corr resp='#ed' cert='high'>Chairman</corr>"
                "</choice> spoke</p>",
                PEOPLE,
            )
        )
    )
    choice = doc.find_class("choice")[0]
    written = choice.find_class("as-written")[0]
    edited = choice.find_class("as-edited")[0]
    assert (written.text, edited.text) == ("Chairma", "Chairman")
    assert edited.tag == "ins"
    assert edited.get("title") == "corrected by Ed Itor (Corrections); certainty: high"
    assert doc.get_element_by_id("tk-reading") is not None


def test_supplied_gap_foreign_stamp_fw_and_page_break() -> None:
    root = tei(
        "<p><supplied resp='#tr'>BEIJING</supplied> <gap reason='illegible'/> "
        "<foreign xml:lang='ru'>da</foreign> <stamp type='classification'>SECRET</stamp>"
        "<pb n='7'/><fw type='header'>Page 7</fw></p>",
        PEOPLE,
    )
    header = root.find(f"{{{TEI}}}teiHeader")
    assert header is not None
    header.append(
        etree.fromstring(
            f"<profileDesc xmlns='{TEI}'><langUsage><language ident='ru'>Russian</language>"
            "</langUsage></profileDesc>"
        )
    )
    doc = page(render(root))
    supplied = doc.find_class("supplied")[0]
    assert supplied.text_content() == "[BEIJING]"
    assert supplied.get("title") == "supplied by Ann Reader (Translated by)"
    assert doc.find_class("gap")[0].text_content() == "[… illegible]"
    foreign = doc.find_class("foreign")[0]
    assert (foreign.get("lang"), foreign.get("title")) == ("ru", "Russian")
    assert doc.find_class("stamp")[0].get("title") == "classification"
    assert doc.find_class("pb")[0].text_content() == "p. 7"
    assert doc.find_class("fw")[0].get("title") == "page furniture: header"


def test_footnote_pops_up_at_its_marker_and_is_listed_with_a_link_back() -> None:
    doc = page(render(tei("<p>Text<note place='foot' n='3'>The note.</note> more.</p>")))
    marker = doc.find_class("fn-ref")[0]
    pop = doc.get_element_by_id(marker.get("aria-controls"))
    assert pop.get("hidden") is not None and "The note." in pop.text_content()
    item = doc.get_element_by_id(marker.get("href")[1:])
    assert item.tag == "li" and "The note." in item.text_content()
    assert [a.get("href") for a in item.find_class("backref")] == [f"#{marker.get('id')}"]


def test_endnote_pointed_at_by_ref_pops_up_and_links_back() -> None:
    doc = page(
        render(
            tei(
                "<div><p>Claim<ref type='footnote' target='#fn1'>1</ref>.</p></div>"
                "<div type='notes'><note type='footnote' xml:id='fn1' n='1'>Source.</note></div>"
            )
        )
    )
    marker = doc.find_class("fn-ref")[0]
    assert marker.get("href") == "#fn1"
    assert "Source." in doc.get_element_by_id(marker.get("aria-controls")).text_content()
    note = doc.get_element_by_id("fn1")
    assert [a.get("href") for a in note.find_class("backref")] == [f"#{marker.get('id')}"]


def test_editorial_note_is_set_apart_and_attributed() -> None:
    doc = page(render(tei("<p><note type='summary' resp='#tr'>Talks about X.</note></p>", PEOPLE)))
    note = doc.find_class("set-apart")[0]
    assert note.find_class("note-kind")[0].text == "summary"
    assert note.find_class("note-resp")[0].text == "— Ann Reader (Translated by)"


def test_header_panel_lists_title_date_archive_responsibilities_languages() -> None:
    doc = page(render(CONVERSATION))
    panel = doc.find_class("tei-header")[0]
    facts = dict(
        zip(
            [dt.text_content() for dt in panel.iter("dt")],
            [dd.text_content() for dd in panel.iter("dd")],
            strict=True,
        )
    )
    assert facts["Date"] == "October 2, 1959"
    assert "Library of Congress" in facts["Archive"]
    assert facts["Call numbers"] == "Reel 17 (reel)"
    assert facts["Translated by"] == "David Wolff"
    assert facts["Languages"] == "English, Russian"
    assert "Record of Conversation" in panel.find(".//h1").text_content()


def test_unknown_and_foreign_namespace_elements_keep_their_text() -> None:
    root = tei(
        "<p>a <madeUp type='x'>b <deeper>c</deeper></madeUp> d</p>"
        "<madeBlock><p>e</p></madeBlock><y:thing>f</y:thing>",
        extra_ns=' xmlns:y="urn:y"',
    )
    markup = render(root)
    assert not missing_words(root, markup)
    doc = page(markup)
    made = next(el for el in doc.iter() if el.get("data-tei") == "madeUp")
    assert made.tag == "span" and "type-x" in made.get("class", "")
    block = next(el for el in doc.iter() if el.get("data-tei") == "madeBlock")
    assert block.tag == "div" and block.find("p") is not None


def test_block_elements_inside_a_paragraph_stay_inside_it() -> None:
    doc = page(render(tei("<p>a <note>n <p>inner</p> <list><item>i</item></list></note> b</p>")))
    paragraph = doc.find(".//main//p")
    assert paragraph is not None and "b" in paragraph.text_content()
    assert "inner" in paragraph.text_content()


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_renders_every_word(path: Path) -> None:
    root = etree.parse(str(path)).getroot()
    assert not missing_words(root, render(root))


def test_render_accepts_path_tree_and_element_and_is_deterministic() -> None:
    tree = etree.parse(str(CONVERSATION))
    by_path = render(CONVERSATION)
    assert by_path == render(str(CONVERSATION)) == render(tree) == render(tree.getroot())


def test_render_does_not_change_the_tree() -> None:
    tree = etree.parse(str(CONVERSATION))
    before = etree.tostring(tree)
    render(tree)
    assert etree.tostring(tree) == before


def test_bad_xml_is_one_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><text></TEI>")
    with pytest.raises(TeikitError) as info:
        render(bad)
    assert str(info.value).startswith(f"{bad}:1:")


def test_deep_nesting_is_refused_not_a_crash() -> None:
    root = etree.Element(f"{{{TEI}}}TEI")
    el = etree.SubElement(root, f"{{{TEI}}}text")
    for _ in range(3000):
        el = etree.SubElement(el, f"{{{TEI}}}hi")
    with pytest.raises(TeikitError, match="nested too deeply"):
        render(root)


def test_read_reports_facts_and_persons() -> None:
    reading = read(CONVERSATION)
    assert reading.facts.kind == "conversation"
    assert reading.facts.when == "1959-10-02"
    assert "Mao Zedong" in reading.persons


def test_comments_and_processing_instructions_keep_their_tails() -> None:
    root = tei("<p>one <!-- note to self --> two <?render x?> three</p>")
    markup = render(root)
    assert "one  two  three" in " ".join(page(markup).find(".//main").itertext())
    assert "note to self" not in markup and "render x" not in markup


def test_ids_and_languages_reach_the_page_once() -> None:
    root = tei("<p xml:id='p1' xml:lang='fr'>un <hi xml:lang='de'>zwei</hi></p><p xml:id='p1b'/>")
    doc = page(render(root))
    p1 = doc.get_element_by_id("p1")
    assert p1.get("lang") == "fr" and p1.find(".//em[@lang='de']") is None
    assert [el.get("lang") for el in p1.iter() if el.get("lang")] == ["fr", "de"]
    assert doc.get_element_by_id("p1b") is not None


@pytest.mark.parametrize(
    "source",
    [
        "<doc><x>hi <y>there</y></x> you</doc>",
        "<TEI><text><body><p>no namespace</p></body></text></TEI>",
        f"<teiCorpus xmlns='{TEI}'><TEI><text><body><p>in a corpus</p></body></text></TEI>"
        "</teiCorpus>",
    ],
)
def test_documents_that_are_not_teikit_tei_still_render_every_word(source: str) -> None:
    root = etree.fromstring(source)
    words = " ".join(root.itertext()).split()
    shown = " ".join(page(render(root)).find(".//main").itertext()).split()
    assert all(w in shown for w in words)


@pytest.mark.parametrize("rend", ["", "   "])
def test_blank_rend_renders_as_plain_highlight(rend: str) -> None:
    doc = page(render(tei(f"<p>a <hi rend='{rend}'>b</hi> c</p>")))
    hi = doc.find(".//main//p/span")
    assert hi is not None
    assert (hi.get("class"), hi.text) == ("hi", "b")


@pytest.mark.parametrize("pointer", ["ref", "corresp"])
def test_name_pointing_at_nothing_but_spaces_renders_without_a_title(pointer: str) -> None:
    doc = page(render(tei(f"<p>a <persName {pointer}='  ' key='k1'>B</persName></p>")))
    name = doc.find(".//main//p/span")
    assert name is not None
    assert (name.get("class"), name.get("title"), name.text) == ("name persName", "k1", "B")
