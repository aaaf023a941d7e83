"""Escaping and link safety: TEI values never become markup, script or a remote link."""

from __future__ import annotations

import pytest
from html_helpers import page, tei

from teikit.html import render
from teikit.html.safety import attr, local_href, text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#fn1", "#fn1"),
        ("other.html", "other.html"),
        ("img/p1.png", "img/p1.png"),
        ("frus1961-63v01", "frus1961-63v01"),
        ("0001", "0001"),
        ("../facs/p%2001.png", "../facs/p%2001.png"),
        ("///example.org/x", None),
        ("a b.png", None),
        ("p1.png ", "p1.png"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        (" java\tscript:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("http://example.org/", None),
        ("https://example.org/", None),
        ("//example.org/x", None),
        ("file:///etc/passwd", None),
        ("\\\\host\\share", None),
        ("", None),
    ],
)
def test_local_href(value: str, expected: str | None) -> None:
    assert local_href(value) == expected


def test_text_and_attr_escape_markup() -> None:
    assert text("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;"
    assert attr("\"'<>&") == "&quot;&#x27;&lt;&gt;&amp;"


HOSTILE = (
    "<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt;</p>"
    '<p><ref target="javascript:alert(3)">click</ref> <ptr target="http://evil.example/x"/>'
    ' <ref target="#ok">fine</ref> <persName ref="&quot; onmouseover=&quot;alert(4)">X</persName>'
    '<pb n="1&quot;&gt;&lt;script&gt;alert(5)&lt;/script&gt;" facs="javascript:alert(6)"/></p>'
    '<x:script xmlns:x="urn:x">alert(7)</x:script><style xmlns="">body{display:none}</style>'
    '<p xml:id="ok" xml:lang="en&quot; onclick=&quot;alert(8)">end</p>'
)


def test_hostile_tei_yields_no_script_handler_or_remote_link() -> None:
    doc = page(render(tei(HOSTILE)))
    scripts = doc.findall(".//script")
    # our own inline script and nothing else (the JSON data block only on the index)
    assert len(scripts) == 1 and "alert" not in (scripts[0].text or "")
    assert doc.findall(".//style")[0].text and "display:none" not in doc.findall(".//style")[0].text
    assert len(doc.findall(".//style")) == 1
    for el in doc.iter():
        for name, value in el.attrib.items():
            assert not name.startswith("on"), (el.tag, name)
            if name in ("href", "src", "action"):
                assert not value.lower().startswith(("javascript", "http", "data", "//")), value
    hrefs = [a.get("href") for a in doc.iter("a")]
    assert "#ok" in hrefs
    body_text = doc.find(".//main").text_content()
    assert "<script>alert(1)</script>" in body_text
    assert "alert(7)" in body_text and "body{display:none}" in body_text


def test_content_security_policy_allows_only_the_inline_assets() -> None:
    doc = page(render(tei("<p>x</p>")))
    meta = doc.find(".//meta[@http-equiv='Content-Security-Policy']")
    assert meta is not None
    policy = meta.get("content") or ""
    assert "default-src 'none'" in policy
    assert "script-src 'sha256-" in policy and "unsafe-inline" not in policy
