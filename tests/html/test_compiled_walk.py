"""The compiled walk (``_walk.pyx``) writes exactly what the Python walk writes.

Each page is rendered twice, with the compiled loop and with the Python one
(:data:`teikit.html.walker.PURE_CHILDREN`), and the two must be the same
string: the corpus, the test suite's XML, the FRUS volumes, and small
documents built for what the C loop reads itself (text split by comments,
CDATA, entity references, DTD defaults, marked elements, names in another
namespace). Skipped where the extension was not built (no C compiler).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from lxml import etree

from teikit.errors import TeikitError
from teikit.html import render
from teikit.html import walker as walker_module
from teikit.html.context import IdMap
from teikit.html.walker import PURE_CHILDREN, PURE_READ_IDS, Walker

if TYPE_CHECKING:
    from collections.abc import Callable

REPO = Path(__file__).resolve().parents[2]
TEI = "http://www.tei-c.org/ns/1.0"

pytestmark = pytest.mark.skipif(
    walker_module._compiled is None,
    reason="the compiled walk is not built (pip install -e . with a C compiler builds it)",
)


def _both(render_page: Callable[[], str], monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    compiled = render_page()
    with monkeypatch.context() as patch:
        patch.setattr(Walker, "children", PURE_CHILDREN)
        patch.setattr(IdMap, "read", PURE_READ_IDS)
        pure = render_page()
    return compiled, pure


def _files() -> list[Path]:
    found = sorted((REPO / "tei").glob("*.xml")) + sorted((REPO / "tests").rglob("*.xml"))
    return [p for p in found if _parses(p)]


def _parses(path: Path) -> bool:
    try:
        etree.parse(str(path))
    except etree.XMLSyntaxError:
        return False
    return True


def test_the_compiled_loop_is_in_use() -> None:
    assert Walker.children is not PURE_CHILDREN


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(REPO)))
def test_corpus_and_test_files_render_the_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = etree.parse(str(path))
    compiled, pure = _both(lambda: render(tree), monkeypatch)
    assert compiled == pure


@pytest.mark.shared
@pytest.mark.slow
def test_frus_volumes_render_the_same(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    volumes = sorted((shared / "frus").glob("*.xml"))
    assert volumes
    for path in volumes:
        tree = etree.parse(str(path))
        compiled, pure = _both(lambda tree=tree: render(tree), monkeypatch)
        assert compiled == pure, path.name


EDGES = f"""<!DOCTYPE TEI [
<!ATTLIST hi rend CDATA "italic">
<!ENTITY who "an invented name">
]>
<TEI xmlns="{TEI}" xmlns:o="urn:other"><text><body>
<p xml:id="p1">Before<!-- a comment -->after <![CDATA[raw <text> & more]]> end<?pi data?>tail
<hi>defaulted rend</hi> <hi rend="bold" xml:lang="fr">marked</hi>
<persName ref="#p1">A. Person</persName> <persName ref="&who;">B. Person</persName>
<ref target="#p1">first</ref> <ref target="#p1">second</ref> <ref target="#p1"> </ref>
<o:p>another namespace's p</o:p> <o:hi rend="x">and hi</o:hi> <unknown type="t">kept</unknown>
&who; and a tail</p>
<p><ref target="#p1"><hi>nested</hi></ref> <persName corresp="#p1">fallback</persName></p>
</body></text></TEI>"""


def test_edge_cases_render_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    parser = etree.XMLParser(resolve_entities=False)
    tree = etree.ElementTree(etree.fromstring(EDGES.encode(), parser))
    compiled, pure = _both(lambda: render(tree), monkeypatch)
    assert compiled == pure
    # what the C loop reads itself: text around a comment and CDATA, a DTD's default
    assert '<p class="p" id="p1">Beforeafter raw &lt;text&gt; &amp; more endtail\n' in compiled
    assert '<em class="hi rend-italic">defaulted rend</em>' in compiled
    assert '<a class="ref" href="#p1">second</a> <a class="ref" href="#p1">#p1</a>' in compiled


def test_a_tree_built_in_python_renders_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    root = etree.Element(f"{{{TEI}}}TEI")
    body = etree.SubElement(etree.SubElement(root, f"{{{TEI}}}text"), f"{{{TEI}}}body")
    for n in range(3):
        p = etree.SubElement(body, f"{{{TEI}}}p")
        p.text = f"paragraph {n} <&>"
        hi = etree.SubElement(p, f"{{{TEI}}}hi", rend="italic")
        hi.text = "stress"
        hi.tail = " after"
        etree.SubElement(p, "{urn:other}p").text = "foreign p"
    compiled, pure = _both(lambda: render(root), monkeypatch)
    assert compiled == pure


def test_deep_nesting_is_refused_by_the_compiled_loop() -> None:
    root = etree.Element(f"{{{TEI}}}TEI")
    el = etree.SubElement(root, f"{{{TEI}}}text")
    for _ in range(3000):
        el = etree.SubElement(el, f"{{{TEI}}}p")
    with pytest.raises(TeikitError, match="nested too deeply"):
        render(root)
