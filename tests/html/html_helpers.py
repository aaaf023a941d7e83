"""Small helpers shared by the HTML tests: parse a page, compare words."""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree, html

TEI = "http://www.tei-c.org/ns/1.0"
WORD = re.compile(r"\w+")


def tei(body: str, header: str = "", *, extra_ns: str = "") -> etree._Element:
    """A small TEI document around ``body`` (the content of ``<body>``)."""
    source = (
        f'<TEI xmlns="{TEI}"{extra_ns}><teiHeader><fileDesc><titleStmt><title>T</title>'
        f"{header}</titleStmt><publicationStmt><p/></publicationStmt>"
        "<sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
        f"<text><body>{body}</body></text></TEI>"
    )
    return etree.fromstring(source.encode())


def page(markup: str) -> html.HtmlElement:
    return html.document_fromstring(markup)


def main_text(markup: str) -> str:
    main = page(markup).find(".//main")
    assert main is not None
    return " ".join(main.itertext())


def missing_words(tei_root: etree._Element, markup: str) -> Counter[str]:
    """Words of the TEI ``text`` that the page's ``<main>`` lacks (empty when nothing is lost)."""
    text_el = tei_root.find(f"{{{TEI}}}text")
    assert text_el is not None
    wanted = Counter(WORD.findall(" ".join(text_el.itertext())))
    have = Counter(WORD.findall(main_text(markup)))
    return wanted - have
