"""Fonts shipped with raqmana (Noto, SIL OFL 1.1) so reports need no system font install."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

FONT_FILES = {
    "Noto Naskh Arabic": ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
    "Noto Sans Arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "Noto Sans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
}
#: font families in order of preference, per writing direction
FAMILIES = {
    "rtl": ["Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans"],
    "ltr": ["Noto Sans", "Noto Naskh Arabic"],
}


def fonts_dir() -> Path:
    return Path(str(resources.files("raqmana.i18n.fonts")))


def font_paths() -> list[Path]:
    d = fonts_dir()
    return [d / f for pair in FONT_FILES.values() for f in pair]


def register_matplotlib_fonts() -> list[str]:
    """Add the shipped fonts to matplotlib's font manager; return the family names."""
    from matplotlib import font_manager

    for path in font_paths():
        font_manager.fontManager.addfont(str(path))
    return list(FONT_FILES)
