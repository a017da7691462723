"""The translated-text type used for every stored text a person reads."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from raqmana.i18n.locales import LANGS, get_locale


class Translated(BaseModel):
    """A text in English, Arabic and Central Kurdish (Sorani).

    Missing languages are stored as empty strings so that validators can report them with a
    location instead of failing at parse time.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    en: str = ""
    ar: str = ""
    ckb: str = ""

    def get(self, lang: str, *, fallback: bool = True) -> str:
        """The text in ``lang``; with ``fallback`` an empty value falls back to en, then ar."""
        code = get_locale(lang).code
        value: str = getattr(self, code)
        if value or not fallback:
            return value
        for other in ("en", "ar", "ckb"):
            alt: str = getattr(self, other)
            if alt:
                return alt
        return ""

    def __getitem__(self, lang: str) -> str:
        """The text in ``lang`` as written (``t["ar"]``), like the ``{"en", "ar", "ckb"}`` dicts it replaces."""
        if lang not in LANGS:
            raise KeyError(lang)
        value: str = getattr(self, lang)
        return value

    def format(self, **params: object) -> Translated:
        """Each language's text with its ``{placeholders}`` filled from ``params``."""
        return Translated(
            en=self.en.format(**params), ar=self.ar.format(**params), ckb=self.ckb.format(**params)
        )

    def as_dict(self) -> dict[str, str]:
        """``{"en": …, "ar": …, "ckb": …}`` (the form a problem's parameter or a JSON file carries)."""
        return {"en": self.en, "ar": self.ar, "ckb": self.ckb}

    def missing(self) -> list[str]:
        """Languages with no text, in the order en, ar, ckb."""
        return [lang for lang in LANGS if not getattr(self, lang).strip()]

    def is_empty(self) -> bool:
        return len(self.missing()) == len(LANGS)

    @classmethod
    def of(cls, en: str = "", ar: str = "", ckb: str = "") -> Translated:
        return cls(en=en, ar=ar, ckb=ckb)

    def __str__(self) -> str:
        return self.get("en")
