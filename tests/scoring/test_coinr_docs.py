"""docs/coinr-migration.md prints the COINr ↔ raqmana table of ``raqmana.scoring.coinr``, complete."""

from pathlib import Path

from raqmana.scoring.coinr import ROWS, markdown_table
from raqmana.scoring.methods import CATALOGUE

DOC = Path(__file__).parents[2] / "docs" / "coinr-migration.md"


def test_the_migration_guide_prints_the_generated_table():
    text = DOC.read_text(encoding="utf-8")
    start = text.index("<!-- coinr-table:start -->\n") + len("<!-- coinr-table:start -->\n")
    end = text.index("<!-- coinr-table:end -->")
    assert text[start:end] == markdown_table(), (
        "run: python -c 'from raqmana.scoring.coinr import markdown_table'"
    )


def test_every_method_of_the_recipe_is_in_the_table():
    named = " ".join(b for _, b, _ in ROWS)
    missing = [
        f"{step}: {method}"
        for step, methods in CATALOGUE.items()
        for method in methods
        if method not in named and not (step == "treat" and method == "none" and "treat: none" in named)
    ]
    assert missing == []
