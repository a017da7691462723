"""``raqmana survey`` — perception surveys through KoboToolbox and ODK: XLSForms out and in."""

from __future__ import annotations

from pathlib import Path

import typer

from raqmana.cli.common import JsonOption, LangOption, fail, print_json, report_problems, say
from raqmana.cli.help_lang import N_
from raqmana.i18n.catalog import gettext
from raqmana.problems import Location, Problem, ProblemsError

app = typer.Typer(
    help="Perception surveys: XLSForms for KoboToolbox and ODK, their submissions.", no_args_is_help=True
)


@app.command("export-form")
def export_form(
    name: str = typer.Argument(..., help="A framework pack (e.g. iraq-dla) or a ready survey of one."),
    out: Path = typer.Option(..., "--out", "-o", help="The XLSForm to write (.xlsx)."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Write a questionnaire or survey as an XLSForm in Arabic, Kurdish and English, checked with pyxform."""
    from raqmana.surveys import packs, xlsform_out

    try:
        survey = packs.find(name)
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    data = xlsform_out.to_bytes(survey)
    warnings = xlsform_out.check(data)
    out.write_bytes(data)
    if as_json:
        print_json(
            {
                "ok": True,
                "out": str(out),
                "survey": survey.id,
                **survey.counts(),
                "pyxform_warnings": warnings,
            }
        )
        return
    say(lang, "wrote", path=out)


@app.command("import-form")
def import_form(
    file: Path = typer.Argument(
        ..., help="An XLSForm (.xlsx, .xls, .csv) written in KoboToolbox, ODK or raqmana."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Where to write the survey as YAML."),
    role: list[str] = typer.Option(
        [],
        "--role",
        help="QUESTION=ROLE: the question that gives the respondent's sex, age_group, governorate, area, "
        "disability, institution, respondent (pseudonymised) or weight. Repeat for each.",
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Read an XLSForm into a raqmana survey; list what raqmana cannot keep (sheet, row, column)."""
    import yaml

    from raqmana.surveys import errors as E
    from raqmana.surveys.model import Role
    from raqmana.surveys.xlsform_in import read_form

    try:
        result = read_form(file.read_bytes(), file=file.name)
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    roles = dict(r.partition("=")[::2] for r in role)
    known_roles = ", ".join(r.value for r in Role if r.value)
    bad = [
        Problem(E.UNKNOWN_QUESTION, Location(field="--role"), {"name": name, "survey": result.survey.id})
        for name in roles
        if name not in {q.name for q in result.survey.questions}
    ] + [
        Problem(E.UNKNOWN_ROLE, Location(field="--role"), {"role": value, "known": known_roles})
        for value in roles.values()
        if value not in {r.value for r in Role if r.value}
    ]
    if bad:
        fail(bad, lang, as_json=as_json)
    result.survey = result.survey.with_roles(roles)
    if out is not None:
        dumped = result.survey.model_dump(mode="json", exclude_defaults=True)
        out.write_text(yaml.safe_dump(dumped, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if as_json:
        print_json(result.as_dict(lang))
        return
    report_problems(result.warnings, lang)
    counts = result.survey.counts()
    typer.echo(
        gettext(
            lang,
            "Survey {survey}: {questions} questions, {groups} groups, {lists} choice lists.",
            survey=result.survey.id,
            questions=counts["questions"],
            groups=counts["groups"],
            lists=counts["choice_lists"],
        )
    )
    if out is not None:
        say(lang, "wrote", path=out)


@app.command("import-submissions")
def import_submissions(
    survey_name: str = typer.Argument(..., metavar="SURVEY", help="The survey the export belongs to."),
    file: Path = typer.Argument(..., help="A KoboToolbox or ODK Central export (.csv or .xlsx)."),
    queue: bool = typer.Option(
        False, "--queue", help="Queue the import for `raqmana worker` (large exports)."
    ),
    round_id: int | None = typer.Option(
        None,
        "--round",
        help="The assessment round (its number) the submissions belong to; default: the newest open round.",
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Import submissions into a round: all or nothing; importing the same file again adds nothing and
    says so; a closed round takes none."""
    from raqmana.cli.workspace_support import workspace
    from raqmana.surveys import packs
    from raqmana.workspace.actors import cli_actor
    from raqmana.workspace.surveys import import_submissions as run

    try:
        survey = packs.find(survey_name)
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    data = file.read_bytes()
    if queue:
        from raqmana.workspace.surveys import enqueue_survey_import

        with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
            job = enqueue_survey_import(
                s,
                cli_actor(),
                settings=ws.settings,
                survey=survey_name,
                filename=file.name,
                data=data,
                assessment_id=round_id,
            )
        if as_json:
            print_json({"ok": True, "job": job.id, "status": job.status})
        else:
            say(lang, "job.queued", id=job.id)
        return
    with workspace(lang, as_json=as_json) as ws, ws.transaction() as s:
        report = run(
            s,
            cli_actor(),
            survey=survey,
            data=data,
            filename=file.name,
            secret_key=ws.settings.secret_key,
            assessment_id=round_id,
        )
    if as_json:
        print_json(report.as_dict(lang))
        return
    report_problems(report.warnings, lang)
    if report.round is not None:
        typer.echo(round_line(lang, report.round.label(lang), report.round.period))
    else:
        typer.echo(
            gettext(lang, "The workspace has no assessment round: the submissions belong to none yet.")
        )
    typer.echo(submission_summary(lang, report.added, report.replaced, report.unchanged))


def round_line(lang: str, name: str, period: str) -> str:
    return gettext(lang, "Round {round} ({period}).", round=name, period=period)


def submission_summary(lang: str, added: int, replaced: int, unchanged: int) -> str:
    """One sentence on what an import did ("nothing new" when it added and replaced nothing)."""
    from raqmana.i18n.catalog import ngettext

    if not added and not replaced:
        return ngettext(
            lang,
            "Nothing new: the {count} submission in the file is already imported.",
            "Nothing new: the {count} submissions in the file are already imported.",
            unchanged,
            count=unchanged,
        )
    return " ".join(
        (
            ngettext(lang, "{count} submission added.", "{count} submissions added.", added, count=added),
            ngettext(
                lang, "{count} replaced by an edit.", "{count} replaced by an edit.", replaced, count=replaced
            ),
            ngettext(lang, "{count} unchanged.", "{count} unchanged.", unchanged, count=unchanged),
        )
    )


@app.command()
def results(
    survey_name: str = typer.Argument(..., metavar="SURVEY", help="A survey with imported submissions."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Also write the results as JSON."),
    round_id: int | None = typer.Option(
        None,
        "--round",
        help="Only the respondents of this assessment round (its number); default: every round's.",
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Perception scores with 95 % intervals, the bottlenecks facing workers and the divide among people."""
    import json

    from raqmana.cli.workspace_support import workspace
    from raqmana.surveys import packs
    from raqmana.workspace.actors import cli_actor
    from raqmana.workspace.surveys import survey_report

    try:
        survey = packs.find(survey_name)
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    with workspace(lang, as_json=as_json) as ws, ws.reader() as s:
        report = survey_report(s, cli_actor(), survey=survey, assessment_id=round_id)
    data = report.to_dict()
    if out is not None:
        out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if as_json:
        print_json(data)
        return
    typer.echo(report_text(report, lang))


#: the respondent attributes the divide groups by, as the results name them
DIMENSIONS = {
    "sex": N_("Sex"),
    "age_group": N_("Age group"),
    "governorate": N_("Governorate of residence"),
    "area": N_("Urban or rural"),
    "disability": N_("Disability"),
}


def report_text(report: object, lang: str) -> str:
    """The results of a survey as lines of text in ``lang``."""
    from raqmana.surveys.model import Role as SurveyRole
    from raqmana.workspace.surveys import SurveyReport

    assert isinstance(report, SurveyReport)
    survey, res = report.survey, report.results
    respondents = gettext(lang, "{count} respondents", count=res.n)
    lines = [f"{survey.title.get(lang)} — {respondents}"]
    if report.round is not None:
        lines.append(round_line(lang, report.round.label(lang), report.round.period))
    else:
        lines.append(gettext(lang, "Respondents of every round."))
    if report.illustrative:
        lines.append(gettext(lang, "Illustrative data, not survey results."))
    if res.overall:
        lines.append(
            _estimate_line(gettext(lang, "Overall"), res.overall.mean, res.overall.low, res.overall.high)
        )
    for topic, estimate in res.topics.items():
        name = survey.topics[topic].get(lang) if topic in survey.topics else topic
        lines.append(_estimate_line(name, estimate.mean, estimate.low, estimate.high))
    if res.bottlenecks:
        lines.append(gettext(lang, "Bottlenecks facing workers (share held back a lot):"))
        for item in res.bottlenecks:
            label = survey.question(item.question).label.get(lang)
            lines.append(f"  {round((item.lowest_share or 0) * 100):>3} %  {label}")
    if report.divide is not None:
        for dim in report.divide.dimensions:
            question = survey.by_role(SurveyRole(dim.dimension))
            names = {o.name: o.label.get(lang) for o in survey.options(question)} if question else {}
            behind = ", ".join(names.get(g, g) for g in dim.furthest_behind) or "—"
            label = gettext(lang, DIMENSIONS.get(dim.dimension, dim.dimension))
            lines.append(
                gettext(
                    lang,
                    "Divide by {dimension}: gap {gap} points, furthest behind: {groups}",
                    dimension=label,
                    gap=f"{dim.gap:.1f}",
                    groups=behind,
                )
            )
    return "\n".join(lines)


def _estimate_line(name: str, mean: float, low: float, high: float) -> str:
    return f"  {mean:5.1f}  [{low:5.1f} – {high:5.1f}]  {name}"
