"""Escaping and link safety: nothing from a TEI file reaches the page as markup or code.

Every text and attribute value taken from the TEI passes through :func:`text`
or :func:`attr`. Pointers (``@target``, ``@ref``, ``@facs``, ``@url``) become
live links only when :func:`local_href` accepts them: a fragment (``#id``) or a
relative path with no scheme and no host. ``javascript:``, ``data:``,
``http:`` and every other scheme are shown as text, never followed, so that a
page opened from disk makes no network request and hostile TEI runs no script.
"""

from __future__ import annotations

import re

#: A URI scheme (RFC 3986 §3.1) at the start, after the whitespace and control
#: characters browsers strip before deciding what a link is.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_STRIPPED = re.compile(r"[\x00-\x20\x7f]+")
#: A value that is plainly a relative path or file name (no scheme, space or backslash):
#: accepted as it is, without the general tests below (page images are named so).
_PLAIN_PATH = re.compile(r"[A-Za-z0-9._~/%-]+")


def text(value: str) -> str:
    """``value`` as HTML character data.

    Most text has none of the three characters: ``in`` tests (no method call)
    skip the chained ``replace`` for it, which halves the cost of escaping.
    """
    if "&" in value or "<" in value or ">" in value:
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


def attr(value: str) -> str:
    """``value`` for a double-quoted HTML attribute (most need no escape: tested first)."""
    if not ('"' in value or "&" in value or "<" in value or ">" in value or "'" in value):
        return value
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def local_href(value: str) -> str | None:
    """The link target to use for a TEI pointer, or ``None`` if it must not be live.

    Accepted: ``#fragment`` and relative paths (``other.html``, ``img/p1.png``).
    Refused: any scheme (``javascript:``, ``data:``, ``http:``, ``file:``…),
    network-path references (``//host``) and values with backslashes, which some
    browsers read as slashes. Browsers drop tabs and newlines inside a URL, so
    the scheme test runs on the value with them removed.
    """
    if value.startswith("#") and not _STRIPPED.search(value):
        return value
    if _PLAIN_PATH.fullmatch(value):
        return None if value.startswith("//") else value
    squeezed = _STRIPPED.sub("", value)
    if not squeezed or "\\" in squeezed or squeezed.startswith("//"):
        return None
    if _SCHEME.match(squeezed):
        return None
    if squeezed != value.strip():
        return None
    return squeezed
