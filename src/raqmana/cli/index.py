"""``raqmana index`` — build a composite index from your own tables (COINr's iData/iMeta layout)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

import typer

from raqmana.cli.common import JsonOption, LangOption, console, fail, print_json, report_problems
from raqmana.i18n.catalog import ui
from raqmana.i18n.locales import get_locale
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E

app = typer.Typer(
    help="Composite indices from your own data and metadata tables (COINr layout).", no_args_is_help=True
)

FORMATS = ("csv", "xlsx", "json", "parquet")


def _said(lang: str) -> str:
    """The closing line, read from the catalogues only when it is printed."""
    return ui(
        "Index {index}: {units} units, {indicators} indicators, {aggregates} aggregates. {files} files in {out}"
    ).as_dict()[get_locale(lang).code]


@app.command("build")
def build_cmd(
    data: Path = typer.Option(
        ..., "--data", help="Data table (CSV): uCode, uName, Group_*…, one column per indicator."
    ),
    meta: Path | None = typer.Option(
        None, "--meta", help="Metadata table (CSV): iCode, iName, Level, Parent, Direction, Weight, Type."
    ),
    recipe: Path | None = typer.Option(
        None, "--recipe", help="Recipe (YAML or JSON): methods and parameters."
    ),
    agg_meta: Path | None = typer.Option(
        None, "--agg-meta", help="COINr 0.6's AggMeta (with its IndMeta as --meta): the aggregates."
    ),
    out: Path = typer.Option(..., "--out", help="Directory for the results."),
    formats: str = typer.Option("csv", "--format", help="Comma-separated: csv, xlsx, json, parquet."),
    denoms: Path | None = typer.Option(
        None,
        "--denoms",
        help="Denominators in their own table (CSV: uCode and one column each, e.g. population), "
        "as COINr's Denominate(denoms = …).",
    ),
    time: str | None = typer.Option(
        None,
        "--time",
        help="The period to build when the data has several in its Time column; 'all' builds each "
        "period into its own folder.",
    ),
    jobs: int = typer.Option(
        0,
        "--jobs",
        min=0,
        help="Threads for the Monte Carlo (0: one per core, at most 4; 1: one after the other). The "
        "results are the same whatever the number.",
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Run denomination → screening → imputation → treatment → normalisation → weighting → aggregation → stages
    (and the Monte Carlo analysis when the recipe asks for it) and write every stage."""
    from raqmana.scoring.io import read_coinr6_meta, read_data_csv, read_meta_csv, read_panel_csv
    from raqmana.scoring.recipe import Recipe

    try:
        wanted = _formats(formats)
        doc = _read_recipe(recipe) if recipe else {}
        if meta and agg_meta:
            nodes: tuple[Any, ...] | None = read_coinr6_meta(meta, agg_meta)
        else:
            nodes = read_meta_csv(meta) if meta else None
        rec = Recipe.from_dict(
            doc, file=recipe.name if recipe else "", meta=nodes, meta_file=meta.name if meta else ""
        )
        if time == "all":  # one build per period, each in its own folder, imputation may look back
            runs = [(d.time, d, out / d.time) for d in read_panel_csv(data, meta=rec.meta)]
        else:
            runs = [("", read_data_csv(data, meta=rec.meta, time=time), out)]
        if denoms is not None:
            extra = read_data_csv(denoms, meta=rec.meta)
            runs = [(t, d.with_denominators(extra), where) for t, d, where in runs]
        # every period is built before anything is written: a period that fails leaves no folder behind
        removed = _remove_stale_stagings([where for _, _, where in runs], lang, quiet=as_json)
        from raqmana.scoring.threads import use_threads

        with use_threads(jobs):
            done = _build_and_write(runs, rec, wanted)
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    _, b, unc, _ = done[-1]
    summary: dict[str, Any] = {
        "ok": True,
        "index": b.index,
        "units": len(b.units),
        "indicators": len(b.tree.indicators),
        "aggregates": len(b.tree.aggregates),
        "out": str(out),
        "files": [str(f) for run in done for f in run[3]],
    }
    warnings = [w for run in done for w in run[1].warnings] + [
        w for run in done if run[2] is not None for w in run[2].warnings
    ]
    if unc is not None:
        summary["runs"] = {"attempted": unc.attempted, "succeeded": unc.runs}
    if removed:
        summary["removed_stale_staging"] = [str(p) for p in removed]
    if time == "all":
        summary["periods"] = [
            {"time": t, "units": len(bb.units), "scores": _index_rows(bb, uu)} for t, bb, uu, _ in done
        ]
    if as_json:
        print_json(
            {**summary, "warnings": [w.as_dict(lang) for w in warnings], "scores": _index_rows(b, unc)}
        )
        return
    report_problems(warnings, lang)
    console.print(
        _said(lang).format(**{**summary, "files": len(summary["files"])}),
        highlight=False,
        markup=False,
    )


def _build_and_write(
    runs: list[tuple[str, Any, Path]], rec: Any, wanted: tuple[str, ...]
) -> list[tuple[str, Any, Any, list[Path]]]:
    """Build every period; its stage tables are written to a staging folder while its Monte Carlo runs
    (writing is Python, the Monte Carlo mostly numpy: they share the cores), then moved into place
    once every period has succeeded. A period that fails removes every staging folder."""
    import os
    import shutil

    from raqmana.cli import index_staging

    staged: list[tuple[str, Any, Any, Path, Path, list[Path]]] = []
    stagings: list[Path] = []
    locks: list[IO[str]] = []
    try:
        for period, d, where in runs:
            staging, lock = index_staging.make(_existing_parent(where))
            stagings.append(staging)
            locks.append(lock)
            b, unc, files = _build_one_of(period, rec, d, staging, wanted)
            staged.append((period, b, unc, staging, where, files))
    except BaseException:
        for lock in locks:
            lock.close()
        for staging in stagings:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    for lock in locks:
        lock.close()
    done: list[tuple[str, Any, Any, list[Path]]] = []
    for period, b, unc, staging, where, files in staged:
        where.mkdir(parents=True, exist_ok=True)
        moved = []
        for f in files:
            os.replace(f, where / f.name)
            moved.append(where / f.name)
        shutil.rmtree(staging, ignore_errors=True)
        done.append((period, b, unc, moved + _write_rest(rec, b, unc, where, wanted)))
    return done


def _remove_stale_stagings(places: list[Path], lang: str, *, quiet: bool) -> list[Path]:
    """Remove the staging folders that builds killed earlier left beside these outputs, and say so
    (on the error stream, so that ``--json`` output stays one document; it lists them too)."""
    from raqmana.cli import index_staging
    from raqmana.cli.common import err_console
    from raqmana.i18n.catalog import gettext

    removed: list[Path] = []
    # a build stages in --out when it exists, else in the nearest folder above it: look in both
    folders = [_existing_parent(p) for p in places] + [_existing_parent(p.absolute().parent) for p in places]
    for parent in dict.fromkeys(folders):
        removed += index_staging.remove_stale(parent)
    if not quiet:
        for folder in removed:
            err_console.print(
                gettext(
                    lang,
                    "Removed {folder}, a staging folder left by an index build that was stopped.",
                    folder=folder,
                ),
                markup=False,
                highlight=False,
            )
    return removed


def _existing_parent(path: Path) -> Path:
    """The nearest folder of ``path`` (or above it) that exists: staging there keeps one file system."""
    p = path.absolute()
    while not p.is_dir():
        p = p.parent
    return p


def _build_one_of(
    period: str, rec: Any, data: Any, staging: Path, wanted: tuple[str, ...]
) -> tuple[Any, Any, list[Path]]:
    """One period's build, its stage tables written into ``staging``, then its Monte Carlo; its
    problems say which period (``Time 2021``) when there are several.

    The tables are written before the Monte Carlo, not beside it: writing is Python holding the
    GIL, which the Monte Carlo's threads need between their numpy calls, and one after the other was
    measured quicker (900 units × 100 indicators, 1,000 runs, 2 threads: 0.77 s against 0.82 s)."""
    from raqmana.scoring.build import build
    from raqmana.scoring.io import write_stages
    from raqmana.scoring.uncertainty import analyse_uncertainty

    try:
        b = build(rec, data)
        files = write_stages(b, staging, formats=wanted)
        return b, None if rec.uncertainty is None else analyse_uncertainty(b), files
    except ProblemsError as exc:
        if not period:
            raise
        from dataclasses import replace

        raise ProblemsError(
            [
                replace(
                    p,
                    location=replace(
                        p.location,
                        path=f"Time {period}" + (f", {p.location.path}" if p.location.path else ""),
                    ),
                )
                for p in exc.problems
            ]
        ) from None


def _write_rest(rec: Any, b: Any, unc: Any, out: Path, wanted: tuple[str, ...]) -> list[Path]:
    """What needs the Monte Carlo (the uncertainty table, build.json) and the recipe as YAML and XLSX."""
    from raqmana.scoring.io import write_results

    files = write_results(b, out, formats=wanted, uncertainty=unc)
    files.append(_write_yaml(out / "recipe.yaml", rec.to_dict()))
    if "xlsx" in wanted:
        files.append(_write_xlsx(out / "build.xlsx", b, unc))
    return files


@app.command("sensitivity")
def sensitivity_cmd(
    data: Path = typer.Option(..., "--data", help="Data table (CSV), as for 'index build'."),
    meta: Path | None = typer.Option(None, "--meta", help="Metadata table (CSV), as for 'index build'."),
    recipe: Path = typer.Option(..., "--recipe", help="Recipe with an 'uncertainty' section: what varies."),
    out: Path = typer.Option(..., "--out", help="Directory for sensitivity.csv and sensitivity.json."),
    n: int = typer.Option(1024, "--n", help="Base sample size N (rounded up to a power of two)."),
    node: str | None = typer.Option(None, "--node", help="The aggregate to analyse (default: the index)."),
    output: str = typer.Option(
        "rank_shift", "--output", help="rank_shift (mean absolute rank change) or a unit code (its score)."
    ),
    time: str | None = typer.Option(None, "--time", help="The period to use when the data has several."),
    jobs: int = typer.Option(
        0,
        "--jobs",
        min=0,
        help="Threads for the model runs (0: one per core, at most 4; 1: one after the other).",
    ),
    lang: str = LangOption,
    as_json: bool = JsonOption,
) -> None:
    """Sobol first-order (S1) and total (ST) sensitivity indices, with 95 % confidence intervals, of
    each choice the recipe's uncertainty section varies (weights, imputation, normalisation, aggregation)."""
    from raqmana.scoring.build import build
    from raqmana.scoring.io import read_data_csv, read_meta_csv, write_csv
    from raqmana.scoring.recipe import Recipe
    from raqmana.scoring.sensitivity import sensitivity

    try:
        doc = _read_recipe(recipe)
        nodes = read_meta_csv(meta) if meta else None
        rec = Recipe.from_dict(doc, file=recipe.name, meta=nodes, meta_file=meta.name if meta else "")
        b = build(rec, read_data_csv(data, meta=rec.meta, time=time))
        from raqmana.scoring.threads import use_threads

        with use_threads(jobs):
            result = sensitivity(b, n=n, node=node, output=output)
        out.mkdir(parents=True, exist_ok=True)
        rows = result.as_dict()["factors"]
        files = [write_csv(out / "sensitivity.csv", rows, ["factor", "S1", "S1_conf", "ST", "ST_conf"])]
        (out / "sensitivity.json").write_text(json.dumps(result.as_dict(), indent=2), encoding="utf-8")
        files.append(out / "sensitivity.json")
    except ProblemsError as exc:
        fail(exc.problems, lang, as_json=as_json)
    if as_json:
        print_json({"ok": True, **result.as_dict(), "files": [str(f) for f in files]})
        return
    report_problems(list(b.warnings), lang)
    console.print(
        ui("Sobol indices from {runs} runs, written to {out}:")
        .as_dict()[get_locale(lang).code]
        .format(runs=result.runs, out=out),
        highlight=False,
        markup=False,
    )
    for r in rows:
        console.print(
            f"{r['factor']}: S1 {r['S1']:.3f} ± {r['S1_conf']:.3f}, ST {r['ST']:.3f} ± {r['ST_conf']:.3f}",
            highlight=False,
            markup=False,
        )


@app.command("errors")
def errors_cmd(lang: str = LangOption, as_json: bool = JsonOption) -> None:
    """List the error and warning codes of index builds."""
    rows = [{"code": c.id, "severity": c.severity.value, "en": c.en, "ar": c.ar, "ckb": c.ckb} for c in E.ALL]
    if as_json:
        print_json(rows)
        return
    code = get_locale(lang).code
    for r in rows:
        console.print(f"{r['code']} {r['severity']}: {r[code]}", highlight=False, markup=False)


def _formats(text: str) -> tuple[str, ...]:
    wanted = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    bad = [f for f in wanted if f not in FORMATS]
    if bad or not wanted:
        raise ProblemsError(
            [
                Problem(
                    E.BAD_PARAMETER,
                    Location(field="--format"),
                    {"step": E.STEP["output"], "name": "--format", "detail": E.detail("formats", value=text)},
                )
            ]
        )
    return wanted


def _read_recipe(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ProblemsError([Problem(E.FILE_NOT_FOUND, Location(file=path.name), {"name": str(path)})])
    text = path.read_text(encoding="utf-8-sig")
    try:
        if path.suffix.lower() == ".json":
            doc = json.loads(text)
        else:
            import yaml

            doc = yaml.safe_load(text)
    except (ValueError, ImportError) as exc:  # json.JSONDecodeError is a ValueError
        raise ProblemsError(
            [Problem(E.RECIPE_INVALID, Location(file=path.name), {"detail": str(exc)})]
        ) from None
    except Exception as exc:  # yaml.YAMLError: report where the parser stopped, in the user's language
        from raqmana.frameworks.yamlsource import yaml_reason

        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        column = str(mark.column + 1) if mark is not None else ""
        raise ProblemsError(
            [
                Problem(
                    E.RECIPE_INVALID,
                    Location(file=path.name, line=line, column=column),
                    {"detail": yaml_reason(str(getattr(exc, "problem", exc)))},
                )
            ]
        ) from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ProblemsError(
            [Problem(E.RECIPE_INVALID, Location(file=path.name), {"detail": E.detail("mapping")})]
        )
    return doc


def _write_yaml(path: Path, doc: dict[str, Any]) -> Path:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: the same text, 4x sooner
    path.write_text(yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _index_rows(b: Any, unc: Any) -> list[dict[str, Any]]:
    index = b.index
    rows = []
    for u in b.units:
        row: dict[str, Any] = {"uCode": u, "score": b.aggregated.row(u)[index], "rank": b.ranks.row(u)[index]}
        for scheme, t in b.stages.items():
            if index in t.columns:
                row[f"stage_{scheme}"] = t.get(u, index)
        if unc is not None:
            row["low"], row["high"] = unc.interval(u, index)
            if index in unc.stability.columns:
                row["stage_stability"] = unc.stability.get(u, index)
        rows.append(row)
    return rows


def _write_xlsx(path: Path, b: Any, unc: Any) -> Path:
    from openpyxl import Workbook

    from raqmana.celltext import text_row
    from raqmana.scoring.io import stage_tables, weights_rows

    wb = Workbook(write_only=True)

    def sheet(name: str, header: list[str], rows: list[list[Any]]) -> None:
        ws = wb.create_sheet(title=name[:31])
        ws.append(text_row(ws, header))
        for r in rows:
            ws.append(text_row(ws, r))

    for name, t in stage_tables(b).items():
        sheet(
            name,
            ["uCode", *t.columns],
            [
                [u, *(None if (isinstance(v, float) and v != v) else v for v in row.tolist())]
                for u, row in zip(t.units, t.values, strict=True)
            ],
        )
    sheet("weights", ["iCode", "Parent", "Level", "Weight"], [list(r.values()) for r in weights_rows(b)])
    if unc is not None:
        rows = unc.to_rows()
        sheet("uncertainty", list(rows[0].keys()) if rows else [], [list(r.values()) for r in rows])
    sheet(
        "meta",
        [
            "iCode",
            "iName",
            "Level",
            "Parent",
            "Direction",
            "Weight",
            "Type",
            "Denominator",
            "ScaleFactor",
            "Unit",
        ],
        [
            [
                n.code,
                n.name,
                n.level,
                n.parent or None,
                n.direction,
                n.weight,
                n.type,
                n.denominator or None,
                n.scale,
                n.unit or None,
            ]
            for n in b.recipe.meta
        ],
    )
    wb.save(path)
    return path


if __name__ == "__main__":  # python -m raqmana.cli.index build … (skips loading the other commands)
    app()
