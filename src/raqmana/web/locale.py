"""Which language a request is served in, and how the choice is remembered.

Order: ``?lang=`` in the URL, then the signed-in user's own choice, then the ``raqmana_lang`` cookie
(set by the switcher before sign-in), then the site default (``RAQMANA_DEFAULT_LOCALE``). The browser's
Accept-Language is not consulted: the operator's default wins over a browser set up in another language.
"""

from __future__ import annotations

from starlette.requests import Request

from raqmana.i18n import LOCALES, get_locale

LANG_COOKIE = "raqmana_lang"


def _known(code: str | None) -> str | None:
    if not code:
        return None
    c = code.strip().lower()
    base = c.replace("_", "-").split("-")[0]
    if c in LOCALES or base in ("ar", "en", "ckb", "ku"):
        return get_locale(c).code
    return None


def negotiate(request: Request, *, user_lang: str | None, default: str) -> str:
    return (
        _known(request.query_params.get("lang"))
        or _known(user_lang)
        or _known(request.cookies.get(LANG_COOKIE))
        or get_locale(default).code
    )
