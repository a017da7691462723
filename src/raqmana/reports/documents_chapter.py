"""The national report's chapters on the country's own documents: the SDG profile of the policy documents
read (chart and table) and the legal and institutional register with its proposals.

Self-contained: the workspace hands plain rows in (:class:`SdgRows`, :class:`RegisterRow`) and gets
:class:`Section` values back, added to the report through ``ReportInputs.chapters``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from raqmana.documents.register import source_parts
from raqmana.i18n.bidi import ltr
from raqmana.i18n.catalog import ui
from raqmana.reports import charts
from raqmana.reports.model import Block, Figure, Note, Paragraph, Section, Table
from raqmana.reports.text import integer, listing, prose_digits

WORDS = {
    "sdg_title": ui("The country's own documents and the SDGs"),
    "sdg_intro": ui(
        "raqmana read {docs} policy documents (strategies, laws, action plans) and suggested, for each passage, the SDG goals and targets it addresses; reviewers accepted {accepted} of the suggestions. A passage counts once per goal; rejected suggestions do not count."
    ),
    "sdg_none": ui("No policy document has been analysed yet."),
    "sdg_caption": ui("Passages of the country's documents per Sustainable Development Goal"),
    "goal": ui("Goal"),
    "passages": ui("Passages"),
    "accepted": ui("Accepted"),
    "targets_caption": ui("SDG targets the documents commit to (accepted by a reviewer)"),
    "target": ui("Target"),
    "text": ui("Text"),
    "source": ui("Source: policy documents read by raqmana; suggestions by its document reader ({version})."),
    "register_title": ui("Legal and institutional framework: register and proposals"),
    "register_intro": ui(
        "For each enabling area: what exists (a law or decree with its number and date, the institution, the budget line), what is drafted and what is missing. Each gap becomes a proposal for the roadmap."
    ),
    "area": ui("Area"),
    "status": ui("Status"),
    "instrument": ui("Instrument"),
    "institution": ui("Institution"),
    "budget": ui("Budget line"),
    "register_caption": ui("Legal and institutional register"),
    "proposals_caption": ui("Proposals for the legal, institutional and financial framework"),
    "what": ui("Proposal"),
    "drafter": ui("Who drafts it"),
    "basis": ui("Article or mandate"),
    "cost": ui("Cost band"),
    "register_sources": ui("Sources: {sources}"),
    "to_verify": ui("to verify"),
}
STATUS = {"exists": ui("exists"), "drafted": ui("drafted"), "missing": ui("missing")}
COST = {"low": ui("low", "cost band"), "medium": ui("medium", "cost band"), "high": ui("high", "cost band")}


class GoalLike(Protocol):
    @property
    def goal(self) -> int: ...
    @property
    def name(self) -> Mapping[str, str]: ...
    @property
    def passages(self) -> int: ...
    @property
    def accepted(self) -> int: ...


class TargetLike(Protocol):
    @property
    def target(self) -> str: ...
    @property
    def text(self) -> Mapping[str, str]: ...
    @property
    def passages(self) -> int: ...
    @property
    def accepted(self) -> int: ...


def _w(key: str, lang: str, **params: object) -> str:
    text = WORDS[key].get(lang)
    return text.format(**params) if params else text


def sdg_profile_chart(
    goals: Sequence[GoalLike], lang: str, *, xlabel: str = "", digits: str | None = None
) -> str:
    """Horizontal bars of the passages per goal (the results' bar chart), as SVG."""
    return _chart(goals, lang, xlabel, digits).svg


def _chart(goals: Sequence[GoalLike], lang: str, xlabel: str, digits: str | None) -> charts.Chart:
    top = max((g.passages for g in goals), default=0)
    return charts.bar_scores(
        [f"{integer(g.goal, lang, digits)} {g.name.get(lang, g.name.get('en', ''))}" for g in goals],
        [float(g.passages) for g in goals],
        lang,
        xmax=float(max(1, top)),
        xlabel=xlabel,
        digits=digits,
        whole=True,
    )


@dataclass(frozen=True)
class SdgRows:
    documents: int
    goals: Sequence[GoalLike]
    targets: Sequence[TargetLike]
    version: str = ""


def sdg_section(rows: SdgRows, lang: str, digits: str | None = None) -> Section:
    title = _w("sdg_title", lang)
    if rows.documents == 0:
        return Section("documents-sdg", title, [Note(_w("sdg_none", lang), "missing")])
    accepted = sum(t.accepted for t in rows.targets)

    def n(v: int) -> str:
        return integer(v, lang, digits)

    table = Table(
        "documents-sdg-goals",
        _w("sdg_caption", lang),
        [_w("goal", lang), _w("passages", lang), _w("accepted", lang)],
        [[f"{n(g.goal)} {g.name.get(lang, '')}", g.passages, g.accepted] for g in rows.goals],
        numeric=[1, 2],
        decimals=0,
        widths=[6, 2, 2],
    )
    blocks: list[Block] = [
        Paragraph(_w("sdg_intro", lang, docs=n(rows.documents), accepted=n(accepted))),
        Figure(
            "documents-sdg-chart",
            _w("sdg_caption", lang),
            _chart(rows.goals, lang, _w("passages", lang), digits),
            data=table,
            source=_w("source", lang, version=rows.version) if rows.version else "",
        ),
    ]
    committed = [t for t in rows.targets if t.accepted]
    if committed:
        blocks.append(
            Table(
                "documents-sdg-targets",
                _w("targets_caption", lang),
                [_w("target", lang), _w("text", lang), _w("accepted", lang)],
                [[t.target, t.text.get(lang, ""), t.accepted] for t in committed],
                numeric=[2],
                decimals=0,
                widths=[1, 7, 1],
            )
        )
    return Section("documents-sdg", title, blocks)


@dataclass(frozen=True)
class RegisterRow:
    area: Mapping[str, str]
    status: str
    instrument: Mapping[str, str]
    #: in each language (a plain string: as written)
    reference: Mapping[str, str] | str
    institution: Mapping[str, str]
    budget_line: Mapping[str, str]
    sources: Sequence[str] = ()
    #: for a gap: what, drafter, basis (translated) and cost_band
    proposal: Mapping[str, object] = field(default_factory=dict)


def _t(value: object, lang: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("en") or "")
    return str(value or "")


def _reference(value: Mapping[str, str] | str, lang: str, p: Callable[[str], str]) -> str:
    """The reference in ``lang`` (its numbers in the reader's digits); where only the English is known,
    that one as written, a left-to-right isolate in ar and ckb."""
    if isinstance(value, str):
        return value if lang == "en" else ltr(value)
    if value.get(lang):
        return p(value[lang])
    english = value.get("en", "")
    return english if lang == "en" else ltr(english)


def register_section(rows: Sequence[RegisterRow], lang: str, digits: str | None = None) -> Section:
    title = _w("register_title", lang)
    if not rows:
        return Section("documents-register", title, [Note(_w("sdg_none", lang), "missing")])

    def p(text: str) -> str:
        return prose_digits(text, lang, digits)

    register = Table(
        "documents-register",
        _w("register_caption", lang),
        [_w(k, lang) for k in ("area", "status", "instrument", "institution", "budget")],
        [
            [
                _t(r.area, lang),
                STATUS[r.status].get(lang),
                " — ".join(x for x in (p(_t(r.instrument, lang)), _reference(r.reference, lang, p)) if x),
                p(_t(r.institution, lang)),
                p(_t(r.budget_line, lang)),
            ]
            for r in rows
        ],
        widths=[3, 2, 5, 3, 2],
    )
    gaps = [r for r in rows if r.proposal and r.status != "exists"]
    proposals = Table(
        "documents-proposals",
        _w("proposals_caption", lang),
        [_w(k, lang) for k in ("area", "what", "drafter", "basis", "cost")],
        [
            [
                _t(r.area, lang),
                p(_t(r.proposal.get("what"), lang)),
                p(_t(r.proposal.get("drafter"), lang)),
                p(_t(r.proposal.get("basis"), lang)),
                COST[str(r.proposal.get("cost_band", "medium"))].get(lang),
            ]
            for r in gaps
        ],
        widths=[3, 6, 3, 4, 2],
    )
    sources = sorted({source_parts(s) for r in rows for s in r.sources})
    blocks: list[Block] = [Paragraph(_w("register_intro", lang)), register, proposals]
    if sources:
        cited = [
            (ltr(t) if lang != "en" else t) + (f" ({_w('to_verify', lang)})" if check else "")
            for t, check in sources
        ]
        blocks.append(Paragraph(_w("register_sources", lang, sources=listing(cited, lang))))
    return Section("documents-register", title, blocks)
