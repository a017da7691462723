"""Jinja2 environment, filters and the two renderers (page, error page)."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from raqmana.documents.register import source_parts
from raqmana.i18n import (
    LOCALES,
    Translated,
    format_number,
    format_percent,
    get_locale,
    gettext,
    localize_digits,
    ngettext,
    translator,
)
from raqmana.i18n.bidi import ltr as bidi_ltr
from raqmana.i18n.bidi import runs as bidi_runs
from raqmana.i18n.bidi import text_lang
from raqmana.i18n.dates import day_field_hint, format_day, format_day_field, format_year, quarter_text
from raqmana.i18n.prose import prose_digits
from raqmana.problems import Problem
from raqmana.roadmap.model import initiative_code
from raqmana.settings import Settings
from raqmana.web.fields import where
from raqmana.workspace.actors import ROLE_LABELS
from raqmana.workspace.views import STATE_LABELS

ASSET_VERSION = "6"


def make_env(settings: Settings) -> Environment:
    env = Environment(
        loader=PackageLoader("raqmana.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship in the package: no stat() of every template on every request
    )
    digits = None if settings.digits == "locale" else settings.digits

    @pass_context
    def tr(context: Context, value: Any) -> str:
        lang = context["lang"]
        if isinstance(value, Translated):
            text = value.get(lang)
        elif isinstance(value, dict):
            text = str(value.get(lang) or value.get("en") or "")
        else:
            return "" if value is None else str(value)
        # a translated text's numbers in the reader's digits, codes as written ("المستوى 3" → "المستوى ٣")
        return prose_digits(text, lang, digits)

    @pass_context
    def num(context: Context, value: Any, decimals: int = 0) -> str:
        if value is None:
            return "–"
        return cached_number(value, context["lang"], decimals, digits)

    @pass_context
    def pct(context: Context, value: Any, decimals: int = 0) -> str:
        if value is None:
            return "–"
        return cached_percent(round(value, decimals + 2), context["lang"], decimals, digits)

    @pass_context
    def when(context: Context, value: Any, short: bool = False) -> str:
        if value is None:
            return "–"
        lang = context["lang"]
        if isinstance(value, date):  # a datetime is a date too
            return format_day(value, lang, digits, short=short and isinstance(value, datetime))
        return localize_digits(str(value), lang, digits)

    @pass_context
    def dayfield(context: Context, value: Any) -> str:
        """A date as the text of a date field, in the reader's order and digits ("٠٧/١٢/٢٠٢٦" in ar)."""
        return format_day_field(value, context["lang"], digits)

    @pass_context
    def dayhint(context: Context, _: Any = None) -> str:
        """The hint under a date field: the order of day, month and year, and an example."""
        return day_field_hint(context["lang"], digits)

    @pass_context
    def quarter(context: Context, value: Any) -> str:
        """A machine quarter label ("2027-Q1") in the reader's words and digits."""
        return quarter_text(value, context["lang"], digits)

    @pass_context
    def year(context: Context, value: Any) -> str:
        """A year in the reader's digits, without a thousands separator."""
        if value is None or value == "":
            return "–"
        try:
            return format_year(int(value), context["lang"], digits)
        except (TypeError, ValueError):
            return localize_digits(str(value), context["lang"], digits)

    @pass_context
    def prose(context: Context, value: Any) -> str:
        """Text written by others (methodology, framework, rules) with its numbers in the reader's digits."""
        return prose_digits("" if value is None else str(value), context["lang"], digits)

    @pass_context
    def markdown(context: Context, value: Any) -> Markup:
        """Markdown written by raqmana (the methodology) as HTML: raw HTML in it is escaped, headings start
        at ``<h4>`` (the text sits under the page's own headings), numbers in the reader's digits."""
        from markdown_it import MarkdownIt

        from raqmana.reports.formula import FORMULA, to_html, valid

        # formulas ($…$) are typeset apart (raqmana.reports.formula), held by a private-use mark meanwhile
        formulas: list[str] = []

        def hold(m: re.Match[str]) -> str:
            if not valid(m.group(1)):
                return m.group(0)
            formulas.append(m.group(1))
            return "\ue000" + chr(0xE100 + len(formulas) - 1)

        md = MarkdownIt("commonmark", {"html": False})
        tokens = md.parse(FORMULA.sub(hold, "" if value is None else str(value)))
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                token.tag = f"h{min(6, int(token.tag[1]) + 3)}"
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    child.content = prose_digits(child.content, context["lang"], digits)
        html = md.renderer.render(tokens, md.options, {})  # escaped by markdown-it
        html = re.sub(
            "\ue000([\ue100-\ue1ff])", lambda m: str(to_html(formulas[ord(m.group(1)) - 0xE100])), html
        )
        return Markup(html)  # nosec B704  # escaped by markdown-it, formulas escaped by to_html

    def isolated(value: Any) -> Markup:
        """Text whose passages left in English (``raqmana.i18n.bidi``: a citation as its source writes it)
        are left-to-right isolates marked as English, so that they keep their order in an Arabic line."""
        text = "" if value is None else str(value)
        return Markup("").join(
            Markup('<bdi dir="ltr" lang="en">{}</bdi>').format(piece) if kind == "ltr" else escape(piece)
            for piece, kind in bidi_runs(text)
        )

    def user_text(value: Any, lang: str | None = None, tag: str = "bdi") -> Markup:
        """Text a person typed, shown as they wrote it: its own direction (``dir="auto"``, so an Arabic
        comment ends with its full stop on the left even in an English page) and its language when known
        (``lang``: the page's language when it was written, checked against the script)."""
        text = "" if value is None else str(value)
        said = text_lang(text, lang)
        if tag not in ("bdi", "p", "div", "dd", "li", "blockquote", "span"):
            tag = "bdi"
        attrs = Markup(' dir="auto"') + (Markup(' lang="{}"').format(said) if said else Markup(""))
        return Markup("<{t}{a}>{x}</{t}>").format(t=Markup(tag), a=attrs, x=text)  # nosec B704  # tag allow-listed, text escaped

    @pass_context
    def size(context: Context, value: Any) -> str:
        """A file size in bytes, kilobytes or megabytes, in the reader's words and digits."""
        if value is None:
            return "–"
        lang, n = context["lang"], int(value)
        if n < 1024:
            return ngettext(lang, "{n} byte", "{n} bytes", n, n=cached_number(n, lang, 0, digits))
        if n < 1024 * 1024:
            kb = n / 1024
            return gettext(lang, "{n} KB", n=cached_number(kb, lang, 1 if kb < 10 else 0, digits))
        return gettext(lang, "{n} MB", n=cached_number(n / (1024 * 1024), lang, 1, digits))

    env.filters.update(
        tr=tr,
        num=num,
        pct=pct,
        when=when,
        dayfield=dayfield,
        dayhint=dayhint,
        quarter=quarter,
        year=year,
        prose=prose,
        markdown=markdown,
        isolated=isolated,
        ltr=bidi_ltr,  # a code or version number in a translated sentence, then shown through |isolated
        user_text=user_text,
        domid=domid,
        size=size,
        code=initiative_code,
        source_parts=source_parts,
    )
    env.globals.update(
        LOCALES=LOCALES,
        ASSET_VERSION=ASSET_VERSION,
        settings=settings,
        STATE_LABELS=STATE_LABELS,
        ROLE_LABELS=ROLE_LABELS,
        where=where,
    )
    return env


# Babel formatting costs ~60 µs a call and a heat map of 900 institutions prints tens of thousands of
# small numbers: the same few values are formatted once per process and language
@lru_cache(maxsize=8192)
def cached_number(value: float, lang: str, decimals: int = 0, digits: str | None = None) -> str:
    return format_number(value, lang, decimals=decimals, digits=digits)


@lru_cache(maxsize=8192)
def cached_percent(value: float, lang: str, decimals: int = 0, digits: str | None = None) -> str:
    return format_percent(value, lang, decimals=decimals, digits=digits)


def domid(value: str) -> str:
    """An HTML id / CSS selector-safe form of an identifier such as ``LEG-01`` or ``LEG.1``."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in str(value))


def source_types(lang: str) -> dict[str, str]:
    return {key: gettext(lang, label) for key, label in SOURCE_TYPE_LABELS}


# msgids for the evidence source types (extracted by Babel from this tuple of _() calls)
def _(message: str) -> str:
    return message


SOURCE_TYPE_LABELS = (
    ("document", _("Official document")),
    ("system", _("Information system")),
    ("external_index", _("External index or dataset")),
    ("survey", _("Survey")),
)


def _here(request: Request) -> str:
    """The page the user is on (for an HTMX request, the page that sent it)."""
    current = request.headers.get("hx-current-url")
    if current:
        parts = urlsplit(current)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def _fill(text: str, params: dict[str, Any]) -> str:
    return text.format(**params) if params else text


def _base(request: Request, lang: str, **extra: Any) -> dict[str, Any]:
    loc = get_locale(lang)
    # the numbers written in a page's own sentences ("from 0 to 5") take the reader's digits, as the
    # numbers filled into them do
    tr = translator(loc.code)
    settings = getattr(request.app.state, "settings", None)
    digits = settings.digit_shape if settings is not None else None
    ctx = getattr(request.state, "ctx", None)
    return {
        "request": request,
        "ctx": ctx,
        "actor": ctx.actor if ctx is not None else None,
        "lang": loc.code,
        "dir": loc.direction,
        "rtl": loc.is_rtl,
        "csrf": getattr(request.state, "csrf", ""),
        "_": lambda message, **params: _fill(prose_digits(tr.gettext(message), loc.code, digits), params),
        "ngettext": lambda singular, plural, count, /, **params: _fill(
            prose_digits(tr.ngettext(singular, plural, count), loc.code, digits), params
        ),
        "path": request.url.path,
        "hx": bool(request.headers.get("hx-request")),
        "here": _here(request),
        "SOURCE_TYPES": source_types(loc.code),
        **extra,
    }


def render_text(request: Request, lang: str, template: str, data: dict[str, Any]) -> str:
    """A template rendered to a string (a fragment to keep, e.g. in a :class:`FragmentCache`)."""
    env: Environment = request.app.state.templates
    return env.get_template(template).render(_base(request, lang, **data))


def render(
    request: Request,
    lang: str,
    template: str,
    data: dict[str, Any],
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    return HTMLResponse(render_text(request, lang, template, data), status_code=status, headers=headers)


def render_error(
    request: Request,
    *,
    lang: str,
    status: int,
    problems: list[Problem],
    current: Any,
    fragment: bool,
    rtl: bool,
) -> HTMLResponse:
    template = "fragments/problems.html" if fragment else "error.html"
    return render(
        request,
        lang,
        template,
        {"status": status, "problems": problems, "current": current, "back": _form_page(request)},
        status=status,
    )


def _form_page(request: Request) -> str | None:
    """The page whose form was refused (a same-site Referer of a POST), for a "back to the form" link."""
    if request.method != "POST":
        return None
    referer = urlsplit(request.headers.get("referer", ""))
    if (
        referer.netloc != request.url.netloc
        or not referer.path.startswith("/")
        or referer.path.startswith("//")
    ):
        return None
    return referer.path + (f"?{referer.query}" if referer.query else "")
