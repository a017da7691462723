"""Left-to-right passages inside right-to-left text, marked once and shown the same way in every format.

A text that stays in English inside an Arabic or Kurdish sentence (a publisher's name, a dataset's title,
a licence as its source writes it) is held between the Unicode isolates LRI and PDI (:func:`ltr`). The
marks travel with the text (reports' model, JSON twins); renderers that know better turn them into their
own isolation: ``<bdi dir="ltr" lang="en">`` in HTML and PDF (:func:`runs`), a left-to-right run keeping
the marks in Word. Charts draw text with libraqm, which honours the marks as they are. Workbook cells
hold the plain text, without the marks (:mod:`raqmana.celltext`).

:func:`text_lang` says in which language a person wrote a text, when its script tells (for ``lang`` on
user-typed text).
"""

from __future__ import annotations

import re

LRI = "\u2066"
RLI = "\u2067"
FSI = "\u2068"
PDI = "\u2069"
_ISOLATE = re.compile(f"([{LRI}{RLI}{FSI}])([^{LRI}{RLI}{FSI}{PDI}]*){PDI}")
_KIND = {LRI: "ltr", RLI: "rtl", FSI: "auto"}
_MARK = re.compile(f"[{LRI}{RLI}{FSI}{PDI}]")


def ltr(text: str) -> str:
    """``text`` as a left-to-right isolate (nothing added to an empty text)."""
    return f"{LRI}{text}{PDI}" if text else text


def runs(text: str) -> list[tuple[str, str | None]]:
    """``text`` cut into pieces, each (piece without its marks, "ltr"/"rtl"/"auto" for an isolate or
    None for the text around them)."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for m in _ISOLATE.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], None))
        out.append((m.group(2), _KIND[m.group(1)]))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def strip(text: str) -> str:
    """``text`` without isolate marks (for comparing, searching, file names, workbook and CSV cells)."""
    return _MARK.sub("", text)


_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
#: letters Sorani writes and Arabic does not (ڕ ڵ ۆ ێ ە ھ ڤ)
_SORANI = re.compile(r"[\u0695\u06B5\u06C6\u06CE\u06D5\u06BE\u06A4]")
_LATIN = re.compile(r"[A-Za-z]")


def text_lang(text: str, hint: str | None = None) -> str | None:
    """The language a person wrote ``text`` in, when known: Sorani letters say ckb; other Arabic script
    says ar (or ``hint`` when that is ckb); Latin letters say en when ``hint`` (the page's language when
    it was written) is en. None when the script does not tell."""
    arabic = len(_ARABIC_SCRIPT.findall(text))
    latin = len(_LATIN.findall(text))
    if arabic and arabic >= latin:
        if _SORANI.search(text):
            return "ckb"
        return "ckb" if hint == "ckb" else "ar"
    if latin and hint == "en":
        return "en"
    return None
