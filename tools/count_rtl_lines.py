"""Count the lines of Arabic-script text (Arabic and Sorani) written in Python files under ``src/``.

Interface and error text belongs in the gettext catalogues (``src/raqmana/i18n/locale``) and content in
data files (YAML, CSV); this figure shows how much still sits in Python code. Run from the repository
root::

    python tools/count_rtl_lines.py            # the total
    python tools/count_rtl_lines.py --files    # the total, then each file with its count
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: Arabic, Arabic Supplement, Arabic Extended-A and the Arabic presentation forms
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
ROOT = Path(__file__).resolve().parents[1] / "src"


def counts(root: Path = ROOT) -> dict[str, int]:
    """Lines with an Arabic-script character, per ``.py`` file (files without any are left out)."""
    found: dict[str, int] = {}
    for path in sorted(root.rglob("*.py")):
        n = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if ARABIC_SCRIPT.search(line))
        if n:
            found[str(path.relative_to(root))] = n
    return found


def main(argv: list[str]) -> None:
    found = counts()
    print(f"{sum(found.values())} lines of Arabic/Kurdish text in {len(found)} .py files under src/")
    if "--files" in argv:
        for name, n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{n:6d}  {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
