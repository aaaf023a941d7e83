"""The kinds' assemblies: one module per way of building a document's body, registered.

A kind (:mod:`teikit.convert.kinds`) names the assembly that builds its
body; an assembly is a function ``(assembler, div, items)`` that turns the
prepared items (paragraphs, page breaks, stamps, furniture) into TEI inside
the kind's ``div``, using the shared pieces of
:class:`teikit.convert.structure.Assembler` (paragraphs, points, stamps,
sections, turns). A new assembly is one module here and one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

    from teikit.convert.structure import Assembler, Item

Assembly = Callable[["Assembler", "etree._Element", "list[Item]"], None]


def assembly_for(name: str) -> Assembly:
    """The assembly registered for ``name`` (prose for any name not registered)."""
    from teikit.convert.assemble import cable, conversation, prose

    registry: dict[str, Assembly] = {
        "conversation": conversation.assemble,
        "cable": cable.assemble,
        "prose": prose.assemble,
    }
    return registry.get(name, prose.assemble)
