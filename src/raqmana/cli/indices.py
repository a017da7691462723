"""``raqmana indices`` — public indices as benchmarks: list, show, reproduce, peers, import."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from raqmana.cli.common import (
    JsonOption,
    LangOption,
    console,
    err_console,
    esc,
    fail,
    print_json,
    report_problems,
)
from raqmana.cli.messages import sep, text
from raqmana.i18n import Translated, format_number
from raqmana.i18n.catalog import by_language, ui
from raqmana.indices import (
    index_ids,
    load_dataset,
    peer_groups,
    reproduce,
    staleness,
    standing,
)
from raqmana.indices.countries import name as country_name
from raqmana.indices.groups import EGDI_CLASSES, EGDI_GROUPS
from raqmana.indices.importer import import_edition
from raqmana.indices.peers import GROUP_NAMES, INCOME_NAMES, resolve
from raqmana.problems import ProblemsError
from raqmana.reports.sources import cited

app = typer.Typer(
    help="Public indices (EGDI, GTMI, NCSI, OECD DGI, UNDP Compass, ITU GCI) as benchmarks.",
    no_args_is_help=True,
)

NameArg = typer.Argument(..., help="Index id: egdi, gtmi, ncsi, oecd-dgi, undp-ddc or gci.")
L = by_language(
    {
        "index": ui("index"),
        "name": ui("name"),
        "editions": ui("editions"),
        "origin": ui("origin"),
        "stale": ui("stale"),
        "not_imported": ui("not shipped — import it"),
        "bundled": ui("bundled"),
        "imported": ui("imported"),
        "compared": ui("countries compared"),
        "maxdiff": ui("largest difference"),
        "groups": ui("group mismatches"),
        "mismatches": ui("outside tolerance"),
        "exceptions": ui("known exceptions"),
        "skipped": ui("skipped"),
        "ok": ui("reproduced"),
        "notok": ui("NOT reproduced"),
        "edition": ui("edition"),
        "rank": ui("rank"),
        "value": ui("value"),
        "median": ui("median"),
        "stored": ui("stored"),
        "rows": ui("rows"),
        "licence": ui("licence"),
        "yes": ui("yes"),
        "no": ui("no"),
    }
)


#: published groups of an index, highest first, with their names
GROUP_LABELS: dict[str, dict[str, Translated]] = {
    "egdi": {
        "VH": ui("Very high"),
        "H": ui("High"),
        "M": ui("Middle"),
        "L": ui("Low"),
    },
    "gtmi": {
        "A": ui("A (GovTech leaders)"),
        "B": ui("B (significant focus)"),
        "C": ui("C (some focus)"),
        "D": ui("D (minimal focus)"),
    },
}
#: formulas with words in them, said in each language (the JSON keeps the English one)
FORMULA_TEXT: dict[str, Translated] = {
    "ncsi": ui("NCSI = points / 154 × 100 (points = whole number)"),
    "oecd-dgi": ui("DGI = mean of the six dimensions"),
    "undp-ddc": ui("Compass overall = mean of the available pillar scores"),
    "gci": ui("GCI = legal + technical + organisational + capacity + cooperation"),
}


def group_counts(index: str, groups: dict[str, int], lang: str) -> str:
    """ "Very high 76, High 62, Middle 44, Low 11": the published groups, highest first, named in ``lang``."""
    names = GROUP_LABELS.get(index, {})
    order = [g for g in names if g in groups] + sorted(g for g in groups if g not in names)
    return sep(lang).join(f"{names[g].get(lang) if g in names else g} {groups[g]}" for g in order)


def class_counts(classes: dict[str, int], lang: str) -> str:
    """EGDI rating classes, highest first ("VH 20, V3 16, …")."""
    order = [c for g, _ in EGDI_GROUPS for c in reversed(EGDI_CLASSES[g])]
    known = [c for c in order if c in classes] + sorted(c for c in classes if c not in order)
    return sep(lang).join(f"{c} {classes[c]}" for c in known)


def _l(lang: str, key: str) -> str:
    return L.get(lang, L["en"]).get(key, L["en"][key])


def _num(value: float | None, lang: str, decimals: int = 4) -> str:
    return "—" if value is None else format_number(value, lang, decimals=decimals)


@app.command("list")
def list_(as_json: bool = JsonOption, lang: str = LangOption) -> None:
    """List the indices, their editions, origin and whether a newer edition is due."""
    rows = []
    for iid in index_ids():
        ds = load_dataset(iid)
        st = staleness(ds)
        origins = sorted({e.origin for e in ds.editions})
        rows.append(
            {
                "id": iid,
                "name": ds.spec.name.get(lang),
                "publisher": ds.spec.publisher,
                "editions": ds.edition_labels(),
                "origin": origins or ["not_imported"],
                "licence": ds.provenance.get("licence", ""),
                "staleness": st.to_dict(),
            }
        )
    if as_json:
        print_json(rows)
        return
    table = Table(
        _l(lang, "index"), _l(lang, "name"), _l(lang, "editions"), _l(lang, "origin"), _l(lang, "stale")
    )
    for r in rows:
        table.add_row(
            esc(r["id"]),
            esc(r["name"]),
            sep(lang).join(r["editions"]) or "—",
            sep(lang).join(_l(lang, o) for o in r["origin"]),
            _l(lang, "yes") if r["staleness"]["stale"] else _l(lang, "no"),
        )
    console.print(table)


@app.command()
def show(
    name: str = NameArg,
    country: str | None = typer.Option(None, "--country", "-c", help="ISO3 code or name, e.g. IRQ."),
    as_json: bool = JsonOption,
    lang: str = LangOption,
) -> None:
    """Show an index's provenance and editions, or one country's trend across editions."""
    try:
        ds = load_dataset(name)
        iso3 = resolve(country) if country else None
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    st = staleness(ds)
    data: dict[str, object] = {**ds.to_dict(), "provenance": ds.provenance, "staleness": st.to_dict()}
    if iso3:
        trend = []
        for ed in ds.edition_labels():
            rec = ds.get(iso3, ed)
            pos = ds.position(iso3, ds.spec.composite, ed)
            trend.append(
                {
                    "edition": ed,
                    "values": rec.values if rec else None,
                    "published_rank": rec.rank if rec else None,
                    "group": (rec.group or None) if rec else None,
                    "position": list(pos) if pos else None,
                }
            )
        data["country"] = {"iso3": iso3, "name": country_name(iso3, lang), "trend": trend}
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]{esc(ds.spec.name.get(lang))}[/bold] — {esc(cited(ds.spec.publisher).get(lang))}")
    console.print(f"{_l(lang, 'editions')}: {sep(lang).join(ds.edition_labels()) or '—'}")
    licence = cited(str(ds.provenance.get("licence", ""))).get(lang) if ds.provenance.get("licence") else ""
    console.print(f"{_l(lang, 'licence')}: {esc(licence)}", highlight=False)
    warning = st.problem(ds.spec.name.model_dump(), ds.spec.publisher)
    if warning:
        report_problems([warning], lang)
    if iso3:
        comps = ds.spec.component_ids()[:8]
        table = Table(_l(lang, "edition"), *comps, _l(lang, "rank"), title=esc(country_name(iso3, lang)))
        for ed in ds.edition_labels():
            rec = ds.get(iso3, ed)
            pos = ds.position(iso3, ds.spec.composite, ed)
            table.add_row(
                ed,
                *[_num(rec.values.get(c) if rec else None, lang) for c in comps],
                f"{pos[0]}/{pos[1]}" if pos else "—",
            )
        console.print(table)


@app.command("reproduce")
def reproduce_cmd(
    name: str = NameArg,
    edition: str = typer.Option(..., "--edition", "-e", help="Edition, e.g. 2024."),
    as_json: bool = JsonOption,
    lang: str = LangOption,
) -> None:
    """Recompute the official index from its components and compare (exit 1 when it does not match)."""
    try:
        result = reproduce(name, edition)
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    if as_json:
        print_json(result.to_dict())
    else:
        formula = FORMULA_TEXT[name].get(lang) if name in FORMULA_TEXT and lang != "en" else result.formula
        console.print(f"[bold]{esc(name)} {esc(edition)}[/bold]: {esc(formula)}", highlight=False)
        console.print(f"{_l(lang, 'compared')}: {result.compared}")
        console.print(f"{_l(lang, 'maxdiff')}: {result.max_abs_diff:.6f} (≤ {result.tolerance:g})")
        console.print(
            f"{_l(lang, 'mismatches')}: {len(result.mismatches)}  "
            f"{_l(lang, 'groups')}: {len(result.group_mismatches)}"
        )
        for m in result.mismatches[:20]:
            console.print(f"  {m.iso3}: {m.published} ≠ {m.reproduced:.6f}", highlight=False)
        for g in result.group_mismatches[:20]:
            console.print(f"  {g.iso3}: {g.published} → {g.reproduced}", highlight=False)
        for d, reason in result.exceptions:
            console.print(
                esc(
                    f"  {_l(lang, 'exceptions')} {d.iso3}: {d.published} / {d.reproduced:.4f} — "
                    f"{reason.get(lang)}"
                ),
                highlight=False,
            )
        if result.skipped:
            console.print(
                f"{_l(lang, 'skipped')}: {sep(lang).join(s.iso3 for s in result.skipped)}", highlight=False
            )
        label = name.upper()
        if result.groups:
            console.print(
                esc(text(lang, "ix.groups", index=label, list=group_counts(name, result.groups, lang))),
                highlight=False,
            )
        if result.classes:
            console.print(
                esc(text(lang, "ix.classes", index=label, list=class_counts(result.classes, lang))),
                highlight=False,
            )
        console.print(f"[bold]{_l(lang, 'ok') if result.ok else _l(lang, 'notok')}[/bold]")
    if not result.ok:
        raise typer.Exit(code=1)


def _chosen_peers(country: str) -> tuple[str, ...] | None:
    """The chosen peers of a country that has a country file (docs/countries.md); None otherwise."""
    from raqmana.pipeline.country import countries

    found = countries().get(resolve(country))
    return found.peers if found is not None else None


@app.command()
def peers(
    country: str = typer.Argument(..., help="ISO3 code or name, e.g. IRQ."),
    peer: list[str] | None = typer.Option(
        None, "--peer", "-p", help="A chosen peer (repeat); default: the peers in the country's file."
    ),
    index: list[str] | None = typer.Option(
        None, "--index", "-i", help="Indices to compare (default egdi gtmi ncsi)."
    ),
    as_json: bool = JsonOption,
    lang: str = LangOption,
) -> None:
    """The country's peer groups and its standing among them on each index (newest edition)."""
    try:
        groups = peer_groups(country, peer or _chosen_peers(country))
        datasets = [load_dataset(i) for i in (index or ["egdi", "gtmi", "ncsi"])]
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    standings = [s for ds in datasets if (s := standing(ds, groups)) is not None]
    if as_json:
        print_json({"country": groups.to_dict(lang), "indices": {s.index: s.to_dict() for s in standings}})
        return
    inc = INCOME_NAMES[groups.income_group].get(lang) if groups.income_group else "—"
    console.print(f"[bold]{esc(country_name(groups.iso3, lang))}[/bold] ({esc(groups.iso3)}) — {esc(inc)}")
    for gid, members in groups.groups.items():
        console.print(esc(f"{GROUP_NAMES[gid].get(lang)}: {sep(lang).join(members)}"), highlight=False)
    chosen = list(groups.groups.get("chosen", ()))
    table = Table("", *[f"{s.index} {s.edition}" for s in standings])
    table.add_row(
        f"[bold]{esc(country_name(groups.iso3, lang))}[/bold]",
        *[f"{_num(s.value, lang)}" + (f" ({s.rank}/{s.count})" if s.rank else "") for s in standings],
    )
    for c in chosen:
        table.add_row(esc(country_name(c, lang)), *[_num(s.peers.get(c), lang) for s in standings])
    for g in groups.groups:
        table.add_row(
            f"{_l(lang, 'median')}: {GROUP_NAMES[g].get(lang)}",
            *[_num(s.medians.get(g), lang) for s in standings],
        )
    console.print(table)


@app.command("import")
def import_cmd(
    name: str = NameArg,
    file: Path = typer.Argument(
        ..., help="CSV file of the edition (wide, or long with variable/value columns)."
    ),
    edition: str | None = typer.Option(
        None, "--edition", "-e", help="Edition, e.g. 2026 (or a 'year' column)."
    ),
    source: str = typer.Option("", help="Where the file comes from (URL, publication), kept with the data."),
    as_json: bool = JsonOption,
    lang: str = LangOption,
) -> None:
    """Check a newer edition (or your copy of ITU GCI) and store it in the data directory."""
    try:
        result = import_edition(name, file, edition=edition, source=source)
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    if result.licence:
        err_console.print(
            f"[yellow]{_l(lang, 'licence')}[/yellow]: "
            f"{esc(result.licence.get(lang) or result.licence['en'])}",
            highlight=False,
        )
    if not result.ok:
        fail(result.problems, lang, as_json=as_json)
    if as_json:
        print_json(result.to_dict(lang))
        return
    report_problems(result.problems, lang)
    console.print(
        esc(
            f"{name} {result.edition}: {result.rows} {_l(lang, 'rows')}; {_l(lang, 'stored')} {result.stored}"
        ),
        highlight=False,
    )
