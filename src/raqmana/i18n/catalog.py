"""UI message catalogues: gettext ``.po`` files read with Babel.

Catalogues live in ``raqmana/i18n/locale/<lang>/LC_MESSAGES/raqmana.po``. English is the source
language (msgid = English text). Catalogues are read once per process and kept in memory.
"""

from __future__ import annotations

import gettext as _gettext
from functools import lru_cache
from importlib import resources

from babel.messages.pofile import read_po
from babel.support import Translations

from raqmana.i18n.locales import get_locale

DOMAIN = "raqmana"


def _po_path(lang: str) -> resources.abc.Traversable:
    return resources.files("raqmana.i18n").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.po")


@lru_cache(maxsize=8)
def translator(lang: str) -> _gettext.NullTranslations:
    """A gettext translations object for ``lang`` (English returns the identity)."""
    code = get_locale(lang).code
    if code == "en":
        return _gettext.NullTranslations()
    path = _po_path(code)
    if not path.is_file():
        return _gettext.NullTranslations()
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=code if code != "ckb" else "ckb")
    import io

    from babel.messages.mofile import write_mo

    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(fp=buf, domain=DOMAIN)


def gettext(lang: str, message: str, **params: object) -> str:
    """Translate ``message`` into ``lang`` and fill ``{name}`` placeholders from ``params``."""
    text = translator(lang).gettext(message)
    return text.format(**params) if params else text
