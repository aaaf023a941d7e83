# cython: language_level=3, boundscheck=False, wraparound=False
"""The walk's inner loop over libxml2's nodes, compiled (optional; see ``walker.py``).

:meth:`teikit.html.walker.Walker.children` in Python pays lxml for a Python
proxy object of every element and for building its ``{namespace}name``
string, its text and tail; together those are most of a rendering's cost.
This loop does the same work on the C nodes: it finds an element's entry by
the pointers of its (interned) name and namespace, reads attributes, text
and tails from the nodes, and makes a proxy only for the elements a Python
handler writes (``Tags`` and ``Full`` entries, pointers that are not plain,
elements with an ``xml:id``/``xml:lang``). The output is the Python loop's,
byte for byte (``tests/html/test_compiled_walk.py``).

It reads the tree and never changes it; the handlers must not change it
during a rendering either (the name cache holds node pointers).
"""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport strcmp, strlen
from lxml.includes cimport tree
from lxml.includes.etreepublic cimport (
    LXML_VERSION_STRING,
    _Document,
    _Element,
    elementFactory,
    import_lxml__etree,
)

cdef extern from "Python.h":
    int Py_EnterRecursiveCall(const char* where) except -1
    void Py_LeaveRecursiveCall()

import_lxml__etree()

#: The lxml whose headers this module was compiled with (its objects' C layout).
LXML_BUILT = (<bytes>LXML_VERSION_STRING).decode()

from teikit.html.context import XML_ID, XML_LANG

# The kinds of entry and the generic entry, given by :mod:`teikit.html.walker` through
# :func:`setup` (this module does not import it: the walker imports this one).
cdef int K_STATIC = -1
cdef int K_POINTER = -1
cdef int K_KEYED = -1
cdef int K_TAGS = -1
cdef int K_FULL = -1
cdef object GENERIC = None


def setup(int static, int pointer, int keyed, int tags, int full, generic):
    """Take the walker's kinds of entry and its entry for elements without a handler."""
    global K_STATIC, K_POINTER, K_KEYED, K_TAGS, K_FULL, GENERIC
    K_STATIC, K_POINTER, K_KEYED, K_TAGS, K_FULL = static, pointer, keyed, tags, full
    GENERIC = generic


cdef inline str _escape(str value):
    if "&" in value or "<" in value or ">" in value:
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


cdef inline tree.xmlNode* _text_or_skip(tree.xmlNode* c) noexcept:
    """lxml's ``_textNodeOrSkip``: the text node at ``c``, XInclude markers skipped."""
    while c is not NULL:
        if c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE:
            return c
        if c.type == tree.XML_XINCLUDE_START or c.type == tree.XML_XINCLUDE_END:
            c = c.next
            continue
        return NULL
    return NULL


cdef inline str _decode(const tree.xmlChar* s):
    return PyUnicode_DecodeUTF8(<const char*>s, strlen(<const char*>s), NULL)


cdef object _collect(tree.xmlNode* c):
    """lxml's ``.text``/``.tail`` from the node at ``c``: ``None``, ``""`` or the text."""
    c = _text_or_skip(c)
    if c is NULL:
        return None
    cdef tree.xmlNode* nxt = _text_or_skip(c.next)
    if nxt is NULL:
        return _decode(c.content)
    parts = []
    while c is not NULL:
        parts.append(_decode(c.content))
        c = _text_or_skip(c.next)
    return "".join(parts)


cdef inline bint _is_element(tree.xmlNode* c) noexcept:
    """What lxml iterates as a child: elements, comments, entity references, PIs."""
    return (
        c.type == tree.XML_ELEMENT_NODE
        or c.type == tree.XML_COMMENT_NODE
        or c.type == tree.XML_ENTITY_REF_NODE
        or c.type == tree.XML_PI_NODE
    )


cdef inline bint _has_children(tree.xmlNode* c) noexcept:
    """``len(element) > 0`` in lxml's terms."""
    c = c.children
    while c is not NULL:
        if _is_element(c):
            return True
        c = c.next
    return False


cdef object _get(_Document doc, tree.xmlNode* c, bytes name):
    """``element.get(name)`` for an attribute without namespace, read from the node.

    Where lxml would give more than the node holds (defaults declared in a
    DTD, entity references inside the value), lxml itself is asked.
    """
    cdef const char* wanted = name
    cdef tree.xmlAttr* a = c.properties
    cdef tree.xmlNode* t
    if c.doc is not NULL and (c.doc.intSubset is not NULL or c.doc.extSubset is not NULL):
        return elementFactory(doc, c).get(name)
    while a is not NULL:
        if a.ns is NULL and strcmp(<const char*>a.name, wanted) == 0:
            t = a.children
            if t is NULL:
                return ""
            if t.next is NULL and t.type == tree.XML_TEXT_NODE:
                return _decode(t.content)
            return elementFactory(doc, c).get(name)
        a = a.next
    return None


cdef object _clark(tree.xmlNode* c):
    """lxml's ``tag`` of an element node."""
    name = _decode(c.name)
    if c.ns is NULL or c.ns.href is NULL:
        return name
    return "{" + _decode(c.ns.href) + "}" + name


cdef class Slot:
    """An :class:`~teikit.html.walker.Entry`'s fields as C fields (read once per element)."""

    cdef int kind
    cdef str opening
    cdef str bare
    cdef str closing
    cdef bint inner
    cdef object tags
    cdef object keyed
    cdef object full
    cdef bytes key
    cdef bytes fallback
    cdef dict cache

    def __init__(self, entry):
        self.kind = entry.kind
        self.opening = entry.opening
        self.bare = entry.bare
        self.closing = entry.closing
        self.inner = entry.inner
        self.tags = entry.tags
        self.keyed = entry.keyed
        self.full = entry.full
        self.key = entry.key
        self.fallback = entry.fallback
        self.cache = entry.cache


cdef class Names:
    """Entries of the walk's tables by the address of an element's name (one walker).

    libxml2 interns element names, so the commonest elements share a few
    name pointers; the namespace pointer is checked too (``p`` in another
    namespace shares the interned name).
    """

    cdef dict by_name
    cdef dict block
    cdef dict inline
    cdef dict slots

    def __init__(self, dict block, dict inline):
        self.by_name = {}
        self.block = block
        self.inline = inline
        self.slots = {}

    cdef Slot slot(self, entry):
        """One :class:`Slot` per entry (an entry serves many names)."""
        found = self.slots.get(id(entry))
        if found is None:
            found = self.slots[id(entry)] = (entry, Slot(entry))
        return <Slot>(<tuple>found)[1]

    cdef Slot entry(self, tree.xmlNode* c, bint inline):
        cdef size_t href = <size_t>(c.ns.href if c.ns is not NULL else NULL)
        found = self.by_name.get(<size_t>c.name)
        if found is not None and (<tuple>found)[0] == href:
            return <Slot>(<tuple>found)[2 if inline else 1]
        tag = _clark(c)
        pair = (
            href,
            self.slot(self.block.get(tag, GENERIC)),
            self.slot(self.inline.get(tag, GENERIC)),
        )
        if found is None:
            self.by_name[<size_t>c.name] = pair
        return <Slot>pair[2 if inline else 1]


cdef inline object _proxy(_Document doc, tree.xmlNode* c):
    return elementFactory(doc, c)


cdef inline bint _marked(tree.xmlNode* c, dict marked):
    """``element in marked``: only elements with a live proxy can be keys of it."""
    if c._private is NULL:
        return False
    return <object>c._private in marked


def children(self, el, bint inline):
    """:meth:`teikit.html.walker.Walker.children`, on the C nodes (same output)."""
    cdef _Element parent = <_Element?>el
    _children(self, parent._doc, parent._c_node, inline)


cdef void _children(object w, _Document doc, tree.xmlNode* node, bint inline) except *:
    # C recursion, bounded like Python's: nesting too deep raises RecursionError
    Py_EnterRecursiveCall(" while rendering nested elements")
    try:
        _walk_children(w, doc, node, inline)
    finally:
        Py_LeaveRecursiveCall()


cdef void _walk_children(object w, _Document doc, tree.xmlNode* node, bint inline) except *:
    cdef list out = w.out
    cdef dict marked = w.marked
    cdef Names names = w.names
    cdef tree.xmlNode* c
    cdef int kind
    cdef bint inner
    cdef Slot h
    cdef dict link_opens = w.ctx.link_opens
    value = _collect(node.children)
    if value:
        out.append(_escape(value))
    c = node.children
    while c is not NULL:
        if not _is_element(c):
            c = c.next
            continue
        if c.type == tree.XML_ELEMENT_NODE:
            h = names.entry(c, inline)
            kind = h.kind
            if kind == K_STATIC:
                if _marked(c, marked):
                    out.append(h.bare + w.common(_proxy(doc, c)) + ">")
                else:
                    out.append(h.opening)
                if _has_children(c):
                    _children(w, doc, c, h.inner)
                else:
                    value = _collect(c.children)
                    if value:
                        out.append(_escape(value))
                out.append(h.closing)
            elif kind == K_POINTER:
                target = _get(doc, c, b"target") or ""
                link = link_opens.get(target)
                if (
                    link is None
                    or not link[0]
                    or w.in_link
                    or _has_children(c)
                    or _marked(c, marked)
                ):
                    h.full(w, _proxy(doc, c), inline)
                else:
                    out.append(link[2])
                    value = _collect(c.children)
                    if not value or value.isspace():
                        value = target
                    out.append(_escape(value))
                    out.append(link[1])
            elif kind == K_KEYED or kind == K_TAGS:
                if kind == K_TAGS:
                    child = _proxy(doc, c)
                    opening, closing, inner = h.tags(
                        w, child, inline, w.common(child) if child in marked else ""
                    )
                elif _marked(c, marked):
                    child = _proxy(doc, c)
                    opening, closing, inner, _ = h.keyed(w, child, inline, w.common(child))
                else:
                    key = _get(doc, c, h.key) or (_get(doc, c, h.fallback) if h.fallback else None)
                    tags = h.cache.get(key)
                    if tags is None:
                        opening, closing, inner, reuse = h.keyed(w, _proxy(doc, c), inline, "")
                        if reuse:
                            h.cache[key] = (opening, closing, inner)
                    else:
                        opening, closing, inner = tags
                out.append(opening)
                if _has_children(c):
                    _children(w, doc, c, inner)
                else:
                    value = _collect(c.children)
                    if value:
                        out.append(_escape(value))
                out.append(closing)
            elif kind == K_FULL:
                h.full(w, _proxy(doc, c), inline)
        value = _collect(c.next)
        if value:
            out.append(_escape(value))
        c = c.next


cdef const char* XML_NS = b"http://www.w3.org/XML/1998/namespace"


cdef object _attr_value(_Document doc, tree.xmlNode* c, tree.xmlAttr* a, str clark):
    """An attribute's value from its node (lxml asked when it is not one text node)."""
    cdef tree.xmlNode* t = a.children
    if t is NULL:
        return ""
    if t.next is NULL and t.type == tree.XML_TEXT_NODE:
        return _decode(t.content)
    return elementFactory(doc, c).get(clark)


def read_ids(root, dict by_id, dict marked):
    """:meth:`teikit.html.context.IdMap.read` on the C nodes (the same dictionaries).

    Every element of the document (as the XPath ``//*/@xml:*``, in document
    order) that has an ``xml:id`` or ``xml:lang``; a Python object is made
    only for those.
    """
    cdef _Element top = <_Element?>root
    cdef _Document doc = top._doc
    cdef tree.xmlNode* start = <tree.xmlNode*>top._c_node.doc
    cdef tree.xmlNode* c = start.children
    cdef tree.xmlAttr* a
    cdef const char* name
    while c is not NULL:
        if c.type == tree.XML_ELEMENT_NODE:
            a = c.properties
            while a is not NULL:
                if a.ns is not NULL and a.ns.href is not NULL and strcmp(
                    <const char*>a.ns.href, XML_NS
                ) == 0:
                    name = <const char*>a.name
                    if strcmp(name, b"id") == 0:
                        el = elementFactory(doc, c)
                        xid = _attr_value(doc, c, a, XML_ID)
                        known = marked.get(el)
                        by_id.setdefault(xid, el)
                        marked[el] = (xid, known[1] if known else None)
                    elif strcmp(name, b"lang") == 0:
                        el = elementFactory(doc, c)
                        known = marked.get(el)
                        marked[el] = (known[0] if known else None, _attr_value(doc, c, a, XML_LANG))
                a = a.next
            if c.children is not NULL:
                c = c.children
                continue
        # next in document order: a sibling, else the nearest ancestor's sibling
        while c is not NULL and c.next is NULL:
            c = c.parent
            if c is start:
                c = NULL
        if c is not NULL:
            c = c.next
