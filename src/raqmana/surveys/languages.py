"""XLSForm language names: how raqmana writes them and how it reads the ones others wrote.

raqmana writes ``label::English (en)``, ``label::Arabic (ar)``, ``label::Kurdish (ckb)`` (the
``Name (code)`` form KoboToolbox and ODK recommend). Forms from elsewhere name a language by its code in
brackets, by its English or by its own name (``label::العربية``, ``label::کوردی``); a name that is none of
the three raqmana languages is reported, not guessed.
"""

from __future__ import annotations

import re

from raqmana.i18n.locales import LANGS

#: how raqmana names its languages in an XLSForm
COLUMN_NAMES = {"en": "English (en)", "ar": "Arabic (ar)", "ckb": "Kurdish (ckb)"}

_CODE_IN_BRACKETS = re.compile(r"\(([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\)\s*$")
_NAMES = {
    "en": {"english", "en", "eng", "انگلیزی", "الإنجليزية", "الانجليزية", "ئینگلیزی"},
    "ar": {"arabic", "ar", "ara", "العربية", "عربي", "عربى", "العربیة", "عەرەبی"},
    "ckb": {
        "kurdish",
        "sorani",
        "central kurdish",
        "kurdish (sorani)",
        "ckb",
        "ku",
        "کوردی",
        "كوردي",
        "كردي",
        "الكردية",
        "کوردیی ناوەندی",
        "سۆرانی",
    },
}
_CODES = {"en": "en", "eng": "en", "ar": "ar", "ara": "ar", "ckb": "ckb", "ku": "ckb", "kur": "ckb"}


def language_code(name: str) -> str | None:
    """The raqmana language of an XLSForm language name, or None when it is none of ar, ckb, en."""
    text = name.strip()
    found = _CODE_IN_BRACKETS.search(text)
    if found:
        code = found.group(1).lower().replace("_", "-")
        return _CODES.get(code, _CODES.get(code.split("-")[0]))
    lowered = text.lower()
    for lang in LANGS:
        if lowered in _NAMES[lang]:
            return lang
    return None
