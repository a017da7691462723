"""Arabic text: repair of what PDF extraction breaks, and normalisation for matching and search.

Repair keeps the text a reader would quote (letters, digits as written); normalisation is for
comparison only and is never shown.
"""

from __future__ import annotations

import re
import unicodedata

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF]")
_PRESENTATION = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")
_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]")
_TATWEEL = "\u0640"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# letters that only end a word in logical order: seen at a word's start, the line is reversed
_FINAL_ONLY = ("ة", "ى")
_SENTENCE_PUNCT = ".:،؛!?؟"
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\u0621-\u064A0-9٠-٩]) +(?=[.،؛!؟](?:\s|$))")
_LETTER_DIGIT = re.compile(r"(?<=[\u0621-\u064A])(?=[0-9٠-٩])|(?<=[0-9٠-٩])(?=[\u0621-\u064A])")


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as 0-9."""
    return text.translate(_DIGITS)


def _reversed_chars(line: str) -> bool:
    """A line written in visual order character by character (``ةموكحلا`` for ``الحكومة``)."""
    words = [w for w in line.split() if has_arabic(w)]
    if len(words) < 2:
        return False
    starts = sum(1 for w in words if w[0] in _FINAL_ONLY) + sum(1 for w in words if w.endswith("لا"))
    ends = sum(1 for w in words if w[-1] in _FINAL_ONLY) + sum(1 for w in words if w.startswith("ال"))
    return starts >= 2 and starts > 2 * ends


def _unreverse_chars(line: str) -> str:
    out = line[::-1]
    # runs that are left-to-right (digits, Latin) were reversed with the line: turn them back
    return re.sub(
        r"[0-9٠-٩A-Za-z][0-9٠-٩A-Za-z.,/%-]*[0-9٠-٩A-Za-z%]|[0-9٠-٩A-Za-z]", lambda m: m[0][::-1], out
    )


def _runs_in_visual_order(line: str) -> bool:
    """A line whose bidi runs come left to right (the sentence's full stop first): ``.2025 عام … المادة``."""
    s = line.strip()
    return bool(s) and s[0] in ".:،؛" and has_arabic(s) and not has_arabic(s.split()[0])


def _reorder_runs(line: str) -> str:
    tokens = line.split()
    runs: list[list[str]] = []
    pending: list[str] = []  # punctuation-only tokens join the run that follows
    for tok in tokens:
        if not any(ch.isalnum() for ch in tok):
            pending.append(tok)
            continue
        arabic = has_arabic(tok)
        if runs and not pending and has_arabic(runs[-1][-1]) == arabic:
            runs[-1].append(tok)
        else:
            runs.append([*pending, tok])
        pending = []
    if pending:
        runs.append(pending)
    runs.reverse()
    words = [w for run in runs for w in run]
    if words and words[-1][0] in _SENTENCE_PUNCT and len(words[-1]) > 1:
        words[-1] = words[-1][1:] + words[-1][0]
    return " ".join(words)


def _join_letter_spacing(line: str) -> str:
    """``ا ل ح ك و م ة`` → ``الحكومة`` when most tokens of the line are single Arabic letters."""
    tokens = line.split(" ")
    singles = sum(1 for t in tokens if len(t) == 1 and has_arabic(t))
    if len(tokens) >= 4 and singles > 0.6 * len(tokens):
        return re.sub(r"(?<=[\u0621-\u064A]) (?=[\u0621-\u064A](?: |$))", "", line)
    return line


def repair_line(line: str, *, reorder: bool = True) -> tuple[str, bool]:
    """The line repaired, and whether anything beyond NFKC/tatweel was changed. ``reorder=False`` for
    a line already in reading order (:mod:`raqmana.documents.bidi`): no guessing whether its
    characters or runs are backwards."""
    text = unicodedata.normalize("NFKC", line) if _PRESENTATION.search(line) else line
    text = text.replace(_TATWEEL, "")
    if not has_arabic(text):
        return text, text != line
    before = text
    text = re.sub(r"[ \t\u00A0]+", " ", text).strip()
    text = _join_letter_spacing(text)
    text = re.sub(
        r"(?<![\u0621-\u064A])ال (?=[\u0621-\u064A]{2,})", "ال", text
    )  # the article never stands alone
    text = _LETTER_DIGIT.sub(" ", text)
    if reorder and _reversed_chars(text):
        text = _unreverse_chars(text)
    elif reorder and _runs_in_visual_order(text):
        text = _reorder_runs(text)
    elif text[0] in ".:،؛!؟" and has_arabic(text[1:3]) and text[-1] not in _SENTENCE_PUNCT:
        text = text[1:] + text[0]  # the full stop of a right-to-left line, extracted first
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    return text, text != re.sub(r"\s+", " ", before).strip()


def repair(text: str, *, reorder: bool = True) -> tuple[str, int]:
    """Every line repaired; the number of lines whose order or spacing was fixed."""
    lines, fixed = [], 0
    for line in text.splitlines():
        new, changed = repair_line(line, reorder=reorder)
        fixed += changed
        lines.append(new)
    return "\n".join(lines), fixed


_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ة": "ه",  # Arabic heh; Sorani ە (U+06D5) stays distinct
        "ى": "ي",  # Arabic yeh; Sorani ی (U+06CC) stays distinct
    }
)


def normalise(text: str) -> str:
    """Text folded for matching and search: presentation forms, diacritics, tatweel, alef/hamza forms,
    ta marbuta, alef maqsura, digits and case. Sorani letters (ک ی ە ھ ڕ ڵ ۆ ێ پ چ ژ گ ڤ) are kept."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return ascii_digits(text.translate(_FOLD)).casefold()


def fold_heh(text: str) -> str:
    """The two hehs Kurdish is written with, Sorani ھ (U+06BE) and Arabic ه (U+0647), as one: Sorani
    texts use either, so keyword matching folds them (search keeps them apart, see :func:`normalise`)."""
    return text.replace("\u06be", "\u0647")


_SORANI = re.compile(r"[ڕڵۆێە]")


def language(text: str) -> str:
    """``ar``, ``ckb`` or ``en``: Sorani letters mark Kurdish; Arabic letters Arabic; else English."""
    sample = text[:20000]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    if arabic > latin:
        return "ckb" if len(_SORANI.findall(sample)) > 0.01 * arabic else "ar"
    return "en"
