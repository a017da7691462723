"""Interface and error message catalogues: gettext ``.po`` files.

Catalogues live in ``raqmana/i18n/locale/<lang>/LC_MESSAGES/raqmana.po`` (shipped as package data and
read the first time a language is asked for, so a source checkout or ``pip install -e .`` needs no
build step). English is the source language (msgid = English text). Error codes use the code as
message context (``msgctxt "WS001"``); counted phrases carry plural forms (Arabic six, Sorani two, see
the ``Plural-Forms`` header of each catalogue). Babel writes and checks the files (``babel.cfg``,
``tools/convert_error_codes.py``); reading them here takes a few milliseconds, where Babel's reader
takes a fifth of a second per language.
"""

from __future__ import annotations

import gettext as _gettext
import json
import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from importlib import resources

from raqmana.i18n.locales import get_locale
from raqmana.i18n.text import Translated

DOMAIN = "raqmana"
_CONTEXT_SEP = "\x04"


def po_path(lang: str) -> resources.abc.Traversable:
    """Where the catalogue of ``lang`` is shipped."""
    return resources.files("raqmana.i18n").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.po")


class Catalogue(_gettext.NullTranslations):
    """The translations of one language: msgid → text, with contexts and plural forms as gettext keeps them.

    An empty or missing translation gives the English text, as gettext does for a missing one.
    """

    def __init__(self, messages: dict[str | tuple[str, int], str], plural: Callable[[int], int]) -> None:
        super().__init__()
        self._messages = messages
        self.plural = plural

    def gettext(self, message: str) -> str:
        return self._messages.get(message) or message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._messages.get((msgid1, self.plural(n))) or (msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self._messages.get(context + _CONTEXT_SEP + message) or message

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        found = self._messages.get((context + _CONTEXT_SEP + msgid1, self.plural(n)))
        return found or (msgid1 if n == 1 else msgid2)


_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def parse_po(text: str) -> tuple[dict[str | tuple[str, int], str], str]:
    """The messages of a ``.po`` text (gettext's keys) and its ``Plural-Forms`` expression.

    Fuzzy entries are left out, as ``msgfmt`` does.
    """
    messages: dict[str | tuple[str, int], str] = {}
    header = ""

    def flush(entry: dict[str, str], fuzzy: bool) -> None:
        nonlocal header
        if "msgid" not in entry:
            return
        msgid = entry["msgid"]
        if msgid == "":
            header = entry.get("msgstr", "")
            return
        if fuzzy:
            return
        key = entry["msgctxt"] + _CONTEXT_SEP + msgid if "msgctxt" in entry else msgid
        if "msgid_plural" in entry:
            for name, value in entry.items():
                if name.startswith("msgstr[") and value:
                    messages[(key, int(name[7:-1]))] = value
        elif entry.get("msgstr"):
            messages[key] = entry["msgstr"]

    entry: dict[str, str] = {}
    fuzzy = False
    last = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        complete = any(name.startswith("msgstr") for name in entry)
        if line.startswith("#"):  # comments (and obsolete #~ entries) come before an entry
            if complete:
                flush(entry, fuzzy)
                entry, fuzzy = {}, False
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        if line.startswith('"'):
            entry[last] += json.loads(line)
            continue
        m = _KEYWORD.match(line)
        if m is None:
            raise ValueError(f"not a .po line: {raw!r}")
        last = m.group(1)
        if last in ("msgctxt", "msgid") and complete:
            flush(entry, fuzzy)
            entry, fuzzy = {}, False
        entry[last] = json.loads(m.group(3))
    flush(entry, fuzzy)
    plural = next(
        (
            line.split(":", 1)[1].strip()
            for line in header.splitlines()
            if line.lower().startswith("plural-forms:")
        ),
        "nplurals=2; plural=(n != 1);",
    )
    return messages, plural


@lru_cache(maxsize=8)
def translator(lang: str) -> _gettext.NullTranslations:
    """A gettext translations object for ``lang`` (English returns the identity).

    A missing catalogue for a language raqmana ships is a packaging defect and raises
    :class:`FileNotFoundError` rather than silently showing English.
    """
    code = get_locale(lang).code
    if code == "en":
        return _gettext.NullTranslations()
    messages, plural_forms = parse_po(po_path(code).read_text(encoding="utf-8"))
    expression = plural_forms.split("plural=", 1)[1].rstrip(";").strip()
    return Catalogue(messages, _gettext.c2py(expression))


def _fill(text: str, params: dict[str, object]) -> str:
    return text.format(**params) if params else text


def gettext(lang: str, message: str, /, **params: object) -> str:
    """Translate ``message`` into ``lang`` and fill ``{name}`` placeholders from ``params``."""
    return _fill(translator(lang).gettext(message), params)


def ngettext(lang: str, singular: str, plural: str, count: int, /, **params: object) -> str:
    """The form of a counted phrase that fits ``count`` in ``lang``, placeholders filled from ``params``.

    ``count`` chooses the plural form only; pass the number to show (formatted for the language) as a
    parameter, e.g. ``ngettext(lang, "{n} event", "{n} events", count, n=format_number(count, lang))``.
    """
    return _fill(translator(lang).ngettext(singular, plural, count), params)


def pgettext(lang: str, context: str, message: str, /, **params: object) -> str:
    """Translate ``message`` in ``context`` (e.g. an error code) into ``lang``."""
    return _fill(translator(lang).pgettext(context, message), params)


@cache
def ui(message: str, context: str | None = None) -> Translated:
    """An interface text in the three languages, read from the catalogues (English is ``message``).

    For tables of words that code hands around as :class:`Translated` values (report labels, sentences,
    workbook headers); ``context`` tells apart two uses of one English text with different words.
    """
    if context is None:
        return Translated(en=message, ar=gettext("ar", message), ckb=gettext("ckb", message))
    return Translated(en=message, ar=pgettext("ar", context, message), ckb=pgettext("ckb", context, message))


def by_language(table: Mapping[str, Translated]) -> dict[str, dict[str, str]]:
    """A table of texts turned language-first: ``{"en": {key: text}, "ar": {…}, "ckb": {…}}``."""
    return {lang: {key: text[lang] for key, text in table.items()} for lang in ("en", "ar", "ckb")}


def ui_n(singular: str, plural: str, count: int) -> Translated:
    """The form of a counted interface phrase that fits ``count`` in each language (fill it with ``.format``)."""
    return Translated(
        en=ngettext("en", singular, plural, count),
        ar=ngettext("ar", singular, plural, count),
        ckb=ngettext("ckb", singular, plural, count),
    )


def N_(message: str) -> str:
    """Mark ``message`` for the catalogues (Babel extracts it) where it is translated later by value."""
    return message
