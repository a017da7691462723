"""``raqmana roadmap`` — recommendation rules, planning a roadmap from an assessment, what-if, XLSX import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from raqmana.cli.common import JsonOption, LangOption, console, esc, fail, print_json, report_problems, say
from raqmana.cli.messages import text
from raqmana.frameworks import DEFAULT_PACK, load
from raqmana.frameworks.packs import pack_dir
from raqmana.frameworks.schema import Framework
from raqmana.i18n.catalog import ui
from raqmana.problems import Location, Problem, ProblemsError, split
from raqmana.recommend import assessment as assessment_io
from raqmana.recommend import errors as RE
from raqmana.recommend.loader import load_rules
from raqmana.recommend.rules import Horizon, RuleBase, Scope
from raqmana.roadmap import dag, jsonio
from raqmana.roadmap import errors as E
from raqmana.roadmap.model import Roadmap, Schedule
from raqmana.roadmap.whatif import Scenario, budget_cut, what_if
from raqmana.roadmap.xlsx_read import read_workbook

app = typer.Typer(
    help="Recommendations and the transformation roadmap: rules, plan, what-if, import.", no_args_is_help=True
)
rules_app = typer.Typer(
    help="Recommendation rule bases (rules.yaml beside a framework pack).", no_args_is_help=True
)
app.add_typer(rules_app, name="rules")


def _framework(source: str, lang: str, as_json: bool) -> Framework:
    result = load(source)
    if result.framework is None or result.errors:
        fail(result.problems, lang, as_json=as_json)
    return result.framework


def rules_summary(rb: RuleBase) -> dict[str, Any]:
    pillars: dict[str, int] = {}
    for r in rb.rules:
        pillars[r.pillar] = pillars.get(r.pillar, 0) + 1
    return {
        "framework": rb.framework,
        "version": rb.version,
        "rules": len(rb.rules),
        "national": sum(1 for r in rb.rules if r.scope is Scope.NATIONAL),
        "institution": sum(1 for r in rb.rules if r.scope is Scope.INSTITUTION),
        "short_term": sum(1 for r in rb.rules if r.horizon is Horizon.SHORT),
        "long_term": sum(1 for r in rb.rules if r.horizon is Horizon.LONG),
        "per_pillar": dict(sorted(pillars.items())),
    }


@rules_app.command("validate")
def rules_validate(
    pack: str = typer.Argument(
        DEFAULT_PACK, help="A framework pack id, a pack directory or a rules YAML file."
    ),
    framework: str = typer.Option(
        "",
        "--framework",
        "-f",
        help="Framework to check ids against (default: the pack, or the rule base's 'framework').",
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Check a rule base: schema, translations, conditions, indicator and rule ids, cycles. Exit 2 on errors."""
    fw_source = framework or (pack if pack_dir(pack) is not None else "")
    if not fw_source:
        first = load_rules(pack)
        if first.rulebase is None:
            fail(first.problems, lang, as_json=as_json)
        fw_source = first.rulebase.framework
    fw = _framework(fw_source, lang, as_json)
    result = load_rules(pack, fw)
    if result.rulebase is None or result.errors:
        if result.rulebase is not None and as_json:
            print_json(
                {
                    "ok": False,
                    **rules_summary(result.rulebase),
                    "source": result.source,
                    "errors": [p.as_dict(lang) for p in result.errors],
                    "warnings": [p.as_dict(lang) for p in result.warnings],
                }
            )
            raise typer.Exit(2)
        fail(result.problems, lang, as_json=as_json)
    info = {"ok": True, **rules_summary(result.rulebase), "source": result.source}
    if as_json:
        print_json({**info, "warnings": [p.as_dict(lang) for p in result.warnings]})
        return
    report_problems(result.problems, lang)
    say(
        lang,
        "rules.valid",
        source=result.source,
        rules=info["rules"],
        national=info["national"],
        institution=info["institution"],
        short=info["short_term"],
        warnings=len(result.warnings),
    )


def _budget(text: str | None, lang: str, as_json: bool) -> list[int] | None:
    if not text:
        return None
    try:
        values = [int(float(x)) for x in text.replace(" ", "").split(",") if x]
    except ValueError:
        values = []
    if not values or any(v <= 0 for v in values):
        fail(
            [
                Problem(
                    E.BAD_SETTING,
                    Location(field="--budget-per-year"),
                    {
                        "field": "--budget-per-year",
                        "detail": ui(
                            "'{text}' is not a positive amount in USD (or a comma-separated list, one per year)"
                        ).format(text=text),
                    },
                )
            ],
            lang,
            as_json=as_json,
        )
    return values


def schedule_summary(sch: Schedule | None) -> dict[str, Any] | None:
    if sch is None:
        return None
    return {k: v for k, v in sch.model_dump(mode="json").items() if k != "items"}


@app.command()
def plan(
    assessment: Path = typer.Option(..., "--assessment", "-a", help="Assessment JSON (see docs/roadmap.md)."),
    out: Path = typer.Option(..., "--out", "-o", help="Directory for recommendations.*, roadmap.*, gantt.*."),
    framework: str = typer.Option(
        "", "--framework", "-f", help="Framework pack or file (default: the assessment's 'framework')."
    ),
    rules: str = typer.Option(
        "", "--rules", help="Rule base file (default: the framework pack's rules.yaml)."
    ),
    budget_per_year: str = typer.Option(
        "",
        "--budget-per-year",
        help="Yearly budget in USD; a comma-separated "
        "list gives one per fiscal year (default: 125 % of the average need).",
    ),
    horizon_quarters: int | None = typer.Option(
        None, "--horizon-quarters", min=1, max=80, help="Plan length in quarters (default: the country's)."
    ),
    capacity: int | None = typer.Option(
        None, "--capacity", min=1, help="Initiatives an owner can run at once (default: the country's)."
    ),
    start_year: int | None = typer.Option(
        None, "--start-year", help="Fiscal year of the first quarter (default: the country's)."
    ),
    country: str = typer.Option(
        "",
        "--country",
        help="ISO3 code or country file with the planning defaults (default: the framework pack's country).",
    ),
    time_limit: float = typer.Option(10.0, "--time-limit", min=1.0, help="Seconds for the solver."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Recommendations from an assessment, then a scheduled roadmap; write every file into --out.

    Start year, horizon and capacity not given here are the country's (docs/countries.md)."""
    from raqmana.pipeline import RoundOptions, country_for, find_country
    from raqmana.roadmap.pipeline import plan_from_assessment

    data, problems = assessment_io.load(assessment)
    if data is None or split(problems)[0]:
        fail(problems, lang, as_json=as_json)
    fw = _framework(framework or data.framework, lang, as_json)
    try:
        defaults = find_country(country) if country else country_for(fw.id)
        planning = RoundOptions(
            start_year=start_year, horizon_quarters=horizon_quarters, capacity_per_owner=capacity
        ).planning(defaults)
        result = plan_from_assessment(
            fw,
            data,
            rulebase=rules or None,
            budget_per_year=_budget(budget_per_year, lang, as_json),
            horizon_quarters=planning.horizon_quarters,
            time_limit_s=time_limit,
            capacity_per_owner=planning.capacity_per_owner,
            start_year=planning.start_year,
            start_quarter=planning.start_quarter,
        )
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    files = result.write(out, lang=lang)
    recs = result.recommendations.recommendations
    info = {
        "ok": result.ok,
        "files": [str(f) for f in files],
        "recommendations": len(recs),
        "short_term": sum(1 for r in recs if r.horizon is Horizon.SHORT),
        "national": len(result.recommendations.national()),
        "initiatives": len(result.roadmap.initiatives),
        "dependencies": len(result.roadmap.dependencies),
        "budget_per_year": result.roadmap.settings.budget_per_year,
        "schedule": schedule_summary(result.schedule),
    }
    if not result.ok:
        if as_json:
            errors, warnings = split(result.problems)
            print_json(
                {
                    **info,
                    "errors": [p.as_dict(lang) for p in errors],
                    "warnings": [p.as_dict(lang) for p in warnings],
                }
            )
            raise typer.Exit(2)
        fail(result.problems, lang)
    if as_json:
        print_json({**info, "warnings": [p.as_dict(lang) for p in result.problems]})
        return
    report_problems(result.problems, lang)
    sch = result.schedule
    assert sch is not None
    gap = f"{100 * sch.gap:.2f} %" if sch.gap is not None else "—"
    better = f"{100 * sch.improvement:.1f} %" if sch.improvement is not None else "—"
    say(
        lang,
        "plan.done",
        recommendations=info["recommendations"],
        short=info["short_term"],
        initiatives=info["initiatives"],
        dependencies=info["dependencies"],
        status=sch.status.value,
        gap=gap,
        better=better,
        quarters=sch.makespan,
        out=out,
    )


def _read_roadmap(path: Path) -> tuple[Roadmap | None, list[Problem]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_workbook(path)
    return jsonio.read(path)


def _slips(values: list[str], lang: str, as_json: bool) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        iid, _, q = v.rpartition(":") if ":" in v else (v, "", "2")
        if not iid or not q.isdigit():
            fail(
                [
                    Problem(
                        E.BAD_SETTING,
                        Location(field="--slip"),
                        {
                            "field": "--slip",
                            "detail": ui("'{v}' is not INITIATIVE:QUARTERS").format(v=v),
                        },
                    )
                ],
                lang,
                as_json=as_json,
            )
        out[iid] = int(q)
    return out


@app.command()
def whatif(
    roadmap: Path = typer.Argument(..., help="A scheduled roadmap: roadmap.json or roadmap.xlsx."),
    budget_cut_share: float = typer.Option(
        0.0, "--budget-cut", min=0.0, max=0.95, help="Cut every yearly budget by this share (0.3 = −30 %)."
    ),
    slip: list[str] = typer.Option(
        [],
        "--slip",
        help="INITIATIVE:QUARTERS — the initiative cannot start "
        "before its planned start + QUARTERS (default 2). Repeatable.",
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Re-plan under a budget cut and/or slipped initiatives and show what moves."""
    rm, problems = _read_roadmap(roadmap)
    if rm is None:
        fail(problems, lang, as_json=as_json)
    slips = _slips(slip, lang, as_json)
    base = budget_cut(budget_cut_share) if budget_cut_share else Scenario()
    scenario = base.model_copy(update={"slips": slips}) if slips else base
    result = what_if(rm, scenario, lang=lang)
    summary = result.summary()
    failed = result.objective_after is None
    if as_json:
        print_json({"ok": not failed, **summary})
        if failed:
            raise typer.Exit(2)
        return
    for p in result.problems:
        console.print(esc(f"[{text(lang, p['severity'])}] {p['code']}: {p['message']}"), highlight=False)
    if failed:
        raise typer.Exit(2)
    table = Table(*(text(lang, f"h.{h}") for h in ("initiative", "start", "end", "shift")))
    for c in result.changed[:40]:
        table.add_row(
            esc(c.id),
            f"{c.start_before} → {c.start_after}",
            f"{c.end_before} → {c.end_after}",
            f"{c.shift:+d}",
        )
    console.print(table)
    say(
        lang,
        "whatif.done",
        before=result.objective_before,
        after=result.objective_after,
        delta=f"{result.delta_objective:+d}",
        makespan_before=result.makespan_before,
        makespan_after=result.makespan_after,
        moved=len(result.changed),
    )


@app.command("import")
def import_(
    file: Path = typer.Argument(
        ..., help="A roadmap workbook (as written by 'roadmap plan') or roadmap.json."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the roadmap as JSON here."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Read an edited roadmap workbook back; every bad cell is reported with sheet, row and column."""
    rm, problems = _read_roadmap(file)
    if rm is None:
        fail(problems, lang, as_json=as_json)
    graph = dag.check(rm.initiatives, rm.dependencies)
    if split(graph)[0]:
        fail(
            [
                Problem(
                    p.code, Location(file=file.name, sheet="Dependencies", path=p.location.path), p.params
                )
                for p in graph
            ],
            lang,
            as_json=as_json,
        )
    if out is not None:
        jsonio.write(rm, out)
    info = {
        "ok": True,
        "id": rm.id,
        "version": rm.version,
        "initiatives": len(rm.initiatives),
        "dependencies": len(rm.dependencies),
        "scheduled": rm.schedule is not None,
        "out": str(out) if out else None,
    }
    if as_json:
        print_json(info)
        return
    say(
        lang,
        "roadmap.read",
        file=file,
        id=rm.id,
        version=rm.version,
        initiatives=info["initiatives"],
        dependencies=info["dependencies"],
    )
    if out:
        say(lang, "wrote", path=out)


@app.command("errors")
def errors_(as_json: bool = JsonOption, lang: str = LangOption) -> None:
    """List the error codes of rule bases (RC…) and roadmaps (RM…)."""
    rows = [
        {"code": c.id, "severity": c.severity.value, "message": c.template(lang)} for c in (*RE.ALL, *E.ALL)
    ]
    if as_json:
        print_json(rows)
        return
    table = Table(*(text(lang, f"h.{h}") for h in ("code", "severity", "message")))
    for r in rows:
        table.add_row(r["code"], text(lang, r["severity"]), esc(r["message"]))
    console.print(table)
