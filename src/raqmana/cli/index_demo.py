"""The demo's index build: the round's answers as COINr's tables, a recipe, and ``raqmana index build``.

The round's institutions and indicators are written as an iData and an iMeta table (what a COINr user
would bring), beside a recipe that rebuilds the index its own way (another imputation, scores on 0–100
between the indicators' goalposts, a Monte Carlo over weights, imputation and normalisation); the
command's own function then builds it, so the demo's folder shows what the command reads and what it
writes. The data are the demo's, so ILLUSTRATIVE, and the recipe says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

NOTE = "ILLUSTRATIVE data (raqmana demo): the round's generated answers, not real assessments."

RECIPE = """\
# {note}
# Rebuild it with: {command}
name: Digital maturity, rebuilt from the round's tables (illustrative)
impute: mean
normalise: {{method: goalposts, scale: 100, fallback: minmax}}
aggregate: arithmetic
"""

UNCERTAINTY = """\
uncertainty:
  runs: {runs}
  weight_noise: 0.25
  impute: [median]
  normalise: [rank]
"""


def write_tables(b: Any, folder: Path, runs: int) -> tuple[Path, Path, Path]:
    """iData.csv, iMeta.csv and recipe.yaml of the build ``b`` in ``folder``."""
    from raqmana.scoring.io import write_csv

    folder.mkdir(parents=True, exist_ok=True)
    data, meta, recipe = folder / "iData.csv", folder / "iMeta.csv", folder / "recipe.yaml"
    indicators = list(b.tree.indicators)
    values = b.data.table.select(indicators).values.tolist()
    groups = dict(b.data.groups)
    rows = []
    for k, (unit, name) in enumerate(zip(b.data.table.units, b.data.names, strict=True)):
        row: dict[str, Any] = {"uCode": unit, "uName": name}
        row.update({g: codes[k] for g, codes in groups.items()})
        row.update({c: (None if v != v else v) for c, v in zip(indicators, values[k], strict=True)})
        rows.append(row)
    write_csv(data, rows, ["uCode", "uName", *groups, *indicators])
    header = ["iCode", "iName", "Level", "Parent", "Direction", "Weight", "Type", "GoalpostLo", "GoalpostHi"]
    nodes = [n for n in b.recipe.meta if n.type in ("Indicator", "Aggregate")]
    meta_rows = [
        {
            "iCode": n.code,
            "iName": n.name or n.code,
            "Level": n.level,
            "Parent": n.parent or None,
            "Direction": n.direction,
            "Weight": float(n.weight),
            "Type": n.type,
            "GoalpostLo": n.lo,
            "GoalpostHi": n.hi,
        }
        for n in nodes
    ]
    meta_rows += [{"iCode": g, "iName": g, "Type": "Group"} for g in groups]
    write_csv(meta, meta_rows, header)
    command = f"raqmana index build --data {data.name} --meta {meta.name} --recipe {recipe.name} --out build"
    text = RECIPE.format(note=NOTE, command=command)
    if runs:
        text += UNCERTAINTY.format(runs=runs)
    recipe.write_text(text, encoding="utf-8")
    return data, meta, recipe


def demo_index(b: Any, out: Path, lang: str, runs: int) -> list[Path]:
    """The demo's step: the tables and the recipe in ``out/index``, built into ``out/index/build`` by
    ``raqmana index build`` itself (its closing line printed as the command prints it)."""
    from raqmana.cli.common import console
    from raqmana.cli.index import build_cmd
    from raqmana.i18n.catalog import gettext

    folder = out / "index"
    data, meta, recipe = write_tables(b, folder, min(runs, 1000))
    target = folder / "build"
    console.print(
        gettext(
            lang,
            "Index build: the round's answers as COINr tables with a recipe (illustrative) in {dir}; "
            "raqmana index build wrote:",
            dir=folder,
        ),
        markup=False,
        highlight=False,
    )
    build_cmd(
        data=data,
        meta=meta,
        recipe=recipe,
        agg_meta=None,
        out=target,
        formats="csv",
        denoms=None,
        time=None,
        jobs=0,
        lang=lang,
        as_json=False,
    )
    return [data, meta, recipe, *sorted(p for p in target.iterdir() if p.is_file())]
