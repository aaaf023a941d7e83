"""Static reading and review views of TEI: one self-contained HTML file per document.

:func:`render` makes the reading view of a document (a path, an lxml tree or
element), :func:`render_review` the converter's review page, and
:func:`write_site` a directory of pages with ``index.html``. The pages carry
their CSS and JavaScript inline, make no network request, and open from
``file://``. Importing this package is cheap; the renderers load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit._lazy import lazy_exports

if TYPE_CHECKING:
    from teikit.html.reading import read, render
    from teikit.html.review import Doubt, LineRole, render_review
    from teikit.html.site import write_site

__all__ = ["Doubt", "LineRole", "read", "render", "render_review", "write_site"]

_EXPORTS = {
    "read": "teikit.html.reading",
    "render": "teikit.html.reading",
    "Doubt": "teikit.html.review",
    "LineRole": "teikit.html.review",
    "render_review": "teikit.html.review",
    "write_site": "teikit.html.site",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals(), __all__)
