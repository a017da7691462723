"""Comments grouped by theme: first by keywords (``data/themes.json``: each theme's name in three
languages and the word stems that mark it), then the comments no keyword placed are grouped by meaning
with the multilingual Universal Sentence Encoder shipped with :mod:`raqmana.documents` (loaded once, no
network): a comment joins the nearest group whose centre is within :data:`SIMILAR` cosine, otherwise it
starts a new one (single pass, in the order received, so the grouping is reproducible)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np

from raqmana.i18n import Translated, gettext
from raqmana.i18n.locales import LANGS

#: cosine similarity above which two comments are about the same thing (USE vectors are normalised)
SIMILAR = 0.55
OTHER = "other"


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    name: Translated
    words: tuple[str, ...]


@dataclass(slots=True)
class Group:
    """One theme (``keyword``) or group of similar comments (``meaning``), with the comments' indexes."""

    id: str
    name: Translated
    method: str
    members: list[int] = field(default_factory=list)
    #: a group by meaning: its first comment (shortened and masked), quoted in the comment's own language
    quote: str = ""


@cache
def themes() -> tuple[Theme, ...]:
    raw = json.loads(resources.files("raqmana.participation").joinpath("data/themes.json").read_text("utf-8"))
    return tuple(
        Theme(t["id"], Translated.model_validate(t["name"]), tuple(w.lower() for w in t["words"]))
        for t in raw["themes"]
    )


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?:^|[^\w])(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)


def keyword_theme(text: str) -> str | None:
    """The first theme whose word stems occur in ``text`` (at the start of a word), or None."""
    for t in themes():
        if _pattern(t.words).search(text):
            return t.id
    return None


Embed = Callable[[list[str]], np.ndarray]


def _use(texts: list[str]) -> np.ndarray:
    from raqmana.documents.embed import embed

    return embed(texts)


def group_comments(
    texts: Sequence[str], *, embed: Embed | None = None, label: Callable[[str], str] = str
) -> list[Group]:
    """Every comment in one group: keyword themes first, then groups by meaning named after their first
    comment (``label`` shortens and masks it); biggest groups first."""
    by_theme = {t.id: Group(t.id, t.name, "keyword") for t in themes()}
    rest: list[int] = []
    for i, text in enumerate(texts):
        found = keyword_theme(text)
        if found:
            by_theme[found].members.append(i)
        else:
            rest.append(i)
    groups = [g for g in by_theme.values() if g.members]
    if rest:
        vectors = (embed or _use)([texts[i] for i in rest])
        centres: list[np.ndarray] = []
        meaning: list[Group] = []
        for row, i in enumerate(rest):
            v = vectors[row]
            if centres:
                sims = np.array([float(c @ v) / (float(np.linalg.norm(c)) or 1.0) for c in centres])
                best = int(sims.argmax())
                if sims[best] >= SIMILAR:
                    meaning[best].members.append(i)
                    centres[best] = centres[best] + v
                    continue
            centres.append(v.copy())
            name = label(texts[i])
            title = {lang: gettext(lang, "Similar comments: “{quote}”", quote=name) for lang in LANGS}
            meaning.append(
                Group(f"{OTHER}-{len(meaning) + 1}", Translated(**title), "meaning", [i], quote=name)
            )
        groups += meaning
    return sorted(groups, key=lambda g: -len(g.members))
