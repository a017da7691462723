"""Interface and error message catalogues: gettext ``.po`` files read with Babel.

Catalogues live in ``raqmana/i18n/locale/<lang>/LC_MESSAGES/raqmana.po`` (shipped as package data and
compiled in memory the first time a language is asked for, so a source checkout or ``pip install -e .``
needs no build step). English is the source language (msgid = English text). Error codes use the code
as message context (``msgctxt "WS001"``); counted phrases carry plural forms (Arabic six, Sorani two, see
the ``Plural-Forms`` header of each catalogue).
"""

from __future__ import annotations

import gettext as _gettext
import io
from functools import lru_cache
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from raqmana.i18n.locales import get_locale

DOMAIN = "raqmana"


def po_path(lang: str) -> resources.abc.Traversable:
    """Where the catalogue of ``lang`` is shipped."""
    return resources.files("raqmana.i18n").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.po")


@lru_cache(maxsize=8)
def translator(lang: str) -> _gettext.NullTranslations:
    """A gettext translations object for ``lang`` (English returns the identity).

    A missing catalogue for a language raqmana ships is a packaging defect and raises
    :class:`FileNotFoundError` rather than silently showing English.
    """
    code = get_locale(lang).code
    if code == "en":
        return _gettext.NullTranslations()
    with po_path(code).open("rb") as fh:
        catalog = read_po(fh, locale=code)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(fp=buf, domain=DOMAIN)


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
