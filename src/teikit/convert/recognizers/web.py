"""A web page's own lines, copied with an archival item scraped from a digital collection.

A transcription taken from a collection's web page often keeps the page's chrome
around the item: ``Skip to main content``, a cookie banner, a breadcrumb trail
(``Home > Collections > Item 12``), buttons (``Share this``, ``Download PDF``,
``Cite this item``, ``Back to top``) and the site's copyright line. They are the
website's, not the document's: a TEI editor keeps them (nothing is lost) as
forme work around the text, never as its headings, paragraphs or signature.

Recognized by the vocabulary of web interfaces, which is the same across sites,
only on a line of its own that holds nothing else.
"""

from __future__ import annotations

import re

#: A button or link of a web page, the whole line (case and a closing ``›``/``»`` aside).
_BUTTON_RE = re.compile(
    r"^(?:skip\s+to\s+(?:main\s+)?(?:content|navigation|search)"
    r"|back\s+to\s+(?:top|results|search(?:\s+results)?|collection)"
    r"|share(?:\s+(?:this(?:\s+(?:item|page|record))?|on\s+\w+))?"
    r"|download(?:\s+(?:pdf|image|file|item|transcript|this\s+item|original))?(?:\s*\(\w+\))?"
    r"|cite(?:\s+this)?(?:\s+(?:item|page|record))?|print(?:\s+this\s+page)?"
    r"|related\s+(?:items|records|content)|view\s+(?:full\s+)?(?:image|record|item|transcript)"
    r"|add\s+to\s+(?:favorites|favourites|list|my\s+list)|email\s+this(?:\s+page)?"
    r"|(?:accept|reject)(?:\s+all)?\s+cookies|cookie\s+settings|main\s+menu|search\s+the\s+collections?"
    r"|previous\s+(?:item|page)|next\s+(?:item|page))\s*[›»>]?$",
    re.IGNORECASE,
)
#: A cookie banner: the site says it uses cookies.
_COOKIES_RE = re.compile(r"\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b", re.IGNORECASE)
#: A breadcrumb trail: three or more short steps, capitalized, joined by one of ``>``,
#: ``›``, ``»`` or ``/`` throughout.
_CRUMB_RE = re.compile(
    r"^[A-Z][^>›»/]{0,39}\s(?P<sep>[>›»/])\s[A-Z0-9][^>›»/]{0,59}"
    r"(?:\s(?P=sep)\s[A-Z0-9][^>›»/]{0,59})+$"
)
#: The site's copyright line: ``© 2024 Name. All rights reserved.``, ``(c) 2024 Name``.
_COPYRIGHT_RE = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?\b.{0,80}$", re.IGNORECASE
)


def web_chrome(text: str) -> bool:
    """Whether a line is a web page's interface (a button, a banner, a breadcrumb, ©)."""
    body = " ".join(text.split())
    if not body or len(body) > 160:
        return False
    return bool(
        _BUTTON_RE.match(body)
        or _COOKIES_RE.search(body)
        or _CRUMB_RE.match(body)
        or _COPYRIGHT_RE.match(body)
    )
