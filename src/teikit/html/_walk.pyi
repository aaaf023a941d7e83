"""Types of the compiled walk (``_walk.pyx``), built only where a C compiler is found."""

from lxml import etree

from teikit.html.walker import Entry, Walker

LXML_BUILT: str

def setup(static: int, pointer: int, keyed: int, tags: int, full: int, generic: Entry) -> None: ...

class Names:
    def __init__(self, block: dict[object, Entry], inline: dict[object, Entry]) -> None: ...

def children(self: Walker, el: etree._Element, inline: bool) -> None: ...
def read_ids(
    root: etree._Element,
    by_id: dict[str, etree._Element],
    marked: dict[etree._Element, tuple[str | None, str | None]],
) -> None: ...
