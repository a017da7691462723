"""``docs/errors.md``: every error code of every catalogue, in English, Arabic and Sorani.

The catalogues are the ``errors`` module of each package and the web layer's ``messages`` module; their
Arabic and Sorani texts come from the gettext catalogues. ``raqmana framework errors --markdown``
prints the document and a test checks that the checked-in copy is current.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import raqmana
from raqmana.problems import Code

#: the modules that define codes besides ``raqmana.<package>.errors``
EXTRA_CATALOGUES = ("raqmana.web.messages",)


@dataclass(frozen=True)
class Catalogue:
    module: str
    title: str
    codes: tuple[Code, ...]


def _defined_here(module: ModuleType) -> tuple[Code, ...]:
    """The codes assigned in ``module`` itself (not imported from another catalogue), in source order."""
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    names = re.findall(r"^([A-Z][A-Z0-9_]*)\s*(?::[^=]+)?=\s*(?:\w+\.)?Code\(", source, flags=re.M)
    return tuple(v for name in names if isinstance(v := getattr(module, name, None), Code))


def catalogues() -> list[Catalogue]:
    """Every error catalogue of raqmana, ordered by module name."""
    names = sorted(
        {m.name for m in pkgutil.walk_packages(raqmana.__path__, "raqmana.") if m.name.endswith(".errors")}
        | set(EXTRA_CATALOGUES)
    )
    found: list[Catalogue] = []
    for name in names:
        module = importlib.import_module(name)
        codes = _defined_here(module)
        if codes:
            title = (module.__doc__ or name).strip().splitlines()[0].rstrip(".")
            found.append(Catalogue(module=name, title=title, codes=codes))
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def errors_markdown() -> str:
    """The text of ``docs/errors.md``."""
    cats = catalogues()
    total = sum(len(c.codes) for c in cats)
    lines = [
        "# Error codes",
        "",
        "Generated from raqmana's error catalogues by `raqmana framework errors --markdown > docs/errors.md`",
        "(the Arabic and Sorani texts come from `src/raqmana/i18n/locale/*/LC_MESSAGES/raqmana.po`).",
        "Errors stop the input from being used; warnings are reported and the input is still used.",
        f"{total} codes in {len(cats)} catalogues.",
        "",
    ]
    for cat in cats:
        lines += [
            f"## {cat.module.removeprefix('raqmana.').removesuffix('.errors')}",
            "",
            f"{cat.title} (`{cat.module}`).",
            "",
            "| code | severity | message (en) | message (ar) | message (ckb) |",
            "|---|---|---|---|---|",
        ]
        for c in cat.codes:
            cells = [c.id, c.severity.value, c.en, c.template("ar"), c.template("ckb")]
            lines.append("| " + " | ".join(_cell(x) for x in cells) + " |")
        lines.append("")
    return "\n".join(lines)
