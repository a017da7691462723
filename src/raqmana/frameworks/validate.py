"""Checks that the schema alone cannot make: translations, ids, ladders, crosswalks, dependencies."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from raqmana.frameworks import errors as E
from raqmana.frameworks.crosswalk import is_known
from raqmana.frameworks.schema import AnswerType, Framework, Indicator
from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.i18n.locales import LANGS
from raqmana.i18n.sorani import REPLACEMENTS, wrong_letters
from raqmana.problems import Location, Problem

Locator = Callable[[tuple[Any, ...]], Location]

CROSSWALK_TARGETS = ("gtmi", "ncsi", "egdi", "govstack", "undp_dtf", "sdg")
FIELD_WORDS = {
    "name": ui("name").as_dict(),
    "description": ui("description").as_dict(),
    "question": ui("question").as_dict(),
    "guidance": ui("guidance").as_dict(),
    "unit": ui("unit").as_dict(),
    "label": ui("label").as_dict(),
    "default_stage0": ui("stage 0 descriptor").as_dict(),
}


def _stage_word(stage: int, part: str) -> dict[str, str]:
    if part == "descriptor":
        return {
            "en": f"stage {stage} descriptor",
            "ar": f"وصف المرحلة {stage}",
            "ckb": f"وەسفی قۆناغی {stage}",
        }
    return {"en": f"stage {stage} evidence", "ar": f"أدلة المرحلة {stage}", "ckb": f"بەڵگەی قۆناغی {stage}"}


def _default_locate(path: tuple[Any, ...]) -> Location:
    return Location(path=".".join(str(p) for p in path))


def validate(fw: Framework, *, locate: Locator | None = None) -> list[Problem]:
    """All errors and warnings of ``fw``; an empty list means it is valid and complete."""
    loc = locate or _default_locate
    return list(_check(fw, loc))


def _translation(
    text: Translated,
    *,
    what: str,
    ident: str,
    field: str | dict[str, str],
    path: tuple[Any, ...],
    loc: Locator,
    required: bool,
) -> Iterator[Problem]:
    """Missing languages of ``text``. Optional texts are checked only when some language is present."""
    missing = text.missing()
    word = (
        FIELD_WORDS.get(field, {"en": field, "ar": field, "ckb": field}) if isinstance(field, str) else field
    )
    wrong = wrong_letters(text.ckb)
    if wrong:
        where = loc((*path, "ckb"))
        yield Problem(
            E.SORANI_SPELLING,
            Location(where.file, where.sheet, where.line, where.column, where.path, "ckb"),
            {
                "what": E.WHAT[what],
                "id": ident,
                "field": word,
                "letters": " ".join(wrong),
                "fixed": " ".join(REPLACEMENTS[c] for c in wrong),
            },
        )
    if not required and len(missing) == len(LANGS):
        return
    for lang in missing:
        where = loc((*path, lang))
        yield Problem(
            E.MISSING_TRANSLATION,
            Location(where.file, where.sheet, where.line, where.column, where.path, lang),
            {"what": E.WHAT[what], "id": ident, "field": word, "lang": lang},
        )


def _check(fw: Framework, loc: Locator) -> Iterator[Problem]:
    yield from _translation(
        fw.name, what="framework", ident=fw.id, field="name", path=("name",), loc=loc, required=True
    )
    yield from _translation(
        fw.description,
        what="framework",
        ident=fw.id,
        field="description",
        path=("description",),
        loc=loc,
        required=False,
    )
    yield from _translation(
        fw.default_stage0,
        what="framework",
        ident=fw.id,
        field="default_stage0",
        path=("default_stage0",),
        loc=loc,
        required=False,
    )
    for k, sl in enumerate(fw.stage_labels):
        yield from _translation(
            sl.label,
            what="stage_label",
            ident=str(sl.stage),
            field="label",
            path=("stage_labels", k, "label"),
            loc=loc,
            required=True,
        )
        yield from _translation(
            sl.description,
            what="stage_label",
            ident=str(sl.stage),
            field="description",
            path=("stage_labels", k, "description"),
            loc=loc,
            required=False,
        )

    seen: dict[str, str] = {}

    def unique(ident: str, path: tuple[Any, ...]) -> Iterator[Problem]:
        where = loc(path)
        if ident in seen:
            yield Problem(E.DUPLICATE_ID, where, {"id": ident, "first": seen[ident]})
        else:
            seen[ident] = f"{where.file}:{where.line}" if where.line else where.path

    if not fw.indicators() and not fw.catalogue:
        yield Problem(E.EMPTY_FRAMEWORK, loc(("pillars",)))

    pillar_ids = {p.id for p in fw.pillars}
    for pi, pillar in enumerate(fw.pillars):
        pp = ("pillars", pi)
        yield from unique(pillar.id, (*pp, "id"))
        yield from _translation(
            pillar.name,
            what="pillar",
            ident=pillar.id,
            field="name",
            path=(*pp, "name"),
            loc=loc,
            required=True,
        )
        yield from _translation(
            pillar.description,
            what="pillar",
            ident=pillar.id,
            field="description",
            path=(*pp, "description"),
            loc=loc,
            required=False,
        )
        for dep in pillar.depends_on:
            if dep not in pillar_ids:
                yield Problem(E.UNKNOWN_DEPENDENCY, loc((*pp, "depends_on")), {"id": pillar.id, "value": dep})
        if pillar.weight == 0:
            yield Problem(E.ZERO_WEIGHT, loc((*pp, "weight")), {"what": E.WHAT["pillar"], "id": pillar.id})
        if not pillar.sub_areas and fw.kind == "assessment":
            yield Problem(
                E.EMPTY_CONTAINER,
                loc(pp),
                {"what": E.WHAT["pillar"], "id": pillar.id, "children": E.WHAT["sub_area"]},
            )
        for si, sub in enumerate(pillar.sub_areas):
            sp = (*pp, "sub_areas", si)
            yield from unique(sub.id, (*sp, "id"))
            yield from _translation(
                sub.name,
                what="sub_area",
                ident=sub.id,
                field="name",
                path=(*sp, "name"),
                loc=loc,
                required=True,
            )
            yield from _translation(
                sub.description,
                what="sub_area",
                ident=sub.id,
                field="description",
                path=(*sp, "description"),
                loc=loc,
                required=False,
            )
            if not sub.indicators:
                yield Problem(
                    E.EMPTY_CONTAINER,
                    loc(sp),
                    {"what": E.WHAT["sub_area"], "id": sub.id, "children": E.WHAT["indicator"]},
                )
            for ii, ind in enumerate(sub.indicators):
                ip = (*sp, "indicators", ii)
                yield from unique(ind.id, (*ip, "id"))
                yield from _check_indicator(fw, ind, ip, loc)

    yield from _check_cycles(fw, loc)
    for ci, item in enumerate(fw.catalogue):
        cp = ("catalogue", ci)
        yield from unique(item.id, (*cp, "id"))
        yield from _translation(
            item.name,
            what="catalogue",
            ident=item.id,
            field="name",
            path=(*cp, "name"),
            loc=loc,
            required=True,
        )


def _check_indicator(fw: Framework, ind: Indicator, ip: tuple[Any, ...], loc: Locator) -> Iterator[Problem]:
    for fname in ("name", "question"):
        yield from _translation(
            getattr(ind, fname),
            what="indicator",
            ident=ind.id,
            field=fname,
            path=(*ip, fname),
            loc=loc,
            required=fw.kind == "assessment" or fname == "name",
        )
    for fname in ("description", "guidance", "unit"):
        yield from _translation(
            getattr(ind, fname),
            what="indicator",
            ident=ind.id,
            field=fname,
            path=(*ip, fname),
            loc=loc,
            required=False,
        )
    if ind.direction not in (1, -1):
        yield Problem(E.BAD_DIRECTION, loc((*ip, "direction")), {"id": ind.id})
    if ind.weight == 0:
        yield Problem(E.ZERO_WEIGHT, loc((*ip, "weight")), {"what": E.WHAT["indicator"], "id": ind.id})

    if ind.answer_type is AnswerType.LADDER:
        present: dict[int, int] = {}
        for k, st in enumerate(ind.stages):
            if st.stage in present:
                yield Problem(E.LADDER_DUPLICATE, loc((*ip, "stages", k)), {"id": ind.id, "stage": st.stage})
            present[st.stage] = k
            yield from _translation(
                st.descriptor,
                what="indicator",
                ident=ind.id,
                field=_stage_word(st.stage, "descriptor"),
                path=(*ip, "stages", k, "descriptor"),
                loc=loc,
                required=True,
            )
            yield from _translation(
                st.evidence,
                what="indicator",
                ident=ind.id,
                field=_stage_word(st.stage, "evidence"),
                path=(*ip, "stages", k, "evidence"),
                loc=loc,
                required=st.stage > 0 and fw.kind == "assessment",
            )
        needed = range(1, 6) if fw.default_stage0.missing() != list(LANGS) else range(6)
        for stage in needed:
            if stage not in present:
                yield Problem(E.LADDER_STAGE, loc((*ip, "stages")), {"id": ind.id, "stage": stage})
    elif ind.stages:
        yield Problem(
            E.STAGES_NOT_ALLOWED, loc((*ip, "stages")), {"id": ind.id, "answer_type": ind.answer_type.value}
        )

    if ind.answer_type is AnswerType.CHOICE:
        values = [c.value for c in ind.choices]
        if len(set(values)) < 2 or len(set(values)) != len(values):
            yield Problem(E.CHOICES_MISSING, loc((*ip, "choices")), {"id": ind.id})
        for k, ch in enumerate(ind.choices):
            yield from _translation(
                ch.label,
                what="indicator",
                ident=ind.id,
                field="label",
                path=(*ip, "choices", k, "label"),
                loc=loc,
                required=True,
            )
    if ind.answer_type in (AnswerType.NUMBER, AnswerType.PERCENTAGE):
        lo, hi = ind.min_value, ind.max_value
        if lo is not None and hi is not None and lo >= hi:
            yield Problem(E.GOALPOSTS, loc((*ip, "min_value")), {"id": ind.id})
        if ind.answer_type is AnswerType.NUMBER and (lo is None or hi is None):
            yield Problem(E.NO_GOALPOSTS, loc(ip), {"id": ind.id})

    cw = ind.crosswalk
    for target in CROSSWALK_TARGETS:
        for k, value in enumerate(getattr(cw, target)):
            if not is_known(target, value):
                yield Problem(
                    E.UNKNOWN_CROSSWALK,
                    loc((*ip, "crosswalk", target, k)),
                    {"id": ind.id, "target": target, "value": value},
                )
    if fw.kind == "assessment" and not cw.sdg:
        yield Problem(E.NO_CROSSWALK, loc((*ip, "crosswalk")), {"id": ind.id})


def _check_cycles(fw: Framework, loc: Locator) -> Iterator[Problem]:
    graph = {p.id: list(p.depends_on) for p in fw.pillars}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for pid in graph:
        if state.get(pid) is None:
            cycle = visit(pid)
            if cycle:
                idx = next(i for i, p in enumerate(fw.pillars) if p.id == cycle[0])
                yield Problem(
                    E.DEPENDENCY_CYCLE, loc(("pillars", idx, "depends_on")), {"cycle": " → ".join(cycle)}
                )
                return
