"""``raqmana documents`` — read policy documents and map passages to SDG goals/targets and indicators."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from raqmana.cli.common import JsonOption, LangOption, console, esc, fail, print_json, report_problems
from raqmana.i18n.catalog import gettext, ngettext
from raqmana.problems import Location, Problem, ProblemsError

app = typer.Typer(
    help="Policy documents: text, structure and suggested SDG targets and indicators.", no_args_is_help=True
)
BATCH = 32


class Filed(StrEnum):
    """Where a document is filed, which tells the level of the indicators it is evidence for."""

    library = "library"
    institution = "institution"


KeywordsOption = typer.Option(
    False, "--keywords-only", help="Keyword rules only, without the sentence model (fast, lower recall)."
)


def _parse(line: str, number: int) -> tuple[Any, str] | Problem:
    from raqmana.documents import errors as E

    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(E.BAD_JSON_LINE, Location(file="<stdin>", line=number), {"detail": exc.msg})
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return Problem(E.BAD_JSON_LINE, Location(file="<stdin>", line=number), {"detail": line[:80]})
    return item.get("id"), item["text"]


@app.command("classify")
def classify(
    lang: str = LangOption,
    keywords_only: bool = KeywordsOption,
) -> None:
    """Read JSON lines {"id": …, "text": …} on stdin; write {"id", "sdgs", "targets", "scores"} per line, in order.

    A line that is not such an object is reported on stderr with its line number and answered with
    {"id": null, "error": …} so the output stays aligned with the input; the exit code is then 2.
    """
    from raqmana.documents.mapper import Mapper

    mapper = Mapper(use_model=not keywords_only)
    problems: list[Problem] = []
    pending: list[tuple[Any, str] | Problem] = []

    def flush() -> None:
        ok = [p for p in pending if not isinstance(p, Problem)]
        results = iter(mapper.classify([text for _, text in ok]))
        for item in pending:
            if isinstance(item, Problem):
                row: dict[str, Any] = {"id": None, "error": item.as_dict(lang)}
            else:
                row = {"id": item[0], **next(results).as_dict()}
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        pending.clear()

    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        parsed = _parse(line, number)
        if isinstance(parsed, Problem):
            problems.append(parsed)
        pending.append(parsed)
        if len(pending) >= BATCH:
            flush()
    flush()
    if problems:
        report_problems(problems, lang)
        raise typer.Exit(code=2)


@app.command("analyse")
def analyse(
    file: Path = typer.Argument(..., help="A PDF, Word (.docx), HTML or plain-text document."),
    framework: str = typer.Option(
        "iraq-dla", "--framework", help="Framework whose indicators are suggested."
    ),
    keywords_only: bool = KeywordsOption,
    lang: str = LangOption,
    as_json: bool = JsonOption,
    filed: Filed | None = typer.Option(
        None,
        "--filed",
        help="Where the document belongs: 'library' (national laws and policies: national indicators "
        "first) or 'institution' (an institution's own texts: its indicators first); else the words tell.",
    ),
) -> None:
    """Read a whole document: its passages with page, quote, SDG goals and targets and indicators."""
    from raqmana.documents import errors as E
    from raqmana.documents.analyse import analyse as run
    from raqmana.documents.levels import Scope
    from raqmana.documents.mapper import Mapper

    scope: Scope | None = None if filed is None else "library" if filed is Filed.library else "institution"
    try:
        data = file.read_bytes()
    except OSError as exc:
        fail(
            [Problem(E.CORRUPT, Location(file=str(file)), {"kind": file.suffix, "detail": exc.strerror})],
            lang,
            as_json=as_json,
        )
    try:
        if as_json:
            result = run(
                data,
                file.name,
                mapper=Mapper(use_model=not keywords_only),
                framework=framework,
                scope=scope,
            )
        else:
            from rich.progress import Progress

            with Progress(console=console, transient=True) as bar:
                task = bar.add_task(gettext(lang, "Reading the document"), total=None)
                result = run(
                    data,
                    file.name,
                    mapper=Mapper(use_model=not keywords_only),
                    framework=framework,
                    progress=lambda done, total: bar.update(task, completed=done, total=total),
                    scope=scope,
                )
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    if as_json:
        print_json({"ok": True, "file": file.name, **result.as_dict(lang)})
        return
    if result.document.problems:
        report_problems(list(result.document.problems), lang)
    doc = result.document
    n = len(result.results)
    pages = ngettext(lang, "{n} page", "{n} pages", doc.pages, n=doc.pages)
    count = ngettext(lang, "{n} passage", "{n} passages", n, n=n)
    console.print(f"{esc(file.name)}: {esc(pages)}, {esc(count)} ({doc.language})", highlight=False)
    profile = {g: c for g, c in result.profile().items() if c}
    console.print(
        esc(gettext(lang, "SDG profile")) + ": " + ", ".join(f"SDG {g}: {c}" for g, c in profile.items()),
        highlight=False,
    )
    for r in result.results:
        if not r.sdg.sdgs and not r.indicators:
            continue
        where = gettext(lang, "page {page}", page=r.passage.page)
        tags = [f"SDG {', '.join(map(str, r.sdg.sdgs))}"] if r.sdg.sdgs else []
        tags += [", ".join(r.sdg.targets)] if r.sdg.targets else []
        tags += [f"{s.indicator}≥{s.stage}" if s.stage is not None else s.indicator for s in r.indicators]
        console.print(f"[bold]{esc(where)}[/bold] {esc(' | '.join(tags))}", highlight=False)
        console.print(f"  {esc(r.passage.text[:300])}", highlight=False, markup=True)


def demo_document(out: Path, lang: str) -> list[Path]:
    """``raqmana demo``: the ILLUSTRATIVE action plan shipped with raqmana, analysed into ``out/documents``."""
    from importlib import resources

    from raqmana.documents.analyse import analyse as run

    source = resources.files("raqmana.documents").joinpath("data", "illustrative_plan_ar.txt")
    result = run(source.read_bytes(), "illustrative_plan_ar.txt")
    folder = out / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "illustrative_plan_ar.json"
    data = {"illustrative": True, "file": "illustrative_plan_ar.txt", **result.as_dict(lang)}
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    n = len(result.results)
    count = ngettext(lang, "{n} passage", "{n} passages", n, n=n)
    console.print(
        gettext(
            lang,
            "Policy documents: an illustrative action plan read ({count}), suggestions in {file}",
            count=count,
            file=target,
        ),
        markup=False,
        highlight=False,
    )
    return [target]
