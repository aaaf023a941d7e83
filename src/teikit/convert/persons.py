"""The people of a document: speakers and those named in headings, with stable ids.

Ids come from the sidecar registry when a label is listed there, otherwise from
the label itself (:func:`.recognizers.speakers.slug`), so two spellings of the
same name (``LI WEI``, ``Comrade Li Wei``) are one person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teikit.convert.recognizers.interview import ROLE_NAMES as QA_NAMES
from teikit.convert.recognizers.interview import ROLES as QA_ROLES
from teikit.convert.recognizers.speakers import CHAIR_LABELS, slug

if TYPE_CHECKING:
    from teikit.convert.sidecar import Person as SidecarPerson


@dataclass
class PersonEntry:
    id: str
    role: str  # "speaker" | "participant"
    labels: list[str] = field(default_factory=list)
    registry: SidecarPerson | None = None


class Registry:
    """Persons in first-seen order."""

    def __init__(self, listed: tuple[SidecarPerson, ...]) -> None:
        self._by_label: dict[str, SidecarPerson] = {}
        for person in listed:
            for label in person.labels:
                self._by_label[label] = person
                self._by_label.setdefault(slug(label), person)
        self.entries: dict[str, PersonEntry] = {}
        self.chair: str | None = None

    def add(self, label: str, role: str) -> str:
        """Register a label; returns the person's id.

        A label naming the office of chair (``The CHAIRMAN``) is the person the
        document names as chair (:attr:`chair`, ``Senator Jane Roe``) when it does.
        """
        listed = self._by_label.get(label) or self._by_label.get(slug(label))
        chair = self.chair if not listed and slug(label) in CHAIR_LABELS else None
        if listed:
            pid = listed.id
        elif role == "speaker" and label in QA_ROLES:
            # a transcript's ``Q.`` / ``A.``: a role, listed by the role's name
            pid, label = QA_ROLES[label], QA_NAMES[label]
        else:
            pid = self._same_person(slug(chair if chair is not None else label))
        entry = self.entries.get(pid)
        if entry is None:
            entry = self.entries[pid] = PersonEntry(pid, role, [], listed)
            if chair is not None:
                entry.labels.append(chair)
        if role == "speaker":
            entry.role = "speaker"
        if label not in entry.labels:
            entry.labels.append(label)
        return pid

    def _same_person(self, pid: str) -> str:
        """An id already given to the same person named with or without a first name.

        ``rostow`` and ``walt-rostow`` are one person when no other known id
        ends in that surname, and so are two ids one misread letter apart
        (``mahew``, ``maheu``) when only one is that close; otherwise the ids stay
        apart (an editor can join them in the sidecar). Every label a person was
        given stays listed in the header.
        """
        if pid in self.entries:
            return pid
        # a surname alone is one person with a full name that ends in it (``rostow``,
        # ``walt-rostow``) or begins with it before initials (``perkins-r``): when only one
        same = [
            e
            for e in self.entries
            if e.split("-", 1)[-1] == pid
            or pid.split("-", 1)[-1] == e
            or (e.startswith(pid + "-") and "-" not in pid)
            or (pid.startswith(e + "-") and "-" not in e)
        ]
        if not same and len(pid) >= OCR_VARIANT_MIN:
            # one letter misread (``mahew``, ``madheu`` for ``maheu``): the same person
            same = [e for e in self.entries if len(e) >= OCR_VARIANT_MIN and _one_edit(e, pid)]
        return same[0] if len(same) == 1 else pid


#: Ids at least this long may differ by one misread letter and still be one person.
OCR_VARIANT_MIN = 5


def _one_edit(a: str, b: str) -> bool:
    """Whether two ids differ by exactly one letter replaced, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))
