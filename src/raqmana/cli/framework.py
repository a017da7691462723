"""``raqmana framework`` — list, show, validate, export and import assessment frameworks."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table
from rich.tree import Tree

from raqmana.cli import errors as CE
from raqmana.cli.common import JsonOption, LangOption, console, esc, fail, print_json, report_problems, say
from raqmana.cli.errors_doc import errors_markdown
from raqmana.cli.messages import text
from raqmana.frameworks import errors as E
from raqmana.frameworks import load, pack_ids
from raqmana.frameworks.export import write
from raqmana.frameworks.schema import Framework
from raqmana.i18n.catalog import ui
from raqmana.problems import Problem

app = typer.Typer(
    help="Assessment frameworks: the built-in packs and your own YAML/XLSX files.", no_args_is_help=True
)

SUFFIXES = ui(".xlsx, .yaml or .json").as_dict()
SourceArg = typer.Argument(
    ..., help="A built-in pack id (e.g. iraq-dla), a framework.yaml, a pack directory or an .xlsx file."
)


def summary(fw: Framework, problems: list[Problem]) -> dict[str, object]:
    errors = [p for p in problems if p.severity.value == "error"]
    counts = fw.counts()
    return {
        "framework": fw.id,
        "version": fw.version,
        "kind": fw.kind,
        "enablers": counts["pillars"],
        "sub_areas": counts["sub_areas"],
        "indicators": counts["indicators"],
        "catalogue_items": counts["catalogue"],
        "missing_translations": sum(1 for p in errors if p.code is E.MISSING_TRANSLATION),
        "errors": len(errors),
        "warnings": len(problems) - len(errors),
    }


@app.command("list")
def list_(as_json: bool = JsonOption, lang: str = LangOption) -> None:
    """List the built-in framework packs."""
    rows: list[dict[str, object]] = []
    for pid in pack_ids():
        result = load(pid, check=False)
        if result.framework is None:
            rows.append({"id": pid, "error": result.problems[0].render(lang)})
            continue
        fw = result.framework
        rows.append(
            {"id": pid, "version": fw.version, "kind": fw.kind, "name": fw.name.get(lang), **fw.counts()}
        )
    if as_json:
        print_json(rows)
        return
    table = Table(
        *(text(lang, f"h.{h}") for h in ("id", "version", "kind", "name", "enablers", "indicators"))
    )
    for r in rows:
        table.add_row(
            *(
                esc(x)
                for x in (
                    r["id"],
                    r.get("version", ""),
                    r.get("kind", ""),
                    r.get("name", r.get("error")),
                    r.get("pillars", ""),
                    r.get("indicators", ""),
                )
            )
        )
    console.print(table)


@app.command()
def show(
    source: str = SourceArg,
    lang: str = LangOption,
    as_json: bool = JsonOption,
    indicators: bool = typer.Option(True, help="Show indicators under each sub-area."),
) -> None:
    """Show a framework's enablers, sub-areas and indicators in one language."""
    result = load(source)
    if result.framework is None:
        fail(result.problems, lang, as_json=as_json)
    fw = result.framework
    if as_json:
        print_json(fw.model_dump(mode="json"))
        return
    tree = Tree(f"[bold]{esc(fw.name.get(lang))}[/bold] ({esc(fw.id)} {esc(fw.version)})")
    for p in fw.pillars:
        pn = tree.add(f"[bold]{esc(p.id)}[/bold] {esc(p.name.get(lang))}")
        for s in p.sub_areas:
            sn = pn.add(esc(f"{s.id} {s.name.get(lang)}"))
            if indicators:
                for i in s.indicators:
                    sn.add(f"{esc(i.id)} {esc(i.name.get(lang))} [dim]({i.answer_type.value})[/dim]")
    for item in fw.catalogue[:50]:
        tree.add(esc(f"{item.kind} {item.id} {item.name.get(lang)}"))
    console.print(tree)


@app.command()
def validate(source: str = SourceArg, lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """Check a framework: schema, translations, ids, ladders, crosswalks. Exit 2 on errors."""
    result = load(source)
    if result.framework is None or result.errors:
        if result.framework is not None and as_json:
            print_json(
                {
                    "ok": False,
                    **summary(result.framework, result.problems),
                    "problems": [p.as_dict(lang) for p in result.problems],
                }
            )
            raise typer.Exit(2)
        fail(result.problems, lang, as_json=as_json)
    fw = result.framework
    info = summary(fw, result.problems)
    if as_json:
        print_json({"ok": True, **info, "problems": [p.as_dict(lang) for p in result.problems]})
        return
    report_problems(result.problems, lang)
    say(
        lang,
        "fw.valid",
        id=fw.id,
        version=fw.version,
        enablers=info["enablers"],
        sub_areas=info["sub_areas"],
        indicators=info["indicators"],
        missing=info["missing_translations"],
        warnings=info["warnings"],
    )


@app.command()
def export(
    source: str = SourceArg,
    out: Path = typer.Option(..., "--out", "-o", help="Output file: .xlsx, .yaml or .json."),
    lang: str = LangOption,
) -> None:
    """Export a framework to a workbook (one sheet per level, a column per language), YAML or JSON."""
    result = load(source)
    if result.framework is None or result.errors:
        fail(result.problems, lang)
    if out.suffix.lower() not in (".xlsx", ".yaml", ".yml", ".json"):
        fail([Problem(CE.BAD_OUTPUT_SUFFIX, params={"value": str(out), "known": SUFFIXES})], lang)
    write(result.framework, out)
    say(lang, "wrote", path=out)


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="A framework workbook (.xlsx) or YAML file."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the framework as YAML (or .json)."),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Import a framework edited in Excel; writes it only if it is valid."""
    result = load(file)
    if result.framework is None or result.errors:
        fail(result.problems, lang, as_json=as_json)
    write(result.framework, out)
    if as_json:
        print_json({"ok": True, "out": str(out), **summary(result.framework, result.problems)})
    else:
        report_problems(result.problems, lang)
        say(lang, "wrote", path=out)


@app.command()
def errors(
    lang: str = LangOption,
    as_json: bool = JsonOption,
    markdown: bool = typer.Option(
        False, "--markdown", help="Print docs/errors.md (every code in ar, ckb and en)."
    ),
) -> None:
    """List the error codes a framework file (and the command line) can get."""
    if markdown:
        sys.stdout.write(errors_markdown())
        return
    rows = [
        {"code": c.id, "severity": c.severity.value, "message": c.template(lang)} for c in (*E.ALL, *CE.ALL)
    ]
    if as_json:
        print_json(rows)
        return
    table = Table(*(text(lang, f"h.{h}") for h in ("code", "severity", "message")))
    for r in rows:
        table.add_row(r["code"], text(lang, r["severity"]), esc(r["message"]))
    console.print(table)
