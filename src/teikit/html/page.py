"""The HTML page around a view: inline stylesheet and script, and a strict content policy.

Every page is one file: its CSS and JavaScript are inlined from the package's
``assets/``. A ``Content-Security-Policy`` meta element allows nothing but
those exact inline blocks (by SHA-256 hash): no request can leave the page,
and a script that hostile TEI somehow smuggled in would not run.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources

from teikit.html.safety import attr, text


@cache
def asset(name: str) -> str:
    """The text of ``assets/NAME`` (package data)."""
    return (
        resources.files("teikit.html").joinpath("assets").joinpath(name).read_text(encoding="utf-8")
    )


def _digest(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def page(
    title: str,
    body: str | list[str],
    *,
    styles: tuple[str, ...],
    scripts: tuple[str, ...] = (),
    lang: str = "en",
    data: str = "",
    body_class: str = "",
) -> str:
    """A complete HTML document; ``styles``/``scripts`` name assets, ``data`` is a JSON block.

    ``body`` may be a list of strings, joined with the rest of the page at once.
    """
    css = "\n".join(asset(s) for s in styles)
    js = "\n".join(asset(s) for s in scripts)
    policy = (
        "default-src 'none'; base-uri 'none'; form-action 'none'; img-src data:; "
        f"style-src {_digest(css)}" + (f"; script-src {_digest(js)}" if js else "")
    )
    parts = [
        "<!DOCTYPE html>\n",
        f'<html lang="{attr(lang)}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{attr(policy)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{text(title)}</title>",
        f"<style>{css}</style></head>",
        f'<body class="{attr(body_class)}">' if body_class else "<body>",
    ]
    if isinstance(body, str):
        parts.append(body)
    else:
        parts += body
    if data:
        parts.append(f'<script type="application/json" id="tk-data">{data}</script>')
    if js:
        parts.append(f"<script>{js}</script>")
    parts.append("</body></html>\n")
    return "".join(parts)


def json_for_script(value: str) -> str:
    """JSON text made safe inside ``<script>``: no ``<`` can close the element or open a comment."""
    return value.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
