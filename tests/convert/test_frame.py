"""A web page's frame around a scraped document: navigation dropped, rights and citation kept."""

from __future__ import annotations

import pytest
from convert_helpers import NS, frag, run

from teikit.convert.recognizers.frame import is_navigation
from teikit.convert.recognizers.letters import is_closing_salute


@pytest.mark.parametrize(
    "text",
    [
        "Home | Collections | Search | About",
        "Home · Letters · Diaries",
        "The Archive > Letters > 1862",
        "Home > Letters",
        "Share this page: Facebook Twitter Email",
        "Share: Facebook, LinkedIn",
        "Skip to main content",
    ],
)
def test_navigation(text: str) -> None:
    assert is_navigation(text)


@pytest.mark.parametrize(
    "text",
    [
        "Letter from Anna Holt to her brother, 12 August 1862",
        "Prices rose > 10 percent > expected.",
        "A | B",
        "Share the burden equally, the minister said.",
        "The vote was 10 > 8 > 3 in the end, and the motion failed with all of the votes counted.",
    ],
)
def test_not_navigation(text: str) -> None:
    assert not is_navigation(text)


@pytest.mark.parametrize(
    "text",
    ["Your affectionate sister", "Your obedient servant,", "Very truly yours,", "Best regards,"],
)
def test_closing_salutes(text: str) -> None:
    assert is_closing_salute(text)


PAGE = (
    "Home | Collections | Search | About\n\n"
    "The Archive > Letters > Correspondence\n\n"
    "Letter from Anna Holt to her brother, 12 August 1862\n\n"
    "Share this page: Facebook Twitter Email\n\n"
    "Dear Brother,\n\n"
    "We are all well at present and the regiment marched on Tuesday.\n\n"
    "Your affectionate sister\n"
    "Anna\n\n"
    "Citation: Holt Family Papers, Box 3, Folder 12.\n\n"
    "© 2019 The Archive. All rights reserved.\n"
)


def test_a_scraped_letter_in_its_page() -> None:
    tree = run(PAGE).tree
    title = tree.find(".//t:titleStmt/t:title", NS)
    assert title is not None and title.text == (
        "Letter from Anna Holt to her brother, 12 August 1862"
    )
    assert [frag(el) for el in tree.iterfind(".//t:sourceDesc/t:bibl", NS)] == [
        '<bibl type="citation">Holt Family Papers, Box 3, Folder 12.</bibl>'
    ]
    rights = tree.find(".//t:availability", NS)
    assert rights is not None
    assert frag(rights) == (
        "<availability><p>© 2019 The Archive. All rights reserved.</p></availability>"
    )
    dropped = [q.text for q in tree.iterfind(".//t:samplingDecl//t:q", NS)]
    assert dropped == [
        "Home | Collections | Search | About",
        "The Archive > Letters > Correspondence",
        "Share this page: Facebook Twitter Email",
        "Citation:",
    ]
    closer = tree.find(".//t:body//t:closer", NS)
    assert closer is not None
    assert frag(closer) == (
        "<closer><salute>Your affectionate sister</salute><signed>Anna</signed></closer>"
    )
