"""``teikit html`` and the corpus index; every FRUS volume renders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from html_helpers import missing_words, page
from lxml import etree

from teikit.cli import main
from teikit.html import render

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "tei").glob("*.xml"))


def test_cli_writes_one_page_per_document_and_an_index(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert main(["html", *map(str, SEEDS), "-o", str(out), "-q"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([*(p.stem + ".html" for p in SEEDS), "index.html"])
    index = page((out / "index.html").read_text(encoding="utf-8"))
    rows = index.findall(".//tbody/tr")
    assert len(rows) == len(SEEDS)
    cells = [td.text_content() for td in rows[0].findall("td")]
    assert "1951" in cells[0]  # sorted by date, undated last
    whens = [row.find(".//time").get("datetime") for row in rows]
    assert whens == sorted(whens)
    data = json.loads(index.get_element_by_id("tk-data").text)
    assert "Dalai Lama" in data[1]["text"]
    kinds = [o.get("value") for o in index.get_element_by_id("tk-kind").iter("option")]
    assert "conversation" in kinds


def test_cli_reads_a_directory(tmp_path: Path) -> None:
    assert main(["html", str(REPO / "tei"), "-o", str(tmp_path), "-q"]) == 0
    assert len(list(tmp_path.glob("*.html"))) == len(SEEDS) + 1


def test_cli_bad_input_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n<text>", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["html", str(SEEDS[0]), str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"teikit: {bad}:") and "\n" not in err
    assert not out.exists()
    assert main(["html", str(tmp_path / "missing.xml"), "-o", str(out)]) == 2


def test_cli_refuses_entities(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evil = tmp_path / "evil.xml"
    evil.write_text(
        '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]><TEI>&x;</TEI>', encoding="utf-8"
    )
    assert main(["html", str(evil), "-o", str(tmp_path / "o")]) == 2
    assert "entities" in capsys.readouterr().err


def test_same_stem_twice_gets_two_pages(tmp_path: Path) -> None:
    other = tmp_path / "a"
    other.mkdir()
    copy = other / SEEDS[0].name
    copy.write_bytes(SEEDS[0].read_bytes())
    out = tmp_path / "site"
    assert main(["html", str(SEEDS[0]), str(copy), "-o", str(out), "-q"]) == 0
    assert len(list(out.glob("*.html"))) == 3


@pytest.mark.shared
@pytest.mark.slow
def test_every_frus_volume_renders_every_word(frus_volumes: list[Path]) -> None:
    assert len(frus_volumes) == 10
    for volume in frus_volumes:
        root = etree.parse(str(volume)).getroot()
        markup = render(root)
        assert not missing_words(root, markup), volume.name
        doc = page(markup)
        notes = root.findall(".//{http://www.tei-c.org/ns/1.0}note")
        assert len(doc.find_class("fn-ref")) + len(doc.find_class("set-apart")) >= len(notes) > 0
        ids = [el.get("id") for el in doc.iter() if el.get("id")]
        assert len(ids) == len(set(ids)), volume.name
        assert not re.search(r"<script(?! type=\"application/json\")[^>]*>[^<]*alert", markup)
