"""The ground truth of transcripts rendered from Office of the Historian TEI.

``devset/frushist_truth.py`` renders a TEI file with the devset's own ``build.py`` and
reads what the rendering must become from the TEI; these tests check it on a small
invented document, so that a figure of ``eval_convert.py --frushist`` can be trusted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent / "devset"))

import frus_score
import frushist_truth

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
T = "http://www.tei-c.org/ns/1.0"

TEI = f"""<TEI xmlns="{T}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><date type="created" when="1961-05-04">May 4, 1961</date></publicationStmt>
</fileDesc></teiHeader><text><body>
<p>Source: Files of the Office, Box 9. Confidential.</p>
<div type="document">
<head>Record of a Meeting of the Board<note n="1">Prepared by the clerk.</note></head>
<dateline>May 4, 1961</dateline>
<p rend="underline">Present:</p>
<list><item>Mr. Roe</item><item>Mr. Doe</item></list>
<p rend="center">PROCEEDINGS</p>
<p>MR. ROE: The meeting will come to order.</p>
<p>MR. DOE: Thank you.</p>
<p>MR. ROE: We begin with the budget.</p>
<p>(a) <hi rend="underline">Budget</hi></p>
<p>THE CLERK: The figures are ready.</p>
<p>SUBJECT: not a speaker, said once.</p>
</div></body></text></TEI>"""


def _p(xml: str) -> etree._Element:
    return etree.fromstring(f'<p xmlns="{T}">{xml}</p>')


def test_paragraph_verdicts():
    assert frushist_truth.paragraph_verdict(_p("<hi>Conclusions</hi>")) == "title"
    assert frushist_truth.paragraph_verdict(_p("(a) <hi>Budget</hi>")) == "neutral"
    assert frushist_truth.paragraph_verdict(_p("PROCEEDINGS")) == "title"
    assert frushist_truth.paragraph_verdict(_p("PARTICIPANTS:")) == "neutral"
    assert frushist_truth.paragraph_verdict(_p("1. <hi>Purpose</hi>. We met.")) is None
    assert frushist_truth.paragraph_verdict(_p("MR. ROE: YES.")) is None
    assert frushist_truth.paragraph_verdict(_p("He said so.")) is None


def test_speaker_labels_recur_or_are_addressed():
    texts = [
        "MR. ROE: a",
        "JONES: b",
        "JONES: c",
        "SUBJECT: d",
        "THE CLERK: e",
        "Dear Sir: f",
    ]
    assert frushist_truth.speaker_labels(texts) == {"MR. ROE", "JONES", "THE CLERK"}


@pytest.fixture(scope="module")
def build():
    if not (SHARED / "devset" / "build.py").is_file():
        pytest.skip("needs ../shared/devset/build.py")
    return frushist_truth.load_build(SHARED)


def test_truth_of_a_rendering(build):
    style = dict(build.STYLES["frushist_1960-11-04_hac-transcript"])
    truth = frushist_truth.truth(build, TEI, style, "doc")
    assert truth["title"] == "Record of a Meeting of the Board"
    assert truth["date_when"] == "1961-05-04"
    assert truth["classification"] == "Confidential"
    assert truth["footnotes"] == [{"n": "1", "text": "Prepared by the clerk."}]
    assert truth["speakers"] == ["MR. DOE", "MR. ROE", "THE CLERK"]
    kinds = [(b["kind"], b["text_start"][:12]) for b in truth["blocks"]]
    assert kinds == [
        ("p", "Source: File"),
        ("title", "Record of a "),
        ("p", "May 4, 1961"),
        ("maybe-head", "Present:"),
        ("item", "Mr. Roe"),
        ("item", "Mr. Doe"),
        ("head", "PROCEEDINGS"),
        ("p", "MR. ROE: The"),
        ("p", "MR. DOE: Tha"),
        ("p", "MR. ROE: We "),
        ("maybe-head", "(a) Budget"),
        ("p", "THE CLERK: T"),
        ("p", "SUBJECT: not"),
    ]
    assert [b.get("speaker") for b in truth["blocks"] if b.get("speaker")] == [
        "MR. ROE",
        "MR. DOE",
        "MR. ROE",
        "THE CLERK",
    ]
    assert sum(frus_score.truth_turns(truth).values()) == 4


def test_page_boundaries_count_inner_pages(build):
    style = dict(build.STYLES["frushist_1960-11-04_hac-transcript"], pages=("top", 5, "-{n}-"))
    bare = TEI.replace('<note n="1">Prepared by the clerk.</note>', "")
    doc = build.frushist_doc(bare, style)
    n_lines = len([x for x in build.render_lines(doc, style) if isinstance(x, str)])
    want = -(-n_lines // 5) - 1
    assert frushist_truth.page_boundaries(build, doc, style) == want
    text = build.frushist_text(bare, style)
    assert text.count("\n-2-\n") == 1
    assert frushist_truth.page_boundaries(build, doc, dict(style, pages=None)) == 0
    # with a note at the end, a page that turns among the notes turns no page of the text
    noted = build.frushist_doc(TEI, style)
    n_noted = len([x for x in build.render_lines(noted, style) if isinstance(x, str)])
    assert n_noted > n_lines
    assert -(-n_noted // 5) - 1 > want
    assert frushist_truth.page_boundaries(build, noted, style) == want


def test_render_all_writes_text_and_truth(build, tmp_path):
    tei = tmp_path / "tei" / "a.xml"
    tei.parent.mkdir()
    tei.write_text(TEI, encoding="utf-8")
    names = ["frushist_1969-11-07_hac-minutes", "frushist_1981-06_research-study-kogan"]
    out = frushist_truth.render_all(build, [tei], tmp_path / "raw", names)
    # the first style makes the source note footnote 1, which a noted document cannot carry
    assert sorted(out) == ["research-study-kogan"]
    txt = out["research-study-kogan"][0]
    assert txt.name == "a__research-study-kogan.txt"
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    assert truth["doc_id"] == "a__research-study-kogan"
    assert "MR. ROE: The meeting will come to order." in txt.read_text(encoding="utf-8")
