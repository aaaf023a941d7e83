"""Stream the documents of a large TEI file with bounded memory.

A FRUS volume is hundreds of documents in one file. :func:`iter_documents`
parses it incrementally (``lxml.etree.iterparse``) and yields one
``div type="document"`` at a time as a :class:`~teikit.model.types.Division`;
each subtree is cleared once it is read, together with the siblings before
it, so memory stays bounded by the largest document, not the volume.

People declared before the documents (a ``listPerson`` in the header, a
persons list in the front matter) are collected on the way, so speeches
resolve their speaker as in a full load.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.inputs import is_path, is_stream, refuse_markup_path, stream_name
from teikit.model.loader import XML_ID, Reader, gc_paused
from teikit.xmlio import (
    TEI_NS,
    check_doctype,
    check_regular,
    display_name,
    libxml_message,
    refuse_external,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator

    from teikit.model import types as t

T = "{" + TEI_NS + "}"


def iter_documents(
    path: str | os.PathLike[str] | IO[bytes],
    *,
    kind: str = "document",
    keep_elements: bool = False,
) -> Iterator[t.Division]:
    """Yield each ``div`` of type ``kind`` in document order, then forget it.

    ``path`` is a path (``str`` or ``os.PathLike``) or a binary file object.

    ``keep_elements=False`` (the default) leaves ``element`` at ``None`` on the
    yielded objects, since the subtree is cleared; ``line`` is always kept.
    Nested documents (a document inside a document) are yielded inside their
    parent only.
    """
    reader = Reader(keep_elements=keep_elements)
    depth = 0
    fh: IO[bytes]
    if is_stream(path):
        # a file object the caller opened stays the caller's to close
        name, fh, owned = display_name(stream_name(path, "<stream>")), path, False
    elif is_path(path):
        refuse_markup_path(path, "iter_documents")
        name, owned = display_name(str(Path(path))), True
        check_regular(path)  # a FIFO would block the reader forever
        try:
            fh = Path(path).open("rb")  # noqa: SIM115  (closed in the finally below)
        except OSError as exc:
            raise TeikitError(f"cannot read: {exc.strerror or exc}", SourceLocation(name)) from None
    else:
        raise TypeError(
            f"iter_documents() takes a path or a binary file, not {type(path).__name__}"
        )
    context = etree.iterparse(
        fh,
        events=("start", "end"),
        tag=(T + "div", T + "person", T + "persName"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    refuse_external(context)
    checked = False
    try:
        for event, el in context:
            if not checked:  # the DOCTYPE is known once the root has started
                check_doctype(el.getroottree(), name)
                checked = True
            tag = el.tag
            if tag == T + "div":
                if el.get("type") != kind:
                    continue
                if event == "start":
                    depth += 1
                    continue
                depth -= 1
                if depth:
                    continue
                with gc_paused():
                    division = reader.blocks_of_division(el)
                _forget(el)
                yield division
            elif event == "end" and depth == 0 and el.get(XML_ID):
                person = reader.person(el)
                if person is not None and person.id not in reader.persons:
                    if tag == T + "persName" and _inside_person(el):
                        continue
                    reader.persons[person.id] = person
        if not checked and context.root is not None:
            check_doctype(context.root.getroottree(), name)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise TeikitError(
            f"not well-formed XML: {libxml_message(exc)}", SourceLocation(name, line, col + 1)
        ) from None
    finally:
        if owned:
            fh.close()


def _inside_person(el: etree._Element) -> bool:
    return any(True for _ in el.iterancestors(T + "person"))


def _forget(el: etree._Element) -> None:
    """Free a read subtree and the siblings before it (already read or skipped)."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    while el.getprevious() is not None and parent is not None:
        del parent[0]
