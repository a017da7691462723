"""The legal and institutional register a framework pack ships (``legal_register.yaml``): per enabling area
what exists, what is drafted and what is missing, and for each gap a proposal (what, who drafts it, which
article or mandate, cost band, SDG targets). Plain typed values; the workspace stores edits over them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from raqmana.documents import errors as E
from raqmana.problems import Location, Problem, ProblemsError

FILE = "legal_register.yaml"
STATUSES = ("exists", "drafted", "missing")
COST_BANDS = ("low", "medium", "high")
LANGS = ("en", "ar", "ckb")

#: the mark a source carries while its reporting is indirect: "… (to verify)" or "… (remark; to verify)"
_TO_VERIFY = re.compile(r"\s*\(\s*to verify\s*\)\s*$|\s*;\s*to verify\s*(?=\)\s*$)", re.IGNORECASE)


def source_parts(source: str) -> tuple[str, bool]:
    """A source as (its title as its publisher writes it, whether it is still to be verified): the English
    "(to verify)" mark is taken off the title so that pages and reports show it as a status word in the
    reader's language."""
    title, marks = _TO_VERIFY.subn("", str(source).strip())
    return title.strip(), bool(marks)


@dataclass(frozen=True, slots=True)
class Proposal:
    what: dict[str, str]
    drafter: dict[str, str]
    basis: dict[str, str]
    cost_band: str
    sdg_targets: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "drafter": self.drafter,
            "basis": self.basis,
            "cost_band": self.cost_band,
            "sdg_targets": list(self.sdg_targets),
        }


@dataclass(frozen=True, slots=True)
class RegisterArea:
    id: str
    name: dict[str, str]
    indicators: tuple[str, ...]
    status: str
    instrument: dict[str, str]
    #: number and date of the instrument in each language ({} when there is none)
    reference: dict[str, str]
    institution: dict[str, str]
    budget_line: dict[str, str]
    note: dict[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    proposal: Proposal | None = None


def _text(value: Any, where: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or any(not isinstance(value.get(k), str) for k in LANGS):
        raise ProblemsError([Problem(E.REGISTER_AREA, Location(file=FILE, field=where), {"value": where})])
    return {k: str(value[k]) for k in LANGS}


def _reference(value: Any, where: str) -> dict[str, str]:
    """A reference in every language; one string (older packs) is the English one."""
    if not value:
        return {}
    if isinstance(value, str):
        return {"en": value}
    return _text(value, where)


def _proposal(data: Any, where: str) -> Proposal | None:
    if not data:
        return None
    band = str(data.get("cost_band", ""))
    if band not in COST_BANDS:
        raise ProblemsError([Problem(E.COST_BAND, Location(file=FILE, field=where), {"value": band})])
    return Proposal(
        _text(data.get("what"), f"{where}.what"),
        _text(data.get("drafter"), f"{where}.drafter"),
        _text(data.get("basis"), f"{where}.basis"),
        band,
        tuple(str(t) for t in data.get("sdg_targets") or ()),
    )


def parse(text: str) -> list[RegisterArea]:
    """The register in a pack's YAML; a bad status, cost band or text raises a located ProblemsError."""
    data = yaml.safe_load(text) or {}
    out: list[RegisterArea] = []
    for n, a in enumerate(data.get("areas") or []):
        where = f"areas[{n}]"
        status = str(a.get("status", ""))
        if status not in STATUSES:
            raise ProblemsError(
                [Problem(E.REGISTER_STATUS, Location(file=FILE, field=where), {"value": status})]
            )
        out.append(
            RegisterArea(
                id=str(a["id"]),
                name=_text(a.get("name"), f"{where}.name"),
                indicators=tuple(str(i) for i in a.get("indicators") or ()),
                status=status,
                instrument=_text(a.get("instrument"), f"{where}.instrument"),
                reference=_reference(a.get("reference"), f"{where}.reference"),
                institution=_text(a.get("institution"), f"{where}.institution"),
                budget_line=_text(a.get("budget_line"), f"{where}.budget_line"),
                note=_text(a.get("note"), f"{where}.note"),
                sources=tuple(str(s) for s in a.get("sources") or ()),
                proposal=_proposal(a.get("proposal"), f"{where}.proposal"),
            )
        )
    return out


def pack_register(pack_id: str = "iraq-dla") -> list[RegisterArea]:
    """The register shipped with a framework pack (empty when the pack has none)."""
    from raqmana.frameworks.packs import pack_dir

    root = pack_dir(pack_id)
    path = root / FILE if root is not None else None
    if path is None or not path.is_file():
        return []
    return parse(path.read_text(encoding="utf-8"))
