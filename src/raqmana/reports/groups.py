"""Institutions grouped by kind, in the order readers expect: central government, ministries, independent
bodies and agencies, governorates, the region and its bodies, then the rest. Within a group, by score
(highest first) or by name in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence

from raqmana.i18n import Translated, vocabulary
from raqmana.i18n.catalog import ui
from raqmana.reports.inputs import InstitutionResult

#: (kinds, heading) in the order of the groups
GROUPS: tuple[tuple[frozenset[str], Translated], ...] = (
    (frozenset({"government", "secretariat", "national"}), ui("Central government")),
    (frozenset({"ministry"}), vocabulary.name("org kinds", "ministry")),
    (frozenset({"independent_body", "agency"}), ui("Independent bodies and agencies")),
    (frozenset({"governorate"}), vocabulary.name("org kinds", "governorate")),
    (frozenset({"region", "regional_body"}), ui("The region and its bodies")),
)
OTHER = ui("Other institutions")


def by_kind(
    institutions: Sequence[InstitutionResult], lang: str
) -> list[tuple[str, list[InstitutionResult]]]:
    """(heading in ``lang``, institutions) per group that has any; each group highest overall score first
    (those without a score last, then by name)."""
    out: list[tuple[str, list[InstitutionResult]]] = []
    placed: set[str] = set()
    for kinds, heading in (*GROUPS, (None, OTHER)):
        members = [i for i in institutions if i.code not in placed and (kinds is None or i.kind in kinds)]
        if not members:
            continue
        placed.update(i.code for i in members)
        members.sort(key=lambda i: (i.overall is None, -(i.overall or 0.0), i.name.get(lang)))
        out.append((heading.get(lang), members))
    return out
